"""The weekly report as text: a terminal table (rich), Markdown, one self-contained HTML page,
CSV and JSON. ``render_report`` is the one entry point; each format lives in its own module
(``render_table``, ``render_text``, ``render_html``, ``render_data``), the human ones drawn from
the same ``sections``.
"""

from __future__ import annotations

from vasteaika.errors import UsageError
from vasteaika.report.model import WeekReport
from vasteaika.report.render_data import report_json, summary_csv
from vasteaika.report.render_html import report_html
from vasteaika.report.render_table import report_table
from vasteaika.report.render_text import report_markdown

FORMATS = ("table", "markdown", "html", "csv", "json")
LANGUAGES = ("fi", "en")


def render_report(
    report: WeekReport, fmt: str, lang: str = "fi", *, width: int = 80, color: bool = False
) -> str:
    """The report in ``fmt`` (one of FORMATS); ``lang`` is "fi" or "en"."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", "use one of: " + ", ".join(FORMATS))
    if lang not in LANGUAGES:
        raise UsageError(f"unknown language {lang!r}", "use fi or en")
    if fmt == "json":
        return report_json(report)
    if fmt == "csv":
        return summary_csv(report)
    if fmt == "markdown":
        return report_markdown(report, lang)
    if fmt == "html":
        return report_html(report, lang)
    return report_table(report, lang, width=width, color=color)
