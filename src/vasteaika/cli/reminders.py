"""Commands for callback reminders: remind, reminders, done, snooze, promise. Each takes its
parts from the command's context, calls one library function and renders.

VASTEAIKA_RUN_USER_DIR (servers, tests) replaces /run/user when looking for the session bus.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo

import typer

from vasteaika.catalogue import Said, day, fault, say, say_known
from vasteaika.catalogue.reasons import promise_reason
from vasteaika.cli import output as render
from vasteaika.cli.context import CommandContext, current, one_moment, run_user_dir, within_reach
from vasteaika.cli.root import app
from vasteaika.errors import StorageError, TemporaryError, UsageError

if TYPE_CHECKING:  # imported by the commands that use them, not on every start
    from vasteaika.config import Config
    from vasteaika.reminders.callbacks import FireResult
    from vasteaika.reminders.notify import NotifyResult
    from vasteaika.reminders.promises import Reading
    from vasteaika.reminders.store import Reminder

NO_DESKTOP = "no desktop reachable: "  # how DesktopNotifier's reasons begin
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


@app.command()
def remind(
    ctx: typer.Context,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only what could not be delivered (cron).")
    ] = False,
    json_out: JsonOption = False,
) -> None:
    """Show every callback reminder that is due, once: on the desktop, else by email.

    A reminder is due reminders.lead (10 min) before the promised call. It is shown as a desktop
    notification; when no desktop can be reached (a server, SSH, nobody logged in) it is mailed
    to your own address with a calendar event (.ics) your phone can add with its alarm. One that
    could not be delivered at all stays due and is tried again on the next run (exit code 75).

    \b
    Examples:
      vasteaika remind             # by hand
      vasteaika remind --quiet     # from cron every 5 minutes ('vasteaika schedule install')
      vasteaika remind --json

    The user's session bus is found through $DBUS_SESSION_BUS_ADDRESS, $XDG_RUNTIME_DIR/bus or
    /run/user/<uid>/bus; set $VASTEAIKA_RUN_USER_DIR to look somewhere else than /run/user.
    """
    from vasteaika.reminders.due_query import nothing_to_fire

    parts = current(ctx)
    parts.refuse_pretending("remind")
    config = parts.config
    now = parts.now()
    if quiet and not json_out and nothing_to_fire(
        config.database, now, config.reminders.lead, config.ignore
    ):  # cron's run every 5 minutes, nearly always: a peek at the ledger, nothing opened
        return
    from vasteaika.reminders.callbacks import fire_due

    store = parts.store
    result = fire_due(config, store, parts.notifier, parts.mailer, now)
    if any(f.channel == "email" for f in result.fired):  # the mail server took it
        from vasteaika.jobs.health import note_contact

        note_contact(config.database, now, "remind")
    _show_fired(config, result, quiet, json_out)
    if result.failed:
        raise fault(TemporaryError, "err.not_delivered", n=len(result.failed))


def _desktop_state(result: FireResult) -> tuple[bool | None, str | None]:
    """Whether the desktop was reachable and the notifier's reason (as --json gives it)."""
    from vasteaika.reminders.notify import find_session_bus

    if result.desktop is not None:
        return result.desktop.shown, result.desktop.reason
    if sys.platform.startswith("linux") and not find_session_bus(
        os.environ, os.getuid(), run_user_dir()
    ):
        return False, NO_DESKTOP + say("en", "desktop.no_bus")
    return None, None  # nothing was due, so nothing was tried


def _show_fired(config: Config, result: FireResult, quiet: bool, json_out: bool) -> None:
    tz, lang = config.hours.timezone, config.language
    reachable, reason = _desktop_state(result)
    if json_out:
        render.print_json({
            "desktop_reachable": reachable,
            "desktop": reason,
            "reminders": [
                {"id": f.reminder.id, "customer_name": f.reminder.customer_name,
                 "customer_email": f.reminder.customer_email, "subject": f.reminder.subject,
                 "phone": f.reminder.phone, "due_at": f.reminder.due_at.astimezone(tz).isoformat(),
                 "delivered": f.channel, "detail": f.detail}
                for f in result.fired
            ],
            "interrupted_claims_released": result.released,
        })  # fmt: skip
        return
    for fired in result.failed if quiet else result.fired:
        r = fired.reminder
        line = f"#{r.id} {r.customer_name or r.customer_email} ({_when(r, tz, lang)}): "
        line += {"desktop": render.text(lang, "shown"), "email": fired.detail,
                 "failed": f"{render.text(lang, 'not_delivered')} — {fired.detail}"}[fired.channel]  # fmt: skip
        (render.err_console if quiet else render.console).print(line, highlight=False, markup=False)
    if quiet:
        return
    if reachable is False:  # the notifier's reason starts with the notice itself: said once
        render.console.print(
            render.text(lang, "no_desktop", reason=_desktop_words(result.desktop, reason, lang)),
            highlight=False, markup=False,
        )  # fmt: skip
    if not result.fired:
        render.console.print(render.text(lang, "none_due"))


def _desktop_words(desktop: NotifyResult | None, reason: str | None, lang: str) -> str:
    """Why no desktop, without saying "no desktop reachable" twice (the line says it), in the
    owner's words: the usual reason (no session bus) short, any other as the notifier said it."""
    words = desktop.words if desktop is not None else None
    if words is not None and words.key == "notify.unreachable":
        detail = words.values["detail"]
        if isinstance(detail, Said) and detail.key != "notify.no_bus":
            return detail.said(lang)
        if isinstance(detail, tuple):
            return "; ".join(d.said(lang) for d in detail if isinstance(d, Said))
    detail_text = (reason or "").removeprefix(NO_DESKTOP)
    return say(lang, "desktop.no_bus") if detail_text.startswith("no session bus") else detail_text


def _when(reminder: Reminder, tz: ZoneInfo, lang: str = "en") -> str:
    at = reminder.remind_at.astimezone(tz)
    if reminder.has_time or reminder.snoozed_until:
        return render.local(at, lang)
    return day(lang, at)


@app.command("reminders")
def list_reminders(
    ctx: typer.Context,
    json_out: JsonOption = False,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics", help="Also write the open reminders as an iCalendar file ('-': stdout)."
        ),
    ] = None,
) -> None:
    """List the callbacks you have promised and not yet made, overdue ones marked.

    --ics writes them as calendar events with an alarm (reminders.alarm_before) for your phone;
    each keeps its UID, so importing a newer export updates the events instead of doubling them.

    \b
    Examples:
      vasteaika reminders
      vasteaika reminders --json
      vasteaika reminders --ics ~/soitot.ics
    """
    from vasteaika.reminders.store import open_reminders

    parts = current(ctx)
    config = parts.config
    now = parts.now()
    items = open_reminders(parts.store, now)
    tz, lang = config.hours.timezone, config.language
    if ics is not None:
        _write_ics(config, items, ics, now)
        if str(ics) == "-":
            return
    if json_out:
        render.print_json([r.as_json(now, tz) for r in items])
        return
    if not items:
        render.console.print(render.text(lang, "none_open"))
        return
    for r in items:
        if r.unreadable:
            render.console.print(render.unreadable_line(r, lang), highlight=False, markup=False)
            continue
        flag = render.text(lang, "overdue") if r.remind_at <= now else ""
        shown = r.delivery in ("desktop", "email")
        how = say_known(lang, f"delivered.{r.delivery}", str(r.delivery))
        state_text = render.text(lang, "shown_by", how=how) if shown else ""
        phone = f", {r.phone}" if r.phone else ""
        subject = r.subject or render.text(lang, "no_subject")
        source = say_known(lang, f"source_short.{r.source}", r.source)
        render.console.print(
            f"#{r.id} {flag}{_when(r, tz, lang)}  {r.customer_name or r.customer_email}{phone}"
            f" — {subject} [{source}{state_text}]",
            highlight=False, markup=False,
        )  # fmt: skip
    if ics is not None:
        render.console.print(
            render.text(lang, "wrote_events", n=len(items), path=ics), highlight=False
        )


def _write_ics(config: Config, items: list[Reminder], path: Path, now: datetime) -> None:
    from vasteaika.reminders.calendar import owner_domain, reminders_calendar

    domain = owner_domain(config.owner_address)
    data = reminders_calendar([r.info(domain) for r in items], config.hours.timezone,
                              config.reminders.alarm_before, stamp_at=now,
                              lang=config.language)  # fmt: skip
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise fault(StorageError, "err.cannot_write", path=path, reason=exc) from None


@app.command()
def done(
    ctx: typer.Context,
    reminder_id: Annotated[int, typer.Argument(help="The reminder's number.", metavar="ID")],
) -> None:
    """Mark a promised call as made.

    When you had not answered the customer by mail, the call counts as your first response, at
    this moment (it shows in the response times and the weekly report).

    \b
    Example:
      vasteaika done 3       # the number from 'vasteaika reminders'
    """
    from vasteaika.reminders.store import get_reminder, mark_done

    parts = current(ctx)
    config = parts.config
    store = parts.store
    counted = mark_done(store, reminder_id, parts.now())
    r = get_reminder(store, reminder_id)
    lang = config.language
    extra = render.text(lang, "counted") if counted else ""
    who = r.customer_name or r.customer_email
    render.console.print(
        render.text(lang, "done", id=r.id, who=who, extra=extra),
        highlight=False, markup=False,
    )  # fmt: skip
    parts.sync_calendar()


@app.command("snooze")
def snooze_command(
    ctx: typer.Context,
    reminder_id: Annotated[int, typer.Argument(help="The reminder's number.", metavar="ID")],
    duration: Annotated[str, typer.Argument(help='How long: "30m", "2h", "1d", "45 min".')],
) -> None:
    """Remind again later: the reminder fires again that long from now.

    \b
    Examples:
      vasteaika snooze 3 30m
      vasteaika snooze 3 2h
    """
    from vasteaika.config import parse_duration
    from vasteaika.reminders.store import snooze

    parts = current(ctx)
    config = parts.config
    try:
        delta = parse_duration(duration)
    except ValueError:
        raise fault(UsageError, "err.bad_duration", text=duration) from None
    now = parts.now()
    r = snooze(parts.store, reminder_id, delta, now, lead=config.reminders.lead)
    assert r.snoozed_until is not None
    when = render.local(r.snoozed_until.astimezone(config.hours.timezone), config.language)
    render.console.print(
        render.text(config.language, "snoozed", id=r.id, when=when),
        highlight=False,
    )
    parts.sync_calendar()


@app.command("remind-at")
def remind_at(
    ctx: typer.Context,
    reminder_id: Annotated[int, typer.Argument(help="The reminder's number.", metavar="ID")],
    when: Annotated[str, typer.Argument(help='When, as you would write it: "3.12. klo 10".')],
) -> None:
    """Set when a promise is due: one whose time could not be read, or one that moved.

    The text is read like a promise in your replies; the reminder then fires as usual.

    \b
    Examples:
      vasteaika remind-at 7 "3.12. klo 10"
      vasteaika remind-at 7 "huomenna klo 14"
    """
    from vasteaika.reminders.store import set_time

    parts = current(ctx)
    config = parts.config
    now = parts.now().astimezone(config.hours.timezone)
    due_at, has_time = _exact_time(config, when, now)
    r = set_time(parts.store, reminder_id, due_at, has_time, now)
    shown = render.local(r.due_at.astimezone(config.hours.timezone), config.language)
    render.console.print(render.text(config.language, "set_to", id=r.id, when=shown),
                         highlight=False, markup=False)  # fmt: skip
    parts.sync_calendar()


ISO_DAY = re.compile(r"\s*[+-]?\d{4,}-\d")


def _exact_time(config: Config, when: str, now: datetime) -> tuple[datetime, bool]:
    """The time ``when`` says, read exactly or refused: an ISO date-time as strictly as
    ``--now``; words (an ISO day with "klo 9" too) as a promise in a reply, refused when the
    reading leaves out a number (a date it could not place) instead of silently dropping it."""
    if ISO_DAY.match(when):
        try:
            moment = datetime.fromisoformat(when.strip())
        except ValueError:
            pass
        else:
            return one_moment(moment, when, config.hours.timezone, "remind-at"), True
    reading = _read(config, f"soitan {when}", now)
    found = reading.promise if reading else None
    if found is None or re.search(r"\d", when.replace(found.text, " ", 1)):
        raise fault(UsageError, "err.bad_time", text=when)
    within_reach(found.due_at.date(), when, "remind-at")
    return found.due_at, found.has_time


def _read(config: Config | None, text: str, base: datetime) -> Reading | None:
    from vasteaika.hours import is_business_day
    from vasteaika.ledger.records import business_hours
    from vasteaika.reminders.promises import read_promise

    if config is None:
        return read_promise(text, base, day_start=time(8))
    hours = business_hours(config.hours)
    return read_promise(text, base, day_start=hours.start, day_end=hours.end,
                        is_business_day=lambda d: is_business_day(d, hours),
                        lang=config.language)  # fmt: skip


@app.command()
def promise(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="A sentence as you would write it in a reply.")],
    at: Annotated[
        str | None,
        typer.Option("--at", help="Pretend the reply was sent then (ISO 8601; default: now)."),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show which words were read as what.")
    ] = False,
    json_out: JsonOption = False,
) -> None:
    """Show which callback time vasteaika reads from a sentence, to check your own phrasing.

    Promises in your replies in Sent become reminders the same way. A day without a clock time
    ("perjantaina") means the start of that day (has_time false); a part of the day
    ("iltapäivällä") its start. A date or time that cannot be read without guessing is shown as
    unreadable: such a promise in a reply is listed by 'vasteaika reminders' to be set.

    \b
    Examples:
      vasteaika promise "Soitan huomenna klo 10"
      vasteaika promise "Tulen katsomaan torstaina kahdeksan jälkeen" --explain
      vasteaika promise "I'll call you on Friday at 3pm" --at 2026-11-25T09:00 --json
      -> {"due_at": "2026-11-27T15:00:00+02:00", "has_time": true, "kind": "call", ...}
    """
    parts = current(ctx)
    config = _promise_config(parts)
    tz = config.hours.timezone if config else ZoneInfo("Europe/Helsinki")
    base = _parse_at(at, tz) if at else parts.now().astimezone(tz)
    reading = _read(config, text, base)
    found = reading.promise if reading else None
    if json_out:
        render.print_json({"due_at": found.due_at.isoformat() if found else None,
                           "has_time": found.has_time if found else False,
                           "kind": reading.kind if reading else None,
                           "window": found.window if found else None,
                           "unreadable": reading.unreadable if reading else None,
                           "explain": [list(pair) for pair in reading.explain] if reading else []})  # fmt: skip
        return
    lang = config.language if config else "en"
    if explain and reading is not None:
        for phrase, meaning in reading.explain:
            render.console.print(f"  {phrase!r} → {meaning}", highlight=False, markup=False)
    if reading is not None and reading.unreadable is not None:
        render.console.print(render.text(lang, "promise.unreadable", text=reading.unreadable,
                                         reason=promise_reason(lang, reading.reason)),
                             highlight=False, markup=False)  # fmt: skip
    elif found is None or reading is None:
        render.console.print(render.text(lang, "promise.none"))
    else:
        when = (
            render.local(found.due_at, lang)
            if found.has_time
            else render.text(lang, "promise.no_time", day=day(lang, found.due_at))
        )
        kind = say(lang, f"promise_kind.{reading.kind}")
        render.console.print(render.text(lang, "promise.due", when=when, iso=found.due_at.isoformat(),
                                         kind=kind, text=found.text), highlight=False, markup=False)  # fmt: skip


def _promise_config(parts: CommandContext) -> Config | None:
    """The config when there is one; `promise` also works before 'vasteaika init'."""
    from vasteaika.config import default_config_path

    if parts.config_path is None and not default_config_path().exists():
        return None
    return parts.config


def _parse_at(text: str, tz: ZoneInfo) -> datetime:
    """As strict as ``--now`` (``one_moment``): no day without a time, no skipped or repeated
    wall-clock time, no date out of range."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise fault(UsageError, "err.bad_at", text=text) from None
    return one_moment(moment, text, tz, "--at").astimezone(tz)
