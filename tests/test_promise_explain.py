"""What ``vasteaika promise --explain`` tells the owner each expression was read as, in English
when no language is asked for, and the quote cutter's rarer line forms (issue 19: mutation
testing showed no other test held these)."""

from __future__ import annotations

import pytest

from test_promises import BASE, at  # BASE: Wednesday 25 November 2026, 09:12
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


def test_explain_says_a_duration_in_the_owners_language() -> None:
    reading = read_promise("Palaan asiaan viikon sisällä.", BASE, lang="fi")
    assert reading is not None
    assert reading.explain == [("Palaan", "lupaus: soitto"), ("viikon sisällä", "7 pv 0 h päästä")]


def test_a_promise_sentence_without_a_time_leaves_the_next_one_read() -> None:
    reading = read_promise("Palaan asiaan pian. Soitan huomenna klo 10.", BASE)
    assert reading is not None and reading.promise is not None
    assert (reading.promise.due_at, reading.promise.text) == (at(26, 10), "huomenna klo 10")


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Soitan huomenna klo 10. Lähetän tarjouksen huomenna klo 10.", "call"),
     ("Lähetän tarjouksen huomenna klo 10. Soitan huomenna klo 10.", "message")],
)  # fmt: skip
def test_two_promises_due_at_once_remind_of_the_one_said_first(text: str, kind: str) -> None:
    reading = read_promise(text, BASE)
    assert reading is not None and reading.promise is not None
    assert (reading.promise.due_at, reading.promise.kind) == (at(26, 10), kind)


def test_the_signature_is_kept_when_asked_and_the_quote_still_cut() -> None:
    """Where the customer's phone number is looked for, their signature stays; a quote goes."""
    text = "Soitan huomenna.\n-- \nYlermi\np. 040 123 4567\n_____\nFrom: x\n> Soitan tänään."
    assert strip_quoted(text, keep_signature=True) == "Soitan huomenna.\n-- \nYlermi\np. 040 123 4567"
    assert strip_quoted(text) == "Soitan huomenna."


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
