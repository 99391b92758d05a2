"""One mail can never stop vasteaika: arbitrary bytes, arbitrary headers, hostile HTML and hostile
MIME go through the whole cycle (read, find promises, acknowledge, remind) among readable
customer mails, and every readable one is still in the ledger, acknowledged at most once, and
no markup of an HTML body reaches the ledger, an acknowledgment or a notification.

The hostile HTML carries MARK only inside markup (tag names, attributes, declarations, marked
sections); readable text never contains it, so finding MARK anywhere means markup leaked.
Inputs that once broke the cycle are kept as small .eml files in tests/fuzz_corpus/ and replayed
by ``test_the_fuzz_corpus_goes_through_the_cycle``.
"""

from __future__ import annotations

import base64
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from fakes import FakeNotifier, FakeSource, Recorder
from test_guards import acking
from vasteaika.acks.outbox import draft_or_send
from vasteaika.config import Config
from vasteaika.jobs.cycle import run_cycle
from vasteaika.ledger.migrations import migrations
from vasteaika.ledger.store import Store
from vasteaika.mail.html import html_to_text

OWNER = "ylermi@pihapalvelu.fi"
NOW = datetime.strptime("2026-11-25 09:10 +0200", "%Y-%m-%d %H:%M %z")  # a Wednesday
LATER = NOW + timedelta(days=1, hours=3)  # every callback promised today or tomorrow is due
MARK = "zqmark"
CORPUS = Path(__file__).parent / "fuzz_corpus"
CONFIG: Config = acking(Path("/nonexistent"))

# --- hostile HTML -------------------------------------------------------------------------------

# Text never holds "<", "&" (markup and references come from the fragments below) or "q" (so
# MARK can only be spelled by markup). Promise sentences give the reply reader work to do.
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="<>&q\r"), max_size=15)
WORDS = st.sampled_from(
    [
        "Soitan huomenna klo 10.",
        "Soitan tänään klo 15.",
        "puh. 040 123 4567",
        "Hei Maija,",
        "Kiitos!",
        " ",
        "\n",
    ]
)
TAGS = st.sampled_from(
    [
        "p",
        "div",
        "br",
        "b",
        "blockquote",
        "script",
        "style",
        "title",
        "table",
        "a",
        MARK,
        f"{MARK}-x",
        f"x{MARK}",
        "SCRIPT",
    ]
)
ATTRS = st.sampled_from(
    [
        "",
        ' class="gmail_quote"',
        f' {MARK}="1"',
        f" data-x='{MARK}",
        f' id="{MARK}',
        " =",
        ' "x"',
        "\x00",
        "/",
        f" href={MARK}>",
    ]
)
CHARREFS = st.sampled_from(
    [
        "&amp;",
        "&#99999999999;",
        "&#xD800;",
        "&#0;",
        "&bogus;",
        "&#;",
        "&",
        "&#x110000;",
        "&nbsp",
        "&amp",
        "&#x;",
        "&#65",
        "&#xe4;",
    ]
) | st.integers(0, 0x10FFFF).filter(lambda c: chr(c) not in "<q").map(lambda c: f"&#{c};")
MARKUP = st.one_of(
    st.builds("<{}{}>".format, TAGS, ATTRS),
    st.builds("</{}>".format, TAGS),
    st.builds(
        "<![{}[ {} ]]>".format,
        st.sampled_from(["foo", "if", "CDATA", "endif", MARK, "", "INCLUDE", "temp"]),
        TEXT,
    ),
    st.sampled_from(
        [
            f"<!{MARK}",
            "<!",
            "<!--",
            "-->",
            f"<!-- {MARK} -->",
            f"<?{MARK}",
            "</",
            f"</{MARK}",
            f"<{MARK}",
            f"<!DOCTYPE {MARK}",
            f"<![{MARK}",
            "<!---->",
            f"<{MARK}\x00>",
            f"<a b='{MARK}",
        ]
    ),
    st.builds(lambda tag, n: f"<{tag}>" * n, TAGS, st.integers(50, 3000)),  # huge nesting
)
HTML = st.lists(st.one_of(TEXT, WORDS, CHARREFS, MARKUP), max_size=25).map("".join)


@settings(max_examples=200, deadline=None)
@given(HTML, st.booleans())
def test_html_to_text_never_raises_and_no_markup_is_left(html: str, drop_quotes: bool) -> None:
    text = html_to_text(html, drop_quotes=drop_quotes)
    assert MARK not in text and "<" not in text


# --- hostile MIME -------------------------------------------------------------------------------

CHARSETS = st.sampled_from(
    [
        "utf-8",
        "us-ascii",
        "iso-8859-1",
        "x-bogus",
        "utf-7",
        "utf-16",
        '"',
        "",
        "utf-8'fi'x",
        "unicode-1-1-utf-7",
    ]
)
ENCODINGS = st.sampled_from(["7bit", "8bit", "base64", "quoted-printable", "x-garbage", "binary"])
GARBAGE = st.binary(max_size=200).map(lambda b: b.replace(MARK.encode(), b""))


@st.composite
def html_part(draw: st.DrawFn) -> bytes:
    """A text/html leaf: a bad charset or encoding, base64 that is garbage or the HTML."""
    html = draw(HTML).encode("utf-8", "surrogatepass")
    encoding = draw(ENCODINGS)
    if encoding == "base64":
        body = draw(st.sampled_from([base64.encodebytes(html), b"!!!" + html[:50], b"=" * 9]))
    else:
        body = html
    head = (
        f"Content-Type: text/html; charset={draw(CHARSETS)}\n"
        f"Content-Transfer-Encoding: {encoding}\n\n"
    ).encode()
    return head + body


def plain_part(text: str) -> bytes:
    return b"Content-Type: text/plain; charset=utf-8\n\n" + text.encode("utf-8", "surrogatepass")


@st.composite
def multipart(draw: st.DrawFn, depth: int = 0) -> bytes:
    """Nested multiparts. Only well-formed ones hold text/plain: with a broken boundary a plain
    part could swallow its HTML neighbour, which would then rightly be read as text."""
    broken = draw(st.booleans())
    boundary = draw(st.sampled_from(["b1", "==x==", "a b", "'", "-", "b" * 80]))
    leaves = st.one_of(html_part(), multipart(depth + 1)) if depth < 3 else html_part()
    if not broken:
        leaves = st.one_of(leaves, WORDS.map(plain_part))
    parts = draw(st.lists(leaves, min_size=0, max_size=3))
    sep = draw(st.sampled_from([boundary + "x", "", boundary[:-1]])) if broken else boundary
    param = (
        draw(st.sampled_from(["", f'; boundary="{boundary}"', "; boundary="]))
        if broken
        else (f'; boundary="{boundary}"')
    )
    kind = draw(st.sampled_from(["mixed", "alternative", "related"]))
    body = b"".join(b"\n--" + sep.encode() + b"\n" + p for p in parts)
    if not broken or draw(st.booleans()):
        body += b"\n--" + sep.encode() + b"--\n"
    return f"Content-Type: multipart/{kind}{param}\n\n".encode() + body


BODY = st.one_of(html_part(), multipart(), WORDS.map(plain_part))
ENCODED_WORDS = st.sampled_from(
    [
        "=?utf-8?b?!!!?=",
        "=?x-bogus?q?=ZZ?=",
        "=?utf-8?q?a=0D=0ABcc:_x@y?=",
        "=?",
        "=?utf-8?b?w6Q=?=",
        "=?utf-8?q?=C3?=",
        "=?iso-8859-1?q?=E4?=",
    ]
)
HEADER_TEXT = st.text(max_size=40).map(lambda s: s.replace(MARK, "").replace("\n", "\n "))


# --- the mailbox --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Customer:
    """A readable customer mail (valid From, Date and Message-ID) with a hostile body, and maybe
    the owner's hostile HTML reply to it in Sent."""

    n: int
    raw: bytes
    reply: bytes | None


@st.composite
def customers(draw: st.DrawFn) -> list[Customer]:
    out = []
    for n in range(draw(st.integers(1, 3))):
        name = draw(st.one_of(ENCODED_WORDS, st.just(f"Asiakas {n}")))
        subject = draw(st.lists(st.one_of(ENCODED_WORDS, st.just("Tarjous")), max_size=3))
        extra = "".join(
            f"X-Fuzz-{i}: {v}\n" for i, v in enumerate(draw(st.lists(HEADER_TEXT, max_size=2)))
        )
        head = (
            f"Return-Path: <c{n}@example.fi>\nFrom: {name} <c{n}@example.fi>\nTo: {OWNER}\n"
            f"Subject: {' '.join(subject)}\nDate: Wed, 25 Nov 2026 08:0{n}:00 +0200\n"
            f"Message-ID: <c{n}@x>\n{extra}MIME-Version: 1.0\n"
        )
        raw = head.encode("utf-8", "surrogatepass") + draw(BODY)
        reply = None
        if draw(st.booleans()):
            quoted = draw(
                st.sampled_from(
                    [
                        "",
                        "<blockquote><![foo[ x ]]>puh. 040 1</blockquote>",
                        '<div class="gmail_quote"><p>Hei</div>',
                    ]
                )
            )
            reply = (
                f"From: {OWNER}\nTo: c{n}@example.fi\nSubject: Re: Tarjous\n"
                f"Date: Wed, 25 Nov 2026 09:0{n}:00 +0200\nIn-Reply-To: <c{n}@x>\n"
                f"Message-ID: <r{n}@p>\nMIME-Version: 1.0\n"
            ).encode() + draw(html_part()).replace(b"\n\n", f"\n\n{quoted}".encode(), 1)
        out.append(Customer(n, raw, reply))
    return out


@st.composite
def hostile_mail(draw: st.DrawFn) -> tuple[str, bytes]:
    """(folder, raw): arbitrary bytes, or arbitrary headers over any body."""
    folder = draw(st.sampled_from(["INBOX", "Sent"]))
    if draw(st.booleans()):
        return folder, draw(GARBAGE)
    names = st.sampled_from(
        [
            "From",
            "Date",
            "Subject",
            "Content-Type",
            "Message-ID",
            "To",
            "In-Reply-To",
            "References",
            "Reply-To",
            "Return-Path",
            "Content-Transfer-Encoding",
            "Auto-Submitted",
        ]
    ) | st.text(max_size=10)
    headers = draw(st.lists(st.tuples(names, HEADER_TEXT | ENCODED_WORDS), max_size=6))
    head = "".join(f"{k}: {v}\n" for k, v in headers).replace(MARK, "")
    return folder, head.encode("utf-8", "surrogatepass") + draw(BODY | GARBAGE)


def migrated_store() -> Store:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    db = Database(conn)
    migrations.apply(db)
    return Store(db)


TEMPLATE = migrated_store()  # migrating costs 0.1 s; a copy of a migrated database does not


def memory_store() -> Store:
    store = TEMPLATE.in_memory_copy()
    store.db.execute("PRAGMA foreign_keys = ON")
    return store


def all_text(store: Store) -> str:
    """Every value of every table, as text."""
    tables = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return "\n".join(repr(row) for t in tables for row in store.db.execute(f"SELECT * FROM [{t}]"))


def cycle_twice(src: FakeSource) -> tuple[Store, Recorder, FakeNotifier]:
    """Two whole cycles (the second a day later, when the promised callbacks are due)."""
    store, rec, notifier = memory_store(), Recorder(), FakeNotifier()
    for now in (NOW, LATER):
        run_cycle(
            CONFIG, store, src, now, draft_or_send(rec, None, "send", False), notifier=notifier
        )
    return store, rec, notifier


def assert_no_markup_leaked(store: Store, rec: Recorder, notifier: FakeNotifier) -> None:
    assert MARK not in all_text(store)
    for _, ack in rec.sent:
        assert MARK not in ack.as_string()
    for title, body in notifier.calls:
        assert MARK not in title + body


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(customers(), st.lists(hostile_mail(), max_size=5), st.randoms(use_true_random=False))
def test_no_mail_stops_the_cycle_or_is_lost(
    readable: list[Customer], hostile: list[tuple[str, bytes]], shuffle: st.Random
) -> None:
    # Arrival: customers an hour ago, replies after them, hostile mail any time; UIDs shuffled.
    mails = [("INBOX", c.raw, NOW - timedelta(minutes=60 - c.n)) for c in readable]
    mails += [("Sent", c.reply, NOW - timedelta(minutes=30 - c.n)) for c in readable if c.reply]
    mails += [(f, raw, NOW - timedelta(minutes=shuffle.randint(0, 90))) for f, raw in hostile]
    shuffle.shuffle(mails)
    src = FakeSource()
    for folder, raw, arrived in mails:
        assert raw is not None
        src.add(folder, raw, arrived)

    store, rec, notifier = cycle_twice(src)

    for c in readable:
        row = store.db.execute(
            "SELECT kind, conversation_id, folder, uid FROM messages WHERE message_id = ?",
            [f"c{c.n}@x"],
        ).fetchone()
        assert row is not None and row[0] == "customer" and row[1] is not None, c.raw
        assert [p for p in store.problems() if (p["folder"], p["uid"]) == row[2:]] == []
        acks = [r for r, _ in rec.sent if r == f"c{c.n}@example.fi"]
        assert len(acks) == (0 if c.reply else 1), c.raw  # once; never to an answered one
    recipients = [r for r, _ in rec.sent]
    assert len(recipients) == len(set(recipients))  # nobody acknowledged twice
    assert_no_markup_leaked(store, rec, notifier)


# --- the fuzz corpus ----------------------------------------------------------------------------


def test_the_fuzz_corpus_goes_through_the_cycle() -> None:
    """Every input that once broke the cycle, together: inbox-*.eml in INBOX, sent-*.eml in
    Sent. The readable customers (From c*@example.fi) are all in the ledger; the unanswered
    one is acknowledged; the promise in the HTML reply with the marked section is a reminder."""
    files = sorted(CORPUS.glob("*.eml"))
    assert len(files) >= 5
    src = FakeSource()
    for i, path in enumerate(files):
        folder = "Sent" if path.name.startswith("sent-") else "INBOX"
        src.add(folder, path.read_bytes(), NOW - timedelta(minutes=60 - i))

    store, rec, notifier = cycle_twice(src)

    customers_in_ledger = {
        r[0]
        for r in store.db.execute("SELECT customer_email FROM messages WHERE kind = 'customer'")
    }
    assert {"html@example.fi", "mime@example.fi", "plain@example.fi"} <= customers_in_ledger
    assert sorted(r for r, _ in rec.sent) == ["mime@example.fi", "plain@example.fi"]
    promised = store.db.execute(
        "SELECT customer_email, phone, promise_text FROM reminders WHERE source = 'reply'"
    ).fetchall()
    assert promised == [("html@example.fi", "040 123 4567", "huomenna klo 10")]
    assert_no_markup_leaked(store, rec, notifier)
