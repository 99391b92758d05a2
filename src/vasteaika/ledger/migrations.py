"""The ledger's schema, as an ordered list of sqlite-utils migrations (m001 … m009, m013).

Apart from the store so that the SQL of each shipped schema change stays frozen as it was: a
migration is never edited, only appended. ``database.connect`` applies them on every open that
has one pending (only then is sqlite-utils imported: ``plain.py``).
"""

from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Database, Migrations

from vasteaika.ledger.customers import customer_key_sql, domain_sql
from vasteaika.ledger.plain import statements_one_by_one


class ScriptDatabase(Database):
    """A sqlite-utils Database of ours: it runs no sqlite-utils plugin, and its scripts run
    inside a transaction (each migration's) cost what their statements cost.

    Plugins: sqlite-utils otherwise looks its plugins up among the entry points of every
    installed package the first time a process opens a database (0.03–0.05 s of CPU measured
    on a no-change check) and lets each one prepare the connection: someone else's code inside the ledger.

    Scripts: sqlite-utils 4 finds the statements of such a script by joining it again at every
    character, quadratic in a statement's length: applying the schema took about 0.1 s of CPU
    per database opened, the greater part of many tests. Here a statement can end only at a
    semicolon, so only there is the text asked whether it is complete: the same statements,
    run one by one in the same order on the same cursor."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__(conn, execute_plugins=False)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        if not self.conn.in_transaction or self._tracer:
            return super().executescript(sql)
        return statements_one_by_one(self.conn, sql)


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
    fingerprint and are recognised again by Message-ID and sender (``MessageTable._adopt_legacy``).
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


@migrations()
def m013_promise_kinds(db: Database) -> None:
    """Issue 13: what a reminder is for (call, visit, message), promises that could not be read
    (``unreadable``: no reminder time until the owner sets one with ``remind-at``), and the
    calendar event's SEQUENCE, raised each time the event moves (snooze, remind-at)."""
    db.executescript(
        """
        ALTER TABLE reminders ADD COLUMN kind TEXT NOT NULL DEFAULT 'call';
        ALTER TABLE reminders ADD COLUMN unreadable INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE reminders ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
        """
    )


@migrations()
def m014_calendar_events(db: Database) -> None:
    """Each reminder's event in the owner's CalDAV calendar, and the write still to be done: the
    outbox of the calendar sync (reminders/calendar_sync.py). ``action`` create|update|delete is
    pending (NULL: in step); ``state`` pending|synced|deleted|gone (deleted on the phone: never
    recreated)|conflict (edited on the phone: not overwritten); ``start_at`` the start written.
    One small row per reminder: no index."""
    db.executescript(
        """
        CREATE TABLE calendar_events (
            reminder_id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            href TEXT,
            etag TEXT,
            sequence INTEGER NOT NULL DEFAULT 0,
            start_at INTEGER NOT NULL,
            action TEXT,
            state TEXT NOT NULL,
            last_error TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            updated_at INTEGER NOT NULL
        );
        """
    )


@migrations()
def m010_turns(db: Database) -> None:
    """A conversation is a sequence of turns (ledger/turns.py), derived from its timeline:
    customer mails, the owner's answers (``messages.answer_rule``: which rule linked each), and
    the events that are no mail (``conversation_events``: a call made, the owner's close and
    reopen). ``turns`` and the conversation's present state (``waiting_since``, ``turn``,
    ``last_reply_at``, ``closed_at``) are written from it; ``first_reply_*`` stays the headline.
    ``reply_to``: the customer's Reply-To, when it differs from their address (an answer sent
    there is theirs). ``reminders.cancelled_at``: a reminder no longer wanted (its conversation
    closed, its customer ignored); it is done then, but no call was made. A mail's references and recipients are read back by message for the
    answers linked at the end of a run (ledger/answers.link_late_answers). The report finds
    who waited at a past moment along turns_answered and turns_closed."""
    db.executescript(
        """
        ALTER TABLE messages ADD COLUMN answer_rule TEXT;
        ALTER TABLE conversations ADD COLUMN reply_to TEXT;
        ALTER TABLE conversations ADD COLUMN waiting_since INTEGER;
        ALTER TABLE conversations ADD COLUMN turn INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE conversations ADD COLUMN last_reply_at INTEGER;
        ALTER TABLE conversations ADD COLUMN closed_at INTEGER;
        ALTER TABLE reminders ADD COLUMN cancelled_at INTEGER;  -- closed, or customer ignored
        CREATE TABLE conversation_events (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id),
            at INTEGER NOT NULL,
            event TEXT NOT NULL  -- call | close | reopen
        );
        CREATE INDEX conversation_events_conversation ON conversation_events(conversation_id);
        CREATE TABLE turns (
            conversation_id INTEGER NOT NULL REFERENCES conversations(id),
            seq INTEGER NOT NULL,
            since INTEGER NOT NULL,
            answered_at INTEGER,
            answer_id INTEGER REFERENCES messages(id),
            channel TEXT,  -- mail | call
            closed_at INTEGER,
            PRIMARY KEY (conversation_id, seq)
        ) WITHOUT ROWID;
        -- covering what the waiting lists show (check, the report's unanswered): few rows
        CREATE INDEX conversations_waiting_since ON conversations(waiting_since, turn,
            customer_id, first_contact_at, customer_email, customer_name, subject)
            WHERE waiting_since IS NOT NULL;
        CREATE INDEX conversations_reply_to ON conversations(reply_to) WHERE reply_to IS NOT NULL;
        CREATE INDEX turns_answered ON turns(answered_at) WHERE answered_at IS NOT NULL;
        CREATE INDEX turns_closed ON turns(closed_at) WHERE closed_at IS NOT NULL;
        CREATE INDEX message_refs_message ON message_refs(message);
        CREATE INDEX message_recipients_message ON message_recipients(message);
        """
    )


@migrations()
def m011_turns_backfill(db: Database) -> None:
    """Turns for the conversations stored before m010: a call that answered one becomes its
    ``call`` event, then every conversation's timeline is derived once, in one pass along
    messages_conversation (the same derivation as every later write)."""
    from vasteaika.ledger.timeline import derive_all

    db.execute(
        "INSERT INTO conversation_events (conversation_id, at, event)"
        " SELECT id, first_reply_at, 'call' FROM conversations"
        " WHERE reply_channel = 'call' AND first_reply_at IS NOT NULL"
    )
    derive_all(db.conn)


@migrations()
def m016_customers_as_persons(db: Database) -> None:
    """A customer is a person: the summary table ``customers`` is re-keyed by the address alone
    (m005 grouped a non-freemail domain into one customer, lumping private people at a shared
    domain together). Which domains are companies is config (``[customers] companies``), so the
    report groups a company's people when it reads (``report.tables``); the index on the
    address's domain finds them. The triggers are recreated with the address as the key; only
    the conversations whose customer changes are written (not a freemail address's).
    ``turns_next``: the later turns (2 on), for the report's next response times."""
    count_in = """INSERT INTO customers
            (customer_key, conversations, first_contact_at, last_contact_at)
            VALUES (new.customer_email, 1, new.first_contact_at, new.first_contact_at)
            ON CONFLICT (customer_key) DO UPDATE SET conversations = conversations + 1,
                first_contact_at = min(first_contact_at, excluded.first_contact_at),
                last_contact_at = max(last_contact_at, excluded.last_contact_at);
            UPDATE conversations SET customer_id =
                (SELECT id FROM customers WHERE customer_key = new.customer_email)
            WHERE id = new.id;"""
    recount = """DELETE FROM customers WHERE id = old.customer_id
                AND NOT EXISTS (SELECT 1 FROM conversations WHERE customer_id = old.customer_id);
            UPDATE customers SET (conversations, first_contact_at, last_contact_at) =
                (SELECT count(*), min(first_contact_at), max(first_contact_at)
                 FROM conversations WHERE customer_id = old.customer_id)
            WHERE id = old.customer_id;"""
    db.executescript(
        f"""
        DROP TRIGGER conversations_customer_insert;
        DROP TRIGGER conversations_customer_update;
        DROP TRIGGER conversations_customer_delete;
        DROP INDEX conversations_customer_id;
        -- a freemail address was its own customer already: its row stays as it is
        INSERT OR IGNORE INTO customers
            (customer_key, conversations, first_contact_at, last_contact_at)
            SELECT customer_email, count(*), min(first_contact_at), max(first_contact_at)
            FROM conversations GROUP BY customer_email ORDER BY min(first_contact_at), 1;
        UPDATE conversations SET customer_id = k.id
            FROM customers k
            WHERE k.customer_key = conversations.customer_email
              AND conversations.customer_id IS NOT k.id;
        CREATE INDEX conversations_customer_id ON conversations(customer_id, first_contact_at);
        CREATE INDEX customers_domain ON customers({domain_sql("customer_key")});
        -- the report's next response times: the later turns, answered
        CREATE INDEX turns_next ON turns(since, answered_at) WHERE seq > 1;
        -- the companies' rows of m005, no longer anybody's
        DELETE FROM customers WHERE NOT EXISTS
            (SELECT 1 FROM conversations c WHERE c.customer_id = customers.id);
        CREATE TRIGGER conversations_customer_insert AFTER INSERT ON conversations BEGIN
            {count_in}
        END;
        CREATE TRIGGER conversations_customer_update
        AFTER UPDATE OF customer_email, first_contact_at ON conversations BEGIN
            {count_in}
            {recount}
        END;
        CREATE TRIGGER conversations_customer_delete AFTER DELETE ON conversations BEGIN
            {recount}
        END;
        """
    )


@migrations()
def m021_ack_trust(db: Database) -> None:
    """Issue 12, DMARC without configuration: ``messages.authserv_id`` is the id on the topmost
    Authentication-Results header of an INBOX mail ("" when it has none; NULL when read before
    this was recorded, or in another folder), so that the owner's provider can be learned from
    the mailbox (acks/trust.py). ``ack_trust`` holds the one id learned, so that `check` says it
    once, when it is first learned or changes."""
    db.executescript(
        """
        ALTER TABLE messages ADD COLUMN authserv_id TEXT;
        CREATE TABLE ack_trust (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            authserv_id TEXT NOT NULL,
            learned_at INTEGER NOT NULL
        );
        """
    )


@migrations()
def m024_calendar_updates(db: Database) -> None:
    """What each calendar event was last planned from (``content``: a digest of its summary,
    description, start, alarm and time zone), so that a changed promise — its text, phone
    number or time — updates the event, not only a moved one. NULL on the events written before:
    adopted as they are on the next run (a move still updates them)."""
    db.executescript("ALTER TABLE calendar_events ADD COLUMN content TEXT;")


@migrations()
def m017_deferred_schema(db: Database) -> None:
    """Where a first sync into an empty ledger keeps the SQL of the indexes and triggers it
    drops for the load (ledger.first_load), until it makes them again."""
    db.execute("CREATE TABLE deferred_schema (name TEXT PRIMARY KEY, sql TEXT NOT NULL)")


@migrations()
def m020_contact_queue(db: Database) -> None:
    """Issue 18, the contact queue (``queue/``): the complaint words found in each customer mail
    (``complaint``: the words, NULL none; ``complaint_scanned``: read, so never fetched twice;
    ``phone``: the number a conversation's first mail gave, for the queue to show); the
    customers the owner took off the queue for a while (``queue_dismissals``: by the queue's
    customer key, an address or a company's domain, until ``until_at``); and each person's
    rhythm (``customer_rhythm``: the median gap between their conversations and the longest
    gap that began a year before their last one), which the queue keeps for the people whose
    conversations changed (``rhythm_stale``, marked by triggers; every person at first), so
    that it never reads every conversation."""
    db.executescript(
        """
        ALTER TABLE messages ADD COLUMN complaint TEXT;
        ALTER TABLE messages ADD COLUMN complaint_scanned INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN phone TEXT;
        CREATE INDEX messages_complaint ON messages(received_at, conversation_id)
            WHERE complaint IS NOT NULL;
        CREATE INDEX messages_complaint_todo ON messages(received_at)
            WHERE kind = 'customer' AND complaint_scanned = 0;
        CREATE INDEX messages_phone ON messages(conversation_id) WHERE phone IS NOT NULL;
        CREATE TABLE queue_dismissals (
            customer_key TEXT PRIMARY KEY,
            until_at INTEGER NOT NULL,
            reason TEXT NOT NULL,  -- dismiss | call
            created_at INTEGER NOT NULL
        );
        CREATE TABLE customer_rhythm (
            customer_id INTEGER PRIMARY KEY,
            median_gap INTEGER,  -- NULL: fewer than two gaps of a day or more
            season_gap INTEGER   -- NULL: no gap began in that season a year before
        );
        CREATE TABLE rhythm_stale (customer_key TEXT PRIMARY KEY) WITHOUT ROWID;
        INSERT INTO rhythm_stale SELECT customer_key FROM customers;
        CREATE TRIGGER rhythm_stale_insert AFTER INSERT ON conversations BEGIN
            INSERT OR IGNORE INTO rhythm_stale VALUES (new.customer_email);
        END;
        CREATE TRIGGER rhythm_stale_update
        AFTER UPDATE OF customer_email, first_contact_at ON conversations BEGIN
            INSERT OR IGNORE INTO rhythm_stale VALUES (new.customer_email);
            INSERT OR IGNORE INTO rhythm_stale VALUES (old.customer_email);
        END;
        CREATE TRIGGER rhythm_stale_delete AFTER DELETE ON conversations BEGIN
            INSERT OR IGNORE INTO rhythm_stale VALUES (old.customer_email);
        END;
        """
    )
