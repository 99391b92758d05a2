"""A mailbox synced by the real mbsync (isync) from the real Dovecot gives the same ledger as
reading Dovecot over IMAP, times included, in both of mbsync's common layouts."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from dovecot import DovecotServer
from vasteaika.config import config_from_dict
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import open_database
from vasteaika.mail.imap import connect_imap
from vasteaika.mail.local import MaildirSource
from vasteaika.mail.source import MailSource

OWNER = "ylermi@pihapalvelu.fi"
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
T0 = datetime(2026, 11, 2, 7, 14, 5, tzinfo=UTC)


@pytest.fixture
def mbsync() -> str:
    """The mbsync program; a missing one fails instead of skipping when the test command says
    tools are required (scripts/test.sh installs isync)."""
    found = shutil.which("mbsync")
    if found is None:
        if os.environ.get("VASTEAIKA_REQUIRE_MBSYNC") == "1":
            pytest.fail("VASTEAIKA_REQUIRE_MBSYNC=1 but mbsync is missing", pytrace=False)
        pytest.skip("mbsync missing (apt-get install isync)")
    return found


def delivered(server: DovecotServer, folder: str, at: datetime, lines: list[str]) -> None:
    """APPEND as a delivering MDA would store it: INTERNALDATE = delivery, and for INBOX the
    delivering server's Received (and Return-Path) on top with the same time."""
    top = [] if folder != "INBOX" else [
        f"Return-Path: <{lines[0].split()[-1]}>",
        f"Received: from mx.example.fi by mail.pihapalvelu.fi with ESMTPS id Q{at:%H%M%S};"
        f" {format_datetime(at.astimezone(UTC))}",
    ]  # fmt: skip
    # The Date header is the sender's clock: minutes off for customers, exact for the owner.
    date = at - timedelta(minutes=3) if folder == "INBOX" else at
    text = "\r\n".join([*top, *lines[1:], f"Date: {format_datetime(date)}", "", "Hei!", ""])
    server.deliver(folder, text.encode(), internal_date=at)


def fill(server: DovecotServer) -> None:
    customers = ["matti@example.fi", "sanna@example.fi", "eero@example.fi"]
    for n, who in enumerate(customers):
        at = T0 + timedelta(days=n, hours=n)
        head = [f"x {who}", f"From: {who}", f"To: {OWNER}", f"Subject: Tarjous {n}",
                f"Message-ID: <c{n}@example.fi>"]  # fmt: skip
        delivered(server, "INBOX", at, head)
        if n < 2:  # the owner answers the first two
            reply = [f"x {OWNER}", f"From: {OWNER}", f"To: {who}", f"Subject: Re: Tarjous {n}",
                     f"Message-ID: <r{n}@pihapalvelu.fi>", f"In-Reply-To: <c{n}@example.fi>"]  # fmt: skip
            delivered(server, "Sent", at + timedelta(minutes=41 + n), reply)


def sync(mbsync: str, server: DovecotServer, target: Path, layout: str) -> None:
    # Maildir++: Inbox is the root and there is no Path; Verbatim: INBOX/ beside Sent/.
    store = f"Inbox {target}" if layout == "Maildir++" else f"Path {target}/\nInbox {target}/INBOX"
    target.mkdir()
    config = target.parent / f"mbsyncrc-{layout.replace('+', 'p')}"
    config.write_text(
        f"""IMAPAccount test
Host localhost
Port {server.imap_port}
User {server.username}
Pass "{server.password}"
SSLType STARTTLS
CertificateFile {server.ca_file}

IMAPStore remote
Account test

MaildirStore local
{store}
SubFolders {layout}

Channel test
Far :remote:
Near :local:
Patterns *
Create Near
Sync Pull
SyncState *
""",
        encoding="utf-8",
    )
    done = subprocess.run(
        [mbsync, "-c", str(config), "-a"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    sent = target / (".Sent" if layout == "Maildir++" else "Sent")
    assert (sent / "cur").is_dir() and (inbox_of(target, layout) / "cur").is_dir()


def inbox_of(target: Path, layout: str) -> Path:
    return target if layout == "Maildir++" else target / "INBOX"


def ledger(source: MailSource, db: Path, tmp_path: Path) -> dict[str, Any]:
    config = config_from_dict(
        {"owner": {"addresses": [OWNER]}, "account": {"maildir": str(tmp_path)}}, None
    )
    store = open_database(db)
    try:
        run_check(config, source, store, NOW)
    finally:
        source.close()
    rows = store.db.query(
        "SELECT folder, message_id, kind, received_at, arrival_source FROM messages"
        " ORDER BY message_id"
    )
    conversations = store.db.query(
        "SELECT customer_email, first_contact_at, first_reply_at FROM conversations ORDER BY id"
    )
    return {"messages": list(rows), "conversations": list(conversations)}


@pytest.mark.parametrize("layout", ["Maildir++", "Verbatim"])
def test_mbsync_maildir_gives_the_imap_ledger(
    dovecot: DovecotServer, mbsync: str, tmp_path: Path, layout: str
) -> None:
    dovecot.create_folder("Sent")
    fill(dovecot)
    over_imap = ledger(connect_imap(dovecot.settings("starttls"), dovecot.password),
                       tmp_path / "imap.db", tmp_path)  # fmt: skip
    sync(mbsync, dovecot, tmp_path / "Mail", layout)
    local = ledger(MaildirSource(tmp_path / "Mail"), tmp_path / "local.db", tmp_path)

    assert {r["arrival_source"] for r in over_imap["messages"]} == {"internaldate"}
    sources = {(r["folder"], r["arrival_source"]) for r in local["messages"]}
    assert sources == {("INBOX", "received"), ("Sent", "date")}
    strip = [{k: v for k, v in r.items() if k != "arrival_source"} for r in local["messages"]]
    assert strip == [{k: v for k, v in r.items() if k != "arrival_source"}
                     for r in over_imap["messages"]]  # fmt: skip
    assert local["conversations"] == over_imap["conversations"]
    first = over_imap["conversations"][0]
    assert first["first_contact_at"] == int(T0.timestamp())  # INTERNALDATE, not Date or download
    assert first["first_reply_at"] - first["first_contact_at"] == 41 * 60
    assert over_imap["conversations"][2]["first_reply_at"] is None
