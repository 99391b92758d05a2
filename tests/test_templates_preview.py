"""`vasteaika templates preview` shows exactly what a customer writing then would get (issue 12):
the slot the acknowledgment would really promise — the next one with room once earlier
acknowledgments have filled theirs, and none during a vacation without a substitute."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakes import FakeSource
from test_ack_slots import WEDNESDAY_MORNING, make_config, overnight
from test_outbox import Recorder, run
from vasteaika.cli import run as cli_run
from vasteaika.ledger.store import open_database


def _config_file(tmp_path: Path, ack: str = "") -> Path:
    """The same mailbox and database as ``make_config`` (test_ack_slots), as a file for the CLI."""
    path = tmp_path / "config.toml"
    path.write_text(
        f'[account]\nmaildir = "{tmp_path}"\n[owner]\nname = "Ylermi Yrittäjä"\n'
        'addresses = ["ylermi@pihapalvelu.fi"]\n'
        f'[ack]\nsignature = "Ylermi"\nmax_age = "12h"\n{ack}'
        f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    return path


def _preview(config: Path, capsys: pytest.CaptureFixture[str], at: str) -> str:
    code = cli_run(["--config", str(config), "templates", "preview", "--at", at])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def test_preview_promises_the_next_slot_with_room(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    config = make_config(tmp_path, calls_per_slot=3)
    store, src, rec = open_database(config.database), FakeSource(), Recorder()
    overnight(src, 3)  # three customers: "tänään klo 10" is full
    run(config, store, src, WEDNESDAY_MORNING, rec)
    store.db.conn.close()
    out = _preview(_config_file(tmp_path, "calls_per_slot = 3\n"), capsys, "2026-11-25T07:40")
    assert "Soitan sinulle tänään klo 15." in out
    assert "tänään klo 10" not in out


def test_preview_with_an_empty_ledger_promises_the_first_slot(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    out = _preview(_config_file(tmp_path), capsys, "2026-11-25T07:40")
    assert "Soitan sinulle tänään klo 10." in out
    assert not (tmp_path / "v.db").exists()  # a preview reads the ledger, never creates it


def test_preview_on_vacation_without_a_substitute_promises_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vacation = 'vacation_from = "2026-11-23"\nvacation_until = "2026-11-27"\n'
    out = _preview(_config_file(tmp_path, vacation), capsys, "2026-11-25T09:10")
    assert "Olen lomalla 27.11. asti. Soitan sinulle maanantaina 30.11. klo 10." in out
