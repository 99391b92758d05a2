"""`remind --quiet`'s quick answer (a plain sqlite3 peek at the ledger: is anything to fire?)
must agree with a real run in every state a reminder can be in, and must never be taken at a
ledger the usual open would change (a new or empty file, a pending migration, a deferred index).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from fakes import FakeNotifier
from test_reminders import HEL, LEAD, config_dict, seed_reminder, write_config
from vasteaika.cli import context as cli_context
from vasteaika.cli import run
from vasteaika.config import config_from_dict
from vasteaika.ledger.migrations import migrations
from vasteaika.ledger.peek import migration_names, peek
from vasteaika.ledger.store import Store, epoch, open_database
from vasteaika.reminders.callbacks import fire_due
from vasteaika.reminders.due_query import CLAIM_LEASE, nothing_to_fire

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=HEL)
IGNORED = "kilpailija@example.fi"


def test_the_migration_names_read_from_the_source_are_the_migrations() -> None:
    every = {m.name for m in migrations.pending(Database(sqlite3.connect(":memory:")))}
    assert migration_names() == every and len(every) > 10


# Each state: the reminder's columns set after seeding it due at NOW + due_in.
STATES: dict[str, tuple[timedelta, str, list[object]]] = {
    "due in an hour": (timedelta(hours=1), "", []),
    "due within the lead": (LEAD - timedelta(minutes=1), "", []),
    "due at the lead exactly": (LEAD, "", []),
    "overdue": (-timedelta(hours=2), "", []),
    "overdue but done": (-timedelta(hours=2), "done_at = ?", [epoch(NOW)]),
    "overdue but unreadable": (-timedelta(hours=2), "unreadable = 1", []),
    "fired on the desktop": (-timedelta(hours=2), "fired_at = ?, delivery = 'desktop'",
                             [epoch(NOW - timedelta(hours=2))]),
    "claimed a minute ago": (-timedelta(hours=2), "fired_at = ?, delivery = 'pending'",
                             [epoch(NOW - timedelta(minutes=1))]),
    "claimed before the lease": (-timedelta(hours=2), "fired_at = ?, delivery = 'pending'",
                                 [epoch(NOW - CLAIM_LEASE - timedelta(seconds=1))]),
    "snoozed until later": (-timedelta(hours=2), "snoozed_until = ?",
                            [epoch(NOW + timedelta(minutes=30))]),
    "snoozed until now": (-timedelta(hours=2), "snoozed_until = ?", [epoch(NOW)]),
    "an ignored customer's, due in an hour": (timedelta(hours=1), "customer_email = ?", [IGNORED]),
    "an ignored customer's, done": (timedelta(hours=1), "customer_email = ?, done_at = ?",
                                    [IGNORED, epoch(NOW)]),
}  # fmt: skip


def _ledger(tmp_path: Path, state: str | None) -> Store:
    store = open_database(tmp_path / "v.db")
    if state is not None:
        due_in, assignments, values = STATES[state]
        rid = seed_reminder(store, NOW + due_in)
        if assignments:
            store.db.execute(f"UPDATE reminders SET {assignments} WHERE id = ?", [*values, rid])
    return store


@pytest.mark.parametrize("state", [None, *STATES])
def test_the_quick_answer_agrees_with_a_real_run(tmp_path: Path, state: str | None) -> None:
    config = config_from_dict({**config_dict(tmp_path), "customers": {"ignore": [IGNORED]}}, None)
    store = _ledger(tmp_path, state)
    quick = nothing_to_fire(config.database, NOW, LEAD, config.ignore)
    before = store.db.execute("SELECT * FROM reminders").fetchall()
    result = fire_due(config, store, FakeNotifier(), None, NOW)
    after = store.db.execute("SELECT * FROM reminders").fetchall()
    assert quick == (not result.fired and result.released == 0 and after == before)


def test_a_ledger_the_usual_open_would_change_is_not_peeked_at(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    assert peek(path) is None  # none yet
    path.touch()
    assert peek(path) is None  # empty: started afresh by the usual open
    path.unlink()
    open_database(path).db.close()
    conn = peek(path)
    assert conn is not None
    conn.close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO deferred_schema (name, sql) VALUES ('x', 'SELECT 1')")
    assert peek(path) is None  # a first load's index still to make
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM deferred_schema")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = (SELECT max(name) FROM _sqlite_migrations)")
    assert peek(path) is None  # a migration still to apply
    path.write_bytes(b"not a database at all" * 100)
    assert peek(path) is None  # the usual open says what is wrong


def test_remind_quiet_still_fires_what_is_due_and_says_nothing_when_nothing_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config(tmp_path)
    store = open_database(tmp_path / "v.db")
    notifier = FakeNotifier()
    monkeypatch.setattr(cli_context, "desktop_notifier", lambda: notifier)
    assert run(["--config", str(path), "remind", "--quiet"]) == 0
    assert notifier.calls == []
    seed_reminder(store, datetime.now(HEL) + LEAD - timedelta(minutes=1))
    for _ in range(2):
        assert run(["--config", str(path), "remind", "--quiet"]) == 0
    assert len(notifier.calls) == 1
    assert capsys.readouterr() == ("", "")
