"""One language at a time: the message catalogue is complete in every language, counts take the
right word, dates read as the owner's language writes them, and the commands a Finnish owner
runs say nothing in English (nor an English owner's in Finnish)."""

from __future__ import annotations

import re
import sqlite3
import string
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dovecot import DovecotServer, free_port
from fakes import mail
from vasteaika import catalogue
from vasteaika.catalogue.reasons import ack_reason, kind_words, message_reason
from vasteaika.catalogue.words import WEEKDAYS, WORDS
from vasteaika.cli import output as render
from vasteaika.cli import run
from vasteaika.cli.messages import CUSTOMER_TEXTS, TEXTS
from vasteaika.config import load_config
from vasteaika.errors import TemporaryError
from vasteaika.ledger.store import open_database
from vasteaika.reminders.callbacks import reminder_email
from vasteaika.reminders.store import open_reminders
from vasteaika.report.labels import TEXT as REPORT_TEXT

HELSINKI = ZoneInfo("Europe/Helsinki")
OWNER = "ylermi@pihapalvelu.fi"
TABLES: dict[str, Mapping[str, Mapping[str, str]]] = {
    "catalogue": WORDS, "cli": TEXTS, "report": REPORT_TEXT, "customer": CUSTOMER_TEXTS,
}  # fmt: skip
COMPLETE = ("fi", "en")  # every key in each; Swedish grows key by key (English meanwhile)


def fields(text: str) -> tuple[set[str], list[str]]:
    """The placeholders of a text, and the format specs of its counted words ("one|other")."""
    parsed = [(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name]
    return {name for name, _ in parsed}, [spec for _, spec in parsed if spec and "|" in spec]


@pytest.mark.parametrize("table", TABLES)
def test_every_key_in_every_language_with_the_same_placeholders(table: str) -> None:
    texts = TABLES[table]
    english = texts["en"]
    for lang in COMPLETE:
        assert set(texts[lang]) == set(english), f"{table}/{lang}: keys differ"
    for lang, words in texts.items():
        assert lang in catalogue.LANGUAGES
        assert set(words) <= set(english), f"{table}/{lang}: keys English does not have"
        for key, text in words.items():
            names, counted = fields(text)
            assert names == fields(english[key])[0], f"{table}/{lang}/{key}: placeholders differ"
            assert all(spec.count("|") == 1 for spec in counted), f"{table}/{lang}/{key}"


def test_weekdays_in_every_language() -> None:
    assert set(WEEKDAYS) == set(catalogue.LANGUAGES)
    assert all(len(names) == 7 for names in WEEKDAYS.values())


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("fi", 1, "Vastauksistasi löytyi 1 soittolupaus."),
        ("fi", 2, "Vastauksistasi löytyi 2 soittolupausta."),
        ("fi", 0, "Vastauksistasi löytyi 0 soittolupausta."),
        ("en", 1, "Found 1 callback promise in your replies."),
        ("en", 3, "Found 3 callback promises in your replies."),
    ],
)
def test_a_count_takes_its_word(lang: str, n: int, expected: str) -> None:
    assert render.text(lang, "promises", n=n) == expected


def test_several_counts_in_one_line_each_take_their_own_word() -> None:
    line = render.text("fi", "read", read=1, new=2, replies=0)
    assert line == "Luettu 1 uusi viesti: 2 uutta keskustelua, 0 vastattu"
    line = render.text("en", "read", read=2, new=1, replies=1)
    assert line == "Read 2 new messages: 1 new conversation, 1 answered by you"


def test_a_language_without_the_key_says_it_in_english() -> None:
    assert catalogue.phrase(WORDS, "sv", "err.busy") == WORDS["en"]["err.busy"]
    assert catalogue.phrase(WORDS, "xx", "mail.call") == "Call"
    assert catalogue.say("sv", "mail.call") == "Ring"


@pytest.mark.parametrize(
    ("lang", "day", "moment"),
    [
        ("fi", "ti 1.12.", "ti 1.12. klo 9.05"),
        ("sv", "tis 1.12.", "tis 1.12. kl. 9.05"),
        ("en", "Tue 01.12.", "Tue 01.12. 09:05"),
    ],
)
def test_dates_as_the_language_writes_them(lang: str, day: str, moment: str) -> None:
    t = datetime(2026, 12, 1, 9, 5, tzinfo=HELSINKI)
    assert catalogue.day(lang, t) == day
    assert catalogue.moment(lang, t) == moment
    assert catalogue.moment(lang, t, year=True) == moment.replace("12. ", "12.2026 ", 1)


def test_waiting_times_in_days_in_the_owners_language() -> None:
    long = timedelta(days=3, hours=4)
    assert catalogue.duration("fi", long) == "3 pv 4 h"
    assert catalogue.duration("en", long) == "3 d 4 h"
    assert catalogue.duration("fi", timedelta(minutes=75)) == "1 h 15 min"


STORED = [
    # (stored reason, Finnish words, English words)
    ("Subject: Poissa toimistolta: Tarjous (out-of-office subject, B12 heuristic)",
     "Subject: Poissa toimistolta: Tarjous — aihe kuulostaa poissaoloviestiltä, vaikka mikään"
     " otsake ei kerro sitä (arvaus) (B12)",
     "Subject: Poissa toimistolta: Tarjous — an out-of-office subject, though no header says so"
     " (a guess) (B12)"),
    ("Subject: Undeliverable: x (bounce subject, B12 heuristic)",
     "Subject: Undeliverable: x — aihe kuulostaa palautusviestiltä, vaikka mikään otsake ei"
     " kerro sitä (arvaus) (B12)",
     "Subject: Undeliverable: x — a bounce subject, though no header says so (a guess) (B12)"),
    ("Auto-Submitted: auto-replied (RFC 3834)",
     "Auto-Submitted: auto-replied — otsake kertoo viestin lähteneen automaattisesti (B1)",
     "Auto-Submitted: auto-replied — the header says the mail was sent automatically (B1)"),
    ("Return-Path: <> null sender (RFC 3834 §2, B2)",
     "Return-Path: <> — ei paluuosoitetta: palautusviesti",
     "Return-Path: <> — no return address: a bounce"),
    ("From: Mail Delivery System (bounce sender, §6)",
     "From: Mail Delivery System — postijärjestelmän osoite (palautus) (§6)",
     "From: Mail Delivery System — a mail system's address (bounce) (§6)"),
    ("From: noreply@posti.fi (noreply-style sender 'noreply', B5)",
     "From: noreply@posti.fi — no-reply- tai järjestelmälähettäjä (B5)",
     "From: noreply@posti.fi — a no-reply or system sender (B5)"),
    ("X-Vasteaika-Ack: our own acknowledgment (B14)",
     "X-Vasteaika-Ack — vasteaikan itse lähettämä kuittaus",
     "X-Vasteaika-Ack — an acknowledgment vasteaika sent itself"),
    ("From: laskutus@supplier.example is on the ignore list (supplier.example)",
     "From: laskutus@supplier.example — ohitettavien listallasi (supplier.example)",
     "From: laskutus@supplier.example — on your ignore list (supplier.example)"),
    ("From: Facebook (display name says 'facebook')",
     "From: Facebook — lähettäjän nimi sanoo 'facebook'",
     "From: Facebook — the sender's name says 'facebook'"),
    ("customer: From maija@example.fi, no machine signal",
     "From: maija@example.fi — asiakas: ei merkkejä koneesta",
     "From: maija@example.fi — a customer: no sign of a machine"),
    ("something an older version wrote", "something an older version wrote",
     "something an older version wrote"),
]  # fmt: skip


@pytest.mark.parametrize(("stored", "finnish", "english"), STORED)
def test_why_says_each_rule_in_words(stored: str, finnish: str, english: str) -> None:
    assert message_reason("fi", stored) == finnish
    assert message_reason("en", stored) == english


def test_why_says_the_acknowledgments_refusal_in_words() -> None:
    stored = "robot-sender: From noreply@x.fi is a no-reply or list address"
    assert ack_reason("fi", stored) == "no-reply- tai järjestelmälähettäjä (robot-sender)"
    assert ack_reason("en", stored) == "From noreply@x.fi is a no-reply or list address (robot-sender)"
    assert ack_reason("fi", "unknown words") == "unknown words"
    assert kind_words("fi", "suspected-auto-reply") == "luultavasti automaattinen vastaus (suspected-auto-reply)"


def test_an_error_from_the_catalogue_in_the_owners_language() -> None:
    error = catalogue.fault(TemporaryError, "err.not_delivered", n=1)
    assert error.line() == (
        "1 reminder could not be delivered — they stay due and are tried again on the next"
        " 'vasteaika remind'"
    )
    assert catalogue.error_line(error, "fi").startswith("1 muistutus jäi toimittamatta — ")
    assert catalogue.error_line(TemporaryError("as raised", "hint"), "fi") == "as raised — hint"


# The commands under a Finnish and an English config.

ENGLISH_LEAKS = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|heuristic|because|kind|received|conversation|"
    r"acknowledg\w*|reminders?|promised?|Due|No|not|the|with|and|of|is|wrote|removed|Nothing|"
    r"Call|Phone|Email|Subject|Source|Why|sent|draft|callback|reply|ack|desktop|email|"
    r"Unreadable|month|day)\b"
)
FINNISH_LEAKS = re.compile(
    r"\b(?:ma|ti|ke|to|pe|la|su) \d|\bklo\b|\b(?:koska|laji|keskustelu\w*|kuitta\w*|soitto|"
    r"Erääntyy|Ei|ei|muistutu\w*|lähetetty|luonnos|Soita|Puhelin|Sähköposti|Aihe|Lähde|Lupaus|"
    r"Miksi|asiakas|vastaukse\w*|vastaus|Mitään|kirjoitettu|Luettu|päivää|kuukaudessa)\b"
)


def _deliver(folder: Path, name: str, raw: bytes, at: datetime) -> None:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "cur" / f"{int(at.timestamp())}.{name}.host:2,S").write_bytes(raw)


def _date(at: datetime) -> str:
    return at.strftime("%a, %d %b %Y %H:%M:%S +0000")


@pytest.fixture
def mailbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Maildir with a waiting customer (who gets a draft acknowledgment), a customer promised
    a call tomorrow in the owner's reply, an out-of-office reply told only by its subject, a
    noreply sender and a bounce; no desktop, no crontab, no systemd units."""
    monkeypatch.setattr(render, "console", type(render.console)(width=200))
    monkeypatch.setattr(render, "err_console", type(render.err_console)(width=200, stderr=True))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("VASTEAIKA_RUN_USER_DIR", str(tmp_path / "run"))
    monkeypatch.setenv("VASTEAIKA_CRONTAB", str(tmp_path / "no-crontab"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    box, now = tmp_path / "mail", datetime.now(UTC)
    at = now - timedelta(hours=3)
    _deliver(box, "n", mail("Nea Nieminen <nea@example.fi>", OWNER, "Pihatyöt", "n@example.fi",
                            _date(at), extra="Return-Path: <nea@example.fi>\n"), at)  # fmt: skip
    _deliver(box, "r", mail("Risto Rinne <risto@example.fi>", OWNER, "Lumityöt", "r@example.fi",
                            _date(at), extra="Return-Path: <risto@example.fi>\n"), at)  # fmt: skip
    _deliver(box, "o", mail("Olli <olli@example.fi>", OWNER, "Poissa toimistolta: Pihatyöt",
                            "o@example.fi", _date(at), extra="Return-Path: <olli@example.fi>\n"),
             at)  # fmt: skip
    _deliver(box, "b", mail("noreply@posti.fi", OWNER, "Lähetys", "b@posti.fi", _date(at),
                            extra="Return-Path: <noreply@posti.fi>\n"), at)  # fmt: skip
    replied = now - timedelta(hours=2)
    _deliver(box / ".Sent", "a", mail(OWNER, "risto@example.fi", "Re: Lumityöt", "a@p",
                                      _date(replied), extra="In-Reply-To: <r@example.fi>\n",
                                      body="Hei,\n\nSoitan huomenna klo 10.\n"), replied)  # fmt: skip
    return box


def _config(tmp_path: Path, box: Path, lang: str) -> Path:
    config = tmp_path / f"{lang}.toml"
    config.write_text(
        f'[owner]\nname = "Ylermi"\naddresses = ["{OWNER}"]\nlanguage = "{lang}"\n'
        f'[account]\nmaildir = "{box}"\n[ack]\nmode = "draft"\n'
        f'[storage]\ndatabase = "{tmp_path / lang / "v.db"}"\n',
        encoding="utf-8",
    )
    (tmp_path / lang).mkdir()
    return config


COMMANDS = [
    ("check",),
    ("check",),  # after a new customer's mail: a draft acknowledgment promising a callback
    ("outbox",),
    ("reminders",),
    ("remind",),
    ("problems",),
    ("promise", "Soitan huomenna klo 10", "--explain"),
    ("promise", "Soitan perjantaina"),
    ("promise", "Kiitos viestistä"),
    ("promise", "Soitan 31.2. klo 10"),
    ("schedule", "show"),
    ("why", "<nope@nowhere>"),
    ("snooze", "1", "joskus"),
    ("remind-at", "1", "joskus"),
]


def _calendar_words(ics: str) -> str:
    """What a calendar shows of an .ics file: the calendar's name, the events' titles and texts
    (not the time zone's technical comment, nor UIDs)."""
    from icalendar import Calendar

    calendar = Calendar.from_ical(ics)
    said = [str(calendar.get("NAME", "")), str(calendar.get("X-WR-CALNAME", ""))]
    for component in calendar.walk():
        if component.name in ("VEVENT", "VALARM"):
            said += [str(component.get(name, "")) for name in ("SUMMARY", "DESCRIPTION")]
    return "\n".join(said)


def _outputs(config: Path, box: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Every command's output, `why` for every message read, the calendar export and the
    reminder mail."""
    shown = []
    for number, args in enumerate(COMMANDS):
        if number == 1:
            now = datetime.now(UTC)
            _deliver(box, "t", mail("Tiina Toivonen <tiina@example.fi>", OWNER, "Tarjouspyyntö",
                                    "t@example.fi", _date(now),
                                    extra="Return-Path: <tiina@example.fi>\n"), now)  # fmt: skip
        run(["--config", str(config), *args])
        captured = capsys.readouterr()
        shown.append(captured.out + captured.err)
    assert run(["--config", str(config), "reminders", "--ics", str(config.parent / "r.ics")]) == 0
    shown.append(capsys.readouterr().out)
    shown.append(_calendar_words((config.parent / "r.ics").read_text("utf-8")))
    parts = load_config(config)
    store = open_database(parts.database)
    record_problem = store.record_problem
    record_problem("INBOX", 1, 99, "unreadable", 0)
    run(["--config", str(config), "problems"])
    shown.append(capsys.readouterr().out)
    with sqlite3.connect(parts.database) as db:
        ids = [row[0] for row in db.execute("SELECT message_id FROM messages")]
    assert len(ids) == 6
    for message_id in ids:
        assert run(["--config", str(config), "why", message_id]) == 0
        shown.append(capsys.readouterr().out)
    [reminder] = open_reminders(store, datetime.now(UTC))
    message, _ = reminder_email(reminder, parts, datetime.now(UTC))
    shown.append(str(message["Subject"]))
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            shown.append(part.get_content())
        elif part.get_content_type() == "text/calendar":
            shown.append(_calendar_words(part.get_payload(decode=True).decode("utf-8")))
            shown.append(str(part.get_filename()))
    store.db.close()
    assert run(["--config", str(config), "rebuild", "--yes"]) == 0
    shown.append(capsys.readouterr().out)
    return shown


def _leaks(shown: list[str], leak: re.Pattern[str], tmp_path: Path) -> list[str]:
    """The lines with a word of the other language; the mail's own words are Finnish and the
    header names in why's evidence are English, so those (and file names, config keys and the
    codes in parentheses beside their words) are taken out first."""
    mail_text = re.compile(
        rf"{re.escape(str(tmp_path))}\S*|"
        r"Pihatyöt|Lumityöt|Poissa toimistolta|Lähetys|Nea Nieminen|Risto Rinne|Olli|Ylermi|"
        r"Tiina Toivonen|Tarjouspyyntö"
        r"|Soitan huomenna klo 10|huomenna klo 10|Soitan perjantaina|perjantaina|Kiitos viestistä|"
        r"Soitan 31\.2\. klo 10|'?31\.2\.'?|'Soitan'|'huomenna'|'klo 10'|"
        r"'joskus'|"
        r"(?:From|Subject|Return-Path|Reply-To): |Re: |unreadable|"
        r"no-reply|\b(?:ack|reminders|report)\.\w+|\(session bus\)|"
        r"\([a-z-]+\)"  # a code beside its words
    )
    return [line for text in shown for line in text.splitlines()
            if leak.search(mail_text.sub("", line))]  # fmt: skip


def test_a_finnish_owner_sees_no_english(
    tmp_path: Path, mailbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = _outputs(_config(tmp_path, mailbox, "fi"), mailbox, capsys)
    assert _leaks(shown, ENGLISH_LEAKS, tmp_path) == [], "\n".join(shown)
    everything = "\n".join(shown)
    for said in ("soitto", "klo 10.00", "Vastauksistasi löytyi 1 soittolupaus.", "(B12)",
                 "aihe kuulostaa poissaoloviestiltä", "Ei erääntyneitä muistutuksia.",
                 "vasteaika: viestiä, jonka Message-ID on <nope@nowhere>, ei ole luettu",
                 "Soita: Risto Rinne – Lumityöt", "luonnos",
                 "Uudet asiakkaat (2):", "Aja 'vasteaika check' kuten tavallisesti.", "'Soitan' → lupaus: soitto",
                 "— Lumityöt [vastaus]", "31.2. ei ole päivämäärä", "Muistutus: Soita: Risto Rinne",
                 "Mitään ei ole ajastettu."):  # fmt: skip
        assert said in everything, said
    # The callback the acknowledgment promised (when depends on the hour the test runs).
    assert re.search(r"tiina@example\.fi[^\n]*, soitto (ma|ti|ke|to|pe) \d{1,2}\.\d{1,2}\. klo \d{1,2}\.\d\d",
                     everything)  # fmt: skip


def test_an_english_owner_sees_no_finnish(
    tmp_path: Path, mailbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = _outputs(_config(tmp_path, mailbox, "en"), mailbox, capsys)
    assert _leaks(shown, FINNISH_LEAKS, tmp_path) == [], "\n".join(shown)
    everything = "\n".join(shown)
    for said in ("callback", "Found 1 callback promise in your replies.", "(B12)",
                 "an out-of-office subject", "No reminders due.",
                 "vasteaika: no message with Message-ID <nope@nowhere> has been read",
                 "Call: Risto Rinne – Lumityöt", "draft",
                 "New customers (2):", "Run 'vasteaika check' as usual.", "'Soitan' → a promise: call",
                 "— Lumityöt [reply]", "31.2. is no date", "Reminder: Call: Risto Rinne",
                 "Nothing scheduled."):  # fmt: skip
        assert said in everything, said
    assert re.search(r"tiina@example\.fi[^\n]*, callback (Mon|Tue|Wed|Thu|Fri) \d\d\.\d\d\. \d\d:\d\d",
                     everything)  # fmt: skip


def test_an_error_before_the_config_is_read_is_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--config", str(tmp_path / "missing.toml"), "why", "<x@y>"]) == 78
    assert "vasteaika: " in capsys.readouterr().err


# The world's errors, the watcher's log and the templates preview, under a Finnish and an
# English config: a refused IMAP login and an unreachable server (a real Dovecot), a password
# command that fails, a damaged database.

# What SQLite says in its own words, which the line quotes in parentheses.
SQLITE_WORDS = re.compile(r"\((?:file is not a database|database disk image is malformed)\)")


def _world_config(tmp_path: Path, lang: str, account: str) -> Path:
    config = tmp_path / f"{lang}.toml"
    config.write_text(
        f'[owner]\nname = "Ylermi"\naddresses = ["{OWNER}"]\nlanguage = "{lang}"\n'
        f'[account]\n{account}\n[ack]\nmode = "draft"\n'
        f'[storage]\ndatabase = "{tmp_path / lang / "v.db"}"\n',
        encoding="utf-8",
    )
    config.chmod(0o600)
    (tmp_path / lang).mkdir(exist_ok=True)
    return config


def _one_error(config: Path, capsys: pytest.CaptureFixture[str], code: int) -> str:
    assert run(["--config", str(config), "check"]) == code
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vasteaika: "), captured.err
    return lines[0].replace("127.0.0.1", "")  # "to 127…" is no Finnish weekday


LEAK = {"fi": ENGLISH_LEAKS, "en": FINNISH_LEAKS}


@pytest.mark.dovecot
@pytest.mark.parametrize(
    ("lang", "refused", "closed"),
    [("fi", "IMAP-palvelin 127.0.0.1 torjui kirjautumisen käyttäjänä", "torjui yhteyden — tarkista"
      " imap_host ja imap_port"),
     ("en", "IMAP login to 127.0.0.1 as", "refused the connection — check imap_host and imap_port")],
)  # fmt: skip
def test_a_mail_server_error_in_the_owners_language(
    lang: str, refused: str, closed: str, tmp_path: Path, dovecot: DovecotServer,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("VASTEAIKA_PASSWORD", "väärä-salasana")
    account = (f'imap_host = "127.0.0.1"\nimap_port = {dovecot.imaps_port}\nsecurity = "ssl"\n'
               f'username = "{dovecot.username}"\nca_file = "{dovecot.ca_file}"\ntimeout = 10')  # fmt: skip
    said = [_one_error(_world_config(tmp_path, lang, account), capsys, 77)]
    assert refused.replace("127.0.0.1", "") in said[0] and "väärä-salasana" not in said[0]
    closed_port = f'imap_host = "127.0.0.1"\nimap_port = {free_port()}\nsecurity = "none"\nusername = "a"'
    said.append(_one_error(_world_config(tmp_path, lang, closed_port), capsys, 69))
    assert closed in said[1]
    assert _leaks(said, LEAK[lang], tmp_path) == [], said


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fi", "account.password_command epäonnistui paluuarvolla 3 — aja se käsin nähdäksesi syyn"),
     ("en", "account.password_command failed with exit code 3 — run it by hand to see why")],
)
def test_a_failing_password_command_in_the_owners_language(
    lang: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.delenv("VASTEAIKA_PASSWORD", raising=False)
    account = (f'imap_host = "127.0.0.1"\nimap_port = {free_port()}\nsecurity = "none"\n'
               f'username = "a"\npassword_command = ["sh", "-c", "exit 3"]')  # fmt: skip
    line = _one_error(_world_config(tmp_path, lang, account), capsys, 78)
    assert line == f"vasteaika: {expected}"
    assert _leaks([line], LEAK[lang], tmp_path) == []


@pytest.mark.parametrize(
    ("lang", "damaged", "hint"),
    [("fi", "on vioittunut", "aja 'vasteaika rebuild': se siirtää tiedoston sivuun"),
     ("en", "is damaged", "run 'vasteaika rebuild': it moves the file aside")],
)
def test_a_damaged_database_in_the_owners_language(
    lang: str, damaged: str, hint: str, tmp_path: Path, mailbox: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    config = _config(tmp_path, mailbox, lang)
    (tmp_path / lang / "v.db").write_bytes(b"not a database" * 400)
    line = _one_error(config, capsys, 74)
    assert damaged in line and hint in line, line
    assert _leaks([SQLITE_WORDS.sub("", line)], LEAK[lang], tmp_path) == [], line


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fi", ["seurataan kansiota INBOX", "yhteys palvelimeen avattu", "luettu 1 viesti,"
             " 1 uusi keskustelu", "kuitattu tiina@example.fi (soitto ", "pysäytetty"]),
     ("en", ["watching INBOX", "connected", "read 1 message, 1 new conversation",
             "acknowledged tiina@example.fi (callback ", "stopped"])],
)  # fmt: skip
def test_the_watchers_log_in_the_owners_language(
    lang: str, expected: list[str], tmp_path: Path, mailbox: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """A watcher over the Maildir: one cycle reads a new customer's mail and drafts the
    acknowledgment; then it is stopped."""
    from vasteaika.jobs import watch as watch_module

    for folder in (mailbox, mailbox / ".Sent"):
        for old in (folder / "cur").iterdir():
            old.unlink()
    now = datetime.now(UTC)
    _deliver(mailbox, "t", mail("Tiina Toivonen <tiina@example.fi>", OWNER, "Tarjouspyyntö",
                                "t@example.fi", _date(now),
                                extra="Return-Path: <tiina@example.fi>\n"), now)  # fmt: skip

    def one_cycle(self: watch_module.Watcher, source: object) -> bool:
        self.stop()
        return False

    monkeypatch.setattr(watch_module.Watcher, "_wait", one_cycle)
    assert run(["--config", str(_config(tmp_path, mailbox, lang)), "watch"]) == 0
    log = capsys.readouterr().err
    lines = [line.partition(" vasteaika watch: ")[2] for line in log.splitlines()]
    for said in expected:
        assert any(line.startswith(said) for line in lines), (said, log)
    assert _leaks(lines, LEAK[lang], tmp_path) == [], log


@pytest.mark.parametrize(
    ("lang", "greeting", "bad_at"),
    [("fi", "Hei Maija", "vasteaika: 'huomenna' ei ole päivämäärä ja kellonaika — kirjoita"
      " esimerkiksi 2026-11-27T17:00"),
     ("en", "Hi Maija", "vasteaika: 'huomenna' is not a date and time — write it like"
      " 2026-11-27T17:00")],
)  # fmt: skip
def test_templates_preview_in_the_owners_language(
    lang: str, greeting: str, bad_at: str, tmp_path: Path, mailbox: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    config = _config(tmp_path, mailbox, lang)
    assert run(["--config", str(config), "templates", "preview", "--at", "2026-11-27T17:00"]) == 0
    shown = capsys.readouterr().out
    assert greeting in shown, shown
    body = shown.partition("\n\n")[2]
    assert _leaks([body], LEAK[lang], tmp_path) == [], body
    assert run(["--config", str(config), "templates", "preview", "--at", "huomenna"]) == 2
    assert capsys.readouterr().err.strip() == bad_at
    assert run(["--config", str(config), "templates", "preview", "--lang", "de"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("vasteaika: " + ("tuntematon kieli 'de'" if lang == "fi" else
                                             "unknown language 'de'")), error  # fmt: skip
