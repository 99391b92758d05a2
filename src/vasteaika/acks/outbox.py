"""Acknowledge new customer contacts: decide, render, record as pending, send, mark sent.

Crash safety follows one rule: the outbox row (with the pre-generated Message-ID) is committed
before the message is handed to SMTP and marked sent after the server accepts it. A row left
pending by a killed process is never sent again: the next run resolves it by finding its
Message-ID in Sent, and otherwise leaves it for the owner (`vasteaika outbox`).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from vasteaika.acks.store import (
    ack_candidates,
    ack_seen_for,
    acks_in_doubt,
    last_ack_to,
    owner_auto_replied,
    resolve_pending_acks,
    set_ack,
)
from vasteaika.acks.trust import trusted
from vasteaika.config import Config
from vasteaika.errors import (
    AuthenticationError,
    ConfigError,
    DataError,
    ParseError,
    TemporaryError,
    UnreachableError,
    VasteaikaError,
)
from vasteaika.ledger.records import business_hours
from vasteaika.ledger.store import MessageRef, Store, epoch, from_epoch
from vasteaika.mail.source import MailSource
from vasteaika.models import Message, RawMessage
from vasteaika.reminders.phones import find_phone
from vasteaika.reminders.store import (
    ACK_IN_DOUBT,
    add_reminder,
    confirm_ack_reminder,
    customer_phone,
)
from vasteaika.template_spec import Language, TemplateName

if TYPE_CHECKING:  # the deciding, composing and sending only when there is someone to answer
    from email.message import EmailMessage

    from vasteaika.acks.decision import AckDecision, AckSettings
    from vasteaika.mail.smtp import Sender

OWNER_AUTO_REPLIED = (
    "owner-auto-replied: your own automatic reply (a vacation reply) already went to this"
    " customer; it is no answer, so the conversation waits for yours"
)
Deliver = Callable[["EmailMessage", str], None]
OnAck = Callable[["AckPlan"], None]


@dataclass(frozen=True)
class AckPlan:
    conversation_id: int
    recipient: str
    language: str
    callback_at: datetime
    message: EmailMessage
    body: str
    phone: str | None


@dataclass
class AckOutcome:
    planned: list[AckPlan] = field(default_factory=list)
    delivered: list[AckPlan] = field(default_factory=list)
    skipped: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    resolved_pending: int = 0
    learned_authserv_id: str | None = None  # learned in this run (said once by `check`)
    error: VasteaikaError | None = None  # delivery stopped: the server is down or uncertain


def ack_settings(config: Config, authserv_id: str | None = None) -> AckSettings:
    """``authserv_id``: whose Authentication-Results to trust in this run (acks.trust)."""
    from vasteaika.acks.decision import AckSettings

    owner = config.owner_address
    return AckSettings(
        mode=cast(Any, config.ack.mode),
        owner_name=config.owner_name,
        owner_address=owner,
        owner_addresses=config.owner_addresses,
        max_age=config.ack.max_age,
        once_per_days=config.ack.once_per_days,
        form_senders=config.ack.form_senders,
        trusted_authserv_id=authserv_id,
        subject_prefix=config.ack.subject_prefix,
    )


def acknowledge_new(
    config: Config,
    store: Store,
    source: MailSource,
    now: datetime,
    deliver: Deliver | None,
    on_ack: OnAck | None = None,
) -> AckOutcome:
    """Acknowledge every young, unanswered, unacknowledged conversation that passes the rules.

    ``deliver`` sends (or saves as a draft) one message; None plans only (``--dry-run``, run on
    a throw-away copy of the database). ``on_ack`` hears of each one as it goes out (the
    watcher's log), so a run that fails later still tells of those sent before.
    """
    outcome = AckOutcome()
    if config.ack.mode == "off":
        return outcome
    outcome.resolved_pending = resolve_pending(store, now)
    trust = trusted(config.ack.authserv_id, store, config.inbox, epoch(now))
    outcome.learned_authserv_id = trust.authserv_id if trust.new else None
    settings: AckSettings | None = None  # made for the first candidate: most runs have none
    cutoff = epoch(now - config.ack.max_age)
    for row in ack_candidates(store, cutoff):
        settings = settings or ack_settings(config, trust.authserv_id)
        # A failed planning step sends nothing: the conversation is not acknowledged in this
        # run, the reason is in `vasteaika problems`, and the next run decides again.
        plan: AckPlan | None = None
        with store.guard(_first_mail(row), "ack", epoch(now)):
            plan = _plan_one(config, settings, store, source, row, now, outcome)
        if plan is None:
            continue
        outcome.planned.append(plan)
        if deliver is None:
            continue
        went = len(outcome.delivered)
        carry_on = _deliver(store, plan, deliver, now, outcome, config.ack.mode)
        if on_ack is not None and len(outcome.delivered) > went:
            on_ack(plan)
        if not carry_on:
            break  # the server is down: every other ack would fail the same way
    return outcome


def resolve_pending(store: Store, now: datetime) -> int:
    """Pending (or drafted) acknowledgments whose Message-ID has been seen in the mailbox did go
    out: mark them sent and remind of the callback they promised."""
    with store.db.atomic():
        resolved = resolve_pending_acks(store)
        for conversation_id, callback_at in resolved:
            _remind(store, conversation_id, callback_at, None, now, in_doubt=False)
        for conversation_id, callback_at in acks_in_doubt(store):
            _remind(store, conversation_id, callback_at, None, now, in_doubt=True)
    return len(resolved)


def _remind(store: Store, conversation_id: int, callback_at: int | None, phone: str | None,
            now: datetime, *, in_doubt: bool) -> None:  # fmt: skip
    """The reminder of the callback an acknowledgment promised, or (``in_doubt``) may have
    promised: marked so, and made an ordinary one once the ack is seen sent. A failure here is
    recorded on the customer's mail and never undoes the ack's state."""
    first = store.first_contact_ref(conversation_id)
    if callback_at is None or first is None:
        return
    with store.guard(first, "reminder", epoch(now)):
        if not in_doubt:
            confirm_ack_reminder(store, conversation_id)
        add_reminder(store, conversation_id, due_at=callback_at,
                     source=ACK_IN_DOUBT if in_doubt else "ack", phone=phone,
                     now=epoch(now))  # fmt: skip


def _first_mail(row: dict[str, Any]) -> MessageRef:
    return MessageRef(row["folder"], row["uidvalidity"], row["uid"])


def _plan_one(
    config: Config,
    settings: AckSettings,
    store: Store,
    source: MailSource,
    row: dict[str, Any],
    now: datetime,
    outcome: AckOutcome,
) -> AckPlan | None:
    from vasteaika.acks.compose import build_ack
    from vasteaika.acks.decision import decide
    from vasteaika.acks.slots import promised_slot
    from vasteaika.acks.wording import detect_language
    from vasteaika.mail.addresses import ascii_email
    from vasteaika.mail.classify import classify

    msg, data = _fetch_contact(source, row)
    if msg is None:
        _skip(store, row["id"], ("gone: the first mail is no longer in the mailbox",), outcome)
        return None
    cls = classify(msg, config.owner_addresses, config.ignore, config.ack.form_senders)
    customer = cls.customer.email if cls.customer else msg.from_addr.email
    # Our own acknowledgments read back from Sent count too: a second computer, or a database
    # made anew, must not acknowledge the same customer again.
    # The owner's own vacation reply went already: it is no answer (the conversation waits),
    # but a second automatic mail is one a careful human would not send.
    addresses = (customer, ascii_email(customer))
    if owner_auto_replied(store, addresses, row["received_at"], config.owner_addresses,
                          config.inbox):  # fmt: skip
        _skip(store, row["id"], (OWNER_AUTO_REPLIED,), outcome)
        return None
    last = from_epoch(last_ack_to(store, customer, ascii_email(customer)))
    acked = ack_seen_for(store, row["first_contact_message_id"], customer, ascii_email(customer))
    decision: AckDecision = decide(
        msg, cls, now=now, settings=settings, answered=False,
        conversation_acked=acked, last_ack_to_address_at=last, content=data,
    )  # fmt: skip
    if not decision.send or decision.recipient is None:
        _skip(store, row["id"], decision.reasons, outcome)
        return None
    text = _plain_text(data)
    key = _is_key(customer, config.ack.key_customers)
    hours = business_hours(config.hours)
    lead = config.ack.key_lead if key else config.ack.lead
    planned = [(p.conversation_id, p.callback_at) for p in outcome.planned]
    slot = promised_slot(store, now, hours, config.ack.callback_times, lead,
                         capacity=config.ack.calls_per_slot, planned=planned,
                         away=_away(config))  # fmt: skip
    lang = detect_language(msg.subject, text, cast(Language, config.ack.language))
    phone: str | None = None  # a failure here costs only the number in the reminder
    with store.guard(_first_mail(row), "phone", epoch(now)):
        phone = find_phone(text)
    known = phone or customer_phone(store, customer, decision.recipient.email)
    body = ack_body(config, decision.recipient.name, slot, now, lang, key,
                    ask_phone=known is None)  # fmt: skip
    domain = settings.owner_address.rpartition("@")[2]
    built = build_ack(msg, decision.recipient, body=body, settings=settings,
                      message_id_domain=domain, now=now)  # fmt: skip
    return AckPlan(row["id"], decision.recipient.email, lang, slot, built, body, known)


def preview_slot(config: Config, store: Store, now: datetime) -> datetime:
    """The callback a customer writing at ``now`` would be promised (`templates preview`): the
    slots earlier acknowledgments filled are full, a vacation without a substitute has none."""
    from vasteaika.acks.slots import promised_slot

    return promised_slot(store, now, business_hours(config.hours), config.ack.callback_times,
                         config.ack.lead, capacity=config.ack.calls_per_slot,
                         away=_away(config))  # fmt: skip


def _away(config: Config) -> tuple[date, date] | None:
    """The vacation's days when nobody calls in the owner's place: no callback is promised then."""
    vacation = config.ack.vacation
    if vacation is None or vacation.substitute.strip():
        return None
    return vacation.first, vacation.last


def ack_body(
    config: Config, name: str, slot: datetime, now: datetime, lang: Language, key: bool = False,
    *, ask_phone: bool,
) -> str:
    """The acknowledgment's text; ``ask_phone``: no number of the customer is known, so it asks
    for one (in ``$phone_request``, or at the end of the template's ``$callback`` line)."""
    from vasteaika.acks.wording import PHONE_REQUEST, callback_phrase, format_day, greeting

    hours = business_hours(config.hours)
    local_now = now.astimezone(hours.timezone)
    vacation = config.ack.vacation
    values = {
        "greeting": greeting(name, lang),
        "callback": callback_phrase(slot, now, lang),
        "owner_name": config.owner_name,
        "signature": config.ack.signature,
        "phone_request": PHONE_REQUEST[lang] if ask_phone else "",
    }
    if vacation and vacation.first <= local_now.date() <= vacation.last:
        values["vacation_until"] = format_day(vacation.last, lang)
        if not vacation.substitute.strip():  # "I will call you" after the vacation: no name
            return _render(config, "vacation_alone", lang, values)
        values["substitute"] = vacation.substitute
        return _render(config, "vacation", lang, values)
    return _render(config, "key" if key else "ack", lang, values)


def _render(config: Config, name: TemplateName, lang: Language, values: dict[str, str]) -> str:
    from vasteaika.acks.wording import load_template, render_ack, with_phone_request

    template = load_template(name, lang, config.ack.templates)
    return render_ack(with_phone_request(template), **values)


def _fetch_contact(source: MailSource, row: dict[str, Any]) -> tuple[Message | None, bytes]:
    """Read the first mail again (whole, with BODY.PEEK): its body is checked for robot wording
    and read for its language and phone number."""
    from vasteaika.mail.parse import parse

    status = source.select(row["folder"])
    if status.uidvalidity != row["uidvalidity"]:
        return None, b""
    data = source.fetch_text(row["folder"], row["uid"])
    if data is None:
        return None, b""
    at = from_epoch(row["received_at"])
    try:
        msg = parse(RawMessage(row["folder"], row["uid"], at, data))
    except ParseError:
        return None, b""
    return msg, data


def _plain_text(data: bytes) -> str:
    import email
    import email.policy

    try:
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        part = parsed.get_body(preferencelist=("plain",))
        return str(part.get_content())[:20000] if part is not None else ""
    except Exception:  # a broken body only costs language detection
        return ""


def _is_key(email_address: str, key_customers: tuple[str, ...]) -> bool:
    domain = email_address.rpartition("@")[2]
    return email_address in key_customers or domain in key_customers


def _skip(store: Store, conv_id: int, reasons: tuple[str, ...], outcome: AckOutcome) -> None:
    with store.db.atomic():
        set_ack(
            store, conv_id, status="skipped", reasons=json.dumps(list(reasons), ensure_ascii=False)
        )
    outcome.skipped.append((conv_id, reasons))


def _deliver(
    store: Store, plan: AckPlan, deliver: Deliver, now: datetime, outcome: AckOutcome, mode: str
) -> bool:
    from vasteaika.mail.smtp import UncertainDeliveryError

    message_id = str(plan.message["Message-ID"]).strip("<>")
    with store.db.atomic():
        set_ack(store, plan.conversation_id, status="pending", message_id=message_id,
                recipient=plan.recipient, at=epoch(now), callback_at=epoch(plan.callback_at),
                language=plan.language)  # fmt: skip
    try:
        deliver(plan.message, plan.recipient)
    except UncertainDeliveryError as exc:
        outcome.error = exc  # stays pending: never risk a second acknowledgment
        with store.db.atomic():  # but the customer may have been promised the call
            _remind(store, plan.conversation_id, epoch(plan.callback_at), plan.phone, now,
                    in_doubt=True)  # fmt: skip
        return False
    except (TemporaryError, UnreachableError, AuthenticationError, ConfigError) as exc:
        # Raised before the message was handed over: certainly not sent.
        with store.db.atomic():
            set_ack(store, plan.conversation_id, status=None)  # eligible again next run
        outcome.error = exc
        return False
    except DataError as exc:
        with store.db.atomic():
            set_ack(store, plan.conversation_id, status="failed", reasons=json.dumps([exc.line()]))
        return True
    # Anything else leaves the row pending (state unknown) and propagates.
    with store.db.atomic():
        if mode == "draft":  # the customer has nothing yet: sent (and reminded) once it is seen
            set_ack(store, plan.conversation_id, status="draft")
        else:
            set_ack(store, plan.conversation_id, status="sent")
            # The ack went out: a failing reminder must not undo "sent" (a second ack).
            _remind(store, plan.conversation_id, epoch(plan.callback_at), plan.phone, now,
                    in_doubt=False)  # fmt: skip
    outcome.delivered.append(plan)
    return True


def draft_or_send(sender: Sender | None, append: Callable[[str, bytes], None] | None,
                  mode: str, sent_copy: bool) -> Deliver:  # fmt: skip
    """The delivery for ``ack.mode``: SMTP (plus a copy in Sent), or a draft for the owner."""

    def deliver(msg: EmailMessage, recipient: str) -> None:
        if mode == "draft":
            assert append is not None
            append("drafts", msg.as_bytes())
            return
        assert sender is not None
        sender.send(msg, recipient)
        if sent_copy and append is not None:
            # The acknowledgment went out; a missing copy in Sent is not worth failing for.
            with contextlib.suppress(VasteaikaError):
                append("sent", msg.as_bytes())

    return deliver
