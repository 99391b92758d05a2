"""The calendar event follows every change of its reminder (issue 16), against Radicale and
Xandikos on 127.0.0.1: a promise changed by a later reply or by hand (time, text, phone number,
``remind-at``), done/close/ignore after a snooze, what ``status`` says; and how the calendar is found: from a server's
root, through a web site's /.well-known/caldav (RFC 6764), over TLS with the server's own
certificate (``ca_file``), with an OAuth bearer token. The
"phone" is a second client, as in test_caldav; events are parsed back with icalendar.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from caldav_servers import PASSWORD, USERNAME, BearerGate, CalDavServer, WellKnownSite
from fakes import FakeSource, mail
from test_caldav import DUE, HELSINKI, NOW, calendar_config, events_on, sync
from test_reminders import CUSTOMER, OWNER, seed_reminder
from vasteaika.cli import context as cli_context
from vasteaika.cli import run
from vasteaika.config import Config
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store, epoch, open_database
from vasteaika.reminders.caldav_client import CalDavCalendar
from vasteaika.reminders.calendar import owner_domain
from vasteaika.reminders.calendar_sync import event_states
from vasteaika.reminders.replies import find_reply_promises
from vasteaika.reminders.store import (
    add_reminder,
    cancel_for_conversation,
    cancel_ignored,
    change_promise,
    get_reminder,
    mark_done,
    open_reminders,
    set_time,
    snooze,
)


@pytest.fixture
def config(tmp_path: Path, caldav_server: CalDavServer) -> Config:
    return calendar_config(tmp_path, caldav_server)


@pytest.fixture
def store(config: Config) -> Store:
    return open_database(config.database)


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=HELSINKI)


def owner_reply(msgid: str, sent: datetime, body: str) -> bytes:
    return mail(OWNER, "Maija Meikäläinen <maija@example.fi>", "Re: Nurmikko", msgid,
                sent.strftime("%a, %d %b %Y %H:%M:%S %z"), extra="In-Reply-To: <m1@x>\n",
                body=body)  # fmt: skip


def read_mail(config: Config, store: Store, source: FakeSource, now: datetime) -> int:
    result = run_check(config, source, store, now)
    return find_reply_promises(config, store, source, result.run_id, now)


def description(event: Any) -> list[str]:
    return str(event["DESCRIPTION"]).splitlines()


def the_event(server: CalDavServer) -> tuple[Any, Any]:
    [(resource, event)] = events_on(server)
    [alarm] = event.walk("VALARM")  # every version keeps its alarm
    assert alarm.decoded("TRIGGER") == -timedelta(minutes=15)
    assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    return resource, event


# --- a changed promise --------------------------------------------------------------------------


def test_a_later_reply_that_moves_the_promise_updates_the_same_event(
    caldav_server: CalDavServer, config: Config, store: Store
) -> None:
    source = FakeSource()
    source.add("INBOX", CUSTOMER, at(25, 8))
    source.add("Sent", owner_reply("r1@p", at(25, 9), "Soitan huomenna klo 10.\n"), at(25, 9))
    assert read_mail(config, store, source, at(25, 9) + timedelta(minutes=5)) == 1
    sync(config, store, at(25, 9))
    _, first = the_event(caldav_server)
    assert first.decoded("DTSTART") == at(26, 10)

    later = "Hei, soitan sittenkin perjantaina klo 14.\n"
    source.add("Sent", owner_reply("r2@p", at(25, 11), later), at(25, 11))
    assert read_mail(config, store, source, at(25, 11) + timedelta(minutes=5)) == 0  # no second
    [reminder] = open_reminders(store, at(25, 11))
    assert reminder.due_at == at(27, 14) and reminder.sequence == 1
    result = sync(config, store, at(25, 11))
    assert (result.written, result.conflicts, result.error) == (1, [], None)

    _, event = the_event(caldav_server)
    assert str(event["UID"]) == str(first["UID"])
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART") == at(27, 14)
    lines = description(event)
    assert any(line.startswith("Lupaus: ") and "perjantaina" in line for line in lines)
    assert "Miksi: vasteaika why '<r2@p>'" in lines  # the reply that changed it
    assert "tel:0401234567" in lines
    assert sync(config, store, at(25, 11)).written == 0  # in step


def test_a_new_phone_number_and_remind_at_update_the_event_and_its_sequence(
    caldav_server: CalDavServer, config: Config, store: Store
) -> None:
    rid = seed_reminder(store, DUE)
    sync(config, store)
    change_promise(store, rid, due_at=epoch(DUE), has_time=True, source_message_id=None,
                   promise_text="soitan huomenna klo 10 uuteen numeroon",
                   phone="050 765 4321")  # fmt: skip
    assert sync(config, store).written == 1  # the same time: only the words changed
    _, event = the_event(caldav_server)
    assert (int(event["SEQUENCE"]), event.decoded("DTSTART")) == (1, DUE)
    lines = description(event)
    assert "Puhelin: 050 765 4321" in lines and "tel:0507654321" in lines
    assert "Lupaus: soitan huomenna klo 10 uuteen numeroon" in lines

    set_time(store, rid, DUE + timedelta(days=1), True, NOW)  # vasteaika remind-at
    assert sync(config, store).written == 1  # the ETag of the last write let it through
    _, moved = the_event(caldav_server)
    assert (int(moved["SEQUENCE"]), moved.decoded("DTSTART")) == (2, DUE + timedelta(days=1))
    assert "tel:0507654321" in description(moved)
    assert event_states(store) == {rid: "synced"}


def test_a_change_after_an_edit_on_the_phone_does_not_overwrite_the_edit(
    caldav_server: CalDavServer, config: Config, store: Store
) -> None:
    rid = seed_reminder(store, DUE)
    sync(config, store)
    resource, _ = the_event(caldav_server)
    resource.data = str(resource.data).replace("DURATION:PT15M", "DURATION:PT45M")
    resource.save()
    change_promise(store, rid, due_at=epoch(DUE + timedelta(hours=3)), has_time=True,
                   promise_text="soitan iltapäivällä", source_message_id=None,
                   phone=None)  # fmt: skip
    result = sync(config, store)
    assert (result.written, result.conflicts) == (0, [rid])
    _, kept = the_event(caldav_server)
    assert kept.decoded("DURATION") == timedelta(minutes=45)  # the phone's version
    assert kept.decoded("DTSTART") == DUE
    assert event_states(store) == {rid: "conflict"}


def test_a_promise_without_a_readable_time_gets_its_event_when_the_time_is_set(
    caldav_server: CalDavServer, config: Config, store: Store
) -> None:
    rid = seed_reminder(store, DUE)
    mark_done(store, rid, NOW)
    conversation = get_reminder(store, rid).conversation_id
    assert conversation is not None
    add_reminder(store, conversation, due_at=epoch(NOW), source="reply", phone=None,
                 now=epoch(NOW), promise_text="ensi viikolla", has_time=False,
                 unreadable=True)  # fmt: skip
    unreadable = int(store.db.execute("SELECT max(id) FROM reminders").fetchone()[0])
    assert sync(config, store).written == 0 and events_on(caldav_server) == []  # no guessed time
    set_time(store, unreadable, DUE + timedelta(days=5), True, NOW)  # vasteaika remind-at
    assert sync(config, store).written == 1
    _, event = the_event(caldav_server)
    assert event.decoded("DTSTART") == DUE + timedelta(days=5)


# --- after a snooze ----------------------------------------------------------------------------


@pytest.mark.parametrize("finish", ["done", "close", "ignore"])
def test_a_snoozed_event_is_deleted_by_done_close_or_ignore(
    caldav_server: CalDavServer, config: Config, store: Store, finish: str
) -> None:
    rid = seed_reminder(store, DUE)
    sync(config, store)
    snooze(store, rid, timedelta(hours=2), DUE)
    assert sync(config, store, DUE).written == 1
    _, snoozed = the_event(caldav_server)
    assert (snoozed.decoded("DTSTART"), int(snoozed["SEQUENCE"])) == (DUE + timedelta(hours=2), 1)
    later = DUE + timedelta(hours=1)
    if finish == "done":
        mark_done(store, rid, later)
    elif finish == "close":
        conversation = get_reminder(store, rid).conversation_id
        assert conversation is not None and cancel_for_conversation(store, conversation, later)
    else:
        assert cancel_ignored(store, ("maija@example.fi",), later) == 1
    result = sync(config, store, later)
    assert (result.written, result.pending, result.conflicts) == (1, 0, [])
    assert events_on(caldav_server) == []
    assert event_states(store) == {rid: "deleted"}


def test_snooze_then_done_while_the_server_is_down_deletes_the_event_when_it_is_back(
    caldav_server: CalDavServer, config: Config, store: Store
) -> None:
    rid = seed_reminder(store, DUE)
    sync(config, store)
    caldav_server.stop()
    snooze(store, rid, timedelta(hours=2), DUE)
    assert sync(config, store, DUE).pending == 1
    mark_done(store, rid, DUE + timedelta(hours=1))
    assert sync(config, store, DUE + timedelta(hours=1)).pending == 1  # the delete waits
    caldav_server.start()
    assert sync(config, store, DUE + timedelta(hours=2)).written == 1
    assert events_on(caldav_server) == [] and event_states(store) == {rid: "deleted"}


# --- the commands write at once -----------------------------------------------------------------


def write_config(tmp_path: Path, url: str, *extra: str) -> Path:
    mailbox = tmp_path / "mail"
    for sub in ("cur", "new", "tmp"):
        (mailbox / sub).mkdir(parents=True, exist_ok=True)
    path = tmp_path / "config.toml"
    path.write_text(
        f'[account]\nmaildir = "{mailbox}"\n[owner]\naddresses = ["{OWNER}"]\n'
        f'[folders]\nsent = "none"\n[ack]\nmode = "off"\n[storage]\ndatabase = "{tmp_path / "v.db"}"\n'
        f'[calendar]\nurl = "{url}"\nusername = "{USERNAME}"\nalarm = "15m"\n' + "".join(f"{e}\n" for e in extra),
        encoding="utf-8",
    )
    path.chmod(0o600)
    return path


def test_remind_at_and_close_bring_the_calendar_in_step_at_once(
    caldav_server: CalDavServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = write_config(tmp_path, caldav_server.calendar_url)
    monkeypatch.setattr(cli_context, "system_clock", lambda: NOW)
    monkeypatch.setenv("VASTEAIKA_CALENDAR_PASSWORD", PASSWORD)
    store = open_database(tmp_path / "v.db")
    rid = seed_reminder(store, DUE)
    conversation = get_reminder(store, rid).conversation_id
    with store.db.atomic():  # the customer waits for an answer: the conversation can be closed
        store.db.execute("UPDATE conversations SET waiting_since = first_contact_at")
    assert run(["--config", str(path), "check"]) == 0
    assert run(["--config", str(path), "remind-at", str(rid), "27.11. klo 13"]) == 0
    _, event = the_event(caldav_server)
    assert (event.decoded("DTSTART"), int(event["SEQUENCE"])) == (at(27, 13), 1)
    assert run(["--config", str(path), "close", str(conversation)]) == 0
    assert events_on(caldav_server) == []
    assert "calendar not updated" not in capsys.readouterr().err


def test_status_tells_the_writes_waiting_the_last_error_and_the_events_left_alone(
    caldav_server: CalDavServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = write_config(tmp_path, caldav_server.calendar_url)
    monkeypatch.setattr(cli_context, "system_clock", lambda: NOW)
    monkeypatch.setenv("VASTEAIKA_CALENDAR_PASSWORD", PASSWORD)
    store = open_database(tmp_path / "v.db")
    deleted = seed_reminder(store, DUE)
    conversation = get_reminder(store, deleted).conversation_id
    assert conversation is not None

    def another(due: datetime) -> int:
        add_reminder(store, conversation, due_at=epoch(due), source="reply", phone=None,
                     now=epoch(NOW))  # fmt: skip
        return int(store.db.execute("SELECT max(id) FROM reminders").fetchone()[0])

    edited = another(DUE + timedelta(days=1))
    assert run(["--config", str(path), "check"]) == 0
    uids = {get_reminder(store, r).info(owner_domain(OWNER)).uid: r for r in (deleted, edited)}
    for resource, event in events_on(caldav_server):
        if uids[str(event["UID"])] == deleted:
            resource.delete()
        else:
            resource.data = str(resource.data).replace("DURATION:PT15M", "DURATION:PT1H")
            resource.save()
    for rid in (deleted, edited):
        set_time(store, rid, get_reminder(store, rid).due_at + timedelta(hours=1), True, NOW)
    assert run(["--config", str(path), "check"]) == 0
    another(DUE + timedelta(days=2))
    caldav_server.stop()
    assert run(["--config", str(path), "check"]) == 0
    capsys.readouterr()

    assert run(["--config", str(path), "status", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["calendar"]
    assert shown == {"pending_writes": 1, "conflicts": 1, "gone": 1,
                     "last_error": shown["last_error"]}  # fmt: skip
    assert "cannot reach the calendar server 127.0.0.1" in shown["last_error"]
    assert run(["--config", str(path), "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("Kalenteri jäljessä: 1 muutos ") for line in lines)
    assert any(line.startswith("Kalenteri: 1 puhelimessa muokattu tapahtuma") for line in lines)
    assert any(line.startswith("Kalenteri: 1 avoin muistutus, jonka") for line in lines)
    caldav_server.start()
    assert run(["--config", str(path), "calendar", "list"]) == 0
    listed = capsys.readouterr().out
    assert f"Muokattu puhelimessa, jätetty sellaisiksi kuin teit ne: muistutus #{edited}\n" in listed
    assert f"Poistettu puhelimessa, ei palautettu takaisin: muistutus #{deleted}\n" in listed


# --- finding the calendar -----------------------------------------------------------------------


def test_the_calendar_is_found_from_the_servers_root(
    caldav_server: CalDavServer, tmp_path: Path
) -> None:
    config = calendar_config(tmp_path, caldav_server, url=caldav_server.base_url + "/")
    chosen = CalDavCalendar(config.calendar, PASSWORD).chosen()
    assert chosen.url == caldav_server.calendar_url  # principal → calendar-home-set → calendar
    store = open_database(config.database)
    seed_reminder(store, DUE)
    assert sync(config, store).written == 1
    assert len(events_on(caldav_server)) == 1


@pytest.mark.parametrize("home", [200, 405])
def test_a_web_sites_well_known_caldav_leads_to_the_calendar(
    caldav_server: CalDavServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], home: int,
) -> None:  # fmt: skip
    with WellKnownSite(caldav_server.base_url, home) as site:
        path = write_config(tmp_path, site.base_url + "/")
        monkeypatch.setenv("VASTEAIKA_CALENDAR_PASSWORD", PASSWORD)
        assert run(["--config", str(path), "calendar", "test"]) == 0
        assert caldav_server.calendar_url in capsys.readouterr().out
        store = open_database(tmp_path / "v.db")
        config = calendar_config(tmp_path, caldav_server, url=site.base_url)
        seed_reminder(store, DUE)
        assert sync(config, store).written == 1
    assert len(events_on(caldav_server)) == 1


def test_a_web_site_without_caldav_is_one_clear_line(
    caldav_server: CalDavServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    with WellKnownSite(caldav_server.base_url) as site:
        path = write_config(tmp_path, site.base_url + "/kalenteri/")
        monkeypatch.setenv("VASTEAIKA_CALENDAR_PASSWORD", PASSWORD)
        code = run(["--config", str(path), "calendar", "test"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 69  # unreachable: the address leads to no calendar
    assert err == [f"vasteaika: osoitteesta {site.base_url}/kalenteri/ ei löytynyt mitään"
                   " — tarkista calendar.url ('vasteaika calendar list')"]  # fmt: skip


def test_a_server_with_its_own_certificate_is_reached_with_ca_file(
    tls_caldav_server: CalDavServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url = tls_caldav_server.calendar_url
    assert url.startswith("https://")
    monkeypatch.setenv("VASTEAIKA_CALENDAR_PASSWORD", PASSWORD)
    assert run(["--config", str(write_config(tmp_path, url)), "calendar", "test"]) == 69
    assert capsys.readouterr().err.strip().splitlines() == [  # a Finnish owner (the default)
        "vasteaika: kalenteripalvelimen 127.0.0.1 TLS-varmennetta ei voitu varmistaa"
        " — jos palvelimella on oma varmenteensa, aseta calendar.ca_file sen PEM-tiedostoon;"
        " muuten tarkista calendar.url"
    ]
    missing = tmp_path / "puuttuu.pem"
    path = write_config(tmp_path, url, f'ca_file = "{missing}"')
    assert run(["--config", str(path), "calendar", "test"]) == 78
    assert capsys.readouterr().err.strip().splitlines() == [
        f"vasteaika: varmennetiedostoa {missing} ei voi lukea"
        " — tarkista calendar.ca_file: palvelimen varmenteen PEM-tiedosto"
    ]
    assert tls_caldav_server.certificate is not None
    path = write_config(tmp_path, url, f'ca_file = "{tls_caldav_server.certificate[0]}"')
    assert run(["--config", str(path), "calendar", "test"]) == 0
    assert url in capsys.readouterr().out


def test_the_oauth_token_commands_bearer_token_reaches_the_server(
    caldav_server: CalDavServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(cli_context, "system_clock", lambda: NOW)
    token = "ya29.a0-testitunnus"
    printer = tmp_path / "token.py"
    printer.write_text(f"print({token!r})\n", encoding="utf-8")
    with BearerGate(caldav_server.base_url, token) as gate:
        path = write_config(
            tmp_path, gate.base_url + "/", 'auth = "oauth2"',
            f'password_command = ["{sys.executable}", "{printer}"]',
        )  # fmt: skip
        store = open_database(tmp_path / "v.db")
        seed_reminder(store, DUE)
        assert run(["--config", str(path), "calendar", "test"]) == 0
        assert caldav_server.calendar_url.removeprefix(caldav_server.base_url) in (
            capsys.readouterr().out
        )
        assert run(["--config", str(path), "check"]) == 0
        assert f"Bearer {token}" in gate.seen
        assert all(seen in ("", f"Bearer {token}") for seen in gate.seen)  # never a password
        printer.write_text("print('vanhentunut')\n", encoding="utf-8")
        assert run(["--config", str(path), "calendar", "test"]) == 77
        assert "ei hyväksynyt käyttäjätunnusta ja salasanaa" in capsys.readouterr().err
    assert len(events_on(caldav_server)) == 1
