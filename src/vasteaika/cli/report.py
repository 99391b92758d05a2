"""`vasteaika export` and `vasteaika report`: the ledger out, as one record per conversation
for scripts and spreadsheets, or as the weekly report (report/ builds and renders it). Both read
only the ledger: no mailbox connection."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from vasteaika.cli import output as render
from vasteaika.cli.context import current, within_reach
from vasteaika.cli.root import app
from vasteaika.errors import StorageError, UsageError
from vasteaika.terminal import json_text, write

if TYPE_CHECKING:
    from vasteaika.config import Config


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or csv.")] = "json",
    since: Annotated[
        str | None, typer.Option(help="Only conversations from this date on (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(help="Only conversations up to this date, itself included (YYYY-MM-DD)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
) -> None:
    """Export one record per conversation (its conversation_id, the number 'vasteaika close'
    takes): first contact, first reply, response times.

    Times are ISO 8601 with offset; durations are seconds (business_response_seconds counts only
    your business hours). JSON adds each conversation's turns: every wait of the customer and
    your (next) response to it.
    """
    from vasteaika.ledger.records import business_hours, conversation_records

    if fmt not in ("json", "csv"):
        raise UsageError(f"unknown format {fmt!r}", "use --format json or --format csv")
    parts = current(ctx)
    config = parts.config
    start = _parse_day(since, config, "--since") if since else None
    end = _next_day(_parse_day(until, config, "--until")) if until else None
    records = conversation_records(
        parts.store, business_hours(config.hours), start, ignore=config.ignore, until=end
    )
    text = (
        json_text([r.as_json() for r in records]) if fmt == "json" else render.records_csv(records)
    )
    if output:
        _write_output(output, text)
    else:
        write(text)


def _write_output(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror}",
                           "check that the folder exists and is writable") from None  # fmt: skip


def _next_day(day: datetime) -> datetime:
    """The midnight after ``day``'s, in its zone (a DST day is 23 or 25 hours long)."""
    return datetime.combine(day.date() + timedelta(days=1), day.timetz())


def _parse_day(text: str, config: Config, option: str) -> datetime:
    try:
        day = datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise UsageError(
            f"{text!r} is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-01"
        ) from None
    within_reach(day.date(), text, option)
    return day.replace(tzinfo=config.hours.timezone)


@app.command()
def report(
    ctx: typer.Context,
    week: Annotated[
        str | None, typer.Option(help="An ISO week, e.g. 2026-W47 (default: last full week).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day, inclusive (YYYY-MM-DD).")] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, markdown, html, csv or json.")
    ] = "table",
    json_out: Annotated[bool, typer.Option("--json", help="The same as --format json.")] = False,
    table: Annotated[
        str,
        typer.Option(
            help="With --format csv: conversations (one row each, with the report's judgement)"
            " or summary (the headline figures in one row)."
        ),
    ] = "conversations",
    lang: Annotated[str | None, typer.Option(help="fi or en (default: owner.language).")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
) -> None:
    """How fast you answered, what still waits, which promises you kept, who went quiet.

    By default the last full week (Monday to Sunday). Examples:

      vasteaika report

      vasteaika report --week 2026-W47 --format html --output viikko47.html

      vasteaika report --since 2026-10-01 --until 2026-10-31 --format csv > lokakuu.csv

      vasteaika report --format csv --table summary
    """
    from vasteaika.ledger.records import business_hours
    from vasteaika.report import (
        ReportSettings,
        build_report,
        day_range,
        iso_week,
        previous_week,
    )
    from vasteaika.report.render import render_report

    fmt = _report_format(fmt, json_out, table)
    parts = current(ctx)
    config = parts.config
    zone, now = config.hours.timezone, parts.now()
    if week and (since or until):
        raise UsageError("--week cannot be combined with --since/--until", "use one or the other")
    if week:
        start, end = iso_week(week, zone)
    elif since or until:
        last = _parse_day(until, config, "--until").date() if until else now.astimezone(zone).date()
        first = _parse_day(since, config, "--since").date() if since else last - timedelta(days=6)
        start, end = day_range(first, last, zone)
    else:
        start, end = previous_week(now, zone)
    settings = ReportSettings(
        hours=business_hours(config.hours),
        key_customers=config.ack.key_customers,
        response_promise=config.report.response_promise,
        key_response_promise=config.report.key_response_promise,
        language=lang or config.language,
        ignore=config.ignore,
        companies=config.companies,
    )
    if fmt == "csv" and table == "conversations":
        from vasteaika.report.rows import report_rows, rows_csv

        text = rows_csv(report_rows(parts.store, settings, start, end, now))
        _write_report(text, output, fmt)
        return
    built = build_report(parts.store, settings, start, end, now)
    on_screen = output is None  # at the terminal's width; a pipe's lines are not cut
    text = render_report(built, fmt, settings.language, color=on_screen and sys.stdout.isatty(),
                         width=render.console.width if on_screen else 80)  # fmt: skip
    _write_report(text, output, fmt)


TABLES = ("conversations", "summary")


def _report_format(fmt: str, json_out: bool, table: str) -> str:
    """The format asked for: ``--json`` is ``--format json``; ``--table`` only goes with csv."""
    from vasteaika.report.render import FORMATS

    if json_out:
        if fmt not in ("table", "json"):
            raise UsageError(f"--json cannot be combined with --format {fmt}", "use one of them")
        fmt = "json"
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", "use one of " + ", ".join(FORMATS))
    if table not in TABLES:
        raise UsageError(f"unknown table {table!r}", "use --table conversations or summary")
    if table != "conversations" and fmt != "csv":
        raise UsageError("--table goes with --format csv", "add --format csv")
    return fmt


def _write_report(text: str, output: Path | None, fmt: str) -> None:
    if output:
        _write_output(output, text)
        render.err_console.print(f"Wrote {output}", highlight=False)
    elif fmt == "table":  # drawn by a LiteralConsole: its only escape sequences are its colours
        sys.stdout.write(text)
    else:
        write(text)
