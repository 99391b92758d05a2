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


_OPENINGS = re.compile(
    "|".join(phrase_pattern(t) for t in robot_words.OUT_OF_OFFICE_BODY_OPENINGS), re.DOTALL
)


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
    """``text`` (as ``own_text`` gives it) opens like an out-of-office reply."""
    return _OPENINGS.search(text[:OPENING_CHARS]) is not None


def out_of_office_body(data: bytes) -> bool:
    """The whole mail ``data`` opens like an out-of-office reply; a body that cannot be read
    proves nothing (False)."""
    try:
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        return opens_like_out_of_office(own_text(parsed))
    except Exception:
        return False
