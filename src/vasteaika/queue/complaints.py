"""Finding an unhappy customer's words (``complaint_words``) in a mail's subject and text.

Pure: text in, the words found out. A customer's quoted text (the owner's earlier answer) is
left out by the caller, so the owner's own "ei toimi" never makes the customer unhappy.
"""

from __future__ import annotations

import re

from vasteaika.queue.complaint_words import COMPLAINT_WORDS

MAX_WORDS = 5  # shown as the reason; more adds nothing


def _pattern(entry: str) -> str:
    words = entry.rstrip("*").split()
    body = r"\s+".join(re.escape(w) for w in words)
    return rf"(?<!\w){body}" + (r"\w*" if entry.endswith("*") else r"(?!\w)")


_FINDER = re.compile(
    "|".join(_pattern(e) for words in COMPLAINT_WORDS.values() for e in words), re.IGNORECASE
)


def find_complaints(text: str) -> tuple[str, ...]:
    """The complaint words and phrases in ``text`` as they were written (lower-cased, spaces
    made single), each once, in order of appearance; () when there are none."""
    found: dict[str, None] = {}
    for match in _FINDER.finditer(text):
        found[" ".join(match.group(0).lower().split())] = None
        if len(found) >= MAX_WORDS:
            break
    return tuple(found)
