"""Mail and user text reaches the terminal as literal text in every command: never read as rich
markup (``[/]`` used to crash `check` with exit 70, ``[tarjous]`` vanished, ``[blink red]``
blinked), never an emoji code, never coloured by the highlighter, and no escape sequence of a
stranger's ever reaches the terminal raw."""

from __future__ import annotations

import html
import io
import json
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from fakes import mail
from vasteaika.cli import output as render
from vasteaika.cli import run
from vasteaika.ledger.store import open_database
from vasteaika.literal_console import LiteralConsole
from vasteaika.mail.parse import sanitize_header_text
from vasteaika.report.render_text import _md_cell
from vasteaika.terminal import json_text, printable

OWNER = "ylermi@pihapalvelu.fi"
HOSTILE = ("[/]", "[blink red]x[/blink red]", "[tarjous]", "[bold]", ":smile:", "\x1b[31m")


def stored(text: str) -> str:
    """What the parser keeps of a header (its control characters become spaces)."""
    return sanitize_header_text(text)


def raw_shown(text: str) -> str:
    """Text that never went through the parser, as the terminal must show it."""
    return text.replace("\x1b", "\ufffd")


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's consoles, only wide enough that no table cell is cut, so that whole literals
    can be looked for."""
    monkeypatch.setattr(render, "console", type(render.console)(width=200))
    monkeypatch.setattr(render, "err_console", type(render.err_console)(width=200, stderr=True))


def _deliver(folder: Path, name: str, raw: bytes, at: datetime) -> None:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "cur" / f"{int(at.timestamp())}.{name}.host:2,S").write_bytes(raw)


def _date(at: datetime) -> str:
    return at.strftime("%a, %d %b %Y %H:%M:%S +0000")


@pytest.fixture
def hostile(tmp_path: Path, wide: None) -> Path:
    """A Maildir where every customer's name and subject is hostile: customer N waits for an
    answer (and gets a draft acknowledgment), customer R was promised a call tomorrow."""
    box, now = tmp_path / "mail", datetime.now(UTC)
    _deliver(box / ".Sent", "none", mail(OWNER, "x@example.fi", "Moi", "none@p"), now)
    for i, h in enumerate(HOSTILE):
        at = now - timedelta(minutes=5)
        raw = mail(f'"N {h}" <n{i}@example.fi>', OWNER, f"S {h}", f"n{i}@example.fi", _date(at),
                   extra=f"Return-Path: <n{i}@example.fi>\n")  # fmt: skip
        _deliver(box, f"n{i}", raw, at)
        at = now - timedelta(hours=3)
        raw = mail(f'"R {h}" <r{i}@example.fi>', OWNER, f"P {h}", f"r{i}@example.fi", _date(at),
                   extra=f"Return-Path: <r{i}@example.fi>\n")  # fmt: skip
        _deliver(box, f"r{i}", raw, at)
        at = now - timedelta(hours=2)  # "huomenna" from two hours ago is never due yet
        raw = mail(OWNER, f"r{i}@example.fi", f"Re: P {h}", f"a{i}@p", _date(at),
                   extra=f"In-Reply-To: <r{i}@example.fi>\n", body="Hei,\n\nSoitan huomenna klo 10.\n")  # fmt: skip
        _deliver(box / ".Sent", f"a{i}", raw, at)
    config = tmp_path / "c.toml"
    config.write_text(
        f'[owner]\nname = "Ylermi"\naddresses = ["{OWNER}"]\n[account]\nmaildir = "{box}"\n'
        f'[ack]\nmode = "draft"\n[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    return config


def _problems(config: Path) -> None:
    store = open_database(config.parent / "v.db")
    for i, h in enumerate(HOSTILE):
        store.record_problem(f"F {h}", 1, i, f"unreadable {h}", 0)


def _watch_state(config: Path) -> None:
    state = {"pid": 1, "started_at": "2026-11-30T08:00:00+00:00",
             "last_error": "server said " + " ".join(HOSTILE)}  # fmt: skip
    (config.parent / "v.db.watch.json").write_text(json.dumps(state), encoding="utf-8")


def _yesterday() -> str:
    return f"{datetime.now(ZoneInfo('Europe/Helsinki')).date() - timedelta(days=1):%Y-%m-%d}"


@dataclass
class Case:
    name: str
    args: tuple[str, ...]
    texts: Callable[[str], list[str]]  # what must be seen of each hostile text
    synced: bool = True  # run 'check' first
    each: bool = False  # run once per hostile text, with {i} and {h} filled in
    setup: Callable[[Path], None] | None = field(default=None)


def waiting(h: str) -> list[str]:
    return [f"N {stored(h)}", f"S {stored(h)}"]


CASES = [
    Case("check", ("check",), waiting, synced=False),
    Case(
        "check --dry-run",
        ("check", "--dry-run"),
        lambda h: [*waiting(h), f"Aihe: Re: S {stored(h)}"],
        synced=False,
    ),
    Case("check --json", ("check", "--json"), lambda h: [f"S {stored(h)}"], synced=False),
    Case(
        "why",
        ("why", "n{i}@example.fi"),
        lambda h: [f"n{HOSTILE.index(h)}@example.fi: 'S {stored(h)}'"],
        each=True,
    ),
    Case("outbox", ("outbox",), lambda h: [f"S {stored(h)}"]),
    Case(
        "customer",
        ("customer", "r{i}@example.fi"),
        lambda h: [f"R {stored(h)} <r{HOSTILE.index(h)}@example.fi>", f"P {stored(h)}"],
        each=True,
    ),
    Case("reminders", ("reminders",), lambda h: [f"R {stored(h)} — P {stored(h)} [vastaus]"]),
    Case(
        "problems",
        ("problems",),
        lambda h: [
            f"F {raw_shown(h)} UID {HOSTILE.index(h)} (viestin luku): unreadable {raw_shown(h)}"
        ],
        setup=_problems,
    ),
    Case("status", ("status",), lambda h: [raw_shown(h)], setup=_watch_state),
    Case("export json", ("export",), waiting),
    Case("export csv", ("export", "-f", "csv"), waiting),
    Case(
        "report table",
        ("report", "--since", "{since}"),  # 80 wide: long cells end in …
        lambda h: [s[:24] for s in waiting(h)],
    ),
    Case(
        "report markdown",
        ("report", "--since", "{since}", "-f", "markdown"),
        lambda h: [_md_cell(s) for s in waiting(h)],
    ),
    Case("report csv", ("report", "--since", "{since}", "-f", "csv"), waiting),
    Case("report json", ("report", "--since", "{since}", "-f", "json"), waiting),
    Case(
        "templates preview",
        ("templates", "preview", "--name", "N {h}", "--subject", "S {h}"),
        lambda h: [f"Subject: Re: S {stored(h)}"],
        synced=False,
        each=True,
    ),
    Case(
        "promise",
        ("promise", "Soitan {h} huomenna klo 10"),
        lambda h: ["Erääntyy "],
        synced=False,
        each=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_command_shows_mail_text_literally(
    case: Case, hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if case.synced:
        assert run(["--config", str(hostile), "check", "--quiet"]) == 0, capsys.readouterr().err
    if case.setup:
        case.setup(hostile)
    capsys.readouterr()
    runs = list(enumerate(HOSTILE)) if case.each else [(-1, "")]
    for i, h in runs:
        args = [a.format(i=i, h=h, since=_yesterday()) for a in case.args]
        code = run(["--config", str(hostile), *args])
        out = capsys.readouterr()
        shown = out.out + out.err
        assert code == 0, shown
        assert "\x1b" not in shown  # the consoles here are no terminal: any escape is a mail's
        for text in HOSTILE if not case.each else (h,):
            for expected in case.texts(text):
                assert expected in shown, f"{expected!r} not in:\n{shown}"


def test_on_a_real_terminal_nothing_of_a_mail_blinks_colours_or_becomes_an_emoji(
    hostile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = type(render.console)(width=200, force_terminal=True, color_system="standard")
    monkeypatch.setattr(render, "console", terminal)
    assert run(["--config", str(hostile), "check"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[5m" not in out and "\x1b[31m" not in out  # no blink, no red from the mail
    assert "😄" not in out
    for h in HOSTILE:  # contiguous: the highlighter put no colour inside (e.g. around "31")
        assert f"S {stored(h)}" in out


def test_the_html_report_escapes_mail_text(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    box, at = hostile.parent / "mail", datetime.now(UTC) - timedelta(minutes=1)
    subject = '<img src=x onerror="alert(1)"> & [/]'
    _deliver(box, "html", mail('"<b>Bold</b>" <h@example.fi>', OWNER, subject, "h@x", _date(at),
                               extra="Return-Path: <h@example.fi>\n"), at)  # fmt: skip
    assert run(["--config", str(hostile), "check", "--quiet"]) == 0
    assert run(["--config", str(hostile), "report", "--since", _yesterday(), "-f", "html"]) == 0
    page = capsys.readouterr().out
    assert html.escape(subject) in page and "<img" not in page and "<b>Bold" not in page
    assert "\x1b" not in page and "&lt;b&gt;Bold" in page


def test_watch_log_lines_are_literal(
    hostile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from vasteaika.jobs import watch

    class Watcher:
        """Stands in for the IMAP IDLE loop: logs what a server or a mail could put in a line."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            self.log: Callable[[str], None] = args[6]  # type: ignore[assignment]

        def stop(self, *_: object) -> None: ...

        def run(self) -> None:
            self.log("connection problem: server said [/] [blink red]x[/blink red] \x1b[2J")

    monkeypatch.setattr(watch, "Watcher", Watcher)
    monkeypatch.setattr(signal, "signal", lambda *_: None)  # keep pytest's own Ctrl-C handler
    assert run(["--config", str(hostile), "watch"]) == 0
    err = capsys.readouterr().err
    assert "server said [/] [blink red]x[/blink red] \ufffd[2J" in err and "\x1b" not in err


def test_an_error_naming_user_text_prints_it_literally(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--config", str(hostile), "why", "[/]x[blink]\x1b[2J@y"]) == 2
    err = capsys.readouterr().err
    assert "Message-ID on <[/]x[blink]\ufffd[2J@y>" in err and "\x1b" not in err


def test_a_config_path_in_a_warning_prints_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], wide: None
) -> None:
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "mail" / sub).mkdir(parents=True)
    folder = tmp_path / "[tarjous]"
    folder.mkdir()
    config = folder / "c.toml"
    config.write_text(
        f'[owner]\naddresses = ["a@b.fi"]\n[account]\nmaildir = "{tmp_path / "mail"}"\n'
        f'password_command = ["pass", "show", "mail"]\n[storage]\ndatabase = "{tmp_path / "v.db"}"\n'
        '[folders]\nsent = "none"\n',
        encoding="utf-8",
    )
    config.chmod(0o644)
    assert run(["--config", str(config), "check", "--quiet"]) == 0
    # the owner's language is Finnish by default; the path with its [brackets] as it is
    assert f"varoitus: muut käyttäjät voivat lukea tiedoston {config};" in capsys.readouterr().err


def test_hints_naming_a_config_section_print_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "mail" / sub).mkdir(parents=True)
    config = tmp_path / "c.toml"
    base = (f'[owner]\naddresses = ["a@b.fi"]\n[account]\nmaildir = "{tmp_path / "mail"}"\n'
            f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n')  # fmt: skip
    config.write_text(base, encoding="utf-8")
    assert run(["--config", str(config), "check", "--quiet"]) == 78
    hint = 'set [folders] sent = "NAME" to its name, or [folders] sent = "none" if you keep no'
    assert hint in capsys.readouterr().err  # was "set  sent"
    config.write_text(base + '[folders]\ninbox = "Nope"\nsent = "none"\n', encoding="utf-8")
    assert run(["--config", str(config), "check"]) == 78
    assert "check the [folders] section" in capsys.readouterr().err


def test_the_progress_bar_shows_a_folder_name_literally(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(
        render, "err_console", type(render.err_console)(file=out, force_terminal=True)
    )
    with render.progress(True) as bar:
        bar.start("[/]Asiakkaat [bold]\x1b[2J", 200)
        bar.step()
    assert "Reading [/]Asiakkaat [bold][2J" in out.getvalue()
    assert "\x1b[2J" not in out.getvalue()


# --- the helper itself --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tarjous [/] ok", "Tarjous [/] ok"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("\x1b[2Jclear", "\ufffd[2Jclear"),
        ("csi\x9b31m", "csi\ufffd31m"),
        ("bell\x07 del\x7f cr\r", "bell\ufffd del\ufffd cr\ufffd"),
        ("bidi \u202eevil\u202c", "bidi \ufffdevil\ufffd"),
        ("Mäkinen 😄", "Mäkinen 😄"),
    ],
)
def test_printable(text: str, expected: str) -> None:
    assert printable(text) == expected


def test_json_text_is_exact_and_holds_no_raw_control_character() -> None:
    data = {"subject": "a\x1b[2J b\x9b31m c\u202e d [/] é"}
    text = json_text(data)
    assert json.loads(text) == data and text.endswith("\n")
    assert printable(text) == text


def test_text_built_elsewhere_loses_its_control_characters_but_keeps_its_style() -> None:
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = LiteralConsole(file=out, width=60, force_terminal=True, color_system="standard")
    table = Table("who")
    table.add_row(Text("Eero \x1b[2J [b]", style="bold"))
    console.print(table)
    console.print("[bold]:smile: 12 http://x.fi", markup=True, highlight=True, emoji=True)
    shown = out.getvalue()
    assert "Eero [2J [b]" in shown and "\x1b[2J" not in shown
    assert "\x1b[1m" in shown  # our own styling still works
    assert "[bold]:smile: 12 http://x.fi" in shown


def test_literal_consoles_only() -> None:
    assert isinstance(render.console, LiteralConsole)
    assert isinstance(render.err_console, LiteralConsole)
