"""Find a promise in the owner's own words ("Soitan huomenna klo 10"): when, and what kind.

Only sentences that promise contact count (a promise verb such as "soitan", "I'll call" or "jag
ringer" in the same sentence). The reply's quoted text and signature are cut off first. The
time expressions are read by ``promise_times`` with the regexes of ``promise_patterns`` (words
in ``promise_words``); no outside date parser is used (benchmarks/promise_accuracy.py measured
dateparser on the phrase table: it added no correct reading, only wrong ones).

The rules, chosen so that a reminder never comes after the promised moment nor on a wrong date,
and pinned by tests (tests/promise_phrases.py):
- A clock time is ``has_time`` True. A bare hour ("klo 3", "kahdelta", "at 3", "at 3:30") is read
  in working hours: 1-5 is afternoon, 8-12 as said; 6 and 7 are morning or evening, so
  "unreadable" unless a day part settles them. An hour written with a leading zero ("klo 05.30")
  is the 24-hour clock, as written. "puoli kolme"/"halv tre" is 14:30, "half two" too (British), "varttia
  vaille kolme" 14:45, "kolmen jälkeen" 15:00 (an "after" window), "ennen neljää" 16:00 (by).
- A clock time with no day named is today if still ahead, else the next business day's.
- A day and a time of day in one sentence are one moment when next to each other or with an
  aside between them ("huomenna, jos se sinulle sopii, klo 10": commas, parentheses or dashes,
  up to eight words); alternatives ("klo 10 tai perjantaina") or a second promise between them
  are two readings; at any other distance the promise is unreadable (today's reading would be a
  guess). A clock time settles a bare English day part beside it ("at 3 afternoon").
- A named day is kept even on a weekend or holiday ("huomenna" on a Friday is Saturday): moving
  it to the next business day would remind after the promise. Without a clock time it is due at
  ``day_start`` (``has_time`` False); "tänään"/"today" alone is due at once. "huomenna" written
  before 04:00 is the day that is starting.
- A weekday name is its next occurrence; said on that same weekday it is today when a clock time
  or day part is still ahead, else next week. "next Friday" is the coming one; said on a Friday,
  "next Friday" / "ensi perjantaina" / "nästa fredag" may be today or in a week: not read.
- A day part ("iltapäivällä", "this afternoon") is a window without a time: due at its start,
  or at once when written inside it; one that has passed moves to the next business day,
  unless "today" was said (then it cannot be read).
- "ensi viikolla", "viikolla 50", "tammikuussa": the first business day of that week or month.
  A week number is the ISO week of the ISO year today is in ("viikolla 53" on 2 January 2027 is
  this week: due at once), next year's once this year's ended more than 60 days ago ("viikolla
  1" on 28 December); one that ended within 60 days, or a week the year lacks, is unreadable.
- Durations: minutes and hours from the send time (``has_time`` True); days and weeks ("viikon
  sisällä") the start of the last day allowed.
- A date without a year is the next such date; one that passed within 60 days ("24.11." on
  25.11.) is a mistake, so unreadable. A date with a passed year, an invalid date, a weekday
  that contradicts its date, "9.10" (a clock time or a date?), a clock word with no time, or a
  time already past with "today" are unreadable: the owner is asked, nothing is guessed.
- Anything before the send time is ignored; of the rest, the earliest due time wins; an
  unreadable expression in a promise sentence wins over everything (the owner sets it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

from vasteaika.catalogue import clock, day, duration, say, say_known
from vasteaika.catalogue.reasons import promise_reason
from vasteaika.reminders import promise_due as due
from vasteaika.reminders import promise_patterns as rx
from vasteaika.reminders import promise_times as pt
from vasteaika.reminders.promise_times import DayParts

DEFAULT_PARTS = DayParts()  # frozen, so sharing it is safe

__all__ = ["DayParts", "Promise", "Reading", "find_promise", "read_promise", "strip_quoted"]


@dataclass(frozen=True)
class Promise:
    due_at: datetime
    has_time: bool
    text: str  # the matched phrase
    kind: str = "call"  # call | visit | message
    window: str | None = None  # a day part, "after", "by", "week", "month"


@dataclass(frozen=True)
class Reading:
    """What a text promises: a ``promise``, or ``unreadable`` (the phrase that holds a date or
    time not understood), and ``explain``: each expression read, with what it was read as."""

    kind: str
    promise: Promise | None = None
    unreadable: str | None = None
    reason: str | None = None
    explain: list[tuple[str, str]] = field(default_factory=list)


# --- quoted text and signatures -----------------------------------------------------------------

def strip_quoted(text: str, *, keep_signature: bool = False) -> str:
    """The reply's own words: no "> " lines, nothing from a quote header or signature onwards
    (``keep_signature``: the signature kept, where a customer writes their phone number)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = rx.QUOTE_INTRO_RE if keep_signature else rx.CUT_LINE_RE
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _starts_quote_or_signature(line, lines[i + 1 : i + 5], cut):
            break
        if not rx.QUOTE_LINE_RE.match(line):
            kept.append(line)
    return "\n".join(kept).strip()


def _starts_quote_or_signature(line: str, following: list[str], cut: re.Pattern[str]) -> bool:
    if cut.match(line):
        return True
    if rx.ON_LINE_RE.match(line) and following and rx.WROTE_RE.search(following[0]):
        return True  # "On Wed, 25 Nov 2026 at 09:00, Maija <m@example.fi>" / "wrote:"
    header_block = any(rx.HEADER_NEXT_RE.match(n) for n in following)
    return bool(rx.HEADER_FROM_RE.match(line)) and header_block


# --- promise sentences --------------------------------------------------------------------------

def _promise_sentences(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    for paragraph in rx.PARAGRAPH_RE.split(text):
        joined = " ".join(paragraph.split())
        for sentence in rx.SENTENCE_END_RE.split(joined):
            verb = (rx.PROMISE_FI_RE.search(sentence) or rx.PROMISE_EN_RE.search(sentence)
                    or rx.PROMISE_SV_RE.search(sentence))  # fmt: skip
            if verb is not None:
                yield sentence, verb


def promise_kind(sentence: str) -> str:
    """A visit ("tulen katsomaan", "I'll come by"), a message ("lähetän tarjouksen"), else a
    call: the first such word in the sentence decides."""
    visit, message = rx.VISIT_RE.search(sentence), rx.MESSAGE_RE.search(sentence)
    if visit and (message is None or visit.start() <= message.start()):
        return "visit"
    return "message" if message else "call"


# --- reading ------------------------------------------------------------------------------------


def _describe(spec: pt.Spec, lang: str) -> str:
    """What an expression was read as, in ``lang`` (``promise --explain``)."""
    if spec.unreadable:
        return say(lang, "explain.not_understood", reason=promise_reason(lang, spec.unreadable))
    bits = []
    if spec.past:
        bits.append(say(lang, "explain.past"))
    elif spec.day is not None:
        bits.append(say(lang, "explain.day", day=day(lang, spec.day, year=True)))
    if spec.clock is not None:
        reading = say(lang, f"explain.{spec.reading}") if spec.reading in ("pm", "open") else ""
        bits.append(clock(lang, spec.clock) + reading)
    if spec.part:
        bits.append(say(lang, "explain.part", part=say_known(lang, f"part.{spec.part}", spec.part)))
    if spec.delta is not None:
        bits.append(say(lang, "explain.in", delta=duration(lang, spec.delta)))
    if spec.window and spec.window != spec.part:
        window = say_known(lang, f"window.{spec.window}", spec.window)
        bits.append(say(lang, "explain.window", window=window))
    return ", ".join(bits)  # every expression read holds one of these


def read_promise(
    text: str,
    base: datetime,
    *,
    day_start: time = time(8),
    day_end: time = time(16),
    parts: DayParts = DEFAULT_PARTS,
    is_business_day: Callable[[date], bool] | None = None,
    lang: str = "en",
) -> Reading | None:
    """What ``text`` promises, as seen at ``base`` (the reply's send time); None when no sentence
    promises contact with a time. Results are aware in ``base``'s timezone; ``explain`` says
    what each expression was read as in ``lang``."""
    ctx = pt.Context(base, day_start, day_end, parts, is_business_day or _is_weekday)
    best: Reading | None = None
    explain: list[tuple[str, str]] = []
    for sentence, verb in _promise_sentences(strip_quoted(text)):
        kind = promise_kind(sentence)
        found = pt.tokens(sentence, ctx)
        explain.append((verb[0], say(lang, "explain.promise", kind=say(lang, f"promise_kind.{kind}"))))
        explain += [(sentence[t.start : t.end], _describe(t.spec, lang)) for t in found]
        if not found:
            continue
        for spec, phrase in due.groups(sentence, sorted(found, key=lambda t: t.start)):
            best = _better(best, kind, phrase, due.resolve(spec, ctx), base)
    if best is not None:
        best.explain.extend(explain)
    return best


def _better(
    best: Reading | None, kind: str, phrase: str, resolved: pt.Resolved | None, base: datetime
) -> Reading | None:
    if resolved is None:
        return best
    if resolved.due_at is None:
        if best is not None and best.unreadable:
            return best
        return Reading(kind, unreadable=phrase, reason=resolved.reason)
    if resolved.due_at < base or (best is not None and best.unreadable):
        return best
    if best is not None and best.promise is not None and best.promise.due_at <= resolved.due_at:
        return best
    promise = Promise(resolved.due_at, resolved.has_time, phrase, kind, resolved.window)
    return Reading(kind, promise)


def _is_weekday(day: date) -> bool:
    return day.weekday() < 5


def find_promise(
    text: str,
    base: datetime,
    *,
    day_start: time = time(8),
    parts: DayParts = DEFAULT_PARTS,
    is_business_day: Callable[[date], bool] | None = None,
) -> Promise | None:
    """The earliest callback time promised in ``text``, not before ``base`` (the reply's send
    time); None when there is none or it cannot be read (``read_promise`` tells which)."""
    reading = read_promise(text, base, day_start=day_start, parts=parts,
                           is_business_day=is_business_day)  # fmt: skip
    return None if reading is None else reading.promise
