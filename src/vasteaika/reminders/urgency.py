"""What breaks first: the waiting list ordered by the nearest promise. A waiting conversation's
promise is the earlier of its open reminder (a promised callback) and the promised response time
(``[report] response_promise`` in business time from ``waiting_since``). Apart from the
reminders' SQL and the screens: the one rule check's list and its JSON share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from vasteaika.config import Config
from vasteaika.hours import business_deadline
from vasteaika.ledger.records import ConversationRecord, business_hours
from vasteaika.ledger.store import Store, from_epoch
from vasteaika.reminders.store import next_due_by_conversation


@dataclass(frozen=True)
class Urgency:
    promise_due_at: datetime
    overdue: bool


def by_urgency(
    config: Config, store: Store, waiting: Sequence[ConversationRecord], now: datetime
) -> list[tuple[ConversationRecord, Urgency]]:
    """The waiting conversations, the most urgent first: past its promise, then nearest."""
    hours = business_hours(config.hours)
    promise = int(config.report.response_promise.total_seconds())
    callbacks = next_due_by_conversation(store, [r.id for r in waiting])
    ranked = []
    for r in waiting:
        due = business_deadline(r.waiting_since or r.first_contact_at, promise, hours)
        callback = from_epoch(callbacks.get(r.id))
        if callback is not None and callback < due:
            due = callback.astimezone(due.tzinfo)
        ranked.append((r, Urgency(due, due < now)))
    return sorted(ranked, key=lambda x: (not x[1].overdue, x[1].promise_due_at, x[0].id))
