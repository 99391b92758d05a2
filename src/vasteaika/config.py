"""TOML configuration → a frozen, validated Config.

Every key is described once in SPEC; validation reports all problems at once, naming the file, the
key and what is expected. Secrets are never stored here: the password is fetched on demand by
``get_password`` from a command, the keyring or the environment.
"""

from __future__ import annotations

import os
import stat
import subprocess
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from .errors import AuthenticationError, ConfigError

APP = "vasteaika"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SECURITY = ("ssl", "starttls", "none")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
PASSWORD_COMMAND_TIMEOUT = 30.0


@dataclass(frozen=True)
class AccountConfig:
    imap_host: str = ""
    imap_port: int = 993
    security: str = "ssl"
    username: str = ""
    password_command: tuple[str, ...] = ()
    keyring: bool = False
    ca_file: Path | None = None
    timeout: float = 30.0
    maildir: Path | None = None  # a local Maildir instead of IMAP (the demo, mbsync users)


@dataclass(frozen=True)
class HoursConfig:
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Helsinki"))
    workdays: frozenset[int] = frozenset(range(5))
    start: time = time(8)
    end: time = time(16)
    holidays: str | None = "FI"


@dataclass(frozen=True)
class Config:
    path: Path | None
    account: AccountConfig
    owner_name: str
    owner_addresses: frozenset[str]
    inbox: str
    sent: str  # "auto" or a folder name
    hours: HoursConfig
    ignore: tuple[str, ...]
    new_conversation_after_days: int
    database: Path
    language: str
    warnings: tuple[str, ...] = ()

    @property
    def uses_imap(self) -> bool:
        return self.account.maildir is None


# --- the spec: section → key → (checker, default) --------------------------------------------

Checker = Callable[[Any], str | None]  # returns what is expected, or None when the value is fine


def _is_str(v: Any) -> str | None:
    return None if isinstance(v, str) else "a text in quotes"


def _is_bool(v: Any) -> str | None:
    return None if isinstance(v, bool) else "true or false"


def _is_port(v: Any) -> str | None:
    ok = isinstance(v, int) and not isinstance(v, bool) and 0 < v < 65536
    return None if ok else "a port number between 1 and 65535"


def _is_positive(v: Any) -> str | None:
    ok = isinstance(v, int | float) and not isinstance(v, bool) and v > 0
    return None if ok else "a positive number"


def _is_str_list(v: Any) -> str | None:
    ok = isinstance(v, list) and all(isinstance(x, str) and x for x in v)
    return None if ok else 'a list of texts, like ["a", "b"]'


def _one_of(*choices: str) -> Checker:
    return lambda v: None if v in choices else "one of " + ", ".join(f'"{c}"' for c in choices)


def _is_clock(v: Any) -> str | None:
    try:
        time.fromisoformat(v)
    except (TypeError, ValueError):
        return 'a clock time like "08:00"'
    return None


def _is_timezone(v: Any) -> str | None:
    try:
        ZoneInfo(v)
    except (TypeError, ValueError, ZoneInfoNotFoundError):
        return 'a time zone name like "Europe/Helsinki"'
    return None


def _is_weekdays(v: Any) -> str | None:
    ok = isinstance(v, list) and v and all(d in WEEKDAYS for d in v)
    return None if ok else "a non-empty list of " + ", ".join(WEEKDAYS)


SPEC: dict[str, dict[str, tuple[Checker, Any]]] = {
    "account": {
        "imap_host": (_is_str, ""),
        "imap_port": (_is_port, 993),
        "security": (_one_of(*SECURITY), "ssl"),
        "username": (_is_str, ""),
        "password_command": (_is_str_list, []),
        "keyring": (_is_bool, False),
        "ca_file": (_is_str, None),
        "timeout": (_is_positive, 30),
        "maildir": (_is_str, None),
    },
    "owner": {
        "name": (_is_str, ""),
        "addresses": (_is_str_list, []),
        "language": (_one_of("fi", "en"), "fi"),
    },
    "folders": {"inbox": (_is_str, "INBOX"), "sent": (_is_str, "auto")},
    "hours": {
        "timezone": (_is_timezone, "Europe/Helsinki"),
        "workdays": (_is_weekdays, ["mon", "tue", "wed", "thu", "fri"]),
        "start": (_is_clock, "08:00"),
        "end": (_is_clock, "16:00"),
        "holidays": (_is_str, "FI"),
    },
    "customers": {
        "ignore": (_is_str_list, []),
        "new_conversation_after_days": (_is_positive, 14),
    },
    "storage": {"database": (_is_str, "auto")},
}

REQUIRED = (("owner", "addresses"),)


def default_config_path() -> Path:
    env = os.environ.get("VASTEAIKA_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


def default_database_path() -> Path:
    return Path(platformdirs.user_state_dir(APP)) / "vasteaika.db"


def load_config(path: Path | None = None) -> Config:
    """Read and validate the config file; raise ConfigError listing every problem."""
    path = path or default_config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"no configuration file at {path}",
            "run 'vasteaika init' to write a starter file, or pass --config PATH",
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
    if problems:
        detail = "; ".join(problems)
        raise ConfigError(
            f"{where}: {len(problems)} problem(s): {detail}",
            "fix these keys (examples/config.toml documents every key)",
            problems=problems,
        )
    base = path.parent if path else Path.cwd()
    secrets = bool(values["account"]["password_command"])
    return _build(values, path, base, _permission_warnings(path) if secrets else [])


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
            if expected:
                problems.append(f"{section}.{key} = {table[key]!r}: expected {expected}")
            values[section][key] = table[key]
    for section, key in REQUIRED:
        if not (data.get(section) or {}).get(key):
            problems.append(f"{section}.{key} is missing: it is required")
    return values, problems


def _check_combinations(v: dict[str, dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    acc, hours = v["account"], v["hours"]
    if not acc["maildir"]:
        for key in ("imap_host", "username"):
            if not acc[key]:
                problems.append(
                    f"account.{key} is missing (or set account.maildir for a local mailbox)"
                )
        if acc["security"] == "none" and acc["imap_host"] not in LOOPBACK:
            problems.append('account.security = "none" is only allowed for 127.0.0.1/localhost')
    clocks_ok = _is_clock(hours["start"]) is None and _is_clock(hours["end"]) is None
    if clocks_ok and time.fromisoformat(hours["start"]) >= time.fromisoformat(hours["end"]):
        problems.append("hours.start must be before hours.end")
    for addr in v["owner"]["addresses"] if isinstance(v["owner"]["addresses"], list) else []:
        if isinstance(addr, str) and addr.count("@") != 1:
            problems.append(f"owner.addresses: {addr!r} is not an email address")
    return problems


def _build(v: dict[str, dict[str, Any]], path: Path | None, base: Path, warns: list[str]) -> Config:
    acc = v["account"]
    account = AccountConfig(
        imap_host=acc["imap_host"],
        imap_port=acc["imap_port"],
        security=acc["security"],
        username=acc["username"],
        password_command=tuple(acc["password_command"]),
        keyring=acc["keyring"],
        ca_file=_resolve(acc["ca_file"], base),
        timeout=float(acc["timeout"]),
        maildir=_resolve(acc["maildir"], base),
    )
    h = v["hours"]
    hours = HoursConfig(
        timezone=ZoneInfo(h["timezone"]),
        workdays=frozenset(WEEKDAYS.index(d) for d in h["workdays"]),
        start=time.fromisoformat(h["start"]),
        end=time.fromisoformat(h["end"]),
        holidays=h["holidays"] or None,
    )
    db = v["storage"]["database"]
    return Config(
        path=path,
        account=account,
        owner_name=v["owner"]["name"],
        owner_addresses=frozenset(a.strip().lower() for a in v["owner"]["addresses"]),
        inbox=v["folders"]["inbox"],
        sent=v["folders"]["sent"],
        hours=hours,
        ignore=tuple(x.strip().lower() for x in v["customers"]["ignore"]),
        new_conversation_after_days=int(v["customers"]["new_conversation_after_days"]),
        database=default_database_path() if db == "auto" else _resolve(db, base) or Path(db),
        language=v["owner"]["language"],
        warnings=tuple(warns),
    )


def _resolve(value: str | None, base: Path) -> Path | None:
    if not value:
        return None
    p = Path(value).expanduser()
    return p if p.is_absolute() else base / p


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


def get_password(account: AccountConfig, env: Mapping[str, str] | None = None) -> str:
    """The IMAP password from password_command, the keyring or $VASTEAIKA_PASSWORD. Never stored."""
    env = os.environ if env is None else env
    if account.password_command:
        return _run_password_command(account.password_command)
    if account.keyring:
        import keyring  # imported lazily: a slow import, and only some users need it

        secret = keyring.get_password(APP, account.username)
        if secret:
            return str(secret)
        raise AuthenticationError(
            f"no password in the keyring for {account.username}",
            f"store it with: keyring set {APP} {account.username}",
        )
    if env.get("VASTEAIKA_PASSWORD"):
        return env["VASTEAIKA_PASSWORD"]
    raise ConfigError(
        "no way to get the mail password",
        "set account.password_command, account.keyring = true, or $VASTEAIKA_PASSWORD",
    )


def _run_password_command(argv: tuple[str, ...]) -> str:
    name = argv[0]
    try:
        done = subprocess.run(
            list(argv),
            capture_output=True,
            text=True,
            timeout=PASSWORD_COMMAND_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise ConfigError(
            f"account.password_command: program {name!r} not found", "install it or fix the path"
        ) from None
    except subprocess.TimeoutExpired:
        raise ConfigError(
            f"account.password_command ({name}) did not finish in {PASSWORD_COMMAND_TIMEOUT:.0f} s",
            "check that it does not wait for input",
        ) from None
    if done.returncode != 0:
        raise ConfigError(
            f"account.password_command ({name}) failed with exit code {done.returncode}",
            "run it by hand to see why",
        )
    secret = done.stdout.split("\n", 1)[0]
    if not secret:
        raise ConfigError(f"account.password_command ({name}) printed nothing", "check the command")
    return secret
