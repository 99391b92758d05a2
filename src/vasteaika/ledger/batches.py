"""The sync's batches: the mails read cut into batches, each stored in one savepoint and
committed with its folder's watermark, and stored again message by message when any of its mails
fails. Apart from the check (``check.py``: what is done to one mail) so that how mails are
grouped, committed and retried is read in one place.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from typing import Protocol

from vasteaika.ledger.store import Store
from vasteaika.ledger.sync import FolderRead
from vasteaika.models import RawMessage


def chunks(
    raws: Iterator[RawMessage], size: int, on_read: Callable[[], None] | None
) -> Iterator[tuple[RawMessage, ...]]:
    """The mails by ``size`` (``on_read`` hears of each one as it is read). When reading fails
    (the connection drops), the mails read before are handed over first, so they are stored;
    then the failure goes on."""
    chunk: list[RawMessage] = []
    try:
        for raw in raws:
            chunk.append(raw)
            if on_read:
                on_read()
            if len(chunk) == size:
                yield tuple(chunk)
                chunk = []
    except Exception:
        if chunk:
            yield tuple(chunk)
        raise
    if chunk:
        yield tuple(chunk)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector out of the sync's hot loop: what the run built before (modules,
    config) is frozen out of its passes, and its automatic passes, set off by the many small
    objects each mail makes, are paused (a tenth of a first sync's CPU time, though a sync makes
    no cyclic garbage). ``collect_batch`` collects at the end of each batch instead, so what
    a batch leaves unreachable never outlives it and memory stays bounded by the batch."""
    enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()


def collect_batch() -> None:
    """What a batch left unreachable (``collector_paused``): the young generations only, which
    hold just what was made since the last batch (a full pass costs several times more)."""
    if not gc.isenabled():
        gc.collect(1)


class Batch:
    """Commits every COMMIT_EVERY messages instead of after each one.

    Each message is still all-or-nothing: a batch is stored in one savepoint, and when any of
    its mails fails it is stored again message by message, each in its own savepoint
    (``store_chunk``), so a broken message rolls back alone. The folder's watermark is
    written once, just before each COMMIT, as the UID of the last message completed in the
    batch: the messages and the watermark that covers them always commit together, so the
    database is consistent after any crash. A crash loses at most one batch of work, which the
    next run reads again; the per-message commit it replaces made a first sync several times
    slower.
    """

    COMMIT_EVERY = 2000

    def __init__(
        self, store: Store, folder: str, uidvalidity: int, now: int, read: FolderRead
    ) -> None:
        self.store = store
        self.conn = store.db.conn
        self.folder = folder
        self.uidvalidity = uidvalidity
        self.now = now
        self.read = read
        self.pending = 0

    def begin(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")

    def done(self, uid: int) -> None:
        self.read.done(uid)
        self.pending += 1
        if self.pending >= self.COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        if self.conn.in_transaction:
            if self.pending:
                safe = self.read.watermark.safe
                self.store.set_folder_state(self.folder, self.uidvalidity, safe, self.now)
            self.conn.execute("COMMIT")
        self.pending = 0


class ChunkIngest(Protocol):
    """What the check does with a batch's mails (``store_chunk`` decides how they are grouped)."""

    def together(self, chunk: tuple[RawMessage, ...]) -> None:
        """Store every mail of the chunk without a guard each (the usual case)."""

    def alone(self, raw: RawMessage) -> None:
        """Store one mail, each of its steps under its guard."""

    def one_by_one(self) -> contextlib.AbstractContextManager[None]:
        """Forget what ``together`` kept in memory of a batch that rolled back, and store
        message by message inside."""

    def abandon(self) -> None:
        """Forget what ``together`` kept in memory (the run stops)."""


def store_chunk(
    store: Store, batch: Batch, chunk: tuple[RawMessage, ...], ingest: ChunkIngest
) -> None:
    """A batch of mails without a savepoint and a guard for each: the usual case, where no step
    fails. When one does, the batch rolls back whole and is stored again message by message
    (``ingest.alone``), so that one broken mail still costs only its failed step."""
    batch.begin()
    try:
        with store.savepoint():
            ingest.together(chunk)
    except Exception:
        with ingest.one_by_one():
            for raw in chunk:
                batch.begin()
                ingest.alone(raw)
                batch.done(raw.uid)
        return
    except BaseException:
        ingest.abandon()
        raise
    for raw in chunk:
        batch.done(raw.uid)
