"""``remind-at`` reads the time the owner types exactly or refuses it with one usage line
(issue 14): an ISO date-time is as strict as ``--now``; words are read as a promise, but a
number the reading leaves out (a date it cannot place) is refused, never dropped."""

from __future__ import annotations

import json

import pytest

from test_customer import SOON, _config
from vasteaika.cli import run


@pytest.fixture(scope="module", params=["fi", "en"])
def config(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    return _config(tmp_path_factory.mktemp(f"remind-at-{request.param}"), request.param)


def _due(config: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert run(["--config", config, "--now", SOON, "reminders", "--json"]) == 0
    [reminder] = [r for r in json.loads(capsys.readouterr().out) if r["id"] == 1]
    return str(reminder["due_at"])


@pytest.mark.parametrize(
    ("when", "said"),
    [
        ("9999-12-31T23:00", "remind-at '9999-12-31T23:00' is out of range"),
        ("0001-01-01T10:00", "remind-at '0001-01-01T10:00' is out of range"),
        ("31.12.9999 klo 10", "remind-at '31.12.9999 klo 10' is out of range"),
        ("2026-12-03", "remind-at '2026-12-03' has no time of day"),
        ("2026-03-29T03:30", "remind-at '2026-03-29T03:30' is not one moment in Europe/Helsinki"),
        ("2026-12-3T10:00", "'2026-12-3T10:00'"),
        ("3.12. klo 10 tai 4.12.", "'3.12. klo 10 tai 4.12.'"),
        ("klo 10 12/03/2026", "'klo 10 12/03/2026'"),
    ],
)  # fmt: skip
def test_a_time_that_cannot_be_read_exactly_is_one_usage_line(
    config: str, capsys: pytest.CaptureFixture[str], when: str, said: str
) -> None:
    before = _due(config, capsys)
    assert run(["--config", config, "--now", SOON, "remind-at", "1", when]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vasteaika: ") and said in err and err.count("\n") == 1, err
    assert _due(config, capsys) == before


@pytest.mark.parametrize(
    ("when", "due"),
    [
        ("2026-12-03T10:00", "2026-12-03T10:00:00+02:00"),
        ("2026-12-03 10:15", "2026-12-03T10:15:00+02:00"),
        ("2026-12-03T10:00+03:00", "2026-12-03T09:00:00+02:00"),
        ("2027-01-04 klo 9", "2027-01-04T09:00:00+02:00"),
        ("huomenna klo 10", "2026-11-24T10:00:00+02:00"),
        ("3.12. klo 10", "2026-12-03T10:00:00+02:00"),
        ("3.12. at 14", "2026-12-03T14:00:00+02:00"),
        ("tomorrow at 11", "2026-11-24T11:00:00+02:00"),
        ("on friday at 10", "2026-11-27T10:00:00+02:00"),
    ],
)  # fmt: skip
def test_an_iso_time_or_words_set_exactly_that_time(
    config: str, capsys: pytest.CaptureFixture[str], when: str, due: str
) -> None:
    assert run(["--config", config, "--now", SOON, "remind-at", "1", when]) == 0
    assert _due(config, capsys) == due
