"""Where things are by default: the config file and the database, per platform; and how a
path written in the config is read (relative to the config file's folder)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "vasteaika"


def default_config_path() -> Path:
    env = os.environ.get("VASTEAIKA_CONFIG")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


def default_database_path() -> Path:
    return Path(platformdirs.user_state_dir(APP)) / "vasteaika.db"


def resolve(value: str | None, base: Path) -> Path | None:
    if not value:
        return None
    p = Path(value).expanduser()
    return p if p.is_absolute() else base / p
