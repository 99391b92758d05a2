"""The real CLI against a real Dovecot (IMAP) and a real aiosmtpd (SMTP) on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import mail
from smtp_fixture import RunningSmtpServer
from vasteaika.cli import run
from vasteaika.config import load_config
from vasteaika.errors import TemporaryError
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import open_database
from vasteaika.mail.imap import connect_imap

OWNER = "ylermi@pihapalvelu.fi"


def write_config(tmp_path: Path, server: DovecotServer, smtp_port: int, *, ca: bool = True,
                 mode: str = "send") -> Path:  # fmt: skip
    ca_line = f'ca_file = "{server.ca_file}"\n' if ca else ""
    path = tmp_path / "config.toml"
    path.write_text(
        f'[account]\nimap_host = "127.0.0.1"\nimap_port = {server.imaps_port}\nsecurity = "ssl"\n'
        f'username = "{server.username}"\n{ca_line}timeout = 10\n'
        f'[owner]\nname = "Ylermi Testaaja"\naddresses = ["{OWNER}"]\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\nlogin = false\n'
        f'[ack]\nmode = "{mode}"\n'
        f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    return path


def in_english(config: Path) -> Path:
    """The same setup with `owner.language = "en"`: for tests that read `why`'s English words."""
    text = config.read_text(encoding="utf-8")
    if 'language = "en"' not in text:
        text = text.replace("[owner]\n", '[owner]\nlanguage = "en"\n', 1)
        config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, dovecot: DovecotServer) -> DovecotServer:
    monkeypatch.setenv("VASTEAIKA_PASSWORD", dovecot.password)
    with dovecot.admin() as client:
        client.create_folder("Sent")
    return dovecot


def customer_mail(
    frm: str, subject: str, msgid: str, minutes_ago: float, **kw: str
) -> tuple[bytes, datetime]:
    when = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    address = frm.split("<")[-1].rstrip(">")
    extra = f"Return-Path: <{address}>\n" + kw.get("extra", "")
    raw = mail(
        frm,
        kw.get("to", OWNER),
        subject,
        msgid,
        when.strftime("%a, %d %b %Y %H:%M:%S +0000"),
        extra=extra,
    )
    return raw, when


def check_json(config: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    code = run(["--config", str(config), "check", "--json", *extra])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)  # type: ignore[no-any-return]


def test_first_and_incremental_sync_with_one_acknowledgment(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, env, smtp_server.port)
    old, old_at = customer_mail(
        "Old Customer <old@example.fi>", "Vanha asia", "old@x", 60 * 24 * 30
    )
    env.deliver("INBOX", old, internal_date=old_at)
    new, new_at = customer_mail(
        "Maija Meikäläinen <maija@example.fi>", "Nurmikon leikkuu", "m1@x", 5
    )
    env.deliver("INBOX", new, internal_date=new_at)
    env.deliver(
        "INBOX", mail("uutiset@kauppa.example", OWNER, "Uutiskirje", "n@x", extra="List-Id: <k>\n")
    )
    first = check_json(config, capsys)
    assert first["read"] == {"Sent": 0, "INBOX": 3}
    assert [a["recipient"] for a in first["acknowledgments"]] == ["maija@example.fi"]  # type: ignore[index]
    [envelope] = smtp_server.messages()
    assert list(envelope.rcpt_tos) == ["maija@example.fi"]
    ack = message_from_bytes(envelope.data)
    assert ack["Auto-Submitted"] == "auto-replied" and ack["In-Reply-To"] == "<m1@x>"
    assert not any(b"\\Seen" in f for f in env.flags("INBOX").values())  # nothing marked as read

    second = check_json(config, capsys)
    assert second["read"] == {"Sent": 1, "INBOX": 0}  # our own copy in Sent, nothing else
    assert second["acknowledgments"] == [] and len(smtp_server.messages()) == 1
    waiting = {w["customer_email"] for w in second["waiting"]}  # type: ignore[union-attr]
    assert waiting == {"old@example.fi", "maija@example.fi"}  # the ack is not your reply

    env.deliver(
        "Sent",
        mail(
            OWNER, "maija@example.fi", "Re: Nurmikon leikkuu", "r@p", extra="In-Reply-To: <m1@x>\n"
        ),
    )
    third = check_json(config, capsys)
    assert third["read"] == {"Sent": 1, "INBOX": 0} and third["new_replies"] == 1


def test_uidvalidity_change_duplicates_nothing(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, env, smtp_server.port, mode="off")
    for i in range(5):
        env.deliver("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"))
    check_json(config, capsys)
    env.reset_uidvalidity("INBOX")
    env.deliver("INBOX", mail("c9@example.fi", OWNER, "Uusi", "q9@x"))
    again = check_json(config, capsys)
    assert again["read"]["INBOX"] == 6  # type: ignore[index]
    assert [c["customer_email"] for c in again["new_conversations"]] == ["c9@example.fi"]  # type: ignore[union-attr]
    assert open_database(tmp_path / "v.db").count("SELECT count(*) FROM messages") == 6


def test_connection_dropped_mid_fetch_then_resumes(
    env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path
) -> None:
    config = load_config(write_config(tmp_path, env, smtp_server.port, mode="off"))
    for i in range(8):
        env.deliver("INBOX", mail(f"c{i}@example.fi", OWNER, f"Kysymys {i}", f"q{i}@x"))
    store = open_database(config.database)
    source = connect_imap(env.settings(), env.password, batch_size=1)
    seen = 0

    def crash_after_three() -> None:
        nonlocal seen
        seen += 1
        if seen == 3:
            env.kill()

    with pytest.raises(TemporaryError):
        run_check(config, source, store, datetime.now(UTC), on_message=crash_after_three)
    assert store.count("SELECT count(*) FROM messages") == 3
    env.start()
    source = connect_imap(env.settings(), env.password)
    run_check(config, source, store, datetime.now(UTC))
    source.close()
    assert store.count("SELECT count(*) FROM messages") == 8
    assert store.count("SELECT count(DISTINCT message_id) FROM messages") == 8


def test_untrusted_certificate_is_refused_and_trusted_with_ca_file(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, env, smtp_server.port, ca=False, mode="off")
    assert run(["--config", str(config), "check"]) == 69
    err = capsys.readouterr().err
    assert "ca_file" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    config = write_config(tmp_path, env, smtp_server.port, ca=True, mode="off")
    assert run(["--config", str(config), "check", "--quiet"]) == 0


def test_wrong_password_and_unreachable_server(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = write_config(tmp_path, env, smtp_server.port, mode="off")
    monkeypatch.setenv("VASTEAIKA_PASSWORD", "wrong")
    assert run(["--config", str(config), "check"]) == 77
    err = capsys.readouterr().err
    # the owner's language (Finnish by default): "app password"
    assert "sovellussalasanan" in err and "wrong" not in err and "Traceback" not in err
    env.stop()
    monkeypatch.setenv("VASTEAIKA_PASSWORD", env.password)
    assert run(["--config", str(config), "check"]) == 69
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_hostile_message_is_a_problem_and_the_rest_syncs(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = write_config(tmp_path, env, smtp_server.port, mode="off")
    env.deliver("INBOX", b"Subject: =?utf-8?q?no=0D=0Asender?=\r\nX-Junk: \x00\xff\r\n\r\nbody\r\n")
    env.deliver(
        "INBOX",
        mail("=?utf-8?q?Evil=0D=0ABcc=3A_x=40y=2Ez?= <anna@example.fi>", OWNER, "Hei", "a@x"),
    )
    out = check_json(config, capsys)
    assert out["problems"] == 1
    [conv] = out["new_conversations"]  # type: ignore[misc]
    assert conv["customer_email"] == "anna@example.fi" and "\n" not in conv["customer_name"]


def test_subjects_that_look_like_markup_print_literally(
    env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path
) -> None:
    """Found against Dovecot: a subject with [/] made check and why exit 70 (rich markup)."""
    config = write_config(tmp_path, env, smtp_server.port, mode="off")
    subjects = {
        "m1@x": "[/] tarjous",
        "m2@x": "[blink red]x[/blink red]",
        "m3@x": "[tarjous] :smile:",
    }
    for i, (msgid, subject) in enumerate(subjects.items()):
        raw, when = customer_mail(f"Asiakas {i} <a{i}@example.fi>", subject, msgid, 10 + i)
        env.deliver("INBOX", raw, internal_date=when)
    proc = cli_process(config, "check")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert all(subject in out for subject in subjects.values()), out
    for msgid, subject in subjects.items():
        proc = cli_process(config, "why", msgid)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert f"{subject!r}" in out and "laji: asiakkaan viesti (customer)" in out


def cli_process(config: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    return subprocess.Popen([sys.executable, "-m", "vasteaika", "--config", str(config), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip


def test_killed_after_smtp_accepts_never_sends_twice(
    env: DovecotServer, smtp_server_factory: object, tmp_path: Path
) -> None:
    kill_file = tmp_path / "kill-pid"
    smtp = smtp_server_factory(kill_client_file=str(kill_file))  # type: ignore[operator]
    config = write_config(tmp_path, env, smtp.port)
    raw, when = customer_mail("Anna <anna@example.fi>", "Lumityöt", "a@x", 3)
    env.deliver("INBOX", raw, internal_date=when)
    proc = cli_process(config, "check", "--quiet")
    kill_file.write_text(str(proc.pid))
    proc.wait(timeout=60)
    assert proc.returncode == -9 and len(smtp.messages()) == 1
    kill_file.unlink()
    proc = cli_process(config, "check", "--json")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert json.loads(out)["acknowledgments"] == [] and len(smtp.messages()) == 1
    row = (
        open_database(tmp_path / "v.db")
        .db.execute("SELECT ack_status FROM conversations")
        .fetchone()
    )
    assert row[0] == "pending"  # left for the owner: `vasteaika outbox` shows it


def test_smtp_down_then_up_sends_exactly_one(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from dovecot import free_port

    down = write_config(tmp_path, env, free_port())
    raw, when = customer_mail("Anna <anna@example.fi>", "Lumityöt", "a@x", 3)
    env.deliver("INBOX", raw, internal_date=when)
    assert run(["--config", str(down), "check", "--quiet"]) == 69
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    up = write_config(tmp_path, env, smtp_server.port)
    out = check_json(up, capsys)
    assert len(out["acknowledgments"]) == 1 and len(smtp_server.messages()) == 1  # type: ignore[arg-type]
    time.sleep(0)  # no waiting needed: the second run is immediate
    again = check_json(up, capsys)
    assert again["acknowledgments"] == [] and len(smtp_server.messages()) == 1


def test_uidvalidity_reset_with_new_uids_below_the_old_watermark_keeps_reading_new_mail(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Planted bug: a watermark kept across a UIDVALIDITY change skips every new mail whose new
    UID is below the old watermark, for good. Here the server forgets INBOX's UIDs after most of
    its mail was deleted: the new mail gets UIDs 2 and 3, below the old watermark 6. Over two
    more runs the new mail is still read, acknowledged, and a promise in the reply is found."""
    config = write_config(tmp_path, env, smtp_server.port)
    for i in range(6):  # a month old: backlog, never acknowledged
        raw, when = customer_mail(f"Vanha {i} <c{i}@example.fi>", f"Kysymys {i}", f"q{i}@x", 60 * 24 * 30)
        env.deliver("INBOX", raw, internal_date=when)
    first = check_json(config, capsys)
    assert first["read"] == {"Sent": 0, "INBOX": 6} and first["acknowledgments"] == []
    with env.admin("INBOX") as client:
        client.select_folder("INBOX")
        client.delete_messages(client.search(["ALL"])[1:])
        client.expunge()
    env.reset_uidvalidity("INBOX")
    raw, when = customer_mail("Maija <maija@example.fi>", "Nurmikko", "m1@x", 2)
    assert env.deliver("INBOX", raw, internal_date=when) == 2  # below the old watermark 6

    second = check_json(config, capsys)
    assert [c["customer_email"] for c in second["new_conversations"]] == ["maija@example.fi"]  # type: ignore[union-attr]
    assert [a["recipient"] for a in second["acknowledgments"]] == ["maija@example.fi"]  # type: ignore[index]

    raw, when = customer_mail("Pekka <pekka@example.fi>", "Aita", "p1@x", 1)
    assert env.deliver("INBOX", raw, internal_date=when) == 3
    now = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    # Off the acknowledgment's slot grid: after business hours Maija's acknowledgment already
    # promised "huomenna klo 10", and the same promise again is rightly no new reminder.
    env.deliver("Sent", mail(OWNER, "Maija <maija@example.fi>", "Re: Nurmikko", "r1@p", now,
                             extra="In-Reply-To: <m1@x>\n", body="Hei Maija,\nsoitan huomenna klo 12.35.\n"))  # fmt: skip
    third = check_json(config, capsys)
    assert [c["customer_email"] for c in third["new_conversations"]] == ["pekka@example.fi"]  # type: ignore[union-attr]
    assert [a["recipient"] for a in third["acknowledgments"]] == ["pekka@example.fi"]  # type: ignore[index]
    assert third["new_replies"] == 1 and third["promises_found"] == 1
    assert sorted(e.rcpt_tos for e in smtp_server.messages()) == [
        ("maija@example.fi",), ("pekka@example.fi",)
    ]  # fmt: skip
    db = open_database(tmp_path / "v.db")
    assert db.count("SELECT count(*) FROM reminders WHERE source = 'reply'") == 1


def test_draft_mode_saves_one_draft_in_dovecots_drafts_and_reminds_once_it_is_sent(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """ack.mode = "draft": the acknowledgment waits in the owner's Drafts, nothing goes out by
    SMTP and no callback is promised until the owner sends it (it then shows up in Sent)."""
    config = write_config(tmp_path, env, smtp_server.port, mode="draft")
    env.create_folder("Drafts")
    raw, when = customer_mail("Anna <anna@example.fi>", "Lumityöt", "a@x", 2)
    env.deliver("INBOX", raw, internal_date=when)
    first = check_json(config, capsys)
    assert [a["recipient"] for a in first["acknowledgments"]] == ["anna@example.fi"]  # type: ignore[index]
    with env.admin("Drafts") as client:
        drafts = client.fetch(client.search(["ALL"]), ["FLAGS", "BODY.PEEK[]"])
    [(_, item)] = drafts.items()
    assert b"\\Draft" in item[b"FLAGS"]
    draft = message_from_bytes(item[b"BODY[]"])
    assert draft["To"] == "Anna <anna@example.fi>" and draft["In-Reply-To"] == "<a@x>"
    assert draft["Auto-Submitted"] == "auto-replied"
    assert smtp_server.messages() == []
    db = open_database(tmp_path / "v.db")
    assert db.count("SELECT count(*) FROM conversations WHERE ack_status = 'draft'") == 1
    assert db.count("SELECT count(*) FROM reminders") == 0

    second = check_json(config, capsys)  # the draft is not written again
    assert second["acknowledgments"] == [] and len(env.flags("Drafts")) == 1

    env.deliver("Sent", item[b"BODY[]"])  # the owner sent the draft from the mail program
    third = check_json(config, capsys)
    assert third["acknowledgments"] == [] and smtp_server.messages() == []
    assert db.count("SELECT count(*) FROM conversations WHERE ack_status = 'sent'") == 1
    assert db.count("SELECT count(*) FROM reminders WHERE source = 'ack'") == 1
    assert [w["customer_email"] for w in third["waiting"]] == ["anna@example.fi"]  # type: ignore[union-attr]


def test_after_rebuild_nobody_is_acknowledged_twice_and_new_customers_still_are(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from test_database_faults import corrupt_table

    config = write_config(tmp_path, env, smtp_server.port)
    env.deliver("INBOX", customer_mail("Maija <maija@example.fi>", "Nurmikko", "m1@x", 5)[0])
    assert [a["recipient"] for a in check_json(config, capsys)["acknowledgments"]] == [  # type: ignore[index]
        "maija@example.fi"
    ]
    env.deliver("INBOX", customer_mail("Pekka <pekka@example.fi>", "Aita", "p1@x", 3)[0])
    corrupt_table(tmp_path / "v.db", "conversations")
    assert run(["--config", str(config), "rebuild", "--yes"]) == 0
    env.deliver("INBOX", customer_mail("Maija <maija@example.fi>", "Pensas", "m2@x", 1)[0])
    env.deliver("INBOX", customer_mail("Liisa <liisa@example.fi>", "Puu", "l1@x", 1)[0])
    capsys.readouterr()
    after = check_json(config, capsys)
    # Maija's acknowledgment was read back from Sent; Pekka wrote before the rebuild.
    assert [a["recipient"] for a in after["acknowledgments"]] == ["liisa@example.fi"]  # type: ignore[index]
    assert [list(e.rcpt_tos) for e in smtp_server.messages()] == [
        ["maija@example.fi"],
        ["liisa@example.fi"],
    ]


def test_two_customers_sharing_a_message_id_are_both_acknowledged(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 9: a broken mailer gives two customers' mails one Message-ID. Both are contacts,
    both get one acknowledgment, and a UIDVALIDITY change afterwards counts neither again."""
    config = write_config(tmp_path, env, smtp_server.port)
    for frm, subject, minutes in (("Anna Aalto <anna@example.fi>", "Lumityöt", 6),
                                  ("Bertil Berg <bertil@example.com>", "Kattoremontti", 4)):  # fmt: skip
        raw, when = customer_mail(frm, subject, "1234@localhost", minutes)
        env.deliver("INBOX", raw, internal_date=when)
    first = check_json(config, capsys)
    assert sorted(a["recipient"] for a in first["acknowledgments"]) == [  # type: ignore[union-attr]
        "anna@example.fi", "bertil@example.com"
    ]  # fmt: skip
    assert sorted(e.rcpt_tos for e in smtp_server.messages()) == [
        ("anna@example.fi",), ("bertil@example.com",)
    ]  # fmt: skip
    assert all(
        message_from_bytes(e.data)["In-Reply-To"] == "<1234@localhost>"
        for e in smtp_server.messages()
    )
    assert sorted(w["customer_email"] for w in first["waiting"]) == [  # type: ignore[union-attr]
        "anna@example.fi", "bertil@example.com"
    ]  # fmt: skip
    env.reset_uidvalidity("INBOX")
    again = check_json(config, capsys)
    assert again["read"] == {"Sent": 2, "INBOX": 2}  # our two acks' copies, INBOX read anew
    assert again["new_conversations"] == [] and again["acknowledgments"] == []
    assert len(smtp_server.messages()) == 2
    assert open_database(tmp_path / "v.db").count("SELECT count(*) FROM messages") == 4


def test_a_follow_up_between_two_checks_waits_again_until_the_answer(
    env: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 11: the customer asks again after the owner's answer; the next check lists the
    conversation as waiting since that mail, and the owner's second answer takes it off."""
    config = write_config(tmp_path, env, smtp_server.port, mode="off")
    first, first_at = customer_mail("Anna <anna@example.fi>", "Lumityöt", "a1@x", 120)
    env.deliver("INBOX", first, internal_date=first_at)
    answer_at = first_at + timedelta(minutes=30)
    env.deliver("Sent", mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r1@p",
                             extra="In-Reply-To: <a1@x>\n"), internal_date=answer_at)  # fmt: skip
    assert check_json(config, capsys)["waiting"] == []

    again, again_at = customer_mail("Anna <anna@example.fi>", "Re: Lumityöt", "a2@x", 20,
                                    extra="In-Reply-To: <r1@p>\nReferences: <a1@x> <r1@p>\n")  # fmt: skip
    env.deliver("INBOX", again, internal_date=again_at)
    [waiting] = check_json(config, capsys)["waiting"]  # type: ignore[misc]
    assert waiting["customer_email"] == "anna@example.fi" and waiting["turn"] == 2
    assert datetime.fromisoformat(waiting["waiting_since"]) == again_at.replace(microsecond=0)
    assert datetime.fromisoformat(waiting["first_reply_at"]) == answer_at.replace(microsecond=0)

    env.deliver("Sent", mail(OWNER, "anna@example.fi", "Re: Lumityöt", "r2@p",
                             extra="In-Reply-To: <a2@x>\n"),
                internal_date=again_at + timedelta(minutes=5))  # fmt: skip
    assert check_json(config, capsys)["waiting"] == []
    [record] = json.loads(_export(config, capsys))
    assert [t["answer_rule"] for t in record["turns"]] == ["reference", "reference"]
    assert record["turns"][1]["response_seconds"] == 300


def _export(config: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(["--config", str(config), "export"]) == 0
    return capsys.readouterr().out
