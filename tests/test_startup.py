"""A fast start: each command imports what it needs, not what every other command needs.

``remind --quiet`` runs every 5 minutes all day and night, and ``--version`` and ``--help``
should answer at once. No timing here (benchmarks/startup_bench.py measures): each case runs
the real entry point in a fresh interpreter and names the heavy modules it must not import, so
a change that makes them eager again fails here. The typer installed may itself import rich
(typer < 0.17 does): what ``import typer`` imports is never held against vasteaika.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
import typer

from fakes import mail
from test_reminders import HEL, seed_reminder
from vasteaika.cli import app, fast, run
from vasteaika.cli import root as cli_root
from vasteaika.ledger.store import open_database

# Run like the console script, then list every module the interpreter holds (also on an exit).
PROBE = """
import json, sys
out, sys.argv = sys.argv[1], ["vasteaika", *sys.argv[2:]]
try:
    from vasteaika.cli import main
    main()
finally:
    with open(out, "w", encoding="utf-8") as f:
        json.dump(sorted(sys.modules), f)
"""
# What typer itself imports to run a command with a few options (typer >= 0.20 validates them
# with pydantic, which brings the email package) or to show its help (click's text wrapping):
# never held against vasteaika.
TYPER_ONLY = """
import json, sys
from pathlib import Path
from typing import Optional
import typer
app = typer.Typer()
@app.callback()
def main(config: Optional[Path] = typer.Option(None, "--config")) -> None: pass
@app.command()
def remind(quiet: bool = typer.Option(False, "--quiet")) -> None: pass
@app.command()
def other() -> None: pass
try:
    app(sys.argv[2:])
finally:
    json.dump(sorted(sys.modules), open(sys.argv[1], "w"))
"""

# What no start may pay for unless its command uses it: sqlite-utils (and the click it brings),
# rich's consoles, the mail parsing, the promise reader's dateparser, the holidays, the
# calendar and the servers' clients.
HEAVY = ("rich", "sqlite_utils", "click", "email", "dateparser", "holidays", "icalendar",
         "caldav", "jeepney", "keyring", "imapclient", "smtplib", "vasteaika.report",
         "vasteaika.acks", "vasteaika.queue", "vasteaika.jobs", "vasteaika.literal_console")  # fmt: skip
# The ledger and the mail that `remind --quiet` with nothing due does without: it peeks.
LEDGER = ("vasteaika.ledger.store", "vasteaika.ledger.database", "vasteaika.ledger.migrations",
          "vasteaika.mail.parse", "vasteaika.mail.imap", "vasteaika.mail.local",
          "vasteaika.reminders.store", "vasteaika.reminders.callbacks",
          "vasteaika.reminders.notify", "vasteaika.reminders.promises")  # fmt: skip


def _modules(tmp_path: Path, code: str, *args: str) -> set[str]:
    """The modules loaded by ``code`` run with ``args`` in a fresh interpreter."""
    out = tmp_path / "modules.json"
    env = {**os.environ, "VASTEAIKA_RUN_USER_DIR": str(tmp_path / "run-user")}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    done = subprocess.run([sys.executable, "-c", code, str(out), *args], env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return set(json.loads(out.read_text(encoding="utf-8")))


def _heavy(loaded: set[str], typer_needs: set[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    return sorted(m for m in loaded - typer_needs
                  if any(m == h or m.startswith(h + ".") for h in heavy))  # fmt: skip


@pytest.fixture(scope="module")
def typer_needs(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    run = _modules(tmp_path_factory.mktemp("typer"), TYPER_ONLY, "--config", "x", "remind")
    return run | _modules(tmp_path_factory.mktemp("typer-help"), TYPER_ONLY, "--help")


def _command_modules(loaded: set[str]) -> set[str]:
    names = {m.removeprefix("vasteaika.cli.") for m in loaded if m.startswith("vasteaika.cli.")}
    return names & set(cli_root.COMMAND_ORDER)


def test_version_imports_neither_typer_nor_any_command(tmp_path: Path) -> None:
    loaded = _modules(tmp_path, PROBE, "--version")
    assert not {m for m in loaded if m.split(".")[0] in ("typer", "rich", "click")}
    assert {m for m in loaded if m.startswith("vasteaika.")} == {"vasteaika.cli", "vasteaika.cli.fast"}


def test_help_loads_every_command_and_nothing_they_run(
    tmp_path: Path, typer_needs: set[str]
) -> None:
    loaded = _modules(tmp_path, PROBE, "--help")
    assert _command_modules(loaded) == set(cli_root.COMMAND_ORDER)
    assert _heavy(loaded, typer_needs, (*HEAVY, "vasteaika.ledger", "vasteaika.mail")) == []
    assert "vasteaika.config" not in loaded  # the help reads no config


def _config(tmp_path: Path, extra: str = "") -> Path:
    config = tmp_path / "config.toml"
    (tmp_path / "mail" / "cur").mkdir(parents=True, exist_ok=True)
    config.write_text(
        f'[account]\nmaildir = "{tmp_path / "mail"}"\n'
        '[owner]\nname = "Olli Omistaja"\naddresses = ["olli@example.fi"]\nlanguage = "en"\n'
        f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n{extra}',
        encoding="utf-8",
    )
    config.chmod(0o600)
    return config


def test_remind_quiet_with_nothing_due_peeks_without_typer(tmp_path: Path) -> None:
    args = ("--config", str(_config(tmp_path)), "remind", "--quiet")
    first = _modules(tmp_path, PROBE, *args)  # no ledger yet: the command makes it
    assert "vasteaika.ledger.store" in first and "typer" in first
    loaded = _modules(tmp_path, PROBE, *args)
    assert _command_modules(loaded) == set()
    assert not {m for m in loaded if m.split(".")[0] in ("typer", "pydantic")}
    assert _heavy(loaded, set(), (*HEAVY, *LEDGER)) == []


def test_remind_quiet_with_something_due_is_the_command_itself(tmp_path: Path) -> None:
    """The quick answer is only ever "nothing": a due reminder goes to the command, which
    fires it (here: no desktop and no email fallback, so it says so and exits 75)."""
    config = _config(tmp_path, "[reminders]\nemail_fallback = false\n")
    rid = seed_reminder(open_database(tmp_path / "v.db"), datetime.now(HEL) - timedelta(minutes=1))
    env = {**os.environ, "VASTEAIKA_RUN_USER_DIR": str(tmp_path / "run-user")}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    done = subprocess.run([sys.executable, "-m", "vasteaika", "--config", str(config), "remind",
                           "--quiet"], env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 75 and done.stdout == ""
    assert done.stderr.startswith(f"#{rid} Maija Meikäläinen"), done.stderr


# What cron's `check --quiet` does without when no mail is new: typer's option reading (the
# quick path runs the command's own run), the readers of mail it has not got (no mail to parse
# or classify, no body to read, no promise to read, no complaint to find, no thread to join, no
# turn to derive), the deciding, wording, composing and sending of acknowledgments nobody is
# due, the building of the contact queue it does not show, the report, the calendar; and
# sqlite-utils (with click, pluggy, dateutil), which only migrating a ledger needs.
CHECK_QUIET_NEEDS_NOT = (
    "sqlite_utils", "click", "pluggy", "dateutil", "typer", "pydantic", "rich", "dateparser", "holidays", "icalendar", "caldav", "jeepney",
    "keyring", "imapclient", "smtplib", "ssl", "email", "html", "vasteaika.cli.root",
    "vasteaika.cli.check", "vasteaika.mail.parse", "vasteaika.mail.headers",
    "vasteaika.mail.classify", "vasteaika.mail.senders", "vasteaika.mail.robot_words",
    "vasteaika.mail.addresses", "vasteaika.mail.body", "vasteaika.mail.html",
    "vasteaika.mail.authresults", "vasteaika.ledger.threads", "vasteaika.ledger.joins",
    "vasteaika.ledger.batch_view", "vasteaika.ledger.batch_reach", "vasteaika.ledger.turns",
    "vasteaika.reminders.promises", "vasteaika.queue.complaints", "vasteaika.queue.build",
    "vasteaika.acks.wording", "vasteaika.acks.language_words", "vasteaika.acks.compose",
    "vasteaika.acks.decision", "vasteaika.acks.slots", "vasteaika.acks.content",
    "vasteaika.mail.smtp", "vasteaika.report", "vasteaika.literal_console",
    "vasteaika.reminders.calendar", "vasteaika.reminders.calendar_sync",
)  # fmt: skip


def _maildir_mail(folder: Path, name: str, data: bytes, at: datetime) -> None:
    path = folder / "cur" / name
    path.write_bytes(data)
    os.utime(path, (at.timestamp(), at.timestamp()))


def test_check_quiet_with_no_new_mail_loads_no_reader_of_mail_it_has_not_got(
    tmp_path: Path,
) -> None:
    """No new mail (a local Maildir whose customer mail and answer are in the ledger already):
    the quick path runs check's own run without typer, and nothing that only new mail, a due
    acknowledgment or the queue's display would need."""
    config = _config(tmp_path, '[ack]\nmode = "send"\n[smtp]\nhost = "127.0.0.1"\n')
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "mail" / ".Sent" / sub).mkdir(parents=True)
    asked = datetime.now(HEL) - timedelta(days=30)
    _maildir_mail(tmp_path / "mail", "1.M1P1.h:2,S", mail(
        "Maija Meikäläinen <maija@example.com>", "olli@example.fi", "Tarjouspyyntö", "q1@example.com",
        format_datetime(asked)), asked)  # fmt: skip
    _maildir_mail(tmp_path / "mail" / ".Sent", "2.M2P1.h:2,S", mail(
        "olli@example.fi", "maija@example.com", "Re: Tarjouspyyntö", "a1@example.fi",
        format_datetime(asked + timedelta(hours=1)), extra="In-Reply-To: <q1@example.com>\n",
        body="Hei,\n\nkiitos, tarjous tulee liitteenä.\n"), asked + timedelta(hours=1))  # fmt: skip
    args = ("--config", str(config), "check", "--quiet")
    first = _modules(tmp_path, PROBE, *args)  # the first run makes the ledger and reads the mail
    assert "vasteaika.mail.parse" in first and "sqlite_utils" in first
    loaded = _modules(tmp_path, PROBE, *args)
    assert _command_modules(loaded) == set() and "vasteaika.cli.check_run" in loaded
    assert _heavy(loaded, set(), CHECK_QUIET_NEEDS_NOT) == []


@pytest.mark.parametrize(
    ("args", "wanted", "config"),
    [
        (["remind", "--quiet"], True, None),
        (["remind", "-q"], True, None),
        (["--config", "/x.toml", "remind", "--quiet"], True, "/x.toml"),
        (["-c", "/x.toml", "--debug", "remind", "--quiet"], True, "/x.toml"),
        (["--config=/x.toml", "remind", "--quiet"], True, "/x.toml"),
        (["remind"], False, None),
        (["remind", "--quiet", "--json"], False, None),
        (["remind", "--json", "--quiet"], False, None),
        (["remind", "--quiet", "--debug"], False, None),  # click's to read
        (["--now", "2026-11-23T08:05", "remind", "--quiet"], False, None),
        (["--config", "/a", "--config", "/b", "remind", "--quiet"], False, None),
        (["--config=", "remind", "--quiet"], False, None),
        (["reminders", "--quiet"], False, None),
        (["--config"], False, None),
    ],
)
def test_only_crons_remind_quiet_is_answered_quickly(
    args: list[str], wanted: bool, config: str | None
) -> None:
    assert fast.quiet_remind(args) == (wanted, Path(config) if config else None)


def test_a_config_warning_is_left_to_the_command_to_say(tmp_path: Path) -> None:
    config = _config(tmp_path, "")
    text = config.read_text(encoding="utf-8").replace(
        "[account]\n", '[account]\npassword_command = ["pass", "mail"]\n')
    config.write_text(text, encoding="utf-8")
    assert run(["--config", str(config), "remind", "--quiet"]) == 0  # the ledger is made
    assert fast.nothing_to_remind(config)
    config.chmod(0o644)
    assert not fast.nothing_to_remind(config)  # the command says "can be read by other users"


def test_the_command_table_names_each_command_where_it_is_registered() -> None:
    """run() imports the module COMMAND_MODULES names for a command: it must be the one that
    registers it, and every command and group must be in the table."""
    import importlib

    registered: dict[str, str] = {}
    for info in app.registered_commands:
        assert info.callback is not None
        name = info.name or info.callback.__name__.replace("_", "-")
        registered[name] = info.callback.__module__.rpartition(".")[2]
    for group in app.registered_groups:
        owner = [m for m in cli_root.COMMAND_ORDER
                 if group.typer_instance in vars(importlib.import_module(f"vasteaika.cli.{m}")).values()]  # fmt: skip
        registered[group.name or ""] = owner[0]
    assert registered == cli_root.COMMAND_MODULES


def test_help_lists_the_commands_in_the_tables_order() -> None:
    groups = {g.name for g in app.registered_groups}
    listed = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    table = list(cli_root.COMMAND_MODULES)
    assert listed == [n for n in table if n not in groups] + [n for n in table if n in groups]


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["remind", "--quiet"], "remind"),
        (["--config", "x.toml", "--debug", "check", "--quiet"], "check"),
        (["-c", "x.toml", "--now", "2026-11-23T08:05", "reminders"], "reminders"),
        (["--config=x.toml", "schedule", "install"], "schedule"),
        (["--help", "remind"], None),  # the main help: every command
        (["--version"], None),
        (["--install-completion"], None),
        ([], None),
    ],
)
def test_the_command_is_found_after_the_global_options(
    args: list[str], command: str | None
) -> None:
    assert cli_root.command_name(args) == command


@pytest.mark.parametrize(
    ("args", "hoisted"),
    [
        (["--now", "T", "--config", "c.toml", "check"], ["--now", "T", "--config", "c.toml", "check"]),
        (["--now", "T", "check", "--debug"], ["--now", "T", "--debug", "check"]),
        (["check", "--now", "T", "--config", "c.toml"], ["--now", "T", "--config", "c.toml", "check"]),
        (["check", "--now=T", "--dry-run"], ["--now=T", "check", "--dry-run"]),
        (["promise", "--", "--now", "T"], ["promise", "--", "--now", "T"]),
    ],
)
def test_the_global_options_are_read_wherever_they_are_typed(
    args: list[str], hoisted: list[str]
) -> None:
    """--now takes a value like --config: before the command its value is not the command."""
    assert cli_root.hoist_global_options(args) == hoisted
