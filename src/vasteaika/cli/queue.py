"""`vasteaika queue`, `queue call N`, `queue dismiss N`: the contact queue — the customers who
went quiet, sound unhappy or waited too long — and what the owner does about each. Each
command builds the queue once (queue/build.py) and calls one library function."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import typer

from vasteaika.cli import output as render
from vasteaika.cli.context import CommandContext, current, within_reach
from vasteaika.cli.root import app
from vasteaika.errors import UsageError

if TYPE_CHECKING:
    from vasteaika.queue import QueueEntry

queue_app = typer.Typer(
    help="The contact queue: customers who went quiet, sound unhappy or waited too long.",
    invoke_without_command=True,
)
app.add_typer(queue_app, name="queue")

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
Which = Annotated[
    str, typer.Argument(help="The number in 'vasteaika queue', or the customer's address.")
]


def _queue(parts: CommandContext, now: datetime) -> tuple[QueueEntry, ...]:
    from vasteaika.queue import build_queue, queue_settings

    return build_queue(parts.store, queue_settings(parts.config), now)


@queue_app.callback()
def queue(ctx: typer.Context, json_out: JsonOption = False) -> None:
    """Who to call, and why: customers who went quiet (against their own rhythm; a seasonal
    customer against the same season a year earlier), sound unhappy (complaint words in
    Finnish, Swedish or English, a follow-up that waited over the promise) or waited too long
    (their last conversation answered well past the promise, or not at all). Key customers and
    frequent customers first.

    \\b
    Examples:
      vasteaika queue
      vasteaika queue --json
      vasteaika queue call 1              # a reminder to call the first one today
      vasteaika queue dismiss 2 --until 2027-03-01
    """
    if ctx.invoked_subcommand is not None:
        return
    parts = current(ctx)
    config = parts.config
    entries = _queue(parts, parts.now())
    zone = config.hours.timezone
    if json_out:
        render.print_json([dict(e.as_json(zone), number=n) for n, e in enumerate(entries, 1)])
    elif entries:
        render.console.print(render.queue_table(entries, zone, config.language))
    else:
        render.console.print(render.text(config.language, "queue_empty"))


@queue_app.command("call")
def call_command(ctx: typer.Context, which: Which, json_out: JsonOption = False) -> None:
    """Make a reminder to call this customer today (desktop, mail with .ics, your calendar),
    and take them off the queue for 30 days: the call is the contact."""
    from vasteaika.queue.actions import CALLED_FOR, call_today, pick

    parts = current(ctx)
    config, now = parts.config, parts.now()
    entry = pick(_queue(parts, now), which)
    reminder = call_today(parts.store, entry, now, config.hours.timezone)
    parts.sync_calendar()
    if json_out:
        render.print_json(reminder.as_json(now, config.hours.timezone))
        return
    until = render.local((now + CALLED_FOR).astimezone(config.hours.timezone), config.language)
    phone = f" ({entry.phone})" if entry.phone else ""
    render.console.print(render.text(
        config.language, "queue_called", id=reminder.id,
        who=render.queue_who(entry, config.language), phone=phone, until=until,
    ))  # fmt: skip


@queue_app.command("dismiss")
def dismiss_command(
    ctx: typer.Context,
    which: Which,
    until: Annotated[
        str | None,
        typer.Option("--until", help="Until this day (YYYY-MM-DD or 1.3.2027); else 90 days."),
    ] = None,
) -> None:
    """Take a customer off the contact queue for a while (remembered): they come back when
    the time is up and a signal still holds."""
    from vasteaika.queue.actions import dismiss_until, pick

    parts = current(ctx)
    config, now = parts.config, parts.now()
    entry = pick(_queue(parts, now), which)
    end = dismiss_until(parts.store, entry, _day(until) if until else None, now,
                        config.hours.timezone)  # fmt: skip
    render.console.print(render.text(
        config.language, "queue_dismissed", who=render.queue_who(entry, config.language),
        until=render.local(end.astimezone(config.hours.timezone), config.language),
    ))  # fmt: skip


def _day(text: str) -> date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            day = datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
        within_reach(day, text, "--until")
        return day
    raise UsageError(f"{text!r} is not a date", "write it as YYYY-MM-DD or 1.3.2027")
