"""The schema's scripts run statement by statement inside each migration's transaction
(ledger/database.py ``ScriptDatabase``): the same statements as sqlite-utils finds, without
its cost (it joined a statement again at every character)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from vasteaika.ledger.database import sql_statements
from vasteaika.ledger.migrations import migrations
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
