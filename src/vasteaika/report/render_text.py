"""The report as Markdown: the sections as headed pipe tables, every cell escaped so a customer's
name or subject cannot turn into markup.
"""

from __future__ import annotations

from vasteaika.report.labels import TEXT
from vasteaika.report.model import WeekReport
from vasteaika.report.sections import bar_rows, period_text, sections


def _md_cell(text: str) -> str:
    for char in "\\|<>*_`[]":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", " ")


def report_markdown(report: WeekReport, lang: str) -> str:
    t = TEXT[lang]
    lines = [f"# {t['title']}: {period_text(report, lang)}", ""]
    for s in sections(report, lang):
        lines += [f"## {s.title}", ""]
        headers = s.headers or ("", "")
        if s.bars:
            headers = (*headers, "")
        rows = bar_rows(s, 30) if s.bars else s.rows
        numeric = (*s.numeric, False) if s.bars else s.numeric
        if rows:
            lines.append("| " + " | ".join(_md_cell(h) for h in headers) + " |")
            lines.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            lines.append("")
        if s.note:
            lines += [s.note, ""]
    return "\n".join(lines)
