"""smtp.py against a real aiosmtpd server in its own process (tests/smtp_fixture.py)."""

from __future__ import annotations

import email
import shutil
import socket
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from dovecot import make_certificate
from smtp_fixture import RunningSmtpServer, smtp_server, smtp_server_factory  # noqa: F401
from vasteaika.acks.compose import build_ack
from vasteaika.acks.decision import AckSettings
from vasteaika.errors import (
    AuthenticationError,
    ConfigError,
    DataError,
    TemporaryError,
    UnreachableError,
)
from vasteaika.mail.smtp import Sender, SmtpSender, SmtpSettings, UncertainDeliveryError
from vasteaika.models import Address, Message

Factory = Callable[..., RunningSmtpServer]
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("Europe/Helsinki"))
OWNER = "tuomas@putkityo.fi"
SECRET = "salainen-Sana-7"  # the test server's password
ACK = AckSettings(mode="send", owner_name="Tuomas Putkinen", owner_address=OWNER)
BODY = "Hei Maija,\n\nKiitos viestistäsi! Soitan sinulle tänään klo 15.\n.piste rivin alussa\n"


def ack_to(address: str = "maija@example.com") -> EmailMessage:
    msg = Message(
        message_id="CAF1234567@mail.example.com",
        synthetic_id=False,
        folder="INBOX",
        uid=1,
        from_addr=Address(address, "Maija Meikäläinen"),
        sender=None,
        reply_to=(),
        to=(Address(OWNER),),
        cc=(),
        subject="Tarjouspyyntö",
        date=None,
        received_at=NOW - timedelta(minutes=3),
        in_reply_to=(),
        references=(),
        return_path=address,
        content_type="text/plain",
        headers={},
    )
    return build_ack(
        msg,
        Address(address, "Maija Meikäläinen"),
        body=BODY,
        settings=ACK,
        message_id_domain="putkityo.fi",
        now=NOW,
    )


def settings_for(server: RunningSmtpServer, **changes: Any) -> SmtpSettings:
    base = SmtpSettings(
        server.host, server.port, "none", None, None, timeout=10, helo_name="localhost"
    )
    return replace(base, **changes)


def test_ack_arrives_with_one_recipient_and_a_null_envelope_sender(
    smtp_server: RunningSmtpServer,  # noqa: F811
) -> None:
    sender: Sender = SmtpSender(settings_for(smtp_server))
    sender.send(ack_to(), "maija@example.com")
    [envelope] = smtp_server.messages()
    assert envelope.mail_from == ""
    assert envelope.rcpt_tos == ("maija@example.com",)
    assert envelope.rcpt_options == ()  # the server does not advertise DSN
    received = email.message_from_bytes(envelope.data, policy=policy.default)
    assert [a for _, a in getaddresses(received.get_all("To", []))] == ["maija@example.com"]
    assert "Cc" not in received and "Bcc" not in received
    assert received["Auto-Submitted"] == "auto-replied"
    assert received["X-Auto-Response-Suppress"] == "All"
    assert received["X-Vasteaika-Ack"] == "1"
    assert received["In-Reply-To"] == "<CAF1234567@mail.example.com>"
    assert received["Subject"] == "Re: Tarjouspyyntö"
    body = received.get_body()
    assert body is not None
    assert body.get_content().replace("\r\n", "\n") == BODY  # the leading dot survived


def test_envelope_sender_from_settings(smtp_server: RunningSmtpServer) -> None:  # noqa: F811
    SmtpSender(settings_for(smtp_server, envelope_from=OWNER)).send(ack_to(), "maija@example.com")
    assert [e.mail_from for e in smtp_server.messages()] == [OWNER]


def test_notify_never_when_the_server_offers_dsn(smtp_server_factory: Factory) -> None:  # noqa: F811
    server = smtp_server_factory(dsn=True)
    SmtpSender(settings_for(server)).send(ack_to(), "maija@example.com")
    [envelope] = server.messages()
    assert envelope.rcpt_tos == ("maija@example.com",)
    assert envelope.rcpt_options == ("NOTIFY=NEVER",)


def test_login(smtp_server_factory: Factory) -> None:  # noqa: F811
    server = smtp_server_factory(auth=f"tuomas:{SECRET}")
    SmtpSender(settings_for(server, username="tuomas"), SECRET).send(ack_to(), "maija@example.com")
    assert len(server.messages()) == 1


def test_wrong_password_is_an_authentication_error(smtp_server_factory: Factory) -> None:  # noqa: F811
    server = smtp_server_factory(auth=f"tuomas:{SECRET}")
    with pytest.raises(AuthenticationError) as caught:
        SmtpSender(settings_for(server, username="tuomas"), "väärä").send(
            ack_to(), "maija@example.com"
        )
    assert "väärä" not in str(caught.value) + caught.value.hint
    assert server.messages() == []


def test_missing_login_is_an_authentication_error(smtp_server_factory: Factory) -> None:  # noqa: F811
    server = smtp_server_factory(auth=f"tuomas:{SECRET}")
    with pytest.raises(AuthenticationError) as caught:
        SmtpSender(settings_for(server)).send(ack_to(), "maija@example.com")
    assert "login = true" in caught.value.hint  # login = false is what left it out


def test_a_server_without_login_is_not_answered_by_removing_the_username(
    smtp_server: RunningSmtpServer,  # noqa: F811
) -> None:
    """smtp.username empty means [account]'s username: the fix is login = false."""
    with pytest.raises(AuthenticationError, match="does not offer login") as caught:
        SmtpSender(settings_for(smtp_server, username="tuomas"), SECRET).send(
            ack_to(), "maija@example.com"
        )
    assert "login = false in [smtp]" in caught.value.hint
    assert "remove smtp.username" not in caught.value.hint


def test_refused_null_sender_is_a_config_error(smtp_server_factory: Factory) -> None:  # noqa: F811
    server = smtp_server_factory(refuse_null_sender=True)
    with pytest.raises(ConfigError, match="envelope sender") as caught:
        SmtpSender(settings_for(server)).send(ack_to(), "maija@example.com")
    assert "envelope_from" in caught.value.hint


def test_permanently_refused_recipient_is_a_data_error(smtp_server: RunningSmtpServer) -> None:  # noqa: F811
    with pytest.raises(DataError, match="550"):
        SmtpSender(settings_for(smtp_server)).send(
            ack_to("reject5@example.com"), "reject5@example.com"
        )
    assert smtp_server.messages() == []


def test_temporarily_refused_recipient_is_temporary(smtp_server: RunningSmtpServer) -> None:  # noqa: F811
    with pytest.raises(TemporaryError, match="450"):
        SmtpSender(settings_for(smtp_server)).send(
            ack_to("reject4@example.com"), "reject4@example.com"
        )


def test_password_with_finnish_letters(smtp_server_factory: Factory) -> None:  # noqa: F811
    server = smtp_server_factory(auth="tuomas:kesä-Öljy-42")
    sender = SmtpSender(settings_for(server, username="tuomas"), "kesä-Öljy-42")
    sender.send(ack_to(), "maija@example.com")
    assert len(server.messages()) == 1


def test_cut_after_the_text_is_uncertain_not_retryable(smtp_server_factory: Factory) -> None:  # noqa: F811
    server = smtp_server_factory(drop_after_data=True)
    with pytest.raises(UncertainDeliveryError, match="may have been sent"):
        SmtpSender(settings_for(server)).send(ack_to(), "maija@example.com")
    assert len(server.messages()) == 1  # it did arrive: a retry would be a second ack


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A port bound but not listening: connecting is refused, and nobody can take it meanwhile."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def test_connection_refused_is_unreachable(closed_port: int) -> None:
    settings = SmtpSettings(
        "127.0.0.1", closed_port, "none", None, None, timeout=5, helo_name="localhost"
    )
    with pytest.raises(UnreachableError, match="refused the connection"):
        SmtpSender(settings).send(ack_to(), "maija@example.com")


def test_silent_server_is_a_timeout() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)  # the kernel accepts the connection; nobody ever greets
        settings = SmtpSettings(
            "127.0.0.1",
            sock.getsockname()[1],
            "none",
            None,
            None,
            timeout=0.3,
            helo_name="localhost",
        )
        with pytest.raises(TemporaryError, match="did not answer"):
            SmtpSender(settings).send(ack_to(), "maija@example.com")


@pytest.mark.parametrize(
    ("mutate", "recipient"),
    [
        (lambda m: None, "other@example.com"),
        (lambda m: m.__setitem__("Cc", "victim@example.com"), "maija@example.com"),
        (lambda m: m.__setitem__("Bcc", "victim@example.com"), "maija@example.com"),
        (lambda m: m.replace_header("To", "victim@example.com"), "maija@example.com"),
        (lambda m: None, "maija@example.com, victim@example.com"),
    ],
)
def test_refuses_anything_but_exactly_one_recipient(
    mutate: Callable[[EmailMessage], None], recipient: str, closed_port: int
) -> None:
    msg = ack_to()
    mutate(msg)
    settings = SmtpSettings("127.0.0.1", closed_port, "none", None, None, helo_name="localhost")
    with pytest.raises(DataError, match="refusing"):
        SmtpSender(settings).send(msg, recipient)


def test_settings_are_validated() -> None:
    with pytest.raises(ConfigError) as caught:
        SmtpSettings(
            "smtp.example.com", 0, "none", None, None, timeout=0, envelope_from="not an address"
        )
    assert len(caught.value.problems) == 4
    SmtpSettings("::1", 25, "none", None, None)  # loopback: plain text is allowed
    SmtpSettings("localhost", 25, "none", None, None)


def test_repr_hides_the_password() -> None:
    sender = SmtpSender(SmtpSettings("smtp.example.com", 465, "ssl", "tuomas", None), SECRET)
    assert SECRET not in repr(sender)


# --- TLS ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl missing")
    return make_certificate(tmp_path_factory.mktemp("tls"))


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_tls_with_the_right_ca_file(
    security: str,
    certificate: tuple[Path, Path],
    smtp_server_factory: Factory,  # noqa: F811
) -> None:
    cert, key = certificate
    server = smtp_server_factory(tls=security, cert=cert, key=key, auth=f"tuomas:{SECRET}")
    settings = settings_for(server, security=security, ca_file=cert, username="tuomas")
    SmtpSender(settings, SECRET).send(ack_to(), "maija@example.com")
    assert len(server.messages()) == 1


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_unverified_certificate_is_unreachable(
    security: str,
    certificate: tuple[Path, Path],
    smtp_server_factory: Factory,  # noqa: F811
) -> None:
    cert, key = certificate
    server = smtp_server_factory(tls=security, cert=cert, key=key)
    with pytest.raises(UnreachableError, match="certificate"):
        SmtpSender(settings_for(server, security=security)).send(ack_to(), "maija@example.com")
    assert server.messages() == []


def test_unreadable_ca_file_is_a_config_error(tmp_path: Path) -> None:
    settings = SmtpSettings("smtp.example.com", 465, "ssl", None, tmp_path / "missing.pem")
    with pytest.raises(ConfigError, match=r"missing\.pem"):
        SmtpSender(settings).send(ack_to(), "maija@example.com")
