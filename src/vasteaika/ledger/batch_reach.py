"""What a batch of mails can reach in the ledger, loaded with a few set-based queries: the
conversations its references, customers and recipients name (with their timelines and turns),
the owner's stored mails that may answer its customers, and the customers of the mail sharing its
Message-IDs. Apart from ``batch_view`` (the threading in memory) so that the bounds of what is
loaded — which must hold every row the store's lookups could find — are read in one place.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vasteaika.ledger.timeline import TIMELINE
from vasteaika.ledger.turns import Event, Happening, Turn, TurnState
from vasteaika.models import ConversationRef


@dataclass
class Conversation:
    """What threading reads of a conversation, kept as the SQL would see it after each write."""

    id: int
    customer_email: str
    reply_to: str | None
    base_subject: str
    first_contact_at: int
    first_contact_id: int
    last_customer_at: int
    first_reply_id: int | None
    first_reply_at: int | None
    reply_channel: str | None
    last_reply_at: int | None
    turns: tuple[Turn, ...] = ()
    timeline: list[Happening] = field(default_factory=list)  # its mails and events
    state: TurnState | None = None  # derived in this batch (written by ``flush``)
    touched: bool = False  # last_customer_at moved

    def ref(self) -> ConversationRef:
        reply = self.last_reply_at if self.last_reply_at is not None else self.first_reply_at
        return ConversationRef(
            self.id,
            self.customer_email,
            self.base_subject,
            self.first_contact_at,
            max(self.last_customer_at, reply or 0),
            self.first_reply_at,
        )

    def happenings(self) -> list[Happening]:
        """The timeline as ``timeline.TIMELINE`` reads it now (its rows of the conversation
        itself depend on the columns the last derivation wrote)."""
        rows = [*self.timeline, Happening(self.first_contact_at, Event.CUSTOMER,
                                          self.first_contact_id)]  # fmt: skip
        if (
            self.first_reply_at is not None
            and self.first_reply_id is None
            and (self.reply_channel or "mail") != "call"
        ):
            rows.append(Happening(self.first_reply_at, Event.ANSWER, None))
        return rows


@dataclass
class Mail:
    """A stored mail, as threading reads it."""

    id: int
    message_id: str
    kind: str
    customer_email: str | None
    base_subject: str
    received_at: int
    conversation_id: int | None
    answer_rule: str | None
    recipients: list[str]  # of a stored mail: those the lookups compare (_load_owner_mail)
    refs: list[str]
    row: dict[str, Any] | None = None  # a mail of this batch (written by ``flush``)
    changed: bool = False  # a stored mail whose conversation or answer rule moved


def _in(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)))


_JSON_IN = "(SELECT value FROM json_each(?))"
_CONV_COLUMNS = (
    "id, customer_email, reply_to, base_subject, first_contact_at, first_contact_id,"
    " last_customer_at, first_reply_id, first_reply_at, reply_channel, last_reply_at"
)


@dataclass
class BatchKeys:
    """What a batch's lookups can ask for: gathered from its mails before it is threaded."""

    refs: set[str] = field(default_factory=set)  # every mail's references
    message_ids: set[str] = field(default_factory=set)  # its customers' mails' Message-IDs
    customers: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)  # its customers' mails' base subjects
    counterparts: set[str] = field(default_factory=set)  # whom the owner's mails went to
    customer_span: tuple[int, int] = (0, 0)  # its customers' mails' first and last time
    owner_span: tuple[int, int] = (0, 0)  # the owner's mails' first and last time

    def customer(self, row: dict[str, Any]) -> None:
        """A mail with a customer (threaded as theirs; any: the lookups compare its address)."""
        at = row["received_at"]
        lo, hi = self.customer_span
        self.customer_span = (min(lo, at), max(hi, at)) if self.customers else (at, at)
        self.customers.add(row["customer_email"])
        self.subjects.add(row["base_subject"])
        self.message_ids.add(row["message_id"])

    def owner(self, row: dict[str, Any], counterparts: list[str]) -> None:
        """The owner's mail, sent to ``counterparts`` (their first time: the span opens)."""
        at = row["received_at"]
        lo, hi = self.owner_span
        self.owner_span = (min(lo, at), max(hi, at)) if self._owners else (at, at)
        self._owners += 1
        self.counterparts.update(counterparts)

    _owners: int = 0


@dataclass
class Reached:
    """The rows a batch can reach."""

    conn: sqlite3.Connection
    conversations: dict[int, Conversation] = field(default_factory=dict)
    owner_mail: list[Mail] = field(default_factory=list)
    conv_of_mid: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    customers_of_mid: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def reach(conn: sqlite3.Connection, keys: BatchKeys, window: int) -> Reached:
    """Everything the lookups of a batch with these ``keys`` can find in the ledger."""
    reached = Reached(conn)
    for mid, conv_id in conn.execute(
        f"SELECT message_id, conversation_id FROM messages WHERE message_id IN {_JSON_IN}"
        " AND conversation_id IS NOT NULL",
        [_in(keys.refs)],
    ):
        reached.conv_of_mid[mid].add(conv_id)
    for mid, customer in conn.execute(
        f"SELECT message_id, customer_email FROM messages WHERE message_id IN {_JSON_IN}"
        " AND customer_email IS NOT NULL",
        [_in(keys.message_ids)],
    ):
        reached.customers_of_mid[mid].add(customer)
    ids = {c for found in reached.conv_of_mid.values() for c in found}
    ids |= _reachable_conversations(reached, keys, window)
    _load_conversations(reached, sorted(ids))
    _load_owner_mail(reached, keys)
    return reached


def _reachable_conversations(reached: Reached, keys: BatchKeys, window: int) -> set[int]:
    found: set[int] = set()
    if keys.customers:  # latest_conversation at any time of the batch
        lo, hi = keys.customer_span
        found.update(r[0] for r in reached.conn.execute(
            f"SELECT id FROM conversations c WHERE customer_email IN {_JSON_IN}"
            " AND first_contact_at <= ? AND (first_contact_at >= ? OR id = (SELECT id"
            " FROM conversations l WHERE l.customer_email = c.customer_email"
            " AND l.first_contact_at <= ? ORDER BY first_contact_at DESC, id DESC LIMIT 1))",
            [_in(keys.customers), hi, lo, lo],
        ))  # fmt: skip
    if keys.counterparts:  # conversation_for_reply and open_conversations_at
        lo, hi = keys.owner_span
        for column in ("customer_email", "reply_to"):
            found.update(r[0] for r in reached.conn.execute(
                f"SELECT id FROM conversations WHERE {column} IN {_JSON_IN}"
                " AND ((first_contact_at <= ? AND last_customer_at >= ?) OR EXISTS (SELECT 1"
                " FROM turns t WHERE t.conversation_id = conversations.id AND t.since <= ?"
                " AND (t.answered_at IS NULL OR t.answered_at > ?)"
                " AND (t.closed_at IS NULL OR t.closed_at > ?)))",
                [_in(keys.counterparts), hi, lo - window, hi, lo, lo],
            ))  # fmt: skip
    return found


def _load_conversations(reached: Reached, ids: list[int]) -> None:
    if not ids:
        return
    param = json.dumps(ids)
    for row in reached.conn.execute(
        f"SELECT {_CONV_COLUMNS} FROM conversations WHERE id IN {_JSON_IN}", [param]
    ):
        reached.conversations[row[0]] = Conversation(*row)
    rows = reached.conn.execute(
        TIMELINE.format(
            messages=f"conversation_id IN {_JSON_IN}",
            events=f"conversation_id IN {_JSON_IN}",
            conversations="0",
        ),
        [param, param],
    )
    for conv_id, at, event, pk in rows:
        reached.conversations[conv_id].timeline.append(Happening(at, Event(event), pk))
    turns: dict[int, list[Turn]] = defaultdict(list)
    for conv_id, *turn in reached.conn.execute(
        "SELECT conversation_id, seq, since, answered_at, answer_id, channel, closed_at"
        f" FROM turns WHERE conversation_id IN {_JSON_IN} ORDER BY conversation_id, seq",
        [param],
    ):
        turns[conv_id].append(Turn(*turn))
    for conv_id, found in turns.items():
        reached.conversations[conv_id].turns = tuple(found)


def _load_owner_mail(reached: Reached, keys: BatchKeys) -> None:
    """The owner's stored mails that may answer the batch's customers: by reference to
    their mails, or sent to them under one of the batch's subjects since its first mail. Of
    their references and recipients only those the lookups compare are read (the batch's
    Message-IDs; its customers and the customers of the mail sharing those ids), by the
    indexes a first load keeps."""
    mids = _in(keys.message_ids)
    rows = reached.conn.execute(
        "SELECT id, message_id, kind, customer_email, base_subject, received_at,"
        " conversation_id, answer_rule FROM messages WHERE kind = 'owner' AND (id IN"
        f" (SELECT message FROM message_refs WHERE ref IN {_JSON_IN}) OR id IN"
        " (SELECT p.message FROM message_recipients p JOIN messages m ON m.id = p.message"
        f" WHERE p.email IN {_JSON_IN} AND m.kind = 'owner' AND m.base_subject IN {_JSON_IN}"
        " AND m.received_at >= ?))",
        [mids, _in(keys.customers), _in(keys.subjects), keys.customer_span[0]],
    ).fetchall()
    if not rows:
        return
    mails = {r[0]: Mail(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], [], []) for r in rows}
    ids = json.dumps(sorted(mails))
    emails = keys.customers.union(*reached.customers_of_mid.values())
    for pk, email in reached.conn.execute(
        f"SELECT message, email FROM message_recipients WHERE email IN {_JSON_IN}"
        f" AND message IN {_JSON_IN}",
        [_in(emails), ids],
    ):
        mails[pk].recipients.append(email)
    for pk, ref in reached.conn.execute(
        f"SELECT message, ref FROM message_refs WHERE ref IN {_JSON_IN} AND message IN {_JSON_IN}",
        [mids, ids],
    ):
        mails[pk].refs.append(ref)
    reached.owner_mail = list(mails.values())
