"""The real CLI against a real Dovecot and aiosmtpd: one HTML mail never stops `check`.

The finding: an HTML-only customer mail holding the marked section ``<![foo[ x ]]>``, once the
owner had answered it in HTML quoting it, made every `check` end with "internal error
(AssertionError: unknown status keyword 'foo' in marked section)", exit 70, even on a fresh
database, so that no later customer was ever acknowledged.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import mail
from smtp_fixture import RunningSmtpServer
from test_e2e import OWNER, check_json, customer_mail, write_config
from vasteaika.cli import run


def html_mail(frm: str, to: str, subject: str, msgid: str, minutes_ago: float, body: str,
              extra: str) -> tuple[bytes, datetime]:  # fmt: skip
    when = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    raw = mail(frm, to, subject, msgid, when.strftime("%a, %d %b %Y %H:%M:%S +0000"),
               extra=extra, body=body)  # fmt: skip
    return raw.replace(b"text/plain", b"text/html"), when


def test_an_answered_html_mail_with_a_marked_section_stops_no_check(
    dovecot: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("VASTEAIKA_PASSWORD", dovecot.password)
    with dovecot.admin() as client:
        client.create_folder("Sent")
    quoted = (
        "<p>Hei,</p><p>katto vuotaa <![foo[ x ]]> voitteko soittaa?</p><p>puh. 040 123 4567</p>"
    )
    first, first_at = html_mail("Helmi Html <html@example.fi>", OWNER, "Katon korjaus",
                                "html-1@example.fi", 30, quoted,
                                "Return-Path: <html@example.fi>\n")  # fmt: skip
    dovecot.deliver("INBOX", first, internal_date=first_at)
    answer = f"<div>Soitan huomenna klo 10.</div><blockquote>{quoted}</blockquote>"
    reply, reply_at = html_mail(OWNER, "html@example.fi", "Re: Katon korjaus", "r-1@pihapalvelu.fi",
                                5, answer, "In-Reply-To: <html-1@example.fi>\n")  # fmt: skip
    dovecot.deliver("Sent", reply, internal_date=reply_at)
    second, second_at = customer_mail("Paavo <paavo@example.fi>", "Nurmikko", "p-1@example.fi", 2)
    dovecot.deliver("INBOX", second, internal_date=second_at)
    config = write_config(tmp_path, dovecot, smtp_server.port)

    out = check_json(config, capsys)  # a fresh database: exit 0, not 70

    assert out["read"] == {"Sent": 1, "INBOX": 2} and out["problems"] == 0
    assert out["promises_found"] == 1  # the HTML reply was read in spite of the marked section
    assert [a["recipient"] for a in out["acknowledgments"]] == ["paavo@example.fi"]  # type: ignore[index]
    [envelope] = smtp_server.messages()
    assert list(envelope.rcpt_tos) == ["paavo@example.fi"]
    assert message_from_bytes(envelope.data)["In-Reply-To"] == "<p-1@example.fi>"

    again = check_json(config, capsys)
    assert again["acknowledgments"] == [] and len(smtp_server.messages()) == 1
    assert run(["--config", str(config), "problems"]) == 0
    assert capsys.readouterr().out == "Ei kirjattuja ongelmia.\n"
