"""The report for a spreadsheet: one row per conversation of the period, the columns of
``vasteaika export`` (ledger.records) followed by the report's judgement of it — within promise,
key customer, new lead — as ``build.judge_conversations`` decides them on the report's own
working table, so the rows add up to the report's figures.

Apart from ``render_data`` because it reads the ledger (the renderings draw the record only).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from vasteaika.ledger.records import FIELDS, ConversationRecord, conversation_records
from vasteaika.ledger.store import Store
from vasteaika.report.build import Judgement, judge_conversations
from vasteaika.report.model import ReportSettings

JUDGEMENT_FIELDS = ["within_promise", "key_customer", "new_lead"]
ROW_FIELDS = [*FIELDS, *JUDGEMENT_FIELDS]


@dataclass(frozen=True)
class ReportRow:
    record: ConversationRecord
    judgement: Judgement


def report_rows(
    store: Store, settings: ReportSettings, since: datetime, until: datetime, now: datetime
) -> list[ReportRow]:
    """The conversations whose first contact is in ``[since, until)`` (and not after ``now``),
    oldest first; ``[customers] ignore`` leaves its customers out, as in ``export``."""
    judged = judge_conversations(store, settings, since, until, now)
    records = conversation_records(
        store, settings.hours, since, ignore=settings.ignore, until=until
    )
    return [ReportRow(r, judged[r.id]) for r in records if r.id in judged]


def rows_csv(rows: list[ReportRow]) -> str:
    """A header and one row per conversation, each cell written as ``export`` writes it (empty
    for none); ``within_promise`` is empty while the conversation is still inside its promise."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ROW_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        values = row.record.as_json()
        j = row.judgement
        values |= {"within_promise": j.within_promise, "key_customer": j.key_customer,
                   "new_lead": j.new_lead}  # fmt: skip
        writer.writerow({k: "" if values[k] is None else values[k] for k in ROW_FIELDS})
    return out.getvalue()
