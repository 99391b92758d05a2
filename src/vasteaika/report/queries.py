"""The report's aggregates: SQL over the working tables (``tables``) and the ledger, each
returning a part of the WeekReport. Every count, median and share is computed in SQLite; Python
loops only over aggregated rows.

Percentiles are nearest-rank: see ``percentiles``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import astuple, dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from vasteaika.ledger.customers import ignored_sql
from vasteaika.queue import QueueEntry
from vasteaika.report.model import (
    Bucket,
    Durations,
    HourRhythm,
    KeyCustomer,
    Promises,
    Segment,
    SilentCustomer,
    Tier,
    WaitingList,
)
from vasteaika.report.periods import cum, local_case

LIST_LIMIT = 20  # key customers and silent customers listed (the totals are given too)
# Histogram edges in business seconds: < 15 min, < 1 h, < 2 h, < 4 h, < 8 h, < 24 h, 24 h +
HISTOGRAM_EDGES = (0, 900, 3600, 7200, 14400, 28800, 86400)

_PROMISED = "CASE WHEN is_key THEN :key_promise ELSE :promise END"
WITHIN = f"(business_s <= {_PROMISED})"  # answered within its promise (key customers: theirs)
DECIDED = f"(reply_at IS NOT NULL OR business_wait_s > {_PROMISED})"  # answered, or past it


def percentiles(
    conn: sqlite3.Connection,
    index: str,
    column: str,
    where: str,
    p: Mapping[str, Any],
    p90: bool = True,
    count: int | None = None,
    table: str = "temp.report_conv",
) -> Durations:
    """The median (conventional: the mean of the two middle values for an even count),
    nearest-rank p90 and the max of ``column`` over the rows of ``table`` matching ``where``:
    the value at rank k is ``ORDER BY column LIMIT 1 OFFSET k - 1``, walked
    along ``index`` (whose leading columns ``where`` fixes; any other column it tests is in the
    index too), so nothing is sorted. With ``count`` (the rows with a value, known already)
    only the median is read."""
    cond = f"FROM {table} INDEXED BY {index} WHERE {where} AND {column} IS NOT NULL"
    if count is None:
        n, top = conn.execute(f"SELECT count(*), max({column}) {cond}", p).fetchone()
    else:
        n, top, p90 = count, None, False
    if not n:
        return Durations()

    def ranks(k: int, many: int) -> list[int]:  # the values at 1-based ranks k … k + many - 1
        sql = f"SELECT {column} {cond} ORDER BY {column} LIMIT :many OFFSET :offset"
        return [int(r[0]) for r in conn.execute(sql, {**p, "many": many, "offset": k - 1})]

    middle = ranks((n + 1) // 2, 2 - n % 2)  # the middle value, or the two middle ones
    median = sum(middle) / len(middle)
    nearest90 = ranks((n * 90 + 99) // 100, 1)[0] if p90 else None  # ceil(0.9 n), 1-based
    return Durations(n, int(median) if median.is_integer() else median, nearest90, top)


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass(frozen=True)
class Counts:
    """Counts of report_conv rows: contacts, answered, acknowledged, decided, within promise."""

    contacts: int = 0
    answered: int = 0
    acked: int = 0
    decided: int = 0
    within: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


def groups(conn: sqlite3.Connection, p: Mapping[str, Any]) -> dict[tuple[int, ...], Counts]:
    """The counts per (week, is_key, is_new, weekday): one pass; every count of contacts in the
    report is a sum of a few of these aggregated rows. The four are grouped as one integer,
    which sorts twice as fast as four columns."""
    rows = conn.execute(
        f"""SELECT week * 100 + is_key * 20 + is_new * 10 + weekday AS g, count(*),
                   count(reply_at), count(ack_s), sum({DECIDED}), sum({WITHIN})
            FROM temp.report_conv NOT INDEXED GROUP BY g""",
        p,
    )
    return {
        (r[0] // 100, r[0] % 100 // 20, r[0] % 20 // 10, r[0] % 10): Counts(
            *(v or 0 for v in r[1:])
        )
        for r in rows
    }


def total(groups: Mapping[tuple[int, ...], Counts], **match: int) -> Counts:
    fields = ("week", "is_key", "is_new", "weekday")
    wanted = [(fields.index(name), value) for name, value in match.items()]
    return sum((c for g, c in groups.items() if all(g[i] == v for i, v in wanted)), start=Counts())


def unanswered(
    conn: sqlite3.Connection,
    zone: ZoneInfo,
    offsets: list[tuple[int, int]],
    ignore: tuple[str, ...],
    p: Mapping[str, Any],
) -> WaitingList:
    """The conversations waiting at ``now`` whose wait began before ``until`` (``check``'s
    list at that moment): a turn begun by then and not answered or closed by then — still
    open (the conversation's ``waiting_since``), or answered or closed only after ``now``.
    Three small index ranges, never all turns. (A turn is answered or closed, never both, and
    only a conversation's last turn is open, so no wait is found twice.)"""
    ignored, values = ignored_sql("c.customer_email", ignore)
    named = {f"ignore{n}": v for n, v in enumerate(values)}
    for name in named:  # the report's SQL takes named parameters only
        ignored = ignored.replace("?", f":{name}", 1)

    def columns(since: str, seq: str) -> str:
        return f"""c.customer_email, c.customer_name, c.subject, c.first_contact_at,
                  :now - {since}, :now_cum - ({cum("b", since)}), c.id IN temp.report_new,
                  k.key_id IS NOT NULL, {since}, {seq}, c.id"""

    def joins(since: str) -> str:
        return f"""JOIN temp.report_calendar b ON b.day = {local_case(since, offsets)} / 86400
           LEFT JOIN temp.report_key_of k ON k.customer_id = c.customer_id
           WHERE NOT {ignored} AND {since} <= :now AND {since} < :until"""

    params = {**p, **named}
    # Waiting still: read in the index's order (waiting_since, then id), so no sort.
    rows = conn.execute(
        f"""SELECT {columns("c.waiting_since", "c.turn")}
           FROM conversations c INDEXED BY conversations_waiting_since
           {joins("c.waiting_since")} ORDER BY c.waiting_since, c.id""",
        params,
    ).fetchall()
    # Answered or closed only after ``now`` (a report of a past moment): few.
    earlier = conn.execute(
        f"""SELECT {columns("w.since", "w.seq")}
           FROM (SELECT conversation_id AS id, since, seq FROM turns INDEXED BY turns_answered
                 WHERE answered_at > :now
                 UNION ALL
                 SELECT conversation_id, since, seq FROM turns INDEXED BY turns_closed
                 WHERE closed_at > :now AND answered_at IS NULL) w
           JOIN conversations c ON c.id = w.id
           {joins("w.since")}""",
        params,
    ).fetchall()
    if earlier:
        rows = sorted(rows + earlier, key=lambda r: (r[8], r[10]))
    return WaitingList(rows, zone)


def _at(epoch: int, zone: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(epoch, zone)


def tier(
    conn: sqlite3.Connection,
    groups: Mapping[tuple[int, ...], Counts],
    key: bool,
    p: Mapping[str, Any],
) -> Tier:
    counts = total(groups, week=0, is_key=int(key))
    where = f"week = 0 AND is_key = {int(key)}"
    index = "report_conv_business"
    median = percentiles(conn, index, "business_s", where, p, count=counts.answered).median
    wall = percentiles(conn, "report_conv_wall", "response_s", where, p, count=counts.answered)
    promise = p["key_promise"] if key else p["promise"]
    within_share = share(counts.within, counts.decided)
    return Tier(
        promise,
        counts.contacts,
        counts.answered,
        counts.decided,
        counts.within,
        within_share,
        median,
        wall.median,
    )


def segment(
    conn: sqlite3.Connection,
    groups: Mapping[tuple[int, ...], Counts],
    new: bool,
    p: Mapping[str, Any],
) -> Segment:
    counts = total(groups, week=0, is_new=int(new))
    where = f"week = 0 AND is_new = {int(new)}"
    index = "report_conv_business"
    median = percentiles(conn, index, "business_s", where, p, count=counts.answered).median
    return Segment(
        counts.contacts, counts.answered, share(counts.answered, counts.contacts), median
    )


def promises(conn: sqlite3.Connection, p: Mapping[str, Any]) -> Promises:
    row = conn.execute(
        """SELECT count(*),
                  sum(done_at IS NOT NULL AND done_at <= due_at + :grace),
                  sum(done_at IS NOT NULL AND done_at > due_at + :grace),
                  sum(done_at IS NULL AND due_at + :grace < :now),
                  sum(done_at IS NULL AND due_at + :grace >= :now)
           FROM (SELECT due_at, CASE WHEN done_at <= :now THEN done_at END AS done_at
                 FROM reminders INDEXED BY reminders_due_at
                 WHERE due_at >= :since AND due_at < :until
                   AND (cancelled_at IS NULL OR cancelled_at > :now)
                 UNION ALL
                 SELECT callback_at, CASE WHEN first_reply_at <= :now THEN first_reply_at END
                 FROM conversations c INDEXED BY conversations_callback
                 WHERE callback_at >= :since AND callback_at < :until
                   AND first_contact_at <= :now
                   AND NOT EXISTS (SELECT 1 FROM reminders r
                                   WHERE r.conversation_id = c.id AND r.due_at = c.callback_at))""",
        p,
    ).fetchone()
    return Promises(*(v or 0 for v in row))


def key_customers(conn: sqlite3.Connection, p: Mapping[str, Any]) -> tuple[KeyCustomer, ...]:
    """Read from report_conv_key alone: a key customer's row is answered when it has
    business_s, and within promise when business_s is within the key customers' promise."""
    rows = conn.execute(
        f"""SELECT k.id, k.entry, g.n, g.answered, g.within
            FROM (SELECT key_id, count(*) AS n, count(business_s) AS answered,
                         sum(business_s <= :key_promise) AS within
                  FROM temp.report_conv INDEXED BY report_conv_key
                  WHERE week = 0 AND key_id IS NOT NULL GROUP BY key_id) g
            JOIN temp.report_keys k ON k.id = g.key_id
            ORDER BY g.n DESC, k.entry LIMIT {LIST_LIMIT}""",
        p,
    ).fetchall()
    where = "week = 0 AND key_id = :key"

    def median(index: str, column: str, key: int, answered: int) -> float | None:
        return percentiles(conn, index, column, where, {**p, "key": key}, count=answered).median

    return tuple(
        KeyCustomer(
            entry,
            n,
            answered,
            within or 0,
            median("report_conv_key", "business_s", key, answered),
            median("report_conv_key_wall", "response_s", key, answered),
        )
        for key, entry, n, answered, within in rows
    )


def silent(queue: tuple[QueueEntry, ...], now: datetime) -> tuple[SilentCustomer, ...]:
    """The contact queue's first LIST_LIMIT customers, as the report shows them."""
    return tuple(
        SilentCustomer(
            e.customer,
            e.conversations,
            e.usual_interval_seconds,
            e.last_contact_at.astimezone(now.tzinfo),
            int((now - e.last_contact_at).total_seconds()),
            e.kinds,
        )
        for e in queue[:LIST_LIMIT]
    )


def replies(
    conn: sqlite3.Connection, offsets: list[tuple[int, int]], p: Mapping[str, Any]
) -> dict[tuple[int, int], int]:
    """Owner first replies sent in the period (to any conversation), by local weekday and hour
    (grouped as the hour of the week, 0 = Monday 00–01)."""
    local = local_case("first_reply_at", offsets)
    rows = conn.execute(
        f"""SELECT ({local} / 3600 + 72) % 168 AS hour_of_week, count(*)
            FROM conversations INDEXED BY conversations_waiting
            WHERE first_reply_at >= :since AND first_reply_at < :until AND first_reply_at <= :now
            GROUP BY hour_of_week""",
        p,
    )
    return {divmod(r[0], 24): r[1] for r in rows}


def by_hour(
    conn: sqlite3.Connection, replies: Mapping[tuple[int, int], int], p: Mapping[str, Any]
) -> tuple[HourRhythm, ...]:
    contacts = dict(
        conn.execute(
            "SELECT hour, count(*) FROM temp.report_conv INDEXED BY report_conv_hour"
            " WHERE week = 0 GROUP BY 1"
        )
    )
    where = "week = 0 AND hour = :hour"

    def median(index: str, column: str, h: int) -> float | None:
        if not contacts.get(h):
            return None
        return percentiles(conn, index, column, where, {**p, "hour": h}, p90=False).median

    return tuple(
        HourRhythm(
            h,
            contacts.get(h, 0),
            sum(n for (_, hour), n in replies.items() if hour == h),
            median("report_conv_hour", "business_s", h),
            median("report_conv_hour_wall", "response_s", h),
        )
        for h in range(24)
    )


def next_responses(conn: sqlite3.Connection, p: Mapping[str, Any]) -> tuple[Durations, Durations]:
    """The later turns' responses (temp.report_next), wall-clock and business."""

    def of(column: str) -> Durations:
        index = f"report_next_{column}"
        return percentiles(conn, index, column, "week = 0", p, table="temp.report_next")

    return of("response_s"), of("business_s")


def histogram(conn: sqlite3.Connection) -> tuple[Bucket, ...]:
    """Counted along report_conv_business: one index range per bucket."""
    uppers: list[int | None] = [*HISTOGRAM_EDGES[1:], None]
    counts = []
    for lo, hi in zip(HISTOGRAM_EDGES, uppers, strict=True):
        below = "" if hi is None else f" AND business_s < {hi}"
        sql = (
            "SELECT count(*) FROM temp.report_conv INDEXED BY report_conv_business"
            f" WHERE week = 0 AND business_s >= {lo}{below}"
        )
        counts.append(conn.execute(sql).fetchone()[0])
    return tuple(Bucket(*b) for b in zip(HISTOGRAM_EDGES, uppers, counts, strict=True))
