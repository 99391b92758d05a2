"""`vasteaika calendar test|list`: check the CalDAV calendar the reminders are written to, and
list the account's calendars with the state of each reminder's event. The writing itself is the
cycle's (reminders/calendar_sync.py); these commands only look."""

from __future__ import annotations

from typing import Annotated

import typer

from vasteaika.cli import output as render
from vasteaika.cli.context import current, open_calendar
from vasteaika.cli.root import app
from vasteaika.config import Config
from vasteaika.errors import ConfigError
from vasteaika.net import shown_url

calendar_app = typer.Typer(
    help="Your phone calendar (CalDAV): every reminder is an event there, with an alarm.",
    no_args_is_help=True,
)
app.add_typer(calendar_app, name="calendar")

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def _configured(config: Config) -> None:
    if not config.calendar.enabled:
        raise ConfigError(
            "no calendar is set up", "set url (and username) in the [calendar] section"
        )


@calendar_app.command("test")
def test_command(ctx: typer.Context, json_out: JsonOption = False) -> None:
    """Log in to the calendar server and show which calendar the reminders go to."""
    from rich.text import Text

    parts = current(ctx)
    config = parts.config
    _configured(config)
    chosen = open_calendar(config.calendar).chosen()
    from vasteaika.reminders.calendar_sync import calendar_status

    state = calendar_status(parts.store)
    if json_out:
        render.print_json({"url": shown_url(chosen.url), "name": chosen.name,
                           "pending": state.pending,
                           "conflicts": state.conflicts})  # fmt: skip
        return
    url = shown_url(chosen.url)
    render.console.print(Text(f"OK: reminders go to “{chosen.name or url}” ({url})"))
    if state.behind:
        render.console.print(Text(f"{state.pending} change(s) wait to be written; "
                                  "the next 'vasteaika check' writes them"))  # fmt: skip


@calendar_app.command("list")
def list_command(ctx: typer.Context, json_out: JsonOption = False) -> None:
    """List the account's calendars; the one the reminders go to is marked with *."""
    from rich.table import Table
    from rich.text import Text

    parts = current(ctx)
    config = parts.config
    _configured(config)
    server = open_calendar(config.calendar)
    found, chosen = server.calendars(), server.chosen()
    if json_out:
        render.print_json([{"url": shown_url(c.url), "name": c.name, "used": c == chosen}
                           for c in found])  # fmt: skip
        return
    table = Table("", "Calendar", "Address", box=None)
    for c in found:
        table.add_row("*" if c == chosen else "", Text(c.name), Text(shown_url(c.url)))
    render.console.print(table)
