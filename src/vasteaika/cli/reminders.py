"""Commands for callback reminders and scheduled runs: remind, reminders, done, snooze, promise,
schedule. Each parses options, builds the real parts, calls one library function and renders.

Environment knobs (for servers and tests): VASTEAIKA_RUN_USER_DIR replaces /run/user when looking
for the user's session bus; VASTEAIKA_CRONTAB is the crontab command to edit (default "crontab").
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import datetime, time
from email.message import EmailMessage
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from vasteaika.cli import output as render
from vasteaika.cli.root import _load, _smtp_sender, _store, app, state
from vasteaika.clock import system_clock
from vasteaika.config import Config, default_config_path, parse_duration
from vasteaika.errors import StorageError, TemporaryError, UnreachableError, UsageError
from vasteaika.hours import is_business_day
from vasteaika.ledger.records import business_hours
from vasteaika.mail.smtp import Sender
from vasteaika.reminders import cron
from vasteaika.reminders.callbacks import FireResult, fire_due
from vasteaika.reminders.notify import DesktopNotifier, find_session_bus
from vasteaika.reminders.promises import find_promise
from vasteaika.reminders.store import Reminder, get_reminder, mark_done, open_reminders, snooze

RUN_USER_ENV = "VASTEAIKA_RUN_USER_DIR"
CRONTAB_ENV = "VASTEAIKA_CRONTAB"

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def desktop_notifier() -> DesktopNotifier:
    """The notifier for this user; $VASTEAIKA_RUN_USER_DIR replaces /run/user (servers, tests)."""
    return DesktopNotifier(run_user=_run_user())


def _run_user() -> Path:
    return Path(os.environ.get(RUN_USER_ENV) or "/run/user")


def owner_mailer(config: Config) -> Sender | None:
    """SMTP for email reminders, connecting (and asking for a password) only when one is sent."""
    if not config.smtp.host:
        return None

    class _Lazy:
        sender: Sender | None = None

        def send(self, msg: EmailMessage, recipient: str) -> None:
            if self.sender is None:
                self.sender = _smtp_sender(config)
            self.sender.send(msg, recipient)

    return _Lazy()


@app.command()
def remind(
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
    config = _load()
    now = system_clock()
    store = _store(config)
    result = fire_due(config, store, desktop_notifier(), owner_mailer(config), now)
    _show_fired(config, result, quiet, json_out)
    if result.failed:
        raise TemporaryError(
            f"{len(result.failed)} reminder(s) could not be delivered",
            "they stay due and are tried again on the next 'vasteaika remind'",
        )


def _desktop_state(result: FireResult) -> tuple[bool | None, str | None]:
    if result.desktop is not None:
        return result.desktop.shown, result.desktop.reason
    if sys.platform.startswith("linux") and not find_session_bus(
        os.environ, os.getuid(), _run_user()
    ):
        return False, "no desktop reachable: no session bus"
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
    if reachable is False:
        render.console.print(
            render.text(lang, "no_desktop", reason=reason), highlight=False, markup=False
        )
    if not result.fired:
        render.console.print(render.text(lang, "none_due"))


def _when(reminder: Reminder, tz: ZoneInfo, lang: str = "en") -> str:
    at = reminder.remind_at.astimezone(tz)
    if reminder.has_time or reminder.snoozed_until:
        return render.local(at, lang)
    return render.local(at, lang).rsplit(" ", 2 if lang == "fi" else 1)[0]  # the day only


@app.command("reminders")
def list_reminders(
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
    config = _load()
    now = system_clock()
    items = open_reminders(_store(config), now)
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
        flag = render.text(lang, "overdue") if r.remind_at <= now else ""
        shown = r.delivery in ("desktop", "email")
        state_text = render.text(lang, "shown_by", how=r.delivery) if shown else ""
        phone = f", {r.phone}" if r.phone else ""
        subject = r.subject or render.text(lang, "no_subject")
        render.console.print(
            f"#{r.id} {flag}{_when(r, tz, lang)}  {r.customer_name or r.customer_email}{phone}"
            f" — {subject} [{r.source}{state_text}]",
            highlight=False, markup=False,
        )  # fmt: skip
    if ics is not None:
        render.console.print(
            render.text(lang, "wrote_events", n=len(items), path=ics), highlight=False
        )


def _write_ics(config: Config, items: list[Reminder], path: Path, now: datetime) -> None:
    from vasteaika.reminders.calendar import reminders_calendar

    data = reminders_calendar([r.info() for r in items], config.hours.timezone,
                              config.reminders.alarm_before, stamp_at=now)  # fmt: skip
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc}", "choose a writable file") from None


@app.command()
def done(
    reminder_id: Annotated[int, typer.Argument(help="The reminder's number.", metavar="ID")],
) -> None:
    """Mark a promised call as made.

    When you had not answered the customer by mail, the call counts as your first response, at
    this moment (it shows in the response times and the weekly report).

    \b
    Example:
      vasteaika done 3       # the number from 'vasteaika reminders'
    """
    config = _load()
    store = _store(config)
    counted = mark_done(store, reminder_id, system_clock())
    r = get_reminder(store, reminder_id)
    lang = config.language
    extra = render.text(lang, "counted") if counted else ""
    who = r.customer_name or r.customer_email
    render.console.print(
        render.text(lang, "done", id=r.id, who=who, extra=extra),
        highlight=False, markup=False,
    )  # fmt: skip


@app.command("snooze")
def snooze_command(
    reminder_id: Annotated[int, typer.Argument(help="The reminder's number.", metavar="ID")],
    duration: Annotated[str, typer.Argument(help='How long: "30m", "2h", "1d", "45 min".')],
) -> None:
    """Remind again later: the reminder fires again that long from now.

    \b
    Examples:
      vasteaika snooze 3 30m
      vasteaika snooze 3 2h
    """
    try:
        delta = parse_duration(duration)
    except ValueError:
        raise UsageError(
            f"{duration!r} is not a duration", 'write it like "30m", "2h" or "1d"'
        ) from None
    config = _load()
    now = system_clock()
    r = snooze(_store(config), reminder_id, delta, now)
    assert r.snoozed_until is not None
    when = render.local(r.snoozed_until.astimezone(config.hours.timezone), config.language)
    render.console.print(
        render.text(config.language, "snoozed", id=r.id, when=when),
        highlight=False,
    )


@app.command()
def promise(
    text: Annotated[str, typer.Argument(help="A sentence as you would write it in a reply.")],
    at: Annotated[
        str | None,
        typer.Option("--at", help="Pretend the reply was sent then (ISO 8601; default: now)."),
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Show which callback time vasteaika reads from a sentence, to check your own phrasing.

    Promises in your replies in Sent become reminders the same way. A day without a clock time
    ("perjantaina") means the start of that business day (has_time false).

    \b
    Examples:
      vasteaika promise "Soitan huomenna klo 10"
      vasteaika promise "I'll call you on Friday at 3pm" --at 2026-11-25T09:00 --json
      -> {"due_at": "2026-11-27T15:00:00+02:00", "has_time": true}
    """
    config = _promise_config()
    tz = config.hours.timezone if config else ZoneInfo("Europe/Helsinki")
    base = _parse_at(at, tz) if at else system_clock().astimezone(tz)
    if config:
        hours = business_hours(config.hours)
        found = find_promise(text, base, day_start=hours.start,
                             is_business_day=lambda d: is_business_day(d, hours))  # fmt: skip
    else:
        found = find_promise(text, base, day_start=time(8))
    if json_out:
        render.print_json({"due_at": found.due_at.isoformat() if found else None,
                           "has_time": found.has_time if found else False})  # fmt: skip
    elif found is None:
        render.console.print("No promised callback time found in this text.")
    else:
        when = (
            render.local(found.due_at)
            if found.has_time
            else f"{found.due_at:%a %d.%m.} (no time: start of day)"
        )
        render.console.print(f"Due {when} — {found.due_at.isoformat()}, from {found.text!r}",
                             highlight=False, markup=False)  # fmt: skip


def _promise_config() -> Config | None:
    """The config when there is one; `promise` also works before 'vasteaika init'."""
    if state.config_path is None and not default_config_path().exists():
        return None
    return _load()


def _parse_at(text: str, tz: ZoneInfo) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"--at {text!r} is not a date and time", "write it like 2026-11-25T09:00"
        ) from None
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)


# --- schedule -----------------------------------------------------------------------------------

schedule_app = typer.Typer(
    help="Run check and remind on a schedule (crontab or systemd user timers).\n\n"
    "'vasteaika schedule install' adds check at 07:30 and 16:00 on workdays and remind every "
    "5 minutes during the day; 'schedule show' prints what is installed; 'schedule remove' takes "
    "exactly vasteaika's lines and units out again.",
    no_args_is_help=True,
)
app.add_typer(schedule_app, name="schedule")


def _crontab_cmd() -> tuple[str, ...]:
    return tuple(shlex.split(os.environ.get(CRONTAB_ENV) or "crontab"))


@schedule_app.command("install")
def schedule_install(
    systemd: Annotated[
        bool, typer.Option("--systemd", help="Write systemd user timers instead of crontab lines.")
    ] = False,
    watch: Annotated[
        bool,
        typer.Option("--watch", help="Also write the systemd user service for 'vasteaika watch'."),
    ] = False,
    no_enable: Annotated[
        bool,
        typer.Option(
            "--no-enable", help="With --systemd/--watch: write the units, do not run systemctl."
        ),
    ] = False,
) -> None:
    """Install the scheduled runs. Running it again changes nothing.

    Crontab lines end with '# vasteaika:<name>'; every other line of your crontab stays as it is.
    With --systemd the timers have Persistent=true, so a laptop that slept through 07:30 checks
    when it wakes. $VASTEAIKA_CRONTAB replaces the crontab command (e.g. "crontab -u someone").

    \b
    Examples:
      vasteaika schedule install
      vasteaika schedule install --systemd --watch
    """
    command = cron.vasteaika_command(config=state.config_path)
    units: list[str] = []
    if systemd:
        change = cron.install_systemd(command=command)
        for path in change.written:
            render.console.print(f"wrote {path}", highlight=False)
        units += [p.name for p in (*change.written, *change.unchanged)]
    else:
        cron_change = cron.install_crontab(command=command, crontab_cmd=_crontab_cmd())
        verb = "installed in your crontab" if cron_change.changed else "already in your crontab"
        render.console.print(f"Scheduled runs {verb}:", highlight=False)
        for line in cron_change.lines:
            render.console.print(f"  {line}", highlight=False, markup=False, soft_wrap=True)
    if watch:
        units.append(_install_watch_unit(command))
    if units:
        _enable(units, no_enable)


def _install_watch_unit(command: tuple[str, ...]) -> str:
    name, text = cron.watch_unit(command)
    path = cron.default_unit_dir() / name
    try:
        old = path.read_text("utf-8") if path.exists() else None
        if old is not None and not old.startswith(cron.UNIT_MARKER):
            raise StorageError(f"{path} exists and was not written by vasteaika",
                               "rename or remove it, then install again")  # fmt: skip
        if old != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{name}.tmp")
            tmp.write_text(text, "utf-8")
            os.replace(tmp, path)
            render.console.print(f"wrote {path}", highlight=False)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc}", "check the folder") from None
    return name


def _enable(units: list[str], no_enable: bool) -> None:
    services = [u for u in units if u.endswith("watch.service")]
    commands = cron.systemctl_commands(units)
    if services:
        commands.append(["systemctl", "--user", "enable", "--now", *services])
    if not no_enable:
        try:
            for args in commands:
                subprocess.run(args, check=True, capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as exc:
            render.console.print(f"Could not start them ({type(exc).__name__}).", highlight=False)
        else:
            render.console.print("Started with systemctl --user.")
            return
    render.console.print("To start them, run:")
    for args in commands:
        render.console.print("  " + shlex.join(args), highlight=False, markup=False)


@schedule_app.command("remove")
def schedule_remove() -> None:
    """Take vasteaika's crontab lines and systemd units out; nothing else is touched.

    \b
    Example:
      vasteaika schedule remove
    """
    try:
        change = cron.remove_crontab(crontab_cmd=_crontab_cmd())
        for line in change.removed:
            render.console.print(
                f"removed from crontab: {line}", highlight=False, markup=False, soft_wrap=True
            )
    except UnreachableError:
        pass  # no cron on this computer: nothing of ours can be in a crontab
    units = [p.name for p in cron.show_systemd()]
    if units:
        _stop_units(units)
    for path in cron.remove_systemd().removed:
        render.console.print(f"removed {path}", highlight=False)
    render.console.print("vasteaika is no longer scheduled.")


def _stop_units(units: list[str]) -> None:
    """Stop and disable running timers and the watcher before their files go, so nothing keeps
    acknowledging after 'schedule remove'."""
    commands = [["systemctl", "--user", "disable", "--now", *units]]
    try:
        for args in commands:
            subprocess.run(args, check=True, capture_output=True, timeout=60)
        subprocess.run(["systemctl", "--user", "daemon-reload"], capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        render.console.print("Could not stop them; run this yourself:", highlight=False)
        for args in commands:
            render.console.print("  " + shlex.join(args), highlight=False, markup=False)


@schedule_app.command("show")
def schedule_show(json_out: JsonOption = False) -> None:
    """Print the scheduled runs vasteaika installed (crontab lines and systemd units).

    \b
    Example:
      vasteaika schedule show
    """
    try:
        lines: list[str] | None = list(cron.show_crontab(crontab_cmd=_crontab_cmd()))
    except UnreachableError:
        lines = None
    units = [str(p) for p in cron.show_systemd()]
    if json_out:
        render.print_json({"crontab": lines, "systemd_units": units})
        return
    if lines is None:
        render.console.print("crontab: not available on this computer")
    for line in lines or []:
        render.console.print(f"crontab: {line}", highlight=False, markup=False, soft_wrap=True)
    for unit in units:
        render.console.print(f"systemd: {unit}", highlight=False)
    if not lines and not units:
        render.console.print("Nothing scheduled. Run: vasteaika schedule install")
