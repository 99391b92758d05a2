"""Swedish (issue 12): Finland has two official languages, so a Swedish-speaking customer gets a
Swedish acknowledgment — detected from their own text, with the callback, the greeting, the
phone request and the vacation wording in Swedish, and the owner's own *_sv.txt templates
checked at load like the Finnish ones. The texts are written as fi-sv customers of a small
Finnish business write them (Ekenäs, Borgå, Vasa, Helsingfors)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from ack_cases import CASES, Case
from fakes import FakeSource
from test_ack_slots import make_config
from test_ack_vacation import VACATION, templates_config
from test_outbox import Recorder, at, customer, run
from vasteaika.acks.wording import callback_phrase, detect_language, greeting, load_template
from vasteaika.cli import run as cli_run
from vasteaika.config import config_from_dict
from vasteaika.errors import ConfigError
from vasteaika.ledger.store import open_database
from vasteaika.template_spec import validate_template

HEL = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 25, 9, 10, tzinfo=HEL)  # a Wednesday

SWEDISH = [
    ("Offertförfrågan: trädgårdsarbete",
     "Hej!\n\nVi skulle behöva hjälp med att klippa häcken och kratta löv i trädgården. Kunde ni "
     "komma och titta på det nästa vecka? Vad skulle det kosta ungefär?\n\nMed vänliga "
     "hälsningar\nBirgitta Lindholm\nEkenäs"),
    ("Snöplogning i vinter",
     "Hejsan, jag undrar om ni har möjlighet att ta hand om snöplogningen på vår gård i Borgå den "
     "här vintern. Ring gärna mig.\nMvh Johan"),
    ("Läckande kran", "Hej, kranen i köket läcker. Kan ni komma förbi i morgon? Tack på förhand! /Anna"),
    ("Fråga om pris", "God dag, vad kostar en fönstertvätt för ett egnahemshus? Hälsningar, Stig Åberg"),
    ("Badrumsrenovering",
     "Hej,\nvi planerar att renovera badrummet i vår lägenhet i Vasa och behöver en offert. Är det "
     "möjligt att ni kommer och tittar på det?\n\nSkickat från min iPhone"),
    ("Takläckage!!", "Hej, det regnar in genom taket. Brådskande, kan ni ringa mig idag?\n"
     "Terveisin / Med vänliga hälsningar\nPeter Holmström"),  # a bilingual signature
    ("Re: Offert", "Tack för offerten. Vi tar den. När kan ni börja?\n\n> Hei, tässä tarjous.\n"
     "> Terveisin Ylermi"),  # the owner's Finnish quoted below
]  # fmt: skip
FINNISH_AND_ENGLISH = [
    ("Tarjouspyyntö", "Hei, voisitteko tulla katsomaan pihaa ensi viikolla? Terveisin Maija", "fi"),
    ("Nurmikon leikkuu", "Moi! Paljonko maksaa nurmikon leikkuu kesän ajan? t. Pekka", "fi"),
    ("Quote request", "Hi, could you please send me a quote for the driveway? Best, John", "en"),
    ("Snow", "Hello, I am looking for help with snow ploughing this winter. Regards, Anna", "en"),
]


@pytest.mark.parametrize(("subject", "body"), SWEDISH)
@pytest.mark.parametrize("default", ["fi", "en"])
def test_a_swedish_speaking_customer_is_read_as_swedish(subject: str, body: str,
                                                        default: Any) -> None:  # fmt: skip
    assert detect_language(subject, body, default) == "sv"


# The labelled fixture table's people and form leads: the Swedish-speaking ones (their ids say
# so, and two form leads whose fields are Swedish) and everybody else.
SWEDISH_IN_TABLE = {c.id for c in CASES if "-sv" in c.id} | {"f-zoho", "f-cf7-swedish"}
PEOPLE = [c for c in CASES if c.label != "robot"]


@pytest.mark.parametrize("case", PEOPLE, ids=lambda c: c.id)
def test_the_labelled_table_people_are_answered_in_their_own_language(case: Case) -> None:
    subject = dict(case.headers).get("Subject", "")
    for default in ("fi", "en"):
        language = detect_language(subject, case.body, default)
        assert (language == "sv") is (case.id in SWEDISH_IN_TABLE), (default, language)


@pytest.mark.parametrize(("subject", "body", "expected"), FINNISH_AND_ENGLISH)
@pytest.mark.parametrize("default", ["fi", "sv", "en"])
def test_finnish_and_english_stay_as_they_were(subject: str, body: str, expected: str,
                                               default: Any) -> None:  # fmt: skip
    assert detect_language(subject, body, default) == expected


def test_a_tie_gives_the_owners_language_or_finnish_first() -> None:
    assert detect_language("Re: 12345", "", "sv") == "sv"
    assert detect_language("Hej hello", "", "fi") == "sv"  # not Finnish: Swedish before English
    assert detect_language("Hej hello", "", "en") == "en"


@pytest.mark.parametrize(
    ("slot", "words"),
    [
        (datetime(2026, 11, 25, 15, 0, tzinfo=HEL), "i dag kl. 15"),
        (datetime(2026, 11, 26, 10, 0, tzinfo=HEL), "i morgon kl. 10"),
        (datetime(2026, 11, 30, 9, 30, tzinfo=HEL), "på måndag 30.11. kl. 9.30"),
    ],
)
def test_the_callback_in_swedish(slot: datetime, words: str) -> None:
    assert callback_phrase(slot, NOW, "sv") == words


def test_the_greeting_in_swedish() -> None:
    assert greeting("Birgitta Lindholm", "sv") == "Hej Birgitta,"
    assert greeting("Kundtjänst Ab", "sv") == "Hej,"


def _swedish_acks(tmp_path: Path, body: str, now_text: str = "2026-11-25 09:10 +0200",
                  **ack: Any) -> list[str]:  # fmt: skip
    config = make_config(tmp_path, **ack)
    store, src, rec = open_database(config.database), FakeSource(), Recorder()
    now = at(now_text)
    when = now - timedelta(minutes=20)
    src.add("INBOX", customer("Birgitta Lindholm <birgitta@ekenas.example>", "Offertförfrågan",
                              "b1@x", when.strftime("%a, %d %b %Y %H:%M:%S %z"), body=body), when)  # fmt: skip
    run(config, store, src, now, rec)
    language = store.db.execute("SELECT language FROM conversations").fetchone()[0]
    assert language == "sv"
    return [msg.get_content() for _, msg in rec.sent]


def test_a_swedish_customer_gets_the_whole_acknowledgment_in_swedish(tmp_path: Path) -> None:
    [body] = _swedish_acks(tmp_path, SWEDISH[0][1])
    assert body.startswith("Hej Birgitta,\n")
    assert "Tack för ditt meddelande! Jag ringer dig i dag kl. 15. Svara gärna på det här " \
           "meddelandet med ditt telefonnummer." in body
    assert "Med vänliga hälsningar\nYlermi" in body
    for finnish in ("Kiitos", "Soitan", "Hei", "puhelinnumero"):
        assert finnish not in body


def test_a_swedish_customer_who_gave_a_number_is_not_asked_for_one(tmp_path: Path) -> None:
    [body] = _swedish_acks(tmp_path, "Hej, kan ni ringa mig om en offert? Tfn 040 123 4567\nMvh")
    assert "Jag ringer dig i dag kl. 15.\n" in body and "telefonnummer" not in body


def test_on_vacation_alone_the_swedish_text_names_nobody(tmp_path: Path) -> None:
    [body] = _swedish_acks(tmp_path, SWEDISH[0][1], **VACATION)
    assert "Jag är på semester till och med 27.11. och ringer dig på måndag 30.11. kl. 10." in body
    assert "vikarie" not in body and "  " not in body


def test_on_vacation_the_swedish_text_names_the_substitute(tmp_path: Path) -> None:
    [body] = _swedish_acks(tmp_path, SWEDISH[0][1], **VACATION,
                           vacation_substitute="Matti Mallikas, 040 765 4321")  # fmt: skip
    assert "och min vikarie Matti Mallikas, 040 765 4321 ringer dig i dag kl. 15." in body


@pytest.mark.parametrize("name", ["ack", "vacation", "vacation_alone"])
def test_the_shipped_swedish_templates_are_valid(name: Any) -> None:
    assert validate_template(load_template(name, "sv", None), name=name) == []


def test_own_swedish_templates_are_used_and_key_sv_for_key_customers(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "ack_sv.txt").write_text("$greeting\nVi ringer $callback.\n$signature\n", "utf-8")
    (folder / "key_sv.txt").write_text("$greeting\nDu är prioriterad: $callback.\n$signature\n",
                                       "utf-8")  # fmt: skip
    [body] = _swedish_acks(tmp_path, SWEDISH[0][1], templates=str(folder))
    assert "Vi ringer i dag kl. 15. Svara gärna" in body
    [key] = _swedish_acks(tmp_path / "k", SWEDISH[0][1], templates=str(folder),
                          key_customers=["ekenas.example"], key_lead="30m")  # fmt: skip
    assert "Du är prioriterad: i dag kl. 10." in key


def test_own_swedish_templates_are_checked_at_load(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"ack_sv.txt.*\$calback"):
        templates_config(tmp_path, {"ack_sv.txt": "$greeting\nJag ringer $calback.\n"})
    own = "$greeting\nSemester till $vacation_until. $substitute ringer $callback.\n"
    with pytest.raises(ConfigError) as info:
        templates_config(tmp_path, {"vacation_sv.txt": own}, **VACATION)
    assert "vacation_alone_sv.txt" in info.value.message


def test_ack_language_sv_is_the_default_for_text_without_words(tmp_path: Path) -> None:
    config = config_from_dict(
        {"owner": {"addresses": ["ylermi@pihapalvelu.fi"]}, "account": {"maildir": str(tmp_path)},
         "storage": {"database": str(tmp_path / "v.db")}, "ack": {"language": "sv"}}, None,
    )  # fmt: skip
    assert config.ack.language == "sv"
    assert detect_language("Re: 12345", "", "sv") == "sv"


def test_templates_preview_in_swedish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[account]\nmaildir = "{tmp_path}"\n[owner]\nname = "Ylermi Yrittäjä"\n'
        'addresses = ["ylermi@pihapalvelu.fi"]\n'
        f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    code = cli_run(["--config", str(config), "templates", "preview", "--lang", "sv",
                    "--at", "2026-11-27T17:00", "--name", "Birgitta Lindholm"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "Hej Birgitta," in out and "Jag ringer dig på måndag 30.11. kl. 10." in out
