"""Whose mail is the owner's is decided from ``[owner] addresses`` only (issue 14): a colleague
or subcontractor at the owner's domain is not the owner, so a customer's mail to them that also
reaches the owner's mailbox (Bcc, a shared domain's forward) is no mail addressed to the owner
and gets no acknowledgment in the owner's name. An alias listed in ``[owner] addresses`` (info@)
is the owner's."""

from __future__ import annotations

import pytest

from live_mailbox import OWNER, Live, env, live  # noqa: F401  (env, live: fixtures)

COLLEAGUE = "pekka@pihapalvelu.fi"  # a subcontractor with a mailbox at the owner's domain
ALIAS = "info@pihapalvelu.fi"


def test_on_a_real_server_mail_to_a_colleague_at_the_owners_domain_gets_no_ack(
    live: Live,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = live.config.read_text(encoding="utf-8")
    live.config.write_text(text.replace(f'addresses = ["{OWNER}"]',
                                        f'addresses = ["{OWNER}", "{ALIAS}"]'), encoding="utf-8")  # fmt: skip
    # Maija's mail is the owner's Bcc copy of a mail to the colleague.
    live.deliver("Maija Virtanen <maija@virtanen.example>", "Laatoitus", "m@x", to=COLLEAGUE)
    live.deliver("Kalle Koski <kalle@koski.example>", "Tarjous", "k@x", to=f"Pihapalvelu <{ALIAS}>")

    result = live.check(capsys)
    assert [a["recipient"] for a in result["acknowledgments"]] == ["kalle@koski.example"]
    assert live.sent_to() == ["kalle@koski.example"]
