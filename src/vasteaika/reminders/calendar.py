"""Callback reminders as iCalendar events for a phone calendar (the ``icalendar`` package).

Each reminder is a 15-minute VEVENT at its due time in the configured time zone (with the
VTIMEZONE a phone needs to place it), a DISPLAY alarm ``alarm_before`` the call, and the UID
``reminder-<id>@vasteaika``: importing a second export updates the same event instead of adding
a copy. Customer text goes through :func:`_clean` (one line, no control characters, capped);
iCalendar escaping of commas, semicolons and newlines is icalendar's job.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from vasteaika.catalogue import say
from vasteaika.clock import system_clock

if TYPE_CHECKING:  # icalendar loads when an event is made, not with the reminder records
    from icalendar import Event

PRODID = "-//vasteaika//vasteaika//FI"
CALL_DURATION = timedelta(minutes=15)
SUMMARY_LIMIT = 200
FIELD_LIMIT = 500

_SOURCES = ("ack", "reply", "ack_in_doubt")  # words: the catalogue's "source.*"
_VERBS = ("call", "visit", "message")  # words: the catalogue's "event.*"
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ReminderInfo:
    """One callback reminder as the calendar sees it. ``due_at`` is timezone-aware;
    ``source`` is "ack" (the acknowledgment's promised slot) or "reply" (the owner's own words)."""

    id: int
    customer_name: str
    customer_email: str
    subject: str
    phone: str | None
    due_at: datetime
    source: str
    kind: str = "call"  # call | visit | message
    sequence: int = 0  # raised each time the event moves (snooze, remind-at)
    uid: str | None = None  # reminder_uid with the owner's domain; None: the old local UID
    promise_text: str | None = None
    why_id: str | None = None  # the Message-ID 'vasteaika why' explains


def reminder_uid(
    reminder_id: int, created_at: datetime | None = None, domain: str | None = None
) -> str:
    """Globally unique and stable: the reminder's number and creation time at the owner's
    domain, the same in every export and in the CalDAV calendar."""
    if created_at is None or not domain:
        return f"reminder-{reminder_id}@vasteaika"
    return f"vasteaika-reminder-{reminder_id}-{int(created_at.timestamp())}@{domain}"


def owner_domain(owner_address: str) -> str:
    return owner_address.rsplit("@", 1)[-1].strip().lower() or "vasteaika"


def reminder_event(
    reminder: ReminderInfo,
    tz: ZoneInfo,
    alarm_before: timedelta,
    *,
    stamp_at: datetime | None = None,
    lang: str = "fi",
) -> Event:
    """The VEVENT for one reminder, its words in ``lang`` (the owner's). ``stamp_at`` (DTSTAMP,
    when this export was made) should be the run's ``now``; without it the system clock is
    read."""
    from icalendar import Alarm, Event

    if reminder.due_at.tzinfo is None:
        raise ValueError(f"reminder {reminder.id}: due_at must be timezone-aware")
    if alarm_before < timedelta(0):
        raise ValueError("alarm_before must not be negative")
    summary = _summary(reminder, lang)
    event = Event.new(
        uid=reminder.uid or reminder_uid(reminder.id),
        start=reminder.due_at.astimezone(tz),
        stamp=(stamp_at or system_clock()).astimezone(UTC),
        summary=summary,
        description=_description(reminder, lang),
    )
    event.add("duration", CALL_DURATION)
    if reminder.sequence:
        event.add("sequence", reminder.sequence)
    alarm = Alarm.new(description=summary)
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -alarm_before)
    event.add_component(alarm)
    return event


def reminders_calendar(
    reminders: Iterable[ReminderInfo],
    tz: ZoneInfo,
    alarm_before: timedelta,
    *,
    stamp_at: datetime | None = None,
    lang: str = "fi",
) -> bytes:
    """An .ics file (bytes, CRLF lines) holding every reminder, with the VTIMEZONE for ``tz``,
    its words in ``lang``."""
    from icalendar import Calendar

    stamp = stamp_at or system_clock()
    calendar = Calendar.new(prodid=PRODID, uid="reminders@vasteaika",
                            name=say(lang, "event.calendar"))  # fmt: skip
    calendar.add("method", "PUBLISH")  # RFC 6047: matches the mail attachment's method=PUBLISH
    for reminder in sorted(reminders, key=lambda r: (r.due_at, r.id)):
        calendar.add_component(
            reminder_event(reminder, tz, alarm_before, stamp_at=stamp, lang=lang)
        )
    calendar.add_missing_timezones()
    ics: bytes = calendar.to_ical()
    return ics


def _summary(reminder: ReminderInfo, lang: str) -> str:
    who = _clean(reminder.customer_name, FIELD_LIMIT) or _clean(
        reminder.customer_email, FIELD_LIMIT
    )
    subject = _clean(reminder.subject, FIELD_LIMIT)
    verb = say(lang, f"event.{reminder.kind if reminder.kind in _VERBS else 'call'}")
    text = f"{verb}: {who} – {subject}" if subject else f"{verb}: {who}"
    return _clean(text, SUMMARY_LIMIT)


def _description(reminder: ReminderInfo, lang: str) -> str:
    lines = []
    phone = _clean(reminder.phone or "", 100)
    if phone:
        lines.append(f"{say(lang, 'event.phone')}: {phone}")
    lines.append(f"{say(lang, 'event.email')}: {_clean(reminder.customer_email, FIELD_LIMIT)}")
    subject = _clean(reminder.subject, FIELD_LIMIT)
    if subject:
        lines.append(f"{say(lang, 'event.subject')}: {subject}")
    source = (say(lang, f"source.{reminder.source}") if reminder.source in _SOURCES
              else _clean(reminder.source, 50))  # fmt: skip
    lines.append(f"{say(lang, 'event.source')}: {source}")
    return "\n".join(lines + _details(reminder, lang))


def _details(reminder: ReminderInfo, lang: str) -> list[str]:
    """The phone number as a tel: link, the promised words and the way back to the mail."""
    lines = []
    dial = re.sub(r"[^\d+]", "", reminder.phone or "")
    if dial:
        lines.append(f"tel:{dial}")
    promised = _clean(reminder.promise_text or "", FIELD_LIMIT)
    if promised:
        lines.append(f"{say(lang, 'event.promise')}: {promised}")
    why = _clean(reminder.why_id or "", FIELD_LIMIT).strip("<>")
    if why:
        lines.append(f"{say(lang, 'event.why')}: vasteaika why '<{why}>'")
    return lines


def _clean(text: str, limit: int) -> str:
    """One line of printable text: control and format characters become spaces or go, runs of
    whitespace become one space, and the result is cut to ``limit`` characters with "…"."""
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Zl", "Zp"):
            kept.append(" ")
        elif category not in ("Cf", "Cs", "Co", "Cn"):
            kept.append(ch)
    line = _SPACES.sub(" ", "".join(kept)).strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
