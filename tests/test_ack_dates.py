"""A Date far in the future or past is not trusted (issue 12, AUTOREPLY_RULES A3/A5): the times
a mail carries — the arrival time, the sender's Date and the topmost Received header of the
owner's provider — must all say it is new before it is acknowledged, and no waiting time is
ever negative. The same against a real Dovecot is at the end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import FakeSource, mail
from smtp_fixture import RunningSmtpServer
from test_acknowledge import NOW, codes, make_msg, run
from test_e2e import OWNER, check_json, env, in_english, write_config  # noqa: F401  (env: fixture)
from test_outbox import OWNER as PIHA
from test_outbox import Recorder, at, customer
from vasteaika.acks.outbox import acknowledge_new, draft_or_send
from vasteaika.cli import run as cli_run
from vasteaika.config import config_from_dict
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import open_database

FRESH = NOW - timedelta(minutes=5)


def _received(when: datetime) -> str:
    return f"from mail.example.com by mx.putkityo.fi with ESMTPS id 4Qx; {when:%a, %d %b %Y %H:%M:%S %z}"


@pytest.mark.parametrize(
    ("case", "changes", "code"),
    [
        ("Date three days after the arrival", {"date": FRESH + timedelta(days=3)}, "untrusted-date"),
        ("Date in 2031", {"date": datetime(2031, 1, 1, tzinfo=UTC)}, "untrusted-date"),
        ("arrival five hours ahead", {"received_at": NOW + timedelta(hours=5)}, "untrusted-date"),
        ("Date a month ago, arrival now", {"date": NOW - timedelta(days=30)}, "backlog"),
        (
            "delivered three weeks ago, arrival re-stamped now, Date forged to now",
            {"headers": {"received": (_received(NOW - timedelta(days=21)),)}},
            "backlog",
        ),
    ],
)
def test_a_time_that_cannot_be_trusted_gets_no_ack(case: str, changes: dict[str, object],
                                                   code: str) -> None:  # fmt: skip
    decision = run(make_msg(**changes))
    assert not decision.send and code in codes(decision), (case, decision.reasons)


@pytest.mark.parametrize(
    ("case", "changes"),
    [
        ("a phone's clock two hours fast", {"date": FRESH + timedelta(hours=2)}),
        ("a phone's clock an hour slow", {"date": FRESH - timedelta(hours=1)}),
        ("delivered just now", {"headers": {"received": (_received(FRESH),)}}),
        (
            "an old Received below the provider's own (written by the sender's side)",
            {"headers": {"received": (_received(FRESH), _received(NOW - timedelta(days=9)))}},
        ),
        ("an unreadable Received time", {"headers": {"received": ("from x by y; yesterday",)}}),
    ],
)
def test_honest_clock_errors_still_get_an_ack(case: str, changes: dict[str, object]) -> None:
    decision = run(make_msg(**changes))
    assert decision.send, (case, decision.reasons)


def test_an_arrival_time_in_the_future_is_stored_as_the_time_it_was_read(tmp_path: Path) -> None:
    """No negative waiting time: the arrival is the read time, and `why` can say so."""
    config = config_from_dict(
        {"account": {"maildir": str(tmp_path)}, "owner": {"addresses": [PIHA]},
         "smtp": {"host": "127.0.0.1", "security": "none"},
         "storage": {"database": str(tmp_path / "v.db")}}, None,
    )  # fmt: skip
    now = at("2026-11-25 09:10 +0200")
    future = now + timedelta(days=40)
    src, store, rec = FakeSource(), open_database(config.database), Recorder()
    src.add("INBOX", customer("Maija <maija@example.fi>", "Tarjouspyyntö", "m1@x",
                              future.strftime("%a, %d %b %Y %H:%M:%S %z")), future)  # fmt: skip
    run_check(config, src, store, now)
    acknowledge_new(config, store, src, now, draft_or_send(rec, None, "send", False))
    row = store.db.execute("SELECT received_at, arrival_source FROM messages").fetchone()
    assert row == (int(now.timestamp()), "future")
    waiting = store.db.execute("SELECT waiting_since, ack_status, ack_reasons FROM conversations")
    since, status, reasons = waiting.fetchone()
    assert since == int(now.timestamp()) and status == "skipped" and rec.sent == []
    assert "untrusted-date: the Date header lies 40 days after its arrival" in reasons


def _deliver(server: DovecotServer, who: str, subject: str, msgid: str, *, written: datetime,
             internal: datetime, delivered: datetime | None = None) -> None:  # fmt: skip
    on_top = f"Return-Path: <{who}@example.fi>\nDelivered-To: {OWNER}\n"
    if delivered is not None:
        on_top += f"Received: from mail.example.fi by mx.pihapalvelu.fi; {delivered:%a, %d %b %Y %H:%M:%S +0000}\n"
    raw = on_top.encode() + mail(f"{who.title()} Asiakas <{who}@example.fi>", OWNER, subject, msgid,
                                 f"{written:%a, %d %b %Y %H:%M:%S +0000}")  # fmt: skip
    server.deliver("INBOX", raw, internal_date=internal)


def test_forged_and_broken_dates_on_a_real_server(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, env, smtp_server.port)
    english = config.read_text(encoding="utf-8").replace("[owner]\n", '[owner]\nlanguage = "en"\n')
    config.write_text(english, encoding="utf-8")  # the notes' words, as the ledger keeps them
    now = datetime.now(UTC)
    # A backlog moved into the mailbox today (INTERNALDATE now), its Date forged to now: the
    # provider's Received header still says when it really came.
    _deliver(env, "vanha", "Vanha tarjouspyyntö", "old@x", written=now - timedelta(minutes=3),
             internal=now - timedelta(minutes=3), delivered=now - timedelta(days=21))  # fmt: skip
    # A Date 40 days ahead (Dovecot keeps no future arrival time: that is test_…_read above).
    _deliver(env, "tuleva", "Tulevaisuudesta", "future@x", written=now + timedelta(days=40),
             internal=now - timedelta(minutes=2))  # fmt: skip
    _deliver(env, "maija", "Nurmikon leikkuu", "new@x", written=now - timedelta(minutes=4),
             internal=now - timedelta(minutes=4), delivered=now - timedelta(minutes=4))  # fmt: skip

    result = check_json(config, capsys)
    assert [a["recipient"] for a in result["acknowledgments"]] == ["maija@example.fi"]  # type: ignore[index]
    [envelope] = smtp_server.messages()
    assert b"Subject: Re: Nurmikon leikkuu" in envelope.data
    waiting = {w["subject"]: w["waiting_seconds"] for w in result["waiting"]}  # type: ignore[union-attr]
    assert set(waiting) == {"Vanha tarjouspyyntö", "Tulevaisuudesta", "Nurmikon leikkuu"}
    assert all(0 <= seconds < 3600 for seconds in waiting.values()), waiting

    for msgid, code, note in (
        ("old@x", "backlog", "delivered 21 days ago (the topmost Received header)"),
        ("future@x", "untrusted-date", "the Date header lies 40 days"),
    ):
        assert cli_run(["--config", str(in_english(config)), "why", msgid]) == 0
        shown = " ".join(capsys.readouterr().out.split())
        assert note in shown and code in shown, (msgid, note)
