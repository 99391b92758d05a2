"""The message catalogue: every word vasteaika says to its owner, in the owner's language.

One lookup (:func:`phrase`) over word tables that are plain data: the core's (``words``: the
reminder mail and its calendar event, ``why``'s rule words, the error messages, weekdays) and
the sections that live beside their layer (``cli/messages.py`` for the command screens,
``report/labels.py`` for the report). Every table is ``{language: {key: text}}``, the texts
``str.format`` templates. A word that depends on a count names the count with its two forms,
one and other: ``"{n} {n:soittolupaus|soittolupausta}"`` — Finnish takes the partitive after
every number but 1 ("1 soittolupaus", "2 soittolupausta"), English and Swedish their plural;
several counts in one text each choose their own word. A language or key a table lacks falls
back to English, so Swedish can grow key by key (``tests/test_catalogue.py`` keeps the
languages in step).

It sits in the core, below the capabilities, so that reminders/, jobs/ and the ledger can speak
the owner's language too; it imports only the error hierarchy.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from vasteaika.catalogue.words import WEEKDAYS, WORDS
from vasteaika.errors import VasteaikaError

Table = Mapping[str, Mapping[str, str]]
LANGUAGES = ("fi", "sv", "en")
FALLBACK = "en"

E = TypeVar("E", bound=VasteaikaError)


class _Plural(string.Formatter):
    """``{n:one|other}`` is the word for the count ``n``; any other field formats as usual."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, _, other = format_spec.partition("|")
            return one if value == 1 else other
        field: str = super().format_field(value, format_spec)
        return field


_FORMATTER = _Plural()


def phrase(table: Table, lang: str, key: str, /, **values: object) -> str:
    """``key``'s text in ``lang`` (English when ``lang`` lacks it), filled in with ``values``,
    each counted word in the form for its count."""
    found = table.get(lang, {}).get(key)
    if found is None:
        found = table[FALLBACK][key]
    return _FORMATTER.format(found, **values)


@dataclass(frozen=True)
class Said:
    """A value that is itself words of the core table (``key`` filled in with ``values``), said
    in the language of the text it goes into; a tuple of them is said as one, joined by "; ".
    In any other text (a log, ``ConfigError.problems``) it is its English."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.said(FALLBACK)

    def said(self, lang: str) -> str:
        return say(lang, self.key, **self.values)


@dataclass(frozen=True)
class Joined:
    """Several :class:`Said` values said as one, each in the language of the text they go into,
    joined by ``sep`` (a tuple of them is joined by "; ")."""

    items: tuple[Said, ...]
    sep: str = ", "


def _in(lang: str, value: object) -> object:
    if isinstance(value, Said):
        return say(lang, value.key, **value.values)
    if isinstance(value, Joined):
        return value.sep.join(item.said(lang) for item in value.items)
    if isinstance(value, tuple) and value and all(isinstance(v, Said) for v in value):
        return "; ".join(v.said(lang) for v in value)
    return value


def say(lang: str, key: str, /, **values: object) -> str:
    """The core table's text for ``key`` in ``lang`` (a :class:`Said` value in ``lang`` too)."""
    return phrase(WORDS, lang, key, **{name: _in(lang, v) for name, v in values.items()})


def say_known(lang: str, key: str, default: str, /, **values: object) -> str:
    """The core table's text for ``key`` when it has one, else ``default`` (a stored code or
    a value the catalogue has no words for)."""
    return say(lang, key, **values) if key in WORDS[FALLBACK] else default


def weekday(lang: str, t: date) -> str:
    """The short weekday name: "ti", "tis", "Tue"."""
    return WEEKDAYS.get(lang, WEEKDAYS[FALLBACK])[t.weekday()]


def day(lang: str, t: date, *, year: bool = False) -> str:
    """Weekday and date: "ti 1.12." in Finnish and Swedish, "Tue 01.12." in English; with
    ``year`` "ti 1.12.2026", "Tue 01.12.2026"."""
    shown = f"{t:%d.%m.}" if lang == FALLBACK else f"{t.day}.{t.month}."
    return f"{weekday(lang, t)} {shown}{t.year if year else ''}"


def clock(lang: str, t: datetime | time) -> str:
    """The time of day: "klo 9.05", "kl. 9.05", "09:05"."""
    if lang == FALLBACK:
        return f"{t:%H:%M}"
    return say(lang, "clock", h=t.hour, m=f"{t.minute:02d}")


def moment(lang: str, t: datetime, *, year: bool = False) -> str:
    """Weekday, date and time: "ti 1.12. klo 9.05", "Tue 01.12. 09:05" (``year``: with it)."""
    return f"{day(lang, t, year=year)} {clock(lang, t)}"


def duration(lang: str, delta: timedelta) -> str:
    """A waiting time: "45 min", "5 h 03 min", "3 pv 4 h" / "3 d 4 h"."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min"
    return say(lang, "days_hours", d=hours // 24, h=hours % 24)


def fault(cls: type[E], key: str, /, **values: object) -> E:
    """An error of class ``cls`` whose message is ``key`` and hint ``key + "_hint"`` in the
    core table: in English as raised, in the owner's language where the command line knows it
    (:func:`error_line`)."""
    return cls(say(FALLBACK, key, **values), say(FALLBACK, key + "_hint", **values),
               key=key, values=values)  # fmt: skip


def error_line(error: VasteaikaError, lang: str) -> str:
    """``message — hint`` in ``lang`` for an error made by :func:`fault`, else as raised."""
    if error.key is None:
        return error.line()
    message = say(lang, error.key, **error.values)
    hint = say(lang, error.key + "_hint", **error.values)
    return f"{message} — {hint}" if hint else message


def error_message(error: VasteaikaError, lang: str) -> str:
    """The message alone (no hint) in ``lang`` for an error made by :func:`fault`, else as
    raised."""
    return say(lang, error.key, **error.values) if error.key is not None else error.message
