"""parse(): bytes in, Message out; only ParseError ever escapes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vasteaika.errors import ParseError
from vasteaika.mail import parse as parse_module
from vasteaika.mail.parse import base_subject, parse, sanitize_header_text
from vasteaika.models import Address, Message, RawMessage

ARRIVED = datetime(2024, 5, 6, 9, 30, tzinfo=UTC)
BASE = "From: Asiakas <asiakas@example.fi>\r\nDate: Mon, 6 May 2024 12:00:00 +0300\r\n"


def parsed(headers: str | bytes, internal_date: datetime | None = ARRIVED) -> Message:
    data = headers.encode() if isinstance(headers, str) else headers
    return parse(RawMessage("INBOX", 7, internal_date, data))


def with_base(*lines: str) -> Message:
    return parsed(BASE + "".join(f"{line}\r\n" for line in lines) + "\r\nbody\r\n")


def test_basic_fields() -> None:
    msg = with_base(
        "To: Owner <Owner@Shop.FI>, other@example.com",
        "Cc: c@example.com",
        "Reply-To: Someone <REPLY@example.org>",
        "Sender: sender@example.net",
        "Subject: Tarjouspyyntö",
        "Message-ID: <abc.123@mail.example.fi>",
    )
    assert msg.folder == "INBOX" and msg.uid == 7
    assert msg.from_addr == Address("asiakas@example.fi", "Asiakas")
    assert msg.to == (Address("owner@shop.fi", "Owner"), Address("other@example.com"))
    assert msg.cc == (Address("c@example.com"),)
    assert msg.recipients == msg.to + msg.cc
    assert msg.reply_to == (Address("reply@example.org", "Someone"),)
    assert msg.sender == Address("sender@example.net")
    assert msg.subject == "Tarjouspyyntö"
    assert msg.message_id == "abc.123@mail.example.fi" and not msg.synthetic_id
    assert msg.date == datetime(2024, 5, 6, 9, 0, tzinfo=UTC)
    assert msg.received_at == ARRIVED
    assert msg.content_type == "text/plain"
    assert msg.return_path is None
    assert msg.sender is not None


def test_headers_lower_cased_unfolded_and_all_occurrences_kept() -> None:
    msg = with_base("Received: from a\r\n\tby b", "RECEIVED: from c", "X-Custom:  =?utf-8?q?x?=")
    assert msg.header("Received") == ("from a\tby b", "from c")
    assert msg.headers["received"] == msg.header("received")
    assert msg.header("x-custom") == ("=?utf-8?q?x?=",)
    assert msg.header("x-missing") == ()


@pytest.mark.parametrize(
    ("from_header", "email", "name"),
    [
        ("=?utf-8?q?Matti_M=C3=A4kinen?= <matti@example.fi>", "matti@example.fi", "Matti Mäkinen"),
        ("=?ISO-8859-1?B?SvZyZw==?= <j@example.de>", "j@example.de", "Jörg"),
        ('"=?utf-8?b?w4Rpdmk=?=" <a@example.fi>', "a@example.fi", "Äivi"),
        (
            "=?utf-8?q?Evil=0D=0ABcc:_x@evil.example?= <e@example.com>",
            "e@example.com",
            "Evil Bcc: x@evil.example",
        ),
        ("=?utf-8?q?a=0Ab=09c=00d?= <z@example.com>", "z@example.com", "a b c d"),
        ("=?x-unknown-charset?q?caf=E9?= <u@example.com>", "u@example.com", "caf\ufffd"),
        ("=?utf-8?b?w?= <b64@example.com>", "b64@example.com", "\ufffd"),
        ("=?utf-8?q?=E2=82?= =?utf-8?q?=AC?= <split@example.com>", "split@example.com", "€"),
        ("Bob <Bob@Bücher.Example>", "bob@bücher.example", "Bob"),
        ("garbage (( <real@example.com> >> garbage", "real@example.com", None),
        ("<>, later@example.com", "later@example.com", ""),
        ("undisclosed <<<weird@example.com", "weird@example.com", None),
    ],
)
def test_from_names_are_decoded_and_sanitized(
    from_header: str, email: str, name: str | None
) -> None:
    msg = parsed(f"From: {from_header}\r\nDate: Mon, 6 May 2024 12:00:00 +0300\r\n\r\n")
    assert msg.from_addr.email == email
    if name is not None:
        assert msg.from_addr.name == name
    assert "\r" not in msg.from_addr.name and "\n" not in msg.from_addr.name


def test_long_encoded_name_is_capped() -> None:
    word = "=?utf-8?q?" + "A" * 60 + "?="
    msg = parsed(f"From: {' '.join([word] * 10)} <long@example.com>\r\n\r\n")
    assert msg.from_addr.email == "long@example.com"
    assert len(msg.from_addr.name) == 200


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("=?utf-8?q?Hei=0D=0ABcc:_x@y?=", "Hei Bcc: x@y"),
        ("=?iso-8859-1?q?P=E4iv=E4=E4?=", "Päivää"),
        ("=?koi8-r?b?8NLJ18XU?=", "Привет"),
        ("=?unknown-8bit?q?x=FFy?=", "x\ufffdy"),
        ("=?utf-8?q?a?=   =?utf-8?q?b?=", "ab"),
        ("plain   text\twith  spaces", "plain text with spaces"),
        ("", ""),
    ],
)
def test_subject_decoding(subject: str, expected: str) -> None:
    assert with_base(f"Subject: {subject}").subject == expected


@pytest.mark.parametrize(
    ("raw_subject", "expected"),
    [
        ("Subject: Hyvää päivää".encode(), "Hyvää päivää"),
        ("Subject: Hyvää päivää".encode("latin-1"), "Hyvää päivää"),
    ],
)
def test_eight_bit_headers(raw_subject: bytes, expected: str) -> None:
    msg = parsed(BASE.encode() + raw_subject + b"\r\nFrom: x@y.z\r\n\r\n")
    assert msg.subject == expected
    assert msg.header("subject") == (expected,)


@pytest.mark.parametrize(
    ("lines", "message_id", "in_reply_to", "references"),
    [
        (["Message-ID: <a@x>"], "a@x", (), ()),
        (['Message-ID: <"01KF8JC"@xxx.yyy.com>'], "01KF8JC@xxx.yyy.com", (), ()),
        (["Message-ID: bare@host"], "bare@host", (), ()),
        (["Message-ID: <a@x>", "In-Reply-To: <p@x>"], "a@x", ("p@x",), ("p@x",)),
        # RFC 5256: an address after the id looks like an id, so only the first one is a reference.
        (
            ["Message-ID: <a@x>", "In-Reply-To: <p@x> (from John <john@x>)"],
            "a@x",
            ("p@x", "john@x"),
            ("p@x",),
        ),
        (["Message-ID: <a@x>", "In-Reply-To: <p@x> <q@x>"], "a@x", ("p@x", "q@x"), ("p@x",)),
        (
            ["Message-ID: <a@x>", "In-Reply-To: <p@x>", "References: <r1@x>\r\n <r2@x><p@x>"],
            "a@x",
            ("p@x",),
            ("r1@x", "r2@x", "p@x"),
        ),
        (["Message-ID: <a@x>", "In-Reply-To: <not an id>", "References: <bad>"], "a@x", (), ()),
        (["Message-ID: <a@x>", 'References: <"q"@x>'], "a@x", (), ("q@x",)),
    ],
)
def test_ids(
    lines: list[str], message_id: str, in_reply_to: tuple[str, ...], references: tuple[str, ...]
) -> None:
    msg = with_base(*lines)
    assert (msg.message_id, msg.in_reply_to, msg.references) == (
        message_id,
        in_reply_to,
        references,
    )


@pytest.mark.parametrize("line", ["X-No-Id: 1", "Message-ID:", "Message-ID: <no at sign>"])
def test_missing_or_invalid_message_id_gets_a_stable_synthetic_id(line: str) -> None:
    first, again = with_base(line), with_base(line)
    other = with_base(line, "Subject: different")
    assert first.synthetic_id
    assert first.message_id == again.message_id != other.message_id
    assert first.message_id.endswith("@synthetic.vasteaika.invalid")
    assert len(first.message_id.partition("@")[0]) == 32


def test_synthetic_id_ignores_the_body() -> None:
    head = BASE + "Subject: x\r\n\r\n"
    assert parsed(head + "one").message_id == parsed(head + "two").message_id


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([], None),
        (["Return-Path: <>"], ""),
        (["Return-Path:"], ""),
        (["Return-Path: < >"], ""),
        (["Return-Path: <Bounce@Example.COM>"], "bounce@example.com"),
        (["Return-Path: plain@example.com"], "plain@example.com"),
        (["Return-Path: <MAILER-DAEMON>"], "mailer-daemon"),
        (["Return-Path: <first@x.fi>", "Return-Path: <second@x.fi>"], "first@x.fi"),
    ],
)
def test_return_path(lines: list[str], expected: str | None) -> None:
    assert with_base(*lines).return_path == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "text/plain"),
        ("Multipart/Report; report-type=delivery-status", "multipart/report"),
        ("TEXT/HTML", "text/html"),
        ("garbage", "text/plain"),
        ("message/delivery-status", "message/delivery-status"),
    ],
)
def test_content_type(header: str | None, expected: str) -> None:
    lines = [f"Content-Type: {header}"] if header else []
    assert with_base(*lines).content_type == expected


FROM = "From: a@example.com\r\n"


@pytest.mark.parametrize(
    ("headers", "internal_date", "date", "received_at"),
    [
        (
            "Date: Mon, 6 May 2024 12:00:00 +0300",
            ARRIVED,
            datetime(2024, 5, 6, 12, tzinfo=timezone(timedelta(hours=3))),
            ARRIVED,
        ),
        (
            "Date: Mon, 6 May 2024 12:00:00 +0300",
            None,
            datetime(2024, 5, 6, 9, tzinfo=UTC),
            datetime(2024, 5, 6, 9, tzinfo=UTC),
        ),
        (
            "Date: Mon, 6 May 2024 12:00:00 -0000",
            None,
            datetime(2024, 5, 6, 12, tzinfo=UTC),
            datetime(2024, 5, 6, 12, tzinfo=UTC),
        ),
        (
            "Date: Thu, 1 Jan 2099 00:00:00 +0000",
            ARRIVED,
            datetime(2099, 1, 1, tzinfo=UTC),
            ARRIVED,
        ),
        ("X-No-Date: 1", ARRIVED, None, ARRIVED),
        ("Date: yesterday-ish", ARRIVED, None, ARRIVED),
        ("Date: Mon, 31 Feb 2024 12:00:00 +9999", ARRIVED, None, ARRIVED),
        (
            "Date: bad\r\nDate: Mon, 6 May 2024 12:00:00 +0000",
            None,
            datetime(2024, 5, 6, 12, tzinfo=UTC),
            datetime(2024, 5, 6, 12, tzinfo=UTC),
        ),
    ],
)
def test_dates(
    headers: str, internal_date: datetime | None, date: datetime | None, received_at: datetime
) -> None:
    msg = parsed(f"{FROM}{headers}\r\n\r\n", internal_date)
    assert msg.date == date
    assert msg.received_at == received_at
    assert msg.received_at.tzinfo is not None


def test_naive_internal_date_is_taken_as_utc() -> None:
    msg = parsed(f"{FROM}\r\n", datetime(2024, 5, 6, 9, 30))
    assert msg.received_at == ARRIVED


@pytest.mark.parametrize(
    ("data", "internal_date", "reason"),
    [
        (b"Date: Mon, 6 May 2024 12:00:00 +0300\r\nSubject: x\r\n\r\n", ARRIVED, "From"),
        (b"From: Webshield SMTP V4.5 MR3 Mail Service\r\n\r\n", ARRIVED, "From"),
        (b"From: MAILER-DAEMON <>\r\n\r\n", ARRIVED, "From"),
        (b"From: a@example.com\r\nSubject: no date\r\n\r\n", None, "Date"),
        (b"From: a@example.com\r\nDate: not a date\r\n\r\n", None, "Date"),
        (b"", ARRIVED, "From"),
        (b"\x00\xff\xfe garbage \x80\x81", ARRIVED, "From"),
        (b"\r\nFrom: a@example.com\r\n", ARRIVED, "From"),
    ],
)
def test_parse_errors(data: bytes, internal_date: datetime | None, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parsed(data, internal_date)
    assert reason in caught.value.message
    assert "INBOX UID 7" in caught.value.message


@pytest.mark.parametrize(
    "data",
    [
        b"From MAILER-DAEMON Thu Apr 19 23:45:00 2009\nFrom: a@example.com\n\n",
        b"Received: x\r\nquite Delivered-To: y\r\nFrom: a@example.com\r\n\r\n",
        b"From  : a@example.com\r\n\r\n",
        b"Subject: x\rFrom: a@example.com\r\rFrom: body@example.com\r",
        b" leading continuation\r\nFrom: a@example.com\r\n\r\n",
    ],
)
def test_tolerated_oddities(data: bytes) -> None:
    assert parsed(data).from_addr.email == "a@example.com"


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    "data",
    [
        # The stdlib address parser recurses once per nested comment.
        b"From: " + b"(" * 5000 + b"a@example.com\r\n\r\n",
        # A scan that restarts at every character would take minutes here.
        b"From: " + b"x" * 200_000 + b" <a@example.com>\r\n\r\n",
        b"From: a@example.com\r\nTo: " + b"(" * 100_000 + b"\r\nSubject: " + b"[" * 100_000,
        b"From: a@example.com\r\nReferences: " + b"<" * 100_000 + b"\r\n",
        b"From: a@example.com\r\nSubject: " + b"=?" * 100_000 + b"\r\n",
    ],
)
def test_hostile_values_are_parsed_quickly(data: bytes) -> None:
    assert parsed(data).from_addr.email == "a@example.com"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: Tarjous", "tarjous"),
        ("RE: Tarjous", "tarjous"),
        ("VS: Tarjous", "tarjous"),
        ("Vs:       Re: My previous question", "my previous question"),
        ("SV: Tarjous", "tarjous"),
        ("Vast: Tarjous", "tarjous"),
        ("AW: Angebot", "angebot"),
        ("Fw: x", "x"),
        ("Fwd: FW: x", "x"),
        ("VL: välitetty", "välitetty"),
        ("Re[2]: x", "x"),
        ("Re(3): x", "x"),
        ("Re^2: x", "x"),
        ("Re: AW: VS: SV: Re: Hello", "hello"),
        ("[PATCH] fix", "fix"),
        ("[list] Re: [tag] Re: topic", "topic"),
        ("topic (fwd)", "topic"),
        ("[Fwd: Re: inner]", "inner"),
        ("  MIXED   Case\tSubject ", "mixed case subject"),
        ("[only a tag]", "[only a tag]"),
        ("Reklamaatio", "reklamaatio"),
        ("R: I: TR: kept", "r: i: tr: kept"),
        ("STRASSE", "strasse"),
        ("Stra\u00dfe", "strasse"),
        ("", ""),
    ],
)
def test_base_subject(subject: str, expected: str) -> None:
    assert base_subject(subject) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("a\r\nBcc: x", 200, "a Bcc: x"),
        ("tab\there", 200, "tab here"),
        ("nul\x00byte", 200, "nul byte"),
        ("line\u2028sep\u2029para", 200, "line sep para"),
        ("bidi\u202eevil", 200, "bidievil"),
        ("  many    spaces  ", 200, "many spaces"),
        ("abcdef", 3, "abc"),
        ("ab  cd", 3, "ab"),
        ("lone\udc80surrogate", 200, "lonesurrogate"),
    ],
)
def test_sanitize_header_text(text: str, limit: int, expected: str) -> None:
    assert sanitize_header_text(text, limit) == expected


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([ARRIVED, None]))
def test_parse_never_raises_anything_but_parse_error(
    data: bytes, internal_date: datetime | None
) -> None:
    try:
        msg = parse(RawMessage("INBOX", 1, internal_date, data))
    except ParseError:
        return
    assert msg.from_addr.email


header_names = st.sampled_from(
    ["From", "To", "Cc", "Reply-To", "Sender", "Subject", "Date", "Message-ID", "In-Reply-To",
     "References", "Return-Path", "Content-Type", "X-Junk"]
)  # fmt: skip
header_values = st.one_of(
    st.text(max_size=80),
    st.binary(max_size=80).map(lambda b: b.decode("latin-1")),
    st.builds("=?{}?{}?{}?=".format, st.sampled_from(["utf-8", "x-bad", "idna", "base64", "utf-7"]),
              st.sampled_from("bBqQ"), st.text(max_size=30)),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(header_names, header_values), max_size=12))
def test_parse_survives_hostile_headers(fields: list[tuple[str, str]]) -> None:
    data = "".join(f"{name}: {value}\r\n" for name, value in fields)
    try:
        msg = parse(RawMessage("INBOX", 1, ARRIVED, data.encode("utf-8", "surrogatepass")))
    except ParseError:
        return
    for address in (msg.from_addr, *msg.to, *msg.cc, *msg.reply_to):
        assert address.name == sanitize_header_text(address.name)
    assert "\n" not in msg.subject and "\r" not in msg.subject


# --- the fast paths agree with the stdlib parsers they stand in for --------------------------

address_text = st.lists(
    st.sampled_from(
        ["a", "Ö", "x.y", "@", "example.fi", "<", ">", '"', "\\", ",", " ", "\t", "(", ")", ":",
         ";", ".", "[", "]", "=?0?=", "'", "é", "\x00", "\u2028", "\xa0", "Asiakas", "b@c.d"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@pytest.mark.parametrize(
    "value",
    ["Asiakas 0 <a@b.fi>", '"Last, First" <a@b>', '"" <a@b>', '"  spaced  name " <a@b>',
     "a@b, c@d", "Name\t Two <A@B.FI>", "Name<a@b>", "=?0?= =?1?= <a@b>", "Mäki Ö <a@b>",
     "O'Brien <a@b>", " a@b ", "a@b,", "J. Smith <a@b>", "x <a..b@c>", "undisclosed:;",
     "a@b (comment)", '"Esc \\" aped" <a@b>', "<a@b>, Name <c@d>"],
)  # fmt: skip
def test_simple_addresses_read_like_getaddresses(value: str) -> None:
    assert parse_module._read_addresses([value]) == parse_module._getaddresses([value])


@settings(max_examples=500, deadline=None)
@given(st.lists(address_text, min_size=1, max_size=3))
def test_any_addresses_read_like_getaddresses(values: list[str]) -> None:
    assert parse_module._read_addresses(values) == parse_module._getaddresses(values)


date_text = st.builds(
    "{}{} {} {} {}:{}:{} {}{}".format,
    st.sampled_from(["", "Mon, ", "Sat,", "xyz, "]),
    st.sampled_from(["1", "06", "31", "0", "32"]),
    st.sampled_from(["Jan", "may", "DEC", "Foo"]),
    st.sampled_from(["2024", "0099", "1000", "9999"]),
    st.sampled_from(["00", "23", "24"]),
    st.sampled_from(["00", "59", "60"]),
    st.sampled_from(["00", "59", "60"]),
    st.sampled_from(["+", "-"]),
    st.sampled_from(["0000", "0300", "2359", "9999", "0060"]),
)


@settings(max_examples=500, deadline=None)
@given(date_text)
def test_simple_dates_read_like_parsedate_to_datetime(value: str) -> None:
    fast = parse_module._simple_date(value)
    try:
        slow = parse_module._as_aware(parsedate_to_datetime(value))
    except (TypeError, ValueError, OverflowError, IndexError):
        assert fast is None
        return
    assert fast is None or (fast == slow and fast.utcoffset() == slow.utcoffset())


def test_a_quoted_name_like_a_set_aside_encoded_word_is_the_mail_s_own_text() -> None:
    """Encoded-words are set aside as ``=?N?=`` while the addresses are read; a quoted name the
    mail wrote as ``"=\\?0\\?="`` unquotes to the same text and is kept as written (the parse used
    to fail on it with an IndexError, a problem row for a readable mail)."""
    msg = parsed(BASE.replace("Asiakas <", '"=\\?0\\?=" <'))
    assert msg.from_addr == Address("asiakas@example.fi", "=?0?=")
