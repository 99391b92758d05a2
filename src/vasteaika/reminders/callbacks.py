"""Firing callback reminders: each due one exactly once, on the desktop first, else by an email
to the owner with the event attached. (The record and its SQL are ``store``'s, the promises
found in the owner's replies ``replies``'.)

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

The statements are ``store``'s (claim, record_delivery, release_stale_claims); the
``delivery`` columns come from the ledger's migration ``m004_reminder_delivery``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from vasteaika.catalogue import day, error_line, moment, say
from vasteaika.config import Config
from vasteaika.errors import VasteaikaError
from vasteaika.reminders.notify import Notifier, NotifyResult, sanitize_notification_text
from vasteaika.reminders.store import (
    ACK_IN_DOUBT,
    Reminder,
    cancel_ignored,
    claim,
    due_reminders,
    record_delivery,
    release_stale_claims,
)

if TYPE_CHECKING:  # the mail and calendar parts load only when a reminder is mailed
    from email.message import EmailMessage

    from vasteaika.ledger.store import Store
    from vasteaika.mail.smtp import Sender

Channel = Literal["desktop", "email", "failed"]


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
    ``reminders.email_fallback``), else report it failed and leave it due for the next run.
    The reminders of customers on ``[customers] ignore`` are cancelled first, never fired."""
    cancel_ignored(store, config.ignore, now)
    result = FireResult(released=release_stale_claims(store, now))
    mail_error: str | None = None
    lang = config.language
    for reminder in due_reminders(store, now, config.reminders.lead):
        if not claim(store, reminder.id, now):
            continue  # another run took it between our query and our claim
        title, body = notification_text(reminder, config)
        shown = notifier.notify(title, body)
        result.desktop = shown
        why = shown.said(lang)  # why no desktop, in the owner's words
        if shown.shown:
            fired = Fired(reminder, "desktop", shown.reason)
        elif not config.reminders.email_fallback:
            fired = Fired(reminder, "failed", say(lang, "delivery.fallback_off", reason=why))
        elif mailer is None:
            fired = Fired(reminder, "failed", say(lang, "delivery.no_smtp", reason=why))
        elif mail_error is not None:
            fired = Fired(reminder, "failed",
                          say(lang, "delivery.mail_failed", reason=why, error=mail_error))  # fmt: skip
        else:
            message, owner = reminder_email(reminder, config, now)
            try:
                mailer.send(message, owner)
            except VasteaikaError as exc:
                mail_error = error_line(exc, lang)
                fired = Fired(reminder, "failed",
                              say(lang, "delivery.mail_failed", reason=why,
                                  error=mail_error))  # fmt: skip
            else:
                fired = Fired(reminder, "email",
                              say(lang, "delivery.emailed", owner=owner, reason=why))  # fmt: skip
        record_delivery(store, reminder.id, fired.channel, fired.detail)
        result.fired.append(fired)
    return result


def notification_text(reminder: Reminder, config: Config) -> tuple[str, str]:
    """(title, body) of the desktop notification, in the owner's language; the notifier
    sanitizes both again."""
    lang = config.language
    who = reminder.customer_name or reminder.customer_email
    verb = reminder.kind if reminder.kind in ("call", "visit", "message") else "call"
    title = f"{say(lang, 'mail.' + verb)}: {who}"
    when = reminder.due_at.astimezone(config.hours.timezone)
    lines = [
        f"{reminder.subject}" if reminder.subject else "",
        f"{say(lang, 'mail.phone')} {reminder.phone}" if reminder.phone else reminder.customer_email,
        f"{say(lang, 'mail.promised')} {moment(lang, when) if reminder.has_time else day(lang, when)}",
        say(lang, "mail.in_doubt") if reminder.source == ACK_IN_DOUBT else "",
        f"vasteaika done {reminder.id} · vasteaika snooze {reminder.id} 30m",
    ]
    return title, " · ".join(line for line in lines if line)


def reminder_email(reminder: Reminder, config: Config, now: datetime) -> tuple[EmailMessage, str]:
    """The email reminder to the owner's own address, with the event as text/calendar."""
    from email.message import EmailMessage
    from email.utils import format_datetime, formataddr, make_msgid

    from vasteaika.mail.parse import header_safe
    from vasteaika.reminders.calendar import owner_domain, reminders_calendar

    owner = config.owner_address
    title, body = notification_text(reminder, config)
    msg = EmailMessage()
    msg["From"] = formataddr((config.owner_name, owner))
    msg["To"] = owner
    lang = config.language
    subject = f"{say(lang, 'mail.reminder')}: {title}"
    msg["Subject"] = header_safe(sanitize_notification_text(subject, 200))
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid("reminder", domain=owner.rpartition("@")[2])
    msg["Auto-Submitted"] = "auto-generated"
    text = [sanitize_notification_text(part, 500) for part in body.split(" · ")]
    if reminder.promise_text:
        promised = sanitize_notification_text(reminder.promise_text, 300)
        text.append(f"{say(lang, 'mail.promise')}: {promised}")
    text += ["", say(lang, "mail.attached"), say(lang, "mail.why_mail")]
    msg.set_content("\n".join(text) + "\n")
    ics = reminders_calendar(
        [reminder.info(owner_domain(config.owner_address))],
        config.hours.timezone,
        config.reminders.alarm_before,
        stamp_at=now,
        lang=lang,
    )
    msg.add_attachment(ics, maintype="text", subtype="calendar",
                       filename=say(lang, "mail.file", id=reminder.id),
                       params={"method": "PUBLISH"})  # fmt: skip
    return msg, owner
