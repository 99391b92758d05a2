"""Output: rich tables for people, JSON and CSV for scripts, and the first-sync progress bar."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from vasteaika import catalogue
from vasteaika.cli.messages import TEXTS
from vasteaika.terminal import console as console
from vasteaika.terminal import err_console as err_console
from vasteaika.terminal import json_text, write

if TYPE_CHECKING:  # imported where used: every command imports this module, few draw a table
    from rich.progress import Progress
    from rich.table import Table

    from vasteaika.acks.outbox import AckPlan
    from vasteaika.ledger.records import ConversationRecord
    from vasteaika.reminders.store import Reminder
    from vasteaika.reminders.urgency import Urgency

PROGRESS_THRESHOLD = 100  # below this many messages a bar is just noise


def text(lang: str, key: str, **values: object) -> str:
    """The screens' text for key in lang (English when lang lacks it), in the form for the
    count ``n``, filled in."""
    return catalogue.phrase(TEXTS, lang, key, **values)


def human_duration(delta: timedelta, lang: str = "en") -> str:
    return catalogue.duration(lang, delta)


def local(t: datetime, lang: str = "en") -> str:
    """ "Wed 04.11. 11:48" / "ke 4.11. klo 11.48"."""
    return catalogue.moment(lang, t)


def print_json(data: Any) -> None:
    write(json_text(data))


def waiting_table(
    ranked: Sequence[tuple[ConversationRecord, Urgency]], now: datetime, lang: str
) -> Table:
    """Who waits, the most urgent first; one past its promise is marked with "!" (explained
    under the table). The # is the number 'vasteaika close' takes."""
    from rich.table import Table

    rows = []
    for r, urgency in ranked:
        since = r.waiting_since or r.first_contact_at
        rows.append((
            str(r.id),
            r.customer_name or r.customer_email,
            r.subject or text(lang, "no_subject"),
            local(since, lang),
            human_duration(now - since, lang) + (" !" if urgency.overdue else "  "),
        ))  # fmt: skip
    headers = ("#", text(lang, "customer"), text(lang, "subject"), text(lang, "since"),
               text(lang, "waited"))  # fmt: skip
    widths = [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(headers)]
    # The subject gets what a narrow terminal leaves: borders and padding take 16 characters,
    # the customer at least 10 (it folds), the other columns their widest cell.
    subject_width = max(8, min(32, console.width - 16 - 10 - widths[0] - sum(widths[3:])))
    table = Table(title=text(lang, "waiting", n=len(rows)), title_justify="left", expand=False)
    table.add_column(headers[0], justify="right", no_wrap=True)
    table.add_column(headers[1], overflow="fold", min_width=10, max_width=30)
    table.add_column(headers[2], overflow="ellipsis", max_width=subject_width, no_wrap=True)
    table.add_column(headers[3], no_wrap=True)
    table.add_column(headers[4], justify="right", no_wrap=True)
    for row in rows:
        table.add_row(*row)
    if any(urgency.overdue for _, urgency in ranked):
        table.caption = text(lang, "past_promise")
        table.caption_justify = "left"
    return table


def ack_json(plan: AckPlan) -> dict[str, Any]:
    return {
        "conversation_id": plan.conversation_id,
        "recipient": plan.recipient,
        "language": plan.language,
        "callback_at": plan.callback_at.isoformat(),
        "subject": str(plan.message["Subject"]),
        "message_id": str(plan.message["Message-ID"]),
        "body": plan.body,
    }


def unreadable_line(reminder: Reminder, lang: str) -> str:
    """A promise whose time could not be read, and the command that sets it."""
    who = reminder.customer_name or reminder.customer_email
    said = text(lang, "unreadable", text=reminder.promise_text or "")
    return f"#{reminder.id} ?  {who} — {said} — {text(lang, 'set_it', id=reminder.id)}"


def records_csv(records: Sequence[ConversationRecord]) -> str:
    from vasteaika.ledger.records import FIELDS

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in records:
        row = r.as_json()
        writer.writerow({k: "" if row[k] is None else row[k] for k in FIELDS})
    return out.getvalue()


class FolderProgress:
    """A rich progress bar on a terminal for long first syncs; silent under cron or --quiet."""

    def __init__(self, enabled: bool, lang: str = "en") -> None:
        self.enabled = enabled and err_console.is_terminal
        self.lang = lang
        self._progress: Progress | None = None
        self._task: Any = None

    def start(self, folder: str, total: int) -> None:
        if not self.enabled or total < PROGRESS_THRESHOLD:
            return
        if self._progress is None:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("{task.description}", markup=False),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=err_console,
                transient=True,
            )
            self._progress.start()
        self._task = self._progress.add_task(text(self.lang, "reading", folder=folder), total=total)

    def step(self) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()


@contextmanager
def progress(enabled: bool, lang: str = "en") -> Iterator[FolderProgress]:
    bar = FolderProgress(enabled, lang)
    try:
        yield bar
    finally:
        bar.stop()
