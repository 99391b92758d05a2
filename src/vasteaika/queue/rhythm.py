"""Each customer's rhythm in SQL: the gaps between their conversations (``lag`` in one window
over a unit, read along conversations_customer_id), the median gap and the longest gap that
began in the same season a year before their last conversation.

Computed on the fly for the few units whose rhythm is not kept (a company's people together,
people with conversations after the queue's moment, people whose conversations changed since
the last run), and kept per person in ``customer_rhythm`` (migration m020) by ``refresh``, which
each run of the cycle calls for the people ``rhythm_stale`` names: the queue then reads one row
per person, never every conversation.
"""

from __future__ import annotations

import sqlite3

from vasteaika.ledger.customers import ignored_sql

DAY = 86400
YEAR = 365 * DAY
QUIET_MIN_GAPS = 2  # gaps of at least a day: three contacts on different days
SEASON_MARGIN = 45 * DAY  # "the same season": a season may start or end this much off
FOREVER = 2**62  # a moment after every conversation


def load_gaps(
    conn: sqlite3.Connection, members: str, name: str, ignore: tuple[str, ...], now: int
) -> None:
    """temp.``name``: the conversations up to ``now`` of the people in ``members``
    (customer_id, unit), each with its unit's previous conversation and the gap since."""
    ignored, args = ignored_sql("c.customer_email", ignore)
    conn.execute(
        f"CREATE TEMP TABLE {name} (unit INTEGER NOT NULL, at INTEGER NOT NULL,"
        " prev_at INTEGER, gap INTEGER)"
    )
    conn.execute(
        f"""INSERT INTO temp.{name}
        SELECT unit, at, lag(at) OVER w, at - lag(at) OVER w FROM (
            SELECT m.unit, c.first_contact_at AS at FROM {members} m
            CROSS JOIN conversations c INDEXED BY conversations_customer_id  -- the people first
                ON c.customer_id = m.customer_id AND c.first_contact_at <= ?
            WHERE NOT {ignored})
        WINDOW w AS (PARTITION BY unit ORDER BY at)""",
        [now, *args],
    )
    conn.execute(f"CREATE INDEX temp.{name}_unit ON {name} (unit, prev_at)")


def load_rhythms(conn: sqlite3.Connection, gaps: str, name: str) -> None:
    """temp.``name`` (unit, n, first_at, last_at, median_gap, season_gap) from temp.``gaps``."""
    conn.execute(
        f"""CREATE TEMP TABLE {name} (unit INTEGER PRIMARY KEY, n INTEGER NOT NULL,
        first_at INTEGER NOT NULL, last_at INTEGER NOT NULL, median_gap INTEGER,
        season_gap INTEGER)"""
    )
    conn.execute(
        f"INSERT INTO temp.{name} (unit, n, first_at, last_at)"
        f" SELECT unit, count(*), min(at), max(at) FROM temp.{gaps} GROUP BY unit"
    )
    conn.execute(
        f"""UPDATE temp.{name} SET median_gap = m.median FROM (
            SELECT unit, avg(gap) AS median FROM (
                SELECT unit, gap, row_number() OVER (PARTITION BY unit ORDER BY gap) AS k,
                       count(*) OVER (PARTITION BY unit) AS many
                FROM temp.{gaps} WHERE gap >= {DAY})
            WHERE many >= {QUIET_MIN_GAPS} AND k IN ((many + 1) / 2, (many + 2) / 2)
            GROUP BY unit) m
        WHERE m.unit = {name}.unit"""
    )
    conn.execute(
        f"""UPDATE temp.{name} SET season_gap = (
            SELECT max(g.gap) FROM temp.{gaps} g
            WHERE g.unit = {name}.unit
              AND g.prev_at BETWEEN {name}.last_at - {YEAR} - {SEASON_MARGIN}
                                AND {name}.last_at - {YEAR} + {SEASON_MARGIN})"""
    )


def refresh(conn: sqlite3.Connection) -> int:
    """``customer_rhythm`` again for the people ``rhythm_stale`` names, then none is stale;
    how many were refreshed. The caller holds the transaction."""
    conn.execute(
        "CREATE TEMP TABLE rhythm_people (customer_id INTEGER PRIMARY KEY, unit INTEGER NOT NULL)"
    )
    try:
        conn.execute(
            "INSERT INTO temp.rhythm_people SELECT k.id, k.id FROM rhythm_stale s"
            " JOIN main.customers k ON k.customer_key = s.customer_key"
        )
        load_gaps(conn, "temp.rhythm_people", "rhythm_gaps", (), FOREVER)
        load_rhythms(conn, "rhythm_gaps", "rhythm_new")
        conn.execute(
            "DELETE FROM customer_rhythm WHERE customer_id IN"
            " (SELECT customer_id FROM temp.rhythm_people)"
        )
        done = conn.execute(
            "INSERT INTO customer_rhythm SELECT unit, median_gap, season_gap FROM temp.rhythm_new"
        ).rowcount
        conn.execute("DELETE FROM rhythm_stale")
    finally:
        for table in ("rhythm_people", "rhythm_gaps", "rhythm_new"):
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    return int(done)


def quiet_condition(last: str, rhythm: str) -> str:
    """SQL over a unit's last contact ``last`` and its rhythm's alias ``rhythm`` (median_gap,
    season_gap): silent over :factor times the median gap and from :quiet_min to :quiet_max,
    unless the same season a year earlier was as quiet (a gap that began then lasted at least
    this silence less its allowance)."""
    return f"""({rhythm}.median_gap IS NOT NULL
        AND :now - {last} BETWEEN :quiet_min AND :quiet_max
        AND :now - {last} > :factor * {rhythm}.median_gap
        AND NOT ({rhythm}.season_gap IS NOT NULL
                 AND :now - {last} <= {rhythm}.season_gap + max(:quiet_min, {rhythm}.median_gap)))"""
