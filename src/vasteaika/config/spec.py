"""SPEC: every config key, section → key → (checker, default). The one place a key is named.

A data table apart from the logic that reads it (``load``); examples/config.toml documents
every key in it (tests/test_config.py holds the two together).
"""

from __future__ import annotations

from typing import Any

from vasteaika.config.checks import (
    SECURITY,
    Checker,
    is_bool,
    is_calendar_url,
    is_clock,
    is_clock_list,
    is_count,
    is_country,
    is_database,
    is_date,
    is_domain_list,
    is_duration,
    is_port,
    is_positive,
    is_str,
    is_str_list,
    is_timezone,
    is_weekdays,
    one_of,
)
from vasteaika.template_spec import LANGUAGES

# How to reach and log in to a server: the same keys for [account] (IMAP) and [smtp].
CONNECTION: dict[str, tuple[Checker, Any]] = {
    "security": (one_of(*SECURITY), "ssl"),
    "username": (is_str, ""),
    "password_command": (is_str_list, []),
    "keyring": (is_bool, False),
    "ca_file": (is_str, None),
    "timeout": (is_positive, 30),
}

SPEC: dict[str, dict[str, tuple[Checker, Any]]] = {
    "account": {
        "imap_host": (is_str, ""),
        "imap_port": (is_port, 993),
        **CONNECTION,
        "maildir": (is_str, None),
        "mbox": (is_str, None),
        "auth": (one_of("password", "oauth2"), "password"),
    },
    "owner": {
        "name": (is_str, ""),
        "addresses": (is_str_list, []),
        "language": (one_of("fi", "en"), "fi"),
    },
    "folders": {"inbox": (is_str, "INBOX"), "sent": (is_str, "auto")},
    "hours": {
        "timezone": (is_timezone, "Europe/Helsinki"),
        "workdays": (is_weekdays, ["mon", "tue", "wed", "thu", "fri"]),
        "start": (is_clock, "08:00"),
        "end": (is_clock, "16:00"),
        "holidays": (is_country, "FI"),
    },
    "customers": {
        "ignore": (is_str_list, []),
        "companies": (is_domain_list, []),
        "new_conversation_after_days": (is_positive, 14),
    },
    "storage": {"database": (is_database, "auto")},
    "smtp": {
        "host": (is_str, ""),
        "port": (is_port, 465),
        **CONNECTION,
        "envelope_from": (is_str, ""),
        "login": (is_bool, True),
    },
    "ack": {
        "mode": (one_of("send", "draft", "off"), None),  # default: send when [smtp] is set
        "max_age": (is_duration, "2h"),
        "once_per_days": (is_positive, 7),
        "callback_times": (is_clock_list, ["10:00", "15:00"]),
        "lead": (is_duration, "60m"),
        "calls_per_slot": (is_count, 3),
        "key_lead": (is_duration, "30m"),
        "language": (one_of(*LANGUAGES), None),  # the ack's default: fi, sv or en
        "save_to_sent": (is_bool, True),
        "key_customers": (is_str_list, []),
        "form_senders": (is_str_list, []),
        "templates": (is_str, None),
        "signature": (is_str, None),
        "authserv_id": (is_str, "auto"),
        "subject_prefix": (is_str, "Re: "),
        "vacation_from": (is_date, ""),
        "vacation_until": (is_date, ""),
        "vacation_substitute": (is_str, ""),
    },
    "report": {
        "response_promise_hours": (is_positive, 24),
        "key_response_promise_hours": (is_positive, 4),
    },
    "reminders": {
        "lead": (is_duration, "10m"),
        "email_fallback": (is_bool, True),
        "alarm_before": (is_duration, "10m"),
    },
    "calendar": {
        "url": (is_calendar_url, ""),  # "": no calendar
        "username": (is_str, ""),
        "password_command": (is_str_list, []),
        "keyring": (is_bool, False),
        "ca_file": (is_str, None),
        "timeout": (is_positive, 30),
        "auth": (one_of("password", "oauth2"), "password"),
        "alarm": (is_duration, "10m"),
    },
}

REQUIRED = (("owner", "addresses"),)

# Keys whose value may be or carry a secret (a password in a command's arguments, a login, a
# calendar address with user:password@ in it): a problem with one names its type, never its value.
SECRET_KEYS: frozenset[tuple[str, str]] = frozenset(
    {(section, key) for section in ("account", "smtp", "calendar")
     for key in ("password_command", "keyring", "username")} | {("calendar", "url")}
)  # fmt: skip
