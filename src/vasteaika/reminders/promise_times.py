"""Reading the time expressions of one promise sentence: each expression a ``Spec``, adjacent
ones merged ("huomenna" + "klo 10"), each group resolved to a due time, an unreadable mark, or
nothing (a past event). Apart from ``promises`` (sentences, quotes, kinds, the public API) so
that the rules that turn words into a moment stay in one place; the words are
``promise_words``', the regexes ``promise_patterns``'. The rules are told in ``promises``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from vasteaika.reminders import promise_patterns as rx
from vasteaika.reminders import promise_words as W

RECENT_PAST = timedelta(days=60)  # a date this recent is a mistake, not next year's
NIGHT_END = time(4)  # "huomenna" written before this is the day that is starting


@dataclass(frozen=True)
class DayParts:
    """Windows for aamulla/aamupäivällä/iltapäivällä/illalla and morning/afternoon/evening: a
    promise in one is due at its start (or at once when written inside it), without a time."""

    morning: time = time(8)
    forenoon: time = time(8)
    afternoon: time = time(12)
    evening: time = time(17)
    morning_end: time = time(10)
    forenoon_end: time = time(12)
    afternoon_end: time = time(16)
    evening_end: time = time(21)

    def window(self, part: str) -> tuple[time, time]:
        start: time = getattr(self, part)
        end: time = getattr(self, f"{part}_end")
        return start, end


@dataclass(frozen=True)
class Spec:
    """What one expression says; adjacent expressions merge ("huomenna" + "klo 10")."""

    day: date | None = None
    rank: int = 0  # 1 for a written date: it beats a weekday name right next to it
    weekday: int | None = None  # the weekday a name said, to check a date next to it
    same_weekday: bool = False  # a weekday named on that day: today if the time is still ahead
    clock: time | None = None
    reading: str | None = None  # "pm": an hour 1-5 is afternoon; "open": 6/7 needs a day part
    part: str | None = None  # a DayParts field name
    needs_day: bool = False  # a bare English "afternoon" counts only next to a day
    delta: timedelta | None = None
    window: str | None = None  # "after", "by", or a day part
    past: bool = False  # "eilen", "last Friday": an event, not a promise
    unreadable: str | None = None  # why this expression cannot be read without guessing


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    spec: Spec


@dataclass(frozen=True)
class Context:
    base: datetime
    day_start: time
    day_end: time
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

    def business_day_from(self, day: date) -> date:
        for _ in range(31):
            if self.is_business_day(day):
                return day
            day += timedelta(days=1)
        return day


@dataclass(frozen=True)
class Resolved:
    due_at: datetime | None  # None: unreadable
    has_time: bool
    window: str | None
    reason: str | None = None


Handler = Callable[[re.Match[str], Context], Spec | None]

_WEEKDAY_INDEX = {
    name: i
    for names in (W.FI_WEEKDAYS, W.EN_WEEKDAYS, W.SV_WEEKDAYS, W.FI_WEEKDAY_ABBREVIATIONS)
    for i, name in enumerate(names)
}
_NUMBERS = {**W.FI_NUMBERS, **W.EN_NUMBERS, **W.SV_NUMBERS}
_PARTS = {**W.FI_DAY_PARTS, **W.EN_DAY_PARTS}
_MONTHS = {
    **{f"{stem}{end}": i + 1 for i, stem in enumerate(W.FI_MONTH_STEMS) for end in ("n", "ta", "ssa")},
    **{name: i + 1 for names in (W.EN_MONTH_NAMES, W.SV_MONTH_NAMES) for i, name in enumerate(names)},
    **W.MONTH_ABBREVIATIONS,
}


def _hour_reading(hour: int, minute: int = 0) -> Spec:
    """A spoken or bare hour 1-12 in working hours: 1-5 afternoon, 6-7 open, 8-12 as said."""
    hour = hour % 12 or 12
    reading = "pm" if hour <= 5 else "open" if hour <= 7 else None
    return Spec(clock=time(hour, minute), reading=reading)


def _clock(m: re.Match[str], ctx: Context) -> Spec:
    hour, minute = int(m["h"]), int(m["m"] or 0)
    if 1 <= hour <= 5 and not m["h"].startswith("0"):
        return Spec(clock=time(hour, minute), reading="pm")  # "klo 3": 15:00 in working hours
    return Spec(clock=time(hour, minute))  # "klo 05.30": the 24-hour clock, as written


def _ampm(m: re.Match[str], ctx: Context) -> Spec:
    ap = (m.groupdict().get("ap1") or m["ap"]).lower()
    hour = int(m["h"]) % 12 + (12 if ap.startswith("p") else 0)
    return Spec(clock=time(hour, int(m["m"] or 0)))


def _at_clock(m: re.Match[str], ctx: Context) -> Spec:
    hour, minute = int(m["h"]), int(m["m"] or 0)
    if 1 <= hour <= 12 and not m["h"].startswith("0"):
        return _hour_reading(hour, minute)  # "at 3:30" is an office-hours promise, not 3.30 a.m.
    return Spec(clock=time(hour, minute))


def _fi_spoken(m: re.Match[str], ctx: Context) -> Spec | None:
    hour, cases = W.FI_HOUR_FORMS[m["hw"].lower()]
    lead = (m["lead"] or "").lower().rstrip(".")
    rel = (m["rel"] or "").lower()
    modified = bool(m["half"] or m["min"])
    allowed = ("abl" in cases or modified or ("nom" in cases and lead in W.FI_CLOCK_WORDS)
               or ("gen" in cases and bool(rel)) or ("par" in cases and lead == W.FI_BEFORE_WORD))  # fmt: skip
    if not allowed or (lead == W.FI_BEFORE_WORD and "par" not in cases):
        return None
    minute = 0
    if m["half"]:
        hour, minute = hour - 1, 30
    elif m["min"]:
        step = W.FI_MINUTE_WORDS[m["min"].lower()]
        before = m["dir"].lower().startswith("vai")
        hour, minute = (hour - 1, 60 - step) if before else (hour, step)
    window = "after" if rel in W.FI_AFTER_WORDS else "by" if lead == W.FI_BEFORE_WORD else None
    return replace(_hour_reading(hour, minute), window=window)


def _spoken(hours: dict[str, int], minutes: dict[str, int], half_before: bool) -> Handler:
    def handler(m: re.Match[str], ctx: Context) -> Spec | None:
        groups = m.groupdict()
        raw = next(groups[g] for g in ("h", "h2", "h3", "h4") if groups.get(g)).lower()
        hour = int(raw) if raw.isdigit() else hours[raw]
        if m["half"]:
            return _hour_reading(hour - 1, 30) if half_before else _hour_reading(hour, 30)
        if m["min"]:
            text = m["min"].lower()
            step = int(text) if text.isdigit() else minutes[text]
            if m["dir"].lower() in ("to", "i"):
                return _hour_reading(hour - 1, 60 - step)
            return _hour_reading(hour, step)
        if groups.get("h4"):
            return replace(_hour_reading(hour), window="after")
        if groups.get("h3") or groups.get("h2"):
            return _hour_reading(hour)
        return None

    return handler


def _sv_spoken(m: re.Match[str], ctx: Context) -> Spec | None:
    if m["h2"] and not m["min"]:
        return None  # a bare number word is not a time
    if m["min"] and m["half"]:  # "fem i halv tre": 14:25
        hour = int(m["h"]) if m["h"].isdigit() else W.SV_HOUR_WORDS[m["h"].lower()]
        step = W.SV_MINUTE_WORDS[m["min"].lower()]
        sign = -1 if m["dir"].lower() == "i" else 1
        moment = datetime(2000, 1, 1, hour - 1, 30) + sign * timedelta(minutes=step)
        return _hour_reading(moment.hour, moment.minute)
    return _spoken(W.SV_HOUR_WORDS, W.SV_MINUTE_WORDS, half_before=True)(m, ctx)


def _open_hour(m: re.Match[str], ctx: Context) -> Spec:
    return _hour_reading(int(m["h"]))


def _part(m: re.Match[str], ctx: Context) -> Spec:
    pre = (m["pre"] or "").lower()
    key = " ".join(m["p"].lower().split())
    part = _PARTS[key]
    return Spec(day=ctx.today if pre.endswith("this") else None, part=part, window=part,
                needs_day=key in W.EN_DAY_PARTS and not pre)  # fmt: skip


def _other_part(m: re.Match[str], ctx: Context) -> Spec:
    part = W.OTHER_DAY_PARTS[" ".join(m["p"].lower().split())]
    return Spec(part=part, window=part)


def _compound(m: re.Match[str], ctx: Context) -> Spec:
    days, part = W.COMPOUNDS[" ".join(m[0].lower().split())]
    return Spec(day=_day_after(ctx, days), part=part, window=part)


def _day_after(ctx: Context, days: int) -> date:
    if days >= 1 and ctx.base.time() < NIGHT_END:
        days -= 1  # "huomenna" at 00:30 is the day that is starting: the earlier reading
    return ctx.today + timedelta(days=days)


def _days_after(days: int) -> Handler:
    return lambda m, ctx: Spec(day=_day_after(ctx, days), past=days < 0)


def _weekday(m: re.Match[str], ctx: Context) -> Spec:
    index = _WEEKDAY_INDEX[m["wd"].lower()]
    ahead = (index - ctx.today.weekday()) % 7 or 7
    if ahead == 7 and m[0].lower().startswith(W.NEXT_LEADS):
        return Spec(unreadable=f"{m[0]}: today or a week from today?")
    return Spec(day=ctx.today + timedelta(days=ahead), weekday=index, same_weekday=ahead == 7)


def _next_week_day(m: re.Match[str], ctx: Context) -> Spec:
    index = _WEEKDAY_INDEX[(m["wd"] or m["wd2"]).lower()]
    return Spec(day=ctx.next_monday + timedelta(days=index), weekday=index)


def _next_week(m: re.Match[str], ctx: Context) -> Spec:
    return Spec(day=ctx.business_day_from(ctx.next_monday), window="week")


def _week_number(m: re.Match[str], ctx: Context) -> Spec:
    """ISO week ``w`` of the ISO year today is in, or of the next one when this year's ended more
    than RECENT_PAST ago (as a date); due on its first business day left, or at once on its last
    days off. A week this year does not have (0, 54, a 53 in a 52-week year) is no date."""
    week, year = int(m["w"]), ctx.today.isocalendar().year
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return Spec(unreadable=f"{m[0]} is no date")
    if ctx.today - monday > timedelta(days=6):
        if ctx.today - monday > RECENT_PAST + timedelta(days=6):
            monday = date.fromisocalendar(year + 1, week, 1)  # only a week < 53 ends so early
        else:
            return Spec(unreadable=f"{m[0]} has passed")
    first = max(monday, ctx.today)
    day = ctx.business_day_from(first)
    return Spec(day=day if day - monday <= timedelta(days=6) else first, window="week")


def _month_window(m: re.Match[str], ctx: Context) -> Spec:
    named = m["ess"] or m["name"]
    month = _MONTHS[named.lower()] if named else ctx.today.month % 12 + 1
    if month == ctx.today.month and not m["next"]:
        return Spec(day=ctx.today, window="month")
    year = ctx.today.year + (month < ctx.today.month)
    return Spec(day=ctx.business_day_from(date(year, month, 1)), window="month")


def _num_date(m: re.Match[str], ctx: Context) -> Spec | None:
    year = m.groupdict().get("y")
    full_year = None if year is None else int(year) + (2000 if len(year) == 2 else 0)
    if not 1 <= int(m["m"]) <= 12:
        return None  # "14.30.": a clock time at the end of a sentence
    return _date_spec(ctx, int(m["d"]), int(m["m"]), full_year)


def _nodot_date(m: re.Match[str], ctx: Context) -> Spec | None:
    day, month = int(m["d"]), int(m["m"])
    if not 1 <= month <= 12:
        return None  # "14.30", "15.50": a clock time or a price, read elsewhere
    if day <= 23 and not rx.CLOCK_AFTER_RE.match(m.string, m.end()):
        return Spec(unreadable=f"{m[0]} is a date or a clock time")
    return _date_spec(ctx, day, month, None)


def _slash_date(m: re.Match[str], ctx: Context) -> Spec | None:
    if int(m["a"]) <= 12 and int(m["b"]) <= 12:
        return Spec(unreadable=f"{m[0]}: which is the day and which the month?")
    return None


def _month_name_date(m: re.Match[str], ctx: Context) -> Spec | None:
    day = next(int(m[g]) for g in ("d1", "d2", "d3", "d4") if m[g])
    name = next(m[g] for g in ("gen", "par", "n1", "n2") if m[g]).lower().rstrip(".")
    year = next((int(m[g]) for g in ("y1", "y2", "y3", "y4") if m[g]), None)
    return _date_spec(ctx, day, _MONTHS[name], year)


def _ordinal_day(m: re.Match[str], ctx: Context) -> Spec:
    day = int(m["d"])
    month, year = ctx.today.month, ctx.today.year
    if day < ctx.today.day:
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    found = _valid_date(year, month, day)
    if found is None:
        return Spec(unreadable=f"{m[0]}: no such day this month")
    return Spec(day=found, rank=1)


def _date_spec(ctx: Context, day: int, month: int, year: int | None) -> Spec:
    text = f"{day}.{month}." + (f"{year}" if year else "")
    if year is not None:
        found = _valid_date(year, month, day)
        if found is None or found < ctx.today:
            return Spec(unreadable=f"{text} is not a day ahead")
        return Spec(day=found, rank=1)
    this_year = _valid_date(ctx.today.year, month, day)
    if this_year is not None and this_year >= ctx.today:
        return Spec(day=this_year, rank=1)
    if this_year is not None and ctx.today - this_year <= RECENT_PAST:
        return Spec(unreadable=f"{text} has passed")
    nxt = next((d for i in range(1, 9) if (d := _valid_date(ctx.today.year + i, month, day))), None)
    if nxt is None or (this_year is None and month == ctx.today.month):
        return Spec(unreadable=f"{text} is no date")
    return Spec(day=nxt, rank=1)


def _relative(m: re.Match[str], ctx: Context) -> Spec | None:
    groups = m.groupdict()
    number = groups.get("n") or groups.get("n2")
    unit = (groups.get("u") or groups.get("u2") or groups.get("u3") or "").lower()
    if unit == "päivän" and groups.get("suffix") == "aikana" and number is None:
        return None  # "päivän aikana" is "during the day"
    if number is None:
        count = 1.0
    else:
        count = float(number) if number.isdigit() else _NUMBERS[" ".join(number.lower().split())]
    return Spec(delta=count * W.UNITS[unit[:3]])


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Earlier rules win a tie on start and length; a longer match at the same place always wins.
TOKEN_RULES: tuple[tuple[re.Pattern[str], Handler], ...] = (
    (rx.RELATIVE_RE, _relative),
    (rx.SV_RELATIVE_RE, _relative),
    (rx.FI_CLOCK_RE, _clock),
    (rx.FI_SPOKEN_RE, _fi_spoken),
    (rx.EN_SPOKEN_RE, _spoken(W.EN_HOUR_WORDS, W.EN_MINUTE_WORDS, half_before=False)),
    (rx.SV_SPOKEN_RE, _sv_spoken),
    (rx.AMPM_RANGE_RE, _ampm),
    (rx.AMPM_CLOCK_RE, _ampm),
    (rx.AT_CLOCK_RE, _at_clock),
    (rx.AT_HOUR_RE, _open_hour),
    (rx.COLON_CLOCK_RE, _clock),  # a bare '3.30' is read as 'klo 3.30' is: 15:30
    (rx.DOT_CLOCK_RE, _clock),
    (rx.NOON_RE, lambda m, ctx: Spec(clock=time(12))),
    (rx.DAY_END_RE, lambda m, ctx: Spec(clock=ctx.day_end, window="by")),
    (rx.COMPOUND_RE, _compound),
    (rx.PART_RE, _part),
    (rx.OTHER_PART_RE, _other_part),
    (rx.TODAY_RE, _days_after(0)),
    (rx.TOMORROW_RE, _days_after(1)),
    (rx.DAY_AFTER_RE, _days_after(2)),
    (rx.PAST_RE, _days_after(-1)),
    (rx.NEXT_WEEK_DAY_RE, _next_week_day),
    (rx.NEXT_WEEK_RE, _next_week),
    (rx.WEEK_NUMBER_RE, _week_number),
    (rx.MONTH_WINDOW_RE, _month_window),
    (rx.WEEKDAY_RE, _weekday),
    (rx.WEEKDAY_ABBR_RE, _weekday),
    (rx.NUM_DATE_RE, _num_date),
    (rx.ISO_DATE_RE, _num_date),
    (rx.MONTH_NAME_DATE_RE, _month_name_date),
    (rx.ORDINAL_DAY_RE, _ordinal_day),
    (rx.NODOT_DATE_RE, _nodot_date),
    (rx.SLASH_DATE_RE, _slash_date),
)


def tokens(sentence: str, ctx: Context) -> list[Token]:
    found: list[Token] = []
    for regex, handler in TOKEN_RULES:
        for m in regex.finditer(sentence):
            spec = handler(m, ctx)
            if spec is not None and not _is_until(sentence, m):
                found.append(Token(m.start(), m.end(), spec))
    found.sort(key=lambda t: (t.start, t.start - t.end))
    kept: list[Token] = []
    for token in found:
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return kept + _residue(sentence, kept)


def _residue(sentence: str, kept: list[Token]) -> list[Token]:
    """A clock word or date left over ("klo" with no hour, "13:75"): there, but not understood."""
    left: list[Token] = []
    for m in rx.RESIDUE_RE.finditer(sentence):
        if not any(t.start <= m.start() < t.end for t in kept):
            left.append(Token(m.start(), m.end(), Spec(unreadable=f"{m[0]!r} not understood")))
    return left


def _is_until(sentence: str, m: re.Match[str]) -> bool:
    """A validity limit ("voimassa 31.12. asti", "until Friday"), not a promised time."""
    before, after = sentence[: m.start()], sentence[m.end() :]
    return bool(rx.UNTIL_BEFORE_RE.search(before) or rx.UNTIL_AFTER_RE.match(after))
