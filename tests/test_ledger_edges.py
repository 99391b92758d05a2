"""The ledger's sync, threading and conversations at their edges: each test holds a rule whose
breaking mutation testing showed no other test noticed (issue 19)."""

from __future__ import annotations

import contextlib
import gc
import sqlite3
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from fakes import FakeSource, mail
from ledger_fixture import OWNER, at
from vasteaika.config import Config
from vasteaika.errors import TemporaryError
from vasteaika.ledger import check
from vasteaika.ledger.batches import Batch
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import FolderState, Store
from vasteaika.models import FolderStatus, RawMessage


def customers(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT customer_email FROM conversations ORDER BY id")]


class SilentUidnext(FakeSource):
    """A server whose SELECT does not say UIDNEXT (RFC 3501 lets it leave it out): 0."""

    def select(self, folder: str) -> FolderStatus:
        status = super().select(folder)
        return FolderStatus(status.name, status.uidvalidity, 0, status.exists)


def test_a_server_that_does_not_say_uidnext_is_asked_for_new_mail(
    config: Config, store: Store
) -> None:
    src = SilentUidnext()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    run_check(config, src, store, at(1))
    src.add("INBOX", mail("pekka@example.fi", OWNER, "Nurmikko", "p1@x"), at(2))
    run_check(config, src, store, at(3))
    assert customers(store) == ["anna@example.fi", "pekka@example.fi"]


def test_a_new_subject_exactly_the_window_later_still_joins_and_a_second_more_does_not() -> None:
    """The config says a new subject *more than* new_conversation_after_days after the
    conversation went quiet starts a new one: exactly that long later still joins it."""
    from vasteaika.ledger.threads import joins_conversation
    from vasteaika.models import ConversationRef

    window = 14 * 86_400
    quiet_since = 1_700_000_000
    ref = ConversationRef(7, "maija@example.fi", "lumityöt", quiet_since - 3_600, quiet_since, None)

    def joins(at: int) -> bool:
        return joins_conversation(ref, linked=False, base_subject="laskun kopio", received_at=at,
                                  window_seconds=window)  # fmt: skip

    assert joins(quiet_since + window)
    assert not joins(quiet_since + window + 1)


class Watched(FakeSource):
    """A server that, before handing over each mail, lets another process look at what the
    ledger has committed: what a crash at that moment would leave."""

    def __init__(self, database: Path) -> None:
        super().__init__()
        self.database = database
        self.committed: list[int] = []  # INBOX's committed watermark as each mail is fetched

    def fetch_headers(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        for raw in super().fetch_headers(folder, uids):
            if folder == "INBOX":
                with contextlib.closing(sqlite3.connect(self.database)) as other:
                    row = other.execute(
                        "SELECT highest_uid FROM folder_state WHERE folder = 'INBOX'"
                    ).fetchone()
                self.committed.append(row[0] if row else 0)
            yield raw


def test_a_crash_loses_at_most_the_batch_being_read(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every COMMIT_EVERY mails the batch commits with its folder's watermark, so a run killed
    while reading (power cut, OOM) leaves all mail before the batch being read in the ledger and
    reads only that batch again: never more, and never mail that was not stored."""
    monkeypatch.setattr(Batch, "COMMIT_EVERY", 3)
    src = Watched(config.database)
    for n in range(8):
        src.add("INBOX", mail(f"c{n}@example.fi", OWNER, f"Kysymys {n}", f"q{n}@x"), at(n))
    run_check(config, src, store, at(9))
    assert src.committed == [0, 0, 0, 3, 3, 3, 6, 6]
    assert store.folder_state("INBOX") == FolderState(1, 8)


@pytest.mark.parametrize("fail_after", [None, 4])
def test_the_garbage_collector_runs_again_after_a_check_also_one_cut_short(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch, fail_after: int | None
) -> None:
    """The sync pauses the collector (its automatic passes cost a tenth of a first sync); a
    `watch` process lives on for days, and without it every cycle of objects would leak."""
    monkeypatch.setattr(Batch, "COMMIT_EVERY", 3)
    src = FakeSource()
    src.fail_after = fail_after
    for n in range(8):
        src.add("INBOX", mail(f"c{n}@example.fi", OWNER, f"Kysymys {n}", f"q{n}@x"), at(n))
    assert gc.isenabled()
    with contextlib.suppress(TemporaryError):
        run_check(config, src, store, at(9))
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_batch_leaves_no_unreachable_cycle_behind(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the collector is paused, what a batch leaves unreachable is collected at its end,
    so the sync's memory stays bounded by the batch however many mails it reads."""
    monkeypatch.setattr(Batch, "COMMIT_EVERY", 3)
    src = FakeSource()
    for n in range(8):
        src.add("INBOX", mail(f"c{n}@example.fi", OWNER, f"Kysymys {n}", f"q{n}@x"), at(n))
    left: list[weakref.ref[_Cycle]] = []
    alive_at_start: list[int] = []
    store_chunk = check.store_chunk

    def leaving_a_cycle(*args: Any) -> None:
        alive_at_start.append(sum(ref() is not None for ref in left))
        store_chunk(*args)
        left.append(weakref.ref(_Cycle()))

    monkeypatch.setattr(check, "store_chunk", leaving_a_cycle)
    run_check(config, src, store, at(9))
    assert alive_at_start == [0, 0, 0]
