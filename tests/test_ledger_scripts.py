"""The schema's scripts run statement by statement inside each migration's transaction
(ledger/migrations.py ``ScriptDatabase``): the same statements as sqlite-utils finds, without
its cost (it joined a statement again at every character)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from vasteaika.ledger.migrations import migrations
from vasteaika.ledger.plain import sql_statements
from vasteaika.ledger.store import open_database


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    return list(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"))


def test_a_new_ledger_has_the_schema_sqlite_utils_itself_makes(tmp_path: Path) -> None:
    plain = Database(sqlite3.connect(":memory:", isolation_level=None))
    migrations.apply(plain)
    store = open_database(tmp_path / "ledger.db")
    assert _schema(store.db.conn) == _schema(plain.conn)
    applied = "SELECT name FROM _sqlite_migrations ORDER BY rowid"
    assert list(store.db.conn.execute(applied)) == list(plain.conn.execute(applied))


def test_statements_end_only_where_sqlite_says_a_statement_is_complete() -> None:
    script = """
        CREATE TABLE t (a TEXT DEFAULT ';', b TEXT);  -- a comment; with a semicolon
        CREATE TRIGGER t_i AFTER INSERT ON t BEGIN
            UPDATE t SET b = 'x;y' WHERE rowid = new.rowid;
            UPDATE t SET a = a WHERE rowid = new.rowid;
        END;
        /* ; */ INSERT INTO t (a) VALUES ('1;2');
        SELECT 1"""
    statements = list(sql_statements(script))
    assert statements == [
        "CREATE TABLE t (a TEXT DEFAULT ';', b TEXT);",
        "-- a comment; with a semicolon\n        CREATE TRIGGER t_i AFTER INSERT ON t BEGIN\n"
        "            UPDATE t SET b = 'x;y' WHERE rowid = new.rowid;\n"
        "            UPDATE t SET a = a WHERE rowid = new.rowid;\n        END;",
        "/* ; */ INSERT INTO t (a) VALUES ('1;2');",
        "SELECT 1",
    ]
    conn = sqlite3.connect(":memory:", isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    assert list(conn.execute("SELECT a, b FROM t")) == [("1;2", "x;y")]


def test_a_script_outside_a_transaction_still_runs_whole(tmp_path: Path) -> None:
    store = open_database(tmp_path / "ledger.db")
    store.db.executescript(
        "CREATE TABLE u (a); INSERT INTO u VALUES (1); INSERT INTO u VALUES (2);"
    )
    assert list(store.db.conn.execute("SELECT a FROM u")) == [(1,), (2,)]


def test_each_new_ledger_is_private_in_wal_and_holds_nothing_of_the_one_before(
    tmp_path: Path,
) -> None:
    """A new ledger is a copy of the schema migrated once in memory: a second one made in the
    same process has the same schema, none of the first one's rows, and is still the private
    WAL file a ledger opened from scratch is."""
    first = open_database(tmp_path / "one" / "ledger.db")
    first.db.execute("INSERT INTO ack_trust (id, authserv_id, learned_at) VALUES (1, 'mx', 0)")
    second_path = tmp_path / "two" / "ledger.db"
    second = open_database(second_path)
    assert _schema(second.db.conn) == _schema(first.db.conn)
    assert list(second.db.conn.execute("SELECT * FROM ack_trust")) == []
    assert second.db.conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert second_path.stat().st_mode & 0o777 == 0o600
    assert second_path.parent.stat().st_mode & 0o777 == 0o700
    second.db.execute("INSERT INTO ack_trust (id, authserv_id, learned_at) VALUES (1, 'mx2', 5)")
    second.db.conn.close()
    again = open_database(second_path)  # opened again: nothing copied over what it holds
    assert list(again.db.conn.execute("SELECT authserv_id FROM ack_trust")) == [("mx2",)]
