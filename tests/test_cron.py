"""Scheduling: the crontab installer against the real ``crontab`` binary (Debian ``cron``) on a
scratch user's crontab, and systemd user units written to a temporary directory.

The crontab tests need root (to create the scratch user and use ``crontab -u``) and the crontab
binary; they skip without them, and fail instead when VASTEAIKA_REQUIRE_CRON=1.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

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
