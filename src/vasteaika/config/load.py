"""Reading and validating the config file: every problem at once, naming the file, the key
and what is expected; then the records are built (``build``).

Apart from SPEC (the data) and the records (the result): this is the logic between them.
"""

from __future__ import annotations

import stat
import tomllib
from datetime import time
from pathlib import Path
from typing import Any

from vasteaika.config.build import build_config
from vasteaika.config.checks import is_clock
from vasteaika.config.paths import default_config_path, resolve
from vasteaika.config.records import Config
from vasteaika.config.spec import REQUIRED, SECRET_KEYS, SPEC
from vasteaika.errors import ConfigError
from vasteaika.net import is_loopback
from vasteaika.template_spec import LANGUAGES, validate_template


def load_config(path: Path | None = None) -> Config:
    """Read and validate the config file; raise ConfigError listing every problem."""
    path = path or default_config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"no configuration file at {path}",
            "run 'vasteaika init' to write one (on a terminal it asks what it needs), or pass "
            "--config PATH",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read {path}: {exc}", "check the file and its permissions"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}", "fix the line it names") from None
    return config_from_dict(data, path)


def config_from_dict(data: dict[str, Any], path: Path | None) -> Config:
    where = str(path) if path else "config"
    values, problems = _validate(data)
    problems += _check_combinations(values)
    base = path.parent if path else Path.cwd()
    problems += _template_problems(values["ack"]["templates"], base, values["ack"])
    if problems:
        detail = "; ".join(problems)
        raise ConfigError(
            f"{where}: {len(problems)} problem(s): {detail}",
            "fix these keys ('vasteaika init --print' shows every key with what it means)",
            problems=problems,
        )
    secrets = bool(values["account"]["password_command"])
    return build_config(values, path, base, _permission_warnings(path) if secrets else [])


def _validate(data: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    problems: list[str] = []
    values: dict[str, dict[str, Any]] = {}
    for section, table in data.items():
        if section not in SPEC:
            problems.append(f"unknown section [{section}] (known: {', '.join(SPEC)})")
        elif not isinstance(table, dict):
            problems.append(f"[{section}] must be a table")
    for section, keys in SPEC.items():
        table = data.get(section, {})
        table = table if isinstance(table, dict) else {}
        values[section] = {}
        for key in table:
            if key not in keys:
                problems.append(f"unknown key {section}.{key} (known: {', '.join(keys)})")
        for key, (check, default) in keys.items():
            if key not in table:
                values[section][key] = default
                continue
            expected = check(table[key])
            if expected and (section, key) in SECRET_KEYS:
                problems.append(f"{section}.{key} is {kind_of(table[key])} (not shown: it may"
                                f" hold a secret): expected {expected}")  # fmt: skip
            elif expected:
                problems.append(f"{section}.{key} = {table[key]!r}: expected {expected}")
            values[section][key] = table[key]
    for section, key in REQUIRED:
        if not (data.get(section) or {}).get(key):
            problems.append(f"{section}.{key} is missing: it is required")
    return values, problems


def kind_of(value: Any) -> str:
    """What a value is, said without the value: "a text", "a list with 1 item(s)"…"""
    if isinstance(value, list):
        kinds = sorted({kind_of(v) for v in value})
        of = f" ({', '.join(kinds)})" if kinds else ""
        return f"a list with {len(value)} item(s){of}"
    names = {bool: "true/false", str: "a text", int: "a number", float: "a number",
             dict: "a table"}  # fmt: skip
    if isinstance(value, str) and not value:
        return "an empty text"
    return names.get(type(value), "a date or time")


def _check_combinations(v: dict[str, dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    acc, hours = v["account"], v["hours"]
    if acc["maildir"] and acc["mbox"]:
        problems.append("account.maildir and account.mbox: set one of them, not both")
    if acc["mbox"] and v["ack"]["mode"] == "draft":
        problems.append(
            'ack.mode = "draft" cannot be used with account.mbox (mbox files are only read):'
            ' use "send" or "off"'
        )
    if not acc["maildir"] and not acc["mbox"]:
        for key in ("imap_host", "username"):
            if not acc[key]:
                problems.append(
                    f"account.{key} is missing (or set account.maildir or account.mbox for a"
                    " local mailbox)"
                )
        if acc["security"] == "none" and not is_loopback(acc["imap_host"]):
            problems.append('account.security = "none" is only allowed for 127.0.0.1/localhost')
    clocks_ok = is_clock(hours["start"]) is None and is_clock(hours["end"]) is None
    if clocks_ok and time.fromisoformat(hours["start"]) >= time.fromisoformat(hours["end"]):
        problems.append("hours.start must be before hours.end")
    ack = v["ack"]
    if ack["mode"] is None:
        ack["mode"] = "send" if v["smtp"]["host"] else "off"
    if ack["mode"] == "send" and not v["smtp"]["host"]:
        problems.append('ack.mode = "send" needs [smtp] host (or set ack.mode = "draft" or "off")')
    if v["smtp"]["host"] and v["smtp"]["security"] == "none" and not is_loopback(v["smtp"]["host"]):
        problems.append('smtp.security = "none" is only allowed for 127.0.0.1/localhost')
    if bool(ack["vacation_from"]) != bool(ack["vacation_until"]):
        problems.append("ack.vacation_from and ack.vacation_until go together: set both or neither")
    for addr in v["owner"]["addresses"] if isinstance(v["owner"]["addresses"], list) else []:
        if isinstance(addr, str) and addr.count("@") != 1:
            problems.append(f"owner.addresses: {addr!r} is not an email address")
    return problems


def _template_problems(folder: Any, base: Path, ack: dict[str, Any]) -> list[str]:
    """The owner's own templates are checked now, not when the first customer writes, each for
    what it can be rendered with; and a vacation without a substitute, which renders
    vacation_alone_*.txt, must not leave the owner's own vacation wording unused."""
    if not isinstance(folder, str) or not folder:
        return []
    directory = resolve(folder, base)
    if directory is None or not directory.is_dir():
        return [f"ack.templates: {directory} is not a folder"]
    problems = []
    for name in ("ack", "key", "vacation", "vacation_alone"):
        for lang in LANGUAGES:
            file = directory / f"{name}_{lang}.txt"
            if not file.is_file():
                continue
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(f"ack.templates: cannot read {file}: {exc}")
                continue
            problems += [f"{file}: {p}" for p in validate_template(text, name=name)]
    alone = ack.get("vacation_from") and not str(ack.get("vacation_substitute") or "").strip()
    for lang in LANGUAGES if alone else ():
        own, needed = directory / f"vacation_{lang}.txt", directory / f"vacation_alone_{lang}.txt"
        if own.is_file() and not needed.is_file():
            problems.append(
                f"ack.vacation_substitute is empty, so {needed.name} is sent during the vacation,"
                f" not your {own}: write {needed} (without $substitute) or set the substitute"
            )
    return problems


def _permission_warnings(path: Path | None) -> list[str]:
    """A password_command can carry a secret in its arguments: keep such a file private."""
    if path is None:
        return []
    try:
        mode = path.stat().st_mode
    except OSError:
        return []
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        return [f"{path} can be read by other users; run 'chmod 600 {path}' if it holds secrets"]
    return []
