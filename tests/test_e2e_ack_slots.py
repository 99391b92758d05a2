"""Issue 12 against a real Dovecot and a real aiosmtpd: ten customers who wrote overnight are
promised callbacks spread over the slots, three to a slot, and each gets one acknowledgment.

Dovecot stamps each delivered mail with the time of delivery, so the clock is the real one,
read once and held; the ten mails' Date headers are from the night before."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import mail
from smtp_fixture import RunningSmtpServer
from test_ack_slots import PROMISE
from test_e2e import OWNER, check_json, env, write_config  # noqa: F401  (env: fixture)
from vasteaika.acks.wording import callback_phrase
from vasteaika.cli import context as cli_context
from vasteaika.config import load_config
from vasteaika.hours import next_callback_slot
from vasteaika.ledger.records import business_hours


def test_ten_overnight_customers_get_promises_spread_over_slots(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = datetime.now(UTC)
    monkeypatch.setattr(cli_context, "system_clock", lambda: now)
    config = write_config(tmp_path, env, smtp_server.port)
    text = config.read_text(encoding="utf-8")  # the night's mail is young enough to answer
    config.write_text(text.replace('mode = "send"\n', 'mode = "send"\nmax_age = "12h"\n'),
                      encoding="utf-8")  # fmt: skip
    for i in range(10):
        night = (now - timedelta(hours=8) + timedelta(minutes=40 * i)).strftime(
            "%a, %d %b %Y %H:%M:%S +0000")  # fmt: skip
        raw = mail(f"Asiakas Numero{i} <c{i}@example.fi>", OWNER, f"Kysymys {i}", f"c{i}@x",
                   night, extra=f"Return-Path: <c{i}@example.fi>\n")  # fmt: skip
        env.deliver("INBOX", raw)
    loaded = load_config(config)
    hours, times = business_hours(loaded.hours), loaded.ack.callback_times
    slots = [next_callback_slot(now, hours, times, loaded.ack.lead)]
    while len(slots) < 4:
        slots.append(next_callback_slot(slots[-1] + timedelta(seconds=1), hours, times))

    first = check_json(config, capsys)
    promised = Counter(
        datetime.fromisoformat(a["callback_at"])  # type: ignore[index]
        for a in first["acknowledgments"]  # type: ignore[union-attr]
    )
    assert promised == dict(zip(slots, [3, 3, 3, 1], strict=True))
    assert check_json(config, capsys)["acknowledgments"] == []
    envelopes = smtp_server.messages()
    assert sorted(e.rcpt_tos[0] for e in envelopes) == sorted(f"c{i}@example.fi" for i in range(10))
    said = Counter(_said(message_from_bytes(e.data, policy=policy.default)) for e in envelopes)
    assert said == {callback_phrase(s, now, "fi"): n for s, n in promised.items()}


def _said(msg: object) -> str:
    assert isinstance(msg, EmailMessage)
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None
    return str(PROMISE.findall(str(body.get_content()))[0])
