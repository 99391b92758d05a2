"""How `check` and `watch` tell what became of each new customer's acknowledgment: one line
per conversation (acks.accounting decides nothing here; this only words it in the owner's
language), the dry run's text under its line, and the same as JSON.

Apart from output.py because check, watch and their JSON share it and it is the one place that
turns the decision's reason codes into the owner's words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from vasteaika.catalogue.stored import said_again
from vasteaika.cli import output as render
from vasteaika.cli.messages import ACK_REASONS

if TYPE_CHECKING:
    from vasteaika.acks.accounting import AckAccount
    from vasteaika.acks.outbox import AckPlan
    from vasteaika.jobs.cycle import CycleResult
    from vasteaika.reminders.replies import PastPromise

# Reasons that come to every conversation at once (a first sync, ack.mode off): beyond this
# many they are one line with a count; --json still lists each.
BULK_CODES = frozenset({"off", "backlog or answered"})
BULK_SHOWN = 5
_WITH_DETAIL = frozenset({"stopped"})  # the error's own line says what to fix
_CODE = re.compile(r"[a-z][a-z-]*(?: or [a-z]+)?")  # the decision's reason codes


def reason_text(reason: str, lang: str) -> str:
    """One decision reason ``"<code>: <prose>"`` in the owner's words: the catalogue's for the
    code, else the prose as the decision (and `vasteaika why`) wrote it."""
    code, sep, prose = reason.partition(": ")
    if not (sep and _CODE.fullmatch(code)):  # an error's line, stored as it was raised
        return said_again(reason, lang)
    words = ACK_REASONS.get(lang, {}).get(code)
    if words is None:
        return prose if lang == "en" else reason
    return f"{words} ({said_again(prose, lang)})" if code in _WITH_DETAIL else words


def reasons_text(reasons: Sequence[str], lang: str) -> str:
    return "; ".join(dict.fromkeys(reason_text(r, lang) for r in reasons)) or "?"


def account_line(account: AckAccount, tz: tzinfo, lang: str) -> str:
    """ "#12 Maija <maija@example.fi> — not acknowledged: …" (mail-derived: print literally)."""
    when = render.local(account.callback_at.astimezone(tz), lang) if account.callback_at else "?"
    said = render.text(lang, f"acct_{account.outcome}", to=account.recipient or "?", when=when,
                       why=reasons_text(account.reasons, lang))  # fmt: skip
    return f"#{account.conversation_id} {_who(account)} — {said}"


def _who(account: AckAccount) -> str:
    name = account.customer_name.strip()
    return f"{name} <{account.customer_email}>" if name else account.customer_email


def _bulk_code(account: AckAccount) -> str | None:
    codes = {r.partition(": ")[0] for r in account.reasons}
    if account.outcome in ("not_sent", "off") and len(codes) == 1 and codes <= BULK_CODES:
        return next(iter(codes))
    return None


def show_accounts(accounts: Sequence[AckAccount], plans: Sequence[AckPlan], tz: tzinfo,
                  lang: str, *, only_needing_owner: bool = False) -> None:  # fmt: skip
    """Every new conversation's line (``only_needing_owner``: those the owner must look at, for
    --quiet); a dry run's acknowledgment is shown whole under its line. The accounts are gone
    through twice (counted, then told), never held: a first sync has one per customer mail."""
    shown = _needing_owner(accounts) if only_needing_owner else accounts
    total = 0
    bulk: dict[str, tuple[int, AckAccount]] = {}  # code → how many, the first
    for a in shown:
        total += 1
        code = _bulk_code(a)
        if code is not None:
            count, first = bulk.get(code, (0, a))
            bulk[code] = (count + 1, first)
    if not total:
        return
    if not only_needing_owner:
        render.console.print(render.text(lang, "new_customers", n=total), highlight=False)
    bodies = {p.conversation_id: p for p in plans}
    for a in shown:
        code = _bulk_code(a)
        if code is not None and bulk[code][0] > BULK_SHOWN:
            continue
        render.console.print("  " + account_line(a, tz, lang), soft_wrap=True)
        if a.outcome == "would_send" and a.conversation_id in bodies:
            _show_body(bodies[a.conversation_id], lang)
    for count, first in bulk.values():
        if count > BULK_SHOWN:
            why = reasons_text(first.reasons, lang)
            line = render.text(lang, "acct_more", n=count, why=why)
            render.console.print("  " + line, soft_wrap=True)


def _needing_owner(accounts: Sequence[AckAccount]) -> Sequence[AckAccount]:
    """Those the owner must look at; a run's ``AckAccounts`` reads only those from the ledger."""
    from vasteaika.acks.accounting import AckAccounts

    if isinstance(accounts, AckAccounts):
        return accounts.needing_owner()
    return [a for a in accounts if a.needs_owner]


def _show_body(plan: AckPlan, lang: str) -> None:
    subject = render.text(lang, "subject")
    render.console.print(f"    {subject}: {plan.message['Subject']}", soft_wrap=True)
    for body_line in plan.body.splitlines():
        render.console.print(f"    | {body_line}")


def accounts_json(accounts: Sequence[AckAccount], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "conversation_id": a.conversation_id,
            "customer_email": a.customer_email,
            "customer_name": a.customer_name,
            "subject": a.subject,
            "outcome": a.outcome,
            "needs_owner": a.needs_owner,
            "recipient": a.recipient,
            "callback_at": a.callback_at.isoformat() if a.callback_at else None,
            "reasons": [
                {"code": r.partition(": ")[0], "text": reason_text(r, lang), "detail": r}
                for r in a.reasons
            ],
        }
        for a in accounts
    ]


def promised_when(at: datetime, has_time: bool, lang: str) -> str:
    """ "3.12. klo 10" / "3.12. 10:00"; the day alone when no time was promised."""
    day = f"{at.day}.{at.month}."
    if not has_time:
        return day
    if lang == "fi":
        return f"{day} klo {at.hour}" + (f".{at.minute:02d}" if at.minute else "")
    return f"{day} {at:%H:%M}"


def past_line(promise: PastPromise, tz: tzinfo, lang: str) -> str:
    """A promise whose time had passed when its reply was read (mail-derived: print literally)."""
    name = promise.customer_name.strip()
    who = f"{name} <{promise.customer_email}>" if name else promise.customer_email
    when = promised_when(promise.due_at.astimezone(tz), promise.has_time, lang)
    return render.text(lang, "past_promise_read", when=when, who=who, text=promise.text,
                       id=promise.conversation_id)  # fmt: skip


def show_past_promises(promises: Sequence[PastPromise], tz: tzinfo, lang: str) -> None:
    for promise in promises[:BULK_SHOWN]:
        render.console.print(past_line(promise, tz, lang), soft_wrap=True)
    if len(promises) > BULK_SHOWN:
        more = render.text(lang, "past_promises_more", n=len(promises) - BULK_SHOWN)
        render.console.print(more, soft_wrap=True)


def past_promises_json(promises: Sequence[PastPromise]) -> list[dict[str, Any]]:
    return [
        {"conversation_id": p.conversation_id, "customer_email": p.customer_email,
         "customer_name": p.customer_name, "due_at": p.due_at.isoformat(),
         "has_time": p.has_time, "text": p.text, "kind": p.kind}
        for p in promises
    ]  # fmt: skip


def watch_lines(result: CycleResult, tz: tzinfo, lang: str) -> list[str]:
    """The watcher's log of one cycle: each new customer not acknowledged (those that went were
    logged as they went) and each promise already past when read."""
    from vasteaika.acks.accounting import TOLD_AS_SENT

    return [
        *(account_line(a, tz, lang) for a in result.accounts if a.outcome not in TOLD_AS_SENT),
        *(past_line(p, tz, lang) for p in result.past_promises),
    ]
