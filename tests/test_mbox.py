"""Local mbox files: messages and UIDs by position, UIDVALIDITY moving on when a file is rewritten,
quoting, arrival times, and the same ledger as the same mail in a Maildir."""

from __future__ import annotations

import json
import mailbox
import os
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fakes import mail
from test_local import write_mail
from vasteaika.cli import run
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import ConfigError
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store, open_database
from vasteaika.mail import mbox as mbox_module
from vasteaika.mail.local import MaildirSource
from vasteaika.mail.mbox import MboxSource, from_line_time
from vasteaika.mail.source import MailSource

OWNER = "ylermi@pihapalvelu.fi"
T = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
NOW = T + timedelta(days=1)
FROM_LINE = b"From maija@example.fi Wed Nov 25 07:00:00 2026 +0000\n"


def clock() -> datetime:
    return NOW


def received(t: datetime) -> str:
    return (
        f"Received: from mx by mail.pihapalvelu.fi; {t.strftime('%a, %d %b %Y %H:%M:%S +0000')}\n"
    )


def customer(msgid: str, hours: float, who: str = "maija@example.fi") -> bytes:
    extra = received(T + timedelta(hours=hours))
    return mail(who, OWNER, f"Tarjous {msgid}", msgid, extra=extra)


def reply(msgid: str, to_id: str, hours: float) -> bytes:
    extra = f"In-Reply-To: <{to_id}>\n" + received(T + timedelta(hours=hours))
    return mail(OWNER, "maija@example.fi", f"Re: Tarjous {to_id}", msgid, extra=extra)


def entry(data: bytes, from_line: bytes = FROM_LINE) -> bytes:
    """One message as mboxrd writers (procmail, postfix local) append it."""
    quoted = b"".join(
        b">" + line if line.lstrip(b">").startswith(b"From ") else line
        for line in data.splitlines(keepends=True)
    )
    return from_line + quoted + (b"" if quoted.endswith(b"\n") else b"\n") + b"\n"


def write_mbox(path: Path, *messages: bytes) -> None:
    path.write_bytes(b"".join(entry(m) for m in messages))


def config_for(tmp_path: Path, account: dict[str, str], db: str) -> Config:
    return config_from_dict(
        {
            "account": account,
            "owner": {"addresses": [OWNER]},
            "storage": {"database": str(tmp_path / db)},
        },
        None,
    )


def source_for(root: Path, tmp_path: Path) -> MboxSource:
    return MboxSource(root, tmp_path / "state.json", clock)


def ledger(store: Store) -> list[dict[str, Any]]:
    rows = store.db.execute(
        "SELECT folder, message_id, kind, received_at, arrival_source, conversation_id"
        " FROM messages ORDER BY message_id"
    ).fetchall()
    convs = store.db.execute(
        "SELECT customer_email, first_contact_at, first_reply_at FROM conversations ORDER BY id"
    ).fetchall()
    return [
        dict(zip(("folder", "id", "kind", "at", "source", "conv"), r, strict=True)) for r in rows
    ] + [{"conversation": list(c)} for c in convs]


def check(config: Config, source: MailSource, store: Store) -> dict[str, int]:
    return run_check(config, source, store, NOW).folders


INBOX = [customer("c1@x", 0), customer("c2@x", 1, "pekka@example.fi"), customer("c3@x", 2)]
SENT = [reply("r1@p", "c1@x", 0.5)]


def test_same_ledger_as_the_same_mail_in_a_maildir(tmp_path: Path) -> None:
    maildir = tmp_path / "Maildir"
    for i, data in enumerate(INBOX):
        write_mail(maildir, f"{i}.M{i}P1.h:2,S", data)
    write_mail(maildir / ".Sent", "9.M9P1.h:2,S", SENT[0])
    folder = tmp_path / "Mail"
    folder.mkdir()
    write_mbox(folder / "inbox", *INBOX)  # ~/Mail/inbox and ~/Mail/sent, as getmail keeps them
    write_mbox(folder / "sent", *SENT)

    expected_config = config_for(tmp_path, {"maildir": str(maildir)}, "m.db")
    expected_store = open_database(expected_config.database)
    check(expected_config, MaildirSource(maildir), expected_store)
    config = config_for(tmp_path, {"mbox": str(folder)}, "b.db")
    store = open_database(config.database)
    assert check(config, source_for(folder, tmp_path), store) == {"Sent": 1, "INBOX": 3}

    assert ledger(store) == ledger(expected_store)
    assert {r["source"] for r in ledger(store) if "source" in r} == {"received"}
    replied = [r["conversation"][2] is not None for r in ledger(store) if "conversation" in r]
    assert replied == [True, False, False]


def test_an_appended_mail_is_read_alone_under_the_same_uidvalidity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Mail"
    folder.mkdir()
    box = mailbox.mbox(folder / "INBOX")  # Python's writer: a From_ line in UTC, mboxo quoting
    for data in INBOX[:2]:
        box.add(data)
    box.flush()
    (folder / "Sent").write_bytes(b"")
    config = config_for(tmp_path, {"mbox": str(folder)}, "v.db")
    store = open_database(config.database)
    source = source_for(folder, tmp_path)
    first = source.select("INBOX").uidvalidity
    assert check(config, source, store) == {"Sent": 0, "INBOX": 2}

    box.add(INBOX[2])  # appended at the end, as a delivering program does
    box.flush()
    source = source_for(folder, tmp_path)
    assert check(config, source, store) == {"Sent": 0, "INBOX": 1}
    assert source.select("INBOX").uidvalidity == first
    state = store.folder_state("INBOX")
    assert state is not None and (state.uidvalidity, state.highest_uid) == (first, 3)

    # nothing changed: the file is not opened at all, only its size and mtime are looked at
    def no_reading(path: Path) -> None:
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr(mbox_module, "_locked", no_reading)
    assert check(config, source_for(folder, tmp_path), store) == {"Sent": 0, "INBOX": 0}


def message_ids(store: Store) -> list[str]:
    rows = store.db.execute("SELECT message_id FROM messages ORDER BY message_id").fetchall()
    return [r[0] for r in rows]


def test_a_deleted_mail_moves_uidvalidity_on_without_duplicates_or_loss(tmp_path: Path) -> None:
    folder = tmp_path / "Mail"
    folder.mkdir()
    write_mbox(folder / "INBOX", *INBOX)
    write_mbox(folder / "Sent", *SENT)
    config = config_for(tmp_path, {"mbox": str(folder)}, "v.db")
    store = open_database(config.database)
    source = source_for(folder, tmp_path)
    check(config, source, store)
    before = source.select("INBOX").uidvalidity

    # the mail client deletes c1 and rewrites the file; c4 is delivered meanwhile
    write_mbox(folder / "INBOX", INBOX[1], INBOX[2], customer("c4@x", 3))
    source = source_for(folder, tmp_path)
    assert check(config, source, store) == {"Sent": 0, "INBOX": 3}  # read again, all of it
    after = source.select("INBOX").uidvalidity
    assert after > before
    assert message_ids(store) == ["c1@x", "c2@x", "c3@x", "c4@x", "r1@p"]
    # an edit in place of the same length (as a client's status flag) is a change too: read
    # again, no harm (the edit is in a body: a changed Subject would make another message)
    data = (folder / "INBOX").read_bytes().replace(b"voisitteko", b"Voisitteko", 1)
    mtime = (folder / "INBOX").stat().st_mtime
    (folder / "INBOX").write_bytes(data)
    os.utime(folder / "INBOX", (mtime + 1, mtime + 1))  # even on a coarse file-system clock
    assert check(config, source_for(folder, tmp_path), store) == {"Sent": 0, "INBOX": 3}
    assert message_ids(store) == ["c1@x", "c2@x", "c3@x", "c4@x", "r1@p"]


def test_the_ledger_behind_the_state_still_gets_every_mail(tmp_path: Path) -> None:
    """A crash after select wrote the state but before the ledger committed: the next run asks
    for UIDs the state already counted, and they are found by scanning the file again."""
    folder = tmp_path / "Mail"
    folder.mkdir()
    write_mbox(folder / "INBOX", *INBOX[:1])
    source = source_for(folder, tmp_path)
    validity = source.select("INBOX").uidvalidity
    with (folder / "INBOX").open("ab") as f:
        f.write(entry(INBOX[1]) + entry(INBOX[2]))
    assert source_for(folder, tmp_path).select("INBOX").exists == 3  # state: 3, ledger: none
    source = source_for(folder, tmp_path)
    status = source.select("INBOX")
    assert (status.uidvalidity, status.exists) == (validity, 3)
    assert source.uids_after("INBOX", 1, 2) == [2]  # a UID range: a big folder a slice at a time
    assert source.uids_after("INBOX", 0, 99) == source.uids_after("INBOX", 0) == [1, 2, 3]
    heads = [raw.data for raw in source.fetch_headers("INBOX", source.uids_after("INBOX", 0))]
    assert [b"<c1@x>" in h for h in heads] == [True, False, False]
    assert [b"<c3@x>" in h for h in heads] == [False, False, True]


def test_a_lost_state_file_gives_a_newer_uidvalidity(tmp_path: Path) -> None:
    folder = tmp_path / "Mail"
    folder.mkdir()
    write_mbox(folder / "INBOX", *INBOX)
    first = source_for(folder, tmp_path).select("INBOX").uidvalidity
    (tmp_path / "state.json").unlink()
    clock_later = lambda: NOW + timedelta(seconds=5)  # noqa: E731
    again = MboxSource(folder, tmp_path / "state.json", clock_later).select("INBOX")
    assert again.uidvalidity > first and again.exists == 3


def test_from_quoting_and_from_lines_inside_bodies(tmp_path: Path) -> None:
    body = "Hei,\nFrom here on we talk business.\nFrom me Wed Nov 25 07:00:00 2026\n>From you\n"
    folder = tmp_path / "Mail"
    folder.mkdir()
    write_mbox(folder / "INBOX", mail("a@b.fi", OWNER, "Q", "q@x", body=body), INBOX[0])
    assert b"\n>From me Wed" in (folder / "INBOX").read_bytes()  # the writer quoted it
    source = source_for(folder, tmp_path)
    assert source.select("INBOX").exists == 2  # the quoted and the dateless From lines do not split
    text = source.fetch_text("INBOX", 1)
    assert text is not None and text.endswith(body.encode())
    assert text.startswith(b"From: a@b.fi\n")
    assert source.fetch_texts("INBOX", [2, 1, 3]) == {
        2: source.fetch_text("INBOX", 2), 1: text, 3: None
    }


def test_arrival_time_and_its_source_per_message(tmp_path: Path) -> None:
    only_date = mail("a@b.fi", OWNER, "D", "d@x", date="Wed, 25 Nov 2026 08:00:00 +0000")
    nothing = b"From: a@b.fi\nSubject: no dates\nMessage-ID: <n@x>\n\nhi\n"
    folder = tmp_path / "Mail"
    folder.mkdir()
    local = b"From a@b.fi Wed Nov 25 10:30:00 2026\n"  # asctime without zone: local time
    (folder / "INBOX").write_bytes(entry(INBOX[0]) + entry(only_date) + entry(nothing, local))
    source = source_for(folder, tmp_path)
    source.select("INBOX")
    got = [(r.internal_date, r.arrival_source) for r in source.fetch_headers("INBOX", [1, 2, 3])]
    file_time = datetime(2026, 11, 25, 10, 30).astimezone(UTC)
    assert got == [(T, "received"), (T + timedelta(hours=1), "date"), (file_time, "file")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"From maija@example.fi Wed Nov 25 07:00:00 2026 +0000\n", T),
        (b"From - Wed Nov 25 09:00:00 2026 +0200\n", T),  # Thunderbird, with a zone
        (b"From MAILER-DAEMON Wed Nov 25 07:00 2026 -0000\n", T),  # no seconds
        (b"From a@b Wed Nov 25 09:00:00 EET 2026 +0200\n", T),  # named zone and offset
        (b"From here on we talk business.\n", None),
        (b"From a@b Wed Nov 31 07:00:00 2026\n", None),  # no such day
        (b">From a@b Wed Nov 25 07:00:00 2026\n", None),
    ],
)
def test_from_line_time(line: bytes, expected: datetime | None) -> None:
    assert from_line_time(line) == expected


def test_a_broken_mail_is_a_problem_and_an_unfinished_one_waits(tmp_path: Path) -> None:
    folder = tmp_path / "Mail"
    folder.mkdir()
    broken = b"Subject: no sender, no date\n\n\x00\xff garbage\n"
    unfinished = FROM_LINE + b"From: a@b.fi\nSubject: being writ"
    (folder / "INBOX").write_bytes(entry(INBOX[0]) + entry(broken) + unfinished)
    (folder / "Sent").write_bytes(b"")
    config = config_for(tmp_path, {"mbox": str(folder)}, "v.db")
    store = open_database(config.database)
    result = run_check(config, source_for(folder, tmp_path), store, NOW)
    assert (result.folders["INBOX"], result.problems) == (2, 1)
    with (folder / "INBOX").open("ab") as f:  # the writer finishes
        f.write(b"ten\nMessage-ID: <late@x>\nDate: Wed, 25 Nov 2026 09:00:00 +0000\n\nok\n\n")
    result = run_check(config, source_for(folder, tmp_path), store, NOW)
    assert result.folders["INBOX"] == 1 and "late@x" in message_ids(store)


def write_config(tmp_path: Path, folder: Path, extra: str = "") -> Path:
    config = tmp_path / "c.toml"
    config.write_text(
        f'[owner]\naddresses = ["{OWNER}"]\n[account]\nmbox = "{folder}"\n{extra}'
        f'[storage]\ndatabase = "{tmp_path / "db" / "v.db"}"\n[hours]\ntimezone = "UTC"\n',
        encoding="utf-8",
    )
    return config


def test_cli_check_reads_mbox_files_and_keeps_its_state_by_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "Mail"
    (folder / "Local.sbd").mkdir(parents=True)
    write_mbox(folder / "Inbox", *INBOX)  # Thunderbird's names
    write_mbox(folder / "Lähetetyt", *SENT)
    config = write_config(tmp_path, folder)
    assert run(["--config", str(config), "check", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["new_conversations"]) == 3
    assert (tmp_path / "db" / "v.db.mbox-state.json").is_file()
    assert sorted(p.name for p in folder.iterdir()) == ["Inbox", "Local.sbd", "Lähetetyt"]
    assert run(["--config", str(config), "why", "c1@x"]) == 0
    assert "saapumisaika: ylin Received-otsake" in capsys.readouterr().out


def test_not_an_mbox_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "Mail"
    folder.mkdir()
    (folder / "INBOX").write_bytes(b"hello\nworld\n")
    (folder / "Sent").write_bytes(b"")
    assert run(["--config", str(write_config(tmp_path, folder)), "check"]) == 78
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not an mbox file" in err and "Traceback" not in err


def test_a_maildir_where_an_mbox_file_was_expected(tmp_path: Path) -> None:
    write_mail(tmp_path / "Mail" / "INBOX", "1.M1P1.h:2,S", INBOX[0])
    with pytest.raises(ConfigError) as caught:
        source_for(tmp_path / "Mail", tmp_path).select("INBOX")
    assert "is a Maildir" in caught.value.message and "account.maildir" in caught.value.hint
    with pytest.raises(ConfigError) as caught:
        source_for(tmp_path / "Mail" / "INBOX" / "cur" / "1.M1P1.h:2,S", tmp_path)
    assert "[folders] inbox" in caught.value.hint


def test_an_inbox_given_as_a_path(tmp_path: Path) -> None:
    spool = tmp_path / "var-mail-me"
    write_mbox(spool, *INBOX[:1])
    folder = tmp_path / "Mail"
    folder.mkdir()
    write_mbox(folder / "sent-mail", *SENT)  # Alpine's name
    source = source_for(folder, tmp_path)
    assert source.find_sent_folder() == "sent-mail"
    assert source.select(str(spool)).exists == 1


@pytest.mark.parametrize(
    ("account", "ack", "problem"),
    [
        ({"mbox": "m", "maildir": "d"}, {}, "set one of them, not both"),
        ({"mbox": "m"}, {"mode": "draft"}, 'ack.mode = "draft" cannot be used with account.mbox'),
        ({}, {}, "account.imap_host is missing (or set account.maildir or account.mbox"),
    ],
)
def test_config_problems(account: dict[str, str], ack: dict[str, str], problem: str) -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_dict({"owner": {"addresses": [OWNER]}, "account": account, "ack": ack}, None)
    assert any(problem in p for p in caught.value.problems)


def test_mail_delivered_by_procmail(tmp_path: Path) -> None:
    """Debian's procmail as the delivering program: its From_ lines, its quoting, its locking."""
    if shutil.which("procmail") is None:
        if os.environ.get("VASTEAIKA_REQUIRE_PROCMAIL") == "1":
            pytest.fail("VASTEAIKA_REQUIRE_PROCMAIL=1 but procmail is not installed", pytrace=False)
        pytest.skip("procmail is not installed (Debian package procmail)")
    folder = tmp_path / "Mail"
    folder.mkdir()
    (folder / "sent").write_bytes(b"")
    rc = tmp_path / "procmailrc"
    rc.write_text(f"DEFAULT={folder / 'inbox'}\nLOGFILE=/dev/null\n", encoding="utf-8")

    def deliver(data: bytes) -> None:
        done = subprocess.run(
            ["procmail", "-f", "mx@pihapalvelu.fi", str(rc)], input=data, check=False, timeout=30
        )
        assert done.returncode == 0

    quoted = mail("a@b.fi", OWNER, "Q", "q@x", extra=received(T), body="Hei\nFrom me to you\n")
    deliver(quoted)
    config = config_for(tmp_path, {"mbox": str(folder)}, "v.db")
    store = open_database(config.database)
    source = source_for(folder, tmp_path)
    assert check(config, source, store) == {"Sent": 0, "INBOX": 1}
    validity = source.select("INBOX").uidvalidity
    assert source.fetch_text("INBOX", 1) == quoted
    for data in INBOX:
        deliver(data)
    source = source_for(folder, tmp_path)
    assert check(config, source, store) == {"Sent": 0, "INBOX": 3}
    assert source.select("INBOX").uidvalidity == validity
    rows = store.db.execute("SELECT arrival_source, count(*) FROM messages GROUP BY 1").fetchall()
    assert rows == [("received", 4)]
