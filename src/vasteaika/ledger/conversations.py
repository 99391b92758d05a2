"""The conversations table: opening one per new contact, linking replies to it, and the lookups
the check uses to thread a mail (by reference, by customer, by subject). Apart from the store so
that the threading queries sit together, next to the indexes they rely on.
"""

from __future__ import annotations

from typing import Any

from vasteaika.ledger.customers import ignored_sql
from vasteaika.ledger.timeline import TurnTable
from vasteaika.models import ConversationRef

_CONV_REF_SQL = """
    SELECT id, customer_email, base_subject, first_contact_at,
           max(last_customer_at, coalesce(last_reply_at, first_reply_at, 0)) AS last_activity_at,
           first_reply_at
    FROM conversations
"""


class ConversationTable(TurnTable):
    """Writes and reads of ``conversations`` (and which conversation a message belongs to)."""

    def has_conversations(self) -> bool:
        return self.one("SELECT 1 FROM conversations LIMIT 1") is not None

    def set_message_conversation(self, message_pk: int, conversation_id: int) -> None:
        self.db.execute(
            "UPDATE messages SET conversation_id = ? WHERE id = ?", [conversation_id, message_pk]
        )

    def conversation_by_message_ids(
        self, ids: list[str], prefer: list[str] | None = None
    ) -> ConversationRef | None:
        """The newest conversation any of ``ids`` belongs to (a reply's In-Reply-To/References).
        A Message-ID may be shared by two customers' mails (broken mailers): a conversation
        with one of the ``prefer`` addresses (the reply's recipients, or the sender) wins."""
        if not ids:
            return None
        marks = ",".join("?" * len(ids))
        preferred = ",".join("?" * len(prefer or []))
        row = self.one(
            f"{_CONV_REF_SQL} WHERE id IN (SELECT conversation_id FROM messages"
            f" WHERE message_id IN ({marks}) AND conversation_id IS NOT NULL)"
            f" ORDER BY customer_email IN ({preferred}) DESC, first_contact_at DESC, id DESC"
            " LIMIT 1",
            *ids,
            *(prefer or []),
        )
        return ConversationRef(*row) if row else None

    def latest_conversation(self, customer_email: str, before: int) -> ConversationRef | None:
        row = self.one(
            f"{_CONV_REF_SQL} WHERE customer_email = ? AND first_contact_at <= ?"
            " ORDER BY first_contact_at DESC, id DESC LIMIT 1",
            customer_email,
            before,
        )
        return ConversationRef(*row) if row else None

    def open_conversation(self, row: dict[str, Any]) -> int:
        cur = self.db.execute(
            f"INSERT INTO conversations ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        return int(cur.lastrowid or 0)

    def touch_conversation(self, conversation_id: int, customer_at: int) -> None:
        self.db.execute(
            "UPDATE conversations SET last_customer_at = max(last_customer_at, ?) WHERE id = ?",
            [customer_at, conversation_id],
        )

    def link_answer(self, conversation_id: int, message_pk: int, rule: str) -> bool:
        """The owner's mail answers the conversation (by ``rule``): its turns are derived
        again, so an answer found late (mail synced out of order) still ends the right turn.

        Refused (False, nothing written) when the mail already answers another conversation
        (moving it would leave that one's turns naming an answer that is no longer its own) or
        was sent before the conversation began (it could answer no turn of it)."""
        cur = self.db.execute(
            "UPDATE messages SET conversation_id = ?, answer_rule = ? WHERE id = ?"
            " AND (conversation_id IS NULL OR conversation_id = ?)"
            " AND received_at >= (SELECT first_contact_at FROM conversations WHERE id = ?)",
            [conversation_id, rule, message_pk, conversation_id, conversation_id],
        )
        if cur.rowcount != 1:
            return False
        self.derive_turns(conversation_id)
        return True

    def mark_unanswered(self, message_pk: int, note: str) -> None:
        """Why the owner's mail answers no conversation (``why`` shows it)."""
        self.db.execute("UPDATE messages SET answer_rule = ? WHERE id = ?", [note, message_pk])

    def earliest_owner_reply(
        self,
        message_id: str | None,
        customer_email: str,
        base_subject: str | None,
        since: int,
        until: int,
    ) -> tuple[int, int, str] | None:
        """An owner message already stored that answers a new conversation: linked by its
        references, else sent to the customer with the same base subject inside the window
        (``base_subject`` None: by reference only). Two indexed lookups (by reference, by
        recipient), never a scan of all messages.

        A reference does not answer this customer when the reply went to another customer
        who also sent a mail with this Message-ID (a broken mailer gave two customers one id):
        the owner answered them, not this one."""
        found: list[tuple[int, int, str]] = []
        if message_id is not None:
            row = self.one(
                "SELECT m.id, m.received_at FROM message_refs r JOIN messages m ON m.id = r.message"
                " WHERE r.ref = ? AND m.kind = 'owner' AND m.received_at >= ?"
                " AND (EXISTS (SELECT 1 FROM message_recipients WHERE email = ? AND message = m.id)"
                "  OR NOT EXISTS (SELECT 1 FROM message_recipients p JOIN messages o"
                "   ON o.message_id = r.ref AND o.customer_email = p.email WHERE p.message = m.id))"
                " ORDER BY m.received_at, m.id LIMIT 1",
                message_id, since, customer_email,
            )  # fmt: skip
            found += [(row[0], row[1], "reference")] if row else []
        if base_subject is not None and customer_email:
            row = self.one(
                "SELECT m.id, m.received_at FROM message_recipients p"
                " JOIN messages m ON m.id = p.message WHERE p.email = ? AND m.kind = 'owner'"
                " AND m.base_subject = ? AND m.received_at BETWEEN ? AND ?"
                " ORDER BY m.received_at, m.id LIMIT 1",
                customer_email, base_subject, since, until,
            )  # fmt: skip
            found += [(row[0], row[1], "subject")] if row else []
        return min(found, key=lambda f: (f[1], f[0])) if found else None

    def conversation_for_reply(
        self,
        recipients: list[str],
        base_subject: str,
        at: int,
        window: int,
        column: str = "customer_email",
    ) -> ConversationRef | None:
        """Fallback for replies without In-Reply-To/References (phone mail apps): sent to the
        customer (``column`` customer_email) or to their Reply-To (``column`` reply_to)."""
        if not recipients:
            return None
        marks = ",".join("?" * len(recipients))
        row = self.one(
            f"{_CONV_REF_SQL} WHERE {column} IN ({marks}) AND base_subject = ?"
            " AND first_contact_at <= ? AND last_customer_at >= ?"
            " ORDER BY first_contact_at DESC, id DESC LIMIT 1",
            *recipients,
            base_subject,
            at,
            at - window,
        )
        return ConversationRef(*row) if row else None

    def conversations(
        self,
        since: int | None = None,
        waiting_only: bool = False,
        run_id: int | None = None,
        ignore: tuple[str, ...] = (),
        until: int | None = None,
    ) -> list[dict[str, Any]]:
        """The conversations (``ignore``: leaving out the customers on the ignore list), first
        contact in ``[since, until)``."""
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if ignore:
            sql, values = ignored_sql("customer_email", ignore)
            where.append(f"NOT {sql}")
            params += values
        if run_id is not None:
            where.append("run_id = ?")
            params.append(run_id)
        if since is not None:
            where.append("first_contact_at >= ?")
            params.append(since)
        if until is not None:
            where.append("first_contact_at < ?")
            params.append(until)
        order = "first_contact_at"
        if waiting_only:
            where.append("waiting_since IS NOT NULL")
            order = "waiting_since, first_contact_at"
        return list(
            self.db.query(
                f"SELECT * FROM conversations WHERE {' AND '.join(where)} ORDER BY {order}",
                params,
            )
        )

    def conversation(self, conversation_id: int) -> dict[str, Any] | None:
        rows = list(self.db.query("SELECT * FROM conversations WHERE id = ?", [conversation_id]))
        return rows[0] if rows else None
