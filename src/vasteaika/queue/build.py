"""The queue as of a moment: the working tables (``tables``) filled inside a savepoint that is
rolled back, the signals read from them, judged on the business clock where a promise is
involved, and the customers lifted into the queue put in order: key customers first, then by
how many conversations they had in the last 12 months, then by the strength of their signals.

Where the time goes (benchmarks/report_bench.py, 1,000,000 conversations): one pass over the
summary ``customers`` beside the kept rhythms (``rhythm``), the window's conversations, and the
details of every customer lifted (a range of an index each).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from vasteaika.config import Config
from vasteaika.hours import BusinessHours, business_seconds
from vasteaika.ledger.customers import company_domains as ledger_company_domains
from vasteaika.ledger.records import business_hours
from vasteaika.ledger.store import Store
from vasteaika.queue import tables
from vasteaika.queue.model import QUIET, UNHAPPY, WAITED, QueueEntry, QueueSettings, Reason
from vasteaika.queue.store import dismissed

WAITED_FACTOR = 2  # "well past the promise": over twice the promised business time


def build_queue(store: Store, settings: QueueSettings, now: datetime) -> tuple[QueueEntry, ...]:
    """Who to contact as of ``now`` and why, in the order to call them; the customers the owner
    dismissed until after ``now`` left out."""
    return top_of_queue(store, settings, now)[0]


def top_of_queue(
    store: Store, settings: QueueSettings, now: datetime, limit: int | None = None
) -> tuple[tuple[QueueEntry, ...], int]:
    """The first ``limit`` customers of the queue (all with None) and how many it holds: the
    order is decided for all, the details (last conversation, phone) read for those shown."""
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    at = int(now.timestamp())
    p = tables.params(
        at,
        int(settings.response_promise.total_seconds()),
        int(settings.key_response_promise.total_seconds()),
    )
    off = dismissed(store, at)
    with _savepoint(store.db.conn) as conn:
        tables.load_companies(conn, company_domains(settings))
        keys = _key_units(conn, settings)
        reasons = _signals(conn, settings, keys, p)
        if not reasons:
            return (), 0
        tables.load_final(conn, sorted(reasons), settings.ignore, p)
        ranked = sorted(
            (r for r in tables.final_units(conn) if r[5] not in off),
            key=lambda r: (r[0] not in keys, -r[2], -sum(x.strength for x in reasons[r[0]]), r[5]),
        )
        shown = ranked if limit is None else ranked[:limit]
        details = tables.final_details(conn, [r[0] for r in shown], p)
    entries = tuple(_entry(r, details[r[0]], reasons[r[0]], r[0] in keys) for r in shown)
    return entries, len(ranked)


def queue_settings(config: Config) -> QueueSettings:
    """The queue as the owner configured it: business hours, key customers, companies, the
    ignore list and the response promises of [report]."""
    return QueueSettings(
        hours=business_hours(config.hours),
        key_customers=config.ack.key_customers,
        companies=config.companies,
        ignore=config.ignore,
        response_promise=config.report.response_promise,
        key_response_promise=config.report.key_response_promise,
    )


def company_domains(settings: QueueSettings) -> list[str]:
    """The domains whose people are one customer, as the report groups them."""
    return ledger_company_domains(settings.companies, settings.key_customers)


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One consistent read; every TEMP table made inside is dropped by the rollback."""
    conn.execute("SAVEPOINT queue")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK TO queue")
        conn.execute("RELEASE queue")


def _key_units(conn: sqlite3.Connection, settings: QueueSettings) -> set[int]:
    """The units of ``[ack] key_customers``: an address's person (or their company), a
    domain's company."""
    units: set[int] = set()
    for entry in settings.key_customers:
        wanted = entry.strip().lower().lstrip("@")
        row = conn.execute(
            "SELECT unit FROM temp.queue_company WHERE domain = ? LIMIT 1"
            if "@" not in wanted
            else "SELECT coalesce((SELECT unit FROM temp.queue_company WHERE customer_id = s.id),"
            " s.id) FROM main.customers s WHERE s.customer_key = ?",
            [wanted],
        ).fetchone()
        if row:
            units.add(int(row[0]))
    return units


def _signals(
    conn: sqlite3.Connection, settings: QueueSettings, keys: set[int], p: dict[str, Any]
) -> dict[int, list[Reason]]:
    """Each lifted unit's reasons: gone quiet, sounds unhappy, waited too long."""
    hours, now = settings.hours, p["now"]
    reasons: dict[int, list[Reason]] = {}

    def promise(unit: int) -> int:
        return int(p["key_promise"] if unit in keys else p["promise"])

    if not keys:
        p["floor"] = p["promise"]
    for unit, last_at, median in tables.gone_quiet(conn, settings.ignore, p):
        silent = now - last_at
        strength = silent / (tables.QUIET_FACTOR * median) if median else 1.0
        reasons.setdefault(unit, []).append(Reason(QUIET, _at(last_at), silent, (), True, strength))
    tables.load_recent(conn, settings.ignore, p)
    p["late"] = WAITED_FACTOR * p["floor"]  # business time never exceeds the wall clock's
    for unit, _conv, contact, reply in tables.late_answers(conn, p):
        waited = _business(contact, reply or now, hours)
        if waited > WAITED_FACTOR * promise(unit):
            strength = waited / (WAITED_FACTOR * promise(unit))
            reasons.setdefault(unit, []).append(
                Reason(WAITED, _at(contact), waited, (), reply is not None, strength)
            )
    unhappy: dict[int, list[Reason]] = {}
    for unit, since, answer in tables.slow_follow_ups(conn, settings.ignore, p):
        waited = _business(since, answer or now, hours)
        if waited > promise(unit):
            unhappy.setdefault(unit, []).append(
                Reason(UNHAPPY, _at(since), waited, (), answer is not None, waited / promise(unit))
            )
    for unit, received, words in tables.complaints(conn, settings.ignore, p):
        unhappy.setdefault(unit, []).append(
            Reason(UNHAPPY, _at(received), 0, tuple(w for w in words.split(", ") if w))
        )
    for unit, found in unhappy.items():
        reasons.setdefault(unit, []).append(_merged(found))
    return reasons


def _merged(found: list[Reason]) -> Reason:
    """One UNHAPPY reason of many mails and turns: its words, the longest wait, the first."""
    words = tuple(dict.fromkeys(w for r in found for w in r.words))
    return Reason(
        UNHAPPY,
        min(r.since for r in found),
        max(r.seconds for r in found),
        words,
        all(r.answered for r in found),
        sum(r.strength for r in found),
    )


def _business(start: int, end: int, hours: BusinessHours) -> int:
    return business_seconds(_at(start), _at(end), hours)


def _at(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _entry(
    row: tuple[Any, ...], details: tuple[Any, ...], reasons: list[Reason], is_key: bool
) -> QueueEntry:
    unit, n, n_year, last_at, median, ckey = row
    conversation_id, subject, name, phone = details
    order = {QUIET: 0, UNHAPPY: 1, WAITED: 2}
    return QueueEntry(
        customer=ckey,
        name="" if unit < 0 else name,
        is_company=unit < 0,
        is_key=is_key,
        conversations=n,
        conversations_year=n_year,
        usual_interval_seconds=None if median is None else int(median),
        last_contact_at=_at(last_at),
        last_subject=subject,
        last_conversation_id=conversation_id,
        phone=phone,
        reasons=tuple(sorted(reasons, key=lambda r: order[r.kind])),
    )
