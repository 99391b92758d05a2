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

Memory does not grow with the mailbox: the new UIDs are listed in UID ranges of about
``ARRIVAL_SLICE`` mails (``uid_ranges``), and with their arrival times go into a private
temporary SQLite database (``_Pending``: a small cache, the rest on disk), which hands them back
in arrival order for the whole folder, and in UID order to the watermark.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from vasteaika.mail.source import MailSource
from vasteaika.models import FolderStatus, RawMessage

BATCH = 500
# About this many UIDs are listed, and their arrival times asked for, at once.
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
    read (``done``) or is confirmed gone. ``uids`` (ascending) is read as the watermark moves;
    UIDs may be done in any order, and memory grows only with the UIDs done ahead of one that
    is not."""

    def __init__(self, after_uid: int, uids: Iterable[int] = ()) -> None:
        self._safe = after_uid
        self._uids = iter(uids)
        self._next = next(self._uids, None)  # the lowest UID not yet done
        self._ahead: set[int] = set()

    def done(self, uid: int) -> None:
        self._ahead.add(uid)
        while self._next is not None and self._next in self._ahead:
            self._ahead.discard(self._next)
            self._safe = self._next
            self._next = next(self._uids, None)

    @property
    def safe(self) -> int:
        return self._safe

    @property
    def complete(self) -> bool:
        """Every UID of the run was read or is gone."""
        return self._next is None


@dataclass
class FolderRead:
    """One run's reading of one folder: the messages in arrival order, the watermark they make,
    and the UIDs the server listed but did not return although they are still there
    (``missing``: read again on the next run, as the watermark stays below them)."""

    source: MailSource
    plan: FolderPlan
    watermark: Watermark = field(init=False)
    missing: list[int] = field(default_factory=list)
    _pending: _Pending | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.watermark = Watermark(self.plan.after_uid)

    def messages(self, on_count: Callable[[int], None] | None = None) -> Iterator[RawMessage]:
        """Yield the folder's messages after the watermark, in arrival order, fetched in
        batches. The caller marks each one ``done`` once it is stored."""
        if not has_new(self.plan):
            return
        folder = self.plan.status.name
        self.close()
        pending = self._pending = _Pending()
        self._list(folder, pending)
        self.watermark = Watermark(self.plan.after_uid, pending.by_uid())
        if on_count:
            on_count(pending.count())
        batch: list[int] = []
        for uid in pending.by_arrival():
            batch.append(uid)
            if len(batch) == BATCH:
                yield from self._batch(folder, batch)
                batch = []
        if batch:
            yield from self._batch(folder, batch)

    def done(self, uid: int) -> None:
        self.watermark.done(uid)

    def close(self) -> None:
        """Drop the list of UIDs (once the watermark is stored)."""
        if self._pending is not None:
            self._pending.close()
            self._pending = None

    def _list(self, folder: str, pending: _Pending) -> None:
        """The folder's new UIDs with their arrival times, asked for a slice at a time."""
        for after, upto in uid_ranges(self.plan, ARRIVAL_SLICE):
            uids = self.source.uids_after(folder, after, upto)
            for start in range(0, len(uids), ARRIVAL_SLICE):
                part = uids[start : start + ARRIVAL_SLICE]
                pending.add(part, self.source.arrival_times(folder, part))

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
        present = set(self.source.uids_after(folder, min(absent) - 1, max(absent)))
        for uid in absent:
            if uid in present:
                self.missing.append(uid)
            else:
                self.watermark.done(uid)


def uid_ranges(plan: FolderPlan, size: int) -> Iterator[tuple[int, int | None]]:
    """(after, upto) UID ranges that together hold every UID after the watermark: each about
    ``size`` mails wide at the folder's average density (UIDs of deleted mail are gaps), the last
    open-ended (None), so mail that arrives while the folder is read is listed as before."""
    after, status = plan.after_uid, plan.status
    highest = status.uidnext - 1  # below 1 when the server did not say: one open range
    width = max(size, size * highest // (status.exists or 1))
    while highest - after > width:
        yield after, after + width
        after += width
    yield after, None


class _Pending:
    """A run's new UIDs of one folder and their arrival times (in microseconds,
    ``_UNKNOWN_MICROS`` when not known: after all the others), in a private temporary database
    that SQLite keeps on disk past a small cache and deletes when closed."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("CREATE TABLE pending (uid INTEGER PRIMARY KEY, arrival INTEGER NOT NULL)")

    def add(self, uids: Sequence[int], times: dict[int, datetime]) -> None:
        rows = ((uid, _micros(times[uid]) if uid in times else _UNKNOWN_MICROS) for uid in uids)
        self._db.execute("BEGIN")
        self._db.executemany("INSERT OR IGNORE INTO pending VALUES (?, ?)", rows)
        self._db.execute("COMMIT")

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM pending").fetchone()[0])

    def by_uid(self) -> Iterator[int]:
        return (row[0] for row in self._db.execute("SELECT uid FROM pending ORDER BY uid"))

    def by_arrival(self) -> Iterator[int]:
        rows = self._db.execute("SELECT uid FROM pending ORDER BY arrival, uid")
        return (row[0] for row in rows)

    def close(self) -> None:
        self._db.close()


_UNKNOWN_MICROS = 1 << 62  # after every time: a UID whose arrival time is not known (year 146,000)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _micros(t: datetime) -> int:
    """An arrival time (aware: ``MailSource.arrival_times``) in microseconds since 1970."""
    return (t - _EPOCH) // timedelta(microseconds=1)
