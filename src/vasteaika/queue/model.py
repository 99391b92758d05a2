"""The queue's records: the settings it is built with, a customer in the queue and each reason.

Plain frozen records (no I/O) so that the CLI, ``check``'s screen and the weekly report all
show the same entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from vasteaika.hours import BusinessHours

QUIET = "quiet"  # gone quiet against their own rhythm
UNHAPPY = "unhappy"  # complaint words, or a follow-up that waited over the promise
WAITED = "waited"  # the last conversation answered well past the promise, or not at all


@dataclass(frozen=True)
class QueueSettings:
    hours: BusinessHours
    key_customers: tuple[str, ...] = ()  # addresses or domains (a domain is a company)
    companies: tuple[str, ...] = ()  # [customers] companies: a domain's people are one customer
    ignore: tuple[str, ...] = ()  # [customers] ignore: never in the queue
    response_promise: timedelta = timedelta(hours=24)  # business time
    key_response_promise: timedelta = timedelta(hours=4)  # business time


@dataclass(frozen=True)
class Reason:
    """Why a customer is in the queue. ``since``: when the signal began (the last contact for
    quiet, the mail for unhappy, the contact for waited). ``seconds``: how long (quiet for,
    waited for; for unhappy the follow-up's wait, 0 for words). ``words``: complaint words.
    ``strength``: how far past its threshold, ≥ 1."""

    kind: str  # QUIET | UNHAPPY | WAITED
    since: datetime
    seconds: int = 0
    words: tuple[str, ...] = ()
    answered: bool = True  # WAITED: False when the conversation was never answered
    strength: float = 1.0

    def as_json(self, tz: Any) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "since": self.since.astimezone(tz).isoformat(),
            "seconds": self.seconds,
            "words": list(self.words),
            "answered": self.answered,
            "strength": round(self.strength, 2),
        }


@dataclass(frozen=True)
class QueueEntry:
    """A customer to contact: a person (an address) or a company (a configured domain)."""

    customer: str  # the address, or the company's domain
    name: str  # the newest name they wrote with ("" for a company or when unknown)
    is_company: bool
    is_key: bool
    conversations: int  # as of the queue's moment
    conversations_year: int  # in the 12 months before it: how frequent a customer
    usual_interval_seconds: int | None  # the median gap between conversations; None under 3
    last_contact_at: datetime
    last_subject: str
    last_conversation_id: int
    phone: str | None
    reasons: tuple[Reason, ...]

    @property
    def strength(self) -> float:
        return sum(r.strength for r in self.reasons)

    @property
    def since(self) -> datetime:
        return min(r.since for r in self.reasons)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(r.kind for r in self.reasons)

    def as_json(self, tz: Any) -> dict[str, Any]:
        return {
            "customer": self.customer,
            "name": self.name,
            "company": self.is_company,
            "key_customer": self.is_key,
            "conversations": self.conversations,
            "conversations_last_year": self.conversations_year,
            "usual_interval_seconds": self.usual_interval_seconds,
            "last_contact_at": self.last_contact_at.astimezone(tz).isoformat(),
            "last_subject": self.last_subject,
            "last_conversation_id": self.last_conversation_id,
            "phone": self.phone,
            "since": self.since.astimezone(tz).isoformat(),
            "reasons": [r.as_json(tz) for r in self.reasons],
        }
