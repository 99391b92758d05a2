"""The queue's SQL: working TEMP tables of one build, each a step of finding who to contact.
Every count, gap and median is computed in SQLite along the ledger's indexes; Python sees only
the customers each step lifts.

A customer (a *unit*) is a person, id ``customers.id``, or a configured company, id the negative
of its place in the list, its people found along ``customers_domain``.

``temp.queue_company``  each person at a company's domain, with the company's id and domain.
``temp.queue_cand``     the people whose rhythm is read on the fly (``rhythm``): every company's
    people, the people with contacts after ``now``, and those whose conversations changed
    since the kept rhythm (``rhythm_stale``); ``temp.queue_unit_rhythm`` their units' rhythm.
    Everybody else's is the kept ``customer_rhythm`` beside the summary ``customers``.
``temp.queue_recent``   the conversations of the signal window, with their unit.
``temp.queue_final``    the units lifted into the queue, with what it shows of each.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from vasteaika.ledger.customers import domain_sql, ignored_sql
from vasteaika.queue.rhythm import YEAR, load_gaps, load_rhythms, quiet_condition

DAY = 86400
QUIET_MIN_CONVERSATIONS = 3
QUIET_MIN_DAYS = 30
QUIET_MAX_DAYS = 730  # silent longer than two years: gone, no longer a call to make
QUIET_FACTOR = 2  # silent over twice their median gap
SIGNAL_DAYS = 60  # unhappy and waited look at the conversations of this window


def params(now: int, promise: int, key_promise: int) -> dict[str, int]:
    return {
        "now": now,
        "lo": now - SIGNAL_DAYS * DAY,
        "quiet_min": QUIET_MIN_DAYS * DAY,
        "quiet_max": QUIET_MAX_DAYS * DAY,
        "factor": QUIET_FACTOR,
        "min_n": QUIET_MIN_CONVERSATIONS,
        "year": YEAR,
        "promise": promise,
        "key_promise": key_promise,
        "floor": min(promise, key_promise),  # the wall clock's first sieve of late answers
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
    conn.execute("CREATE INDEX temp.queue_company_unit ON queue_company (unit)")


def named_ignored(column: str, ignore: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """``ignored_sql`` with named parameters (:ig0, :ig1 …), to sit among the others."""
    sql, args = ignored_sql(column, ignore)
    parts = sql.split("?")
    named = parts[0] + "".join(f":ig{i}{rest}" for i, rest in enumerate(parts[1:]))
    return named, {f"ig{i}": a for i, a in enumerate(args)}


def _unit(person: str) -> str:
    return f"coalesce((SELECT unit FROM temp.queue_company WHERE customer_id = {person}), {person})"


def gone_quiet(
    conn: sqlite3.Connection, ignore: tuple[str, ...], p: Mapping[str, Any]
) -> list[tuple[int, int, int]]:
    """(unit, last contact, median gap) of each unit gone quiet as of ``now``: those read on the
    fly (temp.queue_cand), then every other person from the summary and the kept rhythm."""
    conn.execute(
        "CREATE TEMP TABLE queue_cand (customer_id INTEGER PRIMARY KEY, unit INTEGER NOT NULL)"
    )
    conn.execute(
        f"""INSERT INTO temp.queue_cand SELECT id, {_unit("id")} FROM main.customers
        WHERE id IN (SELECT customer_id FROM temp.queue_company)
           OR id IN (SELECT customer_id FROM conversations INDEXED BY conversations_first_contact
                     WHERE first_contact_at > :now)
           OR customer_key IN (SELECT customer_key FROM rhythm_stale)""",
        p,
    )
    load_gaps(conn, "temp.queue_cand", "queue_gaps", ignore, p["now"])
    load_rhythms(conn, "queue_gaps", "queue_unit_rhythm")
    ignored, args = named_ignored("s.customer_key", ignore)
    rows = conn.execute(
        f"""SELECT unit, last_at, median_gap FROM temp.queue_unit_rhythm r
        WHERE n >= :min_n AND {quiet_condition("r.last_at", "r")}
        UNION ALL
        SELECT s.id, s.last_contact_at, r.median_gap
        FROM main.customers s JOIN customer_rhythm r ON r.customer_id = s.id
        WHERE s.conversations >= :min_n AND s.id NOT IN (SELECT customer_id FROM temp.queue_cand)
          AND s.last_contact_at BETWEEN :now - :quiet_max AND :now - :quiet_min
          AND {quiet_condition("s.last_contact_at", "r")}
          AND NOT {ignored}""",
        {**p, **args},
    )
    return [(int(a), int(b), int(c)) for a, b, c in rows]


def load_recent(conn: sqlite3.Connection, ignore: tuple[str, ...], p: Mapping[str, Any]) -> None:
    """temp.queue_recent: the window's conversations (along conversations_first_contact) with
    their unit; an answer or a close after ``now`` is not there yet."""
    ignored, args = named_ignored("c.customer_email", ignore)
    conn.execute(
        f"""CREATE TEMP TABLE queue_recent AS
        SELECT c.id, coalesce(g.unit, c.customer_id) AS unit, c.first_contact_at AS at,
               CASE WHEN c.first_reply_at <= :now THEN c.first_reply_at END AS reply_at,
               CASE WHEN c.closed_at <= :now THEN c.closed_at END AS closed_at
        FROM conversations c INDEXED BY conversations_first_contact
        LEFT JOIN temp.queue_company g ON g.customer_id = c.customer_id
        WHERE c.first_contact_at BETWEEN :lo AND :now AND NOT {ignored}""",
        {**p, **args},
    )
    conn.execute("CREATE INDEX temp.queue_recent_unit ON queue_recent (unit, at)")


def late_answers(conn: sqlite3.Connection, p: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """(unit, conversation, contact, answer or None) of each unit's last conversation when it
    waited (or still waits) longer on the wall clock than :late (twice the shorter promise):
    the candidates the business clock then judges. A conversation the owner closed unanswered waits for
    nothing."""
    return [
        tuple(r)
        for r in conn.execute(
            """SELECT r.unit, r.id, r.at, r.reply_at FROM temp.queue_recent r
            WHERE r.at = (SELECT max(at) FROM temp.queue_recent l WHERE l.unit = r.unit)
              AND NOT (r.reply_at IS NULL AND r.closed_at IS NOT NULL)
              AND coalesce(r.reply_at, :now) - r.at > :late""",
            p,
        )
    ]


def slow_follow_ups(
    conn: sqlite3.Connection, ignore: tuple[str, ...], p: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """(unit, turn's start, its answer or None) of the later turns (a customer writing again)
    that began in the window and waited longer on the wall clock than the shorter promise
    (along turns_next); one closed unanswered waits for nothing."""
    ignored, args = named_ignored("c.customer_email", ignore)
    return [
        tuple(r)
        for r in conn.execute(
            f"""SELECT {_unit("c.customer_id")}, t.since,
                       CASE WHEN t.answered_at <= :now THEN t.answered_at END AS answer
            FROM turns t INDEXED BY turns_next JOIN conversations c ON c.id = t.conversation_id
            WHERE t.seq > 1 AND t.since BETWEEN :lo AND :now
              AND NOT (answer IS NULL AND t.closed_at <= :now)
              AND coalesce(answer, :now) - t.since > :floor AND NOT {ignored}""",
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
    """temp.queue_final: each unit lifted into the queue with its conversations as of ``now``
    (all, and in the last 12 months), last contact and conversation, median gap: from the
    rhythm read on the fly, else the summary and the kept rhythm; each count in the last 12
    months is one range of conversations_customer_id per person."""
    conn.execute("CREATE TEMP TABLE queue_units (unit INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO temp.queue_units VALUES (?)", [(u,) for u in units])
    conn.execute("CREATE TEMP TABLE queue_member (customer_id INTEGER PRIMARY KEY, unit INTEGER)")
    conn.execute(
        """INSERT INTO temp.queue_member
        SELECT unit, unit FROM temp.queue_units WHERE unit > 0
        UNION ALL SELECT g.customer_id, g.unit FROM temp.queue_company g
        WHERE g.unit IN (SELECT unit FROM temp.queue_units)"""
    )
    conn.execute("CREATE INDEX temp.queue_member_unit ON queue_member (unit)")
    conn.execute(
        """CREATE TEMP TABLE queue_final AS
        SELECT u.unit,
               CASE WHEN t.unit IS NULL THEN s.conversations ELSE t.n END AS n,
               CASE WHEN t.unit IS NULL THEN s.last_contact_at ELSE t.last_at END AS last_at,
               CASE WHEN t.unit IS NULL THEN r.median_gap ELSE t.median_gap END AS median_gap,
               coalesce((SELECT domain FROM temp.queue_company WHERE unit = u.unit LIMIT 1),
                        s.customer_key) AS ckey,
               0 AS n_year, 0 AS conversation_id
        FROM temp.queue_units u
        LEFT JOIN temp.queue_unit_rhythm t ON t.unit = u.unit
        LEFT JOIN main.customers s ON s.id = u.unit
        LEFT JOIN customer_rhythm r ON r.customer_id = u.unit"""
    )
    conn.execute("CREATE UNIQUE INDEX temp.queue_final_unit ON queue_final (unit)")
    ignored, args = named_ignored("c.customer_email", ignore)
    conn.execute(
        f"""UPDATE temp.queue_final SET
            n_year = (SELECT count(*) FROM temp.queue_member m
                JOIN conversations c INDEXED BY conversations_customer_id
                    ON c.customer_id = m.customer_id
                   AND c.first_contact_at > :now - :year AND c.first_contact_at <= :now
                WHERE m.unit = queue_final.unit AND NOT {ignored}),
            conversation_id = (SELECT c.id FROM temp.queue_member m
                JOIN conversations c INDEXED BY conversations_customer_id
                    ON c.customer_id = m.customer_id AND c.first_contact_at = queue_final.last_at
                WHERE m.unit = queue_final.unit ORDER BY c.id DESC LIMIT 1)""",
        {**p, **args},
    )


def final_units(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """(unit, conversations, in the last 12 months, last contact, median gap, key) of each."""
    return [
        tuple(r)
        for r in conn.execute(
            "SELECT unit, n, n_year, last_at, median_gap, ckey FROM temp.queue_final"
        )
    ]


def final_details(
    conn: sqlite3.Connection, units: list[int], p: Mapping[str, Any]
) -> dict[int, tuple[Any, ...]]:
    """unit → (last conversation, its subject, the name written with, the newest phone number
    known of any of their people: the mail's, else a reminder's) for the ``units`` shown. The
    numbers are gathered once (along messages_phone, and the reminders that have one)."""
    conn.execute("CREATE TEMP TABLE queue_shown (unit INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO temp.queue_shown VALUES (?)", [(u,) for u in units])
    conn.execute(
        "CREATE TEMP TABLE queue_phone (customer_id INTEGER PRIMARY KEY, phone TEXT, at INTEGER)"
    )
    conn.execute(
        """INSERT INTO temp.queue_phone
        SELECT customer_id, phone, max(at) AS at FROM (
            SELECT c.customer_id, m.phone, m.received_at AS at
            FROM messages m INDEXED BY messages_phone JOIN conversations c ON c.id = m.conversation_id
            WHERE m.phone IS NOT NULL AND m.received_at <= :now
            UNION ALL SELECT c.customer_id, r.phone, r.created_at
            FROM reminders r JOIN conversations c ON c.id = r.conversation_id
            WHERE r.phone IS NOT NULL AND r.created_at <= :now)
        WHERE customer_id IN (SELECT customer_id FROM temp.queue_member
                              WHERE unit IN (SELECT unit FROM temp.queue_shown))
        GROUP BY customer_id""",
        p,
    )
    rows = conn.execute(
        """SELECT f.unit, c.id, c.subject, c.customer_name,
               (SELECT p.phone FROM temp.queue_member m JOIN temp.queue_phone p
                    ON p.customer_id = m.customer_id
                WHERE m.unit = f.unit ORDER BY p.at DESC LIMIT 1)
        FROM temp.queue_shown s CROSS JOIN temp.queue_final f ON f.unit = s.unit
        CROSS JOIN conversations c ON c.id = f.conversation_id"""
    )
    return {r[0]: tuple(r[1:]) for r in rows}
