"""The mbox reader's memory of each file: size, mtime, inode, the hash of what was counted and
the UIDVALIDITY handed out (see mail.mbox for how select uses it).

Apart from the reader because it is a small store of its own: one JSON file next to the
database (never in the mail folder), written atomically and fsynced, read under a lock so that a
--dry-run beside a real run never hands out a UIDVALIDITY twice.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from vasteaika.errors import StorageError
from vasteaika.files import write_private


@dataclass
class FileState:
    """What was known of one mbox file after the last select (see the docstring of mail.mbox)."""

    validity: int
    size: int
    mtime_ns: int
    inode: int
    end: int
    line_start: bool  # ``end`` is at the start of a line (the tail's first line may be From_)
    digest: str
    count: int


@contextlib.contextmanager
def state_lock(state_file: Path) -> Iterator[None]:
    """One run at a time reads and writes the state (a --dry-run runs beside a real one)."""
    try:
        state_file.parent.mkdir(parents=True, exist_ok=True)
        lock = state_file.with_name(state_file.name + ".lock").open("a")
    except OSError as exc:
        raise StorageError(
            f"cannot write by {state_file}: {exc.strerror}", "check the folder's permissions"
        ) from None
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def load_states(path: Path) -> dict[str, FileState]:
    """The saved states; none when the file is missing or unreadable (every folder is then read
    again under a new UIDVALIDITY, which is safe)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {k: FileState(**v) for k, v in data["files"].items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def save_states(path: Path, states: dict[str, FileState]) -> None:
    text = json.dumps({"version": 1, "files": {k: asdict(v) for k, v in states.items()}})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_private(path, text, sync=True)
    except OSError as exc:
        raise StorageError(
            f"cannot write {path}: {exc.strerror}", "check the folder's permissions and free space"
        ) from None
