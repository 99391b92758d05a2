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
_QUOTE_INTROS = (
    r"_{5,}\s*"
    rf"|-{{2,}}\s*(?:{_alt(W.QUOTE_BANNERS, ' ')})\s*-{{2,}}\s*"
    rf"|on\s.*\b{W.EN_QUOTE_INTRO}:\s*"
    rf"|.*\b{W.FI_QUOTE_INTRO}\b[^:]*:\s*"
    rf"|.*\b{W.SV_QUOTE_INTRO}\b[^:]*:\s*"
)
QUOTE_INTRO_RE = re.compile(rf"^\s*(?:{_QUOTE_INTROS})$", re.IGNORECASE)  # a quote, not a signature
CUT_LINE_RE = re.compile(
    r"^\s*(?:--\s*"
    rf"|{_QUOTE_INTROS}"
    rf"|(?:(?:{_alt(W.FI_REGARDS_ADJECTIVES)})\s+)?{W.FI_REGARDS}\b.{{0,60}}"
    rf"|(?:(?:{_alt(W.SV_REGARDS_ADJECTIVES)})\s+)?(?:{_alt(W.SV_REGARDS)})\b.{{0,60}}"
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

_SV_PHRASES = _alt(W.SV_PROMISE_PHRASES)
PROMISE_SV_RE = re.compile(rf"\b(?:{_SV_PHRASES})\b", re.IGNORECASE)
VISIT_RE = re.compile(rf"\b(?:{_alt(W.VISIT_WORDS)})\b", re.IGNORECASE)
MESSAGE_RE = re.compile(rf"\b(?:{_alt(W.MESSAGE_WORDS)})\b", re.IGNORECASE)

# --- time expressions ---------------------------------------------------------------------------

_FI_WD = _alt(W.FI_WEEKDAYS)
_SV_WD = _alt(W.SV_WEEKDAYS)
_EN_WD = _alt(W.EN_WEEKDAYS)
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
    rf"\b(?:ensi\s+viikon|ensi\s+viikolla|next\s+week(?:'s|’s)?(?:\s+on)?)\s+"
    rf"(?P<wd>{_FI_WD}|{_EN_WD})(?:na|hin|on)?\b"
    rf"|\b(?:on\s+)?(?P<wd2>{_FI_WD}|{_EN_WD})(?:na)?\s+(?:ensi\s+viikolla|next\s+week)\b",
    re.IGNORECASE,
)
WEEKDAY_RE = re.compile(
    rf"\b(?:(?:{_alt(W.WEEKDAY_LEADS)})\s+)?"
    rf"(?P<wd>{_FI_WD}|{_EN_WD}|{_SV_WD})(?:na|hin|on|n|en)?\b",
    re.IGNORECASE,
)
WEEKDAY_ABBR_RE = re.compile(
    rf"(?<![-–\w])(?P<wd>{_alt(W.FI_WEEKDAY_ABBREVIATIONS)})\b\.?"
    rf"(?=\s*(?:{_KLO}|\d{{1,2}}\.\d{{1,2}}\.|[.!]?\s*$|(?:{_alt(W.FI_DAY_PARTS)})\b))",
    re.IGNORECASE,
)
NUM_DATE_RE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})?(?!\d)")
ISO_DATE_RE = re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")
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
# An aside between a day and its time: in parentheses, or between commas ("huomenna, jos se
# sinulle sopii, klo 10").
ASIDE_GAP_RE = re.compile(r"\s*(?:\([^()]*\)|,[^,;()]*,|–[^–;()]*–)\s*")
# --- added for issue 13: dates without the dot, month names, spoken clock times ---------------

_NOT_MONEY = rf"(?!\s*(?:{_MONEY}))"
NODOT_DATE_RE = re.compile(rf"(?<![\d.,:])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})(?![\d.,:]){_NOT_MONEY}")
CLOCK_AFTER_RE = re.compile(rf"\s*,?\s*(?:{_KLO}|at)\b", re.IGNORECASE)
SLASH_DATE_RE = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/])")
_FI_GEN = _alt(f"{stem}n" for stem in W.FI_MONTH_STEMS)
_FI_PAR = _alt(f"{stem}ta" for stem in W.FI_MONTH_STEMS)
_NAMES = _alt([*W.EN_MONTH_NAMES, *W.SV_MONTH_NAMES, *W.MONTH_ABBREVIATIONS])
def _year(n: int) -> str:
    return rf"(?:,?\s+(?P<y{n}>\d{{4}}))?"



MONTH_NAME_DATE_RE = re.compile(
    rf"\b(?P<gen>{_FI_GEN})\s+(?P<d1>\d{{1,2}})\.?(?:\s+päivä(?:nä|ä)?)?{_year(1)}"
    rf"|\b(?P<d2>\d{{1,2}})\.?\s+(?P<par>{_FI_PAR}){_year(2)}"
    rf"|\b(?P<d3>\d{{1,2}})(?:st|nd|rd|th|\.|:e|:a)?\s+(?:of\s+)?(?P<n1>{_NAMES})\b\.?{_year(3)}"
    rf"|\b(?P<n2>{_NAMES})\.?\s+(?:the\s+)?(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?(?!\d){_year(4)}",
    re.IGNORECASE,
)
ORDINAL_DAY_RE = re.compile(r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)", re.IGNORECASE)
_FI_ESS = _alt(f"{stem}ssa" for stem in W.FI_MONTH_STEMS)
MONTH_WINDOW_RE = re.compile(
    rf"\b(?P<ess>{_FI_ESS})\b|\b(?:in|i)\s+(?P<name>{_alt([*W.EN_MONTH_NAMES, *W.SV_MONTH_NAMES])})\b"
    r"|\b(?P<next>ensi\s+kuun\s+alussa|ensi\s+kuussa|next\s+month|nästa\s+månad)\b",
    re.IGNORECASE,
)
WEEK_NUMBER_RE = re.compile(r"\b(?:viikolla|viikon|vecka|week|vko|vk)\s+(?P<w>\d{1,2})\b", re.I)

_FI_HOURS = _alt(sorted(W.FI_HOUR_FORMS, key=len, reverse=True))
FI_SPOKEN_RE = re.compile(
    rf"\b(?:(?P<lead>{_KLO}|{W.FI_BEFORE_WORD}|noin|n\.)\s*)?"
    rf"(?:(?P<min>{_alt(W.FI_MINUTE_WORDS)})\s+(?P<dir>yli|vaille|vailla)\s+)?"
    rf"(?:(?P<half>puoli)\s+)?(?P<hw>{_FI_HOURS})\b"
    rf"(?:\s+(?P<rel>{_alt([*W.FI_AFTER_WORDS, *W.FI_AROUND_WORDS])}|ja\s+(?:{_FI_HOURS})\s+välillä)\b)?",
    re.IGNORECASE,
)
_EN_H = rf"(?:1[0-2]|0?[1-9]|{_alt(W.EN_HOUR_WORDS)})"
EN_SPOKEN_RE = re.compile(
    rf"\b(?:(?:at|around|about|by)\s+)?(?:(?P<min>{_alt(W.EN_MINUTE_WORDS)}|\d{{1,2}})"
    rf"(?:\s+minutes)?\s+(?P<dir>past|after|to)\s+(?P<h>{_EN_H})"
    rf"|(?P<half>half)\s+(?P<h2>{_EN_H})"
    rf"|(?:at|around|about)\s+(?P<h3>{_alt(W.EN_HOUR_WORDS)})"
    rf"|(?P<after>after)\s+(?P<h4>{_EN_H}))\b(?!\s*(?:{_AP}|[:.]\d))",
    re.IGNORECASE,
)
_SV_H = rf"(?:1[0-2]|0?[1-9]|{_alt(W.SV_HOUR_WORDS)})"
SV_SPOKEN_RE = re.compile(
    rf"\b(?:(?P<min>{_alt(W.SV_MINUTE_WORDS)})\s+(?P<dir>i|över)\s+)?"
    rf"(?:(?P<half>halv)\s+(?P<h>{_SV_H})|(?P<h2>{_SV_H}))\b"
    rf"|\b(?:vid|klockan|kl\.?)\s+(?P<h3>{_SV_H})(?:-tiden)?\b",
    re.IGNORECASE,
)
AT_HOUR_RE = re.compile(r"\b(?:at|around|about)\s+(?P<h>[67])(?![\d:.])(?!\s*(?:[ap]\.?m))", re.I)
DAY_END_RE = re.compile(rf"\b(?:{_alt(W.DAY_END_WORDS)})\b", re.IGNORECASE)
OTHER_PART_RE = re.compile(rf"\b(?P<p>{_alt(W.OTHER_DAY_PARTS)})\b", re.IGNORECASE)
SV_RELATIVE_RE = re.compile(
    rf"\b(?:om|inom)\s+(?:(?P<n>\d{{1,3}}|{_alt(W.SV_NUMBERS)})\s+)?"
    rf"(?P<u>halvtimme|{_alt(W.SV_UNIT_WORDS)})\b",
    re.IGNORECASE,
)
# A date or time expression left over in a promise sentence: something the reader did not get.
RESIDUE_RE = re.compile(
    rf"\b(?:{_KLO})\b\.?|\d{{1,2}}:\d{{1,2}}|(?<![\d.])\d{{1,2}}\.\d{{1,2}}\.(?!\d)"
    rf"|\b(?:{_alt(W.EN_MONTH_NAMES)})\b",
    re.IGNORECASE,
)
