"""The reasons the owner is shown for not acknowledging a mail, word for word (issue 19).

``vasteaika why`` and the run's summary show these lines as they are: the code before the colon
is what tests and scripts match, the prose after it is what tells the owner which header, which
address or which setting stood in the way. A refusal that names the wrong header or address, or
none, leaves the owner guessing why a customer got no acknowledgment.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from vasteaika.acks.decision import AckDecision, AckSettings, decide
from vasteaika.models import Address, Classification, Kind, Message

HEL = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=HEL)  # a Thursday
OWNER = "tuomas@putkityo.fi"
SETTINGS = AckSettings(
    mode="send",
    owner_name="Tuomas Putkinen",
    owner_address=OWNER,
    owner_addresses=frozenset({"info@putkityo.fi"}),
    form_senders=("lomake@lomakepalvelu.example",),
    trusted_authserv_id="mx.putkityo.fi",
)
MAIJA = Address("maija@example.com", "Maija Meikäläinen")
PEKKA = Address("pekka@example.net", "Pekka")
FORM = Address("lomake@lomakepalvelu.example", "Verkkosivujen lomake")


def mail(**changes: Any) -> Message:
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
    return Message(**{**base, **changes})


def from_(who: Address, **changes: Any) -> Message:
    """A mail from ``who``, its envelope sender the same address."""
    return mail(from_addr=who, return_path=who.email, **changes)


def form_mail(reply_to: tuple[Address, ...] = (PEKKA,), **changes: Any) -> Message:
    return mail(from_addr=FORM, return_path=FORM.email, reply_to=reply_to, **changes)


def customer(who: Address | None = MAIJA, via_form: bool = False) -> Classification:
    return Classification(Kind.CUSTOMER, ("test",), customer=who, via_form=via_form)


def headers(**values: str | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    return {
        name.replace("_", "-"): value if isinstance(value, tuple) else (value,)
        for name, value in values.items()
    }


def decision(msg: Message, cls: Classification | None = None, **kw: Any) -> AckDecision:
    args: dict[str, Any] = {
        "now": NOW,
        "settings": SETTINGS,
        "answered": False,
        "conversation_acked": False,
        "last_ack_to_address_at": None,
    }
    return decide(msg, cls or customer(msg.from_addr), **{**args, **kw})


CASES: list[tuple[str, Message, Classification | None, dict[str, Any], tuple[str, ...]]] = [
    (
        "turned off",
        mail(),
        None,
        {"settings": replace(SETTINGS, mode="off")},
        ("off: acknowledgments are turned off (ack.mode = off)",),
    ),
    (
        "a list's mail",
        mail(),
        Classification(Kind.LIST, ("List-Id",)),
        {},
        ("not-customer: classified as list, not as a customer",),
    ),
    (
        "answered",
        mail(),
        None,
        {"answered": True},
        ("answered: you have already replied in this conversation",),
    ),
    (
        "conversation acknowledged",
        mail(),
        None,
        {"conversation_acked": True},
        ("conversation-acked: this conversation was already acknowledged",),
    ),
    (
        "acknowledged three days ago",
        mail(),
        None,
        {"last_ack_to_address_at": NOW - timedelta(days=3)},
        (
            "rate-limited: an acknowledgment went to this address 3 days ago;"
            " at most one per 7 days",
        ),
    ),
    (
        "acknowledged 6 days 23 hours ago, once in 7 days",
        mail(),
        None,
        {"last_ack_to_address_at": NOW - timedelta(days=6, hours=23)},
        (
            "rate-limited: an acknowledgment went to this address 6 days ago;"
            " at most one per 7 days",
        ),
    ),
    (
        "acknowledged 50 minutes ago, once a day",
        mail(),
        None,
        {
            "last_ack_to_address_at": NOW - timedelta(minutes=50),
            "settings": replace(SETTINGS, once_per_days=1),
        },
        (
            "rate-limited: an acknowledgment went to this address 50 min ago;"
            " at most one per 1 days",
        ),
    ),
    (
        "Auto-Submitted with a comment",
        mail(headers=headers(auto_submitted="auto-replied (vacation)")),
        None,
        {},
        ("auto-submitted: Auto-Submitted: auto-replied (vacation) marks a machine-sent mail",),
    ),
    (
        "two Auto-Submitted: the machine's is named, once",
        mail(headers=headers(auto_submitted=("no", "Auto-Generated", "auto-notified"))),
        None,
        {},
        ("auto-submitted: Auto-Submitted: Auto-Generated marks a machine-sent mail",),
    ),
    (
        "Precedence: bulk",
        mail(headers=headers(precedence=" Bulk ")),
        None,
        {},
        ("precedence: precedence says bulk/junk/list mail",),
    ),
    (
        "X-Precedence: auto_reply",
        mail(headers=headers(x_precedence="auto_reply")),
        None,
        {},
        ("precedence: x-precedence says bulk/junk/list mail",),
    ),
    (
        "list headers, named in order",
        mail(headers=headers(list_unsubscribe="<mailto:u@l.example>", list_id="<p.l.example>")),
        None,
        {},
        ("list: mailing-list header list-id, list-unsubscribe",),
    ),
    (
        "X-Auto-Response-Suppress",
        mail(headers=headers(x_auto_response_suppress="DR, OOF, RN, All")),
        None,
        {},
        (
            "auto-response-suppress: the sender asked for no automatic replies"
            " (X-Auto-Response-Suppress: all, oof)",
        ),
    ),
    (
        "X-Auto-Response-Suppress of read receipts only",
        mail(headers=headers(x_auto_response_suppress="DR, RN, NRN")),
        None,
        {},
        (),
    ),
    (
        "an Exchange inbox rule",
        mail(headers=headers(x_ms_exchange_inbox_rules_loop="maija@example.com")),
        None,
        {},
        ("exchange-rule-loop: sent by an Exchange inbox rule (loop risk)",),
    ),
    (
        "an empty envelope sender",
        mail(return_path=" <> "),
        None,
        {},
        ("bounce: the envelope sender is empty (Return-Path: <>)",),
    ),
    (
        "a delivery report",
        mail(content_type="multipart/report"),
        None,
        {},
        ("bounce: a delivery or read report (multipart/report)",),
    ),
    (
        "X-Failed-Recipients",
        mail(headers=headers(x_failed_recipients="x@example.org")),
        None,
        {},
        ("bounce: X-Failed-Recipients present",),
    ),
    (
        "MAILER-DAEMON in From and Return-Path",
        from_(Address("MAILER-DAEMON@mx.example.com")),
        None,
        {},
        (
            "bounce: From MAILER-DAEMON@mx.example.com is a mail system address",
            "bounce: Return-Path mailer-daemon@mx.example.com is a mail system address",
        ),
    ),
    (
        "a mail system Return-Path with a second @",
        mail(return_path="<mailer-daemon@relay@example.com>"),
        None,
        {},
        ("bounce: Return-Path mailer-daemon@relay@example.com is a mail system address",),
    ),
    (
        "postmaster as Sender",
        mail(sender=Address("postmaster@example.com")),
        None,
        {},
        ("bounce: Sender postmaster@example.com is a mail system address",),
    ),
    (
        "noreply in From and Return-Path",
        from_(Address("noreply@shop.example")),
        None,
        {},
        (
            "robot-sender: From noreply@shop.example is a no-reply or list address",
            "robot-sender: Return-Path noreply@shop.example is a no-reply or list address",
        ),
    ),
    (
        "a list's Sender",
        mail(sender=Address("putket-bounces@lists.example")),
        None,
        {},
        ("robot-sender: Sender putket-bounces@lists.example is a no-reply or list address",),
    ),
    (
        "a robot's display name",
        from_(Address("maija@example.com", "Do Not Reply")),
        None,
        {},
        ("robot-sender: the sender's name says 'do not reply'",),
    ),
    (
        "own acknowledgment by its header",
        mail(headers=headers(x_vasteaika_ack="1")),
        None,
        {},
        ("own-ack: this is an acknowledgment vasteaika sent (loop)",),
    ),
    (
        "own acknowledgment by its Message-ID",
        mail(message_id="vasteaika-ack.123@putkityo.fi"),
        None,
        {},
        ("own-ack: this is an acknowledgment vasteaika sent (loop)",),
    ),
    (
        "dmarc=fail from the owner's provider",
        mail(headers=headers(authentication_results="mx.putkityo.fi; dmarc=fail")),
        None,
        {},
        ("unverified: mx.putkityo.fi says dmarc=fail (the sender may be forged)",),
    ),
    (
        "no Return-Path",
        mail(return_path=None),
        None,
        {},
        (
            "no-return-path: no Return-Path, so the real sender is unknown"
            " (RFC 3834 §4: don't guess)",
        ),
    ),
    (
        "another organisation's envelope",
        mail(return_path="<kampanja@other.example.org>"),
        None,
        {},
        (
            "envelope-mismatch: Return-Path kampanja@other.example.org is neither the From"
            " address maija@example.com nor of its organisation, and mx.putkityo.fi did not"
            " say dmarc=pass for it",
        ),
    ),
    (
        "another organisation's envelope, no provider trusted",
        mail(return_path="kampanja@other.example.org"),
        None,
        {"settings": replace(SETTINGS, trusted_authserv_id=None)},
        (
            "envelope-mismatch: Return-Path kampanja@other.example.org is neither the From"
            " address maija@example.com nor of its organisation"
            " (no trusted Authentication-Results: ack.authserv_id)",
        ),
    ),
    (
        "Reply-To elsewhere",
        mail(reply_to=(MAIJA, Address("toinen@example.org"))),
        None,
        {},
        ("reply-to-elsewhere: Reply-To points to another address",),
    ),
    (
        "the customer is someone else than From",
        mail(),
        customer(Address("Other@example.com")),
        {},
        ("customer-mismatch: the customer is not the From address",),
    ),
    (
        "not addressed to the owner",
        mail(to=(Address("kaikki@example.org"),), cc=(Address("tuomas@putkityo.example"),)),
        None,
        {},
        ("not-addressed: none of your addresses is in To or Cc (a Bcc copy, a list or a forward)",),
    ),
    (
        "the owner's own address as sender",
        from_(Address("Info@Putkityo.fi")),
        None,
        {},
        ("own-address: Info@Putkityo.fi is your own address",),
    ),
    (
        "an address no one can write to",
        from_(Address("maija meik@example.com")),
        None,
        {},
        (
            "bad-address: maija meik@example.com: the part before @ has characters that are"
            " not allowed (space, comma, quote …)",
        ),
    ),
    (
        "a form not on the list",
        mail(
            from_addr=Address("lomake@muu.example"),
            return_path="lomake@muu.example",
            reply_to=(PEKKA,),
        ),
        customer(PEKKA, via_form=True),
        {},
        (
            "form-not-allowed: lomake@muu.example is neither at your own domain nor one of"
            " your contact forms (form_senders)",
        ),
    ),
    (
        "a form without Reply-To",
        form_mail(reply_to=()),
        customer(PEKKA, via_form=True),
        {},
        ("form-reply-to: a contact form mail needs exactly one Reply-To, this one has 0",),
    ),
    (
        "a form with two Reply-To",
        form_mail(reply_to=(PEKKA, MAIJA)),
        customer(PEKKA, via_form=True),
        {},
        ("form-reply-to: a contact form mail needs exactly one Reply-To, this one has 2",),
    ),
    (
        "a form whose customer is not its Reply-To",
        form_mail(),
        customer(MAIJA, via_form=True),
        {},
        ("customer-mismatch: the customer is not the Reply-To person",),
    ),
    (
        "a form without a customer",
        form_mail(),
        customer(None, via_form=True),
        {},
        ("bad-address: the customer's address is unknown",),
    ),
    (
        "a form whose Reply-To is the owner",
        form_mail(reply_to=(Address(OWNER),)),
        customer(Address(OWNER), via_form=True),
        {},
        ("own-address: tuomas@putkityo.fi is your own address",),
    ),
    (
        "a form whose Reply-To is a no-reply address",
        form_mail(reply_to=(Address("No-Reply@example.net"),)),
        customer(Address("No-Reply@example.net"), via_form=True),
        {},
        ("robot-sender: No-Reply@example.net is a no-reply or system address",),
    ),
    (
        "a form whose Reply-To is a list's owner address",
        form_mail(reply_to=(Address("owner-putket@lists.example"),)),
        customer(Address("owner-putket@lists.example"), via_form=True),
        {},
        ("robot-sender: owner-putket@lists.example is a no-reply or system address",),
    ),
    (
        "a form whose Reply-To says no-reply inside its name",
        form_mail(reply_to=(Address("ilmoitukset-noreply@kauppa.example"),)),
        customer(Address("ilmoitukset-noreply@kauppa.example"), via_form=True),
        {},
        ("robot-sender: ilmoitukset-noreply@kauppa.example is a no-reply or system address",),
    ),
]


@pytest.mark.parametrize(("case", "msg", "cls", "kw", "reasons"), CASES, ids=[c[0] for c in CASES])
def test_the_owner_is_told_why_word_for_word(
    case: str, msg: Message, cls: Classification | None, kw: dict[str, Any],
    reasons: tuple[str, ...],
) -> None:  # fmt: skip
    made = decision(msg, cls, **kw)
    assert made.reasons == reasons
    assert made.send is (reasons == ())
    assert (made.recipient is None) is (reasons != ())


def test_every_reason_at_once_in_the_order_the_rules_are_read() -> None:
    msg = from_(
        Address("noreply@shop.example"),
        received_at=NOW - timedelta(days=3),
        date=NOW - timedelta(days=3),
        headers=headers(precedence="list", list_id="<x.example>"),
        to=(Address("kaikki@example.org"),),
    )
    made = decision(msg, Classification(Kind.LIST, ("x",), customer=None), answered=True)
    assert made == AckDecision(
        False,
        None,
        (
            "not-customer: classified as list, not as a customer",
            "backlog: arrived 3 days ago; only mail younger than 2 h is acknowledged",
            "answered: you have already replied in this conversation",
            "precedence: precedence says bulk/junk/list mail",
            "list: mailing-list header list-id",
            "robot-sender: From noreply@shop.example is a no-reply or list address",
            "robot-sender: Return-Path noreply@shop.example is a no-reply or list address",
            "not-addressed: none of your addresses is in To or Cc"
            " (a Bcc copy, a list or a forward)",
        ),
    )


def test_unaligned_list_envelope_is_named_twice_and_an_aligned_one_not_at_all() -> None:
    """A list's bounce address of the sender's own organisation is their mailing service, not a
    robot; the same name at another organisation is one, and not the sender's envelope."""
    assert decision(mail(return_path="owner-maija@example.com")).send
    assert decision(mail(return_path="bounces+123@example.com")).send
    assert decision(mail(return_path="owner-maija@lists.other.example")).reasons == (
        "robot-sender: Return-Path owner-maija@lists.other.example is a no-reply or list address",
        "envelope-mismatch: Return-Path owner-maija@lists.other.example is neither the From"
        " address maija@example.com nor of its organisation, and mx.putkityo.fi did not say"
        " dmarc=pass for it",
    )


MAIJA_SENT = AckDecision(True, MAIJA, ())
PEKKA_SENT = AckDecision(True, PEKKA, ())
DMARC_PASS = headers(authentication_results="mx.putkityo.fi; dmarc=pass header.from=example.com")

STILL_SENT: list[tuple[str, Message, Classification | None, dict[str, Any], AckDecision]] = [
    (
        "DMARC passed: another organisation's envelope is the sender's mailing service",
        mail(return_path="owner-maija@lists.other.example", headers=DMARC_PASS),
        None,
        {},
        MAIJA_SENT,
    ),
    (
        "forwarded to the owner (Resent-To)",
        mail(
            to=(Address("kaikki@example.org"),),
            headers=headers(resent_to="Tuomas <TUOMAS@putkityo.fi>"),
        ),
        None,
        {},
        MAIJA_SENT,
    ),
    (
        "forwarded to an alias (Resent-Cc)",
        mail(to=(Address("kaikki@example.org"),), headers=headers(resent_cc="info@putkityo.fi")),
        None,
        {},
        MAIJA_SENT,
    ),
    (
        "the owner's alias in Cc, in capitals",
        mail(to=(Address("kaikki@example.org"),), cc=(Address("Info@PutkiTyo.fi"),)),
        None,
        {},
        MAIJA_SENT,
    ),
    (
        "Reply-To the same address in other letters",
        mail(reply_to=(Address("Maija@Example.COM"),)),
        None,
        {},
        MAIJA_SENT,
    ),
    (
        "the customer in other letters",
        mail(),
        customer(Address("MAIJA@example.com")),
        {},
        MAIJA_SENT,
    ),
    (
        "an envelope with spaces and brackets",
        mail(return_path="  < Maija@Example.com >  "),
        None,
        {},
        MAIJA_SENT,
    ),
    ("an envelope with one bracket", mail(return_path="<maija@example.com"), None, {}, MAIJA_SENT),
    (
        "Auto-Submitted: no, with a comment",
        mail(headers=headers(auto_submitted="No (a human)")),
        None,
        {},
        MAIJA_SENT,
    ),
    (
        "Auto-Submitted: no, with a parameter",
        mail(headers=headers(auto_submitted="no; x=y")),
        None,
        {},
        MAIJA_SENT,
    ),
    (
        "a Sender spelled post.master is a person's",
        mail(sender=Address("post.master@example.com")),
        None,
        {},
        MAIJA_SENT,
    ),
    (
        "the last acknowledgment exactly once_per_days ago",
        mail(),
        None,
        {"last_ack_to_address_at": NOW - timedelta(days=7)},
        MAIJA_SENT,
    ),
    (
        "a form's Reply-To in other letters",
        form_mail(reply_to=(Address("Pekka@Example.net"),)),
        customer(PEKKA, via_form=True),
        {},
        PEKKA_SENT,
    ),
    (
        "a form listed in other letters",
        form_mail(),
        customer(PEKKA, via_form=True),
        {"settings": replace(SETTINGS, form_senders=("Lomake@LomakePalvelu.example",))},
        PEKKA_SENT,
    ),
    (
        "a form at the owner's own domain",
        mail(from_addr=Address("wp@putkityo.fi"), return_path="wp@putkityo.fi", reply_to=(PEKKA,)),
        customer(PEKKA, via_form=True),
        {},
        PEKKA_SENT,
    ),
]


@pytest.mark.parametrize(
    ("case", "msg", "cls", "kw", "expected"), STILL_SENT, ids=[c[0] for c in STILL_SENT]
)
def test_still_acknowledged(
    case: str, msg: Message, cls: Classification | None, kw: dict[str, Any], expected: AckDecision
) -> None:
    assert decision(msg, cls, **kw) == expected


def test_a_second_less_than_once_per_days_is_too_soon() -> None:
    made = decision(mail(), last_ack_to_address_at=NOW - timedelta(days=7, seconds=-1))
    assert made.reasons == (
        "rate-limited: an acknowledgment went to this address 6 days ago; at most one per 7 days",
    )


def test_a_form_at_a_freemail_domain_is_no_form_of_the_owner_at_the_same_freemail() -> None:
    """Owners on gmail.com: a form relaying from gmail.com is anybody's, not theirs."""
    msg = mail(from_addr=Address("lomake@gmail.com"), return_path="lomake@gmail.com",
               reply_to=(PEKKA,))  # fmt: skip
    owner_on_gmail = replace(SETTINGS, owner_addresses=frozenset({"tuomas.putkinen@gmail.com"}))
    assert decision(msg, customer(PEKKA, via_form=True), settings=owner_on_gmail).reasons == (
        "form-not-allowed: lomake@gmail.com is neither at your own domain nor one of your"
        " contact forms (form_senders)",
    )


def test_the_recipient_name_is_one_clean_line_of_at_most_100_characters() -> None:
    made = decision(from_(Address("maija@example.com", "Maija\r\nBcc: x@y.fi " + "x" * 120)))
    assert made.recipient is not None
    assert made.recipient.name == "Maija Bcc: x@y.fi " + "x" * 82


def test_a_long_auto_submitted_value_is_shown_cut_on_one_line() -> None:
    value = "auto-generated " + "y" * 100 + "\r\nBcc: x"
    assert decision(mail(headers=headers(auto_submitted=value))).reasons == (
        f"auto-submitted: Auto-Submitted: auto-generated {'y' * 45} marks a machine-sent mail",
    )


def test_the_whole_mail_is_read_when_given() -> None:
    out_of_office = b"Subject: x\n\nOlen lomalla 1.12. asti.\n"
    assert decision(mail(), content=out_of_office).reasons == (
        "out-of-office: the text opens like an out-of-office reply",
    )
    assert decision(mail(), content=b"Subject: x\n\nVoisitteko tehda tarjouksen?\n").send


def test_a_clock_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^now must be timezone-aware$"):
        decision(mail(), now=NOW.replace(tzinfo=None))


OWN_FORM = mail(from_addr=Address("info@putkityo.fi", "Verkkosivut"),
                return_path="info@putkityo.fi", reply_to=(PEKKA,))  # fmt: skip
OWN_FORM_REFUSED = (
    "own-address: info@putkityo.fi is your own address, and the text has no contact form's"
    " fields (a message and another)",
)


def test_a_note_from_the_owners_own_address_is_no_form() -> None:
    """The owner's own mail with a Reply-To (a note to self, a forward) reads like a form from
    the owner's address: only a form's fields in its text make it a customer's."""
    pekka_form = customer(PEKKA, via_form=True)
    note = b"Subject: x\n\nMuista soittaa Pekalle.\n"
    assert decision(OWN_FORM, pekka_form, content=note).reasons == OWN_FORM_REFUSED
    assert decision(OWN_FORM, pekka_form).reasons == OWN_FORM_REFUSED
    fields = b"Subject: x\n\nNimi: Pekka\nViesti: Soittakaa\n"
    assert decision(OWN_FORM, pekka_form, content=fields) == PEKKA_SENT


def test_a_long_bad_address_is_shown_cut_at_80_characters() -> None:
    bad = "a" * 70 + " b@example.com"
    assert decision(from_(Address(bad))).reasons == (
        f"bad-address: {'a' * 70} b@example: the part before @ has characters that are not"
        " allowed (space, comma, quote …)",
    )


class _NoOffset(tzinfo):
    """A zone that cannot say its offset: as good as none."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


def test_a_clock_whose_zone_has_no_offset_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^now must be timezone-aware$"):
        decision(mail(), now=NOW.replace(tzinfo=_NoOffset()))
