"""Local mbox files as a MailSource: mail kept by getmail, fetchmail+procmail, mutt, `mail` or
Thunderbird's Local Folders.

``account.mbox`` is the folder that holds the mbox files: INBOX is the file named INBOX (any case:
``inbox``, Thunderbird's ``Inbox``), Sent is found by the usual names (``sent``, ``Lähetetyt`` …),
and folder "A/B" is the file ``A/B`` (mutt) or ``A.sbd/B`` (Thunderbird). A folder name that is
an absolute path (``/var/mail/me``, ``~/sent``) is that file.

Messages: a message starts at a line ``From <sender> <asctime>`` (mutt's rule: the line must
carry a date, so an unquoted "From here on…" in a body does not split a mail). ``>From `` lines
are unquoted by one ``>`` (mboxrd; mboxo files read the same). A last message whose header block
is not finished yet (no blank line) is left for the next run: a writer is still at work.

UIDs are positions, 1..n in file order. They stay valid while the file only grows by appends,
which is how mail is delivered into an mbox. Any other change (a mail deleted or edited, the
mail client compacting the file or rewriting a Status header) moves UIDVALIDITY on, so the
ledger reads the folder again and matches by Message-ID: slower, never duplicated, never lost.
To tell the two apart, a small state per file is kept next to the database (never in the mail
folder): the file's size, mtime and inode, ``end`` (the offset after the last message counted),
the SHA-256 of the bytes before ``end``, the message count and UIDVALIDITY. On select:
- same size, mtime and inode: nothing changed, the file is not even opened;
- the first ``end`` bytes hash as before: appended to, same UIDVALIDITY, only the tail is
  scanned for messages (the prefix is hashed, one streaming read, never held in memory);
- else: a new UIDVALIDITY, max(old + 1, the clock's epoch seconds), and a full scan.
The state is written (atomically, fsynced) before select returns its UIDVALIDITY, not after
the ledger committed: it describes only the file, so it is right whatever the ledger did with
it (a --dry-run may write it too), and a UIDVALIDITY handed out is on disk first, so the number never goes back and is never
given to a different file content, even after a crash. A lost state file starts at the clock's
epoch seconds, newer than any number given before: the ledger re-reads, nothing is missed.
The ledger may stand behind the state (a crash between select and commit): UIDs below the
scanned tail are found by scanning the file again up to ``end`` and checking its hash.

Arrival time: ``local.arrival`` with the file times being the From_ line's time (written by the
program that stored the mail; asctime without a zone, so read in this machine's local zone) and
the file's mtime. The topmost Received wins, else Date, else the From_ line ("file").

Read-only: vasteaika never writes into an mbox, so acknowledgments get no copy in Sent and
ack.mode = "draft" is not available. Thunderbird neither takes nor honours the fcntl/dot locks
that mutt and procmail use, and rewrites its folders when compacting: an append racing it could
damage the owner's mail or be lost without a word. The acknowledgment is in the ledger anyway.
Readers take a shared fcntl lock while scanning, so a locking writer is never read half-way.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any

from vasteaika.errors import ConfigError, StorageError, TemporaryError
from vasteaika.mail.local import _key, _safe_listing, arrival
from vasteaika.mail.mbox_state import FileState, load_states, save_states, state_lock
from vasteaika.mail.source import SENT_FOLDER_NAMES, numbered_uids, texts_within
from vasteaika.models import FolderStatus, RawMessage

MBOX_SENT_NAMES = (*SENT_FOLDER_NAMES, "sent-mail")  # sent-mail: Pine and Alpine
CHUNK = 1 << 20
LINE_LIMIT = 1 << 16
LOCK_TRIES = 50  # x 0.1 s
_MONTHS = b"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_ASCTIME = re.compile(
    rb"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? +(" + _MONTHS + rb") +(\d{1,2}) +(\d{1,2}):(\d\d)"
    rb"(?::(\d\d))?(?: +([A-Z]{3,5}|[+-]\d{4}))? +(\d{4})(?: +([+-]\d{4}))?"
)
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.M)
_BLANK = (b"\n", b"\r\n")


def from_line_time(line: bytes) -> datetime | None:
    """The time on an mbox From_ line; a numeric zone when the line has one, else local time.
    None when the line is not a From_ line (no date on it)."""
    found = _ASCTIME.search(line, 5) if line.startswith(b"From ") else None
    if found is None:
        return None
    month, day, hour, minute, second, zone1, year, zone2 = found.groups()
    try:
        naive = datetime(
            int(year), _MONTHS.split(b"|").index(month) + 1, int(day),
            int(hour), int(minute), int(second or 0),
        )  # fmt: skip
    except ValueError:
        return None
    offset = next((z for z in (zone1, zone2) if z and z[:1] in b"+-"), None)
    if offset is None:
        return naive.astimezone(UTC)  # a naive time is this machine's local time
    sign = -1 if offset[:1] == b"-" else 1
    delta = timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5]))
    return naive.replace(tzinfo=timezone(sign * delta)).astimezone(UTC)


def unquote(data: bytes) -> bytes:
    return _QUOTED_FROM.sub(rb"\1", data)


@dataclass
class _Scan:
    starts: list[int] = field(default_factory=list)
    times: list[datetime | None] = field(default_factory=list)
    end: int = 0
    line_start: bool = True
    digest: str = ""


@dataclass
class _Folder:
    path: Path
    state: FileState
    mtime: datetime
    first: int  # the UID of starts[0]; UIDs below it are found by a full scan when asked for
    scan: _Scan


class MboxSource:
    def __init__(self, root: Path, state_file: Path, clock: Callable[[], datetime]) -> None:
        if not root.is_dir():
            raise ConfigError(
                f"account.mbox: {root} is not a folder",
                "point it at the folder that holds your mbox files (INBOX, Sent …); a single"
                ' file such as /var/mail/me goes in [folders] inbox = "/var/mail/me"',
            )
        self.root = root
        self.state_file = state_file
        self.clock = clock
        self._folders: dict[str, _Folder] = {}

    def _path(self, folder: str) -> Path | None:
        if folder.startswith(("/", "~")):
            path = Path(folder).expanduser()
            return path if path.exists() else None
        parts = [p for p in folder.split("/") if p]
        base: Path | None = self.root
        for part in parts[:-1]:
            base = _entry(base, part, True) or _entry(base, part + ".sbd", True) if base else None
        if base is None or not parts:
            return None
        return _entry(base, parts[-1], False) or _entry(base, parts[-1], True)

    def find_sent_folder(self) -> str | None:
        return next((n for n in MBOX_SENT_NAMES if (p := self._path(n)) and p.is_file()), None)

    def select(self, folder: str) -> FolderStatus:
        path = self._path(folder)
        if path is None or not path.is_file():
            maildir = path is not None and (path / "cur").is_dir()
            raise ConfigError(
                f"the mbox folder {self.root} has no mbox file for {folder!r}"
                + (f" ({path} is a Maildir)" if maildir else ""),
                "use account.maildir for a Maildir" if maildir else "check the [folders] section",
            )
        opened = self._refresh(path)
        self._folders[folder] = opened
        return FolderStatus(
            folder, opened.state.validity, opened.state.count + 1, opened.state.count
        )

    def _refresh(self, path: Path) -> _Folder:
        with state_lock(self.state_file):
            return self._refresh_locked(path)

    def _refresh_locked(self, path: Path) -> _Folder:
        key = str(path.resolve())
        states = load_states(self.state_file)
        old = states.get(key)
        stat = _stat(path)
        mtime = datetime.fromtimestamp(stat.st_mtime, UTC)
        same = old is not None and (old.size, old.mtime_ns, old.inode) == (
            stat.st_size, stat.st_mtime_ns, stat.st_ino)  # fmt: skip
        if same and old is not None:
            return _Folder(path, old, mtime, old.count + 1, _Scan(end=old.end))
        with _locked(path) as f:
            _check_is_mbox(f, path)
            hasher = _hash_prefix(f, old.end) if old and stat.st_size >= old.end else None
            if old is not None and hasher is not None and hasher.hexdigest() == old.digest:
                scan = _scan(f, old.end, None, old.line_start, hasher)
                validity, first = old.validity, old.count + 1
            else:
                scan = _scan(f, 0, None, True, hashlib.sha256())
                now = int(self.clock().timestamp())
                validity, first = max(old.validity + 1 if old else 1, now), 1
        state = FileState(
            validity, stat.st_size, stat.st_mtime_ns, stat.st_ino, scan.end, scan.line_start,
            scan.digest, first - 1 + len(scan.starts),
        )  # fmt: skip
        if state != old:
            states[key] = state
            save_states(self.state_file, states)
        return _Folder(path, state, mtime, first, scan)

    def uids_after(self, folder: str, last_uid: int, upto: int | None = None) -> list[int]:
        opened = self._folders.get(folder)
        return numbered_uids(last_uid, opened.state.count, upto) if opened else []

    def _bounds(self, opened: _Folder, uid: int) -> tuple[int, int, datetime | None] | None:
        """(start, end, From_ time) of a message; None when it is gone."""
        if not 0 < uid <= opened.state.count:
            return None
        if uid < opened.first:
            with _locked(opened.path) as f:
                full = _scan(f, 0, opened.state.end, True, hashlib.sha256())
            if full.digest != opened.state.digest:
                return None  # rewritten since select: like an expunge
            opened.first, opened.scan = 1, full
        i = uid - opened.first
        starts = opened.scan.starts
        end = starts[i + 1] if i + 1 < len(starts) else opened.scan.end
        return starts[i], end, opened.scan.times[i]

    def arrival_times(self, folder: str, uids: Sequence[int]) -> dict[int, datetime]:
        """Unknown before a message is read (its Received header decides): read in file order."""
        return {}

    def fetch_headers(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        opened = self._folders.get(folder)
        if opened is None:
            return
        try:
            f = opened.path.open("rb")
        except OSError:
            return  # the file is gone: like an expunge
        with f:
            for uid in uids:
                found = self._bounds(opened, uid)
                head = _read_head(f, opened.path, found[0], found[1]) if found else None
                if found is None or head is None:
                    continue
                times = [t for t in (found[2], opened.mtime) if t is not None]
                at, source = arrival(head, times)
                yield RawMessage(folder, uid, at, head, source)

    def fetch_text(self, folder: str, uid: int) -> bytes | None:
        opened = self._folders.get(folder)
        found = self._bounds(opened, uid) if opened else None
        if opened is None or found is None:
            return None
        try:
            with opened.path.open("rb") as f:
                f.seek(found[0])
                data = f.read(found[1] - found[0])
        except OSError:
            return None
        first, _, body = data.partition(b"\n")
        if from_line_time(first) is None:
            return None  # the file was rewritten since select
        return unquote(body[:-1] if body.endswith(b"\n\n") else body)

    def fetch_texts(self, folder: str, uids: Sequence[int]) -> dict[int, bytes | None]:
        return texts_within(lambda uid: self.fetch_text(folder, uid), uids)

    def close(self) -> None:
        self._folders.clear()


def _entry(parent: Path, name: str, directory: bool) -> Path | None:
    """The entry of ``parent`` named ``name``, exactly, else case-insensitively and in NFC."""
    wanted = parent / name
    if wanted.exists() and wanted.is_dir() == directory:
        return wanted
    return next(
        (
            p
            for p in _safe_listing(parent)
            if _key(p.name) == _key(name) and p.is_dir() == directory
        ),
        None,
    )


def _stat(path: Path) -> os.stat_result:
    try:
        return path.stat()
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror}", "check the file") from None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[IO[bytes]]:
    """The file opened for reading under a shared fcntl lock (a locking writer finishes first)."""
    try:
        f = path.open("rb")
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror}", "check the file") from None
    with f:
        for attempt in range(LOCK_TRIES):
            try:
                fcntl.lockf(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
                break
            except OSError:
                if attempt == LOCK_TRIES - 1:
                    raise TemporaryError(
                        f"{path} is locked by another program", "try again in a minute"
                    ) from None
                time.sleep(0.1)
        try:
            yield f
        finally:
            fcntl.lockf(f, fcntl.LOCK_UN)


def _check_is_mbox(f: IO[bytes], path: Path) -> None:
    f.seek(0)
    first = f.readline(LINE_LIMIT)
    if first and from_line_time(first) is None:
        raise ConfigError(
            f"{path} is not an mbox file (it does not start with a 'From ' line with a date)",
            "point account.mbox and [folders] at your mbox files",
        )


def _hash_prefix(f: IO[bytes], size: int) -> Any:
    hasher = hashlib.sha256()
    f.seek(0)
    left = size
    while left > 0:
        chunk = f.read(min(CHUNK, left))
        if not chunk:
            break
        hasher.update(chunk)
        left -= len(chunk)
    return hasher


def _scan(f: IO[bytes], offset: int, limit: int | None, line_start: bool, hasher: Any) -> _Scan:
    """The messages from ``offset`` (a message boundary) to ``limit`` or the end of the file,
    hashing every byte into ``hasher`` (which holds the bytes before ``offset``)."""
    f.seek(offset)
    scan, pos = _Scan(), offset
    before_last = hasher
    in_header = False
    while limit is None or pos < limit:
        line = f.readline(LINE_LIMIT if limit is None else min(LINE_LIMIT, limit - pos))
        if not line:
            break
        stamp = from_line_time(line) if line_start else None
        if stamp is not None:
            before_last = hasher.copy()
            scan.starts.append(pos)
            scan.times.append(stamp)
            in_header = True
        elif in_header and line in _BLANK:
            in_header = False
        hasher.update(line)
        pos += len(line)
        line_start = line.endswith(b"\n")
    if in_header:  # the last header block is unfinished: a writer is still at work
        pos, line_start, hasher = scan.starts.pop(), True, before_last
        scan.times.pop()
    scan.end, scan.line_start, scan.digest = pos, line_start, hasher.hexdigest()
    return scan


def _read_head(f: IO[bytes], path: Path, start: int, end: int) -> bytes | None:
    """The header block of the message at ``start`` (without its From_ line); None when no
    message starts there any more (the file was rewritten since select)."""
    lines: list[bytes] = []
    try:
        f.seek(start)
        first = f.readline(LINE_LIMIT)
        if from_line_time(first) is None:
            return None
        pos = start + len(first)
        while pos < end:
            line = f.readline(min(LINE_LIMIT, end - pos))
            if not line or line in _BLANK:
                break
            lines.append(line)
            pos += len(line)
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror}", "check the file") from None
    return unquote(b"".join(lines)) + b"\n"
