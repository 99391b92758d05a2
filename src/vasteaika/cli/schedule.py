"""`vasteaika schedule install/remove/show`: check and remind run by crontab or systemd user
timers, and the watcher as a user service. Apart from the reminder commands because it edits
the user's crontab and unit files (reminders/cron.py writes the text) rather than the ledger.

VASTEAIKA_CRONTAB is the crontab command to edit (default "crontab"; tests, other users).
"""

from __future__ import annotations

import os
import shlex
import subprocess
from typing import Annotated

import typer

from vasteaika.cli import output as render
from vasteaika.cli.context import current
from vasteaika.cli.root import app
from vasteaika.errors import StorageError, UnreachableError

CRONTAB_ENV = "VASTEAIKA_CRONTAB"

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]

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
    ctx: typer.Context,
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
    from vasteaika.reminders import cron, launcher

    parts = current(ctx)
    config = parts.config  # the zone and the password source; a broken config stops here
    command = cron.vasteaika_command(config=parts.config_path)
    zone = config.hours.timezone.key
    lang = config.language
    units: list[str] = []
    if systemd:
        change = cron.install_systemd(command=command, timezone=zone)
        for path in change.written:
            render.console.print(render.text(lang, "schedule.wrote", path=path), highlight=False)
        units += [p.name for p in (*change.written, *change.unchanged)]
    else:
        local = launcher.local_zone_name()
        cron_change = cron.install_crontab(
            command=command, crontab_cmd=_crontab_cmd(), timezone=zone, local_zone=local
        )
        key = "schedule.installed" if cron_change.changed else "schedule.already"
        render.console.print(render.text(lang, key), highlight=False)
        for line in cron_change.lines:
            render.console.print(f"  {line}", highlight=False, markup=False, soft_wrap=True)
        if local != zone:
            _warn(lang, render.text(lang, "schedule.zone", local=local, zone=zone))
    if watch:
        units.append(_install_watch_unit(command, lang))
    _warn_other_kind(systemd, lang)
    if warning := launcher.unattended_password_warning(config.account, lang=lang):
        _warn(lang, warning)
    if units:
        _enable(units, no_enable, lang)
        if not launcher.linger_enabled():
            render.console.print(render.text(lang, "schedule.linger"), highlight=False)


def _warn(lang: str, text: str) -> None:
    render.err_console.print(render.text(lang, "warning", text=text), highlight=False,
                             markup=False, soft_wrap=True)  # fmt: skip


def _warn_other_kind(systemd: bool, lang: str) -> None:
    """Both kinds installed would run every check twice: say so, and how to take one away."""
    from vasteaika.reminders import cron

    if systemd:
        try:
            other = bool(cron.show_crontab(crontab_cmd=_crontab_cmd()))
        except (UnreachableError, StorageError):
            other = False
        kind = "schedule.crontab_lines"
    else:
        other = bool(cron.show_systemd())
        kind = "schedule.systemd_timers"
    if other:
        _warn(lang, render.text(lang, "schedule.both", kind=render.text(lang, kind)))


def _install_watch_unit(command: tuple[str, ...], lang: str) -> str:
    from vasteaika.reminders import cron

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
            render.console.print(render.text(lang, "schedule.wrote", path=path), highlight=False)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc}", "check the folder") from None
    return name


def _enable(units: list[str], no_enable: bool, lang: str) -> None:
    from vasteaika.reminders import cron

    services = [u for u in units if u.endswith("watch.service")]
    commands = cron.systemctl_commands(units)
    if services:
        commands.append(["systemctl", "--user", "enable", "--now", *services])
    if no_enable:
        render.console.print(render.text(lang, "schedule.start"))
        for args in commands:
            render.console.print("  " + shlex.join(args), highlight=False, markup=False)
        return
    for args in commands:
        _systemctl(args, "; ".join(shlex.join(a) for a in commands))
    render.console.print(render.text(lang, "schedule.started"))


def _systemctl(args: list[str], by_hand: str) -> None:
    """Run one systemctl command; its own message and a non-zero exit when it fails."""
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        message = str(exc)
    else:
        if result.returncode == 0:
            return
        lines = (result.stderr or result.stdout).strip().splitlines()
        message = lines[0] if lines else f"exit status {result.returncode}"
    raise UnreachableError(
        f"{shlex.join(args)} failed: {message}",
        f"the units are written; start them yourself: {by_hand}",
    )


@schedule_app.command("remove")
def schedule_remove(ctx: typer.Context) -> None:
    """Take vasteaika's crontab lines and systemd units out; nothing else is touched.

    \b
    Example:
      vasteaika schedule remove
    """
    from vasteaika.reminders import cron

    lang = current(ctx).owner_language()
    try:
        change = cron.remove_crontab(crontab_cmd=_crontab_cmd())
        for line in change.removed:
            render.console.print(render.text(lang, "schedule.removed_line", line=line),
                                 highlight=False, markup=False, soft_wrap=True)  # fmt: skip
    except UnreachableError:
        pass  # no cron on this computer: nothing of ours can be in a crontab
    units = [p.name for p in cron.show_systemd()]
    if units:
        _stop_units(units, lang)
    for path in cron.remove_systemd().removed:
        render.console.print(render.text(lang, "schedule.removed", path=path), highlight=False)
    render.console.print(render.text(lang, "schedule.unscheduled"))


def _stop_units(units: list[str], lang: str) -> None:
    """Stop and disable running timers and the watcher before their files go, so nothing keeps
    acknowledging after 'schedule remove'."""
    commands = [["systemctl", "--user", "disable", "--now", *units]]
    try:
        for args in commands:
            subprocess.run(args, check=True, capture_output=True, timeout=60)
        subprocess.run(["systemctl", "--user", "daemon-reload"], capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        render.console.print(render.text(lang, "schedule.stop_failed"), highlight=False)
        for args in commands:
            render.console.print("  " + shlex.join(args), highlight=False, markup=False)


@schedule_app.command("show")
def schedule_show(ctx: typer.Context, json_out: JsonOption = False) -> None:
    """Print the scheduled runs vasteaika installed (crontab lines and systemd units).

    \b
    Example:
      vasteaika schedule show
    """
    from vasteaika.reminders import cron

    try:
        lines: list[str] | None = list(cron.show_crontab(crontab_cmd=_crontab_cmd()))
    except UnreachableError:
        lines = None
    units = [str(p) for p in cron.show_systemd()]
    if json_out:
        render.print_json({"crontab": lines, "systemd_units": units})
        return
    lang = current(ctx).owner_language()
    if lines is None:
        render.console.print(render.text(lang, "schedule.no_crontab"))
    for line in lines or []:
        render.console.print(f"crontab: {line}", highlight=False, markup=False, soft_wrap=True)
    for unit in units:
        render.console.print(f"systemd: {unit}", highlight=False)
    if not lines and not units:
        render.console.print(render.text(lang, "schedule.nothing"))
