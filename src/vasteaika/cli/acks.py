"""Commands about acknowledgments: `vasteaika outbox` and `vasteaika templates preview`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from vasteaika.catalogue import fault
from vasteaika.cli import output as render
from vasteaika.cli.context import current, one_moment
from vasteaika.cli.root import app
from vasteaika.errors import UsageError
from vasteaika.template_spec import LANGUAGES
from vasteaika.terminal import printable

templates_app = typer.Typer(help="Your acknowledgment texts.", no_args_is_help=True)
app.add_typer(templates_app, name="templates")


@app.command()
def outbox(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
    limit: Annotated[int, typer.Option(help="How many of the latest to show.")] = 30,
) -> None:
    """Acknowledgments: sent, saved as drafts, pending and failed.

    A *pending* one was handed to the mail server but vasteaika was stopped before it heard
    back: it is never sent again automatically. Look in your Sent folder; if it is not there,
    answer that customer yourself.
    """
    from vasteaika.ledger.store import from_epoch

    parts = current(ctx)
    config = parts.config
    rows = list(
        parts.store.db.query(
            "SELECT id, customer_email, subject, ack_status, ack_at, ack_recipient, ack_message_id,"
            " callback_at FROM conversations WHERE ack_status IN ('sent', 'pending', 'draft', 'failed')"
            " ORDER BY ack_at DESC LIMIT ?",
            [limit],
        )
    )
    tz = config.hours.timezone

    def iso(epoch: int | None) -> str | None:
        at = from_epoch(epoch)
        return at.astimezone(tz).isoformat() if at else None

    items = [
        {
            "conversation_id": r["id"],
            "status": r["ack_status"],
            "recipient": r["ack_recipient"],
            "subject": r["subject"],
            "at": iso(r["ack_at"]),
            "callback_at": iso(r["callback_at"]),
            "message_id": r["ack_message_id"],
        }
        for r in rows
    ]
    if json_out:
        render.print_json(items)
        return
    lang = config.language
    if not items:
        render.console.print(render.text(lang, "outbox.none"))
    for r, i in zip(rows, items, strict=True):
        at = from_epoch(r["ack_at"])
        shown = render.local(at.astimezone(tz), lang) if at else ""
        status = render.text(lang, f"status.{i['status']}")
        render.console.print(
            f"{status:11} {shown:19} {i['recipient'] or '':35} {i['subject']}",
            highlight=False,
            markup=False,
        )


@templates_app.command("preview")
def preview(
    ctx: typer.Context,
    lang: Annotated[
        str | None, typer.Option(help="fi, sv or en (default: owner.language).")
    ] = None,
    at: Annotated[
        str | None, typer.Option(help="As if sent at this moment (ISO, e.g. 2026-11-27T17:00).")
    ] = None,
    name: Annotated[str, typer.Option(help="The customer's name.")] = "Maija Meikäläinen",
    subject: Annotated[str, typer.Option(help="The customer's subject.")] = "Tarjouspyyntö",
    json_out: Annotated[bool, typer.Option("--json", help="Print it as JSON.")] = False,
) -> None:
    """Show the acknowledgment exactly as it would be sent at that moment: the first callback
    slot with room (the calls already promised fill theirs), and during a vacation without a
    substitute the first one after it.

    Example: vasteaika templates preview --lang en --at 2026-11-27T17:00
    (a Friday evening: the callback moves to Monday).
    """
    from vasteaika.acks.compose import build_ack
    from vasteaika.acks.outbox import ack_body, ack_settings, preview_slot
    from vasteaika.ledger.store import dry_run_copy
    from vasteaika.models import Address, Message

    parts = current(ctx)
    config = parts.config
    lang = lang or config.language
    if lang not in LANGUAGES:
        raise fault(UsageError, "err.unknown_lang", lang=lang)
    tz = config.hours.timezone
    try:
        now = datetime.fromisoformat(at) if at else parts.now()
    except ValueError:
        raise fault(UsageError, "err.bad_preview_at", text=at) from None
    now = one_moment(now, at, tz, "--at") if at else now
    slot = preview_slot(config, dry_run_copy(config.database), now)  # the ledger only read
    body = ack_body(config, name, slot, now, lang, ask_phone=True)  # the sample's number is unknown
    customer = Address("maija@example.fi", name)
    sample = Message(
        message_id="preview@example.fi", synthetic_id=False, folder="INBOX", uid=0,
        from_addr=customer, sender=None, reply_to=(), to=(), cc=(), subject=subject, date=now,
        received_at=now, in_reply_to=(), references=(), return_path=customer.email,
        content_type="text/plain",
    )  # fmt: skip
    settings = ack_settings(config)
    domain = settings.owner_address.rpartition("@")[2]
    msg = build_ack(
        sample, customer, body=body, settings=settings, message_id_domain=domain, now=now
    )
    headers = ("From", "To", "Subject", "Auto-Submitted")
    if json_out:
        render.print_json({
            "at": now.astimezone(tz).isoformat(), "language": lang,
            "callback_at": slot.astimezone(tz).isoformat(),
            "headers": {h: str(msg[h]) for h in headers}, "body": body,
        })  # fmt: skip
        return
    for header in headers:
        typer.echo(printable(f"{header}: {msg[header]}"))
    typer.echo("")
    typer.echo(printable(body))  # plain: the text exactly as sent, not re-wrapped to the terminal
