"""What each run keeps for the contact queue: the rhythm of the customers who wrote
(``store.refresh_rhythm``) and the complaint words in new customer mail: each customer mail of the signal window not read yet
is fetched whole (BODY.PEEK), its own words (quoted text left out) and subject searched, and
the words found stored with it (and the phone number it gives), so no mail is fetched twice and the queue only reads the
ledger. One broken mail costs only its own words (recorded in problems); the run goes on.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from vasteaika.ledger.store import MessageRef, Store, epoch
from vasteaika.mail.source import MailSource
from vasteaika.queue.store import mails_to_scan, mark_complaint, refresh_rhythm
from vasteaika.queue.tables import SIGNAL_DAYS
from vasteaika.reminders.replies import body_text, fetch_ref

COMMIT_EVERY = 500  # mails scanned per transaction; a run that stops scans its batch again


def update_queue(store: Store, source: MailSource, now: datetime) -> None:
    """What each run keeps for the contact queue: the complaint words of new customer mail
    and the rhythm of the customers who wrote."""
    scan_complaints(store, source, now)
    refresh_rhythm(store)


def scan_complaints(store: Store, source: MailSource, now: datetime) -> int:
    """Read the customer mails of the last SIGNAL_DAYS not read yet; how many had complaint
    words. A first run over years of mail fetches only the window (one round trip each)."""
    since = epoch(now - timedelta(days=SIGNAL_DAYS))
    selected: dict[str, int] = {}
    unhappy = 0
    rows = mails_to_scan(store, since)
    for start in range(0, len(rows), COMMIT_EVERY):
        with store.db.atomic():  # a commit per mail cost a first sync as much as the reading
            for row in rows[start : start + COMMIT_EVERY]:
                unhappy += _scan(store, source, selected, row, epoch(now))
    return unhappy


def _scan(
    store: Store, source: MailSource, selected: dict[str, int], row: dict[str, Any], now: int
) -> bool:
    """One mail's complaint words (and phone) stored with it; True when it has any."""
    ref = MessageRef(row["folder"], row["uidvalidity"], row["uid"])
    words: tuple[str, ...] = ()
    with store.guard(ref, "complaint", now) as reading:
        words, phone = _complaint(row, fetch_ref(source, selected, ref))
        mark_complaint(store, row["id"], words, phone)
    if reading.failed:  # recorded in problems; not tried again on every run
        mark_complaint(store, row["id"], ())
        return False
    return bool(words)


def _complaint(row: dict[str, Any], data: bytes | None) -> tuple[tuple[str, ...], str | None]:
    """The complaint words of one customer mail and, in a first mail, its phone number. The
    readers are imported here, when a mail is read: most runs read none."""
    from vasteaika.queue.complaints import find_complaints
    from vasteaika.reminders.phones import find_phone
    from vasteaika.reminders.promises import strip_quoted

    text = body_text(data) if data else ""
    words = find_complaints(row["subject"] + "\n" + strip_quoted(text))
    return words, find_phone(text) if row["is_first"] and text else None
