"""The configuration as frozen records: what the rest of vasteaika reads.

Apart from the spec and the validation so that a reader of ``Config`` sees only the shape of a
valid configuration, never the TOML it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class AccountConfig:
    imap_host: str = ""
    imap_port: int = 993
    security: str = "ssl"
    username: str = ""
    password_command: tuple[str, ...] = ()
    keyring: bool = False
    ca_file: Path | None = None
    timeout: float = 30.0
    maildir: Path | None = None  # a local Maildir instead of IMAP (the demo, mbsync users)
    mbox: Path | None = None  # a folder of local mbox files instead of IMAP (getmail, Thunderbird)
    auth: str = "password"  # "oauth2": password_command prints an access token (Microsoft 365)


@dataclass(frozen=True)
class HoursConfig:
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Helsinki"))
    workdays: frozenset[int] = frozenset(range(5))
    start: time = time(8)
    end: time = time(16)
    holidays: str | None = "FI"


@dataclass(frozen=True)
class SmtpConfig:
    host: str = ""
    port: int = 465
    security: str = "ssl"
    username: str = ""  # empty: the IMAP username
    password_command: tuple[str, ...] = ()  # empty: the IMAP password sources
    keyring: bool = False
    ca_file: Path | None = None
    timeout: float = 30.0
    envelope_from: str = ""  # "" sends MAIL FROM:<>; many providers need your own address
    login: bool = True  # false: a relay that takes mail without logging in (localhost)


@dataclass(frozen=True)
class Vacation:
    first: date
    last: date
    substitute: str


@dataclass(frozen=True)
class AckConfig:
    mode: str = "send"
    max_age: timedelta = timedelta(hours=2)
    once_per_days: int = 7
    callback_times: tuple[time, ...] = (time(10), time(15))
    lead: timedelta = timedelta(minutes=60)
    calls_per_slot: int = 3  # promised callbacks a slot holds before the next one is promised
    key_lead: timedelta = timedelta(minutes=30)
    language: str = "fi"
    save_to_sent: bool = True
    key_customers: tuple[str, ...] = ()
    form_senders: tuple[str, ...] = ()
    templates: Path | None = None
    signature: str = ""
    authserv_id: str | None = "auto"  # "auto": learned from the INBOX (acks.trust); None: off
    subject_prefix: str = "Re: "
    vacation: Vacation | None = None


@dataclass(frozen=True)
class RemindersConfig:
    lead: timedelta = timedelta(minutes=10)
    email_fallback: bool = True
    alarm_before: timedelta = timedelta(minutes=10)


@dataclass(frozen=True)
class CalendarConfig:
    """The owner's CalDAV calendar, where every reminder is written as an event with an alarm.
    ``url`` empty: no calendar. The password sources are [account]'s, read by
    ``get_calendar_password``; ``auth = "oauth2"``: password_command prints a bearer token."""

    url: str = ""
    username: str = ""
    password_command: tuple[str, ...] = ()
    keyring: bool = False
    ca_file: Path | None = None
    timeout: float = 30.0
    auth: str = "password"
    alarm: timedelta = timedelta(minutes=10)

    @property
    def enabled(self) -> bool:
        return bool(self.url)


@dataclass(frozen=True)
class ReportConfig:
    response_promise: timedelta = timedelta(hours=24)  # business hours
    key_response_promise: timedelta = timedelta(hours=4)


@dataclass(frozen=True)
class Config:
    path: Path | None
    account: AccountConfig
    owner_name: str
    owner_addresses: frozenset[str]
    owner_address: str  # the first of owner.addresses: what acknowledgments are sent from
    inbox: str
    sent: str  # "auto" or a folder name
    hours: HoursConfig
    ignore: tuple[str, ...]
    new_conversation_after_days: int
    database: Path
    language: str
    smtp: SmtpConfig = field(default_factory=SmtpConfig)
    ack: AckConfig = field(default_factory=AckConfig)
    reminders: RemindersConfig = field(default_factory=RemindersConfig)
    report: ReportConfig = field(default_factory=ReportConfig)
    calendar: CalendarConfig = field(default_factory=CalendarConfig)
    warnings: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()  # domains whose people are one customer (else: each address)

    @property
    def uses_imap(self) -> bool:
        return self.account.maildir is None and self.account.mbox is None
