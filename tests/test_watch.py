"""`vasteaika watch` as a real process against real Dovecot (IDLE) and aiosmtpd."""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dovecot import DovecotServer
from smtp_fixture import RunningSmtpServer
from test_e2e import cli_process, customer_mail, write_config
from test_e2e import env as env  # the shared fixture

DEADLINE = 60.0


def wait_until(condition: Callable[[], bool], deadline: float = DEADLINE) -> None:
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"not within {deadline} s")
        time.sleep(0.1)


def next_cycle_done(env: DovecotServer, smtp: RunningSmtpServer, expected: int) -> None:
    """Wait for the watcher's next cycle to finish its acknowledgments, instead of sleeping.

    A new customer (the marker) writes; the cycle that reads her mail acknowledges her after
    deciding every older conversation (they are taken in order of first contact), so once her
    acknowledgment is at the SMTP server, a second acknowledgment to anyone earlier would be
    there too. ``expected``: the messages the server has once the marker's arrived."""
    raw, when = customer_mail("Merkki <merkki@example.fi>", "Merkki", f"marker{expected}@x", 0)
    env.deliver("INBOX", raw, internal_date=when)
    wait_until(lambda: any(m.rcpt_tos == ("merkki@example.fi",) for m in smtp.messages()))
    assert len(smtp.messages()) == expected


def watch_state(tmp_path: Path) -> dict[str, object]:
    path = tmp_path / "v.db.watch.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}  # type: ignore[no-any-return]


@pytest.fixture
def watcher(
    env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path
) -> Iterator[subprocess.Popen[str]]:
    config = write_config(tmp_path, env, smtp_server.port)
    proc = cli_process(config, "watch", "--poll", "2")
    wait_until(lambda: (tmp_path / "v.db.watch.json").exists(), 30)
    yield proc
    if proc.poll() is None:
        proc.kill()
    _, err = proc.communicate(timeout=10)
    print(err)  # the watcher's log, shown when a test fails


def test_mail_delivered_while_watching_is_acknowledged_once(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    watcher: subprocess.Popen[str],
    tmp_path: Path,
) -> None:
    raw, when = customer_mail("Anna <anna@example.fi>", "Lumityöt", "a@x", 0)
    start = time.monotonic()
    env.deliver("INBOX", raw, internal_date=when)
    wait_until(lambda: len(smtp_server.messages()) == 1)
    assert time.monotonic() - start < DEADLINE
    config = write_config(tmp_path, env, smtp_server.port)
    by_hand = cli_process(config, "check", "--json")  # a hand run beside the watcher
    out, err = by_hand.communicate(timeout=60)
    assert by_hand.returncode == 0, err
    assert json.loads(out)["acknowledgments"] == []
    next_cycle_done(env, smtp_server, expected=2)  # Anna's second acknowledgment never came
    assert [list(m.rcpt_tos) for m in smtp_server.messages()] == [["anna@example.fi"], ["merkki@example.fi"]]
    status = cli_process(config, "status", "--json")
    state = json.loads(status.communicate(timeout=30)[0])
    assert state["watch_running"] is True and state["last_ack_to"] == "merkki@example.fi"


def test_reconnects_after_a_server_restart(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    watcher: subprocess.Popen[str],
    tmp_path: Path,
) -> None:
    env.kill()
    wait_until(lambda: watch_state(tmp_path).get("last_error") is not None)  # it saw the drop
    env.start()
    raw, when = customer_mail("Ville <ville@example.fi>", "Pihatyöt", "v@x", 0)
    env.deliver("INBOX", raw, internal_date=when)
    wait_until(lambda: len(smtp_server.messages()) == 1)
    assert [list(m.rcpt_tos) for m in smtp_server.messages()] == [["ville@example.fi"]]


def test_sigterm_stops_cleanly_and_a_restart_sends_nothing_twice(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    watcher: subprocess.Popen[str],
    tmp_path: Path,
) -> None:
    for i in range(5):
        raw, when = customer_mail(f"C{i} <c{i}@example.fi>", f"Kysymys {i}", f"q{i}@x", 0)
        env.deliver("INBOX", raw, internal_date=when)
    wait_until(lambda: len(smtp_server.messages()) >= 1)
    watcher.send_signal(signal.SIGTERM)
    assert watcher.wait(timeout=30) == 0
    config = write_config(tmp_path, env, smtp_server.port)
    again = cli_process(config, "watch", "--poll", "2")
    wait_until(lambda: len(smtp_server.messages()) == 5)
    next_cycle_done(env, smtp_server, expected=6)
    again.send_signal(signal.SIGTERM)
    assert again.wait(timeout=30) == 0
    recipients = sorted(m.rcpt_tos[0] for m in smtp_server.messages())
    assert recipients == [f"c{i}@example.fi" for i in range(5)] + ["merkki@example.fi"]  # once each


def test_backoff_starts_afresh_after_a_good_connection(tmp_path: Path) -> None:
    """Review finding: after a healthy session a drop must retry in 1 s, not continue doubling."""
    from datetime import UTC, datetime

    from vasteaika.config import config_from_dict
    from vasteaika.errors import TemporaryError
    from vasteaika.jobs.watch import Watcher
    from vasteaika.ledger.store import open_database

    config = config_from_dict({"owner": {"addresses": ["o@p.fi"]}, "account": {"maildir": str(tmp_path)},
                               "storage": {"database": str(tmp_path / "v.db")}}, None)  # fmt: skip
    sleeps: list[float] = []

    class Source:
        def close(self) -> None: ...

    watcher = Watcher(config, open_database(config.database), Source, lambda s: None,  # type: ignore[arg-type,return-value]
                      lambda: contextlib.nullcontext(), lambda: datetime.now(UTC), lambda line: None)  # fmt: skip

    def drop(source: object) -> None:
        raise TemporaryError("the connection was lost", "")

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 4:
            watcher.stop()

    watcher._cycle = drop  # type: ignore[method-assign,assignment]
    watcher._sleep = sleep  # type: ignore[method-assign]
    watcher.run()
    assert sleeps == [1.0, 1.0, 1.0, 1.0]


def test_status_knows_a_watcher_only_while_it_holds_its_lock(tmp_path: Path) -> None:
    from vasteaika.errors import TemporaryError
    from vasteaika.jobs.watch import read_state, watcher_lock

    db = tmp_path / "v.db"
    assert read_state(db) == (None, False)
    with watcher_lock(db):
        assert read_state(db)[1] is True
        with pytest.raises(TemporaryError, match="already running"), watcher_lock(db):
            pass
    assert read_state(db)[1] is False
