"""`vasteaika init` and `vasteaika password set`: the first steps. On a terminal init asks the
few things vasteaika must know and writes a config that works; without one (a script, a pipe)
it writes the commented starter to edit. Neither needs a config to exist first."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from vasteaika.cli import output as render
from vasteaika.cli.context import current
from vasteaika.cli.root import app
from vasteaika.errors import ConfigError, UsageError
from vasteaika.terminal import write

if TYPE_CHECKING:
    from vasteaika.config.first_run import FirstRunAnswers

password_app = typer.Typer(
    help="The mail password in the system keyring (for keyring = true in [account]).",
    no_args_is_help=True,
)
app.add_typer(password_app, name="password")


def _starter_text() -> str:
    from importlib import resources

    return (resources.files("vasteaika") / "starter.toml").read_text(encoding="utf-8")


def _on_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@app.command()
def init(
    ctx: typer.Context,
    path: Annotated[
        Path | None, typer.Argument(help="Where to write (default: the user config dir).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    print_starter: Annotated[
        bool,
        typer.Option("--print", help="Print the commented starter (every key) and write nothing."),
    ] = False,
    starter: Annotated[
        bool,
        typer.Option("--starter", help="Write the commented starter, also on a terminal."),
    ] = False,
) -> None:
    """Write your config: on a terminal it asks your name, addresses, mail server, how to get
    the password and whether to send or only draft acknowledgments. Without a terminal (or with
    --starter) it writes a commented starter to edit. Never overwrites without --force."""
    if print_starter:
        write(_starter_text())
        return
    from vasteaika.config import default_config_path

    target = path or current(ctx).config_path or default_config_path()
    if target.exists() and not force:
        raise UsageError(f"{target} already exists", "edit it, or pass --force to overwrite it")
    if _on_terminal() and not starter:
        from vasteaika.config.first_run import checked_config, first_run_text

        answers = _ask()
        text = first_run_text(answers)
        checked_config(text, target)  # a config that does not load is never written
        done = render.text(answers.language, "init_wrote", path=target)
    else:
        text = _starter_text()
        done = render.text("en", "init_wrote_starter", path=target)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    target.write_text(text, encoding="utf-8")
    target.chmod(0o600)
    typer.echo(done)


def _ask_list(prompt: str, default: str | None = None) -> tuple[str, ...]:
    while True:
        answer = typer.prompt(prompt, default=default)
        items = tuple(a.strip().lower() for a in answer.split(",") if a.strip())
        if items and all(a.count("@") == 1 for a in items):
            return items


def _ask_choice(prompt: str, choices: tuple[str, ...], default: str) -> str:
    while True:
        answer = str(typer.prompt(f"{prompt} ({'/'.join(choices)})", default=default))
        if answer.strip().lower() in choices:
            return answer.strip().lower()


def _ask() -> FirstRunAnswers:
    """The questions, in the language the owner picks first."""
    from vasteaika.config.first_run import FirstRunAnswers, guess_servers

    lang = _ask_choice("Kieli / Language", ("fi", "en"), "fi")

    def say(key: str, **values: object) -> str:
        return render.text(lang, key, **values)

    typer.echo(say("init_intro"))
    name = typer.prompt(say("init_name")).strip()
    addresses = _ask_list(say("init_addresses"))
    imap_guess, smtp_guess = guess_servers(addresses[0])
    imap_host = typer.prompt(say("init_imap_host"), default=imap_guess).strip()
    username = typer.prompt(say("init_username"), default=addresses[0]).strip()
    method, command = _ask_password(say, username)
    line = typer.prompt(say("init_signature"), default="", show_default=False).strip()
    mode = _ask_choice(say("init_ack_mode"), ("send", "draft"), "draft")
    smtp_host = typer.prompt(say("init_smtp_host"), default=smtp_guess) if mode == "send" else ""
    return FirstRunAnswers(
        language=lang, name=name, addresses=addresses, imap_host=imap_host, username=username,
        password=method, password_command=command, signature=f"{name}\n{line}".strip(),
        ack_mode=mode, smtp_host=smtp_host.strip(),
    )  # fmt: skip


def _ask_password(say: Callable[..., str], username: str) -> tuple[str, tuple[str, ...]]:
    """keyring (the password is stored now), command (its argv) or env."""
    while True:
        method = _ask_choice(say("init_password"), ("keyring", "command", "env"), "keyring")
        if method == "env":
            return method, ()
        if method == "command":
            command = tuple(shlex.split(typer.prompt(say("init_password_command"))))
            if command:
                return method, command
            continue
        secret = typer.prompt(say("init_secret"), hide_input=True, confirmation_prompt=True)
        from vasteaika.config import store_password

        try:
            store_password(username, secret)
        except ConfigError as exc:
            typer.echo(say("init_keyring_failed", reason=exc.message))
            continue
        return method, ()


@password_app.command("set")
def password_set(
    ctx: typer.Context,
    username: Annotated[
        str | None,
        typer.Option("--username", help="Whose password (default: [account] username)."),
    ] = None,
) -> None:
    """Store the mail password in the system keyring, where keyring = true in [account] finds
    it. Asks for it on a terminal (not shown); reads the first line of standard input otherwise."""
    parts = current(ctx)
    config = parts.config if username is None else None
    user = username or (config.account.username if config else "")
    if not user:
        raise UsageError("no username to store the password for",
                         "set [account] username, or pass --username")  # fmt: skip
    if sys.stdin.isatty():
        secret = typer.prompt(f"Password of {user}", hide_input=True, confirmation_prompt=True)
    else:
        secret = sys.stdin.readline().rstrip("\r\n")
    if not secret:
        raise UsageError("no password given", "type it, or pipe it in on one line")
    from vasteaika.config import store_password

    lang = config.language if config else "en"
    backend = store_password(user, secret)
    typer.echo(render.text(lang, "password_stored", user=user, backend=backend))
    if config is not None and not config.account.keyring:
        typer.echo(render.text(lang, "password_enable", path=config.path))
