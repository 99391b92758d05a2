"""The IMAP adapter against a real Dovecot on 127.0.0.1 (see tests/dovecot.py)."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from dovecot import DovecotFactory, DovecotServer, free_port, make_certificate
from vasteaika.errors import (
    AuthenticationError,
    ConfigError,
    TemporaryError,
    UnreachableError,
)
from vasteaika.mail.imap import Security, connect_imap
from vasteaika.mail.imap_source import ImapSource

pytestmark = pytest.mark.dovecot

HELSINKI_SUMMER = timezone(timedelta(hours=3))


def mail(n: int, subject: str = "Tarjouspyyntö") -> bytes:
    return (
        f"From: Asiakas {n} <asiakas{n}@example.fi>\r\n"
        f"To: ylermi@pihapalvelu.fi\r\n"
        f"Subject: {subject} {n}\r\n"
        f"Message-ID: <m{n}@example.fi>\r\n"
        f"Date: Mon, 2 Jun 2025 09:0{n % 10}:00 +0300\r\n"
        f"\r\n"
        f"Hei, voisitteko leikata nurmikon? ({n})\r\n"
    ).encode()


def connect(
    server: DovecotServer, security: Security = "ssl", *, batch_size: int = 500
) -> ImapSource:
    return connect_imap(server.settings(security), server.password, batch_size=batch_size)


# --- connecting and logging in ----------------------------------------------------------


def test_login_over_imaps_with_the_servers_certificate(dovecot: DovecotServer) -> None:
    with connect(dovecot, "ssl") as source:
        assert source.select("INBOX").exists == 0


def test_wrong_password_is_an_authentication_error(dovecot: DovecotServer) -> None:
    with pytest.raises(AuthenticationError) as caught:
        connect_imap(dovecot.settings("ssl"), "väärä-salasana")
    assert caught.value.message == (f"IMAP login to 127.0.0.1 as {dovecot.username} was refused")
    assert "app password" in caught.value.hint
    assert "väärä-salasana" not in caught.value.line()
    assert caught.value.__cause__ is None  # the server's reply is not carried along


def test_nobody_listening_is_unreachable(dovecot: DovecotServer) -> None:
    settings = replace(dovecot.settings("ssl"), port=free_port())
    with pytest.raises(UnreachableError, match="refused the connection"):
        connect_imap(settings, dovecot.password)


def test_self_signed_certificate_is_refused_without_ca_file(dovecot: DovecotServer) -> None:
    settings = dovecot.settings("ssl", ca_file=None)
    with pytest.raises(UnreachableError, match="could not be verified") as caught:
        connect_imap(settings, dovecot.password)
    assert "ca_file" in caught.value.hint


def test_starttls_needs_a_verified_certificate_too(dovecot: DovecotServer) -> None:
    settings = dovecot.settings("starttls", ca_file=None)
    with pytest.raises(UnreachableError, match="could not be verified"):
        connect_imap(settings, dovecot.password)


def test_host_name_is_checked_against_the_certificate(
    dovecot_factory: DovecotFactory, tmp_path: Path
) -> None:
    # A certificate we trust (it is ca_file) but issued to another name than 127.0.0.1.
    other = make_certificate(tmp_path, names=("DNS:imap.example.fi",))
    server = dovecot_factory(certificate=other)
    with pytest.raises(UnreachableError, match="could not be verified") as caught:
        connect_imap(server.settings("ssl"), server.password)
    assert "127.0.0.1" in caught.value.message


def test_starttls_on_the_plain_port(dovecot: DovecotServer) -> None:
    with connect(dovecot, "starttls") as source:
        assert source.select("INBOX").exists == 0


def test_starttls_is_required_when_configured(dovecot_factory: DovecotFactory) -> None:
    plain = dovecot_factory(tls=False)
    with pytest.raises(UnreachableError, match="does not offer STARTTLS"):
        connect_imap(plain.settings("starttls"), plain.password)


def test_unencrypted_mode_is_only_for_localhost(dovecot_factory: DovecotFactory) -> None:
    plain = dovecot_factory(tls=False)
    with connect(plain, "none") as source:
        assert source.select("INBOX").exists == 0
    with pytest.raises(ConfigError, match="unencrypted"):
        connect_imap(replace(plain.settings("none"), host="imap.example.fi"), plain.password)


# --- reading ---------------------------------------------------------------------------


def test_select_search_and_fetch_round_trip(dovecot: DovecotServer) -> None:
    arrived = datetime(2025, 6, 2, 9, 15, 30, tzinfo=HELSINKI_SUMMER)
    uids = [dovecot.deliver("INBOX", mail(n), internal_date=arrived) for n in range(1, 4)]
    with connect(dovecot) as source:
        status = source.select("INBOX")
        assert (status.name, status.exists, status.uidnext) == ("INBOX", 3, uids[-1] + 1)
        assert status.uidvalidity == dovecot.uidvalidity("INBOX")

        assert source.uids_after("INBOX", 0) == uids
        assert source.uids_after("INBOX", uids[0]) == uids[1:]
        # "n:*" always matches the highest UID, even when it is below n: filtered out.
        assert source.uids_after("INBOX", uids[-1]) == []
        assert source.uids_after("INBOX", uids[-1] + 100) == []
        # A bounded range lists only its own UIDs: a big folder is listed a slice at a time.
        assert source.uids_after("INBOX", uids[0], uids[1]) == [uids[1]]
        assert source.uids_after("INBOX", 0, uids[-1] + 100) == uids

        fetched = list(source.fetch_headers("INBOX", uids))
        assert [m.uid for m in fetched] == uids
        for n, message in enumerate(fetched, start=1):
            assert message.folder == "INBOX"
            assert message.internal_date == datetime(2025, 6, 2, 6, 15, 30, tzinfo=UTC)
            assert message.internal_date.tzinfo is UTC
            assert message.data.startswith(b"From: Asiakas")
            assert message.data.endswith(b"\r\n\r\n")  # the header block only
            assert f"Message-ID: <m{n}@example.fi>".encode() in message.data
            assert b"nurmikon" not in message.data

        whole = source.fetch_text("INBOX", uids[0])
        assert whole is not None and whole.endswith(b"nurmikon? (1)\r\n")


def test_arrival_times_are_the_internal_dates_of_the_uids_asked_for(
    dovecot: DovecotServer,
) -> None:
    """A restored backup: the older mail is appended last. Its INTERNALDATE, not its UID,
    says when it arrived; a UID that is gone has no time."""
    later = datetime(2025, 6, 3, 9, 0, 0, tzinfo=HELSINKI_SUMMER)
    earlier = datetime(2025, 6, 2, 9, 0, 0, tzinfo=HELSINKI_SUMMER)
    first = dovecot.deliver("INBOX", mail(1), internal_date=later)
    second = dovecot.deliver("INBOX", mail(2), internal_date=earlier)
    with connect(dovecot) as source:
        times = source.arrival_times("INBOX", [first, second, second + 5])
    assert times == {first: later.astimezone(UTC), second: earlier.astimezone(UTC)}
    assert all(t.tzinfo is UTC for t in times.values())


def test_vanished_uids_are_skipped(dovecot: DovecotServer) -> None:
    uid = dovecot.deliver("INBOX", mail(1))
    with connect(dovecot) as source:
        assert [m.uid for m in source.fetch_headers("INBOX", [uid, uid + 5])] == [uid]
        assert source.fetch_text("INBOX", uid + 5) is None


def test_batches_cover_every_uid(dovecot: DovecotServer) -> None:
    uids = [dovecot.deliver("INBOX", mail(n)) for n in range(5)]
    with connect(dovecot, batch_size=2) as source:
        assert [m.uid for m in source.fetch_headers("INBOX", uids)] == uids


def test_reading_sets_no_flag(dovecot: DovecotServer) -> None:
    inbox = [dovecot.deliver("INBOX", mail(n)) for n in range(2)]
    dovecot.create_folder("Sent", special_use="\\Sent")
    sent = dovecot.deliver("Sent", mail(9, "Re: Tarjouspyyntö"))
    with connect(dovecot) as source:
        list(source.fetch_headers("INBOX", inbox))
        source.fetch_text("INBOX", inbox[0])
        list(source.fetch_headers("Sent", [sent]))
        source.fetch_text("Sent", sent)
    for folder, uids in (("INBOX", inbox), ("Sent", [sent])):
        flags = dovecot.flags(folder)
        assert sorted(flags) == uids
        assert all(b"\\Seen" not in f for f in flags.values()), flags


def test_unknown_folder_is_a_config_error(dovecot: DovecotServer) -> None:
    with connect(dovecot) as source, pytest.raises(ConfigError, match="Lähtevät"):
        source.select("Lähtevät")


# --- the Sent folder ---------------------------------------------------------------------


def test_sent_folder_by_special_use(dovecot_factory: DovecotFactory) -> None:
    server = dovecot_factory(special_use={"Omat viestit": "\\Sent"})
    server.create_folder("Sent Items")  # a decoy with a well-known name but no flag
    server.create_folder("Omat viestit")
    with connect(server) as source:
        assert source.find_sent_folder() == "Omat viestit"


def test_sent_folder_by_finnish_name(dovecot_factory: DovecotFactory) -> None:
    server = dovecot_factory(special_use={})
    server.create_folder("Lähetetyt")  # stored as "L&AOQ-hetetyt" on the server
    assert server.folder_path("Lähetetyt").name == ".L&AOQ-hetetyt"
    uid = server.deliver("Lähetetyt", mail(1))
    with connect(server) as source:
        folder = source.find_sent_folder()
        assert folder == "Lähetetyt"
        assert source.select(folder).exists == 1
        assert [m.uid for m in source.fetch_headers(folder, [uid])] == [uid]


def test_no_sent_folder(dovecot_factory: DovecotFactory) -> None:
    server = dovecot_factory(special_use={})
    server.create_folder("Arkisto")
    with connect(server) as source:
        assert source.find_sent_folder() is None


# --- failures ----------------------------------------------------------------------------


def test_server_crash_between_batches_is_temporary(dovecot: DovecotServer) -> None:
    uids = [dovecot.deliver("INBOX", mail(n)) for n in range(3)]
    source = connect(dovecot, batch_size=1)
    batches = source.fetch_headers("INBOX", uids)
    assert next(batches).uid == uids[0]
    dovecot.kill()
    with pytest.raises(TemporaryError) as caught:
        next(batches)
    assert caught.value.message == "the connection to 127.0.0.1 was lost"
    assert caught.value.hint == "run again; nothing was lost"
    source.close()  # closing a dead connection is quiet

    dovecot.start()
    with connect(dovecot) as again:
        assert [m.uid for m in again.fetch_headers("INBOX", uids)] == uids


def test_server_gone_before_select_is_temporary(dovecot: DovecotServer) -> None:
    source = connect(dovecot, "starttls")
    dovecot.kill()
    with pytest.raises(TemporaryError, match="was lost"):
        source.select("INBOX")
    source.close()


def test_uidvalidity_change_shows_in_select(dovecot: DovecotServer) -> None:
    for n in range(2):
        dovecot.deliver("INBOX", mail(n))
    with connect(dovecot) as source:
        before = source.select("INBOX")
    renewed = dovecot.reset_uidvalidity("INBOX")
    with connect(dovecot) as source:
        after = source.select("INBOX")
    assert after.uidvalidity == renewed != before.uidvalidity
    assert after.exists == 2


def test_the_password_never_reaches_the_log(
    dovecot: DovecotServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")  # imapclient logs every command at DEBUG
    sasl = base64.b64encode(f"\0{dovecot.username}\0{dovecot.password}".encode()).decode()
    with connect(dovecot, "starttls") as source:
        source.select("INBOX")
    assert "AUTHENTICATE **REDACTED**" in caplog.text  # the login step was logged
    assert dovecot.password not in caplog.text
    assert sasl not in caplog.text
