"""The ledger's tests' shared ground: an owner, a config on a temporary folder, the SQLite ledger
it names, and ``at(hours)``, a time counted from a Wednesday morning in Helsinki.

The fixtures are loaded for every test by tests/conftest.py::

    from ledger_fixture import config, store  # noqa: F401

and a test module takes ``OWNER``, ``T0``, ``at`` from here. A module that needs another config
(more owner addresses, ignored domains) defines its own ``config`` fixture with
``ledger_config(...)``; ``store`` then opens that one's ledger. A module's own ``config`` or
``store`` fixture wins over these.

``ledger_rows`` is the whole ledger, table by table, to compare two ledgers; ``one_by_one`` makes
every batch of a sync fail before it is written, so that each is stored message by message
through the store (the way a batch with a broken mail is stored).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from vasteaika.config import Config, config_from_dict
from vasteaika.ledger.store import Store, open_database

OWNER = "ylermi@pihapalvelu.fi"
T0 = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # Wed 09:00 Helsinki


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def ledger_config(
    folder: Path, *, owners: Sequence[str] = (OWNER,), ignore: Sequence[str] = ()
) -> Config:
    """The owner's config with the Maildir and the ledger's database under ``folder``."""
    settings: dict[str, object] = {
        "account": {"maildir": str(folder)},
        "owner": {"name": "Ylermi", "addresses": list(owners)},
        "storage": {"database": str(folder / "db" / "v.db")},
    }
    if ignore:
        settings["customers"] = {"ignore": list(ignore)}
    return config_from_dict(settings, None)


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return ledger_config(tmp_path)


@pytest.fixture
def store(config: Config) -> Store:
    return open_database(config.database)


def ledger_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the runs' (their times are the clock's), in a fixed order."""
    tables = [r[0] for r in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN"
        " ('runs', '_sqlite_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY 1"
    )]  # fmt: skip
    return {
        t: sorted(map(tuple, store.db.execute(f"SELECT * FROM [{t}]")), key=repr) for t in tables
    }


def one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every batch fails before anything of it is written: stored message by message."""
    from vasteaika.ledger import check  # not at conftest's import: only where a test asks

    def broken(*args: Any) -> None:
        raise AssertionError("every batch is stored message by message")

    monkeypatch.setattr(check, "_ingest_unguarded", broken)
