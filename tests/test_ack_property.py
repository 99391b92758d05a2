"""Property: whatever name and subject a customer sends, the acknowledgment has exactly one
recipient and exactly the headers we set (no header can be injected, raw or encoded)."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy

from hypothesis import given, settings
from hypothesis import strategies as st

from vasteaika.acks.compose import build_ack
from vasteaika.acks.decision import AckSettings
from vasteaika.models import Address, Message

SETTINGS = AckSettings(mode="send", owner_name="Ylermi", owner_address="ylermi@pihapalvelu.fi")
NOW = datetime(2026, 11, 25, 7, 10, tzinfo=UTC)
EXPECTED = {"from", "to", "subject", "date", "message-id", "in-reply-to", "references",
            "auto-submitted", "x-auto-response-suppress", "precedence", "x-vasteaika-ack",
            "mime-version", "content-type", "content-transfer-encoding"}  # fmt: skip
PIECES = [
    *"abcäö <>@,;:\"'\\\r\n\t\x00\x0b=?QqBb_",
    "Bcc: v@x.y",
    "\r\nCc: x@y.z",
    "=?utf-8?q?a=0D=0ABcc:_v@x.y?=",
]
hostile = st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=80)


def message(name: str, subject: str) -> Message:
    return Message(
        message_id="m1@example.fi", synthetic_id=False, folder="INBOX", uid=1,
        from_addr=Address("maija@example.fi", name), sender=None, reply_to=(), to=(), cc=(),
        subject=subject, date=NOW, received_at=NOW, in_reply_to=(), references=(),
        return_path="maija@example.fi", content_type="text/plain",
    )  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(name=hostile, subject=hostile)
def test_one_recipient_and_no_injected_header(name: str, subject: str) -> None:
    ack = build_ack(message(name, subject), Address("maija@example.fi", name), body="Hei",
                    settings=SETTINGS, message_id_domain="pihapalvelu.fi", now=NOW)  # fmt: skip
    raw = ack.as_bytes().replace(b"\r\n", b"\n")
    head = raw.split(b"\n\n", 1)[0]
    names = [
        line.split(b":", 1)[0].decode().lower()
        for line in head.split(b"\n")
        if line[:1] not in (b" ", b"\t")
    ]
    assert set(names) <= EXPECTED and len(names) == len(set(names))
    parsed = message_from_bytes(raw, policy=policy.default)
    assert [a.addr_spec for a in parsed["To"].addresses] == ["maija@example.fi"]
    assert parsed["Cc"] is None and parsed["Bcc"] is None
