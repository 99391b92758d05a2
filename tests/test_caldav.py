"""Reminders in the owner's CalDAV calendar, against real servers on 127.0.0.1 (issue 16).

One contract, run against Radicale (htpasswd authentication) and Xandikos: the same tests, the
same expectations (vdirsyncer's way). The "phone" is a second client (python-caldav directly)
that reads, edits and deletes events as the owner would. Events are parsed back with icalendar.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import caldav
import pytest
from icalendar import Calendar

from caldav_servers import PASSWORD, USERNAME, CalDavServer
from test_reminders import OWNER, config_dict, seed_reminder
from vasteaika.cli import context as cli_context
from vasteaika.cli import run
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import UnreachableError
from vasteaika.ledger.store import Store, open_database
from vasteaika.reminders.caldav_client import CalDavCalendar
from vasteaika.reminders.calendar import owner_domain
from vasteaika.reminders.calendar_sync import CalendarSyncResult, event_states, sync_calendar
from vasteaika.reminders.store import get_reminder, mark_done, snooze

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=HELSINKI)
DUE = datetime(2026, 11, 26, 10, 0, tzinfo=HELSINKI)


def calendar_config(tmp_path: Path, server: CalDavServer, **extra: Any) -> Config:
    raw: dict[str, Any] = config_dict(tmp_path)
    raw["calendar"] = {"url": server.calendar_url, "username": USERNAME, "alarm": "15m", **extra}
    return config_from_dict(raw, None)


@pytest.fixture
def config(tmp_path: Path, caldav_server: CalDavServer) -> Config:
    return calendar_config(tmp_path, caldav_server)


@pytest.fixture
def store(config: Config) -> Store:
    return open_database(config.database)


def sync(config: Config, store: Store, now: datetime = NOW, password: str = PASSWORD
         ) -> CalendarSyncResult:  # fmt: skip
    return sync_calendar(config, store, now, lambda: CalDavCalendar(config.calendar, password))


def phone(server: CalDavServer) -> Any:
    """The owner's phone: another client of the same calendar."""
    client = caldav.DAVClient(server.base_url + "/", username=USERNAME, password=PASSWORD)
    return client.calendar(url=server.calendar_url)


def events_on(server: CalDavServer) -> list[Any]:
    """(resource, VEVENT) for every event the phone sees."""
    found = []
    for resource in phone(server).get_events():
        resource.load()
        [event] = Calendar.from_ical(resource.data).walk("VEVENT")
        found.append((resource, event))
    return found


# --- the contract: the same on every server -----------------------------------------------------


def written(server: CalDavServer, config: Config, store: Store) -> tuple[int, Any]:
    """A reminder written to the calendar, and its event resource as the phone holds it."""
    rid = seed_reminder(store, DUE)
    sync(config, store)
    [(resource, _)] = events_on(server)
    return rid, resource


def test_a_new_reminder_becomes_an_event_with_alarm_timezone_and_the_exports_uid(
    caldav_server: CalDavServer, config: Config, store: Store
) -> None:
    rid = seed_reminder(store, DUE)
    result = sync(config, store)
    assert (result.written, result.pending, result.error) == (1, 0, None)
    [(resource, event)] = events_on(caldav_server)
    reminder = get_reminder(store, rid)
    assert str(event["UID"]) == reminder.info(owner_domain(OWNER)).uid  # = reminders --ics
    assert str(event["UID"]).endswith("@pihapalvelu.fi")
    assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert event.decoded("DTSTART") == DUE
    assert int(event.get("SEQUENCE", 0)) == 0
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -timedelta(minutes=15)
    assert str(event["SUMMARY"]) == "Soita: Maija Meikäläinen – Nurmikko"
    description = str(event["DESCRIPTION"]).splitlines()
    assert "tel:0401234567" in description
    assert any(line.startswith("Miksi: vasteaika why '<maija@example.fi-") for line in description)
    assert Calendar.from_ical(resource.data).walk("VTIMEZONE")
    assert sync(config, store).written == 0  # in step: nothing written twice


def test_snooze_moves_the_same_event_and_raises_its_sequence(
    caldav_server: CalDavServer, config: Config, store: Store
) -> None:
    rid = seed_reminder(store, DUE)
    sync(config, store)
    snooze(store, rid, timedelta(hours=2), DUE)
    assert sync(config, store).written == 1
    [(_, event)] = events_on(caldav_server)
    assert event.decoded("DTSTART") == DUE + timedelta(hours=2)
    assert int(event["SEQUENCE"]) == 1
    assert event_states(store) == {rid: "synced"}


def test_done_deletes_the_event(caldav_server: CalDavServer, config: Config, store: Store) -> None:
    rid = seed_reminder(store, DUE)
    sync(config, store)
    mark_done(store, rid, DUE)
    assert sync(config, store).written == 1
    assert events_on(caldav_server) == []
    assert event_states(store) == {rid: "deleted"}


def test_an_event_deleted_on_the_phone_is_not_recreated(
    caldav_server: CalDavServer, config: Config, store: Store
) -> None:
    rid, resource = written(caldav_server, config, store)
    resource.delete()
    snooze(store, rid, timedelta(hours=1), DUE)
    result = sync(config, store)
    assert (result.written, result.pending, result.error) == (0, 0, None)
    assert events_on(caldav_server) == []
    assert event_states(store) == {rid: "gone"}
    snooze(store, rid, timedelta(hours=3), DUE)
    assert sync(config, store).written == 0 and events_on(caldav_server) == []


def test_an_event_edited_on_the_phone_is_not_overwritten_and_is_reported(
    caldav_server: CalDavServer, config: Config, store: Store
) -> None:
    rid, resource = written(caldav_server, config, store)
    edited = str(resource.data).replace("SUMMARY:Soita: Maija Meikäläinen – Nurmikko",
                                        "SUMMARY:Soita Maijalle - siirretty puhelimessa")  # fmt: skip
    assert edited != str(resource.data)
    resource.data = edited
    resource.save()
    snooze(store, rid, timedelta(hours=2), DUE)
    result = sync(config, store)
    assert result.conflicts == [rid] and result.written == 0
    [(_, kept)] = events_on(caldav_server)
    assert str(kept["SUMMARY"]) == "Soita Maijalle - siirretty puhelimessa"
    assert kept.decoded("DTSTART") == DUE  # the phone's version, not the snoozed one
    assert event_states(store) == {rid: "conflict"}


def test_server_down_keeps_the_write_and_the_next_run_does_it(
    caldav_server: CalDavServer, config: Config, store: Store
) -> None:
    caldav_server.stop()
    rid = seed_reminder(store, DUE)
    result = sync(config, store)
    assert isinstance(result.error, UnreachableError) and result.pending == 1
    assert "cannot reach the calendar server 127.0.0.1" in result.error.message
    caldav_server.start()
    assert sync(config, store).written == 1
    [(_, event)] = events_on(caldav_server)
    assert event.decoded("DTSTART") == get_reminder(store, rid).due_at


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def cli_setup(
    tmp_path: Path, caldav_server: CalDavServer, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Store]:
    """A config file with [calendar], an empty Maildir, one open reminder, a fixed clock."""
    mailbox = tmp_path / "mail"
    for sub in ("cur", "new", "tmp"):
        (mailbox / sub).mkdir(parents=True)
    path = tmp_path / "config.toml"
    path.write_text(
        f'[account]\nmaildir = "{mailbox}"\n[owner]\naddresses = ["{OWNER}"]\n'
        f'[folders]\nsent = "none"\n[ack]\nmode = "off"\n[storage]\ndatabase = "{tmp_path / "v.db"}"\n'
        f'[calendar]\nurl = "{caldav_server.calendar_url}"\nusername = "{USERNAME}"\n',
        encoding="utf-8",
    )
    path.chmod(0o600)
    monkeypatch.setattr(cli_context, "system_clock", lambda: NOW)
    monkeypatch.setenv("VASTEAIKA_CALENDAR_PASSWORD", PASSWORD)
    store = open_database(tmp_path / "v.db")
    seed_reminder(store, DUE)
    return path, store


def test_check_succeeds_with_the_server_down_says_so_and_writes_next_run(
    caldav_server: CalDavServer, cli_setup: tuple[Path, Store],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path, _ = cli_setup
    caldav_server.stop()
    assert run(["--config", str(path), "check"]) == 0
    assert "Kalenteri jäljessä: 1 muutos odottaa palvelinta" in capsys.readouterr().out
    assert run(["--config", str(path), "status"]) == 0
    assert "Kalenteri jäljessä: 1" in capsys.readouterr().out
    caldav_server.start()
    assert run(["--config", str(path), "check"]) == 0
    assert "Kalenteri jäljessä" not in capsys.readouterr().out
    assert len(events_on(caldav_server)) == 1
    assert run(["--config", str(path), "status"]) == 0
    assert "kalenteri: ajan tasalla" in capsys.readouterr().out


def test_calendar_test_and_list_show_the_calendar_used(
    caldav_server: CalDavServer, cli_setup: tuple[Path, Store],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path, _ = cli_setup
    assert run(["--config", str(path), "calendar", "test"]) == 0
    assert caldav_server.calendar_url in capsys.readouterr().out
    assert run(["--config", str(path), "calendar", "list", "--json"]) == 0
    listed = capsys.readouterr().out
    assert caldav_server.calendar_url in listed and '"used": true' in listed


def test_wrong_password_exits_77_with_one_line_and_keeps_the_write(
    caldav_server: CalDavServer, cli_setup: tuple[Path, Store],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    if not caldav_server.requires_password:
        pytest.skip("Xandikos has no authentication of its own (it runs behind a proxy)")
    path, _ = cli_setup
    monkeypatch.setenv("VASTEAIKA_CALENDAR_PASSWORD", "väärä")
    assert run(["--config", str(path), "check"]) == 77
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [  # the config's owner speaks Finnish (the default language)
        "vasteaika: kalenteripalvelin 127.0.0.1 ei hyväksynyt käyttäjätunnusta ja salasanaa"
        " — tarkista calendar.username ja salasana (sovellussalasana, jos palvelu tarjoaa"
        " sellaisen)"
    ]
    assert run(["--config", str(path), "calendar", "test"]) == 77
    capsys.readouterr()
    assert events_on(caldav_server) == []
    monkeypatch.setenv("VASTEAIKA_CALENDAR_PASSWORD", PASSWORD)
    assert run(["--config", str(path), "check"]) == 0
    assert len(events_on(caldav_server)) == 1
