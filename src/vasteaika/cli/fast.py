"""The invocations that run most often and have least to do, answered without typer:
``vasteaika --version``, cron's ``remind --quiet`` every 5 minutes when nothing is due, and
cron's ``check --quiet``.

typer validates the options through pydantic (typer 0.20 on), and importing the two takes
longer than such a run may take in all (the goal is 0.2 s). So the entry point asks here first.
Only these shapes are read — ``--version`` alone; ``[--config PATH | -c PATH | --config=PATH]
[--debug] remind --quiet|-q`` — and ``remind`` is answered only when the answer is "nothing":
the config reads without a warning and the ledger, peeked at (``reminders.due_query``), has
nothing due, no stale claim and no open reminder of an ignored customer. Anything else (another
shape, a config error or warning, a ledger to create or migrate, a reminder to fire, a surprise)
is left to the command itself, which then says and does what it always does.

Cron's ``check --quiet`` (``[--config PATH] [--debug] check --quiet|-q``, twice a day or more)
is not answered here but run: it needs none of typer's option reading, so ``quiet_check`` calls
the command's own run (``check_run``) with the context and the error handling (``failure``)
that run() would give it. Same run, same output, same exit code; only typer is not imported.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path

INTERRUPTED = "vasteaika: interrupted — nothing half-written; run again to continue"


def answer(args: Sequence[str]) -> int | None:
    """The exit code when this module answered ``args``; None: run the command."""
    try:
        return _answer(args)
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130


def _answer(args: Sequence[str]) -> int | None:
    if list(args) == ["--version"]:  # what typer's eager --version prints
        from vasteaika import __version__

        print(f"vasteaika {__version__}")
        return 0
    wanted, config_path = quiet_remind(args)
    if wanted and nothing_to_remind(config_path):
        return 0
    wanted, config_path, debug = quiet_command(args, "check")
    if wanted and "_VASTEAIKA_COMPLETE" not in os.environ:  # else typer completes
        return quiet_check(config_path, debug)
    return None


def quiet_remind(args: Sequence[str]) -> tuple[bool, Path | None]:
    """(True, the --config path or None) when ``args`` is cron's ``remind --quiet``; else
    (False, None). A shape read otherwise by click (a repeated or empty --config) is not it."""
    wanted, config, _ = quiet_command(args, "remind")
    return wanted, config


def quiet_command(args: Sequence[str], command: str) -> tuple[bool, Path | None, bool]:
    """(True, the --config path or None, --debug given) when ``args`` is ``[--config PATH |
    -c PATH | --config=PATH] [--debug] <command> --quiet|-q``; else (False, None, False)."""
    config: Path | None = None
    debug = False
    rest = list(args)
    while rest and rest[0] != command:
        option = rest.pop(0)
        if option == "--debug":
            debug = True
            continue
        if option in ("--config", "-c") and rest:
            value = rest.pop(0)
        elif option.startswith("--config="):
            value = option.removeprefix("--config=")
        else:
            return False, None, False
        if config is not None or not value:
            return False, None, False
        config = Path(value)
    if rest in ([command, "--quiet"], [command, "-q"]):
        return True, config, debug
    return False, None, False


def quiet_check(config_path: Path | None, debug: bool) -> int:
    """Cron's ``check --quiet``: the command's own run (``check_run``) with the context and the
    error handling run() gives it, only without typer, whose options it does not need. The
    exit code is run()'s: typer's way with an interrupt (130), a closed terminal (EOF: a new
    line, then 130) and a closed pipe (1, silently) included."""
    from vasteaika.cli.check_run import run_check_command
    from vasteaika.cli.context import CommandContext
    from vasteaika.cli.failure import fail, interrupted, note_problem

    parts = CommandContext(config_path=config_path, debug=debug, command="check")
    try:
        run_check_command(parts, json_out=False, quiet=True, dry_run=False)
    except KeyboardInterrupt:
        return interrupted(parts.language)
    except EOFError:
        print(file=sys.stderr)
        return interrupted(parts.language)
    except Exception as exc:
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            _pacify()
            return 1
        code = fail(exc, debug, parts.database, parts.language)
        note_problem(parts, exc)
        return code
    return 0


def _pacify() -> None:
    """What click does when the reader of the output went away: nothing more is written, and
    flushing at exit does not fail."""
    sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open until the exit
    sys.stdout = sys.stderr = sink


def nothing_to_remind(config_path: Path | None) -> bool:
    """True when ``remind --quiet`` would find nothing to do and print nothing."""
    try:
        from vasteaika.clock import system_clock
        from vasteaika.config import load_config
        from vasteaika.reminders.due_query import nothing_to_fire

        config = load_config(config_path)
        if config.warnings:  # the command prints them
            return False
        reminders = config.reminders
        return nothing_to_fire(config.database, system_clock(), reminders.lead, config.ignore)
    except Exception:  # the command meets it again, and says what is wrong as it always does
        return False
