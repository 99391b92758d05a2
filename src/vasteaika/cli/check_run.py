"""What `vasteaika check` does and shows, apart from typer: the command (``check``) reads its
options and calls run_check_command, and so does the quick path (``fast``) for cron's
``check --quiet``, which then runs without importing typer — the same run, the same output.

The run itself is jobs.cycle's; this module opens its parts in the safe order (lock, ledger,
mailbox) and renders the result."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import TYPE_CHECKING

from vasteaika.catalogue import error_message, fault
from vasteaika.cli import output as render
from vasteaika.errors import ConfigError, TemporaryError

if TYPE_CHECKING:  # the run's modules are imported when check runs, not on every start
    from vasteaika.cli.context import CommandContext
    from vasteaika.config import Config
    from vasteaika.jobs.cycle import CycleResult
    from vasteaika.ledger.store import Store
    from vasteaika.queue import QueueEntry
    from vasteaika.reminders.store import Reminder

QUEUE_TOP = 3  # the contact queue's first customers on the daily screen


def run_check_command(parts: CommandContext, *, json_out: bool, quiet: bool,
                      dry_run: bool) -> None:  # fmt: skip
    """Read what is new, acknowledge, fire due reminders, show the result; errors are raised
    (the caller ends them as one line)."""
    from vasteaika.jobs.cycle import run_cycle
    from vasteaika.jobs.health import note_contact
    from vasteaika.ledger.database import run_lock
    from vasteaika.ledger.store import dry_run_copy

    parts.keeps_health = not dry_run
    config = parts.config
    now = parts.now()
    sends = not (dry_run or parts.pretending)  # at --now the ledger is written, nothing sent
    if dry_run and config.ack.mode != "off":
        _warn_of_the_example(config)
    with contextlib.nullcontext() if dry_run else run_lock(config.database):
        store = dry_run_copy(config.database) if dry_run else parts.store
        source = parts.mail_source()
        try:
            deliver = parts.deliver(source) if sends else None
            notifier, mailer = parts.reminder_channels() if sends else (None, None)
            with render.progress(not quiet and not json_out, config.language) as bar:
                cycle = run_cycle(
                    config, store, source, now, deliver, bar.start, bar.step,
                    notifier=notifier, mailer=mailer,
                    calendar=parts.calendar() if sends else None,
                )  # fmt: skip
        finally:
            source.close()
    if not dry_run:
        note_contact(config.database, now, "check")
    outcome = cycle.acks
    _show_check(config, store, cycle, now, json_out, quiet, not sends)
    if outcome.error is not None:
        raise outcome.error
    if cycle.calendar is not None and cycle.calendar.needs_fixing and cycle.calendar.error:
        raise cycle.calendar.error  # the writes wait in the ledger; the password must be fixed
    if cycle.reminders is not None and cycle.reminders.failed:
        raise fault(TemporaryError, "err.not_delivered_check", n=len(cycle.reminders.failed))


def _warn_of_the_example(config: Config) -> None:
    """The dry run shows what would go; a real run with the example person goes nowhere."""
    from vasteaika.catalogue import error_line
    from vasteaika.config import refuse_example

    try:
        refuse_example(config)
    except ConfigError as exc:
        warning = render.text(config.language, "warning", text=error_line(exc, config.language))
        render.err_console.print(warning, soft_wrap=True, highlight=False, markup=False)


def _show_check(
    config: Config,
    store: Store,
    cycle: CycleResult,
    now: datetime,
    json_out: bool,
    quiet: bool,
    dry_run: bool,
) -> None:
    from vasteaika.reminders.store import open_reminders

    if quiet and not json_out:  # only what needs the owner: no records (50,000 on a first sync)
        _show_needs_owner(config, cycle, [r for r in open_reminders(store, now) if r.unreadable])
        return
    from vasteaika.ledger.records import business_hours, conversation_records
    from vasteaika.reminders.urgency import by_urgency

    result, outcome, fired = cycle.check, cycle.acks, cycle.reminders
    hours = business_hours(config.hours)
    waiting = by_urgency(
        config,
        store,
        conversation_records(store, hours, waiting_only=True, ignore=config.ignore),
        now,
    )
    new = conversation_records(store, hours, run_id=result.run_id, ignore=config.ignore)
    unreadable = [r for r in open_reminders(store, now) if r.unreadable]  # set with remind-at
    from vasteaika.cli.accounts import (
        accounts_json,
        past_promises_json,
        show_accounts,
        show_past_promises,
    )

    queue, queued = ((), 0) if quiet else _contact_queue(config, store, now)
    acks = outcome.planned if dry_run else outcome.delivered
    lang = config.language
    if json_out:
        render.print_json(
            {
                "read": result.folders,
                "sent_folder": result.sent_folder,
                "new_conversations": [r.as_json() for r in new],
                "new_replies": result.new_replies,
                "problems": result.problems,
                "dry_run": dry_run,
                "acknowledgments": [render.ack_json(p) for p in acks],
                "new_customers": accounts_json(cycle.accounts, lang),
                "ack_error": outcome.error.line() if outcome.error else None,
                "authserv_id_learned": outcome.learned_authserv_id,
                "promises_found": cycle.promises_found,
                "past_promises": past_promises_json(cycle.past_promises),
                "unreadable_promises": [
                    {"id": r.id, "customer_email": r.customer_email, "text": r.promise_text}
                    for r in unreadable
                ],
                "calendar": _calendar_json(cycle),
                "reminders_fired": [
                    {
                        "id": f.reminder.id,
                        "customer_email": f.reminder.customer_email,
                        "delivered": f.channel,
                        "detail": f.detail,
                    }
                    for f in (fired.fired if fired else [])
                ],
                "waiting": [
                    dict(
                        r.as_json(),
                        id=r.id,
                        waiting_seconds=int(
                            (now - (r.waiting_since or r.first_contact_at)).total_seconds()
                        ),
                        promise_due_at=u.promise_due_at.isoformat(),
                        overdue=u.overdue,
                    )
                    for r, u in waiting
                ],
                "contact_queue": {
                    "total": queued,
                    "top": [
                        dict(e.as_json(config.hours.timezone), number=n)
                        for n, e in enumerate(queue, start=1)
                    ],
                },
            }
        )
        return
    local_now = now.astimezone(config.hours.timezone)
    line = render.text(lang, "read", read=sum(result.folders.values()), new=len(new),
                       replies=result.new_replies)  # fmt: skip
    if result.problems:
        line += render.text(lang, "problems", n=result.problems)
    render.console.print(line + ".", highlight=False)
    if outcome.learned_authserv_id:  # said once: when first learned, or when it changes
        render.console.print(render.text(lang, "authserv_learned", id=outcome.learned_authserv_id),
                             highlight=False, markup=False)  # fmt: skip
    show_accounts(cycle.accounts, outcome.planned, config.hours.timezone, lang)
    if cycle.promises_found:
        render.console.print(render.text(lang, "promises", n=cycle.promises_found))
    show_past_promises(cycle.past_promises, config.hours.timezone, lang)
    for r in unreadable:  # said on every run until the owner sets the time: never a guess
        render.console.print(render.unreadable_line(r, lang), highlight=False, markup=False)
    for f in fired.fired if fired else []:
        who = f.reminder.customer_name or f.reminder.customer_email
        render.console.print(
            render.text(
                lang, "reminder", id=f.reminder.id, who=who, channel=f.channel, detail=f.detail
            ),
            highlight=False,
        )
    _show_calendar(cycle, lang)
    if waiting:
        render.console.print(render.waiting_table(waiting, local_now, lang))
    else:
        render.console.print(render.text(lang, "nobody"))
    if queue:  # the top of the contact queue, one line each; 'vasteaika queue' has them all
        render.console.print(render.text(lang, "queue_top", n=queued))
        for n, entry in enumerate(queue, start=1):
            render.console.print(render.queue_line(n, entry, lang))


def _contact_queue(
    config: Config, store: Store, now: datetime
) -> tuple[tuple[QueueEntry, ...], int]:
    from vasteaika.queue import queue_settings, top_of_queue

    return top_of_queue(store, queue_settings(config), now, QUEUE_TOP)


def _show_needs_owner(config: Config, cycle: CycleResult, unreadable: list[Reminder]) -> None:
    """--quiet (cron): only what the owner must look at — an acknowledgment in doubt or not
    decided, failed mail steps, a promise whose time could not be read."""
    from vasteaika.cli.accounts import show_accounts

    lang = config.language
    show_accounts(cycle.accounts, (), config.hours.timezone, lang, only_needing_owner=True)
    if cycle.check.problems:
        line = render.text(lang, "problems", n=cycle.check.problems).lstrip(", ")
        render.console.print(line[:1].upper() + line[1:] + ".", highlight=False)
    for r in unreadable:
        render.console.print(render.unreadable_line(r, lang), highlight=False, markup=False)


def _calendar_json(cycle: CycleResult) -> dict[str, object] | None:
    synced = cycle.calendar
    if synced is None:
        return None
    return {"written": synced.written, "pending": synced.pending, "conflicts": synced.conflicts,
            "error": synced.error.line() if synced.error else None}  # fmt: skip


def _show_calendar(cycle: CycleResult, lang: str) -> None:
    """Say when the phone calendar is behind (the writes wait for the next run) or when an
    event edited on the phone was left alone."""
    synced = cycle.calendar
    if synced is None:
        return
    if synced.pending:
        why = error_message(synced.error, lang) if synced.error else "?"
        render.console.print(render.text(lang, "calendar_behind", n=synced.pending, why=why),
                             highlight=False, markup=False)  # fmt: skip
    if synced.conflicts:
        render.console.print(render.text(lang, "calendar_conflict", n=len(synced.conflicts)),
                             highlight=False, markup=False)  # fmt: skip
