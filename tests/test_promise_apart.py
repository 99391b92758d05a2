"""A day and its time of day written apart (issue 19): "Soitan huomenna, jos se sinulle sopii,
klo 10" is tomorrow at 10, never today at 10. An aside between them (commas, parentheses, dashes,
up to eight words) joins them; any other distance makes the promise unreadable, shown to the owner
with the words it holds; alternatives ("klo 10 tai perjantaina") and a second promise ("klo 10 ja
lähetän tarjouksen perjantaina") stay two readings, the earlier one due. And a clock time next to a
bare part of the day ("at 3 afternoon", "klockan tre på eftermiddagen") is read as one moment.
Read with the default calendar (Monday to Friday) in Helsinki time."""

from __future__ import annotations

from datetime import datetime

import pytest

from test_promises import BASE, at  # BASE: Wednesday 25 November 2026, 09:12
from vasteaika.catalogue.reasons import promise_reason
from vasteaika.reminders.promises import read_promise

# (text, (due, has_time, window)): a reminder at exactly that moment.
JOINED = [
    # Finnish: an aside between commas, in parentheses or between dashes; either order
    ("Soitan huomenna, jos se sinulle sopii, klo 10.", (at(26, 10), True, None)),
    ("Soitan huomenna (jos sopii) klo 10.", (at(26, 10), True, None)),
    ("Soitan huomenna – jos sopii – klo 10.", (at(26, 10), True, None)),
    ("Soitan huomenna, kun ehdin, klo 10.", (at(26, 10), True, None)),
    ("Soitan klo 10, jos se sinulle sopii, huomenna.", (at(26, 10), True, None)),
    ("Soitan perjantaina, kuten puhelimessa sovittiin, iltapäivällä.", (at(27, 12), False, "afternoon")),
    ("Soitan huomenna, jos se sinulle vain jotenkin mitenkään hyvin sopii, klo 10.",  # eight words
     (at(26, 10), True, None)),
    # the weekday said on that weekday: today while the time is ahead, else next week
    ("Soitan keskiviikkona, jos sopii, klo 15.", (at(25, 15), True, None)),
    ("Soitan keskiviikkona, jos sopii, klo 8.", (at(2, 8, month=12), True, None)),
    # a date joined across an aside still beats the weekday right after it
    ("Soitan 27.11. (jos sopii) klo 10 perjantaina.", (at(27, 10), True, None)),
    # Swedish
    ("Jag ringer i morgon, om det passar dig, klockan 10.", (at(26, 10), True, None)),
    ("Jag ringer i morgon (om det passar) kl 10.", (at(26, 10), True, None)),
    ("Jag ringer klockan tre på eftermiddagen.", (at(25, 15), True, "afternoon")),
    ("Jag ringer i morgon klockan tre.", (at(26, 15), True, None)),
    ("Jag ringer kl. fem.", (at(25, 17), True, None)),
    # English
    ("I'll call you tomorrow, if that suits you, at 10.", (at(26, 10), True, None)),
    ("I'll call you tomorrow (if that suits) at 10.", (at(26, 10), True, None)),
    ("I'll call you at 3 afternoon.", (at(25, 15), True, "afternoon")),
    ("I'll call you tomorrow at 7 evening.", (at(26, 19), True, "evening")),
    # "tomorrow afternoon" is a day: its clock time may follow an aside (was today's 15:00)
    ("I'll call you tomorrow afternoon, if okay, at 3.", (at(26, 15), True, "afternoon")),
]


@pytest.mark.parametrize(("text", "expected"), JOINED)
def test_a_day_and_its_time_apart_are_one_moment(
    text: str, expected: tuple[datetime, bool, str | None]
) -> None:
    reading = read_promise(text, BASE)
    assert reading is not None and reading.promise is not None, reading
    promise = reading.promise
    assert (promise.due_at, promise.has_time, promise.window) == expected


# (text, the words shown to the owner): no reminder at a guessed day, the owner sets it.
APART = [
    ("Soitan huomenna, jos se sinulle vain jotenkin mitenkään oikein hyvin sopii, klo 10.",  # nine
     "huomenna, jos se sinulle vain jotenkin mitenkään oikein hyvin sopii, klo 10"),
    ("Soitan huomenna siitä tarjouksesta jonka lähetin sinulle klo 10.",
     "huomenna siitä tarjouksesta jonka lähetin sinulle klo 10"),
    ("Soitan huomenna kun ehdin, klo 10.", "huomenna kun ehdin, klo 10"),
    ("Soitan huomenna jos se sinulle sopii klo 10.", "huomenna jos se sinulle sopii klo 10"),
    ("Soitan huomenna; klo 10 olen palaverissa.", "huomenna; klo 10"),
    ("Soitan huomenna, jos sopii, ja muuten iltapäivällä.", "huomenna, jos sopii, ja muuten iltapäivällä"),
    ("Jag ringer i morgon angående offerten som vi pratade om klockan 10.",
     "i morgon angående offerten som vi pratade om klockan 10"),
    ("I'll call you tomorrow about the offer we discussed on the phone at 10.",
     "tomorrow about the offer we discussed on the phone at 10"),
]


@pytest.mark.parametrize(("text", "words"), APART)
def test_a_day_and_a_time_far_apart_are_not_guessed(text: str, words: str) -> None:
    reading = read_promise(text, BASE)
    assert reading is not None and reading.promise is None, reading
    assert reading.unreadable == words
    assert promise_reason("en", reading.reason) == "the day and the time are far apart: which day?"
    assert promise_reason("fi", reading.reason) == (
        "päivä ja kellonaika ovat kaukana toisistaan: minä päivänä?"
    )


# Two readings: alternatives, or a second promise between them; the earlier one is due.
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Soitan klo 10 tai perjantaina.", "klo 10"),
        ("Soitan klo 10 ja lähetän tarjouksen perjantaina.", "klo 10"),
        ("Jag ringer klockan 10 eller på fredag.", "klockan 10"),
        ("I'll call at 10 or on Friday.", "at 10"),
        ("I'll call at 10 and I'll send the offer on Friday.", "at 10"),
    ],
)
def test_alternatives_and_a_second_promise_stay_apart(text: str, words: str) -> None:
    reading = read_promise(text, BASE)
    assert reading is not None and reading.promise is not None, reading
    assert (reading.promise.due_at, reading.promise.text) == (at(25, 10), words)


def test_a_bare_english_part_of_the_day_alone_is_still_no_promise() -> None:
    """"have a nice evening" is no time: only a day or a clock time next to it makes it one."""
    reading = read_promise("I'll call tomorrow, have a nice evening!", BASE)
    assert reading is not None and reading.promise is not None
    assert (reading.promise.due_at, reading.promise.window) == (at(26, 8), None)


# Across a longer aside (four words or more) only a day and a time of day alone join: anything
# else stays two readings, and the earlier one reminds.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weekday said on that weekday joins as next to its time: today while it is ahead
        ("Soitan keskiviikkona, jos se sinulle sopii, klo 15.", (at(25, 15), True, None)),
        # a duration is no time of day: within the hour, not tomorrow
        ("Soitan huomenna, jos se sinulle sopii, tunnin sisällä.", (at(25, 10, 12), True, None)),
        # a day with its own time keeps it; so does a second day with its time
        ("Soitan huomenna klo 10, jos se sinulle sopii, iltapäivällä.", (at(25, 12), False, "afternoon")),
        ("Soitan huomenna, jos se sinulle sopii, perjantaina klo 10.", (at(26, 8), False, None)),
        # yesterday gives its day to no promised time
        ("Palaan asiaan, kuten lupasin eilen, jos nyt muistan oikein, klo 14.", (at(25, 14), True, None)),
        # a bare English evening far from the day is a greeting, not the time of the call
        ("I'll call you tomorrow, hope you have a lovely evening!", (at(26, 8), False, None)),
    ],
)  # fmt: skip
def test_across_a_long_aside_only_a_day_and_a_time_join(
    text: str, expected: tuple[datetime, bool, str | None]
) -> None:
    reading = read_promise(text, BASE)
    assert reading is not None and reading.promise is not None, reading
    promise = reading.promise
    assert (promise.due_at, promise.has_time, promise.window) == expected
