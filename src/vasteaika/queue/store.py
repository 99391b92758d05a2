"""The queue's lasting SQL (migration m020): who the owner took off the queue and until when,
the complaint words read from each customer mail, and keeping each person's rhythm. Apart from ``tables`` (one build's
working tables, rolled back) because these rows are written and stay.
"""

from __future__ import annotations

from typing import Any

from vasteaika.ledger.store import Store
from vasteaika.queue import rhythm


def dismissed(store: Store, now: int) -> set[str]:
    """The customer keys (addresses, companies' domains) off the queue at ``now``."""
    rows = store.db.execute(
        "SELECT customer_key FROM queue_dismissals WHERE until_at > ?", [now]
    ).fetchall()
    return {r[0] for r in rows}


def dismiss(store: Store, customer_key: str, until: int, reason: str, now: int) -> None:
    """Off the queue until ``until``; a later dismissal of the same customer replaces it."""
    with store.db.atomic():
        store.db.execute(
            "INSERT INTO queue_dismissals (customer_key, until_at, reason, created_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (customer_key) DO UPDATE SET"
            " until_at = excluded.until_at, reason = excluded.reason,"
            " created_at = excluded.created_at",
            [customer_key, until, reason, now],
        )


def mails_to_scan(store: Store, since: int) -> list[dict[str, Any]]:
    """The customer mails received since ``since`` not read for complaint words yet, and
    whether each opened its conversation."""
    return list(store.db.query(
        "SELECT m.id, m.folder, m.uid, m.uidvalidity, m.subject,"
        " c.first_contact_id IS m.id AS is_first FROM messages m INDEXED BY"
        " messages_complaint_todo LEFT JOIN conversations c ON c.id = m.conversation_id"
        " WHERE m.kind = 'customer' AND m.complaint_scanned = 0"
        " AND m.received_at >= ? ORDER BY m.folder, m.uid",
        [since]))  # fmt: skip


def mark_complaint(
    store: Store, message_pk: int, words: tuple[str, ...], phone: str | None = None
) -> None:
    store.db.execute(
        "UPDATE messages SET complaint = ?, phone = ?, complaint_scanned = 1 WHERE id = ?",
        [", ".join(words) or None, phone, message_pk],
    )


def reminder_of(store: Store, conversation_id: int, source: str, due_at: int) -> int:
    """The id of the reminder the queue made (reminders are unique by these three)."""
    row = store.db.execute(
        "SELECT id FROM reminders WHERE conversation_id = ? AND source = ? AND due_at = ?",
        [conversation_id, source, due_at],
    ).fetchone()
    return int(row[0])


def refresh_rhythm(store: Store) -> int:
    """Keep the rhythm of the people whose conversations changed (see ``rhythm``): one
    transaction, so a run that breaks leaves them stale, never half-kept."""
    with store.db.atomic():
        return rhythm.refresh(store.db.conn)
