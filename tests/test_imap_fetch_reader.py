"""The sync's own reader of big FETCH answers (``imap_fetch.uid_fetch``) hands over exactly what
imaplib's ``uid("FETCH", …)`` hands over: the same ``(typ, data)``, the same error (type and
words), the same untagged responses left behind. Each answer below is served twice by a
scripted server on 127.0.0.1, once to each reader, with the client's read buffer cut small so
that lines and literals fall across its edges."""

from __future__ import annotations

import imaplib
import socket
import threading
from collections.abc import Callable
from typing import Any

import pytest

from vasteaika.mail.imap_fetch import uid_fetch

HEADER = b"From: a@b.fi\r\nSubject: * 9 FETCH (UID 1)\r\n\r\n"  # looks like a response inside
LONG = b"X-Long: " + b"x" * 9000 + b"\r\n\r\n"
DATE = b'INTERNALDATE "01-Nov-2026 10:00:00 +0200"'

ANSWERS: dict[str, bytes] = {
    "dates": b"* 1 FETCH (UID 7 " + DATE + b")\r\n* 2 FETCH (UID 9 " + DATE + b")\r\nTAG OK done\r\n",
    "headers": b"* 1 FETCH (UID 7 " + DATE + b" BODY[HEADER] {%d}\r\n" % len(HEADER) + HEADER
    + b")\r\n* 2 FETCH (UID 8 " + DATE + b" BODY[HEADER] {%d}\r\n" % len(LONG) + LONG
    + b")\r\nTAG OK done\r\n",
    "interleaved": b"* 1 FETCH (UID 7 " + DATE + b")\r\n* 3 EXISTS\r\n* 2 FETCH (FLAGS (\\Seen))\r\n"
    b"* OK [ALERT] tiedoksi\r\n* 1 RECENT\r\n* 2 FETCH (UID 9 " + DATE + b")\r\nTAG OK done\r\n",
    "items after a literal": b"* 1 FETCH (UID 7 BODY[HEADER] {%d}\r\n" % len(HEADER) + HEADER
    + b" FLAGS (\\Seen) BODY[TEXT] {3}\r\nabc)\r\nTAG OK done\r\n",
    "lower case": b"* 1 fetch (UID 7 " + DATE + b")\r\n* 2 Fetch (UID 9)\r\nTAG OK done\r\n",
    "empty": b"TAG OK nothing\r\n",
    "no": b"* 1 FETCH (UID 7 " + DATE + b")\r\nTAG NO [SERVERBUG] ei onnistu\r\n",
    "bad": b"TAG BAD [PARSE] syntax\r\n",
    "bye": b"* 1 FETCH (UID 7 " + DATE + b")\r\n* BYE shutting down\r\n",
    "eof": b"* 1 FETCH (UID 7 " + DATE + b")\r\n* 2 FETCH (UID 8 BODY[HEADER] {50}\r\nFrom:",
    "unterminated": b"* 1 FETCH (UID 7 " + DATE + b")\r\n* 2 FETCH (UID 9)",
    "other tag": b"* 1 FETCH (UID 7 " + DATE + b")\r\nZZZZ1 OK what\r\nTAG OK done\r\n",
    "continuation": b"+ go on\r\nTAG OK done\r\n",
}


def serve(answer: bytes) -> int:
    """A server that greets, answers CAPABILITY, reads one command and sends ``answer`` with
    its tag, then closes."""
    listener = socket.create_server(("127.0.0.1", 0))

    def run() -> None:
        conn, _ = listener.accept()
        with conn, listener:
            commands = conn.makefile("rb")
            conn.sendall(b"* OK valmis\r\n")
            tag = commands.readline().split(b" ")[0]
            conn.sendall(b"* CAPABILITY IMAP4rev1\r\n" + tag + b" OK done\r\n")
            tag = commands.readline().split(b" ")[0]
            conn.sendall(answer.replace(b"TAG", tag))

    threading.Thread(target=run, daemon=True).start()
    return int(listener.getsockname()[1])


def outcome(answer: bytes, buffer: int, read: Callable[[Any], Any]) -> tuple[Any, Any]:
    imap = imaplib.IMAP4("127.0.0.1", serve(answer), timeout=10)
    imap.file = imap.sock.makefile("rb", buffering=buffer)
    imap.state = "SELECTED"
    try:
        got: Any = read(imap)
    except imaplib.IMAP4.error as exc:
        got = (type(exc), str(exc))
    left = dict(imap.untagged_responses)
    imap.shutdown()
    return got, left


@pytest.mark.parametrize("buffer", [8192, 1, 7, 40, 100])
@pytest.mark.parametrize("name", list(ANSWERS))
def test_the_fast_reader_hands_over_what_imaplib_does(name: str, buffer: int) -> None:
    answer = ANSWERS[name]
    expected = outcome(answer, buffer, lambda imap: imap.uid("FETCH", "1:*", "(INTERNALDATE)"))
    assert outcome(answer, buffer, lambda imap: uid_fetch(imap, "1:*", "(INTERNALDATE)")) == expected


def test_the_usual_answer_is_read_without_imaplib_s_reader() -> None:
    """Only the tagged line goes through imaplib's general reader."""
    general: list[bytes] = []

    def read(imap: Any) -> Any:
        real = imap._get_response
        imap._get_response = lambda: general.append(real())
        return uid_fetch(imap, "1:*", "(x)")

    typ, data = outcome(ANSWERS["headers"], 8192, read)[0]
    assert typ == "OK"
    assert len(general) == 1
    assert data == [(b"1 (UID 7 " + DATE + b" BODY[HEADER] {%d}" % len(HEADER), HEADER), b")",
                    (b"2 (UID 8 " + DATE + b" BODY[HEADER] {%d}" % len(LONG), LONG), b")"]  # fmt: skip
