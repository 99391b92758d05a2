"""What a mail says beyond its machine headers about acknowledging it: its subject, thread and
recipients (out-of-office, a meeting answer, a platform, a broadcast, an answer to our own ack)
and, where the whole mail was fetched, its body (an out-of-office opening, a "do not reply to
this message" sentence, a text/calendar scheduling part).

Apart from ``acks.decision``, which applies the classic header rules, because these are the
issue-12 readings of real Nordic mail and the body part parses MIME: the ack job reads the first
mail again before deciding.
Only the writer's own text counts (``mail.body``, which the sync reads too): quoted lines and
anything after a forward marker are cut, so a customer who forwards a bank's "Älä vastaa tähän
viestiin" notice is still a customer.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import Message as MimeMessage

from vasteaika.mail import robot_words, senders
from vasteaika.mail.body import opens_like_out_of_office, own_text, phrase_pattern
from vasteaika.mail.classify import ACK_ID_PREFIX, MEETING_RESPONSE_SUBJECT, OUT_OF_OFFICE_SUBJECT
from vasteaika.mail.parse import sanitize_header_text
from vasteaika.models import Message

_METHOD = re.compile(r"^METHOD:\s*([A-Za-z-]+)", re.IGNORECASE | re.MULTILINE)
_DO_NOT_REPLY = re.compile(
    "|".join(phrase_pattern(t) for t in robot_words.DO_NOT_REPLY_BODY_PHRASES), re.DOTALL
)


def shape_reasons(msg: Message, owner_addresses: frozenset[str]) -> list[str]:
    """What the subject, the thread and the recipients say about the mail (issue 12)."""
    reasons = []
    subject = msg.subject.strip()
    if OUT_OF_OFFICE_SUBJECT.match(subject):
        reasons.append(f"out-of-office: the subject {sanitize_header_text(subject, 60)!r} "
                       "is an out-of-office reply")  # fmt: skip
    if msg.content_type == "text/calendar" or MEETING_RESPONSE_SUBJECT.match(subject):
        reasons.append("calendar: a meeting invitation or response, not a new request")
    if platform := senders.platform_sender(msg.from_addr.email):
        reasons.append(f"platform: {msg.from_addr.email} sends platform notifications ({platform})")
    if any(i.startswith(ACK_ID_PREFIX) for i in (*msg.in_reply_to, *msg.references)):
        reasons.append("reply-to-ack: this answers one of our acknowledgments (not a new contact)")
    others = {a.email.lower() for a in (*msg.to, *msg.cc)} - owner_addresses
    if len(others) > robot_words.BROADCAST_RECIPIENTS:
        reasons.append(f"broadcast: sent to {len(others)} other addresses as well (a mass mail)")
    return reasons


def content_reasons(data: bytes) -> list[str]:
    """Refusal reasons (``"<code>: <prose>"``) found in the whole mail ``data``."""
    try:
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        method = _calendar_method(parsed)
        text = own_text(parsed)
    except Exception:  # a broken body proves nothing either way; the headers were checked
        return []
    reasons = []
    if method:
        reasons.append(f"calendar: a text/calendar part (METHOD:{method}) — a meeting message")
    if opens_like_out_of_office(text):
        reasons.append("out-of-office: the text opens like an out-of-office reply")
    if _DO_NOT_REPLY.search(text):
        reasons.append("robot-sender: the text says replies are not read (do not reply)")
    return reasons


def _calendar_method(parsed: MimeMessage) -> str | None:
    for part in parsed.walk():
        if part.get_content_type() != "text/calendar":
            continue
        method = str(part.get_param("method") or "")
        if not method:
            payload = part.get_payload(decode=True)
            text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
            found = _METHOD.search(text)
            method = found[1] if found else ""
        if method.lower() in robot_words.CALENDAR_METHODS:
            return method.upper()
    return None
