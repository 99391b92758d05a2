"""A phone number the customer gives in a later mail of the conversation reaches the reminder
the owner's promise makes (issue 14), on a real Dovecot: the newest number the customer wrote
themselves, not the first mail's, and not the owner's own number quoted back."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from fakes import mail
from live_mailbox import OWNER, Live, env, live  # noqa: F401  (env, live: fixtures)
from vasteaika.cli import run

MAIJA = "Maija Virtanen <maija@virtanen.example>"


def test_on_a_real_server_the_reminder_calls_the_number_of_the_later_mail(
    live: Live,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    live.deliver(MAIJA, "Laatoitus", "m1@x", body="Hei,\nsoittakaa.\n\nMaija\npuh. 040 123 4567\n")
    later, reply = live.when + timedelta(minutes=1), live.when + timedelta(minutes=2)
    date = later.strftime("%a, %d %b %Y %H:%M:%S +0000")
    live.server.deliver("INBOX", b"Return-Path: <maija@virtanen.example>\n" + mail(
        MAIJA, OWNER, "Re: Laatoitus", "m2@x", date, extra="In-Reply-To: <a1@p>\n",
        body="Olen huomenna toisella numerolla: 050 765 4321.\n\nMaija\n\n"
        "> Kiitos viestistä.\n> Ylermi, puh. 044 999 8888\n"), internal_date=later)  # fmt: skip
    live.server.deliver("Sent", mail(
        OWNER, MAIJA, "Re: Laatoitus", "r1@p", reply.strftime("%a, %d %b %Y %H:%M:%S +0000"),
        extra="In-Reply-To: <m2@x>\n", body="Hei,\n\nSoitan huomenna klo 10.\n"),
        internal_date=reply)  # fmt: skip

    live.check(capsys)
    assert run(["--config", str(live.config), "reminders", "--json"]) == 0
    reminders = json.loads(capsys.readouterr().out)
    assert [r["phone"] for r in reminders if r["source"] == "reply"] == ["050 765 4321"]
