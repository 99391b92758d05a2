"""Dates at the ends of the calendar given on the command line (issue 14): the year 1 or 9999
is one usage line and exit 2 in every command that takes a date, never an internal error (the
weeks, midnights and offsets counted around it do not exist); ``promise --at`` is as strict as
``--now``."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_customer import SOON, _config
from vasteaika.cli import run

PROMISE = ["promise", "Soitan huomenna klo 10", "--at"]


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _config(tmp_path_factory.mktemp("edges"))


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--now", "0001-01-01T00:00", "check", "--quiet"], "--now '0001-01-01T00:00' is out of range"),
        (["--now", "9999-12-31T23:59", "report"], "--now '9999-12-31T23:59' is out of range"),
        (["--now", "0001-01-01T00:00+02:00", "queue"], "is out of range"),
        (["report", "--week", "9999-W52"], "--week '9999-W52' is out of range"),
        (["report", "--week", "0001-W01"], "--week '0001-W01' is out of range"),
        (["report", "--since", "0001-01-01"], "--since '0001-01-01' is out of range"),
        (["report", "--until", "9999-12-31"], "--until '9999-12-31' is out of range"),
        (["export", "--until", "9999-12-31"], "--until '9999-12-31' is out of range"),
        (["export", "--since", "0001-01-01"], "--since '0001-01-01' is out of range"),
        (["--now", SOON, "remind-at", "1", "31.12.9999 klo 10"], "remind-at '31.12.9999 klo 10' is out of range"),
        ([*PROMISE, "9999-12-31T23:00"], "--at '9999-12-31T23:00' is out of range"),
        ([*PROMISE, "0001-01-01T00:00"], "--at '0001-01-01T00:00' is out of range"),
        ([*PROMISE, "2026-11-23"], "--at '2026-11-23' has no time of day"),
        ([*PROMISE, "2026-03-29T03:30"], "--at '2026-03-29T03:30' is not one moment in Europe/Helsinki"),
        (["--now", SOON, "queue", "dismiss", "1", "--until", "9999-12-31"], "--until '9999-12-31' is out of range"),
        (["--now", SOON, "queue", "dismiss", "1", "--until", "1.1.0001"], "--until '1.1.0001' is out of range"),
        (["templates", "preview", "--at", "9999-12-31T23:00"], "--at '9999-12-31T23:00' is out of range"),
        (["templates", "preview", "--at", "0001-01-01T00:30"], "--at '0001-01-01T00:30' is out of range"),
    ],
)  # fmt: skip
def test_a_date_at_the_end_of_the_calendar_is_a_usage_line(
    config: str, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    assert run(["--config", config, *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vasteaika: ") and said in err and err.count("\n") == 1, err


def test_the_years_in_reach_still_work(config: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--config", config, "report", "--week", "2999-W52", "--format", "csv"]) == 0
    assert run(["--config", config, "export", "--since", "1970-01-01"]) == 0
    assert run(["--config", config, *PROMISE, "2999-12-30T12:00", "--json"]) == 0
    assert '"due_at": "2999-12-31T10:00:00+02:00"' in capsys.readouterr().out


def test_the_database_is_left_as_it_was(config: str) -> None:
    before = Path(config).with_name("v.db").read_bytes()
    assert run(["--config", config, "--now", SOON, "remind-at", "1", "31.12.9999 klo 10"]) == 2
    assert Path(config).with_name("v.db").read_bytes() == before
