"""What a customer's mail opens or joins, stored as the owner will read it (issue 19: each test
holds a rule of ledger/joins.py whose breaking mutation testing showed no other test noticed).
Through the check on a fake mailbox and a real SQLite ledger, so they hold however the ledger
stores a batch (one mail at a time or a whole batch together)."""

from __future__ import annotations

import json
from typing import Any

from fakes import FakeSource, mail
from ledger_fixture import OWNER, at
from vasteaika.config import Config
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store

REPLY = "In-Reply-To: <{0}>\nReferences: <{0}>\n"


def conversations(store: Store) -> list[dict[str, Any]]:
    cur = store.db.execute("SELECT * FROM conversations ORDER BY id")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def check(config: Config, store: Store, mails: list[tuple[str, bytes, float]]) -> None:
    src = FakeSource()
    for folder, raw, hour in mails:
        src.add(folder, raw, at(hour))
    run_check(config, src, store, at(48))


def test_a_new_contact_is_stored_with_the_customer_s_own_words(
    config: Config, store: Store
) -> None:
    """Name, subject and Message-ID as the customer wrote them: the acknowledgment greets the
    name, repeats the subject and answers that Message-ID."""
    raw = mail("Maija Mehiläinen <maija@example.fi>", OWNER, "Re: Lumityöt ensi viikolla", "m1@x")
    check(config, store, [("INBOX", raw, 0)])
    (conv,) = conversations(store)
    assert conv["customer_name"] == "Maija Mehiläinen"
    assert conv["subject"] == "Re: Lumityöt ensi viikolla"
    assert conv["first_contact_message_id"] == "m1@x"
    assert conv["via_form"] == 0
    assert conv["run_id"] is not None
    assert conv["run_id"] == store.db.execute("SELECT max(id) FROM runs").fetchone()[0]


def test_a_sender_without_a_name_has_an_empty_name_and_a_mail_without_message_id_none(
    config: Config, store: Store
) -> None:
    """Nothing made up: no name to greet, and no In-Reply-To to a Message-ID the customer's
    mail never had (vasteaika's own stand-in id stays inside the ledger)."""
    check(config, store, [("INBOX", mail("maija@example.fi", OWNER, "Lumityöt", None), 0)])
    (conv,) = conversations(store)
    assert conv["customer_name"] == ""
    assert conv["first_contact_message_id"] is None


def test_reply_to_is_kept_only_when_it_is_another_address(config: Config, store: Store) -> None:
    """The owner may answer the Reply-To address: kept when it differs from the customer's."""
    own = mail("anna@example.fi", OWNER, "Lumityöt", "a1@x", extra="Reply-To: anna@example.fi\n")
    office = "Reply-To: Toimisto <toimisto@example.com>\n"
    other = mail("otto@example.com", OWNER, "Nurmikko", "o1@x", extra=office)
    check(config, store, [("INBOX", own, 0), ("INBOX", other, 1)])
    assert [c["reply_to"] for c in conversations(store)] == [None, "toimisto@example.com"]


def test_a_reply_in_another_customer_s_thread_opens_their_own_conversation_never_acknowledged(
    config: Config, store: Store
) -> None:
    c1 = mail("Pekka <pekka@firma.fi>", OWNER, "Tarjous", "p1@x")
    stranger = mail("Outi <outi@muu.fi>", OWNER, "Re: Tarjous", "s1@x", extra=REPLY.format("p1@x"))
    check(config, store, [("INBOX", c1, 0), ("INBOX", stranger, 1)])
    pekka, outi = conversations(store)
    assert (pekka["customer_email"], outi["customer_email"]) == ("pekka@firma.fi", "outi@muu.fi")
    assert outi["ack_status"] == "skipped"
    (reason,) = json.loads(outi["ack_reasons"])
    assert reason.startswith("followup:")
    assert f"#{pekka['id']}" in reason and "another customer" in reason
    assert pekka["ack_status"] != "skipped"


def test_a_reply_to_an_old_thread_is_counted_anew_but_never_acknowledged(
    config: Config, store: Store
) -> None:
    first = mail("Maija <maija@example.fi>", OWNER, "Lumityöt", "m1@x")
    answer = mail(OWNER, "maija@example.fi", "Re: Lumityöt", "r1@p", extra=REPLY.format("m1@x"))
    later = mail("Maija <maija@example.fi>", OWNER, "Re: Lumityöt", "m2@x",
                 extra=REPLY.format("r1@p"))  # fmt: skip
    src = FakeSource()
    src.add("INBOX", first, at(0))
    src.add("Sent", answer, at(1))
    run_check(config, src, store, at(2))
    src.add("INBOX", later, at(24 * 40))  # long after the window: a new conversation
    run_check(config, src, store, at(24 * 40 + 1))
    old, new = conversations(store)
    assert new["first_contact_message_id"] == "m2@x"
    assert new["ack_status"] == "skipped"
    (reason,) = json.loads(new["ack_reasons"])
    assert reason.startswith("followup:")
    assert f"#{old['id']}" in reason and "not a new contact" in reason


def test_a_reply_to_a_message_id_two_customers_share_joins_the_sender_s_own_conversation(
    config: Config, store: Store
) -> None:
    """A broken mailer gave two customers' mails one Message-ID: Anna's reply to it continues
    Anna's answered conversation (a reply in its thread, whatever its subject), not Otto's
    newer one."""
    anna = mail("Anna <anna@example.fi>", OWNER, "Lumityöt", "dup@x")
    otto = mail("Otto <otto@example.com>", OWNER, "Nurmikko", "dup@x")
    answer = mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r1@p")
    again = mail("Anna <anna@example.fi>", OWNER, "Kysymys laskusta", "a2@x",
                 extra=REPLY.format("dup@x"))  # fmt: skip
    check(config, store, [("INBOX", anna, 0), ("INBOX", otto, 1), ("Sent", answer, 1.5),
                          ("INBOX", again, 2)])  # fmt: skip
    rows = store.db.execute(
        "SELECT m.message_id, c.customer_email FROM messages m"
        " JOIN conversations c ON c.id = m.conversation_id ORDER BY m.id"
    ).fetchall()
    assert ("a2@x", "anna@example.fi") in rows
    emails = [c["customer_email"] for c in conversations(store)]
    assert emails == ["anna@example.fi", "otto@example.com"]


def test_the_run_counts_each_conversation_it_opens_once(config: Config, store: Store) -> None:
    """The check's "new conversations": a follow-up joining (answered or not) counts nothing."""
    src = FakeSource()
    src.add("Sent", mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r2@p",
                         extra=REPLY.format("a2@x")), at(3))  # fmt: skip
    assert run_check(config, src, store, at(4)).new_conversations == 0
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    src.add("INBOX", mail("anna@example.fi", OWNER, "Re: Lumityöt", "a2@x",
                          extra=REPLY.format("a1@x")), at(1))  # fmt: skip
    src.add("INBOX", mail("anna@example.fi", OWNER, "Re: Lumityöt", "a3@x",
                          extra=REPLY.format("a1@x")), at(2))  # fmt: skip
    src.add("INBOX", mail("otto@example.com", OWNER, "Nurmikko", "o1@x"), at(2.5))
    assert run_check(config, src, store, at(5)).new_conversations == 2
    answered = store.db.execute(
        "SELECT first_reply_at IS NOT NULL FROM conversations ORDER BY id"
    ).fetchall()
    assert answered == [(1,), (0,)]


def test_an_answer_read_before_the_mail_it_references_is_counted_by_its_reference(
    config: Config, store: Store
) -> None:
    """The owner's reply was read in an earlier run than the customer's mail it answers (Sent
    read first, or the mail filed late): it still answers by its In-Reply-To, the surest rule
    `vasteaika why` names, not by the look-alike subject."""
    src = FakeSource()
    src.add("Sent", mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r1@p",
                         extra=REPLY.format("a1@x")), at(1))  # fmt: skip
    run_check(config, src, store, at(2))
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    run_check(config, src, store, at(3))
    (conv,) = conversations(store)
    assert [(t["answer_rule"], t["channel"]) for t in store.turns(conv["id"])] == [
        ("reference", "mail")
    ]


def test_the_owner_s_answer_to_a_follow_up_filed_late_answers_the_conversation(
    config: Config, store: Store
) -> None:
    """Anna wrote again before the owner answered; her follow-up reached INBOX only after the
    owner's answer to it had been read from Sent (a run earlier). When the follow-up joins her
    conversation, that answer is found by its reference: she no longer waits."""
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    src.add("Sent", mail(OWNER, "anna@example.fi", "Vastaus", "r1@p",
                         extra=REPLY.format("a2@x")), at(2))  # fmt: skip
    run_check(config, src, store, at(3))
    src.add("INBOX", mail("anna@example.fi", OWNER, "Re: Lumityöt", "a2@x",
                          extra=REPLY.format("a1@x")), at(1))  # fmt: skip
    run_check(config, src, store, at(4))
    (conv,) = conversations(store)
    assert (conv["waiting_since"], conv["first_reply_at"]) == (None, int(at(2).timestamp()))
    assert [(t["answer_rule"], t["since"]) for t in store.turns(conv["id"])] == [
        ("reference", int(at(0).timestamp()))
    ]
