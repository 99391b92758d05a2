"""A conversation's whole state after three turns, a call and a close (issue 19: the derivation's
rules that mutation testing showed no other test held). The owner reads from it who answered
when (first and last reply, by mail or by phone), since when a customer waits, and whether the
owner's close still holds — so each case compares the whole ``TurnState``."""

from __future__ import annotations

from vasteaika.ledger.turns import Event, Happening, Turn, TurnState, derive

H = 3600
C, A, CALL, CLOSE, REOPEN = Event.CUSTOMER, Event.ANSWER, Event.CALL, Event.CLOSE, Event.REOPEN


def state(*timeline: tuple[float, Event, int | None]) -> TurnState:
    return derive([Happening(int(h * H), e, m) for h, e, m in timeline])


THREE_TURNS = ((0, C, 1), (1, A, 2), (2, C, 3), (3, A, 4), (4, C, 5))


def test_the_third_turn_answered_by_phone() -> None:
    assert state(*THREE_TURNS, (5, CALL, None)) == TurnState(
        turns=(
            Turn(1, 0, 1 * H, 2, "mail"),
            Turn(2, 2 * H, 3 * H, 4, "mail"),
            Turn(3, 4 * H, 5 * H, None, "call"),
        ),
        first_reply_at=1 * H,
        first_reply_pk=2,
        first_channel="mail",
        last_reply_at=5 * H,
    )


def test_the_third_turn_closed_holds_the_close() -> None:
    assert state(*THREE_TURNS, (5, CLOSE, None)) == TurnState(
        turns=(
            Turn(1, 0, 1 * H, 2, "mail"),
            Turn(2, 2 * H, 3 * H, 4, "mail"),
            Turn(3, 4 * H, closed_at=5 * H),
        ),
        first_reply_at=1 * H,
        first_reply_pk=2,
        first_channel="mail",
        last_reply_at=3 * H,
        closed_at=5 * H,
    )


def test_the_third_turn_reopened_waits_again_since_its_mail() -> None:
    assert state(*THREE_TURNS, (5, CLOSE, None), (6, REOPEN, None)) == TurnState(
        turns=(
            Turn(1, 0, 1 * H, 2, "mail"),
            Turn(2, 2 * H, 3 * H, 4, "mail"),
            Turn(3, 4 * H),
        ),
        first_reply_at=1 * H,
        first_reply_pk=2,
        first_channel="mail",
        last_reply_at=3 * H,
        waiting_since=4 * H,
    )


def test_a_first_answer_by_phone() -> None:
    assert state((0, C, 1), (2, CALL, None), (3, A, 7)) == TurnState(
        turns=(Turn(1, 0, 2 * H, None, "call"),),
        first_reply_at=2 * H,
        first_reply_pk=None,
        first_channel="call",
        last_reply_at=3 * H,
    )


def test_two_answers_in_one_second_the_earlier_mail_answers_whatever_the_order_read() -> None:
    for answers in (((1, A, 9), (1, A, 7)), ((1, A, 7), (1, A, 9))):
        got = state((0, C, 1), *answers)
        assert got.turns == (Turn(1, 0, 1 * H, 7, "mail"),)
        assert (got.first_reply_pk, got.last_reply_at) == (7, 1 * H)


def test_an_answer_before_the_first_contact_is_no_reply_at_all() -> None:
    assert state((0, A, 2), (1, C, 1)) == TurnState(turns=(Turn(1, 1 * H),), waiting_since=1 * H)


def test_only_the_owner_s_mail_is_no_turn_and_nobody_waits() -> None:
    assert state((0, A, 2), (1, CALL, None), (2, CLOSE, None)) == TurnState()


def test_a_close_and_reopen_before_the_first_contact_change_nothing() -> None:
    """Decisions stamped before the conversation's first mail (a mail server's clock up to an
    hour ahead, which the check allows): nothing was open to close or reopen, and the customer
    still waits since their mail."""
    before = state((0, CLOSE, None), (0.5, REOPEN, None), (1, C, 1))
    assert before == state((1, C, 1))
    assert before == TurnState(turns=(Turn(1, 1 * H),), waiting_since=1 * H)
