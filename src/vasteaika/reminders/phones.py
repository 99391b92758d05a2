"""The customer's phone number for a callback reminder: read from the first mail when it is
acknowledged, and again when a reply promises a call. Apart from the outbox so that the
reminders (which both paths feed) own it, and the acknowledgments reach down to it.
"""

from __future__ import annotations

import re

PHONE = re.compile(r"(?<![\d+])(?:\+358|0)[\s-]?\d{1,3}(?:[\s-]?\d{2,4}){2,3}(?!\d)")


def find_phone(text: str) -> str | None:
    """The first Finnish phone number in ``text``, spaced uniformly."""
    match = PHONE.search(text)
    return re.sub(r"[\s-]+", " ", match.group(0)).strip() if match else None
