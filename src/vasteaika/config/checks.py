"""The checkers of config values: each returns what is expected, or None when a value is fine.

Apart from SPEC (the table that names every key) so that the table reads as data; also
``parse_duration``, which the records are built with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SECURITY = ("ssl", "starttls", "none")

Checker = Callable[[Any], str | None]  # returns what is expected, or None when the value is fine


def is_str(v: Any) -> str | None:
    return None if isinstance(v, str) else "a text in quotes"


def is_bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "true or false"


def is_port(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and 0 < v < 65536
    return None if ok else "a port number between 1 and 65535"


def is_positive(v: Any) -> str | None:
    ok = isinstance(v, int | float) and not isinstance(v, bool) and 0 < v <= 100_000
    return None if ok else "a positive number (at most 100000)"


def is_count(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 1000
    return None if ok else "a whole number from 1 to 1000"


def is_country(v: Any) -> str | None:
    if v == "":
        return None
    import holidays  # imported lazily: only validation and schedule need it

    ok = isinstance(v, str) and v.upper() in holidays.list_supported_countries()
    return None if ok else 'a country code like "FI" (or "" for no public holidays)'


def is_str_list(v: Any) -> str | None:
    ok = isinstance(v, list) and all(isinstance(x, str) and x for x in v)
    return None if ok else 'a list of texts, like ["a", "b"]'


def is_domain_list(v: Any) -> str | None:
    """Domains like ``koivukuja.fi`` (``[customers] companies``): never an address."""
    ok = isinstance(v, list) and all(
        isinstance(x, str) and "." in x and "@" not in x.strip().lstrip("@") for x in v
    )
    return None if ok else 'a list of domains, like ["koivukuja.fi"]'


def one_of(*choices: str) -> Checker:
    return lambda v: None if v in choices else "one of " + ", ".join(f'"{c}"' for c in choices)


def is_clock(v: Any) -> str | None:
    try:
        time.fromisoformat(v)
    except (TypeError, ValueError):
        return 'a clock time like "08:00"'
    return None


def is_timezone(v: Any) -> str | None:
    try:
        ZoneInfo(v)
    except (TypeError, ValueError, ZoneInfoNotFoundError):
        return 'a time zone name like "Europe/Helsinki"'
    return None


def is_weekdays(v: Any) -> str | None:
    ok = isinstance(v, list) and v and all(d in WEEKDAYS for d in v)
    return None if ok else "a non-empty list of " + ", ".join(WEEKDAYS)


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


def is_duration(v: Any) -> str | None:
    try:
        parse_duration(v)
    except ValueError:
        return 'a duration like "2h", "60m" or "1d" (at most 3650 days)'
    return None


def is_clock_list(v: Any) -> str | None:
    ok = isinstance(v, list) and v and all(is_clock(x) is None for x in v)
    return None if ok else 'a list of clock times like ["10:00", "15:00"]'


def is_date(v: Any) -> str | None:
    if isinstance(v, datetime):
        return "a date like 2026-12-01, without a time"
    if isinstance(v, date) or v == "":
        return None
    try:
        date.fromisoformat(v)
    except (TypeError, ValueError):
        return "a date like 2026-12-01"
    return None


def is_calendar_url(v: Any) -> str | None:
    ok = isinstance(v, str) and (v == "" or re.match(r"^https?://[^\s/]+", v) is not None)
    return None if ok else 'the calendar\'s address, like "https://dav.example.fi/cal/me/" (or "")'


def is_database(v: Any) -> str | None:
    if isinstance(v, str) and v.strip():
        return None
    return 'the path of the database file, e.g. "~/vasteaika/vasteaika.db", or "auto" (the default)'
