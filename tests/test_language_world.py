"""One language at a time, where the world fails: an SMTP server refusing an acknowledgment (a
real aiosmtpd), the mail server unreachable and the last problem `status` shows (stored in
English, said again in the owner's language), a calendar server unreachable or refusing the
password (a real Radicale), and the sender's own safety refusals — each under a Finnish and an
English owner, with no word of the other language."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from caldav_servers import PASSWORD, CalDavServer, free_port
from dovecot import DovecotServer
from smtp_fixture import RunningSmtpServer
from test_caldav import DUE, NOW
from test_caldav_changes import write_config as calendar_config
from test_catalogue import ENGLISH_LEAKS, FINNISH_LEAKS
from test_e2e import customer_mail, write_config
from test_e2e import env as env  # the shared fixture
from test_notify import short_dir as short_dir  # a short socket path
from test_notify import start_bus as start_bus  # a private dbus-daemon
from test_reminders import OWNER, seed_reminder
from vasteaika.catalogue import error_line
from vasteaika.catalogue.stored import said_again
from vasteaika.cli import context as cli_context
from vasteaika.cli import run
from vasteaika.cli.accounts import reason_text
from vasteaika.errors import ConfigError, DataError
from vasteaika.ledger.store import open_database
from vasteaika.mail.smtp import SmtpSender, SmtpSettings

LEAK = {"fi": ENGLISH_LEAKS, "en": FINNISH_LEAKS}
# What is not words of either language: a server's own reply, addresses, codes in parentheses.
NOT_WORDS = re.compile(r"\d{3} [\d.]+ [^—]*?(?= —|$)|\S+@\S+|\([A-Za-z]+Error\)|'[^']*'")


def _leaks(lines: list[str], lang: str) -> list[str]:
    return [line for line in lines if LEAK[lang].search(NOT_WORDS.sub("", line))]


def _in(config: Path, lang: str) -> Path:
    text = config.read_text(encoding="utf-8").replace("[owner]\n", f'[owner]\nlanguage = "{lang}"\n', 1)
    config.write_text(text, encoding="utf-8")
    return config


@pytest.mark.parametrize(
    ("lang", "failed"),
    [("fi", "kuittaus EPÄONNISTUI: SMTP-palvelin 127.0.0.1:{port} torjui vastaanottajan"
      " reject5@example.fi: 550 5.1.1 no such user — kuittausta ei voi toimittaa tähän osoitteeseen"),
     ("en", "acknowledgment FAILED: the SMTP server 127.0.0.1:{port} refused the recipient"
      " reject5@example.fi: 550 5.1.1 no such user — the acknowledgment cannot be delivered to"
      " this address")],
)  # fmt: skip
def test_an_smtp_server_refusing_the_acknowledgment_in_the_owners_language(
    lang: str, failed: str, env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """The refusal is stored with the conversation as the error said it; `check` says it in
    the owner's language, the server's own reply as it came."""
    raw, when = customer_mail("Reino <reject5@example.fi>", "Tarjous", "r5@x", 3)
    env.deliver("INBOX", raw, internal_date=when)
    config = _in(write_config(tmp_path, env, smtp_server.port), lang)
    assert run(["--config", str(config), "check"]) == 0
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if "reject5@example.fi>" in line]
    assert line.endswith(failed.format(port=smtp_server.port)), out
    assert _leaks([line], lang) == [], line
    assert smtp_server.messages() == []


@pytest.mark.parametrize(
    ("lang", "problem"),
    [("fi", "viimeisin ongelma: SMTP-palvelin 127.0.0.1:{port} torjui yhteyden — tarkista"
      " smtp.host ja smtp.port"),
     ("en", "last problem: the SMTP server 127.0.0.1:{port} refused the connection — check"
      " smtp.host and smtp.port")],
)  # fmt: skip
def test_the_last_problem_status_shows_is_in_the_owners_language(
    lang: str, problem: str, env: DovecotServer, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """`check` stops on an SMTP server that is not there (nothing listens on the port); the
    health file keeps the line in English, and `status` says it in the owner's language."""
    raw, when = customer_mail("Maija <maija@example.fi>", "Nurmikko", "m@x", 3)
    env.deliver("INBOX", raw, internal_date=when)
    port = free_port()
    config = _in(write_config(tmp_path, env, port), lang)
    assert run(["--config", str(config), "check"]) == 69
    stored = json.loads((tmp_path / "v.db.health.json").read_text(encoding="utf-8"))
    assert stored["last_problem"].startswith(f"the SMTP server 127.0.0.1:{port} refused")
    capsys.readouterr()
    assert run(["--config", str(config), "status"]) == 0
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if line.startswith(problem.split(":")[0] + ":")]
    assert line.startswith(problem.format(port=port)), out
    assert _leaks(out.splitlines(), lang) == [], out


@pytest.mark.parametrize(
    ("lang", "unreachable", "behind"),
    [("fi", "vasteaika: kalenteripalvelimeen 127.0.0.1 ei saada yhteyttä (ConnectionError) —"
      " tarkista calendar.url ja verkkoyhteys; muutos säilyy seuraavaan ajoon",
      "Kalenteri jäljessä: 1 muutos odottaa palvelinta (kalenteripalvelimeen 127.0.0.1 ei saada"
      " yhteyttä (ConnectionError))"),
     ("en", "vasteaika: cannot reach the calendar server 127.0.0.1 (ConnectionError) — check"
      " calendar.url and the network; the write is kept for the next run",
      "Calendar behind: 1 change waits for the server (cannot reach the calendar server"
      " 127.0.0.1 (ConnectionError))")],
)  # fmt: skip
def test_a_calendar_server_out_of_reach_in_the_owners_language(
    lang: str, unreachable: str, behind: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """Nothing listens at calendar.url: `calendar test` says so in one line; `check` keeps the
    write and says the calendar is behind; `status` says it again from the ledger."""
    monkeypatch.setattr(cli_context, "system_clock", lambda: NOW)
    monkeypatch.setenv("VASTEAIKA_CALENDAR_PASSWORD", PASSWORD)
    config = _in(calendar_config(tmp_path, f"http://127.0.0.1:{free_port()}/kalenteri/"), lang)
    seed_reminder(open_database(tmp_path / "v.db"), DUE)
    assert run(["--config", str(config), "calendar", "test"]) == 69
    said = capsys.readouterr().err.strip().splitlines()
    kind = re.search(r"\((\w+Error)\)", said[0])  # the HTTP library's own name for it
    assert kind is not None, said
    assert said == [unreachable.replace("ConnectionError", kind[1])]
    assert run(["--config", str(config), "check"]) == 0
    out = capsys.readouterr().out
    assert behind.replace("ConnectionError", kind[1]) in out, out
    assert run(["--config", str(config), "status"]) == 0
    shown = capsys.readouterr().out  # the stored line: with its hint
    assert behind.replace("ConnectionError", kind[1]).removesuffix(")") + " — " in shown, shown
    assert _leaks([*said, *out.splitlines(), *shown.splitlines()], lang) == []


@pytest.mark.parametrize(
    ("lang", "refused"),
    [("fi", "kalenteripalvelin 127.0.0.1 ei hyväksynyt käyttäjätunnusta ja salasanaa"),
     ("en", "the calendar server 127.0.0.1 did not accept the username and password")],
)  # fmt: skip
def test_a_calendar_server_refusing_the_password_in_the_owners_language(
    lang: str, refused: str, caldav_server: CalDavServer, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    if not caldav_server.requires_password:
        pytest.skip("Xandikos has no authentication of its own (it runs behind a proxy)")
    monkeypatch.setenv("VASTEAIKA_CALENDAR_PASSWORD", "väärä")
    config = _in(calendar_config(tmp_path, caldav_server.calendar_url), lang)
    assert run(["--config", str(config), "calendar", "test"]) == 77
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"vasteaika: {refused} — ")
    assert _leaks([line], lang) == []


def _ack(to: str) -> EmailMessage:
    msg = EmailMessage()
    msg["To"] = to
    return msg


@pytest.mark.parametrize(
    ("msg", "recipient", "fi", "en"),
    [(_ack("a@@b.fi"), "a@@b.fi",
      "lähetys estetty osoitteeseen 'a@@b.fi': osoitteessa pitää olla täsmälleen yksi @",
      "refusing to send to 'a@@b.fi': must contain exactly one @"),
     (_ack("toinen@example.fi"), "maija@example.fi",
      "lähetys estetty: To-osoite toinen@example.fi ei ole vastaanottaja maija@example.fi",
      "refusing to send: To toinen@example.fi is not the recipient maija@example.fi"),
     (_ack("maija@example.fi, victim@example.com"), "maija@example.fi",
      "lähetys estetty: kuittauksella pitää olla täsmälleen yksi vastaanottaja",
      "refusing to send: an acknowledgment must have exactly one recipient")],
)  # fmt: skip
def test_the_senders_safety_refusals_in_the_owners_language(
    msg: EmailMessage, recipient: str, fi: str, en: str
) -> None:
    """Refused before any connection (nothing listens on port 9): said in the owner's
    language when raised, and again from the stored English when shown later."""
    settings = SmtpSettings("127.0.0.1", 9, "none", None, None, helo_name="localhost")
    with pytest.raises(DataError) as caught:
        SmtpSender(settings).send(msg, recipient)
    assert caught.value.line() == en
    assert error_line(caught.value, "fi") == fi
    assert said_again(en, "fi") == fi and said_again(en, "en") == en
    assert reason_text(en, "fi") == fi and reason_text(en, "en") == en


def test_invalid_smtp_settings_say_every_problem_in_the_owners_language() -> None:
    with pytest.raises(ConfigError) as caught:
        SmtpSettings("smtp.example.com", 0, "none", None, None, timeout=0, envelope_from="x y")
    assert error_line(caught.value, "fi") == (
        "virheelliset SMTP-asetukset: smtp.security = none (ei salausta) sallitaan vain tämän"
        " tietokoneen palvelimelle (localhost, 127.0.0.1, ::1); smtp.port 0 ei ole porttinumero;"
        " smtp.timeout pitää olla suurempi kuin nolla; smtp.envelope_from 'x y' ei ole pelkkä"
        " osoite — korjaa [smtp]-osio"
    )
    assert caught.value.line().startswith("invalid SMTP settings: smtp.security = none (no")
    assert caught.value.problems[1] == "smtp.port 0 is not a port number"


def test_a_stored_line_no_error_says_is_shown_as_stored() -> None:
    assert said_again("something an older version wrote", "fi") == "something an older version wrote"
    assert said_again("", "fi") == ""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fi", 'vasteaika: kansiota "Puuttuva" ei voi avata palvelimella 127.0.0.1 — tarkista kansion'
      " nimi asetuksista (isot ja pienet kirjaimet erotetaan)"),
     ("en", 'vasteaika: cannot open the folder "Puuttuva" on 127.0.0.1 — check the folder name in'
      " the config (names are case-sensitive)")],
)  # fmt: skip
def test_an_imap_folder_the_server_refuses_in_the_owners_language(
    lang: str, expected: str, env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """Logged in, the session asks Dovecot for a folder it does not have: one line (78)."""
    config = _in(write_config(tmp_path, env, smtp_server.port), lang)
    config.write_text(config.read_text("utf-8") + '[folders]\ninbox = "Puuttuva"\n', "utf-8")
    assert run(["--config", str(config), "check"]) == 78
    assert capsys.readouterr().err.strip().splitlines() == [expected]
    assert _leaks([expected], lang) == []


def _remind_config(tmp_path: Path, lang: str) -> Path:
    mailbox = tmp_path / "mail"
    for sub in ("cur", "new", "tmp"):
        (mailbox / sub).mkdir(parents=True, exist_ok=True)
    path = tmp_path / "config.toml"
    path.write_text(
        f'[account]\nmaildir = "{mailbox}"\n[owner]\naddresses = ["{OWNER}"]\nlanguage = "{lang}"\n'
        f'[folders]\nsent = "none"\n[ack]\nmode = "off"\n[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("lang", "failed", "no_desktop"),
    [("fi", "EI TOIMITETTU — työpöytää ei tavoitettu: istuntoväylällä {bus} ei ole ilmoituspalvelua;"
      " sähköpostille ei ole [smtp]-palvelinta",
      "Työpöytää ei tavoitettu (istuntoväylällä {bus} ei ole ilmoituspalvelua)."),
     ("en", "NOT DELIVERED — no desktop reachable: no notification service on the session bus {bus};"
      " no [smtp] server for the email",
      "No desktop reachable (no notification service on the session bus {bus}).")],
)  # fmt: skip
def test_why_no_desktop_showed_the_reminder_in_the_owners_language(
    lang: str, failed: str, no_desktop: str, start_bus: Any, short_dir: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """A real session bus (dbus-daemon) where no notification service runs: `remind` says why
    the reminder was not shown, and that no mail could carry it, in the owner's language."""
    bus = start_bus()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
    monkeypatch.setenv("VASTEAIKA_RUN_USER_DIR", str(short_dir / "none"))
    config = _remind_config(tmp_path, lang)
    seed_reminder(open_database(tmp_path / "v.db"), datetime.now(UTC) - timedelta(minutes=1))
    assert run(["--config", str(config), "remind"]) == 75  # not delivered: tried again later
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert any(line.endswith(failed.format(bus=bus.address)) for line in lines), captured.out
    assert no_desktop.format(bus=bus.address) in lines, captured.out
    shown = [line.replace(bus.address, "") for line in lines]
    assert _leaks(shown, lang) == [], shown


@pytest.mark.parametrize(
    ("language", "expected"),
    [('"fi"', "{path}: 2 ongelmaa: tuntematon avain owner.nimi (tunnetut: name, addresses,"
      " language); hours.start = '25:00': odotettiin: kellonaika, kuten \"08:00\""
      " — korjaa nämä avaimet ('vasteaika init --print' näyttää jokaisen avaimen ja sen"
      " merkityksen)"),
     ('"en"', "{path}: 2 problem(s): unknown key owner.nimi (known: name, addresses, language);"
      " hours.start = '25:00': expected a clock time like \"08:00\" — fix these"
      " keys ('vasteaika init --print' shows every key with what it means)"),
     ('"de"', "{path}: 3 problem(s): unknown key owner.nimi"),  # no language it speaks: English
     ('1', "{path}: 3 problem(s): unknown key owner.nimi")],
)  # fmt: skip
def test_a_config_with_problems_is_told_in_the_language_it_asks_for(
    language: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read as TOML, but not valid: its problems in `[owner] language` when that value is one
    vasteaika speaks, else in English (and always English when it is not TOML at all)."""
    config = _remind_config(tmp_path, "x")
    text = config.read_text("utf-8").replace('language = "x"', f"language = {language}")
    config.write_text(text + '[hours]\nstart = "25:00"\n', "utf-8")
    config.write_text(config.read_text("utf-8").replace("[owner]\n", '[owner]\nnimi = "Y"\n'), "utf-8")
    assert run(["--config", str(config), "check"]) == 78
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("vasteaika: " + expected.format(path=config)), line
    config.write_text(config.read_text("utf-8") + "[[broken\n", "utf-8")
    assert run(["--config", str(config), "check"]) == 78
    assert " is not valid TOML: " in capsys.readouterr().err
