"""Reminders kept in step with the owner's CalDAV calendar, through an outbox in the ledger.

Two halves, so that a dead server never loses a write: ``plan_writes`` compares the reminders
with ``calendar_events`` (migrations m014, m024) and records what is to be done — create an
event for a new reminder, update it (SEQUENCE + 1) when the reminder moved or its promise
changed, delete it when the reminder is done or gone — in one transaction, with no network.
``push_writes`` then does the pending writes one by one, each result committed at once; the
first server failure stops the push and is recorded on the waiting writes, which the next run
retries. An event deleted on the
phone is marked ``gone`` and never recreated; one edited on the phone (its ETag changed) is
marked ``conflict`` and not overwritten. Every statement on ``calendar_events`` is here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event

from vasteaika.config.records import Config
from vasteaika.errors import AuthenticationError, ConfigError, VasteaikaError
from vasteaika.ledger.store import Store, epoch
from vasteaika.reminders.caldav_client import CalendarServer, EventChanged, EventGone
from vasteaika.reminders.calendar import PRODID, owner_domain, reminder_event, reminder_uid
from vasteaika.reminders.store import get_reminder

# A reminder older than this when the calendar is first set up is not put in it: a phone
# calendar full of last month's calls helps nobody.
BACKFILL = timedelta(days=1)
CONFLICT_NOTE = "edited in the calendar after vasteaika wrote it; left as it is there"


@dataclass
class CalendarSyncResult:
    written: int = 0
    pending: int = 0  # writes still waiting for the server
    conflicts: list[int] = field(default_factory=list)  # reminders whose event was edited there
    error: VasteaikaError | None = None

    @property
    def needs_fixing(self) -> bool:
        """A wrong password or no way to get one: waiting will not help, the owner must act."""
        return isinstance(self.error, AuthenticationError | ConfigError)


@dataclass(frozen=True)
class CalendarStatus:
    pending: int
    conflicts: int
    last_error: str | None
    gone: int = 0  # open reminders whose event the owner deleted on the phone

    @property
    def behind(self) -> bool:
        return self.pending > 0

    def as_json(self) -> dict[str, int | str | None]:
        return {"pending_writes": self.pending, "last_error": self.last_error,
                "conflicts": self.conflicts, "gone": self.gone}  # fmt: skip


def sync_calendar(
    config: Config, store: Store, now: datetime, connect: Callable[[], CalendarServer]
) -> CalendarSyncResult:
    """Plan, then push: one step of the cycle when [calendar] is set. Never raises a server's
    error; the result carries it (and ``pending`` what waits for the next run)."""
    plan_writes(config, store, now)
    return push_writes(config, store, now, connect)


def plan_writes(config: Config, store: Store, now: datetime) -> None:
    with store.db.atomic():
        _plan_new(store, now, owner_domain(config.owner_address))
        _plan_changed(config, store, now)
        _plan_deleted(store, now)


def _plan_new(store: Store, now: datetime, domain: str) -> None:
    """An event for each open reminder without one; a promise whose time could not be read gets
    its event once the owner sets the time (remind-at), never at a guessed time."""
    rows = store.db.query(
        "SELECT id, created_at, coalesce(snoozed_until, due_at) AS start_at FROM reminders"
        " WHERE done_at IS NULL AND coalesce(snoozed_until, due_at) >= ? AND unreadable = 0"
        " AND id NOT IN (SELECT reminder_id FROM calendar_events)",
        [epoch(now - BACKFILL)],
    )
    for row in list(rows):
        created = datetime.fromtimestamp(row["created_at"], UTC)
        store.db.execute(
            "INSERT INTO calendar_events (reminder_id, uid, start_at, action, state, updated_at)"
            " VALUES (?, ?, ?, 'create', 'pending', ?)",
            [row["id"], reminder_uid(row["id"], created, domain), row["start_at"], epoch(now)],
        )


_LIVE = "e.state IN ('pending', 'synced')"


def _plan_changed(config: Config, store: Store, now: datetime) -> None:
    """An open reminder whose event would now read differently — moved (snooze, remind-at) or
    a changed promise (text, phone number, time), or a new alarm setting — gets its event
    updated: SEQUENCE + 1 over the version last written (once however often it changes before
    the write), or still created when it was never written."""
    rows = store.db.query(
        "SELECT e.*, coalesce(r.snoozed_until, r.due_at) AS start FROM calendar_events e"
        f" JOIN reminders r ON r.id = e.reminder_id WHERE {_LIVE} AND r.done_at IS NULL"
        " AND coalesce(e.action, '') != 'delete'"
    )
    for row in list(rows):
        content = _content(config, store, row)
        if row["start"] == row["start_at"] and row["content"] in (None, content):
            if row["content"] is None:  # new, or written before m024: this is what it holds
                store.db.execute("UPDATE calendar_events SET content = ? WHERE reminder_id = ?",
                                 [content, row["reminder_id"]])  # fmt: skip
            continue
        store.db.execute(
            "UPDATE calendar_events SET start_at = ?, content = ?, updated_at = ?,"
            " sequence = CASE WHEN href IS NULL OR action IS NOT NULL THEN sequence"
            " ELSE sequence + 1 END,"
            " action = CASE WHEN href IS NULL THEN 'create' ELSE 'update' END"
            " WHERE reminder_id = ?",
            [row["start"], content, epoch(now), row["reminder_id"]],
        )


def _plan_deleted(store: Store, now: datetime) -> None:
    finished = (f"{_LIVE} AND coalesce((SELECT done_at IS NOT NULL FROM reminders"
                " WHERE id = e.reminder_id), 1)")  # fmt: skip
    store.db.execute(
        "UPDATE calendar_events AS e SET action = NULL, state = 'deleted', updated_at = ?"
        f" WHERE {finished} AND href IS NULL",
        [epoch(now)],
    )
    store.db.execute(
        f"UPDATE calendar_events AS e SET action = 'delete', updated_at = ? WHERE {finished}",
        [epoch(now)],
    )


def push_writes(
    config: Config, store: Store, now: datetime, connect: Callable[[], CalendarServer]
) -> CalendarSyncResult:
    result = CalendarSyncResult()
    waiting = list(store.db.query(
        "SELECT * FROM calendar_events WHERE action IS NOT NULL ORDER BY reminder_id"))  # fmt: skip
    server: CalendarServer | None = None
    for row in waiting:
        try:
            server = server or connect()
            _push_one(config, store, server, row, now, result)
        except VasteaikaError as exc:
            result.error = exc
            _record_failure(store, exc, now)
            break
    result.pending = pending_writes(store)
    return result


def _push_one(
    config: Config, store: Store, server: CalendarServer, row: dict[str, Any], now: datetime,
    result: CalendarSyncResult,
) -> None:  # fmt: skip
    rid, action = row["reminder_id"], row["action"]
    try:
        if action == "delete":
            server.delete(row["href"], row["etag"])
            _settle(store, rid, now, state="deleted")
        elif action == "create":
            written = server.create(row["uid"], event_ics(config, store, row, now))
            _settle(store, rid, now, href=written.href, etag=written.etag)
        else:
            written = server.update(row["href"], event_ics(config, store, row, now), row["etag"])
            _settle(store, rid, now, etag=written.etag)
        result.written += 1
    except EventGone:
        _settle(store, rid, now, state="deleted" if action == "delete" else "gone")
    except EventChanged as changed:
        if action == "create":  # ours, written by a run that died before recording it
            _settle(store, rid, now, etag=changed.etag, href=changed.href, action="update")
            return
        _settle(store, rid, now, state="conflict", note=CONFLICT_NOTE)
        result.conflicts.append(rid)


def _settle(
    store: Store, reminder_id: int, now: datetime, *, state: str = "synced",
    href: str | None = None, etag: str | None = None, action: str | None = None,
    note: str | None = None,
) -> None:  # fmt: skip
    with store.db.atomic():
        store.db.execute(
            "UPDATE calendar_events SET state = ?, action = ?, href = coalesce(nullif(?, ''), href),"
            " etag = coalesce(?, etag), last_error = ?, updated_at = ? WHERE reminder_id = ?",
            [state, action, href, etag, note, epoch(now), reminder_id],
        )


def _record_failure(store: Store, exc: VasteaikaError, now: datetime) -> None:
    with store.db.atomic():
        store.db.execute(
            "UPDATE calendar_events SET last_error = ?, attempts = attempts + 1, updated_at = ?"
            " WHERE action IS NOT NULL",
            [exc.line()[:500], epoch(now)],
        )


def event_ics(config: Config, store: Store, row: dict[str, Any], now: datetime) -> bytes:
    """The calendar object resource for one reminder: a VCALENDAR (no METHOD: RFC 4791 4.1)
    with its VTIMEZONE and the one VEVENT, under the UID the ICS export gives it too."""
    calendar = Calendar.new(prodid=PRODID)
    calendar.add_component(_event(config, store, row, int(row["sequence"]), now))
    calendar.add_missing_timezones()
    ics: bytes = calendar.to_ical()
    return ics


def _event(
    config: Config, store: Store, row: dict[str, Any], sequence: int, stamp_at: datetime
) -> Event:
    reminder = get_reminder(store, row["reminder_id"])
    info = replace(reminder.info(owner_domain(config.owner_address)), uid=row["uid"],
                   why_id=_why_id(store, row["reminder_id"]), sequence=sequence)  # fmt: skip
    return reminder_event(info, config.hours.timezone, config.calendar.alarm, stamp_at=stamp_at,
                          lang=config.language)  # fmt: skip


_FIXED_STAMP = datetime(2000, 1, 1, tzinfo=UTC)


def _content(config: Config, store: Store, row: dict[str, Any]) -> str:
    """A digest of the event as it would be written, without what changes on every write
    (DTSTAMP, SEQUENCE): equal digests, nothing to update."""
    event = _event(config, store, row, 0, _FIXED_STAMP).to_ical()
    return hashlib.sha256(event).hexdigest()[:32]


def _why_id(store: Store, reminder_id: int) -> str | None:
    """The mail 'vasteaika why' explains: the reply that promised, else the first contact."""
    found = store.db.execute(
        "SELECT coalesce(r.source_message_id, c.first_contact_message_id,"
        " (SELECT message_id FROM messages WHERE id = c.first_contact_id)) FROM reminders r"
        " LEFT JOIN conversations c ON c.id = r.conversation_id WHERE r.id = ?",
        [reminder_id],
    ).fetchone()
    return str(found[0]) if found and found[0] else None


def pending_writes(store: Store) -> int:
    return store.count("SELECT count(*) FROM calendar_events WHERE action IS NOT NULL")


def calendar_status(store: Store) -> CalendarStatus:
    """How far behind the calendar is: waiting writes, events left alone, the last failure."""
    last = store.db.execute(
        "SELECT last_error FROM calendar_events WHERE action IS NOT NULL AND last_error IS NOT NULL"
        " ORDER BY updated_at DESC LIMIT 1"
    ).fetchone()
    conflicts = store.count("SELECT count(*) FROM calendar_events WHERE state = 'conflict'")
    gone = store.count(
        "SELECT count(*) FROM calendar_events e JOIN reminders r ON r.id = e.reminder_id"
        " WHERE e.state = 'gone' AND r.done_at IS NULL"
    )
    return CalendarStatus(pending_writes(store), conflicts, str(last[0]) if last else None, gone)


def event_states(store: Store, *, open_only: bool = False) -> dict[int, str]:
    """reminder id → state of its event (for tests and 'calendar list'); ``open_only``: of the
    reminders not done yet."""
    rows = store.db.query(
        "SELECT e.reminder_id, e.state FROM calendar_events e"
        " LEFT JOIN reminders r ON r.id = e.reminder_id"
        + (" WHERE r.done_at IS NULL" if open_only else "") + " ORDER BY e.reminder_id"
    )
    return {r["reminder_id"]: r["state"] for r in rows}
