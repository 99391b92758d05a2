"""`vasteaika watch` and `vasteaika status`: the resident watcher that acknowledges within a
minute (jobs.watch runs it), and how it is doing. Apart from check because it stays running,
reconnects and handles signals; it opens a new mailbox connection per session."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer

from vasteaika.catalogue import say
from vasteaika.catalogue.stored import said_again
from vasteaika.cli import output as render
from vasteaika.cli.context import current
from vasteaika.cli.root import app
from vasteaika.terminal import printable

if TYPE_CHECKING:  # imported by the commands that use them, not on every start
    from vasteaika.config import Config
    from vasteaika.ledger.store import Store


@app.command()
def watch(
    ctx: typer.Context,
    poll: Annotated[
        int, typer.Option(help="Seconds between checks where the server has no IMAP IDLE.")
    ] = 60,
) -> None:
    """Stay connected and acknowledge new customers within a minute (IMAP IDLE on INBOX).

    Runs the same job as 'check' whenever new mail arrives, until stopped with Ctrl-C or
    SIGTERM. Reconnects by itself after a dropped connection or a server restart. Start it at
    login with 'vasteaika schedule install --watch' (a systemd user service); 'vasteaika status'
    shows whether it runs. One line per event goes to stderr.
    """
    import signal

    from vasteaika.cli.accounts import watch_lines
    from vasteaika.jobs.watch import Watcher, watcher_lock
    from vasteaika.ledger.database import run_lock

    parts = current(ctx)
    parts.refuse_pretending("watch")
    config = parts.config
    store = parts.store
    notifier, mailer = parts.reminder_channels()

    def log(line: str) -> None:
        stamp = parts.now().astimezone(config.hours.timezone).strftime("%Y-%m-%d %H:%M:%S")
        print(printable(f"{stamp} vasteaika watch: {line}"), file=sys.stderr, flush=True)

    watcher = Watcher(
        config, store, parts.mail_source, parts.deliver,
        lambda: run_lock(config.database), parts.now, log, poll_seconds=poll,
        notifier=notifier, mailer=mailer, calendar=parts.calendar(),
        tell=lambda result: watch_lines(result, config.hours.timezone, config.language),
    )  # fmt: skip
    signal.signal(signal.SIGTERM, watcher.stop)
    signal.signal(signal.SIGINT, watcher.stop)
    with watcher_lock(config.database):
        log(say(config.language, "watch.watching", folder=config.inbox))
        watcher.run()


@app.command()
def status(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
) -> None:
    """Say whether 'vasteaika watch' is running, when any command last reached the mail server,
    the last problem and whether it has cleared since, and the last acknowledgment sent."""
    from vasteaika.jobs.health import read_health
    from vasteaika.jobs.watch import last_ack, read_state

    parts = current(ctx)
    config = parts.config
    state, alive = read_state(config.database)
    health = read_health(config.database)
    if health.last_problem is None and state is not None and state.last_error:
        # an older version kept the watcher's problem in its own file only: whether it cleared
        # is not known
        health.last_problem, health.last_problem_by = state.last_error, "watch"
    ack_at, ack_to = last_ack(parts.store)
    data = {
        "watch_running": alive,
        "watch_pid": state.pid if state and alive else None,
        "last_seen_server_at": health.last_contact_at,
        "last_seen_by": health.last_contact_by,
        "last_error": health.last_problem,
        "last_error_at": health.last_problem_at,
        "last_error_by": health.last_problem_by,
        "last_error_cleared": health.problem_cleared if health.problem_seq else None,
        "last_ack_at": ack_at.isoformat() if ack_at else None,
        "last_ack_to": ack_to,
        "calendar": _calendar_fields(config, parts.store),
    }
    if json_out:
        render.print_json(data)
        return
    tz, lang = config.hours.timezone, config.language

    def shown(iso: object) -> str:
        if not isinstance(iso, str):
            return render.text(lang, "never")
        return render.local(datetime.fromisoformat(iso).astimezone(tz), lang)

    key = "watch_running" if alive else "watch_stopped"
    render.console.print(render.text(lang, key, pid=data["watch_pid"]), highlight=False)
    seen = shown(data["last_seen_server_at"])
    if health.last_contact_by:
        seen += render.text(lang, "by_command", command=health.last_contact_by)
    render.console.print(render.text(lang, "last_seen", when=seen), highlight=False)
    if health.last_problem:
        line = render.text(lang, "last_problem", what=said_again(health.last_problem, lang))
        if health.problem_seq:
            state_key = "problem_cleared" if health.problem_cleared else "problem_open"
            line += render.text(lang, state_key, when=shown(health.last_problem_at),
                                command=health.last_problem_by or "?")  # fmt: skip
        render.console.print(line, soft_wrap=True)
    last = (render.text(lang, "ack_to", when=shown(data["last_ack_at"]), who=ack_to) if ack_at
            else render.text(lang, "none_yet"))  # fmt: skip
    render.console.print(render.text(lang, "last_ack", what=last), highlight=False)
    _show_calendar_status(parts.config, parts.store, lang)


def _calendar_fields(config: Config, store: Store) -> dict[str, int | str | None] | None:
    """status --json: the phone calendar's writes waiting, last failure, events left alone."""
    if not config.calendar.enabled:
        return None
    from vasteaika.reminders.calendar_sync import calendar_status

    return calendar_status(store).as_json()


def _show_calendar_status(config: Config, store: Store, lang: str) -> None:
    """With [calendar]: whether the phone calendar is in step or how many writes wait."""
    if not config.calendar.enabled:
        return
    from vasteaika.reminders.calendar_sync import calendar_status

    state = calendar_status(store)
    if state.behind:
        why = said_again(state.last_error, lang) if state.last_error else "?"
        line = render.text(lang, "calendar_behind", n=state.pending, why=why)
    else:
        line = render.text(lang, "calendar_in_step")
    render.console.print(line, highlight=False, markup=False)
    if state.conflicts:
        render.console.print(render.text(lang, "calendar_conflict", n=state.conflicts),
                             highlight=False, markup=False)  # fmt: skip
    if state.gone:
        render.console.print(render.text(lang, "calendar_gone", n=state.gone),
                             highlight=False, markup=False)  # fmt: skip
