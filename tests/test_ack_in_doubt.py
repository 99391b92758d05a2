"""An acknowledgment in doubt (issue 12): recorded pending, the run stopped inside the SMTP
exchange. It is never sent again, but the callback it may have promised is reminded of, marked
"the acknowledgment may have been sent"; once the ack is seen in Sent the reminder is an
ordinary one, never a second."""

from __future__ import annotations

from datetime import timedelta
from email.message import EmailMessage

import pytest

from fakes import FakeSource, mail
from test_outbox import OWNER, Recorder, at, config, customer, run, store  # noqa: F401 (fixtures)
from vasteaika.acks.outbox import acknowledge_new, draft_or_send
from vasteaika.config import Config
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store
from vasteaika.mail.smtp import UncertainDeliveryError
from vasteaika.reminders.callbacks import notification_text
from vasteaika.reminders.store import open_reminders

NOW = at("2026-11-25 09:10 +0200")


def anna(src: FakeSource) -> None:
    src.add("INBOX", customer("Anna Aaltonen <anna@example.fi>", "Lumityöt", "a@x",
                              "Wed, 25 Nov 2026 09:00:00 +0200"), NOW - timedelta(minutes=10))  # fmt: skip


def reminders(db: Store) -> list[tuple[str, int]]:
    return db.db.execute("SELECT source, due_at FROM reminders").fetchall()  # type: ignore[no-any-return]


def seen_in_sent(src: FakeSource, db: Store) -> None:
    [mid] = db.db.execute("SELECT ack_message_id FROM conversations").fetchone()
    src.add("Sent", mail(f"Ylermi <{OWNER}>", "anna@example.fi", "Re: Lumityöt", mid,
                         extra="Auto-Submitted: auto-replied\nX-Vasteaika-Ack: 1\n"), NOW)  # fmt: skip


def test_uncertain_delivery_is_reminded_marked_in_doubt_and_never_resent(
    config: Config,  # noqa: F811
    store: Store,  # noqa: F811
) -> None:
    src, rec = FakeSource(), Recorder()
    anna(src)
    rec.fail = UncertainDeliveryError("the connection broke after the message was sent", "check")
    with pytest.raises(UncertainDeliveryError):
        run(config, store, src, NOW, rec)
    callback = int(at("2026-11-25 15:00 +0200").timestamp())
    assert reminders(store) == [("ack_in_doubt", callback)]
    [reminder] = open_reminders(store, NOW)
    _, text = notification_text(reminder, config)
    assert "Kuittaus on ehkä lähetetty" in text
    rec.fail = None
    assert run(config, store, src, NOW + timedelta(minutes=5), rec) == 0 and rec.sent == []
    assert reminders(store) == [("ack_in_doubt", callback)]
    seen_in_sent(src, store)
    run(config, store, src, NOW + timedelta(minutes=10), rec)
    assert reminders(store) == [("ack", callback)] and rec.sent == []
    _, text = notification_text(open_reminders(store, NOW)[0], config)
    assert "ehkä" not in text


def test_a_run_stopped_inside_the_smtp_exchange_is_reminded_by_the_next(
    config: Config,  # noqa: F811
    store: Store,  # noqa: F811
) -> None:
    src = FakeSource()
    anna(src)
    run_check(config, src, store, NOW)

    def killed(msg: EmailMessage, recipient: str) -> None:
        raise KeyboardInterrupt  # the process stops after the row was recorded pending

    with pytest.raises(KeyboardInterrupt):
        acknowledge_new(config, store, src, NOW, killed)
    assert reminders(store) == []
    rec = Recorder()
    assert run(config, store, src, NOW + timedelta(minutes=5), rec) == 0 and rec.sent == []
    assert reminders(store) == [("ack_in_doubt", int(at("2026-11-25 15:00 +0200").timestamp()))]
    out = acknowledge_new(config, store, src, NOW + timedelta(minutes=6),
                          draft_or_send(rec, None, "send", False))  # fmt: skip
    assert out.delivered == [] and len(reminders(store)) == 1  # once, however many runs
