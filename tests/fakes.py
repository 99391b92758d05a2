"""An in-memory MailSource: the same contract as IMAP and Maildir, for use-case tests."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage

from vasteaika.errors import TemporaryError
from vasteaika.models import FolderStatus, RawMessage
from vasteaika.reminders.notify import NotifyResult


@dataclass
class FakeFolder:
    uidvalidity: int = 1
    uidnext: int = 1
    messages: dict[int, tuple[datetime, bytes]] = field(default_factory=dict)


class FakeSource:
    def __init__(self, sent: str | None = "Sent") -> None:
        self.folders: dict[str, FakeFolder] = {"INBOX": FakeFolder()}
        self.sent = sent
        if sent:
            self.folders[sent] = FakeFolder()
        self.commands: list[str] = []
        self.fail_after: int | None = None  # drop the connection after this many fetched messages
        self.unanswered: set[int] = set()  # UIDs still there that a FETCH does not return
        self._fetched = 0

    def add(self, folder: str, raw: bytes, at: datetime) -> int:
        f = self.folders[folder]
        uid = f.uidnext
        f.messages[uid] = (at, raw)
        f.uidnext += 1
        return uid

    def renumber(self, folder: str, first_uid: int | None = None) -> None:
        """What a server does when UIDVALIDITY changes: new validity, new UIDs (none equal to
        an old one, and in reverse order, as after a rebuild), same mail. ``first_uid``: number
        from there instead (1: a server that forgot its UIDs starts again below the old ones)."""
        f = self.folders[folder]
        old = [f.messages[u] for u in sorted(f.messages, reverse=True)]
        uidnext = f.uidnext + 100 if first_uid is None else first_uid
        self.folders[folder] = FakeFolder(uidvalidity=f.uidvalidity + 1, uidnext=uidnext)
        for at, raw in old:
            self.add(folder, raw, at)

    def find_sent_folder(self) -> str | None:
        self.commands.append("LIST")
        return self.sent

    def select(self, folder: str) -> FolderStatus:
        self.commands.append(f"EXAMINE {folder}")
        f = self.folders[folder]
        return FolderStatus(folder, f.uidvalidity, f.uidnext, len(f.messages))

    def uids_after(self, folder: str, last_uid: int, upto: int | None = None) -> list[int]:
        self.commands.append(f"SEARCH {folder}")
        top = upto if upto is not None else max(self.folders[folder].messages, default=0)
        return sorted(u for u in self.folders[folder].messages if last_uid < u <= top)

    def arrival_times(self, folder: str, uids: Sequence[int]) -> dict[int, datetime]:
        self.commands.append(f"FETCH INTERNALDATE {folder}")
        messages = self.folders[folder].messages
        return {uid: messages[uid][0] for uid in uids if uid in messages}

    def fetch_headers(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        self.commands.append(f"FETCH {folder}")
        for uid in uids:
            if self.fail_after is not None and self._fetched >= self.fail_after:
                raise TemporaryError("the connection to the fake server was lost", "run again")
            self._fetched += 1
            found = self.folders[folder].messages.get(uid)
            if found is not None and uid not in self.unanswered:
                yield RawMessage(folder, uid, found[0], found[1])

    def fetch_text(self, folder: str, uid: int) -> bytes | None:
        entry = self.folders[folder].messages.get(uid)
        return entry[1] if entry else None

    def fetch_texts(self, folder: str, uids: Sequence[int]) -> dict[int, bytes | None]:
        return {uid: self.fetch_text(folder, uid) for uid in uids}

    def close(self) -> None:
        self.commands.append("LOGOUT")


def mail(
    frm: str,
    to: str,
    subject: str,
    msgid: str | None,
    date: str = "Wed, 25 Nov 2026 09:00:00 +0200",
    *,
    extra: str = "",
    body: str = "Hei,\n\nvoisitteko tehdä tarjouksen?\n",
) -> bytes:
    head = f"From: {frm}\nTo: {to}\nSubject: {subject}\nDate: {date}\n"
    if msgid:
        head += f"Message-ID: <{msgid}>\n"
    head += extra
    head += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
    return (head + "\n" + body).encode("utf-8")


@dataclass
class FakeNotifier:
    """A desktop that shows (or not) every notification. Tests that check what is reported
    give their own ``reason``, so they assert what vasteaika does with it, not this fake's words."""

    shown: bool = True
    calls: list[tuple[str, str]] = field(default_factory=list)
    reason: str | None = None

    def notify(self, title: str, body: str) -> NotifyResult:
        self.calls.append((title, body))
        if self.shown:
            return NotifyResult(True, self.reason or f"shown (notification {len(self.calls)})")
        return NotifyResult(False, self.reason or "no desktop reachable")


@dataclass
class Recorder:
    sent: list[tuple[str, EmailMessage]] = field(default_factory=list)
    fail: Exception | None = None

    def send(self, msg: EmailMessage, recipient: str) -> None:
        if self.fail:
            raise self.fail
        self.sent.append((recipient, msg))
