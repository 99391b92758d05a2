"""Time the weekly report and the contact queue on 1,000,000 conversations over three years.

    .venv/bin/python benchmarks/report_bench.py [--db /tmp/vasteaika-bench.db] [--rebuild]

The database is built once (cached at --db) with realistic shapes: a few regular customers and a
long tail (Pareto), 40 % freemail addresses and company domains otherwise, contacts mostly on
weekdays in office hours, 92 % answered after a log-normal delay (median about 2 h), 60 %
acknowledged, 5 % with a promised callback and 50,000 reminders. The conversations are inserted
with plain SQL; the triggers of migrations m005/m016 give each its customer (its address) and keep
the ``customers`` summary, as they do for ledger/check.py (a database cached before them is
backfilled by the migrations when opened). 1,000 of the company domains are configured
``[customers] companies``, grouped by the report when it reads. It then times the report for the last full week and for the year before it,
beside a baseline ``SELECT count(*)`` over the same table in the same run, and prints each
figure with its ratio to the baseline. It times the contact queue the same way: its order and
first 20 (what every report and ``check`` build) and every entry (``vasteaika queue``), after
keeping the rhythm of every customer once (what the first run after migration m020 does).
Targets: a week ≤ 1 s, a year ≤ 3 s, the queue ≤ 1 s (every entry ≤ 3 s).
"""

from __future__ import annotations

import argparse
import math
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

from vasteaika.hours import BusinessHours
from vasteaika.ledger.store import open_database
from vasteaika.queue import QueueSettings, build_queue, top_of_queue
from vasteaika.queue.store import refresh_rhythm
from vasteaika.report import (
    ReportSettings,
    build_report,
    local_midnight,
    previous_week,
)

CONVERSATIONS = 1_000_000
REMINDERS = 50_000
YEARS = 3
ZONE = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=ZONE)  # a Monday morning
HOURS = BusinessHours(timezone=ZONE, workdays=frozenset(range(5)), start=clock(8), end=clock(16))
FREEMAIL = ("gmail.com", "outlook.com", "hotmail.com", "luukku.com", "icloud.com")
TARGETS = {"week": 1.0, "year": 3.0, "queue": 1.0, "queue, every entry": 3.0}
COMPANIES = 1_000


def build(path: Path, seed: int = 5) -> None:
    rnd = random.Random(seed)
    store = open_database(path)
    conn = store.db.conn
    now = int(NOW.timestamp())
    start = now - YEARS * 365 * 86400
    domains = [f"yritys{i}.fi" for i in range(30_000)]
    customers = [
        f"asiakas{i}@{rnd.choice(FREEMAIL) if rnd.random() < 0.4 else rnd.choice(domains)}"
        for i in range(150_000)
    ]
    weights = [rnd.paretovariate(1.2) for _ in customers]
    chosen = rnd.choices(customers, weights=weights, k=CONVERSATIONS)
    hour_weights = [
        1,
        1,
        1,
        1,
        1,
        2,
        4,
        10,
        30,
        40,
        40,
        35,
        30,
        35,
        35,
        30,
        20,
        12,
        10,
        8,
        6,
        4,
        2,
        1,
    ]
    rows = []
    for i, email in enumerate(chosen):
        day = rnd.randrange(YEARS * 365)
        base = start + day * 86400
        if (base // 86400 + 3) % 7 >= 5 and rnd.random() < 0.8:  # fewer weekend contacts
            base -= 2 * 86400
        contact = base + rnd.choices(range(24), hour_weights)[0] * 3600 + rnd.randrange(3600)
        contact = min(contact, now - 60)
        reply = None
        if rnd.random() < 0.92:
            reply = contact + int(math.exp(rnd.gauss(math.log(7200), 1.5)))
            reply = reply if reply <= now else None
        acked = rnd.random() < 0.6
        callback = contact + rnd.randrange(3600, 3 * 86400) if rnd.random() < 0.05 else None
        rows.append(
            (
                i + 1,
                email,
                "",
                "Tarjouspyyntö",
                "tarjouspyyntö",
                contact,
                contact,
                reply,
                "sent" if acked else None,
                contact + 30 if acked else None,
                callback,
            )
        )
    rows.sort(key=lambda r: r[5])  # stored in arrival order, as ledger/check.py writes them
    rows = [(i + 1, *r[1:]) for i, r in enumerate(rows)]
    with store.db.atomic():
        conn.execute(
            "INSERT INTO messages (id, folder, uid, uidvalidity, message_id, kind, reasons,"
            " from_email, from_name, subject, base_subject, received_at)"
            " VALUES (1, 'INBOX', 1, 1, 'bench@x', 'customer', '[]', 'x@x', '', '', '', 0)"
        )
        conn.executemany(
            "INSERT INTO conversations (id, customer_email, customer_name, subject, base_subject,"
            " first_contact_id, first_contact_at, last_customer_at, first_reply_at, ack_status,"
            " ack_at, callback_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        # Turns as the ledger derives them (ledger/turns.py): each contact with its first reply,
        # and a follow-up after the answer in one conversation of 30 (half of them answered).
        conn.execute(
            "INSERT INTO turns SELECT id, 1, first_contact_at, first_reply_at, NULL,"
            " CASE WHEN first_reply_at IS NOT NULL THEN 'mail' END, NULL FROM conversations"
        )
        conn.execute(
            "INSERT INTO turns SELECT id, 2, first_reply_at + 3600,"
            " CASE WHEN id % 60 = 0 THEN first_reply_at + 10800 END, NULL,"
            " CASE WHEN id % 60 = 0 THEN 'mail' END, NULL FROM conversations"
            " WHERE id % 30 = 0 AND first_reply_at + 3600 <= ?",
            [now],
        )
        conn.execute(
            "UPDATE conversations SET (turn, waiting_since, last_reply_at) ="
            " (SELECT max(seq), max(CASE WHEN answered_at IS NULL THEN since END),"
            "  max(answered_at) FROM turns WHERE conversation_id = conversations.id)"
        )
        reminders = []
        for conv in rnd.sample(rows, REMINDERS):
            due = conv[5] + rnd.randrange(3600, 5 * 86400)
            roll = rnd.random()
            done = due + rnd.randrange(-3600, 600) if roll < 0.8 else due + rnd.randrange(86400)
            reminders.append(
                (conv[0], conv[1], "", "s", due, "ack", conv[5], done if roll < 0.95 else None)
            )
        conn.executemany(
            "INSERT OR IGNORE INTO reminders (conversation_id, customer_email, customer_name,"
            " subject, due_at, source, created_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            reminders,
        )


def timed(fn: Callable[[], object], repeat: int) -> float:
    """The median wall-clock seconds of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/vasteaika-bench.db"))
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    if not args.db.exists():
        t0 = time.perf_counter()
        build(args.db)
        print(f"built {CONVERSATIONS:,} conversations in {time.perf_counter() - t0:.1f} s")
    store = open_database(args.db)
    conn: sqlite3.Connection = store.db.conn
    count = conn.execute("SELECT count(*) FROM conversations").fetchone()[0]
    print(f"{count:,} conversations")

    # a thousand of the company domains are configured companies ([customers] companies)
    settings = ReportSettings(
        hours=HOURS, companies=tuple(f"yritys{i}.fi" for i in range(COMPANIES))
    )
    now = NOW.astimezone(UTC)
    week_since, week_until = previous_week(now, ZONE)
    year_since = local_midnight(week_until.date() - timedelta(days=364), ZONE)
    baseline = timed(
        lambda: conn.execute("SELECT count(*) FROM conversations").fetchone(), args.repeat
    )
    # what a run of the cycle keeps for the queue (after the migration, every person once)
    t0 = time.perf_counter()
    kept = refresh_rhythm(store)
    print(f"kept the rhythm of {kept:,} customers in {time.perf_counter() - t0:.1f} s")
    queue_settings = QueueSettings(hours=HOURS, companies=settings.companies)
    figures = {
        # as the report and check ask: the order of all, the details of the first 20
        "queue": timed(lambda: top_of_queue(store, queue_settings, now, 20), args.repeat),
        # as 'vasteaika queue' lists it: every entry with its details
        "queue, every entry": timed(lambda: build_queue(store, queue_settings, now), args.repeat),
        "week": timed(
            lambda: build_report(store, settings, week_since, week_until, now), args.repeat
        ),
        "year": timed(
            lambda: build_report(store, settings, year_since, week_until, now), args.repeat
        ),
    }
    queue = build_queue(store, queue_settings, now)
    week = build_report(store, settings, week_since, week_until, now)
    year = build_report(store, settings, year_since, week_until, now)
    print(f"baseline SELECT count(*): {baseline * 1000:8.1f} ms")
    for name, seconds in figures.items():
        verdict = "ok" if seconds <= TARGETS[name] else "OVER TARGET"
        what = f"contact {name}" if name.startswith("queue") else f"report, one {name}"
        print(
            f"{what}: {seconds * 1000:8.1f} ms  ({seconds / baseline:6.1f}× baseline;"
            f" target ≤ {TARGETS[name]:.0f} s: {verdict})"
        )
    print(
        f"week: {week.contacts:,} contacts, {len(week.unanswered):,} unanswered,"
        f" {week.silent_customers_total:,} in the contact queue, {week.key_customers_total:,} key;"
        f" year: {year.contacts:,} contacts"
    )
    kinds = [k for e in queue for k in e.kinds]
    print(
        f"contact queue: {len(queue):,} customers ("
        + ", ".join(f"{kinds.count(k):,} {k}" for k in ("quiet", "unhappy", "waited"))
        + ")"
    )


if __name__ == "__main__":
    main()
