"""Decide whether a customer's mail gets an immediate acknowledgment (``acks.compose`` builds it).

An automatic mail that a careful human would not send is the worst bug vasteaika can have, so
``decide`` is a list of refusals (AUTOREPLY_RULES.md §10 A5, B, C, E and §2/§3 of RFC 3834) and
sends only when none applies. Every refusal is one reason string ``"<code>: <prose>"``; the code
is stable (tests and ``why`` rely on it), the prose is for the owner. Codes:

off, not-customer, backlog, answered, conversation-acked, rate-limited, auto-submitted,
precedence, list, auto-response-suppress, exchange-rule-loop, bounce, robot-sender, own-ack,
own-address, not-addressed, unverified, no-return-path, envelope-mismatch, reply-to-elsewhere,
form-not-allowed, form-reply-to, customer-mismatch, bad-address, out-of-office, calendar,
platform, broadcast, reply-to-ack, untrusted-date.

The envelope sender is compared with From after decoding BATV and SRS and by organisational
domain (``mail.senders``); the whole mail, when the caller has it, is read for out-of-office and
do-not-reply wording and for text/calendar parts (``acks.content``).

The recipient's address is checked with ``address_problem`` and their name sanitized here;
``acks.compose`` sanitizes everything else that reaches a header. The senders and header values
that mark a machine are in ``mail.robot_words``; ``backlog`` and ``untrusted-date`` come from
``acks.dates`` (the times a mail carries).

Everything here is pure (values in, values out; ``now`` is passed in).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import getaddresses
from typing import Literal

from vasteaika.acks.content import content_reasons, shape_reasons
from vasteaika.acks.dates import age_reasons
from vasteaika.acks.dates import describe_duration as _duration
from vasteaika.catalogue import Said, fault
from vasteaika.errors import ConfigError
from vasteaika.mail import robot_words, senders
from vasteaika.mail.addresses import address_problem, ascii_email
from vasteaika.mail.authresults import dmarc_of, dmarc_passed, strip_comments
from vasteaika.mail.body import is_form_text
from vasteaika.mail.classify import own_address_form
from vasteaika.mail.freemail import FREEMAIL_DOMAINS
from vasteaika.mail.parse import sanitize_header_text
from vasteaika.models import Address, Classification, Kind, Message

Mode = Literal["send", "draft", "off"]


@dataclass(frozen=True, kw_only=True)
class AckSettings:
    """How acknowledgments are sent. Built and validated by config.py.

    ``mode``: "send" hands the ack to SMTP, "draft" stores it for the owner to send (``decide``
    answers the same for both: the caller chooses the delivery), "off" never acknowledges.

    ``subject_prefix``: RFC 3834 §3.1.5 wants an auto-response indication such as ``"Auto: "``;
    ``"Re: "`` (the default) threads with the customer's mail in every client and reads like the
    owner's own reply, which is what this product promises. The ack stays machine-marked either
    way (Auto-Submitted, X-Auto-Response-Suppress, X-Vasteaika-Ack), so pick ``"Auto: "`` if you
    prefer the RFC's visible marker.

    ``precedence_bulk``: add ``Precedence: bulk`` (RFC 3834 §3.1.8 neither recommends nor forbids
    it). On by default, as Pigeonhole and Gmail's vacation responder send it: old responders that
    ignore Auto-Submitted still honour it, so it closes a loop path. Turn it off if acks land in
    the customers' spam or promotions folders.

    ``form_senders``: From addresses of website contact forms outside the owner's own domains.
    A mail that classify marked ``via_form`` is acknowledged to its Reply-To person only when
    its From is at one of the owner's own (non-freemail) domains or listed here.
    """

    mode: Mode
    owner_name: str
    owner_address: str
    owner_addresses: frozenset[str] = frozenset()
    max_age: timedelta = timedelta(hours=2)
    once_per_days: int = 7
    form_senders: tuple[str, ...] = ()
    trusted_authserv_id: str | None = None
    subject_prefix: str = "Re: "
    fallback_subject: str = "Kiitos viestistäsi / Tack för ditt meddelande / Thank you for your message"
    precedence_bulk: bool = True
    _all_owner: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        problems: list[Said] = []
        if self.mode not in ("send", "draft", "off"):
            problems.append(Said("ack.bad_mode", {"mode": self.mode}))
        problems += [
            Said("ack.bad_owner", {"address": a, "problem": address_problem(a)})
            for a in (self.owner_address, *sorted(self.owner_addresses))
            if address_problem(a)
        ]
        if self.max_age <= timedelta(0):
            problems.append(Said("ack.bad_max_age"))
        if self.once_per_days < 1:
            problems.append(Said("ack.bad_once"))
        prefix = self.subject_prefix
        if len(prefix) > 20 or any(unicodedata.category(c)[0] in "CZ" and c != " " for c in prefix):
            problems.append(Said("ack.bad_prefix"))
        if problems:
            error = fault(ConfigError, "ack.invalid", detail=tuple(problems))
            error.problems = [str(p) for p in problems]
            raise error
        everyone = {self.owner_address.lower(), *(a.lower() for a in self.owner_addresses)}
        object.__setattr__(self, "_all_owner", frozenset(everyone))

    @property
    def all_owner_addresses(self) -> frozenset[str]:
        """``owner_address`` and every alias, lower-cased."""
        return self._all_owner


@dataclass(frozen=True)
class AckDecision:
    """``send`` is true exactly when ``reasons`` is empty and ``recipient`` is set."""

    send: bool
    recipient: Address | None
    reasons: tuple[str, ...]


# --- sanitizing -----------------------------------------------------------------------------


def _envelope(return_path: str) -> str:
    """The envelope address as mail.parse reads a Return-Path: without the whitespace and angle
    brackets around it, even one bracket alone (``<postmaster@x`` is postmaster's), lower case."""
    return return_path.strip().strip("<>").strip().lower()


# --- decide ---------------------------------------------------------------------------------

_ROBOT_LOCAL = re.compile(rf"^(?:{'|'.join(robot_words.ACK_ROBOT_LOCAL_PARTS)})$")
_BOUNCE_LOCAL = re.compile(rf"^(?:{'|'.join(robot_words.ACK_BOUNCE_LOCAL_PARTS)})$")
_PRECEDENCE = frozenset({*robot_words.PRECEDENCE_BULK, *robot_words.PRECEDENCE_AUTO_REPLY})


def decide(
    msg: Message,
    cls: Classification,
    *,
    now: datetime,
    settings: AckSettings,
    answered: bool,
    conversation_acked: bool,
    last_ack_to_address_at: datetime | None,
    content: bytes | None = None,
) -> AckDecision:
    """Acknowledge ``msg`` or not, with every reason that forbids it.

    ``answered``: the owner has replied in this conversation. ``conversation_acked``: an ack
    already went out in it. ``last_ack_to_address_at``: the last ack to the customer's address.
    ``content``: the whole mail, when read (its body and MIME parts are checked too).
    """
    require_aware(now, "now")
    reasons: list[str] = []
    if settings.mode == "off":
        reasons.append("off: acknowledgments are turned off (ack.mode = off)")
    if cls.kind is not Kind.CUSTOMER:
        reasons.append(f"not-customer: classified as {cls.kind.value}, not as a customer")
    reasons += _state_reasons(
        msg, now, settings, answered, conversation_acked, last_ack_to_address_at
    )
    dmarc_pass = dmarc_passed(
        msg.header("authentication-results"), settings.trusted_authserv_id, msg.from_addr.email
    )
    reasons += _header_reasons(msg, via_form=cls.via_form, dmarc_pass=dmarc_pass)
    reasons += shape_reasons(msg, settings.all_owner_addresses)
    if content is not None:
        reasons += content_reasons(content)
    if own_address_form(msg, cls, settings.all_owner_addresses) and not (
        content and is_form_text(content)
    ):
        reasons.append(f"own-address: {msg.from_addr.email} is your own address, and the text "
                       "has no contact form's fields (a message and another)")  # fmt: skip
    reasons += _authentication_reasons(msg, settings.trusted_authserv_id)
    recipient, recipient_reasons = _recipient(msg, cls, settings, dmarc_pass=dmarc_pass)
    reasons += recipient_reasons
    if reasons or recipient is None:
        return AckDecision(False, None, tuple(reasons) or ("bad-address: no recipient",))
    return AckDecision(True, recipient, ())


def _state_reasons(
    msg: Message,
    now: datetime,
    settings: AckSettings,
    answered: bool,
    conversation_acked: bool,
    last_ack_at: datetime | None,
) -> list[str]:
    reasons = age_reasons(msg, now, settings.max_age)
    if answered:
        reasons.append("answered: you have already replied in this conversation")
    if conversation_acked:
        reasons.append("conversation-acked: this conversation was already acknowledged")
    period = timedelta(days=settings.once_per_days)
    if last_ack_at is not None and now - last_ack_at < period:
        reasons.append(
            f"rate-limited: an acknowledgment went to this address "
            f"{_duration(now - last_ack_at)} ago; at most one per "
            f"{settings.once_per_days} days"
        )
    return reasons


def _header_reasons(msg: Message, *, via_form: bool, dmarc_pass: bool) -> list[str]:
    reasons = []
    for value in msg.header("auto-submitted"):
        keyword = strip_comments(value).split(";")[0].strip().lower()
        if keyword != "no":
            reasons.append(
                f"auto-submitted: Auto-Submitted: {sanitize_header_text(value, 60)} "
                "marks a machine-sent mail"
            )
            break
    for name in ("precedence", "x-precedence"):
        if any(v.strip().lower() in _PRECEDENCE for v in msg.header(name)):
            reasons.append(f"precedence: {name} says bulk/junk/list mail")
    lists = sorted(n for n in msg.headers if n.startswith(robot_words.LIST_HEADER_PREFIX))
    if lists:
        reasons.append(f"list: mailing-list header {', '.join(lists)}")
    tokens = {
        t.strip().lower() for v in msg.header("x-auto-response-suppress") for t in v.split(",")
    }
    refused = sorted(tokens & robot_words.SUPPRESS_REFUSED)
    if refused:
        reasons.append(
            "auto-response-suppress: the sender asked for no automatic replies "
            f"(X-Auto-Response-Suppress: {', '.join(refused)})"
        )
    if msg.header("x-ms-exchange-inbox-rules-loop"):
        reasons.append("exchange-rule-loop: sent by an Exchange inbox rule (loop risk)")
    reasons += _bounce_reasons(msg)
    addresses = [("Sender", msg.sender.email if msg.sender else "")]
    if not via_form:  # a form relay's From/envelope is noreply@ by design; its Reply-To is checked
        addresses += [
            ("From", msg.from_addr.email),
            ("Return-Path", _envelope(msg.return_path or "")),
        ]
    for label, email in addresses:
        local = email.rpartition("@")[0].lower()
        if label == "Return-Path" and (
            dmarc_pass or senders.envelope_aligned(email, msg.from_addr.email)
        ):
            robot = senders.robot_local_part(local) is not None  # VERP/BATV of From's sender
        else:
            robot = senders.robot_local_part(local) is not None or bool(_ROBOT_LOCAL.match(local))
        if local and robot and not _BOUNCE_LOCAL.match(local):
            reasons.append(f"robot-sender: {label} {email} is a no-reply or list address")
    if phrase := senders.robot_display_name(msg.from_addr.name):
        reasons.append(f"robot-sender: the sender's name says '{phrase}'")
    if msg.header("x-vasteaika-ack") or msg.message_id.startswith("vasteaika-ack."):
        reasons.append("own-ack: this is an acknowledgment vasteaika sent (loop)")
    return reasons


def _bounce_reasons(msg: Message) -> list[str]:
    reasons = []
    if msg.return_path is not None and _envelope(msg.return_path) == "":
        reasons.append("bounce: the envelope sender is empty (Return-Path: <>)")
    if msg.content_type == "multipart/report":
        reasons.append("bounce: a delivery or read report (multipart/report)")
    if msg.header("x-failed-recipients"):
        reasons.append("bounce: X-Failed-Recipients present")
    for label, email in (
        ("From", msg.from_addr.email),
        ("Sender", msg.sender.email if msg.sender else ""),
        ("Return-Path", _envelope(msg.return_path or "")),
    ):
        if any(_BOUNCE_LOCAL.match(local) for local in _local_parts(email)):
            reasons.append(f"bounce: {label} {email} is a mail system address")
    return reasons


def _local_parts(email: str) -> set[str]:
    """The local part read both ways: an address with a second @ is malformed, and a mail
    system address in either reading (``mailer-daemon@relay@example.com``) is one in doubt."""
    return {email.partition("@")[0].lower(), email.rpartition("@")[0].lower()}


def _authentication_reasons(msg: Message, authserv_id: str | None) -> list[str]:
    """Only the top-most Authentication-Results of the owner's own provider counts: anybody can
    write such a header, but the provider adds its own on top (RFC 8601 §5)."""
    if not authserv_id:
        return []
    verdict = dmarc_of(msg.header("authentication-results"), authserv_id)
    if verdict is not None and verdict.result == "fail":
        return [f"unverified: {authserv_id} says dmarc=fail (the sender may be forged)"]
    return []


def _recipient(
    msg: Message, cls: Classification, settings: AckSettings, *, dmarc_pass: bool
) -> tuple[Address | None, list[str]]:
    reasons: list[str] = []
    owner = settings.all_owner_addresses
    candidate: Address | None
    if cls.via_form:
        candidate = cls.customer
        if not _is_form_relay(msg.from_addr.email, settings):
            reasons.append(
                f"form-not-allowed: {msg.from_addr.email} is neither at your own "
                "domain nor one of your contact forms (form_senders)"
            )
        if len(msg.reply_to) != 1:
            reasons.append(
                f"form-reply-to: a contact form mail needs exactly one Reply-To, "
                f"this one has {len(msg.reply_to)}"
            )
        elif candidate and candidate.email.lower() != msg.reply_to[0].email.lower():
            reasons.append("customer-mismatch: the customer is not the Reply-To person")
    else:
        candidate = msg.from_addr
        if cls.customer and cls.customer.email.lower() != candidate.email.lower():
            reasons.append("customer-mismatch: the customer is not the From address")
        if msg.return_path is None:
            reasons.append(
                "no-return-path: no Return-Path, so the real sender is unknown "
                "(RFC 3834 §4: don't guess)"
            )
        elif (
            _envelope(msg.return_path)
            and not dmarc_pass
            and not senders.envelope_aligned(_envelope(msg.return_path), candidate.email)
        ):
            reasons.append(
                f"envelope-mismatch: Return-Path {_envelope(msg.return_path)} is neither "
                f"the From address {candidate.email} nor of its organisation"
                + _no_dmarc_note(settings.trusted_authserv_id)
            )
        if any(a.email.lower() != candidate.email.lower() for a in msg.reply_to):
            reasons.append("reply-to-elsewhere: Reply-To points to another address")
        addressed = [*msg.recipients, *_resent(msg)]
        if not any(_is_ours(a.email, settings) for a in addressed):
            reasons.append(
                "not-addressed: none of your addresses is in To or Cc "
                "(a Bcc copy, a list or a forward)"
            )
    if candidate is None:
        return None, [*reasons, "bad-address: the customer's address is unknown"]
    problem = address_problem(candidate.email)
    if problem:
        shown = sanitize_header_text(candidate.email, 80)
        return None, [*reasons, f"bad-address: {shown}: {problem}"]
    if candidate.email.lower() in owner:
        reasons.append(f"own-address: {candidate.email} is your own address")
    if cls.via_form and (
        _ROBOT_LOCAL.match(candidate.local_part.lower())
        or senders.robot_local_part(candidate.local_part)
    ):
        reasons.append(f"robot-sender: {candidate.email} is a no-reply or system address")
    name = sanitize_header_text(candidate.name, 100)
    return Address(ascii_email(candidate.email), name), reasons


def _no_dmarc_note(authserv_id: str | None) -> str:
    if authserv_id:
        return f", and {authserv_id} did not say dmarc=pass for it"
    return " (no trusted Authentication-Results: ack.authserv_id)"


def _is_form_relay(email: str, settings: AckSettings) -> bool:
    """As classify decides it: an address at one of the owner's own (non-freemail) domains, or
    one listed in ``form_senders``."""
    email = email.lower()
    own_domains = {a.rpartition("@")[2] for a in settings.all_owner_addresses} - FREEMAIL_DOMAINS
    return email.rpartition("@")[2] in own_domains or email in {
        f.lower() for f in settings.form_senders
    }


def _is_ours(email: str, settings: AckSettings) -> bool:
    """One of the owner's addresses: ``[owner] addresses``, where an alias that forwards into
    this mailbox (info@, tarjoukset@) is listed too. Never any address at the owner's domain:
    a colleague's or a subcontractor's mailbox there is not the owner's, and a customer's mail
    to them, Bcc'd or forwarded to the owner, is not addressed to the owner."""
    return email.lower() in settings.all_owner_addresses


def _resent(msg: Message) -> list[Address]:
    values = [*msg.header("resent-to"), *msg.header("resent-cc")]
    return [Address(email.lower(), name) for name, email in getaddresses(values) if email]


def require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")
