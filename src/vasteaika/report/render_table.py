"""The report as a terminal table (rich): the sections laid out to a width, with literal text
only (mail-derived names and subjects are never read as markup). The only module of the report
that knows rich.
"""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from vasteaika.literal_console import LiteralConsole
from vasteaika.report.labels import TEXT
from vasteaika.report.model import WeekReport
from vasteaika.report.sections import Section, bar_rows, fitted, period_text, sections


def report_table(report: WeekReport, lang: str, *, width: int = 80, color: bool = False) -> str:
    out = io.StringIO()
    console = LiteralConsole(
        file=out, width=width, force_terminal=color, color_system="standard" if color else None
    )
    t = TEXT[lang]
    console.print(Text(f"{t['title']}  {period_text(report, lang)}", style="bold"))
    for s in (fitted(section, width) for section in sections(report, lang)):
        table = _section_table(s)
        if s.headers and not s.bars and _least_width(s) > width:
            _print_as_list(console, s)
        elif s.rows:
            console.print(table)
        else:
            console.print(Text(s.title, style="bold"))
        if s.note:
            console.print(Text(s.note))
    return out.getvalue()


def _section_table(s: Section) -> Table:
    table = Table(
        title=s.title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_header=bool(s.headers),
        pad_edge=False,
    )
    rows = bar_rows(s, 30) if s.bars else s.rows
    headers = (*s.headers, "") if s.bars else s.headers
    numeric = (*s.numeric, False) if s.bars else s.numeric
    for i, numeric_column in enumerate(numeric):
        longest = max((len(row[i]) for row in rows), default=0)
        word = max((len(w) for w in headers[i].split()), default=0) if i < len(headers) else 0
        if numeric_column:  # never cut a number; a long header wraps, never cut in a word
            options: dict[str, Any] = {"justify": "right", "min_width": max(longest, word)}
        elif s.bars and i == len(numeric) - 1:
            options = {"no_wrap": True, "overflow": "crop"}
        elif s.headers:
            first = {"min_width": max(min(longest, 24), word)} if i == 0 else {}
            if longest <= 8:  # short markers ("avain", "uusi") are never cut
                first = {"min_width": max(longest, len(headers[i]))}
            options = {"no_wrap": True, "overflow": "ellipsis", "max_width": 26, **first}
        else:
            options = {"overflow": "fold"}
        table.add_column(headers[i] if i < len(headers) else "", **options)
    for row in rows:
        table.add_row(*(Text(c) for c in row))
    return table


def _least_width(s: Section) -> int:
    """The width the section's table takes with no number, no header word and no short marker
    cut, and text cells as wide as the table draws them (at most 26): rich does not narrow them
    reliably, it crops the last columns instead. Three characters between columns, one at
    each edge."""
    widths = []
    for i, header in enumerate(s.headers):
        longest = max((len(row[i]) for row in s.rows), default=0)
        word = max((len(w) for w in header.split()), default=0)
        if s.numeric[i]:
            widths.append(max(longest, word))
        elif i == 0 and longest > 8:
            widths.append(max(min(longest, 24), word))
        else:
            widths.append(min(max(longest, len(header)), 26))
    return sum(widths) + 3 * (len(widths) - 1) + 2


def _print_as_list(console: LiteralConsole, s: Section) -> None:
    """A section too wide for the terminal, row by row: the first cell, then each other column
    as "header: value" on a line of its own, so nothing is cut."""
    console.print(Text(s.title, style="bold"))
    for row in s.rows:
        console.print(Text(f"  {row[0]}", style="bold"))
        for header, cell in zip(s.headers[1:], row[1:], strict=True):
            console.print(Text(f"    {header}: {cell}"), overflow="fold")
    console.print()
