"""A vacation without a substitute (issue 12): the acknowledgment names nobody ("Sijaiseni
soittaa" with an empty name) and promises no call during the vacation, only the first slot after
it; templates are checked at load for the vacation they will be rendered in."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from fakes import FakeSource
from test_ack_slots import make_config, promised
from test_outbox import Recorder, at, customer, run
from vasteaika.acks.wording import load_template, render_ack
from vasteaika.config import config_from_dict
from vasteaika.errors import ConfigError
from vasteaika.ledger.store import open_database
from vasteaika.template_spec import validate_template

VACATION = {"vacation_from": "2026-11-23", "vacation_until": "2026-11-27"}  # Mon–Fri


def acks_at(tmp_path: Path, now_text: str, n: int = 1, **ack: Any) -> tuple[Recorder, list[str]]:
    config = make_config(tmp_path, **ack)
    store, src, rec = open_database(config.database), FakeSource(), Recorder()
    now = at(now_text)
    for i in range(n):
        when = now - timedelta(minutes=30 - i)
        src.add("INBOX", customer(f"Maija Meikäläinen{i} <m{i}@example.fi>", "Nurmikko", f"m{i}@x",
                                  when.strftime("%a, %d %b %Y %H:%M:%S %z")), when)  # fmt: skip
    robot = now - timedelta(minutes=20)
    src.add("INBOX", customer("Posti <ala-vastaa@posti.example>", "Lähetyksesi on matkalla", "p@x",
                              robot.strftime("%a, %d %b %Y %H:%M:%S %z")), robot)  # fmt: skip
    run(config, store, src, now, rec)
    return rec, [msg.get_content() for _, msg in rec.sent]


def test_on_vacation_without_a_substitute_the_call_is_after_the_vacation(tmp_path: Path) -> None:
    rec, [body] = acks_at(tmp_path, "2026-11-25 09:10 +0200", **VACATION)
    assert [to for to, _ in rec.sent] == ["m0@example.fi"]  # the robot still gets nothing
    assert "Sijaiseni" not in body and "  " not in body
    assert "Olen lomalla 27.11. asti. Soitan sinulle maanantaina 30.11. klo 10." in body


def test_slots_after_the_vacation_fill_up_too(tmp_path: Path) -> None:
    rec, _ = acks_at(tmp_path, "2026-11-25 09:10 +0200", n=4, calls_per_slot=3, **VACATION)
    assert promised(rec) == ["maanantaina 30.11. klo 10"] * 3 + ["maanantaina 30.11. klo 15"]


def test_before_the_vacation_no_call_is_promised_inside_it(tmp_path: Path) -> None:
    vacation = {"vacation_from": "2026-11-26", "vacation_until": "2026-11-27"}  # Thu–Fri
    _, [body] = acks_at(tmp_path, "2026-11-25 15:30 +0200", **vacation)
    assert "Kiitos viestistäsi! Soitan sinulle maanantaina 30.11. klo 10." in body


def test_with_a_substitute_the_substitute_calls_during_the_vacation(tmp_path: Path) -> None:
    _, [body] = acks_at(tmp_path, "2026-11-25 09:10 +0200", **VACATION,
                        vacation_substitute="Matti Mallikas, 040 765 4321")  # fmt: skip
    assert "Sijaiseni Matti Mallikas, 040 765 4321 soittaa sinulle tänään klo 15." in body


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_shipped_vacation_alone_templates_name_nobody(lang: Any) -> None:
    text = load_template("vacation_alone", lang, None)
    assert validate_template(text, name="vacation_alone") == []
    body = render_ack(text, greeting="Hei,", callback="maanantaina 30.11. klo 10",
                      owner_name="Ylermi", signature="Ylermi", vacation_until="27.11.")  # fmt: skip
    assert "substitute" not in body.lower() and "sijais" not in body.lower()


def templates_config(tmp_path: Path, files: dict[str, str], **ack: Any) -> object:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return config_from_dict(
        {"owner": {"addresses": ["ylermi@pihapalvelu.fi"]}, "account": {"maildir": str(tmp_path)},
         "storage": {"database": str(tmp_path / "v.db")},
         "ack": {"mode": "off", "templates": str(folder), **ack}}, None)  # fmt: skip


OWN_VACATION = "$greeting\nLomalla $vacation_until asti. $substitute soittaa $callback.\n$signature\n"


def test_an_own_vacation_text_left_unused_without_a_substitute_is_refused_at_load(
    tmp_path: Path,
) -> None:
    with pytest.raises(ConfigError) as info:
        templates_config(tmp_path, {"vacation_fi.txt": OWN_VACATION}, **VACATION)
    assert "vacation_alone_fi.txt" in info.value.message
    templates_config(tmp_path, {"vacation_fi.txt": OWN_VACATION}, **VACATION,
                     vacation_substitute="Matti")  # fmt: skip
    alone = "$greeting\nLomalla $vacation_until asti, soitan $callback.\n$signature\n"
    templates_config(tmp_path, {"vacation_alone_fi.txt": alone}, **VACATION)


def test_a_vacation_alone_text_cannot_name_a_substitute(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"vacation_alone_en.txt.*\$substitute"):
        templates_config(tmp_path, {"vacation_alone_en.txt": OWN_VACATION}, **VACATION)
