"""The weekly report: SQL aggregates over the ledger into one WeekReport record.

Every aggregate runs in SQLite; Python loops only over aggregated rows and over calendar days.
One report run works inside a savepoint that is rolled back at the end, so the TEMP tables it
builds vanish and nothing in the main database changes. Nothing reads all history: what is
known per customer comes from the summary table ``customers`` (one row per address: m005 and
m016, kept by triggers; see ``customers.py``; companies are grouped from config when read), and the conversations are read for the period and four weeks before it.
The working tables are filled by ``tables`` on the calendar of ``periods``, read by ``queries``
and assembled here.

Where the time goes (benchmarks/report_bench.py, 1,000,000 conversations, 150,000 customers of
whom 1,000 companies are configured): a week ~0.7 s plus the contact queue (its own figure) (on a shared 2-core machine), most of it
the key customers' window over every person of the last 12 months and the customers view. A
year (~330k rows in ``report_conv``) ~2.8 s: reading and computing the rows, the indexes (those
of the period lead with the value: SQLite builds them twice as fast as ones leading with
``week``; the wall-clock medians beside the business ones need three more), the GROUP BY, the
key customers, the unanswered as records.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from vasteaika.errors import UsageError
from vasteaika.ledger.store import Store
from vasteaika.queue import QueueEntry, QueueSettings, top_of_queue
from vasteaika.report import queries
from vasteaika.report.model import (
    PROMISE_GRACE,
    Acknowledged,
    ReportSettings,
    TrendWeek,
    WeekdayRhythm,
    WeekReport,
)
from vasteaika.report.periods import cum, epoch, load_calendar, local_case, local_midnight
from vasteaika.report.tables import (
    load_conversations,
    load_customers,
    load_new_leads,
    load_next_turns,
)

KEY_WINDOW = timedelta(days=365)
TREND_WEEKS = 4
TEMP_CACHE_KIB = 256 * 1024  # at most 256 MiB of page cache for the TEMP tables


def build_report(
    store: Store, settings: ReportSettings, since: datetime, until: datetime, now: datetime
) -> WeekReport:
    """Everything the report shows for ``[since, until)``, as the database stood at ``now``."""
    # the contact queue's first LIST_LIMIT and its size: the same as 'vasteaika queue'
    queue = top_of_queue(store, _queue_settings(settings), now, queries.LIST_LIMIT)
    with _prepared(store, settings, since, until, now) as run:
        load_next_turns(run.conn, run.offsets, run.p)
        return _assemble(
            run.conn, settings, run.since, run.until, run.now, run.starts, run.offsets, run.p,
            queue,
        )


@dataclass(frozen=True)
class Judgement:
    """What the report decided about one conversation of the period."""

    within_promise: bool | None  # None: still inside its promise, not decided either way
    key_customer: bool
    new_lead: bool


def judge_conversations(
    store: Store, settings: ReportSettings, since: datetime, until: datetime, now: datetime
) -> dict[int, Judgement]:
    """The report's judgement of each conversation it counts in ``[since, until)`` (by id):
    the same working table, so the rows of a spreadsheet add up to the report's figures."""
    with _prepared(store, settings, since, until, now) as run:
        rows = run.conn.execute(
            f"""SELECT id, CASE WHEN {queries.DECIDED} THEN coalesce({queries.WITHIN}, 0) END,
                       is_key, is_new
                FROM temp.report_conv WHERE week = 0 ORDER BY contact_at, id""",
            run.p,
        )
        return {
            r[0]: Judgement(None if r[1] is None else bool(r[1]), bool(r[2]), bool(r[3]))
            for r in rows
        }


@dataclass(frozen=True)
class _Run:
    conn: sqlite3.Connection
    since: datetime
    until: datetime
    now: datetime
    starts: list[datetime]
    offsets: list[tuple[int, int]]
    p: dict[str, Any]


@contextmanager
def _prepared(
    store: Store, settings: ReportSettings, since: datetime, until: datetime, now: datetime
) -> Iterator[_Run]:
    """The working tables of one report run, inside a savepoint rolled back afterwards."""
    for name, moment in (("since", since), ("until", until), ("now", now)):
        if moment.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware")
    if until <= since:
        raise UsageError(f"the period ends ({until}) before it starts ({since})", "swap them")
    zone = settings.hours.timezone
    since, until, now = since.astimezone(zone), until.astimezone(zone), now.astimezone(zone)
    starts = [local_midnight(since.date() - timedelta(days=7 * k), zone) for k in range(1, 5)]
    if since != local_midnight(since.date(), zone):  # a period not starting at midnight
        starts = [since - timedelta(days=7 * k) for k in range(1, 5)]
    bounds = [epoch(since), *(epoch(s) for s in starts)]  # week k starts at bounds[k]
    p: dict[str, Any] = {
        "since": epoch(since),
        "until": epoch(until),
        "now": epoch(now),
        "lo": bounds[-1],
        "year_ago": epoch(until - KEY_WINDOW),
        "grace": int(PROMISE_GRACE.total_seconds()),
        "promise": int(settings.response_promise.total_seconds()),
        "key_promise": int(settings.key_response_promise.total_seconds()),
    }
    # The working tables of a year (~350k rows) fit in memory; spilling them to a temp file
    # triples the time. Only the temp schema's cache is changed.
    store.db.conn.execute(f"PRAGMA temp.cache_size = {-TEMP_CACHE_KIB}")
    with _savepoint(store.db.conn) as conn:
        # the calendar reaches back to the oldest wait still open (unanswered: business time)
        oldest = conn.execute(
            "SELECT min(waiting_since) FROM conversations INDEXED BY conversations_waiting_since"
            " WHERE waiting_since IS NOT NULL"
        ).fetchone()[0]
        lo = starts[-1] if oldest is None else min(starts[-1], datetime.fromtimestamp(oldest, zone))
        offsets = load_calendar(conn, settings.hours, lo, max(now, until))
        local_now = local_case(":now", offsets)
        p["now_cum"] = conn.execute(
            f"SELECT {cum('b', ':now')} FROM temp.report_calendar b WHERE b.day = {local_now} / 86400",
            p,
        ).fetchone()[0]
        load_customers(conn, settings, p)
        load_new_leads(conn, p)
        load_conversations(conn, bounds, offsets, p)
        yield _Run(conn, since, until, now, starts, offsets, p)


def _queue_settings(settings: ReportSettings) -> QueueSettings:
    return QueueSettings(
        hours=settings.hours,
        key_customers=settings.key_customers,
        companies=settings.companies,
        ignore=settings.ignore,
        response_promise=settings.response_promise,
        key_response_promise=settings.key_response_promise,
    )


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One consistent read; every TEMP table made inside is dropped by the rollback."""
    conn.execute("SAVEPOINT report")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK TO report")
        conn.execute("RELEASE report")


def _assemble(
    conn: sqlite3.Connection,
    settings: ReportSettings,
    since: datetime,
    until: datetime,
    now: datetime,
    starts: list[datetime],
    offsets: list[tuple[int, int]],
    p: Mapping[str, Any],
    queue: tuple[tuple[QueueEntry, ...], int],
) -> WeekReport:
    zone = settings.hours.timezone
    groups = queries.groups(conn, p)
    wall = [queries.percentiles(conn, "report_conv_wall", "response_s", "week = 0", p)]
    business = [queries.percentiles(conn, "report_conv_business", "business_s", "week = 0", p)]
    for k in range(1, TREND_WEEKS + 1):
        where = f"week > 0 AND week = {k}"
        wall.append(queries.percentiles(conn, "report_conv_trend_wall", "response_s", where, p))
        business.append(
            queries.percentiles(conn, "report_conv_trend_business", "business_s", where, p)
        )
    ack = queries.percentiles(conn, "report_conv_ack", "ack_s", "week = 0", p, p90=False)
    period = queries.total(groups, week=0)
    replies = queries.replies(conn, offsets, p)
    next_wall, next_business = queries.next_responses(conn, p)

    trend = []
    for k in range(TREND_WEEKS, 0, -1):
        counts = queries.total(groups, week=k)
        trend.append(
            TrendWeek(
                since=starts[k - 1],
                until=starts[k - 2] if k > 1 else since,
                contacts=counts.contacts,
                answered=counts.answered,
                median_response_seconds=wall[k].median,
                median_business_seconds=business[k].median,
                p90_business_seconds=business[k].p90,
                within_promise_share=queries.share(counts.within, counts.decided),
            )
        )

    return WeekReport(
        since=since,
        until=until,
        now=now,
        contacts=period.contacts,
        answered=period.answered,
        unanswered=queries.unanswered(conn, zone, offsets, settings.ignore, p),
        response=wall[0],
        business_response=business[0],
        acknowledged=Acknowledged(
            period.acked, queries.share(period.acked, period.contacts), ack.median
        ),
        within_promise_share=queries.share(period.within, period.decided),
        key_tier=queries.tier(conn, groups, True, p),
        other_tier=queries.tier(conn, groups, False, p),
        promises=queries.promises(conn, p),
        new_leads=queries.segment(conn, groups, True, p),
        repeat_customers=queries.segment(conn, groups, False, p),
        key_customers_source="config" if settings.key_customers else "top_20_percent",
        key_customers=queries.key_customers(conn, p),
        key_customers_total=conn.execute("SELECT count(*) FROM temp.report_keys").fetchone()[0],
        silent_customers=queries.silent(queue[0], now),
        silent_customers_total=queue[1],
        by_weekday=tuple(
            WeekdayRhythm(
                d,
                queries.total(groups, week=0, weekday=d).contacts,
                sum(n for (weekday, _), n in replies.items() if weekday == d),
            )
            for d in range(7)
        ),
        by_hour=queries.by_hour(conn, replies, p),
        histogram=queries.histogram(conn),
        trend=tuple(trend),
        next_response=next_wall,
        next_business_response=next_business,
    )
