"""What the owner does with a customer in the queue: call them (a callback reminder for today,
riding on the reminders: desktop, mail and calendar) or take them off for a while. Either is
remembered (``queue_dismissals``), so the customer leaves the queue, check's screen and the
weekly report alike until then.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vasteaika.errors import UsageError
from vasteaika.ledger.store import Store, epoch
from vasteaika.queue.model import QueueEntry
from vasteaika.queue.store import dismiss, reminder_of
from vasteaika.reminders.store import Reminder, add_reminder, get_reminder

CALLED_FOR = timedelta(days=30)  # after a call, off the queue this long (the call is the contact)
DISMISSED_FOR = timedelta(days=90)  # `queue dismiss N` without --until
QUEUE_SOURCE = "queue"  # reminders.source of a callback from the queue


def pick(queue: tuple[QueueEntry, ...], which: str) -> QueueEntry:
    """The entry numbered ``which`` (1 = the first shown), or the one of that address or
    company domain."""
    wanted = which.strip().lower()
    if wanted.isdigit():
        n = int(wanted)
        if 1 <= n <= len(queue):
            return queue[n - 1]
        raise UsageError(f"the contact queue has no number {n}", "see 'vasteaika queue'")
    for entry in queue:
        if entry.customer == wanted:
            return entry
    raise UsageError(f"{which!r} is not in the contact queue", "see 'vasteaika queue'")


def call_today(store: Store, entry: QueueEntry, now: datetime, zone: ZoneInfo) -> Reminder:
    """A reminder to call the customer today (a day's reminder, due from this morning: it fires
    on the next run, once), on their last conversation; the customer leaves the queue for
    CALLED_FOR. Asking twice the same day makes no second reminder."""
    today = datetime.combine(now.astimezone(zone).date(), time(0), zone)
    why = ", ".join(entry.kinds)
    with store.db.atomic():
        add_reminder(store, entry.last_conversation_id, epoch(today), QUEUE_SOURCE, entry.phone,
                     epoch(now), promise_text=f"contact queue: {why}", has_time=False)  # fmt: skip
        dismiss(store, entry.customer, epoch(now + CALLED_FOR), "call", epoch(now))
    return get_reminder(
        store, reminder_of(store, entry.last_conversation_id, QUEUE_SOURCE, epoch(today))
    )


def dismiss_until(
    store: Store, entry: QueueEntry, until: date | None, now: datetime, zone: ZoneInfo
) -> datetime:
    """Off the queue until the start of ``until`` (default DISMISSED_FOR from now)."""
    end = now + DISMISSED_FOR if until is None else datetime.combine(until, time(0), zone)
    if end <= now:
        raise UsageError(f"{until} is not in the future", "give a later date")
    dismiss(store, entry.customer, epoch(end), "dismiss", epoch(now))
    return end
