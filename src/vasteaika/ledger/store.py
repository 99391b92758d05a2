"""SQLite storage through sqlite-utils: messages, conversations, folder sync state, problems.

Times are stored as integer Unix seconds (UTC) so that SQL can compare and aggregate them; the
time zone is applied when they are shown. Response times are never stored: they are computed on
read from the stored times, so changing hours or holidays later recomputes history.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database, Migrations

from vasteaika.errors import DataError, StorageError, TemporaryError, VasteaikaError
from vasteaika.ledger.customers import customer_key_sql
from vasteaika.mail.parse import sanitize_header_text
from vasteaika.models import ConversationRef

migrations = Migrations("vasteaika")


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            folder TEXT NOT NULL,
            uid INTEGER NOT NULL,
            uidvalidity INTEGER NOT NULL,
            message_id TEXT NOT NULL,
            synthetic_id INTEGER NOT NULL DEFAULT 0,
            kind TEXT NOT NULL,
            reasons TEXT NOT NULL,
            from_email TEXT NOT NULL,
            from_name TEXT NOT NULL,
            customer_email TEXT,
            customer_name TEXT,
            subject TEXT NOT NULL,
            base_subject TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            conversation_id INTEGER REFERENCES conversations(id),
            run_id INTEGER,
            UNIQUE (folder, message_id)
        );
        CREATE INDEX messages_message_id ON messages(message_id);
        CREATE INDEX messages_conversation ON messages(conversation_id);
        CREATE INDEX messages_run ON messages(run_id);
        CREATE TABLE message_refs (message INTEGER NOT NULL REFERENCES messages(id), ref TEXT NOT NULL);
        CREATE INDEX message_refs_ref ON message_refs(ref);
        CREATE TABLE message_recipients (
            message INTEGER NOT NULL REFERENCES messages(id), email TEXT NOT NULL
        );
        CREATE INDEX message_recipients_email ON message_recipients(email);
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            customer_email TEXT NOT NULL,
            customer_name TEXT NOT NULL,
            subject TEXT NOT NULL,
            base_subject TEXT NOT NULL,
            via_form INTEGER NOT NULL DEFAULT 0,
            first_contact_id INTEGER NOT NULL REFERENCES messages(id),
            first_contact_message_id TEXT,
            first_contact_at INTEGER NOT NULL,
            last_customer_at INTEGER NOT NULL,
            first_reply_id INTEGER REFERENCES messages(id),
            first_reply_at INTEGER,
            run_id INTEGER
        );
        CREATE INDEX conversations_customer ON conversations(customer_email, last_customer_at);
        CREATE INDEX conversations_first_contact ON conversations(first_contact_at);
        CREATE INDEX conversations_waiting ON conversations(first_reply_at, first_contact_at);
        CREATE TABLE folder_state (
            folder TEXT PRIMARY KEY,
            uidvalidity INTEGER NOT NULL,
            highest_uid INTEGER NOT NULL,
            synced_at INTEGER
        );
        CREATE TABLE problems (
            id INTEGER PRIMARY KEY,
            folder TEXT NOT NULL,
            uid INTEGER NOT NULL,
            uidvalidity INTEGER NOT NULL,
            reason TEXT NOT NULL,
            seen_at INTEGER NOT NULL,
            UNIQUE (folder, uidvalidity, uid)
        );
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at INTEGER NOT NULL,
            finished_at INTEGER
        );
        """
    )


@migrations()
def m002_acknowledgments_and_reminders(db: Database) -> None:
    """The acknowledgment of each conversation (with its outbox state) and callback reminders."""
    db.executescript(
        """
        ALTER TABLE conversations ADD COLUMN ack_status TEXT;  -- pending|sent|draft|skipped|failed
        ALTER TABLE conversations ADD COLUMN ack_reasons TEXT;  -- JSON list: why (not) acknowledged
        ALTER TABLE conversations ADD COLUMN ack_at INTEGER;
        ALTER TABLE conversations ADD COLUMN ack_message_id TEXT;
        ALTER TABLE conversations ADD COLUMN ack_recipient TEXT;
        ALTER TABLE conversations ADD COLUMN callback_at INTEGER;  -- the promised callback slot
        ALTER TABLE conversations ADD COLUMN reply_channel TEXT;  -- mail | call
        ALTER TABLE conversations ADD COLUMN language TEXT;
        CREATE INDEX conversations_ack ON conversations(ack_recipient, ack_at);
        CREATE TABLE reminders (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER REFERENCES conversations(id),
            customer_email TEXT NOT NULL,
            customer_name TEXT NOT NULL,
            subject TEXT NOT NULL,
            phone TEXT,
            due_at INTEGER NOT NULL,
            has_time INTEGER NOT NULL DEFAULT 1,
            source TEXT NOT NULL,  -- ack | reply
            source_message_id TEXT,
            promise_text TEXT,
            created_at INTEGER NOT NULL,
            fired_at INTEGER,
            snoozed_until INTEGER,
            done_at INTEGER,
            UNIQUE (conversation_id, source, due_at)
        );
        CREATE INDEX reminders_due ON reminders(done_at, due_at);
        """
    )


@migrations()
def m003_report_indexes(db: Database) -> None:
    """Indexes the weekly report's queries use."""
    db.executescript(
        """
        CREATE INDEX IF NOT EXISTS conversations_customer_contact
            ON conversations(customer_email, first_contact_at);
        CREATE INDEX IF NOT EXISTS conversations_callback
            ON conversations(callback_at) WHERE callback_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS reminders_due_at ON reminders(due_at);
        """
    )


@migrations()
def m004_reminder_delivery(db: Database) -> None:
    """How each reminder was delivered: pending (claimed) | desktop | email | failed, and why."""
    db.executescript(
        """
        ALTER TABLE reminders ADD COLUMN delivery TEXT;
        ALTER TABLE reminders ADD COLUMN delivery_note TEXT;
        """
    )


@migrations()
def m005_customers(db: Database) -> None:
    """One row per customer (customers.customer_key_sql: the address, or a company's domain)
    with their conversations, first and last contact, and each conversation's customer_id, so
    the report finds new leads, key and silent customers without a pass over all history.
    Triggers apply the rule and keep the summary right for every later write, by anyone."""
    key = customer_key_sql("new.customer_email")
    count_in = f"""INSERT INTO customers
            (customer_key, conversations, first_contact_at, last_contact_at)
            VALUES ({key}, 1, new.first_contact_at, new.first_contact_at)
            ON CONFLICT (customer_key) DO UPDATE SET conversations = conversations + 1,
                first_contact_at = min(first_contact_at, excluded.first_contact_at),
                last_contact_at = max(last_contact_at, excluded.last_contact_at);
            UPDATE conversations SET customer_id =
                (SELECT id FROM customers WHERE customer_key = {key}) WHERE id = new.id;"""
    recount = """DELETE FROM customers WHERE id = old.customer_id
                AND NOT EXISTS (SELECT 1 FROM conversations WHERE customer_id = old.customer_id);
            UPDATE customers SET (conversations, first_contact_at, last_contact_at) =
                (SELECT count(*), min(first_contact_at), max(first_contact_at)
                 FROM conversations WHERE customer_id = old.customer_id)
            WHERE id = old.customer_id;"""
    db.executescript(
        f"""
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            customer_key TEXT NOT NULL UNIQUE,
            conversations INTEGER NOT NULL,
            first_contact_at INTEGER NOT NULL,
            last_contact_at INTEGER NOT NULL
        );
        INSERT INTO customers (customer_key, conversations, first_contact_at, last_contact_at)
            SELECT {customer_key_sql("customer_email")} AS k, count(*), min(first_contact_at),
                   max(first_contact_at)
            FROM conversations GROUP BY k ORDER BY min(first_contact_at), k;
        ALTER TABLE conversations ADD COLUMN customer_id INTEGER REFERENCES customers(id);
        UPDATE conversations SET customer_id = (SELECT id FROM customers
            WHERE customer_key = {customer_key_sql("conversations.customer_email")});
        CREATE INDEX conversations_customer_id ON conversations(customer_id, first_contact_at);
        CREATE TRIGGER conversations_customer_insert AFTER INSERT ON conversations BEGIN
            {count_in}
        END;
        -- counted in again under the (new) customer, then the old customer is recounted
        CREATE TRIGGER conversations_customer_update
        AFTER UPDATE OF customer_email, first_contact_at ON conversations BEGIN
            {count_in}
            {recount}
        END;
        CREATE TRIGGER conversations_customer_delete AFTER DELETE ON conversations BEGIN
            {recount}
        END;
        -- the report's own copies of m003's indexes (made at run time before m003 existed)
        DROP INDEX IF EXISTS report_conversations_customer_contact;
        DROP INDEX IF EXISTS report_conversations_callback;
        DROP INDEX IF EXISTS report_reminders_due_at;
        """
    )


@migrations()
def m006_promise_scan(db: Database) -> None:
    """Which of the owner's replies have been read for promised callbacks: a run that breaks
    after the sync must not lose a promise, and a reply is never read twice."""
    db.executescript(
        """
        ALTER TABLE messages ADD COLUMN promise_scanned INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX messages_promise_todo ON messages(received_at)
            WHERE kind = 'owner' AND promise_scanned = 0;
        """
    )


@migrations()
def m007_problem_steps(db: Database) -> None:
    """Which step of a message failed (parse, classify, thread, promise, phone, ack, reminder):
    one message can now fail in more than one step, each recorded once."""
    db.executescript(
        """
        CREATE TABLE problems_new (
            id INTEGER PRIMARY KEY,
            folder TEXT NOT NULL,
            uid INTEGER NOT NULL,
            uidvalidity INTEGER NOT NULL,
            step TEXT NOT NULL,
            reason TEXT NOT NULL,
            seen_at INTEGER NOT NULL,
            UNIQUE (folder, uidvalidity, uid, step)
        );
        INSERT INTO problems_new (id, folder, uid, uidvalidity, step, reason, seen_at)
            SELECT id, folder, uid, uidvalidity, 'parse', reason, seen_at FROM problems;
        DROP TABLE problems;
        ALTER TABLE problems_new RENAME TO problems;
        """
    )


@migrations(transactional=False)
def m008_message_identity(db: Database) -> None:
    """A message is no longer one per (folder, Message-ID): broken mailers give two customers'
    mails the same id, and the second one was dropped. The key becomes (Message-ID, folder,
    fingerprint) (see ``parse.content_fingerprint``). SQLite cannot drop a table constraint,
    so the table is rebuilt as its documentation says (foreign keys off, one transaction,
    every index and trigger put back, foreign_key_check). Rows stored before keep a NULL
    fingerprint and are recognised again by Message-ID and sender (``Store._adopt_legacy``).
    Not transactional: foreign keys can only be switched off outside a transaction. It is
    idempotent, so a crash before sqlite-utils records it repeats nothing."""
    conn = db.conn
    columns = [row[1] for row in conn.execute("PRAGMA table_info(messages)")]
    if "fingerprint" in columns:
        return
    foreign_keys = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            _rebuild_messages(conn)
    finally:
        conn.execute(f"PRAGMA foreign_keys = {int(foreign_keys)}")


def _rebuild_messages(conn: sqlite3.Connection) -> None:
    [table_sql] = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'messages'"
    ).fetchone()
    others = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'messages'"
            " AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        )
    ]
    new_sql, found = re.subn(r",\s*UNIQUE\s*\(\s*folder\s*,\s*message_id\s*\)", "", table_sql)
    if found != 1:
        raise sqlite3.DatabaseError("messages: the UNIQUE (folder, message_id) to replace is gone")
    conn.execute(new_sql.replace("CREATE TABLE messages", "CREATE TABLE messages_new", 1))
    conn.execute("INSERT INTO messages_new SELECT * FROM messages")
    conn.execute("DROP TABLE messages")
    conn.execute("ALTER TABLE messages_new RENAME TO messages")
    conn.execute("ALTER TABLE messages ADD COLUMN fingerprint INTEGER")
    for sql in others:
        conn.execute(sql)
    # Led by message_id, it also serves every lookup by Message-ID alone (replies, why), so it
    # replaces m001's messages_message_id: one index to write per message, not two.
    conn.execute(
        "CREATE UNIQUE INDEX messages_identity ON messages(message_id, folder, fingerprint)"
    )
    conn.execute("DROP INDEX IF EXISTS messages_message_id")
    conn.execute(
        "CREATE INDEX messages_legacy ON messages(folder, uidvalidity) WHERE fingerprint IS NULL"
    )
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise sqlite3.IntegrityError(f"messages rebuilt with broken references: {broken[:3]}")


@migrations()
def m009_arrival_source(db: Database) -> None:
    """Where each message's arrival time came from: internaldate (IMAP), or for local mail
    received (the topmost Received header), date (the Date header) or file (the file's time).
    NULL for messages read before this was recorded."""
    db.execute("ALTER TABLE messages ADD COLUMN arrival_source TEXT")


def epoch(t: datetime) -> int:
    return int(t.timestamp())


def from_epoch(s: int | None) -> datetime | None:
    return None if s is None else datetime.fromtimestamp(s, UTC)


@dataclass(frozen=True)
class MessageRef:
    """Where a message is in the mailbox: what a problem is recorded against."""

    folder: str
    uidvalidity: int
    uid: int


@dataclass
class StepOutcome:
    """What a guarded step came to: ``failed`` with its ``reason`` (also in ``problems``)."""

    failed: bool = False
    reason: str = ""


def is_environment_failure(exc: Exception) -> bool:
    """A failure of the world around the message — the network, the disk, the database, the
    configuration — which every other message would meet too. Such a failure stops the run
    with its own clear message instead of being blamed on one mail."""
    if isinstance(exc, VasteaikaError):
        return not isinstance(exc, DataError)
    if isinstance(exc, sqlite3.Error):  # locked, full, I/O error, corrupt: not the mail's fault
        data_caused = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.ProgrammingError)
        return not isinstance(exc, data_caused)
    return isinstance(exc, (OSError, MemoryError))


def failure_reason(exc: Exception) -> str:
    """One line for ``vasteaika problems``: our own message, else the exception's type and text."""
    text = exc.message if isinstance(exc, DataError) else f"{type(exc).__name__}: {exc}"
    return sanitize_header_text(text, 300)


@dataclass(frozen=True)
class FolderState:
    uidvalidity: int
    highest_uid: int


_CONV_REF_SQL = """
    SELECT id, customer_email, base_subject, first_contact_at,
           max(last_customer_at, coalesce(first_reply_at, 0)) AS last_activity_at,
           first_reply_at
    FROM conversations
"""


class Store:
    """All reads and writes of the database. One instance per run."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.started_empty = False
        self.failed_steps = 0  # message steps that failed under ``guard`` (this process)

    # --- folder state -------------------------------------------------------------------------

    def folder_state(self, folder: str) -> FolderState | None:
        row = self._one(
            "SELECT uidvalidity, highest_uid FROM folder_state WHERE folder = ?", folder
        )
        return FolderState(row[0], row[1]) if row else None

    def set_folder_state(self, folder: str, uidvalidity: int, highest_uid: int, now: int) -> None:
        self.db.execute(
            "INSERT INTO folder_state (folder, uidvalidity, highest_uid, synced_at) VALUES (?,?,?,?)"
            " ON CONFLICT(folder) DO UPDATE SET uidvalidity = excluded.uidvalidity,"
            " highest_uid = max(highest_uid, excluded.highest_uid), synced_at = excluded.synced_at",
            [folder, uidvalidity, highest_uid, now],
        )

    def reset_folder(self, folder: str, uidvalidity: int, now: int) -> None:
        """UIDVALIDITY changed: forget the watermark; messages are matched again by content
        (Message-ID and fingerprint, see ``insert_message``)."""
        self.db.execute(
            "INSERT OR REPLACE INTO folder_state (folder, uidvalidity, highest_uid, synced_at)"
            " VALUES (?,?,0,?)",
            [folder, uidvalidity, now],
        )

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[None]:
        """``db.atomic()`` for one message inside an open transaction, under a fixed savepoint
        name so that SQLite prepares its statements once per run, not once per message."""
        conn = self.db.conn
        if not conn.in_transaction:
            with self.db.atomic():
                yield
            return
        conn.execute("SAVEPOINT vasteaika_message")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # an error may have ended the whole transaction already
                conn.execute("ROLLBACK TO SAVEPOINT vasteaika_message")
                conn.execute("RELEASE SAVEPOINT vasteaika_message")
            raise
        conn.execute("RELEASE SAVEPOINT vasteaika_message")

    def has_conversations(self) -> bool:
        return self._one("SELECT 1 FROM conversations LIMIT 1") is not None

    # --- runs and problems --------------------------------------------------------------------

    def start_run(self, now: int) -> int:
        cur = self.db.execute("INSERT INTO runs (started_at) VALUES (?)", [now])
        self.db.conn.commit()
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, now: int) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE runs SET finished_at = ? WHERE id = ?", [now, run_id])

    def previous_run_at(self, run_id: int) -> int | None:
        row = self._one(
            "SELECT max(started_at) FROM runs WHERE id < ? AND finished_at IS NOT NULL", run_id
        )
        return row[0] if row else None

    def record_problem(
        self, folder: str, uidvalidity: int, uid: int, reason: str, now: int, step: str = "parse"
    ) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO problems (folder, uidvalidity, uid, step, reason, seen_at)"
            " VALUES (?,?,?,?,?,?)",
            [folder, uidvalidity, uid, step, reason[:500], now],
        )

    @contextlib.contextmanager
    def guard(
        self, ref: MessageRef, step: str, now: int, *, writes: bool = True
    ) -> Iterator[StepOutcome]:
        """Run one step of one message so that its failure costs only that step: the step's
        writes roll back alone, the failure is recorded in ``problems`` (folder, UID, step,
        reason) and the run goes on. The caller reads ``failed`` to skip what depended on the
        step. Failures of the environment (``is_environment_failure``) and interrupts still
        stop the run. ``writes`` False: the step writes nothing, so it needs no savepoint
        (two of them per message would slow a first sync of 100,000 mails)."""
        outcome = StepOutcome()
        try:
            with self.savepoint() if writes else contextlib.nullcontext():
                yield outcome
        except Exception as exc:
            if is_environment_failure(exc):
                raise
            outcome.failed, outcome.reason = True, failure_reason(exc)
            self.failed_steps += 1
            with self.savepoint():
                self.record_problem(ref.folder, ref.uidvalidity, ref.uid, outcome.reason, now,
                                    step=step)  # fmt: skip

    # --- messages -----------------------------------------------------------------------------

    def insert_message(
        self, row: dict[str, Any], refs: list[str], recipients: list[str], legacy: bool = False
    ) -> int | None:
        """The new message's id; None (and nothing new written) when the folder already holds
        this mail: the same Message-ID and ``fingerprint`` (parse.content_fingerprint).

        While UIDVALIDITY holds, each UID is read once (the watermark). After it changes the
        folder is read again under new UIDs: a stored mail is found by its key and moved to
        its new (uidvalidity, uid), so acknowledgments and promise scans can still fetch it.
        ``legacy``: the folder still holds rows stored before fingerprints (m008) in an older
        UIDVALIDITY; those are recognised by Message-ID and sender."""
        if legacy and self._adopt_legacy(row):
            return None
        cur = self.db.execute(
            f"INSERT INTO messages ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
            " ON CONFLICT (folder, message_id, fingerprint) DO NOTHING",
            list(row.values()),
        )
        if cur.rowcount != 1:
            self.db.execute(
                "UPDATE messages SET uid = ?, uidvalidity = ? WHERE folder = ? AND message_id = ?"
                " AND fingerprint = ? AND uidvalidity <> ?",
                [row["uid"], row["uidvalidity"], row["folder"], row["message_id"],
                 row["fingerprint"], row["uidvalidity"]],
            )  # fmt: skip
            return None
        pk = int(cur.lastrowid or 0)
        if refs:
            self.db.conn.executemany(
                "INSERT INTO message_refs VALUES (?, ?)", [(pk, r) for r in refs]
            )
        if recipients:
            self.db.conn.executemany(
                "INSERT INTO message_recipients VALUES (?, ?)", [(pk, e) for e in recipients]
            )
        return pk

    def has_legacy(self, folder: str, uidvalidity: int) -> bool:
        """Does ``folder`` hold rows without a fingerprint from another UIDVALIDITY?"""
        return (
            self._one(
                "SELECT 1 FROM messages WHERE folder = ? AND fingerprint IS NULL"
                " AND uidvalidity <> ? LIMIT 1",
                folder,
                uidvalidity,
            )
            is not None
        )

    def retire_legacy(self, folder: str, uidvalidity: int) -> None:
        """After ``folder`` was read to its end in ``uidvalidity``, rows from before m008 in
        an older UIDVALIDITY that no mail matched are mail deleted since: fingerprint 0 takes
        them out of the search, so a later mail reusing the id is never taken for them."""
        self.db.execute(
            "UPDATE messages SET fingerprint = 0 WHERE folder = ? AND fingerprint IS NULL"
            " AND uidvalidity <> ?",
            [folder, uidvalidity],
        )

    def _adopt_legacy(self, row: dict[str, Any]) -> bool:
        """A row from before m008 in an older UIDVALIDITY with this Message-ID and sender is
        this mail read again: it takes the fingerprint and the new place. (There is at most
        one: the old key was (folder, Message-ID).) In the current UIDVALIDITY a new UID is
        never an old row: that is a second mail sharing the id."""
        cur = self.db.execute(
            "UPDATE OR IGNORE messages SET fingerprint = ?, uid = ?, uidvalidity = ?"
            " WHERE id = (SELECT id FROM messages WHERE folder = ? AND message_id = ?"
            " AND fingerprint IS NULL AND uidvalidity <> ? AND from_email = ?)",
            [row["fingerprint"], row["uid"], row["uidvalidity"], row["folder"],
             row["message_id"], row["uidvalidity"], row["from_email"]],
        )  # fmt: skip
        return cur.rowcount == 1

    def set_message_conversation(self, message_pk: int, conversation_id: int) -> None:
        self.db.execute(
            "UPDATE messages SET conversation_id = ? WHERE id = ?", [conversation_id, message_pk]
        )

    # --- conversations ------------------------------------------------------------------------

    def conversation_by_message_ids(
        self, ids: list[str], prefer: list[str] | None = None
    ) -> ConversationRef | None:
        """The newest conversation any of ``ids`` belongs to (a reply's In-Reply-To/References).
        A Message-ID may be shared by two customers' mails (broken mailers): a conversation
        with one of the ``prefer`` addresses (the reply's recipients, or the sender) wins."""
        if not ids:
            return None
        marks = ",".join("?" * len(ids))
        preferred = ",".join("?" * len(prefer or []))
        row = self._one(
            f"{_CONV_REF_SQL} WHERE id IN (SELECT conversation_id FROM messages"
            f" WHERE message_id IN ({marks}) AND conversation_id IS NOT NULL)"
            f" ORDER BY customer_email IN ({preferred}) DESC, first_contact_at DESC LIMIT 1",
            *ids,
            *(prefer or []),
        )
        return ConversationRef(*row) if row else None

    def latest_conversation(self, customer_email: str, before: int) -> ConversationRef | None:
        row = self._one(
            f"{_CONV_REF_SQL} WHERE customer_email = ? AND first_contact_at <= ?"
            " ORDER BY first_contact_at DESC LIMIT 1",
            customer_email,
            before,
        )
        return ConversationRef(*row) if row else None

    def open_conversation(self, row: dict[str, Any]) -> int:
        cur = self.db.execute(
            f"INSERT INTO conversations ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        return int(cur.lastrowid or 0)

    def touch_conversation(self, conversation_id: int, customer_at: int) -> None:
        self.db.execute(
            "UPDATE conversations SET last_customer_at = max(last_customer_at, ?) WHERE id = ?",
            [customer_at, conversation_id],
        )

    def set_first_reply(self, conversation_id: int, message_pk: int, at: int) -> None:
        """Record a reply unless an earlier one is already known (mail may sync out of order)."""
        self.set_message_conversation(message_pk, conversation_id)
        self.db.execute(
            "UPDATE conversations SET first_reply_id = ?, first_reply_at = ?, reply_channel = 'mail'"
            " WHERE id = ? AND ? >= first_contact_at AND (first_reply_at IS NULL OR first_reply_at > ?)",
            [message_pk, at, conversation_id, at, at],
        )

    def earliest_owner_reply(
        self,
        message_id: str | None,
        customer_email: str,
        base_subject: str | None,
        since: int,
        until: int,
    ) -> tuple[int, int] | None:
        """An owner message already stored that answers a new conversation: linked by its
        references, else sent to the customer with the same base subject inside the window
        (``base_subject`` None: by reference only). Two indexed lookups (by reference, by
        recipient), never a scan of all messages.

        A reference does not answer this customer when the reply went to another customer
        who also sent a mail with this Message-ID (a broken mailer gave two customers one id):
        the owner answered them, not this one."""
        found: list[tuple[int, int]] = []
        if message_id is not None:
            row = self._one(
                "SELECT m.id, m.received_at FROM message_refs r JOIN messages m ON m.id = r.message"
                " WHERE r.ref = ? AND m.kind = 'owner' AND m.received_at >= ?"
                " AND (EXISTS (SELECT 1 FROM message_recipients WHERE email = ? AND message = m.id)"
                "  OR NOT EXISTS (SELECT 1 FROM message_recipients p JOIN messages o"
                "   ON o.message_id = r.ref AND o.customer_email = p.email WHERE p.message = m.id))"
                " ORDER BY m.received_at LIMIT 1",
                message_id, since, customer_email,
            )  # fmt: skip
            found += [(row[0], row[1])] if row else []
        if base_subject is not None and customer_email:
            row = self._one(
                "SELECT m.id, m.received_at FROM message_recipients p"
                " JOIN messages m ON m.id = p.message WHERE p.email = ? AND m.kind = 'owner'"
                " AND m.base_subject = ? AND m.received_at BETWEEN ? AND ?"
                " ORDER BY m.received_at LIMIT 1",
                customer_email, base_subject, since, until,
            )  # fmt: skip
            found += [(row[0], row[1])] if row else []
        return min(found, key=lambda f: f[1]) if found else None

    def conversation_for_reply(
        self, recipients: list[str], base_subject: str, at: int, window: int
    ) -> ConversationRef | None:
        """Fallback for replies without In-Reply-To/References (phone mail apps)."""
        if not recipients:
            return None
        marks = ",".join("?" * len(recipients))
        row = self._one(
            f"{_CONV_REF_SQL} WHERE customer_email IN ({marks}) AND base_subject = ?"
            " AND first_contact_at <= ? AND last_customer_at >= ?"
            " ORDER BY first_contact_at DESC LIMIT 1",
            *recipients,
            base_subject,
            at,
            at - window,
        )
        return ConversationRef(*row) if row else None

    # --- acknowledgments and reminders ---------------------------------------------------------

    def ack_candidates(self, cutoff: int) -> list[dict[str, Any]]:
        """Young, unanswered conversations without an acknowledgment decision yet. Older ones are
        marked skipped in bulk, so `why` can say so and they are never looked at again."""
        self.db.execute(
            "UPDATE conversations SET ack_status = 'skipped', ack_reasons = ?"
            " WHERE ack_status IS NULL AND (first_contact_at < ? OR first_reply_at IS NOT NULL)",
            ['["backlog or answered: older than ack.max_age, or you had already replied"]', cutoff],
        )
        return list(
            self.db.query(
                "SELECT c.id, c.first_contact_message_id, m.folder, m.uid, m.uidvalidity,"
                " m.received_at FROM conversations c"
                " JOIN messages m ON m.id = c.first_contact_id"
                " WHERE c.ack_status IS NULL AND c.first_reply_at IS NULL"
                " AND c.first_contact_at >= ? ORDER BY c.first_contact_at",
                [cutoff],
            )
        )

    def last_ack_to(self, *emails: str) -> int | None:
        """When an acknowledgment last went to any of ``emails``: as recorded by this database,
        or as read back from the mailbox (our own acks in Sent, from any computer)."""
        marks = ",".join("?" * len(emails))
        row = self._one(
            f"SELECT max(at) FROM (SELECT max(ack_at) AS at FROM conversations"
            f" WHERE ack_recipient IN ({marks}) AND ack_status IN ('sent', 'pending', 'draft')"
            f" UNION ALL SELECT max(m.received_at) FROM message_recipients p"
            f" JOIN messages m ON m.id = p.message WHERE p.email IN ({marks}) AND m.kind = 'ack')",
            *emails, *emails,
        )  # fmt: skip
        return row[0] if row else None

    def ack_seen_for(self, message_id: str | None, *emails: str) -> bool:
        """Is there an acknowledgment of this mail, sent to one of ``emails``, in the mailbox
        already (sent from anywhere)? The recipient matters: two customers' mails may share a
        Message-ID, and acknowledging one of them is no acknowledgment of the other."""
        if message_id is None or not emails:
            return False
        marks = ",".join("?" * len(emails))
        return (
            self._one(
                "SELECT 1 FROM message_refs r JOIN messages m ON m.id = r.message"
                " JOIN message_recipients p ON p.message = m.id"
                f" WHERE r.ref = ? AND m.kind = 'ack' AND p.email IN ({marks}) LIMIT 1",
                message_id,
                *emails,
            )
            is not None
        )

    def set_ack(self, conversation_id: int, status: str | None, **fields: Any) -> None:
        columns = {"ack_status": status}
        for name, value in fields.items():
            column = name if name in ("callback_at", "language") else f"ack_{name}"
            columns[column] = value
        sets = ", ".join(f"{c} = ?" for c in columns)
        self.db.execute(
            f"UPDATE conversations SET {sets} WHERE id = ?", [*columns.values(), conversation_id]
        )

    def skip_undecided_acks(self, reason: str) -> int:
        """Decide "no acknowledgment" for every conversation not decided yet; returns how many."""
        with self.db.atomic():
            cur = self.db.execute(
                "UPDATE conversations SET ack_status = 'skipped', ack_reasons = ?"
                " WHERE ack_status IS NULL",
                [json.dumps([reason], ensure_ascii=False)],
            )
        return cur.rowcount

    def resolve_pending_acks(self) -> list[tuple[int, int | None]]:
        """Pending or drafted acks whose Message-ID is in the mailbox now: mark them sent and
        return (conversation id, promised callback) of each."""
        rows = [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT id, callback_at FROM conversations WHERE ack_status IN ('pending', 'draft')"
                " AND ack_message_id IN (SELECT message_id FROM messages)"
            ).fetchall()
        ]
        self.db.conn.executemany(
            "UPDATE conversations SET ack_status = 'sent' WHERE id = ?", [(r[0],) for r in rows]
        )
        return rows

    def first_contact_ref(self, conversation_id: int) -> MessageRef | None:
        row = self._one(
            "SELECT m.folder, m.uidvalidity, m.uid FROM conversations c"
            " JOIN messages m ON m.id = c.first_contact_id WHERE c.id = ?",
            conversation_id,
        )
        return MessageRef(*row) if row else None

    def add_reminder(
        self,
        conversation_id: int,
        due_at: int,
        source: str,
        phone: str | None,
        now: int,
        source_message_id: str | None = None,
        promise_text: str | None = None,
        has_time: bool = True,
    ) -> None:
        self.db.execute(
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

    def in_memory_copy(self) -> Store:
        """A private copy: everything runs as usual and nothing reaches the disk."""
        memory = sqlite3.connect(":memory:", isolation_level=None)
        self.db.conn.backup(memory)
        return Store(Database(memory))

    # --- reading for commands -----------------------------------------------------------------

    def conversations(
        self, since: int | None = None, waiting_only: bool = False, run_id: int | None = None
    ) -> list[dict[str, Any]]:
        where, params = ["1 = 1"], []
        if run_id is not None:
            where.append("run_id = ?")
            params.append(run_id)
        if since is not None:
            where.append("first_contact_at >= ?")
            params.append(since)
        if waiting_only:
            where.append("first_reply_at IS NULL")
        return list(
            self.db.query(
                f"SELECT * FROM conversations WHERE {' AND '.join(where)} ORDER BY first_contact_at",
                params,
            )
        )

    def messages_by_message_id(self, message_id: str) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM messages WHERE message_id = ?", [message_id]))

    def conversation(self, conversation_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM conversations WHERE id = ?", [conversation_id]))
        return rows[0] if rows else None

    def problems(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM problems ORDER BY seen_at"))

    def count(self, sql: str, *params: Any) -> int:
        row = self._one(sql, *params)
        return int(row[0]) if row and row[0] is not None else 0

    def _one(self, sql: str, *params: Any) -> tuple[Any, ...] | None:
        row = self.db.execute(sql, list(params)).fetchone()
        return tuple(row) if row is not None else None


# SQLite's primary result codes (https://sqlite.org/rescode.html) that tell of the file or the
# disk rather than of the program. Anything else (a syntax error, a wrong number of bindings, a
# missing table) is a bug and stays an internal error.
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN = 3, 5, 6, 8, 10, 11, 13, 14
_NOTADB = 26
REBUILD_HINT = (
    "run 'vasteaika rebuild': it moves the file aside and reads the ledger again from your mailbox"
)


def storage_error(exc: sqlite3.Error, path: Path) -> StorageError | TemporaryError | None:
    """The user's words for a database fault, or None when ``exc`` is a programming error."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    code &= 0xFF  # the extended code carries the primary one in its low byte
    if code == _READONLY:
        return StorageError(
            f"the database {path} is not writable",
            "give yourself write permission on it and on its folder (chmod u+w), "
            "or set storage.database to a writable place",
        )
    if code in (_CORRUPT, _NOTADB):
        return StorageError(f"the database {path} is damaged ({exc})", REBUILD_HINT)
    if code == _FULL:
        return StorageError(f"the disk holding {path} is full", "free some space and run again")
    if code in (_IOERR, _CANTOPEN, _PERM):
        return StorageError(
            f"cannot read or write the database {path} ({exc})",
            "check that the file and its folder exist and are writable, or set storage.database",
        )
    if code in (_BUSY, _LOCKED):
        return TemporaryError(
            f"the database {path} is busy ({exc})", "another program holds it: run again later"
        )
    return None


def _is_empty(path: Path) -> bool:
    """A 0-byte file (a crash while creating it, or an accident) that SQLite would silently
    treat as a new database."""

    def size(p: Path) -> int:
        return p.stat().st_size if p.exists() else 0

    return path.is_file() and size(path) == 0 and size(path.with_name(path.name + "-wal")) == 0


def open_database(path: Path) -> Store:
    """Open (creating privately: directory 0700, files 0600) and migrate the database.

    ``Store.started_empty`` tells the caller that an existing but empty file was started afresh.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        empty = _is_empty(path)
        old = os.umask(0o077)
        try:
            conn = sqlite3.connect(path, timeout=10, isolation_level=None)
        finally:
            os.umask(old)
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL keeps every commit atomic and the database consistent after a crash
        # or power cut; it only skips the fsync per commit (a power cut may lose the last few
        # messages, which the next run simply reads again). One fsync per message costs 10×.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = Database(conn)
        migrations.apply(db)
    except OSError as exc:
        raise StorageError(
            f"cannot open the database {path}: {exc.strerror or exc}",
            "check that the folder exists and is writable, or set storage.database",
        ) from None
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise
    except sqlite3.Error as exc:
        raise storage_error(exc, path) or StorageError(
            f"cannot open the database {path}: {exc}",
            f"is it vasteaika's database? Set storage.database to another file, or {REBUILD_HINT}",
        ) from None
    store = Store(db)
    store.started_empty = empty
    return store


def dry_run_copy(path: Path) -> Store:
    """For --dry-run: the database read (read-only) into memory, migrated there; when there is
    none yet, an empty one in memory. Nothing is created, locked or changed on disk."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    if path.exists():
        try:
            disk = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            disk.backup(memory)
            disk.close()
        except sqlite3.Error as exc:
            raise storage_error(exc, path) or StorageError(
                f"cannot read the database {path}: {exc}", "check the file and its permissions"
            ) from None
    db = Database(memory)
    migrations.apply(db)
    return Store(db)


# The files SQLite keeps beside a database: they belong to it and move with it.
COMPANIONS = ("", "-wal", "-shm", "-journal")


def _with_companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in COMPANIONS]


def _rename(source: Path, target: Path) -> None:
    """Rename a database together with its -wal/-shm/-journal files (so it stays whole)."""
    try:
        for part, moved in zip(_with_companions(source), _with_companions(target), strict=True):
            if part.exists():
                part.rename(moved)
    except OSError as exc:
        raise StorageError(
            f"cannot rename {source} to {target}: {exc.strerror or exc}",
            "check that its folder is writable",
        ) from None


def remove_database(path: Path) -> None:
    """Delete a scratch database of our own, with its -wal/-shm/-journal files."""
    try:
        for part in _with_companions(path):
            part.unlink(missing_ok=True)
    except OSError as exc:
        raise StorageError(
            f"cannot remove {path}: {exc.strerror or exc}", "check that its folder is writable"
        ) from None


def replace_database(path: Path, new: Path, stamp: str) -> Path | None:
    """Put the database ``new`` (closed) in the place of ``path``. The old one is renamed to
    ``<name>.damaged-<stamp>``, never deleted; returns that name, or None when there was none."""
    aside: Path | None = None
    if any(p.exists() for p in _with_companions(path)):
        aside, n = path.with_name(f"{path.name}.damaged-{stamp}"), 1
        while any(p.exists() for p in _with_companions(aside)):
            n += 1
            aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        _rename(path, aside)
    _rename(new, path)
    return aside


@contextlib.contextmanager
def file_lock(path: Path, busy: TemporaryError) -> Iterator[None]:
    """An exclusive flock on ``path`` (created private), held while the block runs; ``busy`` is
    raised at once when another process holds it. The kernel drops it if the process dies."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StorageError(
            f"cannot create the lock file {path}: {exc.strerror}",
            "check that the folder is writable",
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise busy from None
        yield
    finally:
        os.close(fd)


def run_lock(database: Path) -> contextlib.AbstractContextManager[None]:
    """Stop two overlapping runs (cron plus a hand run) from working on one mailbox at once."""
    busy = TemporaryError(
        "another vasteaika run is working on this mailbox", "wait for it to finish and run again"
    )
    return file_lock(database.with_name(database.name + ".lock"), busy)
