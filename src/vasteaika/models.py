"""Plain records that flow through vasteaika: raw mail → Message → Classification → conversation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True)
class Address:
    """A mailbox. ``email`` is lower-cased; ``name`` is decoded and sanitized (no CR/LF)."""

    email: str
    name: str = ""

    @property
    def local_part(self) -> str:
        return self.email.rpartition("@")[0]

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


@dataclass(frozen=True)
class RawMessage:
    """What a mail source hands over: the header block (or the whole mail) and the arrival time.

    ``internal_date`` is the arrival time, timezone-aware: IMAP INTERNALDATE, or for local mail
    the best of its topmost Received header, its Date header and the file's time (mail.local).
    ``arrival_source`` says which: "internaldate", "received", "date" or "file"; it is stored
    with the message so that `why` can tell. None as ``internal_date``: the Date header is used.
    """

    folder: str
    uid: int
    internal_date: datetime | None
    data: bytes
    arrival_source: str = "internaldate"


@dataclass(frozen=True)
class Message:
    """A parsed mail, header fields only. All datetimes are timezone-aware."""

    message_id: str  # without angle brackets; synthetic when the mail had none
    synthetic_id: bool
    folder: str
    uid: int
    from_addr: Address
    sender: Address | None
    reply_to: tuple[Address, ...]
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    subject: str
    date: datetime | None  # the Date header, for display only
    received_at: datetime  # INTERNALDATE, else Date: used for every timing
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    return_path: str | None  # None: no Return-Path header; "" : the null sender <>
    content_type: str  # lower-cased "type/subtype"
    # Every header, lower-cased name → all values as they appeared (unfolded, not decoded).
    headers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    arrival_source: str = "internaldate"  # where received_at came from (see RawMessage)

    def header(self, name: str) -> tuple[str, ...]:
        return self.headers.get(name.lower(), ())

    @property
    def recipients(self) -> tuple[Address, ...]:
        return self.to + self.cc


class Kind(StrEnum):
    CUSTOMER = "customer"
    OWNER = "owner"
    ACK = "ack"  # an acknowledgment vasteaika itself sent: never the owner's reply
    AUTO_REPLY = "auto-reply"
    SUSPECTED_AUTO_REPLY = "suspected-auto-reply"
    BOUNCE = "bounce"
    REPORT = "report"  # abuse/feedback reports, read receipts
    LIST = "list"  # mailing lists and newsletters
    ROBOT = "robot"  # noreply and system senders, machine-generated mail
    IGNORED = "ignored"  # on the owner's ignore list

    @property
    def is_contact(self) -> bool:
        return self is Kind.CUSTOMER


@dataclass(frozen=True)
class Classification:
    """What a message is, and why. ``customer`` is who the owner should answer (a contact form's
    Reply-To person, else From); set only for CUSTOMER."""

    kind: Kind
    reasons: tuple[str, ...]
    customer: Address | None = None
    via_form: bool = False


@dataclass(frozen=True)
class FolderStatus:
    """A folder as the server reports it when opened read-only."""

    name: str
    uidvalidity: int
    uidnext: int
    exists: int


@dataclass(frozen=True)
class ConversationRef:
    """The few facts threading needs about an existing conversation."""

    id: int
    customer_email: str
    base_subject: str
    first_contact_at: int
    last_activity_at: int
    first_reply_at: int | None

    def answered_by(self, at: int) -> bool:
        return self.first_reply_at is not None and self.first_reply_at <= at
