"""Fixtures that run a real aiosmtpd server (tests/smtpd_process.py) in a separate process.

Load from tests/conftest.py with::

    from smtp_fixture import smtp_server, smtp_server_factory  # noqa: F401

``smtp_server`` is a plain server (no TLS, no AUTH, no DSN). ``smtp_server_factory(**options)``
starts one with options: dsn=True, auth="user:password", refuse_null_sender=True,
drop_after_data=True,
tls="starttls"|"ssl" with cert=Path, key=Path. Each yields a ``RunningSmtpServer`` with
``host``, ``port`` and ``messages()`` (the received ``Envelope``s, oldest first). Every wait has
a deadline; the process is stopped by its PID at teardown.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("smtpd_process.py")
START_DEADLINE_SECONDS = 15.0


@dataclass(frozen=True)
class Envelope:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    mail_options: tuple[str, ...]
    rcpt_options: tuple[str, ...]


@dataclass
class RunningSmtpServer:
    host: str
    port: int
    pid: int
    outdir: Path

    def messages(self) -> list[Envelope]:
        found = []
        for path in sorted(self.outdir.glob("msg-*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            found.append(
                Envelope(
                    mail_from=record["mail_from"],
                    rcpt_tos=tuple(record["rcpt_tos"]),
                    data=base64.b64decode(record["data"]),
                    mail_options=tuple(record["mail_options"]),
                    rcpt_options=tuple(record["rcpt_options"]),
                )
            )
        return found


def _start(outdir: Path, **options: object) -> tuple[subprocess.Popen[bytes], RunningSmtpServer]:
    outdir.mkdir(parents=True, exist_ok=True)
    args = [sys.executable, str(SCRIPT), str(outdir)]
    for key, value in options.items():
        flag = "--" + key.replace("_", "-")
        if value is True:
            args.append(flag)
        elif value not in (None, False):
            args += [flag, str(value)]
    stderr_path = outdir / "stderr.txt"
    with stderr_path.open("wb") as stderr:
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=stderr)
    deadline = time.monotonic() + START_DEADLINE_SECONDS
    port_file = outdir / "port"
    while not port_file.exists():
        if proc.poll() is not None:
            raise RuntimeError(
                f"smtpd exited with {proc.returncode}: {stderr_path.read_text(errors='replace')}"
            )
        if time.monotonic() > deadline:
            _stop(proc)
            raise RuntimeError(f"smtpd did not start within {START_DEADLINE_SECONDS} s")
        time.sleep(0.02)
    port = int(port_file.read_text())
    return proc, RunningSmtpServer("127.0.0.1", port, proc.pid, outdir)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@pytest.fixture
def smtp_server_factory(tmp_path: Path) -> Iterator[Callable[..., RunningSmtpServer]]:
    started: list[subprocess.Popen[bytes]] = []

    def start(**options: object) -> RunningSmtpServer:
        proc, server = _start(tmp_path / f"smtpd-{len(started)}", **options)
        started.append(proc)
        return server

    yield start
    for proc in started:
        _stop(proc)


@pytest.fixture
def smtp_server(smtp_server_factory: Callable[..., RunningSmtpServer]) -> RunningSmtpServer:
    return smtp_server_factory()
