"""Whose mail is the owner's is decided from ``[owner] addresses`` only (issue 14): a colleague
or subcontractor at the owner's domain is not the owner, so a customer's mail to them that also
reaches the owner's mailbox (Bcc, a shared domain's forward) is no mail addressed to the owner
and gets no acknowledgment in the owner's name. An alias listed in ``[owner] addresses`` (info@)
is the owner's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import mail
from smtp_fixture import RunningSmtpServer
from test_e2e import OWNER, check_json, env, write_config  # noqa: F401  (env: fixture)

COLLEAGUE = "pekka@pihapalvelu.fi"  # a subcontractor with a mailbox at the owner's domain
ALIAS = "info@pihapalvelu.fi"


def test_on_a_real_server_mail_to_a_colleague_at_the_owners_domain_gets_no_ack(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config_path = write_config(tmp_path, env, smtp_server.port)
    text = config_path.read_text(encoding="utf-8")
    config_path.write_text(text.replace(f'addresses = ["{OWNER}"]',
                                        f'addresses = ["{OWNER}", "{ALIAS}"]'), encoding="utf-8")  # fmt: skip
    when = datetime.now(UTC) - timedelta(minutes=5)
    date = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    for frm, to, subject, msgid in (
        ("Maija Virtanen <maija@virtanen.example>", f"Pekka <{COLLEAGUE}>", "Laatoitus", "m@x"),
        ("Kalle Koski <kalle@koski.example>", f"Pihapalvelu <{ALIAS}>", "Tarjous", "k@x"),
    ):
        envelope = frm.split("<")[1].rstrip(">")
        raw = f"Return-Path: <{envelope}>\n".encode() + mail(frm, to, subject, msgid, date)
        env.deliver("INBOX", raw, internal_date=when)  # Maija's: the owner's Bcc copy

    result = check_json(config_path, capsys)
    assert [a["recipient"] for a in result["acknowledgments"]] == ["kalle@koski.example"]  # type: ignore[index]
    assert [r for m in smtp_server.messages() for r in m.rcpt_tos] == ["kalle@koski.example"]
