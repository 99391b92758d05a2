"""The report's working TEMP tables, filled in SQL from the ledger for one run (``build`` runs
them inside a savepoint that is rolled back, so they vanish and the main database is untouched).
Apart from ``queries``, which only reads them: filling decides what a row is (its week, key
customer, business seconds); reading only counts.

``temp.report_customer``  (a view) each customer's count, first and last contact as of ``now``:
    ``customers`` (one row per person, an address), with the few customers who have contacts
    after ``now`` recounted (``temp.report_late``; empty unless ``now`` is in the past or a mail
    is dated ahead), and the people of each configured company (``temp.report_company``, found
    along the index on their domain) summed into one row (``temp.report_groups``).
``temp.report_keys``      key customers: configured addresses/domains, else the top 20 % of
    ``temp.report_window`` (each person's conversations in the 12-month window, grouped along
    the (customer_id, first_contact_at) index, in its order: no sort; a company's people
    together), never one with a single conversation. A key's id is its person's id, or its
    company's (negative); ``temp.report_key_of`` maps each person to the key they belong to.
``temp.report_new``       the conversations of the range that were their customer's first.
``temp.report_conv``      the period's and the four earlier weeks' conversations with their
    wall, business and acknowledgment seconds, read in one pass along the first-contact index
    (joins by integer key only), and indexed so that each percentile is one
    ``ORDER BY v LIMIT 1 OFFSET k - 1`` walk along an index (no sort, no window buffer) and most
    counts read an index alone; the others are one GROUP BY into at most 140 rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from vasteaika.ledger.customers import company_domains, domain_sql
from vasteaika.report.model import ReportSettings
from vasteaika.report.periods import cum, hour_of, local_case, weekday_of

KEY_SHARE_PERCENT = 20
KEY_MIN_CONVERSATIONS = 2  # in the window, to be a key customer by the top 20 %


def load_customers(
    conn: sqlite3.Connection, settings: ReportSettings, p: Mapping[str, Any]
) -> None:
    """temp.report_customer: every customer's count, first and last contact as of ``now`` (the
    summary table ``customers``, recounted for the few customers with contacts after ``now``,
    a company's people summed into one row); temp.report_keys: the key customers;
    temp.report_key_of: the key of each person who belongs to one."""
    conn.execute(
        "CREATE TEMP TABLE report_late (id INTEGER PRIMARY KEY, ckey TEXT NOT NULL,"
        " n INTEGER NOT NULL, first_at INTEGER, last_at INTEGER)"
    )
    conn.execute(
        """INSERT INTO temp.report_late
        SELECT s.id, s.customer_key, count(c.id), min(c.first_contact_at), max(c.first_contact_at)
        FROM main.customers s LEFT JOIN conversations c INDEXED BY conversations_customer_id
            ON c.customer_id = s.id AND c.first_contact_at <= :now
        WHERE s.id IN (SELECT customer_id FROM conversations
                       INDEXED BY conversations_first_contact WHERE first_contact_at > :now)
        GROUP BY s.id""",
        p,
    )
    domains = _load_companies(conn, settings)
    conn.execute(
        """CREATE TEMP VIEW report_customer (id, ckey, n, first_at, last_at) AS
        SELECT id, customer_key, conversations, first_contact_at, last_contact_at
        FROM main.customers
        WHERE id NOT IN (SELECT id FROM temp.report_late)
          AND id NOT IN (SELECT customer_id FROM temp.report_company)
        UNION ALL SELECT id, ckey, n, first_at, last_at FROM temp.report_late
        WHERE n > 0 AND id NOT IN (SELECT customer_id FROM temp.report_company)
        UNION ALL SELECT id, entry, n, first_at, last_at FROM temp.report_groups"""
    )
    conn.execute(
        "CREATE TEMP TABLE report_keys (id INTEGER PRIMARY KEY, entry TEXT NOT NULL UNIQUE)"
    )
    if settings.key_customers:
        # an address is its person (or, not seen yet, a key of its own); a domain its company
        entries = dict.fromkeys(k.strip().lower().lstrip("@") for k in settings.key_customers)
        conn.executemany(
            "INSERT INTO temp.report_keys VALUES (CASE WHEN instr(:entry, '@') THEN coalesce("
            "(SELECT id FROM main.customers WHERE customer_key = :entry), -1000000 - :n)"
            " ELSE :company END, :entry)",
            [
                {"entry": e, "n": n, "company": -1 - domains.index(e) if e in domains else 0}
                for n, e in enumerate(entries, start=1)
            ],
        )
    else:
        _load_top_keys(conn, p)
    conn.execute(
        "CREATE TEMP TABLE report_key_of (customer_id INTEGER PRIMARY KEY, key_id INTEGER)"
    )
    conn.execute(
        """INSERT OR IGNORE INTO temp.report_key_of
        SELECT id, id FROM temp.report_keys WHERE id > 0
        UNION ALL SELECT g.customer_id, g.company_id FROM temp.report_company g
        JOIN temp.report_keys k ON k.id = g.company_id"""
    )


def _load_companies(conn: sqlite3.Connection, settings: ReportSettings) -> list[str]:
    """temp.report_company: each person at a company's domain with the company's id (the
    negative of its place in the list); temp.report_groups: each company's count, first and
    last contact as of ``now``. The people are found along the index on their domain."""
    domains = company_domains(settings.companies, settings.key_customers)
    conn.execute(
        "CREATE TEMP TABLE report_company (customer_id INTEGER PRIMARY KEY,"
        " company_id INTEGER NOT NULL, entry TEXT NOT NULL)"
    )
    conn.executemany(
        f"""INSERT OR IGNORE INTO temp.report_company
        SELECT id, :company, :domain FROM main.customers INDEXED BY customers_domain
        WHERE {domain_sql("customer_key")} = :domain""",
        [{"company": -n, "domain": d} for n, d in enumerate(domains, start=1)],
    )
    conn.execute(
        "CREATE TEMP TABLE report_groups (id INTEGER PRIMARY KEY, entry TEXT NOT NULL,"
        " n INTEGER NOT NULL, first_at INTEGER, last_at INTEGER)"
    )
    late = "CASE WHEN l.id IS NULL THEN s.{0} ELSE l.{1} END"
    conn.execute(
        f"""INSERT INTO temp.report_groups
        SELECT g.company_id, g.entry, sum(coalesce(l.n, s.conversations)) AS total,
               min({late.format("first_contact_at", "first_at")}),
               max({late.format("last_contact_at", "last_at")})
        FROM temp.report_company g JOIN main.customers s ON s.id = g.customer_id
        LEFT JOIN temp.report_late l ON l.id = s.id
        GROUP BY g.company_id HAVING total > 0"""
    )
    return domains


def _load_top_keys(conn: sqlite3.Connection, p: Mapping[str, Any]) -> None:
    """The top 20 % of the customers (a company's people together) by conversations in the
    12-month window, each person's counted along the (customer_id, first_contact_at) index
    (grouped in its order: no sort). A customer with a single conversation in the window is
    never one: among them the choice would be a mere tie-break."""
    conn.execute(
        "CREATE TEMP TABLE report_window (id INTEGER PRIMARY KEY, ckey TEXT NOT NULL,"
        " last_at INTEGER NOT NULL, n INTEGER NOT NULL)"
    )
    conn.execute(
        """INSERT INTO temp.report_window
        SELECT s.id, s.customer_key, coalesce(l.last_at, s.last_contact_at), w.n
        FROM (SELECT customer_id, count(*) AS n
              FROM conversations INDEXED BY conversations_customer_id
              WHERE first_contact_at >= :year_ago AND first_contact_at < :until
                AND first_contact_at <= :now
              GROUP BY customer_id) w
        JOIN main.customers s ON s.id = w.customer_id
        LEFT JOIN temp.report_late l ON l.id = s.id""",
        p,
    )
    conn.execute(
        """CREATE TEMP VIEW report_window_customer (id, ckey, last_at, n) AS
        SELECT id, ckey, last_at, n FROM temp.report_window
        WHERE id NOT IN (SELECT customer_id FROM temp.report_company)
        UNION ALL SELECT g.company_id, g.entry, max(w.last_at), sum(w.n)
        FROM temp.report_company g JOIN temp.report_window w ON w.id = g.customer_id
        GROUP BY g.company_id"""
    )
    total = conn.execute("SELECT count(*) FROM temp.report_window_customer").fetchone()[0]
    conn.execute(
        f"""INSERT INTO temp.report_keys (id, entry)
        SELECT id, ckey FROM temp.report_window_customer WHERE n >= {KEY_MIN_CONVERSATIONS}
        ORDER BY n DESC, last_at DESC, ckey LIMIT :keys""",
        {"keys": (total * KEY_SHARE_PERCENT + 99) // 100},
    )


def load_new_leads(conn: sqlite3.Connection, p: Mapping[str, Any]) -> None:
    """temp.report_new: the conversations from ``lo`` on that were their customer's first (the
    first contact of each customer who first wrote then, found along conversations_customer_id)."""
    conn.execute("CREATE TEMP TABLE report_new (id INTEGER PRIMARY KEY)")
    conn.execute(
        """INSERT OR IGNORE INTO temp.report_new
        SELECT c.id FROM main.customers s
        JOIN conversations c INDEXED BY conversations_customer_id
            ON c.customer_id = s.id AND c.first_contact_at = s.first_contact_at
        WHERE s.first_contact_at >= :lo AND s.first_contact_at < :until
          AND s.first_contact_at <= :now""",
        p,
    )
    # a company's person is a new lead only when nobody of the company wrote before
    conn.execute(
        """DELETE FROM temp.report_new WHERE id IN (
            SELECT c.id FROM temp.report_new n JOIN conversations c ON c.id = n.id
            JOIN temp.report_company g ON g.customer_id = c.customer_id
            JOIN temp.report_groups r ON r.id = g.company_id
            WHERE c.first_contact_at > r.first_at)"""
    )


# Indexes on temp.report_conv: each percentile is one ORDER BY … LIMIT 1 OFFSET k walk along one
# of them, and most counts read an index alone. Medians of a subset of the period (key customers or
# not, new leads or not) walk report_conv_business, skipping the rows outside the subset. The
# period's own indexes lead with the value: SQLite builds a single-column index of 350k rows twice
# as fast as one that leads with a column of few values (week); the trend weeks are small.
_CONV_INDEXES = {
    "report_conv_business": "(business_s, is_key, is_new)"
    " WHERE week = 0 AND business_s IS NOT NULL",
    "report_conv_wall": "(response_s, is_key, is_new) WHERE week = 0 AND response_s IS NOT NULL",
    "report_conv_ack": "(ack_s) WHERE week = 0 AND ack_s IS NOT NULL",
    "report_conv_hour": "(hour, business_s) WHERE week = 0",
    "report_conv_hour_wall": "(hour, response_s) WHERE week = 0",
    "report_conv_key": "(key_id, business_s) WHERE week = 0 AND key_id IS NOT NULL",
    "report_conv_key_wall": "(key_id, response_s) WHERE week = 0 AND key_id IS NOT NULL",
    "report_conv_trend_business": "(week, business_s) WHERE week > 0 AND business_s IS NOT NULL",
    "report_conv_trend_wall": "(week, response_s) WHERE week > 0 AND response_s IS NOT NULL",
}


def load_conversations(
    conn: sqlite3.Connection,
    bounds: list[int],
    offsets: list[tuple[int, int]],
    p: Mapping[str, Any],
) -> None:
    """Fill temp.report_conv in one pass along the first-contact index, then index it."""
    week = "CASE " + " ".join(
        f"WHEN c.first_contact_at >= {b} THEN {k}" for k, b in enumerate(bounds)
    )
    conn.execute(
        """CREATE TEMP TABLE report_conv (
            id INTEGER PRIMARY KEY, week INTEGER NOT NULL, contact_at INTEGER NOT NULL,
            reply_at INTEGER, response_s INTEGER, business_s INTEGER, business_wait_s INTEGER,
            ack_s INTEGER, key_id INTEGER, is_key INTEGER NOT NULL, is_new INTEGER NOT NULL,
            weekday INTEGER NOT NULL, hour INTEGER NOT NULL)"""
    )
    contact_local = local_case("c.first_contact_at", offsets)
    reply_local = local_case("c.first_reply_at", offsets)
    conn.execute(
        f"""INSERT INTO temp.report_conv
        SELECT id, week, contact_at, reply_at, reply_at - contact_at,
               reply_cum - contact_cum, CASE WHEN reply_at IS NULL THEN :now_cum - contact_cum END,
               ack_at - contact_at, key_id, key_id IS NOT NULL, 0,
               {weekday_of("contact_local")}, {hour_of("contact_local")}
        FROM (SELECT c.id, {week} END AS week, c.first_contact_at AS contact_at,
                     CASE WHEN c.first_reply_at <= :now THEN c.first_reply_at END AS reply_at,
                     CASE WHEN c.ack_status = 'sent' AND c.ack_at <= :now THEN c.ack_at END
                         AS ack_at,
                     k.key_id AS key_id,
                     {contact_local} AS contact_local,
                     {cum("bc", "c.first_contact_at")} AS contact_cum,
                     {cum("br", "c.first_reply_at")} AS reply_cum
              FROM conversations c INDEXED BY conversations_first_contact
              JOIN temp.report_calendar bc ON bc.day = {contact_local} / 86400
              LEFT JOIN temp.report_calendar br
                  ON c.first_reply_at <= :now AND br.day = {reply_local} / 86400
              LEFT JOIN temp.report_key_of k ON k.customer_id = c.customer_id
              WHERE c.first_contact_at >= :lo AND c.first_contact_at < :until
                AND c.first_contact_at <= :now)""",
        p,
    )
    # The few new leads are marked afterwards: cheaper than a lookup for every row.
    conn.execute("UPDATE temp.report_conv SET is_new = 1 WHERE id IN temp.report_new")
    for name, spec in _CONV_INDEXES.items():
        conn.execute(f"CREATE INDEX temp.{name} ON report_conv {spec}")


def load_next_turns(
    conn: sqlite3.Connection, offsets: list[tuple[int, int]], p: Mapping[str, Any]
) -> None:
    """temp.report_next: the later turns (2 on) whose wait began in the period and was answered
    by ``now``, with their wall and business seconds; few, found along m016's turns_next."""
    conn.execute(
        "CREATE TEMP TABLE report_next (week INTEGER NOT NULL, response_s INTEGER NOT NULL,"
        " business_s INTEGER NOT NULL)"
    )
    conn.execute(
        f"""INSERT INTO temp.report_next
        SELECT 0, t.answered_at - t.since, ({cum("br", "t.answered_at")}) - ({cum("bs", "t.since")})
        FROM turns t INDEXED BY turns_next
        JOIN temp.report_calendar bs ON bs.day = {local_case("t.since", offsets)} / 86400
        JOIN temp.report_calendar br ON br.day = {local_case("t.answered_at", offsets)} / 86400
        WHERE t.seq > 1 AND t.since >= :since AND t.since < :until AND t.since <= :now
          AND t.answered_at <= :now""",
        p,
    )
    for column in ("response_s", "business_s"):
        conn.execute(f"CREATE INDEX temp.report_next_{column} ON report_next (week, {column})")
