"""One customer, all in one place: finding a customer by address, company domain or a piece of
the name (accent-insensitive: "jarvinen" finds Järvinen), their conversations with each turn,
response time and acknowledgment, and the rhythm of their contact — the median gap between
their conversations, and whether their silence now is longer than that.

A customer is a person (an address), or a company's people together when its domain is in
``[customers] companies`` (``customers.company_domains``), as the report counts them. Apart from
``records`` (one row per conversation for export) because it reads by customer and owns the
SQL of the rhythm; reminders keep their SQL in their own package (``reminders.store``).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from typing import Any

from vasteaika.hours import BusinessHours
from vasteaika.ledger.customers import domain_sql, ignored_sql
from vasteaika.ledger.records import ConversationRecord, to_record
from vasteaika.ledger.store import Store, epoch, from_epoch

# Letters NFKD does not take apart into a base letter and a mark.
_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ł": "l", "þ": "th", "ð": "d"})


@lru_cache(maxsize=65536)  # a customer's name recurs in each of their conversations
def fold(text: str | None) -> str:
    """``text`` for matching: case-folded, accents and other marks dropped ("Järvinen" →
    "jarvinen", "Åström" → "astrom")."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold().translate(_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class CustomerMatch:
    """A customer found: one person, or a company (``company`` is its domain)."""

    name: str  # the name in their latest conversation (a company: its domain)
    addresses: tuple[str, ...]
    conversations: int
    last_contact_at: datetime
    company: str | None = None

    @property
    def label(self) -> str:
        return self.company or self.addresses[0]

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "company": self.company,
            "addresses": list(self.addresses),
            "conversations": self.conversations,
            "last_contact_at": self.last_contact_at.isoformat(),
        }


def find_customers(
    store: Store,
    query: str,
    companies: list[str],
    ignore: tuple[str, ...] = (),
    tz: tzinfo = UTC,
) -> list[CustomerMatch]:
    """The customers ``query`` names: an address or a company's domain exactly (found along
    the summary table's indexes), else every customer whose name or address holds each of its
    words (folded), most recent first; a company's people are one match."""
    wanted = query.strip().lower().lstrip("@")
    if not wanted:
        return []
    conn = store.db.conn
    conn.create_function("vasteaika_fold", 1, fold, deterministic=True)
    words = fold(wanted).split()
    loose = " AND ".join(
        f"instr(vasteaika_fold(customer_name || ' ' || customer_email), :w{n}) > 0"
        for n in range(len(words))
    )
    candidates = (
        f"""SELECT id FROM customers WHERE customer_key = :exact
            UNION SELECT id FROM customers INDEXED BY customers_domain
            WHERE {domain_sql("customer_key")} = :exact""",
        # every conversation's name and address folded (in Python): ~3 s over 1,000,000
        f"SELECT customer_id FROM conversations WHERE {loose}",
    )
    ignored, values = ignored_sql("customer_email", ignore)
    named = {f"i{n}": v for n, v in enumerate(values)}
    for name in named:
        ignored = ignored.replace("?", f":{name}", 1)
    params = {"exact": wanted, **{f"w{n}": w for n, w in enumerate(words)}, **named}
    found: list[dict[str, Any]] = []
    for ids in candidates:
        found = list(store.db.query(
            f"""SELECT customer_email, customer_name, max(first_contact_at) AS latest,
                       count(*) AS n, max(last_customer_at) AS last_at
                FROM conversations INDEXED BY conversations_customer_id
                WHERE customer_id IN ({ids}) AND NOT {ignored}
                GROUP BY customer_id ORDER BY last_at DESC, customer_email""",
            params,
        ))  # fmt: skip
        if found:
            break
    return _grouped(store, found, companies, ignore, tz)


def _grouped(
    store: Store,
    rows: list[dict[str, Any]],
    companies: list[str],
    ignore: tuple[str, ...],
    tz: tzinfo,
) -> list[CustomerMatch]:
    matches: dict[str, CustomerMatch] = {}
    for row in rows:
        email = row["customer_email"]
        domain = email.rpartition("@")[2]
        if domain in companies:
            if domain not in matches:
                matches[domain] = _company(store, domain, ignore, tz)
            continue
        matches[email] = CustomerMatch(
            row["customer_name"] or email, (email,), row["n"], _at(row["last_at"], tz)
        )
    return list(matches.values())


def _company(store: Store, domain: str, ignore: tuple[str, ...], tz: tzinfo) -> CustomerMatch:
    """Everybody at ``domain``: its people found along the summary table's domain index."""
    ignored, values = ignored_sql("c.customer_email", ignore)
    rows = list(store.db.query(
        f"""SELECT c.customer_email, count(*) AS n, max(c.last_customer_at) AS last_at
            FROM customers s INDEXED BY customers_domain
            JOIN conversations c INDEXED BY conversations_customer_id ON c.customer_id = s.id
            WHERE {domain_sql("s.customer_key")} = ? AND NOT {ignored}
            GROUP BY c.customer_id ORDER BY min(c.first_contact_at), c.customer_email""",
        [domain, *values],
    ))  # fmt: skip
    return CustomerMatch(
        domain,
        tuple(r["customer_email"] for r in rows),
        sum(r["n"] for r in rows),
        _at(max(r["last_at"] for r in rows), tz),
        company=domain,
    )


def _at(seconds: int, tz: tzinfo) -> datetime:
    return datetime.fromtimestamp(seconds, tz)


@dataclass(frozen=True)
class Acknowledgment:
    """What happened to a conversation's acknowledgment (``conversations.ack_*``)."""

    status: str | None  # pending | sent | draft | skipped | failed; None: not decided
    at: datetime | None
    recipient: str | None
    callback_at: datetime | None  # the callback slot it promised
    reasons: tuple[str, ...]  # why it was not sent

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "at": self.at.isoformat() if self.at else None,
            "recipient": self.recipient,
            "callback_at": self.callback_at.isoformat() if self.callback_at else None,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class Rhythm:
    """How often the customer comes back: the median gap between the first contacts of their
    conversations (None with fewer than two), and their silence since they last wrote."""

    gaps: int
    median_gap_seconds: float | None
    last_contact_at: datetime | None
    silent_seconds: int | None
    quiet: bool  # silent for longer than their median gap

    def as_json(self) -> dict[str, Any]:
        return {
            "gaps": self.gaps,
            "median_gap_seconds": self.median_gap_seconds,
            "last_contact_at": self.last_contact_at.isoformat() if self.last_contact_at else None,
            "silent_seconds": self.silent_seconds,
            "quiet": self.quiet,
        }


@dataclass(frozen=True)
class CustomerHistory:
    customer: CustomerMatch
    conversations: tuple[tuple[ConversationRecord, Acknowledgment], ...]
    rhythm: Rhythm


def customer_history(
    store: Store, customer: CustomerMatch, hours: BusinessHours, now: datetime
) -> CustomerHistory:
    """Every conversation of ``customer`` begun by ``now``, oldest first, with its turns and
    acknowledgment, and the rhythm of their contact."""
    marks = ",".join("?" * len(customer.addresses))
    rows = list(store.db.query(
        f"""SELECT * FROM conversations INDEXED BY conversations_customer
            WHERE customer_email IN ({marks}) AND first_contact_at <= ?
            ORDER BY first_contact_at, id""",
        [*customer.addresses, epoch(now)],
    ))  # fmt: skip
    turns = store.turns_of([r["id"] for r in rows])
    tz = hours.timezone
    conversations = tuple(
        (to_record(r, hours, turns.get(r["id"])), _acknowledgment(r, tz)) for r in rows
    )
    return CustomerHistory(customer, conversations, rhythm(store, customer.addresses, now, tz))


def _acknowledgment(row: dict[str, Any], tz: tzinfo) -> Acknowledgment:
    def local(seconds: int | None) -> datetime | None:
        at = from_epoch(seconds)
        return at.astimezone(tz) if at else None

    return Acknowledgment(
        row["ack_status"],
        local(row["ack_at"]),
        row["ack_recipient"],
        local(row["callback_at"]),
        tuple(json.loads(row["ack_reasons"] or "[]")),
    )


def rhythm(
    store: Store, addresses: tuple[str, ...], now: datetime, tz: tzinfo = UTC
) -> Rhythm:
    """In SQL: the gaps between consecutive first contacts (a window over the customer's
    conversations along their index), their conventional median (the middle one, or the mean
    of the two middle ones), and the silence since the customer's last mail."""
    params = {f"a{n}": a for n, a in enumerate(addresses)}
    names = ",".join(f":{k}" for k in params)
    mine = f"""FROM conversations INDEXED BY conversations_customer
               WHERE customer_email IN ({names}) AND first_contact_at <= :now"""
    row = store.db.execute(
        f"""WITH gaps AS (
                SELECT first_contact_at - lag(first_contact_at) OVER (ORDER BY first_contact_at)
                    AS gap {mine}),
            g AS (SELECT gap FROM gaps WHERE gap IS NOT NULL),
            n AS (SELECT count(*) AS n FROM g),
            last AS (SELECT min(max(last_customer_at), :now) AS at {mine})
        SELECT n.n,
               (SELECT avg(gap) FROM (SELECT gap FROM g ORDER BY gap
                                      LIMIT (SELECT 2 - n % 2 FROM n)
                                      OFFSET (SELECT (n - 1) / 2 FROM n))) AS median,
               last.at, :now - last.at
        FROM n, last""",
        {**params, "now": epoch(now)},
    ).fetchone()
    gaps, median, last_at, silent = row
    if median is not None and float(median).is_integer():
        median = int(median)
    quiet = median is not None and silent is not None and silent > median
    return Rhythm(gaps, median, _at(last_at, tz) if last_at else None, silent, quiet)
