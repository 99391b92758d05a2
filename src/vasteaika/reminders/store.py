"""The reminders' SQL: the Reminder record, the queries that list and pick reminders, adding
one (from an acknowledgment's promised slot or a promise in a reply), claiming and recording
its delivery, done and snooze. Apart from the firing and the reply scan so that every
statement on ``reminders`` (migrations m002 and m004) is in one place.
"""

from __future__ import annotations

from vasteaika.ledger.store import Store


def add_reminder(
    store: Store,
    conversation_id: int,
    due_at: int,
    source: str,
    phone: str | None,
    now: int,
    source_message_id: str | None = None,
    promise_text: str | None = None,
    has_time: bool = True,
) -> None:
    store.db.execute(
        "INSERT OR IGNORE INTO reminders (conversation_id, customer_email, customer_name,"
        " subject, phone, due_at, has_time, source, source_message_id, promise_text, created_at)"
        " SELECT id, customer_email, customer_name, subject, ?, ?, ?, ?, ?, ?, ?"
        " FROM conversations WHERE id = ?",
        [
            phone,
            due_at,
            int(has_time),
            source,
            source_message_id,
            promise_text,
            now,
            conversation_id,
        ],
    )
