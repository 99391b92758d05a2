"""A first sync into an empty ledger: the indexes no step of the sync reads, and the triggers
that keep the customer summary, are dropped before the load and made again after it.

Maintaining a dozen indexes and a per-conversation trigger for each of 100,000 mails costs more
than building them once over the loaded tables. While they are away their SQL waits in
``deferred_schema`` (written in the transaction that drops them), so a run that dies half-way
leaves a ledger whose next open makes them again (``restore``). Apart from the store because it
is the one place that changes the schema outside a migration.
"""

from __future__ import annotations

import sqlite3

# Indexes for the report, the waiting lists, acknowledgments, reminders and promise scans: no
# lookup of the sync (threading, answers, identity, turns) uses them.
DEFERRABLE_INDEXES = (
    "conversations_first_contact", "conversations_waiting", "conversations_ack",
    "conversations_callback", "conversations_waiting_since", "conversations_customer_id",
    "turns_answered", "turns_closed", "turns_next", "customers_domain", "messages_promise_todo",
    "message_refs_message", "message_recipients_message",
)  # fmt: skip
CUSTOMER_TRIGGERS = (
    "conversations_customer_insert", "conversations_customer_update",
    "conversations_customer_delete",
)  # fmt: skip
# The rule of those triggers (m016: a customer is an address) as one pass over the loaded
# conversations; customers get their ids in the order the trigger would have given them.
_REBUILD_CUSTOMERS = (
    "INSERT INTO customers (customer_key, conversations, first_contact_at, last_contact_at)"
    " SELECT customer_email, count(*), min(first_contact_at), max(first_contact_at)"
    " FROM conversations GROUP BY customer_email ORDER BY min(id)",
    "UPDATE conversations SET customer_id ="
    " (SELECT id FROM customers WHERE customer_key = conversations.customer_email)",
)
_TRIGGER_RULE = "VALUES (new.customer_email, 1, new.first_contact_at, new.first_contact_at)"


def is_empty(conn: sqlite3.Connection) -> bool:
    """No mail, conversation or customer yet: a first sync."""
    tables = ("messages", "conversations", "customers")
    return not any(conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() for t in tables)


def defer(conn: sqlite3.Connection) -> bool:
    """Drop the deferrable indexes (and the customer triggers, when they follow the rule
    ``_REBUILD_CUSTOMERS`` repeats) of an empty ledger; True if anything was deferred."""
    if not is_empty(conn):
        return False
    found = dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
            " AND sql IS NOT NULL"
        ).fetchall()
    )
    names = [n for n in DEFERRABLE_INDEXES if n in found]
    if all(n in found for n in CUSTOMER_TRIGGERS) and all(
        _TRIGGER_RULE in " ".join(found[n].split()) for n in CUSTOMER_TRIGGERS[:2]
    ):
        names += CUSTOMER_TRIGGERS
    if not names:
        return False
    conn.execute("BEGIN")
    try:
        conn.executemany("INSERT INTO deferred_schema VALUES (?, ?)", [(n, found[n]) for n in names])
        for name in names:
            conn.execute(f"DROP {'TRIGGER' if name in CUSTOMER_TRIGGERS else 'INDEX'} {name}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return True


def restore(conn: sqlite3.Connection) -> None:
    """Make again what ``defer`` dropped (after the load, or on the open after a crash; a
    ledger from before m017 has nothing to restore)."""
    known = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deferred_schema'"
    ).fetchone()
    saved = conn.execute("SELECT name, sql FROM deferred_schema").fetchall() if known else []
    if not saved:
        return
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        if any(name in CUSTOMER_TRIGGERS for name, _sql in saved):
            for statement in _REBUILD_CUSTOMERS:
                conn.execute(statement)
        for _name, sql in saved:
            conn.execute(sql)
        conn.execute("DELETE FROM deferred_schema")
    except BaseException:
        if began and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    if began:
        conn.execute("COMMIT")
