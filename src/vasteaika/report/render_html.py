"""The report as one self-contained HTML page (inline CSS, the histogram as inline SVG, every
text escaped), readable on a phone.
"""

from __future__ import annotations

import html

from vasteaika.report.labels import TEXT
from vasteaika.report.model import WeekReport
from vasteaika.report.sections import Section, period_text, sections

# The chart is drawn in a 400-unit viewBox with 13-unit labels: never wider than 400 px, so a
# label is never larger than the title (a 48rem page would scale it to ~25 px).
_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;
background:#fafafa;line-height:1.4}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}h2{font-size:1.05rem;margin:1.5rem 0 .5rem}
.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}p.note{color:#555;margin:.4rem 0}
svg{width:100%;max-width:400px;height:auto;display:block;margin-bottom:.5rem}
"""


def _svg_histogram(s: Section) -> str:
    top = max((b.count for b in s.bars), default=0) or 1
    row_h, label_w, bar_w = 28, 150, 210
    height = row_h * len(s.bars) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 {height}" role="img"'
        f' aria-label="{html.escape(s.title)}">'
    ]
    for i, (row, b) in enumerate(zip(s.rows, s.bars, strict=True)):
        y = i * row_h + 4
        w = round(b.count / top * bar_w)
        parts.append(
            f'<text x="0" y="{y + 18}" font-size="13" fill="#333">{html.escape(row[0])}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="{row_h - 8}" fill="#2b6cb0"/>'
            f'<text x="{label_w + w + 6}" y="{y + 18}" font-size="13" fill="#333">'
            f"{html.escape(row[1])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def report_html(report: WeekReport, lang: str) -> str:
    t = TEXT[lang]
    e = html.escape
    title = f"{t['title']}: {period_text(report, lang)}"
    body = [f"<h1>{e(title)}</h1>"]
    for s in sections(report, lang):
        body.append(f"<section><h2>{e(s.title)}</h2>")
        if s.bars:
            body.append(_svg_histogram(s))
        if s.rows:
            body.append('<div class="scroll"><table>')
            if s.headers:
                cells = "".join(
                    f"<th{' class=n' if n else ''}>{e(h)}</th>"
                    for h, n in zip(s.headers, s.numeric, strict=True)
                )
                body.append(f"<thead><tr>{cells}</tr></thead>")
            body.append("<tbody>")
            for row in s.rows:
                numeric = s.numeric or (False,) * len(row)
                cells = "".join(
                    f"<td{' class=n' if n else ''}>{e(c)}</td>"
                    for c, n in zip(row, numeric, strict=True)
                )
                body.append(f"<tr>{cells}</tr>")
            body.append("</tbody></table></div>")
        if s.note:
            body.append(f'<p class="note">{e(s.note)}</p>')
        body.append("</section>")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )
