"""The ledger's database on the standard library alone, for a ledger whose schema is current.

The store asks five things of sqlite-utils' Database: ``execute``, ``query``, ``atomic``,
``executescript`` and ``close`` (and its ``conn``). Importing sqlite-utils (with click, pluggy
and dateutil) costs about 75 ms of CPU, a quarter of cron's no-change ``check --quiet``, and is
needed only to migrate (``migrations.py``). So ``database.connect`` gives a ``PlainDatabase``
when there is nothing to migrate, and sqlite-utils' own Database otherwise.

Each method does what sqlite-utils 4's does on the connections the ledger opens (autocommit:
``isolation_level=None``), so the store cannot tell the two apart: the same statements, the
same commits and savepoints, the same rows (dicts, a repeated column name made unique).
``tests/test_plain_database.py`` runs the same calls on both.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

Params = Sequence[Any] | dict[str, Any] | None

# The first keywords of statements that control transactions: execute() commits after none of
# them; query() runs none of them (nor VACUUM, ATTACH, DETACH), as sqlite-utils.
_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
_QUERY_REJECTED = _TRANSACTION_CONTROL | {"VACUUM", "ATTACH", "DETACH"}
_NOT_ROWS = "query() can only be used with SQL that returns rows - use execute() for other statements"


class LedgerDatabase(Protocol):
    """What the store uses of a database: sqlite-utils' Database and PlainDatabase both are one."""

    conn: sqlite3.Connection

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor: ...

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]: ...

    def atomic(self) -> contextlib.AbstractContextManager[object]: ...

    def executescript(self, sql: str) -> sqlite3.Cursor: ...

    def close(self) -> None: ...


class PlainDatabase:
    """sqlite-utils' Database as the store uses it, over an open autocommit connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._savepoints = itertools.count(1)
        self.execute("PRAGMA recursive_triggers=on;")  # as sqlite-utils' Database does

    def close(self) -> None:
        self.conn.close()

    def execute(self, sql: str, parameters: Params = None) -> sqlite3.Cursor:
        """Run one statement; a write that opened a transaction of its own is committed."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if (not was_in_transaction and conn.in_transaction and cursor.description is None
                and first_keyword(sql) not in _TRANSACTION_CONTROL):  # fmt: skip
            conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Params = None) -> Iterator[dict[str, Any]]:
        """The rows of ``sql`` as dicts; a statement that returns no rows is undone and refused
        (ValueError)."""
        keyword = first_keyword(sql)
        if keyword in _QUERY_REJECTED:
            raise ValueError(_NOT_ROWS)
        args: tuple[Any, ...] = (params,) if params is not None else ()
        conn = self.conn
        if keyword == "PRAGMA":  # some refuse to run inside a transaction: no savepoint
            cursor = conn.execute(sql, *args)
            if cursor.description is None:
                raise ValueError(_NOT_ROWS)
            return _rows(cursor, cursor)
        conn.execute('SAVEPOINT "sqlite_utils_query"')
        released = False
        try:
            cursor = conn.execute(sql, *args)
            if cursor.description is None:
                raise ValueError(_NOT_ROWS)
            try:
                conn.execute('RELEASE "sqlite_utils_query"')
                released = True
            except sqlite3.OperationalError:  # a write still returning rows: finish it first
                fetched = cursor.fetchall()
                conn.execute('RELEASE "sqlite_utils_query"')
                released = True
                return _rows(cursor, fetched)
            return _rows(cursor, cursor)
        finally:
            if not released and conn.in_transaction:
                conn.execute('ROLLBACK TO "sqlite_utils_query"')
                conn.execute('RELEASE "sqlite_utils_query"')

    @contextlib.contextmanager
    def atomic(self) -> Iterator[PlainDatabase]:
        """A transaction; inside one, a savepoint. Rolled back when the block raises."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"sqlite_utils_{next(self._savepoints)}"
            conn.execute(f"SAVEPOINT {savepoint};")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it all already
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint};")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint};")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint};")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self._rollback()
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def executescript(self, sql: str) -> sqlite3.Cursor:
        """The statements of ``sql``; inside a transaction one by one, so that none commits it."""
        if not self.conn.in_transaction:
            return self.conn.executescript(sql)
        return statements_one_by_one(self.conn, sql)


def statements_one_by_one(conn: sqlite3.Connection, sql: str) -> sqlite3.Cursor:
    """The statements of ``sql`` run in order on one cursor: unlike ``executescript``, this
    commits no transaction that is open."""
    cursor = conn.cursor()
    for statement in sql_statements(sql):
        cursor.execute(statement)
    return cursor


def sql_statements(sql: str) -> Iterable[str]:
    """The complete statements of ``sql`` (SQLite's own test: a semicolon inside a string, a
    comment or a trigger's body ends none), stripped, and the incomplete rest if any."""
    start = 0
    for end, char in enumerate(sql, 1):
        if char == ";":
            statement = sql[start:end].strip()
            if sqlite3.complete_statement(statement):
                yield statement
                start = end
    rest = sql[start:].strip()
    if rest:
        yield rest


def _rows(cursor: sqlite3.Cursor, rows: Iterable[tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
    keys = unique_keys(d[0] for d in cursor.description)
    return (dict(zip(keys, row, strict=False)) for row in rows)


def unique_keys(keys: Iterable[str]) -> list[str]:
    """Column names made unique as sqlite-utils does: a repeated name gets ``_2``, ``_3``…,
    skipping a suffix that another column already has."""
    names = list(keys)
    taken = set(names)
    if len(taken) == len(names):
        return names
    seen: set[str] = set()
    result = []
    for name in names:
        if name in seen:
            new, suffix = name, 2
            while new in seen or new in taken:
                new, suffix = f"{name}_{suffix}", suffix + 1
            name = new
        seen.add(name)
        result.append(name)
    return result


def first_keyword(sql: str) -> str:
    """The statement's first keyword, upper-cased, after what sqlite3 skips before it
    (whitespace, ``--`` and ``/* */`` comments, bare ``;``, a byte order mark); "" when none."""
    i, n = 0, len(sql)
    while i < n:
        if sql[i].isspace() or sql[i] in (";", "\ufeff"):
            i += 1
        elif sql.startswith("--", i):
            newline = sql.find("\n", i)
            if newline == -1:
                return ""
            i = newline + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end == -1:
                return ""
            i = end + 2
        else:
            break
    j = i
    while j < n and (sql[j].isalpha() or sql[j] == "_"):
        j += 1
    return sql[i:j].upper()
