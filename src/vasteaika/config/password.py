"""The mail password, fetched on demand and never stored: a command, the keyring or the
environment.

Apart from the rest of the config because it runs programs (``password_command``) and talks to
the desktop keyring; nothing else in the config does I/O beyond reading files.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping

from vasteaika.config.paths import APP
from vasteaika.config.records import AccountConfig, CalendarConfig
from vasteaika.errors import AuthenticationError, ConfigError

PASSWORD_COMMAND_TIMEOUT = 30.0


def get_password(
    account: AccountConfig, env: Mapping[str, str] | None = None, section: str = "account"
) -> str:
    """The IMAP password from password_command, the keyring or $VASTEAIKA_PASSWORD. Never stored.
    ``section``: whose keys these are ([smtp] and [calendar] may have their own), for the
    messages."""
    env = os.environ if env is None else env
    if account.password_command:
        return _run_password_command(account.password_command, f"{section}.password_command")
    if account.keyring:
        import keyring  # imported lazily: a slow import, and only some users need it

        try:
            secret = keyring.get_password(APP, account.username)
        except keyring.errors.KeyringError as exc:
            raise ConfigError(
                f"{section}.keyring: no usable keyring here ({type(exc).__name__})",
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


CALENDAR_PASSWORD_ENV = "VASTEAIKA_CALENDAR_PASSWORD"


def get_calendar_password(
    calendar: CalendarConfig, env: Mapping[str, str] | None = None
) -> str:
    """The CalDAV password (or OAuth token) from [calendar]'s own password_command or keyring,
    else $VASTEAIKA_CALENDAR_PASSWORD, the same sources as [account]'s. Never stored."""
    env = os.environ if env is None else env
    if calendar.password_command or calendar.keyring:
        creds = AccountConfig(username=calendar.username, keyring=calendar.keyring,
                              password_command=calendar.password_command)  # fmt: skip
        return get_password(creds, env, "calendar")
    if env.get(CALENDAR_PASSWORD_ENV):
        return env[CALENDAR_PASSWORD_ENV]
    raise ConfigError(
        "no way to get the calendar password",
        f"set calendar.password_command, calendar.keyring = true, or ${CALENDAR_PASSWORD_ENV}",
    )


def _run_password_command(argv: tuple[str, ...], key: str) -> str:
    """Its arguments and output are never shown: a password is often among them (``echo``)."""
    if any(c.isspace() for c in argv[0]):
        raise ConfigError(
            f"{key}: its first item is not a program name (it has spaces in it)",
            'write the command as a list of its words, like ["pass", "show", "mail"]',
        )
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
            f"{key}: its program (the list's first item) was not found",
            "install it, or give its full path",
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"{key}: cannot run its program, the list's first item ({exc.strerror})",
            "check that it is a program you may run",
        ) from None
    except subprocess.TimeoutExpired:
        raise ConfigError(
            f"{key} did not finish in {PASSWORD_COMMAND_TIMEOUT:.0f} s",
            "check that it does not wait for input",
        ) from None
    if done.returncode != 0:
        raise ConfigError(
            f"{key} failed with exit code {done.returncode}", "run it by hand to see why"
        )
    secret = done.stdout.split("\n", 1)[0]
    if not secret:
        raise ConfigError(f"{key} printed nothing", "check the command")
    return secret
