"""`vasteaika close` and `vasteaika reopen`: the owner's own decision that a conversation needs
no answer (a "Kiitos!", spam the rules missed, handled elsewhere) and taking it back. They write
one event into the conversation's timeline; a new customer mail opens it again by itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from vasteaika.catalogue import fault
from vasteaika.cli import output as render
from vasteaika.cli.context import current
from vasteaika.cli.root import app
from vasteaika.errors import UsageError

if TYPE_CHECKING:  # the ledger (with sqlite_utils) is imported when a command runs
    from vasteaika.ledger.store import Store

ConversationId = Annotated[
    int, typer.Argument(help="The conversation's number (# in the waiting list).", metavar="N")
]


def _conversation(store: Store, conversation_id: int) -> dict[str, object]:
    conv = store.conversation(conversation_id)
    if conv is None:
        raise fault(UsageError, "err.no_conversation", id=conversation_id)
    return conv


@app.command()
def close(ctx: typer.Context, conversation_id: ConversationId) -> None:
    """Close a conversation that needs no answer: it leaves the waiting list and its open
    reminders are cancelled. A new mail from the customer opens it again.

    \b
    Example:
      vasteaika close 12     # the number from 'vasteaika check'
    """
    from vasteaika.ledger.store import epoch
    from vasteaika.reminders.store import cancel_for_conversation

    parts = current(ctx)
    store, now = parts.store, parts.now()
    conv = _conversation(store, conversation_id)
    if conv["waiting_since"] is None:
        raise fault(UsageError, "err.not_waiting", id=conversation_id)
    with store.db.atomic():
        store.add_event(conversation_id, "close", epoch(now))
        cancelled = cancel_for_conversation(store, conversation_id, now)
    lang = parts.config.language
    render.console.print(
        render.text(lang, "closed", id=conversation_id, who=conv["customer_email"], n=cancelled),
        highlight=False, markup=False,
    )  # fmt: skip
    parts.sync_calendar()


@app.command()
def reopen(ctx: typer.Context, conversation_id: ConversationId) -> None:
    """Take a close back: the conversation waits for your answer again, from the customer's
    mail it waited for before. (Cancelled reminders stay cancelled.)"""
    from vasteaika.ledger.store import epoch

    parts = current(ctx)
    store, now = parts.store, parts.now()
    conv = _conversation(store, conversation_id)
    if conv["closed_at"] is None:
        raise fault(UsageError, "err.not_closed", id=conversation_id)
    with store.db.atomic():
        store.add_event(conversation_id, "reopen", epoch(now))
    render.console.print(
        render.text(parts.config.language, "reopened", id=conversation_id,
                    who=conv["customer_email"]),
        highlight=False, markup=False,
    )  # fmt: skip
