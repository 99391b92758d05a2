"""`vasteaika init`: the first step, a starter config to edit. It reads no config and opens
nothing, so it works on a computer where vasteaika has never run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vasteaika.cli.context import current
from vasteaika.cli.root import app
from vasteaika.config import default_config_path
from vasteaika.errors import UsageError


@app.command()
def init(
    ctx: typer.Context,
    path: Annotated[
        Path | None, typer.Argument(help="Where to write (default: the user config dir).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter config file to edit. Never overwrites without --force."""
    from importlib import resources

    target = path or current(ctx).config_path or default_config_path()
    if target.exists() and not force:
        raise UsageError(f"{target} already exists", "edit it, or pass --force to overwrite it")
    text = (resources.files("vasteaika") / "starter.toml").read_text(encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    target.write_text(text, encoding="utf-8")
    target.chmod(0o600)
    typer.echo(f"Wrote {target}. Edit it, then run: vasteaika check")
