"""A batched sync (``batch_view``: a batch threaded in memory on what ``batch_reach`` loads of
the ledger) writes the ledger that storing the same mail one message at a time through the store
writes, table by table: on generated mailboxes synced over several runs in batches of several
sizes, and on the edges the generator may miss (an owner's mail in the same second as the
customer's). And it does so without falling back: a batch is stored message by message only
when one of its mails fails, so a batched sync that fell back whenever its view went wrong would
give the right ledger by the slow way and hide the fault (issue 19)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from fakes import FakeSource, mail
from ledger_fixture import OWNER, T0, ledger_config, ledger_rows, one_by_one
from vasteaika.config import Config
from vasteaika.ledger import batches, check
from vasteaika.ledger.store import Store, epoch, open_database

Filed = tuple[str, bytes, datetime]  # folder, the mail, its arrival
DAY = 24 * 3600
CUSTOMERS = ("anna@example.fi", "pekka@firma.fi", "liisa@firma.fi", "olli@gmail.com",
             "kalle@example.fi", "kalle.koti@example.fi")  # fmt: skip
# Kalle's work mail asks for answers at home, where he also writes from.
REPLY_TO = {"kalle@example.fi": "kalle.koti@example.fi"}
SUBJECTS = ("Lumityöt", "Tarjous", "Katto", "Aita")


@dataclass
class Thread:
    customer: str
    subject: str
    ids: list[str] = field(default_factory=list)  # its mails' Message-IDs, oldest first


@dataclass
class Story:
    """A generated mailbox, told mail by mail: customers write and follow up, the owner answers
    by reference, from a phone (no reference: by subject, or to a Reply-To), under a new subject,
    or writes to someone who is no customer; mails share a second, a Message-ID, or have none;
    some are filed late, some arrive after a silence longer than a conversation lives."""

    rng: random.Random
    clock: float = 0.0
    threads: list[Thread] = field(default_factory=list)
    filed: list[Filed] = field(default_factory=list)
    serial: int = 0

    def _id(self, side: str) -> str:
        self.serial += 1
        return f"{side}{self.serial}@{'p' if side == 'o' else 'x'}"

    def _file(self, folder: str, raw: bytes, late: float = 0.0) -> None:
        self.filed.append((folder, raw, T0 + timedelta(seconds=self.clock + late)))

    def _mail(self, frm: str, to: str, subject: str, msgid: str | None, refs: str = "",
              extra: str = "") -> bytes:  # fmt: skip
        head = f"In-Reply-To: <{refs}>\nReferences: <{refs}>\n" if refs else ""
        date = format_datetime(T0 + timedelta(seconds=self.clock))
        return mail(frm, to, subject, msgid, date, extra=head + extra)

    def step(self) -> None:
        rng = self.rng
        self.clock += rng.choices(
            (0, 1, 60, 600, 3600, 5 * 3600, DAY, 3 * DAY, 16 * DAY),
            weights=(3, 1, 2, 2, 3, 2, 2, 1, 1),
        )[0]
        act = rng.choices(
            ("new", "follow", "answer", "phone", "fresh", "other", "same second"),
            weights=(5, 3, 4, 2, 1, 1, 1),
        )[0]
        if act in ("new", "same second") or not self.threads:
            self._new()
            if act == "same second":
                self._phone(self.threads[-1])
            return
        thread = rng.choice(self.threads)
        {"follow": self._follow, "answer": self._answer, "phone": self._phone,
         "fresh": self._fresh, "other": self._other}[act](thread)  # fmt: skip

    def _new(self) -> None:
        rng = self.rng
        customer, subject = rng.choice(CUSTOMERS), rng.choice(SUBJECTS)
        msgid: str | None = self._id("c")
        if rng.random() < 0.1:
            msgid = None  # no Message-ID: the ledger makes one up
        elif rng.random() < 0.1 and any(t.ids for t in self.threads):
            msgid = rng.choice([t for t in self.threads if t.ids]).ids[0]  # a broken mailer
        extra = f"Reply-To: {REPLY_TO[customer]}\n" if customer in REPLY_TO else ""
        self.threads.append(Thread(customer, subject, [msgid] if msgid else []))
        raw = self._mail(f"Asiakas <{customer}>", OWNER, subject, msgid, extra=extra)
        self._file("INBOX", raw, late=rng.choice((0, 0, 0, 30, 7200)))

    def _follow(self, thread: Thread) -> None:
        msgid = self._id("c")
        refs = self.rng.choice(thread.ids) if thread.ids else ""
        raw = self._mail(thread.customer, OWNER, f"Re: {thread.subject}", msgid, refs)
        thread.ids.append(msgid)
        self._file("INBOX", raw)

    def _answer(self, thread: Thread) -> None:
        msgid = self._id("o")
        refs = thread.ids[-1] if thread.ids else ""
        raw = self._mail(OWNER, thread.customer, f"Re: {thread.subject}", msgid, refs)
        thread.ids.append(msgid)
        # Mostly in Sent; a copy to the owner's own INBOX is the owner's too.
        self._file(self.rng.choice(("Sent", "Sent", "INBOX")), raw, late=self.rng.choice((0, 900)))

    def _phone(self, thread: Thread) -> None:
        to = REPLY_TO.get(thread.customer, thread.customer)
        self._file("Sent", self._mail(OWNER, to, f"Re: {thread.subject}", self._id("o")))

    def _fresh(self, thread: Thread) -> None:
        subject = f"Tarjous {self.serial}"
        to = self.rng.choice((thread.customer, REPLY_TO.get(thread.customer, thread.customer)))
        self._file("Sent", self._mail(OWNER, to, subject, self._id("o")))

    def _other(self, thread: Thread) -> None:
        raw = self._mail(OWNER, "myynti@tukku.example", f"Re: {thread.subject}", self._id("o"))
        self._file("Sent", raw)


def generated(seed: int, mails: int = 45, runs: int = 3) -> list[list[Filed]]:
    """The mails of each run, in the order the server numbered them (not always arrival)."""
    story = Story(random.Random(seed))
    while len(story.filed) < mails:
        story.step()
    cut = sorted(story.rng.sample(range(1, len(story.filed)), runs - 1))
    parts = [story.filed[a:b] for a, b in zip([0, *cut], [*cut, len(story.filed)], strict=True)]
    for part in parts:  # a few mails numbered before one that arrived earlier
        for _ in range(len(part) // 5):
            i = story.rng.randrange(len(part))
            j = min(i + story.rng.randrange(1, 4), len(part) - 1)
            part[i], part[j] = part[j], part[i]
    return parts


@dataclass
class Fallbacks:
    """How many batches were stored message by message after failing whole."""

    count: int = 0


@pytest.fixture
def fallbacks(monkeypatch: pytest.MonkeyPatch) -> Fallbacks:
    seen = Fallbacks()
    real = check._ChunkIngest.one_by_one

    def counted(self: check._ChunkIngest) -> Iterator[None]:
        seen.count += 1
        return real(self)  # type: ignore[return-value]

    monkeypatch.setattr(check._ChunkIngest, "one_by_one", counted)
    return seen


@dataclass(frozen=True)
class Decision:
    """The owner's call, close or reopen of the customer's latest conversation, between runs."""

    customer: str
    event: str
    hour: float

    def apply(self, store: Store) -> None:
        conv = store.one(
            "SELECT id FROM conversations WHERE customer_email = ? ORDER BY id DESC", self.customer
        )
        store.add_event(conv[0], self.event, epoch(T0 + timedelta(hours=self.hour)))


@dataclass(frozen=True)
class OlderAnswer:
    """The customer's latest conversation as an older ledger left it: answered at ``hour``
    with no answering mail on record (a first reply known only by its time), derived again."""

    customer: str
    hour: float

    def apply(self, store: Store) -> None:
        conv = store.one(
            "SELECT id FROM conversations WHERE customer_email = ? ORDER BY id DESC", self.customer
        )
        at = epoch(T0 + timedelta(hours=self.hour))
        store.db.execute(
            "UPDATE conversations SET first_reply_at = ?, first_reply_id = NULL,"
            " reply_channel = NULL WHERE id = ?",
            [at, conv[0]],
        )
        store.derive_turns(conv[0])


Run = list[Filed] | Decision | OlderAnswer


def sync(config: Config, store: Store, runs: list[Run]) -> list[tuple[int, int, int]]:
    """Each run: its mails added, then a check an hour after the last arrived (or the owner's
    decision made). Each run's (new conversations, new replies, problems)."""
    src, told = FakeSource(), []
    for filed in runs:
        if not isinstance(filed, list):
            filed.apply(store)
            continue
        for folder, raw, arrival in filed:
            src.add(folder, raw, arrival)
        now = max(arrival for _, _, arrival in filed) + timedelta(hours=1)
        done = check.run_check(config, src, store, now)
        told.append((done.new_conversations, done.new_replies, done.problems))
    return told


def both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fallbacks: Fallbacks, runs: list[Run]
) -> tuple[dict[str, list[tuple[Any, ...]]], dict[str, list[tuple[Any, ...]]]]:
    """The ledgers of the batched sync (asserted to fall back never) and of one by one."""
    config = ledger_config(tmp_path)
    batched = open_database(tmp_path / "batched.db")
    counts = sync(config, batched, runs)
    assert fallbacks.count == 0, "a batch with no failing mail was stored message by message"
    with monkeypatch.context() as m:
        one_by_one(m)
        alone = open_database(tmp_path / "alone.db")
        assert sync(config, alone, runs) == counts
    return ledger_rows(batched), ledger_rows(alone)


SEEDS = range(8)


@pytest.mark.parametrize("size", [3, 8, 2000])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_generated_mailbox_synced_in_batches_gives_the_ledger_of_one_mail_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fallbacks: Fallbacks, seed: int, size: int
) -> None:
    monkeypatch.setattr(batches.Batch, "COMMIT_EVERY", size)
    batched, alone = both_ways(tmp_path, monkeypatch, fallbacks, generated(seed))
    assert batched.keys() == alone.keys()
    for table in alone:
        assert batched[table] == alone[table], table


def test_the_generated_mailboxes_reach_every_way_of_threading(tmp_path: Path) -> None:
    """The generator is worth its comparison: over the seeds, the owner's mail answers by each
    rule, some answers none, conversations are followed up and begin again after a silence."""
    rules: set[str] = set()
    later_turns = conversations_again = 0
    for seed in SEEDS:
        store = open_database(tmp_path / f"{seed}.db")
        sync(ledger_config(tmp_path), store, generated(seed))
        rules |= {r[0] for r in store.db.execute("SELECT answer_rule FROM messages") if r[0]}
        later_turns += store.count("SELECT count(*) FROM turns WHERE seq > 1")
        conversations_again += store.count(
            "SELECT count(*) FROM conversations c WHERE EXISTS (SELECT 1 FROM conversations o"
            " WHERE o.customer_email = c.customer_email AND o.base_subject = c.base_subject"
            " AND o.id != c.id)"
        )
    assert {"reference", "subject", "reply-to", "new-subject"} <= rules
    assert any(r.startswith("ambiguous") for r in rules)
    assert later_turns > 0 and conversations_again > 0


def owner_in_the_same_second(split: bool) -> list[list[Filed]]:
    """Anna writes; the owner's phone reply is stamped the same second (a reply typed while the
    mail arrived, or server times cut to the second); in one batch, or the reply a run apart."""
    when = T0 + timedelta(hours=1)
    customer = ("INBOX", mail("Anna <anna@example.fi>", OWNER, "Lumityöt", "a1@x"), when)
    reply = ("Sent", mail(OWNER, "anna@example.fi", "Re: Lumityöt", "o1@p"), when)
    referenced = (
        "Sent",
        mail(OWNER, "pekka@firma.fi", "Re: Tarjous", "o2@p", extra="In-Reply-To: <p1@x>\n"),
        when + timedelta(hours=1),
    )
    pekka = ("INBOX", mail("pekka@firma.fi", OWNER, "Tarjous", "p1@x"), when + timedelta(hours=1))
    if split:
        return [[customer, pekka], [reply, referenced]]
    return [[customer, reply, pekka, referenced]]


@pytest.mark.parametrize("split", [False, True], ids=["one batch", "a run apart"])
def test_an_owner_mail_in_the_same_second_as_the_customer_s_answers_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fallbacks: Fallbacks, split: bool
) -> None:
    batched, alone = both_ways(tmp_path, monkeypatch, fallbacks, owner_in_the_same_second(split))
    assert batched == alone
    store = open_database(tmp_path / "batched.db")
    answered = store.db.execute(
        "SELECT c.customer_email, c.first_reply_at - c.first_contact_at, c.waiting_since,"
        " m.answer_rule FROM conversations c JOIN messages m ON m.id = c.first_reply_id"
        " ORDER BY c.id"
    ).fetchall()
    assert answered == [
        ("anna@example.fi", 0, None, "subject"),
        ("pekka@firma.fi", 0, None, "reference"),
    ]


def _filed(folder: str, frm: str, to: str, subject: str, msgid: str, hour: float,
           extra: str = "") -> Filed:  # fmt: skip
    return (folder, mail(frm, to, subject, msgid, extra=extra), T0 + timedelta(hours=hour))


ANNA, RITVA, KALLE = "anna@example.fi", "ritva@example.fi", "kalle@example.fi"
PEKKA, LIISA = "pekka@firma.fi", "liisa@firma.fi"
OLLI, EERO = "olli@gmail.com", "eero@example.fi"
HOME = REPLY_TO[KALLE]
IN_REPLY = "In-Reply-To: <{}>\n"

# Mail the generator seldom lines up: the owner's answer found while its batch is threaded, not
# only by the late links at the end of the run, because the customer's next mail in that run,
# under a new subject, opens a new conversation only after an answer (joins.thread_customer).
EDGES: dict[str, list[Run]] = {
    "a phone's answer a run later, then a new subject": [
        [_filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0)],
        [_filed("Sent", OWNER, ANNA, "Re: Lumityöt", "o1@p", 1),
         _filed("INBOX", ANNA, OWNER, "Kattoremontti", "a2@x", 2)],
    ],
    "an answer at the Reply-To a run later, then a new subject": [
        [_filed("INBOX", KALLE, OWNER, "Katto", "k1@x", 0, f"Reply-To: {HOME}\n")],
        [_filed("Sent", OWNER, HOME, "Re: Katto", "o1@p", 1),
         _filed("INBOX", KALLE, OWNER, "Aita", "k2@x", 2)],
    ],
    "an answer under a new subject a run later, then a new subject": [
        [_filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0)],
        [_filed("Sent", OWNER, ANNA, "Tarjous", "o1@p", 1),
         _filed("INBOX", ANNA, OWNER, "Kattoremontti", "a2@x", 2)],
    ],
    "an answer by reference a run later, then a new subject": [
        [_filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0)],
        [_filed("Sent", OWNER, ANNA, "Re: Lumityöt", "o1@p", 1, IN_REPLY.format("a1@x")),
         _filed("INBOX", ANNA, OWNER, "Kattoremontti", "a2@x", 2)],
    ],
    "the owner's copy in INBOX in the customer's second, then a new subject": [
        [_filed("INBOX", OWNER, ANNA, "Re: Lumityöt", "o1@p", 1),
         _filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 1),
         _filed("INBOX", ANNA, OWNER, "Kattoremontti", "a2@x", 2)],
    ],
    "the owner's copy in INBOX after the customer's mail of the same second": [
        [_filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 1),
         _filed("INBOX", OWNER, ANNA, "Re: Lumityöt", "o1@p", 1),
         _filed("INBOX", ANNA, OWNER, "Kattoremontti", "a2@x", 2)],
    ],
    # The answer comes the last second a conversation lives (new_conversation_after_days):
    # it keeps the conversation alive, so her next mail an hour later is its second turn.
    "a phone's answer at the end of the window, then the same subject": [
        [_filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0)],
        [_filed("Sent", OWNER, ANNA, "Re: Lumityöt", "o1@p", 14 * 24),
         _filed("INBOX", ANNA, OWNER, "Re: Lumityöt", "a2@x", 14 * 24 + 1)],
    ],
    "the owner's fresh mail in the customer's second, then a new subject": [
        [_filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 1),
         _filed("INBOX", OWNER, ANNA, "Tarjous", "o1@p", 1),
         _filed("INBOX", ANNA, OWNER, "Kattoremontti", "a2@x", 2)],
    ],
    # A fresh mail in the second the turn was answered, closed or called about answers nothing.
    "a fresh mail in the second of an answer, a close, a call": [
        [_filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0),
         _filed("INBOX", PEKKA, OWNER, "Tarjous", "p1@x", 0),
         _filed("INBOX", RITVA, OWNER, "Aita", "r1@x", 0)],
        Decision(PEKKA, "close", 1),
        Decision(RITVA, "call", 1),
        [_filed("Sent", OWNER, ANNA, "Re: Lumityöt", "o1@p", 1, IN_REPLY.format("a1@x")),
         _filed("Sent", OWNER, ANNA, "Tarjous", "o2@p", 1),
         _filed("Sent", OWNER, PEKKA, "Uusi tarjous", "o3@p", 1),
         _filed("Sent", OWNER, RITVA, "Kiitos soitosta", "o4@p", 1)],
    ],
    # Sent is read first: both answers are stored before the mail they answer; the earlier wins.
    "two answers by reference read before the mail they answer": [
        [_filed("Sent", OWNER, ANNA, "Re: Lumityöt", "o1@p", 2, IN_REPLY.format("a1@x"))],
        [_filed("Sent", OWNER, ANNA, "Re: Lumityöt", "o2@p", 1.5, IN_REPLY.format("a1@x")),
         _filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 1)],
    ],
    # Answers stored a run before the mails they answer (filed late): the earliest answers,
    # by subject or by reference, ties to the one stored first; Olli's by subject is the
    # owner's copy in INBOX, stored after Sent.
    "answers by reference and by subject stored a run before the mail": [
        [_filed("Sent", OWNER, OLLI, "Re: Katto", "o1@p", 1.4, IN_REPLY.format("k1@x")),
         _filed("Sent", OWNER, EERO, "Re: Piha", "o2@p", 1.3),
         _filed("Sent", OWNER, EERO, "Re: Piha", "o3@p", 1.3, IN_REPLY.format("e1@x")),
         _filed("INBOX", OWNER, OLLI, "Re: Katto", "o4@p", 1.2)],
        [_filed("INBOX", OLLI, OWNER, "Katto", "k1@x", 1),
         _filed("INBOX", EERO, OWNER, "Piha", "e1@x", 1)],
    ],
    "an answer by subject the last second of the window, then the same subject": [
        [_filed("Sent", OWNER, ANNA, "Re: Lumityöt", "o1@p", 14 * 24),
         _filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0),
         _filed("INBOX", ANNA, OWNER, "Re: Lumityöt", "a2@x", 14 * 24 + 1)],
    ],
    "an answer at the Reply-To of a conversation of the same batch, then a new subject": [
        [_filed("INBOX", KALLE, OWNER, "Katto", "k1@x", 0, f"Reply-To: {HOME}\n"),
         _filed("INBOX", OWNER, HOME, "Re: Katto", "o1@p", 1),
         _filed("INBOX", KALLE, OWNER, "Aita", "k2@x", 2)],
    ],
    # A second answer, by phone, to a conversation answered already keeps it alive: her mail
    # two weeks after the first answer, one day after the second, is its second turn (the
    # owner's later mail to a supplier in the same batch does not narrow what it reaches).
    "a second answer keeps an answered conversation alive": [
        [_filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0),
         _filed("Sent", OWNER, ANNA, "Re: Lumityöt", "o1@p", 1, IN_REPLY.format("a1@x"))],
        [_filed("Sent", OWNER, ANNA, "Re: Lumityöt", "o2@p", 1 + 13 * 24),
         _filed("Sent", OWNER, "myynti@tukku.example", "Tilaus", "o3@p", 1 + 16 * 24),
         _filed("INBOX", ANNA, OWNER, "Re: Lumityöt", "a2@x", 1 + 15 * 24)],
    ],
    # The owner's answer stored a run before the mail it answers (filed late) is linked in the
    # batch; her next mail names that answer: it continues the conversation, new subject or not.
    "a reply to the owner's answer linked in the same batch": [
        [_filed("Sent", OWNER, ANNA, "Re: Katto", "o1@p", 1, IN_REPLY.format("k1@x"))],
        [_filed("INBOX", ANNA, OWNER, "Katto", "k1@x", 0),
         _filed("INBOX", ANNA, OWNER, "Kiitos", "k2@x", 2, IN_REPLY.format("o1@p"))],
    ],
    # An answer an older ledger knew only by its time still ends the first turn: her next
    # mail is the conversation's second turn, whichever way the batch is threaded.
    "a first reply known only by its time, then the same subject": [
        [_filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0)],
        OlderAnswer(ANNA, 1),
        [_filed("INBOX", ANNA, OWNER, "Re: Lumityöt", "a2@x", 2)],
    ],
    "a call answered the first turn, then the same subject": [
        [_filed("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0)],
        Decision(ANNA, "call", 1),
        [_filed("INBOX", ANNA, OWNER, "Re: Lumityöt", "a2@x", 2)],
    ],
    # A phone's answer to two people of one company, who both wrote under that subject: it
    # answers the conversation that began last (as the store's lookup orders them).
    "a phone's answer to two customers under the subject of both": [
        [_filed("INBOX", PEKKA, OWNER, "Tarjous", "p1@x", 0),
         _filed("INBOX", LIISA, OWNER, "Tarjous", "l1@x", 1)],
        [_filed("Sent", OWNER, f"{PEKKA}, {LIISA}", "Re: Tarjous", "o1@p", 2)],
    ],
    # Anna and Ritva's mailers gave both mails one Message-ID. Anna's conversation takes the
    # earlier answer (by subject); the later one, by reference to the shared id, went to Anna
    # alone, so it does not answer Ritva, who still waits.
    "a shared Message-ID and an answer to the other customer": [
        [_filed("Sent", OWNER, ANNA, "Re: Katto", "o1@p", 3),
         _filed("Sent", OWNER, ANNA, "Re: Katto", "o2@p", 4, IN_REPLY.format("same@x")),
         _filed("INBOX", ANNA, OWNER, "Katto", "same@x", 1),
         _filed("INBOX", RITVA, OWNER, "Aita", "same@x", 2)],
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", EDGES)
def test_an_answer_found_while_its_batch_is_threaded_gives_the_ledger_of_one_mail_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fallbacks: Fallbacks, name: str
) -> None:
    batched, alone = both_ways(tmp_path, monkeypatch, fallbacks, EDGES[name])
    for table in alone:
        assert batched[table] == alone[table], table
    store = open_database(tmp_path / "batched.db")
    rows = store.db.execute(
        "SELECT customer_email, turn, waiting_since IS NOT NULL FROM conversations ORDER BY id"
    ).fetchall()
    assert rows == CONVERSATIONS.get(name, [(customer(name), 1, False), (customer(name), 1, True)])


def customer(name: str) -> str:
    return KALLE if "Reply-To" in name else ANNA


# Each edge's conversations (customer, turns, waiting) where they are not the usual: the answer
# ends the first conversation's turn, so the customer's new subject opens one that waits.
CONVERSATIONS = {
    "a phone's answer at the end of the window, then the same subject": [(ANNA, 2, True)],
    "a phone's answer to two customers under the subject of both": [
        (PEKKA, 1, True),
        (LIISA, 1, False),
    ],
    "a shared Message-ID and an answer to the other customer": [(ANNA, 1, False), (RITVA, 1, True)],
    "two answers by reference read before the mail they answer": [(ANNA, 1, False)],
    "a second answer keeps an answered conversation alive": [(ANNA, 2, True)],
    "a first reply known only by its time, then the same subject": [(ANNA, 2, True)],
    "a call answered the first turn, then the same subject": [(ANNA, 2, True)],
    "a reply to the owner's answer linked in the same batch": [(ANNA, 2, True)],
    "answers by reference and by subject stored a run before the mail": [
        (OLLI, 1, False),
        (EERO, 1, False),
    ],
    "an answer by subject the last second of the window, then the same subject": [(ANNA, 2, True)],
    "a fresh mail in the second of an answer, a close, a call": [
        (ANNA, 1, False),
        (PEKKA, 1, False),
        (RITVA, 1, False),
    ],
}
