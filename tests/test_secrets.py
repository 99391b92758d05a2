"""Issue 17: a config value of a secret-bearing key is never echoed — not in an error, not on
stdout, not with --debug. Review finding: `password_command = "echo Hunter2-VerySecret"` (a text
instead of a list) printed the password on stderr, and from cron into the owner's mail.

Every error path of src/vasteaika/config/ that a secret-bearing key can reach is run through
the real command line with a distinctive secret, and no output may contain it."""

from __future__ import annotations

import socket
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from fakes import mail
from vasteaika.cli import run
from vasteaika.config import CalendarConfig, get_calendar_password
from vasteaika.errors import ConfigError

SECRET = "Hunter2-VerySecret"
BASE = '[owner]\naddresses = ["ylermi@pihapalvelu.fi"]\nlanguage = "en"\n[storage]\ndatabase = "{db}"\n'


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens there once closed


def imap(line: str) -> str:
    """An IMAP account whose password comes from ``line`` (read before connecting)."""
    return (f'[account]\nimap_host = "127.0.0.1"\nimap_port = {_closed_port()}\n'
            f'username = "ylermi"\ntimeout = 2\n{line}\n')  # fmt: skip


def smtp(line: str) -> str:
    """A local mailbox, and [smtp] with its own password source (read when a run sends)."""
    return (f'[account]\nmaildir = "{{maildir}}"\n[folders]\nsent = "none"\n'
            f'[smtp]\nhost = "127.0.0.1"\n'
            f'port = {_closed_port()}\nsecurity = "none"\nusername = "y"\n{line}\n')  # fmt: skip


def calendar(line: str) -> str:
    return ('[account]\nmaildir = "{maildir}"\n[folders]\nsent = "none"\n[ack]\nmode = "off"\n'
            '[calendar]\n'
            f'url = "http://127.0.0.1:{_closed_port()}/cal/"\nusername = "y"\n{line}\n')  # fmt: skip


SCRIPT = f"{sys.executable}"
CASES = {
    # a wrong type in the file: the value is named by its type only
    "account command as text": imap(f'password_command = "echo {SECRET}"'),
    "account command with a number": imap(f'password_command = ["echo", "{SECRET}", 3]'),
    "account command with an empty item": imap(f'password_command = ["echo", "{SECRET}", ""]'),
    "account keyring as text": imap(f'keyring = "{SECRET}"'),
    "account username as list": imap(f'username = ["{SECRET}"]').replace('username = "ylermi"\n', ""),
    "smtp command as text": smtp(f'password_command = "echo {SECRET}"'),
    "smtp keyring as text": smtp(f'keyring = "{SECRET}"'),
    "smtp username as number": smtp(f'password_command = ["{SECRET}"]\nusername = 7').replace(
        'username = "y"\n', ""),
    "calendar command as text": calendar(f'password_command = "echo {SECRET}"'),
    "calendar keyring as text": calendar(f'keyring = "{SECRET}"'),
    "calendar url with credentials, invalid": calendar("").replace(
        'url = "http://', f'url = "ftp://y:{SECRET}@'),
    "calendar username as list": calendar(f'username = ["{SECRET}"]').replace('username = "y"\n', ""),
    # the file itself is wrong, near a secret
    "broken TOML on the secret's line": imap(f'password_command = ["echo", "{SECRET}"'),
    "unterminated text": imap(f'password_command = "echo {SECRET}'),
    "a bare secret line": imap(SECRET),
    "another key wrong beside a secret": imap(f'password_command = ["echo", "{SECRET}"]')
    + '[hours]\nstart = "25:00"\n',
    "unknown key holding a secret": imap(f'password = "{SECRET}"'),
    # the command is run and fails: neither its words nor its output are shown
    "command line in one item": imap(f'password_command = ["echo {SECRET}"]'),
    "program not found": imap(f'password_command = ["/no/such/{SECRET}"]'),
    "program cannot run": imap('password_command = ["{tmp}/pw-' + SECRET + '.sh"]'),
    "command fails": imap(f'password_command = ["{SCRIPT}", "-c", "import sys; '
                          f"print('{SECRET}'); sys.stderr.write('{SECRET}'); sys.exit(3)\"]"),
    "command prints nothing": imap(f'password_command = ["{SCRIPT}", "-c", "pass # {SECRET}"]'),
    "command too slow": imap(f'password_command = ["{SCRIPT}", "-c", '
                             f'"import time; time.sleep(5) # {SECRET}"]'),
    "smtp command not found": smtp(f'password_command = ["/no/such/{SECRET}"]'),
    "smtp command in one item": smtp(f'password_command = ["echo {SECRET}"]'),
}


# What each case's one line says: the key and its type, or the file, or the command's step.
SAYS = {
    'account command as text': 'account.password_command is a text',
    'account command with a number': 'account.password_command is a list with 3 item(s) (a number, a text)',
    'account command with an empty item': 'account.password_command is a list with 3 item(s) (a text, an empty text)',
    'account keyring as text': 'account.keyring is a text',
    'account username as list': 'account.username is a list',
    'smtp command as text': 'smtp.password_command is a text',
    'smtp keyring as text': 'smtp.keyring is a text',
    'smtp username as number': 'smtp.username is a number',
    'calendar command as text': 'calendar.password_command is a text',
    'calendar keyring as text': 'calendar.keyring is a text',
    'calendar url with credentials, invalid': 'calendar.url is a text',
    'calendar username as list': 'calendar.username is a list',
    "broken TOML on the secret's line": 'is not valid TOML',
    'unterminated text': 'is not valid TOML',
    'a bare secret line': 'is not valid TOML',
    'another key wrong beside a secret': "hours.start = '25:00'",
    'unknown key holding a secret': 'unknown key account.password ',
    'command line in one item': 'account.password_command: its first item is not a program name',
    'program not found': "account.password_command: its program (the list's first item) was not found",
    'program cannot run': 'account.password_command: cannot run its program',
    'command fails': 'account.password_command failed with exit code 3',
    'command prints nothing': 'account.password_command printed nothing',
    'command too slow': 'account.password_command did not finish',
    'smtp command not found': 'smtp.password_command: its program',
    'smtp command in one item': 'smtp.password_command: its first item',
    'calendar command not found': 'calendar.password_command: its program',
    'calendar command in one item': 'calendar.password_command: its first item',
}


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_secret_is_never_echoed(
    case: str, debug: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    import vasteaika.config.password as password

    if case == "command too slow":  # the others keep the real limit: a loaded machine is slow
        monkeypatch.setattr(password, "PASSWORD_COMMAND_TIMEOUT", 0.5)
    monkeypatch.delenv("VASTEAIKA_PASSWORD", raising=False)
    maildir = tmp_path / "mail"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    script = tmp_path / f"pw-{SECRET}.sh"
    script.write_text(f"#!/bin/sh\necho {SECRET}\n", encoding="utf-8")
    script.chmod(0o644)  # not executable
    if case.startswith("smtp command"):  # a new customer: the run sends, so it needs [smtp]
        when = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
        raw = mail("Anna <anna@example.fi>", "ylermi@pihapalvelu.fi", "Lumityöt", "a@x", when,
                   extra="Return-Path: <anna@example.fi>\n")  # fmt: skip
        (maildir / "new" / "1.anna").write_bytes(raw)
    text = BASE + CASES[case]
    text = text.replace("{db}", str(tmp_path / "v.db")).replace("{maildir}", str(maildir))
    path = tmp_path / "config.toml"
    path.write_text(text.replace("{tmp}", str(tmp_path)), encoding="utf-8")
    path.chmod(0o600)
    args = ["--config", str(path), *(["--debug"] if debug else []), "check"]
    code = run(args)
    out = capsys.readouterr()
    assert code != 0, f"{case}: no error at all ({out.out}{out.err})"
    said = out.err.strip().splitlines()[-1]
    assert said.startswith("vasteaika: ") and SAYS[case] in said, said  # the path meant
    assert SECRET not in out.out and SECRET not in out.err, out.err


@pytest.mark.parametrize(
    ("command", "says"),
    [((f"/no/such/{SECRET}",), "calendar.password_command: its program"),
     ((f"echo {SECRET}",), "calendar.password_command: its first item"),
     ((sys.executable, "-c", f"import sys; print('{SECRET}', file=sys.stderr); sys.exit(2)"),
      "calendar.password_command failed with exit code 2")],
)  # fmt: skip
def test_the_calendar_password_command_is_never_echoed(command: tuple[str, ...], says: str) -> None:
    """The calendar's password is read when a cycle writes to it; its error is the same line."""
    with pytest.raises(ConfigError) as info:
        get_calendar_password(CalendarConfig(url="https://dav.example.fi/", password_command=command))
    assert says in info.value.line() and SECRET not in info.value.line()


@pytest.mark.parametrize(
    ("url", "shown"),
    [(f"https://ylermi:{SECRET}@dav.example.fi/cal/", "https://dav.example.fi/cal/"),
     (f"https://{SECRET}@dav.example.fi:8443/cal/", "https://dav.example.fi:8443/cal/"),
     ("https://dav.example.fi/cal/", "https://dav.example.fi/cal/")],
)  # fmt: skip
def test_a_calendar_address_is_shown_without_its_login(url: str, shown: str) -> None:
    from caldav.lib import error as dav_error

    from vasteaika.errors import UnreachableError
    from vasteaika.net import shown_url
    from vasteaika.reminders.caldav_client import _translated

    assert shown_url(url) == shown
    with pytest.raises(UnreachableError) as info, _translated(url):
        raise dav_error.NotFoundError("404")
    assert shown in info.value.line() and SECRET not in info.value.line()
