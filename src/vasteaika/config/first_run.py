"""The config that `vasteaika init` writes from the owner's answers on a terminal: a short file
with their own name, addresses, servers, password source and acknowledgment mode, and nothing of
the example person. Every other key keeps its default (``vasteaika init --print`` shows them).

Apart from the prompting (cli/setup.py) so that the file it writes is checked as data: it must
load without a problem, or nothing is written.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from vasteaika.config.load import config_from_dict
from vasteaika.config.records import Config

# The servers of the common providers; any other domain gets imap.<domain> / smtp.<domain>.
PROVIDERS = {
    "gmail.com": ("imap.gmail.com", "smtp.gmail.com"),
    "googlemail.com": ("imap.gmail.com", "smtp.gmail.com"),
    "fastmail.com": ("imap.fastmail.com", "smtp.fastmail.com"),
    "icloud.com": ("imap.mail.me.com", "smtp.mail.me.com"),
    "outlook.com": ("outlook.office365.com", "smtp.office365.com"),
    "hotmail.com": ("outlook.office365.com", "smtp.office365.com"),
}
# Providers that keep a copy of sent mail themselves and refuse the empty envelope sender.
OWN_SENT_COPY = ("smtp.gmail.com",)


@dataclass(frozen=True)
class FirstRunAnswers:
    language: str  # fi | en
    name: str
    addresses: tuple[str, ...]
    imap_host: str
    username: str
    password: str  # keyring | command | env
    password_command: tuple[str, ...]
    signature: str
    ack_mode: str  # send | draft
    smtp_host: str


def guess_servers(address: str) -> tuple[str, str]:
    """The IMAP and SMTP host to offer for an address."""
    domain = address.rpartition("@")[2].strip().lower()
    return PROVIDERS.get(domain, (f"imap.{domain}", f"smtp.{domain}"))


def _s(value: str) -> str:
    """A TOML basic string (JSON's string escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _list(values: Sequence[str]) -> str:
    return "[" + ", ".join(_s(v) for v in values) + "]"


def first_run_text(a: FirstRunAnswers) -> str:
    """The config file for these answers."""
    password = {
        "keyring": "keyring = true                 # stored by 'vasteaika password set'",
        "command": f"password_command = {_list(a.password_command)}",
        "env": "# the password comes from $VASTEAIKA_PASSWORD",
    }[a.password]
    lines = [
        "# vasteaika configuration, written by 'vasteaika init'.",
        "# Every other key, with what it means: vasteaika init --print",
        "",
        "[account]",
        f"imap_host = {_s(a.imap_host)}",
        'security = "ssl"',
        "imap_port = 993",
        f"username = {_s(a.username)}",
        password,
        "",
        "[owner]",
        f"name = {_s(a.name)}",
        f"addresses = {_list(a.addresses)}",
        f"language = {_s(a.language)}",
        "",
    ]
    if a.ack_mode == "send":
        own_copy = a.smtp_host in OWN_SENT_COPY
        lines += [
            "[smtp]",
            f"host = {_s(a.smtp_host)}",
            "port = 465",
            'security = "ssl"',
            f"envelope_from = {_s(a.addresses[0] if own_copy else '')}",
            "",
        ]
    lines += [
        "[ack]",
        f"mode = {_s(a.ack_mode)}                # send | draft (into Drafts, you send it) | off",
        f"language = {_s(a.language)}",
        f"signature = {_s(a.signature)}",
    ]
    if a.ack_mode == "send" and a.smtp_host in OWN_SENT_COPY:
        lines.append("save_to_sent = false           # the provider keeps the copy itself")
    return "\n".join(lines) + "\n"


def checked_config(text: str, path: Path) -> Config:
    """The config the text makes (ConfigError naming every problem): nothing unloadable is
    written."""
    return config_from_dict(tomllib.loads(text), path)
