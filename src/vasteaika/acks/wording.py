"""The words of an acknowledgment: the callback phrase, the customer's language and first name,
and the templates (shipped in the package, overridable by the owner).

Pure apart from ``load_template``, which reads a template file.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from string import Template
from typing import Literal

from vasteaika.errors import DataError, StorageError
from vasteaika.mail.parse import sanitize_header_text
from vasteaika.template_spec import PLACEHOLDERS, TemplateName, validate_template

Language = Literal["fi", "en"]


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


# --- callback phrase, language, names -------------------------------------------------------

_FI_WEEKDAYS = (
    "maanantaina",
    "tiistaina",
    "keskiviikkona",
    "torstaina",
    "perjantaina",
    "lauantaina",
    "sunnuntaina",
)
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_day(day: date, lang: Language) -> str:
    """A date as written in running text: "1.12." / "1 December"."""
    return f"{day.day}.{day.month}." if lang == "fi" else f"{day.day} {_EN_MONTHS[day.month - 1]}"


def callback_phrase(slot: datetime, now: datetime, lang: Language) -> str:
    """ "tänään klo 15", "huomenna klo 10", "maanantaina 30.11. klo 9.30" / "today at 15:00",
    "tomorrow at 10:00", "on Monday 30 November at 9:30". Days are compared in the slot's zone."""
    _require_aware(slot, "slot")
    _require_aware(now, "now")
    days = (slot.date() - now.astimezone(slot.tzinfo).date()).days
    if days < 0:
        raise ValueError("the callback slot is on a day that has already passed")
    if lang == "fi":
        clock = f"klo {slot.hour}" + (f".{slot.minute:02d}" if slot.minute else "")
        day = {0: "tänään", 1: "huomenna"}.get(days)
        return (
            f"{day or _FI_WEEKDAYS[slot.weekday()] + ' ' + format_day(slot.date(), 'fi')} {clock}"
        )
    clock = f"at {slot.hour}:{slot.minute:02d}"
    day = {0: "today", 1: "tomorrow"}.get(days)
    return f"{day or 'on ' + _EN_WEEKDAYS[slot.weekday()] + ' ' + format_day(slot.date(), 'en')} {clock}"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FI_WORDS = _words("""
hei moi moikka terve päivää kiitos kiitoksia ja tai sekä kun että mutta jos ei en et emme ole olen
olisi oli onko olisiko voisitko voisitteko voitteko voitko haluaisin haluan haluaisimme tarvitsen
tarvitsisin tarvitsemme minä mä meillä minulla meidän teidän sinun kanssa nyt vielä myös kuinka
paljon milloin missä mitä mikä tarjous tarjousta tarjouspyyntö hinta hintaa hinnat kysymys kysyä
asia asiasta koskien soitto soita soittakaa soittaisitko puhelin puh numero yhteydenotto apua
terveisin ystävällisin kiireellinen kiire huomenna tänään viikolla ensi tämä tämän se sitä
""")
_EN_WORDS = _words("""
hi hello dear thanks thank the and or but i you your my we our us is are be been would could can
will like please regards best kind sincerely for with of to in at about this that have has need
want looking quote request price prices question call back today tomorrow week when what how much
if it an a get help interested inquiry enquiry offer urgent appointment available possible
""")
_DEVICE_LINE = re.compile(r"\s*(sent from my|get outlook for|lähetetty )", re.IGNORECASE)
_FI_ENDINGS = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "kin")


def detect_language(subject: str, body_or_empty: str, default: Language) -> Language:
    """Finnish or English, by counting words. Each word scores once: for Finnish if it is in the
    Finnish list, contains ä or ö, or (5+ letters) ends in a Finnish case ending such as -ssa;
    for English if it is in the English list. More points wins; a tie gives ``default``.
    Only the first 2,000 characters of the body are read; quoted lines (">") and device
    signatures ("Sent from my iPhone", "Lähetetty iPhonesta") are skipped."""
    body = "\n".join(
        line
        for line in body_or_empty[:2000].splitlines()
        if not line.lstrip().startswith(">") and not _DEVICE_LINE.match(line)
    )
    finnish = english = 0
    for word in re.findall(r"[^\W\d_]+", f"{subject}\n{body}".lower()):
        if (
            word in _FI_WORDS
            or "ä" in word
            or "ö" in word
            or (len(word) >= 5 and word.endswith(_FI_ENDINGS))
        ):
            finnish += 1
        elif word in _EN_WORDS:
            english += 1
    if finnish == english:
        return default
    return "fi" if finnish > english else "en"


_NOT_A_PERSON = _words("""
oy oyj ab ky tmi ry ltd llc inc gmbh plc co team tiimi support service services info admin
asiakaspalvelu myynti sales office toimisto webmaster customer
""")
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
    if any(w.strip(".").lower() in _NOT_A_PERSON for w in name.replace(",", " ").split()):
        return ""
    first = words[0]
    if not _NAME.match(first) or not 2 <= len(first) <= 30:
        return ""
    return first.title() if first.isupper() else first


def greeting(display_name: str, lang: Language) -> str:
    """ "Hei Maija," / "Hi Maija,", or neutral "Hei," / "Hello," when no first name is known."""
    first = first_name(display_name)
    if lang == "fi":
        return f"Hei {first}," if first else "Hei,"
    return f"Hi {first}," if first else "Hello,"


# --- templates ------------------------------------------------------------------------------


def load_template(name: TemplateName, lang: Language, override_dir: Path | None) -> str:
    """The text of ``{name}_{lang}.txt``: the owner's file in ``override_dir`` if it exists,
    else the one shipped in the package ("key", which ships none, falls back to "ack"). Reads a
    file (the only I/O in this module)."""
    if name not in PLACEHOLDERS or lang not in ("fi", "en"):
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
