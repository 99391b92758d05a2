"""Callback reminders: promises found in the owner's replies, which reminders are due, firing
each one exactly once (desktop first, else an email to the owner), done and snooze.

Firing and crashes. Deciding to fire and marking it fired are one transaction, committed *before*
the notification is tried: ``UPDATE … SET fired_at = now, delivery = 'pending' WHERE id = ? AND
fired_at IS NULL``. Only the run whose UPDATE changed the row delivers it, so two overlapping runs
(cron plus a hand run, or ``check`` and ``remind``) never show one reminder twice. After the
attempt the outcome is written: ``desktop`` or ``email``, or — when neither worked — the claim is
released (``fired_at`` back to NULL, ``delivery = 'failed'``) so the next run tries again; a
reminder is never dropped silently. A run killed between the claim and the outcome leaves
``delivery = 'pending'``; such a claim older than ``CLAIM_LEASE`` (longer than any notification or
SMTP timeout) is released at the start of the next run and fired again. So a crash can at worst
repeat one notification (if it struck after the desktop showed it and before the outcome was
written), never lose one: at-least-once across crashes, exactly once otherwise.

The ``delivery`` columns come from the store's migration ``m004_reminder_delivery``.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from html.parser import HTMLParser
from typing import Any, Literal

from vasteaika.config import Config
from vasteaika.errors import UsageError, VasteaikaError
from vasteaika.hours import BusinessHours, is_business_day
from vasteaika.ledger.records import business_hours
from vasteaika.ledger.store import MessageRef, Store, epoch, from_epoch
from vasteaika.mail.parse import header_safe
from vasteaika.mail.smtp import Sender
from vasteaika.mail.source import MailSource
from vasteaika.reminders.calendar import ReminderInfo, reminders_calendar
from vasteaika.reminders.notify import Notifier, NotifyResult, sanitize_notification_text
from vasteaika.reminders.phones import find_phone
from vasteaika.reminders.promises import Promise, find_promise
from vasteaika.reminders.store import add_reminder

CLAIM_LEASE = timedelta(minutes=10)  # a 'pending' claim older than this was left by a crash
STALE_PROMISE = timedelta(days=1)  # promises due longer ago than this (old mail) are ignored
PROMISE_HORIZON = timedelta(days=21)  # "ensi viikon perjantaina" is the furthest a reply promises
Channel = Literal["desktop", "email", "failed"]


@dataclass(frozen=True)
class Reminder:
    id: int
    conversation_id: int | None
    customer_name: str
    customer_email: str
    subject: str
    phone: str | None
    due_at: datetime
    has_time: bool
    source: str
    promise_text: str | None
    fired_at: datetime | None
    snoozed_until: datetime | None
    done_at: datetime | None
    delivery: str | None
    delivery_note: str | None

    @property
    def remind_at(self) -> datetime:
        """The moment the owner wants to be reminded of the call (a snooze replaces it)."""
        return self.snoozed_until or self.due_at

    def info(self) -> ReminderInfo:
        return ReminderInfo(self.id, self.customer_name, self.customer_email, self.subject,
                            self.phone, self.remind_at, self.source)  # fmt: skip

    def as_json(self, now: datetime, tz: Any) -> dict[str, Any]:
        def iso(t: datetime | None) -> str | None:
            return t.astimezone(tz).isoformat() if t else None

        return {
            "id": self.id,
            "conversation_id": self.conversation_id,
            "customer_name": self.customer_name,
            "customer_email": self.customer_email,
            "subject": self.subject,
            "phone": self.phone,
            "due_at": iso(self.due_at),
            "has_time": self.has_time,
            "snoozed_until": iso(self.snoozed_until),
            "overdue": self.remind_at <= now,
            "source": self.source,
            "promise_text": self.promise_text,
            "fired_at": iso(self.fired_at),
            "delivery": self.delivery,
        }


def _reminder(row: dict[str, Any]) -> Reminder:
    due = from_epoch(row["due_at"])
    assert due is not None
    return Reminder(
        id=row["id"], conversation_id=row["conversation_id"], customer_name=row["customer_name"],
        customer_email=row["customer_email"], subject=row["subject"], phone=row["phone"],
        due_at=due, has_time=bool(row["has_time"]), source=row["source"],
        promise_text=row["promise_text"], fired_at=from_epoch(row["fired_at"]),
        snoozed_until=from_epoch(row["snoozed_until"]), done_at=from_epoch(row["done_at"]),
        delivery=row["delivery"], delivery_note=row["delivery_note"],
    )  # fmt: skip


def _rows(store: Store, where: str, params: Iterable[Any]) -> list[Reminder]:
    sql = (f"SELECT * FROM reminders WHERE {where}"
           " ORDER BY coalesce(snoozed_until, due_at), id")  # fmt: skip
    return [_reminder(r) for r in store.db.query(sql, list(params))]


def get_reminder(store: Store, reminder_id: int) -> Reminder:
    found = _rows(store, "id = ?", [reminder_id])
    if not found:
        raise UsageError(f"there is no reminder {reminder_id}", "see 'vasteaika reminders'")
    return found[0]


def open_reminders(store: Store, now: datetime) -> list[Reminder]:
    """Every reminder whose call is not done yet (overdue ones included), soonest first.
    ``now`` is taken for symmetry with the other readers; every open reminder is listed."""
    return _rows(store, "done_at IS NULL", [])


def due_reminders(store: Store, now: datetime, lead: timedelta) -> list[Reminder]:
    """Not done, not fired, and ``lead`` before the call (or its snooze time) has come."""
    return _rows(
        store,
        "done_at IS NULL AND fired_at IS NULL AND coalesce(snoozed_until, due_at - ?) <= ?",
        [int(lead.total_seconds()), epoch(now)],
    )


# --- firing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fired:
    reminder: Reminder
    channel: Channel
    detail: str


@dataclass
class FireResult:
    fired: list[Fired] = field(default_factory=list)
    desktop: NotifyResult | None = None  # the last desktop attempt; None when none was due
    released: int = 0  # claims left by a crashed run, fired again

    @property
    def desktop_reachable(self) -> bool | None:
        return None if self.desktop is None else self.desktop.shown

    @property
    def failed(self) -> list[Fired]:
        return [f for f in self.fired if f.channel == "failed"]


def fire_due(
    config: Config, store: Store, notifier: Notifier, mailer: Sender | None, now: datetime
) -> FireResult:
    """Deliver every due reminder once: on the desktop, else by email to the owner (when
    ``reminders.email_fallback``), else report it failed and leave it due for the next run."""
    result = FireResult(released=release_stale_claims(store, now))
    mail_error: str | None = None
    for reminder in due_reminders(store, now, config.reminders.lead):
        if not _claim(store, reminder.id, now):
            continue  # another run took it between our query and our claim
        title, body = notification_text(reminder, config)
        shown = notifier.notify(title, body)
        result.desktop = shown
        if shown.shown:
            fired = Fired(reminder, "desktop", shown.reason)
        elif not config.reminders.email_fallback:
            fired = Fired(reminder, "failed", f"{shown.reason}; reminders.email_fallback is off")
        elif mailer is None:
            fired = Fired(reminder, "failed", f"{shown.reason}; no [smtp] server for the email")
        elif mail_error is not None:
            fired = Fired(reminder, "failed", f"{shown.reason}; email failed: {mail_error}")
        else:
            message, owner = reminder_email(reminder, config, now)
            try:
                mailer.send(message, owner)
            except VasteaikaError as exc:
                mail_error = exc.line()
                fired = Fired(reminder, "failed", f"{shown.reason}; email failed: {mail_error}")
            else:
                fired = Fired(reminder, "email", f"emailed to {owner} ({shown.reason})")
        _record(store, fired, now)
        result.fired.append(fired)
    return result


def release_stale_claims(store: Store, now: datetime) -> int:
    """Claims a killed run never resolved become due again (see the module docstring)."""
    with store.db.atomic():
        cur = store.db.execute(
            "UPDATE reminders SET fired_at = NULL, delivery = 'failed',"
            " delivery_note = 'interrupted while being delivered'"
            " WHERE delivery = 'pending' AND fired_at < ? AND done_at IS NULL",
            [epoch(now - CLAIM_LEASE)],
        )
    return cur.rowcount


def _claim(store: Store, reminder_id: int, now: datetime) -> bool:
    with store.db.atomic():
        cur = store.db.execute(
            "UPDATE reminders SET fired_at = ?, delivery = 'pending', delivery_note = NULL"
            " WHERE id = ? AND fired_at IS NULL AND done_at IS NULL",
            [epoch(now), reminder_id],
        )
    return cur.rowcount == 1


def _record(store: Store, fired: Fired, now: datetime) -> None:
    with store.db.atomic():
        if fired.channel == "failed":
            store.db.execute(
                "UPDATE reminders SET fired_at = NULL, delivery = 'failed', delivery_note = ?"
                " WHERE id = ?",
                [fired.detail[:500], fired.reminder.id],
            )
        else:
            store.db.execute(
                "UPDATE reminders SET delivery = ?, delivery_note = ? WHERE id = ?",
                [fired.channel, fired.detail[:500], fired.reminder.id],
            )


WORDS = {
    "fi": {"call": "Soita", "phone": "Puh.", "promised": "Luvattu", "at": " klo ",
           "reminder": "Muistutus", "promise": "Lupaus",
           "attached": "Tapahtuma hälytyksineen on liitteenä kalenteria varten.",
           "why_mail": "(Työpöytäilmoitusta ei voitu näyttää, joten muistutus tuli sähköpostina.)"},
    "en": {"call": "Call", "phone": "Phone", "promised": "Promised", "at": " at ",
           "reminder": "Reminder", "promise": "Promise",
           "attached": "The event with its alarm is attached for your calendar.",
           "why_mail": "(No desktop was reachable, so this reminder came by email.)"},
}  # fmt: skip


def notification_text(reminder: Reminder, config: Config) -> tuple[str, str]:
    """(title, body) of the desktop notification, in the owner's language; the notifier
    sanitizes both again."""
    w = WORDS.get(config.language, WORDS["fi"])
    who = reminder.customer_name or reminder.customer_email
    title = f"{w['call']}: {who}"
    when = reminder.due_at.astimezone(config.hours.timezone)
    day = f"{when:%d.%m.}"
    lines = [
        f"{reminder.subject}" if reminder.subject else "",
        f"{w['phone']} {reminder.phone}" if reminder.phone else reminder.customer_email,
        f"{w['promised']} {day}{w['at']}{when:%H:%M}"
        if reminder.has_time
        else f"{w['promised']} {day}",
        f"vasteaika done {reminder.id} · vasteaika snooze {reminder.id} 30m",
    ]
    return title, " · ".join(line for line in lines if line)


def reminder_email(reminder: Reminder, config: Config, now: datetime) -> tuple[EmailMessage, str]:
    """The email reminder to the owner's own address, with the event as text/calendar."""
    owner = config.owner_address
    title, body = notification_text(reminder, config)
    msg = EmailMessage()
    msg["From"] = formataddr((config.owner_name, owner))
    msg["To"] = owner
    w = WORDS.get(config.language, WORDS["fi"])
    msg["Subject"] = header_safe(sanitize_notification_text(f"{w['reminder']}: {title}", 200))
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid("reminder", domain=owner.rpartition("@")[2])
    msg["Auto-Submitted"] = "auto-generated"
    text = [sanitize_notification_text(part, 500) for part in body.split(" · ")]
    if reminder.promise_text:
        text.append(f"{w['promise']}: " + sanitize_notification_text(reminder.promise_text, 300))
    text += ["", w["attached"], w["why_mail"]]
    msg.set_content("\n".join(text) + "\n")
    ics = reminders_calendar(
        [reminder.info()], config.hours.timezone, config.reminders.alarm_before, stamp_at=now
    )
    msg.add_attachment(ics, maintype="text", subtype="calendar",
                       filename=f"soitto-{reminder.id}.ics", params={"method": "PUBLISH"})  # fmt: skip
    return msg, owner


# --- done and snooze ----------------------------------------------------------------------------


def mark_done(store: Store, reminder_id: int, now: datetime) -> bool:
    """The call was made. When the conversation had no reply by mail yet, the call is its first
    response, at ``now``; returns whether it was."""
    reminder = get_reminder(store, reminder_id)
    if reminder.done_at is not None:
        raise UsageError(f"reminder {reminder_id} is already done", "nothing to do")
    counted = False
    with store.db.atomic():
        store.db.execute("UPDATE reminders SET done_at = ? WHERE id = ?", [epoch(now), reminder_id])
        if reminder.conversation_id is not None:
            cur = store.db.execute(
                "UPDATE conversations SET first_reply_at = ?, reply_channel = 'call'"
                " WHERE id = ? AND first_reply_at IS NULL",
                [epoch(now), reminder.conversation_id],
            )
            counted = cur.rowcount == 1
    return counted


def snooze(store: Store, reminder_id: int, delta: timedelta, now: datetime) -> Reminder:
    """Remind again ``delta`` from now (no lead: the snooze time is the reminder time)."""
    if delta <= timedelta(0):
        raise UsageError("a snooze must be longer than zero", "e.g. vasteaika snooze 3 30m")
    reminder = get_reminder(store, reminder_id)
    if reminder.done_at is not None:
        raise UsageError(f"reminder {reminder_id} is already done", "nothing to snooze")
    with store.db.atomic():
        store.db.execute(
            "UPDATE reminders SET snoozed_until = ?, fired_at = NULL, delivery = NULL,"
            " delivery_note = NULL WHERE id = ?",
            [epoch(now + delta), reminder_id],
        )
    return get_reminder(store, reminder_id)


# --- promises in the owner's replies ------------------------------------------------------------


def find_reply_promises(
    config: Config, store: Store, source: MailSource, run_id: int, now: datetime
) -> int:
    """Read the owner's replies not read yet (whole mail, BODY.PEEK) and make a reminder of every
    promised callback time; each reply is marked read with its reminder, so a run that breaks
    half-way loses nothing. ``run_id`` is kept for the caller's symmetry. Returns how many
    reminders were added."""
    # Only replies recent enough to promise something still ahead: a first sync of years of
    # Sent mail must not fetch every body (one round trip each).
    since = epoch(now - PROMISE_HORIZON)
    rows = list(store.db.query(
        "SELECT id, folder, uid, uidvalidity, message_id, received_at, conversation_id"
        " FROM messages WHERE kind = 'owner' AND promise_scanned = 0"
        " AND conversation_id IS NOT NULL AND received_at >= ? ORDER BY folder, uid",
        [since]))  # fmt: skip
    hours = business_hours(config.hours)
    selected: dict[str, int] = {}
    added = 0
    for row in rows:
        ref = MessageRef(row["folder"], row["uidvalidity"], row["uid"])
        promise: Promise | None = None
        with store.guard(ref, "promise", epoch(now)):
            promise = _reply_promise(store, source, selected, ref, row, hours, now)
        if promise is None:
            _scanned(store, row["id"])
            continue
        phone = _customer_phone(store, source, selected, row["conversation_id"], now)
        with store.guard(ref, "reminder", epoch(now)) as creating:
            add_reminder(store, row["conversation_id"], due_at=epoch(promise.due_at),
                         source="reply", phone=phone, now=epoch(now),
                         source_message_id=row["message_id"],
                         promise_text=promise.text, has_time=promise.has_time)  # fmt: skip
            added += store.count("SELECT changes()")
            _scanned(store, row["id"])
        if creating.failed:  # recorded in problems; not tried again on every run
            _scanned(store, row["id"])
    return added


def _reply_promise(
    store: Store,
    source: MailSource,
    selected: dict[str, int],
    ref: MessageRef,
    row: dict[str, Any],
    hours: BusinessHours,
    now: datetime,
) -> Promise | None:
    """The callback the reply promises, when it is still ahead and not promised already."""
    data = _fetch(source, selected, ref)
    base = from_epoch(row["received_at"])
    if data is None or base is None:
        return None
    promise = find_promise(
        body_text(data), base.astimezone(hours.timezone), day_start=hours.start,
        is_business_day=lambda d: is_business_day(d, hours),
    )  # fmt: skip
    if (
        promise is None
        or promise.due_at < now - STALE_PROMISE
        or _already_promised(store, row["conversation_id"], epoch(promise.due_at))
    ):
        return None
    return promise


def _already_promised(store: Store, conversation_id: int, due_at: int) -> bool:
    """The reply repeats a time already promised (typically the acknowledgment's slot): one
    call, one reminder."""
    return store.count(
        "SELECT count(*) FROM reminders WHERE conversation_id = ? AND due_at = ? AND done_at IS NULL",
        conversation_id, due_at,
    ) > 0  # fmt: skip


def _scanned(store: Store, message_pk: int) -> None:
    store.db.execute("UPDATE messages SET promise_scanned = 1 WHERE id = ?", [message_pk])


def _fetch(source: MailSource, selected: dict[str, int], ref: MessageRef) -> bytes | None:
    folder = ref.folder
    if folder not in selected:
        selected[folder] = source.select(folder).uidvalidity
    if selected[folder] != ref.uidvalidity:
        return None
    return source.fetch_text(folder, ref.uid)


def _customer_phone(
    store: Store, source: MailSource, selected: dict[str, int], conversation_id: int, now: datetime
) -> str | None:
    """The phone number an earlier reminder of the conversation has (the acknowledgment read it
    from the first mail), else the one in the customer's first mail."""
    known = store.db.execute(
        "SELECT phone FROM reminders WHERE conversation_id = ? AND phone IS NOT NULL LIMIT 1",
        [conversation_id],
    ).fetchone()
    if known:
        return str(known[0])
    first = store.first_contact_ref(conversation_id)
    if first is None:
        return None
    phone: str | None = None
    with store.guard(first, "phone", epoch(now)):
        data = _fetch(source, selected, first)
        phone = find_phone(body_text(data, own_words=False)) if data else None
    return phone


def body_text(data: bytes, *, own_words: bool = True) -> str:
    """The text/plain part, else the HTML part as text (quoted blocks left out when
    ``own_words``); "" for a mail that cannot be read."""
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


class _TextOfHtml(HTMLParser):
    BLOCK = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "table", "hr"})
    SKIP = frozenset({"script", "style", "head", "title"})
    QUOTE = re.compile(r"gmail_quote|moz-cite-prefix|divRplyFwdMsg|OutlookMessageHeader", re.I)

    def __init__(self, drop_quotes: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_quotes = drop_quotes
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stopped = False
        self.in_tag = False

    def parse_starttag(self, i: int) -> int:
        # HTMLParser hands a malformed start tag (``<b\0>``) to handle_data: it is markup.
        self.in_tag = True
        try:
            return super().parse_starttag(i)
        finally:
            self.in_tag = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        if self.drop_quotes and (tag == "blockquote" or self.QUOTE.search(marks)):
            self.stopped = True  # the quoted mail starts here: the reply's own words end
        if tag in self.SKIP:
            self.skip_depth += 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth and not self.stopped and not self.in_tag:
            self.parts.append(data)

    def close(self) -> None:
        # What feed() could not finish (an unclosed tag, comment or declaration at the very end)
        # is markup, not text: HTMLParser.close() would hand it over as data.
        unfinished = _MARKUP_START.search(self.rawdata)
        if unfinished:
            self.rawdata = self.rawdata[: unfinished.start()]
        super().close()


_MARKUP_START = re.compile(r"<[A-Za-z/!?]")
_ANY_TAG = re.compile(r"<(/?)([A-Za-z0-9]*)[^>]*(?:>|$)")
_INVISIBLE = re.compile(r"<(script|style|head|title)\b.*?(?:</\1\s*>|$)", re.I | re.S)


def html_to_text(text: str, *, drop_quotes: bool = True) -> str:
    """The text of an HTML body, never raising: where HTMLParser gives up (Python 3.11 raises
    AssertionError on a marked section such as ``<![foo[ x ]]>``), the tags are stripped
    plainly instead, so one odd mail costs at most some layout, never the run."""
    parser = _TextOfHtml(drop_quotes)
    try:
        parser.feed(text)
        parser.close()
    except Exception:
        return _strip_tags(text, drop_quotes)
    return "".join(parser.parts)


def _strip_tags(text: str, drop_quotes: bool) -> str:
    """A plain tag-strip in one linear pass: invisible elements dropped, and everything from the
    quoted mail on when ``drop_quotes``; block tags become line breaks, other tags and comments
    go, character references are decoded."""
    text = _INVISIBLE.sub(" ", text)
    parts: list[str] = []
    at = 0
    for m in _ANY_TAG.finditer(text):
        parts.append(text[at : m.start()])
        at = m.end()
        if drop_quotes and (m[2].lower() == "blockquote" or _TextOfHtml.QUOTE.search(m[0])):
            return html.unescape("".join(parts))
        parts.append("\n" if m[2].lower() in _TextOfHtml.BLOCK else "")
    parts.append(text[at:])
    return html.unescape("".join(parts))
