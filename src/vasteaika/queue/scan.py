"""What each run keeps for the contact queue: the rhythm of the customers who wrote
(``store.refresh_rhythm``) and the complaint words in new customer mail: each customer mail of the signal window not read yet
is fetched whole (BODY.PEEK, TEXT_BATCH mails a FETCH), its own words (quoted text left out) and subject searched, and
the words found stored with it (and the phone number it gives), so no mail is fetched twice and the queue only reads the
ledger. One broken mail costs only its own words (recorded in problems); the run goes on.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from vasteaika.ledger.store import MessageRef, Store, epoch, is_environment_failure
from vasteaika.mail.source import MailSource
from vasteaika.queue.store import mails_to_scan, mark_complaint, refresh_rhythm
from vasteaika.queue.tables import SIGNAL_DAYS
from vasteaika.reminders.replies import body_text, fetch_ref

COMMIT_EVERY = 500  # mails scanned per transaction; a run that stops scans its batch again
TEXT_BATCH = 100  # mails fetched whole together (one FETCH on IMAP, under its byte cap)


def update_queue(store: Store, source: MailSource, now: datetime) -> None:
    """What each run keeps for the contact queue: the complaint words of new customer mail
    and the rhythm of the customers who wrote."""
    scan_complaints(store, source, now)
    refresh_rhythm(store)


def scan_complaints(store: Store, source: MailSource, now: datetime) -> int:
    """Read the customer mails of the last SIGNAL_DAYS not read yet; how many had complaint
    words. A first run over years of mail fetches only the window, TEXT_BATCH mails a time."""
    since = epoch(now - timedelta(days=SIGNAL_DAYS))
    selected: dict[str, int] = {}
    unhappy = 0
    rows = mails_to_scan(store, since)
    for start in range(0, len(rows), COMMIT_EVERY):
        with store.db.atomic():  # a commit per mail cost a first sync as much as the reading
            chunk = rows[start : start + COMMIT_EVERY]
            for first in range(0, len(chunk), TEXT_BATCH):
                batch = chunk[first : first + TEXT_BATCH]
                bodies = _fetch_batch(source, selected, batch)
                for row in batch:
                    unhappy += _scan(store, source, selected, row, epoch(now), bodies)
    return unhappy


def _fetch_batch(
    source: MailSource, selected: dict[str, int], rows: list[dict[str, Any]]
) -> dict[int, bytes | None]:
    """The bodies of ``rows`` (by message id) read together, folder by folder, as ``fetch_ref``
    would read each (None when gone or its folder's UIDVALIDITY changed). A mail missing here
    is read alone in its own guard: the source left it out (its byte cap) or the batch failed,
    and then only the mail's own failure is its problem."""
    found: dict[int, bytes | None] = {}
    by_folder: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_folder.setdefault(row["folder"], []).append(row)
    for folder, group in by_folder.items():
        try:
            if folder not in selected:
                selected[folder] = source.select(folder).uidvalidity
            current = [row["uid"] for row in group if row["uidvalidity"] == selected[folder]]
            texts = source.fetch_texts(folder, current) if current else {}
        except Exception as exc:
            if is_environment_failure(exc):
                raise
            continue
        for row in group:
            if row["uidvalidity"] != selected[folder]:
                found[row["id"]] = None
            elif row["uid"] in texts:
                found[row["id"]] = texts[row["uid"]]
    return found


def _scan(
    store: Store, source: MailSource, selected: dict[str, int], row: dict[str, Any], now: int,
    bodies: dict[int, bytes | None],
) -> bool:  # fmt: skip
    """One mail's complaint words (and phone) stored with it; True when it has any."""
    ref = MessageRef(row["folder"], row["uidvalidity"], row["uid"])
    words: tuple[str, ...] = ()
    with store.guard(ref, "complaint", now) as reading:
        data = bodies.pop(row["id"]) if row["id"] in bodies else fetch_ref(source, selected, ref)
        words, phone = _complaint(row, data)
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
