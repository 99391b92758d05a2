"""classify() at its edges: each test holds a rule whose breaking mutation testing showed no other
test noticed (issue 19, benchmarks/mutation.py). A machine's mail read as a customer's gets an
acknowledgment; a customer's read as a machine's is never counted or acknowledged."""

from __future__ import annotations

import re

import pytest

from test_classify import kind_of, mail
from vasteaika.mail import robot_words
from vasteaika.mail.classify import HeaderRule, _literals
from vasteaika.models import Kind


def test_auto_submitted_no_with_a_parameter_is_a_human_mail() -> None:
    # RFC 3834 §5: the keyword comes before the first ";", parameters may follow at once.
    assert kind_of("Auto-Submitted: no;by=hand").kind is Kind.CUSTOMER


def test_an_exchange_out_of_office_is_named_in_the_reason() -> None:
    # Outlook may write the tokens without spaces; "All" among them is the OOF's.
    cls = kind_of(
        "X-MS-Exchange-Inbox-Rules-Loop: a@example.com", "X-Auto-Response-Suppress: DR,All"
    )
    assert cls.kind is Kind.AUTO_REPLY
    assert cls.reasons == (
        "X-MS-Exchange-Inbox-Rules-Loop with X-Auto-Response-Suppress: All (Exchange OOF, B9)",
    )


def test_a_long_header_value_is_shown_cut_to_eighty_characters() -> None:
    value = "auto-generated " + "x" * 100
    [reason] = kind_of(f"Auto-Submitted: {value}").reasons
    assert reason == f"Auto-Submitted: {value[:80]} (RFC 3834)"


def test_a_header_rule_reads_its_header_in_any_letter_case() -> None:
    # The rules are built when classify is imported; here one of them is built again as they
    # are: the header's name and its value match whatever their letter case.
    header, pattern, why = robot_words.SPAM_HEADERS[0]  # X-Spam-Flag: yes
    rule = HeaderRule(header, pattern, Kind.ROBOT, why)
    assert rule.check(mail("X-SPAM-FLAG:  YES ")) == (Kind.ROBOT, f"X-Spam-Flag: YES ({why})")
    assert rule.check(mail("X-Spam-Flag: yes, maybe")) is None
    assert rule.check(mail()) is None  # a mail without the header


def test_literals_are_matched_as_written_and_the_longest_first() -> None:
    # A subject "Automatic reply: …" must not stop at the shorter "Auto…" entry, and a "." in
    # a word is a dot.
    alternation = re.compile(_literals(["auto", "automatic reply", "out.of"]))
    found = alternation.match("automatic reply: poissa")
    assert found is not None and found[0] == "automatic reply"
    assert alternation.fullmatch("out.of")
    assert not alternation.fullmatch("outxof")


FORM_FROM_OWNER = ("From: owner@shop.fi", "Reply-To: Asiakas <asiakas@example.com>")


def test_a_form_from_the_owners_own_address_may_go_to_all_their_addresses() -> None:
    # The site's form mails From the admin address to every address of the owner's.
    cls = kind_of(*FORM_FROM_OWNER, "To: owner@shop.fi, myynti@shop.fi")
    assert (cls.kind, cls.via_form) == (Kind.CUSTOMER, True)
    assert cls.customer is not None and cls.customer.email == "asiakas@example.com"


def test_the_owners_mail_in_a_thread_is_never_a_form() -> None:
    # The owner's own mail to themselves with a customer as Reply-To, inside a conversation
    # (only References, or only In-Reply-To): the owner's, not a new customer to acknowledge.
    for thread in ("References: <q1@example.com>", "In-Reply-To: <q1@example.com>"):
        cls = kind_of(*FORM_FROM_OWNER, "To: owner@shop.fi", thread)
        assert (cls.kind, cls.via_form) == (Kind.OWNER, False)


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        (("From: ala-vastaa@kauppa.example",),
         "From: ala-vastaa@kauppa.example (noreply-style sender 'alavastaa', B5)"),
        (("From: =?utf-8?q?=C3=84l=C3=A4_vastaa?= <info@kauppa.example>",),
         "From: Älä vastaa (display name says 'ala vastaa')"),
        (("From: security@facebookmail.com",),
         "From: security@facebookmail.com (platform notification sender @facebookmail.com)"),
        (("Content-Type: text/calendar; method=REQUEST",),
         "Content-Type: text/calendar (meeting invitation or response)"),
        (("From: info@kauppa.example", "To: owner@shop.fi",
          "Return-Path: <bounces+123-owner=shop.fi@em1.kauppa.example>"),
         "From: info@kauppa.example is a shop's role address, and its envelope names the"
         " recipient owner@shop.fi: a sending platform's mail"),
    ],
)  # fmt: skip
def test_a_machine_sender_without_any_header_saying_so_is_a_robot_with_its_reason(
    lines: tuple[str, ...], reason: str
) -> None:
    # A do-not-reply in Finnish, a display name, a platform's notifications, a meeting
    # invitation, a webshop's mail through a sending platform: none gets an acknowledgment.
    assert kind_of(*lines).reasons == (reason,)
    assert kind_of(*lines).kind is Kind.ROBOT


def test_an_ignored_domain_written_with_at_covers_its_subdomains() -> None:
    cls = kind_of("From: laskutus@mail.supplier.example", ignore=("@Supplier.example",))
    assert cls.kind is Kind.IGNORED
    assert cls.reasons == (
        "From: laskutus@mail.supplier.example is on the ignore list (@Supplier.example)",
    )
