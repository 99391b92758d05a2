"""Issue 15: a first sync's accounts are read from the ledger as they are gone through, never
held — a first sync over years of mail opens one conversation per customer mail, and holding a
record for each was most of the run's memory (190 MB at 300,000 mails) although `check --quiet`
shows only what needs the owner. What the owner is told stays exactly as it was."""

from __future__ import annotations

import tracemalloc
from collections.abc import Sequence
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from fakes import FakeSource
from test_told import NOW, OWNER, Recorder, customer
from test_told import config as config  # the shared fixtures
from test_told import store as store
from vasteaika.acks.accounting import AckAccount, AckAccounts
from vasteaika.acks.outbox import draft_or_send
from vasteaika.cli.accounts import accounts_json, show_accounts
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import UnreachableError
from vasteaika.jobs.cycle import run_cycle
from vasteaika.ledger.store import Store, open_database

HELSINKI = ZoneInfo("Europe/Helsinki")
BACKLOG_DAYS = 5
BACKLOG = "backlog or answered: older than ack.max_age, or you had already replied"


def backlog(src: FakeSource, count: int) -> None:
    """``count`` customers who wrote days ago: a first sync's old conversations."""
    for i in range(count):
        minutes = 60 * 24 * BACKLOG_DAYS + i
        src.add("INBOX", customer(f"old{i}@example.fi", f"o{i}@x", minutes),
                NOW - timedelta(minutes=minutes))  # fmt: skip


def young(src: FakeSource, *names: str) -> None:
    for n, name in enumerate(names):
        src.add("INBOX", customer(f"{name}@example.fi", f"{name}@x", 10 - n),
                NOW - timedelta(minutes=10 - n))  # fmt: skip


def test_only_what_needs_the_owner_is_read_for_quiet(config: Config, store: Store) -> None:
    """A delivery that stopped leaves two customers untried among an old backlog: exactly those
    need the owner, the same as going through every account and asking each."""
    src = FakeSource()
    backlog(src, 12)
    young(src, "anna", "bert")
    rec = Recorder(UnreachableError("cannot connect to 127.0.0.1:25", "check [smtp]"))
    cycle = run_cycle(config, store, src, NOW, draft_or_send(rec, None, "send", False))
    accounts = cycle.accounts
    assert isinstance(accounts, AckAccounts)
    every = list(accounts)
    assert len(every) == len(accounts) == 14
    assert list(accounts) == every  # gone through again: the same
    needing = accounts.needing_owner()
    assert needing == [a for a in every if a.needs_owner]
    assert [(a.customer_email, a.outcome) for a in needing] == [
        ("anna@example.fi", "not_tried"), ("bert@example.fi", "not_tried"),
    ]  # fmt: skip
    assert {a.outcome for a in every if not a.needs_owner} == {"not_sent"}


def test_with_acks_off_nothing_needs_the_owner(tmp_path: pytest.TempPathFactory) -> None:
    cfg = config_from_dict({"account": {"maildir": str(tmp_path)}, "owner": {"addresses": [OWNER]},
                            "ack": {"mode": "off"}, "storage": {"database": str(tmp_path / "v.db")}},
                           None)  # fmt: skip
    src = FakeSource()
    backlog(src, 3)
    young(src, "anna")
    accounts = run_cycle(cfg, open_database(cfg.database), src, NOW, None).accounts
    assert isinstance(accounts, AckAccounts)
    assert [a.outcome for a in accounts] == ["off"] * 4
    assert accounts.needing_owner() == []


def test_a_dry_run_reads_its_plans_back(config: Config, store: Store) -> None:
    """Plans are not stored: the accounts take them from the run, also when read again."""
    src = FakeSource()
    young(src, "anna")
    cycle = run_cycle(config, store.in_memory_copy(), src, NOW, None)
    for _ in range(2):
        [account] = cycle.accounts
        assert account.outcome == "would_send" and account.recipient == "anna@example.fi"
        assert account.callback_at is not None


def told_peak(accounts: Sequence[AckAccount], *, quiet: bool) -> int:
    """The most memory (bytes) telling the accounts took."""
    tracemalloc.start()
    try:
        show_accounts(accounts, (), HELSINKI, "en", only_needing_owner=quiet)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_quiet_holds_no_record_per_old_conversation(
    config: Config, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """After a first sync of 2,000 old conversations, telling what needs the owner (nothing, for
    --quiet) or every one (one counted line) allocates next to nothing, where a record per
    conversation was ~1 MB; --json still has each."""
    src = FakeSource()
    backlog(src, 2000)
    cycle = run_cycle(config, store, src, NOW, draft_or_send(Recorder(), None, "send", False))
    assert told_peak(cycle.accounts, quiet=True) < 100_000
    assert capsys.readouterr().out == ""
    show_accounts(cycle.accounts, (), HELSINKI, "en")  # the terminal's first line builds caches
    capsys.readouterr()
    assert told_peak(cycle.accounts, quiet=False) < 100_000
    assert capsys.readouterr().out.splitlines() == [
        "New customers (2000):",
        "  2000 of them not acknowledged: older than ack.max_age, or you had already replied",
    ]
    listed = accounts_json(cycle.accounts, "en")
    assert len(listed) == 2000 and {a["outcome"] for a in listed} == {"not_sent"}


def test_a_plain_list_is_told_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    """show_accounts takes any sequence (tests, the watcher): the same lines as before."""
    old = [AckAccount(i, f"old{i}@example.fi", "", "x", "not_sent",
                      reasons=(BACKLOG,))
           for i in range(1, 8)]  # fmt: skip
    stopped = AckAccount(9, "c@example.fi", "", "x", "not_tried",
                         reasons=("stopped: vasteaika: cannot connect — check [smtp]",))  # fmt: skip
    show_accounts([*old, stopped], (), HELSINKI, "en", only_needing_owner=True)
    line = ("  #9 c@example.fi — NOT acknowledged yet: vasteaika: cannot connect — check [smtp];"
            " tried again on the next run")  # fmt: skip
    assert capsys.readouterr().out.splitlines() == [line]
    show_accounts([*old, stopped], (), HELSINKI, "en")
    assert capsys.readouterr().out.splitlines() == [
        "New customers (8):", line,
        "  7 of them not acknowledged: older than ack.max_age, or you had already replied",
    ]  # fmt: skip
