"""Real CalDAV servers for tests, each a child process on 127.0.0.1 in a temporary folder:
Radicale (PyPI, with htpasswd authentication) and Xandikos (Debian; it has no authentication of
its own, so any password is let in). Each is stopped by its PID. In front of them, in a thread
of the test: a web site whose /.well-known/caldav redirects to one (RFC 6764), and a gate that
lets in only an OAuth bearer token (as Google does).
"""

from __future__ import annotations

import base64
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
    certificate: tuple[Path, Path] | None = None  # (cert, key): Radicale over TLS

    @property
    def base_url(self) -> str:
        scheme = "https" if self.certificate else "http"
        return f"{scheme}://{HOST}:{self.port}"

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
                *self._tls_args(),
            ]  # fmt: skip
        return [XANDIKOS, "-d", str(self.root / "dav"), "--defaults",
                "-l", HOST, "-p", str(self.port)]  # fmt: skip

    def _tls_args(self) -> list[str]:
        if self.certificate is None:
            return []
        cert, key = self.certificate
        return ["--server-ssl", "--server-certificate", str(cert),
                "--server-key", str(key)]  # fmt: skip

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

        trust = str(self.certificate[0]) if self.certificate else True
        client = caldav.DAVClient(self.base_url + "/", username=USERNAME, password=PASSWORD,
                                  ssl_verify_cert=trust)  # fmt: skip
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


class _Relay(ThreadingHTTPServer):
    """A small HTTP server on 127.0.0.1 in a thread of the test, for what stands in front of a
    CalDAV server: ``handle(handler)`` answers every method."""

    daemon_threads = True

    def __init__(self, target: str) -> None:
        self.target = target  # the CalDAV server's base URL
        super().__init__((HOST, 0), _RelayHandler)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}"

    def __enter__(self) -> _Relay:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
        self.thread.join(timeout=10)

    def handle(self, handler: _RelayHandler) -> None:
        raise NotImplementedError


class _RelayHandler(BaseHTTPRequestHandler):
    server: _Relay

    def _any(self) -> None:
        self.server.handle(self)

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_OPTIONS = do_HEAD = _any

    def answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class WellKnownSite(_Relay):
    """A company's web site that is not a CalDAV server: its /.well-known/caldav redirects to
    the CalDAV server (RFC 6764 5); its home page answers ``home`` (200 with the page, or 405
    as a static site answers PROPFIND), every other address is a 404 page."""

    def __init__(self, target: str, home: int = 200) -> None:
        super().__init__(target)
        self.home = home

    def handle(self, handler: _RelayHandler) -> None:
        page = {"Content-Type": "text/html; charset=utf-8"}
        if handler.path.rstrip("/") == "/.well-known/caldav":
            handler.answer(301, headers={"Location": self.target + "/"})
        elif handler.path == "/":
            handler.answer(self.home, b"<html><body>Tervetuloa</body></html>", page)
        else:
            handler.answer(404, b"<html><body>Sivua ei l\xc3\xb6ydy</body></html>", page)


class BearerGate(_Relay):
    """Lets in only ``Authorization: Bearer <token>`` (as Google's CalDAV does) and passes the
    request on to the CalDAV server with its own password; ``seen`` keeps each request's
    Authorization header."""

    def __init__(self, target: str, token: str) -> None:
        super().__init__(target)
        self.token = token
        self.seen: list[str] = []

    def handle(self, handler: _RelayHandler) -> None:
        given = handler.headers.get("Authorization", "")
        self.seen.append(given)
        if given != f"Bearer {self.token}":
            handler.answer(401, b"", {"WWW-Authenticate": 'Bearer realm="calendar"'})
            return
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else None
        headers = {k: v for k, v in handler.headers.items()
                   if k.lower() not in ("authorization", "host", "connection")}  # fmt: skip
        basic = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
        headers["Authorization"] = f"Basic {basic}"
        parts = urlsplit(self.target)
        conn = http.client.HTTPConnection(parts.hostname or HOST, parts.port, timeout=30)
        try:
            conn.request(handler.command, handler.path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            passed = {k: v for k, v in response.getheaders()
                      if k.lower() not in ("transfer-encoding", "connection", "content-length")}  # fmt: skip
            handler.answer(response.status, data, passed)
        finally:
            conn.close()
