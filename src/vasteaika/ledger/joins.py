"""Which conversation a customer's mail joins, or the one it opens, and the owner's answer found
for it: the decisions of threading written once over ``ThreadTables``, the few lookups and writes
they need. The store answers them with SQL, a mail at a time; ``batch_view.BatchView`` answers
them in memory for a whole batch and writes it together. Apart from the check so that both ways
of storing a batch follow the same rules by construction.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from vasteaika.ledger.threads import is_same_customer, joins_conversation
from vasteaika.ledger.turns import TurnState
from vasteaika.models import Classification, ConversationRef, Message


class ThreadTables(Protocol):
    """The lookups and writes that threading makes (``Store`` has them all)."""

    def conversation_by_message_ids(
        self, ids: list[str], prefer: list[str] | None = None
    ) -> ConversationRef | None: ...

    def latest_conversation(self, customer_email: str, before: int) -> ConversationRef | None: ...

    def conversation_for_reply(
        self,
        recipients: list[str],
        base_subject: str,
        at: int,
        window: int,
        column: str = "customer_email",
    ) -> ConversationRef | None: ...

    def open_conversations_at(self, emails: list[str], at: int) -> list[int]: ...

    def earliest_owner_reply(
        self,
        message_id: str | None,
        customer_email: str,
        base_subject: str | None,
        since: int,
        until: int,
    ) -> tuple[int, int, str] | None: ...

    def open_conversation(self, row: dict[str, Any]) -> int: ...

    def set_message_conversation(self, message_pk: int, conversation_id: int) -> None: ...

    def touch_conversation(self, conversation_id: int, customer_at: int) -> None: ...

    def link_answer(self, conversation_id: int, message_pk: int, rule: str) -> bool: ...

    def mark_unanswered(self, message_pk: int, note: str) -> None: ...

    def derive_turns(self, conversation_id: int) -> TurnState: ...


def thread_customer(
    tables: ThreadTables,
    msg: Message,
    cls: Classification,
    pk: int,
    row: dict[str, Any],
    refs: list[str],
    window: int,
) -> int:
    """Join the customer's stored mail ``pk`` to its conversation or open one; 1 when opened."""
    at, customer = row["received_at"], row["customer_email"]
    linked = tables.conversation_by_message_ids(refs, [customer])
    # A link into another customer's conversation (a thread the owner had with someone else)
    # never takes this customer's mail: it opens their own conversation, not acknowledged.
    foreign = None
    if linked is not None and not is_same_customer(linked.customer_email, customer):
        foreign, linked = linked, None
    candidate = linked or tables.latest_conversation(customer, at)
    if joins_conversation(
        candidate,
        linked=linked is not None,
        base_subject=row["base_subject"],
        received_at=at,
        window_seconds=window,
    ):
        assert candidate is not None
        tables.set_message_conversation(pk, candidate.id)
        tables.touch_conversation(candidate.id, at)
        if not msg.synthetic_id:  # the owner may have answered this follow-up rather than the first
            reply = tables.earliest_owner_reply(msg.message_id, customer, None, at, at)
            if reply and tables.link_answer(candidate.id, reply[0], reply[2]):
                return 0
        tables.derive_turns(candidate.id)
        return 0
    followup: str | None = None
    if linked is not None:  # a reply to an old thread: counted anew, never acknowledged (D1)
        followup = f"followup: a reply in conversation #{linked.id}, not a new contact"
    elif foreign is not None:
        followup = f"followup: a reply in conversation #{foreign.id} with another customer"
    # Decided at once, so the acknowledgments never see it (their SQL is not the ledger's).
    decided = {"ack_status": "skipped", "ack_reasons": json.dumps([followup])} if followup else {}
    conv_id = tables.open_conversation(
        {
            "customer_email": row["customer_email"],
            "customer_name": row["customer_name"] or "",
            "subject": msg.subject,
            "base_subject": row["base_subject"],
            "via_form": int(cls.via_form),
            "reply_to": _other_reply_to(msg, row["customer_email"]),
            "first_contact_id": pk,
            "first_contact_message_id": None if msg.synthetic_id else msg.message_id,
            "first_contact_at": at,
            "last_customer_at": at,
            "run_id": row["run_id"],
            **decided,
        }
    )
    tables.set_message_conversation(pk, conv_id)
    reply = tables.earliest_owner_reply(
        None if msg.synthetic_id else msg.message_id,
        customer,
        row["base_subject"],
        at,
        at + window,
    )
    if not (reply and tables.link_answer(conv_id, reply[0], reply[2])):
        tables.derive_turns(conv_id)
    return 1


def _other_reply_to(msg: Message, customer: str) -> str | None:
    """The customer's Reply-To when it is another address than theirs: the owner may answer
    there."""
    return next((a.email for a in msg.reply_to if a.email != customer), None)
