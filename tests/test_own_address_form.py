"""A website form that mails From the owner's own address (WPForms sends From the site's admin
address; a form plugin may send From info@, an alias in [owner] addresses) is a lead when its
text is a form's (issue 14, case f-wpforms); the owner's own mail, even with a Reply-To
elsewhere and sent to themselves, is never a contact and never acknowledged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fakes import mail
from live_mailbox import OWNER, Live, env, live  # noqa: F401  (env, live: fixtures)
from vasteaika.acks.decision import AckSettings, decide
from vasteaika.mail.classify import classify
from vasteaika.mail.parse import parse
from vasteaika.models import Kind, RawMessage

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
FORM = "Nimi\nSari Nieminen\n\nSähköposti\nsari.nieminen@outlook.com\n\nViesti\nPensasaidan leikkaus?\n"
OWN_NOTE = "Muista soittaa Sarille huomenna klo 10.\n\nTerveisin\nYlermi\nPuh: 040 123 4567\n"
SARI = "Reply-To: Sari Nieminen <sari.nieminen@outlook.com>\n"


def _raw(
    to: str, body: str, extra: str = SARI, envelope: str = "pihapal@cp12.webhotelli.fi"
) -> bytes:
    head = f"Return-Path: <{envelope}>\n".encode()
    return head + mail(f"Pihapalvelu Ylermi <{OWNER}>", to, "New Entry: Yhteydenottolomake",
                       "w@x", "Wed, 25 Nov 2026 10:55:00 +0200", extra=extra, body=body)  # fmt: skip


def _decide(data: bytes) -> tuple[Kind, bool, tuple[str, ...]]:
    msg = parse(RawMessage("INBOX", 1, NOW - timedelta(minutes=5), data))
    cls = classify(msg, frozenset({OWNER}))
    settings = AckSettings(mode="send", owner_name="Ylermi", owner_address=OWNER)
    decision = decide(msg, cls, now=NOW, settings=settings, answered=False,
                      conversation_acked=False, last_ack_to_address_at=None, content=data)  # fmt: skip
    return cls.kind, decision.send, decision.reasons


def test_a_form_from_the_owners_address_is_acknowledged_to_its_reply_to_person() -> None:
    kind, send, reasons = _decide(_raw(OWNER, FORM))
    assert kind is Kind.CUSTOMER and send, reasons


@pytest.mark.parametrize(
    ("to", "body", "extra"),
    [
        (OWNER, OWN_NOTE, "Reply-To: ylermi.koti@gmail.com\n"),  # a note to self, private Reply-To
        (OWNER, OWN_NOTE, SARI),  # the text is no form's
        ("sari.nieminen@outlook.com", FORM, SARI),  # to a customer (the owner's Bcc copy)
        (OWNER, FORM, SARI + "In-Reply-To: <a@b>\n"),  # a reply in a thread
    ],
)
def test_the_owners_own_mail_with_a_reply_to_is_never_acknowledged(
    to: str, body: str, extra: str
) -> None:
    kind, send, reasons = _decide(_raw(to, body, extra))
    assert not send, reasons
    assert kind is Kind.OWNER or any(r.startswith("own-address:") for r in reasons)


def test_on_a_real_server_a_form_from_the_owners_address_is_a_lead_and_a_note_is_not(
    live: Live,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    for subject, msgid, extra, body in (
        ("New Entry: Yhteydenottolomake", "form@x", SARI, FORM),
        ("Muistiinpano", "note@x", "Reply-To: ylermi.koti@gmail.com\n", OWN_NOTE),
    ):
        live.deliver(f"Pihapalvelu Ylermi <{OWNER}>", subject, msgid, extra=extra, body=body,
                     envelope="pihapal@cp12.webhotelli.fi")  # fmt: skip

    result = live.check(capsys)
    sari = ["sari.nieminen@outlook.com"]
    assert [a["recipient"] for a in result["acknowledgments"]] == sari
    assert [w["customer_email"] for w in result["waiting"]] == sari
    assert live.sent_to() == sari
