"""The error hierarchy. Each error carries a user-facing message, a hint and a sysexits code.

The CLI turns any VasteaikaError into one line on stderr: ``vasteaika: <message> — <hint>``.
An error made from the message catalogue (``catalogue.fault``) also carries its ``key`` and
``values``, so the command line can say it again in the owner's language.
"""

from __future__ import annotations

from collections.abc import Mapping


class VasteaikaError(Exception):
    """Base class: something the user can understand and usually fix."""

    exit_code = 70  # EX_SOFTWARE

    def __init__(
        self,
        message: str,
        hint: str = "",
        *,
        key: str | None = None,
        values: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.key = key
        self.values: Mapping[str, object] = values or {}

    def line(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


class UsageError(VasteaikaError):
    exit_code = 2


class DataError(VasteaikaError):
    """Bad input data: a template, a date, a message that cannot be used."""

    exit_code = 65  # EX_DATAERR


class ParseError(DataError):
    """A mail from which no sender or no date can be read at all."""


class UnreachableError(VasteaikaError):
    """The server cannot be reached: unknown host, refused connection, TLS failure."""

    exit_code = 69  # EX_UNAVAILABLE


class StorageError(VasteaikaError):
    """The local database or a local file cannot be read or written."""

    exit_code = 74  # EX_IOERR


class TemporaryError(VasteaikaError):
    """Try again later: a timeout, a dropped connection, another run holding the lock."""

    exit_code = 75  # EX_TEMPFAIL


class AuthenticationError(VasteaikaError):
    exit_code = 77  # EX_NOPERM


class ConfigError(VasteaikaError):
    exit_code = 78  # EX_CONFIG
    # The language a config file asks for, when its problems are found after it was read and
    # that value is one vasteaika speaks: its line is said in it (else English).
    language: str | None = None

    def __init__(
        self,
        message: str,
        hint: str = "",
        problems: list[str] | None = None,
        *,
        key: str | None = None,
        values: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, hint, key=key, values=values)
        self.problems = problems or []
