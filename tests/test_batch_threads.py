"""Threaded mail stored a batch at a time (ledger/batch_view.py) gives the ledger that storing
it one mail at a time through the store gives: the same rows, ids, conversations, answers and
turns, whatever the batch boundaries, in the cases that threading within a batch makes hard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from fakes import FakeSource
from ledger_fixture import ledger_rows, one_by_one
from test_guards import acking
from vasteaika.config import Config
from vasteaika.ledger import batches, check
from vasteaika.ledger.store import Store, open_database

OWNER = "ylermi@pihapalvelu.fi"
T0 = datetime.strptime("2026-11-02 08:00 +0200", "%Y-%m-%d %H:%M %z")  # a Monday
NOW = T0 + timedelta(days=20)


def mail(frm: str, to: str, subject: str, msgid: str | None, at: datetime, *,
         refs: str = "", extra: str = "") -> bytes:  # fmt: skip
    head = f"From: {frm}\nTo: {to}\nSubject: {subject}\nDate: {format_datetime(at)}\n"
    head += f"Message-ID: <{msgid}>\n" if msgid else ""
    head += f"In-Reply-To: <{refs}>\nReferences: <{refs}>\n" if refs else ""
    head += extra + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
    return (head + "\nHei,\nkiitos viestistä.\n").encode()


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


Scenario = list[tuple[str, bytes, datetime]]


def first_run() -> Scenario:
    """Mail whose threading within a batch depends on the mails before it in the batch."""
    c = "maija@example.fi"
    s: Scenario = [
        # A conversation the owner answers in the same batch, twice (two replies to one mail).
        ("INBOX", mail(f"Maija <{c}>", OWNER, "Lumityöt", "m1@x", at(1)), at(1)),
        ("INBOX", mail(OWNER, c, "Re: Lumityöt", "o1@p", at(2), refs="m1@x"), at(2)),
        ("INBOX", mail(OWNER, c, "Re: Lumityöt", "o2@p", at(3), refs="m1@x"), at(3)),
        # The customer's follow-up filed before the mail it answers (arrival order differs).
        ("INBOX", mail(f"Maija <{c}>", OWNER, "Re: Puunkaato", "m3@x", at(5), refs="m2@x"), at(5)),
        ("INBOX", mail(f"Maija <{c}>", OWNER, "Puunkaato", "m2@x", at(4.5)), at(5.5)),
        # The owner's reply before the customer mail it answers, in the same batch.
        ("INBOX", mail(OWNER, "pekka@firma.fi", "Re: Tarjous", "o3@p", at(6), refs="p1@x"), at(6)),
        ("INBOX", mail("Pekka <pekka@firma.fi>", OWNER, "Tarjous", "p1@x", at(5.9)), at(6.1)),
        # A colleague of the same company replies in Pekka's thread; then a stranger does.
        (
            "INBOX",
            mail("Liisa <liisa@firma.fi>", OWNER, "Re: Tarjous", "l1@x", at(7), refs="p1@x"),
            at(7),
        ),
        (
            "INBOX",
            mail("Olli <olli@gmail.com>", OWNER, "Re: Tarjous", "g1@x", at(7.5), refs="p1@x"),
            at(7.5),
        ),
        # No Message-ID (a synthetic id), and two customers' mails sharing one Message-ID.
        ("INBOX", mail("Anna <anna@example.fi>", OWNER, "Kysymys", None, at(8)), at(8)),
        ("INBOX", mail("Ville <ville@example.fi>", OWNER, "Aita", "same@x", at(9)), at(9)),
        ("INBOX", mail("Ritva <ritva@example.fi>", OWNER, "Aita", "same@x", at(9.1)), at(9.1)),
        # The same again, answered to the first: the conversation of the addressee wins.
        ("INBOX", mail("Jussi <jussi@example.fi>", OWNER, "Portti", "same2@x", at(9.2)), at(9.2)),
        ("INBOX", mail("Kaisa <kaisa@example.fi>", OWNER, "Portti", "same2@x", at(9.3)), at(9.3)),
        (
            "INBOX",
            mail(OWNER, "jussi@example.fi", "Re: Portti", "o11@p", at(9.4), refs="same2@x"),
            at(9.4),
        ),
        (
            "INBOX",
            mail(OWNER, "ritva@example.fi", "Re: Aita", "o4@p", at(10), refs="same@x"),
            at(10),
        ),
        # A Reply-To elsewhere, answered there without a reference (a phone's mail app).
        (
            "INBOX",
            mail(
                "Kalle <kalle@example.fi>",
                OWNER,
                "Katto",
                "k1@x",
                at(11),
                extra="Reply-To: kalle.koti@example.fi\n",
            ),
            at(11),
        ),
        ("INBOX", mail(OWNER, "kalle.koti@example.fi", "Re: Katto", "o5@p", at(12)), at(12)),
        ("INBOX", mail("Eero <eero@example.fi>", OWNER, "Kattoremontti", "e1@x", at(14)), at(14)),
        ("INBOX", mail("Veikko <veikko@example.fi>", OWNER, "Sauna", "v1@x", at(15)), at(15)),
        # Copied into the mailbox again later: it arrived, as the server says, at 17:00.
        ("INBOX", mail("Hanna <hanna@example.fi>", OWNER, "Laituri", "h1@x", at(16)), at(17)),
    ]
    # Sent: an answer by subject to Anna, one to Maija's follow-up, two to Veikko's mail (the
    # earlier one, filed later, is the answer).
    s += [
        (
            "Sent",
            mail(OWNER, "veikko@example.fi", "Re: Sauna", "s9@p", at(16), refs="v1@x"),
            at(16),
        ),
        (
            "Sent",
            mail(OWNER, "veikko@example.fi", "Re: Sauna", "s8@p", at(15.5), refs="v1@x"),
            at(16.5),
        ),
        ("Sent", mail(OWNER, "anna@example.fi", "Re: Kysymys", "s1@p", at(8.5)), at(8.5)),
        ("Sent", mail(OWNER, c, "Re: Puunkaato", "s2@p", at(13), refs="m3@x"), at(13)),
    ]
    return s


def second_run() -> Scenario:
    """New mail in both folders of a ledger that has conversations: the owner's mail threads
    at once, and reaches conversations made in earlier runs and earlier batches."""
    c = "maija@example.fi"
    s: Scenario = [
        ("Sent", mail(OWNER, "pekka@firma.fi", "Re: Tarjous", "s3@p", at(30), refs="p1@x"), at(30)),
        ("Sent", mail(OWNER, "anna@example.fi", "Uusi aihe", "s4@p", at(31)), at(31)),
        ("Sent", mail(OWNER, "nobody@example.fi", "Hei", "s5@p", at(31.5)), at(31.5)),
        ("Sent", mail(OWNER, "eero@example.fi", "Tarjous kattoon", "s6@p", at(31.7)), at(31.7)),
        # An answer by subject after the window: it answers nothing.
        ("Sent", mail(OWNER, "anna@example.fi", "Re: Kysymys", "s7@p", at(24 * 20)), at(24 * 20)),
        # Imported mail: an older follow-up read after its conversation's later mail.
        (
            "INBOX",
            mail(f"Maija <{c}>", OWNER, "Re: Puunkaato", "m8@x", at(5.2), refs="m2@x"),
            at(5.2),
        ),
        ("INBOX", mail(f"Maija <{c}>", OWNER, "Re: Lumityöt", "m4@x", at(32), refs="o2@p"), at(32)),
        ("INBOX", mail(f"Maija <{c}>", OWNER, "Pihatyöt", "m5@x", at(33)), at(33)),
        ("INBOX", mail(f"Maija <{c}>", OWNER, "Lisäys", "m6@x", at(33.5)), at(33.5)),
        ("INBOX", mail(OWNER, c, "Vastaus", "o6@p", at(34)), at(34)),  # two open: ambiguous
        # A mail that cannot be read, in the middle of a batch with threads.
        (
            "INBOX",
            mail(OWNER, c, "x", "broken@p", at(34.5)).replace(
                f"From: {OWNER}".encode(), b"X-From: ?"
            ),
            at(34.5),
        ),
        ("INBOX", mail(OWNER, c, "Re: Pihatyöt", "o7@p", at(35), refs="m5@x"), at(35)),
        (
            "INBOX",
            mail("Anna <anna@example.fi>", OWNER, "Re: Uusi aihe", "a2@x", at(36), refs="s4@p"),
            at(36),
        ),
        ("INBOX", mail(f"Maija <{c}>", OWNER, "Lumityöt", "m7@x", at(24 * 12)), at(24 * 12)),
        ("INBOX", mail(OWNER, c, "Re: Lumityöt", "o8@p", at(24 * 12 + 1)), at(24 * 12 + 1)),
    ]
    h = "hanna@example.fi"
    s += [
        # Hanna's follow-up to that mail and the owner's answer to it, both arrived before the
        # mail that opened her conversation: the answer can answer no turn of it.
        ("Sent", mail(OWNER, h, "Re: Laituri", "s11@p", at(16.6), refs="h2@x"), at(16.6)),
        ("INBOX", mail(f"Hanna <{h}>", OWNER, "Re: Laituri", "h2@x", at(16.5), refs="h1@x"),
         at(16.5)),
    ]  # fmt: skip
    t = "tuula@example.fi"
    s += [
        # Imported: an old mail opens a conversation with a higher id than later ones; the
        # latest conversation is the one that began last, not the one made last.
        ("INBOX", mail(f"Maija <{c}>", OWNER, "Vanha asia", "m9@x", at(4.2)), at(4.2)),
        ("INBOX", mail(f"Maija <{c}>", OWNER, "Kivityöt", "m10@x", at(40)), at(40)),
        # The owner's mail, filed late, from before the conversation began: it answers nothing.
        (
            "Sent",
            mail(OWNER, "pekka@firma.fi", "Re: Tarjous", "s10@p", at(5.95), refs="p1@x"),
            at(5.95),
        ),
        # Answered twice, the last answer long after: the conversation lives from that answer.
        ("INBOX", mail(f"Tuula <{t}>", OWNER, "Remontti", "t1@x", at(24 * 21)), at(24 * 21)),
        ("INBOX", mail(OWNER, t, "Re: Remontti", "o9@p", at(24 * 22), refs="t1@x"), at(24 * 22)),
        ("INBOX", mail(OWNER, t, "Re: Remontti", "o10@p", at(24 * 34), refs="t1@x"), at(24 * 34)),
        (
            "INBOX",
            mail(f"Tuula <{t}>", OWNER, "Re: Remontti", "t2@x", at(24 * 44), refs="t1@x"),
            at(24 * 44),
        ),
    ]
    return s


def _sync(config: Config, store: Store) -> list[tuple[int, int, int]]:
    """Both runs; each run's (new conversations, new replies, problems)."""
    src, seen = FakeSource(), []
    for scenario, now in ((first_run(), NOW), (second_run(), NOW + timedelta(days=30))):
        for folder, raw, when in scenario:
            src.add(folder, raw, when)
        done = check.run_check(config, src, store, now)
        seen.append((done.new_conversations, done.new_replies, done.problems))
    return seen


@pytest.mark.parametrize("size", [1, 2, 3, 5, 2000])
def test_threaded_mail_in_batches_gives_the_ledger_of_one_mail_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    config = acking(tmp_path)
    monkeypatch.setattr(batches.Batch, "COMMIT_EVERY", size)
    batched = open_database(tmp_path / "batched.db")
    counts = _sync(config, batched)

    with monkeypatch.context() as m:
        one_by_one(m)
        alone = open_database(tmp_path / "alone.db")
        assert _sync(config, alone) == counts

    assert ledger_rows(batched) == ledger_rows(alone)
    # The scenario reaches what it is about: answers by each rule, follow-ups, the broken mail.
    rules = {r[0] for r in batched.db.execute("SELECT answer_rule FROM messages")}
    assert {"reference", "subject", "reply-to", "new-subject"} <= rules
    assert any(r and r.startswith("ambiguous") for r in rules)
    assert counts[1][2] == 1  # the mail without a From, a problem in the second run
    # Hanna waits since her follow-up, which arrived before the mail that opened her
    # conversation; the owner's answer to it, sent before that mail, answers nothing.
    hanna = batched.db.execute(
        "SELECT t.since, t.answer_id, c.waiting_since FROM turns t JOIN conversations c"
        " ON c.id = t.conversation_id WHERE c.customer_email = 'hanna@example.fi'"
    ).fetchall()
    assert hanna == [(int(at(16.5).timestamp()), None, int(at(16.5).timestamp()))]


def test_a_batch_that_fails_stores_no_half_of_its_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while the batch's threads are written (here: the last insert) rolls the whole
    batch back and stores it message by message: nothing is written twice or half."""
    config = acking(tmp_path)
    monkeypatch.setattr(batches.Batch, "COMMIT_EVERY", 4)
    alone = open_database(tmp_path / "alone.db")
    with monkeypatch.context() as m:
        one_by_one(m)
        expected = _sync(config, alone)

    from vasteaika.ledger import batch_view

    real: Callable[..., None] = batch_view.write_states
    calls = {"n": 0}

    def failing(*args: Any) -> None:
        calls["n"] += 1
        real(*args)
        if calls["n"] == 2:
            raise ValueError("the second batch's turns cannot be written")

    monkeypatch.setattr(batch_view, "write_states", failing)
    batched = open_database(tmp_path / "batched.db")
    assert _sync(config, batched) == expected
    assert ledger_rows(batched) == ledger_rows(alone)
