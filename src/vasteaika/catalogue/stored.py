"""An error's line as it was stored, said again in the owner's language.

Some lines outlive the command that raised them: the reason an acknowledgment failed (the
ledger), the last problem ``status`` shows (the health file, the watcher's state), why calendar
changes wait. They are stored as the error said them, in English (older versions wrote the
same English, and a log or a grep finds them so). When shown, the line is read back into the
catalogue's error it came from — each error's English ``message — hint`` read as a pattern,
its placeholders as the values — and said in the owner's language. A line no error of the
catalogue says (another version's, a bug's) is shown as stored.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import cache

from vasteaika.catalogue import FALLBACK, Said, say
from vasteaika.catalogue.words import WORDS

_NUMBER_SPECS = frozenset({"g", ".0f"})


@dataclass(frozen=True)
class _Reading:
    key: str
    pattern: re.Pattern[str]
    numbers: frozenset[str]  # placeholders that were formatted as numbers


def said_again(line: str, lang: str) -> str:
    """``line`` (an error's English ``message — hint``) in ``lang``; as stored if it is not
    one of the catalogue's errors."""
    if lang == FALLBACK or not line:
        return line
    for reading in _readings():
        if m := reading.pattern.fullmatch(line):
            values = {name: _value(name, text, reading.numbers)
                      for name, text in m.groupdict().items()}  # fmt: skip
            try:
                message = say(lang, reading.key, **values)
                hint = say(lang, reading.key + "_hint", **values)
            except (ValueError, KeyError, IndexError):
                continue
            return f"{message} — {hint}" if hint else message
    return line


def _value(name: str, text: str, numbers: frozenset[str]) -> object:
    if name in numbers:
        try:
            return int(text) if text.isdigit() else float(text)
        except ValueError:
            return text
    return _words_back().get(text, text)


@cache
def _words_back() -> dict[str, Said]:
    """A value that is itself words of the catalogue (an address's problem): read back too."""
    return {text: Said(key) for key, text in WORDS[FALLBACK].items() if key.startswith("address.")}


@cache
def _readings() -> tuple[_Reading, ...]:
    english = WORDS[FALLBACK]
    readings = []
    for key, message in english.items():
        hint = english.get(key + "_hint")
        if hint is None or key.endswith("_hint"):
            continue
        read = _pattern(f"{message} — {hint}" if hint else message)
        if read is not None:
            readings.append(_Reading(key, *read))
    # The most literal first: a pattern that is mostly placeholders must not swallow another's.
    readings.sort(key=lambda r: -len(re.sub(r"\(\?P<\w+>\.\+\?\)", "", r.pattern.pattern)))
    return tuple(readings)


def _pattern(template: str) -> tuple[re.Pattern[str], frozenset[str]] | None:
    """The regular expression that reads ``template``'s English back, or None when one of its
    placeholders cannot be read back (a date format)."""
    parts: list[str] = []
    seen: set[str] = set()
    numbers: set[str] = set()
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if not name.isidentifier():
            return None
        if "|" in (spec or ""):
            one, _, other = (spec or "").partition("|")
            parts.append(f"(?:{re.escape(one)}|{re.escape(other)})")
            numbers.add(name)
            continue
        if spec and spec not in _NUMBER_SPECS:
            return None
        if spec:
            numbers.add(name)
        group = f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
        seen.add(name)
        parts.append(f"['\"]{group}['\"]" if conversion == "r" else group)
    return re.compile("".join(parts), re.DOTALL), frozenset(numbers)
