"""From the expressions of one sentence to due times: adjacent expressions merged ("huomenna" +
"klo 10"), each group resolved to a moment, an unreadable mark, or nothing. Apart from
``promise_times`` (which reads each expression) so that the rules that pick the moment (working
hours, windows, the next business day, a passed time) can be read in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time, timedelta

from vasteaika.reminders import promise_patterns as rx
from vasteaika.reminders import promise_words as W
from vasteaika.reminders.promise_times import Context, Resolved, Spec, Token

ASIDE_WORDS = 8  # the longest aside between a day and its time read as one promise


def _merge(a: Spec, b: Spec, gap: str) -> Spec | None:
    """One spec from two expressions a short gap apart, or None when they say different things."""
    words = rx.GAP_WORD_RE.findall(gap)
    if len(words) > 3 or any(w.lower() in W.GAP_STOP_WORDS for w in words) or re.search("[;()]", gap):
        return _apart(a, b, gap, words)
    if a.unreadable or b.unreadable or a.delta or b.delta or (a.clock and b.clock):
        return None
    if a.part and b.part:
        return None
    if (a.needs_day or b.needs_day) and not rx.TIGHT_GAP_RE.fullmatch(gap):
        return None  # "tomorrow morning", but not "tomorrow, have a nice evening"
    day, rank = a.day or b.day, max(a.rank, b.rank)
    if a.day and b.day:
        if a.rank == b.rank or len(words) > 1:
            return None
        day = a.day if a.rank > b.rank else b.day  # "perjantaina 27.11.": the date
        weekday = a.weekday if a.weekday is not None else b.weekday
        if weekday is not None and day.weekday() != weekday:
            return Spec(unreadable="the weekday and the date disagree")
        return _joined(a, b, day, rank, same_weekday=False)
    return _joined(a, b, day, rank, same_weekday=a.same_weekday or b.same_weekday)


def _apart(a: Spec, b: Spec, gap: str, words: list[str]) -> Spec | None:
    """A day and a time of day further apart than ``_merge`` joins: one promise when an aside
    stands between them ("huomenna, jos se sinulle sopii, klo 10", "huomenna (jos sopii) klo
    10"), else unreadable: read alone, the time would be today's. None when they say two things:
    alternatives ("klo 10 tai perjantaina") or a second promise ("klo 10 ja lähetän tarjouksen
    perjantaina")."""
    day, when = (a, b) if _day_only(a) else (b, a)
    if not (_day_only(day) and _time_only(when)):
        return None
    if any(w.lower() in W.GAP_ALTERNATIVE_WORDS for w in words) or _promises(gap):
        return None
    if len(words) <= ASIDE_WORDS and rx.ASIDE_GAP_RE.fullmatch(gap):
        return _joined(a, b, day.day, day.rank, same_weekday=day.same_weekday)
    return Spec(unreadable="the day and the time are apart")


def _day_only(spec: Spec) -> bool:
    return (spec.day is not None and spec.clock is None and spec.part is None and spec.delta is None
            and not (spec.past or spec.unreadable))  # fmt: skip


def _time_only(spec: Spec) -> bool:
    """A clock time or a part of the day that needs a day from elsewhere."""
    return (spec.day is None and (spec.clock is not None or spec.part is not None)
            and spec.delta is None and not (spec.needs_day or spec.unreadable))  # fmt: skip


def _promises(gap: str) -> bool:
    return any(r.search(gap) for r in (rx.PROMISE_FI_RE, rx.PROMISE_EN_RE, rx.PROMISE_SV_RE))


def _joined(a: Spec, b: Spec, day: date | None, rank: int, same_weekday: bool) -> Spec:
    """Two expressions as one; a bare English part of the day joined has its day or its clock,
    so the joined expression needs no day ("tomorrow afternoon, if okay, at 3" is tomorrow's)."""
    return Spec(day=day, rank=rank, weekday=a.weekday if a.weekday is not None else b.weekday,
                same_weekday=same_weekday, clock=a.clock or b.clock, reading=a.reading or b.reading,
                part=a.part or b.part, window=a.window or b.window, past=a.past or b.past)  # fmt: skip


def groups(sentence: str, found: list[Token]) -> Iterator[tuple[Spec, str]]:
    spec, start, end = found[0].spec, found[0].start, found[0].end
    for token in found[1:]:
        merged = None if token.start < end else _merge(spec, token.spec, sentence[end : token.start])
        if merged is None:
            yield spec, sentence[start:end]
            spec, start = token.spec, token.start
        else:
            spec = merged
        end = max(end, token.end)
    yield spec, sentence[start:end]


def resolve(spec: Spec, ctx: Context) -> Resolved | None:
    """The due time of one group; Resolved with ``due_at`` None when it cannot be read without
    guessing; None for no promise (a past event, a bare English day part)."""
    if spec.unreadable:
        return Resolved(None, False, None, spec.unreadable)
    if spec.past or (spec.needs_day and spec.day is None):
        return None
    if spec.delta is not None:
        if spec.delta >= timedelta(days=1):
            return Resolved(ctx.at((ctx.base + spec.delta).date(), ctx.day_start), False, "by")
        return Resolved(ctx.base + spec.delta, True, None)
    clock = _clock_of(spec)
    if clock is None and spec.reading == "open":
        return Resolved(None, False, None, "morning or evening?")
    if clock is not None:
        return _at_clock_time(spec, clock, ctx)
    if spec.part is not None:
        return _in_part(spec, spec.part, ctx)
    day = spec.day or ctx.today
    if day <= ctx.today:  # "tänään": due at once, or when the working day starts
        return Resolved(max(ctx.base, ctx.at(ctx.today, ctx.day_start)), False, spec.window)
    return Resolved(ctx.at(day, ctx.day_start), False, spec.window)


def _clock_of(spec: Spec) -> time | None:
    clock = spec.clock
    if clock is None:
        return None
    if spec.part in ("afternoon", "evening") and clock.hour < 12:
        return clock.replace(hour=clock.hour + 12)  # "klo 3 iltapäivällä"
    if spec.part in ("morning", "forenoon"):
        return clock
    if spec.reading == "pm":
        return clock.replace(hour=clock.hour + 12)
    if spec.reading == "open":
        return None
    return clock


def _at_clock_time(spec: Spec, clock: time, ctx: Context) -> Resolved:
    if spec.day is None:
        due = ctx.at(ctx.today, clock)
        if due < ctx.base:  # "klo 8" at 09:12: the next working day's 08:00
            due = ctx.at(ctx.business_day_from(ctx.today + timedelta(days=1)), clock)
        return Resolved(due, True, spec.window)
    day = spec.day
    if spec.same_weekday and ctx.at(ctx.today, clock) >= ctx.base:
        day = ctx.today  # "keskiviikkona klo 15" on a Wednesday morning: the earlier reading
    due = ctx.at(day, clock)
    if due < ctx.base:
        return Resolved(None, False, None, f"{clock:%H:%M} has passed")
    return Resolved(due, True, spec.window)


def _in_part(spec: Spec, part: str, ctx: Context) -> Resolved:
    start, end = ctx.parts.window(part)
    day = spec.day
    if day is None or (spec.same_weekday and ctx.base < ctx.at(ctx.today, end)):
        day = ctx.today
        if ctx.at(day, end) <= ctx.base and spec.day is None:
            day = ctx.business_day_from(day + timedelta(days=1))
    if ctx.at(day, end) <= ctx.base:
        return Resolved(None, False, None, f"the {part} has passed")
    return Resolved(max(ctx.at(day, start), ctx.base), False, part)
