"""Scheduling: the crontab installer against the real ``crontab`` binary (Debian ``cron``) on a
scratch user's crontab, and systemd user units written to a temporary directory.

The crontab tests need root (to create the scratch user and use ``crontab -u``) and the crontab
binary; they skip without them, and fail instead when VASTEAIKA_REQUIRE_CRON=1.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from vasteaika.config.records import AccountConfig
from vasteaika.errors import ConfigError, StorageError, UnreachableError
from vasteaika.reminders import cron
from vasteaika.reminders.cron import (
    DEFAULT_ENTRIES,
    CrontabChange,
    ScheduleEntry,
    crontab_lines,
    install_crontab,
    install_systemd,
    read_crontab,
    remove_crontab,
    remove_systemd,
    show_crontab,
    show_systemd,
    systemctl_commands,
    systemd_units,
    vasteaika_command,
    watch_unit,
    write_crontab,
)
from vasteaika.reminders.launcher import (
    linger_enabled,
    local_zone_name,
    unattended_password_warning,
)

REQUIRE_CRON = os.environ.get("VASTEAIKA_REQUIRE_CRON") == "1"
COMMAND = ("/opt/vasteaika/bin/vasteaika", "--config", "/home/owner/.config/vasteaika/config.toml")
OURS = [
    "30 7 * * 1-5 /opt/vasteaika/bin/vasteaika --config /home/owner/.config/vasteaika/config.toml check --quiet # vasteaika:check",
    "0 16 * * 1-5 /opt/vasteaika/bin/vasteaika --config /home/owner/.config/vasteaika/config.toml check --quiet # vasteaika:check",
    "*/5 * * * * /opt/vasteaika/bin/vasteaika --config /home/owner/.config/vasteaika/config.toml remind --quiet # vasteaika:remind",
]
OTHERS = [
    "# m h dom mon dow command",
    "MAILTO=owner@example.fi",
    "",
    "15 3 * * * /usr/local/bin/backup --all  # nightly",
    "# 30 7 * * 1-5 /old/vasteaika check # vasteaika:check",  # commented out by the user: theirs
    "0 12 * * * echo 'vasteaika is great' > /dev/null",
]

# ======================================================================================
# The command and the lines (no crontab needed)
# ======================================================================================


def test_default_crontab_lines() -> None:
    assert crontab_lines(DEFAULT_ENTRIES, COMMAND) == OURS


def test_crontab_lines_quote_for_the_shell_and_escape_percent() -> None:
    entry = ScheduleEntry("check", ("check", "--quiet"), ("30 7 * * 1-5",), ())
    [line] = crontab_lines([entry], ("/home/o w/bin/vasteaika", "--config", "/home/o w/100%.toml"))
    assert line == (
        r"30 7 * * 1-5 '/home/o w/bin/vasteaika' --config '/home/o w/100\%.toml' check --quiet"
        " # vasteaika:check"
    )


def test_vasteaika_command_uses_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "bin" / "vasteaika"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.chdir(tmp_path)

    assert vasteaika_command(argv0=str(script)) == (str(script),)
    assert vasteaika_command(argv0="bin/vasteaika", config=Path("my.toml")) == (
        str(script),
        "--config",
        str(tmp_path / "my.toml"),
    )
    monkeypatch.setenv("PATH", str(script.parent))
    assert vasteaika_command(argv0="/usr/bin/pytest") == (str(script),)
    assert vasteaika_command(executable="bin/vasteaika") == (str(script),)


def _console_script(path: Path, interpreter: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!{interpreter}\nimport sys\n")
    path.chmod(0o755)
    return path


def test_the_stable_launcher_is_scheduled_not_the_venv_behind_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pipx and uv link ~/.local/bin/vasteaika to a script inside their venv; the venv path
    changes on reinstall, the link does not."""
    venv_script = _console_script(tmp_path / "venv" / "bin" / "vasteaika", sys.executable)
    stable = tmp_path / "home" / ".local" / "bin" / "vasteaika"
    stable.parent.mkdir(parents=True)
    stable.symlink_to(venv_script)
    env = {"PATH": "/usr/bin:/bin"}
    home = tmp_path / "home"

    # Called through the link (the usual case), through the venv path, or from elsewhere.
    for argv0 in (str(stable), str(venv_script), "/usr/bin/pytest"):
        assert vasteaika_command(argv0=argv0, environ=env, home=home) == (str(stable),)

    # A script there whose interpreter is this Python (a copy, not a link) is ours too.
    stable.unlink()
    _console_script(stable, sys.executable)
    assert vasteaika_command(argv0=str(venv_script), environ=env, home=home) == (str(stable),)


def test_a_launcher_of_another_install_is_not_scheduled(tmp_path: Path) -> None:
    venv_script = _console_script(tmp_path / "venv" / "bin" / "vasteaika", sys.executable)
    _console_script(tmp_path / "home" / ".local" / "bin" / "vasteaika", "/opt/old/bin/python3")
    env = {"PATH": "/usr/bin:/bin"}
    got = vasteaika_command(argv0=str(venv_script), environ=env, home=tmp_path / "home")
    assert got == (str(venv_script),)


def test_the_config_in_effect_at_install_is_written(tmp_path: Path) -> None:
    script = _console_script(tmp_path / "bin" / "vasteaika", sys.executable)
    env = {"PATH": "", "VASTEAIKA_CONFIG": "~/conf/v.toml", "HOME": str(tmp_path)}
    got = vasteaika_command(argv0=str(script), environ=env, home=tmp_path / "nohome")
    assert got == (str(script), "--config", str(Path("~/conf/v.toml").expanduser()))
    explicit = vasteaika_command(
        argv0=str(script), environ=env, home=tmp_path, config=tmp_path / "x.toml"
    )
    assert explicit == (str(script), "--config", str(tmp_path / "x.toml"))


def test_a_password_only_the_login_session_has_is_warned_about() -> None:
    user = "owner@example.fi"
    by_env = unattended_password_warning(AccountConfig(username=user), {"VASTEAIKA_PASSWORD": "s"})
    by_keyring = unattended_password_warning(AccountConfig(username=user, keyring=True), {})
    by_command = AccountConfig(username=user, password_command=("cat", "/home/o/.pw"))
    assert by_env is not None and "$VASTEAIKA_PASSWORD" in by_env and "password_command" in by_env
    assert by_keyring is not None and "keyring" in by_keyring
    assert unattended_password_warning(by_command, {"VASTEAIKA_PASSWORD": "s"}) is None
    local = AccountConfig(maildir=Path("/home/o/Maildir"), keyring=True)
    assert unattended_password_warning(local, {"VASTEAIKA_PASSWORD": "s"}) is None


def test_linger_and_the_machines_zone(tmp_path: Path) -> None:
    (tmp_path / "linger").mkdir()
    assert not linger_enabled("owner", tmp_path / "linger")
    (tmp_path / "linger" / "owner").touch()
    assert linger_enabled("owner", tmp_path / "linger")
    (tmp_path / "localtime").symlink_to("/usr/share/zoneinfo/Europe/Helsinki")
    assert local_zone_name(tmp_path / "localtime") == "Europe/Helsinki"
    assert local_zone_name(tmp_path / "missing") == "UTC"


def test_vasteaika_command_not_found(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ConfigError) as caught:
        vasteaika_command(argv0="/usr/bin/pytest")
    assert "PATH" in caught.value.hint


def test_a_missing_crontab_command_says_install_cron(tmp_path: Path) -> None:
    with pytest.raises(UnreachableError) as caught:
        install_crontab(command=COMMAND, crontab_cmd=[str(tmp_path / "crontab")])
    assert caught.value.exit_code == 69
    assert caught.value.hint.startswith("install cron")


# ======================================================================================
# The real crontab binary on a scratch user
# ======================================================================================


@pytest.fixture
def scratch_crontab() -> Iterator[list[str]]:
    """``["crontab", "-u", <a user made for this test>]``; the user and its crontab are removed."""
    reasons = []
    if shutil.which("crontab") is None:
        reasons.append("crontab missing (apt-get install cron)")
    if os.geteuid() != 0 or shutil.which("useradd") is None:
        reasons.append("not root: cannot create a scratch user")
    if reasons:
        if REQUIRE_CRON:
            pytest.fail(f"VASTEAIKA_REQUIRE_CRON=1 but {'; '.join(reasons)}", pytrace=False)
        pytest.skip("; ".join(reasons))
    user = f"vkcron{secrets.token_hex(4)}"
    subprocess.run(
        ["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user],
        check=True,
        timeout=30,
    )
    try:
        yield ["crontab", "-u", user]
    finally:
        subprocess.run(["crontab", "-u", user, "-r"], capture_output=True, timeout=30)
        subprocess.run(["userdel", user], check=True, timeout=30)


def test_install_on_an_empty_crontab(scratch_crontab: list[str]) -> None:
    assert read_crontab(scratch_crontab) == ""

    change = install_crontab(command=COMMAND, crontab_cmd=scratch_crontab)

    assert change == CrontabChange(True, tuple(OURS), (), tuple(OURS))
    assert read_crontab(scratch_crontab) == "".join(f"{line}\n" for line in OURS)
    assert show_crontab(crontab_cmd=scratch_crontab) == tuple(OURS)


def test_install_twice_keeps_one_copy_and_others_untouched_then_remove_takes_exactly_ours(
    scratch_crontab: list[str],
) -> None:
    original = "".join(f"{line}\n" for line in OTHERS)
    write_crontab(OTHERS, scratch_crontab)
    assert read_crontab(scratch_crontab) == original

    first = install_crontab(command=COMMAND, crontab_cmd=scratch_crontab)
    second = install_crontab(command=COMMAND, crontab_cmd=scratch_crontab)

    assert first.changed and first.added == tuple(OURS)
    assert second == CrontabChange(False, (), (), tuple(OURS))
    assert read_crontab(scratch_crontab) == original + "".join(f"{line}\n" for line in OURS)

    removed = remove_crontab(crontab_cmd=scratch_crontab)

    assert removed == CrontabChange(True, (), tuple(OURS), ())
    assert read_crontab(scratch_crontab) == original
    assert remove_crontab(crontab_cmd=scratch_crontab).changed is False
    assert read_crontab(scratch_crontab) == original


def test_reinstall_with_another_command_replaces_our_lines_in_place(
    scratch_crontab: list[str],
) -> None:
    write_crontab([OTHERS[1], *OURS, OTHERS[3]], scratch_crontab)
    moved = ("/usr/local/bin/vasteaika",)

    change = install_crontab(command=moved, crontab_cmd=scratch_crontab)

    new = crontab_lines(DEFAULT_ENTRIES, moved)
    assert (change.added, change.removed) == (tuple(new), tuple(OURS))
    assert read_crontab(scratch_crontab).splitlines() == [OTHERS[1], *new, OTHERS[3]]


def test_remove_when_only_ours_leaves_an_empty_crontab(scratch_crontab: list[str]) -> None:
    install_crontab(command=COMMAND, crontab_cmd=scratch_crontab)
    assert remove_crontab(crontab_cmd=scratch_crontab).removed == tuple(OURS)
    assert read_crontab(scratch_crontab) == ""
    assert show_crontab(crontab_cmd=scratch_crontab) == ()


def test_paths_with_spaces_and_percent_are_accepted_by_crontab(scratch_crontab: list[str]) -> None:
    command = ("/home/o w/bin/vasteaika", "--config", "/home/o w/100%.toml")
    install_crontab(command=command, crontab_cmd=scratch_crontab)
    assert install_crontab(command=command, crontab_cmd=scratch_crontab).changed is False
    assert show_crontab(crontab_cmd=scratch_crontab) == tuple(
        crontab_lines(DEFAULT_ENTRIES, command)
    )


def test_lines_run_in_the_owners_zone_and_the_users_lines_after_keep_theirs(
    scratch_crontab: list[str],
) -> None:
    """On a UTC server "07:30" must be 07:30 in Helsinki: CRON_TZ before our lines, and the
    zone in effect before (the user's own CRON_TZ, else the machine's) restored after them."""
    users = ["CRON_TZ=America/New_York", "0 9 * * * /usr/local/bin/standup", "MAILTO=me@x.fi"]
    later = ["0 22 * * * /usr/local/bin/backup"]
    write_crontab([*users, *later], scratch_crontab)
    block = ["CRON_TZ=Europe/Helsinki", *OURS, "CRON_TZ=America/New_York"]

    first = install_crontab(
        command=COMMAND, crontab_cmd=scratch_crontab, timezone="Europe/Helsinki", local_zone="UTC"
    )
    again = install_crontab(
        command=COMMAND, crontab_cmd=scratch_crontab, timezone="Europe/Helsinki", local_zone="UTC"
    )

    assert first.changed and first.lines == tuple(block)
    assert read_crontab(scratch_crontab).splitlines() == [*users, *later, *block]
    assert again == CrontabChange(False, (), (), tuple(block))
    assert show_crontab(crontab_cmd=scratch_crontab) == tuple(OURS)

    assert remove_crontab(crontab_cmd=scratch_crontab).removed == tuple(OURS)
    assert read_crontab(scratch_crontab).splitlines() == [*users, *later]


def test_without_a_zone_of_the_users_the_machines_is_restored_and_moved_lines_keep_place(
    scratch_crontab: list[str],
) -> None:
    write_crontab([OTHERS[1], *OURS, OTHERS[3]], scratch_crontab)

    install_crontab(
        command=COMMAND, crontab_cmd=scratch_crontab, timezone="Europe/Helsinki", local_zone="UTC"
    )

    assert read_crontab(scratch_crontab).splitlines() == [
        OTHERS[1], "CRON_TZ=Europe/Helsinki", *OURS, "CRON_TZ=UTC", OTHERS[3]
    ]  # fmt: skip
    remove_crontab(crontab_cmd=scratch_crontab)
    assert read_crontab(scratch_crontab).splitlines() == [OTHERS[1], OTHERS[3]]


def test_a_crontab_that_cannot_be_read_is_a_storage_error(scratch_crontab: list[str]) -> None:
    with pytest.raises(StorageError) as caught:
        read_crontab(["crontab", "-u", f"nosuchuser{secrets.token_hex(4)}"])
    assert caught.value.message.startswith("cannot read the crontab: ")


# ======================================================================================
# systemd user units
# ======================================================================================

EXEC = "/opt/vasteaika/bin/vasteaika --config /home/owner/.config/vasteaika/config.toml"


def test_systemd_units_text() -> None:
    units = systemd_units(command=COMMAND)

    assert sorted(units) == [
        "vasteaika-check.service",
        "vasteaika-check.timer",
        "vasteaika-remind.service",
        "vasteaika-remind.timer",
    ]
    assert units["vasteaika-check.timer"] == (
        "# vasteaika:managed — written by `vasteaika schedule install --systemd`\n"
        "\n[Unit]\nDescription=vasteaika check on schedule\n"
        "\n[Timer]\nOnCalendar=Mon..Fri *-*-* 07:30:00\nOnCalendar=Mon..Fri *-*-* 16:00:00\n"
        "Persistent=true\n"
        "\n[Install]\nWantedBy=timers.target\n"
    )
    assert units["vasteaika-remind.service"] == (
        "# vasteaika:managed — written by `vasteaika schedule install --systemd`\n"
        "\n[Unit]\nDescription=vasteaika remind\n"
        f"\n[Service]\nType=oneshot\nExecStart={EXEC} remind --quiet\n"
    )
    assert "OnCalendar=*-*-* *:00/5:00\nPersistent=true" in units["vasteaika-remind.timer"]


def test_systemd_exec_start_quotes_and_escapes() -> None:
    units = systemd_units(command=("/home/o w/bin/vasteaika", "--config", '/home/o w/100%$x".toml'))
    assert (
        'ExecStart="/home/o w/bin/vasteaika" --config "/home/o w/100%%$$x\\".toml" check --quiet'
        in units["vasteaika-check.service"]
    )


def test_watch_unit_restarts_on_failure() -> None:
    name, text = watch_unit(COMMAND)
    assert name == "vasteaika-watch.service"
    assert f"ExecStart={EXEC} watch\nRestart=on-failure\n" in text
    assert "WantedBy=default.target" in text


def test_systemd_accepts_the_calendar_expressions() -> None:
    if shutil.which("systemd-analyze") is None:
        reason = "systemd-analyze missing (apt-get install systemd)"
        if REQUIRE_CRON:
            pytest.fail(f"VASTEAIKA_REQUIRE_CRON=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    expressions = [when for entry in DEFAULT_ENTRIES for when in entry.on_calendar]
    result = subprocess.run(
        ["systemd-analyze", "calendar", *expressions], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Normalized form:") == len(expressions)


def test_timers_run_at_the_owners_time_on_a_utc_machine() -> None:
    """systemd itself computes the next elapse: 07:30 in Helsinki, in winter and in summer."""
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze missing")
    timer = systemd_units(command=COMMAND, timezone="Europe/Helsinki")["vasteaika-check.timer"]
    assert "OnCalendar=Mon..Fri *-*-* 07:30:00 Europe/Helsinki\n" in timer
    [morning, *_] = [line.split("=", 1)[1] for line in timer.splitlines() if "OnCalendar" in line]
    for base in ("2026-01-05 00:00:00 UTC", "2026-07-06 00:00:00 UTC"):  # Mondays
        result = subprocess.run(
            ["systemd-analyze", "calendar", f"--base-time={base}", morning],
            capture_output=True, text=True, timeout=30, env={**os.environ, "TZ": "UTC"},
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        match = re.search(r"Next elapse: \w+ (\S+ \S+) UTC", result.stdout)
        assert match, result.stdout
        elapse = datetime.fromisoformat(match.group(1)).replace(tzinfo=UTC)
        assert elapse.astimezone(ZoneInfo("Europe/Helsinki")).strftime("%H:%M") == "07:30"


def test_install_systemd_writes_once_and_remove_takes_only_ours(tmp_path: Path) -> None:
    unit_dir = tmp_path / "systemd" / "user"
    unit_dir.mkdir(parents=True)
    (unit_dir / "other.service").write_text("[Service]\nExecStart=/bin/true\n")
    (unit_dir / "vasteaika-custom.service").write_text("[Service]\nExecStart=/bin/true\n")

    first = install_systemd(unit_dir, command=COMMAND)
    second = install_systemd(unit_dir, command=COMMAND)

    units = systemd_units(command=COMMAND)
    assert sorted(p.name for p in first.written) == sorted(units)
    assert second.written == () and sorted(p.name for p in second.unchanged) == sorted(units)
    for name, text in units.items():
        assert (unit_dir / name).read_text() == text
    assert [p.name for p in show_systemd(unit_dir)] == sorted(units)
    assert not list(unit_dir.glob(".*.tmp"))

    removed = remove_systemd(unit_dir)

    assert sorted(p.name for p in removed.removed) == sorted(units)
    assert sorted(p.name for p in unit_dir.iterdir()) == [
        "other.service",
        "vasteaika-custom.service",
    ]


def test_install_systemd_refuses_to_overwrite_a_foreign_unit(tmp_path: Path) -> None:
    (tmp_path / "vasteaika-check.timer").write_text("[Timer]\nOnCalendar=daily\n")
    with pytest.raises(StorageError):
        install_systemd(tmp_path, command=COMMAND)
    assert (tmp_path / "vasteaika-check.timer").read_text() == "[Timer]\nOnCalendar=daily\n"
    assert [p.name for p in tmp_path.iterdir()] == ["vasteaika-check.timer"]  # nothing half-done


def test_systemctl_commands_enable_the_timers() -> None:
    assert systemctl_commands(sorted(systemd_units(command=COMMAND))) == [
        ["systemctl", "--user", "daemon-reload"],
        [
            "systemctl",
            "--user",
            "enable",
            "--now",
            "vasteaika-check.timer",
            "vasteaika-remind.timer",
        ],
    ]


def test_only_our_own_marked_lines_count_as_ours() -> None:
    """Review finding: a user's line that happens to end in '#vasteaika:mine' is not ours."""
    assert cron.is_ours("*/5 * * * * /x/vasteaika remind --quiet # vasteaika:remind")
    assert not cron.is_ours("0 4 * * * echo hi #vasteaika:mine")


def test_watch_service_does_not_retry_a_wrong_password_forever() -> None:
    _name, text = cron.watch_unit(["/opt/vasteaika/bin/vasteaika"])
    assert "Restart=on-failure" in text and "RestartPreventExitStatus=2 74 77 78" in text
