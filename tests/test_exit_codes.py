"""Every exit code in the README's table, provoked through the real CLI, with and without --debug:
the table and the code cannot drift apart, and --debug adds a traceback without changing the
code or showing a local variable (they hold passwords)."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from test_database_faults import closed_imap_port, write_config
from vasteaika import errors
from vasteaika.cli import run
from vasteaika.ledger import records as ledger_records
from vasteaika.ledger.database import run_lock

README = Path(__file__).resolve().parents[1] / "README.md"
SECRET = "Sala-1nen-wrong-9"  # a password that must never be printed


def readme_exit_codes() -> dict[int, str]:
    """The README's table: exit code → meaning."""
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| exit code |") :].split("\n\n")[0]
    return {int(m[1]): m[2] for m in re.finditer(r"^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|", table, re.M)}


class Case:
    """What a provocation may use: a temporary folder, monkeypatch, and cleanups that last for
    both runs (plain and --debug)."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 request: pytest.FixtureRequest, stack: contextlib.ExitStack) -> None:  # fmt: skip
        self.tmp_path, self.monkeypatch, self.request, self.stack = (
            tmp_path, monkeypatch, request, stack
        )  # fmt: skip

    def config(self, **kw: str) -> str:
        return str(write_config(self.tmp_path, **kw))


def _done(case: Case) -> list[str]:
    return ["--config", case.config(), "check", "--quiet"]


def _usage(case: Case) -> list[str]:
    return ["--config", case.config(), "check", "--no-such-option"]


def _data(case: Case) -> list[str]:
    # The preview's sample customer is the owner: an acknowledgment to yourself is refused.
    path = Path(case.config())
    path.write_text(path.read_text("utf-8").replace("a@b.fi", "maija@example.fi"), "utf-8")
    return ["--config", str(path), "templates", "preview"]


def _unreachable(case: Case) -> list[str]:
    from dovecot import free_port

    case.monkeypatch.setenv("VASTEAIKA_PASSWORD", SECRET)
    return ["--config", case.config(account=closed_imap_port(free_port())), "check"]


def _internal(case: Case) -> list[str]:
    def bug(*_: object, **__: object) -> list[object]:
        raise RuntimeError("a bug")

    case.monkeypatch.setattr(ledger_records, "conversation_records", bug)
    return ["--config", case.config(), "export"]


def _storage(case: Case) -> list[str]:
    (case.tmp_path / "v.db").write_bytes(os.urandom(8192))
    return ["--config", case.config(), "report"]


def _temporary(case: Case) -> list[str]:
    case.stack.enter_context(run_lock(case.tmp_path / "v.db"))
    return ["--config", case.config(), "check"]


def _auth(case: Case) -> list[str]:
    server = case.request.getfixturevalue("dovecot")
    case.monkeypatch.setenv("VASTEAIKA_PASSWORD", SECRET)
    account = (
        f'imap_host = "127.0.0.1"\nimap_port = {server.imaps_port}\nsecurity = "ssl"\n'
        f'username = "{server.username}"\nca_file = "{server.ca_file}"'
    )
    return ["--config", case.config(account=account), "check"]


def _config(case: Case) -> list[str]:
    return ["--config", case.config(database=""), "check"]


PROVOKE: dict[int, Callable[[Case], list[str]]] = {
    0: _done, 2: _usage, 65: _data, 69: _unreachable, 70: _internal, 74: _storage,
    75: _temporary, 77: _auth, 78: _config,
}  # fmt: skip


def test_the_table_lists_every_code_the_cli_gives() -> None:
    classes = {errors.VasteaikaError, *_subclasses(errors.VasteaikaError)}
    assert set(readme_exit_codes()) == set(PROVOKE) | {c.exit_code for c in classes}


def _subclasses(cls: type) -> set[type]:
    return {s for sub in cls.__subclasses__() for s in {sub, *_subclasses(sub)}}


@pytest.mark.parametrize("code", sorted(readme_exit_codes()))
def test_each_exit_code_in_the_readme_is_what_the_cli_gives(
    code: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert code in PROVOKE, f"the README lists exit code {code}, which no test provokes"
    with contextlib.ExitStack() as stack:
        argv = PROVOKE[code](Case(tmp_path, monkeypatch, request, stack))
        assert run(argv) == code
        plain = capsys.readouterr().err
        assert run(["--debug", *argv]) == code
        debug = capsys.readouterr().err
    if code == 0:
        assert plain == debug == ""
        return
    assert "Traceback" not in plain
    if code == 2:
        return  # typer's own usage message and help
    [line] = plain.strip().splitlines()
    assert line.startswith("vasteaika: ")
    assert "Traceback" in debug and debug.rstrip().endswith(line)
    assert SECRET not in plain + debug
