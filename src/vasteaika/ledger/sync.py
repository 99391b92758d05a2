"""New messages per folder from a MailSource: watermark and UIDVALIDITY rules.

Incremental by UID: the highest UID seen and the folder's UIDVALIDITY are stored. A run with
nothing new costs one SELECT (EXAMINE) per folder. When UIDVALIDITY changes the folder is read
again from the start and messages are matched by Message-ID plus a fingerprint of a few
headers (Store.insert_message), so nothing is duplicated or lost.

The new messages are handed over in order of arrival (ties by UID), not of UID: mail imported
into a folder later (a migration, a restored backup) gets high UIDs but old arrival times, and
threading it in UID order would split its conversations. The watermark therefore is not "the
last UID handed over" but the highest UID below which every UID was read or is confirmed gone
(``Watermark``): a UID the server did not return is never passed.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from vasteaika.mail.source import MailSource
from vasteaika.models import FolderStatus, RawMessage

BATCH = 500
# UIDs whose arrival times are asked for at once: a folder's times are kept as one integer per
# mail (``arrival_keys``), never as a datetime each for the whole folder.
ARRIVAL_SLICE = 10_000


@dataclass(frozen=True)
class FolderPlan:
    """What a run will read from one folder."""

    status: FolderStatus
    after_uid: int
    reset: bool  # UIDVALIDITY changed (or first sync): re-read and match by content


def plan_folder(source: MailSource, folder: str, stored: tuple[int, int] | None) -> FolderPlan:
    """``stored`` is (uidvalidity, highest_uid) from the last run, or None on a first sync."""
    status = source.select(folder)
    if stored is None or stored[0] != status.uidvalidity:
        return FolderPlan(status, 0, reset=True)
    return FolderPlan(status, stored[1], reset=False)


def has_new(plan: FolderPlan) -> bool:
    if plan.status.exists == 0:
        return False
    if plan.status.uidnext <= 0:  # server did not say: ask
        return True
    return plan.status.uidnext - 1 > plan.after_uid


class Watermark:
    """The highest UID of a folder that may be stored as read: every UID of the run up to it was
    read (``done``) or is confirmed gone. UIDs may be done in any order; memory grows only with
    the UIDs done ahead of one that is not."""

    def __init__(self, after_uid: int, uids: Sequence[int] = ()) -> None:
        self.after_uid = after_uid
        self._uids = array("q", sorted(uids))
        self._next = 0  # self._uids[:self._next] are all done
        self._ahead: set[int] = set()

    def done(self, uid: int) -> None:
        self._ahead.add(uid)
        while self._next < len(self._uids) and self._uids[self._next] in self._ahead:
            self._ahead.discard(self._uids[self._next])
            self._next += 1

    @property
    def safe(self) -> int:
        return self._uids[self._next - 1] if self._next else self.after_uid

    @property
    def complete(self) -> bool:
        """Every UID of the run was read or is gone."""
        return self._next == len(self._uids)


@dataclass
class FolderRead:
    """One run's reading of one folder: the messages in arrival order, the watermark they make,
    and the UIDs the server listed but did not return although they are still there
    (``missing``: read again on the next run, as the watermark stays below them)."""

    source: MailSource
    plan: FolderPlan
    watermark: Watermark = field(init=False)
    missing: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.watermark = Watermark(self.plan.after_uid)

    def messages(self, on_count: Callable[[int], None] | None = None) -> Iterator[RawMessage]:
        """Yield the folder's messages after the watermark, in arrival order, fetched in
        batches. The caller marks each one ``done`` once it is stored."""
        if not has_new(self.plan):
            return
        folder = self.plan.status.name
        uids = self.source.uids_after(folder, self.plan.after_uid)
        self.watermark = Watermark(self.plan.after_uid, uids)
        if on_count:
            on_count(len(uids))
        ordered = self._arrival_order(folder, uids)
        del uids
        for i in range(0, len(ordered), BATCH):
            yield from self._batch(folder, list(ordered[i : i + BATCH]))

    def done(self, uid: int) -> None:
        self.watermark.done(uid)

    def _arrival_order(self, folder: str, uids: list[int]) -> array[int]:
        """``arrival_order`` of the folder's new UIDs, their times asked for a slice at a time."""
        keys: list[int] = []
        for start in range(0, len(uids), ARRIVAL_SLICE):
            part = uids[start : start + ARRIVAL_SLICE]
            keys += arrival_keys(part, self.source.arrival_times(folder, part))
        keys.sort()
        return array("q", (key & _UID_BITS for key in keys))

    def _batch(self, folder: str, uids: list[int]) -> Iterator[RawMessage]:
        returned: set[int] = set()
        if uids == sorted(uids):  # the usual case: stream the answer as it comes
            for raw in self.source.fetch_headers(folder, uids):
                returned.add(raw.uid)
                yield raw
        else:
            found = {raw.uid: raw for raw in self.source.fetch_headers(folder, sorted(uids))}
            returned.update(found)
            yield from (found[uid] for uid in uids if uid in found)
        absent = [uid for uid in uids if uid not in returned]
        if absent:
            self._confirm_gone(folder, absent)

    def _confirm_gone(self, folder: str, absent: list[int]) -> None:
        """A UID the FETCH did not return: gone (expunged meanwhile) if a new search no longer
        lists it; else it is still there and unread, and the watermark must stay below it."""
        present = set(self.source.uids_after(folder, min(absent) - 1))
        for uid in absent:
            if uid in present:
                self.missing.append(uid)
            else:
                self.watermark.done(uid)


_UID_BITS = (1 << 32) - 1  # an IMAP UID is a 32-bit number
_UNKNOWN = 1 << 100  # after every time: a UID whose arrival time is not known
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def arrival_keys(uids: Sequence[int], times: dict[int, datetime]) -> list[int]:
    """One integer per UID that sorts as ``arrival_order`` orders: the arrival time in
    microseconds above the UID's 32 bits, UIDs without a time after all the others."""
    return [
        (_micros(times[uid]) << 32 | uid) if uid in times else (_UNKNOWN | uid) for uid in uids
    ]


def _micros(t: datetime) -> int:
    aware = t if t.tzinfo is not None else t.replace(tzinfo=UTC)
    return (aware - _EPOCH) // timedelta(microseconds=1)


def arrival_order(uids: Sequence[int], times: dict[int, datetime]) -> list[int]:
    """``uids`` by arrival time, ties (and UIDs without a known time, at the end) by UID."""
    return [key & _UID_BITS for key in sorted(arrival_keys(uids, times))]
