"""Business hours, Finnish holidays, callback slots and business-time durations.

Pure: nothing here reads the clock; every instant (``now`` included) is passed in, and every
datetime taken or returned is timezone-aware. Local times are interpreted in
``BusinessHours.timezone``; durations are real elapsed seconds, so a working day that contains a
DST change is an hour shorter or longer.

Speed: holiday sets are cached per country and year, and the business days of a year are cached
per (hours, year) as sorted opening epochs with cumulative business seconds, so
``business_seconds`` is a binary search per end point (plus one addition per whole year spanned).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

SEARCH_DAYS = 400  # how far ahead slot and business-day searches look before giving up

_ONE_DAY = timedelta(days=1)
_SECOND = timedelta(seconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class BusinessHours:
    """When the business answers the phone.

    ``workdays`` uses ``date.weekday()`` numbering (0 = Monday). ``start``/``end`` are naive local
    wall-clock times with ``start < end``; a moment ``t`` is inside hours when
    ``start <= t < end``. Public holidays of ``holiday_country`` (None: none) and the dates in
    ``extra_closed`` are closed. ``vacations`` are inclusive date ranges; they do not close the
    business for duration arithmetic, they only change which acknowledgment template is used.
    """

    timezone: ZoneInfo
    workdays: frozenset[int]
    start: time
    end: time
    holiday_country: str | None = "FI"
    vacations: tuple[tuple[date, date], ...] = ()
    extra_closed: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if not self.workdays <= frozenset(range(7)):
            raise ValueError(
                f"workdays must be 0 (Monday) … 6 (Sunday), got {sorted(self.workdays)}"
            )
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("start and end must be naive local times")
        if not self.start < self.end:
            raise ValueError(f"start {self.start} must be before end {self.end}")
        for first, last in self.vacations:
            if last < first:
                raise ValueError(f"vacation {first}–{last} ends before it starts")


# --- holidays -------------------------------------------------------------------------------


def _finnish_eves(year: int) -> frozenset[date]:
    """Juhannusaatto and jouluaatto: de facto days off whatever the holidays package says.

    Since 1955 Midsummer Eve is the Friday between 19 and 25 June.
    """
    eves = {date(year, 12, 24)}
    if year >= 1955:
        june19 = date(year, 6, 19)
        eves.add(june19 + timedelta(days=(4 - june19.weekday()) % 7))
    return frozenset(eves)


@lru_cache(maxsize=128)
def _public_holidays(country: str, year: int) -> frozenset[date]:
    import holidays  # when a day's calendar is first asked for: a run that asks none skips it

    try:
        found = holidays.country_holidays(country, years=year, categories=("public",))
    except NotImplementedError as exc:
        raise ValueError(f"the holidays package has no calendar for {country!r}") from exc
    closed = frozenset(found.keys())
    if country == "FI":
        closed |= _finnish_eves(year)
    return closed


def is_business_day(d: date, hours: BusinessHours) -> bool:
    """A configured workday that is neither a public holiday nor in ``extra_closed``.

    Vacations do not count: see ``on_vacation``.
    """
    if d.weekday() not in hours.workdays or d in hours.extra_closed:
        return False
    country = hours.holiday_country
    return country is None or d not in _public_holidays(country, d.year)


def next_business_day(d: date, hours: BusinessHours) -> date:
    """The first business day strictly after ``d``; ValueError if none within SEARCH_DAYS."""
    day = d
    for _ in range(SEARCH_DAYS):
        day += _ONE_DAY
        if is_business_day(day, hours):
            return day
    raise ValueError(f"no business day within {SEARCH_DAYS} days after {d}")


def business_day_start(d: date, hours: BusinessHours) -> datetime:
    """The opening time on ``d`` as an aware datetime in the configured zone.

    ``d`` is not checked: callers pass a business day (e.g. from ``next_business_day``).
    """
    return _local(d, hours.start, hours.timezone)


# --- vacations ------------------------------------------------------------------------------


def on_vacation(d: date, hours: BusinessHours) -> bool:
    return any(first <= d <= last for first, last in hours.vacations)


def vacation_end(d: date, hours: BusinessHours) -> date | None:
    """The last day of the vacation that contains ``d`` (None when ``d`` is not a vacation day).

    Overlapping or back-to-back ranges count as one vacation.
    """
    end: date | None = None
    for first, last in sorted(hours.vacations):
        if end is None:
            if first <= d <= last:
                end = last
        elif first <= end + _ONE_DAY:
            end = max(end, last)
    return end


# --- durations ------------------------------------------------------------------------------


def _local(d: date, t: time, zone: ZoneInfo) -> datetime:
    """``d`` at wall-clock ``t`` in ``zone``; a time in a DST gap is moved forward past it."""
    return datetime.combine(d, t, tzinfo=zone).astimezone(UTC).astimezone(zone)


def _epoch(moment: datetime) -> int:
    """Whole seconds since 1970 (sub-second parts are dropped)."""
    if moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()}: a time zone is required")
    return (moment - _EPOCH) // _SECOND


def business_calendar_rows(
    first: date, last: date, hours: BusinessHours
) -> list[tuple[int, int, int]]:
    """One row per business day in ``first``…``last`` (inclusive):
    ``(open_epoch, close_epoch, cum_before)``, where ``cum_before`` is the business seconds of the
    earlier rows. Epochs are whole seconds since 1970-01-01 UTC.

    Loaded into SQL as ``business_days(open_epoch, close_epoch, cum_before)``, the cumulative
    business seconds up to an epoch ``t`` are, using the last row that opened at or before ``t``::

        cum(t) = cum_before + MIN(t - open_epoch, close_epoch - open_epoch)   -- 0 if no such row

        SELECT COALESCE((SELECT cum_before + MIN(:t - open_epoch, close_epoch - open_epoch)
                         FROM business_days WHERE open_epoch <= :t
                         ORDER BY open_epoch DESC LIMIT 1), 0)

    On a business day this is "cumulative before t's day + clamp(t - open, 0, close - open)";
    before opening or on a closed day it equals the previous business day's full total. The
    business seconds between ``a <= b`` are ``cum(b) - cum(a)``, equal to
    ``business_seconds(a, b)`` as long as both lie inside ``first``…``last``.
    """
    rows: list[tuple[int, int, int]] = []
    cumulative = 0
    day = first
    while day <= last:
        if is_business_day(day, hours):
            opens = _epoch(_local(day, hours.start, hours.timezone))
            closes = _epoch(_local(day, hours.end, hours.timezone))
            rows.append((opens, closes, cumulative))
            cumulative += closes - opens
        day += _ONE_DAY
    return rows


@dataclass(frozen=True)
class _YearCalendar:
    opens: tuple[int, ...]
    closes: tuple[int, ...]
    cum_before: tuple[int, ...]
    total: int

    def cumulative(self, epoch: int) -> int:
        """Business seconds of the year before ``epoch`` (the formula of business_calendar_rows)."""
        i = bisect_right(self.opens, epoch) - 1
        if i < 0:
            return 0
        return self.cum_before[i] + min(epoch - self.opens[i], self.closes[i] - self.opens[i])


@lru_cache(maxsize=256)
def _year_calendar(hours: BusinessHours, year: int) -> _YearCalendar:
    rows = business_calendar_rows(date(year, 1, 1), date(year, 12, 31), hours)
    total = rows[-1][2] + rows[-1][1] - rows[-1][0] if rows else 0
    return _YearCalendar(
        opens=tuple(r[0] for r in rows),
        closes=tuple(r[1] for r in rows),
        cum_before=tuple(r[2] for r in rows),
        total=total,
    )


def business_seconds(start: datetime, end: datetime, hours: BusinessHours) -> int:
    """Seconds between two aware instants that fall inside business hours on business days.

    0 when ``end <= start``. Additive: for a <= b <= c, bs(a, c) == bs(a, b) + bs(b, c).
    """
    a, b = _epoch(start), _epoch(end)
    if b <= a:
        return 0
    first_year = start.astimezone(hours.timezone).year
    last_year = end.astimezone(hours.timezone).year
    first = _year_calendar(hours, first_year)
    if first_year == last_year:
        return first.cumulative(b) - first.cumulative(a)
    seconds = first.total - first.cumulative(a)
    for year in range(first_year + 1, last_year):
        seconds += _year_calendar(hours, year).total
    return seconds + _year_calendar(hours, last_year).cumulative(b)


def business_deadline(start: datetime, seconds: int, hours: BusinessHours) -> datetime:
    """The instant when ``seconds`` of business time have passed since ``start`` (a promised
    response time read forward): the inverse of ``business_seconds``."""
    zone = hours.timezone
    left = max(seconds, 0)
    day = start.astimezone(zone).date()
    for _ in range(SEARCH_DAYS):
        if is_business_day(day, hours):
            opens = max(start, _local(day, hours.start, zone))
            closes = _local(day, hours.end, zone)
            if opens < closes:
                if left <= (closes - opens).total_seconds():
                    return (opens + timedelta(seconds=left)).astimezone(zone)
                left -= int((closes - opens).total_seconds())
        day += _ONE_DAY
    raise ValueError(f"no business time within {SEARCH_DAYS} days after {start}")


# --- callback slots -------------------------------------------------------------------------


def _hourly_times(hours: BusinessHours) -> tuple[time, ...]:
    """``start`` and every full hour after it before ``end``."""
    later = (time(h) for h in range(hours.start.hour + 1, 24))
    return (hours.start, *(t for t in later if t < hours.end))


def next_callback_slot(
    now: datetime,
    hours: BusinessHours,
    callback_times: tuple[time, ...] = (),
    lead: timedelta = timedelta(0),
) -> datetime:
    """The first callback time at least ``lead`` (elapsed time) after ``now`` on a business day.

    Only callback times inside business hours (``start <= t < end``) are used; with no
    ``callback_times``, ``start`` and each full hour after it are. Returned as an aware datetime in
    the configured zone. ValueError when no slot exists within SEARCH_DAYS days.
    """
    if now.utcoffset() is None:
        raise ValueError(f"naive datetime {now.isoformat()}: a time zone is required")
    times = sorted(
        t for t in (callback_times or _hourly_times(hours)) if hours.start <= t < hours.end
    )
    if not times:
        raise ValueError(f"no callback time falls inside business hours {hours.start}–{hours.end}")
    earliest = now.astimezone(UTC) + lead  # in UTC, so a DST change cannot shorten the lead
    zone = hours.timezone
    day = earliest.astimezone(zone).date()
    for _ in range(SEARCH_DAYS):
        if is_business_day(day, hours):
            for t in times:
                slot = _local(day, t, zone)
                if slot >= earliest:  # different tzinfo: compared as instants
                    return slot
        day += _ONE_DAY
    raise ValueError(f"no business day within {SEARCH_DAYS} days after {earliest.date()}")
