"""The messages table: storing each mail read once, and recognising it again after the
folder's UIDVALIDITY changed (by Message-ID and content fingerprint, or as a row from before
fingerprints). Apart from the store so that message identity, the subtlest SQL of the ledger,
is read in one place.
"""

from __future__ import annotations

from typing import Any

from vasteaika.ledger.database import Connected


class MessageTable(Connected):
    """Writes and reads of ``messages`` with their references and recipients."""

    def insert_message(
        self, row: dict[str, Any], refs: list[str], recipients: list[str], legacy: bool = False
    ) -> int | None:
        """The new message's id; None (and nothing new written) when the folder already holds
        this mail: the same Message-ID and ``fingerprint`` (parse.content_fingerprint).

        While UIDVALIDITY holds, each UID is read once (the watermark). After it changes the
        folder is read again under new UIDs: a stored mail is found by its key and moved to
        its new (uidvalidity, uid), so acknowledgments and promise scans can still fetch it.
        ``legacy``: the folder still holds rows stored before fingerprints (m008) in an older
        UIDVALIDITY; those are recognised by Message-ID and sender."""
        if legacy and self._adopt_legacy(row):
            return None
        cur = self.db.execute(
            f"INSERT INTO messages ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
            " ON CONFLICT (folder, message_id, fingerprint) DO NOTHING",
            list(row.values()),
        )
        if cur.rowcount != 1:
            self.db.execute(
                "UPDATE messages SET uid = ?, uidvalidity = ? WHERE folder = ? AND message_id = ?"
                " AND fingerprint = ? AND uidvalidity <> ?",
                [row["uid"], row["uidvalidity"], row["folder"], row["message_id"],
                 row["fingerprint"], row["uidvalidity"]],
            )  # fmt: skip
            return None
        pk = int(cur.lastrowid or 0)
        if refs:
            self.db.conn.executemany(
                "INSERT INTO message_refs VALUES (?, ?)", [(pk, r) for r in refs]
            )
        if recipients:
            self.db.conn.executemany(
                "INSERT INTO message_recipients VALUES (?, ?)", [(pk, e) for e in recipients]
            )
        return pk

    def has_messages(self, folder: str) -> bool:
        return self.one("SELECT 1 FROM messages WHERE folder = ? LIMIT 1", folder) is not None

    def has_legacy(self, folder: str, uidvalidity: int) -> bool:
        """Does ``folder`` hold rows without a fingerprint from another UIDVALIDITY?"""
        return (
            self.one(
                "SELECT 1 FROM messages WHERE folder = ? AND fingerprint IS NULL"
                " AND uidvalidity <> ? LIMIT 1",
                folder,
                uidvalidity,
            )
            is not None
        )

    def retire_legacy(self, folder: str, uidvalidity: int) -> None:
        """After ``folder`` was read to its end in ``uidvalidity``, rows from before m008 in
        an older UIDVALIDITY that no mail matched are mail deleted since: fingerprint 0 takes
        them out of the search, so a later mail reusing the id is never taken for them."""
        self.db.execute(
            "UPDATE messages SET fingerprint = 0 WHERE folder = ? AND fingerprint IS NULL"
            " AND uidvalidity <> ?",
            [folder, uidvalidity],
        )

    def _adopt_legacy(self, row: dict[str, Any]) -> bool:
        """A row from before m008 in an older UIDVALIDITY with this Message-ID and sender is
        this mail read again: it takes the fingerprint and the new place. (There is at most
        one: the old key was (folder, Message-ID).) In the current UIDVALIDITY a new UID is
        never an old row: that is a second mail sharing the id."""
        cur = self.db.execute(
            "UPDATE OR IGNORE messages SET fingerprint = ?, uid = ?, uidvalidity = ?"
            " WHERE id = (SELECT id FROM messages WHERE folder = ? AND message_id = ?"
            " AND fingerprint IS NULL AND uidvalidity <> ? AND from_email = ?)",
            [row["fingerprint"], row["uid"], row["uidvalidity"], row["folder"],
             row["message_id"], row["uidvalidity"], row["from_email"]],
        )  # fmt: skip
        return cur.rowcount == 1

    def messages_by_message_id(self, message_id: str) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM messages WHERE message_id = ?", [message_id]))

    def links_of(self, message_pk: int) -> tuple[list[str], list[str]]:
        """A stored mail's references and recipients."""
        refs = [
            r[0]
            for r in self.db.execute("SELECT ref FROM message_refs WHERE message = ?", [message_pk])
        ]
        recipients = [
            r[0]
            for r in self.db.execute(
                "SELECT email FROM message_recipients WHERE message = ?", [message_pk]
            )
        ]
        return refs, recipients  # fmt: skip
