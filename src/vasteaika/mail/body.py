"""What the writer typed in a mail's body, and whether it opens like an out-of-office reply.

Apart from ``mail.classify`` (headers only, as the sync reads them) because it needs the whole
mail: the sync reads the body of an INBOX mail that the headers call a customer's, so that an
out-of-office reply without any header or subject marker is no contact; the acknowledgment
(``acks.content``) reads the same text for its own refusals. Only the writer's own text counts:
quoted lines and anything after a forward marker are cut, so a customer who forwards a
colleague's "Olen lomalla … asti" is still a customer. Pure: bytes in, values out.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from email.message import Message as MimeMessage

from vasteaika.mail import robot_words
from vasteaika.mail.html import html_to_text
from vasteaika.mail.senders import fold

OPENING_CHARS = 300  # an out-of-office reply says so in its first sentences
_OWN_TEXT_CHARS = 2000
_FORWARD_MARKER = re.compile(
    r"^\s*(?:-{3,}|_{5,}|(?:from|lähettäjä|från|fra|von|saatja):\s)", re.IGNORECASE
)


def phrase_pattern(text: str) -> str:
    """A regex for a folded phrase of a word table; "…" stands for a few words of any kind."""
    return r"\s+".join(
        ".{1,60}?" if word == "…" else re.escape(fold(word)) for word in text.split()
    )


def _either(phrases: tuple[str, ...]) -> str:
    return "(?:" + "|".join(phrase_pattern(t) for t in phrases) + ")"


def _nordic_opening() -> str:
    """Swedish, Norwegian and Danish "I am away" in the shape an out-of-office reply gives it:
    an "until" word and a date, a "do not read" tail, or "I am back" and a numbered day."""
    month, weekday = _either(robot_words.NORDIC_MONTHS), _either(robot_words.NORDIC_WEEKDAYS)
    day = (rf"(?:{weekday}\s+)?(?:den\s+)?(?:\d{{1,2}}(?:[./-]\d{{1,2}})?(?:[./-]\d{{2,4}})?"
           rf"\.?(?::?[ae])?(?:\s+{month})?|{month}|{_either(robot_words.NORDIC_WEEK_WORDS)}"
           rf"\s*\d{{1,2}})(?!\w)")  # fmt: skip
    away, until = _either(robot_words.NORDIC_AWAY_OPENINGS), _either(robot_words.NORDIC_UNTIL_WORDS)
    back = _either(robot_words.NORDIC_BACK_PHRASES)
    return (rf"{away}[.,]?\s+(?:{until}\s+(?:{day}|{weekday}(?!\w))|"
            rf"{_either(robot_words.NORDIC_AWAY_TAILS)})"
            rf"|{back}\s+(?:{_either(robot_words.NORDIC_BACK_PLACES)}\s+)?{day}")  # fmt: skip


_OPENINGS = re.compile(
    "|".join(phrase_pattern(t) for t in robot_words.OUT_OF_OFFICE_BODY_OPENINGS), re.DOTALL
)
_NORDIC_OPENING = re.compile(_nordic_opening(), re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|[?!]")


def own_text(parsed: MimeMessage) -> str:
    """The text the writer typed (the plain part, else the HTML part's text): folded, quotes
    and forwarded mail cut away."""
    body = parsed.get_body(("plain", "html")) if isinstance(parsed, EmailMessage) else None
    text = str(body.get_content()) if isinstance(body, EmailMessage) else ""
    if isinstance(body, EmailMessage) and body.get_content_subtype() == "html":
        text = html_to_text(text[: 8 * _OWN_TEXT_CHARS])  # a quoted reply is left out
    own = []
    for line in text[:_OWN_TEXT_CHARS].splitlines():
        if _FORWARD_MARKER.match(line):
            break
        if not line.lstrip().startswith(">"):
            own.append(line)
    return " ".join(fold(" ".join(own)).split())


def opens_like_out_of_office(text: str) -> bool:
    """``text`` (as ``own_text`` gives it) opens like an out-of-office reply. A Nordic "I am
    away until …" whose sentence ends in a question is a person asking ("jag har semester till
    tisdag, kan ni komma då?")."""
    opening = text[:OPENING_CHARS]
    if _OPENINGS.search(opening):
        return True
    return any(not _asks(text, found.end()) for found in _NORDIC_OPENING.finditer(opening))


def _asks(text: str, start: int) -> bool:
    end = _SENTENCE_END.search(text, start)
    return end is not None and end[0].startswith("?")


_FORM_LABEL = re.compile(
    r"\s*(?P<label>"
    + "|".join(re.escape(fold(label)) for labels in robot_words.FORM_FIELD_LABELS.values()
               for label in sorted(labels, key=len, reverse=True))
    + r")\s*(?::|$)",
)  # fmt: skip
_FORM_FIELD = {fold(label): field for field, labels in robot_words.FORM_FIELD_LABELS.items()
               for label in labels}  # fmt: skip


def form_fields(data: bytes) -> frozenset[str]:
    """The fields of a website form (``robot_words.FORM_FIELD_LABELS``) whose labels open lines
    of the whole mail ``data``'s text; a body that cannot be read has none."""
    try:
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        body = parsed.get_body(("plain", "html")) if isinstance(parsed, EmailMessage) else None
        text = str(body.get_content()) if isinstance(body, EmailMessage) else ""
        if isinstance(body, EmailMessage) and body.get_content_subtype() == "html":
            text = html_to_text(text[: 8 * _OWN_TEXT_CHARS])
    except Exception:
        return frozenset()
    found = (_FORM_LABEL.match(fold(line)) for line in text[:_OWN_TEXT_CHARS].splitlines())
    return frozenset(_FORM_FIELD[m["label"]] for m in found if m)


def is_form_text(data: bytes) -> bool:
    """The mail's text is a website form's notification: a message field and another field."""
    fields = form_fields(data)
    return "message" in fields and len(fields) >= 2


def out_of_office_body(data: bytes) -> bool:
    """The whole mail ``data`` opens like an out-of-office reply; a body that cannot be read
    proves nothing (False)."""
    try:
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        return opens_like_out_of_office(own_text(parsed))
    except Exception:
        return False
