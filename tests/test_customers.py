"""The customers summary (migration m005, re-keyed by m016: a customer is a person, its
address): backfilled from existing conversations, then kept right by triggers for every insert,
change and delete, whoever writes (plain SQL here). Companies are grouped by the report, from
config (tests/test_report.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from vasteaika.ledger.migrations import migrations
from vasteaika.ledger.store import Store, open_database


def _insert(conn: sqlite3.Connection, email: str, at: int) -> int:
    cur = conn.execute(
        "INSERT INTO conversations (customer_email, customer_name, subject, base_subject,"
        " first_contact_id, first_contact_at, last_customer_at) VALUES (?, '', 's', 's', 1, ?, ?)",
        (email, at, at),
    )
    return int(cur.lastrowid or 0)


def _message(conn: sqlite3.Connection) -> None:
    conn.execute(
        "INSERT INTO messages (id, folder, uid, uidvalidity, message_id, kind, reasons,"
        " from_email, from_name, subject, base_subject, received_at)"
        " VALUES (1, 'INBOX', 1, 1, 'dummy@x', 'customer', '[]', 'x@x', '', '', '', 0)"
    )


def _summary(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    return conn.execute(
        "SELECT customer_key, conversations, first_contact_at, last_contact_at FROM customers"
        " ORDER BY customer_key"
    ).fetchall()


def _recounted(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    """The summary computed afresh from the conversations, through their customer_id."""
    return conn.execute(
        "SELECT s.customer_key, count(*), min(c.first_contact_at), max(c.first_contact_at)"
        " FROM conversations c JOIN customers s ON s.id = c.customer_id"
        " WHERE s.customer_key = c.customer_email"
        " GROUP BY s.customer_key ORDER BY s.customer_key"
    ).fetchall()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = open_database(tmp_path / "x.db")
    _message(store.db.conn)
    return store


@pytest.mark.parametrize(
    ("email", "key"),
    [
        ("a@firma.fi", "a@firma.fi"),
        ("b@firma.fi", "b@firma.fi"),
        ("kalle@gmail.com", "kalle@gmail.com"),
        ("liisa@suomi24.fi", "liisa@suomi24.fi"),
    ],
)
def test_the_customer_is_the_address(
    store: Store, email: str, key: str
) -> None:
    conn = store.db.conn
    _insert(conn, email, 100)
    row = conn.execute(
        "SELECT s.customer_key FROM conversations c JOIN customers s ON s.id = c.customer_id"
    ).fetchone()
    assert row == (key,)


def test_every_write_keeps_the_summary_right(store: Store) -> None:
    conn = store.db.conn
    first = _insert(conn, "a@firma.fi", 300)
    _insert(conn, "b@firma.fi", 100)
    moved = _insert(conn, "kalle@gmail.com", 200)
    _insert(conn, "kalle@gmail.com", 400)
    assert _summary(conn) == [
        ("a@firma.fi", 1, 300, 300),
        ("b@firma.fi", 1, 100, 100),
        ("kalle@gmail.com", 2, 200, 400),
    ]

    conn.execute("UPDATE conversations SET customer_email = 'c@toinen.fi' WHERE id = ?", [moved])
    conn.execute("UPDATE conversations SET first_contact_at = 50 WHERE id = ?", [first])
    assert _summary(conn) == [
        ("a@firma.fi", 1, 50, 50),
        ("b@firma.fi", 1, 100, 100),
        ("c@toinen.fi", 1, 200, 200),
        ("kalle@gmail.com", 1, 400, 400),
    ]
    conn.execute("DELETE FROM conversations WHERE customer_email = 'kalle@gmail.com'")
    conn.execute("DELETE FROM conversations WHERE id = ?", [first])
    assert _summary(conn) == [("b@firma.fi", 1, 100, 100), ("c@toinen.fi", 1, 200, 200)]
    assert _recounted(conn) == _summary(conn)
    # other columns change without touching the summary
    conn.execute("UPDATE conversations SET first_reply_at = 500, last_customer_at = 600")
    assert _recounted(conn) == _summary(conn)


def test_m005_backfills_an_existing_database(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    db = Database(conn)
    migrations.apply(db, stop_before="m005_customers")
    _message(conn)
    for email, at in [("a@firma.fi", 10), ("b@firma.fi", 30), ("x@gmail.com", 20)]:
        _insert(conn, email, at)
    migrations.apply(db)
    assert _summary(conn) == [
        ("a@firma.fi", 1, 10, 10),
        ("b@firma.fi", 1, 30, 30),
        ("x@gmail.com", 1, 20, 20),
    ]
    assert _recounted(conn) == _summary(conn)
    _insert(conn, "a@firma.fi", 40)  # and the triggers work from then on
    assert _summary(conn)[0] == ("a@firma.fi", 2, 10, 40)


def test_m016_makes_every_customer_a_person(tmp_path: Path) -> None:
    """A ledger summarised by m005's rule (a company domain is one customer) is re-keyed by the
    address, its history kept, and the triggers follow the new rule."""
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    db = Database(conn)
    migrations.apply(db, stop_before="m016_customers_as_persons")
    _message(conn)
    for email, at in [("a@firma.fi", 10), ("b@firma.fi", 30), ("a@firma.fi", 35)]:
        _insert(conn, email, at)
    assert _summary(conn) == [("firma.fi", 3, 10, 35)]
    migrations.apply(db)
    assert _summary(conn) == [("a@firma.fi", 2, 10, 35), ("b@firma.fi", 1, 30, 30)]
    assert _recounted(conn) == _summary(conn)
    _insert(conn, "c@firma.fi", 40)
    assert _summary(conn)[2] == ("c@firma.fi", 1, 40, 40)


def test_a_conversation_opened_by_check_is_counted(store: Store) -> None:
    """ledger/check.py opens conversations through Store.open_conversation and needs to do nothing
    more: the triggers give it its customer."""
    conv = store.open_conversation(
        {
            "customer_email": "a@firma.fi",
            "customer_name": "A",
            "subject": "Tarjous",
            "base_subject": "tarjous",
            "first_contact_id": 1,
            "first_contact_at": 1000,
            "last_customer_at": 1000,
        }
    )
    row = store.db.execute(
        "SELECT s.customer_key, s.conversations FROM conversations c"
        " JOIN customers s ON s.id = c.customer_id WHERE c.id = ?",
        [conv],
    ).fetchone()
    assert row == ("a@firma.fi", 1)
