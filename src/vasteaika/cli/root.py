"""The command line's frame: the typer app, its global options, and run(), where every error
ends as one line on stderr and the exit code its class carries.

The commands live in modules of their own (one per group) that register on ``app`` when
imported. run() imports only the module of the command it runs (``COMMAND_MODULES``): a
command pays for its own imports, not for every other command's (``remind --quiet`` runs every
5 minutes). The help, completion and a name no module registers load them all, in the order
``--help`` lists them. This module opens nothing (no file, database or connection): that is the
context's (cli/context.py) job, per command.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from vasteaika import __version__
from vasteaika.cli.context import CommandContext
from vasteaika.cli.failure import fail as _fail
from vasteaika.cli.failure import interrupted as _interrupted
from vasteaika.cli.failure import note_problem as _note_problem

app = typer.Typer(
    name="vasteaika",
    help=(
        "React to every customer at once, and see how fast you really answer.\n\n"
        "vasteaika reads your mailbox (read-only), records when each customer first wrote and "
        "when you first answered, and shows who is still waiting.\n\n"
        "Start with 'vasteaika init' (on a terminal it asks what it needs), then run "
        "'vasteaika check --dry-run' and 'vasteaika check'."
    ),
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


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
    ctx: typer.Context,
    config: ConfigOption = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    now: Annotated[
        str | None,
        typer.Option(
            "--now",
            help="Pretend it is this moment, e.g. 2026-11-23T08:05 (the demo; trying things "
            "out): check reads and shows what would go but sends and notifies nothing.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool | None,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = None,
) -> None:
    parts = ctx.ensure_object(CommandContext)
    parts.config_path, parts.debug, parts.now_text = config, debug, now
    parts.command = ctx.invoked_subcommand or ""


def _is_usage_error(exc: Exception) -> bool:
    """typer's (vendored) click usage errors: they know how to show themselves."""
    return callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int)


GLOBAL_FLAGS = ("--debug",)
GLOBAL_VALUED = ("--config", "-c", "--now")  # the global options that take a value


def hoist_global_options(args: list[str]) -> list[str]:
    """``vasteaika check --debug`` and ``vasteaika report --config X`` as people type them: the
    global options found after the command (and before a ``--``) are moved in front of it,
    where click reads them."""
    start = 0
    while start < len(args) and args[start].startswith("-"):  # options before the command
        start += 2 if args[start] in GLOBAL_VALUED else 1
    if start >= len(args):
        return args
    front, rest, i = args[:start], [args[start]], start + 1
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg in GLOBAL_FLAGS or arg.startswith(("--config=", "--now=")):
            front.append(arg)
        elif arg in GLOBAL_VALUED and i + 1 < len(args):
            front += args[i : i + 2]
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front + rest


# Each command and group, and the module (under vasteaika.cli) that registers it, in the order
# 'vasteaika --help' lists them (tests/test_startup.py checks this against the modules).
COMMAND_MODULES = {
    "init": "setup", "password": "setup",
    "check": "check",
    "close": "conversations", "reopen": "conversations",
    "watch": "watch", "status": "watch",
    "export": "report", "report": "report",
    "customer": "customer",
    "why": "explain", "problems": "explain",
    "outbox": "acks", "templates": "acks",
    "rebuild": "rebuild",
    "remind": "reminders", "reminders": "reminders", "done": "reminders", "snooze": "reminders",
    "remind-at": "reminders", "promise": "reminders",
    "schedule": "schedule",
    "calendar": "calendar",
    "queue": "queue",
}  # fmt: skip
COMMAND_ORDER = tuple(dict.fromkeys(COMMAND_MODULES.values()))


def command_name(args: Sequence[str]) -> str | None:
    """The command ``args`` runs, after the global options; None when there is none or when an
    option before it is not one of ours that a command runs with (--help, --version,
    completion, a typing mistake): all of them are then loaded."""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        arg = args[i]
        if arg in GLOBAL_VALUED:
            i += 2
        elif arg in GLOBAL_FLAGS or arg.startswith(("--config=", "--now=")):
            i += 1
        else:
            return None
    return args[i] if i < len(args) else None


def load_commands(args: Sequence[str] = ()) -> None:
    """Register on ``app`` the command ``args`` runs (importing its module), or every command
    when it names none of them, then put them in the order --help lists them."""
    name = command_name(args)
    completing = "_VASTEAIKA_COMPLETE" in os.environ  # the shell asks typer what can follow
    wanted = COMMAND_MODULES.get(name or "") if not completing else None
    for module in (wanted,) if wanted else COMMAND_ORDER:
        importlib.import_module(f"vasteaika.cli.{module}")
    _in_help_order()


def _in_help_order() -> None:
    """Commands registered in another order (a process that ran one command, then another)
    are listed as always: by their module's place in COMMAND_ORDER, then as registered."""
    last = len(COMMAND_ORDER)

    def place(module: str) -> int:
        name = module.rpartition(".")[2]
        return COMMAND_ORDER.index(name) if name in COMMAND_ORDER else last

    app.registered_commands.sort(key=lambda c: place(getattr(c.callback, "__module__", "")))
    app.registered_groups.sort(key=lambda g: place(COMMAND_MODULES.get(g.name or "", "")))


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; errors become one line on stderr."""
    args = hoist_global_options(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    load_commands(args)
    command = typer.main.get_command(app)
    parts = CommandContext()
    try:
        code = command.main(args=args, prog_name="vasteaika", standalone_mode=False, obj=parts)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        return _interrupted(parts.language)
    except Exception as exc:
        if _is_usage_error(exc):  # a wrong command or option: typer's own message and help
            exc.show()  # type: ignore[attr-defined]
            return int(exc.exit_code)  # type: ignore[attr-defined]
        code = _fail(exc, debug, parts.database, parts.language)
        _note_problem(parts, exc)
        return code
    if code == 130:  # newer typer turns Ctrl-C into Exit(130), returned (not raised) here
        return _interrupted(parts.language)
    return 0


def main() -> None:
    sys.exit(run())
