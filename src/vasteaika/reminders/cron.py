"""Scheduling the runs: lines in the user's crontab, or systemd user timers.

By default ``check`` runs at 07:30 and 16:00 on workdays (mail in two batches, morning and end of
day) and ``remind`` every 5 minutes. Both run the absolute path of the vasteaika command (see
:func:`vasteaika_command` for which one), with ``--config`` as an absolute path when one was given
or ``$VASTEAIKA_CONFIG`` was set, because cron and systemd start them with a bare PATH, no
environment of the login session and another working directory.

The crontab is edited through the real ``crontab -l`` / ``crontab -`` commands. Each of our lines
ends with the marker ``# vasteaika:<name>`` (the shell cron runs the line with reads it as a
comment), so installing again replaces exactly our lines in place and adds nothing when they are
already right, removing takes exactly them, and every other line is left as it was.

systemd user units carry ``# vasteaika:managed`` on their first line; only such files are
replaced or removed. Timers have ``Persistent=true``, so a laptop that slept through 07:30 runs
the check when it wakes. Activating them (``systemctl --user enable --now``) is left to the
caller: see :func:`systemctl_commands`.

Both schedules run in the owner's ``[hours] timezone``, not the machine's: the crontab block is
``CRON_TZ=<zone>`` before our lines and ``CRON_TZ=<the zone in effect before>`` after them (so
the user's own lines below keep their times), and each ``OnCalendar=`` ends with the zone.
``CRON_TZ`` is honoured by cronie (Fedora, RHEL, Arch); Debian's and Ubuntu's cron ignore it, so
there the caller warns when the machine's zone differs (systemd timers honour the zone anywhere).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from vasteaika.errors import StorageError, TemporaryError, UnreachableError
from vasteaika.reminders.launcher import vasteaika_command

__all__ = ["vasteaika_command"]  # re-exported: callers ask the scheduler for its command

CRON_MARKER = "vasteaika:"
UNIT_MARKER = "# vasteaika:managed"
UNIT_PREFIX = "vasteaika-"
DEFAULT_CRONTAB_CMD: tuple[str, ...] = ("crontab",)

_MARKED = re.compile(r"#\s*vasteaika:(?:check|remind|watch)\s*$")  # only our own names
_CRON_TZ = re.compile(r"\s*CRON_TZ\s*=\s*(\S*)\s*$")
_SAFE_UNIT_ARG = re.compile(r"[A-Za-z0-9_@+=:,./-]+")
_TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class ScheduleEntry:
    """One scheduled command: ``args`` after the vasteaika command, when in crontab time fields
    (``cron``) and in systemd OnCalendar expressions (``on_calendar``), the same moments."""

    name: str
    args: tuple[str, ...]
    cron: tuple[str, ...]
    on_calendar: tuple[str, ...]


DEFAULT_ENTRIES: tuple[ScheduleEntry, ...] = (
    ScheduleEntry(
        "check",
        ("check", "--quiet"),
        ("30 7 * * 1-5", "0 16 * * 1-5"),
        ("Mon..Fri *-*-* 07:30:00", "Mon..Fri *-*-* 16:00:00"),
    ),
    ScheduleEntry(
        "remind",
        ("remind", "--quiet"),
        # Every 5 minutes at all hours: a promise can be for 18:00 or a Saturday, and a run
        # with nothing due is one local query.
        ("*/5 * * * *",),
        ("*-*-* *:00/5:00",),
    ),
)


@dataclass(frozen=True)
class CrontabChange:
    """What an install or remove did: ``lines`` are vasteaika's lines in the crontab afterwards."""

    changed: bool
    added: tuple[str, ...]
    removed: tuple[str, ...]
    lines: tuple[str, ...]


@dataclass(frozen=True)
class UnitsChange:
    written: tuple[Path, ...]
    unchanged: tuple[Path, ...]
    removed: tuple[Path, ...]


# --- crontab --------------------------------------------------------------------------------


def crontab_lines(entries: Sequence[ScheduleEntry], command: Sequence[str]) -> list[str]:
    """Our crontab lines, each ending with its marker. Arguments are shell-quoted, and ``%``
    (a newline to cron) is escaped."""
    lines = []
    for entry in entries:
        shell = " ".join(shlex.quote(arg) for arg in (*command, *entry.args)).replace("%", r"\%")
        lines += [f"{when} {shell} # {CRON_MARKER}{entry.name}" for when in entry.cron]
    return lines


def is_ours(line: str) -> bool:
    return bool(_MARKED.search(line)) and not line.lstrip().startswith("#")


def _our_span(lines: Sequence[str]) -> tuple[int, int] | None:
    """[start, end) of our marked lines, with the CRON_TZ pair around them when both are there."""
    marked = [i for i, line in enumerate(lines) if is_ours(line)]
    if not marked:
        return None
    start, end = marked[0], marked[-1] + 1
    if (
        start > 0
        and end < len(lines)
        and _CRON_TZ.match(lines[start - 1])
        and _CRON_TZ.match(lines[end])
    ):
        return start - 1, end + 1
    return start, end


def _zone_before(lines: Sequence[str], local_zone: str) -> str:
    """The CRON_TZ in effect at the end of ``lines``: the last one set there, else the machine's."""
    for line in reversed(lines):
        if match := _CRON_TZ.match(line):
            return match.group(1)
    return local_zone


def install_crontab(
    entries: Sequence[ScheduleEntry] = DEFAULT_ENTRIES,
    *,
    command: Sequence[str] | None = None,
    crontab_cmd: Sequence[str] = DEFAULT_CRONTAB_CMD,
    timezone: str | None = None,
    local_zone: str = "UTC",
) -> CrontabChange:
    """Put our lines in the crontab: where they were, else at the end; between CRON_TZ lines
    when ``timezone`` is given (``local_zone``: the machine's, restored after them when no
    CRON_TZ was set above). Writes nothing when they are already there as they should be."""
    current = read_crontab(crontab_cmd).splitlines()
    start, end = _our_span(current) or (len(current), len(current))
    before = [line for line in current[:start] if not is_ours(line)]
    after = [line for line in current[end:] if not is_ours(line)]
    jobs = crontab_lines(entries, command or vasteaika_command())
    wanted = jobs
    if timezone:
        wanted = [f"CRON_TZ={timezone}", *jobs, f"CRON_TZ={_zone_before(before, local_zone)}"]
    if [*before, *wanted, *after] == current:
        return CrontabChange(False, (), (), tuple(wanted))
    write_crontab([*before, *wanted, *after], crontab_cmd)
    ours = [line for line in current if is_ours(line)]
    added = tuple(line for line in jobs if line not in ours)
    removed = tuple(line for line in ours if line not in jobs)
    return CrontabChange(True, added, removed, tuple(wanted))


def remove_crontab(*, crontab_cmd: Sequence[str] = DEFAULT_CRONTAB_CMD) -> CrontabChange:
    """Take exactly our lines (and our CRON_TZ pair) out of the crontab; every other line stays."""
    current = read_crontab(crontab_cmd).splitlines()
    span = _our_span(current)
    if span is None:
        return CrontabChange(False, (), (), ())
    ours = tuple(line for line in current if is_ours(line))
    kept = [*current[: span[0]], *current[span[1] :]]
    write_crontab([line for line in kept if not is_ours(line)], crontab_cmd)
    return CrontabChange(True, (), ours, ())


def show_crontab(*, crontab_cmd: Sequence[str] = DEFAULT_CRONTAB_CMD) -> tuple[str, ...]:
    """vasteaika's lines in the crontab, as installed."""
    return tuple(line for line in read_crontab(crontab_cmd).splitlines() if is_ours(line))


def read_crontab(crontab_cmd: Sequence[str] = DEFAULT_CRONTAB_CMD) -> str:
    """The crontab's text; "" when the user has none."""
    result = _run_crontab([*crontab_cmd, "-l"])
    if result.returncode == 0:
        return result.stdout
    if "no crontab for" in result.stderr:
        return ""
    raise StorageError(
        f"cannot read the crontab: {_first_line(result.stderr)}",
        "check that you may use cron (/etc/cron.allow, /etc/cron.deny)",
    )


def write_crontab(lines: Sequence[str], crontab_cmd: Sequence[str] = DEFAULT_CRONTAB_CMD) -> None:
    text = "".join(f"{line}\n" for line in lines)
    result = _run_crontab([*crontab_cmd, "-"], text)
    if result.returncode != 0:
        raise StorageError(
            f"cannot write the crontab: {_first_line(result.stderr)}",
            "nothing was changed; check `crontab -l` and that you may use cron",
        )


def _run_crontab(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C"}  # "no crontab for" must be in English
    try:
        return subprocess.run(
            args, input=stdin, capture_output=True, text=True, env=env, timeout=_TIMEOUT_SECONDS
        )
    except FileNotFoundError as exc:
        raise UnreachableError(
            f"the crontab command was not found ({args[0]})",
            "install cron (Debian/Ubuntu: sudo apt-get install cron), or use --systemd",
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise TemporaryError(
            f"crontab did not answer within {_TIMEOUT_SECONDS} s", "try again"
        ) from exc


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "no message")


# --- systemd user timers --------------------------------------------------------------------


def default_unit_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """~/.config/systemd/user, or under $XDG_CONFIG_HOME when it is set."""
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def systemd_units(
    entries: Sequence[ScheduleEntry] = DEFAULT_ENTRIES,
    *,
    command: Sequence[str] | None = None,
    timezone: str | None = None,
) -> dict[str, str]:
    """File name → text of a oneshot service and its timer for each entry; the timers' times
    are in ``timezone`` when given (systemd ≥ 235), else the machine's."""
    zone = f" {timezone}" if timezone else ""
    exec_start = _exec_line(command or vasteaika_command())
    units: dict[str, str] = {}
    for entry in entries:
        name = f"{UNIT_PREFIX}{entry.name}"
        units[f"{name}.service"] = _unit(
            {
                "Unit": [f"Description=vasteaika {entry.name}"],
                "Service": ["Type=oneshot", f"ExecStart={exec_start} {_exec_line(entry.args)}"],
            }
        )
        units[f"{name}.timer"] = _unit(
            {
                "Unit": [f"Description=vasteaika {entry.name} on schedule"],
                "Timer": [
                    *(f"OnCalendar={when}{zone}" for when in entry.on_calendar),
                    "Persistent=true",
                ],
                "Install": ["WantedBy=timers.target"],
            }
        )
    return units


def watch_unit(command: Sequence[str] | None = None) -> tuple[str, str]:
    """(file name, text) of a long-running ``vasteaika watch`` service, restarted on failure."""
    return f"{UNIT_PREFIX}watch.service", _unit(
        {
            "Unit": ["Description=vasteaika watch: react to new mail as it arrives"],
            "Service": [
                f"ExecStart={_exec_line(command or vasteaika_command())} watch",
                "Restart=on-failure",
                "RestartSec=30",
                # A wrong password or config (77, 78), a damaged or unwritable database (74) or
                # usage (2) is not fixed by retrying: logging in again every 30 s would get the
                # account locked, and a damaged ledger needs `vasteaika rebuild`.
                "RestartPreventExitStatus=2 74 77 78",
            ],
            "Install": ["WantedBy=default.target"],
        }
    )


def install_systemd(
    unit_dir: Path | None = None,
    entries: Sequence[ScheduleEntry] = DEFAULT_ENTRIES,
    *,
    command: Sequence[str] | None = None,
    timezone: str | None = None,
) -> UnitsChange:
    """Write the units into ``unit_dir`` (default :func:`default_unit_dir`). Files already
    right are not touched; a file of the same name that vasteaika did not write is refused."""
    directory = unit_dir or default_unit_dir()
    units = systemd_units(entries, command=command, timezone=timezone)
    written: list[Path] = []
    unchanged: list[Path] = []
    try:
        old = {name: _read_if_exists(directory / name) for name in units}
        foreign = [name for name, text in old.items() if text and not text.startswith(UNIT_MARKER)]
        if foreign:
            raise StorageError(
                f"{directory / foreign[0]} exists and was not written by vasteaika",
                "rename or remove it, then install again; nothing was written",
            )
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in units.items():
            path = directory / name
            if old[name] == text:
                unchanged.append(path)
                continue
            tmp = path.with_name(f".{name}.tmp")
            tmp.write_text(text, "utf-8")
            os.replace(tmp, path)
            written.append(path)
    except OSError as exc:
        raise StorageError(f"cannot write systemd units in {directory}: {exc}", "") from exc
    return UnitsChange(tuple(written), tuple(unchanged), ())


def _read_if_exists(path: Path) -> str | None:
    return path.read_text("utf-8") if path.exists() else None


def remove_systemd(unit_dir: Path | None = None) -> UnitsChange:
    """Delete the unit files vasteaika wrote (and only those)."""
    removed = []
    for path in show_systemd(unit_dir):
        try:
            path.unlink()
        except OSError as exc:
            raise StorageError(f"cannot remove {path}: {exc}", "") from exc
        removed.append(path)
    return UnitsChange((), (), tuple(removed))


def show_systemd(unit_dir: Path | None = None) -> tuple[Path, ...]:
    """The unit files in ``unit_dir`` that vasteaika wrote."""
    directory = unit_dir or default_unit_dir()
    if not directory.is_dir():
        return ()
    found = []
    for path in sorted(directory.glob(f"{UNIT_PREFIX}*")):
        try:
            with path.open(encoding="utf-8") as unit:
                if unit.readline().startswith(UNIT_MARKER):
                    found.append(path)
        except (OSError, UnicodeDecodeError):
            continue
    return tuple(found)


def systemctl_commands(unit_names: Sequence[str]) -> list[list[str]]:
    """The commands that load and start the timers among ``unit_names``."""
    timers = [name for name in unit_names if name.endswith(".timer")]
    return [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", *timers],
    ]


def _unit(sections: dict[str, list[str]]) -> str:
    parts = [f"{UNIT_MARKER} — written by `vasteaika schedule install --systemd`"]
    for section, lines in sections.items():
        parts.append(f"\n[{section}]")
        parts.extend(lines)
    return "\n".join(parts) + "\n"


def _exec_line(args: Sequence[str]) -> str:
    """Arguments for ExecStart=: quoted where needed, with % and $ escaped for systemd."""
    quoted = []
    for arg in args:
        if not _SAFE_UNIT_ARG.fullmatch(arg):
            arg = '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'
        quoted.append(arg.replace("%", "%%").replace("$", "$$"))
    return " ".join(quoted)
