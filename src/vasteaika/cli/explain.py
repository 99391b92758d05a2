"""`vasteaika why` and `vasteaika problems`: what the ledger knows about one message and the
mail steps that failed — the answers to "why did this customer get no acknowledgment?" and
"what did vasteaika skip?". They read the ledger only."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Annotated

import typer

from vasteaika.cli import output as render
from vasteaika.cli.context import current
from vasteaika.cli.messages import ARRIVAL_SOURCES
from vasteaika.cli.root import app
from vasteaika.errors import UsageError


@app.command()
def why(
    ctx: typer.Context,
    message_id: Annotated[str, typer.Argument(help="The Message-ID, with or without <>.")],
) -> None:
    """Explain why a message was or was not counted as a customer contact."""
    from vasteaika.acks.trust import describe
    from vasteaika.ledger.answers import explain as explain_answer
    from vasteaika.ledger.store import from_epoch  # with sqlite_utils: only when used

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
    import json

    tz = config.hours.timezone
    for row in rows:
        at = from_epoch(row["received_at"])
        render.console.print(
            f"<{mid}> in {row['folder']}, from {row['from_email']}, "
            f"received {at.astimezone(tz).isoformat() if at else '?'}",
            highlight=False,
        )
        source = ARRIVAL_SOURCES.get(row["arrival_source"], "not recorded (an older version)")
        render.console.print(f"  arrival time from: {source}", highlight=False)
        render.console.print(f"  kind: {row['kind']}", highlight=False)
        for reason in json.loads(row["reasons"]):
            render.console.print(f"  because: {reason}", highlight=False)
        conv = store.conversation(row["conversation_id"]) if row["conversation_id"] else None
        if conv:
            role = _role(store.turns(conv["id"]), conv, row)
            render.console.print(
                f"  {role} conversation #{conv['id']} with {conv['customer_email']}: "
                f"{conv['subject']!r}",
                highlight=False,
            )
            if role == "opened":
                _explain_ack(conv, tz)
                render.console.print(f"  {describe(config.ack.authserv_id, store)}",
                                     highlight=False, markup=False)  # fmt: skip
        else:
            render.console.print("  belongs to no conversation", highlight=False)
        if answer := explain_answer(row["answer_rule"]):
            render.console.print(f"  {answer}", highlight=False)


def _role(turns: list[dict[str, object]], conv: dict[str, object], row: dict[str, object]) -> str:
    if conv["first_contact_id"] == row["id"]:
        return "opened"
    if conv["first_reply_id"] == row["id"]:
        return "first reply of"
    answered = [t["seq"] for t in turns if t["answer_id"] == row["id"]]
    return f"answered turn {answered[0]} of" if answered else "belongs to"


def _explain_ack(conv: dict[str, object], tz: tzinfo) -> None:
    """The acknowledgment decision stored with the conversation, and why."""
    import json

    from vasteaika.ledger.store import from_epoch

    status = conv.get("ack_status")
    if status is None:
        render.console.print(
            "  acknowledgment: not decided yet (ack.mode off, or not checked since)"
        )
        return
    line = f"  acknowledgment: {status}"
    if conv.get("ack_recipient"):
        line += f" to {conv['ack_recipient']}"
    callback = from_epoch(conv.get("callback_at"))  # type: ignore[arg-type]
    if callback:
        line += f", callback promised for {callback.astimezone(tz):%Y-%m-%d %H:%M}"
    render.console.print(line, highlight=False)
    for reason in json.loads(str(conv.get("ack_reasons") or "[]")):
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
