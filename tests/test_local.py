"""Local Maildirs: the arrival time of each mail, the layouts mbsync writes, the Sent folder."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from vasteaika.cli import run
from vasteaika.mail.local import MaildirSource, arrival
from vasteaika.mail.source import texts_within

T = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
DOWNLOADED = T + timedelta(days=20)  # mbsync fetched the mailbox weeks later


def head(*lines: str) -> bytes:
    return ("\r\n".join([*lines, "From: a@b.fi", "", ""])).encode()


def rfc(t: datetime) -> str:
    return t.strftime("%a, %d %b %Y %H:%M:%S +0000")


RECEIVED = f"Received: from x by mx.example with ESMTPS id 1; {rfc(T)} (UTC)"
DATE = f"Date: {rfc(T - timedelta(minutes=2))}"


@pytest.mark.parametrize(
    ("lines", "expected", "source"),
    [
        ((RECEIVED, DATE), T, "received"),
        # only the topmost Received counts: the one below is the sender's own server
        ((RECEIVED, f"Received: by sender; {rfc(T - timedelta(hours=3))}", DATE), T, "received"),
        # Received folded over lines, with a named zone comment
        (("Received: from x\r\n\tby mx; Mon, 02 Nov 2026 10:00:00 +0200 (EET)", DATE), T, "received"),
        ((DATE,), T - timedelta(minutes=2), "date"),
        (("Received: from x by y; garbage", DATE), T - timedelta(minutes=2), "date"),
        (("Received: from x by y with no date at all", DATE), T - timedelta(minutes=2), "date"),
        # after the file existed: a broken server clock, not trusted
        ((f"Received: by mx; {rfc(DOWNLOADED + timedelta(days=400))}", DATE), T - timedelta(minutes=2), "date"),
        # a server clock reset to 1970: days before the mail was written
        (("Received: by mx; Thu, 01 Jan 1970 00:00:00 +0000", DATE), T - timedelta(minutes=2), "date"),
        # a Received a few hours before Date is a sender's fast clock: Received wins
        ((RECEIVED, f"Date: {rfc(T + timedelta(hours=5))}"), T, "received"),
        (("Subject: no dates",), T + timedelta(days=1), "file"),
        # a Date in the future of the file: the file's time
        ((f"Date: {rfc(DOWNLOADED + timedelta(days=2))}",), T + timedelta(days=1), "file"),
    ],
)  # fmt: skip
def test_arrival_time_and_its_source(
    lines: tuple[str, ...], expected: datetime, source: str
) -> None:
    # mtime (mbsync: the server's INTERNALDATE) and the file-name time (the download)
    assert arrival(head(*lines), [T + timedelta(days=1), DOWNLOADED]) == (expected, source)


def write_mail(folder: Path, name: str, data: bytes, mtime: datetime | None = None) -> Path:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    path = folder / "cur" / name
    path.write_bytes(data)
    if mtime is not None:
        os.utime(path, (mtime.timestamp(), mtime.timestamp()))
    return path


@pytest.mark.parametrize(
    ("inbox", "sent", "name"),
    [
        ("", ".Sent", "Sent"),  # Maildir++ (Dovecot, offlineimap, mbsync SubFolders Maildir++)
        ("INBOX", "Sent", "Sent"),  # mbsync SubFolders Verbatim
        ("INBOX", "[Gmail]/Sent Mail", "[Gmail]/Sent Mail"),  # Verbatim, Gmail
        ("INBOX", "[Gmail]/.Sent Mail", "[Gmail]/Sent Mail"),  # mbsync SubFolders Legacy
        ("", ".[Gmail].Sent Mail", "[Gmail]/Sent Mail"),  # Maildir++, Gmail
        ("", ".L&AOQ-hetetyt kohteet", "Lähetetyt kohteet"),  # Dovecot: modified UTF-7
        ("Inbox", "Lähetetyt", "Lähetetyt"),
        ("INBOX", "LA\u0308HETETYT", "Lähetetyt"),  # macOS: decomposed, any case
        ("INBOX", "Skickade objekt", "Skickade objekt"),
        ("INBOX", "Sent Items", "Sent Items"),
    ],
)
def test_layouts_and_sent_names(tmp_path: Path, inbox: str, sent: str, name: str) -> None:
    write_mail(tmp_path / inbox, "1.M1P1.h:2,S", head(RECEIVED))
    write_mail(tmp_path / sent, "2.M2P1.h:2,S", head(DATE))
    source = MaildirSource(tmp_path)
    assert source.find_sent_folder() == name
    assert source.select(name).exists == 1 and source.select("INBOX").exists == 1
    (raw,) = source.fetch_headers(name, [1])
    assert (raw.internal_date, raw.arrival_source) == (T - timedelta(minutes=2), "date")


def test_not_a_maildir_says_where_to_point(tmp_path: Path) -> None:
    from vasteaika.errors import ConfigError

    with pytest.raises(ConfigError) as caught:
        MaildirSource(tmp_path)
    assert "INBOX" in caught.value.hint


def test_marking_mail_read_does_not_reread_the_folder(tmp_path: Path) -> None:
    """mbsync renames a file when its flags change: same message, same UIDVALIDITY, and a
    file renamed between listing and reading is still read."""
    path = write_mail(tmp_path, "1.M1P1.h", head(RECEIVED))
    source = MaildirSource(tmp_path)
    before = source.select("INBOX").uidvalidity
    path.rename(tmp_path / "cur" / "1.M1P1.h:2,S")
    (raw,) = source.fetch_headers("INBOX", [1])
    assert raw.internal_date == T
    assert source.select("INBOX").uidvalidity == before


def test_a_folder_is_listed_a_uid_range_at_a_time(tmp_path: Path) -> None:
    for i in range(1, 6):
        write_mail(tmp_path, f"{i}.M{i}P1.h", head(RECEIVED))
    source = MaildirSource(tmp_path)
    source.select("INBOX")
    assert source.uids_after("INBOX", 1, 3) == [2, 3]
    assert source.uids_after("INBOX", 3, 99) == source.uids_after("INBOX", 3) == [4, 5]


def test_mails_read_together_are_those_read_alone_up_to_the_byte_cap(tmp_path: Path) -> None:
    for i in range(1, 4):
        write_mail(tmp_path, f"{i}.M{i}P1.h", head(RECEIVED) + b"x" * i)
    source = MaildirSource(tmp_path)
    source.select("INBOX")
    (tmp_path / "cur" / "2.M2P1.h").unlink()  # gone since the folder was listed
    alone = {uid: source.fetch_text("INBOX", uid) for uid in (3, 1, 2)}
    assert alone[2] is None
    assert source.fetch_texts("INBOX", [3, 1, 2]) == alone
    size = len(alone[3] or b"")
    read = texts_within(lambda uid: source.fetch_text("INBOX", uid), [3, 1, 2], cap=size)
    assert read == {3: alone[3]}  # the rest left out, to be read alone


def test_why_tells_where_the_arrival_time_came_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = tmp_path / "mail"
    customer = head(RECEIVED, DATE, "Message-ID: <c1@b.fi>", "To: me@pihapalvelu.fi", "Subject: Q")
    write_mail(mail, f"{int(DOWNLOADED.timestamp())}.M1P1.h,U=1:2,S", customer, DOWNLOADED)
    reply = (
        "From: me@pihapalvelu.fi\r\nTo: a@b.fi\r\nMessage-ID: <r1@p.fi>\r\nIn-Reply-To: <c1@b.fi>"
    )
    write_mail(mail / ".Sent", "9.M2P1.h:2,S", f"{reply}\r\nSubject: Re: Q\r\n\r\n".encode())
    config = tmp_path / "c.toml"
    config.write_text(
        f'[owner]\naddresses = ["me@pihapalvelu.fi"]\n[account]\nmaildir = "{mail}"\n'
        f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n[hours]\ntimezone = "UTC"\n',
        encoding="utf-8",
    )
    assert run(["--config", str(config), "check", "--json"]) == 0
    (conversation,) = json.loads(capsys.readouterr().out)["new_conversations"]
    assert conversation["first_contact_at"] == T.isoformat()  # not the download time
    assert run(["--config", str(config), "why", "c1@b.fi"]) == 0
    assert "saapumisaika: ylin Received-otsake" in capsys.readouterr().out
    assert run(["--config", str(config), "why", "r1@p.fi"]) == 0
    # no Received, no Date: the earlier of the file's name (epoch 9) and its mtime
    assert "saapumisaika: viestitiedoston aika" in capsys.readouterr().out


def test_reading_a_folder_lists_it_a_bounded_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first sync of a big local Maildir must not list the folder once per mail (quadratic):
    none when no file moved, once when mbsync renamed every file after the listing."""
    paths = [write_mail(tmp_path, f"{i}.M{i}P1.h", head(RECEIVED)) for i in range(1, 41)]
    source = MaildirSource(tmp_path)
    source.select("INBOX")
    listed: list[str] = []
    real_listdir = os.listdir

    def counting_listdir(path: str | os.PathLike[str] = ".") -> list[str]:
        listed.append(os.fspath(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", counting_listdir)
    assert len(list(source.fetch_headers("INBOX", range(1, 41)))) == 40
    assert listed == []
    for path in paths:
        path.rename(path.with_name(path.name + ":2,S"))
    read = list(source.fetch_headers("INBOX", range(1, 41)))
    assert [raw.uid for raw in read] == list(range(1, 41))
    assert all(raw.internal_date == T for raw in read)
    assert len(listed) == 2  # cur/ and new/, once
    paths[0].with_name(paths[0].name + ":2,S").unlink()
    listed.clear()
    assert [raw.uid for raw in source.fetch_headers("INBOX", range(1, 41))] == list(range(2, 41))
