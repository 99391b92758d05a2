"""The mail-source seam: one interface, read-only, behind which live IMAP and local Maildir/mbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Protocol

from vasteaika.models import FolderStatus, RawMessage

# The Sent folder's usual names in English, Finnish and Swedish, tried in this order (on IMAP
# after the SPECIAL-USE \Sent flag, under each personal namespace prefix; in a Maildir in each
# layout). "[Gmail]/Sent Mail" is Gmail's, as mbsync stores it.
SENT_FOLDER_NAMES = (
    "Sent",
    "Sent Items",
    "Sent Messages",
    "Sent Mail",
    "Lähetetyt",
    "Lähetetyt kohteet",
    "Lähetetyt viestit",
    "Skickat",
    "Skickade objekt",
    "Skickade",
    "[Gmail]/Sent Mail",
)


class MailSource(Protocol):
    """A read-only view of a mailbox.

    Implementations never change the mailbox: folders are opened read-only, bodies are fetched with
    ``BODY.PEEK`` and nothing gets the ``\\Seen`` flag.
    """

    def find_sent_folder(self) -> str | None:
        """The Sent folder: SPECIAL-USE ``\\Sent`` first, else a common name in any language."""
        ...

    def select(self, folder: str) -> FolderStatus:
        """Open ``folder`` read-only and return its UIDVALIDITY and UIDNEXT."""
        ...

    def uids_after(self, folder: str, last_uid: int, upto: int | None = None) -> list[int]:
        """UIDs greater than ``last_uid`` (and not greater than ``upto``, when given) in the
        selected ``folder``, ascending."""
        ...

    def arrival_times(self, folder: str, uids: Sequence[int]) -> dict[int, datetime]:
        """The arrival time (aware) of each UID where the source knows it without reading the
        message (IMAP INTERNALDATE); empty when it does not (the UIDs are then read in order)."""
        ...

    def fetch_headers(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        """Header block and arrival time of each UID. A UID that vanished is silently skipped
        (the caller asks again whether it is gone: sync.FolderRead)."""
        ...

    def fetch_text(self, folder: str, uid: int) -> bytes | None:
        """The whole message (for reading a reply's own text); None when it is gone."""
        ...

    def fetch_texts(self, folder: str, uids: Sequence[int]) -> dict[int, bytes | None]:
        """The whole messages of ``uids`` in as few reads as the source can (IMAP: one FETCH),
        each as ``fetch_text`` gives it (None when it is gone). A UID left out of the answer
        did not fit under the source's byte cap: the caller reads it alone with ``fetch_text``."""
        ...

    def close(self) -> None: ...


TEXT_BATCH_BYTES = 8_000_000  # whole mails held at once by one fetch_texts


def texts_within(
    read: Callable[[int], bytes | None], uids: Sequence[int], cap: int = TEXT_BATCH_BYTES
) -> dict[int, bytes | None]:
    """``fetch_texts`` of a source that reads each mail alone anyway (a local file): ``uids``
    in order until ``cap`` bytes are held; the rest left out, to be read alone."""
    found: dict[int, bytes | None] = {}
    held = 0
    for uid in uids:
        if held >= cap:
            break
        found[uid] = data = read(uid)
        held += len(data or b"")
    return found


def numbered_uids(last_uid: int, count: int, upto: int | None = None) -> list[int]:
    """``uids_after`` of a local folder whose mails are numbered 1..``count`` in order."""
    return list(range(last_uid + 1, (count if upto is None else min(count, upto)) + 1))
