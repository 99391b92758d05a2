"""The queue's SQL: working TEMP tables of one build, each a step of finding who to contact.
Every count, gap and median is computed in SQLite along the ledger's indexes; Python sees only
the few customers each step lifts.

A customer (a *unit*) is a person, id ``customers.id``, or a configured company, id the negative
of its place in the list, its people found along ``customers_domain``.

``temp.queue_company``  each person at a company's domain, with the company's id and domain.
``temp.queue_cand``     who may have gone quiet: a person with ≥ 3 conversations whose last is
    30 days to two years old (the summary table ``customers``), a person with contacts after
    ``now`` (recounted as of ``now``), every company's people.
``temp.queue_gaps``     each of their conversations as of ``now`` with the gap since the unit's
    previous one (``lag`` in one window over the unit, read along conversations_customer_id).
``temp.queue_rhythm``   per unit: conversations, first and last, the median gap (gaps of at
    least a day: two mails on one day are one occasion) and the longest gap that began in the
    same season a year before the current silence began.
``temp.queue_recent``   the conversations of the signal window, with their unit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from vasteaika.ledger.customers import domain_sql, ignored_sql

DAY = 86400
QUIET_MIN_CONVERSATIONS = 3
QUIET_MIN_GAPS = 2  # gaps of at least a day: three contacts on different days
QUIET_MIN_DAYS = 30
QUIET_MAX_DAYS = 730  # silent longer than two years: gone, no longer a call to make
QUIET_FACTOR = 2  # silent over twice their median gap
SEASON_MARGIN_DAYS = 45  # "the same season": a season may start or end this much off
SIGNAL_DAYS = 60  # unhappy and waited look at the conversations of this window


def params(now: int, promise: int, key_promise: int) -> dict[str, int]:
    return {
        "now": now,
        "lo": now - SIGNAL_DAYS * DAY,
        "quiet_min": QUIET_MIN_DAYS * DAY,
        "quiet_max": QUIET_MAX_DAYS * DAY,
        "year": 365 * DAY,
        "margin": SEASON_MARGIN_DAYS * DAY,
        "promise": promise,
        "key_promise": key_promise,
    }


def load_companies(conn: sqlite3.Connection, domains: list[str]) -> None:
    conn.execute(
        "CREATE TEMP TABLE queue_company (customer_id INTEGER PRIMARY KEY,"
        " unit INTEGER NOT NULL, domain TEXT NOT NULL)"
    )
    conn.executemany(
        f"""INSERT OR IGNORE INTO temp.queue_company
        SELECT id, :unit, :domain FROM main.customers INDEXED BY customers_domain
        WHERE {domain_sql("customer_key")} = :domain""",
        [{"unit": -n, "domain": d} for n, d in enumerate(domains, start=1)],
    )


def named_ignored(column: str, ignore: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """``ignored_sql`` with named parameters (:ig0, :ig1 …), to sit among the others."""
    sql, args = ignored_sql(column, ignore)
    parts = sql.split("?")
    named = parts[0] + "".join(f":ig{i}{rest}" for i, rest in enumerate(parts[1:]))
    return named, {f"ig{i}": a for i, a in enumerate(args)}


def _unit(person: str) -> str:
    return f"coalesce((SELECT unit FROM temp.queue_company WHERE customer_id = {person}), {person})"


def load_rhythm(
    conn: sqlite3.Connection, ignore: tuple[str, ...], p: Mapping[str, Any]
) -> None:
    """temp.queue_cand, temp.queue_gaps and temp.queue_rhythm (see the module)."""
    conn.execute(
        "CREATE TEMP TABLE queue_cand (customer_id INTEGER PRIMARY KEY, unit INTEGER NOT NULL)"
    )
    conn.execute(
        f"""INSERT INTO temp.queue_cand SELECT id, {_unit("id")} FROM main.customers
        WHERE (conversations >= {QUIET_MIN_CONVERSATIONS} AND last_contact_at <= :now - :quiet_min
               AND last_contact_at >= :now - :quiet_max)
           OR id IN (SELECT customer_id FROM temp.queue_company)
           OR id IN (SELECT customer_id FROM conversations INDEXED BY conversations_first_contact
                     WHERE first_contact_at > :now)""",
        p,
    )
    load_gaps(conn, "temp.queue_cand", "queue_gaps", ignore, p)
    conn.execute(
        """CREATE TEMP TABLE queue_rhythm (unit INTEGER PRIMARY KEY, n INTEGER NOT NULL,
        first_at INTEGER NOT NULL, last_at INTEGER NOT NULL, median_gap INTEGER,
        season_gap INTEGER)"""
    )
    conn.execute(
        f"""INSERT INTO temp.queue_rhythm (unit, n, first_at, last_at)
        SELECT unit, count(*) AS n, min(at), max(at) AS last FROM temp.queue_gaps
        GROUP BY unit HAVING n >= {QUIET_MIN_CONVERSATIONS}
           AND last <= :now - :quiet_min AND last >= :now - :quiet_max""",
        p,
    )
    set_medians(conn, "queue_rhythm", "queue_gaps")
    conn.execute(
        """UPDATE temp.queue_rhythm SET season_gap = (
            SELECT max(g.gap) FROM temp.queue_gaps g
            WHERE g.unit = queue_rhythm.unit
              AND g.prev_at BETWEEN queue_rhythm.last_at - :year - :margin
                                AND queue_rhythm.last_at - :year + :margin)""",
        p,
    )


def load_gaps(
    conn: sqlite3.Connection, members: str, name: str, ignore: tuple[str, ...],
    p: Mapping[str, Any],
) -> None:  # fmt: skip
    """temp.``name``: the conversations as of ``now`` of the people in ``members``
    (customer_id, unit), each with the gap since its unit's previous conversation."""
    ignored, args = ignored_sql("c.customer_email", ignore)
    conn.execute(
        f"CREATE TEMP TABLE {name} (unit INTEGER NOT NULL, at INTEGER NOT NULL,"
        " prev_at INTEGER, gap INTEGER)"
    )
    conn.execute(
        f"""INSERT INTO temp.{name}
        SELECT unit, at, lag(at) OVER w, at - lag(at) OVER w FROM (
            SELECT m.unit, c.first_contact_at AS at FROM {members} m
            JOIN conversations c INDEXED BY conversations_customer_id
                ON c.customer_id = m.customer_id AND c.first_contact_at <= ?
            WHERE NOT {ignored})
        WINDOW w AS (PARTITION BY unit ORDER BY at)""",
        [p["now"], *args],
    )
    conn.execute(f"CREATE INDEX temp.{name}_unit ON {name} (unit, prev_at)")


def set_medians(conn: sqlite3.Connection, target: str, gaps: str) -> None:
    """``target``.median_gap: the median of each unit's gaps of at least a day, when it has
    at least QUIET_MIN_GAPS of them (else NULL: no rhythm to judge)."""
    conn.execute(
        f"""UPDATE temp.{target} SET median_gap = m.median FROM (
            SELECT unit, avg(gap) AS median FROM (
                SELECT unit, gap, row_number() OVER (PARTITION BY unit ORDER BY gap) AS k,
                       count(*) OVER (PARTITION BY unit) AS many
                FROM temp.{gaps} WHERE gap >= {DAY}
                  AND unit IN (SELECT unit FROM temp.{target}))
            WHERE many >= {QUIET_MIN_GAPS} AND k IN ((many + 1) / 2, (many + 2) / 2)
            GROUP BY unit) m
        WHERE m.unit = {target}.unit"""
    )


def gone_quiet(conn: sqlite3.Connection, p: Mapping[str, Any]) -> list[tuple[int, ...]]:
    """(unit, last contact, median gap) of each unit silent over twice its median gap and at
    least 30 days, unless the same season a year earlier was as quiet: a gap that began then
    (within the margin) and lasted at least this silence less its allowance."""
    return [
        tuple(r)
        for r in conn.execute(
            f"""SELECT unit, last_at, median_gap FROM temp.queue_rhythm
            WHERE median_gap IS NOT NULL AND :now - last_at > {QUIET_FACTOR} * median_gap
              AND NOT (season_gap IS NOT NULL
                       AND :now - last_at <= season_gap + max(:quiet_min, median_gap))""",
            p,
        )
    ]


def load_recent(conn: sqlite3.Connection, ignore: tuple[str, ...], p: Mapping[str, Any]) -> None:
    """temp.queue_recent: the window's conversations (along conversations_first_contact) with
    their unit; an answer or a close after ``now`` is not there yet."""
    ignored, args = ignored_sql("c.customer_email", ignore)
    now = p["now"]
    conn.execute(
        f"""CREATE TEMP TABLE queue_recent AS
        SELECT c.id, {_unit("c.customer_id")} AS unit, c.first_contact_at AS at,
               CASE WHEN c.first_reply_at <= ? THEN c.first_reply_at END AS reply_at,
               CASE WHEN c.closed_at <= ? THEN c.closed_at END AS closed_at
        FROM conversations c INDEXED BY conversations_first_contact
        WHERE c.first_contact_at BETWEEN ? AND ? AND NOT {ignored}""",
        [now, now, p["lo"], now, *args],
    )
    conn.execute("CREATE INDEX temp.queue_recent_unit ON queue_recent (unit, at)")


def late_answers(conn: sqlite3.Connection, p: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """(unit, conversation, contact, answer or None) of each unit's last conversation when it
    waited (or still waits) longer on the wall clock than the key promise: the candidates the
    business clock then judges. A conversation the owner closed unanswered waits for nothing."""
    return [
        tuple(r)
        for r in conn.execute(
            """SELECT r.unit, r.id, r.at, r.reply_at FROM temp.queue_recent r
            WHERE r.at = (SELECT max(at) FROM temp.queue_recent l WHERE l.unit = r.unit)
              AND NOT (r.reply_at IS NULL AND r.closed_at IS NOT NULL)
              AND coalesce(r.reply_at, :now) - r.at > min(:promise, :key_promise)""",
            p,
        )
    ]


def slow_follow_ups(
    conn: sqlite3.Connection, ignore: tuple[str, ...], p: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """(unit, turn's start, its answer or None) of the later turns (a customer writing again)
    that began in the window and waited longer on the wall clock than the key promise (along
    turns_next), with the unit of their conversation."""
    ignored, args = named_ignored("c.customer_email", ignore)
    return [
        tuple(r)
        for r in conn.execute(
            f"""SELECT {_unit("c.customer_id")}, t.since,
                       CASE WHEN t.answered_at <= :now THEN t.answered_at END AS answer
            FROM turns t INDEXED BY turns_next JOIN conversations c ON c.id = t.conversation_id
            WHERE t.seq > 1 AND t.since BETWEEN :lo AND :now
              AND (t.closed_at IS NULL OR t.closed_at > :now OR t.answered_at IS NOT NULL)
              AND coalesce(answer, :now) - t.since > min(:promise, :key_promise)
              AND NOT {ignored}""",
            {**p, **args},
        )
    ]


def complaints(
    conn: sqlite3.Connection, ignore: tuple[str, ...], p: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """(unit, received, words) of the customer mails of the window with complaint words
    (along messages_complaint)."""
    ignored, args = named_ignored("c.customer_email", ignore)
    return [
        tuple(r)
        for r in conn.execute(
            f"""SELECT {_unit("c.customer_id")}, m.received_at, m.complaint
            FROM messages m INDEXED BY messages_complaint
            JOIN conversations c ON c.id = m.conversation_id
            WHERE m.complaint IS NOT NULL AND m.received_at BETWEEN :lo AND :now
              AND m.kind = 'customer' AND NOT {ignored}""",
            {**p, **args},
        )
    ]


def load_final(
    conn: sqlite3.Connection, units: list[int], ignore: tuple[str, ...], p: Mapping[str, Any]
) -> None:
    """temp.queue_final: for each unit lifted into the queue, its conversations as of ``now``
    (all, and in the last 12 months), first and last, median gap, last conversation, key
    (address or domain) and newest known phone number."""
    conn.execute("CREATE TEMP TABLE queue_units (unit INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO temp.queue_units VALUES (?)", [(u,) for u in units])
    conn.execute(
        "CREATE TEMP TABLE queue_member (customer_id INTEGER PRIMARY KEY, unit INTEGER NOT NULL)"
    )
    conn.execute(
        """INSERT INTO temp.queue_member
        SELECT unit, unit FROM temp.queue_units WHERE unit > 0
        UNION ALL SELECT g.customer_id, g.unit FROM temp.queue_company g
        WHERE g.unit IN (SELECT unit FROM temp.queue_units)"""
    )
    load_gaps(conn, "temp.queue_member", "queue_final_gaps", ignore, p)
    conn.execute(
        """CREATE TEMP TABLE queue_final (unit INTEGER PRIMARY KEY, n INTEGER NOT NULL,
        n_year INTEGER NOT NULL, last_at INTEGER NOT NULL, median_gap INTEGER)"""
    )
    conn.execute(
        """INSERT INTO temp.queue_final (unit, n, n_year, last_at)
        SELECT unit, count(*), sum(at > :now - :year), max(at) FROM temp.queue_final_gaps
        GROUP BY unit""",
        p,
    )
    set_medians(conn, "queue_final", "queue_final_gaps")


def final_rows(conn: sqlite3.Connection, p: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The units of temp.queue_final with what the queue shows of each."""
    cur = conn.execute(
            """SELECT f.unit, f.n, f.n_year, f.last_at, f.median_gap,
                   coalesce((SELECT domain FROM temp.queue_company WHERE unit = f.unit LIMIT 1),
                            (SELECT customer_key FROM main.customers WHERE id = f.unit)) AS ckey,
                   c.id AS conversation_id, c.subject, c.customer_name,
                   (SELECT r.phone FROM reminders r WHERE r.phone IS NOT NULL
                      AND r.customer_email IN (SELECT s.customer_key FROM main.customers s
                          JOIN temp.queue_member m ON m.customer_id = s.id AND m.unit = f.unit)
                    ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS phone
            FROM temp.queue_final f
            JOIN conversations c ON c.id = (
                SELECT c2.id FROM temp.queue_member m
                JOIN conversations c2 INDEXED BY conversations_customer_id
                    ON c2.customer_id = m.customer_id AND c2.first_contact_at = f.last_at
                WHERE m.unit = f.unit ORDER BY c2.id DESC LIMIT 1)""",
        p,
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]
