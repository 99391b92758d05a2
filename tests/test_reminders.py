"""Reminders: promises in the owner's replies, firing exactly once, snooze, done, the commands.

FakeSource and a recording notifier and sender, with the real store on a file in tmp_path.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from fakes import FakeNotifier, FakeSource, Recorder, mail
from vasteaika.cli import context as cli_context
from vasteaika.cli import run
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import UnreachableError, UsageError
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store, epoch, open_database
from vasteaika.reminders.callbacks import fire_due
from vasteaika.reminders.replies import body_text, find_reply_promises
from vasteaika.reminders.store import (
    CLAIM_LEASE,
    Reminder,
    add_reminder,
    due_reminders,
    get_reminder,
    known_phone,
    mark_done,
    open_reminders,
    set_time,
    snooze,
)

OWNER = "ylermi@pihapalvelu.fi"
HEL = ZoneInfo("Europe/Helsinki")
LEAD = timedelta(minutes=10)


def at(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M %z")


def config_dict(tmp_path: Path, **reminders: object) -> dict[str, object]:
    return {
        "account": {"maildir": str(tmp_path)},
        "owner": {"name": "Ylermi Yrittäjä", "addresses": [OWNER]},
        "smtp": {"host": "127.0.0.1", "security": "none", "login": False},
        "ack": {"mode": "off"},
        "reminders": reminders,
        "storage": {"database": str(tmp_path / "v.db")},
    }


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return config_from_dict(config_dict(tmp_path), None)


@pytest.fixture
def store(config: Config) -> Store:
    return open_database(config.database)


def seed_reminder(
    store: Store,
    due_at: datetime,
    *,
    name: str = "Maija Meikäläinen",
    email: str = "maija@example.fi",
    subject: str = "Nurmikko",
    phone: str | None = "040 123 4567",
    replied_at: datetime | None = None,
) -> int:
    """A conversation (with its first message) and one 'ack' reminder; returns the reminder id."""
    contact_at = epoch(due_at - timedelta(hours=5))
    with store.db.atomic():
        pk = store.insert_message(
            {"folder": "INBOX", "uid": 1, "uidvalidity": 1, "message_id": f"{email}-{contact_at}",
             "kind": "customer", "reasons": "[]", "from_email": email, "from_name": name,
             "customer_email": email, "customer_name": name, "subject": subject,
             "base_subject": subject, "received_at": contact_at},
            [], [OWNER],
        )  # fmt: skip
        conv = store.open_conversation(
            {"customer_email": email, "customer_name": name, "subject": subject,
             "base_subject": subject, "first_contact_id": pk, "first_contact_at": contact_at,
             "last_customer_at": contact_at,
             "first_reply_at": epoch(replied_at) if replied_at else None},
        )  # fmt: skip
        add_reminder(store, conv, due_at=epoch(due_at), source="ack", phone=phone, now=contact_at)
    return int(store.db.execute("SELECT max(id) FROM reminders").fetchone()[0])


# --- promises in the owner's replies ------------------------------------------------------------

CUSTOMER = mail(
    "Maija Meikäläinen <maija@example.fi>", OWNER, "Nurmikko", "m1@x",
    "Wed, 25 Nov 2026 08:00:00 +0200",
    body="Hei,\nvoisitteko soittaa?\n\nMaija Meikäläinen\npuh. 040 123 4567\n",
)  # fmt: skip


def owner_reply(body: str, *, html: bool = False) -> bytes:
    raw = mail(OWNER, "Maija Meikäläinen <maija@example.fi>", "Re: Nurmikko", "r1@p",
               "Wed, 25 Nov 2026 09:00:00 +0200", extra="In-Reply-To: <m1@x>\n", body=body)  # fmt: skip
    return raw.replace(b"text/plain", b"text/html") if html else raw


def sync(config: Config, store: Store, src: FakeSource, now: datetime) -> int:
    result = run_check(config, src, store, now)
    return find_reply_promises(config, store, src, result.run_id, now)


def test_a_promise_in_a_reply_in_sent_becomes_a_reminder_and_quoted_text_is_ignored(
    config: Config, store: Store
) -> None:
    src, now = FakeSource(), at("2026-11-25 09:05 +0200")  # Wednesday
    src.add("INBOX", CUSTOMER, at("2026-11-25 08:00 +0200"))
    src.add("Sent", owner_reply(
        "Hei Maija,\n\nKiitos viestistä. Soitan huomenna klo 10.\n\nTerveisin\nYlermi\n"
        "puh. 050 999 8888\n\n"
        "ke 25.11.2026 klo 8.00 Maija Meikäläinen (maija@example.fi) kirjoitti:\n"
        "> Soitan teille tänään klo 15, jos en tavoita.\n"
    ), at("2026-11-25 09:00 +0200"))  # fmt: skip

    assert sync(config, store, src, now) == 1

    [r] = open_reminders(store, now)
    assert (r.source, r.has_time, r.customer_email) == ("reply", True, "maija@example.fi")
    assert r.due_at == at("2026-11-26 10:00 +0200")  # not the quoted "tänään klo 15"
    assert r.phone == "040 123 4567"  # the customer's signature, not the owner's
    assert r.promise_text and "huomenna" in r.promise_text
    row = store.db.execute("SELECT source_message_id FROM reminders").fetchone()
    assert row == ("r1@p",)
    assert "FETCH Sent" in src.commands
    assert sync(config, store, src, now + timedelta(minutes=5)) == 0  # read once, stored once


def test_an_unreadable_promise_is_listed_never_fired_and_set_by_remind_at(
    config: Config, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, now = FakeSource(), at("2026-11-25 09:05 +0200")
    src.add("INBOX", CUSTOMER, at("2026-11-25 08:00 +0200"))
    src.add("Sent", owner_reply("Tulen katsomaan 24.11. klo 10.\n"), at("2026-11-25 09:00 +0200"))
    assert sync(config, store, src, now) == 1
    [r] = open_reminders(store, now)
    assert (r.unreadable, r.kind, r.promise_text) == (True, "visit", "24.11.")
    assert due_reminders(store, now + timedelta(days=30), LEAD) == []  # no guessed time fires
    store.db.conn.close()
    path = write_config(tmp_path)
    assert run(["--config", str(path), "reminders"]) == 0
    assert f'vasteaika remind-at {r.id} "3.12. at 10"' in capsys.readouterr().out
    for folder in ("", ".Sent"):  # check shows it too, on every run until it is set
        for sub in ("cur", "new", "tmp"):
            (tmp_path / "mail" / folder / sub).mkdir(parents=True, exist_ok=True)
    assert run(["--config", str(path), "check"]) == 0
    shown = capsys.readouterr().out
    assert f"#{r.id} ?" in shown and f'vasteaika remind-at {r.id} "3.12. at 10"' in shown
    assert run(["--config", str(path), "check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["unreadable_promises"] == [
        {"id": r.id, "customer_email": "maija@example.fi", "text": "24.11."}
    ]
    assert run(["--config", str(path), "remind-at", str(r.id), "huomenna klo 14"]) == 0
    capsys.readouterr()
    reopened = open_database(config.database)
    r = get_reminder(reopened, r.id)
    assert not r.unreadable and r.has_time and r.sequence == 1
    assert r.due_at > now and r.due_at.astimezone(HEL).hour == 14


def test_only_quoted_promises_give_no_reminder(config: Config, store: Store) -> None:
    src, now = FakeSource(), at("2026-11-25 09:05 +0200")
    src.add("INBOX", CUSTOMER, at("2026-11-25 08:00 +0200"))
    src.add("Sent", owner_reply(
        "Kiitos, tilaus on vahvistettu.\n\n"
        "On Wed, 25 Nov 2026 at 08:00, Maija <maija@example.fi>\nwrote:\n"
        "> I'll call you today at 3pm\n"
    ), at("2026-11-25 09:00 +0200"))  # fmt: skip
    assert sync(config, store, src, now) == 0
    assert open_reminders(store, now) == []


def test_an_html_reply_is_read_as_text_without_its_blockquote(config: Config, store: Store) -> None:
    src, now = FakeSource(), at("2026-11-25 09:05 +0200")
    src.add("INBOX", CUSTOMER, at("2026-11-25 08:00 +0200"))
    html = ("<html><body><p>Hei!</p><p>Palaan asiaan pe klo 14 &amp; kerron hinnan.</p>"
            "<blockquote><p>Soitan huomenna klo 9</p></blockquote></body></html>\n")  # fmt: skip
    src.add("Sent", owner_reply(html, html=True), at("2026-11-25 09:00 +0200"))
    assert sync(config, store, src, now) == 1
    [r] = open_reminders(store, now)
    assert r.due_at == at("2026-11-27 14:00 +0200")


def test_body_text_prefers_plain_and_survives_garbage() -> None:
    multipart = (
        b"From: a@b\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=X\n\n"
        b"--X\nContent-Type: text/plain; charset=utf-8\n\nSoitan klo 10\n"
        b"--X\nContent-Type: text/html; charset=utf-8\n\n<p>Soitan klo 11</p>\n--X--\n"
    )
    assert body_text(multipart).strip() == "Soitan klo 10"
    assert body_text(b"\xff\xfe garbage") in ("", "\ufffd\ufffd garbage", "\xff\xfe garbage")


def test_a_later_reply_moves_its_earlier_promise_of_the_same_kind_and_adds_another_kind(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    src.add("INBOX", CUSTOMER, at("2026-11-25 08:00 +0200"))

    def reply(msgid: str, sent: str, body: str) -> int:
        src.add("Sent", owner_reply(body).replace(b"<r1@p>", f"<{msgid}>".encode()), at(sent))
        return sync(config, store, src, at(sent) + timedelta(minutes=5))

    assert reply("r1@p", "2026-11-25 09:00 +0200", "Soitan huomenna klo 10.\n") == 1
    assert reply("r2@p", "2026-11-25 10:00 +0200", "Tulen katsomaan perjantaina klo 12.\n") == 1
    assert reply("r3@p", "2026-11-25 11:00 +0200", "Soitan sittenkin torstaina klo 9.\n") == 0
    [call, visit] = open_reminders(store, at("2026-11-25 12:00 +0200"))
    assert (call.kind, call.due_at, call.sequence) == ("call", at("2026-11-26 09:00 +0200"), 1)
    assert call.promise_text == "torstaina klo 9"  # the later reply's words
    assert call.phone == "040 123 4567"
    assert (visit.kind, visit.due_at) == ("visit", at("2026-11-27 12:00 +0200"))
    sources = store.db.execute("SELECT source_message_id FROM reminders ORDER BY id").fetchall()
    assert sources == [("r3@p",), ("r2@p",)]


def test_an_old_promise_from_the_first_sync_of_sent_is_not_a_reminder(
    config: Config, store: Store
) -> None:
    src = FakeSource()
    src.add("INBOX", CUSTOMER, at("2026-11-25 08:00 +0200"))
    src.add("Sent", owner_reply("Soitan huomenna klo 10."), at("2026-11-25 09:00 +0200"))
    assert sync(config, store, src, at("2027-01-10 09:00 +0200")) == 0


# --- firing exactly once ------------------------------------------------------------------------


def test_a_reminder_fires_exactly_once_at_its_lead(config: Config, store: Store) -> None:
    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    notifier, mailer = FakeNotifier(reason="shown on the test desktop"), Recorder()
    assert fire_due(config, store, notifier, mailer, due - LEAD - timedelta(seconds=1)).fired == []
    first = fire_due(config, store, notifier, mailer, due - LEAD)
    assert [(f.reminder.id, f.channel) for f in first.fired] == [(rid, "desktop")]
    assert first.desktop_reachable is True
    for minutes in (0, 5, 60, 60 * 24):
        assert (
            fire_due(config, store, notifier, mailer, due + timedelta(minutes=minutes)).fired == []
        )
    assert len(notifier.calls) == 1 and mailer.sent == []
    title, body = notifier.calls[0]
    assert title == "Soita: Maija Meikäläinen"
    assert "Nurmikko" in body and "040 123 4567" in body and "ke 25.11. klo 15.00" in body
    r = get_reminder(store, rid)
    assert r.delivery == "desktop" and r.fired_at == due - LEAD
    assert r.delivery_note == "shown on the test desktop"
    assert [x.id for x in open_reminders(store, due)] == [rid]  # fired, but the call is not done


def test_remind_command_fires_once_over_repeated_runs(
    tmp_path: Path, config: Config, store: Store, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = write_config(tmp_path)
    rid = seed_reminder(store, datetime.now(HEL) - timedelta(minutes=1))
    notifier = FakeNotifier()
    monkeypatch.setattr(cli_context, "desktop_notifier", lambda: notifier)
    outputs = []
    for _ in range(3):
        assert run(["--config", str(path), "remind", "--json"]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    assert [len(o["reminders"]) for o in outputs] == [1, 0, 0]
    assert outputs[0]["reminders"][0]["id"] == rid
    assert outputs[0]["reminders"][0]["delivered"] == "desktop"
    assert outputs[0]["desktop_reachable"] is True
    assert len(notifier.calls) == 1


def test_no_desktop_falls_back_to_an_email_with_the_event(config: Config, store: Store) -> None:
    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    mailer = Recorder()
    desktop = FakeNotifier(shown=False, reason="no desktop reachable: the bus went away")
    result = fire_due(config, store, desktop, mailer, due)
    [fired] = result.fired
    assert fired.channel == "email" and result.desktop_reachable is False
    assert fired.reminder.id == rid
    assert fired.detail == (
        f"lähetetty sähköpostina osoitteeseen {OWNER} (no desktop reachable: the bus went away)"
    )
    [(to, msg)] = mailer.sent
    assert to == OWNER and OWNER in msg["From"] and msg["To"] == OWNER
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Subject"] == "Muistutus: Soita: Maija Meikäläinen"
    text = msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert text == (
        "Nurmikko\nPuh. 040 123 4567\nLuvattu ke 25.11. klo 15.00\n"
        f"vasteaika done {rid}\nvasteaika snooze {rid} 30m\n\n"
        "Tapahtuma hälytyksineen on liitteenä kalenteria varten.\n"
        "(Työpöytäilmoitusta ei voitu näyttää, joten muistutus tuli sähköpostina.)\n"
    )
    assert get_reminder(store, rid).delivery_note == fired.detail
    assert msg["Date"] == "Wed, 25 Nov 2026 15:00:00 +0200"
    assert msg["Message-ID"].startswith("<") and msg["Message-ID"].endswith("@pihapalvelu.fi>")
    [part] = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert part.get_filename() == f"soitto-{rid}.ics" and part.get_param("method") == "PUBLISH"
    [event] = Calendar.from_ical(part.get_content()).events
    # globally unique: the reminder and its creation time at the owner's domain (issue 16)
    assert re.fullmatch(rf"vasteaika-reminder-{rid}-\d+@[a-z.]+", str(event["UID"]))
    assert event.decoded("DTSTART") == due
    assert get_reminder(store, rid).delivery == "email"
    assert fire_due(config, store, FakeNotifier(shown=False), mailer, due).fired == []
    assert len(mailer.sent) == 1


def test_undeliverable_is_reported_and_retried_never_dropped(
    tmp_path: Path, config: Config, store: Store
) -> None:
    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    mailer = Recorder(fail=UnreachableError("cannot connect to 127.0.0.1:25", "is it running?"))
    [fired] = fire_due(config, store, FakeNotifier(shown=False), mailer, due).fired
    assert fired.channel == "failed" and "cannot connect" in fired.detail
    r = get_reminder(store, rid)
    assert r.fired_at is None and r.delivery == "failed"
    mailer.fail = None
    [again] = fire_due(config, store, FakeNotifier(shown=False), mailer, due + LEAD).fired
    assert again.channel == "email" and len(mailer.sent) == 1

    off = config_from_dict(config_dict(tmp_path, email_fallback=False), None)
    seed_reminder(store, due, email="anna@example.fi")
    [fired] = fire_due(off, store, FakeNotifier(shown=False, reason="no desktop"), mailer, due).fired
    assert fired.channel == "failed" and fired.reminder.customer_email == "anna@example.fi"
    assert fired.detail == "no desktop; reminders.email_fallback on pois päältä"


def test_a_claim_left_by_a_crash_is_fired_again_after_the_lease(
    config: Config, store: Store
) -> None:
    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    # A run claimed it at `due` and was killed before it could write how it went.
    store.db.execute(
        "UPDATE reminders SET fired_at = ?, delivery = 'pending' WHERE id = ?", [epoch(due), rid]
    )
    notifier = FakeNotifier()
    assert (
        fire_due(config, store, notifier, None, due + timedelta(minutes=1)).fired == []
    )  # in flight
    result = fire_due(config, store, notifier, None, due + CLAIM_LEASE + timedelta(seconds=1))
    assert result.released == 1 and [f.reminder.id for f in result.fired] == [rid]
    assert len(notifier.calls) == 1


def test_a_run_killed_after_its_claim_leaves_the_reminder_to_the_next_run(
    config: Config, store: Store
) -> None:
    from vasteaika.reminders.store import claim

    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    assert claim(store, rid, due) and not claim(store, rid, due)  # then the run was killed
    assert get_reminder(store, rid).delivery == "pending"
    notifier = FakeNotifier()
    assert fire_due(config, store, notifier, None, due + CLAIM_LEASE).fired == []
    result = fire_due(config, store, notifier, None, due + CLAIM_LEASE + timedelta(seconds=1))
    assert result.released == 1 and [f.reminder.id for f in result.fired] == [rid]
    assert get_reminder(store, rid).delivery == "desktop"


def test_two_overlapping_runs_notify_a_reminder_once(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Planted bug: a claim that always succeeds. Run B (another process, its own connection)
    fires the reminder between run A's query of what is due and A's claim: A must skip it."""
    from vasteaika.reminders import callbacks

    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    other = open_database(config.database)
    a, b = FakeNotifier(), FakeNotifier()
    fired_by_b: list[int] = []

    def due_then_run_b(*args: object) -> list[Reminder]:
        found = due_reminders(*args)  # type: ignore[arg-type]
        if not fired_by_b:
            monkeypatch.setattr(callbacks, "due_reminders", due_reminders)
            fired_by_b.extend(f.reminder.id for f in fire_due(config, other, b, None, due).fired)
        return found

    monkeypatch.setattr(callbacks, "due_reminders", due_then_run_b)
    result = fire_due(config, store, a, None, due)
    assert fired_by_b == [rid] and len(b.calls) == 1
    assert result.fired == [] and a.calls == []
    assert get_reminder(store, rid).delivery == "desktop"


def test_a_reminder_another_run_claimed_does_not_stop_the_others(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vasteaika.reminders import callbacks
    from vasteaika.reminders.store import claim

    due = at("2026-11-25 15:00 +0200")
    first = seed_reminder(store, due)
    second = seed_reminder(store, due + timedelta(minutes=1), email="anna@example.fi", name="Anna")
    other = open_database(config.database)

    def due_then_claimed_elsewhere(*args: object) -> list[Reminder]:
        found = due_reminders(*args)  # type: ignore[arg-type]
        assert claim(other, first, due)  # another run takes the first one meanwhile
        return found

    monkeypatch.setattr(callbacks, "due_reminders", due_then_claimed_elsewhere)
    notifier = FakeNotifier()
    result = fire_due(config, store, notifier, None, due + timedelta(minutes=1))
    assert [f.reminder.id for f in result.fired] == [second]
    assert [title for title, _ in notifier.calls] == ["Soita: Anna"]


def test_without_desktop_or_smtp_the_reminder_fails_and_stays_due(
    config: Config, store: Store
) -> None:
    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    desktop = FakeNotifier(shown=False, reason="no desktop reachable: test")
    [fired] = fire_due(config, store, desktop, None, due).fired
    assert (fired.reminder.id, fired.channel) == (rid, "failed")
    assert fired.detail == "no desktop reachable: test; sähköpostille ei ole [smtp]-palvelinta"
    r = get_reminder(store, rid)
    assert (r.delivery, r.fired_at, r.delivery_note) == ("failed", None, fired.detail)


def test_a_failing_email_is_not_tried_again_for_the_next_reminder_in_the_run(
    config: Config, store: Store
) -> None:
    due = at("2026-11-25 15:00 +0200")
    first = seed_reminder(store, due)
    second = seed_reminder(store, due + timedelta(minutes=1), email="anna@example.fi")
    attempts: list[str] = []

    class Down:
        def send(self, msg: object, recipient: str) -> None:
            attempts.append(recipient)
            raise UnreachableError("cannot connect to 127.0.0.1:25", "is it running?")

    desktop = FakeNotifier(shown=False, reason="no desktop")
    fired = fire_due(config, store, desktop, Down(), due + timedelta(minutes=1)).fired  # type: ignore[arg-type]
    assert attempts == [OWNER]
    line = "cannot connect to 127.0.0.1:25 — is it running?"
    assert [(f.reminder.id, f.channel, f.detail) for f in fired] == [
        (first, "failed", f"no desktop; sähköposti epäonnistui: {line}"),
        (second, "failed", f"no desktop; sähköposti epäonnistui: {line}"),
    ]


def test_the_notification_in_english_and_for_a_day_without_a_time(
    tmp_path: Path, store: Store
) -> None:
    english = config_from_dict({**config_dict(tmp_path), "owner": {
        "name": "Ylermi", "addresses": [OWNER], "language": "en"}}, None)  # fmt: skip
    due = at("2026-11-27 08:00 +0200")
    rid = seed_reminder(store, due, phone=None)
    store.db.execute("UPDATE reminders SET has_time = 0 WHERE id = ?", [rid])
    notifier = FakeNotifier()
    fire_due(english, store, notifier, None, due)
    [(title, body)] = notifier.calls
    assert title == "Call: Maija Meikäläinen"
    assert body == (f"Nurmikko · maija@example.fi · Promised Fri 27.11. · vasteaika done {rid}"
                    f" · vasteaika snooze {rid} 30m")  # fmt: skip
    store.db.execute("UPDATE reminders SET fired_at = NULL, promise_text = ? WHERE id = ?",
                     ["I will call you on Friday", rid])  # fmt: skip
    mailer = Recorder()
    [fired] = fire_due(english, store, FakeNotifier(shown=False), mailer, due).fired
    assert fired.channel == "email"
    [(_, msg)] = mailer.sent
    assert msg["Subject"] == "Reminder: Call: Maija Meikäläinen"
    text = msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert "Promise: I will call you on Friday" in text.splitlines()
    assert "(No desktop was reachable, so this reminder came by email.)" in text


def test_a_reminder_as_the_json_of_the_reminders_command(config: Config, store: Store) -> None:
    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    fire_due(config, store, FakeNotifier(), None, due - LEAD)
    fresh = get_reminder(store, rid)
    assert fresh.as_json(due - timedelta(seconds=1), HEL) == {
        "id": rid, "conversation_id": fresh.conversation_id, "customer_name": "Maija Meikäläinen",
        "customer_email": "maija@example.fi", "subject": "Nurmikko", "phone": "040 123 4567",
        "due_at": "2026-11-25T15:00:00+02:00", "has_time": True, "snoozed_until": None,
        "overdue": False, "source": "ack", "promise_text": None,
        "fired_at": "2026-11-25T14:50:00+02:00", "delivery": "desktop",
        "kind": "call", "unreadable": False,
    }  # fmt: skip
    assert fresh.as_json(due, HEL)["overdue"] is True
    later = snooze(store, rid, timedelta(minutes=30), due)
    shown = later.as_json(due + timedelta(minutes=29), UTC)
    assert shown["snoozed_until"] == "2026-11-25T13:30:00+00:00" and shown["overdue"] is False
    assert shown["due_at"] == "2026-11-25T13:00:00+00:00"


# --- snooze and done ----------------------------------------------------------------------------


def test_snooze_fires_again_once_at_the_new_time(config: Config, store: Store) -> None:
    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    notifier = FakeNotifier()
    fire_due(config, store, notifier, None, due - LEAD)
    snoozed_at = due - timedelta(minutes=5)
    r = snooze(store, rid, timedelta(minutes=30), snoozed_at)
    assert r.snoozed_until == snoozed_at + timedelta(minutes=30) and r.fired_at is None
    assert due_reminders(store, snoozed_at + timedelta(minutes=29), LEAD) == []
    later = snoozed_at + timedelta(minutes=30)
    assert [f.reminder.id for f in fire_due(config, store, notifier, None, later).fired] == [rid]
    assert fire_due(config, store, notifier, None, later + timedelta(hours=1)).fired == []
    assert len(notifier.calls) == 2
    with pytest.raises(UsageError):
        snooze(store, rid, timedelta(0), later)
    with pytest.raises(UsageError):
        snooze(store, 999, timedelta(minutes=5), later)


def test_done_counts_the_call_as_the_first_response(config: Config, store: Store) -> None:
    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    called = due + timedelta(minutes=3)
    assert mark_done(store, rid, called) is True
    conv = store.db.execute("SELECT first_reply_at, reply_channel FROM conversations").fetchone()
    assert conv == (epoch(called), "call")
    assert open_reminders(store, called) == [] and due_reminders(store, called, LEAD) == []
    with pytest.raises(UsageError) as done_twice:
        mark_done(store, rid, called)
    assert (done_twice.value.message, done_twice.value.hint) == (
        f"reminder {rid} is already done", "nothing to do")  # fmt: skip
    with pytest.raises(UsageError) as snoozed:
        snooze(store, rid, timedelta(minutes=30), called)
    assert (snoozed.value.message, snoozed.value.hint) == (
        f"reminder {rid} is already done", "nothing to snooze")  # fmt: skip


def test_a_snooze_must_be_longer_than_zero(config: Config, store: Store) -> None:
    rid = seed_reminder(store, at("2026-11-25 15:00 +0200"))
    for delta in (timedelta(0), timedelta(minutes=-5)):
        with pytest.raises(UsageError) as caught:
            snooze(store, rid, delta, at("2026-11-25 15:00 +0200"))
        assert (caught.value.message, caught.value.hint) == (
            "a snooze must be longer than zero", "e.g. vasteaika snooze 3 30m")  # fmt: skip


def test_remind_at_takes_a_time_from_now_on_and_says_why_it_refuses(store: Store) -> None:
    """`remind-at`: a time already passed, or a reminder already done, is refused with the
    one line the owner sees; the present moment itself is still ahead enough."""
    rid = seed_reminder(store, at("2026-11-25 15:00 +0200"))
    now = at("2026-11-25 10:00 +0200")
    with pytest.raises(UsageError) as passed:
        set_time(store, rid, now - timedelta(minutes=1), True, now)
    assert (passed.value.message, passed.value.hint) == (
        "25.11. 09:59 has passed", "give a time that is still ahead")  # fmt: skip
    moved = set_time(store, rid, now, True, now)
    assert moved.due_at == now and moved.sequence == 1
    assert [r.id for r in due_reminders(store, now, timedelta(0))] == [rid]
    mark_done(store, rid, now)
    with pytest.raises(UsageError) as done:
        set_time(store, rid, now + timedelta(hours=1), True, now)
    assert (done.value.message, done.value.hint) == (
        f"reminder {rid} is already done", "nothing to set")  # fmt: skip


def test_done_after_a_mail_reply_keeps_the_mail_as_first_response(store: Store) -> None:
    due = at("2026-11-25 15:00 +0200")
    replied = at("2026-11-25 11:00 +0200")
    rid = seed_reminder(store, due, replied_at=replied)
    assert mark_done(store, rid, due) is False
    conv = store.db.execute("SELECT first_reply_at, reply_channel FROM conversations").fetchone()
    assert conv == (epoch(replied), "mail")  # derived again: the reply it had, by mail


# --- the commands -------------------------------------------------------------------------------


def write_config(tmp_path: Path, smtp_port: int = 2525, run_user: Path | None = None) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[account]\nmaildir = "{tmp_path / "mail"}"\n'
        f'[owner]\nname = "Ylermi Testaaja"\naddresses = ["{OWNER}"]\nlanguage = "en"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\nlogin = false\n'
        f'[ack]\nmode = "off"\n'
        f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    return path


# The measured dateparser 1.5.0 failures from the issue, with the reply sent Wed 25.11.2026 09:00.
PROMISE_CASES = [
    ("Soitan sinulle tänään klo 15", {"due_at": "2026-11-25T15:00:00+02:00", "has_time": True}),
    ("Soitan huomenna kello 10", {"due_at": "2026-11-26T10:00:00+02:00", "has_time": True}),
    ("Soitan klo 15", {"due_at": "2026-11-25T15:00:00+02:00", "has_time": True}),
    ("Soitan 27.11. klo 12", {"due_at": "2026-11-27T12:00:00+02:00", "has_time": True}),
    ("Soitan maanantaina klo 14", {"due_at": "2026-11-30T14:00:00+02:00", "has_time": True}),
    ("Soitan tänään klo 15-16 välillä", {"due_at": "2026-11-25T15:00:00+02:00", "has_time": True}),
    ("I'll get back to you by Friday", {"due_at": "2026-11-27T08:00:00+02:00", "has_time": False}),
    ("Kiitos tilauksesta!", {"due_at": None, "has_time": False}),
]


@pytest.mark.parametrize(("text", "expected"), PROMISE_CASES, ids=[c[0] for c in PROMISE_CASES])
def test_promise_command_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: dict[str, object]
) -> None:
    path = write_config(tmp_path)
    argv = ["--config", str(path), "promise", text, "--at", "2026-11-25T09:00", "--json"]
    assert run(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert {key: out[key] for key in expected} == expected
    assert out["kind"] == ("call" if expected["due_at"] else None)


def test_promise_explain_and_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(tmp_path)
    base = ["--config", str(path), "promise", "--at", "2026-11-25T09:12"]
    assert run([*base, "tulen torstaina kahdeksan jälkeen katsomaan puita", "--explain"]) == 0
    out = capsys.readouterr().out
    assert "'kahdeksan jälkeen' → 08:00" in out and "a visit" in out
    assert run([*base, "Soitan 24.11. klo 10", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["due_at"] is None and out["unreadable"] == "24.11."


def test_snooze_never_reminds_earlier_than_the_waiting_reminder(
    config: Config, store: Store
) -> None:
    # The bug: 'snooze 4 30m' at 00:23 on a 10:00 callback moved it to 00:53 and fired at once.
    due = at("2026-11-26 10:00 +0200")
    rid = seed_reminder(store, due)
    night = at("2026-11-26 00:23 +0200")
    with pytest.raises(UsageError, match="would remind earlier"):
        snooze(store, rid, timedelta(minutes=30), night, lead=LEAD)
    r = get_reminder(store, rid)
    assert (r.due_at, r.snoozed_until) == (due, None)
    later = snooze(store, rid, timedelta(hours=10), night, lead=LEAD)
    assert later.due_at == due and later.sequence == 1  # the promise stays; the event moved


def test_promise_command_rejects_a_bad_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config(tmp_path)
    assert run(["--config", str(path), "promise", "Soitan klo 10", "--at", "eilen"]) == 2
    assert "--at" in capsys.readouterr().err


def test_reminders_done_and_snooze_commands(
    tmp_path: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config(tmp_path)
    now = datetime.now(HEL)
    overdue = seed_reminder(store, now - timedelta(hours=1))
    later = seed_reminder(store, now + timedelta(days=1), email="anna@example.fi", name="Anna")
    assert run(["--config", str(path), "reminders", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["overdue"]) for r in listed] == [(overdue, True), (later, False)]
    assert run(["--config", str(path), "reminders"]) == 0
    assert "OVERDUE" in capsys.readouterr().out

    assert run(["--config", str(path), "snooze", str(later), "soon"]) == 2
    assert run(["--config", str(path), "snooze", str(later), "30m"]) == 2  # earlier than due
    assert "would remind earlier" in capsys.readouterr().err
    assert run(["--config", str(path), "snooze", str(later), "2d"]) == 0
    assert "snoozed until" in capsys.readouterr().out
    assert run(["--config", str(path), "done", str(overdue)]) == 0
    assert "first response" in capsys.readouterr().out
    assert run(["--config", str(path), "done", "4711"]) == 2
    assert "no reminder 4711" in capsys.readouterr().err
    assert run(["--config", str(path), "reminders", "--json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [later]


def test_reminders_ics_export_has_stable_uids(
    tmp_path: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config(tmp_path)
    due = datetime.now(HEL).replace(microsecond=0, second=0) + timedelta(days=1)
    rid = seed_reminder(store, due)
    ics = tmp_path / "soitot.ics"
    uids = []
    for _ in range(2):
        assert run(["--config", str(path), "reminders", "--ics", str(ics)]) == 0
        [event] = Calendar.from_ical(ics.read_bytes()).events
        uids.append(str(event["UID"]))
        assert event.decoded("DTSTART") == due
        [alarm] = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == -timedelta(minutes=10)
    assert len(set(uids)) == 1 and re.fullmatch(rf"vasteaika-reminder-{rid}-\d+@[a-z.]+", uids[0])
    assert "Wrote 1 event to" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["remind", "reminders", "done", "snooze", "promise", "schedule"])
def test_reminder_commands_have_help_with_an_example(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Usage:" in out and f"vasteaika {name}" in out


FAKE_CRONTAB = """#!/bin/sh
f="{file}"
if [ "$1" = "-l" ]; then
  [ -f "$f" ] && exec cat "$f"
  echo "no crontab for tester" >&2; exit 1
fi
cat > "$f"
"""


def test_schedule_install_twice_show_and_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "crontab.txt"
    table.write_text("MAILTO=owner@example.fi\n15 3 * * * /usr/local/bin/backup\n")
    script = tmp_path / "fake-crontab"
    script.write_text(FAKE_CRONTAB.format(file=table))
    script.chmod(0o755)
    monkeypatch.setenv("VASTEAIKA_CRONTAB", str(script))
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    path = write_config(tmp_path)
    assert run(["--config", str(path), "schedule", "install"]) == 0
    once = table.read_text()
    assert run(["--config", str(path), "schedule", "install"]) == 0
    assert table.read_text() == once and "already in your crontab" in capsys.readouterr().out
    lines = once.splitlines()
    assert lines[:3] == ["MAILTO=owner@example.fi", "15 3 * * * /usr/local/bin/backup",
                         "CRON_TZ=Europe/Helsinki"]  # fmt: skip
    assert len(lines) == 7 and lines[6].startswith("CRON_TZ=")
    assert all(f"--config {path}" in line for line in lines[3:6])
    assert run(["schedule", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {"crontab": lines[3:6], "systemd_units": []}

    argv = ["--config", str(path), "schedule", "install", "--systemd", "--watch", "--no-enable"]
    assert run(argv) == 0
    unit_dir = tmp_path / "xdg" / "systemd" / "user"
    units = sorted(p.name for p in unit_dir.iterdir())
    assert units == ["vasteaika-check.service", "vasteaika-check.timer",
                     "vasteaika-remind.service", "vasteaika-remind.timer",
                     "vasteaika-watch.service"]  # fmt: skip
    assert (
        "OnCalendar=Mon..Fri *-*-* 07:30:00 Europe/Helsinki\n"
        in (unit_dir / "vasteaika-check.timer").read_text()
    )
    out, err = capsys.readouterr()
    assert "systemctl --user enable --now" in out and "loginctl enable-linger" in out
    assert "crontab lines are installed too" in err and "schedule remove" in err

    assert run(["schedule", "remove"]) == 0
    assert table.read_text().splitlines() == lines[:2]
    assert not list((tmp_path / "xdg" / "systemd" / "user").iterdir())


def test_a_failing_systemctl_shows_its_message_and_exits_non_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    systemctl = bin_dir / "systemctl"
    systemctl.write_text(
        "#!/bin/sh\necho 'Failed to connect to bus: No medium found' >&2\nexit 1\n"
    )
    systemctl.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{Path(sys.executable).parent}:/usr/bin:/bin")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("VASTEAIKA_CRONTAB", str(tmp_path / "no-crontab"))
    path = write_config(tmp_path)

    assert run(["--config", str(path), "schedule", "install", "--systemd"]) == 69

    err = capsys.readouterr().err
    assert "Failed to connect to bus: No medium found" in err
    assert "systemctl --user enable --now vasteaika-check.timer" in err  # how to do it by hand
    assert len(list((tmp_path / "xdg" / "systemd" / "user").iterdir())) == 4  # kept, not lost


def test_email_reminder_text_is_one_line_headers(config: Config, store: Store) -> None:
    due = at("2026-11-25 15:00 +0200")
    seed_reminder(store, due, name="Evil\r\nBcc: x@evil.example", subject="<b>Hi</b>\nthere")
    mailer = Recorder()
    fire_due(config, store, FakeNotifier(shown=False), mailer, due)
    [(_, msg)] = mailer.sent
    parsed = message_from_bytes(msg.as_bytes())
    assert parsed["Bcc"] is None and "\n" not in str(parsed["Subject"])


def test_a_mail_reply_synced_after_the_call_takes_over_if_earlier(
    config: Config, store: Store
) -> None:
    due = at("2026-11-25 15:00 +0200")
    rid = seed_reminder(store, due)
    assert mark_done(store, rid, due + timedelta(minutes=3)) is True
    conv_id, contact_at = store.db.execute(
        "SELECT id, first_contact_at FROM conversations"
    ).fetchone()
    reply_pk = store.db.execute(
        "INSERT INTO messages (folder, uid, uidvalidity, message_id, kind, reasons, from_email,"
        " from_name, subject, base_subject, received_at) VALUES"
        " ('Sent', 9, 1, 'late@p', 'owner', '[]', 'o@p', '', 'Re', 're', ?)",
        [contact_at + 60],
    ).lastrowid
    store.link_answer(conv_id, int(reply_pk or 0), "subject")
    row = store.db.execute("SELECT first_reply_at, reply_channel FROM conversations").fetchone()
    assert row == (contact_at + 60, "mail")


def test_a_promise_is_not_lost_when_the_run_breaks_after_the_sync(
    config: Config, store: Store
) -> None:
    """Review finding: the reply was stored, then the connection dropped before its text was
    read; the next run must still find the promise."""
    from vasteaika.errors import TemporaryError

    src, now = FakeSource(), at("2026-11-25 09:05 +0200")
    src.add("INBOX", CUSTOMER, at("2026-11-25 08:00 +0200"))
    src.add("Sent", owner_reply("Soitan huomenna klo 10.\n"), at("2026-11-25 09:00 +0200"))
    run_check(config, src, store, now)
    real_fetch = src.fetch_text

    def broken(folder: str, uid: int) -> bytes | None:
        raise TemporaryError("the connection was lost", "run again")

    src.fetch_text = broken  # type: ignore[method-assign]
    with pytest.raises(TemporaryError):
        find_reply_promises(config, store, src, 1, now)
    src.fetch_text = real_fetch  # type: ignore[method-assign]
    assert sync(config, store, src, now + timedelta(minutes=5)) == 1
    assert sync(config, store, src, now + timedelta(minutes=10)) == 0


def test_a_reply_repeating_the_acknowledged_time_gives_one_reminder(
    config: Config, store: Store
) -> None:
    src, now = FakeSource(), at("2026-11-25 09:05 +0200")
    src.add("INBOX", CUSTOMER, at("2026-11-25 08:00 +0200"))
    run_check(config, src, store, now)
    conv_id = store.db.execute("SELECT id FROM conversations").fetchone()[0]
    add_reminder(store, conv_id, due_at=epoch(at("2026-11-26 10:00 +0200")), source="ack", phone=None,
                       now=epoch(now))  # fmt: skip
    src.add("Sent", owner_reply("Soitan huomenna klo 10.\n"), at("2026-11-25 09:00 +0200"))
    assert sync(config, store, src, now + timedelta(minutes=1)) == 0
    assert store.count("SELECT count(*) FROM reminders") == 1


def test_the_newest_phone_number_of_a_conversation_is_the_known_one(store: Store) -> None:
    """Two reminders of one conversation with different numbers: the later one's is the
    number known (the customer's newest), whatever order the rows come in."""
    due = at("2026-11-26 10:00 +0200")
    seed_reminder(store, due, phone="040 123 4567")
    conv = store.db.execute("SELECT id FROM conversations").fetchone()[0]
    add_reminder(store, conv, due_at=epoch(due + timedelta(days=1)), source="reply",
                 phone="050 765 4321", now=epoch(due - timedelta(hours=1)))  # fmt: skip
    assert known_phone(store, conv) == "050 765 4321"


LATER_MAIL = mail(
    "Maija Meikäläinen <maija@example.fi>", OWNER, "Re: Nurmikko", "m2@x",
    "Wed, 25 Nov 2026 08:30:00 +0200", extra="In-Reply-To: <m0@p>\n",
    body="Tavoitatte minut nyt numerosta 050 765 4321.\n\nMaija\n\n"
    "ke 25.11.2026 klo 8.10 Ylermi Yrittäjä <ylermi@pihapalvelu.fi> kirjoitti:\n"
    "> Kiitos viestistä.\n> Ylermi, puh. 044 999 8888\n",
)  # fmt: skip
QUOTING_MAIL = mail(
    "Maija Meikäläinen <maija@example.fi>", OWNER, "Re: Nurmikko", "m2@x",
    "Wed, 25 Nov 2026 08:30:00 +0200", extra="In-Reply-To: <m0@p>\n",
    body="Kiitos!\n\n-----Original Message-----\nFrom: Ylermi Yrittäjä\n"
    "Sent: Wednesday, November 25, 2026 8:10\nTo: Maija\n\nYlermi, puh. 044 999 8888\n",
)  # fmt: skip


@pytest.mark.parametrize(
    ("later", "phone"),
    [(LATER_MAIL, "050 765 4321"), (QUOTING_MAIL, "040 123 4567")],
    ids=["a-new-number", "only-the-owners-quoted"],
)
def test_a_number_the_customer_gives_in_a_later_mail_reaches_the_reminder(
    config: Config, store: Store, later: bytes, phone: str
) -> None:
    """The reminder calls the newest number the customer wrote themselves in the conversation;
    a number only in the owner's mail they quote is not theirs."""
    src, now = FakeSource(), at("2026-11-25 09:05 +0200")
    src.add("INBOX", CUSTOMER, at("2026-11-25 08:00 +0200"))
    src.add("INBOX", later, at("2026-11-25 08:30 +0200"))
    src.add("Sent", owner_reply("Hei,\n\nSoitan huomenna klo 10.\n"), at("2026-11-25 09:00 +0200"))
    assert sync(config, store, src, now) == 1
    [r] = open_reminders(store, now)
    assert (r.phone, r.due_at) == (phone, at("2026-11-26 10:00 +0200"))
    kinds = store.db.execute("SELECT DISTINCT kind, conversation_id FROM messages WHERE folder = 'INBOX'")
    assert len(list(kinds)) == 1  # the later mail is the customer's, in the same conversation
