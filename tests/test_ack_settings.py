"""The [ack] settings a user writes, refused with every problem named in one message (issue 19).

Two layers refuse them: the config file's own checks (a wrong type, an unknown key), and the
acknowledgment's settings (``AckSettings``) for values the file's checks let through but an
acknowledgment must not carry: a zero ``max_age``, a subject prefix that could break a header,
an owner address that is no address. Each wrong key or value is named; nothing right is.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from vasteaika.acks.decision import AckSettings
from vasteaika.acks.outbox import ack_settings
from vasteaika.config import config_from_dict, load_config
from vasteaika.errors import ConfigError

OWNER = "ylermi@pihapalvelu.fi"
MINIMAL: dict[str, Any] = {
    "account": {"imap_host": "imap.example.fi", "username": OWNER},
    "owner": {"addresses": [OWNER, "Info@Pihapalvelu.fi"], "name": "Ylermi Yrittäjä"},
}
HINT = " — fix the [ack] section"
PREFIX = "ack.subject_prefix must be short text without control characters"


def settings(**changes: Any) -> AckSettings:
    values: dict[str, Any] = {"mode": "send", "owner_name": "Ylermi", "owner_address": OWNER}
    return AckSettings(**{**values, **changes})


def refusal(**changes: Any) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        settings(**changes)
    return caught.value


# --- the config file ------------------------------------------------------------------------


def test_a_bad_ack_section_in_the_file_names_every_wrong_key_at_once(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[account]\nimap_host = "imap.example.fi"\nusername = "ylermi@pihapalvelu.fi"\n'
        '[owner]\naddresses = ["ylermi@pihapalvelu.fi"]\n'
        '[ack]\nmode = "sent"\nonce_per_days = 0\nmax_age = "soon"\nsubject_prefix = 3\n'
        'colour = "red"\nlead = "60m"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.problems == [
        "unknown key ack.colour (known: mode, max_age, once_per_days, callback_times, lead,"
        " calls_per_slot, key_lead, language, save_to_sent, key_customers, form_senders,"
        " templates, signature, authserv_id, subject_prefix, vacation_from, vacation_until,"
        " vacation_substitute)",
        'ack.mode = \'sent\': expected one of "send", "draft", "off"',
        'ack.max_age = \'soon\': expected a duration like "2h", "60m" or "1d" (at most 3650 days)',
        "ack.once_per_days = 0: expected a positive number (at most 100000)",
        "ack.subject_prefix = 3: expected a text in quotes",
    ]
    line = caught.value.line()
    assert line.startswith(f"{path}: 5 problem(s): unknown key ack.colour")
    assert all(p in line for p in caught.value.problems)


def test_what_the_file_lets_through_the_acknowledgment_refuses_naming_each() -> None:
    config = config_from_dict(
        {**MINIMAL, "ack": {"mode": "draft", "max_age": "0m", "subject_prefix": "Re:\tx "}}, None
    )
    with pytest.raises(ConfigError) as caught:
        ack_settings(config)
    assert caught.value.problems == ["ack.max_age must be positive", PREFIX]
    assert caught.value.line() == (
        f"invalid acknowledgment settings: ack.max_age must be positive; {PREFIX}{HINT}"
    )


def test_the_settings_carry_every_value_of_the_ack_section() -> None:
    config = config_from_dict(
        {
            **MINIMAL,
            "ack": {
                "mode": "draft",
                "max_age": "45m",
                "once_per_days": 3,
                "form_senders": ["lomake@verkkosivut.example"],
                "subject_prefix": "Auto: ",
            },
        },
        None,
    )
    made = ack_settings(config, "mx.pihapalvelu.fi")
    assert made == AckSettings(
        mode="draft",
        owner_name="Ylermi Yrittäjä",
        owner_address=OWNER,
        owner_addresses=frozenset({OWNER, "info@pihapalvelu.fi"}),
        max_age=timedelta(minutes=45),
        once_per_days=3,
        form_senders=("lomake@verkkosivut.example",),
        trusted_authserv_id="mx.pihapalvelu.fi",
        subject_prefix="Auto: ",
    )
    assert made.all_owner_addresses == {OWNER, "info@pihapalvelu.fi"}


# --- AckSettings: each problem, word for word -----------------------------------------------


def test_every_problem_is_named_in_one_message_in_order() -> None:
    error = refusal(
        mode="sent",
        owner_address="ylermi",
        owner_addresses=frozenset({"b@@x.fi", "a@x.fi", "a b@x.fi"}),
        max_age=timedelta(0),
        once_per_days=0,
        subject_prefix="Re:\r\nBcc: x@y.fi",
    )
    assert error.problems == [
        "ack.mode must be send, draft or off, not 'sent'",
        "owner address 'ylermi': must contain exactly one @",
        "owner address 'a b@x.fi': the part before @ has characters that are not allowed"
        " (space, comma, quote …)",
        "owner address 'b@@x.fi': must contain exactly one @",
        "ack.max_age must be positive",
        "ack.once_per_days must be at least 1 (RFC 5230 forbids 0)",
        PREFIX,
    ]
    assert error.line() == ("invalid acknowledgment settings: " + "; ".join(error.problems) + HINT)
    assert error.exit_code == 78


@pytest.mark.parametrize("mode", ["send", "draft", "off"])
def test_each_mode_is_accepted(mode: str) -> None:
    assert settings(mode=mode).mode == mode


@pytest.mark.parametrize("mode", ["Send", "", "on", "drafts"])
def test_another_mode_is_refused(mode: str) -> None:
    assert refusal(mode=mode).problems == [f"ack.mode must be send, draft or off, not {mode!r}"]


def test_max_age_of_one_second_is_enough_and_none_or_less_is_refused() -> None:
    assert settings(max_age=timedelta(seconds=1)).max_age == timedelta(seconds=1)
    for age in (timedelta(0), timedelta(minutes=-5)):
        assert refusal(max_age=age).problems == ["ack.max_age must be positive"]


def test_once_per_days_of_one_is_accepted_and_zero_refused() -> None:
    assert settings(once_per_days=1).once_per_days == 1
    for days in (0, -7):
        assert refusal(once_per_days=days).problems == [
            "ack.once_per_days must be at least 1 (RFC 5230 forbids 0)"
        ]


@pytest.mark.parametrize(
    "prefix", ["", "Re: ", "Auto: ", "Vastaus / Svar: ", "V" * 20, "Kuittaus – ", "Svar: ärende "]
)
def test_a_short_printable_prefix_is_accepted(prefix: str) -> None:
    assert settings(subject_prefix=prefix).subject_prefix == prefix


@pytest.mark.parametrize(
    "prefix",
    [
        "V" * 21,
        "Re:\tx",
        "Re:\n",
        "Re:\r",
        "Re:\x00",
        "Re:\u00a0",  # a no-break space (Zs): only the plain space is allowed
        "Re:\u2028",  # a line separator (Zl)
        "Re:\u200b",  # a zero-width space (Cf)
        "\x1b[31mRe: ",
    ],
)
def test_a_long_or_unprintable_prefix_is_refused(prefix: str) -> None:
    assert refusal(subject_prefix=prefix).problems == [PREFIX]


def test_the_owner_and_every_alias_count_as_the_owner_in_lower_case() -> None:
    made = settings(owner_address="Ylermi@Pihapalvelu.FI",
                    owner_addresses=frozenset({"INFO@pihapalvelu.fi", "tarjoukset@pihapalvelu.fi"}))  # fmt: skip
    assert made.all_owner_addresses == {
        "ylermi@pihapalvelu.fi",
        "info@pihapalvelu.fi",
        "tarjoukset@pihapalvelu.fi",
    }
    assert settings().all_owner_addresses == {OWNER}
