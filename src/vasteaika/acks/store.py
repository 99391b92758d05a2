"""The acknowledgments' SQL: which conversations still wait for a decision, what the ledger and
the mailbox know of earlier acknowledgments, and the outbox state kept on each conversation
(``ack_*`` columns, migration m002). Apart from the ledger's store so that the acknowledgment
capability owns its queries; the ledger only records mail and conversations.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from vasteaika.ledger.store import Store


def ack_candidates(store: Store, cutoff: int) -> list[dict[str, Any]]:
    """Young, unanswered conversations without an acknowledgment decision yet. Older ones are
    marked skipped in bulk, so `why` can say so and they are never looked at again."""
    store.db.execute(
        "UPDATE conversations SET ack_status = 'skipped', ack_reasons = ?"
        " WHERE ack_status IS NULL AND (first_contact_at < ? OR first_reply_at IS NOT NULL)",
        ['["backlog or answered: older than ack.max_age, or you had already replied"]', cutoff],
    )
    return list(
        store.db.query(
            "SELECT c.id, c.first_contact_message_id, m.folder, m.uid, m.uidvalidity,"
            " m.received_at FROM conversations c"
            " JOIN messages m ON m.id = c.first_contact_id"
            " WHERE c.ack_status IS NULL AND c.first_reply_at IS NULL"
            " AND c.first_contact_at >= ? ORDER BY c.first_contact_at",
            [cutoff],
        )
    )


def owner_auto_replied(
    store: Store, emails: tuple[str, ...], since: int, owners: frozenset[str], inbox: str
) -> bool:
    """Did an automatic mail of the owner's (their vacation reply: in Sent or from one of their
    addresses, classified as no human's) go to one of ``emails`` since ``since``? It answers
    nothing (ledger/check.py), but the customer has had one automatic reply already."""
    marks, owner_marks = ",".join("?" * len(emails)), ",".join("?" * len(owners))
    row = store.one(
        "SELECT 1 FROM message_recipients p JOIN messages m ON m.id = p.message"
        f" WHERE p.email IN ({marks}) AND m.received_at >= ?"
        " AND m.kind NOT IN ('customer', 'owner', 'ack')"
        f" AND (m.folder <> ? OR m.from_email IN ({owner_marks})) LIMIT 1",
        *emails, since, inbox, *owners,
    )  # fmt: skip
    return row is not None


def last_ack_to(store: Store, *emails: str) -> int | None:
    """When an acknowledgment last went to any of ``emails``: as recorded by this database,
    or as read back from the mailbox (our own acks in Sent, from any computer)."""
    marks = ",".join("?" * len(emails))
    row = store.one(
        f"SELECT max(at) FROM (SELECT max(ack_at) AS at FROM conversations"
        f" WHERE ack_recipient IN ({marks}) AND ack_status IN ('sent', 'pending', 'draft')"
        f" UNION ALL SELECT max(m.received_at) FROM message_recipients p"
        f" JOIN messages m ON m.id = p.message WHERE p.email IN ({marks}) AND m.kind = 'ack')",
        *emails, *emails,
    )  # fmt: skip
    return row[0] if row else None


def ack_seen_for(store: Store, message_id: str | None, *emails: str) -> bool:
    """Is there an acknowledgment of this mail, sent to one of ``emails``, in the mailbox
    already (sent from anywhere)? The recipient matters: two customers' mails may share a
    Message-ID, and acknowledging one of them is no acknowledgment of the other."""
    if message_id is None or not emails:
        return False
    marks = ",".join("?" * len(emails))
    return (
        store.one(
            "SELECT 1 FROM message_refs r JOIN messages m ON m.id = r.message"
            " JOIN message_recipients p ON p.message = m.id"
            f" WHERE r.ref = ? AND m.kind = 'ack' AND p.email IN ({marks}) LIMIT 1",
            message_id,
            *emails,
        )
        is not None
    )


def set_ack(store: Store, conversation_id: int, status: str | None, **fields: Any) -> None:
    columns = {"ack_status": status}
    for name, value in fields.items():
        column = name if name in ("callback_at", "language") else f"ack_{name}"
        columns[column] = value
    sets = ", ".join(f"{c} = ?" for c in columns)
    store.db.execute(
        f"UPDATE conversations SET {sets} WHERE id = ?", [*columns.values(), conversation_id]
    )


def skip_undecided_acks(store: Store, reason: str) -> int:
    """Decide "no acknowledgment" for every conversation not decided yet; returns how many."""
    with store.db.atomic():
        cur = store.db.execute(
            "UPDATE conversations SET ack_status = 'skipped', ack_reasons = ?"
            " WHERE ack_status IS NULL",
            [json.dumps([reason], ensure_ascii=False)],
        )
    return cur.rowcount


def resolve_pending_acks(store: Store) -> list[tuple[int, int | None]]:
    """Pending or drafted acks whose Message-ID is in the mailbox now: mark them sent and
    return (conversation id, promised callback) of each."""
    rows = [
        (r[0], r[1])
        for r in store.db.execute(
            "SELECT id, callback_at FROM conversations WHERE ack_status IN ('pending', 'draft')"
            " AND ack_message_id IN (SELECT message_id FROM messages)"
        ).fetchall()
    ]
    store.db.conn.executemany(
        "UPDATE conversations SET ack_status = 'sent' WHERE id = ?", [(r[0],) for r in rows]
    )
    return rows


def callbacks_held(store: Store, at: int, excluding: tuple[int, ...] = ()) -> int:
    """How many acknowledgments already promise a callback at ``at`` (sent, in doubt, or drafted
    for the owner to send), leaving out the conversations in ``excluding``."""
    marks = ",".join("?" * len(excluding))
    skip = f" AND id NOT IN ({marks})" if excluding else ""
    return store.count(
        "SELECT count(*) FROM conversations WHERE callback_at = ?"
        f" AND ack_status IN ('sent', 'pending', 'draft'){skip}",
        at, *excluding,
    )  # fmt: skip


def acks_in_doubt(store: Store) -> list[tuple[int, int]]:
    """(conversation id, promised callback) of each acknowledgment still pending: handed to
    SMTP by a run that stopped or lost the connection before the server's answer, and not seen
    in the mailbox since. The customer may have been promised that call."""
    return [
        (r[0], r[1])
        for r in store.db.execute(
            "SELECT id, callback_at FROM conversations"
            " WHERE ack_status = 'pending' AND callback_at IS NOT NULL"
        ).fetchall()
    ]


def ack_states(
    store: Store, run_id: int, also: tuple[int, ...], *, leaving: tuple[str, ...] = (),
    undecided: bool = True,
) -> Iterator[dict[str, Any]]:
    """The acknowledgment state of every conversation a run opened, plus those in ``also`` (the
    ones decided in the run though opened earlier), oldest first, read as they are gone
    through (a first sync opens one per customer mail of years): ``leaving`` out the states
    named, and (``undecided`` False) those without one."""
    where, params = _of_run(run_id, also)
    if not undecided:
        where += " AND ack_status IS NOT NULL"
    if leaving:
        where += f" AND coalesce(ack_status, '') NOT IN ({','.join('?' * len(leaving))})"
    return store.db.query(
        "SELECT id, customer_email, customer_name, subject, ack_status, ack_reasons,"
        f" ack_recipient, callback_at FROM conversations WHERE {where}"
        " ORDER BY first_contact_at, id",
        [*params, *leaving],
    )


def ack_states_counted(store: Store, run_id: int, also: tuple[int, ...]) -> int:
    """How many conversations ``ack_states`` goes through (all states)."""
    where, params = _of_run(run_id, also)
    return store.count(f"SELECT count(*) FROM conversations WHERE {where}", *params)


def _of_run(run_id: int, also: tuple[int, ...]) -> tuple[str, list[int]]:
    extra = f" OR id IN ({','.join('?' * len(also))})" if also else ""
    return f"(run_id = ?{extra})", [run_id, *also]
