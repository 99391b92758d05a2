"""The command line: typer commands that parse options, take their parts from the command's
context, call one library function and render the result. Only this package (and the report's
renderer) knows typer.

``root`` holds the app, the global options and the error handler; ``context`` builds the
config, ledger, mailbox and senders once per command, lazily; ``output`` and ``messages``
render for people and scripts. Each command module registers its commands on the app when
imported; run() imports only the one the command line names (root.COMMAND_MODULES).

Importing this package costs nothing more: ``remind --quiet`` runs every 5 minutes and
``--version`` should be instant, so ``main`` (``fast``) answers those without typer when it
can, and ``app`` and ``run`` are looked up (with every command registered) when first asked for.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from vasteaika.cli.fast import answer

if TYPE_CHECKING:
    from vasteaika.cli.root import app, run

__all__ = ["app", "main", "run"]


def main() -> None:
    """The ``vasteaika`` command: answered by ``fast`` when it can be, else run by typer."""
    code = answer(sys.argv[1:])
    if code is None:
        from vasteaika.cli.root import main as run_main

        run_main()
    sys.exit(code)


def __getattr__(name: str) -> object:
    if name in ("app", "run"):
        from vasteaika.cli import root

        root.load_commands()
        return getattr(root, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
