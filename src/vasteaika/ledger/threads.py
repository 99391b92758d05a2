"""Which conversation a message belongs to: header links first, then customer + subject + window.

Pure decisions over the few facts the store hands over (``ConversationRef``); the caller looks
the candidates up and acts on the answer.
"""

from __future__ import annotations

from vasteaika.mail.freemail import FREEMAIL_DOMAINS
from vasteaika.mail.parse import base_subject
from vasteaika.models import ConversationRef


def joins_conversation(
    candidate: ConversationRef | None,
    *,
    linked: bool,
    base_subject: str,
    received_at: int,
    window_seconds: int,
) -> bool:
    """Does a customer's mail continue ``candidate`` rather than open a new conversation?

    More mail before the owner answers never moves the first-contact time, so an unanswered
    conversation absorbs it. After an answer, only the same thread (header link or same base
    subject) continues; a new subject is a new request. Nothing older than the window continues.
    """
    if candidate is None:
        return False
    if received_at - candidate.last_activity_at > window_seconds:
        return False
    answered = candidate.answered_by(received_at)
    return linked or not answered or candidate.base_subject == base_subject


def counterparts(recipients: list[str], owner_addresses: frozenset[str]) -> list[str]:
    """The customers an owner message went to: its To and Cc minus the owner's own addresses."""
    seen: list[str] = []
    for email in recipients:
        if email not in owner_addresses and email not in seen:
            seen.append(email)
    return seen


def is_same_customer(a: str, b: str) -> bool:
    """The same address, or two people of one company (a domain that is not freemail): the
    rule of customers.customer_key_sql."""
    domain = a.rpartition("@")[2]
    return a == b or (domain == b.rpartition("@")[2] and domain not in FREEMAIL_DOMAINS)


def is_fresh_mail(subject: str, refs: list[str]) -> bool:
    """A mail that starts something (no In-Reply-To/References, no Re:/VS:/Fwd: or list tag in
    its subject), not a reply in some other thread: only such a mail may answer a conversation
    under another subject."""
    return not refs and base_subject(subject) == " ".join(subject.split()).casefold()
