"""The report as data: JSON is ``WeekReport.as_json()``; CSV is the same JSON flattened: a header
``field,value`` and one row per leaf, ``field`` being the dotted path (list items by 0-based
index, e.g. ``unanswered.0.waiting_seconds``); null is an empty value, booleans are
``true``/``false``. Apart from the human formats: no words, no localisation.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from vasteaika.report.model import WeekReport
from vasteaika.terminal import json_text


def report_json(report: WeekReport) -> str:
    return json_text(report.as_json())


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from flatten(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from flatten(v, f"{prefix}.{i}")
    elif value is None:
        yield prefix, ""
    elif isinstance(value, bool):
        yield prefix, "true" if value else "false"
    else:
        yield prefix, str(value)


def report_csv(report: WeekReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("field", "value"))
    writer.writerows(flatten(report.as_json()))
    return out.getvalue()
