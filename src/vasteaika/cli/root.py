"""The command line: parse options, build the real parts, call one library function, render.

Every VasteaikaError ends here as one line on stderr and the exit code its class carries.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import traceback
from datetime import datetime, timedelta, tzinfo
from email.message import EmailMessage
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from vasteaika import __version__
from vasteaika.acks.outbox import Deliver, draft_or_send
from vasteaika.cli import output as render
from vasteaika.clock import system_clock
from vasteaika.config import AccountConfig, Config, default_config_path, get_password, load_config
from vasteaika.errors import StorageError, TemporaryError, UsageError, VasteaikaError
from vasteaika.jobs.cycle import CycleResult, run_cycle
from vasteaika.ledger.database import run_lock, storage_error
from vasteaika.ledger.records import business_hours, conversation_records
from vasteaika.ledger.store import Store, dry_run_copy, from_epoch, open_database
from vasteaika.mail.smtp import Sender, SmtpSender, SmtpSettings
from vasteaika.mail.source import MailSource
from vasteaika.reminders.notify import Notifier
from vasteaika.terminal import json_text, printable, write

app = typer.Typer(
    name="vasteaika",
    help=(
        "React to every customer at once, and see how fast you really answer.\n\n"
        "vasteaika reads your mailbox (read-only), records when each customer first wrote and "
        "when you first answered, and shows who is still waiting.\n\n"
        "Start with 'vasteaika init', edit the file it writes, then run 'vasteaika check'."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class State:
    config_path: Path | None = None
    debug: bool = False
    database: Path | None = None  # named in the message when SQLite fails mid-command


state = State()

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config file (default: $VASTEAIKA_CONFIG, else ~/.config/vasteaika/config.toml).",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vasteaika {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    config: ConfigOption = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
) -> None:
    state.config_path = config
    state.debug = debug


def _load() -> Config:
    config = load_config(state.config_path)
    state.database = config.database
    for warning in config.warnings:
        render.err_console.print(f"vasteaika: warning: {warning}", soft_wrap=True)
    return config


def open_source(config: Config) -> MailSource:
    """The mailbox the config points at: a local Maildir or mbox folder, else the IMAP account."""
    if config.account.mbox is not None:
        from vasteaika.mail.mbox import MboxSource

        state = config.database.with_name(config.database.name + ".mbox-state.json")
        return MboxSource(config.account.mbox, state, system_clock)
    if config.account.maildir is not None:
        from vasteaika.mail.local import MaildirSource

        return MaildirSource(config.account.maildir)
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


def _store(config: Config) -> Store:
    store = open_database(config.database)
    if store.started_empty:
        print(
            printable(
                f"vasteaika: note: the database {config.database} was empty (0 bytes); "
                "a new ledger is started and the mailbox is read again"
            ),
            file=sys.stderr,
        )
    return store


@app.command()
def init(
    path: Annotated[
        Path | None, typer.Argument(help="Where to write (default: the user config dir).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter config file to edit. Never overwrites without --force."""
    target = path or state.config_path or default_config_path()
    if target.exists() and not force:
        raise UsageError(f"{target} already exists", "edit it, or pass --force to overwrite it")
    text = (resources.files("vasteaika") / "starter.toml").read_text(encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    target.write_text(text, encoding="utf-8")
    target.chmod(0o600)
    typer.echo(f"Wrote {target}. Edit it, then run: vasteaika check")


@app.command()
def check(
    json_out: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print nothing unless something is wrong (for cron)."),
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Show which acknowledgments would go, to whom, with which text; "
            "send nothing and change nothing.",
        ),
    ] = False,
) -> None:
    """Read new mail from INBOX and Sent, acknowledge new customers, show who is waiting.

    Safe to run any time, by hand or from cron twice a day: the mailbox is only read (apart from
    the copy of an acknowledgment in Sent), and a second run reads only what is new. An
    acknowledgment goes only to a person who wrote in the last ack.max_age (2 h), never to a
    robot, a list or twice to the same person; 'vasteaika why' tells why a mail got none.
    """
    config = _load()
    now = system_clock()
    with contextlib.nullcontext() if dry_run else run_lock(config.database):
        store = dry_run_copy(config.database) if dry_run else _store(config)
        source = open_source(config)
        try:
            deliver = None if dry_run else _deliver(config, source)
            notifier, mailer = (None, None) if dry_run else _reminder_channels(config)
            with render.progress(not quiet and not json_out) as bar:
                cycle = run_cycle(
                    config, store, source, now, deliver, bar.start, bar.step,
                    notifier=notifier, mailer=mailer,
                )  # fmt: skip
        finally:
            source.close()
    outcome = cycle.acks
    _show_check(config, store, cycle, now, json_out, quiet, dry_run)
    if outcome.error is not None:
        raise outcome.error
    if cycle.reminders is not None and cycle.reminders.failed:
        raise TemporaryError(
            f"{len(cycle.reminders.failed)} reminder(s) could not be delivered",
            "no desktop and no mail: check [smtp]; they stay due for the next run",
        )


def _reminder_channels(config: Config) -> tuple[Notifier, Sender | None]:
    from vasteaika.cli.reminders import desktop_notifier, owner_mailer

    return desktop_notifier(), owner_mailer(config)


@app.command()
def watch(
    poll: Annotated[
        int, typer.Option(help="Seconds between checks where the server has no IMAP IDLE.")
    ] = 60,
) -> None:
    """Stay connected and acknowledge new customers within a minute (IMAP IDLE on INBOX).

    Runs the same job as 'check' whenever new mail arrives, until stopped with Ctrl-C or
    SIGTERM. Reconnects by itself after a dropped connection or a server restart. Start it at
    login with 'vasteaika schedule install --watch' (a systemd user service); 'vasteaika status'
    shows whether it runs. One line per event goes to stderr.
    """
    import signal

    from vasteaika.jobs.watch import Watcher, watcher_lock

    config = _load()
    store = _store(config)
    notifier, mailer = _reminder_channels(config)

    def log(line: str) -> None:
        stamp = system_clock().astimezone(config.hours.timezone).strftime("%Y-%m-%d %H:%M:%S")
        print(printable(f"{stamp} vasteaika watch: {line}"), file=sys.stderr, flush=True)

    watcher = Watcher(
        config, store, lambda: open_source(config), lambda source: _deliver(config, source),
        lambda: run_lock(config.database), system_clock, log, poll_seconds=poll,
        notifier=notifier, mailer=mailer,
    )  # fmt: skip
    signal.signal(signal.SIGTERM, watcher.stop)
    signal.signal(signal.SIGINT, watcher.stop)
    with watcher_lock(config.database):
        log(f"watching {config.inbox} (stop with Ctrl-C)")
        watcher.run()


@app.command()
def status(
    json_out: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
) -> None:
    """Say whether 'vasteaika watch' is running, when it last heard from the server, and the
    last acknowledgment sent."""
    from vasteaika.jobs.watch import last_ack, read_state

    config = _load()
    state, alive = read_state(config.database)
    ack_at, ack_to = last_ack(_store(config))
    data = {
        "watch_running": alive,
        "watch_pid": state.pid if state and alive else None,
        "last_seen_server_at": state.last_seen_server_at if state else None,
        "last_error": state.last_error if state else None,
        "last_ack_at": ack_at.isoformat() if ack_at else None,
        "last_ack_to": ack_to,
    }
    if json_out:
        render.print_json(data)
        return
    tz, lang = config.hours.timezone, config.language

    def shown(iso: object) -> str:
        if not isinstance(iso, str):
            return render.text(lang, "never")
        return render.local(datetime.fromisoformat(iso).astimezone(tz), lang)

    key = "watch_running" if alive else "watch_stopped"
    render.console.print(render.text(lang, key, pid=data["watch_pid"]), highlight=False)
    seen = shown(data["last_seen_server_at"])
    render.console.print(render.text(lang, "last_seen", when=seen), highlight=False)
    if data["last_error"]:
        render.console.print(render.text(lang, "last_problem", what=data["last_error"]),
                             highlight=False)  # fmt: skip
    last = (render.text(lang, "ack_to", when=shown(data["last_ack_at"]), who=ack_to) if ack_at
            else render.text(lang, "none_yet"))  # fmt: skip
    render.console.print(render.text(lang, "last_ack", what=last), highlight=False)


def _deliver(config: Config, source: MailSource) -> Deliver:
    """Acknowledgments go by SMTP (connecting and asking for the password only when one is due),
    or into Drafts; a copy is kept in Sent when ack.save_to_sent."""
    sender: SmtpSender | None = None

    def send(msg: EmailMessage, recipient: str) -> None:
        nonlocal sender
        if sender is None:
            sender = _smtp_sender(config)
        sender.send(msg, recipient)

    class _Lazy:
        def send(self, msg: EmailMessage, recipient: str) -> None:
            send(msg, recipient)

    append = getattr(source, "append_message", None)
    return draft_or_send(_Lazy(), append, config.ack.mode, config.ack.save_to_sent)


def _smtp_sender(config: Config) -> SmtpSender:
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
    if s.password_command or s.keyring:
        creds = AccountConfig(username=settings.username or "", password_command=s.password_command,
                              keyring=s.keyring)  # fmt: skip
    else:
        creds = acc
    password = get_password(creds) if settings.username else None
    return SmtpSender(settings, password)


def _show_check(
    config: Config,
    store: Store,
    cycle: CycleResult,
    now: datetime,
    json_out: bool,
    quiet: bool,
    dry_run: bool,
) -> None:
    result, outcome, fired = cycle.check, cycle.acks, cycle.reminders
    hours = business_hours(config.hours)
    waiting = conversation_records(store, hours, waiting_only=True)
    new = conversation_records(store, hours, run_id=result.run_id)
    acks = outcome.planned if dry_run else outcome.delivered
    if json_out:
        render.print_json(
            {
                "read": result.folders,
                "sent_folder": result.sent_folder,
                "new_conversations": [r.as_json() for r in new],
                "new_replies": result.new_replies,
                "problems": result.problems,
                "dry_run": dry_run,
                "acknowledgments": [render.ack_json(p) for p in acks],
                "ack_error": outcome.error.line() if outcome.error else None,
                "promises_found": cycle.promises_found,
                "reminders_fired": [
                    {
                        "id": f.reminder.id,
                        "customer_email": f.reminder.customer_email,
                        "delivered": f.channel,
                        "detail": f.detail,
                    }
                    for f in (fired.fired if fired else [])
                ],
                "waiting": [
                    dict(
                        r.as_json(), waiting_seconds=int((now - r.first_contact_at).total_seconds())
                    )
                    for r in waiting
                ],
            }
        )
        return
    if quiet:
        return
    local_now, lang = now.astimezone(config.hours.timezone), config.language
    line = render.text(lang, "read", read=sum(result.folders.values()), new=len(new),
                       replies=result.new_replies)  # fmt: skip
    if result.problems:
        line += render.text(lang, "problems", n=result.problems)
    render.console.print(line + ".", highlight=False)
    render.show_acks(acks, dry_run, config.hours.timezone, lang)
    if cycle.promises_found:
        render.console.print(render.text(lang, "promises", n=cycle.promises_found))
    for f in fired.fired if fired else []:
        who = f.reminder.customer_name or f.reminder.customer_email
        render.console.print(
            render.text(
                lang, "reminder", id=f.reminder.id, who=who, channel=f.channel, detail=f.detail
            ),
            highlight=False,
        )
    if waiting:
        render.console.print(render.waiting_table(waiting, local_now, lang))
    else:
        render.console.print(render.text(lang, "nobody"))


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or csv.")] = "json",
    since: Annotated[
        str | None, typer.Option(help="Only conversations from this date on (YYYY-MM-DD).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
) -> None:
    """Export one record per conversation: first contact, first reply, response times.

    Times are ISO 8601 with offset; durations are seconds (business_response_seconds counts only
    your business hours).
    """
    if fmt not in ("json", "csv"):
        raise UsageError(f"unknown format {fmt!r}", "use --format json or --format csv")
    config = _load()
    start = _parse_day(since, config) if since else None
    records = conversation_records(_store(config), business_hours(config.hours), start)
    text = (
        json_text([r.as_json() for r in records]) if fmt == "json" else render.records_csv(records)
    )
    if output:
        _write_output(output, text)
    else:
        write(text)


def _write_output(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror}",
                           "check that the folder exists and is writable") from None  # fmt: skip


def _parse_day(text: str, config: Config) -> datetime:
    try:
        day = datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise UsageError(
            f"{text!r} is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-01"
        ) from None
    return day.replace(tzinfo=config.hours.timezone)


@app.command()
def report(
    week: Annotated[
        str | None, typer.Option(help="An ISO week, e.g. 2026-W47 (default: last full week).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day, inclusive (YYYY-MM-DD).")] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, markdown, html, csv or json.")
    ] = "table",
    lang: Annotated[str | None, typer.Option(help="fi or en (default: owner.language).")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
) -> None:
    """How fast you answered, what still waits, which promises you kept, who went quiet.

    By default the last full week (Monday to Sunday). Examples:

      vasteaika report

      vasteaika report --week 2026-W47 --format html --output viikko47.html

      vasteaika report --since 2026-10-01 --until 2026-10-31 --format csv
    """
    from vasteaika.report.queries import (
        ReportSettings,
        build_report,
        day_range,
        iso_week,
        previous_week,
    )
    from vasteaika.report.render import FORMATS, render_report

    config = _load()
    zone, now = config.hours.timezone, system_clock()
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}", "use one of " + ", ".join(FORMATS))
    if week and (since or until):
        raise UsageError("--week cannot be combined with --since/--until", "use one or the other")
    if week:
        start, end = iso_week(week, zone)
    elif since or until:
        last = _parse_day(until, config).date() if until else now.astimezone(zone).date()
        first = _parse_day(since, config).date() if since else last - timedelta(days=6)
        start, end = day_range(first, last, zone)
    else:
        start, end = previous_week(now, zone)
    settings = ReportSettings(
        hours=business_hours(config.hours),
        key_customers=config.ack.key_customers,
        response_promise=config.report.response_promise,
        key_response_promise=config.report.key_response_promise,
        language=lang or config.language,
    )
    built = build_report(_store(config), settings, start, end, now)
    text = render_report(
        built, fmt, settings.language, color=output is None and sys.stdout.isatty()
    )
    if output:
        _write_output(output, text)
        render.err_console.print(f"Wrote {output}", highlight=False)
    elif fmt == "table":  # drawn by a LiteralConsole: its only escape sequences are its colours
        sys.stdout.write(text)
    else:
        write(text)


@app.command()
def why(
    message_id: Annotated[str, typer.Argument(help="The Message-ID, with or without <>.")],
) -> None:
    """Explain why a message was or was not counted as a customer contact."""
    config = _load()
    store = _store(config)
    mid = message_id.strip().strip("<>")
    rows = store.messages_by_message_id(mid)
    if not rows:
        raise UsageError(
            f"no message with Message-ID <{mid}> has been read",
            "run 'vasteaika check' first, or check the id",
        )
    import json

    tz = config.hours.timezone
    for row in rows:
        at = from_epoch(row["received_at"])
        render.console.print(
            f"<{mid}> in {row['folder']}, from {row['from_email']}, "
            f"received {at.astimezone(tz).isoformat() if at else '?'}",
            highlight=False,
        )
        source = _ARRIVAL_SOURCES.get(row["arrival_source"], "not recorded (an older version)")
        render.console.print(f"  arrival time from: {source}", highlight=False)
        render.console.print(f"  kind: {row['kind']}", highlight=False)
        for reason in json.loads(row["reasons"]):
            render.console.print(f"  because: {reason}", highlight=False)
        conv = store.conversation(row["conversation_id"]) if row["conversation_id"] else None
        if conv:
            role = (
                "opened"
                if conv["first_contact_id"] == row["id"]
                else ("first reply of" if conv["first_reply_id"] == row["id"] else "belongs to")
            )
            render.console.print(
                f"  {role} conversation #{conv['id']} with {conv['customer_email']}: "
                f"{conv['subject']!r}",
                highlight=False,
            )
            if role == "opened":
                _explain_ack(conv, tz)
        else:
            render.console.print("  belongs to no conversation", highlight=False)


_ARRIVAL_SOURCES = {
    "internaldate": "the server's arrival time (IMAP INTERNALDATE)",
    "received": "the topmost Received header (when your mail server delivered it)",
    "date": "the Date header (no usable Received header or arrival time)",
    "file": "the mail file's time (no usable Received or Date header)",
}


def _explain_ack(conv: dict[str, object], tz: tzinfo) -> None:
    """The acknowledgment decision stored with the conversation, and why."""
    import json

    status = conv.get("ack_status")
    if status is None:
        render.console.print(
            "  acknowledgment: not decided yet (ack.mode off, or not checked since)"
        )
        return
    line = f"  acknowledgment: {status}"
    if conv.get("ack_recipient"):
        line += f" to {conv['ack_recipient']}"
    callback = from_epoch(conv.get("callback_at"))  # type: ignore[arg-type]
    if callback:
        line += f", callback promised for {callback.astimezone(tz):%Y-%m-%d %H:%M}"
    render.console.print(line, highlight=False)
    for reason in json.loads(str(conv.get("ack_reasons") or "[]")):
        render.console.print(f"  not acknowledged because: {reason}", highlight=False)


@app.command()
def problems(
    json_out: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
) -> None:
    """List the mail steps that failed: which message (folder, UID), which step (parse,
    classify, thread, promise, phone, ack, reminder) and why. Only that step of that message
    was skipped; everything else was done."""
    config = _load()
    rows = _store(config).problems()
    if json_out:
        tz = config.hours.timezone
        render.print_json([
            {"folder": r["folder"], "uid": r["uid"], "uidvalidity": r["uidvalidity"],
             "step": r["step"], "reason": r["reason"],
             "seen_at": datetime.fromtimestamp(r["seen_at"], tz).isoformat()}
            for r in rows
        ])  # fmt: skip
        return
    if not rows:
        render.console.print("No problems recorded.")
    for r in rows:
        render.console.print(f"{r['folder']} UID {r['uid']} ({r['step']}): {r['reason']}",
                             highlight=False)  # fmt: skip


def _is_usage_error(exc: Exception) -> bool:
    """typer's (vendored) click usage errors: they know how to show themselves."""
    return callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; errors become one line on stderr."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    command = typer.main.get_command(app)
    try:
        command.main(args=args, prog_name="vasteaika", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        print(
            "vasteaika: interrupted — nothing half-written; run again to continue", file=sys.stderr
        )
        return 130
    except Exception as exc:
        if _is_usage_error(exc):  # a wrong command or option: typer's own message and help
            exc.show()  # type: ignore[attr-defined]
            return int(exc.exit_code)  # type: ignore[attr-defined]
        return _fail(exc, debug)
    return 0


def _fail(exc: Exception, debug: bool) -> int:
    """One line on stderr and the exit code the error's class carries, the same with --debug
    (which adds the traceback before it: the standard one, which shows no local variables —
    they may hold a password)."""
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    error = _as_user_error(exc)
    if error is None:
        print(
            printable(f"vasteaika: internal error ({type(exc).__name__}: {exc}) — please report it; "
                      "run with --debug for details"),
            file=sys.stderr,
        )  # fmt: skip
        return 70
    print(printable(f"vasteaika: {error.line()}"), file=sys.stderr)
    return error.exit_code


def _as_user_error(exc: Exception) -> VasteaikaError | None:
    """Our own errors, and SQLite's faults of the file or the disk (which can surface at any
    query, not only when the database is opened); None for a bug."""
    if isinstance(exc, VasteaikaError):
        return exc
    if isinstance(exc, sqlite3.Error):
        return storage_error(exc, state.database or Path("(the database)"))
    return None


def main() -> None:
    sys.exit(run())
