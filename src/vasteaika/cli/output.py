"""Output: rich tables for people, JSON and CSV for scripts, and the first-sync progress bar."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from vasteaika import catalogue
from vasteaika.cli.messages import TEXTS
from vasteaika.terminal import json_text, write

if TYPE_CHECKING:  # imported where used: every command imports this module, few draw a table
    from rich.progress import Progress
    from rich.table import Table

    from vasteaika.acks.outbox import AckPlan
    from vasteaika.ledger.records import ConversationRecord
    from vasteaika.literal_console import LiteralConsole
    from vasteaika.literal_console import console as console
    from vasteaika.literal_console import err_console as err_console
    from vasteaika.queue.model import QueueEntry, Reason
    from vasteaika.reminders.store import Reminder
    from vasteaika.reminders.urgency import Urgency

PROGRESS_THRESHOLD = 100  # below this many messages a bar is just noise
_CONSOLES = ("console", "err_console")


def __getattr__(name: str) -> Any:
    """``console`` and ``err_console`` (literal_console's), fetched with rich on first use and
    kept here from then on: a command that prints nothing through rich never imports it."""
    if name in _CONSOLES:
        from vasteaika import literal_console

        globals()[name] = value = getattr(literal_console, name)
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _shown(name: str) -> LiteralConsole:
    """The console as this module has it now (a test may have put another in its place)."""
    found: LiteralConsole = globals().get(name) or __getattr__(name)
    return found


def text(lang: str, key: str, **values: object) -> str:
    """The screens' text for key in lang (English when lang lacks it), in the form for the
    count ``n``, filled in."""
    return catalogue.phrase(TEXTS, lang, key, **values)


def human_duration(delta: timedelta, lang: str = "en") -> str:
    return catalogue.duration(lang, delta)


def local(t: datetime, lang: str = "en") -> str:
    """ "Wed 04.11. 11:48" / "ke 4.11. klo 11.48"."""
    return catalogue.moment(lang, t)


def short_local(t: datetime, lang: str = "en") -> str:
    """ "04.11. 11:48" / "4.11. 11.48": for a narrow terminal."""
    if lang == "fi":
        return f"{t.day}.{t.month}. {t.hour}.{t.minute:02d}"
    return f"{t:%d.%m. %H:%M}"


def print_json(data: Any) -> None:
    write(json_text(data))


def waiting_table(
    ranked: Sequence[tuple[ConversationRecord, Urgency]],
    now: datetime,
    lang: str,
    width: int | None = None,
) -> Table:
    """Who waits, the most urgent first; one past its promise is marked with "!" (explained
    under the table). The # is the number 'vasteaika close' takes. Laid out for ``width`` (the
    console's): the customer is never left out; a narrow terminal gets the short time, then no
    subject."""
    from rich.table import Table

    width = width or _shown("console").width
    headers = (
        "#", text(lang, "customer"), text(lang, "subject"), text(lang, "since"),
        text(lang, "waited"),
    )  # fmt: skip
    rows = _waiting_rows(ranked, now, lang, short=False)
    widths = _column_widths(headers, rows)
    # Borders and padding take 16 characters for five columns; the customer needs at least 10
    # (it folds), the subject 8 (it is cut with "…"), the other columns their widest cell.
    room = width - 16 - widths[0] - widths[3] - widths[4]
    if room < 18:
        rows = _waiting_rows(ranked, now, lang, short=True)
        widths = _column_widths(headers, rows)
        room = width - 16 - widths[0] - widths[3] - widths[4]
    with_subject = room >= 18
    table = Table(title=text(lang, "waiting", n=len(rows)), title_justify="left", expand=False)
    table.add_column(headers[0], justify="right", no_wrap=True)
    # Without the subject, its column's 3 characters of border go to the customer.
    customer = max(10, min(widths[1], 30, room - 8 if with_subject else room + 3))
    table.add_column(headers[1], overflow="fold", min_width=customer, max_width=30)
    if with_subject:
        subject_width = max(8, min(32, room - customer))
        table.add_column(headers[2], overflow="ellipsis", max_width=subject_width, no_wrap=True)
    table.add_column(headers[3], no_wrap=True, min_width=widths[3])
    table.add_column(headers[4], justify="right", no_wrap=True, min_width=widths[4])
    for row in rows:
        table.add_row(*(row if with_subject else (*row[:2], *row[3:])))
    if any(urgency.overdue for _, urgency in ranked):
        table.caption = text(lang, "past_promise")
        table.caption_justify = "left"
    return table


def _waiting_rows(
    ranked: Sequence[tuple[ConversationRecord, Urgency]], now: datetime, lang: str, short: bool
) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for r, urgency in ranked:
        since = r.waiting_since or r.first_contact_at
        rows.append((
            str(r.id),
            r.customer_name or r.customer_email,
            r.subject or text(lang, "no_subject"),
            short_local(since, lang) if short else local(since, lang),
            human_duration(now - since, lang) + (" !" if urgency.overdue else "  "),
        ))  # fmt: skip
    return rows


def _column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    return [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(headers)]


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
        self.enabled = enabled and _shown("err_console").is_terminal
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
                console=_shown("err_console"),
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


# --- the contact queue: one renderer for `queue` and check's screen ------------------------------


def queue_who(entry: QueueEntry, lang: str) -> str:
    """ "Anna Virtanen <anna@x.fi>", "koivukuja.fi (company)", with "key customer" when one."""
    who = f"{entry.name} <{entry.customer}>" if entry.name else entry.customer
    notes = [text(lang, "queue_company")] if entry.is_company else []
    notes += [text(lang, "queue_key")] if entry.is_key else []
    return who + (f" ({', '.join(notes)})" if notes else "")


def queue_reason(reason: Reason, entry: QueueEntry, lang: str) -> str:
    days = reason.seconds // 86400
    # business time in hours: its days are working days, not the 24 h of human_duration
    minutes = reason.seconds // 60
    wait = f"{minutes} min" if minutes < 60 else f"{minutes // 60} h"
    if reason.kind == "quiet":
        every = (entry.usual_interval_seconds or 0) // 86400
        return text(lang, "queue_quiet", d=days, every=every)
    if reason.kind == "unhappy":
        said = [text(lang, "queue_unhappy", words=", ".join(f"“{w}”" for w in reason.words))]
        said = said if reason.words else []
        return "; ".join(said + ([text(lang, "queue_follow_up", wait=wait)] if reason.seconds else []))
    return text(lang, "queue_waited" if reason.answered else "queue_unanswered", wait=wait)


def queue_why(entry: QueueEntry, lang: str) -> str:
    return "; ".join(queue_reason(r, entry, lang) for r in entry.reasons)


def queue_line(n: int, entry: QueueEntry, lang: str) -> str:
    """One line of check's screen: number, who, why, phone."""
    phone = f" · {entry.phone}" if entry.phone else ""
    return f"{n:>3}. {queue_who(entry, lang)} — {queue_why(entry, lang)}{phone}"


def queue_table(queue: Sequence[QueueEntry], zone: tzinfo, lang: str) -> Table:
    """The whole queue, in the order to call; the # is what 'queue call' and 'queue dismiss'
    take."""
    from rich.table import Table

    table = Table(title=text(lang, "queue_title", n=len(queue)), title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(text(lang, "customer"), overflow="fold", min_width=12, max_width=34)
    table.add_column(text(lang, "queue_why"), overflow="fold", min_width=16)
    table.add_column(text(lang, "since"), no_wrap=True)
    table.add_column(text(lang, "queue_rhythm"), no_wrap=True)
    table.add_column(text(lang, "queue_last"), overflow="fold", max_width=30)
    table.add_column(text(lang, "queue_phone"), no_wrap=True)
    for n, e in enumerate(queue, start=1):
        every = e.usual_interval_seconds
        rhythm = text(lang, "queue_every", d=every // 86400) if every else "–"
        last = f"{local(e.last_contact_at.astimezone(zone), lang)} {e.last_subject}"
        since = local(e.since.astimezone(zone), lang)
        table.add_row(str(n), queue_who(e, lang), queue_why(e, lang), since, rhythm, last,
                      e.phone or "")  # fmt: skip
    return table
