"""A conversation's turns: waiting for the owner, then answered, again and again.

Pure: the conversation's timeline (customer mails, the owner's answers, calls, the owner's close
and reopen) in, its turns and present state out. The ledger derives them again whenever the
timeline changes (``ConversationTable.derive_turns``), so mail read out of order, a reply found
later or a close undone always give the same answer as reading everything in time order.

A customer mail while nothing is open starts a turn (waiting since that mail's arrival); more
customer mail before an answer joins it. The first answer (mail or call) after it ends it; an
answer while nothing is open is kept but starts nothing. ``close`` ends an open turn without an
answer; ``reopen`` gives it back unless a customer mail has started a new turn since.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Event(IntEnum):
    """What happened; the value orders events of the same second (the customer first, so an
    answer stamped in the same second answers the mail)."""

    CUSTOMER = 0
    ANSWER = 1
    CALL = 2
    CLOSE = 3
    REOPEN = 4


@dataclass(frozen=True)
class Happening:
    at: int
    event: Event
    message_pk: int | None = None  # the mail (customer or answer); None for a call or decision


@dataclass(frozen=True)
class Turn:
    seq: int  # 1 = the first contact
    since: int  # the earliest customer mail of the turn
    answered_at: int | None = None
    answer_pk: int | None = None  # the owner's mail; None for a call
    channel: str | None = None  # "mail" | "call"; None while open or closed unanswered
    closed_at: int | None = None


@dataclass(frozen=True)
class TurnState:
    turns: tuple[Turn, ...] = ()
    first_reply_at: int | None = None  # the headline: the first answer of the conversation
    first_reply_pk: int | None = None
    first_channel: str | None = None
    last_reply_at: int | None = None
    waiting_since: int | None = None  # None: answered or closed
    closed_at: int | None = None  # the close that holds now

    @property
    def turn(self) -> int:
        return len(self.turns)


@dataclass(slots=True)
class _Draft:
    """The last turn while the walk may still change it, made a ``Turn`` once, when final:
    ``dataclasses.replace`` at every answer and close was a noticeable part of a first sync."""

    seq: int
    since: int
    answered_at: int | None = None
    answer_pk: int | None = None
    channel: str | None = None
    closed_at: int | None = None

    def turn(self) -> Turn:
        return Turn(self.seq, self.since, self.answered_at, self.answer_pk, self.channel,
                    self.closed_at)  # fmt: skip


@dataclass
class _Walk:
    done: list[Turn] = field(default_factory=list)  # every turn before the last
    last: _Draft | None = None
    answers: list[Happening] = field(default_factory=list)

    @property
    def open(self) -> _Draft | None:
        last = self.last
        return last if last and last.answered_at is None and last.closed_at is None else None

    def turns(self) -> tuple[Turn, ...]:
        return (*self.done, self.last.turn()) if self.last else tuple(self.done)

    def step(self, h: Happening) -> None:
        current = self.open
        if h.event is Event.CUSTOMER:
            if current is None:
                if self.last:
                    self.done.append(self.last.turn())
                self.last = _Draft(len(self.done) + 1, h.at)
        elif h.event in (Event.ANSWER, Event.CALL):
            if not self.last:
                return  # before the first contact: answers nothing
            self.answers.append(h)
            if current is not None:
                current.answered_at = h.at
                current.answer_pk = h.message_pk
                current.channel = "mail" if h.event is Event.ANSWER else "call"
        elif h.event is Event.CLOSE:
            if current is not None:
                current.closed_at = h.at
        elif self.last and self.last.closed_at is not None:  # REOPEN
            self.last.closed_at = None


def derive(happenings: list[Happening]) -> TurnState:
    """The turns of one conversation from its timeline (in any order)."""
    walk = _Walk()
    for h in sorted(happenings, key=lambda h: (h.at, h.event, h.message_pk or 0)):
        walk.step(h)
    first = walk.answers[0] if walk.answers else None
    last = walk.last
    open_turn = walk.open
    return TurnState(
        turns=walk.turns(),
        first_reply_at=first.at if first else None,
        first_reply_pk=first.message_pk if first else None,
        first_channel=None if first is None else "mail" if first.event is Event.ANSWER else "call",
        last_reply_at=walk.answers[-1].at if walk.answers else None,
        waiting_since=open_turn.since if open_turn else None,
        closed_at=last.closed_at if last else None,
    )
