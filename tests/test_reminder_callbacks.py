"""What a fired reminder tells the owner, at its edges: each test holds a rule whose breaking
mutation testing showed no other test noticed (issue 19; benchmarks/mutation.py,
reminders.callbacks). A Reminder record and a config; the ledger where a reminder fires."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from fakes import Recorder
from test_reminders import config_dict, seed_reminder
from vasteaika.catalogue import Said, error_line, fault
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import UnreachableError
from vasteaika.ledger.store import open_database
from vasteaika.reminders.callbacks import fire_due, notification_text, reminder_email
from vasteaika.reminders.notify import NotifyResult
from vasteaika.reminders.store import Reminder, get_reminder

# Far from the machine's clock, so that a time taken from it instead would show.
NOW = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
DUE = datetime(2027, 3, 2, 10, 30, tzinfo=UTC)  # 12:30 in Helsinki


def _config(tmp_path: Path, language: str = "fi") -> Config:
    raw: dict[str, Any] = config_dict(tmp_path)
    raw["owner"]["language"] = language
    return config_from_dict(raw, None)


def _reminder(**changed: Any) -> Reminder:
    fields: dict[str, Any] = {
        "id": 7, "conversation_id": 3, "customer_name": "Maija Meikäläinen",
        "customer_email": "maija@example.fi", "subject": "Nurmikko", "phone": "040 123 4567",
        "due_at": DUE, "has_time": True, "source": "reply", "promise_text": None,
        "fired_at": None, "snoozed_until": None, "done_at": None, "delivery": None,
        "delivery_note": None, "created_at": NOW,
    }  # fmt: skip
    return Reminder(**{**fields, **changed})


@pytest.mark.parametrize(
    ("kind", "title"),
    [("call", "Soita"), ("visit", "Käy"), ("message", "Lähetä"), ("fax", "Soita")],
)
def test_the_notification_says_what_was_promised_and_a_call_when_unknown(
    tmp_path: Path, kind: str, title: str
) -> None:
    shown, _ = notification_text(_reminder(kind=kind), _config(tmp_path))
    assert shown == f"{title}: Maija Meikäläinen"


def test_a_reminder_without_a_subject_has_no_empty_line(tmp_path: Path) -> None:
    _, body = notification_text(_reminder(subject=""), _config(tmp_path))
    assert (
        body
        == "Puh. 040 123 4567 · Luvattu ti 2.3. klo 12.30 · vasteaika done 7 · vasteaika snooze 7 30m"
    )


@pytest.mark.parametrize(("language", "day", "promise"), [("fi", "Luvattu ti 2.3.", "Lupaus"),
                                                          ("en", "Promised Tue 02.03.", "Promise")])  # fmt: skip
def test_the_reminder_mail_speaks_the_owners_language_throughout(
    tmp_path: Path, language: str, day: str, promise: str
) -> None:
    """A promise for a day without a time, with the owner's words: the day, the label of the
    promise and the attached event are all in the owner's language."""
    config = _config(tmp_path, language)
    reminder = _reminder(has_time=False, promise_text="soitan tiistaina")
    msg, _ = reminder_email(reminder, config, NOW)
    text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert day in text, text
    assert f"{promise}: soitan tiistaina" in text
    event = _event(msg)
    said, _ = notification_text(reminder, config)
    assert str(event["SUMMARY"]).startswith(said.split(":")[0])


def test_the_attached_event_is_in_business_time_stamped_with_the_runs_clock(
    tmp_path: Path,
) -> None:
    msg, _ = reminder_email(_reminder(), _config(tmp_path), NOW)
    event = _event(msg)
    start = event["DTSTART"]
    assert start.params["TZID"] == "Europe/Helsinki"
    assert start.dt == DUE and start.dt.utcoffset().total_seconds() == 2 * 3600
    assert event["DTSTAMP"].dt == NOW


def test_long_texts_are_cut_to_what_a_mail_reader_shows(tmp_path: Path) -> None:
    """A pasted wall of text as the subject or the promise: the Subject keeps 200 characters,
    each body line 500, the promise 300 (each with its ellipsis)."""
    config = _config(tmp_path)
    reminder = _reminder(customer_name="N" * 400, subject="S" * 800, promise_text="P" * 800)
    msg, _ = reminder_email(reminder, config, NOW)
    sent = message_from_bytes(msg.as_bytes(), policy=policy.default)
    assert str(sent["Subject"]) == "Muistutus: Soita: " + "N" * 181 + "…"
    lines = msg.get_body(("plain",)).get_content().splitlines()  # type: ignore[union-attr]
    subject_line = next(line for line in lines if line.startswith("SSS"))
    promise_line = next(line for line in lines if "PPP" in line)
    assert len(subject_line) == 500
    assert len(promise_line.partition(": ")[2]) == 300


def _event(msg: Any) -> Any:
    [part] = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    calendar = Calendar.from_ical(part.get_content())
    [event] = [c for c in calendar.walk() if c.name == "VEVENT"]
    return event


class _NoDesktop:
    """A desktop that cannot be reached, saying why in the catalogue's words, as the real
    notifier does (the fake in fakes.py gives a fixed text)."""

    def notify(self, title: str, body: str) -> NotifyResult:
        words = Said("notify.unreachable", {"detail": Said("notify.no_bus", {"path": "/run/x"})})
        return NotifyResult(False, str(words), words)


def test_why_a_reminder_was_not_delivered_is_in_the_owners_language(tmp_path: Path) -> None:
    """No desktop and the email fallback failing: the delivery note ('vasteaika check' and
    'reminders' show it) says both in Finnish for a Finnish owner, nothing in English."""
    config = _config(tmp_path)
    store = open_database(config.database)
    reminder_id = seed_reminder(store, NOW)
    failing = Recorder(fail=fault(UnreachableError, "smtp.no_password", user="ylermi"))
    [fired] = fire_due(config, store, _NoDesktop(), failing, NOW).fired
    assert fired.channel == "failed"
    assert fired.detail == (
        "työpöytää ei tavoitettu: istuntoväylää ei löydy (DBUS_SESSION_BUS_ADDRESS puuttuu eikä"
        " ole tiedostoa /run/x); sähköposti epäonnistui: " + error_line(failing.fail, "fi")  # type: ignore[arg-type]
    )
    assert "no password" not in fired.detail and "no desktop" not in fired.detail
    assert get_reminder(store, reminder_id).delivery_note == fired.detail
