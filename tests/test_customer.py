"""`vasteaika customer`: one customer's whole history, checked against the demo's answer key
(examples/MAILBOX.md) at a fixed --now, in Finnish and English and as JSON."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from test_cli import demo_config
from test_demo_mailbox import KEY
from vasteaika.cli import run
from vasteaika.ledger.customer_view import fold

KOIVUKUJA = "riitta.laaksonen@koivukuja.example"
# MAILBOX.md: K02 27.10. 10:05:33 → K08 09.11. 13:20:18 → K15 20.11. 15:40:02 (all +0200)
GAPS = (1134885, 958784)
MEDIAN_GAP = sum(GAPS) / 2  # 12 d 2 h 47 min: the conventional median of two
LAST_WROTE = datetime.fromisoformat("2026-11-20T15:40:02+02:00")
SOON = "2026-11-23T08:05:00+02:00"  # 2 d 16 h after Riitta last wrote: within her rhythm
LATER = "2026-12-03T10:00:00+02:00"  # 12 d 18 h after: longer than her rhythm


def _config(tmp_path: Path, lang: str = "fi") -> str:
    path = demo_config(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('language = "fi"', f'language = "{lang}"', 1), encoding="utf-8")
    assert run(["--config", str(path), "--now", SOON, "check", "--quiet"]) == 0
    return str(path)


def _json(config: str, query: str, now: str, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    assert run(["--config", config, "--now", now, "customer", query, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def _text(config: str, query: str, now: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(["--config", config, "--now", now, "customer", query]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("query", "address"),
    [
        ("jarvinen", "tuomas.jarvinen@example.fi"),
        ("JÄRVINEN", "tuomas.jarvinen@example.fi"),
        ("tuomas jär", "tuomas.jarvinen@example.fi"),
        ("hamalainen", "paivi.hamalainen@example.fi"),
        ("Päivi", "paivi.hamalainen@example.fi"),
        ("sophie.martin@example.com", "sophie.martin@example.com"),
    ],
)
def test_a_part_of_the_name_finds_the_customer_with_or_without_accents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], query: str, address: str
) -> None:
    data = _json(_config(tmp_path), query, SOON, capsys)
    assert data["customer"]["addresses"] == [address]
    assert [c["customer_email"] for c in data["conversations"]] == [address]


def test_fold_drops_accents_and_case() -> None:
    assert [fold(t) for t in ("Järvinen", "ÅSTRÖM", "Søren", "Émile")] == [
        "jarvinen", "astrom", "soren", "emile"
    ]  # fmt: skip


def test_a_company_is_one_customer_with_every_conversation_and_its_rhythm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """[customers] companies = ["koivukuja.example"]: K02, K08 and K15 together, each with its
    turns and response times; the median gap between them; not quiet 2½ days after."""
    config = _config(tmp_path)
    data = _json(config, "laaksonen", SOON, capsys)
    assert data["customer"]["company"] == "koivukuja.example"
    assert data["customer"]["addresses"] == [KOIVUKUJA]
    key = [(k[1], k[2], k[3]) for k in KEY if k[0] == KOIVUKUJA]
    got = [(c["first_contact_at"], c["first_reply_at"], c["business_response_seconds"])
           for c in data["conversations"]]  # fmt: skip
    assert got == key
    k02 = data["conversations"][0]
    assert [(t["turn"], t["answered_at"]) for t in k02["turns"]] == [
        (1, "2026-10-28T07:45:10+02:00"), (2, None)
    ]  # fmt: skip
    assert k02["status"] == "waiting"
    assert all(c["acknowledgment"]["status"] == "skipped" for c in data["conversations"])
    assert data["rhythm"] == {
        "gaps": 2,
        "median_gap_seconds": MEDIAN_GAP,
        "last_contact_at": LAST_WROTE.isoformat(),
        "silent_seconds": int((datetime.fromisoformat(SOON) - LAST_WROTE).total_seconds()),
        "quiet": False,
    }
    # the domain, or a colleague's name part, finds the same company
    assert _json(config, "koivukuja.example", SOON, capsys)["customer"] == data["customer"]

    text = _text(config, "laaksonen", SOON, capsys)
    assert "Yritys koivukuja.example: riitta.laaksonen@koivukuja.example" in text
    assert "3 keskustelua, ensimmäinen ti 27.10. klo 10.05, viimeisin pe 20.11. klo 15.40" in text
    assert "Rytmi: uusi keskustelu 12 pv 2 h välein (mediaani 2 välistä)" in text
    assert "tavallisen rytmin sisällä" in text
    assert ("1. kirjoitti ti 27.10. klo 10.05 → vastasit ke 28.10. klo 7.45: 21 h 39 min "
            "(työaikaa 5 h 54 min)") in text  # fmt: skip
    assert "2. kirjoitti ke 28.10. klo 11.20 → odottaa" in text
    assert "Kuittaus: ei lähetetty — vanhempi kuin ack.max_age, tai olit jo vastannut (backlog-or-answered)" in text


def test_silence_longer_than_the_rhythm_is_gone_quiet_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, "en")
    assert _json(config, "laaksonen", LATER, capsys)["rhythm"]["quiet"] is True
    text = _text(config, "laaksonen", LATER, capsys)
    assert "Company koivukuja.example" in text and "3 conversations" in text
    assert "Rhythm: a new conversation every 12 d 2 h (median of 2 gaps)" in text
    assert "last wrote Fri 20.11. 15:40, 12 d 18 h ago — longer than usual: gone quiet" in text
    assert "1. wrote Tue 27.10. 10:05 → you answered Wed 28.10. 07:45: 21 h 39 min" in text
    # one conversation: no rhythm to compare with, and never "gone quiet"
    one = _text(config, "jarvinen", LATER, capsys)
    assert "1 conversation, Sat 14.11. 10:12" in one
    assert "Rhythm: one conversation only" in one and "gone quiet" not in one


def test_acknowledgment_promise_and_reminders_are_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The acknowledgment's state and callback, and each reminder with what became of it."""
    from vasteaika.acks.store import set_ack
    from vasteaika.ledger.store import epoch, open_database
    from vasteaika.reminders.store import add_reminder, mark_done

    config = _config(tmp_path)
    store = open_database(tmp_path / "v.db")
    [k06] = [r["id"] for r in store.db.query("SELECT id FROM conversations "
                                             "WHERE customer_email = 'eero.makinen@example.fi'")]  # fmt: skip
    sent = datetime.fromisoformat("2026-11-04T11:49:00+02:00")
    callback = datetime.fromisoformat("2026-11-04T15:00:00+02:00")
    set_ack(store, k06, "sent", at=epoch(sent), recipient="eero.makinen@example.fi",
            callback_at=epoch(callback))  # fmt: skip
    add_reminder(store, k06, epoch(callback), "ack", None, epoch(sent))
    [done] = [r["id"] for r in store.db.query("SELECT id FROM reminders WHERE conversation_id = ?",
                                              [k06])]  # fmt: skip
    mark_done(store, done, datetime.fromisoformat("2026-11-04T15:05:00+02:00"))
    later = datetime.fromisoformat("2026-11-24T10:00:00+02:00")
    add_reminder(store, k06, epoch(later), "reply", None, epoch(sent),
                 promise_text="Soitan tiistaina klo 10")  # fmt: skip
    store.db.conn.commit()

    text = _text(config, "mäkinen", SOON, capsys)
    assert ("Kuittaus: lähetetty ke 4.11. klo 11.49 osoitteeseen eero.makinen@example.fi, "
            "soitto luvattu ke 4.11. klo 15.00") in text  # fmt: skip
    assert "soitto ke 4.11. klo 15.00 — tehty ke 4.11. klo 15.05 (luvattu kuittauksessa)" in text
    assert "soitto ti 24.11. klo 10.00 — avoin (kirjoitit: “Soitan tiistaina klo 10”)" in text
    data = _json(config, "eero", SOON, capsys)
    [conversation] = data["conversations"]
    assert conversation["acknowledgment"]["status"] == "sent"
    assert conversation["acknowledgment"]["callback_at"] == callback.isoformat()
    reminders = conversation["reminders"]
    assert [(r["source"], r["done_at"] is not None) for r in reminders] == [
        ("ack", True), ("reply", False)
    ]  # fmt: skip


def test_several_matches_are_listed_to_choose_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, "en")
    assert run(["--config", config, "customer", "example.com"]) == 2
    out = capsys.readouterr()
    for who in ("james.whitfield@example.com", "sophie.martin@example.com",
                "oliver.bennett@example.com"):  # fmt: skip
        assert who in out.out
    assert out.err == (
        "vasteaika: 3 customers match 'example.com' — run again with one of the addresses"
        " listed (or a company's domain)\n"
    )
    assert run(["--config", config, "customer", "example.com", "--json"]) == 2
    matches = json.loads(capsys.readouterr().out)["matches"]
    assert len(matches) == 3 and all(m["conversations"] == 1 for m in matches)


def test_no_match_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, "en")
    assert run(["--config", config, "customer", "virtanen-nobody"]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == (
        "vasteaika: no customer matches 'virtanen-nobody' — try a part of the name or of the"
        " address\n"
    )
    (tmp_path / "fi").mkdir()
    assert run(["--config", _config(tmp_path / "fi"), "customer", "virtanen-nobody"]) == 2
    assert capsys.readouterr().err == (
        "vasteaika: yksikään asiakas ei vastaa hakua 'virtanen-nobody' — kokeile osaa nimestä"
        " tai osoitteesta\n"
    )


def test_now_that_is_no_time_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path)
    assert run(["--config", config, "--now", "maanantaina", "customer", "x"]) == 2
    assert capsys.readouterr().err.startswith("vasteaika: --now 'maanantaina' is not a time")


@pytest.mark.parametrize(
    ("now", "said"),
    [
        ("2026-11-23", "--now '2026-11-23' has no time of day"),  # never a guessed midnight
        ("2026-03-29T03:30", "--now '2026-03-29T03:30' is not one moment in Europe/Helsinki"),
        ("2026-10-25T03:30", "--now '2026-10-25T03:30' is not one moment in Europe/Helsinki"),
    ],
)
def test_now_that_is_no_single_moment_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], now: str, said: str
) -> None:
    config = _config(tmp_path)
    assert run(["--config", config, "--now", now, "customer", "laaksonen"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"vasteaika: {said}") and err.count("\n") == 1, err


@pytest.mark.parametrize("command", [["watch"], ["remind"]])
def test_commands_that_send_refuse_a_pretended_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    config = _config(tmp_path)
    assert run(["--config", config, "--now", SOON, *command]) == 2
    assert "does not run at a pretended time (--now)" in capsys.readouterr().err


def test_a_generated_ledger_groups_a_company_and_keeps_people_at_a_shared_domain_apart(
    tmp_path: Path,
) -> None:
    """Two people at a configured company are one customer with both addresses; two people at
    a shared domain are two; an ignored address is found by nobody. The rhythm's median of an
    odd number of gaps is the middle one."""
    from test_report import Ledger
    from vasteaika.ledger.customer_view import find_customers, rhythm
    from vasteaika.ledger.store import open_database

    ledger = Ledger(open_database(tmp_path / "x.db"))
    ledger.conv("anna@firma.example", "2026-11-02 09:00", "2026-11-02 10:00", name="Anna Åberg")
    ledger.conv("bert@firma.example", "2026-11-05 09:00", "2026-11-05 09:30", name="Bert Öhman")
    ledger.conv("anna@firma.example", "2026-11-06 09:00", name="Anna Åberg")
    ledger.conv("anna@firma.example", "2026-11-16 09:00", name="Anna Åberg")
    ledger.conv("cecilia@kylä.example", "2026-11-03 09:00", name="Cecilia Ek")
    ledger.conv("daniel@kylä.example", "2026-11-04 09:00", name="Daniel Ek")
    ledger.conv("myyja@roska.example", "2026-11-04 09:00", name="Eero Åberg")
    ledger.conn.commit()
    store, companies = ledger.store, ["firma.example"]

    [firm] = find_customers(store, "ohman", companies)  # Bert's name finds the company
    assert (firm.company, firm.addresses, firm.conversations) == (
        "firma.example", ("anna@firma.example", "bert@firma.example"), 4
    )  # fmt: skip
    assert find_customers(store, "firma.example", companies) == [firm]
    people = find_customers(store, "kylä.example", companies)
    assert [p.addresses for p in people] == [("daniel@kylä.example",), ("cecilia@kylä.example",)]
    assert [p.name for p in find_customers(store, "aberg", companies, ("roska.example",))] == [
        "firma.example"
    ]  # fmt: skip
    # gaps 3 d, 1 d, 10 d between the company's four first contacts: the median is 3 d
    now = datetime.fromisoformat("2026-11-20T09:00:00+02:00")
    seen = rhythm(store, firm.addresses, now)
    assert (seen.gaps, seen.median_gap_seconds, seen.silent_seconds, seen.quiet) == (
        3, 3 * 86400, 4 * 86400, True
    )  # fmt: skip
