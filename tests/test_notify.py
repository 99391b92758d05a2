"""The notification adapter: sanitization, finding the session bus, and the Notify call end to end
through a real dbus-daemon with a small recording notification server (notification_server.py).

The bus tests skip when dbus-daemon is missing (Debian package ``dbus``), and fail instead when
VASTEAIKA_REQUIRE_DBUS=1 (CI installs it, so missing there is a broken setup).
"""

from __future__ import annotations

import json
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vasteaika.reminders.notify import (
    BODY_LIMIT,
    TITLE_LIMIT,
    DesktopNotifier,
    Notifier,
    NotifyResult,
    find_session_bus,
    sanitize_notification_text,
)

DBUS_DAEMON = shutil.which("dbus-daemon")
REQUIRE_DBUS = os.environ.get("VASTEAIKA_REQUIRE_DBUS") == "1"
SERVER = Path(__file__).with_name("notification_server.py")
DEADLINE_SECONDS = 10.0

# ======================================================================================
# Sanitization
# ======================================================================================

SANITIZE_CASES = [
    # (text, limit, expected)
    ("Matti Virtanen", 50, "Matti Virtanen"),
    ("Äiti Öljynen – tarjous 🚗", 50, "Äiti Öljynen – tarjous 🚗"),
    ("-rf", 50, "rf"),
    ("--help", 50, "help"),
    ("- - -x y", 50, "x y"),
    ("  -n Matti", 50, "n Matti"),
    ("Matti-Pekka -x", 50, "Matti-Pekka -x"),  # only leading dashes are options
    ("\"'; rm -rf ~", 50, "”’; rm -rf ~"),
    ("O'Brien", 50, "O’Brien"),
    ('say "hi"', 50, "say ”hi”"),
    ("'}, 'body': <'x'>", 50, "’}, ’body’: ’x’"),  # a GVariant injection attempt
    ("back\\slash\\", 50, "backslash"),
    ("<b>Matti</b>", 50, "Matti"),
    ("<a href='http://x'>klikkaa</a>", 50, "klikkaa"),
    ("1 < 2 > 0", 50, "1 2 0"),
    ("A & B Oy", 50, "A + B Oy"),
    ("&lt;b&gt;", 50, "+lt;b+gt;"),
    ("Matti\r\nVirtanen", 50, "Matti Virtanen"),
    ("\r\n-rf", 50, "rf"),
    ("Tab\there", 50, "Tab here"),
    ("nul\x00byte", 50, "nul byte"),
    ("\x1b[31mred\x1b[0m", 50, "[31mred [0m"),
    ("line\u2028sep", 50, "line sep"),
    ("\u202eevil\u202c", 50, "evil"),  # right-to-left override
    ("zero\u200bwidth", 50, "zerowidth"),
    ("   ", 50, ""),
    ("", 50, ""),
    ("abc def", 5, "abc…"),
    ("abcdef", 6, "abcdef"),
    ("abcdefg", 6, "abcde…"),
    ("x" * 10_000, TITLE_LIMIT, "x" * (TITLE_LIMIT - 1) + "…"),
    ("<" * 10_000, 100, ""),
    ("-" * 10_000 + "ok", 100, "ok"),
]


@pytest.mark.parametrize(("text", "limit", "expected"), SANITIZE_CASES)
def test_sanitize_notification_text(text: str, limit: int, expected: str) -> None:
    assert sanitize_notification_text(text, limit) == expected


def test_sanitize_rejects_a_limit_below_one() -> None:
    with pytest.raises(ValueError):
        sanitize_notification_text("x", 0)


@given(st.text(), st.integers(min_value=1, max_value=200))
def test_sanitized_text_is_safe_and_stable(text: str, limit: int) -> None:
    clean = sanitize_notification_text(text, limit)
    assert len(clean) <= limit
    assert not clean.startswith(("-", " "))
    assert not set(clean) & set("<>&\"'\\`")
    assert all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in clean)
    assert sanitize_notification_text(clean, limit) == clean


# ======================================================================================
# Finding the session bus (no daemon needed)
# ======================================================================================


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A directory with a short path: a unix socket path must stay under 108 bytes."""
    path = Path(tempfile.mkdtemp(prefix="vk-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _socket_at(path: Path) -> socket.socket:
    path.parent.mkdir(parents=True, exist_ok=True)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    return sock


def test_find_session_bus_prefers_the_environment_then_runtime_dirs(short_dir: Path) -> None:
    with _socket_at(short_dir / "xdg" / "bus"), _socket_at(short_dir / "run" / "1000" / "bus"):
        environ = {
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/x/bus",
            "XDG_RUNTIME_DIR": f"{short_dir}/xdg",
        }
        assert find_session_bus(environ, 1000, short_dir / "run") == [
            "unix:path=/x/bus",
            f"unix:path={short_dir}/xdg/bus",
            f"unix:path={short_dir}/run/1000/bus",
        ]
        # cron: nothing in the environment, the user's bus socket is still found
        assert find_session_bus({}, 1000, short_dir / "run") == [
            f"unix:path={short_dir}/run/1000/bus"
        ]
        assert find_session_bus({}, 1001, short_dir / "run") == []


def test_find_session_bus_ignores_a_plain_file_named_bus(short_dir: Path) -> None:
    (short_dir / "run" / "1000").mkdir(parents=True)
    (short_dir / "run" / "1000" / "bus").write_text("not a socket")
    assert find_session_bus({"DBUS_SESSION_BUS_ADDRESS": " "}, 1000, short_dir / "run") == []


def test_no_bus_at_all_is_not_shown_and_says_why(tmp_path: Path) -> None:
    notifier = DesktopNotifier(
        environ={}, uid=4242, run_user=tmp_path / "run-user", platform="linux"
    )
    result = notifier.notify("Soita: Matti", "klo 10")
    assert result == NotifyResult(
        False,
        "no desktop reachable: no session bus (DBUS_SESSION_BUS_ADDRESS unset and no "
        f"{tmp_path}/run-user/4242/bus)",
    )


def test_a_stale_bus_address_is_not_shown(short_dir: Path) -> None:
    environ = {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={short_dir}/gone"}
    notifier = DesktopNotifier(
        environ=environ, uid=4242, run_user=short_dir / "run", platform="linux"
    )
    result = notifier.notify("Soita: Matti", "klo 10")
    assert not result.shown
    assert result.reason.startswith(
        f"no desktop reachable: session bus unix:path={short_dir}/gone unreachable"
    )


@pytest.mark.filterwarnings("ignore:The Python dbus package:UserWarning")
def test_other_platforms_go_through_plyer_and_report_its_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from plyer import notification

    def unavailable(**kwargs: object) -> None:
        raise NotImplementedError("No usable implementation found!")

    monkeypatch.setattr(notification, "notify", unavailable)
    result = DesktopNotifier(environ={}, platform="darwin").notify("Soita", "klo 10")
    assert not result.shown
    assert result.reason.startswith("no desktop reachable: no notification backend on darwin")


def test_desktop_notifier_is_a_notifier() -> None:
    notifier: Notifier = DesktopNotifier(environ={})
    assert callable(notifier.notify)


# ======================================================================================
# A real session bus (dbus-daemon) and a recording notification server
# ======================================================================================

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def _require_dbus() -> str:
    if DBUS_DAEMON is not None:
        return DBUS_DAEMON
    reason = "dbus-daemon missing (apt-get install dbus)"
    if REQUIRE_DBUS:
        pytest.fail(f"VASTEAIKA_REQUIRE_DBUS=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _read_line(fd: int, proc: subprocess.Popen[bytes], what: str) -> str:
    """One line from fd within the deadline, or fail saying what did not start."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0 or proc.poll() is not None:
            pytest.fail(f"{what} did not start (exit {proc.poll()}, got {data!r})", pytrace=False)
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                pytest.fail(f"{what} closed its output ({data!r})", pytrace=False)
            data += chunk
    return data.decode().strip()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@dataclass
class Bus:
    address: str
    socket: Path
    workdir: Path


@pytest.fixture
def start_bus(short_dir: Path) -> Iterator[Callable[..., Bus]]:
    """``start_bus(socket_path=None) -> Bus``: a private dbus-daemon, stopped by PID at teardown."""
    daemon = _require_dbus()
    procs: list[subprocess.Popen[bytes]] = []

    def start(socket_path: Path | None = None) -> Bus:
        path = socket_path or short_dir / f"bus{len(procs)}"
        path.parent.mkdir(parents=True, exist_ok=True)
        config = short_dir / f"bus{len(procs)}.conf"
        config.write_text(BUS_CONFIG.format(socket=path))
        read_fd, write_fd = os.pipe()
        with open(short_dir / f"bus{len(procs)}.log", "wb") as log:
            proc = subprocess.Popen(
                [
                    daemon,
                    f"--config-file={config}",
                    "--nofork",
                    "--nopidfile",
                    f"--print-address={write_fd}",
                ],
                pass_fds=(write_fd,),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        os.close(write_fd)
        procs.append(proc)
        try:
            address = _read_line(read_fd, proc, "dbus-daemon")
        finally:
            os.close(read_fd)
        return Bus(address, path, short_dir)

    yield start
    for proc in procs:
        _stop(proc)


class NotificationServer:
    def __init__(self, bus: Bus) -> None:
        self.calls_file = bus.workdir / f"calls-{id(self)}.jsonl"
        self.proc = subprocess.Popen(
            [sys.executable, str(SERVER), bus.address, str(self.calls_file)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        assert _read_line(self.proc.stdout.fileno(), self.proc, "notification server") == "ready"

    def calls(self) -> list[dict[str, object]]:
        if not self.calls_file.exists():
            return []
        return [json.loads(line) for line in self.calls_file.read_text("utf-8").splitlines()]

    def stop(self) -> None:
        _stop(self.proc)


@pytest.fixture
def notification_server() -> Iterator[Callable[[Bus], NotificationServer]]:
    servers: list[NotificationServer] = []

    def start(bus: Bus) -> NotificationServer:
        servers.append(NotificationServer(bus))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


HOSTILE_NAME = "-rf \"'; rm -rf ~ <b>Matti</b> & Co\r\nX-Injected: 1 \u202e" + "A" * 10_000
HOSTILE_BODY = "Soita klo 10 $(id) `uname` ; rm -rf / 'quoted' \"double\"\n-- puh. 040 123 4567"


def test_hostile_text_arrives_literally_through_a_real_session_bus(
    start_bus: Any, notification_server: Any, short_dir: Path
) -> None:
    bus = start_bus()
    server = notification_server(bus)
    notifier = DesktopNotifier(
        environ={"DBUS_SESSION_BUS_ADDRESS": bus.address},
        uid=4242,
        run_user=short_dir / "none",
        platform="linux",
    )

    result = notifier.notify(HOSTILE_NAME, HOSTILE_BODY)

    assert result == NotifyResult(True, "shown on the desktop (notification 1)")
    [call] = server.calls()
    expected_title = sanitize_notification_text(HOSTILE_NAME, TITLE_LIMIT)
    assert call["summary"] == expected_title
    assert expected_title.startswith("rf ”’; rm -rf ~ Matti + Co X-Injected: 1 AAA")
    assert len(expected_title) == TITLE_LIMIT
    assert call["body"] == (
        "Soita klo 10 $(id) ’uname’ ; rm -rf / ’quoted’ ”double” -- puh. 040 123 4567"
    )
    assert call["app_name"] == "vasteaika"
    assert call["timeout"] == 0


def test_finnish_text_and_emoji_arrive_unchanged(
    start_bus: Any, notification_server: Any, short_dir: Path
) -> None:
    bus = start_bus()
    server = notification_server(bus)
    notifier = DesktopNotifier(environ={"DBUS_SESSION_BUS_ADDRESS": bus.address}, platform="linux")

    assert notifier.notify("Soita: Äiti Öljynen – Kattoremontti", "Lupasit soittaa klo 14 ☎").shown

    [call] = server.calls()
    assert (call["summary"], call["body"]) == (
        "Soita: Äiti Öljynen – Kattoremontti",
        "Lupasit soittaa klo 14 ☎",
    )


def test_cron_without_bus_address_finds_the_users_bus_socket(
    start_bus: Any, notification_server: Any, short_dir: Path
) -> None:
    uid = 4242
    bus = start_bus(short_dir / "run" / str(uid) / "bus")
    server = notification_server(bus)
    notifier = DesktopNotifier(
        environ={"PATH": "/usr/bin:/bin"}, uid=uid, run_user=short_dir / "run", platform="linux"
    )

    assert notifier.notify("Soita: Matti", "klo 10").shown
    assert [c["summary"] for c in server.calls()] == ["Soita: Matti"]


def test_a_stale_bus_address_falls_back_to_the_users_bus_socket(
    start_bus: Any, notification_server: Any, short_dir: Path
) -> None:
    uid = 4242
    bus = start_bus(short_dir / "run" / str(uid) / "bus")
    server = notification_server(bus)
    environ = {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={short_dir}/stale"}
    notifier = DesktopNotifier(
        environ=environ, uid=uid, run_user=short_dir / "run", platform="linux"
    )

    assert notifier.notify("Soita: Matti", "klo 10").shown
    assert len(server.calls()) == 1


def test_a_bus_without_notification_service_is_not_shown(start_bus: Any, short_dir: Path) -> None:
    bus = start_bus()
    notifier = DesktopNotifier(
        environ={"DBUS_SESSION_BUS_ADDRESS": bus.address},
        uid=4242,
        run_user=short_dir / "none",
        platform="linux",
    )

    result = notifier.notify("Soita: Matti", "klo 10")

    assert result == NotifyResult(
        False, f"no desktop reachable: no notification service on the session bus {bus.address}"
    )


def test_a_notification_service_that_went_away_is_not_shown(
    start_bus: Any, notification_server: Any, short_dir: Path
) -> None:
    bus = start_bus()
    server = notification_server(bus)
    notifier = DesktopNotifier(environ={"DBUS_SESSION_BUS_ADDRESS": bus.address}, platform="linux")
    assert notifier.notify("first", "").shown
    server.stop()

    result = notifier.notify("second", "")

    assert not result.shown  # "no notification service", or refused if the bus was slower
    assert [c["summary"] for c in server.calls()] == ["first"]


def test_body_is_capped(start_bus: Any, notification_server: Any) -> None:
    bus = start_bus()
    server = notification_server(bus)
    DesktopNotifier(environ={"DBUS_SESSION_BUS_ADDRESS": bus.address}, platform="linux").notify(
        "t", "y" * 50_000
    )
    [call] = server.calls()
    assert call["body"] == "y" * (BODY_LIMIT - 1) + "…"
