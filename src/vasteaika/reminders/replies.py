"""Promises in the owner's replies: each reply not read yet is fetched whole (BODY.PEEK), its
own words (quoted mail left out, HTML read as text) searched for a promised callback time,
and every promise still ahead becomes a reminder, with the customer's phone number. Apart
from the firing because it reads the mailbox, and the firing never does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from vasteaika.config import Config
from vasteaika.hours import BusinessHours, is_business_day
from vasteaika.ledger.records import business_hours
from vasteaika.ledger.store import MessageRef, Store, epoch, from_epoch
from vasteaika.mail.source import MailSource
from vasteaika.reminders.phones import find_phone
from vasteaika.reminders.store import (
    add_reminder,
    already_promised,
    change_promise,
    earlier_promise,
    known_phone,
    later_customer_mails,
    mark_scanned,
    replies_to_scan,
)

if TYPE_CHECKING:  # the reader is imported when a reply is read: most runs read none
    from vasteaika.reminders.promises import Promise, Reading

_HEADER_NAME = re.compile(rb"[\x21-\x39\x3b-\x7e]+(?=:)")
_QUOTED = rb'"[\x20\x21\x23-\x5b\x5d-\x7e]*"'
_PLAIN_TYPE = re.compile(
    rb"\s*text/plain\s*((?:;\s*[a-z0-9-]+=(?:" + _QUOTED + rb"|[a-z0-9._-]+)\s*)*);?\s*",
    re.IGNORECASE,
)
_PARAM = re.compile(rb";\s*([a-z0-9-]+)=(?:(" + _QUOTED + rb")|([a-z0-9._-]+))", re.IGNORECASE)
_RAW_ENCODINGS = (b"", b"7bit", b"8bit", b"binary")

STALE_PROMISE = timedelta(days=1)  # promises due longer ago than this (old mail) are ignored
PROMISE_HORIZON = timedelta(days=21)  # "ensi viikon perjantaina" is the furthest a reply promises


@dataclass(frozen=True)
class PastPromise:
    """A promise whose time had already passed (by more than STALE_PROMISE) when its reply was
    read: no reminder can help any more, but the owner is told of it once instead of never."""

    conversation_id: int
    customer_email: str
    customer_name: str
    due_at: datetime
    has_time: bool
    text: str
    kind: str


def find_reply_promises(
    config: Config, store: Store, source: MailSource, run_id: int, now: datetime,
    past: list[PastPromise] | None = None,
) -> int:  # fmt: skip
    """Read the owner's replies not read yet (whole mail, BODY.PEEK) and make a reminder of every
    promised callback time; each reply is marked read with its reminder, so a run that breaks
    half-way loses nothing. ``run_id`` is kept for the caller's symmetry. Returns how many
    reminders were added; ``past`` receives the promises already past when read. A later reply
    that promises a new time for a promise an earlier reply made changes that reminder (its
    calendar event follows) instead of adding one."""
    # Only replies recent enough to promise something still ahead: a first sync of years of
    # Sent mail must not fetch every body (one round trip each).
    since = epoch(now - PROMISE_HORIZON)
    rows = replies_to_scan(store, since)
    hours = business_hours(config.hours)
    selected: dict[str, int] = {}
    added = 0
    for row in rows:
        ref = MessageRef(row["folder"], row["uidvalidity"], row["uid"])
        reading: Reading | None = None
        with store.guard(ref, "promise", epoch(now)):
            reading = _reply_promise(store, source, selected, ref, row, hours, now, past)
        if reading is None:
            mark_scanned(store, row["id"])
            continue
        phone = _customer_phone(store, source, selected, row["conversation_id"], now)
        promise = reading.promise
        with store.guard(ref, "reminder", epoch(now)) as creating:
            earlier = earlier_promise(store, row["conversation_id"], reading.kind,
                                      row["received_at"]) if promise else None  # fmt: skip
            if promise and earlier is not None:
                change_promise(store, earlier, due_at=epoch(promise.due_at),
                               has_time=promise.has_time, promise_text=promise.text,
                               source_message_id=row["message_id"], phone=phone)  # fmt: skip
            else:
                add_reminder(store, row["conversation_id"],
                             due_at=epoch(promise.due_at) if promise else row["received_at"],
                             source="reply", phone=phone, now=epoch(now),
                             source_message_id=row["message_id"],
                             promise_text=promise.text if promise else reading.unreadable,
                             has_time=promise.has_time if promise else False,
                             kind=reading.kind, unreadable=promise is None)  # fmt: skip
                added += store.count("SELECT changes()")
            mark_scanned(store, row["id"])
        if creating.failed:  # recorded in problems; not tried again on every run
            mark_scanned(store, row["id"])
    return added


def _reply_promise(
    store: Store,
    source: MailSource,
    selected: dict[str, int],
    ref: MessageRef,
    row: dict[str, Any],
    hours: BusinessHours,
    now: datetime,
    past: list[PastPromise] | None = None,
) -> Reading | None:
    """The callback the reply promises, when it is still ahead and not promised already, or a
    promise whose time could not be read (recorded so the owner can set it). One long past is
    put in ``past``."""
    from vasteaika.reminders.promises import read_promise

    data = fetch_ref(source, selected, ref)
    base = from_epoch(row["received_at"])
    if data is None or base is None:
        return None
    reading = read_promise(
        body_text(data), base.astimezone(hours.timezone), day_start=hours.start,
        day_end=hours.end, is_business_day=lambda d: is_business_day(d, hours),
    )  # fmt: skip
    if reading is None or (reading.promise is None and reading.unreadable is None):
        return None
    promise = reading.promise
    if promise is None:
        return reading
    if already_promised(store, row["conversation_id"], epoch(promise.due_at)):
        return None
    if promise.due_at < now - STALE_PROMISE:
        if past is not None:
            past.append(_past(store, row["conversation_id"], promise, reading.kind))
        return None
    return reading


def _past(store: Store, conversation_id: int, promise: Promise, kind: str) -> PastPromise:
    conv = store.conversation(conversation_id) or {}
    return PastPromise(conversation_id, str(conv.get("customer_email") or ""),
                       str(conv.get("customer_name") or ""), promise.due_at, promise.has_time,
                       promise.text, kind)  # fmt: skip


def fetch_ref(source: MailSource, selected: dict[str, int], ref: MessageRef) -> bytes | None:
    """The whole mail, when its folder still has the UIDVALIDITY it was read in (``selected``:
    the folders selected so far in this pass, by their UIDVALIDITY)."""
    folder = ref.folder
    if folder not in selected:
        selected[folder] = source.select(folder).uidvalidity
    if selected[folder] != ref.uidvalidity:
        return None
    return source.fetch_text(folder, ref.uid)


def _customer_phone(
    store: Store, source: MailSource, selected: dict[str, int], conversation_id: int, now: datetime
) -> str | None:
    """The newest phone number the customer wrote: in their own words in a later mail of the
    conversation (never the quoted mail, where the owner's signature is), else the one an
    earlier reminder has (the acknowledgment read it from the first mail), else the one in the
    customer's first mail."""
    for ref in later_customer_mails(store, conversation_id):
        if phone := _phone_in(store, source, selected, ref, now, own_words=True):
            return phone
    known = known_phone(store, conversation_id)
    if known:
        return known
    first = store.first_contact_ref(conversation_id)
    if first is None:
        return None
    return _phone_in(store, source, selected, first, now, own_words=False)


def _phone_in(
    store: Store, source: MailSource, selected: dict[str, int], ref: MessageRef, now: datetime,
    *, own_words: bool,
) -> str | None:  # fmt: skip
    from vasteaika.reminders.promises import strip_quoted

    phone: str | None = None
    with store.guard(ref, "phone", epoch(now)):
        data = fetch_ref(source, selected, ref)
        text = body_text(data, own_words=own_words) if data else ""
        phone = find_phone(strip_quoted(text, keep_signature=True) if own_words else text)
    return phone


def body_text(data: bytes, *, own_words: bool = True) -> str:
    """The text/plain part, else the HTML part as text (quoted blocks left out when
    ``own_words``); "" for a mail that cannot be read."""
    plain = _plain_text(data)
    if plain is not None:
        return plain[:50_000]
    return _parsed_text(data, own_words=own_words)


def _parsed_text(data: bytes, *, own_words: bool = True) -> str:
    """``body_text`` as the email package reads it."""
    import email
    import email.policy

    from vasteaika.mail.html import html_to_text

    try:
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        part = parsed.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        content = str(part.get_content())[:50_000]
    except Exception:  # a broken body costs only the promise in it
        return ""
    if part.get_content_subtype() == "html":
        return html_to_text(content, drop_quotes=own_words)
    return content


def _plain_text(data: bytes) -> str | None:
    """The text of a mail of the commonest shape, read as the email package reads it: one
    text/plain part (or no Content-Type), not an attachment, 7bit/8bit or quoted-printable,
    a plain header block. None for anything else: the email package reads it."""
    crlf, lf = data.find(b"\r\n\r\n"), data.find(b"\n\n")
    if crlf >= 0 and (lf < 0 or crlf < lf):
        lines, body = data[:crlf].split(b"\r\n"), data[crlf + 4 :]
    elif lf >= 0:
        lines, body = data[:lf].split(b"\n"), data[lf + 2 :]
    else:
        return None
    if any(b"\r" in line or b"\n" in line for line in lines):
        return None
    fields: dict[bytes, list[bytes]] = {}
    values: list[bytes] | None = None
    for line in lines:
        if line[:1] in (b" ", b"\t") and values is not None:
            values[-1] += b"\n" + line  # folded: a coding folded is one the email package keeps raw
            continue
        name = _HEADER_NAME.match(line)
        if name is None:
            return None
        values = fields.setdefault(name[0].lower(), [])
        values.append(line[name.end() + 1 :])
    return _plain_content(fields, body)


def _plain_content(fields: dict[bytes, list[bytes]], body: bytes) -> str | None:
    kinds = fields.get(b"content-type", [b"text/plain"])
    codings = fields.get(b"content-transfer-encoding", [b""])
    if b"content-disposition" in fields or len(kinds) > 1 or len(codings) > 1:
        return None
    kind = _PLAIN_TYPE.fullmatch(kinds[0])
    coding = codings[0].lstrip(b" \t").lower()
    if kind is None or (coding not in _RAW_ENCODINGS and coding != b"quoted-printable"):
        return None
    charsets = [q[1:-1] or t for n, q, t in _PARAM.findall(kind[1]) if n.lower() == b"charset"]
    if len(charsets) > 1:
        return None
    if coding == b"quoted-printable":
        import quopri

        body = quopri.decodestring(body)
    try:
        return body.decode(charsets[0].decode() if charsets else "ASCII", errors="replace")
    except LookupError:
        return None
