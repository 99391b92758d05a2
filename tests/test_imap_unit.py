"""The IMAP adapter's error mapping and read-only discipline, with the network faked.

The fake client has only the read-only methods the adapter may call: any other (store, append,
copy, move, expunge, delete_messages …) raises AttributeError, so using one fails these tests.
"""

from __future__ import annotations

import imaplib
import logging
import socket
import ssl
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from imapclient.datetime_util import datetime_to_INTERNALDATE
from imapclient.exceptions import LoginError
from imapclient.fixed_offset import FixedOffset
from imapclient.response_parser import parse_fetch_response

from vasteaika.errors import (
    AuthenticationError,
    ConfigError,
    TemporaryError,
    UnreachableError,
)
from vasteaika.mail import imap_fetch
from vasteaika.mail.imap import ImapSettings, connect_imap
from vasteaika.mail.imap_fetch import to_utc
from vasteaika.mail.imap_source import ImapSource, pick_sent_folder

SETTINGS = ImapSettings(
    host="imap.pihapalvelu.fi", port=993, security="ssl", username="ylermi@pihapalvelu.fi"
)
PASSWORD = "Salainen-Sana-7"


class FakeImaplib:
    """The imaplib connection under imapclient (``client._imap``) that the header fetch talks
    to directly: UID FETCH answered in imaplib's raw shape, as Dovecot's answer arrives."""

    def __init__(self, client: FakeClient) -> None:
        self.client = client

    def uid(self, command: str, uid_set: str, items: str) -> tuple[str, list[Any]]:
        self.client._call("uid", command, uid_set, items)
        data: list[Any] = []
        for seq, uid in enumerate(_uids_of(uid_set), 1):
            item = self.client.messages.get(uid, {})
            if b"BODY[HEADER]" not in item:
                continue
            header = item[b"BODY[HEADER]"]
            date = item.get(b"INTERNALDATE")
            internal = f' INTERNALDATE "{datetime_to_INTERNALDATE(date)}"' if date else ""
            data += [(f"{seq} (UID {uid}{internal} BODY[HEADER] {{{len(header)}}}".encode(), header),
                     b")"]  # fmt: skip
        return "OK", data or [None]


def _uids_of(uid_set: str) -> list[int]:
    uids: list[int] = []
    for part in uid_set.split(","):
        first, _, last = part.partition(":")
        uids += range(int(first), int(last or first) + 1)
    return uids


class FakeClient:
    """Records calls; ``fail`` maps a method name to the exception it raises."""

    def __init__(self, *args: Any, fail: dict[str, BaseException] | None = None, **kw: Any):
        self.args, self.kwargs = args, kw
        self.fail = fail or {}
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.caps = {"STARTTLS", "NAMESPACE", "AUTH=PLAIN"}
        self.normalise_times = True
        self.messages: dict[int, dict[bytes, Any]] = {}
        self.folders: list[tuple[tuple[bytes, ...], bytes, str]] = []
        self._imap = FakeImaplib(self)

    def _call(self, name: str, *args: Any) -> None:
        self.calls.append((name, args))
        if name in self.fail:
            raise self.fail[name]

    def has_capability(self, name: str) -> bool:
        return name in self.caps

    def capabilities(self) -> tuple[bytes, ...]:
        return tuple(c.encode() for c in self.caps)

    def starttls(self, context: ssl.SSLContext) -> None:
        self._call("starttls", context)

    def login(self, username: str, password: str) -> None:
        self._call("login", username, password)

    def plain_login(self, identity: str, password: str) -> None:
        self._call("plain_login", identity, password)

    def list_folders(self) -> list[tuple[tuple[bytes, ...], bytes, str]]:
        self._call("list_folders")
        return self.folders

    def namespace(self) -> SimpleNamespace:
        self._call("namespace")
        return SimpleNamespace(personal=(("INBOX.", "."),), other=None, shared=None)

    def select_folder(self, folder: str, readonly: bool = False) -> dict[bytes, Any]:
        self._call("select_folder", folder, readonly)
        return {b"UIDVALIDITY": 77, b"UIDNEXT": 12, b"EXISTS": 3, b"READ-ONLY": [b""]}

    def search(self, criteria: list[str]) -> list[int]:
        self._call("search", *criteria)
        return [11]  # "n:*" with n beyond the last UID still answers the last one

    def fetch(self, uids: list[int], items: list[str]) -> dict[int, dict[bytes, Any]]:
        self._call("fetch", list(uids), *items)
        return {uid: self.messages[uid] for uid in uids if uid in self.messages}

    def logout(self) -> None:
        self._call("logout")

    def shutdown(self) -> None:
        self._call("shutdown")


def factory_failing_with(exc: BaseException) -> Any:
    def factory(*args: Any, **kwargs: Any) -> FakeClient:
        raise exc

    return factory


def returning(fake: FakeClient) -> Any:
    def factory(*args: Any, **kwargs: Any) -> FakeClient:
        fake.args, fake.kwargs = args, kwargs
        return fake

    return factory


def connected(**fail: BaseException) -> tuple[ImapSource, FakeClient]:
    fake = FakeClient(fail=fail)
    return connect_imap(SETTINGS, PASSWORD, client_factory=returning(fake)), fake


# --- connecting -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "error", "message", "hint"),
    [
        (
            socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
            UnreachableError,
            "unknown host imap.pihapalvelu.fi",
            "imap_host",
        ),
        (
            socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"),
            UnreachableError,
            "cannot look up the mail server imap.pihapalvelu.fi",
            "internet connection",
        ),
        (
            ssl.SSLCertVerificationError(1, "certificate verify failed"),
            UnreachableError,
            "the TLS certificate of imap.pihapalvelu.fi could not be verified",
            "ca_file",
        ),
        (
            ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number"),
            UnreachableError,
            "the TLS handshake with imap.pihapalvelu.fi:993 failed",
            "[account] security",
        ),
        (
            TimeoutError("timed out"),
            TemporaryError,
            "imap.pihapalvelu.fi:993 did not answer within 30 seconds",
            "run again later",
        ),
        (
            socket.timeout("timed out"),  # noqa: UP041  (the name older code raises)
            TemporaryError,
            "imap.pihapalvelu.fi:993 did not answer within 30 seconds",
            "run again later",
        ),
        (
            ConnectionRefusedError(111, "Connection refused"),
            UnreachableError,
            "imap.pihapalvelu.fi:993 refused the connection",
            "imap_port",
        ),
        (
            OSError(113, "No route to host"),
            UnreachableError,
            "cannot reach imap.pihapalvelu.fi:993 (No route to host)",
            "internet connection",
        ),
        (
            imaplib.IMAP4.abort("socket error: EOF"),
            TemporaryError,
            "the connection to imap.pihapalvelu.fi was lost",
            "nothing was lost",
        ),
        (
            imaplib.IMAP4.error("-ERR this is a POP3 server"),
            UnreachableError,
            "imap.pihapalvelu.fi:993 did not answer like an IMAP server",
            "imap_port",
        ),
    ],
)
def test_connection_failures(
    exc: BaseException, error: type[Exception], message: str, hint: str
) -> None:
    with pytest.raises(error) as caught:
        connect_imap(SETTINGS, PASSWORD, client_factory=factory_failing_with(exc))
    assert caught.value.message.startswith(message)  # type: ignore[attr-defined]
    assert hint in caught.value.hint  # type: ignore[attr-defined]
    assert PASSWORD not in caught.value.line()  # type: ignore[attr-defined]


def test_connects_with_a_verifying_context_and_timeouts() -> None:
    source, fake = connected()
    assert fake.args == ("imap.pihapalvelu.fi",)
    assert fake.kwargs["port"] == 993 and fake.kwargs["ssl"] is True
    context = fake.kwargs["ssl_context"]
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    timeout = fake.kwargs["timeout"]
    assert (timeout.connect, timeout.read) == (30.0, 30.0)
    assert fake.normalise_times is False
    assert [name for name, _ in fake.calls] == ["login"]
    source.close()


def test_login_refused(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    with pytest.raises(AuthenticationError) as caught:
        connected(login=LoginError(f"b'[AUTHENTICATIONFAILED] no {PASSWORD}'"))
    assert caught.value.line() == (
        "IMAP login to imap.pihapalvelu.fi as ylermi@pihapalvelu.fi was refused — "
        "check the username and password (Gmail/Fastmail need an app password)"
    )
    assert caught.value.__cause__ is None and caught.value.__context__ is not None
    assert PASSWORD not in caplog.text


def test_a_non_ascii_password_goes_by_sasl_plain() -> None:
    fake = FakeClient()
    connect_imap(SETTINGS, "kesä-Kuusi-42", client_factory=returning(fake))
    assert fake.calls == [("plain_login", ("ylermi@pihapalvelu.fi", "kesä-Kuusi-42"))]


def test_a_non_ascii_password_without_sasl_plain() -> None:
    fake = FakeClient()
    fake.caps = {"AUTH=LOGIN"}
    with pytest.raises(AuthenticationError, match="outside ASCII") as caught:
        connect_imap(SETTINGS, "kesä-Kuusi-42", client_factory=returning(fake))
    assert "kesä" not in caught.value.line()
    assert [name for name, _ in fake.calls] == ["shutdown"]


def test_login_disabled_without_tls() -> None:
    fake = FakeClient()
    fake.caps = {"LOGINDISABLED"}
    settings = ImapSettings("localhost", 143, "none", "ylermi@pihapalvelu.fi")
    with pytest.raises(ConfigError, match="unencrypted connection"):
        connect_imap(settings, PASSWORD, client_factory=returning(fake))
    assert [name for name, _ in fake.calls] == ["shutdown"]


def test_certificate_failure_during_starttls() -> None:
    fake = FakeClient(fail={"starttls": ssl.SSLCertVerificationError(1, "verify failed")})
    settings = ImapSettings("imap.pihapalvelu.fi", 143, "starttls", "ylermi@pihapalvelu.fi")
    with pytest.raises(UnreachableError, match="could not be verified"):
        connect_imap(settings, PASSWORD, client_factory=returning(fake))
    assert fake.kwargs["ssl"] is False
    assert [name for name, _ in fake.calls] == ["starttls", "shutdown"]  # never logged in


def test_starttls_missing_is_refused_before_login() -> None:
    fake = FakeClient()
    fake.caps = set()
    settings = ImapSettings("imap.pihapalvelu.fi", 143, "starttls", "ylermi@pihapalvelu.fi")
    with pytest.raises(UnreachableError, match="does not offer STARTTLS"):
        connect_imap(settings, PASSWORD, client_factory=returning(fake))
    assert "login" not in [name for name, _ in fake.calls]


@pytest.mark.parametrize("host", ["imap.pihapalvelu.fi", "192.168.1.10"])
def test_unencrypted_only_to_localhost(host: str) -> None:
    settings = ImapSettings(host, 143, "none", "ylermi@pihapalvelu.fi")
    with pytest.raises(ConfigError, match="unencrypted"):
        connect_imap(settings, PASSWORD, client_factory=factory_failing_with(AssertionError()))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_unencrypted_to_localhost_is_allowed(host: str) -> None:
    fake = FakeClient()
    settings = ImapSettings(host, 143, "none", "ylermi@pihapalvelu.fi")
    connect_imap(settings, PASSWORD, client_factory=returning(fake))
    assert fake.kwargs["ssl"] is False


def test_unreadable_ca_file_is_a_config_error(tmp_path: Any) -> None:
    settings = ImapSettings("imap.pihapalvelu.fi", 993, "ssl", "y", ca_file=tmp_path / "no.pem")
    with pytest.raises(ConfigError, match=r"no\.pem"):
        connect_imap(settings, PASSWORD, client_factory=factory_failing_with(AssertionError()))


# --- reading --------------------------------------------------------------------------------


def test_reads_only_with_examine_and_peek() -> None:
    source, fake = connected()
    arrived = datetime(2025, 6, 2, 9, 15, tzinfo=FixedOffset(180))
    fake.messages = {
        5: {b"INTERNALDATE": arrived, b"BODY[HEADER]": b"Subject: a\r\n\r\n"},
        7: {b"INTERNALDATE": arrived, b"BODY[HEADER]": b"Subject: b\r\n\r\n", b"BODY[]": b"x"},
    }
    status = source.select("INBOX")
    assert (status.uidvalidity, status.uidnext, status.exists) == (77, 12, 3)
    assert source.uids_after("INBOX", 11) == []  # the server's forced "last UID" is filtered
    assert source.uids_after("INBOX", 4) == [11]
    assert source.uids_after("INBOX", 4, 10) == []  # a bounded range: nothing above it
    messages = list(source.fetch_headers("INBOX", [7, 5, 6]))
    assert [(m.uid, m.data) for m in messages] == [
        (5, b"Subject: a\r\n\r\n"),
        (7, b"Subject: b\r\n\r\n"),
    ]
    assert messages[0].internal_date == datetime(2025, 6, 2, 6, 15, tzinfo=UTC)
    assert source.fetch_text("INBOX", 7) == b"x"
    assert source.fetch_text("INBOX", 6) is None
    source.close()
    assert fake.calls == [
        ("login", ("ylermi@pihapalvelu.fi", PASSWORD)),
        ("select_folder", ("INBOX", True)),
        ("search", ("UID", "12:*")),
        ("search", ("UID", "5:*")),
        ("search", ("UID", "5:10")),
        ("uid", ("FETCH", "5:7", "(INTERNALDATE BODY.PEEK[HEADER])")),
        ("fetch", ([7], "BODY.PEEK[]")),
        ("fetch", ([6], "BODY.PEEK[]")),
        ("logout", ()),
    ]


def test_fetches_in_batches() -> None:
    fake = FakeClient()
    source = connect_imap(SETTINGS, PASSWORD, batch_size=2, client_factory=returning(fake))
    fake.messages = {uid: {b"BODY[HEADER]": b"\r\n"} for uid in range(1, 6)}
    assert [m.uid for m in source.fetch_headers("INBOX", range(1, 6))] == [1, 2, 3, 4, 5]
    assert [args[1] for name, args in fake.calls if name == "uid"] == ["1:2", "3:4", "5"]


def test_whole_mails_are_read_together_under_the_byte_cap_and_only_peeked() -> None:
    """One FETCH of the sizes, one BODY.PEEK[] FETCH of what fits under the cap (the first mail
    always, however large); a UID the server does not answer is gone, one that did not fit is
    left out for the caller to read alone."""
    fake = FakeClient()
    source = ImapSource(fake, SETTINGS, text_bytes=10)
    fake.messages = {
        5: {b"RFC822.SIZE": 12, b"BODY[]": b"a" * 12},
        7: {b"RFC822.SIZE": 4, b"BODY[]": b"bbbb"},
        8: {b"RFC822.SIZE": 4, b"BODY[]": b"cccc"},
    }
    assert source.fetch_texts("INBOX", [8, 6, 5]) == {5: b"a" * 12, 6: None}
    assert source.fetch_texts("INBOX", [8, 6, 7]) == {6: None, 7: b"bbbb", 8: b"cccc"}
    assert source.fetch_texts("INBOX", []) == {}
    assert fake.calls == [
        ("select_folder", ("INBOX", True)),
        ("fetch", ([5, 6, 8], "RFC822.SIZE")),
        ("fetch", ([5], "BODY.PEEK[]")),
        ("fetch", ([6, 7, 8], "RFC822.SIZE")),
        ("fetch", ([7, 8], "BODY.PEEK[]")),
    ]


@pytest.mark.parametrize(
    ("exc", "message"),
    [
        (TimeoutError("timed out"), "imap.pihapalvelu.fi did not answer within 30 seconds"),
        (
            imaplib.IMAP4.abort("socket error: EOF"),
            "the connection to imap.pihapalvelu.fi was lost",
        ),
        (ConnectionResetError(104, "reset"), "the connection to imap.pihapalvelu.fi was lost"),
        (ssl.SSLEOFError(8, "EOF occurred"), "the connection to imap.pihapalvelu.fi was lost"),
    ],
)
def test_losing_the_connection_mid_fetch_is_temporary(exc: BaseException, message: str) -> None:
    fake = FakeClient()
    source = connect_imap(SETTINGS, PASSWORD, batch_size=1, client_factory=returning(fake))
    fake.messages = {1: {b"BODY[HEADER]": b"\r\n"}, 2: {b"BODY[HEADER]": b"\r\n"}}
    batches = source.fetch_headers("INBOX", [1, 2])
    assert next(batches).uid == 1
    fake.fail["uid"] = exc
    with pytest.raises(TemporaryError) as caught:
        next(batches)
    assert caught.value.message == message
    assert "nothing was lost" in caught.value.hint


def test_missing_folder_is_a_config_error() -> None:
    source, _fake = connected(select_folder=imaplib.IMAP4.error("select failed: NO"))
    with pytest.raises(ConfigError, match='"Lähetetyt"'):
        source.select("Lähetetyt")


def test_close_after_the_connection_died_is_quiet() -> None:
    source, fake = connected(logout=imaplib.IMAP4.abort("socket error: EOF"))
    source.close()
    assert fake.calls[-1][0] == "shutdown"


# --- pure helpers ---------------------------------------------------------------------------

NOFLAGS: tuple[bytes, ...] = ()


@pytest.mark.parametrize(
    ("folders", "prefixes", "expected"),
    [
        ([((b"\\HasNoChildren", b"\\Sent"), b"/", "Omat"), (NOFLAGS, b"/", "Sent")], [""], "Omat"),
        ([((b"\\SENT",), b".", "INBOX.Lähetetyt")], ["INBOX."], "INBOX.Lähetetyt"),
        ([(NOFLAGS, b"/", "Sent Items"), (NOFLAGS, b"/", "Sent")], [""], "Sent"),
        ([(NOFLAGS, b"/", "Lähetetyt kohteet")], [""], "Lähetetyt kohteet"),
        ([(NOFLAGS, b"/", "LÄHETETYT")], [""], "LÄHETETYT"),
        ([(NOFLAGS, b"/", "La\u0308hetetyt")], [""], "La\u0308hetetyt"),  # decomposed ä
        ([(NOFLAGS, b".", "INBOX.Sent")], ["INBOX."], "INBOX.Sent"),
        ([(NOFLAGS, b".", "INBOX.Sent")], [""], "INBOX.Sent"),
        ([(NOFLAGS, b"/", "[Gmail]/Sent Mail")], [""], "[Gmail]/Sent Mail"),
        (
            [((b"\\Noselect",), b"/", "Sent"), (NOFLAGS, b"/", "Sent Messages")],
            [""],
            "Sent Messages",
        ),
        ([(NOFLAGS, b"/", "Projektit/Sent")], [""], None),
        ([(NOFLAGS, b"/", "INBOX")], [""], None),
    ],
)
def test_pick_sent_folder(
    folders: list[tuple[tuple[bytes, ...], bytes, str]], prefixes: list[str], expected: str | None
) -> None:
    assert pick_sent_folder(folders, prefixes) == expected


@pytest.mark.parametrize(
    ("folders", "sent", "commands"),
    [
        ([((), b".", "INBOX"), ((b"\\Sent",), b".", "Lähetetyt")], "Lähetetyt", ["list_folders"]),
        ([((), b".", "INBOX"), ((), b".", "INBOX.Sent")], "INBOX.Sent",
         ["list_folders", "namespace"]),
        ([((), b".", "INBOX")], None, ["list_folders", "namespace"]),
    ],
)  # fmt: skip
def test_the_namespaces_are_asked_for_only_when_no_folder_is_flagged_sent(
    folders: list[tuple[tuple[bytes, ...], bytes, str]], sent: str | None, commands: list[str]
) -> None:
    """Every check finds Sent: a server that flags it (most do) answers with one LIST, and the
    check does not wait for a NAMESPACE it would not use."""
    source, fake = connected()
    fake.folders, fake.calls = folders, []
    assert source.find_sent_folder() == sent
    assert [name for name, _ in fake.calls] == commands


def test_to_utc() -> None:
    eastern = datetime(2025, 1, 1, 12, 0, tzinfo=FixedOffset(120))
    assert to_utc(eastern) == datetime(2025, 1, 1, 10, 0, tzinfo=UTC)
    assert to_utc(eastern).tzinfo is UTC  # type: ignore[union-attr]
    assert to_utc(datetime(2025, 1, 1, 12, 0)) == datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    assert to_utc(None) is None
    assert to_utc(datetime(2025, 1, 1, tzinfo=UTC) + timedelta(0)).tzinfo is UTC  # type: ignore[union-attr]


# --- reading the FETCH answer without imapclient's general parser --------------------------


HEAD = b'1 (UID 41 INTERNALDATE "31-Oct-2026 22:09:00 +0200" BODY[HEADER] {6}'


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            [(HEAD, b"a: b\r\n"), b")"],
            {41: (datetime(2026, 10, 31, 20, 9, tzinfo=UTC), b"a: b\r\n")},
        ),
        (
            [(b'2 (UID 7 INTERNALDATE " 1-Nov-2026 01:00:00 -0030" BODY[HEADER] {0}', b""), b")"],
            {7: (datetime(2026, 11, 1, 1, 30, tzinfo=UTC), b"")},
        ),
        ([None], None),  # nothing (all expunged): imapclient's parser decides
        ([b"3 (FLAGS (\\Seen))", (HEAD, b"a: b\r\n"), b")"], None),  # unsolicited update
        ([(HEAD, b"a: b\r\n"), b" FLAGS ())"], None),  # more items after the literal
        ([(HEAD.replace(b"Oct", b"Okt"), b"a: b\r\n"), b")"], None),  # unknown month
        ([(HEAD.replace(b"31-", b"32-"), b"a: b\r\n"), b")"], None),  # no such day
    ],
)
def test_header_fetch_answer_read_directly(data: list[Any], expected: Any) -> None:
    assert imap_fetch._read_header_fetch(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        [None],
        [b"3 (FLAGS (\\Seen))", (HEAD, b"a: b\r\n"), b")"],
        [(HEAD, b"a: b\r\n"), b" FLAGS ())"],
        [
            (b"1 (BODY[HEADER] {6}", b"a: b\r\n"),
            b' UID 41 INTERNALDATE "31-Oct-2026 22:09:00 +0200")',
        ],
    ],
)
def test_any_other_answer_reads_like_imapclient(data: list[Any]) -> None:
    got = imap_fetch._header_items(parse_fetch_response(data, False, True))
    assert got == (
        {41: (datetime(2026, 10, 31, 20, 9, tzinfo=UTC), b"a: b\r\n")} if data != [None] else {}
    )


@pytest.mark.parametrize(
    ("uids", "expected"),
    [([1], "1"), ([1, 2, 3], "1:3"), ([1, 2, 3, 7, 9, 10], "1:3,7,9:10"), ([5, 9], "5,9")],
)
def test_uid_sets_use_ranges(uids: list[int], expected: str) -> None:
    assert imap_fetch._uid_set(uids) == expected


def test_oauth2_logs_in_with_the_token_by_xoauth2() -> None:
    """Microsoft 365 takes no passwords over IMAP: the token goes by SASL XOAUTH2."""
    from dataclasses import replace

    fake = FakeClient()
    fake.oauth2_login = lambda user, token: fake._call("oauth2_login", user, token)  # type: ignore[attr-defined]
    connect_imap(replace(SETTINGS, auth="oauth2"), "eyJ0eXAi.token", client_factory=returning(fake))
    assert fake.calls == [("oauth2_login", ("ylermi@pihapalvelu.fi", "eyJ0eXAi.token"))]


class AnsweringImaplib:
    """imaplib under imapclient, which sets its debug level to 5: records the level each FETCH
    ran at and answers ``answer``."""

    def __init__(self, answer: list[Any]) -> None:
        self.debug = 5
        self.answer = answer
        self.levels: list[int] = []

    def uid(self, command: str, uid_set: str, items: str) -> tuple[str, list[Any]]:
        self.levels.append(self.debug)
        return "OK", self.answer


def test_big_fetches_run_without_imaplib_debug_lines_unless_they_are_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    imap = AnsweringImaplib([None])
    client = SimpleNamespace(_imap=imap)
    imap_fetch.fetch_header_blocks(client, [1])
    imap_fetch.fetch_arrival_times(client, [1])
    assert imap.levels == [0, 0] and imap.debug == 5  # lowered for the FETCH, then restored
    caplog.set_level(logging.DEBUG, logger="imapclient.imaplib")  # --debug
    imap_fetch.fetch_header_blocks(client, [1])
    assert imap.levels[-1] == 5


@pytest.mark.parametrize(
    "answer",
    [
        [b'1 (UID 5 INTERNALDATE "01-Nov-2026 10:00:00 +0200")',
         b'2 (UID 9 INTERNALDATE "02-Nov-2026 10:00:00 +0000")'],
        [b'1 (INTERNALDATE "01-Nov-2026 10:00:00 +0200" UID 5)',  # another order: imapclient
         b'2 (UID 9 INTERNALDATE "02-Nov-2026 10:00:00 +0000")'],
    ],
)
def test_arrival_times_read_directly_or_like_imapclient(answer: list[Any]) -> None:
    client = SimpleNamespace(_imap=AnsweringImaplib(answer))
    assert imap_fetch.fetch_arrival_times(client, [5, 9]) == {
        5: datetime(2026, 11, 1, 8, 0, tzinfo=UTC), 9: datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    }  # fmt: skip


@pytest.mark.parametrize("sign", ["+", "-"])
def test_an_internaldate_in_any_zone_is_the_instant_it_names(sign: str) -> None:
    """Every zone a server may write, each read twice (its offset is made once and kept): the
    UTC instant that Python's own parser reads, so mail is ordered by when it truly arrived."""
    for hours in range(24):
        for minutes in range(60):
            value = f"31-Dec-2026 23:30:00 {sign}{hours:02}{minutes:02}"
            expected = datetime.strptime(value, "%d-%b-%Y %H:%M:%S %z").astimezone(UTC)
            for _ in range(2):
                found = imap_fetch._internal_date(value.encode())
                assert found == expected and found is not None and found.tzinfo is UTC
