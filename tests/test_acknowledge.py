"""acks/decision.py and acks/compose.py: one table row per never-acknowledge rule, the positive
cases, the built message (including header injection), callback phrases, language, names and
templates."""

from __future__ import annotations

import email
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email import policy
from email.utils import getaddresses
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from vasteaika.acks.compose import build_ack
from vasteaika.acks.decision import AckDecision, AckSettings, decide
from vasteaika.acks.wording import (
    callback_phrase,
    detect_language,
    first_name,
    greeting,
    load_template,
    render_ack,
    validate_template,
)
from vasteaika.errors import ConfigError, DataError
from vasteaika.models import Address, Classification, Kind, Message

HEL = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=HEL)  # a Thursday
OWNER = "tuomas@putkityo.fi"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "templates"

SETTINGS = AckSettings(
    mode="send",
    owner_name="Tuomas Putkinen",
    owner_address=OWNER,
    owner_addresses=frozenset({"info@putkityo.fi"}),
    form_senders=("lomake@putkityo.fi",),
    trusted_authserv_id="mx.putkityo.fi",
)
MAIJA = Address("maija@example.com", "Maija Meikäläinen")


def make_msg(**changes: Any) -> Message:
    base: dict[str, Any] = {
        "message_id": "CAF1234567@mail.example.com",
        "synthetic_id": False,
        "folder": "INBOX",
        "uid": 7,
        "from_addr": MAIJA,
        "sender": None,
        "reply_to": (),
        "to": (Address(OWNER, "Tuomas Putkinen"),),
        "cc": (),
        "subject": "Tarjouspyyntö: kylpyhuoneen putket",
        "date": NOW - timedelta(minutes=5),
        "received_at": NOW - timedelta(minutes=5),
        "in_reply_to": (),
        "references": (),
        "return_path": "maija@example.com",
        "content_type": "text/plain",
        "headers": {},
    }
    base.update(changes)
    return Message(**base)


def customer(who: Address = MAIJA, via_form: bool = False) -> Classification:
    return Classification(Kind.CUSTOMER, ("test",), customer=who, via_form=via_form)


def run(msg: Message | None = None, cls: Classification | None = None, **kw: Any) -> AckDecision:
    args: dict[str, Any] = {
        "now": NOW,
        "settings": SETTINGS,
        "answered": False,
        "conversation_acked": False,
        "last_ack_to_address_at": None,
    }
    args.update(kw)
    return decide(msg or make_msg(), cls or customer(), **args)


def codes(decision: AckDecision) -> set[str]:
    return {reason.split(":", 1)[0] for reason in decision.reasons}


def hdr(**headers: str) -> dict[str, tuple[str, ...]]:
    return {name.replace("_", "-").lower(): (value,) for name, value in headers.items()}


# --- decide: positive cases -----------------------------------------------------------------


def test_plain_customer_mail_is_acknowledged_to_from() -> None:
    decision = run()
    assert decision == AckDecision(True, Address("maija@example.com", "Maija Meikäläinen"), ())


def test_contact_form_is_acknowledged_to_the_reply_to_person() -> None:
    pekka = Address("pekka.virtanen@example.net", "Pekka Virtanen")
    msg = make_msg(
        from_addr=Address("lomake@putkityo.fi", "Verkkosivujen lomake"),
        return_path="lomake@putkityo.fi",
        reply_to=(pekka,),
        to=(Address("info@putkityo.fi"),),
    )
    decision = run(msg, customer(pekka, via_form=True))
    assert decision.send and decision.recipient == pekka and decision.reasons == ()


def test_contact_form_from_the_owner_domain_needs_no_listing() -> None:
    liisa = Address("liisa@example.com", "Liisa Laine")
    msg = make_msg(
        from_addr=Address("wordpress@putkityo.fi"),
        return_path="wordpress@putkityo.fi",
        reply_to=(liisa,),
    )
    assert run(msg, customer(liisa, via_form=True)).recipient == liisa


def test_contact_form_needs_no_owner_address_in_to() -> None:
    pekka = Address("pekka@example.net", "Pekka Virtanen")
    msg = make_msg(
        from_addr=Address("lomake@putkityo.fi"),
        return_path="bounce+x@web.host.fi",
        reply_to=(pekka,),
        to=(Address("lomake@putkityo.fi"),),
    )
    assert run(msg, customer(pekka, via_form=True)).send


@pytest.mark.parametrize(
    ("case", "msg_changes", "kw"),
    [
        ("exactly max_age old", {"received_at": NOW - timedelta(hours=2)}, {}),
        ("last ack 8 days ago", {}, {"last_ack_to_address_at": NOW - timedelta(days=8)}),
        ("Auto-Submitted: no", {"headers": hdr(auto_submitted="no")}, {}),
        ("Auto-Submitted: no (comment)", {"headers": hdr(auto_submitted="No (by hand)")}, {}),
        ("Precedence: first-class", {"headers": hdr(precedence="first-class")}, {}),
        ("XARS DR, RN only", {"headers": hdr(x_auto_response_suppress="DR, RN, NRN")}, {}),
        (
            "owner only in Cc",
            {"to": (Address("someone@example.org"),), "cc": (Address("info@putkityo.fi"),)},
            {},
        ),
        (
            "owner in Resent-To",
            {
                "to": (Address("vanha@example.org"),),
                "headers": hdr(resent_to="Tuomas <tuomas@putkityo.fi>"),
            },
            {},
        ),
        ("Return-Path in other case and brackets", {"return_path": "<Maija@EXAMPLE.com>"}, {}),
        (
            "dmarc=fail from an untrusted authserv-id",
            {"headers": hdr(authentication_results="mx.evil.example; dmarc=fail")},
            {},
        ),
        (
            "DMARC pass on top, forged fail below",
            {
                "headers": {
                    "authentication-results": (
                        "mx.putkityo.fi; spf=pass smtp.mailfrom=example.com; dmarc=pass",
                        "mx.putkityo.fi; dmarc=fail",
                    )
                }
            },
            {},
        ),
        ("mode draft", {}, {"settings": replace(SETTINGS, mode="draft")}),
    ],
)
def test_still_acknowledged(case: str, msg_changes: dict[str, Any], kw: dict[str, Any]) -> None:
    decision = run(make_msg(**msg_changes), **kw)
    assert decision.send, (case, decision.reasons)


def test_dmarc_fail_is_ignored_without_a_trusted_authserv_id() -> None:
    msg = make_msg(headers=hdr(authentication_results="mx.putkityo.fi; dmarc=fail"))
    assert run(msg, settings=replace(SETTINGS, trusted_authserv_id=None)).send


# --- decide: one row per never-acknowledge rule ---------------------------------------------

FORM = Address("lomake@putkityo.fi")
PEKKA = Address("pekka@example.net", "Pekka")

SKIPS: list[tuple[str, dict[str, Any], Classification | None, dict[str, Any], set[str]]] = [
    ("mode off", {}, None, {"settings": replace(SETTINGS, mode="off")}, {"off"}),
    ("not a customer", {}, Classification(Kind.LIST, ("List-Id",)), {}, {"not-customer"}),
    ("auto-reply kind", {}, Classification(Kind.AUTO_REPLY, ("x",)), {}, {"not-customer"}),
    ("backlog", {"received_at": NOW - timedelta(hours=2, minutes=1)}, None, {}, {"backlog"}),
    ("answered", {}, None, {"answered": True}, {"answered"}),
    ("conversation acked", {}, None, {"conversation_acked": True}, {"conversation-acked"}),
    (
        "acked 3 days ago",
        {},
        None,
        {"last_ack_to_address_at": NOW - timedelta(days=3)},
        {"rate-limited"},
    ),
    (
        "acked 6 d 23 h ago",
        {},
        None,
        {"last_ack_to_address_at": NOW - timedelta(days=6, hours=23)},
        {"rate-limited"},
    ),
    ("auto-replied", {"headers": hdr(auto_submitted="auto-replied")}, None, {}, {"auto-submitted"}),
    (
        "auto-replied (vacation)",
        {"headers": hdr(auto_submitted="auto-replied (vacation)")},
        None,
        {},
        {"auto-submitted"},
    ),
    (
        "auto-generated",
        {"headers": hdr(auto_submitted="Auto-Generated")},
        None,
        {},
        {"auto-submitted"},
    ),
    (
        "auto-notified with params",
        {"headers": hdr(auto_submitted='auto-notified; owner-email="a@b.fi"')},
        None,
        {},
        {"auto-submitted"},
    ),
    (
        "second Auto-Submitted not no",
        {"headers": {"auto-submitted": ("no", "auto-replied")}},
        None,
        {},
        {"auto-submitted"},
    ),
    ("Precedence: bulk", {"headers": hdr(precedence="bulk")}, None, {}, {"precedence"}),
    ("Precedence: junk", {"headers": hdr(precedence=" JUNK ")}, None, {}, {"precedence"}),
    ("Precedence: list", {"headers": hdr(precedence="list")}, None, {}, {"precedence"}),
    ("List-Id", {"headers": hdr(list_id="<putket.lists.example.org>")}, None, {}, {"list"}),
    (
        "List-Unsubscribe",
        {"headers": hdr(list_unsubscribe="<mailto:u@example.org>")},
        None,
        {},
        {"list"},
    ),
    ("List-Post", {"headers": hdr(list_post="<mailto:l@example.org>")}, None, {}, {"list"}),
    (
        "XARS All",
        {"headers": hdr(x_auto_response_suppress="All")},
        None,
        {},
        {"auto-response-suppress"},
    ),
    (
        "XARS OOF",
        {"headers": hdr(x_auto_response_suppress="oof")},
        None,
        {},
        {"auto-response-suppress"},
    ),
    (
        "XARS list with AutoReply",
        {"headers": hdr(x_auto_response_suppress="DR, RN, AutoReply")},
        None,
        {},
        {"auto-response-suppress"},
    ),
    (
        "Exchange rules loop",
        {"headers": hdr(x_ms_exchange_inbox_rules_loop="maija@example.com")},
        None,
        {},
        {"exchange-rule-loop"},
    ),
    ("null Return-Path", {"return_path": ""}, None, {}, {"bounce"}),
    ("Return-Path <>", {"return_path": "<>"}, None, {}, {"bounce"}),
    ("multipart/report", {"content_type": "multipart/report"}, None, {}, {"bounce"}),
    (
        "X-Failed-Recipients",
        {"headers": hdr(x_failed_recipients="x@example.org")},
        None,
        {},
        {"bounce"},
    ),
    (
        "MAILER-DAEMON",
        {
            "from_addr": Address("mailer-daemon@mx.example.com"),
            "return_path": "MAILER-DAEMON@mx.example.com",
        },
        customer(Address("mailer-daemon@mx.example.com")),
        {},
        {"bounce"},
    ),
    (
        "postmaster",
        {"from_addr": Address("postmaster@example.com"), "return_path": "postmaster@example.com"},
        customer(Address("postmaster@example.com")),
        {},
        {"bounce"},
    ),
    (
        "noreply",
        {"from_addr": Address("noreply@shop.example"), "return_path": "noreply@shop.example"},
        customer(Address("noreply@shop.example")),
        {},
        {"robot-sender"},
    ),
    (
        "no-reply",
        {"from_addr": Address("no-reply@shop.example"), "return_path": "no-reply@shop.example"},
        customer(Address("no-reply@shop.example")),
        {},
        {"robot-sender"},
    ),
    (
        "owner-*",
        {
            "from_addr": Address("owner-putket@lists.example"),
            "return_path": "owner-putket@lists.example",
        },
        customer(Address("owner-putket@lists.example")),
        {},
        {"robot-sender"},
    ),
    (
        "*-request",
        {
            "from_addr": Address("putket-request@lists.example"),
            "return_path": "putket-request@lists.example",
        },
        customer(Address("putket-request@lists.example")),
        {},
        {"robot-sender"},
    ),
    (
        "Sender *-bounces",
        {"sender": Address("putket-bounces@lists.example")},
        None,
        {},
        {"robot-sender"},
    ),
    (
        "own address as recipient",
        {"from_addr": Address("info@putkityo.fi"), "return_path": "info@putkityo.fi"},
        customer(Address("info@putkityo.fi")),
        {},
        {"own-address"},
    ),
    (
        "owner not in To/Cc (Bcc or list)",
        {"to": (Address("kaikki@example.org"),)},
        None,
        {},
        {"not-addressed"},
    ),
    (
        "dmarc=fail from the trusted authserv-id",
        {
            "headers": {
                "authentication-results": (
                    "MX.putkityo.fi (comment); spf=pass; dmarc=fail (p=reject) header.from=example.com",
                    "mx.putkityo.fi; dmarc=pass",
                )
            }
        },
        None,
        {},
        {"unverified"},
    ),
    ("no Return-Path", {"return_path": None}, None, {}, {"no-return-path"}),
    (
        "Return-Path of another organisation behind SRS",
        {"return_path": "SRS0=ab=cd=other.example.org=maija@fwd.example.net"},
        None,
        {},
        {"envelope-mismatch"},
    ),
    (
        "Reply-To elsewhere",
        {"reply_to": (Address("someone.else@example.org"),)},
        None,
        {},
        {"reply-to-elsewhere"},
    ),
    ("customer is not From", {}, customer(Address("other@example.com")), {}, {"customer-mismatch"}),
    ("own ack marker", {"headers": hdr(x_vasteaika_ack="1")}, None, {}, {"own-ack"}),
    (
        "form not on the allow-list",
        {
            "from_addr": Address("lomake@muu.example"),
            "return_path": "lomake@muu.example",
            "reply_to": (PEKKA,),
        },
        customer(PEKKA, via_form=True),
        {},
        {"form-not-allowed"},
    ),
    (
        "form without Reply-To",
        {"from_addr": FORM, "return_path": FORM.email},
        customer(PEKKA, via_form=True),
        {},
        {"form-reply-to"},
    ),
    (
        "form with two Reply-To",
        {
            "from_addr": FORM,
            "return_path": FORM.email,
            "reply_to": (PEKKA, Address("x@example.org")),
        },
        customer(PEKKA, via_form=True),
        {},
        {"form-reply-to"},
    ),
    (
        "form Reply-To is the owner",
        {"from_addr": FORM, "return_path": FORM.email, "reply_to": (Address(OWNER),)},
        customer(Address(OWNER), via_form=True),
        {},
        {"own-address"},
    ),
    (
        "form Reply-To is noreply",
        {
            "from_addr": FORM,
            "return_path": FORM.email,
            "reply_to": (Address("noreply@example.net"),),
        },
        customer(Address("noreply@example.net"), via_form=True),
        {},
        {"robot-sender"},
    ),
]

BAD_ADDRESSES = [
    "maija@@example.com",
    "maija meik@example.com",
    "a,b@example.com",
    "maija\r\n@example.com",
    "maija@localhost",
    '"maija"@example.com',
    "maija@exa mple.com",
    "maija.@example.com",
    "maija@-example.com",
]


@pytest.mark.parametrize(
    ("case", "msg_changes", "cls", "kw", "expected"), SKIPS, ids=[row[0] for row in SKIPS]
)
def test_never_acknowledged(
    case: str,
    msg_changes: dict[str, Any],
    cls: Classification | None,
    kw: dict[str, Any],
    expected: set[str],
) -> None:
    decision = run(make_msg(**msg_changes), cls, **kw)
    assert not decision.send
    assert decision.recipient is None
    assert codes(decision) == expected, decision.reasons


@pytest.mark.parametrize("bad", BAD_ADDRESSES)
def test_never_acknowledged_to_an_insane_address(bad: str) -> None:
    who = Address(bad)
    decision = run(make_msg(from_addr=who, return_path=bad), customer(who))
    assert not decision.send
    assert "bad-address" in codes(decision)


def test_every_reason_is_reported_at_once() -> None:
    msg = make_msg(received_at=NOW - timedelta(days=3), headers=hdr(precedence="bulk"))
    decision = run(msg, answered=True)
    assert codes(decision) == {"backlog", "answered", "precedence"}
    assert all(": " in reason for reason in decision.reasons)


def test_idn_domain_is_sent_as_ascii() -> None:
    who = Address("maija@yhtiö.fi", "Maija M")
    decision = run(make_msg(from_addr=who, return_path="maija@yhtiö.fi"), customer(who))
    assert decision.recipient == Address("maija@xn--yhti-8qa.fi", "Maija M")


def test_settings_are_validated() -> None:
    with pytest.raises(ConfigError) as caught:
        AckSettings(
            mode="send",
            owner_name="X",
            owner_address="not an address",
            once_per_days=0,
            subject_prefix="Re:\r\nBcc: x@y.fi ",
        )
    assert len(caught.value.problems) == 3


# --- build_ack ------------------------------------------------------------------------------


def build(msg: Message | None = None, recipient: Address = MAIJA, **kw: Any) -> bytes:
    args: dict[str, Any] = {
        "body": "Hei Maija,\n\nKiitos viestistäsi! Soitan sinulle tänään klo 15.\n",
        "settings": SETTINGS,
        "message_id_domain": "putkityo.fi",
        "now": NOW,
    }
    args.update(kw)
    return build_ack(msg or make_msg(), recipient, **args).as_bytes()


def parsed(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)


def header_lines(raw: bytes) -> list[str]:
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    return [line for line in head.split("\r\n") if line and not line[0].isspace()]


def raw_header(raw: bytes, name: str) -> str:
    """The header as serialized, folding included."""
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    found = re.search(rf"^{name}:.*?(?=\r\n\S|\Z)", head, re.MULTILINE | re.DOTALL)
    assert found, name
    return found.group(0)


def test_ack_headers() -> None:
    raw = build(make_msg(references=("root@example.com", "mid@example.com")))
    ack = parsed(raw)
    assert ack["From"] == "Tuomas Putkinen <tuomas@putkityo.fi>"
    assert ack["To"] == "Maija Meikäläinen <maija@example.com>"
    assert ack["Subject"] == "Re: Tarjouspyyntö: kylpyhuoneen putket"
    assert ack["Date"] == "Thu, 26 Nov 2026 12:00:00 +0200"
    assert re.fullmatch(r"<vasteaika-ack\.[0-9a-f]{32}@putkityo\.fi>", ack["Message-ID"])
    assert ack["In-Reply-To"] == "<CAF1234567@mail.example.com>"
    assert ack["References"] == (
        "<root@example.com> <mid@example.com> <CAF1234567@mail.example.com>"
    )
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["X-Auto-Response-Suppress"] == "All"
    assert ack["Precedence"] == "bulk"
    assert ack["X-Vasteaika-Ack"] == "1"
    assert ack.get_content_type() == "text/plain"
    assert ack.get_content_charset() == "utf-8"
    assert (
        ack.get_content().replace("\r\n", "\n")
        == "Hei Maija,\n\nKiitos viestistäsi! Soitan sinulle tänään klo 15.\n"
    )
    assert raw.isascii()  # RFC 2047 headers, quoted-printable body
    assert "=?utf-8?" in raw.decode("ascii").split("\r\n\r\n")[0]


def test_ack_without_precedence_and_with_auto_prefix() -> None:
    settings = replace(SETTINGS, precedence_bulk=False, subject_prefix="Auto: ")
    ack = parsed(build(settings=settings))
    assert "Precedence" not in ack
    assert ack["Subject"] == "Auto: Tarjouspyyntö: kylpyhuoneen putket"


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Re: Tarjous", "Re: Tarjous"),
        ("RE: Tarjous", "RE: Tarjous"),
        ("", "Kiitos viestistäsi / Tack för ditt meddelande / Thank you for your message"),
        ("x" * 300, "Re: " + "x" * 150),
        ("  Hei\t  hei  ", "Re: Hei hei"),
    ],
)
def test_ack_subject(original: str, expected: str) -> None:
    assert parsed(build(make_msg(subject=original)))["Subject"] == expected


def test_synthetic_id_gives_no_in_reply_to() -> None:
    ack = parsed(build(make_msg(synthetic_id=True, message_id="sha256-abc@vasteaika.invalid")))
    assert "In-Reply-To" not in ack and "References" not in ack


def test_long_outlook_ids_are_folded_not_encoded() -> None:
    long_id = "DB9PR07MB7771B3F1C8E0D1A5C0C2A3E9D1A2A@DB9PR07MB7771.eurprd07.prod.outlook.com"
    refs = tuple(f"{i}-{long_id}" for i in range(15))
    raw = build(make_msg(message_id=long_id, in_reply_to=(refs[-1],), references=refs))
    assert "=?" not in raw_header(raw, "In-Reply-To") + raw_header(raw, "References")
    ack = parsed(raw)
    assert ack["In-Reply-To"] == f"<{long_id}>"
    ids = ack["References"].split()
    assert ids[0] == f"<{refs[0]}>" and ids[-1] == f"<{long_id}>" and len(ids) == 10
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


def test_references_fall_back_to_in_reply_to() -> None:
    ack = parsed(build(make_msg(in_reply_to=("parent@example.com", "junk"))))
    assert ack["References"] == "<parent@example.com> <CAF1234567@mail.example.com>"


def test_hostile_subject_name_and_ids_cannot_inject_headers() -> None:
    evil = "Tarjous\r\nBcc: victim@example.com"
    msg = make_msg(
        subject=evil,
        message_id="abc@example.com>\r\nBcc: victim@example.com",
        references=("x@y.fi>\r\nBcc: victim@example.com",),
    )
    recipient = Address("maija@example.com", "Maija\r\nBcc: victim@example.com\nCc: v2@ex.com")
    settings = replace(SETTINGS, owner_name="Tuomas\r\nBcc: victim@example.com")
    raw = build(msg, recipient, settings=settings)
    names = [line.split(":", 1)[0].lower() for line in header_lines(raw)]
    assert names.count("to") == 1
    assert "bcc" not in names and "cc" not in names
    ack = parsed(raw)
    assert [a for _, a in getaddresses(ack.get_all("To", []))] == ["maija@example.com"]
    assert "\n" not in ack["Subject"] and "\r" not in ack["Subject"]
    assert ack["Subject"] == "Re: Tarjous Bcc: victim@example.com"
    assert "In-Reply-To" not in ack  # the id was not a valid message id


@pytest.mark.parametrize("bad", ["maija@@example.com", "a,b@example.com", OWNER])
def test_build_refuses_a_bad_or_own_recipient(bad: str) -> None:
    with pytest.raises(DataError):
        build(recipient=Address(bad))


def test_build_refuses_a_naive_now() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        build(now=datetime(2026, 11, 26, 12, 0))


# --- callback_phrase ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slot", "fi", "en"),
    [
        (datetime(2026, 11, 26, 15, 0, tzinfo=HEL), "tänään klo 15", "today at 15:00"),
        (datetime(2026, 11, 27, 10, 0, tzinfo=HEL), "huomenna klo 10", "tomorrow at 10:00"),
        (
            datetime(2026, 11, 30, 9, 0, tzinfo=HEL),
            "maanantaina 30.11. klo 9",
            "on Monday 30 November at 9:00",
        ),
        (
            datetime(2026, 11, 30, 9, 30, tzinfo=HEL),
            "maanantaina 30.11. klo 9.30",
            "on Monday 30 November at 9:30",
        ),
        (datetime(2026, 11, 26, 16, 5, tzinfo=HEL), "tänään klo 16.05", "today at 16:05"),
        (
            datetime(2026, 12, 2, 14, 0, tzinfo=HEL),
            "keskiviikkona 2.12. klo 14",
            "on Wednesday 2 December at 14:00",
        ),
        (
            datetime(2027, 1, 3, 12, 0, tzinfo=HEL),
            "sunnuntaina 3.1. klo 12",
            "on Sunday 3 January at 12:00",
        ),
    ],
)
def test_callback_phrase(slot: datetime, fi: str, en: str) -> None:
    assert callback_phrase(slot, NOW, "fi") == fi
    assert callback_phrase(slot, NOW, "en") == en


def test_callback_phrase_compares_days_in_the_slot_zone() -> None:
    now = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)  # already 27.11. 01:30 in Helsinki
    slot = datetime(2026, 11, 27, 10, 0, tzinfo=HEL)
    assert callback_phrase(slot, now, "fi") == "tänään klo 10"
    assert callback_phrase(slot, now, "en") == "today at 10:00"


def test_callback_phrase_refuses_a_past_day() -> None:
    with pytest.raises(ValueError):
        callback_phrase(datetime(2026, 11, 25, 10, 0, tzinfo=HEL), NOW, "fi")


# --- detect_language ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "body", "default", "expected"),
    [
        ("Tarjouspyyntö", "", "en", "fi"),
        ("Quote request", "", "fi", "en"),
        ("Hinta?", "", "en", "fi"),
        ("Kattoremontti", "", "fi", "fi"),
        ("Kattoremontti", "", "en", "en"),
        ("", "", "fi", "fi"),
        ("Re: 12345", "", "en", "en"),
        (
            "Vuotava hana",
            "Hei, keittiön hana vuotaa. Voisitteko tulla katsomaan ensi viikolla? Terveisin Maija",
            "en",
            "fi",
        ),
        (
            "Leaking tap",
            "Hi, the kitchen tap is leaking. Could you come and have a look next "
            "week? Best regards, John",
            "fi",
            "en",
        ),
        (
            "Question",
            "Hello! I would like a price for a new boiler.\n\n"
            "> Lähetetty iPhonesta: edellinen viesti lainattuna",
            "fi",
            "en",
        ),
        ("Putkiremontti", "Hei!\n\nSent from my iPhone", "en", "fi"),
        ("Help", "", "fi", "en"),
        ("Apua", "", "en", "fi"),
    ],
)
def test_detect_language(subject: str, body: str, default: Any, expected: str) -> None:
    assert detect_language(subject, body, default) == expected


# --- names and greetings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        ("Maija Meikäläinen", "Maija"),
        ("Meikäläinen, Maija", "Maija"),
        ('"Anna-Liisa Virtanen"', "Anna-Liisa"),
        ("MATTI VIRTANEN", "Matti"),
        ("", ""),
        ("Maija", ""),
        ("maija@example.com", ""),
        ("Putkityö Oy", ""),
        ("Asiakaspalvelu Firma", ""),
        ("R2D2 Robot", ""),
        ("Maija\r\nBcc: x@y.fi", ""),
        ("Maija\u202e Meikäläinen", "Maija"),
    ],
)
def test_first_name(display: str, expected: str) -> None:
    assert first_name(display) == expected


def test_greeting() -> None:
    assert greeting("Maija Meikäläinen", "fi") == "Hei Maija,"
    assert greeting("Maija Meikäläinen", "en") == "Hi Maija,"
    assert greeting("", "fi") == "Hei,"
    assert greeting("Firma Oy", "en") == "Hello,"


# --- templates ------------------------------------------------------------------------------

VALUES = {
    "greeting": "Hei Maija,",
    "callback": "tänään klo 15",
    "owner_name": "Tuomas",
    "signature": "Tuomas Putkinen\nPutkityö T. Putkinen, 040 123 4567",
}


def test_default_finnish_template_renders_the_promise() -> None:
    text = render_ack(load_template("ack", "fi", None), **VALUES)
    assert text == (
        "Hei Maija,\n\nKiitos viestistäsi! Soitan sinulle tänään klo 15.\n\n"
        "Ystävällisin terveisin\nTuomas Putkinen\n"
        "Putkityö T. Putkinen, 040 123 4567\n"
    )


def test_vacation_template() -> None:
    text = render_ack(
        load_template("vacation", "fi", None),
        vacation_until="1.12.",
        substitute="Pekka",
        **{**VALUES, "callback": "huomenna klo 10"},
    )
    assert "Olen lomalla 1.12. asti. Sijaiseni Pekka soittaa sinulle huomenna klo 10." in text


@pytest.mark.parametrize("name", ["ack", "vacation"])
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_shipped_templates_are_valid(name: Any, lang: Any) -> None:
    assert validate_template(load_template(name, lang, None), name=name) == []


def test_owner_override_wins(tmp_path: Path) -> None:
    (tmp_path / "ack_fi.txt").write_text(
        "$greeting\nSoitan $callback.\n$signature\n", encoding="utf-8"
    )
    assert load_template("ack", "fi", tmp_path).startswith("$greeting\nSoitan $callback.")
    assert "Thank you" in load_template("ack", "en", tmp_path)  # no override: the default


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_example_overrides_are_valid(lang: Any) -> None:
    text = load_template("ack", lang, EXAMPLES)
    assert text == (EXAMPLES / f"ack_{lang}.txt").read_text(encoding="utf-8")
    assert validate_template(text, name="ack") == []
    assert "tänään klo 15" in render_ack(text, **VALUES)


def test_unknown_placeholder_is_refused() -> None:
    problems = validate_template("$greeting\nSoitan $calback.\n$signature\n", name="ack")
    assert any("unknown placeholder $calback" in p and "$callback?" in p for p in problems)
    assert any("no $callback" in p for p in problems)
    with pytest.raises(DataError, match="calback"):
        render_ack("$greeting\nSoitan $calback.\n", **VALUES)


def test_lone_dollar_and_vacation_placeholders_in_an_ack() -> None:
    assert validate_template("Hinta 50 $ $callback", name="ack") == [
        "line 1: a '$' that starts no placeholder (write $$ for a dollar sign)"
    ]
    assert validate_template("Hinta 50 $$ $callback", name="ack") == []
    problems = validate_template("Lomalla $vacation_until asti, $callback", name="ack")
    assert len(problems) == 1 and "$vacation_until" in problems[0]


def test_render_with_a_missing_value_is_a_data_error() -> None:
    with pytest.raises(DataError, match="substitute"):
        render_ack("$greeting $substitute $callback", greeting="Hei,", callback="x")


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (timedelta(seconds=59), "0 min"),
        (timedelta(minutes=59, seconds=59), "59 min"),
        (timedelta(minutes=60), "1 h"),
        (timedelta(minutes=61), "1 h 1 min"),
        (timedelta(hours=47, minutes=59), "47 h 59 min"),
        (timedelta(hours=48), "2 days"),
        (timedelta(days=6, hours=23), "6 days"),
        (timedelta(days=7), "7 days"),
    ],
)
def test_durations_in_the_reasons_read_as_people_write_them(delta: timedelta, words: str) -> None:
    """The ages and periods `vasteaika why` shows in an acknowledgment's reasons."""
    from vasteaika.acks.decision import _duration

    assert _duration(delta) == words


def test_comments_in_headers_are_stripped_however_nested() -> None:
    from vasteaika.mail.authresults import strip_comments as _strip_comments

    assert _strip_comments("auto-replied (vacation (until (monday)))").split() == ["auto-replied"]
    assert _strip_comments("") == ""
