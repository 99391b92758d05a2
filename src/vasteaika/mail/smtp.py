"""Send one acknowledgment over SMTP (smtplib), to exactly one recipient.

The only module that imports smtplib. TLS is always verified (``ssl.create_default_context``);
``security = "none"`` is allowed only for a server on this computer. The password is kept in a
private attribute, never logged, never put in an error, and the smtplib debug output (which
would print the AUTH exchange) is never switched on.

Envelope (RFC 3834 §3.3, RFC 5230 §5.1): ``MAIL FROM:<>`` when ``envelope_from`` is "", else that
address (Gmail and Microsoft 365 refuse or rewrite a null sender); ``NOTIFY=NEVER`` on the one
``RCPT TO`` only when the server advertises DSN.

Errors: login refused → AuthenticationError; DNS, refused connection, TLS → UnreachableError;
timeouts and 4xx replies → TemporaryError; a 5xx for the recipient or the message → DataError;
a 5xx for the envelope sender → ConfigError. A failure after the message text was handed over
is an UncertainDeliveryError: the mail may have gone out, so it must not be sent again blindly.
"""

from __future__ import annotations

import base64
import logging
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path
from typing import Literal, Protocol

from vasteaika.catalogue import Said, fault
from vasteaika.errors import (
    AuthenticationError,
    ConfigError,
    DataError,
    TemporaryError,
    UnreachableError,
    VasteaikaError,
)
from vasteaika.mail.addresses import address_problem, address_problem_key
from vasteaika.net import is_loopback

log = logging.getLogger(__name__)

Security = Literal["ssl", "starttls", "none"]


class Sender(Protocol):
    """Anything that delivers one built acknowledgment to one address (SmtpSender, test fakes)."""

    def send(self, msg: EmailMessage, recipient: str) -> None: ...


class UncertainDeliveryError(TemporaryError):
    """The connection failed after the message text was sent: it may or may not have gone out."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: Security
    username: str | None
    ca_file: Path | None
    timeout: float = 30
    envelope_from: str = ""  # "" means MAIL FROM:<> (the RFC 3834 recommendation)
    oauth2: bool = False  # the secret is an OAuth2 access token: AUTH XOAUTH2 (Microsoft 365)
    helo_name: str | None = None  # None: smtplib's default, the local fully qualified name

    def __post_init__(self) -> None:
        problems = []
        if self.security not in ("ssl", "starttls", "none"):
            problems.append(Said("smtp.bad_security", {"value": self.security}))
        elif self.security == "none" and not is_loopback(self.host):
            problems.append(Said("smtp.plain_remote"))
        if not 0 < self.port < 65536:
            problems.append(Said("smtp.bad_port", {"port": self.port}))
        if self.timeout <= 0:
            problems.append(Said("smtp.bad_timeout"))
        if self.envelope_from and (
            address_problem(self.envelope_from) or not self.envelope_from.isascii()
        ):
            problems.append(Said("smtp.bad_envelope", {"value": self.envelope_from}))
        if problems:
            error = fault(ConfigError, "smtp.settings", detail=tuple(problems))
            error.problems = [str(p) for p in problems]
            raise error


class SmtpSender:
    """Delivers each message over its own connection: connect, TLS, login, one transaction."""

    def __init__(self, settings: SmtpSettings, password: str | None = None) -> None:
        self._settings = settings
        self._password = password

    def __repr__(self) -> str:
        s = self._settings
        return f"SmtpSender(host={s.host!r}, port={s.port}, username={s.username!r})"

    def send(self, msg: EmailMessage, recipient: str) -> None:
        check_single_recipient(msg, recipient)
        payload = msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))
        context = self._tls_context()
        sent_text = False
        try:
            conn = self._connect(context)
            try:
                self._login(conn)
                sent_text = self._transmit(conn, payload, recipient)
            finally:
                _close(conn)
        except VasteaikaError:
            raise
        except (OSError, smtplib.SMTPException) as exc:
            raise self._translate(exc, sent_text) from exc
        log.info(
            "sent %s to %s via %s:%s",
            msg.get("Message-ID", "?"),
            recipient,
            self._settings.host,
            self._settings.port,
        )

    def _tls_context(self) -> ssl.SSLContext:
        ca_file = self._settings.ca_file
        try:
            return ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
        except (OSError, ssl.SSLError) as exc:
            raise fault(ConfigError, "smtp.ca_file", ca_file=ca_file, reason=str(exc)) from exc

    def _connect(self, context: ssl.SSLContext) -> smtplib.SMTP:
        s = self._settings
        conn: smtplib.SMTP
        if s.security == "ssl":
            conn = smtplib.SMTP_SSL(
                s.host, s.port, local_hostname=s.helo_name, timeout=s.timeout, context=context
            )
        else:
            conn = smtplib.SMTP(s.host, s.port, local_hostname=s.helo_name, timeout=s.timeout)
        try:
            conn.ehlo()
            if s.security == "starttls":
                if not conn.has_extn("starttls"):
                    raise fault(UnreachableError, "smtp.no_starttls", server=f"{s.host}:{s.port}")
                conn.starttls(context=context)
                conn.ehlo()
        except BaseException:
            _close(conn)
            raise
        return conn

    def _login(self, conn: smtplib.SMTP) -> None:
        s = self._settings
        if s.username is None:
            return
        if self._password is None:
            raise fault(AuthenticationError, "smtp.no_password", user=s.username)
        try:
            if s.oauth2:
                token = f"user={s.username}\x01auth=Bearer {self._password}\x01\x01"
                conn.ehlo_or_helo_if_needed()
                conn.auth("XOAUTH2", lambda challenge=None: token, initial_response_ok=True)
            elif f"{s.username}{self._password}".isascii():
                conn.login(s.username, self._password)
            else:
                _login_plain_utf8(conn, s.username, self._password)
        except smtplib.SMTPNotSupportedError as exc:
            raise fault(AuthenticationError, "smtp.no_auth", server=f"{s.host}:{s.port}") from exc

    def _transmit(self, conn: smtplib.SMTP, payload: bytes, recipient: str) -> bool:
        """One transaction; returns True once the text has been sent and accepted."""
        mail_options = [] if payload.isascii() else ["BODY=8BITMIME"]
        code, reply = conn.mail(self._settings.envelope_from, mail_options)
        if code != 250:
            raise _reply_error(code, reply, "mail", self._settings)
        rcpt_options = ["NOTIFY=NEVER"] if conn.has_extn("dsn") else []
        code, reply = conn.rcpt(recipient, rcpt_options)
        if code not in (250, 251):
            conn.rset()
            raise _reply_error(code, reply, "rcpt", self._settings, recipient)
        conn.putcmd("data")
        code, reply = conn.getreply()
        if code != 354:
            raise _reply_error(code, reply, "data", self._settings)
        text = re.sub(rb"(?m)^\.", b"..", payload)
        if not text.endswith(b"\r\n"):
            text += b"\r\n"
        try:
            conn.send(text + b".\r\n")
            code, reply = conn.getreply()
        except (OSError, smtplib.SMTPException) as exc:
            raise self._translate(exc, sent_text=True) from exc
        if code != 250:
            raise _reply_error(code, reply, "data", self._settings)
        return True

    def _translate(self, exc: BaseException, sent_text: bool) -> VasteaikaError:
        s = self._settings
        server = f"{s.host}:{s.port}"
        if sent_text:
            return fault(UncertainDeliveryError, "smtp.uncertain", server=server,
                         reason=_describe(exc))  # fmt: skip
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return fault(AuthenticationError, "smtp.refused_login", server=server, user=s.username)
        if isinstance(exc, smtplib.SMTPResponseException):
            return _reply_error(exc.smtp_code, exc.smtp_error, "connect", s)
        if isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError):
            return fault(TemporaryError, "smtp.timeout", server=server, seconds=s.timeout)
        if isinstance(exc, smtplib.SMTPServerDisconnected):
            return fault(TemporaryError, "smtp.closed", server=server)
        if isinstance(exc, ssl.SSLCertVerificationError):
            return fault(UnreachableError, "smtp.certificate", server=server,
                         reason=exc.verify_message)  # fmt: skip
        if isinstance(exc, ssl.SSLError):
            return fault(UnreachableError, "smtp.tls", server=server, reason=_describe(exc))
        if isinstance(exc, socket.gaierror):
            return fault(UnreachableError, "smtp.unknown_host", host=s.host)
        if isinstance(exc, ConnectionRefusedError):
            return fault(UnreachableError, "smtp.refused_connection", server=server)
        return fault(UnreachableError, "smtp.unreachable", server=server, reason=_describe(exc))


def _login_plain_utf8(conn: smtplib.SMTP, username: str, password: str) -> None:
    """AUTH PLAIN with UTF-8 credentials (RFC 4616): smtplib encodes them as ASCII and fails on
    a password such as "kesä-Öljy"."""
    if "PLAIN" not in conn.esmtp_features.get("auth", "").upper().split():
        raise smtplib.SMTPNotSupportedError("AUTH PLAIN is not offered")
    token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, reply = conn.docmd("AUTH", "PLAIN " + token)
    if code == 334:  # the server wants the credentials in a second line
        code, reply = conn.docmd(token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def check_single_recipient(msg: EmailMessage, recipient: str) -> None:
    """Refuse anything but one plain ASCII address that is also the message's only To."""
    problem = address_problem_key(recipient) or (None if recipient.isascii() else "address.not_ascii")
    if problem:
        raise fault(DataError, "smtp.refuse_address", recipient=recipient, problem=Said(problem))
    to_headers = msg.get_all("To") or []
    addresses = [a for _, a in getaddresses([str(h) for h in to_headers])]
    extra = [h for h in ("Cc", "Bcc", "Resent-To", "Resent-Cc", "Resent-Bcc") if h in msg]
    if len(to_headers) != 1 or len(addresses) != 1 or extra:
        raise fault(DataError, "smtp.refuse_count")
    if addresses[0].lower() != recipient.lower():
        raise fault(DataError, "smtp.refuse_to", to=addresses[0], recipient=recipient)


def _reply_error(
    code: int, reply: bytes | str, stage: str, s: SmtpSettings, recipient: str = ""
) -> VasteaikaError:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    said = f"{code} {' '.join(text.split())[:200]}"
    server = f"{s.host}:{s.port}"
    if code in (530, 534, 535, 538):
        key = "smtp.wants_login" if s.username is None else "smtp.wants_password"
        return fault(AuthenticationError, key, server=server, said=said)
    if 400 <= code < 500 or code < 200:
        return fault(TemporaryError, "smtp.said", server=server, said=said)
    if stage == "mail":
        return fault(ConfigError, "smtp.envelope", server=server, sender=s.envelope_from,
                     said=said)  # fmt: skip
    if stage == "rcpt":
        return fault(DataError, "smtp.recipient", server=server, recipient=recipient, said=said)
    if stage == "connect":
        return fault(UnreachableError, "smtp.session", server=server, said=said)
    return fault(DataError, "smtp.refused_ack", server=server, said=said)


def _describe(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _close(conn: smtplib.SMTP) -> None:
    try:
        conn.quit()
    except (OSError, smtplib.SMTPException):
        conn.close()
