"""Reminders kept in step with the owner's CalDAV calendar, through an outbox in the ledger.

Two halves, so that a dead server never loses a write: ``plan_writes`` compares the reminders
with ``calendar_events`` (migration m014) and records what is to be done — create an event for a
new reminder, move it (SEQUENCE + 1) when the reminder's time changed, delete it when the
reminder is done or gone — in one transaction, with no network. ``push_writes`` then does the
pending writes one by one, each result committed at once; the first server failure stops the
push and is recorded on the waiting writes, which the next run retries. An event deleted on the
phone is marked ``gone`` and never recreated; one edited on the phone (its ETag changed) is
marked ``conflict`` and not overwritten. Every statement on ``calendar_events`` is here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import Calendar

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

    @property
    def behind(self) -> bool:
        return self.pending > 0


def sync_calendar(
    config: Config, store: Store, now: datetime, connect: Callable[[], CalendarServer]
) -> CalendarSyncResult:
    """Plan, then push: one step of the cycle when [calendar] is set. Never raises a server's
    error; the result carries it (and ``pending`` what waits for the next run)."""
    plan_writes(store, now, owner_domain(config.owner_address))
    return push_writes(config, store, now, connect)


def plan_writes(store: Store, now: datetime, domain: str) -> None:
    with store.db.atomic():
        _plan_new(store, now, domain)
        _plan_moved(store, now)
        _plan_deleted(store, now)


def _plan_new(store: Store, now: datetime, domain: str) -> None:
    rows = store.db.query(
        "SELECT id, created_at, coalesce(snoozed_until, due_at) AS start_at FROM reminders"
        " WHERE done_at IS NULL AND coalesce(snoozed_until, due_at) >= ?"
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
_START = "(SELECT coalesce(snoozed_until, due_at) FROM reminders WHERE id = e.reminder_id)"


def _plan_moved(store: Store, now: datetime) -> None:
    open_moved = (f"{_LIVE} AND {_START} IS NOT NULL AND {_START} != e.start_at"
                  " AND (SELECT done_at FROM reminders WHERE id = e.reminder_id) IS NULL")  # fmt: skip
    store.db.execute(
        f"UPDATE calendar_events AS e SET start_at = {_START}, updated_at = ?,"
        " sequence = CASE WHEN href IS NULL THEN sequence ELSE sequence + 1 END,"
        " action = CASE WHEN href IS NULL THEN 'create' ELSE 'update' END"
        f" WHERE {open_moved} AND coalesce(action, '') != 'delete'",
        [epoch(now)],
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
    reminder = get_reminder(store, row["reminder_id"])
    info = replace(reminder.info(owner_domain(config.owner_address)), uid=row["uid"],
                   why_id=_why_id(store, row["reminder_id"]),
                   sequence=int(row["sequence"]))  # fmt: skip
    event = reminder_event(info, config.hours.timezone, config.calendar.alarm, stamp_at=now,
                           lang=config.language)  # fmt: skip
    calendar = Calendar.new(prodid=PRODID)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    ics: bytes = calendar.to_ical()
    return ics


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
    return CalendarStatus(pending_writes(store), conflicts, str(last[0]) if last else None)


def event_states(store: Store) -> dict[int, str]:
    """reminder id → state of its event (for tests and 'calendar list')."""
    rows = store.db.query("SELECT reminder_id, state FROM calendar_events")
    return {r["reminder_id"]: r["state"] for r in rows}
