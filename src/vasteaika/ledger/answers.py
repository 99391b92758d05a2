"""What counts as the owner's answer, and to which conversation: the rules in order, the one
that matched recorded with the mail (``messages.answer_rule``) so that ``why`` can show it.

1. ``reference``: In-Reply-To/References name a mail of the conversation.
2. ``subject``: sent to the customer with the same base subject, inside the window.
3. ``reply-to``: sent to the customer's Reply-To address with the same base subject.
4. ``new-subject``: a fresh mail (no reference, no Re:, threads.is_fresh_mail) to a customer who had exactly one conversation waiting for the
   owner when it was sent. With several, it answers none (``ambiguous: …``).

Which mail is the owner's at all is classify's (a vacation reply in Sent is not): only mail of
kind ``owner`` comes here. Apart from the check so that the rules are read in one place.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from vasteaika.catalogue import say
from vasteaika.ledger.store import MessageRef, Store

if TYPE_CHECKING:  # the threading only when the owner's new mail is linked
    from vasteaika.ledger.joins import ThreadTables

RULES = ("reference", "subject", "reply-to", "new-subject", "call")  # words: catalogue "answer.*"
AMBIGUOUS = "ambiguous"


def link_owner_mail(
    store: ThreadTables,
    owner_addresses: frozenset[str],
    window: int,
    message: dict[str, Any],
    refs: list[str],
    recipients: list[str],
) -> int | None:
    """Link the owner's mail ``message`` (its stored row) to the conversation it answers; the
    conversation's id, or None."""
    from vasteaika.ledger.threads import counterparts, is_fresh_mail

    at, subject = message["received_at"], message["base_subject"]
    customers = counterparts(recipients, owner_addresses)
    conv, rule = store.conversation_by_message_ids(refs, customers), "reference"
    if conv is None:
        conv, rule = store.conversation_for_reply(customers, subject, at, window), "subject"
    if conv is None:
        conv = store.conversation_for_reply(customers, subject, at, window, "reply_to")
        rule = "reply-to"
    if conv is not None:
        return conv.id if store.link_answer(conv.id, message["id"], rule) else None
    if not is_fresh_mail(message["subject"], refs):
        return None
    open_ids = store.open_conversations_at(customers, at)
    if len(open_ids) == 1:
        return open_ids[0] if store.link_answer(open_ids[0], message["id"], "new-subject") else None
    if len(open_ids) > 1:
        shown = ", ".join(f"#{i}" for i in open_ids)
        store.mark_unanswered(message["id"], f"{AMBIGUOUS}: {shown}")
    return None


def link_late_answers(
    store: Store, owner_addresses: frozenset[str], window: int, run_id: int, now: int
) -> None:
    """The owner's mails of this run that answered nothing when read: Sent is read before
    INBOX, so a fresh-subject answer to a customer mail of the same run is linked here, in time
    order, once every customer mail of the run is in. Each under the guard of its own mail's
    "thread" step: one that fails is recorded as a problem and the others go on."""
    ids = array(  # 8 bytes a mail: a first sync's Sent may be 150,000 of them
        "q",
        (
            r[0]
            for r in store.db.execute(
                "SELECT id FROM messages INDEXED BY messages_run"
                " WHERE run_id = ? AND kind = 'owner' AND conversation_id IS NULL"
                " AND answer_rule IS NULL ORDER BY received_at, id",
                [run_id],
            )
        ),
    )
    for rows in _rows_by_page(store, ids):
        for row in rows:
            ref = MessageRef(row["folder"], row["uidvalidity"], row["uid"])
            with store.guard(ref, "thread", now):
                refs, recipients = store.links_of(row["id"])
                link_owner_mail(store, owner_addresses, window, row, refs, recipients)


def _rows_by_page(store: Store, ids: Sequence[int], size: int = 500) -> Iterator[list[dict[str, Any]]]:
    """The rows of these mails in their order, ``size`` at a time: a first sync's mail to
    people who are no customers (every mail of Sent answers nothing when read) is not held in
    memory at once. Each mail's link changes only its own row, so reading a page late reads
    what reading it first would have."""
    for start in range(0, len(ids), size):
        page = list(ids[start : start + size])
        found = {
            row["id"]: row
            for row in store.db.query(
                "SELECT id, folder, uidvalidity, uid, received_at, subject, base_subject"
                f" FROM messages WHERE id IN ({','.join('?' * len(page))})",
                page,
            )
        }
        yield [found[i] for i in page]


def explain(rule: str | None, lang: str = "en") -> str | None:
    """``why``'s words for a stored answer rule, in ``lang``."""
    if rule is None:
        return None
    if rule.startswith(AMBIGUOUS):
        return say(lang, "answer.ambiguous", ids=rule.partition(":")[2].strip())
    words = say(lang, f"answer.{rule}") if rule in RULES else rule
    return say(lang, "answer.counted", rule=words)
