"""Swedish replies (issue 12: Swedish phrasing counts wherever Finnish does): the owner who
answers a Swedish-speaking customer in Swedish has the same quote and signature cutting as in
Finnish — a promise in the customer's quoted mail, in a Swedish Outlook header block, after
"… skrev …:" or in the signature below "Med vänliga hälsningar" is never the owner's."""

from __future__ import annotations

from datetime import datetime

import pytest

from test_promises import BASE, at
from vasteaika.reminders.promises import find_promise, strip_quoted

SWEDISH_CLIENT_QUOTE = (
    "Tack!\n\nJag ringer dig på fredag.\n\n"
    "Den ons 25 nov. 2026 kl 08:00 skrev Birgitta Lindholm <birgitta@ekenas.example>:\n"
    "Jag ringer er i dag kl. 10 om jag hinner.\n"
)
SWEDISH_OUTLOOK_QUOTE = (
    "Hej,\n\njag ringer nästa vecka.\n\n"
    "Från: Birgitta Lindholm <birgitta@ekenas.example>\n"
    "Skickat: onsdag den 25 november 2026 08:00\n"
    "Till: Ylermi <ylermi@pihapalvelu.fi>\n"
    "Ämne: Offert\n\nJag ringer er i dag kl. 11.\n"
)
SWEDISH_BANNER = (
    "Jag återkommer på fredag.\n\n-----Ursprungligt meddelande-----\n"
    "Birgitta: jag ringer i dag kl. 16.\n"
)
SWEDISH_SIGNATURE = (
    "Hej Birgitta,\n\ntack för offerten, vi hörs.\n\nMed vänliga hälsningar\nYlermi\n"
    "Jag ringer tillbaka vardagar kl. 8-16"
)
SWEDISH_DEVICE = "Okej, det låter bra.\n\nSkickat från min iPhone\nJag ringer i dag kl. 15."


@pytest.mark.parametrize(
    ("text", "due_at"),
    [
        (SWEDISH_CLIENT_QUOTE, at(27, 8)),
        (SWEDISH_OUTLOOK_QUOTE, at(30, 8)),
        (SWEDISH_BANNER, at(27, 8)),
        (SWEDISH_SIGNATURE, None),
        (SWEDISH_DEVICE, None),
        ("Jag ringer dig i morgon kl. 10.\n\nMvh\nYlermi", at(26, 10)),
    ],
)
def test_only_the_owners_own_swedish_words_promise(text: str, due_at: datetime | None) -> None:
    found = find_promise(text, BASE)
    assert (found.due_at if found else None) == due_at


def test_the_swedish_outlook_block_is_cut() -> None:
    assert strip_quoted(SWEDISH_OUTLOOK_QUOTE) == "Hej,\n\njag ringer nästa vecka."
