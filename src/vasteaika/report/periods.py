"""The report's periods and calendar: weeks, ISO weeks and day ranges as local midnights, and the
SQL helpers that turn epochs into local days, weekdays and hours and count business seconds.

Apart because the command line (periods), the working tables (``tables``) and the aggregates
(``queries``) all need local time, and none of it depends on what the report counts.

``temp.report_calendar``  one row per local day of the range (``hours.business_calendar_rows``
    with the closed days filled in), keyed by the local day number, so that the business
    seconds up to an instant are one join by day (see ``cum``) and between two instants
    ``cum(b) - cum(a)``.
``offset_changes``        the UTC offset from each instant on (one entry per DST change, from
    zoneinfo), inlined into SQL as a CASE (``local_case``) so local days, weekdays and hours are
    computed in SQL and are right on both sides of a DST change.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from vasteaika.catalogue import fault
from vasteaika.clock import FIRST_YEAR, LAST_YEAR, in_reach
from vasteaika.errors import UsageError
from vasteaika.hours import BusinessHours, business_calendar_rows

_EPOCH_DAY = date(1970, 1, 1)  # local day numbers in report_calendar count from here


def weekday_of(local: str) -> str:
    return f"(({local} / 86400 + 3) % 7)"  # 1970-01-01 was a Thursday; 0 = Monday


def hour_of(local: str) -> str:
    return f"(({local} % 86400) / 3600)"


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC).astimezone(zone)


def previous_week(now: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The last full ISO week (Monday 00:00 to the next Monday 00:00, local) before ``now``."""
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    return local_midnight(monday - timedelta(days=7), zone), local_midnight(monday, zone)


def iso_week(text: str, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """``"2026-W47"`` → (Monday 00:00, next Monday 00:00) in ``zone``."""
    try:
        year, _, week = text.strip().upper().partition("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        raise fault(UsageError, "report.not_a_week", text=repr(text)) from None
    if not in_reach(monday):
        raise UsageError(f"--week {text!r} is out of range",
                         f"give a week between the years {FIRST_YEAR} and {LAST_YEAR}")  # fmt: skip
    return local_midnight(monday, zone), local_midnight(monday + timedelta(days=7), zone)


def day_range(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """``--since``/``--until`` dates, both inclusive, as [first 00:00, day after last 00:00)."""
    if last < first:
        raise fault(UsageError, "report.until_before_since", until=last, since=first)
    return local_midnight(first, zone), local_midnight(last + timedelta(days=1), zone)


def epoch(t: datetime) -> int:
    return int(t.timestamp())


def load_calendar(
    conn: sqlite3.Connection, hours: BusinessHours, lo: datetime, hi: datetime
) -> list[tuple[int, int]]:
    """Fill temp.report_calendar, one row per local day (``day``: local days since 1970-01-01,
    closed days with ``open_epoch = close_epoch = 0``); return the UTC offset changes."""
    zone = hours.timezone
    first = lo.astimezone(zone).date() - timedelta(days=1)
    last = hi.astimezone(zone).date() + timedelta(days=1)
    conn.execute(
        "CREATE TEMP TABLE report_calendar (day INTEGER PRIMARY KEY, open_epoch INTEGER NOT NULL,"
        " close_epoch INTEGER NOT NULL, cum_before INTEGER NOT NULL)"
    )
    business = {
        datetime.fromtimestamp(opens, zone).date(): (opens, closes)
        for opens, closes, _ in business_calendar_rows(first, last, hours)
    }
    rows, cumulative, day = [], 0, first
    while day <= last:
        opens, closes = business.get(day, (0, 0))
        rows.append(((day - _EPOCH_DAY).days, opens, closes, cumulative))
        cumulative += closes - opens
        day += timedelta(days=1)
    conn.executemany("INSERT INTO temp.report_calendar VALUES (?, ?, ?, ?)", rows)
    return offset_changes(epoch(local_midnight(first, zone)), epoch(hi) + 2 * 86400, zone)


def offset_changes(lo: int, hi: int, zone: ZoneInfo) -> list[tuple[int, int]]:
    """``(from_epoch, utc_offset_seconds)``: the offset at ``lo`` (valid from epoch 0) and each
    change up to ``hi``, found day by day and then to the second by bisection."""

    def offset(t: int) -> int:
        delta = datetime.fromtimestamp(t, zone).utcoffset()
        return int(delta.total_seconds()) if delta else 0

    rows = [(0, offset(lo))]
    day = lo
    while day < hi:
        following = day + 86400
        if offset(following) != offset(day):
            a, b = day, following
            while b - a > 1:
                mid = (a + b) // 2
                a, b = (mid, b) if offset(mid) == offset(day) else (a, mid)
            rows.append((b, offset(b)))
        day = following
    return rows


def local_case(t: str, offsets: list[tuple[int, int]]) -> str:
    """SQL: epoch ``t`` as local wall-clock seconds. The offset changes (two a year in Finland)
    are written out as one CASE: cheaper than a lookup table, no subquery per row."""
    whens = " ".join(f"WHEN {t} >= {start} THEN {off}" for start, off in reversed(offsets))
    return f"({t} + CASE {whens} END)"


def cum(b: str, t: str) -> str:
    """SQL: cumulative business seconds up to epoch ``t``, given ``b``, the report_calendar row
    of ``t``'s local day: the days before it, plus the part of ``t``'s day that was open."""
    return f"{b}.cum_before + max(0, min({t} - {b}.open_epoch, {b}.close_epoch - {b}.open_epoch))"
