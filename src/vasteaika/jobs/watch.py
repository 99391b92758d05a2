"""`vasteaika watch`: acknowledge within a minute, by keeping an IMAP IDLE on INBOX.

The watcher runs exactly the same cycle as `check` (jobs.cycle.run_cycle) whenever the server reports
new mail, re-issues IDLE before the server's timeout (RFC 2177: at most every 29 minutes; we use
5, and run a cycle then, so due reminders fire on time), polls where a server has no IDLE, reconnects with backoff after a dropped connection, and
takes the same lock as `check` for each cycle, so the two never act on the mailbox at once.
SIGTERM/SIGINT stop it between messages: the message in hand is finished and committed.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from vasteaika.acks.accounting import TOLD_AS_SENT
from vasteaika.acks.outbox import AckPlan, Deliver
from vasteaika.catalogue import error_line, say
from vasteaika.clock import Clock
from vasteaika.config import Config
from vasteaika.errors import (
    AuthenticationError,
    ConfigError,
    TemporaryError,
    UnreachableError,
)
from vasteaika.files import write_private
from vasteaika.jobs.cycle import CycleResult, run_cycle
from vasteaika.jobs.health import note_contact, note_problem
from vasteaika.ledger.database import file_lock
from vasteaika.ledger.store import Store
from vasteaika.mail.smtp import Sender
from vasteaika.mail.source import MailSource
from vasteaika.reminders.notify import Notifier

if TYPE_CHECKING:
    from vasteaika.reminders.caldav_client import CalendarServer

# Re-IDLE (and run a cycle) every 5 minutes: well inside RFC 2177's 29, and due callback
# reminders fire on time even when no mail arrives (a cycle with nothing new is constant work).
IDLE_SECONDS = 5 * 60
LOCK_RETRY_SECONDS = 1.0


class Stopped(Exception):
    """Raised inside a cycle (between messages) when a stop was requested."""


class IdleSource(MailSource, Protocol):
    def wait_for_change(
        self, folder: str, timeout: float, should_stop: Callable[[], bool]
    ) -> bool: ...


@dataclass
class WatchState:
    pid: int
    started_at: str
    last_seen_server_at: str | None = None
    last_ack_at: str | None = None
    last_ack_to: str | None = None
    last_error: str | None = None


def state_path(database: Path) -> Path:
    return database.with_name(database.name + ".watch.json")


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".watch.lock")


def read_state(database: Path) -> tuple[WatchState | None, bool]:
    """The watcher's last written state, and whether a watcher holds its lock right now (a pid
    alone could be recycled after a reboot)."""
    try:
        data = json.loads(state_path(database).read_text(encoding="utf-8"))
        state: WatchState | None = WatchState(**data)
    except (OSError, ValueError, TypeError):
        state = None
    return state, _lock_held(lock_path(database))


def _lock_held(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def watcher_lock(database: Path) -> AbstractContextManager[None]:
    """Held for the watcher's whole life: one watcher per mailbox, and `status` can tell."""
    busy = TemporaryError(
        "a vasteaika watch is already running for this mailbox",
        "see 'vasteaika status'; one watcher is enough",
    )
    return file_lock(lock_path(database), busy)


class Watcher:
    def __init__(
        self,
        config: Config,
        store: Store,
        connect: Callable[[], MailSource],
        make_deliver: Callable[[MailSource], Deliver],
        lock: Callable[[], AbstractContextManager[None]],
        clock: Clock,
        log: Callable[[str], None],
        *,
        idle_seconds: float = IDLE_SECONDS,
        poll_seconds: float = 60.0,
        max_backoff: float = 300.0,
        notifier: Notifier | None = None,
        mailer: Sender | None = None,
        calendar: Callable[[], CalendarServer] | None = None,
        tell: Callable[[CycleResult], list[str]] | None = None,
    ) -> None:
        self.tell = tell or _plain  # what a cycle did, in the owner's words
        self.notifier, self.mailer, self.calendar = notifier, mailer, calendar
        self.config, self.store, self.connect = config, store, connect
        self.make_deliver, self.lock, self.clock, self.log = make_deliver, lock, clock, log
        self.idle_seconds, self.poll_seconds, self.max_backoff = (
            idle_seconds,
            poll_seconds,
            max_backoff,
        )
        self.stopping = False
        self.backoff = 1.0
        self.state = WatchState(os.getpid(), clock().isoformat())

    def stop(self, *_: Any) -> None:
        self.stopping = True

    @property
    def lang(self) -> str:
        return self.config.language

    def _say(self, key: str, /, **values: object) -> str:
        """A log line in the owner's language."""
        return say(self.lang, key, **values)

    def run(self) -> None:
        """Until stopped: connect, run a cycle, wait for new mail, repeat; back off on errors."""
        while not self.stopping:
            try:
                self._session()
            except Stopped:
                break
            except (TemporaryError, UnreachableError) as exc:
                self._note_error(exc.line())
                self.log(self._say("watch.retrying", error=error_line(exc, self.lang), seconds=self.backoff))
                self._sleep(self.backoff)
                self.backoff = min(self.backoff * 2, self.max_backoff)
            except (AuthenticationError, ConfigError):
                raise  # waiting does not fix a wrong password or a bad config
        self.log(self._say("watch.stopped"))

    def _session(self) -> None:
        source = self.connect()
        self.backoff = 1.0  # a good connection: the next drop starts the backoff afresh
        self.log(self._say("watch.connected"))
        try:
            while not self.stopping:
                self._cycle(source)
                if self.stopping:
                    break
                if self._arrived_meanwhile(source):
                    continue  # mail that came during the cycle: IDLE would not announce it
                if self._wait(source):
                    self.log(self._say("watch.new_mail"))
        finally:
            source.close()

    def _arrived_meanwhile(self, source: MailSource) -> bool:
        """One EXAMINE: is there mail beyond what the cycle just read?"""
        status = source.select(self.config.inbox)
        state = self.store.folder_state(self.config.inbox)
        seen = state.highest_uid if state and state.uidvalidity == status.uidvalidity else 0
        return status.exists > 0 and status.uidnext - 1 > seen

    def _wait(self, source: MailSource) -> bool:
        wait = getattr(source, "wait_for_change", None)
        if wait is not None and getattr(source, "can_idle", False):
            changed = bool(wait(self.config.inbox, self.idle_seconds, lambda: self.stopping))
        else:
            self._sleep(self.poll_seconds)
            changed = False
        self._seen_server()
        return changed

    def _cycle(self, source: MailSource) -> CycleResult | None:
        while not self.stopping:
            try:
                with self.lock():
                    result = run_cycle(
                        self.config, self.store, source, self.clock(), self.make_deliver(source),
                        on_message=self._between, notifier=self.notifier, mailer=self.mailer,
                        calendar=self.calendar, on_ack=self._acked,
                    )  # fmt: skip
            except TemporaryError as exc:
                if "another vasteaika run" not in exc.message:
                    raise
                self._sleep(LOCK_RETRY_SECONDS)  # `check` is running: wait for it
                continue
            self._after(result)
            return result
        return None

    def _between(self) -> None:
        if self.stopping:
            raise Stopped

    def _after(self, result: CycleResult) -> None:
        self._seen_server()
        read = sum(result.check.folders.values())
        if read:
            self.log(self._say("watch.read", read=read, new=result.check.new_conversations))
        for line in self.tell(result):
            self.log(line)
        if result.acks.error is not None:
            self.log(self._say("watch.not_sent", error=error_line(result.acks.error, self.lang)))
            self._note_error(result.acks.error.line())
        self._write_state()

    def _acked(self, plan: AckPlan) -> None:
        """Told as it goes out, so that a cycle failing later still leaves it in the log."""
        self.state.last_ack_at = self.clock().isoformat()
        self.state.last_ack_to = plan.recipient
        self.log(self._say("watch.acked", recipient=plan.recipient,
                           at=plan.callback_at.isoformat()))  # fmt: skip
        self._write_state()

    def _seen_server(self) -> None:
        now = self.clock()
        self.state.last_seen_server_at = now.isoformat()
        self.state.last_error = None  # reconnected: the old problem is over (health keeps it)
        note_contact(self.config.database, now, "watch")
        self._write_state()

    def _note_error(self, line: str) -> None:
        self.state.last_error = line
        note_problem(self.config.database, self.clock(), "watch", line)
        self._write_state()

    def _write_state(self) -> None:
        with contextlib.suppress(OSError):  # status is a convenience; never stop watching for it
            write_private(state_path(self.config.database), json.dumps(asdict(self.state)))

    def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.2, max(deadline - time.monotonic(), 0)))


def _plain(result: CycleResult) -> list[str]:
    """Each new customer not acknowledged (those sent were told as they went), and each promise
    already past when read."""
    return [
        *(f"#{a.conversation_id} {a.customer_email}: {a.outcome} {'; '.join(a.reasons)}"
          for a in result.accounts if a.outcome not in TOLD_AS_SENT),
        *(f"promised for {p.due_at.isoformat()} — already past when read: {p.customer_email}"
          for p in result.past_promises),
    ]  # fmt: skip


def last_ack(store: Store) -> tuple[datetime | None, str | None]:
    row = store.db.execute(
        "SELECT ack_at, ack_recipient FROM conversations WHERE ack_status = 'sent'"
        " ORDER BY ack_at DESC LIMIT 1"
    ).fetchone()
    if not row:
        return None, None
    from vasteaika.ledger.store import from_epoch

    return from_epoch(row[0]), row[1]
