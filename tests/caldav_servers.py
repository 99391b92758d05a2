"""Real CalDAV servers for tests, each a child process on 127.0.0.1 in a temporary folder:
Radicale (PyPI, with htpasswd authentication) and Xandikos (Debian; it has no authentication of
its own, so any password is let in). Each is stopped by its PID.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
USERNAME = "ylermi"
PASSWORD = "kalenteri-Seitsemän-7"
START_DEADLINE = 20.0
XANDIKOS = shutil.which("xandikos") or "/usr/bin/xandikos"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def radicale_available() -> bool:
    try:
        import radicale  # noqa: F401
    except ImportError:
        return False
    return True


def xandikos_available() -> bool:
    return Path(XANDIKOS).exists()


@dataclass
class CalDavServer:
    """One server: ``start()``, ``stop()`` (SIGKILL by PID; the data folder stays, so a restart
    serves the same calendar), ``calendar_url`` (the owner's calendar collection)."""

    kind: str  # "radicale" | "xandikos"
    root: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def calendar_url(self) -> str:
        if self.kind == "radicale":
            return f"{self.base_url}/{USERNAME}/puhelut/"
        return f"{self.base_url}/user/calendars/calendar/"

    @property
    def requires_password(self) -> bool:
        return self.kind == "radicale"

    def _argv(self) -> list[str]:
        if self.kind == "radicale":
            users = self.root / "users"
            users.write_text(f"{USERNAME}:{PASSWORD}\n", encoding="utf-8")
            return [
                sys.executable, "-m", "radicale",
                "--server-hosts", f"{HOST}:{self.port}",
                "--storage-filesystem-folder", str(self.root / "collections"),
                "--auth-type", "htpasswd",
                "--auth-htpasswd-filename", str(users),
                "--auth-htpasswd-encryption", "plain",
                "--logging-level", "warning",
            ]  # fmt: skip
        return [XANDIKOS, "-d", str(self.root / "dav"), "--defaults",
                "-l", HOST, "-p", str(self.port)]  # fmt: skip

    def start(self) -> None:
        log = (self.root / f"{self.kind}.log").open("ab")
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        self.process = subprocess.Popen(
            self._argv(), stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        deadline = time.monotonic() + START_DEADLINE
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} exited: {self._log_tail()}")
            try:
                with socket.create_connection((HOST, self.port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.05)  # polling the port, bounded by the deadline
        else:
            self.stop()
            raise RuntimeError(f"{self.kind} did not start: {self._log_tail()}")
        if self.kind == "radicale":
            self._make_calendar()

    def _make_calendar(self) -> None:
        import caldav

        client = caldav.DAVClient(self.base_url + "/", username=USERNAME, password=PASSWORD)
        principal = client.principal()
        if not any(str(c.url).rstrip("/").endswith("/puhelut") for c in principal.calendars()):
            principal.make_calendar(name="Puhelut", cal_id="puhelut")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def _log_tail(self) -> str:
        path = self.root / f"{self.kind}.log"
        return path.read_text(errors="replace")[-800:] if path.exists() else ""
