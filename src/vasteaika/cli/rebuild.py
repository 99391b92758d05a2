"""`vasteaika rebuild`: a new ledger read from the mailbox in place of a damaged database."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from vasteaika.catalogue import fault
from vasteaika.cli import output as render
from vasteaika.cli.context import current
from vasteaika.cli.root import app
from vasteaika.errors import TemporaryError, UsageError
from vasteaika.terminal import printable

NOT_ACKNOWLEDGED = (
    "read by 'vasteaika rebuild': a conversation from before the rebuild is never acknowledged,"
    " in case an acknowledgment went out that the mailbox does not show"
)


@app.command()
def rebuild(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Build the ledger again from your mailbox, when the database is damaged ('database disk
    image is malformed', 'file is not a database').

    INBOX and Sent are read into a new database, as the first 'vasteaika check' did: customers,
    conversations, your replies and response times all come back from the mailbox. Only when
    that has worked is the old file moved aside, renamed to <name>.damaged-<date> together with
    its -wal and -shm files. Nothing is deleted. If the rebuild stops (say, the server cannot be
    reached), the old file stays where it was; run rebuild again.

    No customer is acknowledged twice. Acknowledgments already sent are found again in Sent and
    count for the once-per-person rule, and no conversation read by the rebuild gets an
    acknowledgment afterwards, in case one went out that Sent does not show. Callback reminders
    come back from the promises in your replies with the next 'vasteaika check' (one you had
    marked done may show once more); those promised by an acknowledgment do not. Your own
    decisions are not in the mailbox: a conversation you closed ('vasteaika close') waits again
    until you close it again, and a call you marked done no longer answers it.

    Asks before it starts, unless --yes. Stop 'vasteaika watch' first.
    """
    from vasteaika.acks.store import skip_undecided_acks
    from vasteaika.jobs.watch import read_state
    from vasteaika.ledger.check import run_check
    from vasteaika.ledger.database import remove_database, replace_database, run_lock
    from vasteaika.ledger.store import open_database

    parts = current(ctx)
    config = parts.config
    path, lang = config.database, config.language
    if read_state(path)[1]:
        raise fault(TemporaryError, "err.watch_running")
    with run_lock(path):
        if not yes:
            if not sys.stdin.isatty():
                raise fault(UsageError, "err.confirm")
            if not typer.confirm(render.text(lang, "rebuild.question", path=path)):
                typer.echo(render.text(lang, "rebuild.nothing"))
                return
        now = parts.now()
        scratch = path.with_name(path.name + ".rebuilding")
        remove_database(scratch)  # what a rebuild that stopped half-way left behind
        store, source = open_database(scratch), parts.mail_source()
        try:
            with render.progress(True, lang) as bar:
                result = run_check(config, source, store, now, bar.start, bar.step)
        finally:
            source.close()
        skipped = skip_undecided_acks(store, NOT_ACKNOWLEDGED)
        store.db.close()
        stamp = now.astimezone(config.hours.timezone).strftime("%Y%m%d-%H%M%S")
        aside = replace_database(path, scratch, stamp)
    if aside is not None:
        typer.echo(printable(render.text(lang, "rebuild.moved", path=aside)))
    read = sum(result.folders.values())
    typer.echo(printable(render.text(lang, "rebuild.done", read=read, path=path, n=skipped)))
    typer.echo(render.text(lang, "rebuild.next"))
