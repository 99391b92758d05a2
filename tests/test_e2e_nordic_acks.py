"""Issue 12 against a real Dovecot and a real aiosmtpd: a customer whose server signs the
envelope (BATV) gets one acknowledgment, a form-service lead is a contact without one, and the
robot variants of both new paths stay unanswered."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import mail
from smtp_fixture import RunningSmtpServer
from test_e2e import OWNER, check_json, env, write_config  # noqa: F401  (env: fixture)
from vasteaika.cli import run


def _deliver(server: DovecotServer, frm: str, subject: str, msgid: str, extra: str) -> None:
    when = datetime.now(UTC) - timedelta(minutes=5)
    date = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    server.deliver("INBOX", mail(frm, OWNER, subject, msgid, date, extra=extra), internal_date=when)


def test_batv_customer_gets_one_ack_and_robot_variants_none(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, env, smtp_server.port)
    _deliver(env, "Pekka Nieminen <pekka@rakennus.example>", "Tarjouspyyntö: piha", "p1@x",
             "Return-Path: <prvs=0a1b2c3d=pekka@rakennus.example>\n")  # fmt: skip
    _deliver(env, "Kela <ala-vastaa@kela.example>", "Sinulle on uusi viesti", "k1@x",
             "Return-Path: <prvs=77aa=ala-vastaa@kela.example>\n")  # fmt: skip
    _deliver(env, "Antti Korpela <antti@korpela.example>", "Lomavastaaja: Re: Tarjous", "a1@x",
             "Return-Path: <prvs=9f9f=antti@korpela.example>\n")  # fmt: skip
    _deliver(env, "Liisa <liisa@toinen.example>", "Hyväksytty: Katselmus", "l1@x",
             "Return-Path: <SRS0=ab=cd=toinen.example=liisa@forward.example>\n")  # fmt: skip

    first = check_json(config, capsys)
    assert [a["recipient"] for a in first["acknowledgments"]] == ["pekka@rakennus.example"]  # type: ignore[index]
    check_json(config, capsys)
    [envelope] = smtp_server.messages()  # one ack, not one per run
    assert list(envelope.rcpt_tos) == ["pekka@rakennus.example"]


def test_form_service_lead_is_in_check_and_export_without_an_ack(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, env, smtp_server.port)
    _deliver(env, "Jotform <noreply@jotform.com>", "Uusi lähetys: Yhteydenotto", "j1@x",
             "Return-Path: <noreply@jotform.com>\nReply-To: Sari Nieminen <sari@example.fi>\n")  # fmt: skip
    _deliver(env, "Jotform <noreply@jotform.com>", "Uusi lähetys: Testi", "j2@x",
             "Return-Path: <noreply@jotform.com>\nReply-To: <ei-vastausta@kauppa.example>\n")  # fmt: skip

    result = check_json(config, capsys)
    waiting = {w["customer_email"] for w in result["waiting"]}  # type: ignore[union-attr]
    assert waiting == {"sari@example.fi"}
    assert result["acknowledgments"] == [] and smtp_server.messages() == []
    assert run(["--config", str(config), "export", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["customer_email"] for r in records] == ["sari@example.fi"]


def test_form_service_lead_listed_in_form_senders_gets_one_ack_to_the_person(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, env, smtp_server.port)
    text = config.read_text(encoding="utf-8")
    listed = '[ack]\nmode = "send"\nform_senders = ["noreply@jotform.com"]\n'
    config.write_text(text.replace('[ack]\nmode = "send"\n', listed), encoding="utf-8")
    _deliver(env, "Jotform <noreply@jotform.com>", "Uusi lähetys: Yhteydenotto", "j1@x",
             "Return-Path: <noreply@jotform.com>\nReply-To: Sari Nieminen <sari@example.fi>\n")  # fmt: skip
    _deliver(env, "Jotform <noreply@jotform.com>", "Uusi lähetys: Testi", "j2@x",
             "Return-Path: <noreply@jotform.com>\nReply-To: <ala_vastaa@kauppa.example>\n")  # fmt: skip

    check_json(config, capsys)
    check_json(config, capsys)
    [envelope] = smtp_server.messages()
    assert list(envelope.rcpt_tos) == ["sari@example.fi"]


PROVIDER = "mx.posti-palvelu.example"


def _provider_delivered(server: DovecotServer, frm: str, envelope: str, subject: str, msgid: str,
                        results: str, minutes_ago: float) -> None:  # fmt: skip
    """A mail as the owner's provider delivers it: Return-Path on top (the delivering MDA), its
    own Authentication-Results and Received below, the sender's headers after them."""
    when = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    date = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    on_top = (
        f"Return-Path: <{envelope}>\nDelivered-To: {OWNER}\n"
        f"Authentication-Results: {PROVIDER};\n\t{results}\n"
        f"Received: from mail.sender.example (mail.sender.example [192.0.2.7])\n"
        f"\tby {PROVIDER} with ESMTPS id 4Qx; {date}\n"
    )
    raw = on_top.encode() + mail(frm, OWNER, subject, msgid, date)
    server.deliver("INBOX", raw, internal_date=when)


def test_auto_authserv_id_refuses_a_dmarc_failing_spoof_and_acks_a_passing_sender(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, env, smtp_server.port)
    assert "authserv_id =" not in config.read_text(encoding="utf-8")  # the default: "auto"
    for i in range(6):  # last week's mail, all stamped by the provider: too old to acknowledge
        domain = f"asiakas{i % 3}.example"
        _provider_delivered(env, f"Asiakas {i} <a{i}@{domain}>", f"a{i}@{domain}", f"Kysely {i}",
                            f"old{i}@x", f"spf=pass smtp.mailfrom={domain}; dmarc=pass "
                            f"header.from={domain}", 60 * 24 * 7 + i)  # fmt: skip
    # A spoof of a real company's address, its envelope forged to match: only DMARC tells.
    _provider_delivered(env, "Rakennus Oy <myynti@rakennus.example>", "myynti@rakennus.example",
                        "Tarjouspyyntö: laskut", "spoof@x", "spf=fail smtp.mailfrom="
                        "rakennus.example; dkim=none; dmarc=fail (p=QUARANTINE) "
                        "header.from=rakennus.example", 5)  # fmt: skip
    # A customer writing from a business app: the envelope is its sending service's (SES).
    _provider_delivered(env, "Sari Nieminen <sari@kauppa.example>",
                        "0100018c2f3a-9d1e-000000@amazonses.com", "Tarjouspyyntö: piha",
                        "sari@x", "spf=pass smtp.mailfrom=amazonses.com; dkim=pass "
                        "header.d=kauppa.example; dmarc=pass (p=NONE) header.from=kauppa.example",
                        4)  # fmt: skip

    assert run(["--config", str(config), "check"]) == 0  # the owner's screen (in Finnish)
    screen = " ".join(capsys.readouterr().out.split())
    assert f"lähettäjätarkistukseen luotetaan: {PROVIDER} (Authentication-Results)" in screen
    [envelope] = smtp_server.messages()
    assert list(envelope.rcpt_tos) == ["sari@kauppa.example"]
    again = check_json(config, capsys)
    assert again["authserv_id_learned"] is None and again["acknowledgments"] == []  # said once
    assert len(smtp_server.messages()) == 1

    english = config.read_text(encoding="utf-8").replace("[owner]\n", '[owner]\nlanguage = "en"\n')
    config.write_text(english, encoding="utf-8")  # why's evidence in the words the ledger keeps
    assert run(["--config", str(config), "why", "spoof@x"]) == 0
    why = " ".join(capsys.readouterr().out.split())  # as read, not as wrapped to the terminal
    assert f"{PROVIDER} says dmarc=fail (the sender may be forged) (unverified)" in why
    assert f"trusted from {PROVIDER}, learned from your INBOX" in why


def test_auto_authserv_id_on_a_mailbox_without_such_headers_acks_as_before(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, env, smtp_server.port)
    _deliver(env, "Pekka Nieminen <pekka@rakennus.example>", "Tarjouspyyntö: piha", "p1@x",
             "Return-Path: <pekka@rakennus.example>\n"
             "Authentication-Results: mx.kuka-vain.example; dmarc=fail\n")  # fmt: skip
    result = check_json(config, capsys)
    assert result["authserv_id_learned"] is None
    assert [a["recipient"] for a in result["acknowledgments"]] == ["pekka@rakennus.example"]  # type: ignore[index]
