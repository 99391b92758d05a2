"""The regexes that read a promise, built at import from the words in ``reminders.promise_words``.

Apart from ``reminders.promises`` (which pairs each time expression with the rule that reads
it) so that the grammar can be read on its own. The reader relies on the named groups: ``h``,
``m``, ``ap`` (clock times), ``wd`` (weekdays), ``d``, ``m``, ``y`` (dates), ``p``, ``pre``
(parts of the day), ``n``, ``u``, ``suffix`` (durations) and their numbered variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from vasteaika.reminders import promise_words as W


def _alt(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex alternation of literal words, in their order; a space in a phrase matches ``space``."""
    return "|".join(re.escape(word).replace(r"\ ", space) for word in words)


# --- quoted text and signatures -----------------------------------------------------------------
QUOTE_LINE_RE = re.compile(r"^\s*>")
CUT_LINE_RE = re.compile(
    r"^\s*(?:--\s*"
    r"|_{5,}\s*"
    rf"|-{{2,}}\s*(?:{_alt(W.QUOTE_BANNERS, ' ')})\s*-{{2,}}\s*"
    rf"|on\s.*\b{W.EN_QUOTE_INTRO}:\s*"
    rf"|.*\b{W.FI_QUOTE_INTRO}\b[^:]*:\s*"
    rf"|(?:(?:{_alt(W.FI_REGARDS_ADJECTIVES)})\s+)?{W.FI_REGARDS}\b.{{0,60}}"
    r"|yst\.?\s*terv\..{0,60}"
    rf"|(?:(?:{_alt(W.EN_REGARDS_ADJECTIVES)})\s+)?{W.EN_REGARDS}\b.{{0,60}}"
    rf"|(?:{_alt(W.SIGN_OFFS)})\s*,?\s*"
    rf"|{_alt([W.EN_DEVICE_SIGNATURE], ' ')}\b.*|(?:{_alt(W.FI_DEVICE_SIGNATURES, ' ')}).*)$",
    re.IGNORECASE,
)
ON_LINE_RE = re.compile(r"^\s*On\s", re.IGNORECASE)
WROTE_RE = re.compile(rf"\b{W.EN_QUOTE_INTRO}:\s*$", re.IGNORECASE)
HEADER_FROM_RE = re.compile(rf"^\s*\*?(?:{_alt(W.QUOTE_FROM_FIELDS)})\s*:", re.IGNORECASE)
HEADER_NEXT_RE = re.compile(rf"^\s*\*?(?:{_alt(W.QUOTE_OTHER_FIELDS)})\s*:", re.IGNORECASE)


# --- promise sentences --------------------------------------------------------------------------

PARAGRAPH_RE = re.compile(r"\n\s*\n")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"“])")
_NOT_ANSWER = "".join(rf"(?<!{re.escape(word)}\s)" for word in W.FI_NOT_ANSWER_AFTER)
_CONTACT = "|".join(rf"{a}(?:\s+\w+)?\s+{b}" for a, b in map(str.split, W.FI_CONTACT_PHRASES))
PROMISE_FI_RE = re.compile(
    rf"\b(?:{_alt(W.FI_PROMISE_VERBS)}|{_NOT_ANSWER}{W.FI_ANSWER_VERB}|{_CONTACT})\b",
    re.IGNORECASE,
)
_NEGATION = "|".join(rf"{word}\b" for word in W.EN_NEGATIONS)
PROMISE_EN_RE = re.compile(
    rf"\b(?:{_alt(W.EN_PROMISE_SUBJECTS)})\s+(?:(?!{_NEGATION})\w+\s+){{0,3}}?"
    rf"(?:{_alt(W.EN_PROMISE_VERBS)})\b|\b(?:{_alt(W.EN_PROMISE_PHRASES)})\b",
    re.IGNORECASE,
)

# --- time expressions ---------------------------------------------------------------------------

_FI_WD = _alt(W.FI_WEEKDAYS)
_EN_WD = _alt(W.EN_WEEKDAYS)
_MONTHS = _alt(W.MONTHS)
_KLO = _alt(W.FI_CLOCK_WORDS)
_H = r"(?:[01]?\d|2[0-3])"
_M = r"[0-5]\d"
_AP = r"(?:[ap]m|[ap]\.m\.)(?![a-z])"
_MONEY = rf"{_alt(W.MONEY_PREFIXES)}|(?:{_alt(W.MONEY_WORDS)})\b"
FI_CLOCK_RE = re.compile(
    rf"\b(?:{_KLO})\.?\s*(?P<h>{_H})(?:[.:](?P<m>{_M}))?(?!\d)"
    rf"(?:\s*(?:-|–|—|ja)\s*{_H}(?:[.:]{_M})?(?!\d))?(?:\s+välillä)?",
    re.IGNORECASE,
)
AMPM_RANGE_RE = re.compile(
    rf"(?:\bbetween\s+)?(?<![\d:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>{_M}))?\s*(?P<ap1>{_AP})?"
    rf"\s*(?:-|–|\band\b)\s*(?:1[0-2]|0?[1-9])(?:[:.]{_M})?\s*(?P<ap>{_AP})",
    re.IGNORECASE,
)
AMPM_CLOCK_RE = re.compile(
    rf"(?<![\d:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>{_M}))?\s*(?P<ap>{_AP})", re.IGNORECASE
)
AT_CLOCK_RE = re.compile(
    rf"\b(?:{_alt(W.EN_CLOCK_LEADS)})\s+(?P<h>{_H})(?:[:.](?P<m>{_M}))?(?![\d:.]?\d)"
    rf"(?!\s*(?:{_AP}|{_MONEY}|per\b))(?:\s*o['’]clock)?",
    re.IGNORECASE,
)
COLON_CLOCK_RE = re.compile(rf"(?<![\d:.])(?P<h>{_H}):(?P<m>{_M})(?![\d:])")
DOT_CLOCK_RE = re.compile(
    rf"(?<![\d.])(?P<h>{_H})\.(?P<m>00|1[3-9]|[2-5]\d)(?!\d|\.\d)(?!\s*(?:{_MONEY}))",
    re.IGNORECASE,
)
NOON_RE = re.compile(rf"\b(?:{_alt(W.NOON_WORDS)})\b", re.IGNORECASE)
PART_RE = re.compile(
    r"(?<!good\s)\b(?:(?P<pre>(?:later\s+)?this|in\s+the|during\s+the)\s+)?"
    rf"(?P<p>{_alt([*W.FI_DAY_PARTS, *W.EN_DAY_PARTS])})\b",
    re.IGNORECASE,
)
COMPOUND_RE = re.compile(rf"\b(?:{_alt(W.COMPOUNDS)})\b", re.IGNORECASE)
TODAY_RE = re.compile(
    rf"\b(?:{_alt(W.TODAY_WORDS)})\b|\b{W.THIS_WORD}(?=\s+(?:{_alt(W.THIS_PART_STEMS)}))",
    re.IGNORECASE,
)
TOMORROW_RE = re.compile(rf"\b(?:{_alt(W.TOMORROW_WORDS)})\b", re.IGNORECASE)
DAY_AFTER_RE = re.compile(rf"\b(?:{_alt(W.DAY_AFTER_WORDS)})\b", re.IGNORECASE)
PAST_RE = re.compile(
    rf"\b(?:{_alt(W.PAST_WORDS)}|last\s+(?:{_EN_WD})"
    rf"|viime\s+(?:viikon\s+)?(?:{_FI_WD})(?:na)?)\b",
    re.IGNORECASE,
)
NEXT_WEEK_RE = re.compile(rf"\b(?:{_alt(W.NEXT_WEEK_PHRASES)})\b", re.IGNORECASE)
NEXT_WEEK_DAY_RE = re.compile(
    rf"\b(?:ensi\s+viikon|ensi\s+viikolla|next(?:\s+week(?:'s|’s)?(?:\s+on)?)?)\s+"
    rf"(?P<wd>{_FI_WD}|{_EN_WD})(?:na|hin|on)?\b"
    rf"|\b(?:on\s+)?(?P<wd2>{_FI_WD}|{_EN_WD})(?:na)?\s+(?:ensi\s+viikolla|next\s+week)\b",
    re.IGNORECASE,
)
WEEKDAY_RE = re.compile(
    rf"\b(?:(?:{_alt(W.WEEKDAY_LEADS)})\s+)?"
    rf"(?P<wd>{_FI_WD}|{_EN_WD})(?:na|hin|on|n)?\b",
    re.IGNORECASE,
)
WEEKDAY_ABBR_RE = re.compile(
    rf"(?<![-–\w])(?P<wd>{_alt(W.FI_WEEKDAY_ABBREVIATIONS)})\b\.?"
    rf"(?=\s*(?:{_KLO}|\d{{1,2}}\.\d{{1,2}}\.))",
    re.IGNORECASE,
)
NUM_DATE_RE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})?(?!\d)")
ISO_DATE_RE = re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
MONTH_DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?:{_MONTHS})\.?"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d))(?:,?\s+(?P<y>\d{{4}}))?\b",
    re.IGNORECASE,
)
RELATIVE_RE = re.compile(
    rf"\b(?:(?P<n>\d{{1,3}}|{_alt(W.FI_NUMBERS)})\s+)?(?P<u>{_alt(W.FI_UNIT_WORDS)})"
    rf"\s+(?P<suffix>{_alt(W.FI_DURATION_ENDS)})\b"
    rf"|\b(?:within|in)\s+(?:the\s+next\s+)?(?P<n2>\d{{1,3}}|{_alt(W.EN_NUMBERS)})\s+"
    rf"(?P<u2>{_alt(W.EN_UNIT_WORDS)})\b|\bwithin\s+the\s+(?P<u3>hour)\b",
    re.IGNORECASE,
)
UNTIL_BEFORE_RE = re.compile(rf"\b(?:{_alt(W.UNTIL_BEFORE)})\s*$", re.IGNORECASE)
UNTIL_AFTER_RE = re.compile(rf"^\s*(?:{_alt(W.UNTIL_AFTER)})\b", re.IGNORECASE)
TIGHT_GAP_RE = re.compile(r"[\s,\-–]*")
GAP_WORD_RE = re.compile(r"[\w'’]+")
PLAUSIBLE_RE = re.compile(r"[^\W\d_]{4,}|\d+[-/.]\d+[-/.]\d+")
PHRASE_CLOCK_RE = re.compile(
    rf"(?P<h>{_H})[:.](?P<m>{_M})(?![\d.]\d)|(?P<h2>1[0-2]|[1-9])\s*(?P<ap>{_AP})"
    rf"|\b(?:{_KLO}|at)\s*(?P<h3>{_H})\b",
    re.IGNORECASE,
)
