"""`vasteaika why` and `vasteaika problems`: what the ledger knows about one message and the
mail steps that failed — the answers to "why did this customer get no acknowledgment?" and
"what did vasteaika skip?". They read the ledger only."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Annotated, Any

import typer

from vasteaika import catalogue
from vasteaika.catalogue import fault
from vasteaika.catalogue.reasons import ack_reason, kind_words, message_reason
from vasteaika.cli import output as render
from vasteaika.cli.context import current
from vasteaika.cli.root import app
from vasteaika.errors import UsageError

if TYPE_CHECKING:
    from vasteaika.ledger.store import Store


@app.command()
def why(
    ctx: typer.Context,
    message_id: Annotated[str, typer.Argument(help="The Message-ID, with or without <>.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the explanation as JSON.")] = False,
) -> None:
    """Explain why a message was or was not counted as a customer contact."""
    from vasteaika.acks.trust import describe
    from vasteaika.ledger.answers import explain as explain_answer
    from vasteaika.ledger.store import from_epoch  # with sqlite_utils: only when used

    parts = current(ctx)
    config = parts.config
    store = parts.store
    lang = config.language
    mid = message_id.strip().strip("<>")
    rows = store.messages_by_message_id(mid)
    if not rows:
        raise fault(UsageError, "err.no_message", mid=mid)
    if json_out:
        records = [_why_record(store, row, config.hours.timezone) for row in rows]
        render.print_json([{"message_id": mid, **r} for r in records])
        return
    import json

    tz = config.hours.timezone

    def say(key: str, **values: object) -> None:
        render.console.print(render.text(lang, key, **values), highlight=False, markup=False)

    for row in rows:
        at = from_epoch(row["received_at"])
        say("why.head", mid=mid, folder=row["folder"], sender=row["from_email"],
            at=catalogue.moment(lang, at.astimezone(tz), year=True) if at else "?")  # fmt: skip
        source = row["arrival_source"] if row["arrival_source"] in ARRIVALS else "unknown"
        say("why.arrival", source=render.text(lang, f"arrival.{source}"))
        say("why.kind", kind=kind_words(lang, row["kind"]))
        for reason in json.loads(row["reasons"]):
            say("why.because", reason=message_reason(lang, reason))
        conv = store.conversation(row["conversation_id"]) if row["conversation_id"] else None
        if conv:
            role, turn = _role(store.turns(conv["id"]), conv, row)
            say(f"why.{role}", id=conv["id"], who=conv["customer_email"], subject=conv["subject"],
                turn=turn)  # fmt: skip
            if role == "opened":
                _explain_ack(conv, tz, lang)
                render.console.print(f"  {describe(config.ack.authserv_id, store, lang)}",
                                     highlight=False, markup=False)  # fmt: skip
        else:
            say("why.no_conversation")
        if answer := explain_answer(row["answer_rule"], lang):
            render.console.print(f"  {answer}", highlight=False, markup=False)


ARRIVALS = ("internaldate", "received", "date", "file", "future")
STEPS = frozenset(f"step.{s}" for s in ("parse", "classify", "thread", "promise", "phone", "ack",
                                         "reminder"))  # fmt: skip


def _role(
    turns: list[dict[str, object]], conv: dict[str, object], row: dict[str, object]
) -> tuple[str, object]:
    """Which part the message plays in its conversation (a key of why's texts), and the turn
    it answered."""
    if conv["first_contact_id"] == row["id"]:
        return "opened", None
    if conv["first_reply_id"] == row["id"]:
        return "first_reply", None
    answered = [t["seq"] for t in turns if t["answer_id"] == row["id"]]
    return ("answered_turn", answered[0]) if answered else ("belongs", None)


def _why_record(store: Store, row: dict[str, Any], tz: tzinfo) -> dict[str, Any]:
    """What the ledger knows of one stored copy of the message, as data for --json (codes and
    stored reasons, not words: scripts read them)."""
    import json

    from vasteaika.ledger.answers import explain as explain_answer
    from vasteaika.ledger.store import from_epoch  # with sqlite_utils: only when used

    at = from_epoch(row["received_at"])
    conv = store.conversation(row["conversation_id"]) if row["conversation_id"] else None
    role, turn = _role(store.turns(conv["id"]), conv, row) if conv else (None, None)
    return {
        "folder": row["folder"],
        "from_email": row["from_email"],
        "received_at": at.astimezone(tz).isoformat() if at else None,
        "arrival_source": row["arrival_source"],
        "kind": row["kind"],
        "reasons": json.loads(row["reasons"]),
        "conversation_id": conv["id"] if conv else None,
        "conversation_customer": conv["customer_email"] if conv else None,
        "conversation_subject": conv["subject"] if conv else None,
        "role": role,
        "turn": turn,
        "acknowledgment": _ack_record(conv, tz) if conv and role == "opened" else None,
        "answer_rule": row["answer_rule"],
        "answer": explain_answer(row["answer_rule"]),
    }


def _ack_record(conv: dict[str, Any], tz: tzinfo) -> dict[str, Any]:
    import json

    from vasteaika.ledger.store import from_epoch

    callback = from_epoch(conv.get("callback_at"))
    return {
        "status": conv.get("ack_status"),
        "recipient": conv.get("ack_recipient"),
        "callback_at": callback.astimezone(tz).isoformat() if callback else None,
        "reasons": json.loads(str(conv.get("ack_reasons") or "[]")),
    }


def _explain_ack(conv: dict[str, object], tz: tzinfo, lang: str) -> None:
    """The acknowledgment decision stored with the conversation, and why."""
    import json

    from vasteaika.ledger.store import from_epoch

    status = conv.get("ack_status")
    if status is None:
        render.console.print(render.text(lang, "why.ack_undecided"), highlight=False)
        return
    line = render.text(lang, "why.ack", status=render.text(lang, f"status.{status}"))
    if conv.get("ack_recipient"):
        line += render.text(lang, "why.ack_to", who=conv["ack_recipient"])
    callback = from_epoch(conv.get("callback_at"))  # type: ignore[arg-type]
    if callback:
        line += render.text(lang, "why.ack_callback", when=render.local(callback.astimezone(tz), lang))
    render.console.print(line, highlight=False, markup=False)
    for reason in json.loads(str(conv.get("ack_reasons") or "[]")):
        render.console.print(render.text(lang, "why.not_acked", reason=ack_reason(lang, reason)),
                             highlight=False, markup=False)  # fmt: skip


@app.command()
def problems(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
) -> None:
    """List the mail steps that failed: which message (folder, UID), which step (parse,
    classify, thread, promise, phone, ack, reminder) and why. Only that step of that message
    was skipped; everything else was done."""
    parts = current(ctx)
    config = parts.config
    rows = parts.store.problems()
    if json_out:
        tz = config.hours.timezone
        render.print_json([
            {"folder": r["folder"], "uid": r["uid"], "uidvalidity": r["uidvalidity"],
             "step": r["step"], "reason": r["reason"],
             "seen_at": datetime.fromtimestamp(r["seen_at"], tz).isoformat()}
            for r in rows
        ])  # fmt: skip
        return
    lang = config.language
    if not rows:
        render.console.print(render.text(lang, "problems.none"))
    for r in rows:
        step = render.text(lang, f"step.{r['step']}") if f"step.{r['step']}" in STEPS else r["step"]
        render.console.print(render.text(lang, "problems.line", folder=r["folder"], uid=r["uid"],
                                         step=step, reason=r["reason"]),
                             highlight=False, markup=False)  # fmt: skip
