"""Reminders as iCalendar: every export is read back with icalendar and checked field by field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from vasteaika.reminders.calendar import ReminderInfo, reminder_event, reminders_calendar

HELSINKI = ZoneInfo("Europe/Helsinki")
STAMP = datetime(2025, 3, 28, 6, 0, tzinfo=UTC)
TEN_MINUTES = timedelta(minutes=10)


def reminder(**changes: object) -> ReminderInfo:
    fields: dict[str, object] = {
        "id": 7,
        "customer_name": "Matti Virtanen",
        "customer_email": "matti@example.fi",
        "subject": "Kattoremontti",
        "phone": "+358 40 123 4567",
        "due_at": datetime(2025, 3, 31, 10, 0, tzinfo=HELSINKI),  # Monday, summer time (+03)
        "source": "ack",
    }
    fields.update(changes)
    return ReminderInfo(**fields)  # type: ignore[arg-type]


def read_back(ics: bytes) -> tuple[Calendar, list[Event]]:
    calendar = Calendar.from_ical(ics)
    return calendar, list(calendar.events)


def test_event_fields_read_back() -> None:
    calendar, [event] = read_back(
        reminders_calendar([reminder()], HELSINKI, TEN_MINUTES, stamp_at=STAMP)
    )

    assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert event.decoded("DTSTART") == datetime(2025, 3, 31, 10, 0, tzinfo=HELSINKI)
    assert event.decoded("DTSTART").utcoffset() == timedelta(hours=3)
    assert event.decoded("DURATION") == timedelta(minutes=15)
    assert str(event["UID"]) == "reminder-7@vasteaika"
    assert str(event["SUMMARY"]) == "Soita: Matti Virtanen – Kattoremontti"
    assert str(event["DESCRIPTION"]).splitlines() == [
        "Puhelin: +358 40 123 4567",
        "Sähköposti: matti@example.fi",
        "Aihe: Kattoremontti",
        "Lähde: kuittauksessa luvattu soitto",
        "tel:+358401234567",  # a link the phone dials with one tap
    ]
    assert event.decoded("DTSTAMP") == STAMP
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == -TEN_MINUTES
    assert str(alarm["DESCRIPTION"]) == "Soita: Matti Virtanen – Kattoremontti"
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Helsinki"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//vasteaika//vasteaika//FI"


def test_a_utc_due_time_is_shown_in_the_configured_zone() -> None:
    due = datetime(2025, 1, 15, 12, 30, tzinfo=UTC)  # winter: Helsinki is +02
    _, [event] = read_back(
        reminders_calendar([reminder(due_at=due)], HELSINKI, TEN_MINUTES, stamp_at=STAMP)
    )
    assert event.decoded("DTSTART") == datetime(2025, 1, 15, 14, 30, tzinfo=HELSINKI)
    assert b"DTSTART;TZID=Europe/Helsinki:20250115T143000" in reminders_calendar(
        [reminder(due_at=due)], HELSINKI, TEN_MINUTES, stamp_at=STAMP
    )


def test_uid_is_stable_across_exports_and_a_moved_reminder_keeps_it() -> None:
    first = reminders_calendar([reminder(), reminder(id=8)], HELSINKI, TEN_MINUTES, stamp_at=STAMP)
    again = reminders_calendar([reminder(), reminder(id=8)], HELSINKI, TEN_MINUTES, stamp_at=STAMP)
    snoozed = reminder(due_at=datetime(2025, 3, 31, 10, 30, tzinfo=HELSINKI))
    later = reminders_calendar(
        [snoozed, reminder(id=8)], HELSINKI, TEN_MINUTES, stamp_at=STAMP + timedelta(minutes=5)
    )

    assert first == again  # same reminders, same moment: byte for byte the same file
    uids = [sorted(str(e["UID"]) for e in read_back(ics)[1]) for ics in (first, later)]
    assert uids == [["reminder-7@vasteaika", "reminder-8@vasteaika"]] * 2
    moved = next(e for e in read_back(later)[1] if str(e["UID"]) == "reminder-7@vasteaika")
    assert moved.decoded("DTSTART") == datetime(2025, 3, 31, 10, 30, tzinfo=HELSINKI)
    assert moved.decoded("DTSTAMP") > read_back(first)[1][0].decoded("DTSTAMP")


def test_hostile_text_stays_one_escaped_line() -> None:
    nasty = reminder(
        customer_name="Evil\r\nBEGIN:VEVENT\r\nUID:x, y; z\\",
        subject="Tarjous\u202e\x00 " + "x" * 1000,
        phone="040\n123",
    )
    ics = reminders_calendar([nasty], HELSINKI, TEN_MINUTES, stamp_at=STAMP)

    _, [event] = read_back(ics)
    assert ics.split(b"\r\n").count(b"BEGIN:VEVENT") == 1  # the name is text, not a new event
    summary = str(event["SUMMARY"])
    assert summary.startswith("Soita: Evil BEGIN:VEVENT UID:x, y; z\\ – Tarjous xxx")
    assert len(summary) == 200 and summary.endswith("…")
    assert str(event["DESCRIPTION"]).splitlines()[0] == "Puhelin: 040 123"


def test_without_name_phone_or_subject() -> None:
    event = reminder_event(
        reminder(customer_name="", phone=None, subject="  ", source="reply"),
        HELSINKI,
        TEN_MINUTES,
        stamp_at=STAMP,
    )
    assert str(event["SUMMARY"]) == "Soita: matti@example.fi"
    assert str(event["DESCRIPTION"]).splitlines() == [
        "Sähköposti: matti@example.fi",
        "Lähde: luvattu omassa vastauksessa",
    ]


def test_alarm_at_the_start_time() -> None:
    event = reminder_event(reminder(), HELSINKI, timedelta(0), stamp_at=STAMP)
    assert event.walk("VALARM")[0].decoded("TRIGGER") == timedelta(0)


def test_an_empty_export_is_a_valid_calendar() -> None:
    calendar, events = read_back(reminders_calendar([], HELSINKI, TEN_MINUTES, stamp_at=STAMP))
    assert events == []
    assert str(calendar["VERSION"]) == "2.0"


@pytest.mark.parametrize(
    ("changes", "alarm_before"),
    [({"due_at": datetime(2025, 3, 31, 10, 0)}, TEN_MINUTES), ({}, timedelta(minutes=-5))],
)
def test_bad_input_is_refused(changes: dict[str, object], alarm_before: timedelta) -> None:
    with pytest.raises(ValueError):
        reminder_event(reminder(**changes), HELSINKI, alarm_before, stamp_at=STAMP)
