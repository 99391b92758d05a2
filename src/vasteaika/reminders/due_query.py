"""Which reminders a run has to act on, as SQL: the due ones, the claims a killed run left, the
open ones of an ignored customer. The store's statements (``store``) use these conditions, and
so does :func:`nothing_to_fire`, which answers ``remind --quiet``'s usual question — is there
anything at all? — through a plain sqlite3 peek at the ledger (``ledger.peek``).

Apart from ``store`` because the store imports sqlite-utils and the ledger's store, which a run
every 5 minutes that finds nothing should not pay for; the conditions live here once, so the
quick answer and the real run cannot disagree.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from vasteaika.ledger.customers import ignored_sql
from vasteaika.ledger.peek import peek

CLAIM_LEASE = timedelta(minutes=10)  # a 'pending' claim older than this was left by a crash

# Not done, not fired, and ``lead`` before the call (or its snooze time) has come.
# Parameters: the lead in seconds, now (epoch seconds).
DUE = ("done_at IS NULL AND fired_at IS NULL AND unreadable = 0"
       " AND coalesce(snoozed_until, due_at - ?) <= ?")  # fmt: skip
# A claim (delivery 'pending') older than CLAIM_LEASE: its run was killed. Parameter: the
# moment CLAIM_LEASE ago (epoch seconds).
STALE_CLAIM = "delivery = 'pending' AND fired_at < ? AND done_at IS NULL"
OPEN = "done_at IS NULL"


def nothing_to_fire(
    database: Path, now: datetime, lead: timedelta, ignore: tuple[str, ...]
) -> bool:
    """True when a run of ``callbacks.fire_due`` would find nothing to do at ``now``: no
    reminder due, no claim to release, no open reminder of a customer on ``ignore`` to cancel.
    False also when the ledger cannot be peeked at (the real run then opens it)."""
    conn = peek(database)
    if conn is None:
        return False
    ignored, ignored_params = ignored_sql("customer_email", ignore)
    try:
        found = conn.execute(
            f"SELECT 1 FROM reminders WHERE ({DUE}) OR ({STALE_CLAIM}) OR ({OPEN} AND {ignored})"
            " LIMIT 1",
            [int(lead.total_seconds()), int(now.timestamp()),
             int((now - CLAIM_LEASE).timestamp()), *ignored_params],
        ).fetchone()  # fmt: skip
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return found is None
