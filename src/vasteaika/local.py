"""A local Maildir as a MailSource: the demo mailbox, and owners who sync mail with mbsync.

A Maildir has no UIDs. Messages get UIDs by their sorted file names; UIDVALIDITY is a hash of
the whole listing, so any change to a folder makes the next run read it again, matching by
Message-ID (cheap for the sizes people keep locally, and never duplicates).
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from .errors import ConfigError
from .models import FolderStatus, RawMessage

SENT_NAMES = ("Sent", "Sent Items", "Sent Messages", "Lähetetyt", "Lähetetyt kohteet")


class MaildirSource:
    def __init__(self, root: Path) -> None:
        if not (root / "cur").is_dir():
            raise ConfigError(
                f"{root} is not a Maildir (it has no 'cur' folder)",
                "point account.maildir at the folder that holds cur/, new/ and tmp/",
            )
        self.root = root
        self._files: dict[str, list[Path]] = {}

    def _dir(self, folder: str) -> Path:
        return self.root if folder.upper() == "INBOX" else self.root / f".{folder}"

    def _listing(self, folder: str) -> list[Path]:
        d = self._dir(folder)
        files = [p for sub in ("cur", "new") if (d / sub).is_dir() for p in (d / sub).iterdir()]
        return sorted((p for p in files if not p.name.startswith(".")), key=lambda p: p.name)

    def find_sent_folder(self) -> str | None:
        return next((n for n in SENT_NAMES if (self._dir(n) / "cur").is_dir()), None)

    def select(self, folder: str) -> FolderStatus:
        if not (self._dir(folder) / "cur").is_dir():
            raise ConfigError(
                f"the Maildir has no folder {folder!r}", "check the [folders] section"
            )
        files = self._listing(folder)
        self._files[folder] = files
        digest = hashlib.sha256("\n".join(p.name for p in files).encode()).digest()
        validity = int.from_bytes(digest[:4], "big") or 1
        return FolderStatus(folder, validity, len(files) + 1, len(files))

    def uids_after(self, folder: str, last_uid: int) -> list[int]:
        return list(range(last_uid + 1, len(self._files.get(folder, [])) + 1))

    def fetch_headers(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        files = self._files.get(folder, [])
        for uid in uids:
            path = files[uid - 1]
            try:
                data = path.read_bytes()
                mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            except OSError:
                continue  # vanished, like an expunged IMAP message
            head = data.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
            yield RawMessage(folder, uid, _arrival(path, mtime), head + b"\n\n")

    def fetch_text(self, folder: str, uid: int) -> bytes | None:
        files = self._files.get(folder, [])
        try:
            return files[uid - 1].read_bytes()
        except (IndexError, OSError):
            return None

    def append_message(self, kind: str, data: bytes) -> None:
        """Keep vasteaika's own acknowledgment in Sent (or Drafts), as mbsync would upload it."""
        folder = self._dir("Drafts" if kind == "drafts" else (self.find_sent_folder() or "Sent"))
        flags = "DS" if kind == "drafts" else "S"
        name = f"{int(time.time())}.M{uuid.uuid4().hex}P{os.getpid()}.vasteaika:2,{flags}"
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        tmp = folder / "tmp" / name
        tmp.write_bytes(data)
        tmp.rename(folder / "cur" / name)

    def close(self) -> None:
        self._files.clear()


def _arrival(path: Path, mtime: datetime) -> datetime | None:
    """Maildir file names start with the delivery time; git checkouts do not keep mtimes."""
    stamp = path.name.split(".", 1)[0]
    if stamp.isdigit():
        return datetime.fromtimestamp(int(stamp), UTC)
    return mtime
