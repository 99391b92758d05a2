"""A sqlite-utils plugin installed beside vasteaika never runs inside the ledger: sqlite-utils
would look up its plugins' entry points (about 0.1 s of every command) and let each one prepare
every connection it opens (ledger/migrations.py ``ScriptDatabase``)."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database, plugins

from vasteaika.ledger.store import dry_run_copy, open_database

_PLUGIN = "stray_sqlite_plugin"
_PLUGIN_CODE = """
import sqlite_utils

@sqlite_utils.hookimpl
def prepare_connection(conn):
    conn.create_function("stray", 0, lambda: "a stray plugin ran here")
"""


@pytest.fixture
def stray_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A package on the path that declares itself a sqlite-utils plugin, as `pip install` of one
    would leave it, with sqlite-utils not yet having looked for plugins in this process."""
    site = tmp_path / "site"
    info = site / "stray_sqlite_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: stray-sqlite-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[sqlite_utils]\nstray = {_PLUGIN}\n")
    (site / f"{_PLUGIN}.py").write_text(_PLUGIN_CODE)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(plugins, "_plugins_loaded", False)
    monkeypatch.delattr(sys, "_called_from_test", raising=False)
    yield
    module = sys.modules.pop(_PLUGIN, None)
    if module is not None:
        plugins.pm.unregister(module)


def _ran_stray_code(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT stray()")
    except sqlite3.OperationalError:
        return False
    return True


@pytest.mark.usefixtures("stray_plugin")
def test_no_sqlite_utils_plugin_is_looked_up_or_run_in_the_ledger(tmp_path: Path) -> None:
    store = open_database(tmp_path / "ledger.db")
    copy = store.in_memory_copy()
    dry = dry_run_copy(tmp_path / "ledger.db")
    assert _PLUGIN not in sys.modules
    for db in (store.db, copy.db, dry.db):
        assert not _ran_stray_code(db.conn)
    # The same package is found and run by a Database opened as sqlite-utils does by default.
    assert _ran_stray_code(Database(sqlite3.connect(":memory:")).conn)
