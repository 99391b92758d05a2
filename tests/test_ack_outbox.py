"""The outbox's rules the owner relies on, which mutation testing showed no test held (issue 19):
a recipient the server refuses is recorded as failed with the server's words and never tried
again, while the other customers still get theirs."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from fakes import FakeSource, mail
from vasteaika.acks.outbox import acknowledge_new, draft_or_send, preview_slot
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import DataError, TemporaryError
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store, open_database
from vasteaika.mail.smtp import UncertainDeliveryError
from vasteaika.reminders.store import ACK_IN_DOUBT

OWNER = "ylermi@pihapalvelu.fi"
NOW = datetime.fromisoformat("2026-11-25 09:10+02:00")  # a Wednesday
REFUSED = "the SMTP server mx:25 refused the recipient anna@example.fi: 550 no such user"


class Server:
    """An SMTP server that refuses some recipients for good (5xx) and takes the rest."""

    def __init__(self, *refused: str) -> None:
        self.refused, self.sent = set(refused), list[str]()

    def send(self, msg: EmailMessage, recipient: str) -> None:
        if recipient in self.refused:
            raise DataError(REFUSED, "check the address")
        self.sent.append(recipient)


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi Yrittäjä", "addresses": [OWNER]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )


@pytest.fixture
def store(config: Config) -> Store:
    return open_database(config.database)


def customers(*names: str) -> FakeSource:
    src = FakeSource()
    for minutes, name in enumerate(names, start=5):
        when = NOW - timedelta(minutes=20 - minutes)
        raw = mail(f"{name.title()} <{name}@example.fi>", OWNER, f"Kysymys {name}", f"{name}@x",
                   when.strftime("%a, %d %b %Y %H:%M:%S %z"),
                   extra=f"Return-Path: <{name}@example.fi>\n")  # fmt: skip
        src.add("INBOX", raw, when)
    return src


def states(store: Store) -> list[tuple[str, str | None, list[str] | None, int]]:
    rows = store.db.execute(
        "SELECT c.customer_email, c.ack_status, c.ack_reasons,"
        " (SELECT count(*) FROM reminders r WHERE r.conversation_id = c.id)"
        " FROM conversations c ORDER BY c.first_contact_at"
    ).fetchall()
    return [(e, s, json.loads(r) if r else None, n) for e, s, r, n in rows]


def test_a_refused_recipient_fails_alone_and_is_never_tried_again(
    config: Config, store: Store
) -> None:
    src, server = customers("anna", "bert"), Server("anna@example.fi")
    deliver = draft_or_send(server, None, "send", False)
    run_check(config, src, store, NOW)
    told: list[str] = []  # the watcher's log: each acknowledgment as it goes out
    outcome = acknowledge_new(config, store, src, NOW, deliver, lambda p: told.append(p.recipient))
    assert outcome.error is None
    assert [p.recipient for p in outcome.delivered] == server.sent == ["bert@example.fi"]
    assert told == ["bert@example.fi"]
    assert states(store) == [
        ("anna@example.fi", "failed", [f"{REFUSED} — check the address"], 0),
        ("bert@example.fi", "sent", None, 1),
    ]
    later = NOW + timedelta(minutes=5)
    run_check(config, src, store, later)
    assert acknowledge_new(config, store, src, later, deliver).planned == []
    assert server.sent == ["bert@example.fi"]


def test_a_dry_run_plans_every_acknowledgment_and_tells_of_none_going_out(
    config: Config, store: Store
) -> None:
    src = customers("anna", "bert")
    run_check(config, src, store, NOW)
    told: list[str] = []
    outcome = acknowledge_new(config, store, src, NOW, None, lambda p: told.append(p.recipient))
    assert [p.recipient for p in outcome.planned] == ["anna@example.fi", "bert@example.fi"]
    assert outcome.delivered == [] and told == []
    assert [s for _, s, _, _ in states(store)] == [None, None]


def test_an_international_address_gets_one_acknowledgment_a_week(
    config: Config, store: Store
) -> None:
    """The acknowledgment goes to the address in ASCII (xn--), the customer's mail carries it in
    their own letters: the second request two days later is still the same address's."""
    src, server = FakeSource(), Server()
    deliver = draft_or_send(server, None, "send", False)
    for days, subject in ((0, "Lumityöt"), (2, "Kattoremontti")):
        now = NOW + timedelta(days=days)
        when = now - timedelta(minutes=10)
        raw = mail("Åsa <asa@yhtiö.fi>", OWNER, subject, f"{days}@x",
                   when.strftime("%a, %d %b %Y %H:%M:%S %z"),
                   extra="Return-Path: <asa@yhtiö.fi>\n")  # fmt: skip
        src.add("INBOX", raw, when)
        run_check(config, src, store, now)
        acknowledge_new(config, store, src, now, deliver)
        answered = now + timedelta(hours=2)  # the owner answers: the next mail opens a new one
        src.add("Sent", mail(OWNER, "asa@yhtiö.fi", f"Re: {subject}", f"r{days}@p",
                             answered.strftime("%a, %d %b %Y %H:%M:%S %z"),
                             extra=f"In-Reply-To: <{days}@x>\n"), answered)  # fmt: skip
    assert server.sent == ["asa@xn--yhti-8qa.fi"]
    assert [(s, r[0].split(":")[0] if r else None) for _, s, r, _ in states(store)] == [
        ("sent", None),
        ("skipped", "rate-limited"),
    ]


@pytest.mark.parametrize("written", ["asa@xn--yhti-8qa.fi", "asa@yhtiö.fi"])
def test_an_acknowledgment_in_sent_stops_a_new_database_whichever_way_the_address_is_written(
    config: Config, store: Store, written: str
) -> None:
    """A second computer, or a database made anew, reads our acknowledgment back from Sent; a
    provider may keep its To in ASCII (as sent) or in the customer's own letters."""
    src, server = FakeSource(), Server()
    when = NOW - timedelta(minutes=10)
    src.add("INBOX", mail("Åsa <asa@yhtiö.fi>", OWNER, "Lumityöt", "a@x",
                          when.strftime("%a, %d %b %Y %H:%M:%S %z"),
                          extra="Return-Path: <asa@yhtiö.fi>\n"), when)  # fmt: skip
    src.add("Sent", mail(f"Ylermi <{OWNER}>", written, "Re: Lumityöt", "vasteaika-ack.1@pihapalvelu.fi",
                         extra="In-Reply-To: <a@x>\nAuto-Submitted: auto-replied\nX-Vasteaika-Ack: 1\n"),
            NOW - timedelta(minutes=5))  # fmt: skip
    run_check(config, src, store, NOW)
    acknowledge_new(config, store, src, NOW, draft_or_send(server, None, "send", False))
    assert server.sent == []
    [(_, status, reasons, _)] = states(store)
    assert (status, reasons) == (
        "skipped",
        [
            "conversation-acked: this conversation was already acknowledged",
            "rate-limited: an acknowledgment went to this address 5 min ago; at most one per"
            " 7 days",
        ],
    )


def test_the_preview_promises_what_a_customer_writing_now_would_be_promised(tmp_path: Path) -> None:
    """`templates preview`: the first slot a lead after now, past the slots earlier
    acknowledgments filled, never on the days of a vacation without a substitute."""

    def preview(ack: dict[str, object], now: datetime) -> str:
        config = config_from_dict(
            {
                "account": {"maildir": str(tmp_path)},
                "owner": {"name": "Ylermi", "addresses": [OWNER]},
                "ack": {"callback_times": ["10:00", "15:00"], **ack},
                "storage": {"database": str(tmp_path / "v.db")},
            },
            None,
        )
        store = open_database(config.database)
        return preview_slot(config, store, now).strftime("%a %H:%M")

    assert preview({"lead": "60m"}, NOW) == "Wed 15:00"  # 09:10 + 60 min is past 10:00
    assert preview({"lead": "30m"}, NOW) == "Wed 10:00"
    away = {"vacation_from": "2026-11-25", "vacation_until": "2026-11-26"}
    assert preview({"lead": "30m", **away}, NOW) == "Fri 10:00"
    with_substitute = {**away, "vacation_substitute": "Pekka Sijainen"}
    assert preview({"lead": "30m", **with_substitute}, NOW) == "Wed 10:00"
    # The 10:00 slot taken by an acknowledgment already sent: with one call a slot, 15:00.
    src, server = customers("anna"), Server()
    config = config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi", "addresses": [OWNER]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "ack": {"callback_times": ["10:00", "15:00"], "lead": "30m", "calls_per_slot": 1},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )
    store = open_database(config.database)
    run_check(config, src, store, NOW)
    acknowledge_new(config, store, src, NOW, draft_or_send(server, None, "send", False))
    assert preview_slot(config, store, NOW).strftime("%a %H:%M") == "Wed 15:00"
    assert preview({"lead": "30m", "calls_per_slot": 2}, NOW) == "Wed 10:00"


class Uncertain(Server):
    """A server that breaks off after taking the message: did it go out?"""

    def send(self, msg: EmailMessage, recipient: str) -> None:
        self.sent.append(recipient)
        raise UncertainDeliveryError("the connection broke after the message was sent", "check")


def test_after_an_uncertain_delivery_nobody_else_is_tried_and_the_reminder_has_the_number(
    config: Config, store: Store
) -> None:
    """The customer may have been promised the call: the in-doubt reminder carries the number
    their mail gave; the server is in doubt, so the next customer waits for the next run."""
    src, server = FakeSource(), Uncertain()
    for minutes, (name, body) in enumerate(
        (("anna", "Hei,\nsoittakaa numeroon 040 123 4567.\n"), ("bert", "Hei,\nkysymys.\n"))
    ):
        when = NOW - timedelta(minutes=10 - minutes)
        src.add("INBOX", mail(f"{name.title()} <{name}@example.fi>", OWNER, f"Kysymys {name}",
                              f"{name}@x", when.strftime("%a, %d %b %Y %H:%M:%S %z"),
                              extra=f"Return-Path: <{name}@example.fi>\n", body=body), when)  # fmt: skip
    run_check(config, src, store, NOW)
    outcome = acknowledge_new(config, store, src, NOW, draft_or_send(server, None, "send", False))
    assert isinstance(outcome.error, UncertainDeliveryError)
    assert server.sent == ["anna@example.fi"]
    assert [(e, s) for e, s, _, _ in states(store)] == [
        ("anna@example.fi", "pending"),
        ("bert@example.fi", None),
    ]
    assert store.db.execute("SELECT phone, source FROM reminders").fetchall() == [
        ("040 123 4567", ACK_IN_DOUBT)
    ]


def test_the_language_is_read_from_the_text_when_the_subject_says_none(
    config: Config, store: Store
) -> None:
    src, server = FakeSource(), Server()
    when = NOW - timedelta(minutes=10)
    body = "Hej,\n\nkan ni skicka en offert för att måla staketet?\n\nTack och hälsningar, Johan\n"
    src.add("INBOX", mail("John <john@example.com>", OWNER, "12345", "j@x",
                          when.strftime("%a, %d %b %Y %H:%M:%S %z"),
                          extra="Return-Path: <john@example.com>\n", body=body), when)  # fmt: skip
    run_check(config, src, store, NOW)
    outcome = acknowledge_new(config, store, src, NOW, draft_or_send(server, None, "send", False))
    assert [p.language for p in outcome.delivered] == ["sv"]


def test_no_callback_is_promised_on_the_days_of_a_vacation_without_a_substitute(
    tmp_path: Path,
) -> None:
    config = config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi", "addresses": [OWNER]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "ack": {"callback_times": ["10:00", "15:00"], "vacation_from": "2026-11-25",
                    "vacation_until": "2026-11-26"},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )  # fmt: skip
    store, src, server = open_database(config.database), customers("anna"), Server()
    run_check(config, src, store, NOW)
    outcome = acknowledge_new(config, store, src, NOW, draft_or_send(server, None, "send", False))
    assert [p.callback_at.strftime("%a %H:%M") for p in outcome.delivered] == ["Fri 10:00"]


def test_the_delivery_keeps_a_copy_in_sent_only_when_asked_and_never_fails_for_it() -> None:
    ack = EmailMessage()
    ack["Subject"] = "Re: Kysymys"
    ack.set_content("Hei Anna,\n\nsoitan tänään klo 15.\n")
    copies: list[tuple[str, bytes]] = []

    def keep(folder: str, data: bytes) -> None:
        copies.append((folder, data))

    def refuse(folder: str, data: bytes) -> None:
        raise TemporaryError("the server said NO [OVERQUOTA]", "free some space")

    server = Server()
    draft_or_send(server, keep, "send", False)(ack, "anna@example.fi")
    assert (server.sent, copies) == (["anna@example.fi"], [])
    draft_or_send(server, keep, "send", True)(ack, "bert@example.fi")
    assert copies == [("sent", ack.as_bytes())]
    draft_or_send(server, refuse, "send", True)(ack, "cecilia@example.fi")  # no error
    assert server.sent == ["anna@example.fi", "bert@example.fi", "cecilia@example.fi"]
    draft_or_send(None, keep, "draft", True)(ack, "david@example.fi")
    assert copies[1:] == [("drafts", ack.as_bytes())]
    assert server.sent[-1] == "cecilia@example.fi"
