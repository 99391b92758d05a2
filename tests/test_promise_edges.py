"""The promise reader at its edges (issue 19): each row holds a reading the owner relies on —
the right local moment in Finnish, Swedish and English, the window the owner is shown (``promise
--json``/``--explain``: after, by, a day part, the week, the month), or no reminder with the
reason when the time cannot be read without guessing — that mutation testing showed no other
test held. Read with the default calendar (Monday to Friday) in Helsinki time."""

from __future__ import annotations

from datetime import datetime

import pytest

from test_promises import BASE, HKI, at  # BASE: Wednesday 25 November 2026, 09:12
from vasteaika.catalogue.reasons import promise_reason
from vasteaika.reminders.promises import Reading, read_promise

DECEMBER = datetime(2026, 12, 10, 9, 0, tzinfo=HKI)  # a Thursday
FEBRUARY = datetime(2027, 2, 10, 9, 0, tzinfo=HKI)  # a Wednesday, 2027 is no leap year
LATE = datetime(2026, 11, 25, 22, 0, tzinfo=HKI)
NOON = datetime(2026, 11, 25, 12, 0, tzinfo=HKI)  # the end of the forenoon
NINE_PM = datetime(2026, 11, 25, 21, 0, tzinfo=HKI)  # the end of the evening
FRIDAY = datetime(2026, 11, 27, 9, 12, tzinfo=HKI)
FOUR_AM = datetime(2026, 11, 25, 4, 0, tzinfo=HKI)  # the night is over: "huomenna" is the 26th


def _read(text: str, base: datetime = BASE) -> Reading | None:
    return read_promise(text, base)


# (text, written at, (due, has_time, window)): a reminder at exactly that moment.
READ = [
    # clock times: am/pm, "at" + an hour, spoken hours
    ("I'll call you at 12pm.", BASE, (at(25, 12), True, None)),
    ("I'll call between 10am and 2pm.", BASE, (at(25, 10), True, None)),
    ("I'll call you at 1.", BASE, (at(25, 13), True, None)),
    ("I'll call you at 13.", BASE, (at(25, 13), True, None)),
    ("Soitan puoli yksi.", BASE, (at(25, 12, 30), True, None)),
    ("Soitan kahdeltatoista.", BASE, (at(25, 12), True, None)),
    ("Soitan kolmen jälkeen.", BASE, (at(25, 15), True, "after")),
    ("Soitan ennen neljää.", BASE, (at(25, 16), True, "by")),
    ("Soitan kolmelta.", BASE, (at(25, 15), True, None)),
    ("Soitan 14.13.", BASE, (at(25, 14, 13), True, None)),
    # a part of the day, with or without a clock time: its window
    ("Soitan huomisaamuna klo 9.", BASE, (at(26, 9), True, "morning")),
    ("I'll call you this afternoon at 3.", BASE, (at(25, 15), True, "afternoon")),
    ("Soitan lounaan jälkeen.", BASE, (at(25, 12), False, "afternoon")),
    ("Soitan lounaan jälkeen klo 13.", BASE, (at(25, 13), True, "afternoon")),
    ("Soitan iltapäivän aikana.", BASE, (at(25, 12), False, "afternoon")),
    ("Soitan huomenna aamulla klo 7.", BASE, (at(26, 7), True, "morning")),
    # weeks and months
    ("Palaan asiaan ensi viikolla.", BASE, (at(30, 8), False, "week")),
    ("Palaan asiaan viikolla 50.", BASE, (at(7, 8, month=12), False, "week")),
    ("Palaan asiaan tammikuussa.", BASE, (at(1, 8, month=1, year=2027), False, "month")),
    ("Palaan asiaan joulukuussa.", DECEMBER, (DECEMBER, False, "month")),
    ("Soitan ensi kuussa.", DECEMBER, (at(1, 8, month=1, year=2027), False, "month")),
    # dates: with a year (four or two digits), ISO, a month name with a year, without a dot
    ("Soitan 25.11.2026 klo 15.", BASE, (at(25, 15), True, None)),
    ("Soitan 5.1.2028.", BASE, (at(5, 8, month=1, year=2028), False, None)),
    ("Soitan 5.1.28 klo 10.", BASE, (at(5, 10, month=1, year=2028), True, None)),
    ("I'll send it on 2027-12-01.", BASE, (at(1, 8, month=12, year=2027), False, None)),
    ("I'll call you on 30 November 2027.", BASE, (at(30, 8, year=2027), False, None)),
    ("Soitan 5.1 klo 10.", BASE, (at(5, 10, month=1, year=2027), True, None)),
    ("Soitan 24.12 asiasta.", BASE, (at(24, 8, month=12), False, None)),
    ("Soitan 29.2.", BASE, (at(29, 8, month=2, year=2028), False, None)),
    # a weekday next to its date: the date; two dates side by side: each read alone, the earlier wins
    ("Soitan perjantaina 27.11.2026 klo 10.", BASE, (at(27, 10), True, None)),
    ("Soitan perjantaina 8.1.", BASE, (at(8, 8, month=1, year=2027), False, None)),
    ("Soitan 28.11., 27.11.2026.", BASE, (at(27, 8), False, None)),
    ("Soitan 5.1., 4.1.2027.", BASE, (at(4, 8, month=1, year=2027), False, None)),
    ("I'll call you on the 28th, 27.11.", BASE, (at(27, 8), False, None)),
    # "the 3rd": this month's if still ahead, else next month's (over the new year too)
    ("I'll call you on the 3rd.", BASE, (at(3, 8, month=12), False, None)),
    ("I'll call you on the 3rd.", DECEMBER, (at(3, 8, month=1, year=2027), False, None)),
    ("I'll call you on the 25th at 3pm.", BASE, (at(25, 15), True, None)),
    # a time exactly now is still ahead; a passed clock time without a day: the next weekday's
    ("Soitan klo 9.12.", BASE, (at(25, 9, 12), True, None)),
    ("Soitan tänään klo 9.12.", BASE, (at(25, 9, 12), True, None)),
    ("Soitan keskiviikkona klo 9.12.", BASE, (at(25, 9, 12), True, None)),
    ("Soitan klo 8.", FRIDAY, (at(30, 8), True, None)),
    # an hour with a part of the day: afternoon and evening hours are p.m., morning ones as said
    ("Soitan iltapäivällä kuudelta.", BASE, (at(25, 18), True, "afternoon")),
    ("Soitan iltapäivällä klo 12.", BASE, (at(25, 12), True, "afternoon")),
    ("Soitan illalla klo 7.", BASE, (at(25, 19), True, "evening")),
    ("Soitan huomenna aamulla seitsemältä.", BASE, (at(26, 7), True, "morning")),
    ("Soitan huomenna aamupäivällä seitsemältä.", BASE, (at(26, 7), True, "forenoon")),
    # a part of the day: today's while it lasts, else the next one's (a weekday's: next week)
    ("Soitan keskiviikkona iltapäivällä.", BASE, (at(25, 12), False, "afternoon")),
    ("Soitan keskiviikkona aamupäivällä.", NOON, (at(2, 8, month=12), False, "forenoon")),
    ("Soitan aamupäivällä.", NOON, (at(26, 8), False, "forenoon")),
    ("Soitan huomenna klo 10.", FOUR_AM, (at(26, 10), True, None)),
    # a date and its clock time written together without a space are one moment
    ("Soitan 27.11.klo 10.", BASE, (at(27, 10), True, None)),
    # within one day: the start of the next day, no clock time (a "by" deadline)
    ("I'll get back to you within a day.", BASE, (at(26, 8), False, "by")),
    ("Vastaan yhden päivän sisällä.", BASE, (at(26, 8), False, "by")),
    # words joined into one moment: up to three words apart, the date's weekday agreeing
    ("Soitan huomenna kolmen jälkeen.", BASE, (at(26, 15), True, "after")),
    ("Soitan huomenna jos se sopii klo 10.", BASE, (at(26, 10), True, None)),
    ("Soitan 27.11. klo 10 perjantaina.", BASE, (at(27, 10), True, None)),
    # not joined: a duration, or a weekday and a date two words apart; the earlier reminds
    ("Soitan huomenna tunnin sisällä.", BASE, (at(25, 10, 12), True, None)),
    ("Soitan torstaina eli siis 27.11.", BASE, (at(26, 8), False, None)),
    # durations: "kahden vartin" is two quarters, "en halvtimme" one half hour
    ("Soitan kahden vartin päästä.", BASE, (at(25, 9, 42), True, None)),
    ("Soitan vartin päästä.", BASE, (at(25, 9, 27), True, None)),
    ("Jag ringer om en halvtimme.", BASE, (at(25, 9, 42), True, None)),
    # durations; "24/7" is no date and leaves the promise beside it alone
    ("Vastaan kahden päivän aikana.", BASE, (at(27, 8), False, "by")),
    ("Palvelemme 24/7, soitan huomenna klo 10.", BASE, (at(26, 10), True, None)),
]


@pytest.mark.parametrize(("text", "base", "expected"), READ)
def test_read_at_the_promised_moment(
    text: str, base: datetime, expected: tuple[datetime, bool, str | None]
) -> None:
    reading = _read(text, base)
    assert reading is not None and reading.promise is not None, reading
    promise = reading.promise
    assert (promise.due_at, promise.has_time, promise.window) == expected
    assert promise.due_at.tzinfo is HKI


def test_two_dates_show_the_words_of_the_one_read() -> None:
    reading = _read("Soitan 28.11., 27.11.2026.")
    assert reading is not None and reading.promise is not None
    assert reading.promise.text == "27.11.2026"


# (text, written at, the reason the owner is shown in English): no reminder, the owner sets it.
UNREADABLE = [
    ("Soitan 24.11.", BASE, "24.11. has passed"),
    ("Soitan 26.9.", BASE, "26.9. has passed"),  # exactly 60 days ago: a mistake, not next year
    ("Soitan 5.1.2025.", BASE, "5.1.2025 is not a day ahead"),
    ("Soitan 30. marraskuuta 2025.", BASE, "30.11.2025 is not a day ahead"),
    ("Soitan 29.2.", FEBRUARY, "29.2. is no date"),
    ("Soitan 9.10 asiasta.", BASE, "9.10 is a date or a clock time"),
    ("Soitan 23.12 asiasta.", BASE, "23.12 is a date or a clock time"),
    ("Soitan 3/12.", BASE, "3/12: which is the day and which the month?"),
    ("I'll call you on the 31st.", BASE, "the 31st: no such day this month"),
    ("I'll call you this evening.", LATE, "the evening has passed"),
    ("Soitan tänä iltana.", NINE_PM, "the evening has passed"),
    ("Soitan tänään klo 8.", BASE, "08:00 has passed"),
    ("Soitan ensi viikon tiistaina 2.12.", BASE, "the weekday and the date disagree"),
    ("Soitan torstaina klo 10 27.11.", BASE, "the weekday and the date disagree"),
    ("Soitan klo 10 torstaina 27.11.", BASE, "the weekday and the date disagree"),
    ("Soitan 27.11. torstaina.", BASE, "the weekday and the date disagree"),
    ("Soitan 27.11.klo.", BASE, "'klo.' not understood"),  # a clock word stuck to a date, no time
]


@pytest.mark.parametrize(("text", "base", "reason"), UNREADABLE)
def test_a_time_not_read_without_guessing_is_no_reminder(
    text: str, base: datetime, reason: str | None
) -> None:
    reading = _read(text, base)
    assert reading is not None and reading.promise is None and reading.unreadable, reading
    if reason is not None:
        assert promise_reason("en", reading.reason) == reason


@pytest.mark.parametrize(
    "text",
    ["Soitan päivän aikana.",  # "during the day", not "within a day"
     "Soitan kahta asiakasta ensin.",  # "kahta" is no clock time without "ennen"
     "Soitan 3/13.", "Soitan 13/5.",  # no day/month doubt: no date at all
     "Soitan asiasta 24.13 kappaletta.",
     "Palaan asiaan, kuten lupasin eilen klo 14."],  # yesterday's is no promise, no question
)  # fmt: skip
def test_no_time_in_these_words(text: str) -> None:
    assert _read(text) is None


def test_explain_says_13_is_one_in_the_afternoon_read_as_said() -> None:
    reading = read_promise("I'll call you at 13.", BASE)
    assert reading is not None
    assert ("at 13", "13:00") in reading.explain


def test_a_month_said_in_that_month_is_due_now_and_explained_as_today() -> None:
    reading = read_promise("Palaan asiaan joulukuussa.", DECEMBER)
    assert reading is not None
    assert ("joulukuussa", "day Thu 10.12.2026, window: within the month") in reading.explain


@pytest.mark.parametrize(
    ("text", "explained"),
    [
        ("Soitan huomenna iltapäivällä.",
         [("Soitan", "lupaus: soitto"), ("huomenna", "päivä to 26.11.2026"),
          ("iltapäivällä", "iltapäivä")]),
        ("Soitan 24.11.", [("Soitan", "lupaus: soitto"), ("24.11.", "ei ymmärretty: 24.11. on jo mennyt")]),
        ("Palaan asiaan, kuten lupasin eilen klo 14. Soitan kolmen jälkeen.",
         [("Palaan", "lupaus: soitto"), ("eilen", "mennyt aika (ei lupaus)"), ("klo 14", "klo 14.00"),
          ("Soitan", "lupaus: soitto"),
          ("kolmen jälkeen", "klo 3.00 (työaikana: iltapäivällä), aikaikkuna: jälkeen")]),
    ],
)  # fmt: skip
def test_promise_explain_speaks_the_owners_language(
    text: str, explained: list[tuple[str, str]]
) -> None:
    """``promise --explain`` under a Finnish owner: each expression and what it was read as."""
    reading = read_promise(text, BASE, lang="fi")
    assert reading is not None and reading.explain == explained


def test_a_week_promise_is_reminded_a_month_on_at_the_latest_while_closed_longer() -> None:
    """Closed for more than a month (extra_closed): the reminder still comes, 31 days on."""
    reading = read_promise("Palaan asiaan ensi viikolla.", BASE, is_business_day=lambda d: False)
    assert reading is not None and reading.promise is not None
    assert reading.promise.due_at == at(31, 8, month=12)
