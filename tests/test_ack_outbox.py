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
from vasteaika.acks.outbox import acknowledge_new, draft_or_send
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import DataError
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store, open_database

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
