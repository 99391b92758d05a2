"""The fast paths of parse and classify give exactly what the careful paths give.

Each fast path (the header block of CRLF mail, the UTF-8 header block read by one regex, the
common address forms, the single plain Message-ID, the RFC 5322 date, text without
encoded-words, ASCII folding, only the machine checks whose header the mail has) hands anything
unusual to a careful path. Here every mail of the shared corpora and generated hostile
header blocks are read twice — once as the sync reads them, once with every fast path switched
off — and the two results must agree field by field: the parsed Message (with each datetime's
offset), the header times, the raw header fields and the classification.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vasteaika.errors import ParseError
from vasteaika.mail import authresults, headers, parse, senders
from vasteaika.mail import classify as classify_module
from vasteaika.models import RawMessage

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
ARRIVED = datetime(2024, 5, 6, 9, 30, tzinfo=UTC)
OWNERS = frozenset({"owner@shop.fi", "Myynti@Shop.FI"})
FORM_SENDERS = ("lomake@shop.fi",)

CACHED = (parse._addresses_of, parse._subject, senders.robot_local_part,
          senders.robot_display_name, senders.platform_sender)  # fmt: skip


@contextlib.contextmanager
def careful() -> Iterator[None]:
    """Every fast path off: each of them stands aside for the careful path it stands in for."""
    replacements = (
        (headers, "_crlf_header_end", lambda data: None),
        (headers, "_read_utf8_headers", lambda block: None),
        (headers, "decode_words", headers._decode_encoded_words),
        (parse, "decode_words", headers._decode_encoded_words),
        (parse, "_read_addresses", parse._getaddresses),
        (parse, "_simple_date", lambda value: None),
        (parse, "_simple_id", lambda values: None),
        (classify_module, "_machine_checks", lambda msg: classify_module.MACHINE_CHECKS),
        (senders, "fold", senders._fold_unicode),
    )
    with contextlib.ExitStack() as stack:
        for module, name, careful_path in replacements:
            stack.enter_context(mock.patch.object(module, name, careful_path))
        _clear_caches()
        try:
            yield
        finally:
            _clear_caches()


def _clear_caches() -> None:
    for function in CACHED:
        function.cache_clear()


def outcome(data: bytes) -> tuple[Any, ...]:
    """Everything parse and classify make of ``data``, datetimes with their offsets."""
    block = headers.header_block(data)
    fields = headers.read_headers(block)
    received, date = parse.header_times(data)
    try:
        msg = parse.parse(RawMessage("INBOX", 1, ARRIVED, data))
    except ParseError as error:
        return block, fields, _when(received), _when(date), str(error)
    kinds = [
        classify_module.classify(msg, OWNERS, ("ignored.example",), FORM_SENDERS),
        classify_module.classify(msg, frozenset(), machine_checked=True),
    ]
    return (block, fields, _when(received), _when(date), msg, _when(msg.date),
            _when(msg.received_at), parse.content_fingerprint(msg), *kinds)  # fmt: skip


def _when(moment: datetime | None) -> tuple[datetime, Any] | None:
    return None if moment is None else (moment, moment.utcoffset())


def assert_same_both_ways(data: bytes) -> None:
    _clear_caches()
    fast = outcome(data)
    with careful():
        slow = outcome(data)
    assert fast == slow


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPORA.rglob("*.eml") if p.is_file()) if CORPORA.is_dir() else []


@pytest.mark.skipif(not CORPORA.is_dir(), reason=f"no corpora at {CORPORA}")
def test_every_corpus_mail_reads_the_same_both_ways() -> None:
    files = corpus_files()
    assert len(files) > 100
    for path in files:
        data = path.read_bytes()
        assert_same_both_ways(data)
        assert_same_both_ways(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))  # as IMAP


def test_the_fast_paths_are_taken_for_ordinary_mail() -> None:
    """Otherwise the comparisons above would compare the careful path with itself."""
    data = (
        b"Return-Path: <a@example.fi>\r\nFrom: Asiakas \xc3\x84 <a@example.fi>\r\n"
        b"To: owner@shop.fi\r\nSubject: Tarjous\r\nDate: Mon, 6 May 2024 12:00:00 +0300\r\n"
        b"Message-ID: <x@example.fi>\r\n\r\nbody\r\n"
    )
    block = data[: data.index(b"\r\n\r\n")]
    assert headers._crlf_header_end(data) == len(block)
    assert headers._read_utf8_headers(block) == headers._read_headers_by_line(block)
    assert parse._simple_date("Mon, 6 May 2024 12:00:00 +0300") is not None
    assert parse._read_addresses(["Asiakas Ä <a@example.fi>"]) == [("Asiakas Ä", "a@example.fi")]


FROM_DATE = b"From: Asiakas <a@example.fi>\r\nDate: Mon, 6 May 2024 12:00:00 +0300\r\n"
EDGES = {
    "a Message-ID just too long": FROM_DATE + b"Message-ID: <" + b"x" * 990 + b"@example.fi>\r\n",
    "a Message-ID just short enough": FROM_DATE + b"Message-ID: <" + b"x" * 987 + b"@e.fi>\r\n",
    "two ids in one header": FROM_DATE + b"In-Reply-To: <a@b.fi> <c@d.fi>\r\n",
    "a quoted local part": FROM_DATE + b'Message-ID: <"a b"@c.fi>\r\n',
    "a name like a set-aside word": b'From: "=\\?0\\?=" =?utf-8?q?x?= <a@b.fi>\r\nDate: 1 Jan 2024 00:00:00 +0000\r\n',
    "obsolete name-space-colon": FROM_DATE + b"Subject : hei\r\nTo :  o@shop.fi\r\n",
    "an mbox From line first": b"From a@b Mon Jan  1 10:00:00 2024\r\n" + FROM_DATE,
    "LF only": FROM_DATE.replace(b"\r\n", b"\n") + b"Subject: x\n\nbody\n",
    "a bare CR": FROM_DATE + b"Subject: a\rb\r\n\r\n",
    "Latin-1 8-bit": FROM_DATE + b"Subject: P\xe4iv\xe4\r\n\r\n",
    "a continuation after garbage": FROM_DATE + b"garbage\r\n Subject: no\r\n",
    "an empty first line": b"\r\n" + FROM_DATE,
    "no empty line at all": FROM_DATE + b"Subject: x",
    "Exchange out of office": FROM_DATE + b"X-MS-Exchange-Inbox-Rules-Loop: a@example.fi\r\n"
    b"X-Auto-Response-Suppress: All\r\n\r\n",
    "bulk and auto-submitted": FROM_DATE + b"Precedence: bulk\r\nAuto-Submitted: auto-replied\r\n",
    "a failed recipient": FROM_DATE + b"X-Failed-Recipients: x@y.fi\r\n",
    "a list": FROM_DATE + b"List-Unsubscribe: <mailto:x@y.fi>\r\n",
}


@pytest.mark.parametrize("data", EDGES.values(), ids=EDGES.keys())
def test_edge_cases_read_the_same_both_ways(data: bytes) -> None:
    assert_same_both_ways(data)


# --- generated header blocks at the edges of every fast path ----------------------------------

NAMES = ("From", "To", "Cc", "Reply-To", "Sender", "Subject", "Date", "Message-ID", "In-Reply-To",
         "References", "Return-Path", "Content-Type", "Received", "Auto-Submitted", "List-Id",
         "X-Failed-Recipients", "Precedence", "X-Vasteaika-Ack", "Authentication-Results",
         "X-Auto-Response-Suppress", "x-ms-exchange-inbox-rules-loop", "FROM", "Subject ",
         "X:Y", "Bad Name", "Ä-Name", "", "List-Unsubscribe",
         *(rule.header for rule in classify_module.HEADER_RULES))  # fmt: skip
FRAGMENTS = (
    b"a@b.fi", b"Asiakas <asiakas@example.fi>", b'"Last, First" <l@example.fi>', b"<x@y.fi>",
    b"noreply@service.fi", b"MAILER-DAEMON@mx.fi", b"owner@shop.fi", b"lomake@shop.fi",
    b"Mail Delivery System", b"undisclosed-recipients:;", b"(comment)", b"((nested)",
    b"=?utf-8?q?=C3=84iti?=", b"=?iso-8859-1?b?5OQ=?=", b"=?utf-8?q?a=0D=0ABcc:_x@y?=",
    b"=?0?=", b'"=\\?0\\?="', b"=?", b"?=", b"Mon, 6 May 2024 12:00:00 +0300",
    b"6 May 2024 12:00:00 -0000", b"Tue, 31 Feb 2024 25:61:61 +9999", b"Sat,06 May 1999",
    b"text/plain", b"multipart/report; report-type=delivery-status", b"auto-replied",
    b"Out of office: ", b"Re: Tarjous", b"All", b"list", b"mx.shop.fi; dmarc=pass",
    b"bulk", b"junk", b"auto_reply", b"yes", b"true", b"vacation", b"autoresponder", b"fail",
    b"message/delivery-status", b"text/calendar", b"Accepted: ", b"Undeliverable: ",
    b"\xc3\xa4", b"\xe4", b"\xff\xfe", b"\xed\xa0\x80", b"\xe2\x80\xa8", b"\xc2\x85",
    b"\x00", b"\x0b", b"\x0c", b"\x1c", b"\x7f", b" ", b"\t", b",", b";", b":", b"<", b">",
    b'"', b"\\", b"@", b"  ", b"\r", b"\n", b"\r\n",
)  # fmt: skip
BREAKS = (b"\r\n", b"\n", b"\r")

value_bytes = st.lists(st.sampled_from(FRAGMENTS), max_size=6).map(b"".join)
line_break = st.sampled_from(BREAKS)


@st.composite
def header_line(draw: st.DrawFn) -> bytes:
    """A field (maybe folded, maybe with a bare CR or LF inside), or a line that is not one."""
    kind = draw(st.sampled_from(("field", "field", "field", "folded", "garbage")))
    if kind == "garbage":
        return draw(st.sampled_from((b"From a@b Mon Jan  1 10:00:00 2024", b" lead", b"\tlead",
                                     b"no colon here", b"", b":empty name")))  # fmt: skip
    line = draw(st.sampled_from(NAMES)).encode() + b":" + draw(value_bytes)
    if kind == "folded":
        fold = draw(line_break) + draw(st.sampled_from((b" ", b"\t", b"  \t")))
        line += fold + draw(value_bytes)
    return line


@st.composite
def raw_mail(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(header_line(), max_size=14))
    if draw(st.booleans()):  # one break for the whole mail, as a real mailer writes
        separator = draw(line_break)
        data = b"".join(line + separator for line in lines)
    else:
        data = b"".join(line + draw(line_break) for line in lines)
    if draw(st.booleans()):
        data += draw(line_break) + b"body" + draw(line_break) + b"\r\n\r\nmore"
    return data


@settings(max_examples=1500, deadline=None)
@given(raw_mail())
def test_hostile_header_blocks_read_the_same_both_ways(data: bytes) -> None:
    assert_same_both_ways(data)


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_read_the_same_both_ways(data: bytes) -> None:
    assert_same_both_ways(data)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_fold_is_the_careful_fold(text: str) -> None:
    assert senders.fold(text) == senders._fold_unicode(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_decode_words_is_the_careful_decode(text: str) -> None:
    assert headers.decode_words(text) == headers._decode_encoded_words(text)


def _strip_every_comment(value: str) -> str:
    """``authresults.strip_comments`` as it was before its fast paths: the oracle."""
    previous = None
    while previous != value:
        previous, value = value, re.sub(r"\([^()]*\)", " ", value)
    return value


auth_results = st.one_of(
    st.text(alphabet="ab.();= -\t", max_size=40),
    st.lists(st.sampled_from(["mx.shop.fi", " ", ";", "(", ")", "(x; y)", "dmarc=pass", "É"]),
             max_size=8).map("".join),
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(auth_results)
def test_authserv_id_is_read_as_with_every_comment_stripped(value: str) -> None:
    assert authresults.strip_comments(value) == _strip_every_comment(value)
    words = _strip_every_comment(value).partition(";")[0].split()
    expected = words[0].lower() if words and authresults._ID.match(words[0]) else None
    assert authresults.authserv_id(value) == expected
