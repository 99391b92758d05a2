"""The acknowledgment's decision and outbox at their edges: each test holds a rule whose
breaking mutation testing showed no other test noticed (issue 19, benchmarks/mutation.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from test_acknowledge import NOW, SETTINGS, codes, customer, hdr, make_msg, run
from vasteaika.models import Address


def test_a_mail_resent_to_the_owner_in_cc_is_addressed_to_them() -> None:
    resent = make_msg(
        to=(Address("vanha@example.org"),),
        headers=hdr(resent_to="Liisa <liisa@example.org>", resent_cc="info@putkityo.fi"),
    )
    assert run(resent).send


def test_an_envelope_mismatch_without_trusted_results_names_the_setting_to_fix() -> None:
    settings = replace(SETTINGS, trusted_authserv_id=None)
    # The envelope as the owner can compare it: without its brackets, in lower case.
    decision = run(make_msg(return_path=" <Maija.M@Mailer.Example.NET> "), settings=settings)
    [reason] = decision.reasons
    assert reason == (
        "envelope-mismatch: Return-Path maija.m@mailer.example.net is neither the From address"
        " maija@example.com nor of its organisation"
        " (no trusted Authentication-Results: ack.authserv_id)"
    )


def test_the_domain_of_an_address_is_after_its_last_at() -> None:
    # A quoted local part may hold an @ (RFC 5322): the owner's address inside one, at another
    # domain, is not the owner's (only [owner] addresses are), and the form relay's domain is
    # the one after the last @.
    owner_in_quotes = make_msg(to=(Address('"info@putkityo.fi"@example.net'),))
    assert "not-addressed" in codes(run(owner_in_quotes))
    pekka = Address("pekka@example.net", "Pekka Virtanen")
    form = make_msg(
        from_addr=Address('"lomake@gmail.com"@putkityo.fi'),
        return_path="lomake@putkityo.fi",
        reply_to=(pekka,),
    )
    assert "form-not-allowed" not in codes(run(form, customer(pekka, via_form=True)))


def test_dmarc_pass_lets_a_customer_write_through_a_sending_service() -> None:
    # The service's own envelope (bounces@…) is its bounce handling, not a robot sender, once
    # the owner's provider says the From domain passed DMARC.
    via_service = make_msg(
        return_path="bounces@mail.esp.example.net",
        headers=hdr(
            authentication_results="mx.putkityo.fi; spf=pass; dmarc=pass header.from=example.com"
        ),
    )
    assert run(via_service).send
    unverified = replace(via_service, headers={})
    assert {"robot-sender", "envelope-mismatch"} <= codes(run(unverified))


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^now must be timezone-aware$"):
        run(now=NOW.replace(tzinfo=None))


def test_once_per_days_later_the_next_acknowledgment_may_go() -> None:
    # "At most one per 7 days": seven days after the last one, the customer may have another.
    assert run(last_ack_to_address_at=NOW - timedelta(days=7)).send


def test_auto_submitted_no_with_a_parameter_is_a_human_mail() -> None:
    # RFC 3834 §5: the keyword comes before the first ";", parameters may follow at once.
    assert run(make_msg(headers=hdr(auto_submitted="No;by=hand"))).send


def test_a_long_auto_submitted_value_is_shown_cut_to_sixty_characters() -> None:
    value = "auto-generated; " + "x" * 200
    [reason] = run(make_msg(headers=hdr(auto_submitted=value))).reasons
    assert reason == f"auto-submitted: Auto-Submitted: {value[:60]} marks a machine-sent mail"


@pytest.mark.parametrize("name", ["precedence", "x-precedence"])
def test_a_bulk_precedence_is_refused_with_the_header_named(name: str) -> None:
    [reason] = run(make_msg(headers={name: ("Bulk",)})).reasons
    assert reason == f"precedence: {name} says bulk/junk/list mail"


def test_auto_response_suppress_tokens_without_spaces_are_each_read() -> None:
    [reason] = run(make_msg(headers=hdr(x_auto_response_suppress="DR,OOF,AutoReply"))).reasons
    assert reason == (
        "auto-response-suppress: the sender asked for no automatic replies"
        " (X-Auto-Response-Suppress: autoreply, oof)"
    )


def test_every_mailing_list_header_is_named() -> None:
    headers = {**hdr(list_id="<talo.lists.example>"), **hdr(list_unsubscribe="<mailto:u@x>")}
    [reason] = run(make_msg(headers=headers)).reasons
    assert reason == "list: mailing-list header list-id, list-unsubscribe"


def test_an_exchange_inbox_rule_is_refused_as_a_loop_risk() -> None:
    looped = make_msg(headers=hdr(x_ms_exchange_inbox_rules_loop="maija@example.com"))
    assert run(looped).reasons == ("exchange-rule-loop: sent by an Exchange inbox rule (loop risk)",)


def test_a_no_reply_sender_header_is_named_in_the_reason() -> None:
    sent_by = make_msg(sender=Address("noreply@example.com"))
    assert run(sent_by).reasons == (
        "robot-sender: Sender noreply@example.com is a no-reply or list address",
    )


def test_a_no_reply_from_is_named_in_the_reason() -> None:
    robot = make_msg(from_addr=Address("noreply@example.com"), return_path="noreply@example.com")
    assert "robot-sender: From noreply@example.com is a no-reply or list address" in (
        run(robot, customer(Address("noreply@example.com"))).reasons
    )


def test_a_no_reply_display_name_is_quoted_in_the_reason() -> None:
    named = make_msg(from_addr=Address("maija@example.com", "Do Not Reply"))
    assert run(named).reasons == ("robot-sender: the sender's name says 'do not reply'",)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"return_path": "<>"}, "bounce: the envelope sender is empty (Return-Path: <>)"),
        ({"headers": hdr(x_failed_recipients="x@example.org")}, "bounce: X-Failed-Recipients present"),
        ({"sender": Address("MAILER-DAEMON@mx.example.com")},
         "bounce: Sender MAILER-DAEMON@mx.example.com is a mail system address"),
        ({"return_path": "postmaster@example.com"},
         "bounce: Return-Path postmaster@example.com is a mail system address"),
    ],
)  # fmt: skip
def test_a_bounce_is_refused_with_the_reason_the_owner_reads(
    changes: dict[str, object], reason: str
) -> None:
    assert reason in run(make_msg(**changes)).reasons


def test_a_bounce_from_the_mail_system_names_its_from() -> None:
    daemon = Address("mailer-daemon@mx.example.com")
    reasons = run(make_msg(from_addr=daemon, return_path=""), customer(daemon)).reasons
    assert "bounce: From mailer-daemon@mx.example.com is a mail system address" in reasons


def test_our_own_acknowledgment_is_known_by_its_message_id_alone() -> None:
    # A copy whose X-Vasteaika-Ack header was stripped on the way (a forward, a filter).
    copy = make_msg(message_id="vasteaika-ack.20261126T1200.ab12@putkityo.fi")
    assert "own-ack" in codes(run(copy))
