"""Find a promised callback time in the owner's own words ("Soitan huomenna klo 10").

Only sentences that promise contact count (a promise verb such as "soitan" or "I'll call" in the
same sentence). The reply's quoted text and signature are cut off first. Finnish and English time
expressions are read by the regexes of ``promise_patterns`` (words in ``promise_words``);
dateparser only reads month names ("30 November", "30. marraskuuta") and, as a last resort,
whatever else it finds in a promise sentence in which none of our expressions occur, and its
answer is rejected when it contradicts a clock time in the phrase. dateparser alone mis-reads
Finnish: "klo 15" as the 15th day, "25.11. klo 12" as the year 2112, "1.12." as 01:12, "tänään
klo 15" as today at the current time, and "to" ("I'll get back to you") as *torstai*, Thursday.

Rules, chosen and pinned by tests:
- A weekday name means its next occurrence strictly after the base date ("keskiviikkona" said on
  a Wednesday is next week's Wednesday), whatever clock time follows it.
- A date without a year ("25.11.", "30 November") is the next such date on or after the base date.
- A day without a clock time is due at ``day_start``, ``has_time`` False; so "tänään" alone is
  ignored once ``day_start`` has passed. A part of the day ("iltapäivällä", "this afternoon") is
  a clock time from ``DayParts``. A lone "aamulla"/"in the morning" that has passed means tomorrow.
- "tunnin sisällä", "in 30 minutes", "within 2 days": ``base`` + the duration, ``has_time`` True.
- English "at 1" … "at 6" without am/pm is afternoon; Finnish clock times are 24-hour.
- Anything before ``base`` is ignored; of the rest, the earliest due time wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from vasteaika.reminders import promise_patterns as rx
from vasteaika.reminders import promise_words as W


@dataclass(frozen=True)
class Promise:
    due_at: datetime
    has_time: bool
    text: str  # the matched phrase


@dataclass(frozen=True)
class DayParts:
    """Clock times for aamulla/aamupäivällä/iltapäivällä/illalla and morning/afternoon/evening."""

    morning: time = time(9)
    forenoon: time = time(10)
    afternoon: time = time(13)
    evening: time = time(17)


# --- quoted text and signatures -----------------------------------------------------------------

def strip_quoted(text: str) -> str:
    """The reply's own words: no "> " lines, nothing from a quote header or signature onwards."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _starts_quote_or_signature(line, lines[i + 1 : i + 5]):
            break
        if not rx.QUOTE_LINE_RE.match(line):
            kept.append(line)
    return "\n".join(kept).strip()


def _starts_quote_or_signature(line: str, following: list[str]) -> bool:
    if rx.CUT_LINE_RE.match(line):
        return True
    if rx.ON_LINE_RE.match(line) and following and rx.WROTE_RE.search(following[0]):
        return True  # "On Wed, 25 Nov 2026 at 09:00, Maija <m@example.fi>" / "wrote:"
    header_block = any(rx.HEADER_NEXT_RE.match(n) for n in following)
    return bool(rx.HEADER_FROM_RE.match(line)) and header_block


# --- promise sentences --------------------------------------------------------------------------

def _promise_sentences(text: str) -> Iterator[str]:
    for paragraph in rx.PARAGRAPH_RE.split(text):
        joined = " ".join(paragraph.split())
        for sentence in rx.SENTENCE_END_RE.split(joined):
            if rx.PROMISE_FI_RE.search(sentence) or rx.PROMISE_EN_RE.search(sentence):
                yield sentence


# --- time expressions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Spec:
    """What one expression says; adjacent expressions merge ("huomenna" + "klo 10")."""

    day: date | None = None
    rank: int = 0  # 1 for a written date: it beats a weekday name right next to it
    clock: time | None = None
    part: str | None = None  # a DayParts field name
    needs_day: bool = False  # a bare English "afternoon" counts only next to a day
    delta: timedelta | None = None


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    spec: _Spec


@dataclass(frozen=True)
class _Context:
    base: datetime
    day_start: time
    parts: DayParts
    is_business_day: Callable[[date], bool]

    @property
    def today(self) -> date:
        return self.base.date()

    @property
    def next_monday(self) -> date:
        return self.today + timedelta(days=7 - self.today.weekday())

    def at(self, day: date, clock: time) -> datetime:
        return datetime.combine(day, clock, tzinfo=self.base.tzinfo)

    def dateparser_settings(self) -> dict[str, object]:
        return {
            "RELATIVE_BASE": self.base.replace(tzinfo=None),  # naive wall time in base's zone
            "PREFER_DATES_FROM": "future",
            "RETURN_AS_TIMEZONE_AWARE": False,  # we attach base's tzinfo ourselves
            "DATE_ORDER": "DMY",  # else "5.1." is the 1st of May
        }


Handler = Callable[[re.Match[str], _Context], _Spec | None]

_WEEKDAY_INDEX = {
    name: i
    for names in (W.FI_WEEKDAYS, W.EN_WEEKDAYS, W.FI_WEEKDAY_ABBREVIATIONS)
    for i, name in enumerate(names)
}
_NUMBERS = {**W.FI_NUMBERS, **W.EN_NUMBERS}
_PARTS = {**W.FI_DAY_PARTS, **W.EN_DAY_PARTS}

def _clock(m: re.Match[str], ctx: _Context) -> _Spec:
    return _Spec(clock=time(int(m["h"]), int(m["m"] or 0)))


def _ampm(m: re.Match[str], ctx: _Context) -> _Spec:
    ap = (m.groupdict().get("ap1") or m["ap"]).lower()
    hour = int(m["h"]) % 12 + (12 if ap.startswith("p") else 0)
    return _Spec(clock=time(hour, int(m["m"] or 0)))


def _at_clock(m: re.Match[str], ctx: _Context) -> _Spec:
    hour = int(m["h"])
    if m["m"] is None and 1 <= hour <= 6:
        hour += 12  # "tomorrow at 3" is an office-hours promise, not 3 a.m.
    return _Spec(clock=time(hour, int(m["m"] or 0)))


def _part(m: re.Match[str], ctx: _Context) -> _Spec:
    pre = (m["pre"] or "").lower()
    key = " ".join(m["p"].lower().split())
    day = ctx.today if pre.endswith("this") else None
    return _Spec(day=day, part=_PARTS[key], needs_day=key in W.EN_DAY_PARTS and not pre)


def _compound(m: re.Match[str], ctx: _Context) -> _Spec:
    days, part = W.COMPOUNDS[m[0].lower()]
    return _Spec(day=ctx.today + timedelta(days=days), part=part)


def _days_after(days: int) -> Handler:
    return lambda m, ctx: _Spec(day=ctx.today + timedelta(days=days))


def _weekday(m: re.Match[str], ctx: _Context) -> _Spec:
    ahead = (_WEEKDAY_INDEX[m["wd"].lower()] - ctx.today.weekday()) % 7 or 7
    return _Spec(day=ctx.today + timedelta(days=ahead))


def _next_week_day(m: re.Match[str], ctx: _Context) -> _Spec:
    index = _WEEKDAY_INDEX[(m["wd"] or m["wd2"]).lower()]
    return _Spec(day=ctx.next_monday + timedelta(days=index))


def _next_week(m: re.Match[str], ctx: _Context) -> _Spec | None:
    days = (ctx.next_monday + timedelta(days=i) for i in range(31))
    first = next((d for d in days if ctx.is_business_day(d)), None)
    return None if first is None else _Spec(day=first)


def _num_date(m: re.Match[str], ctx: _Context) -> _Spec | None:
    year = m["y"]
    if year is None:
        day = _next_date(ctx.today, int(m["m"]), int(m["d"]))
    else:
        day = _valid_date(int(year) + (2000 if len(year) == 2 else 0), int(m["m"]), int(m["d"]))
    return None if day is None else _Spec(day=day, rank=1)


def _month_date(m: re.Match[str], ctx: _Context) -> _Spec | None:
    import dateparser  # imported when needed: it costs a tenth of a second at every start

    try:
        parsed = dateparser.parse(
            m[0], languages=["fi", "en"],
            settings={**ctx.dateparser_settings(), "REQUIRE_PARTS": ["day", "month"]},
        )  # fmt: skip
    except Exception:  # dateparser's heuristics can fail in many ways; that means "no date"
        return None
    if parsed is None:
        return None
    if m["y"] is not None:
        return _Spec(day=parsed.date(), rank=1)
    # Its year is unreliable ("25 November" on 25 November is next year): apply our own rule.
    day = _next_date(ctx.today, parsed.month, parsed.day)
    return None if day is None else _Spec(day=day, rank=1)


def _relative(m: re.Match[str], ctx: _Context) -> _Spec | None:
    number = m["n"] or m["n2"]
    unit = (m["u"] or m["u2"] or m["u3"]).lower()
    if unit == "päivän" and m["suffix"] == "aikana" and number is None:
        return None  # "päivän aikana" is "during the day"
    if number is None or unit == "vartin":
        count = 1.0
    else:
        count = float(number) if number.isdigit() else _NUMBERS[" ".join(number.lower().split())]
    return _Spec(delta=count * W.UNITS[unit[:3]])


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_date(today: date, month: int, day: int) -> date | None:
    """The first day/month on or after ``today`` (29.2. may be years away)."""
    candidates = (_valid_date(today.year + i, month, day) for i in range(9))
    return next((d for d in candidates if d is not None and d >= today), None)


# Earlier rules win a tie on start and length; a longer match at the same place always wins.
TOKEN_RULES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (rx.RELATIVE_RE, _relative),
    (rx.FI_CLOCK_RE, _clock),
    (rx.AMPM_RANGE_RE, _ampm),
    (rx.AMPM_CLOCK_RE, _ampm),
    (rx.AT_CLOCK_RE, _at_clock),
    (rx.COLON_CLOCK_RE, _clock),
    (rx.DOT_CLOCK_RE, _clock),
    (rx.NOON_RE, lambda m, ctx: _Spec(clock=time(12))),
    (rx.COMPOUND_RE, _compound),
    (rx.PART_RE, _part),
    (rx.TODAY_RE, _days_after(0)),
    (rx.TOMORROW_RE, _days_after(1)),
    (rx.DAY_AFTER_RE, _days_after(2)),
    (rx.PAST_RE, _days_after(-1)),
    (rx.NEXT_WEEK_DAY_RE, _next_week_day),
    (rx.NEXT_WEEK_RE, _next_week),
    (rx.WEEKDAY_RE, _weekday),
    (rx.WEEKDAY_ABBR_RE, _weekday),
    (rx.NUM_DATE_RE, _num_date),
    (rx.ISO_DATE_RE, lambda m, ctx: _num_date(m, ctx)),
    (rx.MONTH_DATE_RE, _month_date),
)


def _tokens(sentence: str, ctx: _Context) -> list[_Token]:
    found: list[_Token] = []
    for regex, handler in TOKEN_RULES:
        for m in regex.finditer(sentence):
            spec = handler(m, ctx)
            if spec is not None and not _is_until(sentence, m):
                found.append(_Token(m.start(), m.end(), spec))
    found.sort(key=lambda t: (t.start, t.start - t.end))
    kept: list[_Token] = []
    for token in found:
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return kept


def _is_until(sentence: str, m: re.Match[str]) -> bool:
    """A validity limit ("voimassa 31.12. asti", "until Friday"), not a promised time."""
    before, after = sentence[: m.start()], sentence[m.end() :]
    return bool(rx.UNTIL_BEFORE_RE.search(before) or rx.UNTIL_AFTER_RE.match(after))


def _merge(a: _Spec, b: _Spec, gap: str) -> _Spec | None:
    """One spec from two expressions a short gap apart, or None when they say different things."""
    words = rx.GAP_WORD_RE.findall(gap)
    if len(words) > 3 or any(w.lower() in W.GAP_STOP_WORDS for w in words) or re.search("[;()]", gap):
        return None
    if a.delta or b.delta or (a.clock and b.clock) or (a.part and b.part):
        return None
    if (a.needs_day or b.needs_day) and not rx.TIGHT_GAP_RE.fullmatch(gap):
        return None  # "tomorrow morning", but not "tomorrow, have a nice evening"
    day, rank = a.day or b.day, max(a.rank, b.rank)
    if a.day and b.day:
        if a.rank == b.rank or not rx.TIGHT_GAP_RE.fullmatch(gap):
            return None
        day = a.day if a.rank > b.rank else b.day  # "perjantaina 27.11.": the date
    return _Spec(day=day, rank=rank, clock=a.clock or b.clock, part=a.part or b.part,
                 needs_day=a.needs_day or b.needs_day)  # fmt: skip


def _groups(sentence: str, tokens: list[_Token]) -> Iterator[tuple[_Spec, str]]:
    spec, start, end = tokens[0].spec, tokens[0].start, tokens[0].end
    for token in tokens[1:]:
        merged = _merge(spec, token.spec, sentence[end : token.start])
        if merged is None:
            yield spec, sentence[start:end]
            spec, start = token.spec, token.start
        else:
            spec = merged
        end = token.end
    yield spec, sentence[start:end]


def _due(spec: _Spec, ctx: _Context) -> tuple[datetime, bool] | None:
    if spec.delta is not None:
        return ctx.base + spec.delta, True
    if spec.needs_day and spec.day is None:
        return None
    clock = spec.clock
    if clock and spec.part in ("afternoon", "evening") and clock.hour < 12:
        clock = clock.replace(hour=clock.hour + 12)  # "klo 3 iltapäivällä"
    if clock is None and spec.part is not None:
        clock = getattr(ctx.parts, spec.part)
    day = spec.day or ctx.today
    if clock is None:  # "the start of that business day": a day off moves to the next one
        for _ in range(14):
            if ctx.is_business_day(day):
                break
            day += timedelta(days=1)
    due = ctx.at(day, clock or ctx.day_start)
    if spec.day is None and spec.clock is None and spec.part == "morning" and due < ctx.base:
        due = ctx.at(day + timedelta(days=1), clock or ctx.day_start)
    return due, clock is not None


def _fallback(sentence: str, ctx: _Context) -> Iterator[Promise]:
    """dateparser's reading of a promise sentence in which none of our expressions occur."""
    from dateparser.search import search_dates  # imported when needed, as in _month_date

    try:
        found = search_dates(sentence, languages=["fi", "en"], settings=ctx.dateparser_settings())
    except Exception:  # dateparser's heuristics can fail in many ways; that means "no date"
        return
    for phrase, naive in found or ():
        if not rx.PLAUSIBLE_RE.search(phrase):
            continue  # "to" is Finnish for Thursday to dateparser; "15" is the 15th
        written = rx.PHRASE_CLOCK_RE.search(phrase)
        if written is None:
            yield Promise(ctx.at(naive.date(), ctx.day_start), False, phrase)
        elif _written_clock(written) == naive.time():
            yield Promise(ctx.at(naive.date(), naive.time()), True, phrase)


def _written_clock(m: re.Match[str]) -> time:
    if m["h"] is not None:
        return time(int(m["h"]), int(m["m"]))
    if m["h3"] is not None:
        return time(int(m["h3"]))
    return time(int(m["h2"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0))


def _promises_in(sentence: str, ctx: _Context) -> Iterator[Promise]:
    tokens = _tokens(sentence, ctx)
    if not tokens:
        yield from _fallback(sentence, ctx)
        return
    for spec, phrase in _groups(sentence, tokens):
        due = _due(spec, ctx)
        if due is not None:
            yield Promise(due[0], due[1], phrase)


def _is_weekday(day: date) -> bool:
    return day.weekday() < 5


def find_promise(
    text: str,
    base: datetime,
    *,
    day_start: time = time(8),
    parts: DayParts = DayParts(),  # frozen, so sharing it is safe
    is_business_day: Callable[[date], bool] | None = None,
) -> Promise | None:
    """The earliest callback time promised in ``text``, not before ``base`` (the reply's send time).

    Results are aware in ``base``'s timezone; see the module docstring for the rules.
    """
    ctx = _Context(base, day_start, parts, is_business_day or _is_weekday)
    found = (
        promise
        for sentence in _promise_sentences(strip_quoted(text))
        for promise in _promises_in(sentence, ctx)
        if promise.due_at >= base
    )
    return min(found, key=lambda p: p.due_at, default=None)
