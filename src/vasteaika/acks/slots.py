"""Which callback slot an acknowledgment promises: the first one after the lead that still has
room. Apart from the wording (which only says the slot) and from ``hours`` (which knows the
business calendar but nothing of earlier promises): a slot fills up with the callbacks earlier
acknowledgments promised, so ten customers who wrote overnight are not all promised the same
"tänään klo 10".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from vasteaika.acks.store import callbacks_held
from vasteaika.hours import BusinessHours, next_callback_slot
from vasteaika.ledger.store import Store, epoch

_NEXT = timedelta(seconds=1)


def promised_slot(
    store: Store,
    now: datetime,
    hours: BusinessHours,
    callback_times: tuple[time, ...],
    lead: timedelta,
    *,
    capacity: int,
    planned: Sequence[tuple[int, datetime]] = (),
    away: tuple[date, date] | None = None,
) -> datetime:
    """The first callback slot at least ``lead`` after ``now`` holding fewer than ``capacity``
    promised callbacks: those recorded in the ledger plus ``planned`` (conversation id, slot)
    of this run, which a dry run has not recorded. No slot on the days of ``away`` (first, last:
    a vacation with nobody to call in the owner's place). ValueError when every slot within the
    business calendar's search range is full."""
    ids = tuple(conversation_id for conversation_id, _ in planned)
    slot = next_callback_slot(now, hours, callback_times, lead)
    while True:
        if away and away[0] <= slot.date() <= away[1]:
            after = datetime.combine(away[1] + timedelta(days=1), time(0), slot.tzinfo)
            slot = next_callback_slot(after, hours, callback_times)
            continue
        held = callbacks_held(store, epoch(slot), ids) + sum(at == slot for _, at in planned)
        if held < capacity:
            return slot
        slot = next_callback_slot(slot + _NEXT, hours, callback_times)
