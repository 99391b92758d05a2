"""The only place that reads the wall clock. Everything else is given ``now``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]

# The years a date given by the owner may fall in: around it the program counts weeks back and
# forth, local midnights and offsets, which datetime cannot near its ends (the years 1 and 9999).
FIRST_YEAR, LAST_YEAR = 1970, 2999


def in_reach(day: date) -> bool:
    """``day`` lies in the years the program computes in (FIRST_YEAR to LAST_YEAR)."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def system_clock() -> datetime:
    return datetime.now(UTC)
