"""Local Maildirs as a MailSource: mail kept by mbsync, offlineimap or getmail, and the demo.

Layouts: ``account.maildir`` points at either
- a Maildir++ store (Dovecot, offlineimap, getmail, mbsync ``SubFolders Maildir++``): the root
  holds cur/new/tmp and is INBOX, folder "A/B" is ``.A.B``; or
- an mbsync store with ``SubFolders Verbatim`` (folder "A/B" is ``A/B``) or ``Legacy``
  (``A/.B``), whose INBOX is the sub-folder ``INBOX`` (mbsync's ``Inbox <Path>/INBOX``).
Folder names match case-insensitively, in Unicode NFC (macOS writes "ä" decomposed) and also in
IMAP's modified UTF-7 (Dovecot writes "Lähetetyt" as ``.L&AOQ-hetetyt``).

A Maildir has no UIDs. Messages get UIDs by their sorted file names; UIDVALIDITY is a hash of
the listing without the flags part (``:2,…``), so marking mail read changes nothing, but any
other change makes the next run read the folder again, matching by Message-ID (cheap for the
sizes people keep locally, and never duplicates).

Arrival time: never the file name alone. mbsync and offlineimap name a file when they download
it, so a whole mailbox fetched today would seem to have arrived today. The order is: the time of
the topmost Received header (written by the server that delivered the mail), else the Date
header, else the file's time. A header time is trusted only when it is sane:
- not after the file existed (the later of the file-name time and the mtime) by more than
  SLACK (clock differences between the mail server and this computer): mail cannot arrive after
  it was stored, so such a time is a broken clock or a forgery;
- a Received time not more than DATE_SKEW before a (sane) Date: mail is not delivered a day
  before it was written; a Received that far behind is a server clock reset (1970, 2000).
The file's time is the earlier of the file-name time and the mtime: both are at or after the
arrival (a download, a delivery, a git checkout), so the earlier is the closer.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import os
import re
import time
import unicodedata
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from vasteaika.errors import ConfigError
from vasteaika.mail.source import SENT_FOLDER_NAMES, numbered_uids, texts_within
from vasteaika.models import FolderStatus, RawMessage

SLACK = timedelta(hours=1)
DATE_SKEW = timedelta(days=1)
_NAME_STAMP = re.compile(r"([0-9]{9,11})(?![0-9])")


class MaildirSource:
    def __init__(self, root: Path) -> None:
        inbox = root if _is_maildir(root) else _child(root, "INBOX")
        if inbox is None or not _is_maildir(inbox):
            raise ConfigError(
                f"{root} is not a Maildir (it has neither a 'cur' folder nor an INBOX folder)",
                "point account.maildir at the folder that holds cur/, new/ and tmp/, or at "
                "mbsync's Path (the folder that holds INBOX/)",
            )
        self.root = root
        self.inbox = inbox
        self._files: dict[str, list[Path]] = {}

    def _dir(self, folder: str) -> Path | None:
        """The folder's directory in any of the layouts, or None when there is none."""
        if _key(folder) == "inbox":
            return self.inbox
        parts = tuple(p for p in folder.split("/") if p)
        for spelled in dict.fromkeys((parts, tuple(_mutf7(p) for p in parts))):
            for base in dict.fromkeys((self.root, self.inbox)):
                for found in (
                    _child(base, "." + ".".join(spelled)),  # Maildir++
                    _walk(base, spelled),  # Verbatim
                    _walk(base, spelled[:1] + tuple("." + p for p in spelled[1:])),  # Legacy
                ):
                    if found is not None and _is_maildir(found):
                        return found
        return None

    def _listing(self, folder: Path) -> list[Path]:
        files = [
            p for sub in ("cur", "new") if (folder / sub).is_dir() for p in (folder / sub).iterdir()
        ]
        return sorted((p for p in files if not p.name.startswith(".")), key=_unique_name)

    def find_sent_folder(self) -> str | None:
        return next((n for n in SENT_FOLDER_NAMES if self._dir(n) is not None), None)

    def select(self, folder: str) -> FolderStatus:
        found = self._dir(folder)
        if found is None:
            raise ConfigError(
                f"the Maildir {self.root} has no folder {folder!r}", "check the [folders] section"
            )
        files = self._listing(found)
        self._files[folder] = files
        digest = hashlib.sha256("\n".join(_unique_name(p) for p in files).encode()).digest()
        validity = int.from_bytes(digest[:4], "big") or 1
        return FolderStatus(folder, validity, len(files) + 1, len(files))

    def uids_after(self, folder: str, last_uid: int, upto: int | None = None) -> list[int]:
        return numbered_uids(last_uid, len(self._files.get(folder, [])), upto)

    def arrival_times(self, folder: str, uids: Sequence[int]) -> dict[int, datetime]:
        """Unknown before a file is read (its Received header decides): read in name order."""
        return {}

    def fetch_headers(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        files = self._files.get(folder, [])
        moved = _Moved()
        for uid in uids:
            found = _read(files[uid - 1], moved)
            if found is None:
                continue  # vanished, like an expunged IMAP message
            path, data = found
            head = data.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0] + b"\n\n"
            at, source = arrival(head, _file_times(path))
            yield RawMessage(folder, uid, at, head, source)

    def fetch_text(self, folder: str, uid: int) -> bytes | None:
        files = self._files.get(folder, [])
        found = _read(files[uid - 1], _Moved()) if 0 < uid <= len(files) else None
        return found[1] if found else None

    def fetch_texts(self, folder: str, uids: Sequence[int]) -> dict[int, bytes | None]:
        return texts_within(lambda uid: self.fetch_text(folder, uid), uids)

    def append_message(self, kind: str, data: bytes) -> None:
        """Keep vasteaika's own acknowledgment in Sent (or Drafts), as mbsync would upload it."""
        name = "Drafts" if kind == "drafts" else (self.find_sent_folder() or "Sent")
        folder = self._dir(name) or (
            self.root / f".{name}" if self.inbox == self.root else self.root / name
        )
        flags = "DS" if kind == "drafts" else "S"
        file = f"{int(time.time())}.M{uuid.uuid4().hex}P{os.getpid()}.vasteaika:2,{flags}"
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        tmp = folder / "tmp" / file
        tmp.write_bytes(data)
        tmp.rename(folder / "cur" / file)

    def close(self) -> None:
        self._files.clear()


def arrival(head: bytes, file_times: Sequence[datetime]) -> tuple[datetime, str]:
    """The arrival time of a local mail and where it came from: "received", "date" or "file"
    (see the module's docstring for the rules)."""
    from vasteaika.mail.parse import header_times

    received, date = header_times(head)
    latest = max(file_times) + SLACK
    if date is not None and date > latest:
        date = None
    after_date = received is not None and (date is None or received >= date - DATE_SKEW)
    if received is not None and after_date and received <= latest:
        return received, "received"
    if date is not None:
        return date, "date"
    return min(file_times), "file"


def _file_times(path: Path) -> list[datetime]:
    """The file's mtime and, when the name starts with one (Maildir convention), its epoch."""
    times = [datetime.fromtimestamp(path.stat().st_mtime, UTC)]
    stamp = _NAME_STAMP.match(path.name)
    if stamp:
        times.append(datetime.fromtimestamp(int(stamp[1]), UTC))
    return times


def _read(path: Path, moved: _Moved) -> tuple[Path, bytes] | None:
    """The file's bytes; a file renamed meanwhile (read, flagged: new/ → cur/, ``:2,S``) is
    found again by its unique name. None when it is gone."""
    try:
        return path, path.read_bytes()
    except OSError:
        pass
    candidate = moved.find(path)
    if candidate is None:
        return None
    try:
        return candidate, candidate.read_bytes()
    except OSError:
        return None


class _Moved:
    """Where the files renamed since the listing are now. A folder's cur/ and new/ are listed at
    the first file not found where it was, and again only when a file is not in that listing
    either: reading a folder whose every file was renamed lists it once, not once per file."""

    def __init__(self) -> None:
        self._names: dict[Path, dict[str, Path]] = {}

    def find(self, path: Path) -> Path | None:
        folder, name = path.parent.parent, _unique_name(path)
        found = self._names.get(folder, {}).get(name)
        if found is None or found == path:
            listing = [p for sub in ("cur", "new") for p in _safe_listing(folder / sub)]
            self._names[folder] = {_unique_name(p): p for p in listing}
            found = self._names[folder].get(name)
        return None if found == path else found


def _safe_listing(directory: Path) -> list[Path]:
    try:
        return list(directory.iterdir())
    except OSError:
        return []


def _unique_name(path: Path) -> str:
    """A Maildir file name without its flags (``:2,…``; ``!2,`` on systems without ':')."""
    return re.split(r"[:!]2,", path.name, maxsplit=1)[0]


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir()


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _child(parent: Path, name: str) -> Path | None:
    """The entry of ``parent`` named ``name``, exactly, else case-insensitively and in NFC."""
    exact = parent / name
    if exact.is_dir():
        return exact
    wanted = _key(name)
    return next((p for p in _safe_listing(parent) if _key(p.name) == wanted and p.is_dir()), None)


def _walk(base: Path, parts: Sequence[str]) -> Path | None:
    found: Path | None = base
    for part in parts:
        found = _child(found, part) if found is not None else None
    return found


def _mutf7(text: str) -> str:
    """IMAP's modified UTF-7 (RFC 3501 §5.1.3), as Dovecot names Maildir++ folders on disk."""
    out: list[str] = []
    for printable, run in itertools.groupby(text, key=lambda c: " " <= c <= "~"):
        chunk = "".join(run)
        if printable:
            out.append(chunk.replace("&", "&-"))
        else:
            encoded = base64.b64encode(chunk.encode("utf-16-be")).decode("ascii")
            out.append("&" + encoded.rstrip("=").replace("/", ",") + "-")
    return "".join(out)
