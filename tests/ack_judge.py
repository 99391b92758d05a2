"""Runs a labelled case of ``ack_cases`` through classify and the ack decision, as the ack job does.

Apart from the data (``ack_cases``) so that the tests and ``benchmarks/ack_accuracy.py`` judge the
cases the same way: the mail is built as the delivering server stores it (headers, a plain body,
MIME parts such as a text/calendar invitation), it arrived five minutes before ``now``, nothing
was acknowledged or answered before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from email.utils import parsedate_to_datetime

from ack_cases import ALIASES, OWNER, Case
from vasteaika.acks.decision import AckDecision, AckSettings, decide
from vasteaika.errors import ParseError
from vasteaika.mail.classify import classify
from vasteaika.mail.parse import parse
from vasteaika.models import Classification, Kind, RawMessage

# The refusal codes that say "a machine wrote this"; the others say "not now" (backlog,
# answered, rate-limited…) or "not to this address" and may refuse a person.
ROBOT_CODES = frozenset({
    "not-customer", "auto-submitted", "precedence", "list", "exchange-rule-loop", "bounce",
    "robot-sender", "own-ack", "out-of-office", "calendar", "platform", "broadcast", "unverified",
})  # fmt: skip


@dataclass(frozen=True)
class Verdict:
    """What vasteaika made of a case: ``predicted`` is robot, human or form_lead."""

    cls: Classification
    decision: AckDecision
    predicted: str

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(reason.partition(":")[0] for reason in self.decision.reasons)


def raw_bytes(case: Case) -> bytes:
    """The mail as stored: its headers, then the body or the MIME parts the case lists."""
    headers = [f"{name}: {value}" for name, value in case.headers]
    content_type = next((v for n, v in case.headers if n.lower() == "content-type"), "")
    boundary = _boundary(content_type)
    if boundary and case.parts:
        lines = []
        for part in ("text/plain; charset=utf-8", *case.parts):
            body = _calendar(part) if part.startswith("text/calendar") else case.body
            lines += [f"--{boundary}", f"Content-Type: {part}", "", body]
        lines.append(f"--{boundary}--")
        text = "\r\n".join(lines)
    elif content_type.lower().startswith("text/calendar"):
        text = _calendar(content_type)
    else:
        text = case.body
    return ("\r\n".join([*headers, "", text, ""])).encode()


def judge(case: Case, form_senders: tuple[str, ...] = ()) -> Verdict:
    data = raw_bytes(case)
    date = next(v for n, v in case.headers if n.lower() == "date")
    arrived = parsedate_to_datetime(date)
    try:
        msg = parse(RawMessage("INBOX", 1, arrived, data))
    except ParseError as exc:  # kept as a broken mail by the sync: never a contact, never acked
        unread = Classification(Kind.BOUNCE, (str(exc),))
        return Verdict(unread, AckDecision(False, None, (f"unreadable: {exc}",)), "robot")
    cls = classify(msg, frozenset({OWNER, *ALIASES}), (), form_senders)
    settings = AckSettings(
        mode="send", owner_name="Ylermi", owner_address=OWNER, owner_addresses=frozenset(ALIASES),
        form_senders=form_senders, trusted_authserv_id="mx.pihapalvelu.fi",
    )  # fmt: skip
    decision = decide(
        msg, cls, now=arrived + timedelta(minutes=5), settings=settings, answered=False,
        conversation_acked=False, last_ack_to_address_at=None, content=data,
    )  # fmt: skip
    return Verdict(cls, decision, _predicted(cls, decision))


def _predicted(cls: Classification, decision: AckDecision) -> str:
    if cls.kind is not Kind.CUSTOMER:
        return "robot"
    if cls.via_form:
        return "form_lead"
    codes = {reason.partition(":")[0] for reason in decision.reasons}
    return "robot" if codes & ROBOT_CODES else "human"


def _boundary(content_type: str) -> str:
    for param in content_type.split(";")[1:]:
        name, _, value = param.strip().partition("=")
        if name.lower() == "boundary":
            return value.strip('"')
    return ""


def _calendar(content_type: str) -> str:
    method = "REQUEST"
    for param in content_type.split(";")[1:]:
        name, _, value = param.strip().partition("=")
        if name.lower() == "method":
            method = value.strip('"').upper()
    return f"BEGIN:VCALENDAR\r\nMETHOD:{method}\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR"
