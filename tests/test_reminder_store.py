"""The reminder store at its edges: each test holds a rule whose breaking mutation testing
showed no other test noticed (issue 19; benchmarks/mutation.py, reminders.store)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from test_reminders import seed_reminder
from vasteaika.errors import UsageError
from vasteaika.ledger.store import Store, epoch, open_database
from vasteaika.reminders.store import (
    CLAIM_LEASE,
    cancel_for_conversation,
    cancel_ignored,
    claim,
    get_reminder,
    later_customer_mails,
    mark_done,
    next_due_by_conversation,
    record_delivery,
    release_stale_claims,
    reminders_of,
    snooze,
)

NOON = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
LEAD = timedelta(minutes=10)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_database(tmp_path / "v.db")


def _conversations(store: Store, dues: list[datetime]) -> list[tuple[int, int]]:
    """(conversation id, reminder id) of one reminder due at each time, each its own customer."""
    made = []
    for n, due in enumerate(dues):
        reminder_id = seed_reminder(store, due, email=f"c{n}@example.fi", name=f"Asiakas {n}")
        conversation_id = get_reminder(store, reminder_id).conversation_id
        assert conversation_id is not None
        made.append((conversation_id, reminder_id))
    return made


def _long_list(placed: dict[int, int]) -> list[int]:
    """1,001 conversation ids (more than two of the store's chunks of 500), with the given ones
    at the given places and conversations that do not exist elsewhere."""
    ids = list(range(100_000, 101_001))
    for place, conversation_id in placed.items():
        ids[place] = conversation_id
    return ids


def test_the_queue_knows_the_callback_of_every_conversation_in_a_long_list(store: Store) -> None:
    """The contact queue asks for the next callback of every waiting conversation at once; the
    ones past the first 500 (and the 501st exactly) must not lose theirs."""
    dues = [NOON + timedelta(hours=h) for h in range(4)]
    made = _conversations(store, dues)
    ids = _long_list({0: made[0][0], 499: made[1][0], 500: made[2][0], 1000: made[3][0]})
    assert next_due_by_conversation(store, ids) == {
        conversation: epoch(due) for (conversation, _), due in zip(made, dues, strict=True)
    }


def test_a_customers_reminders_are_all_listed_soonest_first_with_their_cancelling(
    store: Store,
) -> None:
    """`vasteaika customer` lists every reminder of the customer's conversations, however many
    conversations there are, soonest first, each with when it was cancelled."""
    dues = [NOON + timedelta(hours=3), NOON + timedelta(hours=1), NOON + timedelta(hours=2)]
    made = _conversations(store, dues)
    closed_at = NOON - timedelta(hours=1)
    cancel_for_conversation(store, made[2][0], closed_at)
    ids = _long_list({0: made[0][0], 500: made[1][0], 1000: made[2][0]})
    listed = reminders_of(store, ids)
    assert [(r.id, r.due_at, cancelled) for r, cancelled in listed] == [
        (made[1][1], dues[1], None),
        (made[2][1], dues[2], closed_at),
        (made[0][1], dues[0], None),
    ]
    assert reminders_of(store, []) == []


def test_a_long_delivery_failure_is_kept_to_500_characters(store: Store) -> None:
    (_, failed), (_, sent) = _conversations(store, [NOON, NOON])
    for reminder_id, channel in ((failed, "failed"), (sent, "email")):
        assert claim(store, reminder_id, NOON)
        record_delivery(store, reminder_id, channel, "x" * 499 + "yz" + "!" * 100)
        assert get_reminder(store, reminder_id).delivery_note == "x" * 499 + "y"
    assert get_reminder(store, failed).fired_at is None  # failed: due again
    assert get_reminder(store, sent).fired_at == NOON


def test_a_claim_left_by_a_killed_run_is_released_as_failed(store: Store) -> None:
    [(_, reminder_id)] = _conversations(store, [NOON])
    assert claim(store, reminder_id, NOON)
    assert release_stale_claims(store, NOON + CLAIM_LEASE + timedelta(seconds=1)) == 1
    released = get_reminder(store, reminder_id)
    assert (released.fired_at, released.delivery, released.delivery_note) == (
        None,
        "failed",
        "interrupted while being delivered",
    )


def test_nothing_is_cancelled_when_no_customer_is_ignored(store: Store) -> None:
    [(_, reminder_id)] = _conversations(store, [NOON])
    assert cancel_ignored(store, (), NOON) == 0
    assert get_reminder(store, reminder_id).done_at is None


def test_a_snooze_may_remind_exactly_when_the_reminder_would_anyway(store: Store) -> None:
    """Due at noon with a 10-minute lead, the reminder comes at 11:50: a snooze to 11:50 or
    later is taken, one to 11:49 is refused, naming the reminder and both times."""
    [(_, reminder_id)] = _conversations(store, [NOON])
    now = NOON - timedelta(hours=1)
    with pytest.raises(UsageError) as refused:
        snooze(store, reminder_id, timedelta(minutes=49), now, lead=LEAD)
    assert str(refused.value).startswith(
        f"reminder {reminder_id} has not reminded you yet; snoozing would remind earlier,"
        " at 02.12. 11:49 instead of 02.12. 11:50"
    )
    snoozed = snooze(store, reminder_id, timedelta(minutes=50), now, lead=LEAD)
    assert snoozed.snoozed_until == NOON - LEAD


def test_a_snooze_between_the_lead_and_the_promise_is_taken(store: Store) -> None:
    [(_, reminder_id)] = _conversations(store, [NOON])
    snoozed = snooze(
        store, reminder_id, timedelta(minutes=55), NOON - timedelta(hours=1), lead=LEAD
    )
    assert snoozed.snoozed_until == NOON - timedelta(minutes=5)


def test_a_call_done_when_the_mail_reply_came_is_not_the_first_response(store: Store) -> None:
    """The owner answered by mail at 11:00 and marks the call done in that same second: the mail
    was the first response, so 'done' does not say the call was."""
    at = NOON - timedelta(hours=1)
    reminder_id = seed_reminder(store, NOON, replied_at=at)
    assert not mark_done(store, reminder_id, at)


def test_a_reminder_without_a_conversation_is_never_a_first_response(store: Store) -> None:
    [(_, reminder_id)] = _conversations(store, [NOON])
    store.db.execute("UPDATE reminders SET conversation_id = NULL WHERE id = ?", [reminder_id])
    assert not mark_done(store, reminder_id, NOON)
    assert get_reminder(store, reminder_id).done_at == NOON


def test_the_calendar_sees_everything_the_reminder_says(store: Store) -> None:
    [(_, reminder_id)] = _conversations(store, [NOON])
    store.db.execute(
        "UPDATE reminders SET kind = 'visit', sequence = 3, source = 'reply',"
        " promise_text = 'käyn paikan päällä' WHERE id = ?",
        [reminder_id],
    )
    reminder = get_reminder(store, reminder_id)
    info = reminder.info("pihapalvelu.fi")
    assert (info.id, info.phone, info.source, info.kind, info.sequence, info.promise_text) == (
        reminder_id,
        "040 123 4567",
        "reply",
        "visit",
        3,
        "käyn paikan päällä",
    )
    assert (info.customer_name, info.customer_email, info.subject, info.due_at) == (
        "Asiakas 0",
        "c0@example.fi",
        "Nurmikko",
        NOON,
    )


def test_a_later_phone_number_is_looked_for_in_the_ten_newest_later_mails(store: Store) -> None:
    """Where the customer gave a new number: their later mails, newest first — ten at most, so a
    long conversation does not fetch every mail again from the server at each run."""
    reminder_id = seed_reminder(store, NOON)
    conversation_id = get_reminder(store, reminder_id).conversation_id
    assert conversation_id is not None
    with store.db.atomic():
        for uid in range(2, 14):
            store.insert_message(
                {"folder": "INBOX", "uid": uid, "uidvalidity": 1, "message_id": f"later-{uid}",
                 "kind": "customer", "reasons": "[]", "from_email": "maija@example.fi", "from_name": "Maija",
                 "customer_email": "maija@example.fi", "customer_name": "Maija",
                 "subject": "Re: Nurmikko",
                 "base_subject": "Nurmikko", "received_at": epoch(NOON) + uid,
                 "conversation_id": conversation_id},
                [], ["ylermi@pihapalvelu.fi"],
            )  # fmt: skip
    later = later_customer_mails(store, conversation_id)
    assert [ref.uid for ref in later] == list(range(13, 3, -1))
