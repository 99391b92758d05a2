"""One mail can never stop a run: every per-message step runs under Store.guard, so a failure
costs only that step of that message, is recorded in `problems` with its step, and the run goes
on. Faults are injected into one step for one message; the other messages must not notice."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from fakes import FakeNotifier, FakeSource, Recorder, mail
from test_reminders import config_dict
from vasteaika.acks import outbox, wording
from vasteaika.acks.outbox import draft_or_send
from vasteaika.cli import run
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import TemporaryError
from vasteaika.jobs.cycle import CycleResult, run_cycle
from vasteaika.ledger import batches, check, joins
from vasteaika.ledger.migrations import migrations
from vasteaika.ledger.store import Store, open_database
from vasteaika.mail import classify as mail_classify
from vasteaika.mail import parse as mail_parse
from vasteaika.mail.html import html_to_text
from vasteaika.reminders import promises
from vasteaika.reminders import replies as reminders
from vasteaika.reminders.store import open_reminders

OWNER = "ylermi@pihapalvelu.fi"
NOW = datetime.strptime("2026-11-25 09:10 +0200", "%Y-%m-%d %H:%M %z")  # a Wednesday
MARKED = "<![foo[ x ]]>"


def acking(tmp_path: Path) -> Config:
    """test_reminders' configuration, with acknowledgments sent."""
    return config_from_dict({**config_dict(tmp_path), "ack": {"signature": "Ylermi"}}, None)


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return acking(tmp_path)


@pytest.fixture
def store(config: Config) -> Store:
    return open_database(config.database)


def customer(n: int, *, body: str = "Hei,\nvoisitteko soittaa? puh. 040 123 456%d\n",
             html: bool = False) -> bytes:  # fmt: skip
    """Customer n's first mail, 70 minutes before NOW."""
    raw = mail(f"Asiakas {n} <c{n}@example.fi>", OWNER, f"Tarjouspyyntö {n}", f"c{n}@x",
               "Wed, 25 Nov 2026 08:00:00 +0200", extra=f"Return-Path: <c{n}@example.fi>\n",
               body=body.replace("%d", str(n)))  # fmt: skip
    return raw.replace(b"text/plain", b"text/html") if html else raw


def reply(n: int, body: str, *, html: bool = False) -> bytes:
    raw = mail(OWNER, f"c{n}@example.fi", f"Re: Tarjouspyyntö {n}", f"r{n}@p",
               "Wed, 25 Nov 2026 09:00:00 +0200", extra=f"In-Reply-To: <c{n}@x>\n", body=body)  # fmt: skip
    return raw.replace(b"text/plain", b"text/html") if html else raw


def cycle(config: Config, store: Store, src: FakeSource, rec: Recorder,
          now: datetime = NOW) -> CycleResult:  # fmt: skip
    return run_cycle(config, store, src, now, draft_or_send(rec, None, "send", False),
                     notifier=FakeNotifier())  # fmt: skip


def problems(store: Store) -> list[tuple[str, int, str]]:
    return [(p["folder"], p["uid"], p["step"]) for p in store.problems()]


def acked(rec: Recorder) -> list[str]:
    return sorted(recipient for recipient, _ in rec.sent)


# --- html_to_text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (f"<p>Soitan {MARKED} huomenna klo 10.</p>", "Soitan huomenna klo 10."),
        (f"<div>{MARKED}Hei</div><blockquote>Soitan tänään</blockquote>", "Hei"),
        (f'<p>Hei</p>{MARKED}<div class="gmail_quote">Soitan tänään</div>', "Hei"),
        ('<p>Hei <b>Maija</b></p><div class="x', "Hei Maija"),  # unclosed tag at the end
        ("Hei <!-- unclosed comment", "Hei"),
        ("Hei <!DOCTYPE", "Hei"),
        ("Hei </p junk", "Hei"),
        ("<p>A &amp; B &#99999999999; &bogus;</p>", "A & B \ufffd &bogus;"),
        ("<script>var a = '<p>';</script><style>p {}</style>Hei", "Hei"),
    ],
)
def test_html_to_text_never_raises_and_leaves_no_markup(html: str, text: str) -> None:
    assert " ".join(html_to_text(html).split()) == text


def test_html_to_text_keeps_the_quote_when_asked() -> None:
    got = html_to_text(f"<p>Hei{MARKED}</p><blockquote>puh. 040 1</blockquote>", drop_quotes=False)
    assert " ".join(got.split()) == "Hei puh. 040 1"


# --- the finding: one HTML mail stopped every run ------------------------------------------------


def test_an_answered_html_mail_with_a_marked_section_stops_nothing(
    config: Config, store: Store
) -> None:
    src, rec = FakeSource(), Recorder()
    src.add("INBOX", customer(1, body=f"<p>Hei {MARKED}</p><p>puh. 040 123 4561</p>", html=True),
            NOW - timedelta(minutes=70))  # fmt: skip
    src.add("Sent", reply(1, f"<p>Soitan huomenna klo 10.</p><blockquote><p>Hei {MARKED}</p>"
                             "<p>puh. 040 123 4561</p></blockquote>", html=True),
            NOW - timedelta(minutes=10))  # fmt: skip
    src.add("INBOX", customer(2), NOW - timedelta(minutes=5))

    result = cycle(config, store, src, rec)

    assert acked(rec) == ["c2@example.fi"]  # the second customer is still acknowledged
    # The promise in the HTML reply was read all the same, with the number in the first mail.
    [r] = [r for r in open_reminders(store, NOW) if r.source == "reply"]
    assert (r.customer_email, r.phone) == ("c1@example.fi", "040 123 4561")
    assert r.promise_text and "huomenna" in r.promise_text and "<" not in r.promise_text
    assert problems(store) == [] and result.check.problems == 0


# --- each step, broken for one message ----------------------------------------------------------


def fail_for(marker: str, real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, except that it raises when ``marker`` is in any argument's repr."""

    def broken(*args: Any, **kwargs: Any) -> Any:
        if any(marker in repr(a) for a in (*args, *kwargs.values())):
            raise AssertionError(f"injected fault for {marker}")
        return real(*args, **kwargs)

    return broken


@pytest.mark.parametrize(
    ("module", "name", "step"),
    [(mail_classify, "classify", "classify"), (joins, "joins_conversation", "thread")],
)
def test_a_failing_ingest_step_skips_only_that_message(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch, module: Any, name: str,
    step: str,
) -> None:  # fmt: skip
    src, rec = FakeSource(), Recorder()
    for n in (1, 2, 3):
        src.add("INBOX", customer(n), NOW - timedelta(minutes=60 - n))
    marker = "c2@example.fi" if step == "classify" else "tarjouspyyntö 2"
    monkeypatch.setattr(module, name, fail_for(marker, getattr(module, name)))

    result = cycle(config, store, src, rec)

    assert problems(store) == [("INBOX", 2, step)]
    [reason] = [p["reason"] for p in store.problems()]
    assert reason == f"AssertionError: injected fault for {marker}"
    assert result.check.problems == 1 and result.check.folders == {"Sent": 0, "INBOX": 3}
    assert acked(rec) == ["c1@example.fi", "c3@example.fi"]
    stored = store.count("SELECT count(*) FROM messages WHERE customer_email = 'c2@example.fi'")
    assert stored == 0  # the failed step's writes rolled back with it


def test_a_failing_promise_step_costs_only_that_reply(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, rec = FakeSource(), Recorder()
    for n in (1, 2):
        src.add("INBOX", customer(n), NOW - timedelta(minutes=70))
        src.add("Sent", reply(n, f"Soitan huomenna klo 1{n}.\n"), NOW - timedelta(minutes=10))
    src.add("INBOX", customer(3), NOW - timedelta(minutes=5))
    monkeypatch.setattr(promises, "read_promise", fail_for("klo 11", promises.read_promise))

    first = cycle(config, store, src, rec)

    assert problems(store) == [("Sent", 1, "promise")] and first.check.problems == 1
    promised = [r.customer_email for r in open_reminders(store, NOW) if r.source == "reply"]
    assert promised == ["c2@example.fi"] and acked(rec) == ["c3@example.fi"]
    again = cycle(config, store, src, rec, NOW + timedelta(minutes=5))
    assert again.check.problems == 0  # recorded once; the reply is not read on every run


def test_a_failing_phone_step_still_reminds_without_the_number(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, rec = FakeSource(), Recorder()
    src.add("INBOX", customer(1), NOW - timedelta(minutes=70))
    src.add("Sent", reply(1, "Soitan huomenna klo 10.\n"), NOW - timedelta(minutes=10))
    src.add("INBOX", customer(2), NOW - timedelta(minutes=5))
    monkeypatch.setattr(reminders, "find_phone", fail_for("4561", reminders.find_phone))
    monkeypatch.setattr(outbox, "find_phone", fail_for("4562", outbox.find_phone))

    cycle(config, store, src, rec)

    assert sorted(problems(store)) == [("INBOX", 1, "phone"), ("INBOX", 2, "phone")]
    assert {r.customer_email: r.phone for r in open_reminders(store, NOW)} == {
        "c1@example.fi": None, "c2@example.fi": None
    }  # fmt: skip
    assert acked(rec) == ["c2@example.fi"]  # the ack went out; only its phone number was lost


def test_a_failing_ack_plan_sends_nothing_for_it_and_never_twice_for_the_others(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, rec = FakeSource(), Recorder()
    for n in (1, 2, 3):
        src.add("INBOX", customer(n), NOW - timedelta(minutes=60 - n))
    monkeypatch.setattr(wording, "detect_language",
                        fail_for("Tarjouspyyntö 2", wording.detect_language))  # fmt: skip

    first = cycle(config, store, src, rec)

    assert acked(rec) == ["c1@example.fi", "c3@example.fi"]
    assert problems(store) == [("INBOX", 2, "ack")] and first.check.problems == 1
    status = store.db.execute("SELECT ack_status FROM conversations WHERE customer_email = ?",
                              ["c2@example.fi"]).fetchone()  # fmt: skip
    assert status == (None,)  # undecided: neither sent, nor pending, nor skipped

    monkeypatch.undo()  # the fault is gone: the next run acknowledges it, and nobody twice
    cycle(config, store, src, rec, NOW + timedelta(minutes=5))
    assert acked(rec) == ["c1@example.fi", "c2@example.fi", "c3@example.fi"]


def test_a_failing_reminder_after_a_sent_ack_keeps_it_sent(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, rec = FakeSource(), Recorder()
    src.add("INBOX", customer(1), NOW - timedelta(minutes=5))
    monkeypatch.setattr(outbox, "add_reminder", fail_for("'ack'", outbox.add_reminder))

    cycle(config, store, src, rec)
    monkeypatch.undo()
    cycle(config, store, src, rec, NOW + timedelta(minutes=5))

    assert acked(rec) == ["c1@example.fi"]  # once: a lost reminder never makes a second ack
    assert problems(store) == [("INBOX", 1, "reminder")]
    assert store.db.execute("SELECT ack_status FROM conversations").fetchall() == [("sent",)]


def test_a_failure_of_the_environment_still_stops_the_run(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dropped connection or a broken disk is not one mail's fault: it must not be blamed on
    every mail as a 'problem' while nothing works."""
    src, rec = FakeSource(), Recorder()
    src.add("INBOX", customer(1), NOW - timedelta(minutes=5))

    def raising(exc: Exception) -> Callable[..., None]:
        def fail(*args: Any) -> None:
            raise exc

        return fail

    monkeypatch.setattr(wording, "detect_language", raising(TemporaryError("connection lost")))
    with pytest.raises(TemporaryError):
        cycle(config, store, src, rec)
    monkeypatch.setattr(mail_parse, "parse", raising(sqlite3.OperationalError("disk I/O error")))
    src.add("INBOX", customer(2), NOW - timedelta(minutes=4))
    with pytest.raises(sqlite3.OperationalError):
        cycle(config, store, src, rec)
    assert problems(store) == [] and rec.sent == []


# --- problems: the migration and the command ----------------------------------------------------


def test_m007_keeps_old_problems_as_parse_failures() -> None:
    db = Database(sqlite3.connect(":memory:", isolation_level=None))
    migrations.apply(db, stop_before="m007_problem_steps")
    db.execute("INSERT INTO problems (folder, uid, uidvalidity, reason, seen_at)"
               " VALUES ('INBOX', 7, 1, 'no readable From address', 0)")  # fmt: skip
    migrations.apply(db)
    store = Store(db)
    store.record_problem("INBOX", 1, 7, "AssertionError: x", 5, step="promise")
    assert problems(store) == [("INBOX", 7, "parse"), ("INBOX", 7, "promise")]


def test_problems_command_shows_the_step(
    config: Config, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.record_problem("Sent", 9, 4, "AssertionError: unknown status keyword", 0, step="promise")
    path = tmp_path / "config.toml"
    path.write_text(f'[account]\nmaildir = "{tmp_path}"\n[owner]\nname = "Y"\n'
                    f'addresses = ["{OWNER}"]\n[ack]\nmode = "off"\n'
                    f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n', encoding="utf-8")  # fmt: skip

    assert run(["--config", str(path), "problems"]) == 0
    assert (
        capsys.readouterr().out
        == "Sent UID 4 (lupauksen luku): AssertionError: unknown status keyword\n"
    )
    assert run(["--config", str(path), "problems", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["folder"], row["uid"], row["uidvalidity"], row["step"]) == ("Sent", 4, 9, "promise")
    assert row["seen_at"].startswith("1970-01-01T02:00:00")


# --- a batch is stored together; a broken mail in it still costs only its own step -------------


def _ledger(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    tables = [r[0] for r in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
        " AND name NOT IN ('runs', '_sqlite_migrations') ORDER BY 1")]  # fmt: skip
    return {t: sorted(store.db.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr) for t in tables}


def _first_sync_with_a_broken_mail(config: Config, store: Store) -> check.CheckResult:
    src = FakeSource()
    for n in range(1, 8):
        src.add("INBOX", customer(n), NOW - timedelta(minutes=80 - n))
        src.add("Sent", reply(n, "Kiitos, palaan asiaan.\n"), NOW - timedelta(minutes=20 - n))
        if n == 2:  # the same mail twice (a copy filed again): stored once
            src.add("Sent", reply(n, "Kiitos, palaan asiaan.\n"), NOW - timedelta(minutes=18))
        if n == 4:  # no From: it cannot be read
            src.add("Sent", reply(n, "x").replace(f"From: {OWNER}".encode(), b"X-From: ?"),
                    NOW - timedelta(minutes=16))  # fmt: skip
    return check.run_check(config, src, store, NOW)


def test_a_batch_stores_the_same_ledger_as_one_message_at_a_time(
    config: Config, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batches.Batch, "COMMIT_EVERY", 3)  # several batches; UID 6 is in the second
    batched = _first_sync_with_a_broken_mail(config, store)

    assert problems(store) == [("Sent", 6, "parse")] and batched.problems == 1
    assert store.count("SELECT count(*) FROM messages WHERE folder = 'Sent'") == 7
    answered = store.count("SELECT count(*) FROM conversations WHERE first_reply_id IS NOT NULL")
    assert batched.new_conversations == 7 and answered == 7
    # Every batch failing at once (as the one with the broken mail does) stores it message by
    # message: the ledger must not tell which way it was written.
    alone = open_database(tmp_path / "alone.db")

    def broken(*args: Any) -> None:
        raise AssertionError("every batch is stored message by message")

    monkeypatch.setattr(check, "_ingest_unguarded", broken)
    one_by_one = _first_sync_with_a_broken_mail(config, alone)

    assert _ledger(alone) == _ledger(store)
    assert (one_by_one.problems, one_by_one.new_conversations) == (1, 7)
