"""Message → Classification: is this a customer's mail, the owner's, or a machine's, and why.

Rules follow AUTOREPLY_RULES §10. Explicit machine signals in the headers come first and apply even
to mail From the owner (the owner's own vacation reply is not a reply to a customer, rule F3);
then the owner; then website contact forms; then the heuristics (noreply senders, the ignore list,
subject lines). Every rule that fires adds a reason; the first one decides the kind.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from vasteaika.mail import robot_words, senders
from vasteaika.mail.freemail import FREEMAIL_DOMAINS
from vasteaika.mail.parse import sanitize_header_text
from vasteaika.models import Address, Classification, Kind, Message

Hit = tuple[Kind, str]
Check = Callable[[Message], Hit | None]

ACK_HEADER = "x-vasteaika-ack"
ACK_ID_PREFIX = "vasteaika-ack."


def _literals(texts: Iterable[str]) -> str:
    """A regex alternation of literal texts, the longest first (so a prefix never hides it)."""
    return "|".join(re.escape(t) for t in sorted(texts, key=len, reverse=True))


ROBOT_LOCAL_PART = re.compile("|".join(robot_words.ROBOT_LOCAL_PARTS), re.IGNORECASE)
BOUNCE_LOCAL_PART = re.compile("|".join(robot_words.BOUNCE_LOCAL_PARTS), re.IGNORECASE)
BOUNCE_SENDER_NAME = re.compile(_literals(robot_words.BOUNCE_SENDER_NAMES), re.IGNORECASE)


@dataclass(frozen=True)
class HeaderRule:
    """A header whose value (trimmed, compared case-insensitively) matches ``pattern``."""

    header: str  # as people write it; matched lower-cased
    pattern: str  # a full match on the value
    kind: Kind
    why: str
    key: str = field(init=False, repr=False, compare=False)  # the header lower-cased, once
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", self.header.lower())
        object.__setattr__(self, "regex", re.compile(self.pattern, re.IGNORECASE | re.DOTALL))

    def check(self, msg: Message) -> Hit | None:
        for value in msg.headers.get(self.key, ()):
            if self.regex.fullmatch(value.strip()):
                return self.kind, f"{self.header}: {_shown(value)} ({self.why})"
        return None


FAILED_RECIPIENTS = HeaderRule("X-Failed-Recipients", ".*", Kind.BOUNCE, "Exim bounce, B4")
HEADER_RULES = tuple(
    HeaderRule(header, pattern, kind, why)
    for kind, table in (
        (Kind.AUTO_REPLY, robot_words.AUTO_REPLY_HEADERS),
        (Kind.LIST, robot_words.LIST_HEADERS),
        (Kind.ROBOT, robot_words.SPAM_HEADERS),
    )
    for header, pattern, why in table
)
OUT_OF_OFFICE_SUBJECT = re.compile(
    rf"(?:{_literals(robot_words.OUT_OF_OFFICE_PREFIXES)})\s*(?::|$)"
    rf"|.*\b(?:{_literals(robot_words.OUT_OF_OFFICE_ENDINGS)})\.?\s*$",
    re.IGNORECASE | re.DOTALL,
)
MEETING_RESPONSE_SUBJECT = re.compile(
    rf"(?:{_literals(robot_words.MEETING_RESPONSE_PREFIXES)})\s"
    rf"|(?:{_literals(robot_words.CALENDAR_INVITATION_PREFIXES)})\s.*\s@\s",
    re.IGNORECASE | re.DOTALL,
)
_DELIVERY_STATUS = tuple(f"message/{t}" for t in robot_words.DELIVERY_STATUS_TYPES)
_REPORT_TYPES = frozenset(
    (*_DELIVERY_STATUS, *robot_words.REPORT_CONTENT_TYPES, "multipart/report")
)


def classify(
    msg: Message,
    owner_addresses: frozenset[str],
    ignore: tuple[str, ...] = (),
    form_senders: tuple[str, ...] = (),
    *,
    machine_checked: bool = False,
) -> Classification:
    """What ``msg`` is. ``ignore`` holds addresses or domains; ``form_senders`` extra addresses
    that may relay a website contact form besides addresses at the owner's own domains.
    ``machine_checked``: an earlier classify of ``msg`` was not decided by the machine checks
    (they read only the mail, not the owner or the lists), so they are not run again."""
    owners = _lowered(owner_addresses)
    checks = () if machine_checked else _machine_checks(msg)
    hits = [hit for check in checks if (hit := check(msg))]
    if hits:
        return _decided(hits)
    customer = _form_customer(msg, owners, _lowered(form_senders))
    if customer is not None:
        if ignored := _ignored(customer, "Reply-To", ignore):
            return _decided([ignored])
        reason = f"contact form: From {msg.from_addr.email}, Reply-To {customer.email} (C5)"
        return Classification(Kind.CUSTOMER, (reason,), customer, via_form=True)
    if msg.from_addr.email in owners:
        return Classification(Kind.OWNER, (f"From: {msg.from_addr.email} is an owner address",))
    hits = [hit for check in _heuristic_checks(ignore) if (hit := check(msg))]
    if hits:
        return _decided(hits)
    reason = f"customer: From {msg.from_addr.email}, no machine signal"
    return Classification(Kind.CUSTOMER, (reason,), msg.from_addr)


@functools.lru_cache(maxsize=16)  # one owner list and one list of form relays per run
def _lowered(addresses: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(a.lower() for a in addresses)


@functools.lru_cache(maxsize=16)
def _owner_domains(owners: frozenset[str]) -> frozenset[str]:
    """The owner's own domains: where a website form may mail from (freemail is everyone's)."""
    return frozenset({owner.rpartition("@")[2] for owner in owners} - FREEMAIL_DOMAINS)


def _decided(hits: list[Hit]) -> Classification:
    return Classification(hits[0][0], tuple(reason for _, reason in hits))


def _is_our_ack(msg: Message) -> Hit | None:
    if msg.header(ACK_HEADER):
        return Kind.ACK, "X-Vasteaika-Ack: our own acknowledgment (B14)"
    if msg.message_id.startswith(ACK_ID_PREFIX):
        return Kind.ACK, f"Message-ID: <{_shown(msg.message_id)}> is our own acknowledgment (B14)"
    return None


def _report_content(msg: Message) -> Hit | None:
    """B3: DSNs are bounces; feedback reports (ARF) and read receipts (MDN) are reports."""
    if msg.content_type not in _REPORT_TYPES:  # most mail: nothing to show
        return None
    content_type = msg.header("content-type")[0]  # parse read msg.content_type from it
    shown = f"Content-Type: {_shown(content_type)}"
    if msg.content_type in _DELIVERY_STATUS:
        return Kind.BOUNCE, f"{shown} (RFC 3464 delivery status, B3)"
    if msg.content_type in robot_words.REPORT_CONTENT_TYPES:
        return Kind.REPORT, f"{shown} (report, B3)"
    if msg.content_type != "multipart/report":
        return None
    match = re.search(r"report-type\s*=\s*\"?([\w.-]+)", content_type, re.IGNORECASE)
    report_type = match[1].lower() if match else ""
    if report_type in ("", *robot_words.DELIVERY_STATUS_TYPES):
        return Kind.BOUNCE, f"{shown} (RFC 3464 delivery status notification, B3)"
    return Kind.REPORT, f"{shown} (RFC 6522 report: {report_type}, B3)"


def _auto_submitted(msg: Message) -> Hit | None:
    """B1: any keyword but ``no``, with comments and parameters stripped (RFC 3834 §5)."""
    for value in msg.header("auto-submitted"):
        keyword = re.sub(r"\([^()]*\)", " ", value).partition(";")[0].strip().lower()
        if keyword and keyword != "no":
            return Kind.AUTO_REPLY, f"Auto-Submitted: {_shown(value)} (RFC 3834)"
    return None


def _exchange_out_of_office(msg: Message) -> Hit | None:
    """B9: Exchange OOF. X-Auto-Response-Suppress alone is also on human Outlook mail."""
    suppress = {
        token.strip().lower() for value in msg.header("x-auto-response-suppress")
        for token in value.split(",")
    }  # fmt: skip
    if msg.header("x-ms-exchange-inbox-rules-loop") and robot_words.SUPPRESS_ALL in suppress:
        why = "X-MS-Exchange-Inbox-Rules-Loop with X-Auto-Response-Suppress: All (Exchange OOF, B9)"
        return Kind.AUTO_REPLY, why
    return None


def _list_header(msg: Message) -> Hit | None:
    """B6: List-Id, List-Unsubscribe and every other RFC 2369/2919/8058 list header."""
    for name in msg.headers:
        if name.startswith(robot_words.LIST_HEADER_PREFIX):
            shown_name = "-".join(part.capitalize() for part in name.split("-"))
            return Kind.LIST, f"{shown_name}: {_shown(msg.headers[name][0])} (mailing list, B6)"
    return None


def _null_sender(msg: Message) -> Hit | None:
    """B2: ``Return-Path: <>`` is a bounce, or an auto-reply when the subject says out of office."""
    if msg.return_path != "":
        return None
    if OUT_OF_OFFICE_SUBJECT.match(msg.subject):
        return Kind.AUTO_REPLY, "Return-Path: <> with an out-of-office subject (RFC 3834 §2, B2)"
    return Kind.BOUNCE, "Return-Path: <> null sender (RFC 3834 §2, B2)"


def _bounce_sender(msg: Message) -> Hit | None:
    """§6: MAILER-DAEMON, postmaster or "Mail Delivery System" in From or Sender."""
    if BOUNCE_SENDER_NAME.fullmatch(msg.from_addr.name.strip()):
        return Kind.BOUNCE, f"From: {_shown(msg.from_addr.name)} (bounce sender, §6)"
    return _bounce_address([pair for pair in _senders(msg) if pair[0] != "Return-Path"])


def _bounce_envelope(msg: Message) -> Hit | None:
    """§6, checked late: a relayed auto-reply can carry ``Return-Path: <MAILER-DAEMON@…>`` too."""
    return _bounce_address([pair for pair in _senders(msg) if pair[0] == "Return-Path"])


def _bounce_address(senders: list[tuple[str, str]]) -> Hit | None:
    for header, address in senders:
        if any(BOUNCE_LOCAL_PART.fullmatch(local) for local in _local_parts(address)):
            return Kind.BOUNCE, f"{header}: {_shown(address)} (bounce sender, §6)"
    return None


MACHINE_CHECKS: tuple[Check, ...] = (
    _is_our_ack,
    _report_content,
    FAILED_RECIPIENTS.check,
    _bounce_sender,
    _auto_submitted,
    _exchange_out_of_office,
    *(rule.check for rule in HEADER_RULES),
    _list_header,
    _null_sender,
    _bounce_envelope,
)


# The one header each of these checks reads: without it the check finds nothing. The other
# machine checks run on every mail.
_NEEDS: dict[Check, str] = {
    FAILED_RECIPIENTS.check: FAILED_RECIPIENTS.key,
    _auto_submitted: "auto-submitted",
    _exchange_out_of_office: "x-ms-exchange-inbox-rules-loop",
    **{rule.check: rule.key for rule in HEADER_RULES},
}
_SIGNAL_HEADERS = frozenset(_NEEDS.values())


def _machine_checks(msg: Message) -> tuple[Check, ...]:
    """MACHINE_CHECKS without those whose header the mail does not have (most mail has none of
    them: they would each look and find nothing)."""
    return _checks_for(_SIGNAL_HEADERS.intersection(msg.headers))


@functools.lru_cache(maxsize=256)  # a mailbox has a few combinations of these headers
def _checks_for(present: frozenset[str]) -> tuple[Check, ...]:
    return tuple(c for c in MACHINE_CHECKS if c not in _NEEDS or _NEEDS[c] in present)


def _heuristic_checks(ignore: tuple[str, ...]) -> tuple[Check, ...]:
    """The heuristics, in order: who sent it, the ignore list, what the subject says."""
    return (
        _robot_sender,
        _shop_through_platform,
        _robot_display_name,
        _platform_sender,
        _calendar,
        lambda msg: _ignored(msg.from_addr, "From", ignore),
        _subject,
    )


def _robot_sender(msg: Message) -> Hit | None:
    """B5: a noreply-style or system sender in From, Sender or Return-Path, in any Nordic
    spelling. A bounce-style envelope at From's own organisation (VERP, BATV) is not one."""
    for header, address in _senders(msg):
        for local in _local_parts(address):
            stem = senders.robot_local_part(local)
            if stem is not None:
                why = f"noreply-style sender '{stem}', B5"
                return Kind.ROBOT, f"{header}: {_shown(address)} ({why})"
            if not ROBOT_LOCAL_PART.fullmatch(local):
                continue
            if header != "Return-Path" or not senders.envelope_aligned(
                address, msg.from_addr.email
            ):
                return Kind.ROBOT, f"{header}: {_shown(address)} (noreply-style sender, B5)"
    return None


def _shop_through_platform(msg: Message) -> Hit | None:
    """A shop's role address (info@, tilaukset@) whose envelope names the recipient (VERP): a
    sending platform's transactional or bulk mail, such as an order confirmation. A person's own
    mail through the same platform (a CRM's 1:1 mail from mira.koivisto@) is not one."""
    if not msg.return_path or not senders.shop_role_local_part(msg.from_addr.email):
        return None
    named = senders.recipient_in_envelope(msg.return_path, (a.email for a in msg.recipients))
    if named is None:
        return None
    why = f"its envelope names the recipient {named}: a sending platform's mail"
    return Kind.ROBOT, f"From: {msg.from_addr.email} is a shop's role address, and {why}"


def _robot_display_name(msg: Message) -> Hit | None:
    phrase = senders.robot_display_name(msg.from_addr.name)
    if phrase is None:
        return None
    return Kind.ROBOT, f"From: {_shown(msg.from_addr.name)} (display name says '{phrase}')"


def _platform_sender(msg: Message) -> Hit | None:
    entry = senders.platform_sender(msg.from_addr.email)
    if entry is None:
        return None
    return Kind.ROBOT, f"From: {msg.from_addr.email} (platform notification sender {entry})"


def _calendar(msg: Message) -> Hit | None:
    """A meeting invitation or response: text/calendar, or Outlook's "Accepted:" subject."""
    if msg.content_type == "text/calendar":
        return Kind.ROBOT, "Content-Type: text/calendar (meeting invitation or response)"
    return _meeting_subject(msg.subject)


@functools.lru_cache(maxsize=4096)  # a conversation's mails share their subject
def _meeting_subject(subject: str) -> Hit | None:
    if MEETING_RESPONSE_SUBJECT.match(subject.strip()):
        return Kind.ROBOT, f"Subject: {_shown(subject)} (meeting invitation or response)"
    return None


def _ignored(address: Address, header: str, ignore: tuple[str, ...]) -> Hit | None:
    entry = _ignore_match(address.email, ignore)
    if entry is None:
        return None
    return Kind.IGNORED, f"{header}: {address.email} is on the ignore list ({_shown(entry)})"


def _subject(msg: Message) -> Hit | None:
    """B12, heuristic: an out-of-office or bounce subject without any header saying so."""
    return _subject_says(msg.subject)


@functools.lru_cache(maxsize=4096)
def _subject_says(subject: str) -> Hit | None:
    subject = subject.strip()
    if subject.lower().startswith(robot_words.BOUNCE_SUBJECT_PREFIXES):
        return Kind.BOUNCE, f"Subject: {_shown(subject)} (bounce subject, B12 heuristic)"
    if OUT_OF_OFFICE_SUBJECT.match(subject):
        why = "out-of-office subject, B12 heuristic"
        return Kind.SUSPECTED_AUTO_REPLY, f"Subject: {_shown(subject)} ({why})"
    return None


def _form_customer(
    msg: Message, owners: frozenset[str], form_senders: frozenset[str]
) -> Address | None:
    """C5: a website form mails From the owner's domain, a listed relay or a known form service
    (Jotform, Wix…) with the person who filled it in as Reply-To. The lead is a contact whatever
    the ack settings; whether it is acknowledged is the ack decision's.

    From one of the owner's own addresses (WPForms sends From the site's admin address) it may be
    a form only as a new mail to the owner alone; its text decides (``own_address_form``)."""
    owner_domains = _owner_domains(owners)
    sender = msg.from_addr
    own = sender.email in owners and sender.email not in form_senders
    if own and not _to_owner_alone(msg, owners):
        return None  # the owner's own mail (maybe with a private Reply-To) is never a form
    if (
        sender.domain not in owner_domains
        and sender.email not in form_senders
        and not senders.form_service(sender.email)
    ):
        return None
    for person in msg.reply_to:
        if person.domain in owner_domains or person.email in owners:
            continue
        if not ROBOT_LOCAL_PART.fullmatch(person.local_part) and not senders.robot_local_part(
            person.local_part
        ):
            return person
    return None


def _to_owner_alone(msg: Message, owners: frozenset[str]) -> bool:
    """A new mail (no In-Reply-To, no References) sent to the owner's addresses and nobody else:
    the shape of a form's notification, not of the owner's mail to a customer or a thread."""
    recipients = {a.email for a in msg.recipients}
    return not (msg.in_reply_to or msg.references) and bool(recipients) and recipients <= owners


def own_address_form(msg: Message, cls: Classification, owners: frozenset[str]) -> bool:
    """``cls`` reads ``msg`` as a contact form sent From one of the owner's own ``owners``: a
    lead only when its text is a form's (``mail.body.is_form_text``), which the caller reads."""
    return cls.via_form and msg.from_addr.email.lower() in owners


def _ignore_match(email: str, ignore: Iterable[str]) -> str | None:
    """An entry with ``@`` inside is an address, else a domain (its subdomains included)."""
    domain = email.rpartition("@")[2]
    for entry in ignore:
        wanted = entry.strip().lower()
        if "@" in wanted.lstrip("@"):
            if wanted == email:
                return entry
        elif domain == wanted.lstrip("@") or domain.endswith("." + wanted.lstrip("@")):
            return entry
    return None


def _senders(msg: Message) -> list[tuple[str, str]]:
    found = [("From", msg.from_addr.email)]
    if msg.sender is not None:
        found.append(("Sender", msg.sender.email))
    if msg.return_path:
        found.append(("Return-Path", msg.return_path))
    return found


def _local_parts(address: str) -> tuple[str, str]:
    """The part before the first ``@`` and the part before the last, as the ack decision reads
    them: only a Return-Path may hold a second @ (parse keeps From and Sender only with one),
    and it is then no address, so a robot in either reading (``mailer-daemon@relay@example.com``)
    is one. Without an @ (``<MAILER-DAEMON>``) the first is all of it."""
    return address.partition("@")[0], address.rpartition("@")[0]


def _shown(value: str) -> str:
    return sanitize_header_text(value, limit=80)
