"""A batch of mails threaded in memory and written together.

Threading a mail one at a time costs about a dozen SQL statements (its lookups by reference, by
customer and by subject, its insert, the conversation's turns derived again). ``BatchView``
loads, with a few set-based queries per batch, the part of the ledger the batch can reach —
the conversations its references, customers and recipients name, with their timelines and
turns, the owner's mails that may answer its customers, the mail sharing its Message-IDs — and
answers ``joins.ThreadTables`` from memory, in the batch's order, exactly as the SQL would
(ties by id). ``flush`` then writes the batch with ``executemany`` and explicit ids: the ids
SQLite would have given one by one (no AUTOINCREMENT: max(id) + 1).

A mail already stored (an identical copy) makes the plain INSERT fail: the check then stores the
batch message by message through the store. Memory is bounded by the batch, not the mailbox.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vasteaika.ledger.timeline import TIMELINE, write_states
from vasteaika.ledger.turns import Event, Happening, Turn, TurnState, derive
from vasteaika.models import ConversationRef

_MAIL_EVENT = {"customer": Event.CUSTOMER, "owner": Event.ANSWER}


@dataclass
class _Conversation:
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
class _Mail:
    """A stored mail, as threading reads it."""

    id: int
    message_id: str
    kind: str
    customer_email: str | None
    base_subject: str
    received_at: int
    conversation_id: int | None
    answer_rule: str | None
    recipients: list[str]
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


class BatchView:
    """The reachable ledger of one batch, threaded in memory (``joins.ThreadTables``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.conversations: dict[int, _Conversation] = {}
        self.by_customer: dict[str, list[_Conversation]] = defaultdict(list)
        self.by_reply_to: dict[str, list[_Conversation]] = defaultdict(list)
        self.mails: dict[int, _Mail] = {}
        self.new_mails: list[_Mail] = []
        self.new_conversations: list[dict[str, Any]] = []
        self.conv_of_mid: dict[str, set[int]] = defaultdict(set)
        self.customers_of_mid: dict[str, set[str]] = defaultdict(set)
        self.owner_by_ref: dict[str, list[_Mail]] = defaultdict(list)
        self.owner_by_recipient: dict[str, list[_Mail]] = defaultdict(list)
        self.next_mail = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM messages").fetchone()[0]
        top = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM conversations").fetchone()[0]
        self.next_conversation: int = top
        self.first_conversation: int = top  # the first id of the batch's new conversations

    # --- loading what the batch can reach -----------------------------------------------------

    def load(self, keys: BatchKeys, window: int) -> None:
        """Everything the lookups of a batch with these ``keys`` can find in the ledger."""
        conn = self.conn
        for mid, conv_id in conn.execute(
            f"SELECT message_id, conversation_id FROM messages WHERE message_id IN {_JSON_IN}"
            " AND conversation_id IS NOT NULL",
            [_in(keys.refs)],
        ):
            self.conv_of_mid[mid].add(conv_id)
        for mid, customer in conn.execute(
            f"SELECT message_id, customer_email FROM messages WHERE message_id IN {_JSON_IN}"
            " AND customer_email IS NOT NULL",
            [_in(keys.message_ids)],
        ):
            self.customers_of_mid[mid].add(customer)
        ids = {c for found in self.conv_of_mid.values() for c in found}
        ids |= self._reachable_conversations(keys, window)
        self._load_conversations(sorted(ids))
        self._load_owner_mail(keys)

    def _reachable_conversations(self, keys: BatchKeys, window: int) -> set[int]:
        found: set[int] = set()
        if keys.customers:  # latest_conversation at any time of the batch
            lo, hi = keys.customer_span
            found.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM conversations c WHERE customer_email IN {_JSON_IN}"
                " AND first_contact_at <= ? AND (first_contact_at >= ? OR id = (SELECT id"
                " FROM conversations l WHERE l.customer_email = c.customer_email"
                " AND l.first_contact_at <= ? ORDER BY first_contact_at DESC, id DESC LIMIT 1))",
                [_in(keys.customers), hi, lo, lo],
            ))  # fmt: skip
        if keys.counterparts:  # conversation_for_reply and open_conversations_at
            lo, hi = keys.owner_span
            for column in ("customer_email", "reply_to"):
                found.update(r[0] for r in self.conn.execute(
                    f"SELECT id FROM conversations WHERE {column} IN {_JSON_IN}"
                    " AND ((first_contact_at <= ? AND last_customer_at >= ?) OR EXISTS (SELECT 1"
                    " FROM turns t WHERE t.conversation_id = conversations.id AND t.since <= ?"
                    " AND (t.answered_at IS NULL OR t.answered_at > ?)"
                    " AND (t.closed_at IS NULL OR t.closed_at > ?)))",
                    [_in(keys.counterparts), hi, lo - window, hi, lo, lo],
                ))  # fmt: skip
        return found

    def _load_conversations(self, ids: list[int]) -> None:
        if not ids:
            return
        param = json.dumps(ids)
        for row in self.conn.execute(
            f"SELECT {_CONV_COLUMNS} FROM conversations WHERE id IN {_JSON_IN}", [param]
        ):
            self._add(_Conversation(*row))
        rows = self.conn.execute(
            TIMELINE.format(
                messages=f"conversation_id IN {_JSON_IN}",
                events=f"conversation_id IN {_JSON_IN}",
                conversations="0",
            ),
            [param, param],
        )
        for conv_id, at, event, pk in rows:
            self.conversations[conv_id].timeline.append(Happening(at, Event(event), pk))
        turns: dict[int, list[Turn]] = defaultdict(list)
        for conv_id, *turn in self.conn.execute(
            "SELECT conversation_id, seq, since, answered_at, answer_id, channel, closed_at"
            f" FROM turns WHERE conversation_id IN {_JSON_IN} ORDER BY conversation_id, seq",
            [param],
        ):
            turns[conv_id].append(Turn(*turn))
        for conv_id, found in turns.items():
            self.conversations[conv_id].turns = tuple(found)

    def _load_owner_mail(self, keys: BatchKeys) -> None:
        """The owner's stored mails that may answer the batch's customers: by reference to
        their mails, or sent to them under one of the batch's subjects since its first mail."""
        rows = self.conn.execute(
            "SELECT id, message_id, kind, customer_email, base_subject, received_at,"
            " conversation_id, answer_rule FROM messages WHERE kind = 'owner' AND (id IN"
            f" (SELECT message FROM message_refs WHERE ref IN {_JSON_IN}) OR id IN"
            " (SELECT p.message FROM message_recipients p JOIN messages m ON m.id = p.message"
            f" WHERE p.email IN {_JSON_IN} AND m.kind = 'owner' AND m.base_subject IN {_JSON_IN}"
            " AND m.received_at >= ?))",
            [_in(keys.message_ids), _in(keys.customers), _in(keys.subjects),
             keys.customer_span[0]],
        ).fetchall()  # fmt: skip
        if not rows:
            return
        mails = {r[0]: _Mail(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], [], []) for r in rows}
        param = json.dumps(sorted(mails))
        for pk, email in self.conn.execute(
            f"SELECT message, email FROM message_recipients WHERE message IN {_JSON_IN}", [param]
        ):
            mails[pk].recipients.append(email)
        for pk, ref in self.conn.execute(
            f"SELECT message, ref FROM message_refs WHERE message IN {_JSON_IN}", [param]
        ):
            mails[pk].refs.append(ref)
        for mail in mails.values():
            self._index(mail)

    def _add(self, conv: _Conversation) -> None:
        self.conversations[conv.id] = conv
        self.by_customer[conv.customer_email].append(conv)
        if conv.reply_to is not None:
            self.by_reply_to[conv.reply_to].append(conv)

    def _of(self, emails: Iterable[str], column: str) -> list[_Conversation]:
        """The conversations whose ``column`` (customer_email or reply_to) is one of ``emails``."""
        index = self.by_customer if column == "customer_email" else self.by_reply_to
        return [c for e in set(emails) for c in index.get(e, ())]

    def _index(self, mail: _Mail) -> None:
        self.mails[mail.id] = mail
        if mail.customer_email is not None:
            self.customers_of_mid[mail.message_id].add(mail.customer_email)
        if mail.kind == "owner":
            for ref in mail.refs:
                self.owner_by_ref[ref].append(mail)
            for email in dict.fromkeys(mail.recipients):
                self.owner_by_recipient[email].append(mail)

    # --- the batch's mails --------------------------------------------------------------------

    def insert_message(self, row: dict[str, Any], refs: list[str], recipients: list[str]) -> int:
        pk: int = self.next_mail
        self.next_mail += 1
        mail = _Mail(pk, row["message_id"], row["kind"], row["customer_email"],
                     row["base_subject"], row["received_at"], None, None, recipients, refs,
                     row=row)  # fmt: skip
        self.new_mails.append(mail)
        self._index(mail)
        return pk

    # --- joins.ThreadTables -------------------------------------------------------------------

    def conversation_by_message_ids(
        self, ids: list[str], prefer: list[str] | None = None
    ) -> ConversationRef | None:
        found = {c for i in ids for c in self.conv_of_mid.get(i, ())}
        if not found:
            return None
        preferred = set(prefer or ())
        best = max(
            (self.conversations[c] for c in found),
            key=lambda c: (c.customer_email in preferred, c.first_contact_at, c.id),
        )
        return best.ref()

    def latest_conversation(self, customer_email: str, before: int) -> ConversationRef | None:
        found = [
            c for c in self.by_customer.get(customer_email, ()) if c.first_contact_at <= before
        ]
        return max(found, key=lambda c: (c.first_contact_at, c.id)).ref() if found else None

    def conversation_for_reply(
        self,
        recipients: list[str],
        base_subject: str,
        at: int,
        window: int,
        column: str = "customer_email",
    ) -> ConversationRef | None:
        found = [
            c
            for c in self._of(recipients, column)
            if c.base_subject == base_subject
            and c.first_contact_at <= at
            and c.last_customer_at >= at - window
        ]
        return max(found, key=lambda c: (c.first_contact_at, c.id)).ref() if found else None

    def open_conversations_at(self, emails: list[str], at: int) -> list[int]:
        candidates = {c.id: c for c in [*self._of(emails, "customer_email"),
                                         *self._of(emails, "reply_to")]}  # fmt: skip
        return sorted(
            c.id
            for c in candidates.values()
            if any(
                t.since <= at
                and (t.answered_at is None or t.answered_at > at)
                and (t.closed_at is None or t.closed_at > at)
                for t in c.turns
            )
        )

    def earliest_owner_reply(
        self,
        message_id: str | None,
        customer_email: str,
        base_subject: str | None,
        since: int,
        until: int,
    ) -> tuple[int, int, str] | None:
        found: list[tuple[int, int, str]] = []
        if message_id is not None:
            others = self.customers_of_mid.get(message_id, set())
            by_ref = [
                m
                for m in self.owner_by_ref.get(message_id, ())
                if m.received_at >= since
                and (customer_email in m.recipients or not others.intersection(m.recipients))
            ]
            if by_ref:
                m = min(by_ref, key=lambda m: (m.received_at, m.id))
                found.append((m.id, m.received_at, "reference"))
        if base_subject is not None and customer_email:
            by_subject = [
                m
                for m in self.owner_by_recipient.get(customer_email, ())
                if m.base_subject == base_subject and since <= m.received_at <= until
            ]
            if by_subject:
                m = min(by_subject, key=lambda m: (m.received_at, m.id))
                found.append((m.id, m.received_at, "subject"))
        return min(found, key=lambda f: (f[1], f[0])) if found else None

    def open_conversation(self, row: dict[str, Any]) -> int:
        conv_id: int = self.next_conversation
        self.next_conversation += 1
        self.new_conversations.append({"id": conv_id, **row})
        self._add(_Conversation(
            conv_id, row["customer_email"], row.get("reply_to"), row["base_subject"],
            row["first_contact_at"], row["first_contact_id"], row["last_customer_at"],
            None, None, None, None,
        ))  # fmt: skip
        return conv_id

    def set_message_conversation(self, message_pk: int, conversation_id: int) -> None:
        self._move(self.mails[message_pk], conversation_id)

    def _move(self, mail: _Mail, conversation_id: int) -> None:
        old = mail.conversation_id
        if old is not None and old in self.conversations and mail.kind in _MAIL_EVENT:
            conv = self.conversations[old]
            conv.timeline = [h for h in conv.timeline if h.message_pk != mail.id]
        mail.conversation_id = conversation_id
        mail.changed = True
        self.conv_of_mid[mail.message_id].add(conversation_id)
        if mail.kind in _MAIL_EVENT:
            event = _MAIL_EVENT[mail.kind]
            self.conversations[conversation_id].timeline.append(
                Happening(mail.received_at, event, mail.id)
            )

    def touch_conversation(self, conversation_id: int, customer_at: int) -> None:
        conv = self.conversations[conversation_id]
        conv.last_customer_at = max(conv.last_customer_at, customer_at)
        conv.touched = True

    def link_answer(self, conversation_id: int, message_pk: int, rule: str) -> bool:
        mail, conv = self.mails[message_pk], self.conversations[conversation_id]
        if mail.conversation_id not in (None, conversation_id):
            return False
        if mail.received_at < conv.first_contact_at:
            return False
        if mail.conversation_id != conversation_id:
            self._move(mail, conversation_id)
        mail.answer_rule, mail.changed = rule, True
        self.derive_turns(conversation_id)
        return True

    def mark_unanswered(self, message_pk: int, note: str) -> None:
        mail = self.mails[message_pk]
        mail.answer_rule, mail.changed = note, True

    def derive_turns(self, conversation_id: int) -> TurnState:
        conv = self.conversations[conversation_id]
        state = derive(conv.happenings())
        conv.state, conv.turns = state, state.turns
        conv.first_reply_id, conv.first_reply_at = state.first_reply_pk, state.first_reply_at
        conv.reply_channel, conv.last_reply_at = state.first_channel, state.last_reply_at
        return state

    # --- writing the batch --------------------------------------------------------------------

    def flush(self) -> None:
        """Write the batch: its mails, its new conversations, what moved in stored ones, and
        the turns derived again. A new conversation and its first mail refer to each other:
        the mail is written first without it, and given it once the conversation is there (so
        that every key holds at every statement, as one by one)."""
        conn, first_new = self.conn, self.first_conversation
        later: list[tuple[int, int]] = []  # (conversation, mail): a conversation of this batch
        rows = []
        for m in self.new_mails:
            conv_id = m.conversation_id
            if conv_id is not None and conv_id >= first_new:
                later.append((conv_id, m.id))
                conv_id = None
            rows.append({"id": m.id, **(m.row or {}), "conversation_id": conv_id,
                         "answer_rule": m.answer_rule})  # fmt: skip
        for columns, run in _runs(rows):
            _insert(conn, "messages", columns, run)
        conn.executemany(
            "INSERT INTO message_refs VALUES (?, ?)",
            [(m.id, r) for m in self.new_mails for r in m.refs],
        )
        conn.executemany(
            "INSERT INTO message_recipients VALUES (?, ?)",
            [(m.id, e) for m in self.new_mails for e in m.recipients],
        )
        for columns, run in _runs(self.new_conversations):
            _insert(conn, "conversations", columns, run)
        conn.executemany("UPDATE messages SET conversation_id = ? WHERE id = ?", later)
        conn.executemany(
            "UPDATE messages SET conversation_id = ?, answer_rule = ? WHERE id = ?",
            [(m.conversation_id, m.answer_rule, m.id)
             for m in self.mails.values() if m.changed and m.row is None],
        )  # fmt: skip
        conn.executemany(
            "UPDATE conversations SET last_customer_at = ? WHERE id = ?",
            [(c.last_customer_at, c.id) for c in self.conversations.values() if c.touched],
        )
        write_states(conn, [(c.id, c.state) for c in self.conversations.values() if c.state])


def _runs(rows: Iterable[dict[str, Any]]) -> Iterable[tuple[list[str], list[tuple[Any, ...]]]]:
    """The rows in their order, in runs of the same columns (one INSERT statement each)."""
    columns: list[str] = []
    run: list[tuple[Any, ...]] = []
    for row in rows:
        if list(row) != columns:
            if run:
                yield columns, run
            columns, run = list(row), []
        run.append(tuple(row.values()))
    if run:
        yield columns, run


def _insert(
    conn: sqlite3.Connection, table: str, columns: list[str], rows: list[tuple[Any, ...]]
) -> None:
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        rows,
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
