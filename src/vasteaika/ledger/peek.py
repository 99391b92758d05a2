"""A quick look into the ledger with the standard library's sqlite3 alone.

``remind --quiet`` runs every 5 minutes and nearly always finds nothing due. Opening the ledger
the usual way (``database.connect``: sqlite-utils, the migrations, the indexes a first load
deferred) costs several times what that answer does, so such a command may first peek. A peek
is given only at a ledger that the usual open would leave as it is: one that exists and is not
empty, has every migration of this code applied and no deferred index waiting. Anything else
(a new or empty file, an older schema, a damaged file, a lock held too long) gives None, and the
caller opens the ledger the usual way, which migrates, repairs or says what is wrong.

Apart from ``database`` because it must not import sqlite-utils; the migrations' names are read
from ``migrations.py`` itself (tests/test_startup.py checks them against the migrations), so a
new migration needs nothing here.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from pathlib import Path

MIGRATION_SET = "vasteaika"  # migrations.py's Migrations("vasteaika")
_DEFINED = re.compile(r"^@migrations\([^)]*\)\s*\ndef (\w+)\(", re.MULTILINE)


def migration_names() -> set[str]:
    """Every migration this code defines, by name (a function decorated ``@migrations()``)."""
    source = Path(__file__).with_name("migrations.py").read_text(encoding="utf-8")
    return set(_DEFINED.findall(source))


def peek(path: Path) -> sqlite3.Connection | None:
    """A plain connection to the ledger at ``path`` when it is current (see above), else None.
    The caller closes it; it only reads."""
    try:
        if path.stat().st_size == 0:
            return None
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        if is_current(conn):
            return conn
    except sqlite3.Error:
        pass
    with contextlib.suppress(sqlite3.Error):
        conn.close()
    return None


def is_current(conn: sqlite3.Connection) -> bool:
    """True when migrating ``conn`` (sqlite-utils' ``Migrations.apply``) would change nothing:
    every migration applied, in a ``_sqlite_migrations`` keyed by ``id`` (else sqlite-utils
    rebuilds it), and no deferred index waiting (``first_load.restore`` makes them)."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_sqlite_migrations" not in tables:
        return False
    applied = {name for (name,) in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])}  # fmt: skip
    if not migration_names() <= applied:
        return False
    keys = sorted((pk, name) for _, name, _, _, _, pk in conn.execute(
        "PRAGMA table_info(_sqlite_migrations)") if pk)  # fmt: skip
    if [name for _, name in keys] != ["id"]:
        return False
    if "deferred_schema" in tables:  # a first load that died before making its indexes
        return conn.execute("SELECT 1 FROM deferred_schema LIMIT 1").fetchone() is None
    return True
