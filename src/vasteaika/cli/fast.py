"""The invocations that run most often and have least to do, answered without typer:
``vasteaika --version``, and cron's ``remind --quiet`` every 5 minutes when nothing is due.

typer validates the options through pydantic (typer 0.20 on), and importing the two takes
longer than such a run may take in all (the goal is 0.2 s). So the entry point asks here first.
Only these shapes are read — ``--version`` alone; ``[--config PATH | -c PATH | --config=PATH]
[--debug] remind --quiet|-q`` — and ``remind`` is answered only when the answer is "nothing":
the config reads without a warning and the ledger, peeked at (``reminders.due_query``), has
nothing due, no stale claim and no open reminder of an ignored customer. Anything else (another
shape, a config error or warning, a ledger to create or migrate, a reminder to fire, a surprise)
is left to the command itself, which then says and does what it always does.
"""

from __future__ import annotations

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
    return None


def quiet_remind(args: Sequence[str]) -> tuple[bool, Path | None]:
    """(True, the --config path or None) when ``args`` is cron's ``remind --quiet``; else
    (False, None). A shape read otherwise by click (a repeated or empty --config) is not it."""
    config: Path | None = None
    rest = list(args)
    while rest and rest[0] != "remind":
        option = rest.pop(0)
        if option == "--debug":
            continue
        if option in ("--config", "-c") and rest:
            value = rest.pop(0)
        elif option.startswith("--config="):
            value = option.removeprefix("--config=")
        else:
            return False, None
        if config is not None or not value:
            return False, None
        config = Path(value)
    return rest in (["remind", "--quiet"], ["remind", "-q"]), config


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
