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

from vasteaika.catalogue import Joined, Said, fault
from vasteaika.config.build import build_config
from vasteaika.config.checks import is_clock
from vasteaika.config.paths import default_config_path, resolve
from vasteaika.config.records import Config
from vasteaika.config.spec import REQUIRED, SECRET_KEYS, SPEC
from vasteaika.errors import ConfigError
from vasteaika.net import is_loopback
from vasteaika.template_spec import LANGUAGES, template_problems


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
        error = fault(ConfigError, "config.problems", where=where, n=len(problems),
                      detail=tuple(problems))  # fmt: skip
        error.problems = [str(p) for p in problems]
        owner = data.get("owner")
        language = owner.get("language") if isinstance(owner, dict) else None
        error.language = language if language in LANGUAGES else None
        raise error
    secrets = bool(values["account"]["password_command"])
    return build_config(values, path, base, _permission_warnings(path) if secrets else [])


def _validate(data: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], list[Said]]:
    problems: list[Said] = []
    values: dict[str, dict[str, Any]] = {}
    for section, table in data.items():
        if section not in SPEC:
            problems.append(Said("config.unknown_section", {"section": section,
                                                            "known": ", ".join(SPEC)}))  # fmt: skip
        elif not isinstance(table, dict):
            problems.append(Said("config.not_table", {"section": section}))
    for section, keys in SPEC.items():
        table = data.get(section, {})
        table = table if isinstance(table, dict) else {}
        values[section] = {}
        for key in table:
            if key not in keys:
                problems.append(Said("config.unknown_key", {"section": section, "key": key,
                                                            "known": ", ".join(keys)}))  # fmt: skip
        for key, (check, default) in keys.items():
            if key not in table:
                values[section][key] = default
                continue
            expected = check(table[key])
            where = {"section": section, "key": key, "expected": expected}
            if expected and (section, key) in SECRET_KEYS:
                problems.append(Said("config.secret_value", {**where, "kind": kind_of(table[key])}))
            elif expected:
                problems.append(Said("config.bad_value", {**where, "value": repr(table[key])}))
            values[section][key] = table[key]
    for section, key in REQUIRED:
        if not (data.get(section) or {}).get(key):
            problems.append(Said("config.missing", {"section": section, "key": key}))
    return values, problems


def kind_of(value: Any) -> Said:
    """What a value is, said without the value: "a text", "a list with 1 item(s)"…"""
    if isinstance(value, list):
        kinds = {str(kind): kind for kind in map(kind_of, value)}  # one of each, in English order
        joined = Joined(tuple(kinds[name] for name in sorted(kinds)))
        of = Said("value_kind.of", {"kinds": joined}) if kinds else ""
        return Said("value_kind.list", {"n": len(value), "of": of})
    names = {bool: "bool", str: "text", int: "number", float: "number", dict: "table"}
    if isinstance(value, str) and not value:
        return Said("value_kind.empty")
    return Said(f"value_kind.{names.get(type(value), 'date')}")


def _check_combinations(v: dict[str, dict[str, Any]]) -> list[Said]:
    problems: list[Said] = []
    acc, hours = v["account"], v["hours"]
    if acc["maildir"] and acc["mbox"]:
        problems.append(Said("config.maildir_and_mbox"))
    if acc["mbox"] and v["ack"]["mode"] == "draft":
        problems.append(Said("config.mbox_draft"))
    if not acc["maildir"] and not acc["mbox"]:
        for key in ("imap_host", "username"):
            if not acc[key]:
                problems.append(Said("config.missing_account", {"key": key}))
        if acc["security"] == "none" and not is_loopback(acc["imap_host"]):
            problems.append(Said("config.plain_imap"))
    clocks_ok = is_clock(hours["start"]) is None and is_clock(hours["end"]) is None
    if clocks_ok and time.fromisoformat(hours["start"]) >= time.fromisoformat(hours["end"]):
        problems.append(Said("config.hours_order"))
    ack = v["ack"]
    if ack["mode"] is None:
        ack["mode"] = "send" if v["smtp"]["host"] else "off"
    if ack["mode"] == "send" and not v["smtp"]["host"]:
        problems.append(Said("config.send_needs_smtp"))
    if v["smtp"]["host"] and v["smtp"]["security"] == "none" and not is_loopback(v["smtp"]["host"]):
        problems.append(Said("config.plain_smtp"))
    if bool(ack["vacation_from"]) != bool(ack["vacation_until"]):
        problems.append(Said("config.vacation_pair"))
    for addr in v["owner"]["addresses"] if isinstance(v["owner"]["addresses"], list) else []:
        if isinstance(addr, str) and addr.count("@") != 1:
            problems.append(Said("config.owner_address", {"address": repr(addr)}))
    return problems


def _template_problems(folder: Any, base: Path, ack: dict[str, Any]) -> list[Said]:
    """The owner's own templates are checked now, not when the first customer writes, each for
    what it can be rendered with; and a vacation without a substitute, which renders
    vacation_alone_*.txt, must not leave the owner's own vacation wording unused."""
    if not isinstance(folder, str) or not folder:
        return []
    directory = resolve(folder, base)
    if directory is None or not directory.is_dir():
        return [Said("template.no_folder", {"path": directory})]
    problems: list[Said] = []
    for name in ("ack", "key", "vacation", "vacation_alone"):
        for lang in LANGUAGES:
            file = directory / f"{name}_{lang}.txt"
            if not file.is_file():
                continue
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(Said("template.unreadable", {"path": file, "reason": exc}))
                continue
            problems += [Said("template.in_file", {"path": file, "problem": p})
                         for p in template_problems(text, name=name)]  # fmt: skip
    alone = ack.get("vacation_from") and not str(ack.get("vacation_substitute") or "").strip()
    for lang in LANGUAGES if alone else ():
        own, needed = directory / f"vacation_{lang}.txt", directory / f"vacation_alone_{lang}.txt"
        if own.is_file() and not needed.is_file():
            problems.append(Said("template.alone_missing", {"needed": needed, "own": own}))
    return problems


def _permission_warnings(path: Path | None) -> list[Said]:
    """A password_command can carry a secret in its arguments: keep such a file private."""
    if path is None:
        return []
    try:
        mode = path.stat().st_mode
    except OSError:
        return []
    if mode & (stat.S_IRGRP | stat.S_IROTH):
        return [Said("config.readable_by_others", {"path": str(path)})]
    return []
