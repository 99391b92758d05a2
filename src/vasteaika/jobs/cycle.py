"""One pass of the whole job, the same for `check` and `watch`.

Read new mail into the ledger, find the callbacks promised in the owner's replies and the
complaint words in customers' mail (for the contact queue), acknowledge
new customers, fire due reminders, write the reminders to the owner's calendar (when [calendar]
is set): each capability in the order data flows, nothing reaching
back up the chain.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from vasteaika.acks.accounting import AckAccount, account_acks
from vasteaika.acks.outbox import AckOutcome, Deliver, OnAck, acknowledge_new
from vasteaika.config import Config
from vasteaika.ledger.check import CheckResult, ProgressStart, ProgressStep, run_check
from vasteaika.ledger.store import Store
from vasteaika.mail.source import MailSource
from vasteaika.queue.scan import update_queue
from vasteaika.reminders.callbacks import FireResult, fire_due
from vasteaika.reminders.replies import PastPromise, find_reply_promises

if TYPE_CHECKING:  # caldav (~0.2 s to import) only for owners who have a [calendar]
    from vasteaika.mail.smtp import Sender
    from vasteaika.reminders.caldav_client import CalendarServer
    from vasteaika.reminders.calendar_sync import CalendarSyncResult
    from vasteaika.reminders.notify import Notifier


@dataclass
class CycleResult:
    check: CheckResult
    acks: AckOutcome
    promises_found: int = 0
    reminders: FireResult | None = None
    calendar: CalendarSyncResult | None = None
    accounts: Sequence[AckAccount] = ()  # each new customer's ack (read from the ledger)
    past_promises: list[PastPromise] = field(default_factory=list)  # past when read: told once


def run_cycle(
    config: Config,
    store: Store,
    source: MailSource,
    now: datetime,
    deliver: Deliver | None,
    on_folder: ProgressStart | None = None,
    on_message: ProgressStep | None = None,
    *,
    notifier: Notifier | None = None,
    mailer: Sender | None = None,
    calendar: Callable[[], CalendarServer] | None = None,
    on_ack: OnAck | None = None,
) -> CycleResult:
    """One pass of the whole job, the same for `check` and `watch`: read new mail, find the
    callbacks promised in your replies, acknowledge new customers (``deliver`` None: plan only,
    for --dry-run), then fire due reminders (when a ``notifier`` is given). ``problems`` counts
    the message steps that failed anywhere in the pass. ``calendar`` connects to the owner's
CalDAV calendar; its failure is in the result, never raised. ``accounts`` says what became of
    each new customer's acknowledgment; ``on_ack`` hears of each one as it goes out."""
    failed_before = store.failed_steps
    result = run_check(config, source, store, now, on_folder, on_message)
    past: list[PastPromise] = []
    found = find_reply_promises(config, store, source, result.run_id, now, past)
    acks = acknowledge_new(config, store, source, now, deliver, on_ack)
    update_queue(store, source, now)  # after the acknowledgments: they never wait for it
    result.problems = store.failed_steps - failed_before
    accounts = account_acks(store, result.run_id, acks, config.ack.mode)
    fired = fire_due(config, store, notifier, mailer, now) if notifier is not None else None
    synced = _sync_calendar(config, store, now, calendar)
    return CycleResult(result, acks, found, fired, synced, accounts, past)


def _sync_calendar(
    config: Config, store: Store, now: datetime, connect: Callable[[], CalendarServer] | None
) -> CalendarSyncResult | None:
    """Last, after the reminders of this pass are made: a slow calendar delays nothing else."""
    if connect is None or not config.calendar.enabled:
        return None
    from vasteaika.reminders.calendar_sync import sync_calendar

    return sync_calendar(config, store, now, connect)
