"""The database file: opening and migrating it, copies in memory, the user's words for its
faults, putting a rebuilt one in place, and the file locks that keep two runs apart.

Apart from the store because none of this is the ledger's SQL: it is what any SQLite file of
ours needs, and it is the one place that decides how the file is opened (WAL, private modes).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vasteaika.catalogue import fault
from vasteaika.errors import StorageError, TemporaryError
from vasteaika.ledger import first_load
from vasteaika.ledger.peek import is_current
from vasteaika.ledger.plain import LedgerDatabase, PlainDatabase

if TYPE_CHECKING:
    from vasteaika.ledger.migrations import ScriptDatabase


class Connected:
    """What every part of the store stands on: the open database and its one-row reads."""

    def __init__(self, db: LedgerDatabase) -> None:
        self.db = db

    def count(self, sql: str, *params: Any) -> int:
        row = self.one(sql, *params)
        return int(row[0]) if row and row[0] is not None else 0

    def one(self, sql: str, *params: Any) -> tuple[Any, ...] | None:
        row = self.db.execute(sql, list(params)).fetchone()
        return tuple(row) if row is not None else None


def memory_copy(db: LedgerDatabase) -> LedgerDatabase:
    """A private copy of ``db`` (migrated) in memory: everything runs as usual and nothing
    reaches the disk."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    db.conn.backup(memory)
    return PlainDatabase(memory)


# SQLite's primary result codes (https://sqlite.org/rescode.html) that tell of the file or the
# disk rather than of the program. Anything else (a syntax error, a wrong number of bindings, a
# missing table) is a bug and stays an internal error.
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN = 3, 5, 6, 8, 10, 11, 13, 14
_NOTADB = 26


def storage_error(exc: sqlite3.Error, path: Path) -> StorageError | TemporaryError | None:
    """The user's words for a database fault, or None when ``exc`` is a programming error."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    code &= 0xFF  # the extended code carries the primary one in its low byte
    if code == _READONLY:
        return fault(StorageError, "db.read_only", path=path)
    if code in (_CORRUPT, _NOTADB):
        return fault(StorageError, "db.damaged", path=path, reason=str(exc))
    if code == _FULL:
        return fault(StorageError, "db.full", path=path)
    if code in (_IOERR, _CANTOPEN, _PERM):
        return fault(StorageError, "db.io", path=path, reason=str(exc))
    if code in (_BUSY, _LOCKED):
        return fault(TemporaryError, "db.busy", path=path, reason=str(exc))
    return None


def _is_empty(path: Path) -> bool:
    """A 0-byte file (a crash while creating it, or an accident) that SQLite would silently
    treat as a new database."""

    def size(p: Path) -> int:
        return p.stat().st_size if p.exists() else 0

    return path.is_file() and size(path) == 0 and size(path.with_name(path.name + "-wal")) == 0


def connect(path: Path) -> tuple[LedgerDatabase, bool]:
    """Open (creating privately: directory 0700, files 0600) and migrate the database; the flag
    tells that an existing but empty file was started afresh (``Store.started_empty``)."""
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
        # A first sync that died before making its indexes again: made before any later
        # migration, which may expect them.
        first_load.restore(conn)
        if _no_schema(conn):
            _migrated_template().backup(conn)
        db = PlainDatabase(conn) if is_current(conn) else _migrated(conn)
    except OSError as exc:
        raise fault(StorageError, "db.cannot_open", path=path,
                    reason=str(exc.strerror or exc)) from None  # fmt: skip
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise
    except sqlite3.Error as exc:
        raise storage_error(exc, path) or fault(
            StorageError, "db.not_ours", path=path, reason=str(exc)
        ) from None
    return db, empty


def _no_schema(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is None


def _migrated(conn: sqlite3.Connection) -> ScriptDatabase:
    """``conn`` with every pending migration applied: only here is sqlite-utils imported."""
    from vasteaika.ledger.migrations import ScriptDatabase, migrations

    db = ScriptDatabase(conn)
    migrations.apply(db)
    return db


@functools.cache
def _migrated_template() -> sqlite3.Connection:
    """An empty ledger migrated in memory, once per process: a new ledger is a copy of its
    pages (the same schema and migrations, ``tests/test_ledger_scripts.py``), a tenth of the
    CPU of running every migration again on each new file. That was most of the cost of the
    tests that open a ledger, and so of the mutation run, whose forked children inherit it."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _migrated(memory)
    return memory


def read_only_copy(path: Path) -> LedgerDatabase:
    """For --dry-run: the database read (read-only) into memory, migrated there; when there is
    none yet, an empty one in memory. Nothing is created, locked or changed on disk."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    if path.exists():
        try:
            disk = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            disk.backup(memory)
            disk.close()
        except sqlite3.Error as exc:
            raise storage_error(exc, path) or fault(
                StorageError, "db.cannot_read", path=path, reason=str(exc)
            ) from None
    first_load.restore(memory)
    return _migrated(memory)


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
        raise fault(StorageError, "db.cannot_rename", source=source, target=target,
                    reason=str(exc.strerror or exc)) from None  # fmt: skip


def remove_database(path: Path) -> None:
    """Delete a scratch database of our own, with its -wal/-shm/-journal files."""
    try:
        for part in _with_companions(path):
            part.unlink(missing_ok=True)
    except OSError as exc:
        raise fault(StorageError, "db.cannot_remove", path=path,
                    reason=str(exc.strerror or exc)) from None  # fmt: skip


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
        raise fault(StorageError, "db.cannot_lock", path=path, reason=str(exc.strerror)) from None
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
    busy = fault(TemporaryError, "err.busy")
    return file_lock(database.with_name(database.name + ".lock"), busy)
