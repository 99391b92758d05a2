"""Reading the ledger: one record per conversation, response times computed on read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from vasteaika.config import HoursConfig
from vasteaika.hours import BusinessHours, business_seconds
from vasteaika.ledger.store import Store, from_epoch


def business_hours(hours: HoursConfig) -> BusinessHours:
    return BusinessHours(
        timezone=hours.timezone,
        workdays=hours.workdays,
        start=hours.start,
        end=hours.end,
        holiday_country=hours.holidays,
    )


@dataclass(frozen=True)
class TurnRecord:
    """One wait of the customer and the owner's response to it (``turns`` in the JSON export):
    the first turn's response time is the headline, each later one a next response time."""

    turn: int
    waiting_since: datetime
    answered_at: datetime | None
    response_seconds: int | None
    business_response_seconds: int | None
    channel: str | None  # "mail" | "call"; None while waiting or closed without an answer
    answer_rule: str | None  # which rule made the owner's mail the answer (ledger/answers.py)
    closed_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "turn": self.turn,
            "waiting_since": self.waiting_since.isoformat(),
            "answered_at": _iso(self.answered_at),
            "response_seconds": self.response_seconds,
            "business_response_seconds": self.business_response_seconds,
            "channel": self.channel,
            "answer_rule": self.answer_rule,
            "closed_at": _iso(self.closed_at),
        }


@dataclass(frozen=True)
class ConversationRecord:
    """The export schema (JSON and CSV): durations in seconds, times ISO 8601 with offset."""

    id: int
    customer_email: str
    customer_name: str
    subject: str
    first_contact_message_id: str | None
    first_contact_at: datetime
    first_reply_at: datetime | None
    response_seconds: int | None
    business_response_seconds: int | None
    status: str  # "answered" | "waiting" | "closed"
    via_form: bool
    waiting_since: datetime | None  # the earliest unanswered customer mail of the open turn
    turn: int  # 1 = the first contact; each customer mail after an answer starts the next
    reply_channel: str | None  # how the first response came: "mail" | "call"
    turns: tuple[TurnRecord, ...] = ()  # JSON only (CSV keeps one flat row per conversation)

    def as_json(self) -> dict[str, Any]:
        return {
            "conversation_id": self.id,
            "customer_email": self.customer_email,
            "customer_name": self.customer_name,
            "subject": self.subject,
            "first_contact_message_id": self.first_contact_message_id,
            "first_contact_at": self.first_contact_at.isoformat(),
            "first_reply_at": self.first_reply_at.isoformat() if self.first_reply_at else None,
            "response_seconds": self.response_seconds,
            "business_response_seconds": self.business_response_seconds,
            "status": self.status,
            "via_form": self.via_form,
            "waiting_since": _iso(self.waiting_since),
            "turn": self.turn,
            "reply_channel": self.reply_channel,
            "turns": [t.as_json() for t in self.turns],
        }


def _iso(t: datetime | None) -> str | None:
    return t.isoformat() if t else None


FIELDS = ["conversation_id"] + [
    f for f in list(ConversationRecord.__dataclass_fields__)[1:] if f != "turns"
]


def _turn_record(row: dict[str, Any], hours: BusinessHours) -> TurnRecord:
    tz = hours.timezone
    since = datetime.fromtimestamp(row["since"], tz)
    answered = from_epoch(row["answered_at"])
    answered = answered.astimezone(tz) if answered else None
    closed = from_epoch(row["closed_at"])
    return TurnRecord(
        turn=row["seq"],
        waiting_since=since,
        answered_at=answered,
        response_seconds=int((answered - since).total_seconds()) if answered else None,
        business_response_seconds=business_seconds(since, answered, hours) if answered else None,
        channel=row["channel"],
        answer_rule=row["answer_rule"],
        closed_at=closed.astimezone(tz) if closed else None,
    )


def to_record(
    row: dict[str, Any], hours: BusinessHours, turns: list[dict[str, Any]] | None = None
) -> ConversationRecord:
    tz = hours.timezone
    contact = from_epoch(row["first_contact_at"])
    reply = from_epoch(row["first_reply_at"])
    assert contact is not None
    contact, reply = contact.astimezone(tz), reply.astimezone(tz) if reply else None
    waiting = from_epoch(row["waiting_since"])
    status = "waiting" if waiting else "closed" if row["closed_at"] else "answered"
    return ConversationRecord(
        id=row["id"],
        customer_email=row["customer_email"],
        customer_name=row["customer_name"],
        subject=row["subject"],
        first_contact_message_id=row["first_contact_message_id"],
        first_contact_at=contact,
        first_reply_at=reply,
        response_seconds=int((reply - contact).total_seconds()) if reply else None,
        business_response_seconds=business_seconds(contact, reply, hours) if reply else None,
        status=status,
        via_form=bool(row["via_form"]),
        waiting_since=waiting.astimezone(tz) if waiting else None,
        turn=row["turn"],
        reply_channel=row["reply_channel"],
        turns=tuple(_turn_record(t, hours) for t in turns or []),
    )


def conversation_records(
    store: Store,
    hours: BusinessHours,
    since: datetime | None = None,
    waiting_only: bool = False,
    run_id: int | None = None,
    ignore: tuple[str, ...] = (),
    until: datetime | None = None,
) -> list[ConversationRecord]:
    """``ignore``: ``[customers] ignore``, applied on read (an entry added later counts too);
    the first contact in ``[since, until)``."""
    since_at = int(since.timestamp()) if since else None
    until_at = int(until.timestamp()) if until else None
    rows = store.conversations(since_at, waiting_only, run_id, ignore, until_at)
    turns = store.turns_of([r["id"] for r in rows])
    return [to_record(r, hours, turns.get(r["id"])) for r in rows]
