"""Whose Authentication-Results the acknowledgment trusts: ``ack.authserv_id`` as configured, or
(``"auto"``, the default) the id the owner's own provider stamps on nearly all recent INBOX mail.

Apart from the decision (pure) because learning reads the ledger: every INBOX mail's topmost
Authentication-Results id is recorded as it is read (``messages.authserv_id``, m021), and the id
learned is kept in ``ack_trust`` so that `check` says it once, when it is first learned or
changes. Anybody can write such a header, but the receiving provider adds its own on top of
each mail it delivers (RFC 8601 §5): an id on top of nearly all mail, from several senders, is
the provider's. A mailbox without such headers learns nothing and is treated as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from vasteaika import catalogue
from vasteaika.ledger.store import Store

AUTO = "auto"
RECENT = 50  # the latest INBOX mails read for the id
AT_LEAST = 5  # fewer mails than this prove nothing
SHARE = 0.9  # "nearly all": the share of those mails the one id must cover
SENDER_DOMAINS = 2  # … coming from at least this many sender domains (not one sender's forgery)


@dataclass(frozen=True)
class Trust:
    """``authserv_id``: the id whose dmarc verdict counts (None: none). ``learned``: it was read
    from the mailbox; ``new``: learned in this run for the first time (or changed)."""

    authserv_id: str | None
    learned: bool = False
    new: bool = False


def learned_authserv_id(store: Store, inbox: str) -> str | None:
    """The id on top of nearly all of the latest INBOX mail, from several senders; else None."""
    rows = list(
        store.db.query(
            "SELECT authserv_id, from_email FROM messages"
            " WHERE folder = ? AND authserv_id IS NOT NULL"
            " ORDER BY received_at DESC, id DESC LIMIT ?",
            [inbox, RECENT],
        )
    )
    if len(rows) < AT_LEAST:
        return None
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["authserv_id"]] = counts.get(row["authserv_id"], 0) + 1
    best = max(counts, key=lambda i: counts[i])
    domains = {r["from_email"].rpartition("@")[2] for r in rows if r["authserv_id"] == best}
    if not best or counts[best] < SHARE * len(rows) or len(domains) < SENDER_DOMAINS:
        return None
    return str(best)


def trusted(configured: str | None, store: Store, inbox: str, now: int) -> Trust:
    """The id to trust in this run; with ``"auto"`` learned now and remembered, so that a
    change is said once."""
    if configured is None:
        return Trust(None)
    if configured != AUTO:
        return Trust(configured)
    found = learned_authserv_id(store, inbox)
    before = remembered_authserv_id(store)
    if found != before:
        with store.db.atomic():
            store.db.execute("DELETE FROM ack_trust")
            if found is not None:
                store.db.execute(
                    "INSERT INTO ack_trust (id, authserv_id, learned_at) VALUES (1, ?, ?)",
                    [found, now],
                )
    return Trust(found, learned=found is not None, new=found is not None and found != before)


def remembered_authserv_id(store: Store) -> str | None:
    """The id learned by the last run, if any."""
    row = store.one("SELECT authserv_id FROM ack_trust WHERE id = 1")
    return str(row[0]) if row else None


def describe(configured: str | None, store: Store, lang: str = "en") -> str:
    """One line for `why`: whose Authentication-Results the acknowledgment trusts."""
    if configured is None:
        return catalogue.say(lang, "trust.off")
    if configured != AUTO:
        return catalogue.say(lang, "trust.configured", id=configured)
    learned = remembered_authserv_id(store)
    if learned is None:
        return catalogue.say(lang, "trust.none")
    return catalogue.say(lang, "trust.learned", id=learned)
