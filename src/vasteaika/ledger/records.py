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
    status: str  # "answered" | "waiting"
    via_form: bool

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
        }


FIELDS = list(ConversationRecord.__dataclass_fields__)[1:]


def to_record(row: dict[str, Any], hours: BusinessHours) -> ConversationRecord:
    tz = hours.timezone
    contact = from_epoch(row["first_contact_at"])
    reply = from_epoch(row["first_reply_at"])
    assert contact is not None
    contact, reply = contact.astimezone(tz), reply.astimezone(tz) if reply else None
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
        status="answered" if reply else "waiting",
        via_form=bool(row["via_form"]),
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
