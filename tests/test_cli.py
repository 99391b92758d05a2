"""The command line as a user meets it: help, exit codes, one-line errors, JSON output."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
import typer

from vasteaika.cli import app, run

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def commands() -> list[str]:
    return sorted(c.name or "" for c in typer.main.get_command(app).commands.values())  # type: ignore[attr-defined]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"]) == 0
    assert capsys.readouterr().out.startswith("vasteaika ")


def all_command_paths() -> list[list[str]]:
    paths: list[list[str]] = []

    def walk(group: object, prefix: list[str]) -> None:
        for name, command in group.commands.items():  # type: ignore[attr-defined]
            if hasattr(command, "commands"):
                walk(command, [*prefix, name])
            else:
                paths.append([*prefix, name])

    walk(typer.main.get_command(app), [])
    return sorted(paths)


@pytest.mark.parametrize("path", all_command_paths(), ids=" ".join)
def test_every_command_has_help_that_teaches(
    path: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run([*path, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Usage:" in out and len(out.splitlines()) > 5, out


def test_every_command_is_in_the_readme() -> None:
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    for name in commands():
        assert f"vasteaika {name}" in readme, f"README does not show 'vasteaika {name}'"


def test_init_writes_a_private_starter_and_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "conf" / "config.toml"
    assert run(["init", str(target)]) == 0
    assert target.stat().st_mode & 0o777 == 0o600
    text = target.read_text(encoding="utf-8")
    assert "[account]" in text and "password_command" in text
    target.write_text("# mine\n", encoding="utf-8")
    assert run(["init", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert run(["init", "--force", str(target)]) == 0


def test_starter_config_is_valid_once_filled_in(tmp_path: Path) -> None:
    from vasteaika.config import load_config

    target = tmp_path / "config.toml"
    run(["init", str(target)])
    assert load_config(target).account.imap_host == "imap.example.fi"


def test_bad_config_is_one_line_and_exit_78(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[owner]\naddresses = "me"\n[acount]\n', encoding="utf-8")
    assert run(["--config", str(path), "check"]) == 78
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert str(path) in err and "owner.addresses" in err and "[acount]" in err


def test_missing_config_tells_how_to_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--config", str(tmp_path / "none.toml"), "check"]) == 78
    assert "vasteaika init" in capsys.readouterr().err


def test_unwritable_database_is_exit_74(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    path = tmp_path / "c.toml"
    path.write_text(
        f'[owner]\naddresses = ["a@b.fi"]\n[account]\nmaildir = "{EXAMPLES / "mailbox"}"\n'
        f'[storage]\ndatabase = "{blocker / "sub" / "v.db"}"\n',
        encoding="utf-8",
    )
    assert run(["--config", str(path), "check"]) == 74
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def demo_config(tmp_path: Path) -> Path:
    text = (EXAMPLES / "config.toml").read_text(encoding="utf-8")
    text = text.replace('maildir = "mailbox"', f'maildir = "{EXAMPLES / "mailbox"}"')
    text = text.replace('templates = "templates"', f'templates = "{EXAMPLES / "templates"}"')
    text = text.replace(
        'database = "../demo-state/vasteaika.db"', f'database = "{tmp_path / "v.db"}"'
    )
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_json_on_the_example_mailbox(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = demo_config(tmp_path)
    assert run(["--config", str(config), "check", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["new_conversations"] and first["read"]["INBOX"] > 0
    waiting = {w["customer_email"] for w in first["waiting"]}
    assert all(w["waiting_seconds"] > 0 for w in first["waiting"])
    # the most urgent first; each with since when, its turn and its promise
    dues = [w["promise_due_at"] for w in first["waiting"]]
    assert dues == sorted(dues, key=datetime.fromisoformat)
    assert all(w["overdue"] and w["waiting_since"] and w["turn"] >= 1 for w in first["waiting"])
    assert run(["--config", str(config), "check", "--json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["new_conversations"] == [] and sum(second["read"].values()) == 0
    assert {w["customer_email"] for w in second["waiting"]} == waiting


def test_export_formats_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    config = demo_config(tmp_path)
    run(["--config", str(config), "check", "--quiet"])
    assert capsys.readouterr().out == ""
    assert run(["--config", str(config), "export", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert run(["--config", str(config), "export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["customer_email"] for r in rows] == [r["customer_email"] for r in records]
    keys = {
        "customer_email",
        "customer_name",
        "subject",
        "first_contact_message_id",
        "first_contact_at",
        "first_reply_at",
        "response_seconds",
        "business_response_seconds",
        "status",
    }
    assert keys <= set(records[0]) and keys <= set(rows[0])
    assert all(r["first_contact_at"][-6] in "+-" for r in records)
    assert run(["--config", str(config), "export", "--format", "xml"]) == 2


def test_why_explains_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = demo_config(tmp_path)
    run(["--config", str(config), "check", "--json"])
    first = json.loads(capsys.readouterr().out)["new_conversations"][0]
    assert run(["--config", str(config), "why", f"<{first['first_contact_message_id']}>"]) == 0
    out = capsys.readouterr().out
    assert "laji: asiakkaan viesti (customer)" in out and "avasi keskustelun" in out
    assert run(["--config", str(config), "why", "<nope@nowhere>"]) == 2


def test_report_on_the_example_mailbox(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = demo_config(tmp_path)
    run(["--config", str(config), "check", "--quiet"])
    assert run(["--config", str(config), "report", "--week", "2026-W45", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"]["since"] == "2026-11-02T00:00:00+02:00"
    assert data["contacts"] == 2 and data["answered"] == 1
    # who waits now, also from before the week (K02's and K03's thank-yous, MAILBOX.md "Turns")
    waiting = {w["customer_email"]: w for w in data["unanswered"]}
    assert list(waiting) == [
        "paivi.hamalainen@example.fi", "riitta.laaksonen@koivukuja.example", "eero.makinen@example.fi"
    ]  # fmt: skip
    assert waiting["eero.makinen@example.fi"]["waiting_seconds"] > 0
    assert run(["--config", str(config), "report", "--week", "2026-W99"]) == 2
    assert "2026-W99" in capsys.readouterr().err
    out = tmp_path / "r.html"
    assert (
        run(["--config", str(config), "report", "--week", "2026-W45", "-f", "html", "-o", str(out)])
        == 0
    )
    assert "<html" in out.read_text(encoding="utf-8")


def test_templates_preview_uses_the_owners_template_and_the_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = demo_config(tmp_path)
    assert run(["--config", str(config), "templates", "preview", "--at", "2026-12-23T15:30"]) == 0
    out = capsys.readouterr().out
    assert "From: Ylermi Yrittäjä <ylermi@pihapalvelu.fi>" in out
    assert "viestisi on tullut perille" in out  # examples/templates/ack_fi.txt, not the built-in
    assert "maanantaina 28.12. klo 10" in out  # Christmas Eve, Christmas and a weekend skipped
    assert run(["--config", str(config), "templates", "preview", "--at", "huomenna"]) == 2


def test_outbox_lists_nothing_before_any_acknowledgment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = demo_config(tmp_path)
    run(["--config", str(config), "check", "--quiet"])
    assert run(["--config", str(config), "outbox", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # the example mail is all backlog


def test_the_daily_screen_speaks_the_owners_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = demo_config(tmp_path)
    assert run(["--config", str(config), "check"]) == 0
    out = capsys.readouterr().out
    # 15 first replies and 6 later ones; K02's and K03's thank-you mails wait until closed,
    # K06 and K17 (the demo's Monday morning) for an answer
    assert "Luettu 57 uutta viestiä: 17 uutta keskustelua, 21 vastattu." in out
    assert "Odottaa vastaustasi (4)" in out and "Eero" in out and "ke 4.11. klo 11.48" in out


def test_dry_run_leaves_nothing_on_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = demo_config(tmp_path)
    assert run(["--config", str(config), "check", "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["dry_run"] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]  # no database, no lock


def test_output_to_a_missing_folder_is_one_line_exit_74(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = demo_config(tmp_path)
    run(["--config", str(config), "check", "--quiet"])
    assert run(["--config", str(config), "export", "-o", str(tmp_path / "no" / "x.json")]) == 74
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("args", [["nope"], ["snooze", "x", "30m"], ["check", "--nope"]])
def test_usage_mistakes_are_exit_2_never_internal_errors(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(args) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err


def test_bare_command_shows_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([]) in (0, 2)
    out = capsys.readouterr()
    assert "internal error" not in out.err and "Usage:" in out.out + out.err


def test_why_tells_why_a_contact_got_no_acknowledgment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = demo_config(tmp_path)
    run(["--config", str(config), "check", "--json"])
    first = json.loads(capsys.readouterr().out)["new_conversations"][0]
    assert run(["--config", str(config), "why", first["first_contact_message_id"]]) == 0
    out = capsys.readouterr().out
    assert "kuittaus: ei kuitattu" in out and "ei kuitattu, koska: vanhempi kuin" in out


def test_a_mailbox_without_a_sent_folder_stops_with_a_config_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "mail" / sub).mkdir(parents=True)
    config = tmp_path / "c.toml"
    text = (
        f'[owner]\naddresses = ["a@b.fi"]\n[account]\nmaildir = "{tmp_path / "mail"}"\n'
        f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n'
    )
    config.write_text(text, encoding="utf-8")
    assert run(["--config", str(config), "check", "--quiet"]) == 78
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("vasteaika: no Sent folder found")
    assert "Lähetetyt kohteet" in err and "Skickade objekt" in err and "[Gmail]/Sent Mail" in err
    assert '[folders] sent = "NAME"' in err and '[folders] sent = "none"' in err
    # The owner says there is none: the run goes on, reading INBOX only.
    config.write_text(text + '[folders]\nsent = "none"\n', encoding="utf-8")
    assert run(["--config", str(config), "check", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["sent_folder"] is None and list(out["read"]) == ["INBOX"]
