"""The report as data: JSON is ``WeekReport.as_json()``; the CSV summary (``--format csv --table
summary``) is its headline figures as one header row and one row of values, so the weeks of a
spreadsheet can be appended one under another: null is an empty value, durations are seconds and
shares 0…1. Apart from the human formats: no words, no localisation. (The rows per
conversation read the ledger, so they are ``rows``'s.)
"""

from __future__ import annotations

import csv
import io
from typing import Any

from vasteaika.report.model import WeekReport
from vasteaika.terminal import json_text


def report_json(report: WeekReport) -> str:
    return json_text(report.as_json())


def summary_fields(report: WeekReport) -> dict[str, Any]:
    """The headline figures, in the order of the CSV's columns."""
    wall, business = report.response, report.business_response
    promises = report.promises
    return {
        "since": report.since.isoformat(),
        "until": report.until.isoformat(),
        "generated_at": report.now.isoformat(),
        "contacts": report.contacts,
        "answered": report.answered,
        "unanswered": len(report.unanswered),
        "median_response_seconds": wall.median,
        "p90_response_seconds": wall.p90,
        "max_response_seconds": wall.max,
        "median_business_seconds": business.median,
        "p90_business_seconds": business.p90,
        "max_business_seconds": business.max,
        "within_promise_share": report.within_promise_share,
        "acknowledged": report.acknowledged.count,
        "next_responses": report.next_response.count,
        "median_next_response_seconds": report.next_response.median,
        "median_next_business_seconds": report.next_business_response.median,
        "promises_due": promises.due,
        "promises_on_time": promises.on_time,
        "promises_late": promises.late,
        "promises_missed": promises.missed,
        "promises_open": promises.open,
        "new_leads": report.new_leads.contacts,
        "repeat_customers": report.repeat_customers.contacts,
        "key_customers": report.key_customers_total,
        "silent_customers": report.silent_customers_total,
    }


def summary_csv(report: WeekReport) -> str:
    fields = summary_fields(report)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    writer.writerow("" if v is None else v for v in fields.values())
    return out.getvalue()
