"""The IMAP adapter: a strictly read-only MailSource over imapclient.

Folders are opened with EXAMINE, messages are read with ``BODY.PEEK`` only, and no command that
changes the mailbox (STORE, APPEND, COPY, MOVE, EXPUNGE) is ever sent. Certificates and host
names are always verified. Every network failure becomes a VasteaikaError whose message says what
is wrong and what to do; the password never appears in a message or a log line.

The connection lives here (TLS, login, OAuth, what each failure to connect means); the session
in ``imap_source`` (ImapSource, finding Sent) and the reading of FETCH answers in
``imap_fetch``. Only imap and imap_fetch import imapclient.
"""

from __future__ import annotations

import errno
import imaplib
import logging
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import imapclient
from imapclient import SocketTimeout
from imapclient.imap4 import IMAP4WithTimeout
from imapclient.tls import IMAP4_TLS

from vasteaika.catalogue import fault
from vasteaika.errors import (
    AuthenticationError,
    ConfigError,
    TemporaryError,
    UnreachableError,
)
from vasteaika.mail.imap_source import FETCH_BATCH, ImapSource, server_text, shutdown
from vasteaika.net import is_loopback

log = logging.getLogger(__name__)

Security = Literal["ssl", "starttls", "none"]
ClientFactory = Callable[..., Any]


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


class _GreetingCapabilities(imaplib.IMAP4):
    """imaplib asks every server for its CAPABILITY as soon as it connects, even when the
    greeting has listed them (``* OK [CAPABILITY …]``, as Dovecot's and most do): a round trip
    that every check waits for. RFC 3501 (7.1) makes the greeting's list the answer ("unnecessary
    for a client to send a separate CAPABILITY command"), so it is taken as imaplib would take
    the command's; a greeting without one still gets the command. After STARTTLS (imaplib asks
    again then) the command is always sent: a list that came before TLS is never trusted
    (RFC 3501 6.2.1), and imaplib's command takes its own answer, the last one."""

    def _get_capabilities(self) -> None:
        if self._tls_established:
            super()._get_capabilities()  # type: ignore[misc]
            return
        listed = self.untagged_responses.pop("CAPABILITY", None)  # the greeting's, if any
        if not listed or not isinstance(listed[-1], bytes):
            super()._get_capabilities()  # type: ignore[misc]
            return
        atoms = listed[-1].split(b"]", 1)[0]  # no capability contains "]" (RFC 3501 atoms)
        self.capabilities = tuple(str(atoms, self._encoding).upper().split())


class _GreetedTLS(_GreetingCapabilities, IMAP4_TLS):  # type: ignore[misc]
    pass


class _GreetedPlain(_GreetingCapabilities, IMAP4WithTimeout):  # type: ignore[misc]
    pass


class Client(imapclient.IMAPClient):  # type: ignore[misc]
    """imapclient's client over the imaplib connections above (imapclient's own
    ``_create_IMAP4``, with their classes)."""

    def _create_IMAP4(self) -> imaplib.IMAP4:
        if self.stream:
            return super()._create_IMAP4()  # type: ignore[no-any-return]
        connect_timeout = getattr(self._timeout, "connect", None)
        if self.ssl:
            return _GreetedTLS(self.host, self.port, self.ssl_context, connect_timeout)  # type: ignore[call-arg]
        return _GreetedPlain(self.host, self.port, connect_timeout)


def connect_imap(
    settings: ImapSettings,
    password: str,
    *,
    batch_size: int = FETCH_BATCH,
    client_factory: ClientFactory = Client,
) -> ImapSource:
    """Connect, secure the connection, log in and return a read-only source.

    ``client_factory`` is the seam for tests: it is called like ``imapclient.IMAPClient``.
    """
    if settings.security == "none" and not is_loopback(settings.host):
        raise fault(ConfigError, "imap.security_none", host=settings.host)
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
                    raise fault(UnreachableError, "imap.no_starttls", where=where)
                client.starttls(context)
            capabilities = {bytes(c).upper() for c in client.capabilities()}
            if b"LOGINDISABLED" in capabilities:
                raise fault(ConfigError, "imap.login_disabled", where=where)
            _login(client, settings, password, capabilities)
    except BaseException:
        shutdown(client)
        raise
    log.debug("logged in to %s as %s", where, settings.username)
    return ImapSource(client, settings, batch_size=batch_size)


def _tls_context(ca_file: Path | None) -> ssl.SSLContext:
    try:
        return ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    except (OSError, ssl.SSLError) as exc:
        raise fault(ConfigError, "imap.ca_file", ca_file=ca_file, reason=_reason(exc)) from exc


def _login(client: Any, settings: ImapSettings, password: str, capabilities: set[bytes]) -> None:
    """LOGIN, or AUTHENTICATE PLAIN when the username or password is not ASCII: LOGIN cannot
    carry "ä" (imaplib would fail to encode it), SASL PLAIN sends UTF-8."""
    refused = fault(AuthenticationError, "imap.refused", host=settings.host,
                    user=settings.username)  # fmt: skip
    is_ascii = settings.username.isascii() and password.isascii()
    try:
        if settings.auth == "oauth2":  # Microsoft 365 and others: SASL XOAUTH2 with a token
            client.oauth2_login(settings.username, password)
        elif is_ascii:
            client.login(settings.username, password)
        elif b"AUTH=PLAIN" in capabilities:
            client.plain_login(settings.username, password)
        else:
            raise fault(AuthenticationError, "imap.not_ascii", host=settings.host)
    except imapclient.exceptions.LoginError:
        raise refused from None  # the server's text is not needed and must carry no secret


@contextmanager
def _connect_errors(settings: ImapSettings) -> Iterator[None]:
    host, where = settings.host, f"{settings.host}:{settings.port}"
    try:
        yield
    except ssl.SSLCertVerificationError as exc:
        reason = getattr(exc, "verify_message", None) or _reason(exc)
        raise fault(UnreachableError, "imap.certificate", host=host, reason=reason) from exc
    except ssl.SSLError as exc:
        raise fault(UnreachableError, "imap.tls", where=where, reason=_reason(exc)) from exc
    except TimeoutError as exc:
        raise fault(TemporaryError, "imap.timeout", where=where, seconds=settings.timeout) from exc
    except socket.gaierror as exc:
        if exc.errno in (socket.EAI_AGAIN, getattr(socket, "EAI_NODATA", None)):
            raise fault(UnreachableError, "imap.lookup", host=host, reason=_reason(exc)) from exc
        raise fault(UnreachableError, "imap.unknown_host", host=host) from exc
    except ConnectionRefusedError as exc:
        raise fault(UnreachableError, "imap.refused_connection", where=where) from exc
    except (imaplib.IMAP4.abort, EOFError, ConnectionResetError, BrokenPipeError) as exc:
        raise fault(TemporaryError, "imap.lost", host=host) from exc
    except OSError as exc:
        unreachable = exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ENETDOWN)
        key = "imap.no_route" if unreachable else "imap.unreachable"
        raise fault(UnreachableError, key, where=where, reason=_reason(exc)) from exc
    except imaplib.IMAP4.error as exc:
        raise fault(UnreachableError, "imap.not_imap", where=where, said=server_text(exc)) from exc


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, ssl.SSLError) and exc.reason:
        return str(exc.reason)
    return str(exc) or type(exc).__name__
