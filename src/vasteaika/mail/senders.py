"""Who a sender address really is: "do not reply" names in any Nordic spelling, platform and form
services, and the envelope sender decoded (BATV, SRS) and aligned with From.

Apart from ``mail.classify`` and ``acks.decision`` because both ask the same questions of an
address and must answer them the same way; the words themselves are in ``mail.robot_words``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from vasteaika.mail import robot_words
from vasteaika.mail.freemail import FREEMAIL_DOMAINS

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"})
_SEPARATORS = re.compile(r"[-_.]+")
_STEMS = frozenset(robot_words.ROBOT_LOCAL_STEMS)
_WORDS = frozenset(robot_words.ROBOT_LOCAL_WORDS)
_SHOP_ROLES = frozenset(robot_words.SHOP_ROLE_LOCAL_WORDS)
# Second-level labels under which organisations register (co.uk); Nordic ccTLDs have none.
_SHARED_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc"})
_BATV = re.compile(r"(?:prvs|btv1=|msprvs\d?)=[^=]+=+(?P<local>.+)", re.IGNORECASE)
_BATV_AFTER = re.compile(r"(?P<local>.+?)=prvs=[^=]+", re.IGNORECASE)
_SRS = re.compile(r"srs0[=+-][^=]+=[^=]+=(?P<domain>[^=]+)=(?P<local>.+)", re.IGNORECASE)
_SRS1 = re.compile(r"srs1[=+-][^=]+=[^=]+==(?P<rest>.+)", re.IGNORECASE)


def fold(text: str) -> str:
    """Casefolded, diacritics removed: "Älä Vastaa" → "ala vastaa"."""
    return text.lower() if text.isascii() else _fold_unicode(text)  # ASCII: casefold is lower


def _fold_unicode(text: str) -> str:
    """The careful path of ``fold``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# The same senders recur in every mailbox, but not within a few thousand mails: a mailbox of
# years with 5,000 customers, read in arrival order, meets each again only after the others,
# and a smaller cache than its senders misses every time. 16,384 entries hold at most ~3 MB.
SENDER_CACHE = 16_384


@functools.lru_cache(maxsize=SENDER_CACHE)
def robot_local_part(local: str) -> str | None:
    """The "do not reply" stem or robot word ``local`` is written with, if any."""
    words = [w for w in _SEPARATORS.split(fold(local).partition("+")[0]) if w]
    joined = "".join(words)
    if joined in _WORDS or joined in _STEMS:
        return joined
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            if "".join(words[start:end]) in _STEMS:
                return "".join(words[start:end])
    return None


@functools.lru_cache(maxsize=4096)
def robot_display_name(name: str) -> str | None:
    """The "do not reply" phrase in a display name, if any."""
    folded = " ".join(_SEPARATORS.sub(" ", fold(name)).split())
    return next((p for p in robot_words.ROBOT_DISPLAY_PHRASES if p in folded), None)


# PLATFORM_SENDERS by what they match: an address itself, or "@domain" (with its subdomains).
_PLATFORM_RANK = {entry: i for i, entry in reversed(list(enumerate(robot_words.PLATFORM_SENDERS)))}


@functools.lru_cache(maxsize=SENDER_CACHE)
def platform_sender(email: str) -> str | None:
    """The PLATFORM_SENDERS entry ``email`` matches (an address, or its domain and subdomains);
    the first one listed when several do."""
    email = email.lower()
    labels = email.rpartition("@")[2].split(".")
    candidates = [email, *("@" + ".".join(labels[i:]) for i in range(len(labels)))]
    found = [entry for entry in candidates if entry in _PLATFORM_RANK]
    return min(found, key=_PLATFORM_RANK.__getitem__) if found else None


def form_service(email: str) -> bool:
    return email.lower() in robot_words.FORM_SERVICE_SENDERS


def organisational_domain(domain: str) -> str:
    """The registered domain: the last two labels, three under a shared second level (co.uk)."""
    labels = domain.lower().strip(".").split(".")
    size = 3 if len(labels) >= 3 and labels[-2] in _SHARED_SECOND_LEVEL else 2
    return ".".join(labels[-size:])


def decoded_envelope(address: str) -> str:
    """The original sender behind a BATV-signed or SRS-rewritten envelope address."""
    local, _, domain = address.lower().rpartition("@")
    if found := _SRS1.fullmatch(local):
        rest = found["rest"]
        local = rest if rest.startswith("srs0") else "srs0=" + rest
    if found := _SRS.fullmatch(local):
        return decoded_envelope(f"{found['local']}@{found['domain']}")
    if found := _BATV.fullmatch(local) or _BATV_AFTER.fullmatch(local):
        return f"{found['local']}@{domain}"
    return address.lower()


def recipient_in_envelope(return_path: str, recipients: Iterable[str]) -> str | None:
    """The recipient that a VERP envelope names (``bounces+123-ylermi=pihapalvelu.fi@em1.shop.fi``
    for ``ylermi@pihapalvelu.fi``): a sending platform's per-recipient bounce address."""
    local = decoded_envelope(return_path).rpartition("@")[0]
    for recipient in recipients:
        name, _, domain = recipient.lower().rpartition("@")
        encoded = f"{name}={domain}"
        if local.endswith(encoded) and local[: -len(encoded)][-1:] in ("-", "+", "."):
            return recipient.lower()
    return None


def shop_role_local_part(email: str) -> bool:
    """``email`` is a shop's or a service's role address (info@, tilaukset@, order@)."""
    local = email.rpartition("@")[0].partition("+")[0]
    return "".join(_SEPARATORS.split(fold(local))) in _SHOP_ROLES


def envelope_aligned(return_path: str, sender: str) -> bool:
    """The envelope sender is ``sender``'s own: the same address once BATV and SRS are decoded,
    or (outside freemail, where every user shares a domain) the same organisational domain."""
    envelope, sender = decoded_envelope(return_path), sender.lower()
    if envelope == sender:
        return True
    domain, from_domain = envelope.rpartition("@")[2], sender.rpartition("@")[2]
    if from_domain in FREEMAIL_DOMAINS or domain in FREEMAIL_DOMAINS:
        return False
    return organisational_domain(domain) == organisational_domain(from_domain)
