"""What an acknowledgment promises (issue 12): a slot holds ``[ack] calls_per_slot`` promised
callbacks and the next customer is promised the next slot; the robot, backlog and never-twice
rules hold however the slots fill."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fakes import FakeSource
from test_outbox import OWNER, Recorder, at, customer, run
from vasteaika.acks.outbox import acknowledge_new
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import ConfigError
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import open_database

PROMISE = re.compile(r"Soitan sinulle (.*? klo \d+(?:\.\d\d)?)")
WEDNESDAY_MORNING = at("2026-11-25 07:30 +0200")


def make_config(tmp_path: Path, **ack: Any) -> Config:
    return config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi Yrittäjä", "addresses": [OWNER]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "ack": {"signature": "Ylermi", "max_age": "12h", **ack},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )


def overnight(src: FakeSource, n: int, now: datetime = WEDNESDAY_MORNING) -> None:
    """``n`` customers who wrote between 22:00 and 07:00."""
    for i in range(n):
        when = now - timedelta(hours=9, minutes=30) + timedelta(minutes=55 * i)
        src.add("INBOX", customer(f"Asiakas Numero{i} <c{i}@example.fi>", f"Kysymys {i}",
                                  f"c{i}@x", when.strftime("%a, %d %b %Y %H:%M:%S %z")), when)  # fmt: skip


def promised(rec: Recorder) -> list[str]:
    phrases = []
    for _, msg in rec.sent:
        body = msg.get_content()
        phrases.append(PROMISE.findall(body)[0])
    return phrases


def test_ten_overnight_customers_are_spread_over_slots(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    store, src, rec = open_database(config.database), FakeSource(), Recorder()
    overnight(src, 10)
    assert run(config, store, src, WEDNESDAY_MORNING, rec) == 10
    assert promised(rec) == ["tänään klo 10"] * 3 + ["tänään klo 15"] * 3 + [
        "huomenna klo 10"] * 3 + ["huomenna klo 15"]  # fmt: skip
    reminders = store.db.execute("SELECT due_at, count(*) FROM reminders GROUP BY due_at")
    assert [n for _, n in reminders.fetchall()] == [3, 3, 3, 1]


def test_a_later_run_fills_the_slot_earlier_runs_left_room_in(tmp_path: Path) -> None:
    config = make_config(tmp_path, calls_per_slot=2)
    store, src, rec = open_database(config.database), FakeSource(), Recorder()
    overnight(src, 3)
    run(config, store, src, WEDNESDAY_MORNING, rec)
    later = WEDNESDAY_MORNING + timedelta(minutes=20)
    src.add("INBOX", customer("Uusi Asiakas <uusi@example.fi>", "Tarjous", "u@x",
                              later.strftime("%a, %d %b %Y %H:%M:%S %z")), later)  # fmt: skip
    run(config, store, src, later, rec)
    assert promised(rec) == ["tänään klo 10", "tänään klo 10", "tänään klo 15", "tänään klo 15"]


def test_a_dry_run_promises_what_the_real_run_would(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    store, src = open_database(config.database), FakeSource()
    overnight(src, 5)
    copy = store.in_memory_copy()
    run_check(config, src, copy, WEDNESDAY_MORNING)
    plans = acknowledge_new(config, copy, src, WEDNESDAY_MORNING, None).planned
    hours = [p.callback_at.hour for p in plans]
    assert hours == [10, 10, 10, 15, 15]


def test_full_slots_change_no_rule_about_who_is_answered(tmp_path: Path) -> None:
    config = make_config(tmp_path, calls_per_slot=1)
    store, src, rec = open_database(config.database), FakeSource(), Recorder()
    overnight(src, 4)
    night = WEDNESDAY_MORNING - timedelta(hours=3)
    date = night.strftime("%a, %d %b %Y %H:%M:%S %z")
    src.add("INBOX", customer("Kela <ei-vastausta@kela.example>", "Uusi viesti", "k@x", date), night)
    src.add("INBOX", customer("Antti <antti@korpela.example>", "Automaattinen vastaus: Tarjous",
                              "a@x", date), night)  # fmt: skip
    old = WEDNESDAY_MORNING - timedelta(hours=20)
    src.add("INBOX", customer("Vanha <vanha@example.fi>", "Vanha asia", "v@x",
                              old.strftime("%a, %d %b %Y %H:%M:%S %z")), old)  # fmt: skip
    src.add("INBOX", customer("Asiakas Numero0 <c0@example.fi>", "Vielä yksi", "c0b@x", date), night)
    assert run(config, store, src, WEDNESDAY_MORNING, rec) == 4
    assert sorted(to for to, _ in rec.sent) == [f"c{i}@example.fi" for i in range(4)]
    assert promised(rec) == ["tänään klo 10", "tänään klo 15", "huomenna klo 10", "huomenna klo 15"]
    assert run(config, store, src, WEDNESDAY_MORNING + timedelta(minutes=5), rec) == 0


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "3", 5000])
def test_calls_per_slot_must_be_a_whole_positive_number(tmp_path: Path, bad: object) -> None:
    with pytest.raises(ConfigError, match="calls_per_slot"):
        make_config(tmp_path, calls_per_slot=bad)


def test_calls_per_slot_defaults_to_three(tmp_path: Path) -> None:
    assert make_config(tmp_path).ack.calls_per_slot == 3
