"""hours.py: hand-computed tables for Finland 2026, plus Hypothesis invariants."""

from __future__ import annotations

import sqlite3
import time as system_time
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vasteaika.hours import (
    BusinessHours,
    _finnish_eves,
    business_calendar_rows,
    business_day_start,
    business_deadline,
    business_seconds,
    is_business_day,
    next_business_day,
    next_callback_slot,
    on_vacation,
    vacation_end,
)
from vasteaika.report.periods import cum, load_calendar, local_case

HEL = ZoneInfo("Europe/Helsinki")
MON_FRI = frozenset(range(5))
HOURS = BusinessHours(timezone=HEL, workdays=MON_FRI, start=time(8), end=time(16))
CALLBACKS = (time(10), time(15))
HOUR = timedelta(hours=1)


def hel(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=HEL)


# --- holidays and business days -------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 1), False),  # uudenvuodenpäivä, Thu
        (date(2026, 1, 2), True),
        (date(2026, 1, 6), False),  # loppiainen, Tue
        (date(2026, 1, 7), True),
        (date(2026, 2, 5), True),  # Runeberg's day: a flag day, not a day off
        (date(2026, 4, 2), True),
        (date(2026, 4, 3), False),  # pitkäperjantai
        (date(2026, 4, 6), False),  # toinen pääsiäispäivä
        (date(2026, 4, 7), True),
        (date(2026, 5, 1), False),  # vappu, Fri
        (date(2026, 5, 14), False),  # helatorstai
        (date(2026, 5, 15), True),
        (date(2026, 6, 18), True),
        (date(2026, 6, 19), False),  # juhannusaatto, Fri
        (date(2026, 6, 22), True),
        (date(2026, 10, 31), False),  # pyhäinpäivä, Sat anyway
        (date(2026, 12, 6), False),  # itsenäisyyspäivä, Sun anyway
        (date(2026, 12, 7), True),
        (date(2026, 12, 8), True),  # Sibelius day: flag day only
        (date(2026, 12, 23), True),
        (date(2026, 12, 24), False),  # jouluaatto, Thu
        (date(2026, 12, 25), False),  # joulupäivä, Fri
        (date(2026, 12, 28), True),
        (date(2026, 3, 14), False),  # Saturday
        (date(2026, 3, 15), False),  # Sunday
        (date(2026, 3, 16), True),
        (date(2025, 6, 20), False),  # juhannusaatto 2025
        (date(2027, 6, 25), False),  # juhannusaatto 2027
        (date(2027, 12, 24), False),  # jouluaatto 2027, Fri
    ],
)
def test_is_business_day_finland(day: date, expected: bool) -> None:
    assert is_business_day(day, HOURS) is expected


@pytest.mark.parametrize(
    ("year", "midsummer_eve"),
    [
        (2022, date(2022, 6, 24)),
        (2025, date(2025, 6, 20)),
        (2026, date(2026, 6, 19)),
        (2027, date(2027, 6, 25)),
        (2028, date(2028, 6, 23)),
    ],
)
def test_finnish_eves_fallback(year: int, midsummer_eve: date) -> None:
    # holidays 0.109 already lists both eves as public holidays; this fallback keeps them
    # closed should a release move them to another category.
    assert _finnish_eves(year) == {midsummer_eve, date(year, 12, 24)}


def test_finnish_eves_fallback_matches_the_holidays_package() -> None:
    for year in range(1955, 2101):
        listed = holidays.country_holidays("FI", years=year, categories=("public",))
        assert _finnish_eves(year) <= set(listed), year


def test_without_holiday_country_only_weekdays_and_extra_closed_count() -> None:
    hours = BusinessHours(
        timezone=HEL,
        workdays=MON_FRI,
        start=time(8),
        end=time(16),
        holiday_country=None,
        extra_closed=frozenset({date(2026, 3, 16)}),
    )
    assert is_business_day(date(2026, 1, 1), hours)
    assert is_business_day(date(2026, 12, 24), hours)
    assert not is_business_day(date(2026, 3, 16), hours)
    assert not is_business_day(date(2026, 3, 14), hours)


def test_extra_closed_and_vacations() -> None:
    hours = BusinessHours(
        timezone=HEL,
        workdays=MON_FRI,
        start=time(8),
        end=time(16),
        vacations=((date(2026, 7, 1), date(2026, 7, 26)), (date(2026, 7, 27), date(2026, 8, 2))),
        extra_closed=frozenset({date(2026, 3, 17)}),
    )
    assert not is_business_day(date(2026, 3, 17), hours)
    assert is_business_day(date(2026, 7, 1), hours)  # a vacation does not close the business
    assert on_vacation(date(2026, 7, 1), hours)
    assert on_vacation(date(2026, 8, 2), hours)
    assert not on_vacation(date(2026, 6, 30), hours)
    assert not on_vacation(date(2026, 8, 3), hours)
    assert vacation_end(date(2026, 7, 10), hours) == date(2026, 8, 2)  # back-to-back ranges merge
    assert vacation_end(date(2026, 7, 30), hours) == date(2026, 8, 2)
    assert vacation_end(date(2026, 8, 3), hours) is None


def test_unknown_holiday_country_is_a_value_error() -> None:
    hours = BusinessHours(
        timezone=HEL, workdays=MON_FRI, start=time(8), end=time(16), holiday_country="XX"
    )
    with pytest.raises(ValueError, match="XX"):
        is_business_day(date(2026, 3, 16), hours)


@pytest.mark.parametrize(
    ("workdays", "start", "end", "message"),
    [
        (frozenset({7}), time(8), time(16), r"workdays must be 0 \(Monday\) … 6 \(Sunday\), got \[7\]"),
        (MON_FRI, time(16), time(8), "start 16:00:00 must be before end 08:00:00"),
        (MON_FRI, time(8), time(8), "start 08:00:00 must be before end 08:00:00"),
        (MON_FRI, time(8, tzinfo=UTC), time(16), "start and end must be naive local times"),
    ],
)
def test_invalid_hours_are_rejected(
    workdays: frozenset[int], start: time, end: time, message: str
) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        BusinessHours(timezone=HEL, workdays=workdays, start=start, end=end)


def test_a_vacation_may_be_one_day_but_not_end_before_it_starts() -> None:
    one_day = ((date(2026, 7, 6), date(2026, 7, 6)),)
    BusinessHours(timezone=HEL, workdays=MON_FRI, start=time(8), end=time(16), vacations=one_day)
    with pytest.raises(ValueError, match=r"^vacation 2026-07-06–2026-07-05 ends before it starts$"):
        BusinessHours(timezone=HEL, workdays=MON_FRI, start=time(8), end=time(16),
                      vacations=((date(2026, 7, 6), date(2026, 7, 5)),))  # fmt: skip


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 13), date(2026, 3, 16)),  # Fri → Mon
        (date(2026, 3, 16), date(2026, 3, 17)),
        (date(2026, 6, 18), date(2026, 6, 22)),  # before juhannusaatto
        (date(2026, 12, 23), date(2026, 12, 28)),
        (date(2026, 12, 31), date(2027, 1, 4)),  # New Year's Day 2027 is a Friday
        (date(2026, 4, 2), date(2026, 4, 7)),  # Easter
    ],
)
def test_next_business_day(day: date, expected: date) -> None:
    assert next_business_day(day, HOURS) == expected


def test_business_day_start_follows_dst() -> None:
    winter = business_day_start(date(2026, 3, 27), HOURS)
    summer = business_day_start(date(2026, 3, 30), HOURS)
    assert winter == datetime(2026, 3, 27, 6, tzinfo=UTC)
    assert summer == datetime(2026, 3, 30, 5, tzinfo=UTC)
    assert summer.tzinfo is HEL
    assert (summer.hour, summer.minute) == (8, 0)


def test_no_business_day_at_all_is_a_value_error() -> None:
    closed = BusinessHours(timezone=HEL, workdays=frozenset(), start=time(8), end=time(16))
    with pytest.raises(ValueError, match="no business day within 400 days after 2026-01-01"):
        next_business_day(date(2026, 1, 1), closed)
    with pytest.raises(ValueError, match="no business day within 400 days after "):
        next_callback_slot(hel(2026, 1, 1), closed, CALLBACKS, HOUR)


def test_midsummer_eve_is_a_day_off_since_1955() -> None:
    assert _finnish_eves(1955) == {date(1955, 6, 24), date(1955, 12, 24)}
    assert _finnish_eves(1954) == {date(1954, 12, 24)}


def test_a_vacation_includes_its_first_and_last_day() -> None:
    hours = BusinessHours(timezone=HEL, workdays=MON_FRI, start=time(8), end=time(16),
                          vacations=((date(2026, 7, 6), date(2026, 7, 17)),))  # fmt: skip
    assert vacation_end(date(2026, 7, 6), hours) == date(2026, 7, 17)
    assert vacation_end(date(2026, 7, 17), hours) == date(2026, 7, 17)
    assert vacation_end(date(2026, 7, 5), hours) is None


EARLY = BusinessHours(
    timezone=HEL, workdays=frozenset(range(7)), start=time(0), end=time(5), holiday_country=None
)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # The year is Helsinki's, not UTC's: 01:00 on 1 January is still 2026 in UTC.
        (hel(2027, 1, 1, 1), hel(2027, 1, 1, 4), 3 * 3600),
        (hel(2026, 12, 31, 4), hel(2027, 1, 1, 1), 2 * 3600),
    ],
)
def test_business_seconds_take_the_year_in_the_business_zone(
    start: datetime, end: datetime, expected: int
) -> None:
    assert business_seconds(start, end, EARLY) == expected


# --- business_seconds -----------------------------------------------------------------------

BUSINESS_SECONDS_CASES = [
    # Fri 16:55 → Mon 08:10: only Monday's first ten minutes count.
    (hel(2026, 3, 13, 16, 55), hel(2026, 3, 16, 8, 10), 10 * 60),
    # start inside hours, end the next day: 14–16 + 08–10
    (hel(2026, 3, 16, 14), hel(2026, 3, 17, 10), 4 * 3600),
    (hel(2026, 3, 16, 9), hel(2026, 3, 16, 9, 30), 30 * 60),
    # fully outside hours
    (hel(2026, 3, 16, 16, 30), hel(2026, 3, 17, 7, 30), 0),
    (hel(2026, 3, 14, 9), hel(2026, 3, 15, 15), 0),  # Saturday → Sunday
    (hel(2026, 3, 16, 16), hel(2026, 3, 16, 23), 0),  # from closing time on
    # end <= start
    (hel(2026, 3, 17, 10), hel(2026, 3, 16, 10), 0),
    (hel(2026, 3, 16, 10), hel(2026, 3, 16, 10), 0),
    # holidays inside the span
    (hel(2026, 4, 2, 15), hel(2026, 4, 7, 9), 2 * 3600),  # Easter: Thu 1 h + Tue 1 h
    (hel(2026, 5, 13, 12), hel(2026, 5, 15, 12), 8 * 3600),  # Ascension Thursday
    (hel(2026, 4, 30, 15), hel(2026, 5, 4, 9), 2 * 3600),  # May Day Friday
    (hel(2026, 6, 18, 15), hel(2026, 6, 22, 8, 30), 90 * 60),  # Midsummer Eve Friday
    (hel(2026, 12, 23, 12), hel(2026, 12, 28, 12), 8 * 3600),  # Christmas
    (hel(2026, 1, 5, 15), hel(2026, 1, 7, 9), 2 * 3600),  # Epiphany Tuesday
    # DST: both changes fall on a Sunday
    (hel(2026, 3, 27, 15), hel(2026, 3, 30, 9), 2 * 3600),
    (hel(2026, 10, 23, 12), hel(2026, 10, 26, 12), 8 * 3600),
    # across a year end (1.1.2027 is a Friday holiday) and whole years
    (hel(2026, 12, 31, 15), hel(2027, 1, 4, 9), 2 * 3600),
    (hel(2026, 1, 1), hel(2027, 1, 1), 252 * 8 * 3600),  # 261 weekdays − 9 weekday holidays
    (hel(2025, 1, 1), hel(2027, 1, 1), (251 + 252) * 8 * 3600),  # 2025: 261 − 10
]


@pytest.mark.parametrize(("start", "end", "expected"), BUSINESS_SECONDS_CASES)
def test_business_seconds(start: datetime, end: datetime, expected: int) -> None:
    assert business_seconds(start, end, HOURS) == expected
    assert type(business_seconds(start, end, HOURS)) is int  # whole seconds, in JSON too
    # The same instants given in UTC give the same answer.
    assert business_seconds(start.astimezone(UTC), end.astimezone(UTC), HOURS) == expected


@pytest.mark.parametrize(
    ("start", "end", "wall_seconds"),
    [
        (hel(2026, 3, 13, 16, 55), hel(2026, 3, 16, 8, 10), (63 * 60 + 15) * 60),
        (hel(2026, 3, 27, 15), hel(2026, 3, 30, 9), 65 * 3600),  # clocks forward: 66 h − 1 h
        (hel(2026, 10, 23, 12), hel(2026, 10, 26, 12), 73 * 3600),  # clocks back: 72 h + 1 h
    ],
)
def test_wall_clock_durations_of_the_cases(
    start: datetime, end: datetime, wall_seconds: int
) -> None:
    # Aware subtraction with the same ZoneInfo is wall-clock arithmetic; go through UTC.
    assert (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() == wall_seconds


NIGHT = BusinessHours(
    timezone=HEL, workdays=frozenset(range(7)), start=time(2), end=time(5), holiday_country=None
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 28), 3 * 3600),
        (date(2026, 3, 29), 2 * 3600),  # 03:00 → 04:00: the 02–05 window lasts 2 h
        (date(2026, 10, 25), 4 * 3600),  # 04:00 → 03:00: the 02–05 window lasts 4 h
    ],
)
def test_business_hours_that_contain_the_dst_change(day: date, expected: int) -> None:
    start = datetime.combine(day, time(0), tzinfo=HEL)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=HEL)
    assert business_seconds(start, end, NIGHT) == expected


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(ValueError, match="naive"):
        business_seconds(datetime(2026, 3, 16, 9), hel(2026, 3, 16, 10), HOURS)
    with pytest.raises(ValueError, match="naive"):
        next_callback_slot(datetime(2026, 3, 16, 9), HOURS, CALLBACKS, HOUR)


# --- calendar rows and the SQL formula ------------------------------------------------------


def epoch(moment: datetime) -> int:
    return int(moment.timestamp())


def test_business_calendar_rows() -> None:
    rows = business_calendar_rows(date(2026, 6, 18), date(2026, 6, 23), HOURS)
    assert rows == [
        (epoch(hel(2026, 6, 18, 8)), epoch(hel(2026, 6, 18, 16)), 0),
        (epoch(hel(2026, 6, 22, 8)), epoch(hel(2026, 6, 22, 16)), 8 * 3600),
        (epoch(hel(2026, 6, 23, 8)), epoch(hel(2026, 6, 23, 16)), 16 * 3600),
    ]
    assert epoch(hel(2026, 6, 18, 8)) == 1781758800  # 05:00 UTC


@lru_cache(maxsize=1)
def report_calendar() -> tuple[sqlite3.Connection, str]:
    """The report's own calendar table and its own SQL for "business seconds up to :t"
    (report.periods, as report.build and report.tables use them), over 2024–2029."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    offsets = load_calendar(db, HOURS, hel(2024, 12, 1), hel(2029, 1, 31))
    local = local_case(":t", offsets)
    return db, f"SELECT {cum('b', ':t')} FROM temp.report_calendar b WHERE b.day = {local} / 86400"


def sql_business_seconds(start: datetime, end: datetime) -> int:
    """Business seconds between two instants as the report counts them: cum(end) − cum(start)."""
    db, sql = report_calendar()
    (a,) = db.execute(sql, {"t": epoch(start)}).fetchone()
    (b,) = db.execute(sql, {"t": epoch(end)}).fetchone()
    return max(int(b) - int(a), 0)


@pytest.mark.parametrize(("start", "end", "expected"), BUSINESS_SECONDS_CASES)
def test_the_reports_sql_agrees(start: datetime, end: datetime, expected: int) -> None:
    assert sql_business_seconds(start, end) == expected == business_seconds(start, end, HOURS)


def test_a_contact_before_opening_counts_from_opening_in_the_reports_sql() -> None:
    """Planted bug: the report's SQL without its clamp to the day's open hours showed a Monday
    07:00 contact answered at 08:30 as 1 h 30 min instead of 30 min."""
    assert sql_business_seconds(hel(2026, 3, 16, 7), hel(2026, 3, 16, 8, 30)) == 30 * 60
    assert sql_business_seconds(hel(2026, 3, 16, 15), hel(2026, 3, 16, 18)) == 3600


# --- next_callback_slot ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "lead", "expected"),
    [
        (hel(2026, 3, 13, 15, 30), HOUR, hel(2026, 3, 16, 10)),  # Fri → Mon
        (hel(2026, 3, 18, 8, 30), HOUR, hel(2026, 3, 18, 10)),  # Wed same morning
        (hel(2026, 3, 18, 13, 59), HOUR, hel(2026, 3, 18, 15)),
        (hel(2026, 3, 18, 14), HOUR, hel(2026, 3, 18, 15)),  # exactly the lead ahead
        (hel(2026, 3, 18, 14, 10), HOUR, hel(2026, 3, 19, 10)),  # 15:10 > 15:00
        (hel(2026, 3, 18, 10), timedelta(0), hel(2026, 3, 18, 10)),
        (hel(2026, 3, 14, 11), HOUR, hel(2026, 3, 16, 10)),  # Saturday
        (hel(2026, 3, 16, 9), timedelta(days=2), hel(2026, 3, 18, 10)),
        (hel(2026, 6, 18, 15, 30), HOUR, hel(2026, 6, 22, 10)),  # before juhannusaatto
        (hel(2026, 12, 23, 15, 30), HOUR, hel(2026, 12, 28, 10)),  # 24, 25, 26 Sat, 27 Sun
        (hel(2026, 4, 2, 14, 30), HOUR, hel(2026, 4, 7, 10)),  # Easter
        (hel(2026, 4, 30, 15), HOUR, hel(2026, 5, 4, 10)),  # vappu
        (hel(2026, 5, 13, 16, 30), HOUR, hel(2026, 5, 15, 10)),  # helatorstai
        (hel(2026, 3, 27, 15, 30), HOUR, hel(2026, 3, 30, 10)),  # over the DST change
        (hel(2026, 12, 31, 14, 30), HOUR, hel(2027, 1, 4, 10)),
    ],
)
def test_next_callback_slot(now: datetime, lead: timedelta, expected: datetime) -> None:
    slot = next_callback_slot(now, HOURS, CALLBACKS, lead)
    assert slot == expected
    assert slot.tzinfo is HEL
    assert (slot.hour, slot.minute) == (expected.hour, expected.minute)


def test_callback_slot_from_utc_now_is_returned_in_local_time() -> None:
    slot = next_callback_slot(datetime(2026, 3, 18, 6, 30, tzinfo=UTC), HOURS, CALLBACKS, HOUR)
    assert slot == hel(2026, 3, 18, 10)
    assert slot.tzinfo is HEL
    assert slot.utcoffset() == timedelta(hours=2)
    summer = next_callback_slot(hel(2026, 3, 27, 15, 30), HOURS, CALLBACKS, HOUR)
    assert summer.utcoffset() == timedelta(hours=3)


def test_callback_at_closing_time_is_not_inside_hours() -> None:
    slot = next_callback_slot(hel(2026, 3, 18, 14, 10), HOURS, (time(10), time(16)), HOUR)
    assert slot == hel(2026, 3, 19, 10)


def test_callback_times_outside_hours_only_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="inside business hours"):
        next_callback_slot(hel(2026, 3, 18, 9), HOURS, (time(7), time(16)), HOUR)


@pytest.mark.parametrize(
    ("hours", "now", "expected"),
    [
        (HOURS, hel(2026, 3, 18, 8, 30), hel(2026, 3, 18, 10)),  # 09:30 → 10:00
        (HOURS, hel(2026, 3, 18, 14), hel(2026, 3, 18, 15)),
        (HOURS, hel(2026, 3, 18, 14, 1), hel(2026, 3, 19, 8)),  # 16:00 is closing time
        (HOURS, hel(2026, 3, 13, 15, 30), hel(2026, 3, 16, 8)),
        (
            BusinessHours(timezone=HEL, workdays=MON_FRI, start=time(8, 30), end=time(16)),
            hel(2026, 3, 17, 15, 30),
            hel(2026, 3, 18, 8, 30),
        ),
        (
            BusinessHours(timezone=HEL, workdays=MON_FRI, start=time(8, 30), end=time(16)),
            hel(2026, 3, 18, 8),
            hel(2026, 3, 18, 9),
        ),
    ],
)
def test_without_callback_times_slots_are_start_and_full_hours(
    hours: BusinessHours, now: datetime, expected: datetime
) -> None:
    assert next_callback_slot(now, hours, (), HOUR) == expected


# --- the promised response time read forward (the waiting list's order, check's JSON) --------

DAY = 8 * HOUR  # one business day of HOURS


@pytest.mark.parametrize(
    ("start", "promise", "expected"),
    [
        (hel(2026, 3, 16, 7), 30 * 60, hel(2026, 3, 16, 8, 30)),  # Mon before opening
        (hel(2026, 3, 16, 9), 30 * 60, hel(2026, 3, 16, 9, 30)),
        (hel(2026, 3, 16, 8), int(DAY.total_seconds()), hel(2026, 3, 16, 16)),  # the whole day
        (hel(2026, 3, 16, 15), 2 * 3600, hel(2026, 3, 17, 9)),  # the rest carried over
        (hel(2026, 3, 13, 15, 30), 3600, hel(2026, 3, 16, 8, 30)),  # Fri → Mon
        (hel(2026, 3, 16, 17), 3600, hel(2026, 3, 17, 9)),  # after closing: from tomorrow
        (hel(2026, 3, 16, 9), 3 * int(DAY.total_seconds()), hel(2026, 3, 19, 9)),
        (hel(2026, 3, 27, 15), 2 * 3600, hel(2026, 3, 30, 9)),  # across the DST change
    ],
)
def test_business_deadline(start: datetime, promise: int, expected: datetime) -> None:
    deadline = business_deadline(start, promise, HOURS)
    assert deadline == expected
    assert business_seconds(start, deadline, HOURS) == promise  # the inverse of it
    assert deadline.isoformat() == expected.isoformat()  # as check's JSON shows it: local time


@pytest.fixture
def computer_in_tokyo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's own clock set to a zone nine hours ahead of UTC (Tokyo has no DST)."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    system_time.tzset()
    yield
    monkeypatch.undo()
    system_time.tzset()


@pytest.mark.usefixtures("computer_in_tokyo")
def test_business_time_is_read_in_the_business_zone_not_the_computers() -> None:
    # An evening shop: in Tokyo it is already Tuesday 01:30 when Helsinki's Monday 18:30 is
    # still open, and a callback slot late on Monday must not be skipped for Tuesday's.
    evening = BusinessHours(timezone=HEL, workdays=MON_FRI, start=time(8), end=time(20))
    assert business_deadline(hel(2026, 3, 16, 18, 30), 3600, evening) == hel(2026, 3, 16, 19, 30)
    assert next_callback_slot(hel(2026, 3, 16, 18, 30), evening, (time(19),)) == hel(
        2026, 3, 16, 19
    )
    assert business_deadline(hel(2026, 3, 16, 7), 60, HOURS).isoformat() == (
        "2026-03-16T08:01:00+02:00"
    )


def test_no_business_time_at_all_is_a_value_error() -> None:
    closed = BusinessHours(timezone=HEL, workdays=frozenset(), start=time(8), end=time(16))
    with pytest.raises(ValueError, match="no business time within 400 days after 2026-01-01"):
        business_deadline(hel(2026, 1, 1), 60, closed)


def test_lead_is_elapsed_time_across_the_dst_change() -> None:
    # 29.3.2026 02:30 EET + 1 h elapsed = 04:30 EEST (03:00–04:00 does not exist), so 04:00 is
    # too early although 02:30 + 1 h of wall clock would be 03:30.
    hours = BusinessHours(
        timezone=HEL,
        workdays=frozenset(range(7)),
        start=time(0),
        end=time(23),
        holiday_country=None,
    )
    slot = next_callback_slot(hel(2026, 3, 29, 2, 30), hours, (time(4), time(12)), HOUR)
    assert slot == hel(2026, 3, 29, 12)


# --- properties -----------------------------------------------------------------------------

instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0))
leads = st.integers(min_value=0, max_value=4 * 24 * 60).map(lambda m: timedelta(minutes=m))
callback_sets = st.sets(
    st.sampled_from([time(7), time(8), time(10), time(12, 30), time(15), time(15, 59), time(16)]),
    min_size=1,
).filter(lambda times: any(HOURS.start <= t < HOURS.end for t in times))


@settings(deadline=None)
@given(now=instants, lead=leads, times=callback_sets)
def test_slot_is_the_first_valid_callback_time(
    now: datetime, lead: timedelta, times: set[time]
) -> None:
    callbacks = tuple(sorted(times))
    slot = next_callback_slot(now, HOURS, callbacks, lead)
    local = slot.astimezone(HEL)
    assert local.weekday() < 5
    assert is_business_day(local.date(), HOURS)
    assert slot >= now + lead
    assert local.time() in callbacks
    assert HOURS.start <= local.time() < HOURS.end
    # Nothing valid comes earlier.
    day = (now + lead).astimezone(HEL).date()
    while day <= local.date():
        for t in callbacks:
            candidate = datetime.combine(day, t, tzinfo=HEL)
            if (
                is_business_day(day, HOURS)
                and HOURS.start <= t < HOURS.end
                and candidate >= now + lead
            ):
                assert candidate >= slot
        day += timedelta(days=1)


def reference_business_seconds(start: datetime, end: datetime) -> int:
    """A day-by-day intersection, written independently of the module's calendar cache."""
    total = 0
    day = start.astimezone(HEL).date()
    while day <= end.astimezone(HEL).date():
        if is_business_day(day, HOURS):
            opens = datetime.combine(day, HOURS.start, tzinfo=HEL).astimezone(UTC)
            closes = datetime.combine(day, HOURS.end, tzinfo=HEL).astimezone(UTC)
            overlap = min(closes, end) - max(opens, start)
            total += max(int(overlap.total_seconds()), 0)
        day += timedelta(days=1)
    return total


@settings(deadline=None)
@given(st.lists(instants, min_size=3, max_size=3).map(sorted))
def test_business_seconds_is_additive_and_bounded(moments: list[datetime]) -> None:
    a, b, c = moments
    ab, bc, ac = (business_seconds(x, y, HOURS) for x, y in ((a, b), (b, c), (a, c)))
    assert ac == ab + bc
    assert 0 <= ac <= (c - a).total_seconds()
    assert ac == reference_business_seconds(a, c)
    assert ac == sql_business_seconds(a, c)
    assert business_seconds(c, a, HOURS) == 0
