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

    def as_json(self) -> dict[str, Any]:
        return {
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
        }


def _iso(t: datetime | None) -> str | None:
    return t.isoformat() if t else None


FIELDS = list(ConversationRecord.__dataclass_fields__)[1:]


def to_record(row: dict[str, Any], hours: BusinessHours) -> ConversationRecord:
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
    )


def conversation_records(
    store: Store,
    hours: BusinessHours,
    since: datetime | None = None,
    waiting_only: bool = False,
    run_id: int | None = None,
) -> list[ConversationRecord]:
    rows = store.conversations(int(since.timestamp()) if since else None, waiting_only, run_id)
    return [to_record(r, hours) for r in rows]
