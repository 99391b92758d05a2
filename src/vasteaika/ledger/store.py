"""The ledger's store: one object per run over the database, holding the run itself (folder
watermarks, runs, problems, the per-message guard) with the messages and conversations tables
(``messages.py``, ``conversations.py``) mixed in. Opening the file is ``database.py``'s, the
schema ``migrations.py``'s; acknowledgments and reminders keep their SQL in their own packages.

Times are stored as integer Unix seconds (UTC) so that SQL can compare and aggregate them; the
time zone is applied when they are shown. Response times are never stored: they are computed on
read from the stored times, so changing hours or holidays later recomputes history.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vasteaika.errors import DataError, VasteaikaError
from vasteaika.ledger.conversations import ConversationTable
from vasteaika.ledger.database import connect, memory_copy, read_only_copy
from vasteaika.ledger.messages import MessageTable
from vasteaika.ledger.plain import LedgerDatabase


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
    from vasteaika.mail.parse import sanitize_header_text

    text = exc.message if isinstance(exc, DataError) else f"{type(exc).__name__}: {exc}"
    return sanitize_header_text(text, 300)


@dataclass(frozen=True)
class FolderState:
    uidvalidity: int
    highest_uid: int


class Store(MessageTable, ConversationTable):
    """All reads and writes of the ledger. One instance per run. Messages and conversations
    have their own modules; this class holds the run: folder watermarks, runs, problems and
    the guard that lets one message's step fail alone."""

    def __init__(self, db: LedgerDatabase) -> None:
        super().__init__(db)
        self.started_empty = False
        self.failed_steps = 0  # message steps that failed under ``guard`` (this process)

    # --- folder state -------------------------------------------------------------------------

    def folder_state(self, folder: str) -> FolderState | None:
        row = self.one("SELECT uidvalidity, highest_uid FROM folder_state WHERE folder = ?", folder)
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

    # --- runs and problems --------------------------------------------------------------------

    def start_run(self, now: int) -> int:
        cur = self.db.execute("INSERT INTO runs (started_at) VALUES (?)", [now])
        self.db.conn.commit()
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, now: int) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE runs SET finished_at = ? WHERE id = ?", [now, run_id])

    def previous_run_at(self, run_id: int) -> int | None:
        row = self.one(
            "SELECT max(started_at) FROM runs WHERE id < ? AND finished_at IS NOT NULL", run_id
        )
        return row[0] if row else None

    def record_problem(
        self, folder: str, uidvalidity: int, uid: int, reason: str, now: int, step: str = "parse"
    ) -> None:
        """The reason without its own "INBOX UID 11: " (a ParseError names the message): the
        row names it, and 'vasteaika problems' would say it twice."""
        reason = reason.removeprefix(f"{folder} UID {uid}: ")
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

    def first_contact_ref(self, conversation_id: int) -> MessageRef | None:
        row = self.one(
            "SELECT m.folder, m.uidvalidity, m.uid FROM conversations c"
            " JOIN messages m ON m.id = c.first_contact_id WHERE c.id = ?",
            conversation_id,
        )
        return MessageRef(*row) if row else None

    def in_memory_copy(self) -> Store:
        """A private copy: everything runs as usual and nothing reaches the disk."""
        return Store(memory_copy(self.db))

    def problems(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM problems ORDER BY seen_at"))


def open_database(path: Path) -> Store:
    """Open (creating privately: directory 0700, files 0600) and migrate the database.

    ``Store.started_empty`` tells the caller that an existing but empty file was started afresh.
    """
    db, empty = connect(path)
    store = Store(db)
    store.started_empty = empty
    return store


def dry_run_copy(path: Path) -> Store:
    """For --dry-run: the database read (read-only) into memory, migrated there; when there is
    none yet, an empty one in memory. Nothing is created, locked or changed on disk."""
    return Store(read_only_copy(path))
