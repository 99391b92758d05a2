"""The acknowledgment's decision and outbox at their edges: each test holds a rule whose
breaking mutation testing showed no other test noticed (issue 19, benchmarks/mutation.py)."""

from __future__ import annotations

from dataclasses import replace

from test_acknowledge import SETTINGS, codes, customer, hdr, make_msg, run
from vasteaika.models import Address


def test_a_mail_resent_to_the_owner_in_cc_is_addressed_to_them() -> None:
    resent = make_msg(
        to=(Address("vanha@example.org"),),
        headers=hdr(resent_to="Liisa <liisa@example.org>", resent_cc="info@putkityo.fi"),
    )
    assert run(resent).send


def test_an_envelope_mismatch_without_trusted_results_names_the_setting_to_fix() -> None:
    settings = replace(SETTINGS, trusted_authserv_id=None)
    decision = run(make_msg(return_path="maija.m@mailer.example.net"), settings=settings)
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
