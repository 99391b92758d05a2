from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import pytest

from vasteaika import config as cfgmod
from vasteaika.config import AccountConfig, config_from_dict, get_password, load_config
from vasteaika.config import password as password_module
from vasteaika.errors import ConfigError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

MINIMAL = {
    "account": {"imap_host": "imap.example.fi", "username": "ylermi@pihapalvelu.fi"},
    "owner": {"addresses": ["Ylermi@Pihapalvelu.fi"]},
}


def test_example_config_loads_and_documents_every_key() -> None:
    config = load_config(EXAMPLES / "config.toml")
    assert config.account.maildir == EXAMPLES / "mailbox"
    assert config.owner_addresses == {"ylermi@pihapalvelu.fi", "info@pihapalvelu.fi"}
    text = (EXAMPLES / "config.toml").read_text(encoding="utf-8")
    for section, keys in cfgmod.SPEC.items():
        assert f"[{section}]" in text
        for key in keys:
            assert f"{key} =" in text, f"examples/config.toml does not document {section}.{key}"


def test_defaults_and_normalisation() -> None:
    config = config_from_dict(MINIMAL, None)
    assert config.account.imap_port == 993 and config.account.security == "ssl"
    assert config.owner_addresses == {"ylermi@pihapalvelu.fi"}
    assert config.hours.workdays == frozenset(range(5))
    assert str(config.hours.timezone) == "Europe/Helsinki"
    assert config.new_conversation_after_days == 14


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[account]\nimap_host = "mail.example.fi"\nusername = "u"\nimap_port = "993"\npasword_command = []\n'
        '[owner]\naddresses = ["ylermi"]\n'
        '[hours]\nstart = "8"\ntimezone = "Mars/Olympus"\nworkdays = ["monday"]\n'
        "[colours]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_config(path)
    problems = info.value.problems
    text = "\n".join(problems)
    assert "account.imap_port" in text and "port number" in text
    assert "unknown key account.pasword_command" in text
    assert "hours.start" in text and "hours.timezone" in text and "hours.workdays" in text
    assert "unknown section [colours]" in text
    assert "'ylermi' is not an email address" in text
    assert len(problems) == 7
    assert str(path) in info.value.message
    assert info.value.exit_code == 78


@pytest.mark.parametrize(
    ("patch", "expected"),
    [
        ({"owner": {}}, "owner.addresses is missing"),
        ({"account": {"imap_host": "imap.example.fi"}}, "account.username is missing"),
        ({"account": {**MINIMAL["account"], "security": "none"}}, "only allowed for 127.0.0.1"),
        (
            {"account": {**MINIMAL["account"], "security": "tls"}},
            'one of "ssl", "starttls", "none"',
        ),
        ({"hours": {"start": "16:00", "end": "08:00"}}, "hours.start must be before hours.end"),
        ({"customers": {"new_conversation_after_days": 0}}, "positive number"),
        ({"customers": {"companies": ["riitta@koivukuja.fi"]}}, "a list of domains"),
    ],
)
def test_unusable_values_are_refused(patch: dict[str, object], expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict({**MINIMAL, **patch}, None)
    assert expected in info.value.message


def test_companies_are_domains_lowercased() -> None:
    config = config_from_dict({**MINIMAL, "customers": {"companies": ["@Koivukuja.FI "]}}, None)
    assert config.companies == ("koivukuja.fi",)
    assert config_from_dict(MINIMAL, None).companies == ()


def test_security_none_is_fine_on_loopback() -> None:
    data = {
        **MINIMAL,
        "account": {**MINIMAL["account"], "imap_host": "127.0.0.1", "security": "none"},
    }
    assert config_from_dict(data, None).account.security == "none"


def test_missing_file_says_how_to_start(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.toml")
    assert "vasteaika init" in info.value.hint


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[account\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_group_readable_config_gets_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[owner]\naddresses = ["a@b.fi"]\n[account]\nmaildir = "m"\npassword_command = ["pass", "x"]\n',
        encoding="utf-8",
    )
    path.chmod(0o644)
    assert any("chmod 600" in w for w in load_config(path).warnings)
    path.chmod(0o600)
    assert load_config(path).warnings == ()


def test_password_command_runs_without_a_shell(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    account = AccountConfig(
        password_command=(sys.executable, "-c", "print('s3cret; touch " + str(marker) + "')")
    )
    assert get_password(account) == f"s3cret; touch {marker}"
    assert not marker.exists()


def test_password_command_failures_are_config_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="not found"):
        get_password(AccountConfig(password_command=("/no/such/program",)))
    with pytest.raises(ConfigError, match="exit code 3"):
        get_password(AccountConfig(password_command=(sys.executable, "-c", "raise SystemExit(3)")))
    monkeypatch.setattr(password_module, "PASSWORD_COMMAND_TIMEOUT", 0.2)
    with pytest.raises(ConfigError, match="did not finish"):
        get_password(
            AccountConfig(password_command=(sys.executable, "-c", "import time; time.sleep(5)"))
        )


def test_password_from_environment_and_its_absence() -> None:
    assert get_password(AccountConfig(), env={"VASTEAIKA_PASSWORD": "pw"}) == "pw"
    with pytest.raises(ConfigError, match="no way to get the mail password"):
        get_password(AccountConfig(), env={})


def test_config_path_follows_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VASTEAIKA_CONFIG", str(tmp_path / "x.toml"))
    assert cfgmod.default_config_path() == tmp_path / "x.toml"
    monkeypatch.delenv("VASTEAIKA_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert cfgmod.default_config_path() == tmp_path / "vasteaika" / "config.toml"
    assert os.sep in str(cfgmod.default_database_path())


def test_a_template_with_an_unknown_placeholder_is_refused_at_load(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "ack_fi.txt").write_text(
        "$greeting\nSoitan $calback.\n$signature\n", encoding="utf-8"
    )
    data = {**MINIMAL, "ack": {"templates": str(templates)}}
    with pytest.raises(ConfigError) as info:
        config_from_dict(data, None)
    assert "ack_fi.txt" in info.value.message and "$calback" in info.value.message
    (templates / "ack_fi.txt").write_text(
        "$greeting\nSoitan $callback.\n$signature\n", encoding="utf-8"
    )
    assert config_from_dict(data, None).ack.templates == templates


@pytest.mark.parametrize(
    ("patch", "expected"),
    [
        (
            {"ack": {"vacation_from": datetime(2026, 12, 1, 8, 0), "vacation_until": "2026-12-06"}},
            "without a time",
        ),
        ({"hours": {"holidays": "XX"}}, "country code"),
        ({"ack": {"max_age": "99999999999d"}}, "at most 3650 days"),
        ({"report": {"response_promise_hours": 1e300}}, "at most 100000"),
    ],
)
def test_values_that_would_crash_later_are_refused_now(
    patch: dict[str, object], expected: str
) -> None:
    with pytest.raises(ConfigError) as info:
        config_from_dict({**MINIMAL, **patch}, None)
    assert expected in info.value.message


def test_holidays_country_is_case_insensitive_and_can_be_off() -> None:
    assert config_from_dict({**MINIMAL, "hours": {"holidays": "fi"}}, None).hours.holidays == "FI"
    assert config_from_dict({**MINIMAL, "hours": {"holidays": ""}}, None).hours.holidays is None


def test_a_password_command_that_cannot_run_is_a_config_error(tmp_path: Path) -> None:
    script = tmp_path / "pw.sh"
    script.write_text("#!/bin/sh\necho x\n", encoding="utf-8")
    script.chmod(0o644)  # not executable
    with pytest.raises(ConfigError, match="cannot run"):
        get_password(AccountConfig(password_command=(str(script),)))
