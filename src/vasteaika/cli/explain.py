"""`vasteaika why` and `vasteaika problems`: what the ledger knows about one message and the
mail steps that failed — the answers to "why did this customer get no acknowledgment?" and
"what did vasteaika skip?". They read the ledger only."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Annotated, Any

import typer

from vasteaika.cli import output as render
from vasteaika.cli.context import current
from vasteaika.cli.messages import ARRIVAL_SOURCES
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
    parts = current(ctx)
    config = parts.config
    store = parts.store
    mid = message_id.strip().strip("<>")
    rows = store.messages_by_message_id(mid)
    if not rows:
        raise UsageError(
            f"no message with Message-ID <{mid}> has been read",
            "run 'vasteaika check' first, or check the id",
        )
    records = [_why_record(store, row, config.hours.timezone) for row in rows]
    if json_out:
        render.print_json([{"message_id": mid, **r} for r in records])
        return
    for r in records:
        _print_why(mid, r)


def _why_record(store: Store, row: dict[str, Any], tz: tzinfo) -> dict[str, Any]:
    """What the ledger knows of one stored copy of the message, as data for text or JSON."""
    import json

    from vasteaika.ledger.answers import explain as explain_answer
    from vasteaika.ledger.store import from_epoch  # with sqlite_utils: only when used

    at = from_epoch(row["received_at"])
    conv = store.conversation(row["conversation_id"]) if row["conversation_id"] else None
    role = _role(store.turns(conv["id"]), conv, row) if conv else None
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
        "acknowledgment": _ack_record(conv, tz) if conv and role == "opened" else None,
        "answer_rule": row["answer_rule"],
        "answer": explain_answer(row["answer_rule"]),
    }


def _print_why(mid: str, r: dict[str, Any]) -> None:
    say = render.console.print
    say(f"<{mid}> in {r['folder']}, from {r['from_email']}, received {r['received_at'] or '?'}",
        highlight=False)  # fmt: skip
    source = ARRIVAL_SOURCES.get(r["arrival_source"], "not recorded (an older version)")
    say(f"  arrival time from: {source}", highlight=False)
    say(f"  kind: {r['kind']}", highlight=False)
    for reason in r["reasons"]:
        say(f"  because: {reason}", highlight=False)
    if r["conversation_id"] is not None:
        say(f"  {r['role']} conversation #{r['conversation_id']} with "
            f"{r['conversation_customer']}: {r['conversation_subject']!r}", highlight=False)  # fmt: skip
        if r["acknowledgment"] is not None:
            _print_ack(r["acknowledgment"])
    else:
        say("  belongs to no conversation", highlight=False)
    if r["answer"]:
        say(f"  {r['answer']}", highlight=False)


def _role(turns: list[dict[str, object]], conv: dict[str, object], row: dict[str, object]) -> str:
    if conv["first_contact_id"] == row["id"]:
        return "opened"
    if conv["first_reply_id"] == row["id"]:
        return "first reply of"
    answered = [t["seq"] for t in turns if t["answer_id"] == row["id"]]
    return f"answered turn {answered[0]} of" if answered else "belongs to"


def _ack_record(conv: dict[str, Any], tz: tzinfo) -> dict[str, Any]:
    """The acknowledgment decision stored with the conversation, and why."""
    import json

    from vasteaika.ledger.store import from_epoch

    callback = from_epoch(conv.get("callback_at"))
    return {
        "status": conv.get("ack_status"),
        "recipient": conv.get("ack_recipient"),
        "callback_at": callback.astimezone(tz).isoformat() if callback else None,
        "reasons": json.loads(str(conv.get("ack_reasons") or "[]")),
    }


def _print_ack(ack: dict[str, Any]) -> None:
    if ack["status"] is None:
        render.console.print(
            "  acknowledgment: not decided yet (ack.mode off, or not checked since)"
        )
        return
    line = f"  acknowledgment: {ack['status']}"
    if ack["recipient"]:
        line += f" to {ack['recipient']}"
    if ack["callback_at"]:
        callback = datetime.fromisoformat(ack["callback_at"])
        line += f", callback promised for {callback:%Y-%m-%d %H:%M}"
    render.console.print(line, highlight=False)
    for reason in ack["reasons"]:
        render.console.print(f"  not acknowledged because: {reason}", highlight=False)


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
    if not rows:
        render.console.print("No problems recorded.")
    for r in rows:
        render.console.print(f"{r['folder']} UID {r['uid']} ({r['step']}): {r['reason']}",
                             highlight=False)  # fmt: skip
