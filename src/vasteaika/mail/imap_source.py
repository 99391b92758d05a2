"""The read-only IMAP source: one logged-in connection as a MailSource, and which folder is Sent.

Folders are opened with EXAMINE, messages are read with ``BODY.PEEK`` only; the one write is
``append_message`` (vasteaika's own acknowledgment into Sent or Drafts). Apart from the
connection (imap: TLS, login, OAuth) because it never deals with reaching the server, only with
a session that is already open; it does not import imapclient (the client is handed over).
"""

from __future__ import annotations

import imaplib
import logging
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any

from vasteaika.catalogue import fault
from vasteaika.errors import ConfigError, TemporaryError, UnreachableError
from vasteaika.mail.imap_fetch import fetch_arrival_times, fetch_header_blocks
from vasteaika.mail.source import SENT_FOLDER_NAMES, TEXT_BATCH_BYTES
from vasteaika.models import FolderStatus, RawMessage

if TYPE_CHECKING:
    from vasteaika.mail.imap import ImapSettings

log = logging.getLogger(__name__)

FETCH_BATCH = 500

# When no folder carries the SPECIAL-USE \Sent flag, each of SENT_FOLDER_NAMES is tried under
# every personal namespace prefix ("" and "INBOX." on most servers), then these full names.
SENT_FOLDER_FULL_NAMES = ("INBOX.Sent", "INBOX/Sent")
_FALLBACK_NAMESPACES = ("", "INBOX.")

_WHOLE_ITEM = b"BODY[]"
_SIZE_ITEM = b"RFC822.SIZE"


class ImapSource:
    """A MailSource over one logged-in imapclient connection. Not thread-safe."""

    def __init__(
        self, client: Any, settings: ImapSettings, *, batch_size: int = FETCH_BATCH,
        text_bytes: int = TEXT_BATCH_BYTES,
    ) -> None:  # fmt: skip
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._client = client
        self._settings = settings
        self._batch_size = batch_size
        self._text_bytes = text_bytes
        self._selected: str | None = None

    def __enter__(self) -> ImapSource:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def find_sent_folder(self) -> str | None:
        """SPECIAL-USE ``\\Sent`` first, else a common English or Finnish name; one LIST, and a
        NAMESPACE (the prefixes the names are tried under) only when no folder is ``\\Sent``."""
        with self._session_errors():
            folders = self._client.list_folders()
            flagged = flagged_sent_folder(folders)
            if flagged is not None:  # most servers: no need to ask for the namespaces
                return flagged
            prefixes = self._personal_prefixes()
        return pick_sent_folder(folders, prefixes)

    def select(self, folder: str) -> FolderStatus:
        """EXAMINE ``folder``; UIDVALIDITY, UIDNEXT and EXISTS come from its response."""
        with self._session_errors():
            try:
                response = self._client.select_folder(folder, readonly=True)
            except imaplib.IMAP4.abort:
                raise
            except imaplib.IMAP4.error as exc:
                raise fault(ConfigError, "imap.no_folder", folder=folder,
                            host=self._settings.host) from exc  # fmt: skip
        self._selected = folder
        uidvalidity = response.get(b"UIDVALIDITY")
        if uidvalidity is None:
            raise fault(UnreachableError, "imap.no_uidvalidity", folder=folder,
                        host=self._settings.host)  # fmt: skip
        exists = int(response.get(b"EXISTS", 0))
        uidnext = response.get(b"UIDNEXT")
        if uidnext is None:
            uidnext = self._highest_uid() + 1 if exists else 1
        return FolderStatus(folder, int(uidvalidity), int(uidnext), exists)

    def uids_after(self, folder: str, last_uid: int, upto: int | None = None) -> list[int]:
        """``UID SEARCH UID n:m`` (``n:*`` without ``upto``); ``n:*`` always includes the
        highest UID, so filter."""
        self._ensure_selected(folder)
        end = "*" if upto is None else str(upto)
        with self._session_errors():
            found = self._client.search(["UID", f"{last_uid + 1}:{end}"])
        uids = (int(u) for u in found)
        return sorted(u for u in uids if u > last_uid and (upto is None or u <= upto))

    def arrival_times(self, folder: str, uids: Sequence[int]) -> dict[int, datetime]:
        """INTERNALDATE per UID (aware, UTC), one FETCH per ``batch_size`` × 20 UIDs."""
        self._ensure_selected(folder)
        ordered = sorted(set(uids))
        found: dict[int, datetime] = {}
        step = self._batch_size * 20
        for start in range(0, len(ordered), step):
            with self._session_errors():
                found.update(fetch_arrival_times(self._client, ordered[start : start + step]))
        return found

    def fetch_headers(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        """Header block and INTERNALDATE (aware, UTC) per UID, fetched ``batch_size`` at a time."""
        self._ensure_selected(folder)
        ordered = sorted(set(uids))
        for start in range(0, len(ordered), self._batch_size):
            batch = ordered[start : start + self._batch_size]
            with self._session_errors():
                response = fetch_header_blocks(self._client, batch)
            for uid in batch:
                found = response.get(uid)
                if found is None:
                    continue  # expunged meanwhile
                yield RawMessage(folder=folder, uid=uid, internal_date=found[0], data=found[1])

    def fetch_text(self, folder: str, uid: int) -> bytes | None:
        """The whole message with ``BODY.PEEK[]``; None when it is gone."""
        self._ensure_selected(folder)
        with self._session_errors():
            response = self._client.fetch([uid], ["BODY.PEEK[]"])
        item = response.get(uid)
        if item is None or item.get(_WHOLE_ITEM) is None:
            return None
        return bytes(item[_WHOLE_ITEM])

    def fetch_texts(self, folder: str, uids: Sequence[int]) -> dict[int, bytes | None]:
        """Two FETCHes: the sizes (``RFC822.SIZE``), then ``BODY.PEEK[]`` of the mails that fit
        in the byte cap together (the first always); the others are left out, to be read alone.
        A UID the server does not answer is gone (None), as in ``fetch_text``."""
        self._ensure_selected(folder)
        ordered = sorted(set(uids))
        if not ordered:
            return {}
        with self._session_errors():
            sizes = self._client.fetch(ordered, ["RFC822.SIZE"])
        found: dict[int, bytes | None] = {}
        chosen: list[int] = []
        held = 0
        for uid in ordered:
            size = sizes.get(uid, {}).get(_SIZE_ITEM)
            if size is None:
                found[uid] = None
            elif not chosen or held + int(size) <= self._text_bytes:
                chosen.append(uid)
                held += int(size)
        if chosen:
            with self._session_errors():
                response = self._client.fetch(chosen, ["BODY.PEEK[]"])
            for uid in chosen:
                item = response.get(uid)
                data = item.get(_WHOLE_ITEM) if item is not None else None
                found[uid] = None if data is None else bytes(data)
        return found

    def append_message(self, kind: str, data: bytes) -> None:
        """The one write vasteaika ever makes: APPEND its own acknowledgment to Sent (``kind``
        "sent") or Drafts ("drafts", for ack.mode = draft). Nothing else is ever changed."""
        with self._session_errors():
            folders = self._client.list_folders()
        if kind == "sent":
            folder = pick_sent_folder(folders, self._personal_prefixes())
            flags: tuple[bytes, ...] = (b"\\Seen",)
        else:
            folder = pick_special_folder(folders, b"\\drafts", DRAFTS_FOLDER_NAMES)
            flags = (b"\\Draft", b"\\Seen")
        if folder is None:
            key = "imap.no_sent" if kind == "sent" else "imap.no_drafts"
            raise fault(ConfigError, key, host=self._settings.host)
        with self._session_errors():
            self._client.append(folder, data, flags=flags)

    @property
    def can_idle(self) -> bool:
        return bool(self._client.has_capability("IDLE"))

    def wait_for_change(self, folder: str, timeout: float, should_stop: Callable[[], bool]) -> bool:
        """IDLE on ``folder`` (read-only) until the server reports a change, ``timeout`` seconds
        pass (RFC 2177: re-issue at least every 29 minutes) or ``should_stop()``. True on change."""
        self._ensure_selected(folder)
        deadline = time.monotonic() + timeout
        changed = False
        with self._session_errors():
            self._client.idle()
            quick_empty = 0
            try:
                while not changed and not should_stop() and time.monotonic() < deadline:
                    started = time.monotonic()
                    responses = self._client.idle_check(timeout=1)
                    changed = any(_is_change(r) for r in responses)
                    # imapclient swallows EOF in idle_check: a readable socket that yields
                    # nothing, again and again, is a connection the server closed.
                    fast = not responses and time.monotonic() - started < 0.5
                    quick_empty = quick_empty + 1 if fast else 0
                    if quick_empty >= 3:
                        raise EOFError("the server closed the connection during IDLE")
            finally:
                self._client.idle_done()
        return changed

    def close(self) -> None:
        """Log out; a connection that is already gone is simply dropped."""
        try:
            self._client.logout()
        except Exception:  # the server may be gone already: nothing to do
            shutdown(self._client)
        self._selected = None

    def _ensure_selected(self, folder: str) -> None:
        if self._selected != folder:
            self.select(folder)

    def _highest_uid(self) -> int:
        # Only for the rare server whose EXAMINE response lacks UIDNEXT.
        with self._session_errors():
            found = self._client.search(["ALL"])
        return max((int(uid) for uid in found), default=0)

    def _personal_prefixes(self) -> tuple[str, ...]:
        if not self._client.has_capability("NAMESPACE"):
            return _FALLBACK_NAMESPACES
        personal = self._client.namespace().personal or ()
        return tuple(str(prefix) for prefix, _separator in personal) or ("",)

    @contextmanager
    def _session_errors(self) -> Iterator[None]:
        host = self._settings.host
        try:
            yield
        except TimeoutError as exc:
            raise fault(TemporaryError, "imap.slow", host=host,
                        seconds=self._settings.timeout) from exc  # fmt: skip
        except (imaplib.IMAP4.abort, OSError, EOFError) as exc:
            raise fault(TemporaryError, "imap.lost", host=host) from exc
        except imaplib.IMAP4.error as exc:
            raise fault(TemporaryError, "imap.read_refused", host=host,
                        said=server_text(exc)) from exc  # fmt: skip


def _selectable(
    folders: Sequence[tuple[Sequence[bytes], Any, str]],
) -> list[tuple[Sequence[bytes], str]]:
    return [
        (flags, str(name))
        for flags, _delimiter, name in folders
        if not {b"\\noselect", b"\\nonexistent"} & {bytes(f).lower() for f in flags}
    ]


def flagged_sent_folder(folders: Sequence[tuple[Sequence[bytes], Any, str]]) -> str | None:
    """The first selectable folder of a LIST response flagged SPECIAL-USE ``\\Sent``."""
    for flags, name in _selectable(folders):
        if b"\\sent" in {bytes(f).lower() for f in flags}:
            return name
    return None


def pick_sent_folder(
    folders: Sequence[tuple[Sequence[bytes], Any, str]], prefixes: Sequence[str]
) -> str | None:
    """The Sent folder from a LIST response: ``\\Sent`` first, then the first well-known name.

    Names compare case-insensitively and in Unicode NFC, so "LÄHETETYT" and a decomposed "ä"
    still match; folders that cannot be selected are never chosen.
    """
    flagged = flagged_sent_folder(folders)
    if flagged is not None:
        return flagged
    selectable = _selectable(folders)
    by_key = {_folder_key(name): name for _flags, name in reversed(selectable)}
    candidates = [prefix + name for name in SENT_FOLDER_NAMES for prefix in prefixes]
    candidates += SENT_FOLDER_FULL_NAMES
    for candidate in candidates:
        found = by_key.get(_folder_key(candidate))
        if found is not None:
            return found
    return None


DRAFTS_FOLDER_NAMES = ("Drafts", "Luonnokset", "[Gmail]/Drafts", "INBOX.Drafts", "Draft")


def pick_special_folder(
    folders: Sequence[tuple[Sequence[bytes], Any, str]], flag: bytes, names: Sequence[str]
) -> str | None:
    """A folder by its SPECIAL-USE flag (lower-case bytes), else by a well-known name."""
    by_flag = [str(n) for f, _d, n in folders if flag in {bytes(x).lower() for x in f}]
    if by_flag:
        return by_flag[0]
    by_key = {_folder_key(str(n)): str(n) for _f, _d, n in folders}
    return next((by_key[_folder_key(n)] for n in names if _folder_key(n) in by_key), None)


def _is_change(response: Any) -> bool:
    """An untagged EXISTS or RECENT (new mail) or EXPUNGE during IDLE."""
    return (
        isinstance(response, tuple)
        and len(response) >= 2
        and response[1] in (b"EXISTS", b"RECENT", b"EXPUNGE")
    )


def _folder_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def shutdown(client: Any) -> None:
    try:
        client.shutdown()
    except Exception as exc:  # already closed: nothing left to release
        log.debug("closing the IMAP connection: %s", exc)


def server_text(exc: BaseException) -> str:
    return str(exc)[:200]
