"""The words of an acknowledgment: the callback phrase, the customer's language and first name,
and the templates (shipped in the package, overridable by the owner).

The word lists it reads are in ``acks.language_words``. Pure apart from ``load_template``, which
reads a template file.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from string import Template

from vasteaika.acks.language_words import (
    DEVICE_LINE_STARTS,
    EN_MONTHS,
    EN_WEEKDAYS,
    EN_WORDS,
    FI_ENDINGS,
    FI_WEEKDAYS_ON,
    FI_WORDS,
    NOT_A_PERSON,
    SV_ENDINGS,
    SV_WEEKDAYS_ON,
    SV_WORDS,
)
from vasteaika.errors import DataError, StorageError
from vasteaika.mail.parse import sanitize_header_text
from vasteaika.template_spec import (
    LANGUAGES,
    PLACEHOLDERS,
    Language,
    TemplateName,
    validate_template,
)


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


# --- callback phrase, language, names -------------------------------------------------------

def format_day(day: date, lang: Language) -> str:
    """A date as written in running text: "1.12." (Finnish and Finland-Swedish) / "1 December"."""
    return f"{day.day} {EN_MONTHS[day.month - 1]}" if lang == "en" else f"{day.day}.{day.month}."


def callback_phrase(slot: datetime, now: datetime, lang: Language) -> str:
    """ "tänään klo 15", "huomenna klo 10", "maanantaina 30.11. klo 9.30" / "i dag kl. 15",
    "i morgon kl. 10", "på måndag 30.11. kl. 9.30" / "today at 15:00", "tomorrow at 10:00",
    "on Monday 30 November at 9:30". Days are compared in the slot's zone."""
    _require_aware(slot, "slot")
    _require_aware(now, "now")
    days = (slot.date() - now.astimezone(slot.tzinfo).date()).days
    if days < 0:
        raise ValueError("the callback slot is on a day that has already passed")
    if lang == "fi":
        clock = f"klo {slot.hour}" + (f".{slot.minute:02d}" if slot.minute else "")
        day = {0: "tänään", 1: "huomenna"}.get(days)
        return (
            f"{day or FI_WEEKDAYS_ON[slot.weekday()] + ' ' + format_day(slot.date(), 'fi')} {clock}"
        )
    if lang == "sv":
        clock = f"kl. {slot.hour}" + (f".{slot.minute:02d}" if slot.minute else "")
        day = {0: "i dag", 1: "i morgon"}.get(days)
        return (
            f"{day or SV_WEEKDAYS_ON[slot.weekday()] + ' ' + format_day(slot.date(), 'sv')} {clock}"
        )
    clock = f"at {slot.hour}:{slot.minute:02d}"
    day = {0: "today", 1: "tomorrow"}.get(days)
    return f"{day or 'on ' + EN_WEEKDAYS[slot.weekday()] + ' ' + format_day(slot.date(), 'en')} {clock}"


_DEVICE_LINE = re.compile(
    rf"\s*({'|'.join(re.escape(start) for start in DEVICE_LINE_STARTS)})", re.IGNORECASE
)


def detect_language(subject: str, body_or_empty: str, default: Language) -> Language:
    """Finnish, Swedish or English, by counting words. Each word scores once: for Swedish if it
    is in the Swedish list, contains å or (6+ letters) ends in a Swedish ending such as -ning;
    else for Finnish if it is in the Finnish list,
    contains ä or ö, or (5+ letters) ends in a Finnish case ending such as -ssa; else for English
    if it is in the English list. More points wins; a tie gives ``default`` when it is among the
    tied, else the first of Finnish, Swedish, English.
    Only the first 2,000 characters of the body are read; quoted lines (">") and device
    signatures ("Sent from my iPhone", "Lähetetty iPhonesta") are skipped."""
    body = "\n".join(
        line
        for line in body_or_empty[:2000].splitlines()
        if not line.lstrip().startswith(">") and not _DEVICE_LINE.match(line)
    )
    points: dict[Language, int] = {"fi": 0, "sv": 0, "en": 0}
    for word in re.findall(r"[^\W\d_]+", f"{subject}\n{body}".lower()):
        if (language := _word_language(word)) is not None:
            points[language] += 1
    best = max(points.values())
    tied = [language for language in LANGUAGES if points[language] == best]
    return default if default in tied else tied[0]


def _word_language(word: str) -> Language | None:
    if word in SV_WORDS or "å" in word or (len(word) >= 6 and word.endswith(SV_ENDINGS)):
        return "sv"
    if word in FI_WORDS or "ä" in word or "ö" in word:
        return "fi"
    if len(word) >= 5 and word.endswith(FI_ENDINGS):
        return "fi"
    return "en" if word in EN_WORDS else None


_NAME = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


def first_name(display_name: str) -> str:
    """The first name in a display name, or "" when there is no safe guess.

    "Maija Meikäläinen" → "Maija"; "Meikäläinen, Maija" → "Maija"; a single word, an address,
    a company or role name ("Firma Oy", "Asiakaspalvelu") → "". ALL CAPS is title-cased.
    """
    name = sanitize_header_text(display_name, 100).strip("\"' ")
    if not name or "@" in name:
        return ""
    if "," in name:
        surname, _, given = name.partition(",")
        words = given.split()
        if not words or len(surname.split()) < 1:
            return ""
    else:
        words = name.split()
        if len(words) < 2:
            return ""
    if any(w.strip(".").lower() in NOT_A_PERSON for w in name.replace(",", " ").split()):
        return ""
    first = words[0]
    if not _NAME.match(first) or not 2 <= len(first) <= 30:
        return ""
    return first.title() if first.isupper() else first


def greeting(display_name: str, lang: Language) -> str:
    """ "Hei Maija," / "Hej Maija," / "Hi Maija,", or neutral "Hei," / "Hej," / "Hello," when
    no first name is known."""
    first = first_name(display_name)
    if lang in ("fi", "sv"):
        word = "Hei" if lang == "fi" else "Hej"
        return f"{word} {first}," if first else f"{word},"
    return f"Hi {first}," if first else "Hello,"


# --- templates ------------------------------------------------------------------------------


def load_template(name: TemplateName, lang: Language, override_dir: Path | None) -> str:
    """The text of ``{name}_{lang}.txt``: the owner's file in ``override_dir`` if it exists,
    else the one shipped in the package ("key", which ships none, falls back to "ack"). Reads a
    file (the only I/O in this module)."""
    if name not in PLACEHOLDERS or lang not in LANGUAGES:
        raise ValueError(f"no template {name!r} in language {lang!r}")
    filename = f"{name}_{lang}.txt"
    if name == "key" and not (override_dir is not None and (override_dir / filename).is_file()):
        return load_template("ack", lang, override_dir)  # no own text for key customers
    if override_dir is not None and (override_dir / filename).is_file():
        path = override_dir / filename
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(
                f"template {path} is not UTF-8 text", "save it as UTF-8 in your editor"
            ) from exc
        except OSError as exc:
            raise StorageError(
                f"cannot read template {path}: {exc.strerror}", "check the file's permissions"
            ) from exc
    return resources.files("vasteaika.acks").joinpath("templates", filename).read_text("utf-8")


PHONE_REQUEST = {
    "fi": "Kerrothan puhelinnumerosi vastaamalla tähän viestiin.",
    "sv": "Svara gärna på det här meddelandet med ditt telefonnummer.",
    "en": "Please reply with your phone number.",
}
_CALLBACK_LINE = re.compile(r"^(.*\$(?:callback\b|\{callback\}).*?)[ \t]*$", re.MULTILINE)


def with_phone_request(template: str) -> str:
    """``template`` with a $phone_request: an own template written without one asks for the
    number at the end of the line that promises the call."""
    if re.search(r"\$(?:phone_request\b|\{phone_request\})", template):
        return template
    return _CALLBACK_LINE.sub(r"\1 $phone_request", template, count=1)


def render_ack(template: str, **values: str) -> str:
    """Fill ``template``'s placeholders; a template problem or a missing value is a DataError."""
    problems = validate_template(template)
    if problems:
        raise DataError(
            "the acknowledgment template is not usable: " + "; ".join(problems),
            "fix the template file",
        )
    try:
        text = Template(template).substitute(values)
    except KeyError as exc:
        raise DataError(
            f"the template uses ${exc.args[0]}, which has no value here",
            "remove that placeholder from this template",
        ) from exc
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"
