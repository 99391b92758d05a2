"""A batch of mails threaded in memory and written together.

Threading a mail one at a time costs about a dozen SQL statements (its lookups by reference, by
customer and by subject, its insert, the conversation's turns derived again). ``BatchView``
loads, with a few set-based queries per batch, the part of the ledger the batch can reach
(``batch_reach``) and answers ``joins.ThreadTables`` from memory, in the batch's order, exactly
as the SQL would (ties by id). ``flush`` then writes the batch with ``executemany`` and explicit ids: the ids
SQLite would have given one by one (no AUTOINCREMENT: max(id) + 1).

A mail already stored (an identical copy) makes the plain INSERT fail: the check then stores the
batch message by message through the store. Memory is bounded by the batch, not the mailbox.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from vasteaika.ledger.batch_reach import BatchKeys, Conversation, Mail, reach
from vasteaika.ledger.timeline import write_states
from vasteaika.ledger.turns import Event, Happening, TurnState, derive
from vasteaika.models import ConversationRef

_MAIL_EVENT = {"customer": Event.CUSTOMER, "owner": Event.ANSWER}


class BatchView:
    """The reachable ledger of one batch, threaded in memory (``joins.ThreadTables``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.conversations: dict[int, Conversation] = {}
        self.by_customer: dict[str, list[Conversation]] = defaultdict(list)
        self.by_reply_to: dict[str, list[Conversation]] = defaultdict(list)
        self.mails: dict[int, Mail] = {}
        self.new_mails: list[Mail] = []
        self.new_conversations: list[dict[str, Any]] = []
        self.conv_of_mid: dict[str, set[int]] = defaultdict(set)
        self.customers_of_mid: dict[str, set[str]] = defaultdict(set)
        self.owner_by_ref: dict[str, list[Mail]] = defaultdict(list)
        self.owner_by_recipient: dict[str, list[Mail]] = defaultdict(list)
        self.next_mail = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM messages").fetchone()[0]
        top = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM conversations").fetchone()[0]
        self.next_conversation: int = top
        self.first_conversation: int = top  # the first id of the batch's new conversations

    def load(self, keys: BatchKeys, window: int) -> None:
        """Everything the lookups of a batch with these ``keys`` can find (``batch_reach``)."""
        found = reach(self.conn, keys, window)
        self.conv_of_mid, self.customers_of_mid = found.conv_of_mid, found.customers_of_mid
        for conv in found.conversations.values():
            self._add(conv)
        for mail in found.owner_mail:
            self._index(mail)

    def _add(self, conv: Conversation) -> None:
        self.conversations[conv.id] = conv
        self.by_customer[conv.customer_email].append(conv)
        if conv.reply_to is not None:
            self.by_reply_to[conv.reply_to].append(conv)

    def _of(self, emails: Iterable[str], column: str) -> list[Conversation]:
        """The conversations whose ``column`` (customer_email or reply_to) is one of ``emails``."""
        index = self.by_customer if column == "customer_email" else self.by_reply_to
        return [c for e in set(emails) for c in index.get(e, ())]

    def _index(self, mail: Mail) -> None:
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
        mail = Mail(pk, row["message_id"], row["kind"], row["customer_email"],
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
        self._add(Conversation(
            conv_id, row["customer_email"], row.get("reply_to"), row["base_subject"],
            row["first_contact_at"], row["first_contact_id"], row["last_customer_at"],
            None, None, None, None,
        ))  # fmt: skip
        return conv_id

    def set_message_conversation(self, message_pk: int, conversation_id: int) -> None:
        self._join(self.mails[message_pk], conversation_id)

    def _join(self, mail: Mail, conversation_id: int) -> None:
        """A mail without a conversation joins one: only the batch's new mails are given one,
        and ``link_answer`` refuses a mail of another conversation, so none is ever moved. A
        new mail is written whole by ``flush``; a stored one is marked ``changed`` by
        ``link_answer``, the one way a stored mail joins."""
        mail.conversation_id = conversation_id
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
            self._join(mail, conversation_id)
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
