"""Acknowledging new customers, on an in-memory source with a recording sender (no network)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from fakes import FakeSource, mail
from vasteaika.acks.outbox import acknowledge_new, draft_or_send
from vasteaika.acks.store import skip_undecided_acks
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import UnreachableError
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store, open_database
from vasteaika.mail.smtp import UncertainDeliveryError

OWNER = "ylermi@pihapalvelu.fi"
HEL = "+0200"


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, EmailMessage]] = []
        self.fail: Exception | None = None

    def send(self, msg: EmailMessage, recipient: str) -> None:
        if self.fail:
            raise self.fail
        self.sent.append((recipient, msg))


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi Yrittäjä", "addresses": [OWNER, "info@pihapalvelu.fi"]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "ack": {"signature": "Ylermi"},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )


@pytest.fixture
def store(config: Config) -> Store:
    return open_database(config.database)


def customer(frm: str, subject: str, msgid: str, date: str, *, extra: str = "", to: str = OWNER,
             body: str = "Hei,\nvoisitteko tehdä tarjouksen nurmikon leikkuusta?\n") -> bytes:  # fmt: skip
    address = frm.split("<")[-1].rstrip(">")
    return mail(
        frm, to, subject, msgid, date, extra=f"Return-Path: <{address}>\n" + extra, body=body
    )


def run(config: Config, store: Store, src: FakeSource, now: datetime, rec: Recorder) -> int:
    run_check(config, src, store, now)
    out = acknowledge_new(config, store, src, now, draft_or_send(rec, None, "send", False))
    if out.error:
        raise out.error
    return len(out.delivered)


def at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M %z")


def test_new_customer_gets_one_ack_with_a_concrete_callback(config: Config, store: Store) -> None:
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")  # Wednesday
    src.add("INBOX", customer("Maija Meikäläinen <maija@example.fi>", "Nurmikko", "m1@x",
                              "Wed, 25 Nov 2026 09:00:00 +0200"), now - timedelta(minutes=10))  # fmt: skip
    assert run(config, store, src, now, rec) == 1
    [(to, msg)] = rec.sent
    assert to == "maija@example.fi" and msg["To"] == "Maija Meikäläinen <maija@example.fi>"
    body = msg.get_content()
    assert "Hei Maija," in body and "tänään klo 15" in body
    assert msg["Auto-Submitted"] == "auto-replied" and msg["In-Reply-To"] == "<m1@x>"
    assert msg["Subject"] == "Re: Nurmikko"
    conv = store.db.execute("SELECT ack_status, callback_at FROM conversations").fetchone()
    assert conv[0] == "sent" and conv[1] == int(at("2026-11-25 15:00 +0200").timestamp())
    reminder = store.db.execute("SELECT source, due_at FROM reminders").fetchone()
    assert reminder == ("ack", conv[1])
    assert run(config, store, src, now + timedelta(minutes=5), rec) == 0  # never twice


def test_english_customer_gets_english(config: Config, store: Store) -> None:
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-27 17:00 +0200")  # Friday after hours
    src.add("INBOX", customer("James Whitfield <james@example.com>", "Snow ploughing quote", "j@x",
                              "Fri, 27 Nov 2026 16:55:00 +0200",
                              body="Hello, could you please send me a quote for the driveway?\n"),
            now - timedelta(minutes=5))  # fmt: skip
    run(config, store, src, now, rec)
    body = rec.sent[0][1].get_content()
    assert "Hi James," in body and "on Monday 30 November at 10:00" in body


@pytest.mark.parametrize(
    ("now", "slot"),
    [
        ("2026-06-18 15:30 +0300", "maanantaina 22.6. klo 10"),  # Midsummer Eve is Fri 19.6.
        (
            "2026-12-23 15:30 +0200",
            "maanantaina 28.12. klo 10",
        ),  # Christmas Eve, Christmas, weekend
        ("2026-11-27 17:00 +0200", "maanantaina 30.11. klo 10"),  # Friday 17:00
    ],
)
def test_callback_skips_weekends_and_holidays(
    config: Config, store: Store, now: str, slot: str
) -> None:
    src, rec = FakeSource(), Recorder()
    moment = at(now)
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", moment.strftime("%a, %d %b %Y %H:%M:%S %z")),
            moment - timedelta(minutes=1))  # fmt: skip
    run(config, store, src, moment, rec)
    assert slot in rec.sent[0][1].get_content()


NEVER = [
    ("list", "Uutiskirje <uutiset@kauppa.example>", "List-Id: <uutiset.kauppa.example>\n", OWNER),
    ("bulk", "Kauppa <info@kauppa.example>", "Precedence: bulk\n", OWNER),
    ("auto-reply", "Bob <bob@example.com>", "Auto-Submitted: auto-replied\n", OWNER),
    (
        "exchange",
        "Bob <bob@example.com>",
        "X-MS-Exchange-Inbox-Rules-Loop: bob@example.com\n",
        OWNER,
    ),
    ("suppress", "Bob <bob@example.com>", "X-Auto-Response-Suppress: OOF, AutoReply\n", OWNER),
    ("noreply", "Posti <noreply@posti.fi>", "", OWNER),
    ("bcc", "Bob <bob@example.com>", "", "someone@else.example"),
    ("reply-to elsewhere", "Bob <bob@example.com>", "Reply-To: <carol@other.example>\n", OWNER),
]


@pytest.mark.parametrize(("why", "frm", "extra", "to"), NEVER, ids=[n[0] for n in NEVER])
def test_never_acknowledged(
    config: Config, store: Store, why: str, frm: str, extra: str, to: str
) -> None:
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer(frm, "Kysymys", "q@x", "Wed, 25 Nov 2026 09:00:00 +0200", extra=extra, to=to),
            now - timedelta(minutes=10))  # fmt: skip
    assert run(config, store, src, now, rec) == 0 and rec.sent == []


def test_bounce_with_null_sender_is_never_acknowledged(config: Config, store: Store) -> None:
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    raw = mail("Mail Delivery System <MAILER-DAEMON@mx.example>", OWNER, "Undelivered Mail Returned to Sender",
               "b@x", "Wed, 25 Nov 2026 09:00:00 +0200", extra="Return-Path: <>\n")  # fmt: skip
    src.add("INBOX", raw, now - timedelta(minutes=10))
    assert run(config, store, src, now, rec) == 0


def test_backlog_is_never_acknowledged_and_why_is_stored(config: Config, store: Store) -> None:
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 12:00 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            now - timedelta(hours=3))  # fmt: skip
    assert run(config, store, src, now, rec) == 0
    status, reasons = store.db.execute(
        "SELECT ack_status, ack_reasons FROM conversations"
    ).fetchone()
    assert status == "skipped" and json.loads(reasons) == [
        "backlog or answered: older than ack.max_age, or you had already replied"
    ]


def test_conversations_read_by_a_rebuild_are_never_acknowledged(config: Config, store: Store) -> None:
    """What `rebuild` does to a ledger read afresh (skip_undecided_acks): every conversation
    without a decision is decided "no acknowledgment", with the reason `why` shows, and the
    outbox then sends nothing; a decision taken before (an ack sent) stays as it was."""
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Maija <maija@example.fi>", "Nurmikko", "m1@x",
                              "Wed, 25 Nov 2026 09:00:00 +0200"), now - timedelta(minutes=10))  # fmt: skip
    assert run(config, store, src, now, rec) == 1
    for who, msgid in (("anna@example.fi", "a1@x"), ("pekka@example.fi", "p1@x")):
        src.add("INBOX", customer(f"<{who}>", "Lumityöt", msgid, "Wed, 25 Nov 2026 09:05:00 +0200"),
                now - timedelta(minutes=5))  # fmt: skip
    run_check(config, src, store, now)
    reason = "luettu uudelleen: ei kuittausta"
    assert skip_undecided_acks(store, reason) == 2
    assert run(config, store, src, now + timedelta(minutes=1), rec) == 0
    assert len(rec.sent) == 1
    rows = store.db.execute(
        "SELECT customer_email, ack_status, ack_reasons FROM conversations ORDER BY customer_email"
    ).fetchall()
    assert [(r[0], r[1]) for r in rows] == [
        ("anna@example.fi", "skipped"), ("maija@example.fi", "sent"), ("pekka@example.fi", "skipped")
    ]  # fmt: skip
    assert [json.loads(r[2]) for r in rows if r[1] == "skipped"] == [[reason], [reason]]
    assert skip_undecided_acks(store, reason) == 0  # nothing left undecided


def test_fifty_mails_from_one_sender_get_one_ack(config: Config, store: Store) -> None:
    """Fifty separate requests (the owner answers each, so every new subject opens its own
    conversation): only the first is acknowledged, the other 49 stop at the rate limit."""
    src, rec = FakeSource(), Recorder()
    start = at("2026-11-25 08:00 +0200")
    for i in range(50):
        now = start + timedelta(minutes=6 * i)
        src.add("INBOX", customer("Spammy <s@example.fi>", f"Aihe {i}", f"s{i}@x",
                                  now.strftime("%a, %d %b %Y %H:%M:%S %z")), now)  # fmt: skip
        run(config, store, src, now + timedelta(minutes=1), rec)
        src.add("Sent", mail(OWNER, "s@example.fi", f"Re: Aihe {i}", f"r{i}@p",
                             (now + timedelta(minutes=3)).strftime("%a, %d %b %Y %H:%M:%S %z"),
                             extra=f"In-Reply-To: <s{i}@x>\n"), now + timedelta(minutes=3))  # fmt: skip
    run(config, store, src, start + timedelta(hours=6), rec)
    assert len(rec.sent) == 1 and rec.sent[0][1]["In-Reply-To"] == "<s0@x>"
    assert store.count("SELECT count(*) FROM conversations") == 50
    reasons = [r[0] for r in store.db.execute(
        "SELECT ack_reasons FROM conversations WHERE ack_status = 'skipped'")]  # fmt: skip
    assert len(reasons) == 49 and all("rate-limited" in r for r in reasons)


def test_a_new_request_two_days_later_gets_no_second_ack(config: Config, store: Store) -> None:
    """Planted bug: the outbox ignoring the last acknowledgment to the address sent Anna a
    second acknowledgment for her second request, two days after the first."""
    src, rec = FakeSource(), Recorder()
    monday = at("2026-11-23 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a1@x", "Mon, 23 Nov 2026 09:00:00 +0200"),
            monday - timedelta(minutes=10))  # fmt: skip
    assert run(config, store, src, monday, rec) == 1
    src.add("Sent", mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r1@p", "Mon, 23 Nov 2026 11:00:00 +0200",
                         extra="In-Reply-To: <a1@x>\n"), monday + timedelta(hours=2))  # fmt: skip
    wednesday = monday + timedelta(days=2)
    src.add("INBOX", customer("Anna <anna@example.fi>", "Kattoremontti", "a2@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            wednesday - timedelta(minutes=10))  # fmt: skip
    assert run(config, store, src, wednesday, rec) == 0
    assert len(rec.sent) == 1
    second = store.db.execute(
        "SELECT ack_status, ack_reasons FROM conversations WHERE subject = 'Kattoremontti'"
    ).fetchone()
    assert second[0] == "skipped" and "rate-limited" in second[1]
    # A week after the first acknowledgment the address may get one again.
    later = monday + timedelta(days=8)
    src.add("Sent", mail(OWNER, "anna@example.fi", "Re: Kattoremontti", "r2@p", "Wed, 25 Nov 2026 11:00:00 +0200",
                         extra="In-Reply-To: <a2@x>\n"), wednesday + timedelta(hours=2))  # fmt: skip
    src.add("INBOX", customer("Anna <anna@example.fi>", "Aita", "a3@x", "Tue, 1 Dec 2026 09:00:00 +0200"),
            later - timedelta(minutes=10))  # fmt: skip
    assert run(config, store, src, later, rec) == 1


def test_the_vacation_template_is_used_during_the_vacation(tmp_path: Path) -> None:
    """Planted bug: the vacation template never chosen told customers the owner would call
    although the owner was away and the substitute would."""
    cfg = config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi", "addresses": [OWNER]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "ack": {"signature": "Ylermi", "vacation_from": "2026-11-27",
                    "vacation_until": "2026-11-27", "vacation_substitute": "Pekka Sijainen"},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )  # fmt: skip
    store, src, rec = open_database(cfg.database), FakeSource(), Recorder()
    during = at("2026-11-27 09:10 +0200")  # the vacation's one day: its first and its last
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Fri, 27 Nov 2026 09:00:00 +0200"),
            during - timedelta(minutes=10))  # fmt: skip
    assert run(cfg, store, src, during, rec) == 1
    after = at("2026-11-30 09:10 +0200")  # the Monday after it
    src.add("INBOX", customer("Ville <ville@example.fi>", "Katto", "v@x", "Mon, 30 Nov 2026 09:00:00 +0200"),
            after - timedelta(minutes=10))  # fmt: skip
    assert run(cfg, store, src, after, rec) == 1
    bodies = {to: msg.get_content() for to, msg in rec.sent}
    assert "Olen lomalla 27.11. asti" in bodies["anna@example.fi"]
    assert "Sijaiseni Pekka Sijainen soittaa" in bodies["anna@example.fi"]
    assert "lomalla" not in bodies["ville@example.fi"]
    assert "Sijai" not in bodies["ville@example.fi"]


def test_out_of_office_answer_to_our_ack_is_not_answered(config: Config, store: Store) -> None:
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            now - timedelta(minutes=10))  # fmt: skip
    run(config, store, src, now, rec)
    ack_id = rec.sent[0][1]["Message-ID"]
    src.add("INBOX", customer("Anna <anna@example.fi>", "Automaattinen vastaus: Re: Lumityöt", "oof@x",
                              "Wed, 25 Nov 2026 09:11:00 +0200", extra=f"In-Reply-To: {ack_id}\n"),
            now + timedelta(minutes=1))  # fmt: skip
    assert run(config, store, src, now + timedelta(minutes=2), rec) == 0


def test_contact_form_is_acknowledged_to_the_person(config: Config, store: Store) -> None:
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    raw = mail("WordPress <wordpress@pihapalvelu.fi>", OWNER, "Uusi yhteydenotto", "f@x",
               "Wed, 25 Nov 2026 09:00:00 +0200",
               extra="Return-Path: <wordpress@pihapalvelu.fi>\nReply-To: Liisa Laine <liisa@example.fi>\n")  # fmt: skip
    src.add("INBOX", raw, now - timedelta(minutes=10))
    run(config, store, src, now, rec)
    assert [to for to, _ in rec.sent] == ["liisa@example.fi"]


def test_smtp_down_leaves_the_contact_eligible(config: Config, store: Store) -> None:
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            now - timedelta(minutes=10))  # fmt: skip
    rec.fail = UnreachableError("cannot connect to 127.0.0.1:25", "check [smtp]")
    with pytest.raises(UnreachableError):
        run(config, store, src, now, rec)
    assert store.db.execute("SELECT ack_status FROM conversations").fetchone()[0] is None
    rec.fail = None
    assert run(config, store, src, now + timedelta(minutes=5), rec) == 1


def test_uncertain_delivery_is_never_retried(config: Config, store: Store) -> None:
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            now - timedelta(minutes=10))  # fmt: skip
    rec.fail = UncertainDeliveryError("the connection broke after the message was sent", "check")
    with pytest.raises(UncertainDeliveryError):
        run(config, store, src, now, rec)
    rec.fail = None
    assert run(config, store, src, now + timedelta(minutes=5), rec) == 0
    status, mid = store.db.execute(
        "SELECT ack_status, ack_message_id FROM conversations"
    ).fetchone()
    assert status == "pending"
    # The provider put it in Sent: the next run sees it there and settles the row.
    src.add("Sent", mail(f"Ylermi <{OWNER}>", "anna@example.fi", "Re: Lumityöt", mid,
                         extra="Auto-Submitted: auto-replied\nX-Vasteaika-Ack: 1\n"), now)  # fmt: skip
    run(config, store, src, now + timedelta(minutes=10), rec)
    row = store.db.execute("SELECT ack_status, first_reply_at FROM conversations").fetchone()
    assert row == ("sent", None)  # and the ack is not the owner's reply


def test_dry_run_changes_nothing(config: Config, store: Store) -> None:
    src = FakeSource()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            now - timedelta(minutes=10))  # fmt: skip
    copy = store.in_memory_copy()
    run_check(config, src, copy, now)
    out = acknowledge_new(config, copy, src, now, None)
    assert [p.recipient for p in out.planned] == ["anna@example.fi"] and out.delivered == []
    assert store.count("SELECT count(*) FROM messages") == 0
    assert store.count("SELECT count(*) FROM conversations") == 0


def test_mode_off_sends_nothing(tmp_path: Path) -> None:
    cfg = config_from_dict({"owner": {"addresses": [OWNER]}, "account": {"maildir": str(tmp_path)},
                            "storage": {"database": str(tmp_path / "x.db")}}, None)  # fmt: skip
    assert cfg.ack.mode == "off"
    store, src, rec = open_database(cfg.database), FakeSource(), Recorder()
    now = datetime(2026, 11, 25, 7, 10, tzinfo=UTC)
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            now - timedelta(minutes=10))  # fmt: skip
    assert run(cfg, store, src, now, rec) == 0


def test_reply_to_an_old_thread_is_not_acknowledged(config: Config, store: Store) -> None:
    """Review finding: a customer answering the owner's mail weeks later opens a new
    conversation for the statistics, but it is a follow-up, not a new contact."""
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Nurmikko", "a1@x", "Mon, 2 Nov 2026 09:00:00 +0200"),
            now - timedelta(days=23))  # fmt: skip
    src.add("Sent", mail(OWNER, "anna@example.fi", "Re: Nurmikko", "r@p", "Mon, 2 Nov 2026 10:00:00 +0200",
                         extra="In-Reply-To: <a1@x>\n"), now - timedelta(days=23))  # fmt: skip
    src.add("INBOX", customer("Anna <anna@example.fi>", "Re: Nurmikko", "a2@x", "Wed, 25 Nov 2026 09:00:00 +0200",
                              extra="In-Reply-To: <r@p>\n"), now - timedelta(minutes=10))  # fmt: skip
    assert run(config, store, src, now, rec) == 0
    assert store.count("SELECT count(*) FROM conversations") == 2


def test_old_mail_with_a_fresh_arrival_time_is_backlog(config: Config, store: Store) -> None:
    """Review finding: mbsync names files by sync time, so an old mail can look new."""
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Vanha", "a@x", "Tue, 5 Mar 2024 09:00:00 +0200"),
            now - timedelta(minutes=1))  # fmt: skip
    assert run(config, store, src, now, rec) == 0
    assert "backlog" in store.db.execute("SELECT ack_reasons FROM conversations").fetchone()[0]


def test_an_ack_seen_in_sent_stops_a_second_database_from_acking(
    config: Config, tmp_path: Path
) -> None:
    """Review finding: two computers (or a new database) over one mailbox ack only once."""
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            now - timedelta(minutes=10))  # fmt: skip
    first = open_database(tmp_path / "first.db")
    assert run(config, first, src, now, rec) == 1
    ack = rec.sent[0][1]
    src.add("Sent", mail(f"Ylermi <{OWNER}>", "anna@example.fi", "Re: Lumityöt", ack["Message-ID"].strip("<>"),
                         extra="In-Reply-To: <a@x>\nAuto-Submitted: auto-replied\nX-Vasteaika-Ack: 1\n"),
            now)  # fmt: skip
    second = open_database(tmp_path / "second.db")
    assert run(config, second, src, now + timedelta(minutes=20), rec) == 0
    assert len(rec.sent) == 1
    [reasons] = second.db.execute("SELECT ack_reasons FROM conversations").fetchone()
    assert "conversation-acked: this conversation was already acknowledged" in json.loads(reasons)


def test_a_mail_without_message_id_is_acknowledged_once(config: Config, store: Store) -> None:
    """Some web forms and old mailers send no Message-ID: the customer is still acknowledged
    (nothing in the mailbox can be an acknowledgment of a mail without an id), and once."""
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    raw = customer("Anna <anna@example.fi>", "Lumityöt", "x@x", "Wed, 25 Nov 2026 09:00:00 +0200")
    raw = b"".join(line for line in raw.splitlines(keepends=True) if not line.startswith(b"Message-ID"))
    src.add("INBOX", raw, now - timedelta(minutes=10))
    assert run(config, store, src, now, rec) == 1
    assert rec.sent[0][0] == "anna@example.fi" and rec.sent[0][1]["In-Reply-To"] is None
    assert run(config, store, src, now + timedelta(minutes=5), rec) == 0


def test_wrong_smtp_password_leaves_the_contact_eligible(config: Config, store: Store) -> None:
    from vasteaika.errors import AuthenticationError

    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            now - timedelta(minutes=10))  # fmt: skip
    rec.fail = AuthenticationError("SMTP login refused", "check the password")
    with pytest.raises(AuthenticationError):
        run(config, store, src, now, rec)
    rec.fail = None
    assert run(config, store, src, now + timedelta(minutes=5), rec) == 1


def test_draft_mode_records_a_draft_and_no_reminder_until_sent(
    config: Config, store: Store
) -> None:
    from dataclasses import replace

    config = replace(config, ack=replace(config.ack, mode="draft"))
    src, drafts = FakeSource(), []
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            now - timedelta(minutes=10))  # fmt: skip
    run_check(config, src, store, now)
    deliver = draft_or_send(None, lambda kind, data: drafts.append((kind, data)), "draft", False)
    out = acknowledge_new(config, store, src, now, deliver)
    assert len(out.delivered) == 1 and drafts[0][0] == "drafts"
    assert store.db.execute("SELECT ack_status FROM conversations").fetchone()[0] == "draft"
    assert store.count("SELECT count(*) FROM reminders") == 0
    mid = out.delivered[0].message["Message-ID"].strip("<>")
    src.add("Sent", mail(f"Ylermi <{OWNER}>", "anna@example.fi", "Re: Lumityöt", mid,
                         extra="X-Vasteaika-Ack: 1\n"), now)  # fmt: skip  # the owner sent the draft
    run_check(config, src, store, now + timedelta(minutes=5))
    acknowledge_new(config, store, src, now + timedelta(minutes=5), deliver)
    assert store.db.execute("SELECT ack_status FROM conversations").fetchone()[0] == "sent"
    assert store.count("SELECT count(*) FROM reminders WHERE source = 'ack'") == 1


def test_key_customers_get_their_own_lead_and_template(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "key_fi.txt").write_text("$greeting\nHienoa kuulla sinusta! Soitan $callback.\n$owner_name\n",
                                          encoding="utf-8")  # fmt: skip
    cfg = config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi", "addresses": [OWNER]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "ack": {"key_customers": ["koivukuja.example"], "lead": "5h", "key_lead": "30m",
                    "templates": str(templates)},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )  # fmt: skip
    store, src, rec = open_database(cfg.database), FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Riitta <riitta@koivukuja.example>", "Lumityöt", "k@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
            now - timedelta(minutes=10))  # fmt: skip
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:01:00 +0200"),
            now - timedelta(minutes=9))  # fmt: skip
    assert run(cfg, store, src, now, rec) == 2
    bodies = {to: msg.get_content() for to, msg in rec.sent}
    assert (  # no phone number known: the one sentence asking for it follows the callback
        "Hienoa kuulla sinusta! Soitan tänään klo 10. Kerrothan puhelinnumerosi vastaamalla"
        " tähän viestiin.\nYlermi\n" in bodies["riitta@koivukuja.example"]
    )
    assert (
        "Hienoa" not in bodies["anna@example.fi"] and "tänään klo 15" in bodies["anna@example.fi"]
    )


@pytest.mark.parametrize("sender", [OWNER, "ylermi.yrittaja@mailhost.example"])
def test_no_ack_after_the_owners_own_vacation_reply(
    config: Config, store: Store, sender: str
) -> None:
    """Issue 11 made the owner's vacation reply in Sent no answer (the customer waits); it must
    not make vasteaika send a second automatic mail. In Sent it is the owner's even from an
    address not in [owner] addresses (the provider's own name for the account)."""
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    src.add(
        "INBOX",
        customer("Anna <anna@example.fi>", "Lumityöt", "a1@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
        now - timedelta(minutes=10),
    )
    src.add("Sent", mail(sender, "anna@example.fi", "Automaattinen vastaus: Lumityöt", "v@p",
                         "Wed, 25 Nov 2026 09:00:05 +0200",
                         extra="In-Reply-To: <a1@x>\nAuto-Submitted: auto-replied\n"),
            now - timedelta(minutes=10) + timedelta(seconds=5))  # fmt: skip
    src.add(
        "INBOX",
        customer("Bertil <bertil@example.com>", "Puut", "b1@x", "Wed, 25 Nov 2026 09:01:00 +0200"),
        now - timedelta(minutes=9),
    )
    assert run(config, store, src, now, rec) == 1
    assert [r for r, _ in rec.sent] == ["bertil@example.com"]
    [anna, _] = store.conversations()
    assert anna["ack_status"] == "skipped" and "owner-auto-replied" in anna["ack_reasons"]
    assert anna["waiting_since"] is not None  # still waiting for the owner's own answer


def test_smtp_down_stops_the_run_after_the_first_attempt(config: Config, store: Store) -> None:
    """Every other acknowledgment would fail the same way: one attempt, all stay eligible."""
    src = FakeSource()
    now = at("2026-11-25 09:10 +0200")
    for name in ("anna", "ville"):
        src.add("INBOX", customer(f"{name.title()} <{name}@example.fi>", "Lumityöt", f"{name}@x",
                                  "Wed, 25 Nov 2026 09:00:00 +0200"), now - timedelta(minutes=10))  # fmt: skip
    attempts: list[str] = []

    def down(msg: EmailMessage, recipient: str) -> None:
        attempts.append(recipient)
        raise UnreachableError("cannot connect to 127.0.0.1:25", "check [smtp]")

    run_check(config, src, store, now)
    out = acknowledge_new(config, store, src, now, down)
    assert attempts == ["anna@example.fi"] and isinstance(out.error, UnreachableError)
    assert store.count("SELECT count(*) FROM conversations WHERE ack_status IS NULL") == 2


def test_the_ack_reminder_carries_the_phone_number_and_the_copy_goes_to_sent(
    config: Config, store: Store
) -> None:
    src, rec, copies = FakeSource(), Recorder(), []
    now = at("2026-11-25 09:10 +0200")
    src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200",
                              body="Hei,\nsoittakaa, puh. 040 765 4321\n"), now - timedelta(minutes=10))  # fmt: skip
    run_check(config, src, store, now)
    deliver = draft_or_send(rec, lambda kind, data: copies.append((kind, data)), "send", True)
    out = acknowledge_new(config, store, src, now, deliver)
    assert [p.recipient for p in out.delivered] == ["anna@example.fi"] and out.skipped == []
    assert out.delivered[0].body == rec.sent[0][1].get_content()
    assert [kind for kind, _ in copies] == ["sent"] and copies[0][1] == rec.sent[0][1].as_bytes()
    assert store.db.execute("SELECT phone FROM reminders").fetchone()[0] == "040 765 4321"


def test_a_first_mail_deleted_before_its_ack_is_skipped_as_gone(config: Config, store: Store) -> None:
    src, rec = FakeSource(), Recorder()
    now = at("2026-11-25 09:10 +0200")
    uid = src.add("INBOX", customer("Anna <anna@example.fi>", "Lumityöt", "a@x", "Wed, 25 Nov 2026 09:00:00 +0200"),
                  now - timedelta(minutes=10))  # fmt: skip
    run_check(config, src, store, now)
    del src.folders["INBOX"].messages[uid]  # deleted on the server between the sync and the ack
    out = acknowledge_new(config, store, src, now, draft_or_send(rec, None, "send", False))
    [(conversation_id, reasons)] = out.skipped
    assert reasons == ("gone: the first mail is no longer in the mailbox",) and rec.sent == []
    row = store.db.execute("SELECT id, ack_status, ack_reasons FROM conversations").fetchone()
    assert row == (conversation_id, "skipped", '["gone: the first mail is no longer in the mailbox"]')


def test_a_second_form_request_from_the_same_person_gets_no_second_ack(
    config: Config, store: Store
) -> None:
    """The rate limit counts the person who filled in the form, not the form's sender."""
    src, rec = FakeSource(), Recorder()
    monday = at("2026-11-23 09:10 +0200")

    def form(msgid: str, date: str, subject: str) -> bytes:
        return mail("WordPress <wordpress@pihapalvelu.fi>", OWNER, subject, msgid, date,
                    extra="Return-Path: <wordpress@pihapalvelu.fi>\nReply-To: Liisa Laine <liisa@example.fi>\n")  # fmt: skip

    src.add("INBOX", form("f1@x", "Mon, 23 Nov 2026 09:00:00 +0200", "Yhteydenotto: nurmikko"),
            monday - timedelta(minutes=10))  # fmt: skip
    assert run(config, store, src, monday, rec) == 1
    src.add("Sent", mail(OWNER, "liisa@example.fi", "Re: Yhteydenotto: nurmikko", "r1@p",
                         "Mon, 23 Nov 2026 11:00:00 +0200", extra="In-Reply-To: <f1@x>\n"),
            monday + timedelta(hours=2))  # fmt: skip
    wednesday = monday + timedelta(days=2)
    src.add("INBOX", form("f2@x", "Wed, 25 Nov 2026 09:00:00 +0200", "Yhteydenotto: aita"),
            wednesday - timedelta(minutes=10))  # fmt: skip
    assert run(config, store, src, wednesday, rec) == 0
    assert [to for to, _ in rec.sent] == ["liisa@example.fi"]
