"""How well the promise reader reads the phrase table (tests/promise_phrases.py).

    .venv/bin/python benchmarks/promise_accuracy.py

Prints, per language, how many rows are read right, how many are WRONG (a reminder at another
moment than promised, or one where none is due: the harm), how many are missed (no reminder for
a promise: a known gap) and how many are noise (an unreadable shown for a text without a
promise). Then it measures what dateparser would add as a fallback for the rows our reader
misses: rows it would read right and rows it would read wrong (the baseline in the same run).
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from promise_table import HKI, Scored, by_language, read, score, score_all
from vasteaika.reminders.promises import Promise, Reading


def _with_dateparser(text: str, base: datetime) -> Reading | None:
    """Our reading; where it has no promise, dateparser's first date in the text instead."""
    ours = read(text, base)
    if ours is not None and (ours.promise is not None or ours.unreadable is not None):
        return ours
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": base.replace(tzinfo=None), "PREFER_DATES_FROM": "future",
                "DATE_ORDER": "DMY"}  # fmt: skip
    try:
        found = search_dates(text, languages=["fi", "en", "sv"], settings=settings)
    except Exception:  # dateparser's heuristics can fail in many ways; that means "no date"
        return ours
    if not found:
        return ours
    phrase, naive = found[0]
    due = naive.replace(tzinfo=HKI)
    has_time = naive.time() != datetime.min.time()
    return Reading("call", Promise(due, has_time, phrase))


def _line(name: str, counts: Counter[str]) -> str:
    total = sum(counts.values())
    share = counts["ok"] / total if total else 0.0
    return (f"{name:4} {total:4} rows  accuracy {share:6.1%}  ok {counts['ok']:4}"
            f"  WRONG {counts['wrong']:3}  missed {counts['missed']:3}  noise {counts['noise']:3}")  # fmt: skip


def main() -> None:
    scored = score_all()
    for lang, counts in sorted(by_language(scored).items()):
        print(_line(lang, counts))
    print(_line("all", Counter(s.outcome for s in scored)))
    try:
        import dateparser  # noqa: F401
    except ImportError:
        print("dateparser: not installed, not measured")
        return
    gained = wrong = 0
    for ours in scored:
        if ours.outcome != "missed":
            continue
        theirs: Scored = score(ours.case, _with_dateparser)
        gained += theirs.outcome == "ok"
        wrong += theirs.outcome == "wrong"
    print(f"dateparser as a fallback on the {sum(s.outcome == 'missed' for s in scored)} missed"
          f" rows: {gained} read right, {wrong} read WRONG")  # fmt: skip


if __name__ == "__main__":
    main()
