"""The mail password, fetched on demand and never stored: a command, the keyring or the
environment.

Apart from the rest of the config because it runs programs (``password_command``) and talks to
the desktop keyring; nothing else in the config does I/O beyond reading files.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping

from vasteaika.catalogue import fault
from vasteaika.config.paths import APP
from vasteaika.config.records import AccountConfig, CalendarConfig
from vasteaika.errors import AuthenticationError, ConfigError

PASSWORD_COMMAND_TIMEOUT = 30.0
PASSWORD_ENV = "VASTEAIKA_PASSWORD"


def get_password(
    account: AccountConfig,
    env: Mapping[str, str] | None = None,
    section: str = "account",
    *,
    env_first: bool = True,
) -> str:
    """The mail password: $VASTEAIKA_PASSWORD when it is set (so it beats a password_command
    left in the file), else password_command, else the keyring. Never stored. ``env_first``
    is False for a source with credentials of its own (the calendar's, [smtp]'s), whose own
    command must not be overruled by the mail password. ``section``: whose keys these are, for
    the messages."""
    env = os.environ if env is None else env
    if env_first and env.get(PASSWORD_ENV):
        return env[PASSWORD_ENV]
    if account.password_command:
        return _run_password_command(account.password_command, f"{section}.password_command")
    if account.keyring:
        import keyring  # imported lazily: a slow import, and only some users need it

        try:
            secret = keyring.get_password(APP, account.username)
        except keyring.errors.KeyringError as exc:
            raise fault(ConfigError, "password.no_keyring", section=section,
                        kind=type(exc).__name__) from None  # fmt: skip
        if secret:
            return str(secret)
        raise fault(AuthenticationError, "password.not_in_keyring", user=account.username)
    if env.get(PASSWORD_ENV):
        return env[PASSWORD_ENV]
    raise fault(ConfigError, "password.no_way")


def store_password(username: str, secret: str) -> str:
    """Put the mail password into the system keyring (service "vasteaika", the username as the
    key: where ``keyring = true`` reads it); returns the keyring's name. This is what
    'vasteaika password set' does, since the ``keyring`` program is not on PATH after a pipx
    or uv install."""
    import keyring

    try:
        keyring.set_password(APP, username, secret)
    except keyring.errors.KeyringError as exc:
        raise fault(ConfigError, "password.cannot_store",
                    reason=str(exc or type(exc).__name__)) from None  # fmt: skip
    backend = keyring.get_keyring()
    return str(getattr(backend, "name", type(backend).__name__))


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
        return get_password(creds, env, "calendar", env_first=False)
    if env.get(CALENDAR_PASSWORD_ENV):
        return env[CALENDAR_PASSWORD_ENV]
    raise fault(ConfigError, "password.no_calendar", env=CALENDAR_PASSWORD_ENV)


def _run_password_command(argv: tuple[str, ...], key: str) -> str:
    """Its arguments and output are never shown: a password is often among them (``echo``)."""
    if any(c.isspace() for c in argv[0]):
        raise fault(ConfigError, "password.not_a_program", key=key)
    try:
        done = subprocess.run(
            list(argv),
            capture_output=True,
            text=True,
            timeout=PASSWORD_COMMAND_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise fault(ConfigError, "password.not_found", key=key) from None
    except OSError as exc:
        raise fault(ConfigError, "password.cannot_run", key=key, reason=exc.strerror) from None
    except subprocess.TimeoutExpired:
        raise fault(ConfigError, "password.slow", key=key,
                    seconds=PASSWORD_COMMAND_TIMEOUT) from None  # fmt: skip
    if done.returncode != 0:
        raise fault(ConfigError, "password.failed", key=key, code=done.returncode)
    secret = done.stdout.split("\n", 1)[0]
    if not secret:
        raise fault(ConfigError, "password.nothing", key=key)
    return secret
