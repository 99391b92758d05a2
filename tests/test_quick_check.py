"""Cron's `check --quiet` runs the command's own run without typer (cli/fast.py, check_run):
it must say and do exactly what the command does, and a check with nothing new must cost the
same IMAP conversation however big the mailbox is.

Each comparison runs the real entry point twice in fresh interpreters: once in the shape cron
uses (``--config X check --quiet``: the quick path) and once with the global option typed after
the command (``check --quiet --config X``: the same invocation read by typer).
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import mail
from vasteaika.cli import fast
from vasteaika.jobs.health import read_health
from vasteaika.ledger.store import open_database

OWNER = "olli@example.fi"


def _vasteaika(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    run_env = {**os.environ, **(env or {})}
    run_env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return subprocess.run([sys.executable, "-m", "vasteaika", *args], env=run_env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip


def _both(config: Path, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], ...]:
    """(the quick path's run, typer's run) of the same `check --quiet`."""
    quick = _vasteaika("--config", str(config), "check", "--quiet", env=env)
    typer = _vasteaika("check", "--quiet", "--config", str(config), env=env)
    return quick, typer


def _said(done: subprocess.CompletedProcess[str]) -> tuple[int, str, str]:
    return done.returncode, done.stdout, done.stderr


def _maildir_config(tmp_path: Path, maildir: Path, extra: str = "") -> Path:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[account]\nmaildir = "{maildir}"\n'
        f'[owner]\nname = "Olli Omistaja"\naddresses = ["{OWNER}"]\nlanguage = "en"\n'
        f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n{extra}',
        encoding="utf-8",
    )
    config.chmod(0o600)
    return config


def _maildir(root: Path) -> Path:
    for folder in ("", ".Sent"):
        for sub in ("cur", "new", "tmp"):
            (root / folder / sub).mkdir(parents=True, exist_ok=True)
    return root


@pytest.mark.parametrize(
    ("args", "wanted", "config", "debug"),
    [
        (["check", "--quiet"], True, None, False),
        (["check", "-q"], True, None, False),
        (["-c", "/x.toml", "--debug", "check", "--quiet"], True, "/x.toml", True),
        (["--config=/x.toml", "check", "-q"], True, "/x.toml", False),
        (["check"], False, None, False),  # the daily screen: typer's
        (["check", "--quiet", "--json"], False, None, False),
        (["check", "--quiet", "--dry-run"], False, None, False),
        (["check", "--quiet", "--config", "/x.toml"], False, None, False),  # typer hoists it
        (["--now", "2026-11-23T08:05", "check", "--quiet"], False, None, False),
        (["--config", "/a", "--config", "/b", "check", "--quiet"], False, None, False),
        (["--config=", "check", "--quiet"], False, None, False),
        (["remind", "--quiet"], False, None, False),
        (["--help", "check", "--quiet"], False, None, False),
    ],
)
def test_only_crons_check_quiet_takes_the_quick_path(
    args: list[str], wanted: bool, config: str | None, debug: bool
) -> None:
    expected = (wanted, Path(config) if config else None, debug)
    assert fast.quiet_command(args, "check") == expected


def test_no_new_mail_prints_nothing_and_records_the_run_like_the_command(tmp_path: Path) -> None:
    """The ledger made by the first run, then nothing new: both print nothing, exit 0, and
    each records its run and its contact for `status`."""
    env = {"VASTEAIKA_RUN_USER_DIR": str(tmp_path / "run-user")}
    mailbox = _maildir(tmp_path / "mail")
    (mailbox / "cur" / "1.x:2,S").write_bytes(mail("Asiakas <asiakas@example.com>", OWNER,
                                                   "Tarjous", "q1@example.com"))  # fmt: skip
    config = _maildir_config(tmp_path, mailbox)
    first = _vasteaika("--config", str(config), "check", "--quiet", env=env)
    assert first.returncode == 0, first.stderr
    quick, typer = _both(config, env)
    assert _said(quick) == _said(typer) == (0, "", "")
    store = open_database(tmp_path / "v.db")
    runs = store.db.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
    assert runs == 3 and store.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 1
    health = read_health(tmp_path / "v.db")
    assert health.last_contact_by == "check" and health.contact_seq == 3


def test_a_new_ledger_and_a_new_mail_are_told_alike(tmp_path: Path) -> None:
    """The first run on an empty ledger file and a mail that cannot be read: the same lines."""
    env = {"VASTEAIKA_RUN_USER_DIR": str(tmp_path / "run-user")}
    said = []
    for name in ("quick", "typer"):
        home = tmp_path / name
        mailbox = _maildir(home / "mail")
        (mailbox / "cur" / "1.x:2,S").write_bytes(b"\x00\xff not a mail at all")
        config = _maildir_config(home, mailbox)
        (home / "v.db").touch()  # an empty file: the command says it made the ledger anew
        args = ["--config", str(config), "check", "--quiet"]
        done = _vasteaika(*(args if name == "quick" else [*args[2:], *args[:2]]), env=env)
        said.append((done.returncode, done.stdout, done.stderr.replace(str(home), "HOME")))
    assert said[0] == said[1]
    assert said[0][0] == 0 and said[0][2] != ""


@pytest.mark.parametrize("debug", [False, True])
def test_a_failing_check_says_the_same_line_exits_the_same_and_notes_it_for_status(
    tmp_path: Path, debug: bool
) -> None:
    env = {"VASTEAIKA_RUN_USER_DIR": str(tmp_path / "run-user")}
    config = _maildir_config(tmp_path, tmp_path / "gone")
    flags = ["--debug"] if debug else []
    quick = _vasteaika(*flags, "--config", str(config), "check", "--quiet", env=env)
    problem_after_quick = read_health(tmp_path / "v.db").last_problem
    typer = _vasteaika("check", "--quiet", *flags, "--config", str(config), env=env)
    assert quick.returncode == typer.returncode == 78
    assert quick.stdout == typer.stdout == ""
    last = quick.stderr.strip().splitlines()[-1]
    assert last == typer.stderr.strip().splitlines()[-1]
    assert last.startswith("vasteaika: ") and "is not a Maildir" in last
    assert ("Traceback" in quick.stderr) == ("Traceback" in typer.stderr) == debug
    assert problem_after_quick is not None and problem_after_quick in last
    assert read_health(tmp_path / "v.db").problem_seq == 2


@pytest.mark.parametrize(
    ("stop", "code"), [(KeyboardInterrupt, 130), (EOFError, 130), (BrokenPipeError, 1)]
)
def test_an_interrupt_or_a_closed_pipe_ends_the_same_way(
    stop: type[BaseException], code: int, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """Ctrl-C, a closed terminal (EOF) and a reader gone (EPIPE) mid-run: the exit code and
    the words typer's run() gives them."""
    from vasteaika.cli import check as check_command
    from vasteaika.cli import check_run, run

    def stopped(*args: object, **kwargs: object) -> None:
        raise stop(32, "Broken pipe") if stop is BrokenPipeError else stop()

    monkeypatch.setattr(check_run, "run_check_command", stopped)
    monkeypatch.setattr(check_command, "run_check_command", stopped)
    ends = []
    for path in ("quick", "typer"):
        monkeypatch.setattr(sys, "stdout", sys.stdout)  # a closed pipe replaces both
        monkeypatch.setattr(sys, "stderr", sys.stderr)
        try:
            if path == "quick":
                got = fast.answer(["--config", "/nowhere.toml", "check", "--quiet"])
            else:
                got = run(["check", "--quiet", "--config", "/nowhere.toml"])
        except SystemExit as exc:  # typer's way with a closed pipe
            got = exc.code
        ends.append((got, capsys.readouterr()))
    assert ends[0] == ends[1]
    assert ends[0][0] == code and ends[0][1].out == ""
    if code == 130:
        assert ends[0][1].err.strip() == "vasteaika: interrupted — nothing half-written; run again to continue"


def test_a_missing_config_is_the_same_line(tmp_path: Path) -> None:
    quick, typer = _both(tmp_path / "nowhere.toml", {})
    assert _said(quick) == _said(typer)
    assert quick.returncode == 78 and "no configuration file" in quick.stderr


# --- a no-change check against a real Dovecot: the IMAP conversation ----------------------


class CommandCounter:
    """A TCP relay to Dovecot's plain IMAP port that keeps the name of every tagged command the
    client sends (whole lines only; no literal is sent by a check that reads)."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.commands: list[str] = []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.sock.getsockname()[1])
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, count: bool) -> None:
        pending = b""
        try:
            while data := src.recv(65536):
                if count:
                    pending += data
                    *lines, pending = pending.split(b"\r\n")
                    for line in lines:
                        tagged = re.match(rb"[A-Za-z0-9]+ ([A-Za-z]+)", line)
                        if tagged:
                            self.commands.append(tagged.group(1).decode().upper())
                dst.sendall(data)
        except OSError:
            pass
        dst.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def counter(dovecot: DovecotServer) -> Iterator[CommandCounter]:
    relay = CommandCounter(dovecot.imap_port)
    yield relay
    relay.close()


def _fill(server: DovecotServer, first: int, count: int) -> None:
    """``count`` old customer mails in INBOX and an answer in Sent to every second one."""
    old = datetime.now(UTC) - timedelta(days=40)
    with server.admin() as client:
        for n in range(first, first + count):
            at = old + timedelta(minutes=n)
            date = at.strftime("%a, %d %b %Y %H:%M:%S +0000")
            sender = f"asiakas{n}@example.com"
            raw = mail(f"Asiakas {n} <{sender}>", server.username, f"Kysymys {n}", f"q{n}@x", date,
                       extra=f"Return-Path: <{sender}>\n")  # fmt: skip
            client.append("INBOX", raw, msg_time=at)
            if n % 2 == 0:
                reply = mail(server.username, sender, f"Re: Kysymys {n}", f"a{n}@x", date,
                             extra=f"In-Reply-To: <q{n}@x>\n")  # fmt: skip
                client.append("Sent", reply, msg_time=at + timedelta(minutes=1))


def test_a_check_with_nothing_new_sends_the_same_imap_commands_at_any_mailbox_size(
    dovecot: DovecotServer, counter: CommandCounter, tmp_path: Path
) -> None:
    with dovecot.admin() as client:
        client.create_folder("Sent")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[account]\nimap_host = "127.0.0.1"\nimap_port = {counter.port}\nsecurity = "none"\n'
        f'username = "{dovecot.username}"\ntimeout = 10\n'
        f'[owner]\nname = "Ylermi Testaaja"\naddresses = ["{dovecot.username}"]\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = 9\nsecurity = "none"\nlogin = false\n'
        f'[ack]\nmode = "send"\n[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    config.chmod(0o600)
    env = {"VASTEAIKA_PASSWORD": dovecot.password,
           "VASTEAIKA_RUN_USER_DIR": str(tmp_path / "run-user")}  # fmt: skip
    conversations: dict[int, list[list[str]]] = {}
    filled = 0
    for size in (4, 400):
        _fill(dovecot, filled, size - filled)
        filled = size
        sync = _vasteaika("--config", str(config), "check", "--quiet", env=env)
        assert sync.returncode == 0, sync.stderr
        conversations[size] = []
        quick = ["--config", str(config), "check", "--quiet"]
        for args in (quick, [*quick[2:], *quick[:2]]):  # nothing new: the quick path, typer's
            counter.commands.clear()
            run = _vasteaika(*args, env=env)
            assert _said(run) == (0, "", ""), run.stderr
            conversations[size].append(list(counter.commands))
    store = open_database(tmp_path / "v.db")
    assert store.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 600
    small, large = conversations[4], conversations[400]
    assert small[0] == small[1] == large[0] == large[1], json.dumps(conversations)
    assert {"AUTHENTICATE", "LIST", "EXAMINE", "LOGOUT"} <= set(small[0]) and len(small[0]) <= 10
    assert "FETCH" not in small[0] and "SEARCH" not in small[0]  # nothing is read again
