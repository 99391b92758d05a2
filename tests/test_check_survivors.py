"""The check's promises that ledger.check's surviving mutants broke unseen (issue 19): which Sent
folder is read and what the owner is told when there is none, the progress shown, the
watermark an interrupted run keeps, the counts, and the way mail is stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

import pytest

from fakes import FakeSource, mail
from ledger_fixture import OWNER, at
from test_identity import NOW, legacy_database, two_customers_one_id, waiting
from vasteaika.config import Config
from vasteaika.errors import ConfigError, TemporaryError
from vasteaika.ledger import check
from vasteaika.ledger.batches import Batch
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store, epoch, open_database
from vasteaika.mail.source import SENT_FOLDER_NAMES
from vasteaika.models import RawMessage

OUT_OF_OFFICE = (
    "Hei,\n\nolen lomalla 7.12. asti enkä lue sähköpostiani. Kiireellisissä asioissa ota "
    "yhteyttä Mattiin, puh. 040 765 4321.\n\nTerveisin\nAntti Korpela\n"
)


def _contact_and_reply(src: FakeSource, sent: str) -> None:
    """A customer's mail in INBOX and the owner's answer to it in ``sent``."""
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    src.add(sent, mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r1@p",
                       extra="In-Reply-To: <a1@x>\n"), at(1))  # fmt: skip


def _answered(store: Store) -> list[tuple[str, bool]]:
    rows = store.db.execute("SELECT customer_email, first_reply_id FROM conversations")
    return [(email, reply is not None) for email, reply in rows]


@pytest.mark.parametrize("spelling", ["none", "None", "NONE"])
def test_sent_none_in_any_letter_case_reads_no_sent_folder(
    config: Config, store: Store, spelling: str
) -> None:
    src = FakeSource()
    _contact_and_reply(src, "Sent")
    result = run_check(replace(config, sent=spelling), src, store, at(2))
    assert result.sent_folder is None
    assert result.folders == {"INBOX": 1}
    assert "LIST" not in src.commands and "EXAMINE Sent" not in src.commands
    assert _answered(store) == [("anna@example.fi", False)]  # the reply was never read


def test_sent_auto_without_a_sent_folder_stops_and_says_what_to_set(
    config: Config, store: Store
) -> None:
    src = FakeSource(sent=None)
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    with pytest.raises(ConfigError) as raised:
        run_check(config, src, store, at(1))
    assert raised.value.message == (
        "no Sent folder found, so your replies could not be seen (looked for a folder marked"
        f" \\Sent and for the names {', '.join(SENT_FOLDER_NAMES)})"
    )
    assert raised.value.hint == (
        'set [folders] sent = "NAME" to its name, or [folders] sent = "none" if you keep no'
        " sent mail"
    )
    assert store.count("SELECT count(*) FROM messages") == 0


def test_sent_auto_reads_the_folder_found_and_names_it(config: Config, store: Store) -> None:
    src = FakeSource(sent="Lähetetyt")
    _contact_and_reply(src, "Lähetetyt")
    result = run_check(config, src, store, at(2))
    assert result.sent_folder == "Lähetetyt"
    assert result.folders == {"Lähetetyt": 1, "INBOX": 1}
    assert _answered(store) == [("anna@example.fi", True)]


def test_a_named_sent_folder_is_read_without_looking_for_one(config: Config, store: Store) -> None:
    src = FakeSource(sent="Lähetetyt")
    _contact_and_reply(src, "Lähetetyt")
    result = run_check(replace(config, sent="Lähetetyt"), src, store, at(2))
    assert result.sent_folder == "Lähetetyt"
    assert "LIST" not in src.commands
    assert _answered(store) == [("anna@example.fi", True)]


def test_progress_hears_each_folders_total_sent_first_and_each_mail(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    _contact_and_reply(src, "Sent")
    src.add("INBOX", mail("ville@example.fi", OWNER, "Kattoremontti", "v1@x"), at(1))
    totals: list[tuple[str, int]] = []
    steps: list[None] = []
    run_check(config, src, store, at(2), lambda folder, total: totals.append((folder, total)),
              lambda: steps.append(None))  # fmt: skip
    assert totals == [("Sent", 1), ("INBOX", 2)]
    assert len(steps) == 3


def test_an_interrupted_run_keeps_the_watermark_of_every_batch_stored(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches of two: the connection drops at the fifth mail, after two whole batches. The
    next run fetches only what was not stored, and counts every mail it read."""
    monkeypatch.setattr(Batch, "COMMIT_EVERY", 2)
    src = FakeSource()
    for i in range(5):
        src.add("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"), at(i))
    src.fail_after = 4
    with pytest.raises(TemporaryError):
        run_check(config, src, store, at(10))
    assert store.folder_state("INBOX").highest_uid == 4  # type: ignore[union-attr]
    src.fail_after = None
    for i in range(5, 7):
        src.add("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"), at(i + 5))
    again = run_check(config, src, store, at(20))
    assert again.folders == {"Sent": 0, "INBOX": 3}
    assert again.new_conversations == 3
    assert store.count("SELECT count(*) FROM conversations") == 7


@dataclass
class _Paths:
    """The subjects of the mails stored one by one through the store (``check._store``), and
    the UIDs of those stored again alone after their batch failed and rolled back
    (``check._ingest``)."""

    stored: list[str] = field(default_factory=list)
    redone: list[int] = field(default_factory=list)


@pytest.fixture
def paths(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Paths]:
    seen = _Paths()
    store_one, ingest_alone = check._store, check._ingest

    def storing(ctx: Any, mail: Any, result: Any) -> None:
        seen.stored.append(mail.msg.subject)
        store_one(ctx, mail, result)

    def redoing(ctx: Any, raw: RawMessage, uidvalidity: int, result: Any) -> None:
        seen.redone.append(raw.uid)
        ingest_alone(ctx, raw, uidvalidity, result)

    monkeypatch.setattr(check, "_store", storing)
    monkeypatch.setattr(check, "_ingest", redoing)
    yield seen


def test_new_mail_is_threaded_a_batch_at_a_time_and_mail_read_again_one_by_one(
    config: Config, store: Store, paths: _Paths
) -> None:
    """A first sync of 100,000 mails threads each batch in memory, several times faster than
    mail by mail; the owner's sent mail among them too. After a UIDVALIDITY change the mails
    are already stored: each is matched with its stored copy through the store. A batch where
    nothing fails is never rolled back to be stored again mail by mail."""
    src = FakeSource()
    _contact_and_reply(src, "Sent")
    src.add("Sent", mail(OWNER, "ville@example.fi", "Tarjous katosta", "r2@p"), at(1))
    run_check(config, src, store, at(2))
    assert paths == _Paths()
    src.add("INBOX", mail("ville@example.fi", OWNER, "Re: Tarjous katosta", "v1@x",
                          extra="In-Reply-To: <r2@p>\n"), at(3))  # fmt: skip
    run_check(config, src, store, at(4))
    assert paths == _Paths()
    before = store.count("SELECT count(*) FROM messages")
    src.renumber("INBOX")
    src.add("INBOX", mail("liisa@example.fi", OWNER, "Aita", "l1@x"), at(5))
    again = run_check(config, src, store, at(6))
    assert sorted(paths.stored) == ["Aita", "Lumityöt", "Re: Tarjous katosta"]
    assert paths.redone == []
    assert again.folders["INBOX"] == 3 and again.new_conversations == 1
    assert store.count("SELECT count(*) FROM messages") == before + 1


def test_a_new_mail_that_opens_like_an_out_of_office_stays_a_contact(
    config: Config, store: Store
) -> None:
    """Only a reply is read for an out-of-office opening: a new mail, whose subject has no
    "Re:" however many words it has, is a customer's."""
    src = FakeSource()
    src.add("INBOX", mail("antti@korpela.example", OWNER, "Pihan kivetys ensi kesänä", "k1@x",
                          body=OUT_OF_OFFICE), at(0))  # fmt: skip
    src.add("INBOX", mail("maija@example.fi", OWNER, "Re:  Pihan   kivetys", "k2@x",
                          body=OUT_OF_OFFICE), at(1))  # fmt: skip
    run_check(config, src, store, at(2))
    kinds = dict(store.db.execute("SELECT from_email, kind FROM messages").fetchall())
    assert kinds == {"antti@korpela.example": "customer", "maija@example.fi": "auto-reply"}
    assert [email for email, _ in _answered(store)] == ["antti@korpela.example"]


def test_a_re_read_of_old_rows_cut_short_still_finds_them_when_it_resumes(
    config: Config,
) -> None:
    """Rows from before fingerprints (m008) are matched by id and sender while the folder is
    read again after a UIDVALIDITY change; a run cut short there resumes without reading the
    folder anew, and its mails are still matched, one by one, not stored twice."""
    config.database.parent.mkdir(mode=0o700)
    legacy_database(config.database)
    store = open_database(config.database)
    src = FakeSource()
    src.folders["INBOX"].uidvalidity = src.folders["Sent"].uidvalidity = 8
    two_customers_one_id(src)
    src.fail_after = 0
    with pytest.raises(TemporaryError):
        run_check(config, src, store, NOW)
    src.fail_after = None
    result = run_check(config, src, store, NOW + timedelta(minutes=1))
    assert result.folders == {"Sent": 0, "INBOX": 2}
    assert store.count("SELECT count(*) FROM messages WHERE from_email = 'anna@example.fi'") == 1
    assert store.count("SELECT count(*) FROM messages WHERE fingerprint IS NULL") == 0
    assert waiting(store, config) == ["bertil@example.com"]


def test_each_mail_the_server_did_not_return_is_a_problem_until_it_is_read(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    for i in range(3):
        src.add("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"), at(i))
    src.unanswered = {1, 2}
    first = run_check(config, src, store, at(5))
    assert first.problems == 2 and first.folders["INBOX"] == 1
    assert [(p["uid"], p["step"]) for p in store.problems()] == [(1, "fetch"), (2, "fetch")]
    src.unanswered = set()
    second = run_check(config, src, store, at(6))
    assert second.problems == 0 and second.new_conversations == 2
    assert store.problems() == []


def test_old_rows_stay_findable_until_the_folder_was_read_to_its_end(config: Config) -> None:
    """Anna's mail is listed but not returned while the folder is read again after a
    UIDVALIDITY change: her row from before fingerprints (m008) must still be found when the
    next run reads her mail, not taken for mail deleted since."""
    config.database.parent.mkdir(mode=0o700)
    legacy_database(config.database)
    store = open_database(config.database)
    src = FakeSource()
    src.folders["INBOX"].uidvalidity = src.folders["Sent"].uidvalidity = 8
    two_customers_one_id(src)
    src.unanswered = {1}
    assert run_check(config, src, store, NOW).problems == 1
    src.unanswered = set()
    again = run_check(config, src, store, NOW + timedelta(minutes=1))
    assert again.new_conversations == 0
    assert store.count("SELECT count(*) FROM messages WHERE from_email = 'anna@example.fi'") == 1
    assert waiting(store, config) == ["bertil@example.com"]


def test_a_run_cut_short_keeps_the_watermark_of_the_run_before(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    for i in range(2):
        src.add("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"), at(i))
    run_check(config, src, store, at(3))
    for i in range(2, 5):
        src.add("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"), at(i + 2))
    src.fail_after = 2
    with pytest.raises(TemporaryError):
        run_check(config, src, store, at(8))
    assert store.folder_state("INBOX").highest_uid == 2  # type: ignore[union-attr]
    src.fail_after = None
    assert run_check(config, src, store, at(9)).folders["INBOX"] == 3


def test_a_mail_from_more_than_an_hour_ahead_arrived_when_it_was_read(
    config: Config, store: Store
) -> None:
    """A server's clock an hour ahead is within the slack, and its time is kept; a mail from
    further ahead cannot have arrived after it was read, so no waiting time is negative."""
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(3))
    src.add("INBOX", mail("ville@example.fi", OWNER, "Katto", "v1@x"), at(3) + timedelta(seconds=1))
    run_check(config, src, store, at(2))
    rows = store.db.execute("SELECT from_email, received_at, arrival_source FROM messages")
    arrived = {email: (when, source) for email, when, source in rows}
    assert arrived["anna@example.fi"][0] == epoch(at(3))
    assert arrived["anna@example.fi"][1] != "future"
    assert arrived["ville@example.fi"] == (epoch(at(2)), "future")


def test_only_a_customers_reply_is_read_for_an_out_of_office_opening(
    config: Config, store: Store
) -> None:
    """References alone makes a mail a reply; a reply whose text is a person's stays the
    customer's; the owner's own reply saying they are away still answers."""
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    src.add("INBOX", mail(OWNER, "anna@example.fi", "Re: Lumityöt", "o1@p",
                          extra="In-Reply-To: <a1@x>\n", body=OUT_OF_OFFICE), at(1))  # fmt: skip
    src.add("INBOX", mail("anna@example.fi", OWNER, "Re: Lumityöt", "a2@x",
                          extra="In-Reply-To: <o1@p>\n"), at(2))  # fmt: skip
    src.add("INBOX", mail("antti@korpela.example", OWNER, "Tarjous", "k1@x",
                          extra="References: <t1@p>\n", body=OUT_OF_OFFICE), at(3))  # fmt: skip
    run_check(config, src, store, at(4))
    kinds = [k for (k,) in store.db.execute("SELECT kind FROM messages ORDER BY received_at")]
    assert kinds == ["customer", "owner", "customer", "auto-reply"]
    assert _answered(store) == [("anna@example.fi", True)]


def test_each_reason_of_a_classification_is_stored_as_a_json_list(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    src.add("Sent", mail(OWNER, "anna@example.fi", "Out of Office: Lumityöt", "v1@p"), at(0))
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(1))
    run_check(config, src, store, at(2))
    reasons = {k: json.loads(r) for k, r in store.db.execute("SELECT kind, reasons FROM messages")}
    assert all(isinstance(r, str) for texts in reasons.values() for r in texts)
    [vacation] = [texts for kind, texts in reasons.items() if kind != "customer"]
    assert vacation[0] == "sent by the owner, but not written by a human" and len(vacation) >= 2


FORM = "Nimi\nSari Nieminen\n\nSähköposti\nsari.nieminen@outlook.com\n\nViesti\nPensasaidan leikkaus?\n"
OWN_NOTE = "Muista soittaa Sarille huomenna klo 10.\n\nTerveisin\nYlermi\nPuh: 040 123 4567\n"


def _from_own_address(src: FakeSource, msgid: str, body: str, hour: float) -> None:
    """A website form's mail sent From the owner's own address, Reply-To the person."""
    src.add("INBOX", mail(f"Pihapalvelu Ylermi <{OWNER}>", OWNER, "New Entry: Yhteydenottolomake",
                          msgid, extra="Reply-To: Sari Nieminen <sari.nieminen@outlook.com>\n",
                          body=body), at(hour))  # fmt: skip


class _BodiesLost(FakeSource):
    """A server that lists the mail but returns no body when it is read."""

    def fetch_text(self, folder: str, uid: int) -> bytes | None:
        return None


def test_mail_from_the_owners_address_is_a_lead_only_when_its_text_is_a_forms(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    _from_own_address(src, "f1@x", FORM, 0)
    _from_own_address(src, "n1@x", OWN_NOTE, 1)
    run_check(config, src, store, at(2))
    rows = store.db.execute("SELECT message_id, kind, reasons FROM messages ORDER BY received_at")
    [(_, form_kind, _), (_, note_kind, note_reasons)] = rows.fetchall()
    assert form_kind == "customer"
    assert _answered(store) == [("sari.nieminen@outlook.com", False)]
    assert (note_kind, json.loads(note_reasons)) == (
        "owner",
        [f"From: {OWNER} is an owner address; {check.OWN_MAIL_NO_FORM}"],
    )
    lost = _BodiesLost()
    lost.folders["INBOX"] = src.folders["INBOX"]  # the same mailbox, its bodies gone
    _from_own_address(lost, "f2@x", FORM, 3)
    run_check(config, lost, store, at(4))
    assert store.one("SELECT kind FROM messages WHERE message_id = 'f2@x'") == ("owner",)


def test_a_form_relayed_by_a_listed_form_sender_is_the_persons_contact(
    config: Config, store: Store
) -> None:
    """A form relay the owner listed in ``[ack] form_senders`` mails From its own address with
    the person in Reply-To: the person is the customer who waits, not the relay."""
    relay = "lomake@lomakepalvelu.example"
    listed = replace(config, ack=replace(config.ack, form_senders=(relay,)))
    src = FakeSource()
    src.add("INBOX", mail(relay, OWNER, "Yhteydenotto", "f1@x",
                          extra="Reply-To: Sari Nieminen <sari.nieminen@outlook.com>\n"), at(0))  # fmt: skip
    run_check(listed, src, store, at(1))
    assert _answered(store) == [("sari.nieminen@outlook.com", False)]


def test_our_acknowledgment_and_a_vacation_reply_in_sent_answer_nothing(
    config: Config, store: Store
) -> None:
    """Our own acknowledgment and the owner's vacation reply reach Sent after the customer's
    mail is in the ledger; neither is the owner's answer: the customer still waits, and why
    does not call either an answer to the conversation."""
    src = FakeSource()
    src.add("INBOX", mail("anna@example.fi", OWNER, "Lumityöt", "a1@x"), at(0))
    run_check(config, src, store, at(1))
    src.add("Sent", mail(OWNER, "anna@example.fi", "Re: Lumityöt", "vasteaika-ack.1@p",
                         extra="In-Reply-To: <a1@x>\nX-Vasteaika-Ack: 1\n"), at(1.5))  # fmt: skip
    src.add("Sent", mail(OWNER, "anna@example.fi", "Automaattinen vastaus: Lumityöt", "v1@p",
                         extra="In-Reply-To: <a1@x>\nAuto-Submitted: auto-replied\n"), at(1.6))  # fmt: skip
    run_check(config, src, store, at(2))
    rows = store.db.execute(
        "SELECT message_id, kind, conversation_id, answer_rule FROM messages"
        " WHERE folder = 'Sent' ORDER BY received_at"
    )
    assert [tuple(r) for r in rows] == [
        ("vasteaika-ack.1@p", "ack", None, None),
        ("v1@p", "auto-reply", None, None),
    ]
    assert _answered(store) == [("anna@example.fi", False)]
