"""The command line: typer commands that parse options, build the real parts, call one
library function and render the result. Only this package (and the renderers) knows typer.

``app`` holds the global options and the error handler; each command module registers its
commands on it when imported, which this package does for all of them.
"""

from vasteaika.cli import acks, rebuild, reminders  # noqa: F401  (their commands register)
from vasteaika.cli.root import app, main, run

__all__ = ["app", "main", "run"]
