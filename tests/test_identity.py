"""A message's identity (issue 9): two mails sharing a Message-ID are two messages, the same mail
read again under new UIDs is one, and a link by Message-ID only counts for its own customer."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlite_utils import Database

from fakes import FakeSource, mail
from vasteaika.acks.outbox import acknowledge_new, draft_or_send
from vasteaika.cli import context
from vasteaika.cli import root as cli
from vasteaika.config import Config, config_from_dict
from vasteaika.ledger.check import run_check
from vasteaika.ledger.migrations import migrations
from vasteaika.ledger.records import business_hours, conversation_records
from vasteaika.ledger.store import Store, open_database
from vasteaika.mail.parse import content_fingerprint, parse
from vasteaika.models import RawMessage

OWNER = "ylermi@pihapalvelu.fi"
NOW = datetime.fromisoformat("2026-11-25T09:30:00+02:00")  # a Wednesday
SHARED = "1234@localhost"  # what a broken mailer gives every mail


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, EmailMessage]] = []

    def send(self, msg: EmailMessage, recipient: str) -> None:
        self.sent.append((recipient, msg))


def settings(tmp_path: Path) -> dict[str, dict[str, object]]:
    return {
        "account": {"maildir": str(tmp_path)},
        "owner": {"name": "Ylermi Yrittäjä", "addresses": [OWNER]},
        "smtp": {"host": "127.0.0.1", "security": "none"},
        "ack": {"signature": "Ylermi"},
        "storage": {"database": str(tmp_path / "v.db")},
    }


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return config_from_dict(settings(tmp_path), None)


@pytest.fixture
def store(config: Config) -> Store:
    return open_database(config.database)


def customer(frm: str, subject: str, minute: int, msgid: str = SHARED, extra: str = "") -> bytes:
    address = frm.split("<")[-1].rstrip(">")
    date = f"Wed, 25 Nov 2026 09:{minute:02d}:00 +0200"
    return mail(frm, OWNER, subject, msgid, date, extra=f"Return-Path: <{address}>\n" + extra)


def received(minute: int) -> datetime:
    return NOW.replace(minute=minute)


def two_customers_one_id(src: FakeSource) -> None:
    src.add("INBOX", customer("Anna Aalto <anna@example.fi>", "Lumityöt", 0), received(0))
    src.add("INBOX", customer("Bertil Berg <bertil@example.com>", "Kattoremontti", 5), received(5))


def waiting(store: Store, config: Config) -> list[str]:
    records = conversation_records(store, business_hours(config.hours), waiting_only=True)
    return [r.customer_email for r in records]


def cycle(config: Config, store: Store, src: FakeSource, rec: Recorder) -> list[str]:
    run_check(config, src, store, NOW)
    out = acknowledge_new(config, store, src, NOW, draft_or_send(rec, None, "send", False))
    assert out.error is None
    return [p.recipient for p in out.delivered]


def fingerprint(raw: bytes) -> str:
    return content_fingerprint(parse(RawMessage("INBOX", 1, NOW, raw)))


def test_fingerprint_tells_mails_apart_and_survives_transit() -> None:
    anna = customer("Anna Aalto <anna@example.fi>", "Lumityöt ja katto", 0)
    refolded = anna.replace(b"\xb6t ja katto", b"\xb6t ja\r\n  katto")
    relayed = b"Received: from mx by mx2; Wed, 25 Nov 2026\n" + refolded
    assert refolded != anna and fingerprint(relayed) == fingerprint(anna)
    bertil = customer("Bertil <bertil@example.com>", "Lumityöt ja katto", 0)
    later = customer("Anna Aalto <anna@example.fi>", "Lumityöt ja katto", 1)
    assert len({fingerprint(anna), fingerprint(bertil), fingerprint(later)}) == 3


def test_two_senders_one_message_id_are_two_contacts_both_acknowledged(
    config: Config, store: Store
) -> None:
    src, rec = FakeSource(), Recorder()
    two_customers_one_id(src)
    assert cycle(config, store, src, rec) == ["anna@example.fi", "bertil@example.com"]
    assert [r for r, _ in rec.sent] == ["anna@example.fi", "bertil@example.com"]
    assert waiting(store, config) == ["anna@example.fi", "bertil@example.com"]
    assert store.problems() == []
    assert cycle(config, store, src, rec) == [] and len(rec.sent) == 2  # nothing twice


def test_an_ack_seen_in_sent_counts_only_for_its_own_customer(config: Config, store: Store) -> None:
    """Anna's acknowledgment (read back from Sent) refers to the shared id; it is no
    acknowledgment of Bertil's mail that arrives later with the same id."""
    src, rec = FakeSource(), Recorder()
    src.add("INBOX", customer("Anna Aalto <anna@example.fi>", "Lumityöt", 0), received(0))
    assert cycle(config, store, src, rec) == ["anna@example.fi"]
    src.add("Sent", rec.sent[0][1].as_bytes(), received(1))  # the copy kept in Sent
    src.add("INBOX", customer("Bertil Berg <bertil@example.com>", "Kattoremontti", 5), received(5))
    assert cycle(config, store, src, rec) == ["bertil@example.com"]
    assert store.count("SELECT count(*) FROM messages WHERE kind = 'ack'") == 1


def test_the_owners_reply_to_one_customer_does_not_answer_the_other(
    config: Config, store: Store
) -> None:
    """Sent is read first, so the reply to Anna (In-Reply-To the shared id) is stored before
    Bertil's mail is threaded: it must not make Bertil's conversation answered."""
    src = FakeSource()
    two_customers_one_id(src)
    reply = mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r1@pihapalvelu.fi",
                 "Wed, 25 Nov 2026 09:20:00 +0200", extra=f"In-Reply-To: <{SHARED}>\n")  # fmt: skip
    src.add("Sent", reply, received(20))
    run_check(config, src, store, NOW)
    assert waiting(store, config) == ["bertil@example.com"]


def test_a_reply_read_later_goes_to_the_customer_it_was_sent_to(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    two_customers_one_id(src)
    run_check(config, src, store, NOW)
    reply = mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r1@pihapalvelu.fi",
                 "Wed, 25 Nov 2026 09:20:00 +0200", extra=f"In-Reply-To: <{SHARED}>\n")  # fmt: skip
    src.add("Sent", reply, received(20))
    run_check(config, src, store, NOW)
    assert waiting(store, config) == ["bertil@example.com"]


def test_a_mail_referring_to_its_own_id_is_still_a_new_contact(
    config: Config, store: Store
) -> None:
    src, rec = FakeSource(), Recorder()
    src.add("INBOX", customer("Anna Aalto <anna@example.fi>", "Lumityöt", 0), received(0))
    self_ref = customer("Bertil Berg <bertil@example.com>", "Katto", 5,
                        extra=f"References: <{SHARED}>\n")  # fmt: skip
    src.add("INBOX", self_ref, received(5))
    assert cycle(config, store, src, rec) == ["anna@example.fi", "bertil@example.com"]


def test_a_link_into_another_customers_thread_opens_their_own_unacknowledged_conversation(
    config: Config, store: Store
) -> None:
    src, rec = FakeSource(), Recorder()
    src.add("INBOX", customer("Anna Aalto <anna@example.fi>", "Lumityöt", 0, "a1@x"), received(0))
    other = customer("Bertil Berg <bertil@example.com>", "Re: Lumityöt", 5, "b1@x",
                     extra="In-Reply-To: <a1@x>\n")  # fmt: skip
    src.add("INBOX", other, received(5))
    assert cycle(config, store, src, rec) == ["anna@example.fi"]
    assert waiting(store, config) == ["anna@example.fi", "bertil@example.com"]
    [conv] = [c for c in store.conversations() if c["customer_email"] == "bertil@example.com"]
    assert conv["ack_status"] == "skipped" and "another customer" in conv["ack_reasons"]


def test_uidvalidity_change_with_new_uids_finds_each_message_once(
    config: Config, store: Store
) -> None:
    """mbsync's rule: after UIDVALIDITY changes, the re-read folder (new UIDs, other order) is
    matched by content; the two mails sharing an id stay two, an identical copy stays one, and
    each stored message moves to its new UID so it can still be fetched and acknowledged."""
    src, rec = FakeSource(), Recorder()
    two_customers_one_id(src)
    copy = customer("Cecilia <cecilia@example.fi>", "Puunkaato", 7, "c1@x")
    src.add("INBOX", copy, received(7))
    src.add("INBOX", copy, received(7))  # the same mail twice in one folder: one message
    src.add("INBOX", customer("Anna Aalto <anna@example.fi>", "Lumityöt", 8, None), received(8))
    src.add("Sent", mail(OWNER, "x@example.fi", "Hei", "s1@p"), received(1))
    run_check(config, src, store, NOW)
    before = store.count("SELECT count(*) FROM messages")
    assert before == 5 and len(store.conversations()) == 3
    old_uids = set(src.folders["INBOX"].messages)
    src.renumber("INBOX")
    src.renumber("Sent")
    assert not old_uids & set(src.folders["INBOX"].messages)
    result = run_check(config, src, store, NOW)
    assert result.folders == {"Sent": 1, "INBOX": 5} and result.new_conversations == 0
    assert store.count("SELECT count(*) FROM messages") == before
    inbox = src.folders["INBOX"]
    for row in store.db.query("SELECT * FROM messages WHERE folder = 'INBOX'"):
        assert row["uidvalidity"] == inbox.uidvalidity
        assert row["from_email"].encode() in inbox.messages[row["uid"]][1]
    assert cycle(config, store, src, rec) == [
        "anna@example.fi", "bertil@example.com", "cecilia@example.fi"
    ]  # fmt: skip


def test_check_json_lists_both_and_why_shows_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[account]\nmaildir = "{tmp_path}"\n[owner]\nname = "Ylermi"\naddresses = ["{OWNER}"]\n'
        f'[smtp]\nhost = "127.0.0.1"\nsecurity = "none"\n[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    src, rec = FakeSource(), Recorder()
    two_customers_one_id(src)
    monkeypatch.setattr(context, "open_source", lambda config: src)
    monkeypatch.setattr(context, "system_clock", lambda: NOW)
    monkeypatch.setattr(context, "ack_delivery", lambda config, source: rec.send)
    monkeypatch.setattr(context, "reminder_channels", lambda config: (None, None))
    assert cli.run(["--config", str(path), "check", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [a["recipient"] for a in out["acknowledgments"]] == [
        "anna@example.fi", "bertil@example.com"
    ]  # fmt: skip
    assert [w["customer_email"] for w in out["waiting"]] == [
        "anna@example.fi", "bertil@example.com"
    ]  # fmt: skip
    assert cli.run(["--config", str(path), "why", f"<{SHARED}>"]) == 0
    shown = capsys.readouterr().out
    assert "lähettäjä anna@example.fi" in shown and "lähettäjä bertil@example.com" in shown
    assert shown.count("avasi keskustelun") == 2


# --- migration from a database made before m008 --------------------------------------------


def legacy_database(path: Path) -> None:
    """A database as the version before m008 left it: Anna's mail read in UIDVALIDITY 7 and
    answered, Bertil's mail with the same id dropped by the old UNIQUE (folder, message_id),
    and a mail from Carl (deleted from the server since)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    db = Database(conn)
    later = [m.name for m in migrations.pending(db)]
    migrations.apply(db, stop_before=later[later.index("m006_promise_scan") + 1 :])
    at = int(received(0).timestamp())
    conn.executescript(
        f"""
        INSERT INTO folder_state VALUES ('INBOX', 7, 1, {at}), ('Sent', 7, 1, {at});
        INSERT INTO runs (started_at, finished_at) VALUES ({at}, {at});
        INSERT INTO messages (folder, uid, uidvalidity, message_id, kind, reasons, from_email,
            from_name, customer_email, customer_name, subject, base_subject, received_at, run_id)
        VALUES ('INBOX', 1, 7, '{SHARED}', 'customer', '[]', 'anna@example.fi', 'Anna Aalto',
                'anna@example.fi', 'Anna Aalto', 'Lumityöt', 'lumityöt', {at}, 1),
               ('Sent', 1, 7, 'r1@pihapalvelu.fi', 'owner', '[]', '{OWNER}', '', NULL, NULL,
                'Re: Lumityöt', 'lumityöt', {at + 600}, 1),
               ('INBOX', 2, 7, '5678@localhost', 'robot', '[]', 'carl@example.fi', '', NULL,
                NULL, 'Spam', 'spam', {at}, 1);
        INSERT INTO message_refs VALUES (2, '{SHARED}');
        INSERT INTO message_recipients VALUES (2, 'anna@example.fi');
        INSERT INTO conversations (customer_email, customer_name, subject, base_subject,
            first_contact_id, first_contact_message_id, first_contact_at, last_customer_at,
            first_reply_id, first_reply_at, run_id, ack_status)
        VALUES ('anna@example.fi', 'Anna Aalto', 'Lumityöt', 'lumityöt', 1, '{SHARED}', {at},
                {at}, 2, {at + 600}, 1, 'skipped');
        UPDATE messages SET conversation_id = 1 WHERE id < 3;
        INSERT INTO reminders (conversation_id, customer_email, customer_name, subject, due_at,
            source, created_at) VALUES (1, 'anna@example.fi', 'Anna Aalto', 'Lumityöt',
            {at + 86400}, 'ack', {at});
        """
    )
    conn.close()


def schema(conn: sqlite3.Connection, kind: str) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = ? AND sql IS NOT NULL", [kind])
    return {name for (name,) in rows}


def test_migration_keeps_every_row_index_trigger_and_reference(
    config: Config, tmp_path: Path
) -> None:
    path = config.database
    legacy_database(path)
    conn = sqlite3.connect(path)
    indexes_before, triggers_before = schema(conn, "index"), schema(conn, "trigger")
    tables = ("messages", "message_refs", "message_recipients", "conversations", "customers",
              "reminders", "folder_state", "runs")  # fmt: skip
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()

    store = open_database(path)
    conn = store.db.conn
    assert {t: store.count(f"SELECT count(*) FROM {t}") for t in tables} == counts
    replaced = indexes_before - {"messages_message_id"}  # messages_identity leads with it
    turns = {
        "conversations_waiting_since",
        "conversations_reply_to",
        "message_refs_message",
        "message_recipients_message",
        "conversation_events_conversation",
        "turns_answered",
        "turns_closed",
    }  # m010
    turns |= {"customers_domain", "turns_next"}  # m016
    turns |= {"messages_complaint", "messages_complaint_todo", "messages_phone"}  # m020
    assert schema(conn, "index") == replaced | {"messages_identity", "messages_legacy"} | turns
    rhythm = {"rhythm_stale_insert", "rhythm_stale_update", "rhythm_stale_delete"}  # m020
    assert schema(conn, "trigger") == triggers_before | rhythm and triggers_before
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [conv] = store.conversations()
    assert (conv["first_contact_id"], conv["first_reply_id"]) == (1, 2)
    customer = conn.execute("SELECT customer_key FROM customers WHERE id = ?", [conv["customer_id"]])
    assert customer.fetchone() == (conv["customer_email"],)  # m016: the customer is the person
    with pytest.raises(sqlite3.IntegrityError):  # references are enforced on the new table
        conn.execute("UPDATE conversations SET first_contact_id = 99")
    open_database(path)  # opening again migrates nothing and fails nothing


def test_after_migration_a_uidvalidity_change_finds_old_rows_and_the_lost_contact(
    config: Config,
) -> None:
    """The old rows have no fingerprint: after the server renumbers, Anna's mail is found by
    its id and sender (not counted again), and Bertil's mail, dropped before, now appears.
    Carl's old row, found nowhere in the re-read folder, never swallows his next mail."""
    legacy_database(config.database)
    store = open_database(config.database)
    src = FakeSource()
    src.folders["INBOX"].uidvalidity = src.folders["Sent"].uidvalidity = 8
    two_customers_one_id(src)
    src.add("Sent", mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r1@pihapalvelu.fi",
                         "Wed, 25 Nov 2026 09:10:00 +0200", extra=f"In-Reply-To: <{SHARED}>\n"),
            received(10))  # fmt: skip
    result = run_check(config, src, store, NOW)
    assert result.new_conversations == 1
    assert store.count("SELECT count(*) FROM messages") == 4
    assert store.count("SELECT count(*) FROM messages WHERE fingerprint IS NULL") == 0
    assert [c["customer_email"] for c in store.conversations()] == [
        "anna@example.fi", "bertil@example.com"
    ]  # fmt: skip
    assert waiting(store, config) == ["bertil@example.com"]
    again = run_check(config, src, store, NOW + timedelta(minutes=1))
    assert sum(again.folders.values()) == 0
    assert store.count("SELECT count(*) FROM messages") == 4
    src.add("INBOX", customer("Carl <carl@example.fi>", "Puunkaato", 9, "5678@localhost"),
            received(9))  # fmt: skip
    assert run_check(config, src, store, NOW).new_conversations == 1
