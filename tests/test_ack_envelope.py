"""The envelope sender (Return-Path) as the acknowledgment's decision reads it, written oddly:
one angle bracket only, a quoted local part holding an @. Each test holds a rule whose breaking
mutation testing showed no other test noticed (issue 19, benchmarks/mutation.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from test_acknowledge import NOW, customer, make_msg, run
from vasteaika.mail.parse import parse
from vasteaika.models import Address, RawMessage


@pytest.mark.parametrize("envelope", ["<postmaster@example.com", "postmaster@example.com>"])
def test_a_bounce_envelope_with_one_bracket_gets_no_ack(envelope: str) -> None:
    decision = run(make_msg(return_path=envelope))
    assert not decision.send
    assert "bounce: Return-Path postmaster@example.com is a mail system address" in decision.reasons


def test_a_customer_envelope_with_one_bracket_is_her_own_address() -> None:
    # At a freemail domain only the very same address aligns: the bracket is not part of it.
    maija = Address("maija@gmail.com", "Maija")
    assert run(make_msg(from_addr=maija, return_path="<maija@gmail.com"), customer(maija)).send


def _mail(return_path: str) -> bytes:
    date = (NOW - timedelta(minutes=5)).strftime("%a, %d %b %Y %H:%M:%S %z")
    return (
        f"Return-Path: {return_path}\r\n"
        "Authentication-Results: mx.putkityo.fi; spf=pass; dmarc=pass header.from=example.com\r\n"
        "From: Maija <maija@example.com>\r\nTo: Tuomas Putkinen <tuomas@putkityo.fi>\r\n"
        f"Subject: Tarjouspyyntö\r\nDate: {date}\r\nMessage-ID: <q1@example.com>\r\n"
        "\r\nHei!\r\n"
    ).encode()


def test_a_no_reply_envelope_with_a_quoted_at_in_its_local_part_gets_no_ack() -> None:
    # RFC 5322 lets a quoted word hold an @ ("a@b".noreply); the local part is everything
    # before the LAST @, which here ends in noreply: a robot, even with DMARC passing for From.
    msg = parse(RawMessage("INBOX", 7, NOW, _mail('<"a@b".noreply@robot.example>')))
    assert msg.return_path == '"a@b".noreply@robot.example'
    decision = run(msg)
    assert not decision.send
    assert decision.reasons == (
        'robot-sender: Return-Path "a@b".noreply@robot.example is a no-reply or list address',
    )


def test_an_envelope_in_capitals_is_the_customers_own_address() -> None:
    # Letter case is no part of an address, and stripping the brackets takes no letter: at a
    # freemail domain, where only the very same address aligns, XAVER@GMAIL.COM is Xaver's.
    xaver = Address("xaver@gmail.com", "Xaver")
    assert run(make_msg(from_addr=xaver, return_path="<XAVER@GMAIL.COM>"), customer(xaver)).send
