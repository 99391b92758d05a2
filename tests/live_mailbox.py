"""A real Dovecot and SMTP server with a config pointed at them, for the tests that show a rule
of issue 14 end to end: mail is stored as a delivering MDA stores it (its Return-Path on top,
From's address unless told), arrived five minutes ago, and ``check --json`` reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from dovecot import DovecotServer
from fakes import mail
from smtp_fixture import RunningSmtpServer
from test_e2e import OWNER, check_json, env, write_config  # noqa: F401  (env: fixture)


@dataclass
class Live:
    config: Path
    server: DovecotServer
    smtp: RunningSmtpServer
    when: datetime

    def deliver(self, frm: str, subject: str, msgid: str, *, to: str = OWNER,
                envelope: str | None = None, **kw: str) -> None:  # fmt: skip
        """APPEND a mail to INBOX; ``kw`` (``extra``, ``body``) as ``fakes.mail`` takes them."""
        address = envelope or frm.rpartition("<")[2].rstrip(">")
        date = self.when.strftime("%a, %d %b %Y %H:%M:%S +0000")
        raw = f"Return-Path: <{address}>\n".encode() + mail(frm, to, subject, msgid, date, **kw)
        self.server.deliver("INBOX", raw, internal_date=self.when)

    def check(self, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
        return check_json(self.config, capsys)

    def sent_to(self) -> list[str]:
        """Every recipient the SMTP server was given, in order."""
        return [r for m in self.smtp.messages() for r in m.rcpt_tos]


@pytest.fixture
def live(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
) -> Live:
    config = write_config(tmp_path, env, smtp_server.port)
    return Live(config, env, smtp_server, datetime.now(UTC) - timedelta(minutes=5))
