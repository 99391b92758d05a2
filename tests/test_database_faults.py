"""A database the owner cannot use (not writable, damaged, empty, misconfigured) is one line with
what to do and exit 74 or 78, wherever SQLite notices it; `vasteaika rebuild` recovers from the
mailbox without deleting anything and without acknowledging anyone twice."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from vasteaika.cli import run
from vasteaika.cli.rebuild import NOT_ACKNOWLEDGED
from vasteaika.errors import StorageError, TemporaryError
from vasteaika.ledger.database import run_lock, storage_error
from vasteaika.ledger.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def write_config(tmp_path: Path, database: str | None = None, account: str = "") -> Path:
    """A small config on the example Maildir (or on ``account``), the database in tmp_path."""
    account = account or f'maildir = "{EXAMPLES / "mailbox"}"'
    db = str(tmp_path / "v.db") if database is None else database
    path = tmp_path / "config.toml"
    path.write_text(
        f'[owner]\naddresses = ["a@b.fi"]\nlanguage = "en"\n[account]\n{account}\n[storage]\ndatabase = "{db}"\n',
        encoding="utf-8",
    )
    return path


def closed_imap_port(port: int) -> str:
    return f'imap_host = "127.0.0.1"\nimap_port = {port}\nsecurity = "none"\nusername = "a"'


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vasteaika: "), err
    return lines[0]


def cli(config: Path, *args: str) -> int:
    return run(["--config", str(config), *args])


def in_finnish(config: Path) -> Path:
    """The same config with the owner's language Finnish (write_config's is English)."""
    text = config.read_text(encoding="utf-8").replace('language = "en"', 'language = "fi"')
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture
def synced(tmp_path: Path) -> Path:
    """A config whose database holds the example mailbox."""
    config = write_config(tmp_path)
    assert cli(config, "check", "--quiet") == 0
    gc.collect()  # the run's connection closes: its -wal is written into the file and removed
    return config


def checkpointed(db: Path) -> sqlite3.Connection:
    """A connection to ``db`` after everything in its -wal has been written into the file."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return conn


def corrupt_table(db: Path, table: str) -> None:
    """Overwrite the first page of ``table`` with garbage: the header and schema stay readable,
    so the database opens and the damage shows only when that table is read."""
    conn = checkpointed(db)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with db.open("r+b") as f:
        f.seek((root - 1) * size)
        f.write(bytes(range(256)) * (size // 256))


def test_an_empty_database_setting_names_the_key_and_what_to_put_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(write_config(tmp_path, database=""), "check") == 78
    line = one_line(capsys.readouterr().err)
    assert "storage.database" in line and '"auto"' in line and ".db" in line


@contextlib.contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """``path`` read-only, also for root (who ignores file modes): then it is made immutable."""
    path.chmod(0o444)
    immutable = False
    try:
        try:
            os.close(os.open(path, os.O_RDWR))
        except PermissionError:
            pass
        else:
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
            if done.returncode != 0:
                pytest.skip("cannot make a file read-only for root here (chattr +i failed)")
            immutable = True
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o600)


def test_a_read_only_database_says_so_and_what_to_do(
    synced: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    with unwritable(tmp_path / "v.db"):
        assert cli(synced, "check") == 74
    line = one_line(capsys.readouterr().err)
    assert f"{tmp_path / 'v.db'} is not writable" in line and "chmod" in line


def test_a_file_of_random_bytes_is_a_damaged_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "v.db").write_bytes(os.urandom(3) + bytes(range(256)) * 64)
    assert cli(write_config(tmp_path), "check") == 74
    line = one_line(capsys.readouterr().err)
    assert "is damaged" in line and "vasteaika rebuild" in line


@pytest.mark.parametrize("command", ["check", "export", "report", "status"])
def test_damage_found_midway_is_a_damaged_database_too(
    command: str, synced: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corrupt_table(tmp_path / "v.db", "conversations")
    capsys.readouterr()
    assert cli(synced, command) == 74
    line = one_line(capsys.readouterr().err)
    assert "malformed" in line and "vasteaika rebuild" in line


def test_a_truncated_database_is_damaged(
    synced: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "v.db"
    checkpointed(db).close()
    with db.open("r+b") as f:
        f.truncate(3 * 4096)  # the header and the schema, none of the tables
    capsys.readouterr()
    assert cli(synced, "export") == 74
    assert "vasteaika rebuild" in one_line(capsys.readouterr().err)


def test_a_zero_byte_database_is_started_afresh_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "v.db").write_bytes(b"")
    config = write_config(tmp_path)
    assert cli(config, "check", "--json") == 0
    out = capsys.readouterr()
    assert "was empty" in one_line(out.err) and "new ledger" in out.err
    assert '"new_conversations": [\n' in out.out
    assert cli(config, "check", "--quiet") == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    "sql", ["SELECT * FROM no_such_table", "SELECT ?"], ids=["missing table", "bindings"]
)
def test_a_programming_error_in_sql_stays_an_internal_error(
    sql: str, synced: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(Store, "problems", lambda self: list(self.db.query(sql)))
    assert cli(synced, "problems") == 70
    assert "internal error" in one_line(capsys.readouterr().err)


def _readonly(tmp_path: Path) -> sqlite3.Error:
    sqlite3.connect(tmp_path / "r.db").execute("CREATE TABLE t (x)").connection.commit()
    conn = sqlite3.connect(f"file:{tmp_path / 'r.db'}?mode=ro", uri=True)
    return _raised(lambda: conn.execute("INSERT INTO t VALUES (1)"))


def _full(tmp_path: Path) -> sqlite3.Error:
    conn = sqlite3.connect(":memory:")
    conn.executescript("PRAGMA max_page_count = 2; CREATE TABLE t (x);")
    return _raised(lambda: conn.execute("INSERT INTO t VALUES (?)", ["x" * 100_000]))


def _busy(tmp_path: Path) -> sqlite3.Error:
    holder = sqlite3.connect(tmp_path / "b.db", isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(tmp_path / "b.db", timeout=0)
    return _raised(lambda: other.execute("SELECT * FROM t"))


def _not_a_database(tmp_path: Path) -> sqlite3.Error:
    (tmp_path / "n.db").write_bytes(b"not a database" * 100)
    return _raised(
        lambda: sqlite3.connect(tmp_path / "n.db").execute("SELECT 1 FROM sqlite_master")
    )


def _raised(action: object) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as info:
        action()  # type: ignore[operator]
    return info.value


@pytest.mark.parametrize(
    ("provoke", "kind", "words"),
    [
        (_readonly, StorageError, "is not writable"),
        (_full, StorageError, "is full"),
        (_busy, TemporaryError, "is busy"),
        (_not_a_database, StorageError, "is damaged"),
    ],
    ids=["readonly", "full", "busy", "notadb"],
)
def test_real_sqlite_faults_become_errors_the_owner_can_act_on(
    provoke: object, kind: type, words: str, tmp_path: Path
) -> None:
    error = storage_error(provoke(tmp_path), tmp_path / "v.db")  # type: ignore[operator]
    assert isinstance(error, kind) and words in error.message and error.hint


# --- vasteaika rebuild -------------------------------------------------------------------------


def ledger(db: Path) -> list[tuple[str, str | None, str | None]]:
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT customer_email, ack_status, ack_reasons FROM conversations ORDER BY id"
    ).fetchall()
    conn.close()
    return rows


def test_rebuild_reads_the_mailbox_again_and_moves_the_damaged_file_aside_whole(
    synced: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "v.db"
    before = [email for email, _, _ in ledger(db)]
    corrupt_table(db, "conversations")
    files = {s: db.with_name(db.name + s) for s in ("", "-wal", "-shm")}
    files["-wal"].write_bytes(b"wal bytes")
    files["-shm"].write_bytes(b"shm bytes")
    contents = {s: p.read_bytes() for s, p in files.items()}
    capsys.readouterr()
    assert cli(synced, "rebuild", "--yes") == 0
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("v.db.damaged-") and
               not p.name.endswith(("-wal", "-shm"))]  # fmt: skip
    for suffix, data in contents.items():
        assert aside.with_name(aside.name + suffix).read_bytes() == data, suffix
    rebuilt = ledger(db)
    assert [email for email, _, _ in rebuilt] == before
    # every conversation is decided: not acknowledged after the rebuild, or (a customer writing
    # into another customer's thread) never acknowledged in the first place
    assert {status for _, status, _ in rebuilt} == {"skipped"}
    assert {reasons for _, _, reasons in rebuilt} - {f'["{NOT_ACKNOWLEDGED}"]'} <= {
        '["followup: a reply in conversation #5 with another customer"]'
    }
    assert str(aside) in capsys.readouterr().out
    assert cli(synced, "check", "--quiet") == 0
    assert not db.with_name("v.db.rebuilding").exists()


def test_rebuild_that_cannot_read_the_mailbox_leaves_the_old_file_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dovecot import free_port

    monkeypatch.setenv("VASTEAIKA_PASSWORD", "x")
    config = write_config(tmp_path, account=closed_imap_port(free_port()))
    damaged = os.urandom(4096)
    (tmp_path / "v.db").write_bytes(damaged)
    assert cli(config, "rebuild", "--yes") == 69
    assert (tmp_path / "v.db").read_bytes() == damaged
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stdin", "code"), [(io.StringIO("y\n"), 2), (_Terminal("n\n"), 0)],
                         ids=["no terminal", "answered no"])  # fmt: skip
def test_rebuild_changes_nothing_without_a_yes(
    stdin: io.StringIO,
    code: int,
    synced: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    data = (tmp_path / "v.db").read_bytes()
    monkeypatch.setattr("sys.stdin", stdin)
    assert cli(in_finnish(synced), "rebuild") == code
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "v.db").read_bytes() == data
    out = capsys.readouterr()
    assert ("--yes" in out.err) if code else ("Mitään ei muutettu" in out.out)


def test_rebuild_waits_for_a_running_check(
    synced: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (tmp_path / "v.db").read_bytes()
    with run_lock(tmp_path / "v.db"):
        assert cli(in_finnish(synced), "rebuild", "--yes") == 75
    assert "toinen vasteaika-ajo" in one_line(capsys.readouterr().err)
    assert (tmp_path / "v.db").read_bytes() == data
