"""The weekly response-time report: SQL aggregates into a record, and its renderings
(terminal table, Markdown, HTML, CSV, JSON).

Building: ``model`` (the record), ``periods`` (weeks and the business calendar in SQL),
``tables`` (the working TEMP tables), ``queries`` (the aggregates), ``build`` (one run),
``rows`` (one row per conversation with the report's judgement, for a spreadsheet).
Rendering: ``labels`` (the words), ``values`` (localised numbers and times), ``sections`` (the one
view every human format draws), ``render_table``, ``render_text``, ``render_html``,
``render_data`` (CSV, JSON), and ``render.render_report``, the one entry point.

The names a caller needs to build a report are exported here.
"""

from vasteaika.report.build import build_report
from vasteaika.report.model import ReportSettings, WeekReport
from vasteaika.report.periods import (
    day_range,
    iso_week,
    local_midnight,
    offset_changes,
    previous_week,
)

__all__ = [
    "ReportSettings",
    "WeekReport",
    "build_report",
    "day_range",
    "iso_week",
    "local_midnight",
    "offset_changes",
    "previous_week",
]
