"""The IMAP adapter: a strictly read-only MailSource over imapclient.

Folders are opened with EXAMINE, messages are read with ``BODY.PEEK`` only, and no command that
changes the mailbox (STORE, APPEND, COPY, MOVE, EXPUNGE) is ever sent. Certificates and host
names are always verified. Every network failure becomes a VasteaikaError whose message says what
is wrong and what to do; the password never appears in a message or a log line.
"""

from __future__ import annotations

import errno
import imaplib
import logging
import re
import socket
import ssl
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import imapclient
from imapclient import SocketTimeout
from imapclient.response_parser import parse_fetch_response

from vasteaika.errors import (
    AuthenticationError,
    ConfigError,
    TemporaryError,
    UnreachableError,
)
from vasteaika.mail.source import SENT_FOLDER_NAMES
from vasteaika.models import FolderStatus, RawMessage
from vasteaika.net import is_loopback

log = logging.getLogger(__name__)

Security = Literal["ssl", "starttls", "none"]
ClientFactory = Callable[..., Any]

FETCH_BATCH = 500

# When no folder carries the SPECIAL-USE \Sent flag, each of SENT_FOLDER_NAMES is tried under
# every personal namespace prefix ("" and "INBOX." on most servers), then these full names.
SENT_FOLDER_FULL_NAMES = ("INBOX.Sent", "INBOX/Sent")
_FALLBACK_NAMESPACES = ("", "INBOX.")

_HEADER_ITEM = b"BODY[HEADER]"
_WHOLE_ITEM = b"BODY[]"


@dataclass(frozen=True)
class ImapSettings:
    """Where and how to connect. ``ca_file`` replaces the system CAs (for a self-signed
    server); ``timeout`` bounds both the connection and every read, in seconds."""

    host: str
    port: int
    security: Literal["ssl", "starttls", "none"]
    username: str
    ca_file: Path | None = None
    timeout: float = 30.0
    auth: Literal["password", "oauth2"] = "password"  # oauth2: the secret is an access token


def connect_imap(
    settings: ImapSettings,
    password: str,
    *,
    batch_size: int = FETCH_BATCH,
    client_factory: ClientFactory = imapclient.IMAPClient,
) -> ImapSource:
    """Connect, secure the connection, log in and return a read-only source.

    ``client_factory`` is the seam for tests: it is called like ``imapclient.IMAPClient``.
    """
    if settings.security == "none" and not is_loopback(settings.host):
        raise ConfigError(
            f'imap_security = "none" would send the password to {settings.host} unencrypted',
            'use imap_security = "ssl" (port 993) or "starttls" (port 143); '
            '"none" is allowed only for localhost',
        )
    context = _tls_context(settings.ca_file)
    where = f"{settings.host}:{settings.port}"
    with _connect_errors(settings):
        client = client_factory(
            settings.host,
            port=settings.port,
            ssl=settings.security == "ssl",
            ssl_context=context if settings.security == "ssl" else None,
            timeout=SocketTimeout(connect=settings.timeout, read=settings.timeout),
        )
    try:
        client.normalise_times = False
        with _connect_errors(settings):
            if settings.security == "starttls":
                if not client.has_capability("STARTTLS"):
                    raise UnreachableError(
                        f"{where} does not offer STARTTLS, so the password cannot be sent safely",
                        'set imap_security = "ssl" and imap_port = 993, or ask the mail '
                        "provider which secure port to use",
                    )
                client.starttls(context)
            capabilities = {bytes(c).upper() for c in client.capabilities()}
            if b"LOGINDISABLED" in capabilities:
                raise ConfigError(
                    f"{where} refuses logins over an unencrypted connection",
                    'set imap_security = "ssl" (port 993) or "starttls" (port 143)',
                )
            _login(client, settings, password, capabilities)
    except BaseException:
        _shutdown(client)
        raise
    log.debug("logged in to %s as %s", where, settings.username)
    return ImapSource(client, settings, batch_size=batch_size)


class ImapSource:
    """A MailSource over one logged-in imapclient connection. Not thread-safe."""

    def __init__(self, client: Any, settings: ImapSettings, *, batch_size: int = FETCH_BATCH):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self._client = client
        self._settings = settings
        self._batch_size = batch_size
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
        """SPECIAL-USE ``\\Sent`` first, else a common English or Finnish name; one LIST."""
        with self._session_errors():
            folders = self._client.list_folders()
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
                raise ConfigError(
                    f'cannot open the folder "{folder}" on {self._settings.host}',
                    "check the folder name in the config (names are case-sensitive)",
                ) from exc
        self._selected = folder
        uidvalidity = response.get(b"UIDVALIDITY")
        if uidvalidity is None:
            raise UnreachableError(
                f'{self._settings.host} did not report a UIDVALIDITY for "{folder}"',
                "this server cannot be read safely; please report it",
            )
        exists = int(response.get(b"EXISTS", 0))
        uidnext = response.get(b"UIDNEXT")
        if uidnext is None:
            uidnext = self._highest_uid() + 1 if exists else 1
        return FolderStatus(folder, int(uidvalidity), int(uidnext), exists)

    def uids_after(self, folder: str, last_uid: int) -> list[int]:
        """``UID SEARCH UID n:*``; the server always includes the highest UID, so filter."""
        self._ensure_selected(folder)
        with self._session_errors():
            found = self._client.search(["UID", f"{last_uid + 1}:*"])
        return sorted(uid for uid in (int(u) for u in found) if uid > last_uid)

    def fetch_headers(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        """Header block and INTERNALDATE (aware, UTC) per UID, fetched ``batch_size`` at a time."""
        self._ensure_selected(folder)
        ordered = sorted(set(uids))
        for start in range(0, len(ordered), self._batch_size):
            batch = ordered[start : start + self._batch_size]
            with self._session_errors():
                response = _fetch_header_blocks(self._client, batch)
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
            raise ConfigError(
                f"no {kind.title()} folder found on {self._settings.host}",
                "create one, or set ack.mode/ack.save_to_sent so none is needed",
            )
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
            _shutdown(self._client)
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
            raise TemporaryError(
                f"{host} did not answer within {self._settings.timeout:g} seconds",
                "run again later; nothing was lost",
            ) from exc
        except (imaplib.IMAP4.abort, OSError, EOFError) as exc:
            raise TemporaryError(
                f"the connection to {host} was lost", "run again; nothing was lost"
            ) from exc
        except imaplib.IMAP4.error as exc:
            raise TemporaryError(
                f"{host} refused a read request: {_server_text(exc)}",
                "run again later; if it keeps happening, report it",
            ) from exc


def pick_sent_folder(
    folders: Sequence[tuple[Sequence[bytes], Any, str]], prefixes: Sequence[str]
) -> str | None:
    """The Sent folder from a LIST response: ``\\Sent`` first, then the first well-known name.

    Names compare case-insensitively and in Unicode NFC, so "LÄHETETYT" and a decomposed "ä"
    still match; folders that cannot be selected are never chosen.
    """
    selectable = [
        (flags, str(name))
        for flags, _delimiter, name in folders
        if not {b"\\noselect", b"\\nonexistent"} & {bytes(f).lower() for f in flags}
    ]
    for flags, name in selectable:
        if b"\\sent" in {bytes(f).lower() for f in flags}:
            return name
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


_HEADER_FETCH = "(INTERNALDATE BODY.PEEK[HEADER])"
# One message of the answer to _HEADER_FETCH as imaplib hands it over, in the shape Dovecot and
# most servers use: (b'7 (UID 42 INTERNALDATE "…" BODY[HEADER] {123}', header bytes), b')'.
_FETCH_PREFIX = re.compile(
    rb'[0-9]+ \(UID ([0-9]+) INTERNALDATE "([^"]*)" BODY\[HEADER\] \{[0-9]+\}'
)
_INTERNALDATE = re.compile(
    rb"( ?[0-9]|[0-9]{2})-([A-Za-z]{3})-([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([+-])([0-9]{4})"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        (b"jan", b"feb", b"mar", b"apr", b"may", b"jun",
         b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"), 1
    )
}  # fmt: skip
HeaderBlocks = dict[int, tuple[datetime | None, bytes]]


def _fetch_header_blocks(client: Any, uids: Sequence[int]) -> HeaderBlocks:
    """UID → (INTERNALDATE in UTC, header block) with ``BODY.PEEK[HEADER]``.

    imapclient's general response parser costs more than the rest of a first sync's fetch; the
    usual answer is read here directly from imaplib's, and anything unusual (items in another
    order, unsolicited FLAGS updates, an odd date) still goes through imapclient's parser."""
    if not isinstance(client, imapclient.IMAPClient):  # a test double: the plain interface
        items = client.fetch(list(uids), ["INTERNALDATE", "BODY.PEEK[HEADER]"])
        return _header_items(items)
    typ, data = client._imap.uid("FETCH", _uid_set(uids), _HEADER_FETCH)
    if typ != "OK":
        raise imaplib.IMAP4.error(f"FETCH command error: {typ} {data!r}")
    fast = _read_header_fetch(data)
    if fast is not None:
        return fast
    return _header_items(parse_fetch_response(data, normalise_times=False, uid_is_key=True))


def _header_items(response: Any) -> HeaderBlocks:
    return {
        uid: (to_utc(item.get(b"INTERNALDATE")), bytes(item[_HEADER_ITEM] or b""))
        for uid, item in response.items()
        if _HEADER_ITEM in item
    }


def _read_header_fetch(data: list[Any]) -> HeaderBlocks | None:
    """The usual shape of the answer read without a general parser; None for any other."""
    found: HeaderBlocks = {}
    parts = iter(data)
    for part in parts:
        if not isinstance(part, tuple) or len(part) != 2:
            return None
        match = _FETCH_PREFIX.fullmatch(part[0])
        if match is None or next(parts, None) != b")":
            return None
        internal_date = _internal_date(match[2])
        if internal_date is None:
            return None
        found[int(match[1])] = (internal_date, bytes(part[1]))
    return found


def _internal_date(value: bytes) -> datetime | None:
    """``01-Nov-2026 10:00:00 +0200`` as an aware UTC datetime; None for any other form."""
    match = _INTERNALDATE.fullmatch(value)
    month = _MONTHS.get(match[2].lower()) if match else None
    if match is None or month is None:
        return None
    day, _, year, hour, minute, second, sign, zone = match.groups()
    offset = timedelta(hours=int(zone[:2]), minutes=int(zone[2:]))
    try:
        local = datetime(int(year), month, int(day), int(hour), int(minute), int(second), 0, UTC)
    except ValueError:
        return None
    return local + offset if sign == b"-" else local - offset


def _uid_set(uids: Sequence[int]) -> str:
    """Ascending UIDs as an IMAP set with ranges: ``1:3,7,9:10``."""
    ranges: list[str] = []
    start = previous = -1
    for uid in uids:
        if uid != previous + 1:
            if start >= 0:
                ranges.append(f"{start}:{previous}" if previous > start else str(start))
            start = uid
        previous = uid
    if start >= 0:
        ranges.append(f"{start}:{previous}" if previous > start else str(start))
    return ",".join(ranges)


def _is_change(response: Any) -> bool:
    """An untagged EXISTS or RECENT (new mail) or EXPUNGE during IDLE."""
    return (
        isinstance(response, tuple)
        and len(response) >= 2
        and response[1] in (b"EXISTS", b"RECENT", b"EXPUNGE")
    )


def to_utc(value: object) -> datetime | None:
    """INTERNALDATE as an aware UTC datetime (imapclient with ``normalise_times=False``)."""
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=UTC)  # no zone given: take it as UTC
    return value.astimezone(UTC)


def _folder_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _tls_context(ca_file: Path | None) -> ssl.SSLContext:
    try:
        return ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigError(
            f"the certificate file {ca_file} cannot be used ({_reason(exc)})",
            "check ca_file in the config: it must be a PEM file with the server's certificate",
        ) from exc


def _login(client: Any, settings: ImapSettings, password: str, capabilities: set[bytes]) -> None:
    """LOGIN, or AUTHENTICATE PLAIN when the username or password is not ASCII: LOGIN cannot
    carry "ä" (imaplib would fail to encode it), SASL PLAIN sends UTF-8."""
    refused = AuthenticationError(
        f"IMAP login to {settings.host} as {settings.username} was refused",
        "check the username and password (Gmail/Fastmail need an app password)",
    )
    is_ascii = settings.username.isascii() and password.isascii()
    try:
        if settings.auth == "oauth2":  # Microsoft 365 and others: SASL XOAUTH2 with a token
            client.oauth2_login(settings.username, password)
        elif is_ascii:
            client.login(settings.username, password)
        elif b"AUTH=PLAIN" in capabilities:
            client.plain_login(settings.username, password)
        else:
            raise AuthenticationError(
                f"{settings.host} cannot take a username or password with letters "
                "outside ASCII (such as ä or ö)",
                "use an app password, or change the password to plain ASCII",
            )
    except imapclient.exceptions.LoginError:
        raise refused from None  # the server's text is not needed and must carry no secret


@contextmanager
def _connect_errors(settings: ImapSettings) -> Iterator[None]:
    host, where = settings.host, f"{settings.host}:{settings.port}"
    try:
        yield
    except ssl.SSLCertVerificationError as exc:
        reason = getattr(exc, "verify_message", None) or _reason(exc)
        raise UnreachableError(
            f"the TLS certificate of {host} could not be verified ({reason})",
            "if the server uses its own certificate, set ca_file to that certificate's "
            "PEM file; otherwise check imap_host",
        ) from exc
    except ssl.SSLError as exc:
        raise UnreachableError(
            f"the TLS handshake with {where} failed ({_reason(exc)})",
            'check imap_port and imap_security: 993 is usually "ssl", 143 "starttls"',
        ) from exc
    except TimeoutError as exc:
        raise TemporaryError(
            f"{where} did not answer within {settings.timeout:g} seconds",
            "check the internet connection and imap_port; run again later",
        ) from exc
    except socket.gaierror as exc:
        if exc.errno in (socket.EAI_AGAIN, getattr(socket, "EAI_NODATA", None)):
            raise UnreachableError(
                f"cannot look up the mail server {host} ({_reason(exc)})",
                "check the internet connection and imap_host",
            ) from exc
        raise UnreachableError(
            f"unknown host {host}", "check imap_host in the config for a typo"
        ) from exc
    except ConnectionRefusedError as exc:
        raise UnreachableError(
            f"{where} refused the connection",
            'check imap_host and imap_port (993 for "ssl", 143 for "starttls")',
        ) from exc
    except (imaplib.IMAP4.abort, EOFError, ConnectionResetError, BrokenPipeError) as exc:
        raise TemporaryError(
            f"the connection to {host} was lost", "run again; nothing was lost"
        ) from exc
    except OSError as exc:
        unreachable = exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ENETDOWN)
        raise UnreachableError(
            f"cannot reach {where} ({_reason(exc)})",
            "check the internet connection and imap_host"
            if unreachable
            else "check imap_host and imap_port; run again later",
        ) from exc
    except imaplib.IMAP4.error as exc:
        raise UnreachableError(
            f"{where} did not answer like an IMAP server ({_server_text(exc)})",
            'check imap_port and imap_security (993 for "ssl", 143 for "starttls")',
        ) from exc


def _shutdown(client: Any) -> None:
    try:
        client.shutdown()
    except Exception as exc:  # already closed: nothing left to release
        log.debug("closing the IMAP connection: %s", exc)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, ssl.SSLError) and exc.reason:
        return str(exc.reason)
    return str(exc) or type(exc).__name__


def _server_text(exc: BaseException) -> str:
    return str(exc)[:200]
