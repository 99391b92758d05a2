"""`vasteaika customer`: everything about one customer in one place — every conversation with
its turns and response times, acknowledgments, promises and reminders, and the rhythm of their
contact. The ledger finds and reads them (``ledger.customer_view``), the reminders their own
(``reminders.store``); this module only puts the two side by side and formats them."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Annotated, Any

import typer

from vasteaika.catalogue import fault, phrase
from vasteaika.catalogue.reasons import ack_reason
from vasteaika.cli import output as render
from vasteaika.cli.context import current
from vasteaika.cli.messages import CUSTOMER_TEXTS
from vasteaika.cli.root import app
from vasteaika.errors import UsageError

if TYPE_CHECKING:  # the ledger (with sqlite_utils) is imported when the command runs
    from vasteaika.ledger.customer_view import Acknowledgment, CustomerHistory, CustomerMatch
    from vasteaika.ledger.records import ConversationRecord, TurnRecord
    from vasteaika.reminders.store import Reminder

Reminders = dict[int, list[tuple["Reminder", datetime | None]]]


@app.command()
def customer(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(help="An address, a company's domain, or a part of the name.")
    ],
    json_out: Annotated[bool, typer.Option("--json", help="Print it as JSON.")] = False,
) -> None:
    """Everything about one customer: every conversation, its turns and response times, the
    acknowledgment, your promises and their reminders, and how often they usually write.

    A part of the name is enough, with or without accents ("jarvinen" finds Järvinen); when
    several customers match, they are listed to choose from. A company's people
    ([customers] companies) are one customer.

    \b
    Examples:
      vasteaika customer jarvinen
      vasteaika customer riitta.laaksonen@koivukuja.example --json
    """
    from vasteaika.ledger.customer_view import customer_history, find_customers
    from vasteaika.ledger.customers import company_domains
    from vasteaika.ledger.records import business_hours
    from vasteaika.reminders.store import reminders_of

    parts = current(ctx)
    config, store, now = parts.config, parts.store, parts.now()
    companies = company_domains(config.companies, config.ack.key_customers)
    matches = find_customers(store, query, companies, config.ignore, config.hours.timezone)
    if not matches:
        raise fault(UsageError, "err.no_customer", query=query)
    lang, tz = config.language, config.hours.timezone
    if len(matches) > 1:
        _show_matches(matches, query, json_out, lang, tz)
        raise fault(UsageError, "err.several_customers", n=len(matches), query=query)
    history = customer_history(store, matches[0], business_hours(config.hours), now)
    reminders: Reminders = {}
    for reminder, cancelled in reminders_of(store, [r.id for r, _ in history.conversations]):
        reminders.setdefault(reminder.conversation_id or 0, []).append((reminder, cancelled))
    if json_out:
        render.print_json(_history_json(history, reminders, now, tz))
    else:
        _show_history(history, reminders, now, lang, tz)


def _say(lang: str, key: str, **values: object) -> str:
    return phrase(CUSTOMER_TEXTS, lang, key, **values)


def _print(line: str) -> None:
    from rich.text import Text

    render.console.print(Text(line), soft_wrap=True)


def _show_matches(
    matches: list[CustomerMatch], query: str, json_out: bool, lang: str, tz: tzinfo
) -> None:
    if json_out:
        render.print_json({"matches": [m.as_json() for m in matches]})
        return
    _print(_say(lang, "several", n=len(matches), query=query))
    for m in matches:
        last = render.local(m.last_contact_at.astimezone(tz), lang)
        _print(f"  {m.label}  {m.name if m.company is None else ''}  ({m.conversations}, {last})")


def _show_history(
    history: CustomerHistory, reminders: Reminders, now: datetime, lang: str, tz: tzinfo
) -> None:
    who = history.customer
    if who.company:
        _print(_say(lang, "company", domain=who.company, people=", ".join(who.addresses)))
    else:
        _print(f"{who.name} <{who.addresses[0]}>")
    records = [r for r, _ in history.conversations]
    if records:
        first, latest = records[0].first_contact_at, records[-1].first_contact_at
        key = "count" if len(records) > 1 else "count_one"
        _print(_say(lang, key, n=len(records), first=render.local(first, lang),
                    latest=render.local(latest, lang)))  # fmt: skip
    _print(_rhythm_line(history, lang, tz))
    for record, ack in history.conversations:
        _print("")
        _show_conversation(record, ack, reminders.get(record.id, []), who, now, lang, tz)


def _rhythm_line(history: CustomerHistory, lang: str, tz: tzinfo) -> str:
    rhythm = history.rhythm
    if rhythm.last_contact_at is None or rhythm.silent_seconds is None:
        return ""
    last = render.local(rhythm.last_contact_at.astimezone(tz), lang)
    silent = render.human_duration(timedelta(seconds=rhythm.silent_seconds), lang)
    if rhythm.median_gap_seconds is None:
        return _say(lang, "no_rhythm", last=last, silent=silent)
    gap = render.human_duration(timedelta(seconds=rhythm.median_gap_seconds), lang)
    line = _say(lang, "rhythm", gap=gap, n=rhythm.gaps, last=last, silent=silent)
    return line + _say(lang, "quiet" if rhythm.quiet else "usual")


def _show_conversation(
    record: ConversationRecord,
    ack: Acknowledgment,
    reminders: list[tuple[Reminder, datetime | None]],
    who: CustomerMatch,
    now: datetime,
    lang: str,
    tz: tzinfo,
) -> None:
    _print(f"#{record.id} {record.subject or render.text(lang, 'no_subject')}"
           f" — {_say(lang, record.status)}")  # fmt: skip
    if who.company:
        _print("  " + _say(lang, "from", who=f"{record.customer_name} <{record.customer_email}>"))
    for turn in record.turns:
        _print("  " + _turn_line(turn, now, lang))
    _print("  " + _ack_line(ack, lang))
    for reminder, cancelled in reminders:
        _print("  " + _reminder_line(reminder, cancelled, now, lang, tz))


def _turn_line(turn: TurnRecord, now: datetime, lang: str) -> str:
    since = render.local(turn.waiting_since, lang)
    if turn.answered_at is not None and turn.response_seconds is not None:
        wall = render.human_duration(timedelta(seconds=turn.response_seconds), lang)
        work = render.human_duration(timedelta(seconds=turn.business_response_seconds or 0), lang)
        at = render.local(turn.answered_at, lang) + (
            _say(lang, "call") if turn.channel == "call" else ""
        )
        return _say(lang, "turn_answered", n=turn.turn, since=since, at=at, wall=wall, work=work)
    if turn.closed_at is not None:
        return _say(lang, "turn_closed", n=turn.turn, since=since,
                    at=render.local(turn.closed_at, lang))  # fmt: skip
    wall = render.human_duration(now - turn.waiting_since, lang)
    return _say(lang, "turn_waiting", n=turn.turn, since=since, wall=wall)


def _ack_line(ack: Acknowledgment, lang: str) -> str:
    at = render.local(ack.at, lang) if ack.at else ""
    if ack.status in ("sent", "draft", "pending"):
        line = _say(lang, f"ack_{ack.status}", at=at, who=ack.recipient or "")
        if ack.callback_at:
            line += _say(lang, "ack_callback", at=render.local(ack.callback_at, lang))
        return line
    if ack.status == "skipped":
        why = "; ".join(dict.fromkeys(ack_reason(lang, r) for r in ack.reasons))
        return _say(lang, "ack_skipped", why=why)
    return _say(lang, "ack_failed" if ack.status == "failed" else "ack_none")


def _reminder_line(
    reminder: Reminder, cancelled: datetime | None, now: datetime, lang: str, tz: tzinfo
) -> str:
    due = render.local(reminder.due_at.astimezone(tz), lang)
    line = _say(lang, "reminder", id=reminder.id, kind=_say(lang, f"kind_{reminder.kind}"),
                due=due)  # fmt: skip
    if reminder.done_at:
        line += _say(lang, "r_done", at=render.local(reminder.done_at.astimezone(tz), lang))
    elif cancelled:
        line += _say(lang, "r_cancelled", at=render.local(cancelled.astimezone(tz), lang))
    elif reminder.unreadable:
        line += _say(lang, "r_unreadable", id=reminder.id)
    else:
        line += _say(lang, "r_overdue" if reminder.remind_at <= now else "r_open")
    source = (
        _say(lang, "r_ack")
        if reminder.source != "reply"
        else _say(lang, "r_reply", text=f"“{reminder.promise_text or ''}”")
    )
    return f"{line} ({source})"


def _history_json(
    history: CustomerHistory, reminders: Reminders, now: datetime, tz: tzinfo
) -> dict[str, Any]:
    conversations = []
    for record, ack in history.conversations:
        conversations.append({
            "id": record.id,
            **record.as_json(),
            "acknowledgment": ack.as_json(),
            "reminders": [
                {**r.as_json(now, tz), "done_at": _iso(r.done_at, tz),
                 "cancelled_at": _iso(cancelled, tz)}
                for r, cancelled in reminders.get(record.id, [])
            ],
        })  # fmt: skip
    return {
        "customer": history.customer.as_json(),
        "rhythm": history.rhythm.as_json(),
        "conversations": conversations,
    }


def _iso(t: datetime | None, tz: tzinfo) -> str | None:
    return t.astimezone(tz).isoformat() if t else None
