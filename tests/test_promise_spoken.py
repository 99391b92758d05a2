"""Clock times as spoken and week numbers (issue 19): every hour and minute word of the English
("half two", "ten to three", "quarter past four") and Swedish ("halv tre", "fem i halv tre",
"kvart över två") spoken hours, a small hour after "klo" or "at", and a week number at the
year's end ("viikolla 1" on 28 December, "viikolla 53"), each read as the reminder moment the
owner gets — or, where the words cannot be read without guessing, no reminder and the reason
shown. Read with the default calendar (Monday to Friday) in Helsinki time."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from test_promises import BASE, HKI, at  # BASE: Wednesday 25 November 2026, 09:12
from vasteaika.catalogue.reasons import promise_reason
from vasteaika.reminders.promises import read_promise

Moment = tuple[datetime, bool, str | None]  # (due, has_time, window)
TOMORROW = 26


def _moment(text: str, base: datetime = BASE) -> Moment:
    reading = read_promise(text, base)
    assert reading is not None and reading.promise is not None, reading
    return reading.promise.due_at, reading.promise.has_time, reading.promise.window


def _reason(text: str, base: datetime = BASE) -> str:
    reading = read_promise(text, base)
    assert reading is not None and reading.promise is None and reading.unreadable, reading
    return promise_reason("en", reading.reason)


# Each hour word alone after at/around/about: 1-5 afternoon, 8-12 as said (a passed one is
# tomorrow's), 6 and 7 are asked about below.
EN_HOURS = [
    ("I'll call you at one.", at(25, 13)),
    ("I'll call you around two.", at(25, 14)),
    ("I'll call you at three.", at(25, 15)),
    ("I'll call you about four.", at(25, 16)),
    ("I'll call you at five.", at(25, 17)),
    ("I'll call you at eight.", at(TOMORROW, 8)),
    ("I'll call you at nine.", at(TOMORROW, 9)),
    ("I'll call you at ten.", at(25, 10)),
    ("I'll call you at eleven.", at(25, 11)),
    ("I'll call you at twelve.", at(25, 12)),
]
# Each minute word before past/after/to, "half" after the hour (British "half two" = 2.30),
# digits for the minutes and the hour, and "to" across noon.
EN_MINUTES = [
    ("I'll call you at half two.", at(25, 14, 30)),
    ("I'll call you at half 9.", at(25, 9, 30)),
    ("I'll call you at half twelve.", at(25, 12, 30)),
    ("I'll call you at half past two.", at(25, 14, 30)),
    ("I'll call you at quarter past four.", at(25, 16, 15)),
    ("I'll call you at a quarter to five.", at(25, 16, 45)),
    ("I'll call you at a quarter past ten.", at(25, 10, 15)),
    ("I'll call you at ten to three.", at(25, 14, 50)),
    ("I'll call you at ten after two.", at(25, 14, 10)),
    ("I'll call you at five past eleven.", at(25, 11, 5)),
    ("I'll call you at five to twelve.", at(25, 11, 55)),
    ("I'll call you at twenty past one.", at(25, 13, 20)),
    ("I'll call you at twenty to one.", at(25, 12, 40)),
    ("I'll call you at quarter to one.", at(25, 12, 45)),
    ("I'll call you at 25 past 2.", at(25, 14, 25)),
    ("I'll call you at 20 minutes to 4.", at(25, 15, 40)),
    ("I'll call you at HALF TWO.", at(25, 14, 30)),
]


@pytest.mark.parametrize(("text", "due"), EN_HOURS + EN_MINUTES)
def test_an_english_spoken_hour_is_its_working_hours_moment(text: str, due: datetime) -> None:
    assert _moment(text) == (due, True, None)


@pytest.mark.parametrize(
    ("text", "due"),
    [("I'll call you after four.", at(25, 16)), ("I'll call you after 12.", at(25, 12))],
)
def test_after_an_english_hour_is_a_window_from_that_hour(text: str, due: datetime) -> None:
    assert _moment(text) == (due, True, "after")


SWEDISH = [
    # "halv" is half an hour BEFORE the hour named: halv tre = 2.30
    ("Jag ringer halv tre.", at(25, 14, 30)),
    ("Jag ringer halv 3.", at(25, 14, 30)),
    ("Jag ringer halv ett.", at(25, 12, 30)),
    ("Jag ringer halv elva.", at(25, 10, 30)),
    # kvart/fem/tio/tjugo i (to) and över (past) an hour
    ("Jag ringer kvart över två.", at(25, 14, 15)),
    ("Jag ringer kvart över 2.", at(25, 14, 15)),
    ("Jag ringer kvart i tre.", at(25, 14, 45)),
    ("Jag ringer fem över tolv.", at(25, 12, 5)),
    ("Jag ringer fem i 3.", at(25, 14, 55)),
    ("Jag ringer tio i elva.", at(25, 10, 50)),
    ("Jag ringer tio över elva.", at(25, 11, 10)),
    ("Jag ringer tjugo i fyra.", at(25, 15, 40)),
    ("Jag ringer tjugo över ett.", at(25, 13, 20)),
    ("Jag ringer kvart över åtta.", at(TOMORROW, 8, 15)),
    # minutes i/över "halv": fem i halv tre = 2.25, tio över halv fyra = 3.40
    ("Jag ringer fem i halv tre.", at(25, 14, 25)),
    ("Jag ringer Fem I Halv Tre.", at(25, 14, 25)),
    ("Jag ringer fem över halv tre.", at(25, 14, 35)),
    ("Jag ringer tio över halv 3.", at(25, 14, 40)),
    ("Jag ringer tio i halv fyra.", at(25, 15, 20)),
    ("Jag ringer fem i halv ett.", at(25, 12, 25)),
    ("Jag ringer tjugo i halv tolv.", at(25, 11, 10)),
    # vid/klockan/kl + an hour word
    ("Jag ringer vid tre.", at(25, 15)),
    ("Jag ringer vid fyra-tiden.", at(25, 16)),
    ("Jag ringer klockan fem.", at(25, 17)),
    ("Jag ringer kl. elva.", at(25, 11)),
    ("Jag ringer klockan nio.", at(TOMORROW, 9)),
]


@pytest.mark.parametrize(("text", "due"), SWEDISH)
def test_a_swedish_spoken_hour_is_its_working_hours_moment(text: str, due: datetime) -> None:
    assert _moment(text) == (due, True, None)


@pytest.mark.parametrize(
    "text",
    ["I'll call you at six.", "I'll call you at seven.", "I'll call you at half six.",
     "I'll call you at 7:30.", "Jag ringer halv sju.", "Jag ringer kvart över sex.",
     "Jag ringer halv åtta.", "Jag ringer vid sex."],
)  # fmt: skip
def test_a_spoken_six_or_seven_asks_morning_or_evening(text: str) -> None:
    assert _reason(text) == "morning or evening?"


@pytest.mark.parametrize("text", ["Jag ringer tre.", "Jag ringer fem."])
def test_a_bare_swedish_number_word_is_no_time(text: str) -> None:
    assert read_promise(text, BASE) is None


# "klo"/"kl"/"at" + a digit: 1-5 afternoon (with its minutes); 0 and 6 and above the 24-hour
# clock as written, and so is an hour written with a leading zero ("klo 05.30").
SMALL_HOURS = [
    ("Soitan klo 1.", at(25, 13)),
    ("Soitan klo 1.30.", at(25, 13, 30)),
    ("Soitan klo 3.", at(25, 15)),
    ("Soitan kello 4.", at(25, 16)),
    ("Soitan klo 5.", at(25, 17)),
    ("Soitan klo 5.45.", at(25, 17, 45)),
    ("Jag ringer kl. 2.", at(25, 14)),
    ("Soitan klo 6.", at(TOMORROW, 6)),
    ("Soitan klo 0.", at(TOMORROW, 0)),
    ("Soitan klo 05.30.", at(TOMORROW, 5, 30)),
    ("Soitan klo 01.", at(TOMORROW, 1)),
    ("Jag ringer klockan 05.", at(TOMORROW, 5)),
    ("I'll call you at 3:30.", at(25, 15, 30)),
    ("I'll call you at 1.", at(25, 13)),
    ("I'll call you at 12:15.", at(25, 12, 15)),
    ("I'll call you at 10:30.", at(25, 10, 30)),
    ("I'll call you at 03:30.", at(TOMORROW, 3, 30)),
]


@pytest.mark.parametrize(("text", "due"), SMALL_HOURS)
def test_a_small_hour_after_a_clock_word_is_read_in_working_hours(text: str, due: datetime) -> None:
    assert _moment(text) == (due, True, None)


BARE_CLOCKS = [
    ("Soitan huomenna 3.30.", at(26, 15, 30)),
    ("I'll call you tomorrow 3:30.", at(26, 15, 30)),
    ("Jag ringer i morgon 2.15.", at(26, 14, 15)),
    ("Soitan huomenna 03.30.", at(26, 3, 30)),
    ("Soitan huomenna 14.30.", at(26, 14, 30)),
]


@pytest.mark.parametrize(("text", "due"), BARE_CLOCKS)
def test_a_bare_small_hour_is_read_as_after_a_clock_word(text: str, due: datetime) -> None:
    """'Soitan huomenna 3.30' is the 15:30 that 'klo 3.30' is, never a reminder at 03:30;
    a leading zero is the 24-hour clock, as written."""
    assert _moment(text) == (due, True, None)


def _on(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=HKI)


def _week(text: str, written: date) -> tuple[date, str | None]:
    due, has_time, window = _moment(text, _on(written))
    assert not has_time
    return due.date(), window


# (written on, week said, the day its reminder is due): the ISO week of the ISO year the day is
# in, or of the next ISO year once this year's has ended (more than 60 days ago).
WEEKS = [
    (date(2026, 11, 25), 50, date.fromisocalendar(2026, 50, 1)),
    (date(2026, 12, 28), 1, date.fromisocalendar(2027, 1, 1)),  # 2026 has a week 53: this one
    (date(2026, 12, 30), 1, date(2027, 1, 4)),
    (date(2027, 12, 28), 1, date(2028, 1, 3)),
    (date(2026, 11, 25), 2, date(2027, 1, 11)),
    (date(2026, 11, 25), 38, date.fromisocalendar(2027, 38, 1)),  # ended 66 days ago
    (date(2026, 11, 27), 39, date.fromisocalendar(2027, 39, 1)),  # ended 61 days ago
    (date(2026, 12, 21), 53, date(2026, 12, 28)),  # 2026 begins on a Thursday: 53 weeks
    (date(2026, 1, 2), 53, date(2026, 12, 28)),
    (date(2026, 1, 2), 52, date(2026, 12, 21)),
    (date(2025, 12, 30), 1, date(2025, 12, 30)),  # already 2026's week 1: at once
]


@pytest.mark.parametrize(("written", "week", "due"), WEEKS)
def test_a_week_number_is_due_on_that_weeks_first_business_day(
    written: date, week: int, due: date
) -> None:
    assert _week(f"Palaan asiaan viikolla {week}.", written) == (due, "week")


@pytest.mark.parametrize(
    ("written", "week"),
    [(date(2026, 12, 28), 53), (date(2027, 1, 2), 53), (date(2026, 11, 29), 48),
     (date(2026, 12, 31), 53)],
)  # fmt: skip
def test_a_week_number_said_in_that_week_is_due_at_once(written: date, week: int) -> None:
    """Even on its Saturday or Sunday (2 January 2027 is in 2026's week 53): the next business
    day would be in the week after, past the promise."""
    base = _on(written)
    assert _moment(f"Palaan asiaan viikolla {week}.", base) == (base, False, "week")


def test_the_weeks_first_business_day_after_a_holiday() -> None:
    """Monday 7 December 2026 off: week 50 is due on Tuesday."""
    reading = read_promise("Palaan asiaan viikolla 50.", BASE,
                           is_business_day=lambda d: d.weekday() < 5 and d != date(2026, 12, 7))  # fmt: skip
    assert reading is not None and reading.promise is not None
    assert reading.promise.due_at == at(8, 8, month=12)


def test_a_week_is_due_on_its_sunday_for_an_owner_who_works_only_on_sundays() -> None:
    reading = read_promise("Palaan asiaan viikolla 50.", BASE,
                           is_business_day=lambda d: d.weekday() == 6)  # fmt: skip
    assert reading is not None and reading.promise is not None
    assert reading.promise.due_at == at(13, 8, month=12)


@pytest.mark.parametrize(
    ("text", "written", "reason"),
    [
        ("Palaan asiaan viikolla 47.", date(2026, 11, 25), "viikolla 47 has passed"),
        ("Palaan asiaan viikolla 48.", date(2026, 11, 30), "viikolla 48 has passed"),
        ("Palaan asiaan viikolla 39.", date(2026, 11, 26), "viikolla 39 has passed"),  # 60 days
        ("Palaan asiaan viikolla 52.", date(2027, 1, 1), "viikolla 52 has passed"),
        ("Palaan asiaan viikolla 53.", date(2027, 12, 28), "viikolla 53 is no date"),
        ("Palaan asiaan viikolla 53.", date(2025, 12, 15), "viikolla 53 is no date"),
        ("Palaan asiaan viikolla 54.", date(2026, 11, 25), "viikolla 54 is no date"),
        ("Palaan asiaan viikolla 0.", date(2026, 11, 25), "viikolla 0 is no date"),
    ],
)
def test_a_week_that_passed_or_does_not_exist_is_asked(text: str, written: date, reason: str) -> None:
    assert _reason(text, _on(written)) == reason

