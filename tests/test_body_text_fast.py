"""The body text of a plain single-part mail is read without the email package, and must be
exactly what the email package reads: checked on every mail of the shared corpora (as stored,
with CRLF and with LF line ends), the queue's history and the shapes where the two could part."""

from __future__ import annotations

from pathlib import Path

import pytest

from queue_history import history, mails
from vasteaika.reminders.replies import _parsed_text, _plain_text, body_text

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"

HEAD = b"From: a@b.fi\nTo: y@pihapalvelu.fi\nSubject: Lasku\n"
TRICKY = [
    HEAD + b"Content-Type: text/plain; charset=utf-8\n\nHyvit\xc3\xa4 \xe2\x82\xac\n",
    HEAD + b"\nno Content-Type: ASCII, \xc3\xa4 replaced\n",
    HEAD + b"Content-Type: text/plain; charset=\"ISO-8859-1\"; format=flowed\n\nP\xe4iv\xe4\n",
    HEAD + b"Content-Type: TEXT/Plain;\n\tcharset=utf-8\n\n\xc3\xa4\n",
    HEAD + b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable"
    b"\n\nP=C3=A4iv=C3=A4=\nn soft break =3D\n",
    HEAD + b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable "
    b"\n\nkept raw =C3=A4\n",
    HEAD + b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding:\n quoted-printable"
    b"\n\nfolded =C3=A4\n",
    HEAD + b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8BIT\n\n\xc3\xa4\n",
    HEAD + b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nw6QK\n",
    HEAD + b"Content-Type: text/plain; charset=x-unknown\n\nwhat charset\n",
    HEAD + b"Content-Type: text/plain; charset=\"\"\n\nempty charset\n",
    HEAD + b"Content-Type: text/plain; charset=\"utf-8\xc3\xa4\"\n\nodd charset\n",
    HEAD + b"Content-Type: text/plain; charset=utf-8; charset=latin-1\n\n\xc3\xa4\n",
    HEAD + b"Content-Type: text/plain\nContent-Type: text/html\n\n<p>two types</p>\n",
    HEAD + b"Content-Type: text/plain; name=\"a; charset=latin-1\"\n\n\xc3\xa4\n",
    HEAD + b"Content-Type: text/plain (comment)\n\ncomment\n",
    HEAD + b"Content-Type: text/html; charset=utf-8\n\n<p>Hei <b>vaan</b></p>\n",
    HEAD + b"Content-Type: text\n\nno subtype\n",
    HEAD + b"Content-Disposition: attachment; filename=a.txt\n\nattached\n",
    HEAD + b"Content-Disposition: inline\n\ninline\n",
    HEAD + b"Subject : space before the colon\n\nbody\n",
    b"From a@b.fi Wed Nov 25 07:00:00 2026\n" + HEAD + b"\nmbox line\n",
    b" continued first\n" + HEAD + b"\nbody\n",
    HEAD + b"no colon here\n\nbody\n",
    HEAD + b"X-Odd: lone\rcarriage\n\nbody\n",
    HEAD.replace(b"\n", b"\r\n") + b"X-Mixed: a\n\r\nbody\r\n",
    HEAD + b"X-Mixed: a\r\n\nbody\n",
    HEAD.replace(b"\n", b"\r\n") + b"\r\nline one\r\nline two\rlone CR\n\nlone LF\r\n",
    HEAD + b"\n" + b"x" * 60_000,
    HEAD,
    HEAD.rstrip(b"\n"),
    b"\n\nno headers at all\n",
]


def _corpus() -> list[bytes]:
    if not CORPORA.is_dir():
        return []
    found = []
    for path in sorted(CORPORA.rglob("*")):
        if path.is_file() and path.suffix.lower() not in (".csv", ".md", ".txt"):
            data = path.read_bytes()
            lf = data.replace(b"\r\n", b"\n")
            found += [data, lf, lf.replace(b"\n", b"\r\n")]
    return found


def _check(mails: list[bytes]) -> int:
    """How many took the fast path; every one reads as the email package reads it."""
    fast = 0
    for data in mails:
        if _plain_text(data) is not None:
            fast += 1
            assert body_text(data) == _parsed_text(data), data[:300]
            assert body_text(data, own_words=False) == _parsed_text(data, own_words=False)
    return fast


def test_a_plain_mail_of_the_corpora_reads_as_the_email_package_reads_it() -> None:
    corpus = _corpus()
    if not corpus:
        pytest.skip(f"no corpora at {CORPORA}")
    assert _check(corpus) >= 100


def test_the_queue_historys_mails_read_as_the_email_package_reads_them() -> None:
    raws = [m.raw for m in mails(history())]
    assert _check(raws) == len(raws)


def test_the_shapes_where_the_fast_path_could_part_from_the_email_package() -> None:
    assert 5 <= _check(TRICKY) < len(TRICKY)
