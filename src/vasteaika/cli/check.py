"""`vasteaika check`: read what is new, acknowledge new customers, fire due reminders, and show
who is waiting — the daily command, by hand or from cron. This module reads the options;
check_run runs (jobs.cycle) and renders, without typer, so cron's ``check --quiet`` can run
there directly (``fast``)."""

from __future__ import annotations

from typing import Annotated

import typer

from vasteaika.cli.check_run import run_check_command
from vasteaika.cli.context import current
from vasteaika.cli.root import app


@app.command()
def check(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print nothing unless something is wrong (for cron)."),
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Show which acknowledgments would go, to whom, with which text; "
            "send nothing and change nothing.",
        ),
    ] = False,
) -> None:
    """Read new mail from INBOX and Sent, acknowledge new customers, show who is waiting.

    Safe to run any time, by hand or from cron twice a day: the mailbox is only read (apart from
    the copy of an acknowledgment in Sent), and a second run reads only what is new. An
    acknowledgment goes only to a person who wrote in the last ack.max_age (2 h), never to a
    robot, a list or twice to the same person; 'vasteaika why' tells why a mail got none.
    """
    run_check_command(current(ctx), json_out=json_out, quiet=quiet, dry_run=dry_run)
