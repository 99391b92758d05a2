"""The outbox's rules the owner relies on, which mutation testing showed no test held (issue 19):
a recipient the server refuses is recorded as failed with the server's words and never tried
again, while the other customers still get theirs."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from fakes import FakeSource, mail
from vasteaika.acks.outbox import AckPlan, acknowledge_new, draft_or_send, preview_slot
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


def settings(tmp_path: Path, **ack: object) -> Config:
    return config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi", "addresses": [OWNER]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "ack": ack,
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )


def write(src: FakeSource, frm: str, msgid: str, now: datetime, body: str, *,
          subject: str = "Lumityöt", extra: str = "") -> None:  # fmt: skip
    when = now - timedelta(minutes=10)
    address = frm.split("<")[-1].rstrip(">")
    src.add("INBOX", mail(frm, OWNER, subject, msgid, when.strftime("%a, %d %b %Y %H:%M:%S %z"),
                          extra=f"Return-Path: <{address}>\n{extra}", body=body), when)  # fmt: skip


def acknowledged(config: Config, store: Store, src: FakeSource, now: datetime) -> AckPlan:
    """The one acknowledgment a run at ``now`` sends."""
    run_check(config, src, store, now)
    deliver = draft_or_send(Server(), None, "send", False)
    [plan] = acknowledge_new(config, store, src, now, deliver).delivered
    return plan


ASK_FI = "Kerrothan puhelinnumerosi vastaamalla tähän viestiin."


@pytest.mark.parametrize(
    ("before", "now"),
    [("asa@yhtiö.fi", "asa@yhtiö.fi"), ("asa@xn--yhti-8qa.fi", "asa@yhtiö.fi")],
)
def test_a_number_from_an_earlier_mail_is_known_whichever_way_the_address_was_written(
    config: Config, store: Store, before: str, now: str
) -> None:
    """The earlier reminder keeps the address as that mail wrote it; the acknowledgment goes to
    the ASCII (xn--) form: the number is found under either, and not asked for again."""
    src, server = FakeSource(), Server()
    deliver = draft_or_send(server, None, "send", False)
    earlier = NOW - timedelta(days=30)
    write(src, f"Åsa <{before}>", "a1@x", earlier, "Hei,\nlumityöt?\nÅsa, 040 123 4567\n")
    run_check(config, src, store, earlier)
    acknowledge_new(config, store, src, earlier, deliver)
    write(src, f"Åsa <{now}>", "a2@x", NOW, "Hei taas,\nnyt kattoremontti?\nÅsa\n")
    run_check(config, src, store, NOW)
    [plan] = acknowledge_new(config, store, src, NOW, deliver).delivered
    assert server.sent == ["asa@xn--yhti-8qa.fi"] * 2
    assert ASK_FI not in plan.body and plan.phone == "040 123 4567"
    phones = store.db.execute("SELECT phone FROM reminders ORDER BY id").fetchall()
    assert phones == [("040 123 4567",), ("040 123 4567",)]


def test_a_contact_form_of_a_form_service_is_acknowledged_to_the_person(tmp_path: Path) -> None:
    """A form service's address listed in form_senders relays the form: the person in Reply-To
    gets the acknowledgment, never the service."""
    config = settings(tmp_path, form_senders=["lomake@lomakepalvelu.example"])
    store, src, server = open_database(config.database), FakeSource(), Server()
    write(src, "Lomakepalvelu <lomake@lomakepalvelu.example>", "f@x", NOW,
          "Nimi: Liisa Laine\nViesti: voisitteko leikata nurmikon?\n",
          subject="Yhteydenotto", extra="Reply-To: Liisa Laine <liisa@example.fi>\n")  # fmt: skip
    run_check(config, src, store, NOW)
    outcome = acknowledge_new(config, store, src, NOW, draft_or_send(server, None, "send", False))
    assert outcome.skipped == [] and server.sent == ["liisa@example.fi"]
    assert outcome.delivered[0].message["To"] == "Liisa Laine <liisa@example.fi>"


def test_a_mail_without_a_word_of_any_language_gets_the_configured_language(
    tmp_path: Path,
) -> None:
    config = settings(tmp_path, language="en")
    store, src = open_database(config.database), FakeSource()
    write(src, "John <john@example.com>", "j@x", NOW, "12345\n", subject="12345")
    plan = acknowledged(config, store, src, NOW)
    assert plan.language == "en" and "Thank you for your message!" in plan.body


def test_a_customer_ignored_after_their_mail_came_in_is_skipped_and_told_why(
    config: Config, store: Store
) -> None:
    """The first run could not send (the server was down); before the next the owner put the
    customer's domain on the ignore list: no acknowledgment, and `why` says it was not a customer."""
    from dataclasses import replace

    src, server = customers("anna"), Server()
    run_check(config, src, store, NOW)
    ignoring = replace(config, ignore=("example.fi",))
    outcome = acknowledge_new(ignoring, store, src, NOW, draft_or_send(server, None, "send", False))
    assert server.sent == []
    [(_, reasons)] = outcome.skipped
    assert reasons[0] == "not-customer: classified as ignored, not as a customer"
    assert store.count("SELECT count(*) FROM problems") == 0
    [(_, status, stored, _)] = states(store)
    assert status == "skipped" and stored == list(reasons)


def test_only_the_first_20000_characters_of_the_text_are_read_for_a_number(
    config: Config, store: Store
) -> None:
    """A mail of any length costs a bounded read: the signature's number beyond the first
    20,000 characters of the text (here its last digit) is not read, and the number is asked."""
    src = FakeSource()
    signature = "\np. 040 12 34"
    body = "Hei,\n" + "lumityöt pihalla.\n" * 2000
    body = body[: 20001 - len(signature)] + signature + "\n"
    assert body[20000] == "4" and body[19999] == "3"
    write(src, "Anna <anna@example.fi>", "a@x", NOW, body)
    plan = acknowledged(config, store, src, NOW)
    assert plan.phone is None and ASK_FI in plan.body


def test_an_english_customer_is_told_the_vacations_last_day_in_english(tmp_path: Path) -> None:
    config = settings(tmp_path, vacation_from="2026-11-25", vacation_until="2026-11-30",
                      vacation_substitute="Pekka Sijainen")  # fmt: skip
    store, src = open_database(config.database), FakeSource()
    write(src, "James <james@example.com>", "j@x", NOW,
          "Hello, could you please send me a quote for the driveway?\n", subject="Quote")  # fmt: skip
    plan = acknowledged(config, store, src, NOW)
    assert "I am on holiday until 30 November. My substitute Pekka Sijainen" in plan.body


@pytest.fixture
def utc_computer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_vacation_begins_at_midnight_in_the_business_zone_whatever_the_computers_zone(
    tmp_path: Path, utc_computer: None
) -> None:
    """00:30 on the vacation's first day in Helsinki is still the day before in UTC."""
    config = settings(tmp_path, vacation_from="2026-11-26", vacation_until="2026-11-30",
                      vacation_substitute="Pekka Sijainen")  # fmt: skip
    store, src = open_database(config.database), FakeSource()
    midnight = datetime.fromisoformat("2026-11-26 00:30+02:00")
    write(src, "Anna <anna@example.fi>", "a@x", midnight, "Hei,\nvoisitteko leikata nurmikon?\n")
    plan = acknowledged(config, store, src, midnight)
    assert "Pekka Sijainen" in plan.body


def test_the_preview_shows_a_new_customers_acknowledgment_asking_for_the_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`templates preview` is what a customer writing then gets: the sample customer's number
    is unknown, so it is asked for, and the sample is no key customer (their own template)."""
    from vasteaika.cli import run as cli_run

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "key_fi.txt").write_text("$greeting\nHienoa kuulla sinusta! Soitan $callback.\n",
                                          encoding="utf-8")  # fmt: skip
    path = tmp_path / "config.toml"
    path.write_text(
        f'[account]\nmaildir = "{tmp_path}"\n[owner]\nname = "Ylermi"\n'
        f'addresses = ["{OWNER}"]\n[ack]\ntemplates = "{templates}"\n'
        f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    assert cli_run(["--config", str(path), "templates", "preview", "--at", "2026-11-25T09:10"]) == 0
    shown = capsys.readouterr().out
    assert f"Kiitos viestistäsi! Soitan sinulle tänään klo 15. {ASK_FI}\n" in shown
    assert "Hienoa" not in shown
