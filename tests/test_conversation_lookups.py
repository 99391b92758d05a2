"""The store's own threading lookups (ledger/conversations.py), where only they answer: a folder
read again after its UIDVALIDITY changed is threaded mail by mail through the store, and so is
the owner's mail that answered nothing when it was read (linked late, at the end of the run).
Each test holds a rule whose breaking mutation testing showed no other test noticed (issue 19).
"""

from __future__ import annotations

from datetime import datetime

from fakes import FakeSource, mail
from ledger_fixture import OWNER, at
from vasteaika.config import Config
from vasteaika.ledger.check import run_check
from vasteaika.ledger.records import business_hours, conversation_records
from vasteaika.ledger.store import Store, epoch

REPLY = "In-Reply-To: <{0}>\nReferences: <{0}>\n"


def answers(store: Store) -> dict[str, tuple[float | None, str | None, bool]]:
    """Per customer (one conversation each): when the first answer came (hours), by which
    rule, and whether the conversation still waits for the owner."""
    rows = store.db.execute(
        "SELECT c.customer_email, c.first_reply_at, m.answer_rule, c.waiting_since IS NOT NULL"
        " FROM conversations c LEFT JOIN messages m ON m.id = c.first_reply_id"
    )
    return {
        email: (None if t is None else (t - epoch(at(0))) / 3600, rule, bool(waiting))
        for email, t, rule, waiting in rows
    }


def test_owner_replies_stored_before_a_folder_is_read_again_answer_its_new_mail(
    config: Config, store: Store
) -> None:
    """The server restored INBOX from a backup (a new UIDVALIDITY) holding mail it had not shown
    before; the owner's replies to it were read from Sent already. Each new contact is answered
    by the earliest of them: by reference or by subject, whichever came first (ties by the
    order they were stored), so none of them waits and reminds the owner of answered mail."""
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    sent: list[tuple[str, str, str, float]] = [
        # (to, subject, headers, hour), in the order the server numbered them
        ("pekka@firma.fi", "Re: Tarjous", "", 2),  # a phone's reply: by subject only
        ("liisa@example.fi", "Re: Aita", REPLY.format("l1@x"), 2.5),  # by reference only
        ("olli@gmail.com", "Re: Katto", REPLY.format("k1@x"), 1.4),  # after the one in INBOX
        ("ville@example.fi", "Re: Sauna", REPLY.format("v1@x"), 1.2),  # before the one below
        ("ville@example.fi", "Re: Sauna", "", 1.3),
        ("eero@example.fi", "Re: Piha", "", 1.3),  # the same second as the one below,
        ("eero@example.fi", "Re: Piha", REPLY.format("e1@x"), 1.3),  # and stored before it
    ]
    for n, (to, subject, headers, hour) in enumerate(sent):
        src.add("Sent", mail(OWNER, to, subject, f"o{n}@p", extra=headers), at(hour))
    # The owner's copy of a phone's reply in INBOX: stored after Sent, yet the earlier answer.
    src.add("INBOX", mail(OWNER, "olli@gmail.com", "Re: Katto", "copy@p"), at(1.2))
    run_check(config, src, store, at(3))

    for frm, subject, msgid, hour in [
        ("pekka@firma.fi", "Tarjous", "p1@x", 1),
        ("liisa@example.fi", "Aita", "l1@x", 1.5),
        ("olli@gmail.com", "Katto", "k1@x", 1),
        ("ville@example.fi", "Sauna", "v1@x", 1),
        ("eero@example.fi", "Piha", "e1@x", 1),
        ("tuula@example.fi", "Kivetys", "t1@x", 1),  # not answered at all
    ]:
        # Tuula's names a mail the ledger never saw: it links to nothing.
        unknown = REPLY.format("lost@x") if frm.startswith("tuula") else ""
        src.add("INBOX", mail(frm, OWNER, subject, msgid, extra=unknown), at(hour))
    src.renumber("INBOX")
    second = run_check(config, src, store, at(4))

    assert second.folders["INBOX"] == 8 and second.new_conversations == 6
    assert second.problems == 0
    assert answers(store) == {
        "anna@example.fi": (None, None, True),
        "pekka@firma.fi": (2, "subject", False),
        "liisa@example.fi": (2.5, "reference", False),
        "olli@gmail.com": (1.2, "subject", False),
        "ville@example.fi": (1.2, "reference", False),
        "eero@example.fi": (1.3, "subject", False),
        "tuula@example.fi": (None, None, True),
    }


def test_a_reply_to_two_people_with_several_references_is_linked_late_without_a_problem(
    config: Config, store: Store
) -> None:
    """The owner's mails that answered nothing when read are looked up again through the
    store at the end of the run: a reply to the customer and a colleague at once, naming
    several earlier mails, finds its conversation (the one with an addressee, not the other
    customer who shared a Message-ID), and one that answers nothing stays so, unbroken."""
    src = FakeSource()
    src.add("INBOX", mail("maija@example.fi", OWNER, "Pihatyöt", "m1@x"), at(0))
    src.add("INBOX", mail("ritva@example.fi", OWNER, "Pihatyöt", "m1@x"), at(0.5))  # same id
    src.add(
        "INBOX",
        mail("maija@example.fi", OWNER, "Re: Pihatyöt", "m2@x", extra=REPLY.format("m1@x")),
        at(1),
    )
    src.add("Sent", mail(OWNER, "myynti@tukku.example", "Tilaus", "order@p"), at(1.5))
    run_check(config, src, store, at(2))
    refs = "In-Reply-To: <m2@x>\nReferences: <m1@x> <m2@x> <unknown@x>\n"
    src.add("Sent", mail(OWNER, "maija@example.fi, timo@firma.fi", "Re: Pihatyöt", "o1@p",
                         extra=refs), at(3))  # fmt: skip
    # A phone's reply (no reference) to two people, under a subject none of theirs.
    src.add("Sent", mail(OWNER, "ritva@example.fi, timo@firma.fi", "Re: Muuta", "o2@p"), at(3.5))
    # Sent's UIDVALIDITY changed too: read again mail by mail, its new mail linked late.
    src.renumber("Sent")
    done = run_check(config, src, store, at(4))
    assert done.problems == 0 and done.new_replies == 1
    assert answers(store) == {
        "maija@example.fi": (3, "reference", False),
        "ritva@example.fi": (None, None, True),
    }


def test_a_report_period_takes_conversations_begun_from_its_start_up_to_its_end(
    config: Config, store: Store
) -> None:
    """A report of a period counts the conversations whose first contact is in
    [start, end): one begun at the very start is in, one begun at the end is the next
    period's, so two adjacent periods count each conversation once."""
    src = FakeSource()
    for n, hour in enumerate((0, 1, 2, 3)):
        src.add("INBOX", mail(f"c{n}@example.fi", OWNER, f"Kysymys {n}", f"q{n}@x"), at(hour))
    run_check(config, src, store, at(4))
    hours = business_hours(config.hours)

    def period(start: datetime, end: datetime) -> list[str]:
        records = conversation_records(store, hours, since=start, until=end)
        return [r.customer_email for r in records]

    assert period(at(1), at(3)) == ["c1@example.fi", "c2@example.fi"]
    assert period(at(0), at(1)) + period(at(1), at(4)) == [f"c{n}@example.fi" for n in range(4)]
    waiting = conversation_records(store, hours, waiting_only=True, until=at(2))
    assert [r.customer_email for r in waiting] == ["c0@example.fi", "c1@example.fi"]
