"""Turns: a conversation waits for the owner, is answered, and waits again when the customer
writes after the answer. Literal tables: the derivation alone, then whole mailboxes through the
check (which mail counts as the owner's answer, and by which rule)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakes import FakeSource, mail
from ledger_fixture import OWNER, T0, at, ledger_config
from vasteaika.config import Config, config_from_dict
from vasteaika.ledger.answers import explain
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store, epoch, open_database
from vasteaika.ledger.turns import Event, Happening, Turn, derive

H = 3600
C, A, CALL, CLOSE, REOPEN = Event.CUSTOMER, Event.ANSWER, Event.CALL, Event.CLOSE, Event.REOPEN


# --- the derivation -------------------------------------------------------------------------------

# (timeline as (hour, event, message), turns as (since, answered_at, channel, closed_at),
#  first reply, waiting since)
DERIVATIONS = [
    ("one answered turn", [(0, C, 1), (2, A, 2)], [(0, 2, "mail", None)], 2, None),
    ("unanswered", [(0, C, 1)], [(0, None, None, None)], None, 0),
    (
        "follow-up after an answer waits again from its own arrival",
        [(0, C, 1), (2, A, 2), (5, C, 3)],
        [(0, 2, "mail", None), (5, None, None, None)],
        2,
        5,
    ),
    (
        "two follow-ups before an answer: waiting since the earlier",
        [(0, C, 1), (2, A, 2), (5, C, 3), (6, C, 4), (9, A, 5)],
        [(0, 2, "mail", None), (5, 9, "mail", None)],
        2,
        None,
    ),
    (
        "order of reading does not matter",
        [(9, A, 5), (6, C, 4), (0, C, 1), (5, C, 3), (2, A, 2)],
        [(0, 2, "mail", None), (5, 9, "mail", None)],
        2,
        None,
    ),
    (
        "a second answer with nothing open starts nothing",
        [(0, C, 1), (2, A, 2), (3, A, 3)],
        [(0, 2, "mail", None)],
        2,
        None,
    ),
    (
        "an answer before the first contact answers nothing",
        [(0, A, 2), (1, C, 1)],
        [(1, None, None, None)],
        None,
        1,
    ),
    (
        "same second: the answer answers the mail",
        [(0, C, 1), (0, A, 2)],
        [(0, 0, "mail", None)],
        0,
        None,
    ),
    ("a call answers", [(0, C, 1), (4, CALL, None)], [(0, 4, "call", None)], 4, None),
    ("closed", [(0, C, 1), (1, CLOSE, None)], [(0, None, None, 1)], None, None),
    (
        "a new customer mail after a close opens a turn",
        [(0, C, 1), (1, CLOSE, None), (3, C, 2)],
        [(0, None, None, 1), (3, None, None, None)],
        None,
        3,
    ),
    (
        "reopened",
        [(0, C, 1), (1, CLOSE, None), (2, REOPEN, None)],
        [(0, None, None, None)],
        None,
        0,
    ),
    (
        "close after an answer changes nothing",
        [(0, C, 1), (1, A, 2), (2, CLOSE, None)],
        [(0, 1, "mail", None)],
        1,
        None,
    ),
]


@pytest.mark.parametrize(
    ("timeline", "turns", "first", "waiting"),
    [d[1:] for d in DERIVATIONS],
    ids=[d[0] for d in DERIVATIONS],
)
def test_derivation(
    timeline: list[tuple[int, Event, int | None]],
    turns: list[tuple[int, int | None, str | None, int | None]],
    first: int | None,
    waiting: int | None,
) -> None:
    state = derive([Happening(h * H, e, m) for h, e, m in timeline])
    got = [(t.since // H, _h(t.answered_at), t.channel, _h(t.closed_at)) for t in state.turns]
    assert got == turns
    assert [t.seq for t in state.turns] == list(range(1, len(turns) + 1))
    assert (_h(state.first_reply_at), _h(state.waiting_since)) == (first, waiting)


def _h(t: int | None) -> int | None:
    return None if t is None else t // H


def test_turn_records_its_answer() -> None:
    state = derive([Happening(0, C, 1), Happening(H, A, 7)])
    assert state.turns == (Turn(1, 0, H, 7, "mail"),) and state.first_reply_pk == 7


# --- whole mailboxes through the check ------------------------------------------------------------


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return ledger_config(tmp_path, owners=[OWNER, "info@pihapalvelu.fi"])


Mail = tuple[str, str, str, str, str, float, str]  # folder, from, to, subject, id, hour, headers
ANNA, OTTO = "anna@example.fi", "otto@example.com"
REPLY = "In-Reply-To: <{}>\n"

# (mailbox, expected per conversation in first-contact order: subject, status, turn,
#  waiting since (hour), the answer rules of its turns)
SCENARIOS: dict[str, tuple[list[Mail], list[tuple[str, str, int, float | None, list[str]]]]] = {
    "follow-up after an answer": (
        [
            ("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0, ""),
            ("Sent", OWNER, ANNA, "Re: Lumityöt", "r1@p", 1, REPLY.format("a1@x")),
            ("INBOX", ANNA, OWNER, "Re: Lumityöt", "a2@x", 3, REPLY.format("r1@p")),
        ],
        [("Lumityöt", "waiting", 2, 3, ["reference"])],
    ),
    "two follow-ups before an answer": (
        [
            ("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0, ""),
            ("Sent", OWNER, ANNA, "Re: Lumityöt", "r1@p", 1, REPLY.format("a1@x")),
            ("INBOX", ANNA, OWNER, "Re: Lumityöt", "a2@x", 3, REPLY.format("r1@p")),
            ("INBOX", ANNA, OWNER, "Re: Lumityöt", "a3@x", 4, REPLY.format("r1@p")),
            ("Sent", OWNER, ANNA, "Re: Lumityöt", "r2@p", 6, REPLY.format("a3@x")),
        ],
        [("Lumityöt", "answered", 2, None, ["reference", "reference"])],
    ),
    "a phone answer without headers, by recipient and subject": (
        [
            ("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0, ""),
            ("Sent", OWNER, ANNA, "VS: lumityöt", "r1@p", 2, ""),
        ],
        [("Lumityöt", "answered", 1, None, ["subject"])],
    ),
    "a new subject to a customer with one open conversation answers it": (
        [
            ("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0, ""),
            ("Sent", OWNER, ANNA, "Tarjous liitteenä", "r1@p", 2, ""),
        ],
        [("Lumityöt", "answered", 1, None, ["new-subject"])],
    ),
    "a new subject read before the customer mail of the same run": (
        [
            ("Sent", OWNER, ANNA, "Tarjous liitteenä", "r1@p", 2, ""),
            ("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0, ""),
        ],
        [("Lumityöt", "answered", 1, None, ["new-subject"])],
    ),
    "a new subject with two open conversations answers neither": (
        [
            ("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0, ""),
            ("Sent", OWNER, ANNA, "Re: Lumityöt", "r0@p", 1, REPLY.format("a1@x")),
            ("INBOX", ANNA, OWNER, "Puiden kaato", "a2@x", 5, ""),
            ("INBOX", ANNA, OWNER, "Re: Lumityöt", "a3@x", 6, REPLY.format("r0@p")),
            ("Sent", OWNER, ANNA, "Tarjous liitteenä", "r1@p", 8, ""),
        ],
        [("Lumityöt", "waiting", 2, 6, ["reference"]), ("Puiden kaato", "waiting", 1, 5, [])],
    ),
    "a reply in another thread (Re:) is no answer by new subject": (
        [
            ("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0, ""),
            ("Sent", OWNER, ANNA, "Re: jotain muuta", "r1@p", 2, ""),
        ],
        [("Lumityöt", "waiting", 1, 0, [])],
    ),
    "an answer to the customer's Reply-To": (
        [
            ("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0, f"Reply-To: {OTTO}\n"),
            ("Sent", OWNER, OTTO, "Re: Lumityöt", "r1@p", 2, ""),
        ],
        [("Lumityöt", "answered", 1, None, ["reply-to"])],
    ),
    "the owner's vacation reply in Sent is no answer": (
        [
            ("INBOX", ANNA, OWNER, "Lumityöt", "a1@x", 0, ""),
            (
                "Sent",
                OWNER,
                ANNA,
                "Automaattinen vastaus: Lumityöt",
                "v@p",
                0.01,
                REPLY.format("a1@x") + "Auto-Submitted: auto-replied\n",
            ),
            (
                "Sent",
                OWNER,
                ANNA,
                "Poissa toimistolta: Lumityöt",
                "v2@p",
                0.02,
                REPLY.format("a1@x"),
            ),
            (
                "Sent",
                OWNER,
                ANNA,
                "Re: Lumityöt",
                "v3@p",
                0.03,
                REPLY.format("a1@x") + "X-Autoreply: yes\n",
            ),
        ],
        [("Lumityöt", "waiting", 1, 0, [])],
    ),
}


def _run(config: Config, store: Store, mails: list[Mail]) -> None:
    src = FakeSource()
    for folder, frm, to, subject, msgid, hour, extra in mails:
        src.add(folder, mail(frm, to, subject, msgid, extra=extra), at(hour))
    run_check(config, src, store, at(24 * 3))


def _summary(store: Store) -> list[tuple[str, str, int, float | None, list[str]]]:
    out = []
    for c in store.conversations():
        rules = [
            str(t["answer_rule"] or t["channel"]) for t in store.turns(c["id"]) if t["channel"]
        ]
        waiting = None if c["waiting_since"] is None else (c["waiting_since"] - epoch(T0)) / H
        status = "waiting" if c["waiting_since"] else "answered" if c["first_reply_at"] else "-"
        out.append((c["subject"], status, c["turn"], waiting, rules))
    return out


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario(config: Config, store: Store, name: str) -> None:
    mails, expected = SCENARIOS[name]
    _run(config, store, mails)
    assert _summary(store) == expected


def test_ambiguous_new_subject_says_why(config: Config, store: Store) -> None:
    _run(config, store, SCENARIOS["a new subject with two open conversations answers neither"][0])
    [row] = store.messages_by_message_id("r1@p")
    assert row["conversation_id"] is None
    assert explain(row["answer_rule"]) == (
        "answers no conversation: a new subject, and the customer has several open"
        " conversations (#1, #2); which one it answers is ambiguous"
    )


def test_vacation_reply_in_sent_is_recorded_as_such(config: Config, store: Store) -> None:
    _run(config, store, SCENARIOS["the owner's vacation reply in Sent is no answer"][0])
    kinds = [store.messages_by_message_id(m)[0]["kind"] for m in ("v@p", "v2@p", "v3@p")]
    assert kinds == ["auto-reply", "suspected-auto-reply", "auto-reply"]


def test_follow_up_in_a_later_run_waits_again_and_the_answer_ends_it(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    src.add("INBOX", mail(ANNA, OWNER, "Lumityöt", "a1@x"), at(0))
    src.add("Sent", mail(OWNER, ANNA, "Re: Lumityöt", "r1@p", extra=REPLY.format("a1@x")), at(1))
    run_check(config, src, store, at(2))
    assert [c["id"] for c in store.conversations(waiting_only=True)] == []
    src.add("INBOX", mail(ANNA, OWNER, "Re: Lumityöt", "a2@x", extra=REPLY.format("r1@p")), at(5))
    run_check(config, src, store, at(6))
    [c] = store.conversations(waiting_only=True)
    assert (c["turn"], c["waiting_since"], c["first_reply_at"]) == (2, epoch(at(5)), epoch(at(1)))
    src.add("Sent", mail(OWNER, ANNA, "Re: Lumityöt", "r2@p", extra=REPLY.format("a2@x")), at(7))
    result = run_check(config, src, store, at(8))
    assert store.conversations(waiting_only=True) == [] and result.new_replies == 1
    [c] = store.conversations()
    assert (c["last_reply_at"], c["first_reply_at"]) == (epoch(at(7)), epoch(at(1)))


# --- migration: turns for the conversations of an older database ------------------------------------


def test_migration_derives_turns_for_old_conversations(tmp_path: Path) -> None:
    """Before m010: Anna answered and then wrote again (invisible then), Bertil never answered,
    Carl answered by a call (vasteaika done)."""
    import sqlite3

    from sqlite_utils import Database

    from vasteaika.ledger.migrations import migrations

    path = tmp_path / "v.db"
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn)
    later = [m.name for m in migrations.pending(db)]
    migrations.apply(db, stop_before=later[later.index("m010_turns") :])
    t = epoch(T0)
    conn.executescript(
        f"""
        INSERT INTO messages (folder, uid, uidvalidity, message_id, kind, reasons, from_email,
            from_name, customer_email, customer_name, subject, base_subject, received_at,
            conversation_id)
        VALUES ('INBOX', 1, 1, 'a1', 'customer', '[]', 'anna@x.fi', '', 'anna@x.fi', '',
                'L', 'l', {t}, 1),
               ('Sent', 1, 1, 'r1', 'owner', '[]', '{OWNER}', '', NULL, NULL, 'Re: L', 'l',
                {t + H}, 1),
               ('INBOX', 2, 1, 'a2', 'customer', '[]', 'anna@x.fi', '', 'anna@x.fi', '',
                'Re: L', 'l', {t + 3 * H}, 1),
               ('INBOX', 3, 1, 'b1', 'customer', '[]', 'b@x.fi', '', 'b@x.fi', '', 'B', 'b',
                {t + 4 * H}, 2),
               ('INBOX', 4, 1, 'c1', 'customer', '[]', 'c@x.fi', '', 'c@x.fi', '', 'C', 'c',
                {t + 5 * H}, 3);
        INSERT INTO conversations (customer_email, customer_name, subject, base_subject,
            first_contact_id, first_contact_at, last_customer_at, first_reply_id, first_reply_at,
            reply_channel)
        VALUES ('anna@x.fi', '', 'L', 'l', 1, {t}, {t + 3 * H}, 2, {t + H}, 'mail'),
               ('b@x.fi', '', 'B', 'b', 4, {t + 4 * H}, {t + 4 * H}, NULL, NULL, NULL),
               ('c@x.fi', '', 'C', 'c', 5, {t + 5 * H}, {t + 5 * H}, NULL, {t + 6 * H}, 'call');
        """
    )
    conn.close()
    store = open_database(path)
    got = [
        (c["id"], c["turn"], c["waiting_since"], c["first_reply_at"], c["reply_channel"])
        for c in store.conversations()
    ]
    assert got == [
        (1, 2, t + 3 * H, t + H, "mail"),
        (2, 1, t + 4 * H, None, None),
        (3, 1, None, t + 6 * H, "call"),
    ]
    assert [(r["seq"], r["channel"]) for r in store.turns(3)] == [(1, "call")]
    assert [c["id"] for c in store.conversations(waiting_only=True)] == [1, 2]
    from vasteaika.ledger.timeline import derive_all

    derive_all(store.db.conn, chunk=2)  # in chunks of ids (1–2, 3): the same turns
    again = [
        (c["id"], c["turn"], c["waiting_since"], c["first_reply_at"], c["reply_channel"])
        for c in store.conversations()
    ]
    assert again == got and store.count("SELECT count(*) FROM turns") == 4


# --- the owner's decisions: close, reopen, ignore -------------------------------------------------


def _waiting(store: Store, ignore: tuple[str, ...] = ()) -> list[tuple[str, int]]:
    return [(c["customer_email"], c["turn"]) for c in store.conversations(None, True, None, ignore)]


def test_close_cancels_reminders_and_a_new_mail_reopens(config: Config, store: Store) -> None:
    from vasteaika.reminders.store import add_reminder, cancel_for_conversation, open_reminders

    src = FakeSource()
    src.add("INBOX", mail(ANNA, OWNER, "Kiitos!", "a1@x"), at(0))
    run_check(config, src, store, at(1))
    add_reminder(store, 1, epoch(at(30)), "reply", None, epoch(at(0)))
    assert _waiting(store) == [(ANNA, 1)]
    store.add_event(1, "close", epoch(at(2)))
    assert cancel_for_conversation(store, 1, at(2)) == 1
    assert _waiting(store) == [] and open_reminders(store, at(2)) == []
    [row] = store.db.execute("SELECT done_at, cancelled_at FROM reminders").fetchall()
    assert row == (epoch(at(2)), epoch(at(2)))
    store.add_event(1, "reopen", epoch(at(3)))
    assert _waiting(store) == [(ANNA, 1)]
    store.add_event(1, "close", epoch(at(4)))
    src.add("INBOX", mail(ANNA, OWNER, "Re: Kiitos!", "a2@x", extra=REPLY.format("a1@x")), at(5))
    run_check(config, src, store, at(6))
    [c] = store.conversations(waiting_only=True)
    assert (c["turn"], c["waiting_since"], c["closed_at"]) == (2, epoch(at(5)), None)
    assert [(t["seq"], t["closed_at"]) for t in store.turns(1)] == [(1, epoch(at(4))), (2, None)]


def test_ignore_added_later_takes_old_conversations_off_and_cancels_reminders(
    config: Config, store: Store
) -> None:
    from fakes import FakeNotifier
    from vasteaika.ledger.records import business_hours, conversation_records
    from vasteaika.reminders.callbacks import fire_due
    from vasteaika.reminders.store import add_reminder, open_reminders

    src = FakeSource()
    src.add("INBOX", mail(ANNA, OWNER, "Lumityöt", "a1@x"), at(0))
    src.add("INBOX", mail(OTTO, OWNER, "Lumityöt", "o1@x"), at(0))
    run_check(config, src, store, at(1))
    add_reminder(store, 1, epoch(at(2)), "reply", None, epoch(at(0)))
    add_reminder(store, 2, epoch(at(2)), "reply", None, epoch(at(0)))
    for ignore, left in [((), [ANNA, OTTO]), (("sub.example.fi",), [ANNA, OTTO]),
                         (("example.fi",), [OTTO]), (("@example.fi",), [OTTO]),
                         ((OTTO.upper(),), [ANNA]), (("x" + OTTO,), [ANNA, OTTO])]:  # fmt: skip
        assert [e for e, _ in _waiting(store, ignore)] == left, ignore
        records = conversation_records(store, business_hours(config.hours), ignore=ignore)
        assert [r.customer_email for r in records] == left, ignore
    later = config_from_dict(
        {
            "account": {"maildir": "/nonexistent"},
            "owner": {"name": "Ylermi", "addresses": [OWNER]},
            "customers": {"ignore": ["example.fi"]},
        },
        None,
    )
    notifier = FakeNotifier()
    fired = fire_due(later, store, notifier, None, at(3))
    assert [f.reminder.customer_email for f in fired.fired] == [OTTO]
    assert [r.customer_email for r in open_reminders(store, at(3))] == [OTTO]  # Anna's is off
    cancelled = store.db.execute("SELECT customer_email FROM reminders WHERE cancelled_at > 0")
    assert [r[0] for r in cancelled] == [ANNA]


# --- the commands, on the demo mailbox --------------------------------------------------------------


def test_close_and_reopen_commands_on_the_demo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from test_cli import demo_config, run

    config = str(demo_config(tmp_path))

    def waiting() -> dict[str, int]:
        assert run(["--config", config, "check", "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        return {w["customer_email"]: w["id"] for w in out["waiting"]}

    before = waiting()
    paivi = before["paivi.hamalainen@example.fi"]  # K03: her thank-you waits for a decision
    assert run(["--config", config, "close", str(paivi)]) == 0
    assert f"Keskustelu #{paivi} (paivi.hamalainen@example.fi) suljettu" in capsys.readouterr().out
    assert "paivi.hamalainen@example.fi" not in waiting()
    assert run(["--config", config, "close", str(paivi)]) == 2  # not waiting: nothing to close
    assert run(["--config", config, "reopen", str(paivi)]) == 0
    capsys.readouterr()
    assert waiting() == before
    assert run(["--config", config, "reopen", str(paivi)]) == 2
    assert run(["--config", config, "close", "999"]) == 2


def test_why_shows_which_rule_made_the_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """K03's first reply came from a phone without In-Reply-To (subject rule); K01's second
    answer ended its turn 2 (by reference). MAILBOX.md "Turns"."""
    from test_cli import demo_config, run

    config = str(demo_config(tmp_path))
    assert run(["--config", config, "check", "--quiet"]) == 0
    capsys.readouterr()
    store = open_database(tmp_path / "v.db")
    k03 = store.one(
        "SELECT m.message_id FROM messages m JOIN conversations c ON c.first_reply_id = m.id"
        " WHERE c.customer_email = 'paivi.hamalainen@example.fi'"
    )
    k01 = store.one(
        "SELECT m.message_id FROM turns t JOIN messages m ON m.id = t.answer_id"
        " JOIN conversations c ON c.id = t.conversation_id"
        " WHERE c.customer_email = 'matti.virtanen@example.fi' AND t.seq = 2"
    )
    assert k03 and k01
    assert run(["--config", config, "why", k03[0]]) == 0
    out = capsys.readouterr().out
    assert "ensimmäinen vastaus keskusteluun" in out
    assert "lasketaan vastaukseksesi: lähetetty asiakkaalle samalla aiheella" in out
    assert run(["--config", config, "why", k01[0]]) == 0
    out = capsys.readouterr().out
    assert "vastasi keskustelun" in out and "vuoroon 2" in out
    assert "lasketaan vastaukseksesi: In-Reply-To/References" in out


def test_a_late_answer_that_fails_costs_only_its_own_step(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vasteaika.ledger.answers as answers

    def broken(*args: object) -> None:
        raise ValueError("broken on purpose")

    monkeypatch.setattr(answers, "link_owner_mail", broken)
    src = FakeSource()
    src.add("Sent", mail(OWNER, ANNA, "Tarjous liitteenä", "r1@p"), at(2))
    src.add("INBOX", mail(ANNA, OWNER, "Lumityöt", "a1@x"), at(0))
    result = run_check(config, src, store, at(3))
    assert result.problems == 1 and result.new_conversations == 1
    [problem] = store.problems()
    assert (problem["folder"], problem["step"]) == ("Sent", "thread")
    assert "broken on purpose" in problem["reason"]
    assert _waiting(store) == [(ANNA, 1)]
