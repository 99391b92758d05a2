"""How a command's error ends: one line on stderr in the owner's language, the exit code its
class carries (no traceback unless --debug), and the problem noted for `status`.

Apart from root (the typer app) so that the quick path (``fast``: cron's ``check --quiet``)
ends its errors exactly as run() does without importing typer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from vasteaika.catalogue import error_line
from vasteaika.errors import ConfigError, UsageError, VasteaikaError
from vasteaika.terminal import printable

if TYPE_CHECKING:
    from vasteaika.cli.context import CommandContext


def interrupted(lang: str) -> int:
    from vasteaika.catalogue import say

    print(f"vasteaika: {say(lang, 'run.interrupted')}", file=sys.stderr)
    return 130


def note_problem(parts: CommandContext, exc: Exception) -> None:
    """What `status` shows as the last problem: any of our errors but a usage mistake, once the
    config named the database."""
    if parts.database is None or not parts.keeps_health:
        return
    error = as_user_error(exc, parts.database)
    if error is None or isinstance(error, UsageError):
        return
    from vasteaika.jobs.health import note_problem as note_in_health

    note_in_health(parts.database, parts.now(), parts.command, error.line())


def fail(exc: Exception, debug: bool, database: Path | None, lang: str) -> int:
    """One line on stderr and the exit code the error's class carries, the same with --debug
    (which adds the traceback before it: the standard one, which shows no local variables —
    they may hold a password). In the owner's language once the config is read, else English."""
    if debug:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    error = as_user_error(exc, database)
    if error is None:
        from vasteaika.catalogue import say

        # Not the exception's own text, which means nothing to the owner: --debug's traceback has it.
        print(printable(f"vasteaika: {say(lang, 'run.internal', kind=type(exc).__name__)}"),
              file=sys.stderr)  # fmt: skip
        return 70
    if isinstance(error, ConfigError) and error.language:  # the file's own, before it is valid
        lang = error.language
    print(printable(f"vasteaika: {error_line(error, lang)}"), file=sys.stderr)
    return error.exit_code


def as_user_error(exc: Exception, database: Path | None) -> VasteaikaError | None:
    """Our own errors, and SQLite's faults of the file or the disk (which can surface at any
    query, not only when the database is opened); None for a bug."""
    if isinstance(exc, VasteaikaError):
        return exc
    sqlite3 = sys.modules.get("sqlite3")  # not imported: the error cannot be SQLite's
    if sqlite3 is not None and isinstance(exc, sqlite3.Error):
        from vasteaika.ledger.database import storage_error  # only on this path: sqlite_utils

        return storage_error(exc, database or Path("(the database)"))
    return None
