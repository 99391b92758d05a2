"""The ack decision's issue-12 rules, one literal case each: every new way to send (BATV, SRS,
organisational envelope, form services) still refuses its robot variant, and the new refusals
(out-of-office, calendar, platform, broadcast, a reply to our own ack) name themselves."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from test_acknowledge import MAIJA, SETTINGS, codes, customer, make_msg, run
from vasteaika.models import Address

ROBOT = Address("ala-vastaa@kela.example", "Kela")
CALENDAR_MAIL = (
    b"From: maija@example.com\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
    b"--b\r\nContent-Type: text/plain\r\n\r\nHei\r\n"
    b"--b\r\nContent-Type: text/calendar\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n"
    b"--b--\r\n"
)


def _text(body: str) -> bytes:
    return (
        f"From: maija@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}".encode()
    )


@pytest.mark.parametrize(
    "return_path",
    [
        "prvs=0a1b2c3d=maija@example.com",
        "maija=prvs=0a1b2c3d@example.com",
        "SRS0=ab=cd=example.com=maija@forward.example.fi",
        "bounce+7f3a.maija=example.com@bounces.example.com",
        "maija@mail.example.com",
    ],
)
def test_an_aligned_envelope_is_the_customers_own(return_path: str) -> None:
    assert run(make_msg(return_path=return_path)).send


@pytest.mark.parametrize(
    ("return_path", "expected"),
    [
        ("prvs=77aa=ala-vastaa@kela.example", {"robot-sender"}),
        ("SRS0=ab=cd=kela.example=ala-vastaa@forward.example.fi", {"robot-sender"}),
        ("ei-vastausta@kela.example", {"robot-sender"}),
    ],
)
def test_the_robot_variant_of_every_aligned_envelope_is_refused(
    return_path: str, expected: set[str]
) -> None:
    decision = run(make_msg(from_addr=ROBOT, return_path=return_path), customer(ROBOT))
    assert not decision.send and expected <= codes(decision), decision.reasons


def test_a_customer_with_a_no_reply_envelope_of_its_own_company_is_refused() -> None:
    decision = run(make_msg(return_path="noreply@example.com"))
    assert not decision.send and codes(decision) == {"robot-sender"}


def test_another_organisation_and_the_null_sender_are_still_refused() -> None:
    assert codes(run(make_msg(return_path="x91@mailer-srv.example"))) == {"envelope-mismatch"}
    assert "bounce" in codes(run(make_msg(return_path="")))


def test_a_form_service_lead_with_a_no_reply_person_is_refused() -> None:
    relay = Address("noreply@jotform.com", "Jotform")
    who = Address("Ala_Vastaa@kauppa.example")
    msg = make_msg(from_addr=relay, return_path="noreply@jotform.com", reply_to=(who,))
    allowed = replace(SETTINGS, form_senders=("noreply@jotform.com",))
    decision = run(msg, customer(who, via_form=True), settings=allowed)
    assert not decision.send and codes(decision) == {"robot-sender"}, decision.reasons
    person = Address("sari@example.fi")
    msg = make_msg(from_addr=relay, return_path="noreply@jotform.com", reply_to=(person,))
    assert run(msg, customer(person, via_form=True), settings=allowed).send


@pytest.mark.parametrize(
    ("changes", "content", "expected"),
    [
        ({"subject": "Lomavastaaja: Re: Tarjous"}, None, {"out-of-office"}),
        ({"subject": "Frånvaromeddelande"}, None, {"out-of-office"}),
        ({}, _text("Olen lomalla 4.8. asti enkä lue sähköpostiani."), {"out-of-office"}),
        ({}, _text("Jag är på semester till och med måndag."), {"out-of-office"}),
        ({"subject": "Hyväksytty: Katselmus"}, None, {"calendar"}),
        ({"subject": "Accepted: Site visit"}, None, {"calendar"}),
        ({}, CALENDAR_MAIL, {"calendar"}),
        ({"in_reply_to": ("vasteaika-ack.0b1c@putkityo.fi",)}, None, {"reply-to-ack"}),
        ({"references": ("a@b", "vasteaika-ack.0b1c@putkityo.fi")}, None, {"reply-to-ack"}),
        ({}, _text("Hei, tähän viestiin ei voi vastata."), {"robot-sender"}),
    ],
)
def test_new_refusals(changes: dict[str, Any], content: bytes | None, expected: set[str]) -> None:
    decision = run(make_msg(**changes), content=content)
    assert not decision.send and codes(decision) == expected, decision.reasons


def test_a_broadcast_is_refused_and_a_few_recipients_are_not() -> None:
    many = tuple(Address(f"naapuri{i}@example.org") for i in range(6))
    owner = make_msg().to
    assert codes(run(make_msg(to=owner + many))) == {"broadcast"}
    assert run(make_msg(to=owner + many[:5])).send


def test_a_platform_sender_is_refused() -> None:
    tori = Address("viestit@tori.fi")
    decision = run(make_msg(from_addr=tori, return_path="viestit@tori.fi"), customer(tori))
    assert codes(decision) == {"platform"}


def test_a_customer_forwarding_a_do_not_reply_notice_is_answered() -> None:
    body = "Mitä tämä tarkoittaa?\n\n---------- Forwarded message ---------\nÄlä vastaa tähän viestiin."
    assert run(content=_text(body)).send
    assert run(content=_text("Hei!\n> Älä vastaa tähän viestiin.\nSoitatteko?")).send


def test_mail_to_an_alias_listed_in_owner_addresses_is_addressed() -> None:
    assert run(make_msg(to=(Address("info@putkityo.fi"),))).send
    assert codes(run(make_msg(to=(Address("joku@muualla.example"),)))) == {"not-addressed"}


def test_mail_to_a_colleague_at_the_owners_domain_is_not_addressed_to_the_owner() -> None:
    """A subcontractor's or a colleague's mailbox at the owner's domain is not the owner's: the
    owner's copy (Bcc, a forward) of a customer's mail to them gets no ack in the owner's name."""
    colleague = make_msg(to=(Address("pekka@putkityo.fi", "Pekka (alihankkija)"),))
    assert codes(run(colleague)) == {"not-addressed"}
    assert MAIJA.email == "maija@example.com"
