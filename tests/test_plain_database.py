"""The ledger's sqlite-utils-free database (ledger/plain.py) does what sqlite-utils' Database
does with the same calls: each case runs on both, over a file opened as the ledger opens it,
and compares what the calls returned or raised and what another connection then reads."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vasteaika.ledger.database import connect
from vasteaika.ledger.migrations import ScriptDatabase
from vasteaika.ledger.plain import LedgerDatabase, PlainDatabase, first_keyword, unique_keys

SCHEMA = """
CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE);
CREATE TABLE log (v TEXT);
CREATE TRIGGER t_log AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.v); END;
"""


def _insert(db: LedgerDatabase, v: str) -> None:
    db.execute("INSERT INTO t (v) VALUES (?)", [v])


def _fails_inside(db: LedgerDatabase) -> None:
    with db.atomic():
        _insert(db, "kept?")
        raise KeyError("stop")


def _nested(db: LedgerDatabase) -> list[str]:
    with db.atomic():
        _insert(db, "outer")
        with pytest.raises(sqlite3.IntegrityError), db.atomic():
            _insert(db, "inner")
            _insert(db, "outer")  # UNIQUE: the inner block rolls back alone
        return [r["v"] for r in db.query("SELECT v FROM t ORDER BY id")]


def _script_in_transaction(db: LedgerDatabase) -> None:
    with db.atomic():
        db.executescript("INSERT INTO t (v) VALUES ('a;b'); INSERT INTO t (v) VALUES ('c');")
        raise KeyError("undo the script too")


def _pragma_without_rows(db: LedgerDatabase) -> tuple[Any, ...] | None:
    with pytest.raises(ValueError, match="returns rows"):
        db.query("PRAGMA foreign_keys = ON")
    return db.conn.execute("PRAGMA foreign_keys").fetchone()


CASES: dict[str, Callable[[LedgerDatabase], Any]] = {
    "a write outside a transaction is committed": lambda db: _insert(db, "x"),
    "a failing write leaves no transaction open": lambda db: (
        _insert(db, "x"), _insert(db, "x"), db.conn.in_transaction),
    "rows are dicts, a repeated name made unique": lambda db: list(
        db.query("SELECT 1 AS a, 2 AS a, 3 AS a_2, ? AS b", ["p"])),
    "named parameters": lambda db: list(db.query("SELECT :n AS n", {"n": 5})),
    "a query of a statement without rows is refused and undone": lambda db: list(
        db.query("UPDATE t SET v = 'changed'")),
    "a transaction keyword is refused": lambda db: list(db.query("BEGIN")),
    "a comment before the keyword": lambda db: list(db.query("-- c\n/* d */ SELECT 1 AS one")),
    "INSERT … RETURNING writes at once": lambda db: (
        db.query("INSERT INTO t (v) VALUES ('r') RETURNING id"), None)[1],
    "INSERT … RETURNING rows": lambda db: list(
        db.query("INSERT INTO t (v) VALUES ('r') RETURNING id, v")),
    "a PRAGMA query": lambda db: list(db.query("PRAGMA recursive_triggers")),
    "a PRAGMA without rows is refused, and takes effect": _pragma_without_rows,
    "atomic commits": lambda db: [_insert(db, v) for v in "ab"] and None,
    "atomic rolls back when the block raises": _fails_inside,
    "a nested atomic rolls back alone": _nested,
    "a script inside a transaction is rolled back with it": _script_in_transaction,
    "a script outside a transaction": lambda db: db.executescript(
        "INSERT INTO t (v) VALUES ('s1'); INSERT INTO t (v) VALUES ('s2');") and None,
}  # fmt: skip


def _run(make: Callable[[sqlite3.Connection], LedgerDatabase], path: Path,
         case: Callable[[LedgerDatabase], Any]) -> tuple[object, list[tuple[Any, ...]]]:  # fmt: skip
    setup = sqlite3.connect(path)
    setup.executescript(SCHEMA)
    setup.close()
    db = make(sqlite3.connect(path, isolation_level=None))
    try:
        outcome: object = case(db)
    except Exception as exc:
        outcome = (type(exc).__name__, str(exc))
    in_transaction = db.conn.in_transaction
    db.close()
    other = sqlite3.connect(path)
    seen = other.execute("SELECT 't', id, v FROM t UNION ALL SELECT 'log', 0, v FROM log").fetchall()
    other.close()
    return (outcome, in_transaction), seen


@pytest.mark.parametrize("name", list(CASES))
def test_the_same_as_sqlite_utils(name: str, tmp_path: Path) -> None:
    plain = _run(PlainDatabase, tmp_path / "plain.db", CASES[name])
    ours = _run(ScriptDatabase, tmp_path / "utils.db", CASES[name])
    assert plain == ours


def test_recursive_triggers_are_on_as_with_sqlite_utils(tmp_path: Path) -> None:
    db = PlainDatabase(sqlite3.connect(tmp_path / "v.db", isolation_level=None))
    assert db.conn.execute("PRAGMA recursive_triggers").fetchone() == (1,)


def test_a_current_ledger_opens_plain_and_one_to_migrate_with_sqlite_utils(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    made, _ = connect(path)  # a new ledger: the migrated template's copy, current
    made.close()
    current, _ = connect(path)
    assert isinstance(current, PlainDatabase)
    current.execute("DELETE FROM _sqlite_migrations WHERE name = 'm024_calendar_updates'")
    current.execute("ALTER TABLE calendar_events DROP COLUMN content")
    current.close()
    behind, _ = connect(path)
    assert isinstance(behind, ScriptDatabase)
    assert "content" in {r["name"] for r in behind.query("PRAGMA table_info(calendar_events)")}
    behind.close()
    again, _ = connect(path)
    assert isinstance(again, PlainDatabase)


@pytest.mark.parametrize(
    ("sql", "keyword"),
    [("select 1", "SELECT"), ("\ufeff ;; -- x\n /* y */ pragma x", "PRAGMA"), ("-- only", ""),
     ("/* open", ""), ("  savepoint_x", "SAVEPOINT_X"), ("", "")],
)  # fmt: skip
def test_first_keyword(sql: str, keyword: str) -> None:
    assert first_keyword(sql) == keyword


def test_unique_keys_as_sqlite_utils() -> None:
    assert unique_keys(["a", "a", "a_2", "b", "a"]) == ["a", "a_3", "a_2", "b", "a_4"]
    assert unique_keys(["a", "b"]) == ["a", "b"]


def test_a_migrations_table_not_keyed_by_id_is_left_to_sqlite_utils(tmp_path: Path) -> None:
    """sqlite-utils rebuilds such a table when it migrates: the plain open must not skip that."""
    path = tmp_path / "v.db"
    connect(path)[0].close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(
        "CREATE TABLE m AS SELECT migration_set, name, applied_at FROM _sqlite_migrations;"
        "DROP TABLE _sqlite_migrations; ALTER TABLE m RENAME TO _sqlite_migrations;"
    )
    conn.close()
    rebuilt, _ = connect(path)
    assert isinstance(rebuilt, ScriptDatabase)
    rebuilt.close()
    assert isinstance(connect(path)[0], PlainDatabase)
