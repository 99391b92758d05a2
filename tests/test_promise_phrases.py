"""The phrase table (tests/promise_phrases.py, 400 phrases in Finnish, English and Swedish with
sources) read by the promise reader: no wrong reading, no noise, and the missed ones listed."""

from __future__ import annotations

from datetime import datetime

from promise_phrases import CASES
from promise_table import HKI, read, score_all

# Promises the reader does not read yet (no reminder, never a wrong one): holiday windows
# ("joulun jälkeen"), "10-11 välillä", "in 5", and the weekend on a Sunday evening. Each row
# stays here until it is read; one read right fails test_known_gaps_are_still_gaps.
KNOWN_GAPS = frozenset({
    "soitan 10-11 välillä", "palaan asiaan itsenäisyyspäivän jälkeen",
    "palaan asiaan joulun jälkeen", "soitan välipäivinä", "palaan asiaan vuodenvaihteen jälkeen",
    "palaan asiaan uudenvuoden jälkeen", "soitan loppiaisen jälkeen",
    "palaan asiaan pääsiäisen jälkeen", "soitan ennen juhannusta",
    "palaan asiaan juhannuksen jälkeen", "soitan sit pyhien jälkeen", "soitan viikonloppuna",
    "soitan kuun puolivälin jälkeen", "I'll call you back in 5", "I'll call you after Christmas",
    "I'll get back to you in the new year", "I'll call you on Boxing Day",
    "I'll come by after Midsummer", "I'll swing by over the weekend", "jag hör av mig efter jul",
    "jag ringer efter midsommar", "jag kommer förbi i helgen",
})  # fmt: skip


def test_the_table_is_big_and_has_every_language() -> None:
    assert len(CASES) >= 300
    langs = {c.lang for c in CASES}
    assert langs == {"fi", "en", "sv"}
    assert sum(c.expected is None for c in CASES) >= 50  # negatives: no promise at all


def test_no_wrong_reading_and_no_noise() -> None:
    bad = [(s.case.text, s.case.written_at, s.case.expected, s.got)
           for s in score_all() if s.outcome in ("wrong", "noise")]  # fmt: skip
    assert bad == []


def test_every_miss_is_a_known_gap() -> None:
    missed = {s.case.text for s in score_all() if s.outcome == "missed"}
    assert missed <= KNOWN_GAPS


def test_known_gaps_are_still_gaps() -> None:
    read = {s.case.text for s in score_all() if s.outcome == "ok" and s.case.text in KNOWN_GAPS}
    assert read == set(), "read now: take these out of KNOWN_GAPS"


def test_kinds_are_read() -> None:
    wrong_kind = []
    for s in score_all():
        expected = s.case.expected
        if s.outcome == "ok" and isinstance(expected, dict):
            reading = read(s.case.text, datetime.fromisoformat(s.case.written_at).astimezone(HKI))
            assert reading is not None
            if reading.kind != expected["kind"]:
                wrong_kind.append((s.case.text, expected["kind"], reading.kind))
    assert wrong_kind == []
