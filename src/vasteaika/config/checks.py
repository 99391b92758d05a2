"""The checkers of config values: each returns what is expected (the catalogue's words, English
as text), or None when a value is fine.

Apart from SPEC (the table that names every key) so that the table reads as data; also
``parse_duration``, which the records are built with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from vasteaika.catalogue import Said

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SECURITY = ("ssl", "starttls", "none")

Checker = Callable[[Any], Said | None]  # what is expected, or None when the value is fine


def is_str(v: Any) -> Said | None:
    return None if isinstance(v, str) else Said("expect.text")


def is_bool(v: Any) -> Said | None:
    return None if isinstance(v, bool) else Said("expect.bool")


def is_port(v: Any) -> Said | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and 0 < v < 65536
    return None if ok else Said("expect.port")


def is_positive(v: Any) -> Said | None:
    ok = isinstance(v, int | float) and not isinstance(v, bool) and 0 < v <= 100_000
    return None if ok else Said("expect.positive")


def is_count(v: Any) -> Said | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 1000
    return None if ok else Said("expect.count")


def is_country(v: Any) -> Said | None:
    if v == "":
        return None
    import holidays  # imported lazily: only validation and schedule need it

    ok = isinstance(v, str) and v.upper() in holidays.list_supported_countries()
    return None if ok else Said("expect.country")


def is_str_list(v: Any) -> Said | None:
    ok = isinstance(v, list) and all(isinstance(x, str) and x for x in v)
    return None if ok else Said("expect.texts")


def is_domain_list(v: Any) -> Said | None:
    """Domains like ``koivukuja.fi`` (``[customers] companies``): never an address."""
    ok = isinstance(v, list) and all(
        isinstance(x, str) and "." in x and "@" not in x.strip().lstrip("@") for x in v
    )
    return None if ok else Said("expect.domains")


def one_of(*choices: str) -> Checker:
    return lambda v: None if v in choices else Said(
        "expect.one_of", {"choices": ", ".join(f'"{c}"' for c in choices)}
    )


def is_clock(v: Any) -> Said | None:
    try:
        time.fromisoformat(v)
    except (TypeError, ValueError):
        return Said("expect.clock")
    return None


def is_timezone(v: Any) -> Said | None:
    try:
        ZoneInfo(v)
    except (TypeError, ValueError, ZoneInfoNotFoundError):
        return Said("expect.timezone")
    return None


def is_weekdays(v: Any) -> Said | None:
    ok = isinstance(v, list) and v and all(d in WEEKDAYS for d in v)
    return None if ok else Said("expect.weekdays", {"days": ", ".join(WEEKDAYS)})


DURATION = re.compile(r"^\s*(\d+)\s*(d|h|m|min|s)\s*$")
UNITS = {"d": 86400, "h": 3600, "m": 60, "min": 60, "s": 1}
MAX_DURATION_SECONDS = 3650 * 86400  # ten years: anything longer is a typo


def parse_duration(text: str) -> timedelta:
    """ "2h", "60m", "1d", "30 min" → timedelta; ValueError otherwise."""
    match = DURATION.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(text)
    seconds = int(match.group(1)) * UNITS[match.group(2)]
    if seconds > MAX_DURATION_SECONDS:
        raise ValueError(text)
    return timedelta(seconds=seconds)


def is_duration(v: Any) -> Said | None:
    try:
        parse_duration(v)
    except ValueError:
        return Said("expect.duration")
    return None


def is_clock_list(v: Any) -> Said | None:
    ok = isinstance(v, list) and v and all(is_clock(x) is None for x in v)
    return None if ok else Said("expect.clocks")


def is_date(v: Any) -> Said | None:
    if isinstance(v, datetime):
        return Said("expect.date_only")
    if isinstance(v, date) or v == "":
        return None
    try:
        date.fromisoformat(v)
    except (TypeError, ValueError):
        return Said("expect.date")
    return None


def is_calendar_url(v: Any) -> Said | None:
    ok = isinstance(v, str) and (v == "" or re.match(r"^https?://[^\s/]+", v) is not None)
    return None if ok else Said("expect.calendar_url")


def is_database(v: Any) -> Said | None:
    if isinstance(v, str) and v.strip():
        return None
    return Said("expect.database")
