"""Header text, byte-level and safe: the header block of raw mail, its fields unfolded,
RFC 2047 encoded-words decoded, and text made safe to show or to write back into a header.

Apart from parse (which builds a Message from these fields) because this is what every part of
vasteaika that writes a header relies on (``sanitize_header_text``, ``header_safe``), and it
knows nothing of addresses, ids or dates. Pure: no I/O.
"""

from __future__ import annotations

import binascii
import re
import unicodedata

ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_BETWEEN_WORDS = re.compile(r"(?<=\?=)[ \t\r\n]+(?==\?)")
_QP_BYTE = re.compile(rb"=([0-9A-Fa-f]{2})")
_EMPTY_LINE = re.compile(rb"(?:^|\r\n|\n|\r(?!\n))(?:\r\n|\n|\r)")
_HEADER_LINE = re.compile(rb"([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)", re.S)
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "iso-8859-8-i": "iso-8859-8"}


def sanitize_header_text(s: str, limit: int = 200) -> str:
    """One line of printable text: control characters and line separators become spaces, bidi
    overrides and lone surrogates go, whitespace is collapsed and the result is at most ``limit``
    characters long. Safe to put back into a header."""
    if s.isprintable():  # the common case: no control, separator, surrogate or bidi character
        return " ".join(s.split())[: max(limit, 0)].rstrip()
    kept = []
    for char in s:
        category = unicodedata.category(char)
        if category in ("Cc", "Zl", "Zp"):
            kept.append(" ")
        elif category != "Cs" and char not in _BIDI_CONTROLS:
            kept.append(char)
    return " ".join("".join(kept).split())[: max(limit, 0)].rstrip()


def header_safe(s: str, limit: int = 200) -> str:
    """``sanitize_header_text`` for text that goes INTO a header we write: also breaks up any
    literal encoded-word (``=?…?=``). Python before 3.11.10 decodes such text when it folds the
    header, so ``=?utf-8?q?a=0D=0ABcc:_x@y?=`` in a customer's subject would become a Bcc line."""
    return sanitize_header_text(s, limit).replace("=?", "= ?")


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded-words anywhere in ``value``, in any charset, never raising.

    Adjacent encoded-words are joined (the whitespace between them is not text), and consecutive
    words in one charset are decoded together so that a multi-byte character split across two
    words survives.
    """
    return value if "=?" not in value else _decode_encoded_words(value)  # most have none


def _decode_encoded_words(value: str) -> str:
    """The careful path of ``decode_words``."""
    value = _BETWEEN_WORDS.sub("", value)
    parts: list[str] = []
    pending: list[bytes] = []
    pending_charset = ""
    position = 0
    for match in ENCODED_WORD.finditer(value):
        charset = match[1].partition("*")[0].lower()
        if match.start() > position or charset != pending_charset:
            parts.append(_decode_bytes(b"".join(pending), pending_charset))
            pending = []
            parts.append(value[position : match.start()])
        pending.append(_word_bytes(match[2], match[3]))
        pending_charset = charset
        position = match.end()
    parts.append(_decode_bytes(b"".join(pending), pending_charset))
    parts.append(value[position:])
    return "".join(parts)


def _word_bytes(encoding: str, text: str) -> bytes:
    data = text.encode("ascii", "replace")
    if encoding in "qQ":
        return _QP_BYTE.sub(lambda m: bytes([int(m[1], 16)]), data.replace(b"_", b" "))
    data = data.rstrip(b"=")
    try:
        return binascii.a2b_base64(data + b"=" * (-len(data) % 4))
    except binascii.Error:
        return "\ufffd".encode()


def _decode_bytes(data: bytes, charset: str) -> str:
    if not data:
        return ""
    try:
        return data.decode(_CHARSET_ALIASES.get(charset, charset), "replace")
    except (LookupError, UnicodeError, ValueError):
        return data.decode("utf-8", "replace")


def header_block(data: bytes) -> bytes:
    """Everything before the first empty line (the whole input when there is none)."""
    end = _crlf_header_end(data)
    if end is not None:
        return data[:end]
    match = _EMPTY_LINE.search(data)
    return data[: match.start()] if match else data


def _crlf_header_end(data: bytes) -> int | None:
    """Fast path of ``header_block``: where the header block of a mail written with CRLF line
    ends throughout ends (its first ``CRLF CRLF``); None for any other shape (a bare CR or LF,
    no empty line, an empty first line), which the careful path reads."""
    end = data.find(b"\r\n\r\n")
    if end <= 0 or data[0] in b"\r\n":
        return None
    crs = data.count(b"\r", 0, end)
    if crs != data.count(b"\n", 0, end) or crs != data.count(b"\r\n", 0, end):
        return None
    return end


def read_headers(block: bytes) -> dict[str, tuple[str, ...]]:
    """Every header, lower-cased name → all values, unfolded, 8-bit bytes read as UTF-8 or Latin-1.

    Written by hand rather than with ``email.parser`` so that one garbage line (or an mbox
    ``From `` line, or obsolete ``Name :`` syntax) is skipped instead of ending the header block.
    """
    fast = _read_utf8_headers(block)
    return fast if fast is not None else _read_headers_by_line(block)


_FIELD = re.compile(r"^([\x21-\x39\x3b-\x7e]+)[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)", re.M)


def _read_utf8_headers(block: bytes) -> dict[str, tuple[str, ...]] | None:
    """Fast path of ``read_headers`` for a block that is valid UTF-8 (ASCII included) with CRLF
    or LF line ends: one regex over the whole text instead of a loop over its lines. None for any
    other block (a bare CR, 8-bit bytes that are not UTF-8), which the careful path reads.

    The same as line by line: only CR and LF end a line, both are ASCII, so decoding the whole
    block gives the text of each field decoded alone; a continuation line (space or tab) joins
    the field above it, and none follows a line that is not a field."""
    if b"\r" in block:
        block = block.replace(b"\r\n", b"\n")
        if b"\r" in block:
            return None
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError:
        return None
    headers: dict[str, tuple[str, ...]] = {}
    for name, value in _FIELD.findall(text):
        key, value = name.lower(), value.replace("\n", "").strip()
        earlier = headers.get(key)
        headers[key] = (value,) if earlier is None else (*earlier, value)
    return headers


def _read_headers_by_line(block: bytes) -> dict[str, tuple[str, ...]]:
    """The careful path of ``read_headers``: line by line, each field decoded on its own."""
    fields: list[tuple[str, list[bytes]]] = []
    current: list[bytes] | None = None
    for line in block.splitlines():
        if line[:1] in (b" ", b"\t"):
            if current is not None:
                current.append(line)
            continue
        match = _HEADER_LINE.fullmatch(line)
        current = [match[2]] if match else None
        if match and current is not None:
            fields.append((match[1].decode("ascii").lower(), current))
    collected: dict[str, list[str]] = {}
    for name, parts in fields:
        collected.setdefault(name, []).append(_to_text(b"".join(parts)).strip())
    return {name: tuple(values) for name, values in collected.items()}


def _to_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")
