"""The acknowledgment asks for a phone number when none of the customer's is known (issue 12):
one short sentence, in the customer's language, in the owner's own templates too; never when
the number is in the mail or was in an earlier one; and never to anyone the rules refuse."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from fakes import FakeSource
from test_ack_slots import make_config
from test_outbox import Recorder, at, customer, run
from vasteaika.config import Config
from vasteaika.ledger.store import Store, open_database

NOW = at("2026-11-25 09:10 +0200")  # a Wednesday
ASK_FI = "Kerrothan puhelinnumerosi vastaamalla tähän viestiin."


def write(src: FakeSource, frm: str, msgid: str, when: datetime, body: str, subject: str = "Nurmikko") -> None:
    src.add("INBOX", customer(frm, subject, msgid, when.strftime("%a, %d %b %Y %H:%M:%S %z"),
                              body=body), when)  # fmt: skip


def prepared(tmp_path: Path, **ack: object) -> tuple[Config, Store, FakeSource, Recorder]:
    config = make_config(tmp_path, max_age="2h", **ack)
    return config, open_database(config.database), FakeSource(), Recorder()


def test_without_a_known_number_the_ack_asks_for_one(tmp_path: Path) -> None:
    config, store, src, rec = prepared(tmp_path)
    write(src, "Maija Meikäläinen <maija@example.fi>", "m@x", NOW - timedelta(minutes=10),
          "Hei,\nvoisitteko leikata nurmikon?\nMaija\n")  # fmt: skip
    write(src, "Posti <ala-vastaa@posti.example>", "p@x", NOW - timedelta(minutes=9),
          "Lähetyksesi on matkalla.\n", subject="Lähetys")  # fmt: skip
    write(src, "Vanha <vanha@example.fi>", "v@x", NOW - timedelta(hours=5), "Hei,\nsoitatteko?\n")
    assert run(config, store, src, NOW, rec) == 1
    [(to, msg)] = rec.sent
    body = msg.get_content()
    assert to == "maija@example.fi" and body.count(ASK_FI) == 1
    assert f"Soitan sinulle tänään klo 15. {ASK_FI}\n" in body
    assert run(config, store, src, NOW + timedelta(minutes=5), rec) == 0


def test_a_number_in_the_signature_is_not_asked_for_and_goes_to_the_reminder(
    tmp_path: Path,
) -> None:
    config, store, src, rec = prepared(tmp_path)
    write(src, "Maija Meikäläinen <maija@example.fi>", "m@x", NOW - timedelta(minutes=10),
          "Hei,\nvoisitteko leikata nurmikon?\n\nMaija\np. 040-123 4567\n")  # fmt: skip
    run(config, store, src, NOW, rec)
    body = rec.sent[0][1].get_content()
    assert "puhelinnumero" not in body and "Soitan sinulle tänään klo 15.\n" in body
    assert store.db.execute("SELECT phone FROM reminders").fetchone()[0] == "040 123 4567"


def test_a_number_from_an_earlier_mail_is_not_asked_for_again(tmp_path: Path) -> None:
    config, store, src, rec = prepared(tmp_path)
    earlier = NOW - timedelta(days=30)
    write(src, "Maija Meikäläinen <maija@example.fi>", "m1@x", earlier - timedelta(minutes=10),
          "Hei,\nnurmikko?\nMaija, 040 123 4567\n")  # fmt: skip
    run(config, store, src, earlier, rec)
    write(src, "Maija Meikäläinen <maija@example.fi>", "m2@x", NOW - timedelta(minutes=10),
          "Hei taas,\nnyt lumityöt?\nMaija\n", subject="Lumityöt")  # fmt: skip
    assert run(config, store, src, NOW, rec) == 1
    assert "puhelinnumero" not in rec.sent[-1][1].get_content()
    phones = store.db.execute("SELECT phone FROM reminders ORDER BY id").fetchall()
    assert phones == [("040 123 4567",), ("040 123 4567",)]


def test_english_customers_are_asked_in_english(tmp_path: Path) -> None:
    config, store, src, rec = prepared(tmp_path)
    write(src, "James Whitfield <james@example.com>", "j@x", NOW - timedelta(minutes=10),
          "Hello, could you please send me a quote for the driveway?\n", subject="Quote")  # fmt: skip
    run(config, store, src, NOW, rec)
    assert "I will call you today at 15:00. Please reply with your phone number.\n" in (
        rec.sent[0][1].get_content()
    )


def test_own_templates_ask_where_they_say_or_after_the_promise(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "ack_fi.txt").write_text(
        "$greeting\n\nSoitan ${callback}, kiitos!\n\nTerveisin\n$signature\n", encoding="utf-8"
    )
    (folder / "ack_en.txt").write_text(
        "$greeting\n\nI will call you $callback.\n$phone_request\n\n$signature\n", encoding="utf-8"
    )
    config, store, src, rec = prepared(tmp_path, templates=str(folder))
    write(src, "Maija Meikäläinen <maija@example.fi>", "m@x", NOW - timedelta(minutes=10),
          "Hei,\nvoisitteko leikata nurmikon?\n")  # fmt: skip
    write(src, "James Whitfield <james@example.com>", "j@x", NOW - timedelta(minutes=9),
          "Hello, could you please send me a quote for the driveway?\n", subject="Quote")  # fmt: skip
    run(config, store, src, NOW, rec)
    bodies = {to: msg.get_content() for to, msg in rec.sent}
    assert f"Soitan tänään klo 15, kiitos! {ASK_FI}\n" in bodies["maija@example.fi"]
    assert "at 15:00.\nPlease reply with your phone number.\n\nYlermi" in bodies["james@example.com"]
