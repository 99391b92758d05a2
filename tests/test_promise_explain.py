"""What ``vasteaika promise --explain`` tells the owner each expression was read as, in English
when no language is asked for, and the quote cutter's rarer line forms (issue 19: mutation
testing showed no other test held these)."""

from __future__ import annotations

import pytest

from test_promises import BASE  # Wednesday 25 November 2026, 09:12
from vasteaika.reminders.promises import read_promise, strip_quoted

# (text, what its one time expression was read as): each part of the explanation once.
EXPLAINED = [
    ("Soitan huomenna.", ("huomenna", "day Thu 26.11.2026")),
    ("Soitan klo 10.", ("klo 10", "10:00")),
    ("Soitan klo 3.", ("klo 3", "03:00 (working hours: afternoon)")),
    ("Soitan seitsemältä.", ("seitsemältä", "07:00 (morning or evening?)")),
    ("Soitan iltapäivällä.", ("iltapäivällä", "the afternoon")),
    ("Soitan kolmen jälkeen.", ("kolmen jälkeen", "03:00 (working hours: afternoon), window: after")),
    ("Soitan ennen neljää.", ("ennen neljää", "04:00 (working hours: afternoon), window: by")),
    ("Palaan asiaan ensi viikolla.", ("ensi viikolla", "day Mon 30.11.2026, window: within the week")),
    ("Soitan 24.11.", ("24.11.", "not understood: 24.11. has passed")),
    ("Jag ringer om en halvtimme.", ("om en halvtimme", "in 30 min")),
    ("I'll call you in 2 hours.", ("in 2 hours", "in 2 h 00 min")),
]


@pytest.mark.parametrize(("text", "explained"), EXPLAINED)
def test_explain_says_what_each_expression_was_read_as(text: str, explained: tuple[str, str]) -> None:
    reading = read_promise(text, BASE)
    assert reading is not None
    assert reading.explain[1:] == [explained]


def test_explain_names_the_promise_and_a_past_day_in_each_sentence() -> None:
    reading = read_promise("Palaan asiaan, kuten lupasin eilen klo 14. I'll call you tomorrow.", BASE)
    assert reading is not None
    assert reading.explain == [
        ("Palaan", "a promise: call"), ("eilen", "the past (no promise)"), ("klo 14", "14:00"),
        ("I'll call", "a promise: call"), ("tomorrow", "day Thu 26.11.2026"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "own_words"),
    [
        # old Mac line ends: a lone carriage return ends a line too
        ("Soitan huomenna.\r> Soitan tänään.\rOK\r-- \rYlermi", "Soitan huomenna.\nOK"),
        # a quoted header block: its next field up to four lines below its From line
        ("Soitan huomenna.\nFrom: Maija\n\n\n\nSubject: Tarjous\nSoitan tänään.", "Soitan huomenna."),
        ("Soitan huomenna.\nFrom: Maija\n\n\n\n\nSubject: Tarjous\nSoitan tänään.",
         "Soitan huomenna.\nFrom: Maija\n\n\n\n\nSubject: Tarjous\nSoitan tänään."),
        # "On … wrote:" split over two lines, and only so
        ("Soitan huomenna.\nOn Wed, Maija\nwrote:\nSoitan tänään.", "Soitan huomenna."),
        ("Soitan huomenna.\nOn Wed, Maija\n\nwrote:\nSoitan tänään.",
         "Soitan huomenna.\nOn Wed, Maija\n\nwrote:\nSoitan tänään."),
        ("Soitan huomenna.\nOn Wed, Maija", "Soitan huomenna.\nOn Wed, Maija"),
    ],
)  # fmt: skip
def test_the_quote_is_cut_where_it_starts(text: str, own_words: str) -> None:
    assert strip_quoted(text) == own_words
