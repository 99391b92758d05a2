"""The first run as a new user meets it: `vasteaika init` on a real terminal (a pseudo-terminal),
the starter without one, the example person refused before anything is sent, the password from
the environment or the keyring (keyrings.alt's file keyring: a real backend that works headless),
and hints that name real keys."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import mail
from smtp_fixture import RunningSmtpServer
from vasteaika.cli import run
from vasteaika.config import (
    AccountConfig,
    CalendarConfig,
    get_calendar_password,
    get_password,
    load_config,
)
from vasteaika.config.example import example_leftovers

FILE_KEYRING = "keyrings.alt.file.PlaintextKeyring"
DEADLINE_SECONDS = 30.0


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """A new user's environment: own home, the file keyring, no password or config set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VASTEAIKA_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), PYTHON_KEYRING_BACKEND=FILE_KEYRING)  # fmt: skip
    env.update(extra)
    return env


class Terminal:
    """``python -m vasteaika ARGS`` on a pseudo-terminal that is its controlling terminal (so a
    hidden prompt reads from it as it would from a person's)."""

    def __init__(self, args: list[str], env: dict[str, str], columns: int = 80) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: a terminal this wide (as a window sets it), then vasteaika
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
            os.execve(sys.executable, [sys.executable, "-m", "vasteaika", *args], env)
        self.seen = b""
        self._pos = 0

    def _read(self, deadline: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            return False
        self.seen += chunk
        return bool(chunk)

    def expect(self, text: str) -> None:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while text.encode() not in self.seen[self._pos :]:
            if not self._read(deadline):
                raise AssertionError(
                    f"never asked {text!r}; the terminal shows:\n{self.transcript}"
                )
        self._pos = self.seen.index(text.encode(), self._pos) + len(text)

    def answer(self, prompt: str, reply: str) -> None:
        self.expect(prompt)
        os.write(self.fd, reply.encode() + b"\n")

    def finish(self) -> int:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while self._read(deadline):
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)

    @property
    def transcript(self) -> str:
        return self.seen.decode("utf-8", "replace")


def password_as_vasteaika_reads_it(config: Path, env: dict[str, str]) -> str:
    code = (
        "import sys; from pathlib import Path; from vasteaika.config import load_config, "
        "get_password; print(get_password(load_config(Path(sys.argv[1])).account, env={}))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(config)], env=env, capture_output=True,
                          text=True, timeout=DEADLINE_SECONDS, check=True)  # fmt: skip
    return done.stdout.strip()


def test_init_on_a_terminal_asks_and_writes_a_working_config(tmp_path: Path) -> None:
    env = user_env(tmp_path)
    target = tmp_path / "config" / "vasteaika" / "config.toml"
    term = Terminal(["init"], env)
    term.answer("Kieli / Language (fi/en) [fi]: ", "en")
    term.answer("Your name (signs the acknowledgments): ", "Tuomas Putkinen")
    term.answer("Your email address(es), separated by commas: ",
                "Tuomas@Putkityo.fi, info@putkityo.fi")  # fmt: skip
    term.answer("Your mail server (IMAP) [imap.putkityo.fi]: ", "")
    term.answer("Your username on it [tuomas@putkityo.fi]: ", "")
    term.answer("env = $VASTEAIKA_PASSWORD (keyring/command/env) [keyring]: ", "keyring")
    term.answer("Mail password (not shown, stored only in the keyring): ", "Sala-sana 7")
    term.answer("Repeat for confirmation: ", "Sala-sana 7")
    term.answer("(company, phone); empty for none: ", "Putkityö T. Putkinen, 050 555 0101")
    term.answer("draft = put in Drafts for you to send (send/draft) [draft]: ", "send")
    term.answer("Your outgoing mail server (SMTP) [smtp.putkityo.fi]: ", "")
    assert term.finish() == 0, term.transcript
    assert f"Wrote {target}. Try it: vasteaika check --dry-run" in term.transcript
    assert "Sala-sana 7" not in term.transcript  # the password was never shown

    assert target.stat().st_mode & 0o777 == 0o600
    assert "Sala-sana" not in target.read_text(encoding="utf-8")
    config = load_config(target)
    assert config.owner_name == "Tuomas Putkinen" and config.language == "en"
    assert config.owner_addresses == {"tuomas@putkityo.fi", "info@putkityo.fi"}
    assert (config.account.imap_host, config.account.username) == (
        "imap.putkityo.fi",
        "tuomas@putkityo.fi",
    )
    assert config.ack.mode == "send" and config.smtp.host == "smtp.putkityo.fi"
    assert config.ack.signature == "Tuomas Putkinen\nPutkityö T. Putkinen, 050 555 0101"
    assert example_leftovers(config) == []
    assert password_as_vasteaika_reads_it(target, env) == "Sala-sana 7"


def test_init_in_finnish_with_a_password_command_and_drafts(tmp_path: Path) -> None:
    target = tmp_path / "oma.toml"
    term = Terminal(["init", str(target)], user_env(tmp_path))
    term.answer("[fi]: ", "")
    term.answer("Nimesi (kuittausten allekirjoitus): ", "Aino Ahkera")
    term.answer("pilkuin erotettuina: ", "ei osoite")  # asked again until it is addresses
    term.answer("pilkuin erotettuina: ", "aino.ahkera@gmail.com")
    term.answer("Postipalvelimesi (IMAP) [imap.gmail.com]: ", "")
    term.answer("[aino.ahkera@gmail.com]: ", "")
    term.answer("(keyring/command/env) [keyring]: ", "command")
    term.answer("Komento, joka tulostaa salasanan: ", "pass show 'posti/gmail'")
    term.answer("tyhjä: ei riviä: ", "")
    term.answer("(send/draft) [draft]: ", "")
    assert term.finish() == 0, term.transcript
    assert f"Kirjoitettiin {target}." in term.transcript
    config = load_config(target)
    assert config.account.password_command == ("pass", "show", "posti/gmail")
    assert config.ack.mode == "draft" and config.smtp.host == ""
    assert config.ack.signature == "Aino Ahkera" and config.language == "fi"


def test_init_without_a_terminal_writes_the_starter_and_print_shows_it(
    tmp_path: Path,
) -> None:
    env = user_env(tmp_path)
    target = tmp_path / "c.toml"
    starter = subprocess.run([sys.executable, "-m", "vasteaika", "init", "--print"], env=env,
                             capture_output=True, text=True, stdin=subprocess.DEVNULL,
                             timeout=DEADLINE_SECONDS, check=True).stdout  # fmt: skip
    assert "[account]" in starter and "vasteaika password set" in starter
    done = subprocess.run([sys.executable, "-m", "vasteaika", "init", str(target)], env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=DEADLINE_SECONDS)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8") == starter
    assert not (tmp_path / "config").exists()  # --print wrote nothing


def fresh_customer_mail() -> tuple[bytes, datetime]:
    when = datetime.now(UTC) - timedelta(minutes=5)
    raw = mail("Maija Meikäläinen <maija@example.fi>", "tuomas@putkityo.fi", "Vesivuoto",
               "vuoto-1@example.fi", when.strftime("%a, %d %b %Y %H:%M:%S +0000"),
               extra="Return-Path: <maija@example.fi>\n")  # fmt: skip
    return raw, when


def starter_edited_like_the_issue(tmp_path: Path, server: DovecotServer, smtp_port: int) -> Path:
    """The starter with only [account], [owner] and [smtp] made the user's own (the password
    from $VASTEAIKA_PASSWORD)."""
    text = (Path(__file__).parents[1] / "src/vasteaika/starter.toml").read_text(encoding="utf-8")
    for old, new in [
        ('imap_host = "imap.example.fi"', 'imap_host = "127.0.0.1"'),
        ("imap_port = 993 ", f'imap_port = {server.imaps_port}\nca_file = "{server.ca_file}"\n#'),
        ('username = "ylermi@pihapalvelu.fi"', f'username = "{server.username}"'),
        # The example's own password source, as the older starter had it on: the environment
        # variable must win, never "program 'pass' not found".
        ('# password_command = ["pass"', 'password_command = ["pass"'),
        ('name = "Ylermi Yrittäjä"', 'name = "Tuomas Putkinen"'),
        (
            'addresses = ["ylermi@pihapalvelu.fi", "info@pihapalvelu.fi"]',
            'addresses = ["tuomas@putkityo.fi"]',
        ),
        ('database = "auto"', f'database = "{tmp_path / "v.db"}"'),
    ]:
        assert old in text, old
        text = text.replace(old, new, 1)
    head, smtp = text.split("\n[smtp]\n", 1)
    for old, new in [
        ('host = "smtp.example.fi"', 'host = "127.0.0.1"'),
        ("port = 465 ", f"port = {smtp_port} #"),
        ('security = "ssl" ', 'security = "none" #'),
        ("login = true ", "login = false #"),
    ]:
        assert old in smtp, old
        smtp = smtp.replace(old, new, 1)
    text = f"{head}\n[smtp]\n{smtp}"
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)  # as init writes it
    return path


def test_the_example_person_is_refused_before_anything_is_sent(
    dovecot: DovecotServer,
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("VASTEAIKA_PASSWORD", dovecot.password)
    with dovecot.admin() as client:
        client.create_folder("Sent")
    raw, at = fresh_customer_mail()
    dovecot.deliver("INBOX", raw, internal_date=at)
    config = starter_edited_like_the_issue(tmp_path, dovecot, smtp_server.port)
    assert load_config(config).ack.mode == "send"
    assert load_config(config).account.password_command[0] == "pass"

    assert run(["--config", str(config), "check", "--quiet"]) == 78
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "ack.signature (Ylermi Yrittäjä, 040 123 4567" in err
    assert "mitään ei lähetetty" in err and smtp_server.messages() == []  # the starter's "fi"

    text = config.read_text(encoding="utf-8").replace(
        'signature = "Ylermi Yrittäjä\\nPihapalvelu Yrittäjä, puh. 040 123 4567"',
        'signature = "Tuomas Putkinen\\nPutkityö, 050 555 0101"',
    )
    config.write_text(text, encoding="utf-8")
    assert run(["--config", str(config), "check", "--quiet"]) == 0, capsys.readouterr().err
    [sent] = smtp_server.messages()  # refused was still due: acknowledged once, now
    assert sent.rcpt_tos == ("maija@example.fi",) and b"050 555 0101" in sent.data


def test_the_environment_password_beats_the_starters_command() -> None:
    starter = AccountConfig(username="u", password_command=("pass", "show", "mail/pihapalvelu"))
    assert get_password(starter, env={"VASTEAIKA_PASSWORD": "from-env"}) == "from-env"
    # The calendar's own command is its own password, not the mail one.
    calendar = CalendarConfig(url="https://dav.example.fi/", username="u",
                              password_command=(sys.executable, "-c", "print('cal')"))  # fmt: skip
    assert get_calendar_password(calendar, env={"VASTEAIKA_PASSWORD": "mail"}) == "cal"


def test_password_set_stores_it_where_keyring_true_reads_it(tmp_path: Path) -> None:
    env = user_env(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text('[account]\nimap_host = "imap.putkityo.fi"\nusername = "tuomas@putkityo.fi"\n'
                      '[owner]\nname = "Tuomas"\naddresses = ["tuomas@putkityo.fi"]\nlanguage = "en"\n',
                      encoding="utf-8")  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "vasteaika", "--config", str(config), "password", "set"],
        input="Pätkä salasana\n", env=env, capture_output=True, text=True,
        timeout=DEADLINE_SECONDS,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Stored the password of tuomas@putkityo.fi in the keyring" in done.stdout
    assert "Set keyring = true in [account]" in done.stdout
    config.write_text(config.read_text(encoding="utf-8").replace(
        'username = "tuomas@putkityo.fi"\n', 'username = "tuomas@putkityo.fi"\nkeyring = true\n'),
        encoding="utf-8")  # fmt: skip
    assert password_as_vasteaika_reads_it(config, env) == "Pätkä salasana"


def test_password_set_without_a_keyring_is_one_line_and_78(tmp_path: Path) -> None:
    env = user_env(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run(
        [sys.executable, "-m", "vasteaika", "password", "set", "--username", "a@b.fi"],
        input="x\n", env=env, capture_output=True, text=True, timeout=DEADLINE_SECONDS,
    )  # fmt: skip
    assert done.returncode == 78
    assert done.stderr.startswith("vasteaika: no usable keyring here")
    assert len(done.stderr.strip().splitlines()) == 1 and "$VASTEAIKA_PASSWORD" in done.stderr


def test_a_config_error_points_at_what_a_pipx_user_has(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[owner]\naddresses = ["a@b.fi"]\n[acount]\n', encoding="utf-8")
    assert run(["--config", str(path), "check"]) == 78
    err = capsys.readouterr().err
    assert "vasteaika init --print" in err and "examples/config.toml" not in err


def test_a_dry_run_warns_that_the_example_person_would_send_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_cli import demo_config  # the bundled example: Ylermi signs, ack.mode = "send"

    config = demo_config(tmp_path)
    assert run(["--config", str(config), "check", "--dry-run", "--quiet"]) == 0
    err = capsys.readouterr().err
    # The bundled example speaks Finnish (owner.language = "fi"): so does the whole line.
    assert err.startswith("vasteaika: varoitus: ") and "sisältää yhä esimerkkihenkilön" in err
    assert "ack.signature (Ylermi Yrittäjä" in err and not any(
        english in err for english in ("warning", "still has", "nothing was sent", "put your own")
    )
