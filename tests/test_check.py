"""The check use case on an in-memory source and a real SQLite store."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from fakes import FakeSource, mail
from ledger_fixture import OWNER, at, ledger_config
from vasteaika.catalogue.reasons import message_reason
from vasteaika.config import Config
from vasteaika.errors import TemporaryError
from vasteaika.ledger.check import run_check
from vasteaika.ledger.records import business_hours, conversation_records
from vasteaika.ledger.store import Store, open_database


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return ledger_config(
        tmp_path, owners=[OWNER, "info@pihapalvelu.fi"], ignore=["supplier.example"]
    )


def convs(store: Store, config: Config) -> list[dict[str, object]]:
    return [r.as_json() for r in conversation_records(store, business_hours(config.hours))]


def test_first_contact_and_reply_by_in_reply_to(config: Config, store: Store) -> None:
    src = FakeSource()
    src.add(
        "INBOX",
        mail("Maija Meikäläinen <maija@example.fi>", OWNER, "Nurmikon leikkuu", "m1@x"),
        at(0),
    )
    src.add(
        "INBOX",
        mail(
            "maija@example.fi", OWNER, "Re: Nurmikon leikkuu", "m2@x", extra="In-Reply-To: <m1@x>\n"
        ),
        at(1),
    )
    src.add(
        "Sent",
        mail(
            OWNER,
            "maija@example.fi",
            "Re: Nurmikon leikkuu",
            "r1@p",
            extra="In-Reply-To: <m2@x>\nReferences: <m1@x> <m2@x>\n",
        ),
        at(3),
    )
    result = run_check(config, src, store, at(4))
    [c] = convs(store, config)
    assert c["customer_email"] == "maija@example.fi" and c["customer_name"] == "Maija Meikäläinen"
    assert c["first_contact_at"] == "2026-11-25T09:00:00+02:00"  # a follow-up did not move it
    assert c["first_reply_at"] == "2026-11-25T12:00:00+02:00"
    assert c["response_seconds"] == 3 * 3600 == c["business_response_seconds"]
    assert c["status"] == "answered" and c["first_contact_message_id"] == "m1@x"
    assert result.new_conversations == 1 and result.new_replies == 1


def test_phone_reply_without_headers_matches_by_subject(config: Config, store: Store) -> None:
    src = FakeSource()
    src.add("INBOX", mail("pekka@example.com", OWNER, "[Web] Pensasaidan leikkuu", "p1@x"), at(0))
    src.add(
        "Sent",
        mail(OWNER, "Pekka <pekka@example.com>", "VS: Vs: [Web] pensasaidan  leikkuu", "r@p"),
        at(30),
    )
    src.add("Sent", mail(OWNER, "pekka@example.com", "Re: jotain muuta", "r2@p"), at(20))
    run_check(config, src, store, at(31))
    [c] = convs(store, config)
    assert c["response_seconds"] == 30 * 3600


def test_a_headerless_reply_to_an_existing_conversation_needs_its_subject(
    config: Config, store: Store
) -> None:
    """Planted bug: matching a headerless reply (a phone's mail app) to a conversation already
    in the ledger without its subject counted an invoice to Pekka as the answer to his request.
    The owner's mails come in later runs, so the stored conversation is looked up. (A reply to
    another thread: a fresh new-subject mail would answer his one open conversation, issue 11.)"""
    src = FakeSource()
    src.add("INBOX", mail("pekka@example.com", OWNER, "[Web] Pensasaidan leikkuu", "p1@x"), at(0))
    run_check(config, src, store, at(1))
    src.add("Sent", mail(OWNER, "Pekka <pekka@example.com>", "Re: Lasku lokakuu", "r1@p"), at(2))
    assert run_check(config, src, store, at(3)).new_replies == 0
    [c] = convs(store, config)
    assert c["first_reply_at"] is None and c["status"] == "waiting"
    src.add(
        "Sent",
        mail(OWNER, "Pekka <pekka@example.com>", "VS: Vs: [Web] pensasaidan  leikkuu", "r2@p"),
        at(5),
    )
    assert run_check(config, src, store, at(6)).new_replies == 1
    [c] = convs(store, config)
    assert c["response_seconds"] == 5 * 3600 and c["status"] == "answered"


@pytest.mark.parametrize(("linked_at", "by_subject_at"), [(4, 3), (3, 4)])
def test_the_earliest_of_a_linked_and_a_subject_reply_is_the_first_response(
    config: Config, store: Store, linked_at: int, by_subject_at: int
) -> None:
    """Both owner replies are already stored when the customer's mail is read (Sent is read
    first): the earlier one counts, whichever way it was found and whichever was stored first."""
    src = FakeSource()
    src.add("Sent", mail(OWNER, "pekka@example.com", "Tarjous", "r1@p", extra="In-Reply-To: <p1@x>\n"),
            at(linked_at))  # fmt: skip
    src.add("Sent", mail(OWNER, "pekka@example.com", "Re: Aita", "r2@p"), at(by_subject_at))
    src.add("INBOX", mail("pekka@example.com", OWNER, "Aita", "p1@x"), at(0))
    run_check(config, src, store, at(5))
    [c] = convs(store, config)
    assert c["response_seconds"] == 3 * 3600


def test_two_people_of_one_company_are_one_customer_but_not_at_a_freemail() -> None:
    from vasteaika.ledger.threads import is_same_customer

    assert is_same_customer("anna@firma.fi", "anna@firma.fi")
    assert is_same_customer("anna@firma.fi", "pekka@firma.fi")
    assert not is_same_customer("anna@gmail.com", "pekka@gmail.com")
    assert not is_same_customer("anna@firma.fi", "anna@toinen.fi")
    assert not is_same_customer("anna@firma.fi", "firma.fi@toinen.fi")
    # A quoted local part may hold an @ of its own (RFC 5322): the domain is after the last one.
    assert is_same_customer('"anna@gmail.com"@firma.fi', "pekka@firma.fi")
    assert is_same_customer("pekka@firma.fi", '"anna@gmail.com"@firma.fi')


def test_the_owner_copying_themselves_is_no_customer_of_their_own_mail() -> None:
    from vasteaika.ledger.threads import counterparts

    owner = frozenset({OWNER, "info@firma.fi"})
    to_and_cc = [OWNER, "anna@asiakas.fi", "info@firma.fi", "pekka@asiakas.fi", "anna@asiakas.fi"]
    assert counterparts(to_and_cc, owner) == ["anna@asiakas.fi", "pekka@asiakas.fi"]


def test_mail_in_sent_from_an_unlisted_address_is_the_owners_reply(
    config: Config, store: Store
) -> None:
    """Planted bug: Sent mail no longer forced to "owner". A reply sent from an address missing
    from owner.addresses (the phone's own account) must still answer the customer, and never
    open a conversation for the customer's address as if the customer had written; why says
    in the owner's language that the Sent folder decided it."""
    src = FakeSource()
    src.add("INBOX", mail("Maija <maija@example.fi>", OWNER, "Nurmikko", "m1@x"), at(0))
    run_check(config, src, store, at(1))
    src.add("Sent", mail("Ylermi <ylermi.yrittaja@gmail.com>", "Maija <maija@example.fi>",
                         "Re: Nurmikko", "r1@p", extra="In-Reply-To: <m1@x>\n"), at(2))  # fmt: skip
    result = run_check(config, src, store, at(3))
    assert result.new_replies == 1 and result.new_conversations == 0
    [c] = convs(store, config)
    assert c["customer_email"] == "maija@example.fi" and c["response_seconds"] == 2 * 3600
    kind, reasons = store.one("SELECT kind, reasons FROM messages WHERE folder = 'Sent'")
    assert kind == "owner"
    assert [message_reason("fi", r) for r in json.loads(reasons)] == [
        "Lähetetyt-kansiossa: sinun lähettämäsi"
    ]


def test_reply_seen_before_the_contact_still_counts(config: Config, store: Store) -> None:
    """After a UIDVALIDITY reset INBOX can be re-read after Sent: order must not matter."""
    src = FakeSource()
    src.add(
        "Sent",
        mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r@p", extra="In-Reply-To: <a1@x>\n"),
        at(2),
    )
    run_check(config, src, store, at(3))
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    run_check(config, src, store, at(3))
    [c] = convs(store, config)
    assert c["response_seconds"] == 2 * 3600


def test_acknowledgment_never_counts_as_the_reply(config: Config, store: Store) -> None:
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    src.add(
        "Sent",
        mail(
            f"Ylermi <{OWNER}>",
            "anna@example.fi",
            "Re: Lumityöt",
            "vasteaika-ack.1@pihapalvelu.fi",
            extra="In-Reply-To: <a1@x>\nAuto-Submitted: auto-replied\nX-Vasteaika-Ack: 1\n",
        ),
        at(0.01),
    )
    run_check(config, src, store, at(1))
    [c] = convs(store, config)
    assert c["first_reply_at"] is None and c["status"] == "waiting"


def test_new_subject_after_an_answer_opens_a_new_conversation(config: Config, store: Store) -> None:
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    src.add(
        "Sent",
        mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r@p", extra="In-Reply-To: <a1@x>\n"),
        at(1),
    )
    src.add(
        "INBOX",
        mail("anna@example.fi", OWNER, "Re: Lumityöt", "a2@x", extra="In-Reply-To: <r@p>\n"),
        at(2),
    )
    src.add("INBOX", mail("anna@example.fi", OWNER, "Puiden kaato", "a3@x"), at(50))
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a4@x"), at(24 * 20))
    run_check(config, src, store, at(24 * 21))
    subjects = [(c["subject"], c["status"]) for c in convs(store, config)]
    # a2, the customer's mail after the answer, makes the first conversation wait again (turn 2)
    assert subjects == [
        ("Lumityöt", "waiting"),
        ("Puiden kaato", "waiting"),
        ("Lumityöt", "waiting"),
    ]


def test_more_mail_before_an_answer_stays_in_one_conversation(config: Config, store: Store) -> None:
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    src.add("INBOX", mail("anna@example.fi", OWNER, "Unohdin: myös katto", "a2@x"), at(5))
    run_check(config, src, store, at(6))
    assert len(convs(store, config)) == 1


def test_robots_lists_and_owner_mail_are_not_contacts(config: Config, store: Store) -> None:
    src = FakeSource()
    src.add(
        "INBOX",
        mail("uutiset@kauppa.example", OWNER, "Tarjouksia", "n@x", extra="List-Id: <u.kauppa>\n"),
        at(0),
    )
    src.add("INBOX", mail("laskutus@supplier.example", OWNER, "Lasku 123", "s@x"), at(0))
    src.add("INBOX", mail("noreply@posti.fi", OWNER, "Paketti", "np@x"), at(0))
    src.add("INBOX", mail(OWNER, OWNER, "Muistiinpano", "o@x"), at(0))
    src.add(
        "INBOX",
        mail(
            "bob@example.com",
            OWNER,
            "Automatic reply: hello",
            "oof@x",
            extra="Auto-Submitted: auto-replied\n",
        ),
        at(0),
    )
    run_check(config, src, store, at(1))
    assert convs(store, config) == []


def test_contact_form_opens_a_conversation_with_the_person(config: Config, store: Store) -> None:
    src = FakeSource()
    src.add(
        "INBOX",
        mail(
            "WordPress <wordpress@pihapalvelu.fi>",
            OWNER,
            "Yhteydenotto",
            "f@x",
            extra="Reply-To: Liisa Laine <liisa@example.fi>\n",
        ),
        at(0),
    )
    run_check(config, src, store, at(1))
    [c] = convs(store, config)
    assert c["customer_email"] == "liisa@example.fi" and c["via_form"] is True


def test_broken_message_is_a_problem_and_the_rest_syncs(config: Config, store: Store) -> None:
    src = FakeSource()
    src.add("INBOX", b"\x00\xff garbage without headers", at(0))
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(1))
    result = run_check(config, src, store, at(2))
    assert result.problems == 1 and len(convs(store, config)) == 1
    assert [(p["folder"], p["uid"]) for p in store.problems()] == [("INBOX", 1)]


def test_second_run_reads_nothing_and_costs_constant_commands(config: Config, store: Store) -> None:
    src = FakeSource()
    for i in range(30):
        src.add("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"), at(i))
    run_check(config, src, store, at(40))
    src.commands.clear()
    again = run_check(config, src, store, at(41))
    assert sum(again.folders.values()) == 0
    assert src.commands == ["LIST", "EXAMINE Sent", "EXAMINE INBOX"]
    assert len(convs(store, config)) == 30


def test_uidvalidity_change_duplicates_nothing(config: Config, store: Store) -> None:
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", None), at(1))  # synthetic id
    run_check(config, src, store, at(2))
    src.renumber("INBOX")
    src.add("INBOX", mail("ville@example.fi", OWNER, "Kattoremontti", "v@x"), at(3))
    run_check(config, src, store, at(4))
    assert store.count("SELECT count(*) FROM messages") == 3
    assert len(convs(store, config)) == 2


def test_new_uids_below_the_old_watermark_are_read_after_a_uidvalidity_change(
    config: Config, store: Store
) -> None:
    """Planted bug: the watermark kept across a UIDVALIDITY change. The server forgot its UIDs
    after most mail was deleted, so new mail gets UIDs below the old watermark: it must still
    be read, in this run and the next."""
    src = FakeSource()
    for i in range(6):
        src.add("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"), at(i))
    run_check(config, src, store, at(7))
    for uid in range(2, 7):
        del src.folders["INBOX"].messages[uid]
    src.renumber("INBOX", first_uid=1)
    assert src.add("INBOX", mail("ville@example.fi", OWNER, "Katto", "v@x"), at(8)) == 2
    second = run_check(config, src, store, at(9))
    assert second.folders["INBOX"] == 2 and second.new_conversations == 1
    assert src.add("INBOX", mail("liisa@example.fi", OWNER, "Aita", "l@x"), at(10)) == 3
    third = run_check(config, src, store, at(11))
    assert third.folders["INBOX"] == 1 and third.new_conversations == 1
    assert store.count("SELECT count(*) FROM messages") == 8
    assert {c["customer_email"] for c in convs(store, config)} >= {"ville@example.fi", "liisa@example.fi"}


def test_interrupted_run_resumes_without_loss_or_duplicates(config: Config, store: Store) -> None:
    src = FakeSource()
    for i in range(10):
        src.add("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"), at(i))
    src.fail_after = 4
    with pytest.raises(TemporaryError):
        run_check(config, src, store, at(20))
    assert store.count("SELECT count(*) FROM messages") == 4
    assert store.folder_state("INBOX").highest_uid == 4  # type: ignore[union-attr]
    src.fail_after = None
    run_check(config, src, store, at(21))
    assert store.count("SELECT count(*) FROM messages") == 10
    assert len(convs(store, config)) == 10


def test_a_deleted_newest_mail_does_not_look_new_forever(config: Config, store: Store) -> None:
    """Review finding: the watermark must pass UIDs that were expunged, or `watch` never idles."""
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    uid = src.add("INBOX", mail("spam@example.fi", OWNER, "Spam", "s@x"), at(1))
    del src.folders["INBOX"].messages[uid]  # deleted on the server before we read it
    run_check(config, src, store, at(2))
    assert store.folder_state("INBOX").highest_uid == uid  # type: ignore[union-attr]
    src.commands.clear()
    run_check(config, src, store, at(3))
    assert src.commands == ["LIST", "EXAMINE Sent", "EXAMINE INBOX"]


def _mailbox() -> FakeSource:
    src = FakeSource()
    src.add(
        "Sent",
        mail(OWNER, "c1@example.fi", "Re: Kysymys 1", "r1@p", extra="In-Reply-To: <q1@x>\n"),
        at(3),
    )
    for i in range(6):
        src.add("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"), at(i))
    src.add("INBOX", b"\x00 broken", at(7))
    src.add(
        "INBOX",
        mail("c1@example.fi", OWNER, "Re: Kysymys 1", "q1b@x", extra="In-Reply-To: <r1@p>\n"),
        at(8),
    )
    return src


def _ledger(store: Store, config: Config) -> list[dict[str, object]]:
    return convs(store, config)


@pytest.mark.parametrize("crash_at", range(9))
def test_interrupted_at_every_message_resumes_to_the_same_ledger(
    config: Config, tmp_path: Path, crash_at: int
) -> None:
    """The mbsync bar: break the sync after each message, resume, and end exactly where an
    uninterrupted sync ends; a further run changes nothing."""
    reference = open_database(tmp_path / "reference.db")
    run_check(config, _mailbox(), reference, at(20))
    expected = _ledger(reference, config)

    store = open_database(tmp_path / f"crash{crash_at}.db")
    src = _mailbox()
    src.fail_after = crash_at
    with pytest.raises(TemporaryError):
        run_check(config, src, store, at(20))
    src.fail_after = None
    run_check(config, src, store, at(21))
    assert _ledger(store, config) == expected
    messages = store.count("SELECT count(*) FROM messages")
    run_check(config, src, store, at(22))
    assert _ledger(store, config) == expected
    assert store.count("SELECT count(*) FROM messages") == messages == 8


def test_listing_by_run_since_and_ignore_shows_only_those_conversations(
    config: Config, store: Store
) -> None:
    """What `check --json` (this run's conversations), `conversations --since` and the ignore
    list show: each filter alone leaves out exactly the others, and they combine."""
    src = FakeSource()
    src.add("INBOX", mail("maija@example.fi", OWNER, "Nurmikko", "m1@x", _date(at(0))), at(0))
    first = run_check(config, src, store, at(0.5))
    for frm, msgid in (("pekka@example.fi", "p1@x"), ("liisa@firma.example", "s1@x")):
        src.add("INBOX", mail(frm, OWNER, "Lumityöt", msgid, _date(at(48))), at(48))
    second = run_check(config, src, store, at(48.5))
    hours = business_hours(config.hours)

    def shown(**filters: Any) -> list[str]:
        return [r.customer_email for r in conversation_records(store, hours, **filters)]

    assert shown() == ["maija@example.fi", "pekka@example.fi", "liisa@firma.example"]
    assert shown(run_id=first.run_id) == ["maija@example.fi"]
    assert shown(run_id=second.run_id) == ["pekka@example.fi", "liisa@firma.example"]
    assert shown(since=at(24)) == ["pekka@example.fi", "liisa@firma.example"]
    assert shown(since=at(0)) == shown()
    assert shown(ignore=("firma.example",)) == ["maija@example.fi", "pekka@example.fi"]
    assert shown(since=at(24), ignore=("firma.example",)) == ["pekka@example.fi"]


def _date(moment: datetime) -> str:
    return moment.strftime("%a, %d %b %Y %H:%M:%S %z")


def test_a_reply_without_references_to_the_customer_and_a_colleague_answers_it(
    config: Config, store: Store
) -> None:
    """A phone mail app's reply (no In-Reply-To) sent to the customer with a colleague copied:
    the same subject still makes it the answer (both addresses are looked up at once)."""
    src = FakeSource()
    src.add("INBOX", mail("maija@example.fi", OWNER, "Nurmikko", "m1@x", _date(at(0))), at(0))
    run_check(config, src, store, at(1))
    src.add("Sent", mail(OWNER, "maija@example.fi, anna@example.fi", "Re: Nurmikko", "r1@p",
                         _date(at(2))), at(2))  # fmt: skip
    result = run_check(config, src, store, at(3))
    [c] = convs(store, config)
    assert c["customer_email"] == "maija@example.fi" and c["status"] == "answered"
    assert c["first_reply_at"] == "2026-11-25T11:00:00+02:00" and result.new_replies == 1
