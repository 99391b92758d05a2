"""The command line: typer commands that parse options, take their parts from the command's
context, call one library function and render the result. Only this package (and the report's
renderer) knows typer.

``root`` holds the app, the global options and the error handler; ``context`` builds the
config, ledger, mailbox and senders once per command, lazily; ``output`` and ``messages``
render for people and scripts. Each command module registers its commands on the app when
imported, which this package does for all of them, in the order ``--help`` lists them.
"""

# Importing a command module registers its commands; 'vasteaika --help' lists them in this order.
# isort: off
from vasteaika.cli import setup, check, conversations, watch, report, customer, explain  # noqa: F401
from vasteaika.cli import acks, rebuild, reminders, schedule, calendar, queue  # noqa: F401

# isort: on
from vasteaika.cli.root import app, main, run

__all__ = ["app", "main", "run"]
