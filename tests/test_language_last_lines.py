"""One language at a time for the last lines that were English under every owner: the example
person (refused, and the dry run's warning), invalid [ack] settings, a database that was empty,
an interrupted run, an internal error (whose own text only --debug shows), --until before
--since, and the problems of the owner's own acknowledgment templates — each under a Finnish
and an English owner, with no word of the other language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_catalogue import ENGLISH_LEAKS, FINNISH_LEAKS
from test_cli import demo_config
from test_database_faults import write_config
from vasteaika.acks.decision import AckSettings
from vasteaika.catalogue import error_line
from vasteaika.cli import run
from vasteaika.errors import ConfigError
from vasteaika.ledger.store import Store

LEAK = {"fi": ENGLISH_LEAKS, "en": FINNISH_LEAKS}
# Not words of either language: paths, placeholders, config keys, options, [sections], quoted
# values and an exception's class.
NOT_WORDS = re.compile(r"/\S+|\$\w+|\b\w+\.\w+\b|--\w+|\[\w+\]|'[^']*'|\(\w+Error\)")


def _line(capsys: pytest.CaptureFixture[str], lang: str) -> str:
    """The one line on stderr, checked for words of the other language."""
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("vasteaika: "), lines
    assert not LEAK[lang].search(NOT_WORDS.sub("", lines[0])), lines[0]
    return lines[0]


def _config(tmp_path: Path, lang: str, extra: str = "") -> Path:
    config = write_config(tmp_path)
    text = config.read_text("utf-8").replace('language = "en"', f'language = "{lang}"')
    config.write_text(text + extra, "utf-8")
    return config


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fi", ("vasteaika: varoitus: ", "sisältää yhä esimerkkihenkilön", "kirjoita niihin")),
     ("en", ("vasteaika: warning: ", "still has the example person", "put your own name"))],
)  # fmt: skip
def test_the_example_persons_warning_in_the_owners_language(
    lang: str, words: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = demo_config(tmp_path)  # the bundled example: Ylermi signs, ack.mode = "send"
    text = config.read_text("utf-8").replace('language = "fi"', f'language = "{lang}"', 1)
    config.write_text(text, "utf-8")
    assert run(["--config", str(config), "check", "--dry-run", "--quiet"]) == 0
    line = _line(capsys, lang)
    assert line.startswith(words[0]) and all(w in line for w in words[1:]), line
    assert "ack.signature (Ylermi Yrittäjä" in line


def test_invalid_ack_settings_say_every_problem_in_the_owners_language() -> None:
    with pytest.raises(ConfigError) as caught:
        AckSettings(mode="sent", owner_name="X", owner_address="a@b.fi", once_per_days=0)
    assert error_line(caught.value, "fi") == (
        "virheelliset kuittausasetukset: ack.mode pitää olla send, draft tai off, ei 'sent';"
        " ack.once_per_days pitää olla vähintään 1 (RFC 5230 ei salli nollaa) — korjaa [ack]-osio"
    )
    assert caught.value.line() == (
        "invalid acknowledgment settings: ack.mode must be send, draft or off, not 'sent';"
        " ack.once_per_days must be at least 1 (RFC 5230 forbids 0) — fix the [ack] section"
    )
    assert caught.value.problems[1] == "ack.once_per_days must be at least 1 (RFC 5230 forbids 0)"


@pytest.mark.parametrize(
    ("lang", "said"), [("fi", "oli tyhjä (0 tavua); uusi kirjanpito"), ("en", "was empty (0 bytes)")]
)
def test_the_empty_database_note_in_the_owners_language(
    lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "v.db").write_bytes(b"")
    assert run(["--config", str(_config(tmp_path, lang)), "check", "--json"]) == 0
    assert said in _line(capsys, lang)


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fi", "vasteaika: keskeytetty — mitään ei jäänyt puolivalmiiksi; aja uudelleen, niin se"
            " jatkaa"),
     ("en", "vasteaika: interrupted — nothing half-written; run again to continue")],
)  # fmt: skip
def test_an_interrupted_run_in_the_owners_language(
    lang: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    def interrupted(self: Store) -> list[object]:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "problems", interrupted)
    assert run(["--config", str(_config(tmp_path, lang)), "problems"]) == 130
    assert _line(capsys, lang) == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fi", "vasteaika: sisäinen virhe (RuntimeError) — ilmoita siitä ja liitä mukaan, mitä sama"
            " komento tulostaa valitsimella --debug"),
     ("en", "vasteaika: internal error (RuntimeError) — please report it with what the same"
            " command prints with --debug")],
)  # fmt: skip
def test_an_internal_error_says_what_to_do_its_text_only_in_the_debug_traceback(
    lang: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    def broken(self: Store) -> list[object]:
        raise RuntimeError("list index out of range in _turns")

    monkeypatch.setattr(Store, "problems", broken)
    config = _config(tmp_path, lang)
    assert run(["--config", str(config), "problems"]) == 70
    assert _line(capsys, lang) == said  # not the exception's text: it means nothing to the owner
    assert run(["--config", str(config), "--debug", "problems"]) == 70
    debug = capsys.readouterr().err.strip().splitlines()
    assert debug[-1] == said and "RuntimeError: list index out of range in _turns" in debug[-2]


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fi", "vasteaika: --until 2026-11-10 on ennen päivää --since 2026-11-20 — vaihda päivät"
            " keskenään"),
     ("en", "vasteaika: --until 2026-11-10 is before --since 2026-11-20 — swap the dates")],
)  # fmt: skip
def test_until_before_since_in_the_owners_language(
    lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, lang)
    args = ["--config", str(config), "report", "--since", "2026-11-20", "--until", "2026-11-10"]
    assert run(args) == 2
    assert _line(capsys, lang) == said


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fi", "vasteaika: '2026-47' ei ole ISO-viikko — kirjoita muodossa VVVV-Wvv, esim. 2026-W47"),
     ("en", "vasteaika: '2026-47' is not an ISO week — write it as YYYY-Www, e.g. 2026-W47")],
)  # fmt: skip
def test_a_week_that_is_no_iso_week_in_the_owners_language(
    lang: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, lang)
    assert run(["--config", str(config), "report", "--week", "2026-47"]) == 2
    assert _line(capsys, lang) == said


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fi", ("vasteaika: varoitus: ", "muut käyttäjät voivat lukea tiedoston", "jos siinä on")),
     ("en", ("vasteaika: warning: ", "can be read by other users", "if it holds secrets"))],
)  # fmt: skip
def test_a_config_others_can_read_is_warned_of_in_the_owners_language(
    lang: str, words: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, lang)
    text = config.read_text("utf-8").replace("[account]\n", '[account]\npassword_command = ["true"]\n', 1)
    config.write_text(text, "utf-8")
    config.chmod(0o644)
    run(["--config", str(config), "problems"])
    err = capsys.readouterr().err
    [line] = [x for x in err.splitlines() if "chmod 600" in x]
    assert line.startswith(words[0]) and all(w in line for w in words[1:]), line
    assert not LEAK[lang].search(NOT_WORDS.sub("", line.removeprefix(words[0]))), line


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fi", ("4 ongelmaa", "rivi 2: tuntematon paikkamerkki $calback (tarkoititko $callback?);"
             " tunnetut: $callback,", "rivi 1: '$', josta ei ala mikään paikkamerkki",
             "pohjassa ei ole $callback-kohtaa")),
     ("en", ("4 problem(s)", "line 2: unknown placeholder $calback (did you mean $callback?);"
             " known: $callback,", "line 1: a '$' that starts no placeholder",
             "the template has no $callback"))],
)  # fmt: skip
def test_the_owners_template_problems_in_the_owners_language(
    lang: str, words: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "ack_fi.txt").write_text("$greeting, hinta 50 $\nSoitan $calback.\n", "utf-8")
    (templates / "key_en.txt").write_text("$greeting\n$signature\n", "utf-8")
    config = _config(tmp_path, lang, f'[ack]\nmode = "off"\ntemplates = "{templates}"\n')
    assert run(["--config", str(config), "check"]) == 78
    line = _line(capsys, lang)
    assert f"{templates / 'ack_fi.txt'}: " in line and all(w in line for w in words), line
