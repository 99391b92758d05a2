"""`vasteaika remind` end to end, as a real process: through a real session bus (a private
dbus-daemon with the recording notification server of test_notify.py) and, with no bus at all,
by email to a real aiosmtpd server with the event as a text/calendar attachment."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar

from smtp_fixture import RunningSmtpServer
from test_notify import (  # noqa: F401  (fixtures)
    HOSTILE_NAME,
    notification_server,
    short_dir,
    start_bus,
)
from test_reminders import OWNER, seed_reminder, write_config
from vasteaika.ledger.store import open_database
from vasteaika.reminders.notify import TITLE_LIMIT, sanitize_notification_text

HEL = ZoneInfo("Europe/Helsinki")
DEADLINE_SECONDS = 60


def remind(config: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vasteaika", "--config", str(config), "remind", *args],
        env=env, capture_output=True, text=True, timeout=DEADLINE_SECONDS,
    )  # fmt: skip


def base_env(run_user: Path) -> dict[str, str]:
    """What cron gives: no DBUS_SESSION_BUS_ADDRESS, no XDG_RUNTIME_DIR."""
    keep = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    return {
        **keep,
        "VASTEAIKA_RUN_USER_DIR": str(run_user),
        "PYTHONPATH": os.pathsep.join(sys.path),
    }


def test_remind_shows_a_hostile_name_as_literal_text_on_a_real_session_bus(
    start_bus: Any,  # noqa: F811
    notification_server: Any,  # noqa: F811
    short_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    bus = start_bus()
    server = notification_server(bus)
    config = write_config(tmp_path)
    rid = seed_reminder(open_database(tmp_path / "v.db"), datetime.now(HEL) - timedelta(minutes=2),
                        name=HOSTILE_NAME, subject="Katto'; rm -rf ~ <i>x</i>")  # fmt: skip
    env = {**base_env(short_dir / "none"), "DBUS_SESSION_BUS_ADDRESS": bus.address}

    first = remind(config, env, "--json")

    assert first.returncode == 0, first.stderr
    out = json.loads(first.stdout)
    assert out["desktop_reachable"] is True
    assert [(r["id"], r["delivered"]) for r in out["reminders"]] == [(rid, "desktop")]
    [call] = server.calls()
    assert call["summary"] == sanitize_notification_text(f"Call: {HOSTILE_NAME}", TITLE_LIMIT)
    assert str(call["summary"]).startswith("Call: -rf ”’; rm -rf ~ Matti + Co X-Injected: 1 AAA")
    assert "Katto’; rm -rf ~ x" in str(call["body"]) and "<" not in str(call["body"])
    assert call["app_name"] == "vasteaika"

    second = remind(config, env, "--json")
    assert second.returncode == 0 and json.loads(second.stdout)["reminders"] == []
    assert len(server.calls()) == 1  # exactly once


def _calendar_part(msg: Message) -> bytes:
    for part in msg.walk():
        if part.get_content_type() == "text/calendar":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload
    raise AssertionError("no text/calendar part")


def test_without_any_bus_the_reminder_is_emailed_with_a_calendar_event(
    smtp_server: RunningSmtpServer,
    short_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    empty = short_dir / "run-user"
    empty.mkdir()
    config = write_config(tmp_path, smtp_server.port)
    due = datetime.now(HEL).replace(second=0, microsecond=0) + timedelta(minutes=5)
    rid = seed_reminder(open_database(tmp_path / "v.db"), due)

    first = remind(config, base_env(empty), "--json")

    assert first.returncode == 0, first.stderr
    out = json.loads(first.stdout)
    assert out["desktop_reachable"] is False and "no session bus" in out["desktop"]
    [delivered] = out["reminders"]
    assert (delivered["id"], delivered["delivered"]) == (rid, "email")
    [envelope] = smtp_server.messages()
    assert envelope.rcpt_tos == (OWNER,)
    msg = message_from_bytes(envelope.data)
    assert msg["To"] == OWNER and OWNER in msg["From"]
    assert msg["Auto-Submitted"] == "auto-generated"
    [event] = Calendar.from_ical(_calendar_part(msg)).events
    # globally unique: the reminder and its creation time at the owner's domain (issue 16)
    assert re.fullmatch(rf"vasteaika-reminder-{rid}-\d+@[a-z.]+", str(event["UID"]))
    assert event.decoded("DTSTART") == due
    assert event["DTSTART"].params["TZID"] == "Europe/Helsinki"
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"

    second = remind(config, base_env(empty))
    assert second.returncode == 0, second.stderr
    assert "No desktop reachable" in second.stdout and "No reminders due" in second.stdout
    assert len(smtp_server.messages()) == 1


def test_without_bus_or_mail_server_it_fails_loudly_and_retries(
    short_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    empty = short_dir / "run-user"
    empty.mkdir()
    config = write_config(tmp_path, smtp_port=1)  # nothing listens on port 1
    seed_reminder(open_database(tmp_path / "v.db"), datetime.now(HEL))
    for _ in range(2):
        result = remind(config, base_env(empty), "--quiet")
        assert result.returncode == 75
        assert "NOT DELIVERED" in result.stderr and "tried again" in result.stderr
