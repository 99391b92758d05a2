"""`vasteaika calendar test|list`: check the CalDAV calendar the reminders are written to, and
list the account's calendars with the state of each reminder's event. The writing itself is the
cycle's (reminders/calendar_sync.py); these commands only look."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from vasteaika.catalogue import fault
from vasteaika.cli import output as render
from vasteaika.cli.context import current, open_calendar
from vasteaika.cli.root import app
from vasteaika.errors import ConfigError
from vasteaika.net import shown_url

if TYPE_CHECKING:
    from vasteaika.config import Config
    from vasteaika.ledger.store import Store

calendar_app = typer.Typer(
    help="Your phone calendar (CalDAV): every reminder is an event there, with an alarm.",
    no_args_is_help=True,
)
app.add_typer(calendar_app, name="calendar")

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def _configured(config: Config) -> None:
    if not config.calendar.enabled:
        raise fault(ConfigError, "err.no_calendar")


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
                           "pending": state.pending, "conflicts": state.conflicts,
                           "gone": state.gone, "last_error": state.last_error})  # fmt: skip
        return
    lang = config.language
    url = shown_url(chosen.url)
    render.console.print(Text(render.text(lang, "calendar.ok", name=chosen.name or url,
                                          url=url)))  # fmt: skip
    if state.behind:
        render.console.print(Text(render.text(lang, "calendar.pending", n=state.pending)))


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
    lang = config.language
    table = Table("", render.text(lang, "calendar.name"), render.text(lang, "calendar.address"),
                  box=None)  # fmt: skip
    for c in found:
        table.add_row("*" if c == chosen else "", Text(c.name), Text(shown_url(c.url)))
    render.console.print(table)
    _show_left_alone(parts.store, lang)


def _show_left_alone(store: Store, lang: str) -> None:
    """The open reminders whose event vasteaika no longer writes, and why."""
    from rich.text import Text

    from vasteaika.reminders.calendar_sync import event_states

    states = event_states(store, open_only=True)
    for state in ("conflict", "gone"):
        ids = [f"#{rid}" for rid, s in states.items() if s == state]
        if ids:
            line = render.text(lang, f"calendar.left_{state}", n=len(ids), ids=", ".join(ids))
            render.console.print(Text(line))
