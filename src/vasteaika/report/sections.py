"""The one view every human format of the report draws: the record as a list of titled sections of
localised text cells (``sections``). The terminal table, Markdown and HTML only lay these out,
so the numbers agree across formats by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from vasteaika.report.labels import TEXT, WEEKDAYS
from vasteaika.report.model import Bucket, Durations, WeekReport
from vasteaika.report.values import (
    bucket_label,
    day,
    days,
    duration,
    number,
    percent,
    short_moment,
    week_label,
)

SHOWN = 50  # unanswered conversations listed in the human formats (JSON/CSV list them all)
BAR = "█"


@dataclass
class Section:
    title: str
    headers: tuple[str, ...] = ()
    rows: Sequence[tuple[str, ...]] = ()
    numeric: tuple[bool, ...] = ()  # right-aligned columns
    note: str = ""
    bars: tuple[Bucket, ...] = ()  # the histogram: drawn as bars (text) or SVG (HTML)
    optional: tuple[int, ...] = ()  # columns a narrow terminal leaves out (wall-clock medians)


def period_text(report: WeekReport, lang: str) -> str:
    last = report.until - timedelta(seconds=1)
    return f"{day(report.since, lang)} – {day(last, lang)}"


def sections(report: WeekReport, lang: str) -> list[Section]:
    t = TEXT[lang]
    out = [_summary(report, lang)]
    if not report.is_empty:
        out += [_responses(report, lang), _tiers(report, lang), _unanswered(report, lang)]
        out += [_histogram(report, lang), *_rhythm(report, lang)]
    out.append(_promises(report, lang))
    out.append(_trend(report, lang))
    if not report.is_empty:
        out.append(_key_customers(report, lang))
    out.append(_silent(report, lang))
    return [s for s in out if s.rows or s.note or s.title == t["summary"]]


def _summary(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]
    rows = [(t["period"], period_text(r, lang))]
    if r.is_empty:
        return Section(t["summary"], (), rows, (False, False), note=t["empty"])
    ack = r.acknowledged
    rows += [
        (t["contacts"], number(r.contacts, lang)),
        (t["answered"], f"{number(r.answered, lang)} ({percent(r.answered / r.contacts, lang)})"),
        (t["unanswered"], number(len(r.unanswered), lang)),
        (
            t["acknowledged"],
            f"{number(ack.count, lang)} ({percent(ack.share, lang)}),"
            f" {t['ack_median']} {duration(ack.median_seconds, lang)}",
        ),
        (t["within"], percent(r.within_promise_share, lang)),
        (
            t["new_leads"],
            f"{number(r.new_leads.contacts, lang)},"
            f" {t['answer_rate']} {percent(r.new_leads.answer_rate, lang)}",
        ),
        (
            t["repeat"],
            f"{number(r.repeat_customers.contacts, lang)},"
            f" {t['answer_rate']} {percent(r.repeat_customers.answer_rate, lang)}",
        ),
    ]
    if r.next_response.count:
        line = t["next_line"].format(
            n=number(r.next_response.count, lang),
            wall=duration(r.next_response.median, lang),
            business=duration(r.next_business_response.median, lang),
        )
        rows.append((t["next"], line))
    return Section(t["summary"], (), rows, (False, False))


def _responses(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]

    def row(name: str, d: Durations) -> tuple[str, ...]:
        return (name, duration(d.median, lang), duration(d.p90, lang), duration(d.max, lang))

    return Section(
        t["response"],
        ("", t["median"], t["p90"], t["max"]),
        [row(t["wall"], r.response), row(t["business"], r.business_response)],
        (False, True, True, True),
    )


def _tiers(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]
    rows = [
        (
            name,
            duration(tier.promise_seconds, lang),
            number(tier.contacts, lang),
            number(tier.answered, lang),
            number(tier.within, lang),
            percent(tier.share, lang),
            duration(tier.median_response_seconds, lang),
            duration(tier.median_business_seconds, lang),
        )
        for name, tier in ((t["key_tier"], r.key_tier), (t["other_tier"], r.other_tier))
        if tier.contacts
    ]
    headers = (t["tier"], t["promise"], t["contacts"], t["answered"], t["in_promise"], t["share"],
               t["median_wall"], t["median_business"])  # fmt: skip
    return Section(t["tiers"], headers, rows, (False, *(True,) * 7), optional=(6,))


def _unanswered(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]
    rows = [
        (
            w.customer_name or w.customer_email,
            w.subject or t["no_subject"],
            short_moment(w.waiting_since or w.first_contact_at, lang),
            duration(w.waiting_seconds, lang),
            t["key"] if w.key_customer else (t["new"] if w.new_lead else ""),
        )
        for w in r.unanswered[:SHOWN]
    ]
    more = len(r.unanswered) - SHOWN
    headers = (t["customer"], t["subject"], t["received"], t["waited"], t["kind"])
    note = t["more"].format(n=number(more, lang)) if more > 0 else ""
    return Section(t["waiting"], headers, rows, (False, False, False, True, False), note)


def _histogram(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]
    rows = [(bucket_label(b, lang), number(b.count, lang)) for b in r.histogram]
    return Section(t["histogram"], (t["range"], t["count"]), rows, (False, True), bars=r.histogram)


def _rhythm(r: WeekReport, lang: str) -> list[Section]:
    t = TEXT[lang]
    weekdays = [
        (t["contacts"], *(number(d.contacts, lang) for d in r.by_weekday)),
        (t["replies"], *(number(d.replies, lang) for d in r.by_weekday)),
    ]
    hours = [
        (
            f"{h.hour:02d}–{(h.hour + 1) % 24:02d}",
            number(h.contacts, lang),
            number(h.replies, lang),
            duration(h.median_response_seconds, lang),
            duration(h.median_business_seconds, lang),
        )
        for h in r.by_hour
        if h.contacts or h.replies
    ]
    return [
        Section(t["weekdays"], ("", *WEEKDAYS[lang]), weekdays, (False, *(True,) * 7)),
        Section(
            t["hours"],
            (t["hour"], t["contacts"], t["replies"], t["median_wait_wall"], t["median_wait"]),
            hours,
            (False, True, True, True, True),
            optional=(3,),
        ),
    ]


def _promises(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]
    p = r.promises
    headers = (t["due"], t["on_time"], t["late"], t["missed"], t["open"])
    values = (p.due, p.on_time, p.late, p.missed, p.open)
    note = t["grace"].format(grace=duration(p.grace_seconds, lang))
    rows = [tuple(number(v, lang) for v in values)] if p.due else []
    return Section(t["promises"], headers, rows, (True,) * 5, note if p.due else "")


def _trend(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]
    rows = [
        (
            week_label(w.since),
            number(w.contacts, lang),
            number(w.answered, lang),
            duration(w.median_business_seconds, lang),
            duration(w.p90_business_seconds, lang),
            percent(w.within_promise_share, lang),
        )
        for w in r.trend
    ]
    one_week = r.until - r.since == timedelta(days=7) and r.since.weekday() == 0
    this = (
        week_label(r.since)
        if one_week
        else f"{r.since:%d.%m.}–{r.until - timedelta(days=1):%d.%m.}"
    )
    rows.append(
        (
            f"{this} ({t['this']})",
            number(r.contacts, lang),
            number(r.answered, lang),
            duration(r.business_response.median, lang),
            duration(r.business_response.p90, lang),
            percent(r.within_promise_share, lang),
        )
    )
    headers = (t["week"], t["contacts"], t["answered"], t["median"], t["p90"], t["share"])
    return Section(t["trend"], headers, rows, (False, True, True, True, True, True))


def _key_customers(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]
    source = t["key_config"] if r.key_customers_source == "config" else t["key_auto"]
    rows = [
        (
            k.customer,
            number(k.contacts, lang),
            number(k.answered, lang),
            number(k.within_promise, lang),
            duration(k.median_response_seconds, lang),
            duration(k.median_business_seconds, lang),
        )
        for k in r.key_customers
    ]
    headers = (t["customer"], t["contacts"], t["answered"], t["in_promise"],
               t["median_wall"], t["median_business"])  # fmt: skip
    note = source if rows else f"{t['key_none']} ({source})"
    return Section(t["key_customers"], headers, rows, (False, *(True,) * 5), note, optional=(4,))


def _silent(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]
    rows = [
        (
            s.customer,
            number(s.conversations, lang),
            "–" if s.usual_interval_seconds is None else days(s.usual_interval_seconds, lang, "every"),
            day(s.last_contact_at, lang),
            days(s.silent_seconds, lang),
            ", ".join(t[f"why_{k}"] for k in s.reasons),
        )
        for s in r.silent_customers
    ]
    headers = (t["customer"], t["conversations"], t["interval"], t["last"], t["silent_for"],
               t["why"])  # fmt: skip
    note = t["silent_none"] if not rows else ""
    if r.silent_customers_total > len(rows):
        note = t["shown_of"].format(shown=len(rows), total=number(r.silent_customers_total, lang))
    return Section(t["silent"], headers, rows, (False, True, True, False, True, False), note)


def fitted(s: Section, width: int) -> Section:
    """``s`` without its optional columns when its cells and the longest word of each header
    (headers wrap) would not fit ``width`` with three characters between columns (the table's
    padding and rule): a number is never cut, a column is left out instead."""
    if not s.optional:
        return s
    widths = [
        max([*(len(w) for w in h.split()), *(len(row[i]) for row in s.rows)]) + 3
        for i, h in enumerate(s.headers)
    ]
    if sum(widths) <= width:
        return s
    keep = [i for i in range(len(s.headers)) if i not in s.optional]

    def pick(values: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(values[i] for i in keep)

    rows = [pick(row) for row in s.rows]
    return Section(s.title, pick(s.headers), rows, pick(s.numeric), s.note, s.bars)


def bar_rows(s: Section, room: int) -> list[tuple[str, ...]]:
    top = max((b.count for b in s.bars), default=0)
    return [
        (*row, BAR * (round(b.count / top * room) if top else 0))
        for row, b in zip(s.rows, s.bars, strict=True)
    ]
