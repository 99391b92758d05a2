"""Raw header bytes → Message: decoded names and subject, normalized ids, aware datetimes.

The parser is tolerant: anything odd in a mail is repaired or dropped, and only a mail with no
readable From address or no usable date at all raises ParseError. The header block itself
(unfolding, encoded-words, sanitizing text) is read by ``headers``; this module makes addresses,
ids, dates and subjects of it.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from email.utils import getaddresses, parsedate_to_datetime

from vasteaika.errors import ParseError
from vasteaika.mail.headers import ENCODED_WORD, decode_words, header_block, read_headers

# Re-exported: acks, ledger and reminders import these two from here.
from vasteaika.mail.headers import header_safe as header_safe
from vasteaika.mail.headers import sanitize_header_text as sanitize_header_text
from vasteaika.models import Address, Message, RawMessage

NAME_LIMIT = 200
SUBJECT_LIMIT = 500
SYNTHETIC_DOMAIN = "synthetic.vasteaika.invalid"

_BRACKETED_ID = re.compile(r"<([^<>]*)>")
_ADDRESS_DELIMITERS = re.compile(r"[\s<>\"',;:()\[\]]+")
_VALID_ADDRESS = re.compile(r"[^\s@<>]+@[^\s@<>]+")
_MIME_TYPE = re.compile(r"\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*(?:;|$)")
# §9 of AUTOREPLY_RULES minus the one- and two-letter prefixes (R:, I:, TR:) that are real words.
_SUBJECT_PREFIX = r"(?:re|aw|sv|vs|vl|vb|vast|antw|wg|fw|fwd|rv|rif|odp|ynt|enc|doorst|svar)"
_SUBJECT_LEADER = re.compile(
    rf"^\s*(?:\[[^\]]*\]\s*)*{_SUBJECT_PREFIX}\s*(?:\[\d+\]|\(\d+\)|\^\d+)?\s*:\s*", re.I
)
_SUBJECT_BLOB = re.compile(r"^\s*\[[^\]]*\]\s*(?=\S)")
_SUBJECT_TRAILER = re.compile(r"\s*\(fwd\)\s*$", re.I)
_FORWARD_WRAPPER = re.compile(r"\s*\[fwd:\s*(.*)\]\s*", re.I)
# The common address forms, read without the stdlib parser: ``a@b``, ``<a@b>``, ``Name <a@b>``
# and ``"Name" <a@b>``, comma-separated. An atom is what email.utils takes as one (anything but
# specials, whitespace and controls); anything else (comments, groups, routes, escapes, odd
# spacing) goes to getaddresses. tests/test_parse.py checks that both give the same answer.
_ATOM = r"[^\s()<>@,:;.\"\[\]\\\x00-\x1f\x7f]+"
_ADDR_SPEC = rf"{_ATOM}(?:\.{_ATOM})*@{_ATOM}(?:\.{_ATOM})*"
_SIMPLE_ADDRESS = (
    rf"(?:(?:({_ATOM}(?:[ \t]+{_ATOM})*)|\"([^\"\\\r\n]*)\")[ \t]*)?<({_ADDR_SPEC})>|({_ADDR_SPEC})"
)
_SIMPLE_ADDRESS_ITEM = re.compile(rf"[ \t]*(?:{_SIMPLE_ADDRESS})[ \t]*(?:,|$)")
_SIMPLE_ADDRESS_ONE = re.compile(rf"[ \t]*(?:{_SIMPLE_ADDRESS})[ \t]*")
_SIMPLE_ADDRESS_LIST = re.compile(
    rf"[ \t]*(?:{_SIMPLE_ADDRESS})(?:[ \t]*,[ \t]*(?:{_SIMPLE_ADDRESS}))*[ \t]*"
)
# RFC 5322 §3.3 as nearly every mailer writes it; anything else goes to parsedate_to_datetime.
_SIMPLE_DATE = re.compile(
    r"(?:[A-Za-z]{3},[ \t]*)?([0-9]{1,2}) ([A-Za-z]{3}) ([1-9][0-9]{3})"
    r" ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([+-])([0-9]{2})([0-9]{2})"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_PLAIN_ID = re.compile(r"[!#-;=?-~]+")  # printable ASCII but space and <>"
_SIMPLE_ID = re.compile(r"<([!#-;=?A-~]+@[!#-;=?A-~]+)>")  # the same but @, around one @


def parse(raw: RawMessage) -> Message:
    """The header fields of ``raw``; ParseError when no sender or no date is readable."""
    block = header_block(raw.data)
    headers = read_headers(block)
    from_addr = _from_address(headers.get("from", ()))
    if from_addr is None:
        raise _problem(raw, "no readable From address")
    date = _first_date(headers.get("date", ()))
    received_at = _as_aware(raw.internal_date) if raw.internal_date else date
    arrival_source = raw.arrival_source if raw.internal_date else "date"
    if received_at is None:
        raise _problem(raw, "no arrival time and no readable Date header")
    message_id = next(iter(_ids(headers.get("message-id", ()))), None)
    in_reply_to = _ids(headers.get("in-reply-to", ()))
    return Message(
        message_id=message_id or _synthetic_id(block),
        synthetic_id=message_id is None,
        folder=raw.folder,
        uid=raw.uid,
        from_addr=from_addr,
        sender=next(iter(_addresses(headers.get("sender", ()))), None),
        reply_to=_addresses(headers.get("reply-to", ())),
        to=_addresses(headers.get("to", ())),
        cc=_addresses(headers.get("cc", ())),
        subject=_subject(_first(headers, "subject")),
        date=date,
        received_at=received_at,
        in_reply_to=in_reply_to,
        references=_ids(headers.get("references", ())) or in_reply_to[:1],
        return_path=_return_path(headers.get("return-path")),
        content_type=_content_type(_first(headers, "content-type")),
        headers=headers,
        arrival_source=arrival_source,
    )


def header_times(data: bytes) -> tuple[datetime | None, datetime | None]:
    """(the time in the topmost Received header, the Date header's time) of a raw mail; each
    None when missing or unreadable. The topmost Received was written by the last server, the
    one that delivered the mail into the mailbox: its time (after the last ";") is the arrival."""
    headers = read_headers(header_block(data))
    return received_time(headers.get("received", ())), _first_date(headers.get("date", ()))


def received_time(values: tuple[str, ...]) -> datetime | None:
    """The time of the topmost Received header (after its last ";"); None when missing or
    unreadable."""
    return _first_date((values[0].rpartition(";")[2].strip(),)) if values else None


@functools.lru_cache(maxsize=8192)  # a conversation's mails share their subject
def _subject(value: str) -> str:
    return sanitize_header_text(decode_words(value), SUBJECT_LIMIT)


@functools.lru_cache(maxsize=8192)
def base_subject(subject: str) -> str:
    """The subject without reply/forward prefixes, list tags and "(fwd)", casefolded (RFC 5256
    §2.1 plus the Nordic and German prefixes of AUTOREPLY_RULES §9)."""
    text = unicodedata.normalize("NFC", sanitize_header_text(subject, limit=10_000))
    previous = None
    while text != previous:
        previous = text
        text = _SUBJECT_TRAILER.sub("", text)
        text = _SUBJECT_LEADER.sub("", text)
        wrapped = _FORWARD_WRAPPER.fullmatch(text)
        text = wrapped[1] if wrapped else _SUBJECT_BLOB.sub("", text)
    return " ".join(text.split()).casefold()


def _first(headers: dict[str, tuple[str, ...]], name: str) -> str:
    values = headers.get(name, ())
    return values[0] if values else ""


def _addresses(values: Iterable[str]) -> tuple[Address, ...]:
    return _addresses_of(tuple(values)) if values else ()


_SET_ASIDE = re.compile(r"=\?(\d+)\?=")


@functools.lru_cache(maxsize=8192)
def _addresses_of(values: tuple[str, ...]) -> tuple[Address, ...]:
    """Addresses with decoded, sanitized names (cached: the same To and From recur constantly).

    Encoded-words are set aside before the address parser runs: decoded (or even raw, in Q form)
    they may hold ``:``, ``@`` or ``<`` and would otherwise be read as addresses or groups.
    """
    words: list[str] = []
    if any("=?" in value for value in values):
        values = tuple(ENCODED_WORD.sub(functools.partial(_set_aside, words), v) for v in values)
    result = []
    for name, email in _read_addresses(list(values)):
        email = email.strip().lower()
        if _VALID_ADDRESS.fullmatch(email) and "=?" not in email:
            if "=?" in name:  # else nothing was set aside and nothing is to decode
                name = decode_words(_restore(words, name))
            result.append(Address(email, sanitize_header_text(name, NAME_LIMIT)))
    return tuple(result)


def _set_aside(words: list[str], match: re.Match[str]) -> str:
    words.append(match[0])
    return f"=?{len(words) - 1}?="


def _restore(words: list[str], text: str) -> str:
    """The encoded-words set aside put back; a number that was not set aside is text the mail
    wrote (a quoted ``"=\\?0\\?="``) and is kept."""
    return _SET_ASIDE.sub(lambda m: words[int(m[1])] if int(m[1]) < len(words) else m[0], text)


def _read_addresses(values: list[str]) -> list[tuple[str, str]]:
    """(name, address) pairs as ``email.utils.getaddresses`` gives them, faster for the common
    simple forms."""
    pairs: list[tuple[str, str]] = []
    for value in values:
        one = _SIMPLE_ADDRESS_ONE.fullmatch(value)
        if one is not None:  # most values: one address
            matches: Iterable[re.Match[str]] = (one,)
        elif _SIMPLE_ADDRESS_LIST.fullmatch(value):
            matches = _SIMPLE_ADDRESS_ITEM.finditer(value)
        else:
            return _getaddresses(values)
        for match in matches:
            atoms, quoted, bracketed, bare = match.groups()
            if bare is not None:
                pairs.append(("", bare))
            else:
                name = " ".join(atoms.split()) if atoms is not None else quoted or ""
                pairs.append((name, bracketed))
    return pairs


def _getaddresses(values: list[str]) -> list[tuple[str, str]]:
    try:
        return getaddresses(values)
    # Garbage the stdlib parser trips over; it recurses once per nested comment "((((…".
    except (ValueError, IndexError, TypeError, RecursionError):
        return []


def _from_address(values: tuple[str, ...]) -> Address | None:
    """The first From address; an address found in surrounding garbage is still an address."""
    found = _addresses(values)
    if found:
        return found[0]
    for value in values:
        for token in _ADDRESS_DELIMITERS.split(ENCODED_WORD.sub(" ", value)):
            if _VALID_ADDRESS.fullmatch(token):
                return Address(token.lower())
    return None


def _ids(values: tuple[str, ...]) -> tuple[str, ...]:
    """Normalized message ids, in order, duplicates dropped: every ``<…>`` or a lone bare id."""
    simple = _simple_id(values)
    if simple is not None:
        return simple
    found: list[str] = []
    for value in values:
        candidates = _BRACKETED_ID.findall(value) or [value]
        for candidate in candidates:
            normalized = _normalize_id(candidate)
            if normalized and normalized not in found:
                found.append(normalized)
    return tuple(found)


def _simple_id(values: tuple[str, ...]) -> tuple[str] | None:
    """Fast path of ``_ids`` for the usual header: one ``<left@right>`` of printable ASCII, as
    it is; None for anything else."""
    match = _SIMPLE_ID.fullmatch(values[0]) if len(values) == 1 else None
    return (match[1],) if match is not None and len(match[1]) <= 998 else None


def _normalize_id(text: str) -> str | None:
    """``"x"@y`` → ``x@y``; None for anything that is not ``left@right`` of printable characters."""
    text = "".join(text.split())
    if _PLAIN_ID.fullmatch(text) and text.count("@") == 1:
        left, _at, right = text.partition("@")  # the common case: no quotes, one @
        return text if left and right and len(text) <= 998 else None
    left, at, right = text.rpartition("@")
    if len(left) >= 2 and left[0] == left[-1] == '"':
        left = re.sub(r"\\(.)", r"\1", left[1:-1])
    normalized = f"{left}@{right}"
    if not (at and left and right) or len(normalized) > 998:
        return None
    if any(not c.isprintable() or c.isspace() or c in '<>"' for c in normalized):
        return None
    return normalized


def _synthetic_id(header_block: bytes) -> str:
    return f"{hashlib.sha256(header_block).hexdigest()[:32]}@{SYNTHETIC_DOMAIN}"


# Written by the author's mail program and left alone in transit (unlike Received, Return-Path
# or spam tags), so a mail keeps them when a server renumbers or migrates a folder.
_FINGERPRINT_HEADERS = ("from", "reply-to", "to", "date", "subject")


def content_fingerprint(msg: Message) -> int:
    """What tells two mails with the same Message-ID apart: a hash of the raw From, Reply-To,
    To, Date and Subject (whitespace collapsed, as servers may fold lines anew).

    A folder holds a message once per (Message-ID, fingerprint). Two customers' mails that a
    broken mailer gave one id differ here and stay two messages; the same mail read again
    under new UIDs after a UIDVALIDITY change is found once. A mail copied twice into one
    folder (identical headers) is one message on purpose: one contact, one acknowledgment."""
    text = "\0".join(["\1".join(msg.headers.get(n, ())) for n in _FINGERPRINT_HEADERS])
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big", signed=True)  # one SQLite INTEGER, cheap to index


def _first_date(values: tuple[str, ...]) -> datetime | None:
    for value in values:
        simple = _simple_date(value)
        if simple is not None:
            return simple
        try:
            return _as_aware(parsedate_to_datetime(value))
        except (TypeError, ValueError, OverflowError, IndexError):
            continue
    return None


def _simple_date(value: str) -> datetime | None:
    """``parsedate_to_datetime`` for the usual form of the Date header; None for any other."""
    match = _SIMPLE_DATE.fullmatch(value)
    month = _MONTHS.get(match[2].lower()) if match else None
    if match is None or month is None:
        return None
    day, _, year, hour, minute, second, sign, zone_hours, zone_minutes = match.groups()
    try:
        zone = _zone(sign, zone_hours, zone_minutes)
        return datetime(int(year), month, int(day), int(hour), int(minute), int(second), 0, zone)
    except (ValueError, OverflowError):
        return None  # out of range: let the stdlib parser decide


@functools.lru_cache(maxsize=256)  # a mailbox holds a handful of zones: made once each
def _zone(sign: str, hours: str, minutes: str) -> timezone:
    offset = int(hours) * 3600 + int(minutes) * 60
    if offset == 0 and sign == "-":  # -0000: the zone is unknown (RFC 5322 §3.3)
        return UTC
    return timezone(timedelta(seconds=-offset if sign == "-" else offset))


def _as_aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _return_path(values: tuple[str, ...] | None) -> str | None:
    """None: no header; "": the null sender ``<>``; else the lower-cased address."""
    if values is None:
        return None
    value = values[0] if values else ""
    match = _BRACKETED_ID.search(value)
    inner = (match[1] if match else value).strip().strip("<>").strip()
    if not inner:
        return ""
    found = _addresses([inner])
    return found[0].email if found else sanitize_header_text(inner, NAME_LIMIT).lower()


def _content_type(value: str) -> str:
    match = _MIME_TYPE.match(value)
    return match[1].lower() if match else "text/plain"


def _problem(raw: RawMessage, reason: str) -> ParseError:
    return ParseError(
        f"{raw.folder} UID {raw.uid}: {reason}",
        "the message is skipped; open it in your mail client to read it",
    )
