"""What happened to each new customer's acknowledgment in one run: sent (to whom, for which
callback), drafted, planned (a dry run), or not sent and why, or left for the owner.

Apart from the outbox because it decides nothing: it reads back what the run decided, so
`check`, `check --dry-run` and `watch` can account for every new conversation, not only for
the acknowledgments that went out. The reasons are the decision's own ``"<code>: <prose>"``
strings, the same that `vasteaika why` shows.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, overload

from vasteaika.acks.outbox import AckOutcome
from vasteaika.acks.store import ack_states, ack_states_counted
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
# Stored states whose outcome never needs the owner.
_SETTLED = tuple(status for status, outcome in _STORED.items() if outcome not in NEEDS_OWNER)


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


def account_acks(store: Store, run_id: int, acks: AckOutcome, mode: str) -> AckAccounts:
    """Every conversation the run opened, and every one it decided on, with its outcome.
    ``acks`` is the run's outcome: a dry run's plans are not stored, so they come from it."""
    return AckAccounts(store, run_id, acks, mode)


class AckAccounts(Sequence[AckAccount]):
    """The accounts of one run, read from the ledger each time they are gone through.

    A first sync opens a conversation for every customer mail of years (150,000 at 300,000
    mails): held as records they were most of the run's memory, although `check --quiet` shows
    only those that need the owner (``needing_owner``, which reads only those). Read right
    after the run, as `check` and `watch` do: nothing later in a cycle changes an
    acknowledgment's state."""

    def __init__(self, store: Store, run_id: int, acks: AckOutcome, mode: str) -> None:
        self._store, self._run_id, self._acks, self._mode = store, run_id, acks, mode
        self._planned = {p.conversation_id: p for p in acks.planned}
        self._delivered = {p.conversation_id for p in acks.delivered}
        self._decided = tuple(sorted({*self._planned, *(c for c, _ in acks.skipped)}))

    def __iter__(self) -> Iterator[AckAccount]:
        return map(self._account, ack_states(self._store, self._run_id, self._decided))

    def needing_owner(self) -> list[AckAccount]:
        """Those the owner must look at: the states that never need the owner are left in the
        ledger (with ack.mode off, so are the undecided ones: they are "off")."""
        rows = ack_states(self._store, self._run_id, self._decided, leaving=_SETTLED,
                          undecided=self._mode != "off")  # fmt: skip
        return [a for a in map(self._account, rows) if a.needs_owner]

    def __len__(self) -> int:
        return ack_states_counted(self._store, self._run_id, self._decided)

    @overload
    def __getitem__(self, index: int) -> AckAccount: ...

    @overload
    def __getitem__(self, index: slice) -> list[AckAccount]: ...

    def __getitem__(self, index: int | slice) -> AckAccount | list[AckAccount]:
        return list(self)[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"AckAccounts(run {self._run_id}: {list(self)!r})"

    def _account(self, row: dict[str, Any]) -> AckAccount:
        planned, acks = self._planned, self._acks
        outcome, reasons = _outcome(row["ack_status"], row["id"], planned, self._delivered, acks,
                                    self._mode)  # fmt: skip
        plan = planned.get(row["id"])
        stored_reasons = json.loads(row["ack_reasons"] or "[]")
        return AckAccount(
            row["id"], row["customer_email"], row["customer_name"] or "",
            row["subject"] or "", outcome,
            row["ack_recipient"] or (plan.recipient if plan else None),
            from_epoch(row["callback_at"]) or (plan.callback_at if plan else None),
            reasons or tuple(str(r) for r in stored_reasons),
        )  # fmt: skip


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
