"""What the acknowledgments' SQL (acks/store.py) answers the run and the owner (issue 19).

The outbox's "never twice" rests on these queries; `check --quiet` shows only the accounts that
need the owner, read back by ``ack_states``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from fakes import FakeSource, mail
from vasteaika.acks.accounting import AckAccounts
from vasteaika.config import Config, config_from_dict
from vasteaika.jobs.cycle import run_cycle
from vasteaika.ledger.store import open_database

OWNER = "ylermi@pihapalvelu.fi"
NOW = datetime.fromisoformat("2026-11-25 09:10+02:00")  # a Wednesday


def configured(tmp_path: Path, mode: str) -> Config:
    return config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi", "addresses": [OWNER]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "ack": {"mode": mode},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )


def customers(*names_and_minutes: tuple[str, int]) -> FakeSource:
    src = FakeSource()
    for name, minutes in names_and_minutes:
        when = NOW - timedelta(minutes=minutes)
        raw = mail(f"{name.title()} <{name}@example.fi>", OWNER, f"Kysymys {name}", f"{name}@x",
                   when.strftime("%a, %d %b %Y %H:%M:%S %z"),
                   extra=f"Return-Path: <{name}@example.fi>\n")  # fmt: skip
        src.add("INBOX", raw, when)
    return src


def test_with_acks_off_no_new_conversation_needs_the_owner(tmp_path: Path) -> None:
    config = configured(tmp_path, "off")
    src = customers(("anna", 10), ("bert", 60 * 24 * 5))
    accounts = run_cycle(config, open_database(config.database), src, NOW, None).accounts
    assert isinstance(accounts, AckAccounts)
    assert [(a.customer_email, a.outcome) for a in accounts] == [
        ("bert@example.fi", "off"),
        ("anna@example.fi", "off"),
    ]
    assert accounts.needing_owner() == []
