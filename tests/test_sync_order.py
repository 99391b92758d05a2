"""Issue 15's correctness findings: no UID is ever passed unread, mail is threaded in order of
arrival (not UID), and an owner mail is never moved away from the conversation it answers."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from itertools import islice
from pathlib import Path

import pytest

from fakes import FakeSource, mail
from ledger_fixture import OWNER, at, ledger_rows
from vasteaika.config import Config
from vasteaika.ledger import sync
from vasteaika.ledger.check import _json_list, run_check
from vasteaika.ledger.store import Store, open_database
from vasteaika.ledger.sync import FolderPlan, FolderRead, Watermark, plan_folder, uid_ranges
from vasteaika.models import FolderStatus, RawMessage


def three_customers(src: FakeSource) -> None:
    for n in (1, 2, 3):
        src.add("INBOX", mail(f"c{n}@example.fi", OWNER, f"Kysymys {n}", f"q{n}@x"), at(n))


def stored_uids(store: Store) -> list[int]:
    return [r[0] for r in store.db.execute("SELECT uid FROM messages ORDER BY uid")]


def fetch_problems(store: Store) -> list[tuple[str, int]]:
    rows = store.db.execute("SELECT folder, uid FROM problems WHERE step = 'fetch'")
    return [tuple(r) for r in rows]  # type: ignore[misc]


# --- a UID the server does not return ------------------------------------------------------------


def test_a_uid_the_server_does_not_return_holds_the_watermark_and_is_read_next_run(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    three_customers(src)
    src.unanswered = {2}  # listed by SEARCH, still there, but missing from the FETCH answer

    first = run_check(config, src, store, at(10))

    assert stored_uids(store) == [1, 3]
    assert fetch_problems(store) == [("INBOX", 2)] and first.problems == 1
    assert store.folder_state("INBOX").highest_uid == 1  # type: ignore[union-attr]

    src.unanswered = set()
    second = run_check(config, src, store, at(11))

    assert stored_uids(store) == [1, 2, 3]  # read now, and nothing twice
    assert second.new_conversations == 1 and second.problems == 0
    assert fetch_problems(store) == []  # read: no longer a problem
    assert store.folder_state("INBOX").highest_uid == 3  # type: ignore[union-attr]


class ExpungingSource(FakeSource):
    """A server on which ``gone`` is expunged between the SEARCH and the FETCH."""

    gone: int = 0

    def fetch_headers(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        self.folders[folder].messages.pop(self.gone, None)
        return super().fetch_headers(folder, uids)


def test_a_uid_expunged_between_search_and_fetch_is_passed_without_a_problem(
    config: Config, store: Store
) -> None:
    src = ExpungingSource()
    three_customers(src)
    src.gone = 2

    result = run_check(config, src, store, at(10))

    assert stored_uids(store) == [1, 3] and result.problems == 0 and fetch_problems(store) == []
    assert store.folder_state("INBOX").highest_uid == 3  # type: ignore[union-attr]


def test_the_watermark_passes_only_uids_that_are_done_in_any_order() -> None:
    mark = Watermark(10, [11, 12, 15, 20])
    assert mark.safe == 10
    mark.done(15)
    mark.done(12)
    assert mark.safe == 10 and not mark.complete
    mark.done(11)
    assert mark.safe == 15
    mark.done(20)
    assert mark.safe == 20 and mark.complete


# --- arrival order ---------------------------------------------------------------------------------


def test_mail_imported_later_threads_by_arrival_not_by_uid(config: Config, store: Store) -> None:
    """A restored backup: the customer's first mail gets a higher UID than their reply to the
    owner's answer. Read in UID order the reply opened a conversation of its own."""
    src = FakeSource()
    src.add(
        "INBOX",
        mail("anna@example.fi", OWNER, "Re: Katto", "a2@x", extra="In-Reply-To: <a1@x>\n"),
        at(5),
    )
    src.add("INBOX", mail("anna@example.fi", OWNER, "Katto", "a1@x"), at(1))

    result = run_check(config, src, store, at(10))

    assert result.new_conversations == 1
    [conv] = store.conversations()
    assert conv["first_contact_at"] == int(at(1).timestamp())
    assert conv["last_customer_at"] == int(at(5).timestamp())


class UntimedSource(FakeSource):
    """A server that tells no arrival time for the UIDs in ``untimed`` (Maildir tells none)."""

    untimed: frozenset[int] = frozenset()

    def arrival_times(self, folder: str, uids: Sequence[int]) -> dict[int, datetime]:
        times = super().arrival_times(folder, uids)
        return {uid: t for uid, t in times.items() if uid not in self.untimed}


def handed_over(src: FakeSource) -> list[int]:
    """The UIDs of a first sync's reading of INBOX, in the order they are handed over."""
    read = FolderRead(src, plan_folder(src, "INBOX", None))
    try:
        return [raw.uid for raw in read.messages()]
    finally:
        read.close()


def test_a_folder_is_handed_over_by_arrival_ties_by_uid_and_unknown_times_last() -> None:
    src = UntimedSource()
    helsinki = timezone(timedelta(hours=2))
    arrivals = [at(0), at(2), at(1) + timedelta(microseconds=1), at(1), at(1),
                at(1.5).astimezone(helsinki), at(0.5)]  # fmt: skip
    for n, when in enumerate(arrivals):
        src.add("INBOX", mail(f"c{n}@example.fi", OWNER, f"Kysymys {n}", f"q{n}@x"), when)
    src.untimed = frozenset({1})

    assert handed_over(src) == [7, 4, 5, 3, 6, 2, 1]

    src.untimed = frozenset(range(1, 8))  # no time known at all: in UID order
    assert handed_over(src) == [1, 2, 3, 4, 5, 6, 7]


def test_a_folder_is_fetched_a_batch_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sync, "BATCH", 3)
    src = FakeSource()
    for n in range(7):
        src.add("INBOX", mail(f"c{n}@example.fi", OWNER, f"Kysymys {n}", f"q{n}@x"), at(10 - n))

    assert handed_over(src) == [7, 6, 5, 4, 3, 2, 1]
    assert src.commands.count("FETCH INBOX") == 3  # 3 + 3 + 1 mails, not one FETCH each


def test_the_watermark_keeps_no_uid_it_has_passed() -> None:
    """Memory stays flat however big the folder: a UID done in order is not kept."""
    uids = range(1, 20_001)
    mark = Watermark(0, uids)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for uid in uids:
            mark.done(uid)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert mark.safe == 20_000 and mark.complete
    assert kept < 20_000  # bytes; the 20,000 UIDs themselves would take over a megabyte


# --- a folder listed in slices (memory flat however big the mailbox) ------------------------


class ListingSource(FakeSource):
    """Remembers how many UIDs each listing handed over, and which arrival times were asked."""

    def __init__(self) -> None:
        super().__init__()
        self.listed: list[int] = []
        self.timed: list[list[int]] = []

    def uids_after(self, folder: str, last_uid: int, upto: int | None = None) -> list[int]:
        found = super().uids_after(folder, last_uid, upto)
        self.listed.append(len(found))
        return found

    def arrival_times(self, folder: str, uids: Sequence[int]) -> dict[int, datetime]:
        self.timed.append([*uids])
        return super().arrival_times(folder, uids)


def restored_mailbox(sparse: bool) -> ListingSource:
    """60 mails. The customers' follow-ups and the owner's answers were read first; the first
    mails they follow were restored from a backup later: higher UIDs, older arrival times, so
    a follow-up and its first mail are in different slices. ``sparse``: UIDs of deleted mail
    are gaps of 1–7."""
    src = ListingSource()

    def add(folder: str, raw: bytes, when: datetime) -> None:
        uid = src.add(folder, raw, when)
        if sparse:
            src.folders[folder].uidnext += uid % 7

    for k in range(20):
        who = f"c{k % 9}@example.fi"
        answer = f"In-Reply-To: <q{k}@x>\n"
        add("INBOX", mail(who, OWNER, f"Re: Kysymys {k}", f"f{k}@x", extra=answer), at(k + 0.5))
        if k % 2:
            add("Sent", mail(OWNER, who, f"Re: Kysymys {k}", f"r{k}@p", extra=answer), at(k + 0.25))
    for k in range(10):
        add("INBOX", mail(f"p{k}@yritys.fi", OWNER, f"Tarjous {k}", f"t{k}@x"), at(30 + k))
    for k in range(20):
        add("INBOX", mail(f"c{k % 9}@example.fi", OWNER, f"Kysymys {k}", f"q{k}@x"), at(k))
    return src


@pytest.mark.parametrize("sparse", [False, True], ids=["dense", "sparse"])
def test_a_folder_listed_in_slices_writes_the_ledger_of_one_listing(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sparse: bool
) -> None:
    whole = open_database(tmp_path / "whole.db")
    run_check(config, restored_mailbox(sparse), whole, at(50))
    monkeypatch.setattr(sync, "ARRIVAL_SLICE", 8)
    sliced = open_database(tmp_path / "sliced.db")
    src = restored_mailbox(sparse)

    run_check(config, src, sliced, at(50))

    assert ledger_rows(sliced) == ledger_rows(whole)
    assert len(src.listed) >= 60 // 8 and max(src.listed) <= 2 * 8
    asked = [uid for uids in src.timed for uid in uids]
    assert len(asked) == 60 and max(map(len, src.timed)) <= 8  # each mail's time asked once
    joined = sliced.count(
        "SELECT count(*) FROM messages f JOIN messages q ON q.message_id = 'q' || substr("
        "f.message_id, 2) WHERE f.message_id LIKE 'f%' AND f.conversation_id = q.conversation_id"
    )
    assert joined == 20  # every follow-up in its first mail's conversation: read by arrival


@pytest.mark.parametrize(
    ("after", "uidnext", "exists"),
    [(0, 101, 100), (0, 1001, 100), (500, 1001, 100), (95, 101, 100), (0, 0, 5), (0, 50, 0),
     (0, 31, 30), (0, 32, 30)],
)  # fmt: skip
def test_uid_ranges_cover_every_uid_after_the_watermark_once(
    after: int, uidnext: int, exists: int
) -> None:
    plan = FolderPlan(FolderStatus("INBOX", 1, uidnext, exists), after, reset=False)
    ranges = list(islice(uid_ranges(plan, 10), 1000))
    assert len(ranges) < 1000
    assert ranges[0][0] == after and ranges[-1][1] is None  # mail arriving meanwhile included
    assert [a for a, _ in ranges[1:]] == [upto for _, upto in ranges[:-1]]  # no gap, no overlap
    width = max(10, 10 * (uidnext - 1) // max(exists, 1))  # about 10 mails at this density
    assert all(upto == low + width for low, upto in ranges[:-1])
    # No range is empty for want of UIDs: the open one holds the last of them.
    assert 0 < uidnext - 1 - ranges[-1][0] <= width or len(ranges) == 1


# --- an owner mail answers one conversation ---------------------------------------------------


def test_an_owner_mail_answering_one_conversation_is_not_moved_to_another(
    config: Config, store: Store
) -> None:
    """The owner answered Anna (copy to Bob, referencing both their mails). Bob's mail is read
    a run later: the answer stays Anna's, and no conversation names an answer whose mail
    belongs to another conversation."""
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Katto", "a1@x"), at(0))
    src.add(
        "Sent",
        mail(OWNER, "anna@example.fi", "Re: Katto", "r1@p",
             extra="Cc: bob@example.fi\nIn-Reply-To: <a1@x>\nReferences: <a1@x> <b1@x>\n"),
        at(2),
    )  # fmt: skip
    run_check(config, src, store, at(3))
    src.add("INBOX", mail("bob@example.fi", OWNER, "Aita", "b1@x"), at(1))

    run_check(config, src, store, at(4))

    answer = store.one("SELECT id, conversation_id FROM messages WHERE message_id = 'r1@p'")
    anna = store.one("SELECT id FROM conversations WHERE customer_email = 'anna@example.fi'")
    assert answer is not None and anna is not None and answer[1] == anna[0]
    disagreeing = store.db.execute(
        "SELECT c.id FROM conversations c JOIN messages m ON m.id = c.first_reply_id"
        " WHERE m.conversation_id IS NOT c.id"
        " UNION SELECT t.conversation_id FROM turns t JOIN messages m ON m.id = t.answer_id"
        " WHERE m.conversation_id IS NOT t.conversation_id"
    ).fetchall()
    assert disagreeing == []


def test_an_owner_mail_sent_before_a_conversation_began_is_not_linked_to_it(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    src.add("Sent", mail(OWNER, "anna@example.fi", "Tarjous", "o1@p"), at(0))
    src.add("INBOX", mail("anna@example.fi", OWNER, "Kysymys", "a1@x"), at(1))
    run_check(config, src, store, at(2))
    owner_pk = store.one("SELECT id FROM messages WHERE message_id = 'o1@p'")[0]  # type: ignore[index]
    [conv] = store.conversations()

    assert store.link_answer(conv["id"], owner_pk, "reference") is False
    row = store.one("SELECT conversation_id, answer_rule FROM messages WHERE id = ?", owner_pk)
    assert row == (None, None)


# --- a first sync into an empty ledger: indexes and triggers after the load --------------------


def schema(store: Store) -> list[tuple[str, str]]:
    rows = store.db.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def busy_mailbox() -> FakeSource:
    src = FakeSource()
    for n in range(12):
        who = f"c{n % 5}@example.fi" if n % 3 else f"p{n}@yritys.fi"
        src.add("INBOX", mail(who, OWNER, f"Kysymys {n % 4}", f"q{n}@x"), at(n))
        if n % 2:
            src.add("Sent", mail(OWNER, who, f"Re: Kysymys {n % 4}", f"r{n}@p",
                                 extra=f"In-Reply-To: <q{n}@x>\n"), at(n + 0.5))  # fmt: skip
    return src


def test_a_first_sync_makes_its_indexes_after_the_load_and_writes_the_same_ledger(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vasteaika.ledger import first_load

    reference = open_database(tmp_path / "reference.db")
    with monkeypatch.context() as patched:
        patched.setattr(first_load, "defer", lambda conn: False)  # indexes kept during the load
        run_check(config, busy_mailbox(), reference, at(20))
    store = open_database(tmp_path / "deferred.db")
    dropped: list[list[str]] = []
    real_defer = first_load.defer

    def watched(conn: object) -> bool:
        done = real_defer(conn)  # type: ignore[arg-type]
        dropped.append([r[0] for r in store.db.execute("SELECT name FROM deferred_schema")])
        return done

    monkeypatch.setattr(first_load, "defer", watched)
    run_check(config, busy_mailbox(), store, at(20))

    assert "conversations_customer_insert" in dropped[0] and "turns_next" in dropped[0]
    assert ledger_rows(store) == ledger_rows(reference)
    assert store.count("SELECT count(*) FROM customers") > 0
    assert schema(store) == schema(reference)
    assert store.count("SELECT count(*) FROM deferred_schema") == 0


def test_a_first_sync_that_dies_before_its_indexes_gets_them_on_the_next_open(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vasteaika.ledger import first_load

    reference = open_database(tmp_path / "reference.db")
    run_check(config, busy_mailbox(), reference, at(20))
    expected_schema = schema(reference)
    store = open_database(tmp_path / "crash.db")
    monkeypatch.setattr(first_load, "restore", lambda conn: None)  # the process dies first
    run_check(config, busy_mailbox(), store, at(20))
    assert store.count("SELECT count(*) FROM deferred_schema") > 0
    monkeypatch.undo()
    store.db.conn.close()

    reopened = open_database(tmp_path / "crash.db")

    assert schema(reopened) == expected_schema
    assert ledger_rows(reopened)["customers"] == ledger_rows(reference)["customers"]
    assert ledger_rows(reopened)["conversations"] == ledger_rows(reference)["conversations"]


@pytest.mark.parametrize(
    "reasons",
    [(), ("customer: From a@b.fi, no machine signal",),
     ('Subject: "Re: ä\\ö"\n\t\x00 \ud800 😀', "second")],
)  # fmt: skip
def test_reasons_are_stored_as_the_json_they_always_were(reasons: tuple[str, ...]) -> None:
    """A ledger written by the bulk path is identical to one written before it: the reasons
    column holds exactly json.dumps' text, hostile characters included."""
    assert _json_list(reasons) == json.dumps(list(reasons), ensure_ascii=False)
    assert json.loads(_json_list(reasons)) == list(reasons)
