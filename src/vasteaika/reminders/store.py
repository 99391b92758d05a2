"""The reminders' SQL: the Reminder record and the queries that list and pick reminders, adding
one (from an acknowledgment's promised slot or a promise in a reply), claiming and recording
its delivery (the protocol is told in ``callbacks``), done and snooze, and which of the owner's
replies are still to be read for promises. Apart from the firing and the reply scan so that
every statement on ``reminders`` (migrations m002, m004) and ``promise_scanned`` (m006) is here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from vasteaika.catalogue import fault
from vasteaika.errors import UsageError
from vasteaika.ledger.customers import ignored_sql
from vasteaika.ledger.store import MessageRef, Store, epoch, from_epoch
from vasteaika.reminders.due_query import CLAIM_LEASE, DUE, OPEN, STALE_CLAIM

if TYPE_CHECKING:  # the calendar's view only when a reminder is shown to a calendar
    from vasteaika.reminders.calendar import ReminderInfo


@dataclass(frozen=True)
class Reminder:
    id: int
    conversation_id: int | None
    customer_name: str
    customer_email: str
    subject: str
    phone: str | None
    due_at: datetime
    has_time: bool
    source: str
    promise_text: str | None
    fired_at: datetime | None
    snoozed_until: datetime | None
    done_at: datetime | None
    delivery: str | None
    delivery_note: str | None
    kind: str = "call"  # call | visit | message
    unreadable: bool = False  # a promise whose time could not be read: set it with remind-at
    sequence: int = 0  # the calendar event's SEQUENCE: raised each time it moves
    created_at: datetime | None = None

    @property
    def remind_at(self) -> datetime:
        """The moment the owner wants to be reminded of the call (a snooze replaces it)."""
        return self.snoozed_until or self.due_at

    def info(self, domain: str | None = None) -> ReminderInfo:
        """As the calendar sees it; with the owner's ``domain``, under its global UID."""
        from vasteaika.reminders.calendar import ReminderInfo, reminder_uid

        return ReminderInfo(self.id, self.customer_name, self.customer_email, self.subject,
                            self.phone, self.remind_at, self.source, self.kind,
                            self.sequence, uid=reminder_uid(self.id, self.created_at, domain),
                            promise_text=self.promise_text)  # fmt: skip

    def as_json(self, now: datetime, tz: Any) -> dict[str, Any]:
        def iso(t: datetime | None) -> str | None:
            return t.astimezone(tz).isoformat() if t else None

        return {
            "id": self.id,
            "conversation_id": self.conversation_id,
            "customer_name": self.customer_name,
            "customer_email": self.customer_email,
            "subject": self.subject,
            "phone": self.phone,
            "due_at": iso(self.due_at),
            "has_time": self.has_time,
            "snoozed_until": iso(self.snoozed_until),
            "overdue": self.remind_at <= now,
            "source": self.source,
            "promise_text": self.promise_text,
            "fired_at": iso(self.fired_at),
            "delivery": self.delivery,
            "kind": self.kind,
            "unreadable": self.unreadable,
        }


def _reminder(row: dict[str, Any]) -> Reminder:
    due = from_epoch(row["due_at"])
    assert due is not None
    return Reminder(
        id=row["id"], conversation_id=row["conversation_id"], customer_name=row["customer_name"],
        customer_email=row["customer_email"], subject=row["subject"], phone=row["phone"],
        due_at=due, has_time=bool(row["has_time"]), source=row["source"],
        promise_text=row["promise_text"], fired_at=from_epoch(row["fired_at"]),
        snoozed_until=from_epoch(row["snoozed_until"]), done_at=from_epoch(row["done_at"]),
        delivery=row["delivery"], delivery_note=row["delivery_note"], kind=row["kind"],
        unreadable=bool(row["unreadable"]), sequence=row["sequence"],
        created_at=from_epoch(row["created_at"]),
    )  # fmt: skip


def _rows(store: Store, where: str, params: Iterable[Any]) -> list[Reminder]:
    sql = (f"SELECT * FROM reminders WHERE {where}"
           " ORDER BY coalesce(snoozed_until, due_at), id")  # fmt: skip
    return [_reminder(r) for r in store.db.query(sql, list(params))]


def get_reminder(store: Store, reminder_id: int) -> Reminder:
    found = _rows(store, "id = ?", [reminder_id])
    if not found:
        raise fault(UsageError, "err.no_reminder", id=reminder_id)
    return found[0]


def open_reminders(store: Store, now: datetime) -> list[Reminder]:
    """Every reminder whose call is not done yet (overdue ones included), soonest first.
    ``now`` is taken for symmetry with the other readers; every open reminder is listed."""
    return _rows(store, "done_at IS NULL", [])


def reminders_of(
    store: Store, conversation_ids: list[int]
) -> list[tuple[Reminder, datetime | None]]:
    """Every reminder of these conversations — open, done and cancelled — soonest first, each
    with the moment it was cancelled (None: not cancelled)."""
    found: list[tuple[Reminder, datetime | None]] = []
    for start in range(0, len(conversation_ids), 500):
        chunk = conversation_ids[start : start + 500]
        found += [
            (_reminder(r), from_epoch(r["cancelled_at"]))
            for r in store.db.query(
                f"SELECT * FROM reminders WHERE conversation_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY due_at, id",
                chunk,
            )
        ]
    return sorted(found, key=lambda pair: (pair[0].due_at, pair[0].id))


def due_reminders(store: Store, now: datetime, lead: timedelta) -> list[Reminder]:
    """Not done, not fired, and ``lead`` before the call (or its snooze time) has come."""
    return _rows(store, DUE, [int(lead.total_seconds()), epoch(now)])


def add_reminder(
    store: Store,
    conversation_id: int,
    due_at: int,
    source: str,
    phone: str | None,
    now: int,
    source_message_id: str | None = None,
    promise_text: str | None = None,
    has_time: bool = True,
    kind: str = "call",
    unreadable: bool = False,
) -> None:
    """A reminder for the conversation; ``unreadable``: the promise's time could not be read,
    ``due_at`` is then the reply's time and nothing fires until ``set_time``."""
    store.db.execute(
        "INSERT OR IGNORE INTO reminders (conversation_id, customer_email, customer_name,"
        " subject, phone, due_at, has_time, source, source_message_id, promise_text, created_at,"
        " kind, unreadable)"
        " SELECT id, customer_email, customer_name, subject, ?, ?, ?, ?, ?, ?, ?, ?, ?"
        " FROM conversations WHERE id = ?",
        [
            phone,
            due_at,
            int(has_time),
            source,
            source_message_id,
            promise_text,
            now,
            kind,
            int(unreadable),
            conversation_id,
        ],
    )


def earlier_promise(store: Store, conversation_id: int, kind: str, received_at: int) -> int | None:
    """The open reminder an earlier reply in the conversation promised, of the same kind: a
    later reply that promises a new time changes that promise rather than adding a second."""
    found = store.db.execute(
        "SELECT r.id FROM reminders r JOIN messages m ON m.message_id = r.source_message_id"
        " WHERE r.conversation_id = ? AND r.source = 'reply' AND r.kind = ?"
        " AND r.done_at IS NULL AND m.kind = 'owner' AND m.received_at < ?"
        " ORDER BY m.received_at DESC, r.id DESC LIMIT 1",
        [conversation_id, kind, received_at],
    ).fetchone()
    return int(found[0]) if found else None


def change_promise(
    store: Store, reminder_id: int, *, due_at: int, has_time: bool, promise_text: str,
    source_message_id: str | None, phone: str | None,
) -> None:  # fmt: skip
    """The promise as the later reply words it: its time, text, mail and (when known) phone
    number; like ``set_time`` it fires anew and its event moves (sequence + 1)."""
    store.db.execute(
        "UPDATE OR IGNORE reminders SET due_at = ?, has_time = ?, promise_text = ?,"
        " source_message_id = ?, phone = coalesce(?, phone), unreadable = 0,"
        " snoozed_until = NULL, fired_at = NULL, delivery = NULL, delivery_note = NULL,"
        " sequence = sequence + 1 WHERE id = ?",
        [due_at, int(has_time), promise_text, source_message_id, phone, reminder_id],
    )


# --- firing: claim, outcome, crashed claims ------------------------------------------------------


def release_stale_claims(store: Store, now: datetime) -> int:
    """Claims a killed run never resolved become due again (see ``callbacks``)."""
    with store.db.atomic():
        cur = store.db.execute(
            "UPDATE reminders SET fired_at = NULL, delivery = 'failed',"
            f" delivery_note = 'interrupted while being delivered' WHERE {STALE_CLAIM}",
            [epoch(now - CLAIM_LEASE)],
        )
    return cur.rowcount


def claim(store: Store, reminder_id: int, now: datetime) -> bool:
    """Take the reminder for this run; False when another run took it first."""
    with store.db.atomic():
        cur = store.db.execute(
            "UPDATE reminders SET fired_at = ?, delivery = 'pending', delivery_note = NULL"
            " WHERE id = ? AND fired_at IS NULL AND done_at IS NULL",
            [epoch(now), reminder_id],
        )
    return cur.rowcount == 1


def record_delivery(store: Store, reminder_id: int, channel: str, detail: str) -> None:
    """The outcome of a claimed reminder: how it was delivered, or ``failed`` (due again)."""
    with store.db.atomic():
        if channel == "failed":
            store.db.execute(
                "UPDATE reminders SET fired_at = NULL, delivery = 'failed', delivery_note = ?"
                " WHERE id = ?",
                [detail[:500], reminder_id],
            )
        else:
            store.db.execute(
                "UPDATE reminders SET delivery = ?, delivery_note = ? WHERE id = ?",
                [channel, detail[:500], reminder_id],
            )


# --- done and snooze ----------------------------------------------------------------------------


def mark_done(store: Store, reminder_id: int, now: datetime) -> bool:
    """The call was made: it answers the conversation's open turn, at ``now`` (a call event in
    its timeline). When the conversation had no response yet, the call is its first; returns
    whether it was."""
    reminder = get_reminder(store, reminder_id)
    if reminder.done_at is not None:
        raise fault(UsageError, "err.already_done", id=reminder_id)
    counted = False
    with store.db.atomic():
        store.db.execute("UPDATE reminders SET done_at = ? WHERE id = ?", [epoch(now), reminder_id])
        if reminder.conversation_id is not None:
            before = store.conversation(reminder.conversation_id)
            state = store.add_event(reminder.conversation_id, "call", epoch(now))
            counted = (
                before is not None
                and before["first_reply_at"] is None
                and (state.first_reply_at == epoch(now))
            )
    return counted


def next_due_by_conversation(store: Store, ids: list[int]) -> dict[int, int]:
    """Each conversation's earliest open reminder (snoozed: its new time)."""
    found: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            store.db.execute(
                "SELECT conversation_id, min(coalesce(snoozed_until, due_at)) FROM reminders"
                f" WHERE done_at IS NULL AND conversation_id IN ({','.join('?' * len(chunk))})"
                " GROUP BY conversation_id",
                chunk,
            ).fetchall()
        )
    return found


def cancel_for_conversation(store: Store, conversation_id: int, now: datetime) -> int:
    """The conversation was closed: its open reminders are no longer wanted (no call made)."""
    cur = store.db.execute(
        "UPDATE reminders SET done_at = ?, cancelled_at = ?"
        " WHERE conversation_id = ? AND done_at IS NULL",
        [epoch(now), epoch(now), conversation_id],
    )
    return cur.rowcount


def cancel_ignored(store: Store, ignore: tuple[str, ...], now: datetime) -> int:
    """The open reminders of customers on ``[customers] ignore`` (an entry added after the
    promise too): cancelled, never fired."""
    if not ignore:
        return 0
    sql, params = ignored_sql("customer_email", ignore)
    with store.db.atomic():
        cur = store.db.execute(
            f"UPDATE reminders SET done_at = ?, cancelled_at = ? WHERE {OPEN} AND {sql}",
            [epoch(now), epoch(now), *params],
        )
    return cur.rowcount


def snooze(
    store: Store, reminder_id: int, delta: timedelta, now: datetime, *, lead: timedelta = timedelta(0)
) -> Reminder:
    """Remind again ``delta`` from now (no lead: the snooze time is the reminder time). Only the
    notification moves, never the promised time; a snooze that would remind earlier than the
    reminder already waiting (due ``lead`` before the promise) is refused."""
    if delta <= timedelta(0):
        raise fault(UsageError, "err.zero_snooze")
    reminder = get_reminder(store, reminder_id)
    if reminder.done_at is not None:
        raise fault(UsageError, "err.done_no_snooze", id=reminder_id)
    waiting = reminder.snoozed_until or reminder.due_at - lead
    if reminder.fired_at is None and now + delta < waiting:
        raise fault(UsageError, "err.snooze_earlier", id=reminder_id, at=now + delta,
                    waiting=waiting)  # fmt: skip
    with store.db.atomic():
        store.db.execute(
            "UPDATE reminders SET snoozed_until = ?, fired_at = NULL, delivery = NULL,"
            " delivery_note = NULL, sequence = sequence + 1 WHERE id = ?",
            [epoch(now + delta), reminder_id],
        )
    return get_reminder(store, reminder_id)


def set_time(store: Store, reminder_id: int, due_at: datetime, has_time: bool, now: datetime) -> Reminder:
    """The owner says when the promise is due (``remind-at``): the promised time itself moves,
    an unreadable promise becomes a reminder, any snooze is dropped."""
    reminder = get_reminder(store, reminder_id)
    if reminder.done_at is not None:
        raise fault(UsageError, "err.done_no_time", id=reminder_id)
    if due_at < now:
        raise fault(UsageError, "err.time_passed", at=due_at)
    with store.db.atomic():
        store.db.execute(
            "UPDATE reminders SET due_at = ?, has_time = ?, unreadable = 0, snoozed_until = NULL,"
            " fired_at = NULL, delivery = NULL, delivery_note = NULL, sequence = sequence + 1"
            " WHERE id = ?",
            [epoch(due_at), int(has_time), reminder_id],
        )
    return get_reminder(store, reminder_id)


# --- the owner's replies read for promises -------------------------------------------------------


def replies_to_scan(store: Store, since: int) -> list[dict[str, Any]]:
    """The owner's replies in a conversation, received since ``since``, not read yet."""
    return list(store.db.query(
        "SELECT id, folder, uid, uidvalidity, message_id, received_at, conversation_id"
        " FROM messages WHERE kind = 'owner' AND promise_scanned = 0"
        " AND conversation_id IS NOT NULL AND received_at >= ? ORDER BY folder, uid",
        [since]))  # fmt: skip


def already_promised(store: Store, conversation_id: int, due_at: int) -> bool:
    """The reply repeats a time already promised (typically the acknowledgment's slot): one
    call, one reminder."""
    return store.count(
        "SELECT count(*) FROM reminders WHERE conversation_id = ? AND due_at = ? AND done_at IS NULL",
        conversation_id, due_at,
    ) > 0  # fmt: skip


def mark_scanned(store: Store, message_pk: int) -> None:
    store.db.execute("UPDATE messages SET promise_scanned = 1 WHERE id = ?", [message_pk])


def known_phone(store: Store, conversation_id: int) -> str | None:
    """The newest phone number an earlier reminder of the conversation has."""
    known = store.db.execute(
        "SELECT phone FROM reminders WHERE conversation_id = ? AND phone IS NOT NULL"
        " ORDER BY created_at DESC, id DESC LIMIT 1",
        [conversation_id],
    ).fetchone()
    return str(known[0]) if known else None


def later_customer_mails(store: Store, conversation_id: int, limit: int = 10) -> list[MessageRef]:
    """The customer's mails in the conversation after the first one, newest first (at most
    ``limit``): where a phone number given later is."""
    rows = store.db.execute(
        "SELECT m.folder, m.uidvalidity, m.uid FROM messages m"
        " JOIN conversations c ON c.id = m.conversation_id"
        " WHERE m.conversation_id = ? AND m.kind = 'customer' AND m.id != c.first_contact_id"
        " ORDER BY m.received_at DESC, m.id DESC LIMIT ?",
        [conversation_id, limit],
    ).fetchall()
    return [MessageRef(*row) for row in rows]


def customer_phone(store: Store, *emails: str) -> str | None:
    """The newest phone number any reminder for one of ``emails`` has (read from the customer's
    earlier mail): an acknowledgment need not ask for it again."""
    marks = ",".join("?" * len(emails))
    known = store.db.execute(
        f"SELECT phone FROM reminders WHERE customer_email IN ({marks}) AND phone IS NOT NULL"
        " ORDER BY created_at DESC, id DESC LIMIT 1",
        list(emails),
    ).fetchone()
    return str(known[0]) if known else None


ACK_IN_DOUBT = "ack_in_doubt"  # source of a callback an acknowledgment in doubt may have promised


def confirm_ack_reminder(store: Store, conversation_id: int) -> None:
    """The acknowledgment in doubt is seen in the mailbox: its reminder is an ack's like any."""
    store.db.execute(
        "UPDATE OR IGNORE reminders SET source = 'ack' WHERE conversation_id = ? AND source = ?",
        [conversation_id, ACK_IN_DOUBT],
    )
