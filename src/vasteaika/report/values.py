"""Localised values for the report's human formats: numbers, shares, days, times and durations
as text. Numbers follow the language: Finnish "1 234,5", English "1,234.5"; days and times are
the catalogue's, as every other screen writes them ("ti 1.12. klo 15.00", "Tue 01.12. 15:00"). Apart so every format (and every section) writes a value the same way.
"""

from __future__ import annotations

from datetime import datetime

from vasteaika import catalogue
from vasteaika.report.labels import TEXT
from vasteaika.report.model import Bucket


def number(value: float, lang: str, decimals: int = 0) -> str:
    """Finnish "1 234,5", English "1,234.5"."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",") if lang == "fi" else text


def percent(share: float | None, lang: str) -> str:
    if share is None:
        return "–"
    value = number(share * 100, lang, 1)
    return f"{value} %" if lang == "fi" else f"{value}%"


def day(t: datetime, lang: str) -> str:
    """The catalogue's date words, as every screen writes a day: "ma 16.11.2026",
    "Mon 16.11.2026"."""
    return catalogue.day(lang, t, year=True)


def moment(t: datetime, lang: str) -> str:
    return catalogue.moment(lang, t, year=True)


def short_moment(t: datetime, lang: str) -> str:
    """Within a report the year is plain: "ke 18.11. klo 10.00", "Wed 18.11. 10:00"."""
    return catalogue.moment(lang, t)


def duration(seconds: float | None, lang: str) -> str:
    """ "10 min", "63 h 15 min", and from 100 hours on "4 pv 5 h" / "4 d 5 h"."""
    if seconds is None:
        return "–"
    minutes = int(max(seconds, 0) // 60)
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
