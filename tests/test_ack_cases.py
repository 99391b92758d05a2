"""The labelled real-world shapes of ``ack_cases`` through classify and the ack decision: no robot
is ever acknowledged, no labelled person is refused, every form lead is a contact."""

from __future__ import annotations

import re
from email.utils import parseaddr

import pytest

from ack_cases import CASES, OWNER, Case
from ack_judge import judge
from vasteaika.models import Kind

ROBOTS = [c for c in CASES if c.label == "robot"]
HUMANS = [c for c in CASES if c.label == "human"]
FORMS = [c for c in CASES if c.label == "form_lead"]
# People who get no acknowledgment, for the reason their case's note gives (not a robot reason).
HUMAN_NO_ACK = {
    "h-co-xars-human": {"auto-response-suppress"},
    "h-co-xars-all-human": {"auto-response-suppress"},
    "h-role-hallitus": {"reply-to-elsewhere"},
    "h-reply-to-spouse": {"reply-to-elsewhere"},
    "h-kiitos-vs": {"reply-to-ack"},
    "h-missing-return-path": {"no-return-path"},
}


def _header(case: Case, name: str) -> str:
    return next((v for n, v in case.headers if n.lower() == name.lower()), "")


def _email(case: Case, name: str) -> str:
    value = _header(case, name)
    inside = re.search(r"<([^<>]+)>\s*$", value)  # a display name may hold an unquoted comma
    return (inside[1] if inside else parseaddr(value)[1]).lower()


def test_the_table_is_big_and_sourced() -> None:
    assert len(CASES) >= 200
    assert all(case.source.strip() for case in CASES)
    assert len(ROBOTS) >= 100 and len(HUMANS) >= 80 and len(FORMS) >= 15


@pytest.mark.parametrize("case", ROBOTS, ids=lambda c: c.id)
def test_no_robot_is_acknowledged(case: Case) -> None:
    assert not judge(case).decision.send
    # …not even when the owner lists its From as a contact form of theirs.
    assert not judge(case, form_senders=(_email(case, "From"),)).decision.send


@pytest.mark.parametrize("case", HUMANS, ids=lambda c: c.id)
def test_no_person_is_refused(case: Case) -> None:
    verdict = judge(case)
    assert verdict.cls.kind is Kind.CUSTOMER, verdict.cls.reasons
    assert not verdict.cls.via_form
    assert verdict.cls.customer is not None
    assert verdict.cls.customer.email == _email(case, "From")
    if case.id in HUMAN_NO_ACK:
        assert verdict.codes == HUMAN_NO_ACK[case.id]
    else:
        assert verdict.decision.send, verdict.decision.reasons


@pytest.mark.parametrize("case", FORMS, ids=lambda c: c.id)
def test_a_form_lead_is_a_contact_acknowledged_only_from_an_allowed_relay(case: Case) -> None:
    relay = _email(case, "From")
    verdict = judge(case)
    assert verdict.cls.kind is Kind.CUSTOMER and verdict.cls.via_form, verdict.cls.reasons
    assert verdict.cls.customer is not None
    assert verdict.cls.customer.email == _email(case, "Reply-To")
    own_domain = relay.endswith("@" + OWNER.rpartition("@")[2])
    assert verdict.decision.send is own_domain, verdict.decision.reasons
    if not own_domain:
        assert "form-not-allowed" in verdict.codes
    allowed = judge(case, form_senders=(relay,))
    assert allowed.decision.send, allowed.decision.reasons
    assert allowed.decision.recipient is not None
    assert allowed.decision.recipient.email == _email(case, "Reply-To")
