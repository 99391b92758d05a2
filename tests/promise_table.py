"""Scoring the promise reader on the phrase table (tests/promise_phrases.py): shared by the test
that holds wrong readings at 0 and by benchmarks/promise_accuracy.py, which prints the figures.

A row's outcome is "ok" (the expected due time, or no reminder where none/unreadable is due),
"wrong" (a reminder at another moment than expected, or one where none or an unreadable is
expected: the harm), "missed" (no reminder where one is expected, the promise unread), or
"noise" (an unreadable shown for a text that promises nothing with a time: a question to the
owner, no harm to the customer).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from promise_phrases import CASES, Case
from vasteaika.hours import BusinessHours, is_business_day
from vasteaika.reminders.promises import Reading, read_promise

HKI = ZoneInfo("Europe/Helsinki")
HOURS = BusinessHours(HKI, frozenset(range(5)), time(8), time(16))


def business_day(day: date) -> bool:
    return is_business_day(day, HOURS)


@dataclass(frozen=True)
class Scored:
    case: Case
    outcome: str  # ok | wrong | missed | noise
    got: str


Reader = Callable[[str, datetime], Reading | None]


def read(text: str, base: datetime) -> Reading | None:
    return read_promise(text, base, day_start=HOURS.start, day_end=HOURS.end,
                        is_business_day=business_day)  # fmt: skip


def score(case: Case, reader: Reader = read) -> Scored:
    base = datetime.fromisoformat(case.written_at).astimezone(HKI)
    reading = reader(case.text, base)
    promise = reading.promise if reading else None
    got = (promise.due_at.isoformat() if promise else
           "unreadable" if reading and reading.unreadable else "none")  # fmt: skip
    expected = case.expected
    if isinstance(expected, dict):
        if promise is None:
            return Scored(case, "missed", got)
        due = datetime.fromisoformat(str(expected["due"]))
        ok = promise.due_at == due and promise.has_time == expected["has_time"]
        return Scored(case, "ok" if ok else "wrong", got)
    if promise is not None:
        return Scored(case, "wrong", got)
    if expected is None and got == "unreadable":
        return Scored(case, "noise", got)
    if expected == "unreadable" and got == "none":
        return Scored(case, "missed", got)
    return Scored(case, "ok", got)


def score_all(reader: Reader = read) -> list[Scored]:
    return [score(case, reader) for case in CASES]


def by_language(scored: list[Scored]) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for s in scored:
        counts.setdefault(s.case.lang, Counter())[s.outcome] += 1
    return counts
