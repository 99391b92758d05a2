"""TOML configuration → a frozen, validated Config.

Every key is described once in SPEC; validation reports all problems at once, naming the file, the
key and what is expected. Secrets are never stored here: the password is fetched on demand by
``get_password`` from a command, the keyring or the environment.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from vasteaika.errors import AuthenticationError, ConfigError
from vasteaika.net import is_loopback
from vasteaika.template_spec import validate_template

APP = "vasteaika"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SECURITY = ("ssl", "starttls", "none")
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
    mbox: Path | None = None  # a folder of local mbox files instead of IMAP (getmail, Thunderbird)
    auth: str = "password"  # "oauth2": password_command prints an access token (Microsoft 365)


@dataclass(frozen=True)
class HoursConfig:
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Helsinki"))
    workdays: frozenset[int] = frozenset(range(5))
    start: time = time(8)
    end: time = time(16)
    holidays: str | None = "FI"


@dataclass(frozen=True)
class SmtpConfig:
    host: str = ""
    port: int = 465
    security: str = "ssl"
    username: str = ""  # empty: the IMAP username
    password_command: tuple[str, ...] = ()  # empty: the IMAP password sources
    keyring: bool = False
    ca_file: Path | None = None
    timeout: float = 30.0
    envelope_from: str = ""  # "" sends MAIL FROM:<>; many providers need your own address
    login: bool = True  # false: a relay that takes mail without logging in (localhost)


@dataclass(frozen=True)
class Vacation:
    first: date
    last: date
    substitute: str


@dataclass(frozen=True)
class AckConfig:
    mode: str = "send"
    max_age: timedelta = timedelta(hours=2)
    once_per_days: int = 7
    callback_times: tuple[time, ...] = (time(10), time(15))
    lead: timedelta = timedelta(minutes=60)
    key_lead: timedelta = timedelta(minutes=30)
    language: str = "fi"
    save_to_sent: bool = True
    key_customers: tuple[str, ...] = ()
    form_senders: tuple[str, ...] = ()
    templates: Path | None = None
    signature: str = ""
    authserv_id: str | None = None
    subject_prefix: str = "Re: "
    vacation: Vacation | None = None


@dataclass(frozen=True)
class RemindersConfig:
    lead: timedelta = timedelta(minutes=10)
    email_fallback: bool = True
    alarm_before: timedelta = timedelta(minutes=10)


@dataclass(frozen=True)
class ReportConfig:
    response_promise: timedelta = timedelta(hours=24)  # business hours
    key_response_promise: timedelta = timedelta(hours=4)


@dataclass(frozen=True)
class Config:
    path: Path | None
    account: AccountConfig
    owner_name: str
    owner_addresses: frozenset[str]
    owner_address: str  # the first of owner.addresses: what acknowledgments are sent from
    inbox: str
    sent: str  # "auto" or a folder name
    hours: HoursConfig
    ignore: tuple[str, ...]
    new_conversation_after_days: int
    database: Path
    language: str
    smtp: SmtpConfig = field(default_factory=SmtpConfig)
    ack: AckConfig = field(default_factory=AckConfig)
    reminders: RemindersConfig = field(default_factory=RemindersConfig)
    report: ReportConfig = field(default_factory=ReportConfig)
    warnings: tuple[str, ...] = ()

    @property
    def uses_imap(self) -> bool:
        return self.account.maildir is None and self.account.mbox is None


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
    ok = isinstance(v, int | float) and not isinstance(v, bool) and 0 < v <= 100_000
    return None if ok else "a positive number (at most 100000)"


def _is_country(v: Any) -> str | None:
    if v == "":
        return None
    import holidays  # imported lazily: only validation and schedule need it

    ok = isinstance(v, str) and v.upper() in holidays.list_supported_countries()
    return None if ok else 'a country code like "FI" (or "" for no public holidays)'


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


DURATION = re.compile(r"^\s*(\d+)\s*(d|h|m|min|s)\s*$")
UNITS = {"d": 86400, "h": 3600, "m": 60, "min": 60, "s": 1}
MAX_DURATION_SECONDS = 3650 * 86400  # ten years: anything longer is a typo


def parse_duration(text: str) -> timedelta:
    """ "2h", "60m", "1d", "30 min" → timedelta; ValueError otherwise."""
    match = DURATION.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(text)
    seconds = int(match.group(1)) * UNITS[match.group(2)]
    if seconds > MAX_DURATION_SECONDS:
        raise ValueError(text)
    return timedelta(seconds=seconds)


def _is_duration(v: Any) -> str | None:
    try:
        parse_duration(v)
    except ValueError:
        return 'a duration like "2h", "60m" or "1d" (at most 3650 days)'
    return None


def _is_clock_list(v: Any) -> str | None:
    ok = isinstance(v, list) and v and all(_is_clock(x) is None for x in v)
    return None if ok else 'a list of clock times like ["10:00", "15:00"]'


def _is_date(v: Any) -> str | None:
    if isinstance(v, datetime):
        return "a date like 2026-12-01, without a time"
    if isinstance(v, date) or v == "":
        return None
    try:
        date.fromisoformat(v)
    except (TypeError, ValueError):
        return "a date like 2026-12-01"
    return None


def _is_database(v: Any) -> str | None:
    if isinstance(v, str) and v.strip():
        return None
    return 'the path of the database file, e.g. "~/vasteaika/vasteaika.db", or "auto" (the default)'


# How to reach and log in to a server: the same keys for [account] (IMAP) and [smtp].
CONNECTION: dict[str, tuple[Checker, Any]] = {
    "security": (_one_of(*SECURITY), "ssl"),
    "username": (_is_str, ""),
    "password_command": (_is_str_list, []),
    "keyring": (_is_bool, False),
    "ca_file": (_is_str, None),
    "timeout": (_is_positive, 30),
}

SPEC: dict[str, dict[str, tuple[Checker, Any]]] = {
    "account": {
        "imap_host": (_is_str, ""),
        "imap_port": (_is_port, 993),
        **CONNECTION,
        "maildir": (_is_str, None),
        "mbox": (_is_str, None),
        "auth": (_one_of("password", "oauth2"), "password"),
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
        "holidays": (_is_country, "FI"),
    },
    "customers": {
        "ignore": (_is_str_list, []),
        "new_conversation_after_days": (_is_positive, 14),
    },
    "storage": {"database": (_is_database, "auto")},
    "smtp": {
        "host": (_is_str, ""),
        "port": (_is_port, 465),
        **CONNECTION,
        "envelope_from": (_is_str, ""),
        "login": (_is_bool, True),
    },
    "ack": {
        "mode": (_one_of("send", "draft", "off"), None),  # default: send when [smtp] is set
        "max_age": (_is_duration, "2h"),
        "once_per_days": (_is_positive, 7),
        "callback_times": (_is_clock_list, ["10:00", "15:00"]),
        "lead": (_is_duration, "60m"),
        "key_lead": (_is_duration, "30m"),
        "language": (_one_of("fi", "en"), None),
        "save_to_sent": (_is_bool, True),
        "key_customers": (_is_str_list, []),
        "form_senders": (_is_str_list, []),
        "templates": (_is_str, None),
        "signature": (_is_str, None),
        "authserv_id": (_is_str, None),
        "subject_prefix": (_is_str, "Re: "),
        "vacation_from": (_is_date, ""),
        "vacation_until": (_is_date, ""),
        "vacation_substitute": (_is_str, ""),
    },
    "report": {
        "response_promise_hours": (_is_positive, 24),
        "key_response_promise_hours": (_is_positive, 4),
    },
    "reminders": {
        "lead": (_is_duration, "10m"),
        "email_fallback": (_is_bool, True),
        "alarm_before": (_is_duration, "10m"),
    },
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
    base = path.parent if path else Path.cwd()
    problems += _template_problems(values["ack"]["templates"], base)
    if problems:
        detail = "; ".join(problems)
        raise ConfigError(
            f"{where}: {len(problems)} problem(s): {detail}",
            "fix these keys (examples/config.toml documents every key)",
            problems=problems,
        )
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
    clocks_ok = _is_clock(hours["start"]) is None and _is_clock(hours["end"]) is None
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


def _template_problems(folder: Any, base: Path) -> list[str]:
    """The owner's own templates are checked now, not when the first customer writes."""
    if not isinstance(folder, str) or not folder:
        return []
    directory = _resolve(folder, base)
    if directory is None or not directory.is_dir():
        return [f"ack.templates: {directory} is not a folder"]
    problems = []
    for name in ("ack", "key", "vacation"):
        for lang in ("fi", "en"):
            file = directory / f"{name}_{lang}.txt"
            if not file.is_file():
                continue
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(f"ack.templates: cannot read {file}: {exc}")
                continue
            problems += [f"{file}: {p}" for p in validate_template(text, name=name)]
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
        mbox=_resolve(acc["mbox"], base),
        auth=acc["auth"],
    )
    h = v["hours"]
    hours = HoursConfig(
        timezone=ZoneInfo(h["timezone"]),
        workdays=frozenset(WEEKDAYS.index(d) for d in h["workdays"]),
        start=time.fromisoformat(h["start"]),
        end=time.fromisoformat(h["end"]),
        holidays=(h["holidays"] or "").upper() or None,
    )
    db = v["storage"]["database"]
    owner = frozenset(a.strip().lower() for a in v["owner"]["addresses"])
    return Config(
        path=path,
        account=account,
        owner_name=v["owner"]["name"],
        owner_addresses=owner,
        owner_address=v["owner"]["addresses"][0].strip().lower(),
        inbox=v["folders"]["inbox"],
        sent=v["folders"]["sent"],
        hours=hours,
        ignore=tuple(x.strip().lower() for x in v["customers"]["ignore"]),
        new_conversation_after_days=int(v["customers"]["new_conversation_after_days"]),
        database=default_database_path() if db == "auto" else _resolve(db, base) or Path(db),
        language=v["owner"]["language"],
        smtp=_build_smtp(v["smtp"], base),
        ack=_build_ack(v["ack"], v["owner"], base),
        reminders=RemindersConfig(
            lead=parse_duration(v["reminders"]["lead"]),
            email_fallback=v["reminders"]["email_fallback"],
            alarm_before=parse_duration(v["reminders"]["alarm_before"]),
        ),
        report=ReportConfig(
            response_promise=timedelta(hours=v["report"]["response_promise_hours"]),
            key_response_promise=timedelta(hours=v["report"]["key_response_promise_hours"]),
        ),
        warnings=tuple(warns),
    )


def _build_smtp(s: dict[str, Any], base: Path) -> SmtpConfig:
    return SmtpConfig(
        host=s["host"],
        port=s["port"],
        security=s["security"],
        username=s["username"],
        password_command=tuple(s["password_command"]),
        keyring=s["keyring"],
        ca_file=_resolve(s["ca_file"], base),
        timeout=float(s["timeout"]),
        envelope_from=s["envelope_from"],
        login=s["login"],
    )


def _build_ack(a: dict[str, Any], owner: dict[str, Any], base: Path) -> AckConfig:
    vacation = None
    if a["vacation_from"]:
        vacation = Vacation(
            _as_date(a["vacation_from"]), _as_date(a["vacation_until"]), a["vacation_substitute"]
        )
    return AckConfig(
        mode=a["mode"],
        max_age=parse_duration(a["max_age"]),
        once_per_days=int(a["once_per_days"]),
        callback_times=tuple(sorted(time.fromisoformat(t) for t in a["callback_times"])),
        lead=parse_duration(a["lead"]),
        key_lead=parse_duration(a["key_lead"]),
        language=a["language"] or owner["language"],
        save_to_sent=a["save_to_sent"],
        key_customers=tuple(x.strip().lower() for x in a["key_customers"]),
        form_senders=tuple(x.strip().lower() for x in a["form_senders"]),
        templates=_resolve(a["templates"], base),
        signature=a["signature"] if a["signature"] is not None else owner["name"],
        authserv_id=a["authserv_id"] or None,
        subject_prefix=a["subject_prefix"],
        vacation=vacation,
    )


def _as_date(v: str | date) -> date:
    return v if isinstance(v, date) else date.fromisoformat(v)


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

        try:
            secret = keyring.get_password(APP, account.username)
        except keyring.errors.KeyringError as exc:
            raise ConfigError(
                f"account.keyring: no usable keyring here ({exc})",
                "use password_command or $VASTEAIKA_PASSWORD (cron has no desktop keyring)",
            ) from None
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
    except OSError as exc:
        raise ConfigError(
            f"account.password_command: cannot run {name!r} ({exc.strerror})",
            "check that it is a program you may run",
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
