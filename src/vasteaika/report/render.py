"""The weekly report as text: a terminal table (rich), Markdown, one self-contained HTML page,
CSV and JSON.

Every human format is drawn from the same list of sections (``sections``), so the numbers agree
across formats by construction. JSON is ``WeekReport.as_json()``. CSV is the same JSON flattened:
a header ``field,value`` and one row per leaf, ``field`` being the dotted path (list items by
0-based index, e.g. ``unanswered.0.waiting_seconds``); null is an empty value, booleans are
``true``/``false``. Numbers and times in the human formats follow the language: Finnish
"1 234,5" and "15.00", English "1,234.5" and "15:00".
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from vasteaika.errors import UsageError
from vasteaika.report.model import Bucket, Durations, WeekReport
from vasteaika.terminal import LiteralConsole, json_text

FORMATS = ("table", "markdown", "html", "csv", "json")
LANGUAGES = ("fi", "en")
SHOWN = 50  # unanswered conversations listed in the human formats (JSON/CSV list them all)
BAR = "█"

TEXT: dict[str, dict[str, str]] = {
    "fi": {
        "title": "Vastausaikaraportti",
        "period": "Jakso",
        "empty": "Tällä jaksolla ei tullut yhtään yhteydenottoa.",
        "summary": "Yhteenveto",
        "contacts": "Yhteydenotot",
        "answered": "Vastattu",
        "unanswered": "Vastaamatta",
        "acknowledged": "Kuitattu automaattisesti",
        "ack_median": "mediaani kuittaukseen",
        "within": "Vastattu lupauksen sisällä",
        "in_promise": "Lupauksessa",
        "of_decided": "ratkenneista",
        "new_leads": "Uudet asiakkaat",
        "repeat": "Palaavat asiakkaat",
        "answer_rate": "vastattu",
        "response": "Ensimmäinen vastaus",
        "wall": "Kalenteriaika",
        "business": "Työaika",
        "median": "Mediaani",
        "p90": "p90",
        "max": "Pisin",
        "tiers": "Vastauslupaus",
        "tier": "Ryhmä",
        "promise": "Lupaus",
        "key_tier": "Avainasiakkaat",
        "other_tier": "Muut",
        "share": "Osuus",
        "promises": "Soittolupaukset ja muistutukset",
        "due": "Erääntyi",
        "on_time": "Ajallaan",
        "late": "Myöhässä",
        "missed": "Tekemättä",
        "open": "Avoinna",
        "grace": "ajallaan = tehty viimeistään {grace} eräpäivän jälkeen",
        "waiting": "Odottaa vastausta",
        "customer": "Asiakas",
        "subject": "Aihe",
        "received": "Saapui",
        "waited": "Odottanut",
        "kind": "Tyyppi",
        "new": "uusi",
        "key": "avain",
        "more": "… ja {n} muuta",
        "no_subject": "(ei aihetta)",
        "histogram": "Vastausajat työaikana",
        "range": "Aika",
        "count": "Määrä",
        "weekdays": "Rytmi viikonpäivittäin",
        "replies": "Vastaukset",
        "hours": "Rytmi kellonajoittain",
        "hour": "Klo",
        "median_wait": "Mediaanivastaus (työaika)",
        "trend": "Kehitys",
        "week": "Viikko",
        "this": "tämä",
        "key_customers": "Avainasiakkaat",
        "key_config": "asetuksista",
        "key_auto": "20 % eniten asioineista 12 kk:n ajalta",
        "key_none": "Avainasiakkailta ei tullut yhteydenottoja.",
        "silent": "Hiljaiset asiakkaat: ota yhteyttä",
        "silent_none": "Ei hiljaisia asiakkaita.",
        "conversations": "Keskustelut",
        "interval": "Tavallinen väli",
        "last": "Viimeksi",
        "silent_for": "Hiljaa",
        "shown_of": "{shown} / {total}",
        "days": "{n} pv",
        "every": "{n} pv välein",
        "dh": "{d} pv {h} h",
    },
    "en": {
        "title": "Response-time report",
        "period": "Period",
        "empty": "No customer contacts in this period.",
        "summary": "Summary",
        "contacts": "Contacts",
        "answered": "Answered",
        "unanswered": "Unanswered",
        "acknowledged": "Acknowledged automatically",
        "ack_median": "median to acknowledgment",
        "within": "Answered within the promise",
        "in_promise": "In promise",
        "of_decided": "of decided",
        "new_leads": "New leads",
        "repeat": "Repeat customers",
        "answer_rate": "answered",
        "response": "First response",
        "wall": "Wall clock",
        "business": "Business time",
        "median": "Median",
        "p90": "p90",
        "max": "Max",
        "tiers": "Response promise",
        "tier": "Tier",
        "promise": "Promise",
        "key_tier": "Key customers",
        "other_tier": "Others",
        "share": "Share",
        "promises": "Callbacks and reminders",
        "due": "Due",
        "on_time": "On time",
        "late": "Late",
        "missed": "Missed",
        "open": "Open",
        "grace": "on time = done at most {grace} after the due time",
        "waiting": "Waiting for an answer",
        "customer": "Customer",
        "subject": "Subject",
        "received": "Received",
        "waited": "Waiting",
        "kind": "Type",
        "new": "new",
        "key": "key",
        "more": "… and {n} more",
        "no_subject": "(no subject)",
        "histogram": "Response times in business time",
        "range": "Time",
        "count": "Count",
        "weekdays": "Rhythm by weekday",
        "replies": "Replies",
        "hours": "Rhythm by hour",
        "hour": "Hour",
        "median_wait": "Median response (business)",
        "trend": "Trend",
        "week": "Week",
        "this": "this",
        "key_customers": "Key customers",
        "key_config": "from the config",
        "key_auto": "top 20 % by conversations over 12 months",
        "key_none": "No contacts from key customers.",
        "silent": "Silent customers: get in touch",
        "silent_none": "No silent customers.",
        "conversations": "Conversations",
        "interval": "Usual interval",
        "last": "Last contact",
        "silent_for": "Silent for",
        "shown_of": "{shown} of {total}",
        "days": "{n} d",
        "every": "every {n} d",
        "dh": "{d} d {h} h",
    },
}
WEEKDAYS = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- localised values -------------------------------------------------------------------------


def number(value: float, lang: str, decimals: int = 0) -> str:
    """Finnish "1 234,5", English "1,234.5"."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",") if lang == "fi" else text


def percent(share: float | None, lang: str) -> str:
    if share is None:
        return "–"
    value = number(share * 100, lang, 1)
    return f"{value} %" if lang == "fi" else f"{value}%"


def clock(t: datetime, lang: str) -> str:
    return t.strftime("%H.%M" if lang == "fi" else "%H:%M")


def day(t: datetime, lang: str) -> str:
    name = WEEKDAYS[lang][t.weekday()]
    if lang == "fi":
        return f"{name} {t.day}.{t.month}.{t.year}"
    return f"{name} {t.day} {MONTHS_EN[t.month - 1]} {t.year}"


def moment(t: datetime, lang: str) -> str:
    return f"{day(t, lang)} {clock(t, lang)}"


def short_moment(t: datetime, lang: str) -> str:
    """Within a report the year is plain: "ke 18.11. 10.00", "Wed 18 Nov 10:00"."""
    name = WEEKDAYS[lang][t.weekday()]
    if lang == "fi":
        return f"{name} {t.day}.{t.month}. {clock(t, lang)}"
    return f"{name} {t.day} {MONTHS_EN[t.month - 1]} {clock(t, lang)}"


def duration(seconds: int | None, lang: str) -> str:
    """ "10 min", "63 h 15 min", and from 100 hours on "4 pv 5 h" / "4 d 5 h"."""
    if seconds is None:
        return "–"
    minutes = max(seconds, 0) // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 100:
        return f"{hours} h {minutes:02d} min" if minutes else f"{hours} h"
    return TEXT[lang]["dh"].format(d=hours // 24, h=hours % 24)


def days(seconds: int, lang: str, key: str = "days") -> str:
    return TEXT[lang][key].format(n=number(round(seconds / 86400), lang))


def bucket_label(b: Bucket, lang: str) -> str:
    low = duration(b.from_seconds, lang)
    return f"≥ {low}" if b.to_seconds is None else f"{low} – {duration(b.to_seconds, lang)}"


def week_label(since: datetime) -> str:
    year, week, _ = since.isocalendar()
    return f"{year}-W{week:02d}"


# --- sections: the one view every human format draws -------------------------------------------


@dataclass
class Section:
    title: str
    headers: tuple[str, ...] = ()
    rows: Sequence[tuple[str, ...]] = ()
    numeric: tuple[bool, ...] = ()  # right-aligned columns
    note: str = ""
    bars: tuple[Bucket, ...] = ()  # the histogram: drawn as bars (text) or SVG (HTML)


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
        )
        for name, tier in ((t["key_tier"], r.key_tier), (t["other_tier"], r.other_tier))
        if tier.contacts
    ]
    headers = (t["tier"], t["promise"], t["contacts"], t["answered"], t["in_promise"], t["share"])
    return Section(t["tiers"], headers, rows, (False, True, True, True, True, True))


def _unanswered(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]
    rows = [
        (
            w.customer_name or w.customer_email,
            w.subject or t["no_subject"],
            short_moment(w.first_contact_at, lang),
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
            duration(h.median_business_seconds, lang),
        )
        for h in r.by_hour
        if h.contacts or h.replies
    ]
    return [
        Section(t["weekdays"], ("", *WEEKDAYS[lang]), weekdays, (False, *(True,) * 7)),
        Section(
            t["hours"],
            (t["hour"], t["contacts"], t["replies"], t["median_wait"]),
            hours,
            (False, True, True, True),
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
            duration(k.median_business_seconds, lang),
        )
        for k in r.key_customers
    ]
    headers = (t["customer"], t["contacts"], t["answered"], t["in_promise"], t["median"])
    note = source if rows else f"{t['key_none']} ({source})"
    return Section(t["key_customers"], headers, rows, (False, True, True, True, True), note)


def _silent(r: WeekReport, lang: str) -> Section:
    t = TEXT[lang]
    rows = [
        (
            s.customer,
            number(s.conversations, lang),
            days(s.usual_interval_seconds, lang, "every"),
            day(s.last_contact_at, lang),
            days(s.silent_seconds, lang),
        )
        for s in r.silent_customers
    ]
    headers = (t["customer"], t["conversations"], t["interval"], t["last"], t["silent_for"])
    note = t["silent_none"] if not rows else ""
    if r.silent_customers_total > len(rows):
        note = t["shown_of"].format(shown=len(rows), total=number(r.silent_customers_total, lang))
    return Section(t["silent"], headers, rows, (False, True, True, False, True), note)


# --- the formats ------------------------------------------------------------------------------


def render_report(
    report: WeekReport, fmt: str, lang: str = "fi", *, width: int = 80, color: bool = False
) -> str:
    """The report in ``fmt`` (one of FORMATS); ``lang`` is "fi" or "en"."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", "use one of: " + ", ".join(FORMATS))
    if lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r}", "use fi or en")
    if fmt == "json":
        return json_text(report.as_json())
    if fmt == "csv":
        return report_csv(report)
    if fmt == "markdown":
        return report_markdown(report, lang)
    if fmt == "html":
        return report_html(report, lang)
    return report_table(report, lang, width=width, color=color)


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from flatten(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from flatten(v, f"{prefix}.{i}")
    elif value is None:
        yield prefix, ""
    elif isinstance(value, bool):
        yield prefix, "true" if value else "false"
    else:
        yield prefix, str(value)


def report_csv(report: WeekReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("field", "value"))
    writer.writerows(flatten(report.as_json()))
    return out.getvalue()


def _bar_rows(s: Section, room: int) -> list[tuple[str, ...]]:
    top = max((b.count for b in s.bars), default=0)
    return [
        (*row, BAR * (round(b.count / top * room) if top else 0))
        for row, b in zip(s.rows, s.bars, strict=True)
    ]


def report_table(report: WeekReport, lang: str, *, width: int = 80, color: bool = False) -> str:
    out = io.StringIO()
    console = LiteralConsole(
        file=out, width=width, force_terminal=color, color_system="standard" if color else None
    )
    t = TEXT[lang]
    console.print(Text(f"{t['title']}  {period_text(report, lang)}", style="bold"))
    for s in sections(report, lang):
        table = Table(
            title=s.title,
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            show_header=bool(s.headers),
            pad_edge=False,
        )
        rows = _bar_rows(s, 30) if s.bars else s.rows
        headers = (*s.headers, "") if s.bars else s.headers
        numeric = (*s.numeric, False) if s.bars else s.numeric
        for i, numeric_column in enumerate(numeric):
            longest = max((len(row[i]) for row in rows), default=0)
            if numeric_column:  # never cut a number; a long header wraps instead
                options: dict[str, Any] = {"justify": "right", "min_width": longest}
            elif s.bars and i == len(numeric) - 1:
                options = {"no_wrap": True, "overflow": "crop"}
            elif s.headers:
                first = {"min_width": min(longest, 24)} if i == 0 else {}
                if longest <= 8:  # short markers ("avain", "uusi") are never cut
                    first = {"min_width": max(longest, len(headers[i]))}
                options = {"no_wrap": True, "overflow": "ellipsis", "max_width": 26, **first}
            else:
                options = {"overflow": "fold"}
            table.add_column(headers[i] if i < len(headers) else "", **options)
        for row in rows:
            table.add_row(*(Text(c) for c in row))
        if rows:
            console.print(table)
        else:
            console.print(Text(s.title, style="bold"))
        if s.note:
            console.print(Text(s.note))
    return out.getvalue()


def _md_cell(text: str) -> str:
    for char in "\\|<>*_`[]":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def report_markdown(report: WeekReport, lang: str) -> str:
    t = TEXT[lang]
    lines = [f"# {t['title']}: {period_text(report, lang)}", ""]
    for s in sections(report, lang):
        lines += [f"## {s.title}", ""]
        headers = s.headers or ("", "")
        if s.bars:
            headers = (*headers, "")
        rows = _bar_rows(s, 30) if s.bars else s.rows
        numeric = (*s.numeric, False) if s.bars else s.numeric
        if rows:
            lines.append("| " + " | ".join(_md_cell(h) for h in headers) + " |")
            lines.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            lines.append("")
        if s.note:
            lines += [s.note, ""]
    return "\n".join(lines)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;
background:#fafafa;line-height:1.4}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}h2{font-size:1.05rem;margin:1.5rem 0 .5rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}p.note{color:#555;margin:.4rem 0}
svg{width:100%;height:auto;display:block;margin-bottom:.5rem}
"""


def _svg_histogram(s: Section) -> str:
    top = max((b.count for b in s.bars), default=0) or 1
    row_h, label_w, bar_w = 28, 150, 210
    height = row_h * len(s.bars) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 {height}" role="img"'
        f' aria-label="{html.escape(s.title)}">'
    ]
    for i, (row, b) in enumerate(zip(s.rows, s.bars, strict=True)):
        y = i * row_h + 4
        w = round(b.count / top * bar_w)
        parts.append(
            f'<text x="0" y="{y + 18}" font-size="13" fill="#333">{html.escape(row[0])}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="{row_h - 8}" fill="#2b6cb0"/>'
            f'<text x="{label_w + w + 6}" y="{y + 18}" font-size="13" fill="#333">'
            f"{html.escape(row[1])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def report_html(report: WeekReport, lang: str) -> str:
    t = TEXT[lang]
    e = html.escape
    title = f"{t['title']}: {period_text(report, lang)}"
    body = [f"<h1>{e(title)}</h1>"]
    for s in sections(report, lang):
        body.append(f"<section><h2>{e(s.title)}</h2>")
        if s.bars:
            body.append(_svg_histogram(s))
        if s.rows:
            body.append('<div class="scroll"><table>')
            if s.headers:
                cells = "".join(
                    f"<th{' class=n' if n else ''}>{e(h)}</th>"
                    for h, n in zip(s.headers, s.numeric, strict=True)
                )
                body.append(f"<thead><tr>{cells}</tr></thead>")
            body.append("<tbody>")
            for row in s.rows:
                numeric = s.numeric or (False,) * len(row)
                cells = "".join(
                    f"<td{' class=n' if n else ''}>{e(c)}</td>"
                    for c, n in zip(row, numeric, strict=True)
                )
                body.append(f"<tr>{cells}</tr>")
            body.append("</tbody></table></div>")
        if s.note:
            body.append(f'<p class="note">{e(s.note)}</p>')
        body.append("</section>")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )
