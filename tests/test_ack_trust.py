"""Issue 12, DMARC without configuration: the Authentication-Results reader, the id learned from
the INBOX (acks/trust.py) and what the decision does with its verdict. The same against a real
Dovecot and aiosmtpd is in test_e2e_nordic_acks.py."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from fakes import FakeSource
from test_acknowledge import SETTINGS, codes, make_msg, run
from test_outbox import OWNER, Recorder, at, customer
from vasteaika.acks.outbox import acknowledge_new, draft_or_send
from vasteaika.acks.trust import describe, learned_authserv_id
from vasteaika.config import Config, config_from_dict
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store, open_database
from vasteaika.mail.authresults import dmarc_of, dmarc_passed, topmost_authserv_id

PROVIDER = "mx.pihapalvelu-posti.example"
NOW = at("2026-11-25 09:10 +0200")  # a Wednesday morning


# --- reading the header ---------------------------------------------------------------------


def test_topmost_id_is_the_first_header_and_empty_without_one() -> None:
    values = ("mx.google.com; dkim=pass header.i=@example.fi", "forged.example; dmarc=pass")
    assert topmost_authserv_id(values) == "mx.google.com"
    assert topmost_authserv_id(("MX.Google.com (comment) 1; none",)) == "mx.google.com"
    assert topmost_authserv_id(()) == ""


def test_dmarc_verdict_is_read_from_the_first_header_of_the_trusted_id_only() -> None:
    values = (
        "mx.other.example; dmarc=pass header.from=example.fi",
        f"{PROVIDER}; spf=fail smtp.mailfrom=example.fi; dmarc=fail (p=REJECT) header.from=example.fi",
        f"{PROVIDER}; dmarc=pass header.from=example.fi",  # written by the sender: below ours
    )
    verdict = dmarc_of(values, PROVIDER)
    assert verdict is not None and (verdict.result, verdict.header_from) == ("fail", "example.fi")
    assert dmarc_of((f"{PROVIDER}; spf=pass",), PROVIDER) is None


@pytest.mark.parametrize(
    ("value", "sender", "passed"),
    [
        (f"{PROVIDER}; dmarc=pass (p=NONE) header.from=yritys.example", "a@yritys.example", True),
        (f"{PROVIDER}; dmarc=pass", "a@yritys.example", True),
        (f"{PROVIDER}; dmarc=pass header.from=muu.example", "a@yritys.example", False),
        (f"{PROVIDER}; dmarc=bestguesspass header.from=yritys.example", "a@yritys.example", False),
        ("mx.forged.example; dmarc=pass header.from=yritys.example", "a@yritys.example", False),
    ],
)
def test_dmarc_passed_only_for_the_from_domain_by_the_trusted_id(
    value: str, sender: str, passed: bool
) -> None:
    assert dmarc_passed((value,), PROVIDER, sender) is passed
    assert dmarc_passed((value,), None, sender) is False


# --- the decision ---------------------------------------------------------------------------

SES = "0100018c2f3a-9d1e-000000@amazonses.com"  # a business app's sending service


def test_dmarc_pass_aligns_a_return_path_of_another_domain() -> None:
    passed = (
        "mx.putkityo.fi; spf=pass smtp.mailfrom=amazonses.com; dkim=pass; dmarc=pass"
        " header.from=example.com"
    )
    decision = run(make_msg(return_path=SES, headers={"authentication-results": (passed,)}))
    assert decision.send, decision.reasons


def test_without_a_pass_a_return_path_of_another_domain_is_still_refused() -> None:
    none = "mx.putkityo.fi; spf=pass smtp.mailfrom=amazonses.com; dmarc=none header.from=example.com"
    for settings, headers in (
        (SETTINGS, {"authentication-results": (none,)}),
        (SETTINGS, {}),
        (replace(SETTINGS, trusted_authserv_id=None), {"authentication-results": (none,)}),
    ):
        decision = run(make_msg(return_path=SES, headers=headers), settings=settings)
        assert "envelope-mismatch" in codes(decision)


def test_dmarc_pass_for_another_domain_aligns_nothing() -> None:
    other = "mx.putkityo.fi; dmarc=pass header.from=amazonses.com"
    decision = run(make_msg(return_path=SES, headers={"authentication-results": (other,)}))
    assert "envelope-mismatch" in codes(decision)


# --- learning the id from the INBOX ---------------------------------------------------------


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi Yrittäjä", "addresses": [OWNER]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )


def _stamped(src: FakeSource, n: int, authserv: str | None, *, domains: int = 3,
             start: int = 0) -> None:  # fmt: skip
    """``n`` old customer mails (days ago: never acknowledged), each with ``authserv``'s header
    on top (none when None), from ``domains`` different sender domains."""
    for i in range(start, start + n):
        when = NOW - timedelta(days=3, minutes=i)
        stamp = f"Authentication-Results: {authserv}; spf=pass; dmarc=pass\n" if authserv else ""
        raw = customer(f"Asiakas {i} <a{i}@yritys{i % domains}.example>", f"Kysymys {i}",
                       f"old{i}@x", when.strftime("%a, %d %b %Y %H:%M:%S +0000"), extra=stamp)  # fmt: skip
        src.add("INBOX", raw, when)


@pytest.mark.parametrize(
    ("stamps", "learned"),
    [
        ([(10, PROVIDER, 3)], PROVIDER),
        ([(19, PROVIDER, 3), (1, None, 3)], PROVIDER),  # a mail APPENDed by hand: 95 % stamped
        ([(4, PROVIDER, 3)], None),  # too few mails to say
        ([(7, PROVIDER, 3), (3, None, 3)], None),  # 70 %: not nearly all
        ([(5, PROVIDER, 3), (5, "mx.other.example", 3)], None),  # two ids
        ([(10, PROVIDER, 1)], None),  # one sender's own headers, not the provider's
        ([(10, None, 3)], None),  # a mailbox without such headers
    ],
)
def test_the_id_on_top_of_nearly_all_recent_inbox_mail_from_several_senders_is_learned(
    config: Config, stamps: list[tuple[int, str | None, int]], learned: str | None
) -> None:
    src, start = FakeSource(), 0
    for n, authserv, domains in stamps:
        _stamped(src, n, authserv, domains=domains, start=start)
        start += n
    store = open_database(config.database)
    run_check(config, src, store, NOW)
    assert learned_authserv_id(store, config.inbox) == learned


def _ack_run(config: Config, store: Store, src: FakeSource, now: datetime) -> tuple[int, str | None]:
    rec = Recorder()
    run_check(config, src, store, now)
    outcome = acknowledge_new(config, store, src, now, draft_or_send(rec, None, "send", False))
    return len(rec.sent), outcome.learned_authserv_id


def test_auto_refuses_a_dmarc_failing_spoof_and_says_the_learned_id_once(config: Config) -> None:
    assert config.ack.authserv_id == "auto"  # the default
    src = FakeSource()
    _stamped(src, 10, PROVIDER)
    spoof = customer("Pankki <asiakaspalvelu@pankki.example>", "Tarjouspyyntö", "s1@x",
                     "Wed, 25 Nov 2026 09:00:00 +0200",
                     extra=f"Authentication-Results: {PROVIDER}; spf=fail"
                           " smtp.mailfrom=pankki.example; dmarc=fail (p=REJECT)"
                           " header.from=pankki.example\n")  # fmt: skip
    src.add("INBOX", spoof, NOW - timedelta(minutes=10))
    store = open_database(config.database)
    assert _ack_run(config, store, src, NOW) == (0, PROVIDER)
    reasons = store.db.execute("SELECT ack_reasons FROM conversations WHERE subject = ?",
                               ["Tarjouspyyntö"]).fetchone()[0]  # fmt: skip
    assert f"unverified: {PROVIDER} says dmarc=fail" in reasons
    assert _ack_run(config, store, src, NOW + timedelta(minutes=5)) == (0, None)  # said once
    assert PROVIDER in describe(config.ack.authserv_id, store)


def test_auto_on_a_mailbox_without_such_headers_behaves_as_before(config: Config) -> None:
    src = FakeSource()
    _stamped(src, 10, None)
    forged = customer("Maija <maija@example.fi>", "Tarjouspyyntö", "m1@x",
                      "Wed, 25 Nov 2026 09:00:00 +0200",
                      extra="Authentication-Results: mx.whoever.example; dmarc=fail\n")  # fmt: skip
    src.add("INBOX", forged, NOW - timedelta(minutes=10))
    store = open_database(config.database)
    assert _ack_run(config, store, src, NOW) == (1, None)
    assert "none trusted" in describe(config.ack.authserv_id, store)


@pytest.mark.parametrize(("value", "expected"), [("", "auto"), ("auto", "auto"), ("off", None),
                                                  ("MX.Google.com", "mx.google.com")])  # fmt: skip
def test_authserv_id_setting(tmp_path: Path, value: str, expected: str | None) -> None:
    config = config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Y", "addresses": [OWNER]},
            "ack": {"authserv_id": value},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )
    assert config.ack.authserv_id == expected


def test_an_explicit_id_is_used_as_configured_and_never_learned(config: Config) -> None:
    src = FakeSource()
    _stamped(src, 10, PROVIDER)
    store = open_database(config.database)
    named = replace(config, ack=replace(config.ack, authserv_id="mx.named.example"))
    assert _ack_run(named, store, src, NOW) == (0, None)
    assert describe("mx.named.example", store).startswith(
        "Authentication-Results trusted from mx.named.example"
    )
