"""Any terminal, any pipe: tables at the terminal's width (a real pseudo-terminal sized as a
window sizes it), piped output whole and without colour codes, JSON where a command lists or
explains, global options where people type them, shell completion, and no text said twice."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from test_cli import demo_config
from test_first_run import Terminal, user_env
from vasteaika.cli import run

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
DEMO_WEEKS = ["--since", "2026-10-26", "--until", "2026-11-22"]
TIMEOUT = 60


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The bundled example mailbox read into a ledger; its config (Finnish)."""
    config = demo_config(tmp_path)
    assert run(["--config", str(config), "check", "--quiet"]) == 0
    capsys.readouterr()
    return config


def on_terminal(config: Path, columns: int, *args: str) -> list[str]:
    """The lines a person sees in a terminal ``columns`` wide (colours taken out)."""
    env = user_env(config.parent)
    env.pop("COLUMNS", None)
    term = Terminal(["--config", str(config), *args], env, columns=columns)
    assert term.finish() == 0, term.transcript
    return [ANSI.sub("", line) for line in term.transcript.replace("\r\n", "\n").splitlines()]


def piped(config: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    done = subprocess.run([sys.executable, "-m", "vasteaika", "--config", str(config), *args],
                          env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=TIMEOUT, check=True)  # fmt: skip
    return done.stdout


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_who_waits_fits_the_terminal_and_keeps_the_customer(demo: Path, columns: int) -> None:
    lines = on_terminal(demo, columns, "check")
    assert max(len(line.rstrip()) for line in lines) <= columns, "\n".join(lines)
    table = "\n".join(lines)
    for header in ("Asiakas", "Alkaen", "Odottanut"):  # whole, never "Odott" or "Tyy"
        assert re.search(rf"[┃│] +{header} +[┃│]", table) or f"{header} ┃" in table, table
    for customer in ("Päivi", "Riitta", "Eero"):  # the customer column is never left out
        assert customer in table, table


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_the_report_renders_at_the_terminals_width(demo: Path, columns: int) -> None:
    lines = on_terminal(demo, columns, "report", *DEMO_WEEKS)
    text = "\n".join(lines)
    assert max(len(line.rstrip()) for line in lines) <= columns, text
    for word in ("Yhteydenotot", "Lupauksessa", "Odottanut", "Mediaani", "Tyyppi"):
        assert word in text and f"{word[:4]}…" not in text  # headers are never cut
    waits = re.findall(r"\b\d+ pv \d+ h\b", text)  # as of now: the three who wait
    assert len(waits) >= 3 and "Päivi Hämäläinen" in text  # nor waits or customers cut


def test_piped_output_is_whole_and_without_colour_codes(demo: Path) -> None:
    check = piped(demo, "check")
    report = piped(demo, "report", *DEMO_WEEKS)
    for out in (check, report):
        assert "\x1b" not in out
    assert max(len(line) for line in check.splitlines()) > 80  # not hard-wrapped at 80
    assert "ke 28.10. klo 11.20" in check  # the long time, not the narrow terminal's
    assert any("Mediaanivastaus (kalenteri)" in line for line in report.splitlines())


def test_global_options_work_after_the_command(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["report", "--config", str(demo), "--format", "json", *DEMO_WEEKS]) == 0
    assert json.loads(capsys.readouterr().out)
    assert run(["check", "--quiet", "-c", str(demo), "--debug"]) == 0
    missing = tmp_path / "none.toml"
    assert run(["check", "--debug", f"--config={missing}"]) == 78
    err = capsys.readouterr().err
    assert "Traceback" in err and f"no configuration file at {missing}" in err


def test_shell_completion_is_offered_and_completes(tmp_path: Path) -> None:
    """Typed in bash (typer finds the shell it runs in), the script; then bash's own call of
    it completes a command."""
    vasteaika = shutil.which("vasteaika", path=str(Path(sys.executable).parent))
    assert vasteaika, "the installed command"
    in_bash = f"{vasteaika} --show-completion; true"  # '; true': bash stays the parent
    shown = subprocess.run(["bash", "-c", in_bash], capture_output=True, text=True,
                           timeout=TIMEOUT, env=user_env(tmp_path), check=True)  # fmt: skip
    assert "_VASTEAIKA_COMPLETE=complete_bash" in shown.stdout, shown.stderr
    env = user_env(tmp_path, _VASTEAIKA_COMPLETE="complete_bash", COMP_WORDS="vasteaika chec",
                   COMP_CWORD="1")  # fmt: skip
    done = subprocess.run([vasteaika], capture_output=True, text=True, timeout=TIMEOUT, env=env)
    assert done.stdout.split() == ["check"]


def test_why_problems_and_preview_speak_json(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--config", str(demo), "export", "--until", "2026-10-28"]) == 0
    first = json.loads(capsys.readouterr().out)[0]
    assert run(["--config", str(demo), "why", "--json", first["first_contact_message_id"]]) == 0
    [why] = json.loads(capsys.readouterr().out)
    assert why["conversation_id"] == first["conversation_id"] and why["role"] == "opened"
    assert why["kind"] == "customer" and why["received_at"] == first["first_contact_at"]
    assert run(["--config", str(demo), "problems", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    args = ["templates", "preview", "--json", "--lang", "en", "--at", "2026-11-27T17:00"]
    assert run(["--config", str(demo), *args]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["callback_at"] == "2026-11-30T10:00:00+02:00"  # Friday evening → Monday
    assert preview["headers"]["Subject"] == "Re: Tarjouspyyntö" and "Monday" in preview["body"]


def test_export_until_and_conversation_id(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--config", str(demo), "export"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert run(["--config", str(demo), "export", "--since", "2026-11-02",
                "--until", "2026-11-08"]) == 0  # fmt: skip
    week = json.loads(capsys.readouterr().out)
    expected = [r for r in everything if "2026-11-02" <= r["first_contact_at"][:10] <= "2026-11-08"]
    assert week == expected and 0 < len(week) < len(everything)
    assert run(["--config", str(demo), "export", "--format", "csv", "--until", "2026-11-08"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.startswith("conversation_id,customer_email,")
    ids = [int(row.split(",")[0]) for row in rows]
    assert ids == [r["conversation_id"] for r in everything if r["first_contact_at"] < "2026-11-09"]
    waiting = [r["conversation_id"] for r in everything if r["status"] == "waiting"]
    assert run(["--config", str(demo), "close", str(waiting[0])]) == 0  # the number close takes


def test_a_broken_mail_is_named_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mailbox = tmp_path / "mailbox"
    shutil.copytree(Path(__file__).parents[1] / "examples" / "mailbox", mailbox)
    (mailbox / "cur" / "1999999999.broken.host:2,S").write_bytes(
        b"Subject: no sender at all\nDate: Mon, 2 Nov 2026 10:00:00 +0200\n\nHei\n"
    )
    config = demo_config(tmp_path)
    config.write_text(config.read_text(encoding="utf-8").replace(
        str(Path(__file__).parents[1] / "examples" / "mailbox"), str(mailbox)), encoding="utf-8")  # fmt: skip
    assert run(["--config", str(config), "check", "--quiet"]) == 0
    capsys.readouterr()
    assert run(["--config", str(config), "problems"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"INBOX UID \d+ \(viestin luku\): [^U]*", line), line  # "UID" said once


def test_no_desktop_is_said_once(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "no-run"))
    monkeypatch.setenv("VASTEAIKA_RUN_USER_DIR", str(tmp_path / "no-run-user"))
    assert run(["--config", str(demo), "remind"]) == 0
    out = capsys.readouterr().out
    assert out.count("Työpöytää ei tavoitettu") == 1 and "no desktop reachable" not in out
