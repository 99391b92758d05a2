"""The turns' SQL: reading a conversation's timeline (its customer mails, the owner's answers and
``conversation_events``) and writing what ``turns.derive`` makes of it into ``turns`` and the
conversation's state columns. Apart from the conversations table so that the one place that
writes a conversation's answered/waiting state is small and read whole.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from vasteaika.ledger.database import Connected

if TYPE_CHECKING:  # the deriving only when a conversation's timeline changes
    from vasteaika.ledger.turns import Happening, TurnState

# conversation id, time, event, message: the customer's mails and the owner's answers (an owner
# mail is linked to a conversation only as its answer), then the events that are no mail. The
# first contact is always in (also when its mail row is not linked), and so is a first reply
# recorded without its mail or call (older data): derived again, it stays what it was.
TIMELINE = """
    SELECT conversation_id, received_at, CASE kind WHEN 'customer' THEN 0 ELSE 1 END, id
    FROM messages WHERE kind IN ('customer', 'owner') AND {messages}
    UNION ALL
    SELECT conversation_id, at, CASE event WHEN 'call' THEN 2 WHEN 'close' THEN 3 ELSE 4 END, NULL
    FROM conversation_events WHERE {events}
    UNION ALL
    SELECT id, first_contact_at, 0, first_contact_id FROM conversations WHERE {conversations}
    UNION ALL
    SELECT id, first_reply_at, 1, NULL FROM conversations WHERE {conversations}
        AND first_reply_at IS NOT NULL AND first_reply_id IS NULL
        AND coalesce(reply_channel, 'mail') <> 'call'
"""

_STATE_SQL = (
    "UPDATE conversations SET first_reply_id = ?, first_reply_at = ?, reply_channel = ?,"
    " last_reply_at = ?, waiting_since = ?, turn = ?, closed_at = ? WHERE id = ?"
)


def _happenings(rows: Iterable[tuple[int, int, int, int | None]]) -> list[Happening]:
    from vasteaika.ledger.turns import Event, Happening

    return [Happening(row[1], Event(row[2]), row[3]) for row in rows]


def write_states(conn: sqlite3.Connection, states: Iterable[tuple[int, TurnState]]) -> None:
    """Each conversation's turns and state columns, replaced: three statements for them all."""
    done = list(states)
    conn.executemany("DELETE FROM turns WHERE conversation_id = ?", [(c,) for c, _ in done])
    conn.executemany(
        "INSERT INTO turns VALUES (?,?,?,?,?,?,?)",
        [(conv_id, t.seq, t.since, t.answered_at, t.answer_pk, t.channel, t.closed_at)
         for conv_id, state in done for t in state.turns],
    )  # fmt: skip
    conn.executemany(
        _STATE_SQL,
        [(state.first_reply_pk, state.first_reply_at, state.first_channel, state.last_reply_at,
          state.waiting_since, max(state.turn, 1), state.closed_at, conv_id)
         for conv_id, state in done],
    )  # fmt: skip


def derive_all(conn: sqlite3.Connection, chunk: int = 10_000) -> None:
    """Every conversation's turns (migration m011), ``chunk`` conversations at a time along
    their ids, so that a ledger of a million conversations is never held in memory at once."""
    from vasteaika.ledger.turns import derive

    top = conn.execute("SELECT max(id) FROM conversations").fetchone()[0] or 0
    for lo in range(0, top + 1, chunk):
        where = f"BETWEEN {lo} AND {lo + chunk - 1}"
        rows = conn.execute(
            TIMELINE.format(
                messages=f"conversation_id {where}",
                events=f"conversation_id {where}",
                conversations=f"id {where}",
            )
            + " ORDER BY 1"
        ).fetchall()
        write_states(
            conn,
            (
                (conv_id, derive(_happenings(group)))
                for conv_id, group in itertools.groupby(rows, key=lambda r: r[0])
            ),
        )


class TurnTable(Connected):
    """A conversation's timeline and the turns derived from it."""

    def derive_turns(self, conversation_id: int) -> TurnState:
        """Derive the conversation's turns again from its timeline and store them."""
        from vasteaika.ledger.turns import derive

        rows = self.db.execute(
            TIMELINE.format(
                messages="conversation_id = ?", events="conversation_id = ?", conversations="id = ?"
            ),
            [conversation_id] * 4,
        ).fetchall()
        state = derive(_happenings(rows))
        write_states(self.db.conn, [(conversation_id, state)])
        return state

    def add_event(self, conversation_id: int, event: str, at: int) -> TurnState:
        """A call made, or the owner's close or reopen, into the timeline."""
        self.db.execute(
            "INSERT INTO conversation_events (conversation_id, at, event) VALUES (?,?,?)",
            [conversation_id, at, event],
        )
        return self.derive_turns(conversation_id)

    def turns(self, conversation_id: int) -> list[dict[str, Any]]:
        return self.turns_of([conversation_id]).get(conversation_id, [])

    def turns_of(self, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """The turns of these conversations (each with its answer's rule), by conversation."""
        found: dict[int, list[dict[str, Any]]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in self.db.query(
                "SELECT t.*, m.answer_rule FROM turns t LEFT JOIN messages m ON m.id = t.answer_id"
                f" WHERE t.conversation_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY t.conversation_id, t.seq",
                chunk,
            ):
                found.setdefault(row["conversation_id"], []).append(row)
        return found

    def open_conversations_at(self, emails: list[str], at: int) -> list[int]:
        """The conversations of these customers (their address or Reply-To) that were waiting
        for the owner at ``at``: a turn begun by then and not answered or closed before it."""
        if not emails:
            return []
        marks = ",".join("?" * len(emails))
        rows = self.db.execute(
            "SELECT DISTINCT c.id FROM conversations c JOIN turns t ON t.conversation_id = c.id"
            f" WHERE (c.customer_email IN ({marks}) OR c.reply_to IN ({marks}))"
            " AND t.since <= ? AND (t.answered_at IS NULL OR t.answered_at > ?)"
            " AND (t.closed_at IS NULL OR t.closed_at > ?) ORDER BY c.id",
            [*emails, *emails, at, at, at],
        ).fetchall()
        return [r[0] for r in rows]
