"""What one command works with: the config, the ledger, the mailbox, the ways out (SMTP, Drafts,
the desktop) and the clock, built once per command and only when the command asks for them.

run() makes one CommandContext per invocation and hands it to click as the context object; the
global options fill in --config and --debug; a command takes it with ``current(ctx)``. Nothing
is opened ahead: 'vasteaika init' reads no config, 'status' connects to no server, and the SMTP
password is asked for only when a mail is due. It is apart from root (the app and its error
handler) so that every command module depends on it and on the app, and on no other command.

The builders below are module functions, looked up when called: the seam tests replace.

Environment knob (servers, tests): VASTEAIKA_RUN_USER_DIR replaces /run/user when looking for
the user's session bus.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from vasteaika.cli import output as render
from vasteaika.clock import FIRST_YEAR, LAST_YEAR, in_reach, system_clock
from vasteaika.errors import UsageError
from vasteaika.terminal import printable

if TYPE_CHECKING:  # the builders import their parts when called: a command pays for its own
    from email.message import EmailMessage

    import typer

    from vasteaika.acks.outbox import Deliver
    from vasteaika.config import CalendarConfig, Config
    from vasteaika.ledger.store import Store
    from vasteaika.mail.smtp import Sender, SmtpSender
    from vasteaika.mail.source import MailSource
    from vasteaika.reminders.caldav_client import CalDavCalendar, CalendarServer
    from vasteaika.reminders.notify import DesktopNotifier, Notifier

RUN_USER_ENV = "VASTEAIKA_RUN_USER_DIR"


@dataclass
class CommandContext:
    """The parts of one command; each is built on first use and kept for the command's run."""

    config_path: Path | None = None
    debug: bool = False
    database: Path | None = None  # named in the message when SQLite fails mid-command
    now_text: str | None = None  # --now: a pretended moment (the demo, trying things out)
    command: str = ""  # the command's name, for `status`: which command met a problem
    keeps_health: bool = True  # a dry run writes nothing, not even the health record

    @cached_property
    def config(self) -> Config:
        from vasteaika.config import load_config

        config = load_config(self.config_path)
        self.database = config.database
        for warning in config.warnings:
            render.err_console.print(render.text(config.language, "warning", text=warning),
                                     soft_wrap=True)  # fmt: skip
        return config

    @property
    def language(self) -> str:
        """The owner's language once the config has been read; English before (or without)."""
        config: Config | None = self.__dict__.get("config")
        return config.language if config is not None else "en"

    def owner_language(self) -> str:
        """The owner's language, reading the config for it; English when there is none or it
        cannot be read (for the commands that work without a config)."""
        from vasteaika.errors import VasteaikaError

        try:
            return self.config.language
        except VasteaikaError:
            return "en"

    @cached_property
    def store(self) -> Store:
        return open_store(self.config)

    def now(self) -> datetime:
        return self.pretended_now if self.now_text is not None else system_clock()

    @property
    def pretending(self) -> bool:
        """--now was given: nothing may leave this computer at a moment that is not now."""
        return self.now_text is not None

    @cached_property
    def pretended_now(self) -> datetime:
        text = self.now_text or ""
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise UsageError(
                f"--now {text!r} is not a time", "write it as 2026-11-23T08:05 (or with +02:00)"
            ) from None
        return one_moment(moment, text, self.config.hours.timezone, "--now")

    def refuse_pretending(self, command: str) -> None:
        """Commands that send or notify run only at the real time."""
        if self.pretending:
            raise UsageError(
                f"'{command}' does not run at a pretended time (--now)",
                "leave --now out; check at --now reads and shows but sends nothing",
            )

    def mail_source(self) -> MailSource:
        """A new connection to the mailbox each call (watch reconnects); the caller closes it."""
        return open_source(self.config)

    def deliver(self, source: MailSource) -> Deliver:
        return ack_delivery(self.config, source)

    @cached_property
    def notifier(self) -> Notifier:
        return desktop_notifier()

    @cached_property
    def mailer(self) -> Sender | None:
        return owner_mailer(self.config)

    def reminder_channels(self) -> tuple[Notifier, Sender | None]:
        return reminder_channels(self.config)

    def calendar(self) -> Callable[[], CalendarServer] | None:
        """Connects to the owner's calendar when called; None without [calendar]."""
        config = self.config.calendar
        return (lambda: open_calendar(config)) if config.enabled else None

    def sync_calendar(self) -> None:
        """After a change made by hand (done, snooze): bring the calendar in step now; when the
        server cannot be reached, say so (the write waits for the next run)."""
        connect = self.calendar()
        if connect is None or self.pretending:
            return
        from vasteaika.catalogue import error_line
        from vasteaika.reminders.calendar_sync import sync_calendar

        result = sync_calendar(self.config, self.store, self.now(), connect)
        if result.error is not None:
            render.err_console.print(
                printable(render.text(self.config.language, "calendar_not_updated",
                                      error=error_line(result.error, self.config.language))),
                soft_wrap=True, highlight=False, markup=False,
            )  # fmt: skip


def current(ctx: typer.Context) -> CommandContext:
    """The context run() made for this command (a fresh one under typer's test runner)."""
    return ctx.ensure_object(CommandContext)


def open_store(config: Config) -> Store:
    from vasteaika.ledger.store import open_database

    store = open_database(config.database)
    if store.started_empty:
        print(
            printable(render.text(config.language, "database_was_empty", path=config.database)),
            file=sys.stderr,
        )
    return store


def open_source(config: Config) -> MailSource:
    """The mailbox the config points at: a local Maildir or mbox folder, else the IMAP account."""
    if config.account.mbox is not None:
        from vasteaika.mail.mbox import MboxSource

        state = config.database.with_name(config.database.name + ".mbox-state.json")
        return MboxSource(config.account.mbox, state, system_clock)
    if config.account.maildir is not None:
        from vasteaika.mail.local import MaildirSource

        return MaildirSource(config.account.maildir)
    from vasteaika.config import get_password
    from vasteaika.mail.imap import ImapSettings, connect_imap

    acc = config.account
    settings = ImapSettings(
        acc.imap_host,
        acc.imap_port,
        acc.security,  # type: ignore[arg-type]
        acc.username,
        acc.ca_file,
        acc.timeout,
        acc.auth,  # type: ignore[arg-type]
    )
    return connect_imap(settings, get_password(acc))


def ack_delivery(config: Config, source: MailSource) -> Deliver:
    """Acknowledgments go by SMTP (connecting and asking for the password only when one is due),
    or into Drafts; a copy is kept in Sent when ack.save_to_sent."""
    from vasteaika.acks.outbox import draft_or_send
    from vasteaika.config import refuse_example

    sender: SmtpSender | None = None

    def send(msg: EmailMessage, recipient: str) -> None:
        nonlocal sender
        if sender is None:
            sender = smtp_sender(config)
        sender.send(msg, recipient)

    class _Lazy:
        def send(self, msg: EmailMessage, recipient: str) -> None:
            send(msg, recipient)

    append = getattr(source, "append_message", None)
    deliver = draft_or_send(_Lazy(), append, config.ack.mode, config.ack.save_to_sent)

    def guarded(msg: EmailMessage, recipient: str) -> None:
        refuse_example(config)  # never signed "Ylermi Yrittäjä": certainly not sent, exit 78
        deliver(msg, recipient)

    return guarded


def smtp_sender(config: Config) -> SmtpSender:
    from vasteaika.config import AccountConfig, get_password
    from vasteaika.mail.smtp import SmtpSender, SmtpSettings

    s, acc = config.smtp, config.account
    settings = SmtpSettings(
        host=s.host,
        port=s.port,
        security=s.security,  # type: ignore[arg-type]
        username=(s.username or acc.username or None) if s.login else None,
        ca_file=s.ca_file,
        timeout=s.timeout,
        envelope_from=s.envelope_from,
        oauth2=acc.auth == "oauth2" and not (s.password_command or s.keyring),
    )
    own = bool(s.password_command or s.keyring)  # [smtp]'s own: not overruled by the mail's
    creds = AccountConfig(username=settings.username or "", password_command=s.password_command,
                          keyring=s.keyring) if own else acc  # fmt: skip
    section = "smtp" if own else "account"
    password = (
        get_password(creds, None, section, env_first=not own) if settings.username else None
    )
    return SmtpSender(settings, password)


def desktop_notifier() -> DesktopNotifier:
    """The notifier for this user; $VASTEAIKA_RUN_USER_DIR replaces /run/user (servers, tests)."""
    from vasteaika.reminders.notify import DesktopNotifier

    return DesktopNotifier(run_user=run_user_dir())


def run_user_dir() -> Path:
    return Path(os.environ.get(RUN_USER_ENV) or "/run/user")


def owner_mailer(config: Config) -> Sender | None:
    """SMTP for email reminders, connecting (and asking for a password) only when one is sent."""
    if not config.smtp.host:
        return None

    class _Lazy:
        sender: Sender | None = None

        def send(self, msg: EmailMessage, recipient: str) -> None:
            from vasteaika.config import refuse_example

            refuse_example(config)  # the example's addresses are someone else's
            if self.sender is None:
                self.sender = smtp_sender(config)
            self.sender.send(msg, recipient)

    return _Lazy()


def open_calendar(config: CalendarConfig) -> CalDavCalendar:
    from vasteaika.config import get_calendar_password
    from vasteaika.reminders.caldav_client import CalDavCalendar

    return CalDavCalendar(config, get_calendar_password(config))


def reminder_channels(config: Config) -> tuple[Notifier, Sender | None]:
    """How check and watch deliver a due reminder: the desktop, else mail to the owner."""
    return desktop_notifier(), owner_mailer(config)


def within_reach(day: date, text: str, option: str) -> None:
    """A date the owner gave (``text`` for ``option``) is refused with one usage line when it
    lies outside the years the program computes in (``clock.in_reach``)."""
    if not in_reach(day):
        raise UsageError(f"{option} {text!r} is out of range",
                         f"give a date between the years {FIRST_YEAR} and {LAST_YEAR}")  # fmt: skip


def one_moment(moment: datetime, text: str, zone: tzinfo, option: str) -> datetime:
    """``moment`` as read from ``text`` (an option's ISO time), in ``zone`` when it gave no
    offset. Never a guess: a day without a time, or a wall-clock time that the clocks skip or
    repeat there, is refused."""
    hint = "write it as 2026-11-23T08:05 (or with +02:00)"
    if not re.search(r"\d[T ]\d", text):  # a day alone: never a guessed midnight
        raise UsageError(f"{option} {text!r} has no time of day", hint)
    within_reach(moment.date(), text, option)
    if moment.tzinfo:
        return moment
    local = moment.replace(tzinfo=zone)
    gap = local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != moment
    if gap or local.utcoffset() != local.replace(fold=1).utcoffset():
        raise UsageError(
            f"{option} {text!r} is not one moment in {zone} (the clocks are turned then)",
            "give its offset, like 2026-03-29T04:30+03:00",
        )
    return local
