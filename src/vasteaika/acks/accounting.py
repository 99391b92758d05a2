"""What happened to each new customer's acknowledgment in one run: sent (to whom, for which
callback), drafted, planned (a dry run), or not sent and why, or left for the owner.

Apart from the outbox because it decides nothing: it reads back what the run decided, so
`check`, `check --dry-run` and `watch` can account for every new conversation, not only for
the acknowledgments that went out. The reasons are the decision's own ``"<code>: <prose>"``
strings, the same that `vasteaika why` shows.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from vasteaika.acks.outbox import AckOutcome
from vasteaika.acks.store import ack_states
from vasteaika.ledger.store import Store, from_epoch

Outcome = Literal[
    "sent", "drafted", "would_send", "not_sent", "in_doubt", "failed", "not_tried", "problem",
    "off",
]
# The outcomes the owner has to look at: the customer may or may not have been promised a call,
# or nothing was decided because something broke.
NEEDS_OWNER: frozenset[str] = frozenset({"in_doubt", "failed", "not_tried", "problem"})
# Those the watcher's log tells as they go out (outbox's on_ack), not again after the cycle.
TOLD_AS_SENT: frozenset[str] = frozenset({"sent", "drafted"})
_STORED: dict[str, Outcome] = {
    "sent": "sent", "draft": "drafted", "pending": "in_doubt", "skipped": "not_sent",
    "failed": "failed",
}  # fmt: skip


@dataclass(frozen=True)
class AckAccount:
    """One new conversation and what became of its acknowledgment."""

    conversation_id: int
    customer_email: str
    customer_name: str
    subject: str
    outcome: Outcome
    recipient: str | None = None
    callback_at: datetime | None = None
    reasons: tuple[str, ...] = ()

    @property
    def needs_owner(self) -> bool:
        return self.outcome in NEEDS_OWNER


def account_acks(store: Store, run_id: int, acks: AckOutcome, mode: str) -> list[AckAccount]:
    """Every conversation the run opened, and every one it decided on, with its outcome.
    ``acks`` is the run's outcome: a dry run's plans are not stored, so they come from it."""
    planned = {p.conversation_id: p for p in acks.planned}
    delivered = {p.conversation_id for p in acks.delivered}
    decided = tuple(sorted({*planned, *(c for c, _ in acks.skipped)}))
    accounts = []
    for row in ack_states(store, run_id, decided):
        outcome, reasons = _outcome(row["ack_status"], row["id"], planned, delivered, acks, mode)
        plan = planned.get(row["id"])
        stored_reasons = json.loads(row["ack_reasons"] or "[]")
        accounts.append(
            AckAccount(
                row["id"], row["customer_email"], row["customer_name"] or "",
                row["subject"] or "", outcome,
                row["ack_recipient"] or (plan.recipient if plan else None),
                from_epoch(row["callback_at"]) or (plan.callback_at if plan else None),
                reasons or tuple(str(r) for r in stored_reasons),
            )
        )  # fmt: skip
    return accounts


def _outcome(
    status: str | None,
    conversation_id: int,
    planned: Collection[int],
    delivered: set[int],
    acks: AckOutcome,
    mode: str,
) -> tuple[Outcome, tuple[str, ...]]:
    if status in _STORED:
        return _STORED[status], ()
    if mode == "off":
        return "off", ("off: acknowledgments are turned off (ack.mode = off)",)
    if conversation_id in planned and conversation_id not in delivered:
        if acks.error is not None:  # handed back untried, or refused before it was handed over
            return "not_tried", (f"stopped: {acks.error.line()}",)
        return "would_send", ()
    if acks.error is not None:
        return "not_tried", (f"stopped: {acks.error.line()}",)
    return "problem", ("problem: a step failed on this mail (see 'vasteaika problems')",)
