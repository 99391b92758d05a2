"""Reading IMAP FETCH answers: header blocks and INTERNALDATE by UID, and UID sets.

Apart from the source (imap_source) because it is the one hot path of a first sync and reads
imaplib's raw answer itself, with imapclient's general parser as the fallback; the source only
asks it for ``UID → (INTERNALDATE, header block)``.
"""

from __future__ import annotations

import contextlib
import functools
import imaplib
import logging
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from imapclient.response_parser import parse_fetch_response

_HEADER_ITEM = b"BODY[HEADER]"

_HEADER_FETCH = "(INTERNALDATE BODY.PEEK[HEADER])"
# One message of the answer to _HEADER_FETCH as imaplib hands it over, in the shape Dovecot and
# most servers use: (b'7 (UID 42 INTERNALDATE "…" BODY[HEADER] {123}', header bytes), b')'.
_FETCH_PREFIX = re.compile(
    rb'[0-9]+ \(UID ([0-9]+) INTERNALDATE "([^"]*)" BODY\[HEADER\] \{[0-9]+\}'
)
_DATE_FETCH = "(INTERNALDATE)"
_DATE_PREFIX = re.compile(rb'[0-9]+ \(UID ([0-9]+) INTERNALDATE "([^"]*)"\)')
_INTERNALDATE = re.compile(
    rb"( ?[0-9]|[0-9]{2})-([A-Za-z]{3})-([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([+-])([0-9]{4})"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        (b"jan", b"feb", b"mar", b"apr", b"may", b"jun",
         b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"), 1
    )
}  # fmt: skip
HeaderBlocks = dict[int, tuple[datetime | None, bytes]]


def fetch_header_blocks(client: Any, uids: Sequence[int]) -> HeaderBlocks:
    """UID → (INTERNALDATE in UTC, header block) with ``BODY.PEEK[HEADER]``.

    imapclient's general response parser costs more than the rest of a first sync's fetch; the
    usual answer is read here directly from imaplib's, and anything unusual (items in another
    order, unsolicited FLAGS updates, an odd date) still goes through imapclient's parser."""
    with _unlogged(client):
        typ, data = uid_fetch(client._imap, _uid_set(uids), _HEADER_FETCH)
    if typ != "OK":
        raise imaplib.IMAP4.error(f"FETCH command error: {typ} {data!r}")
    fast = _read_header_fetch(data)
    if fast is not None:
        return fast
    return _header_items(parse_fetch_response(data, normalise_times=False, uid_is_key=True))


def fetch_arrival_times(client: Any, uids: Sequence[int]) -> dict[int, datetime]:
    """UID → INTERNALDATE in UTC (``UID FETCH … (INTERNALDATE)``): the order a sync reads in.
    About 60 bytes a message; read like ``fetch_header_blocks``, with the same fallback."""
    with _unlogged(client):
        typ, data = uid_fetch(client._imap, _uid_set(uids), _DATE_FETCH)
    if typ != "OK":
        raise imaplib.IMAP4.error(f"FETCH command error: {typ} {data!r}")
    found: dict[int, datetime] = {}
    for part in data:
        match = _DATE_PREFIX.fullmatch(part) if isinstance(part, bytes) else None
        at = _internal_date(match[2]) if match else None
        if match is None or at is None:
            return _date_items(parse_fetch_response(data, normalise_times=False, uid_is_key=True))
        found[int(match[1])] = at
    return found


# An untagged FETCH response line as imaplib's Untagged_status reads it ("* 7 FETCH …").
_FETCH_LINE = re.compile(rb"\* ([0-9]+) FETCH ([^\r\n]+)\r\n")


def uid_fetch(imap: Any, uids: str, items: str) -> tuple[str, list[Any]]:
    """``imap.uid("FETCH", uids, items)``: the same command, the same answer (``typ, data``)
    and the same errors, with the untagged FETCH responses (nearly every line of a big FETCH)
    read by ``_read_answer`` instead of imaplib's general reader, which matches four patterns
    and logs a repr of each line: two thirds of the CPU time of reading a 5,000-mail answer."""
    buffered = hasattr(getattr(imap, "file", None), "peek")
    if getattr(imap, "debug", 0) or not buffered or imap.state not in imaplib.Commands["FETCH"]:
        # --debug (imaplib logs every line), an unbuffered stream, or a state imaplib refuses
        plain: tuple[str, list[Any]] = imap.uid("FETCH", uids, items)
        return plain
    tag = imap._command("UID", "FETCH", uids, items)
    imap._check_bye()
    try:
        _read_answer(imap, tag)
    except imap.abort as exc:
        raise imap.abort(f"command: UID => {exc}") from exc
    except imap.error as exc:
        raise imap.error(f"command: UID => {exc}") from exc
    typ, data = imap.tagged_commands.pop(tag)
    imap._check_bye()
    if typ == "BAD":
        raise imap.error("UID command error: %s %s" % (typ, data))  # noqa: UP031 imaplib's words
    answer: tuple[str, list[Any]] = imap._untagged_response(typ, data, "FETCH")
    return answer


def _read_answer(imap: Any, tag: bytes) -> None:
    """imaplib's ``_get_tagged_response`` with a fast path: an untagged FETCH response whose
    first line is whole in the read buffer is read here, into the same place
    (``untagged_responses["FETCH"]``) in the same shape (its literals as ``(line, bytes)``); any
    other line (a tagged one, EXISTS, BYE, a line cut by the buffer) is left to imaplib."""
    file, done = imap.file, imap.tagged_commands
    while done[tag] is None:
        imap._check_bye()
        match = _FETCH_LINE.match(file.peek(1))
        if match is None:
            imap._get_response()
            continue
        file.read(match.end())
        line = match[1] + b" " + match[2]
        while (literal := imap.Literal.match(line)) is not None:
            imap._append_untagged("FETCH", (line, imap.read(int(literal["size"]))))
            line = imap._get_line()
        imap._append_untagged("FETCH", line)


def _date_items(response: Any) -> dict[int, datetime]:
    found = {uid: to_utc(item.get(b"INTERNALDATE")) for uid, item in response.items()}
    return {uid: at for uid, at in found.items() if at is not None}


@contextlib.contextmanager
def _unlogged(client: Any) -> Iterator[None]:
    """imapclient sets imaplib's debug level to 5, so imaplib formats a repr of every line and
    header block it reads for a logger that, unless --debug, throws it away: a tenth of the
    fetch's CPU time. Lowered for the big FETCHes when that logger would not log."""
    imap = client._imap
    level = getattr(imap, "debug", 0)
    if logging.getLogger("imapclient.imaplib").isEnabledFor(logging.DEBUG):
        yield
        return
    imap.debug = 0
    try:
        yield
    finally:
        imap.debug = level


def _header_items(response: Any) -> HeaderBlocks:
    return {
        uid: (to_utc(item.get(b"INTERNALDATE")), bytes(item[_HEADER_ITEM] or b""))
        for uid, item in response.items()
        if _HEADER_ITEM in item
    }


def _read_header_fetch(data: list[Any]) -> HeaderBlocks | None:
    """The usual shape of the answer read without a general parser; None for any other."""
    found: HeaderBlocks = {}
    parts = iter(data)
    for part in parts:
        if not isinstance(part, tuple) or len(part) != 2:
            return None
        match = _FETCH_PREFIX.fullmatch(part[0])
        if match is None or next(parts, None) != b")":
            return None
        internal_date = _internal_date(match[2])
        if internal_date is None:
            return None
        found[int(match[1])] = (internal_date, bytes(part[1]))
    return found


def _internal_date(value: bytes) -> datetime | None:
    """``01-Nov-2026 10:00:00 +0200`` as an aware UTC datetime; None for any other form."""
    match = _INTERNALDATE.fullmatch(value)
    month = _MONTHS.get(match[2].lower()) if match else None
    if match is None or month is None:
        return None
    day, _, year, hour, minute, second, sign, zone = match.groups()
    try:
        local = datetime(int(year), month, int(day), int(hour), int(minute), int(second), 0, UTC)
    except ValueError:
        return None
    return local - _ahead_of_utc(sign, zone)


@functools.lru_cache(maxsize=64)  # a server writes its INTERNALDATEs in a zone or two
def _ahead_of_utc(sign: bytes, zone: bytes) -> timedelta:
    """The zone's offset (``+0200``: two hours), made once: a timedelta from hours and minutes
    costs more than the rest of reading the date, twice for each mail of a first sync."""
    offset = timedelta(hours=int(zone[:2]), minutes=int(zone[2:]))
    return -offset if sign == b"-" else offset


def _uid_set(uids: Sequence[int]) -> str:
    """Ascending UIDs as an IMAP set with ranges: ``1:3,7,9:10``."""
    ranges: list[str] = []
    start = previous = -1
    for uid in uids:
        if uid != previous + 1:
            if start >= 0:
                ranges.append(f"{start}:{previous}" if previous > start else str(start))
            start = uid
        previous = uid
    if start >= 0:
        ranges.append(f"{start}:{previous}" if previous > start else str(start))
    return ",".join(ranges)


def to_utc(value: object) -> datetime | None:
    """INTERNALDATE as an aware UTC datetime (imapclient with ``normalise_times=False``)."""
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=UTC)  # no zone given: take it as UTC
    return value.astimezone(UTC)
