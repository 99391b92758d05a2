"""What a scheduled run starts with: the command to run, its config, and whether the password
can be reached there. Apart from the crontab and unit writers because it asks about this
install and this session (the venv, $HOME, the environment), which cron and systemd do not have.

cron and systemd user timers start the command with a bare PATH and without the login
session's environment: no ``$VASTEAIKA_PASSWORD``, no ``$VASTEAIKA_CONFIG`` and no unlocked
desktop keyring. The command is therefore written with absolute paths and the config named, and
:func:`unattended_password_warning` says when the password will not be found.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from vasteaika.catalogue import say
from vasteaika.config.records import AccountConfig
from vasteaika.errors import ConfigError


def vasteaika_command(
    *,
    config: Path | None = None,
    executable: str | Path | None = None,
    argv0: str | None = None,
    environ: Mapping[str, str] = os.environ,
    home: Path | None = None,
) -> tuple[str, ...]:
    """The absolute command that runs this vasteaika, the most stable path first:

    1. ``executable`` when given;
    2. ``~/.local/bin/vasteaika`` when it is a launcher for this install (the same file as the
       running script, or a script whose interpreter is this Python): pipx and ``uv tool``
       put a symlink there, and it survives upgrades and reinstalls that rebuild the venv;
    3. the running script (``sys.argv[0]``) as it was called, symlinks not followed, when it is
       the vasteaika command;
    4. ``vasteaika`` on PATH.

    Then ``--config <absolute path>``: ``config``, else ``$VASTEAIKA_CONFIG`` as it is now,
    because the scheduled run does not have the login session's environment."""
    if executable is not None:
        exe = _absolute(Path(executable))
    else:
        running = Path(argv0 if argv0 is not None else sys.argv[0])
        running_ok = running.name == "vasteaika" and running.is_file()
        stable = (home or Path.home()) / ".local" / "bin" / "vasteaika"
        found = shutil.which("vasteaika", path=environ.get("PATH"))
        if _launches_this(stable, running if running_ok else None):
            exe = stable
        elif running_ok:
            exe = _absolute(running)
        elif found:
            exe = _absolute(Path(found))
        else:
            raise ConfigError(
                "cannot find the vasteaika command to schedule",
                "run `schedule install` through the installed vasteaika command, or put it on PATH",
            )
    command: tuple[str, ...] = (str(exe),)
    if config is None and environ.get("VASTEAIKA_CONFIG"):
        config = Path(environ["VASTEAIKA_CONFIG"])
    if config is not None:
        command += ("--config", str(_absolute(config)))
    return command


def _absolute(path: Path) -> Path:
    """Absolute and normalised, symlinks kept: ~/.local/bin/vasteaika must stay that path."""
    return Path(os.path.abspath(path.expanduser()))


def _launches_this(launcher: Path, running: Path | None) -> bool:
    """Whether ``launcher`` starts this very install: the running script itself (a symlink to
    it), or a console script whose ``#!`` interpreter lives beside this Python."""
    if not launcher.is_file() or not os.access(launcher, os.X_OK):
        return False
    if running is not None and launcher.resolve() == running.resolve():
        return True
    try:
        with launcher.open("rb") as script:
            first = script.readline(4096)
    except OSError:
        return False
    if not first.startswith(b"#!"):
        return False
    interpreter = first[2:].decode("utf-8", "replace").split()
    if not interpreter:
        return False
    this_bin = Path(sys.executable).absolute().parent
    return Path(interpreter[0]).parent.resolve() == this_bin.resolve()


def unattended_password_warning(
    account: AccountConfig, environ: Mapping[str, str] = os.environ, lang: str = "en"
) -> str | None:
    """Why the scheduled runs will not get the mail password (in ``lang``), or None when they
    will: the password source that works now is one the login session gives and cron does
    not."""
    if account.password_command or account.maildir or account.mbox:
        return None  # a command runs anywhere; local mail needs no password
    if account.keyring:
        return say(lang, "schedule.keyring_locked")
    if environ.get("VASTEAIKA_PASSWORD"):
        return say(lang, "schedule.env_password")
    return None


def linger_enabled(
    user: str | None = None, linger_dir: Path = Path("/var/lib/systemd/linger")
) -> bool:
    """Whether systemd keeps this user's timers running after logout (``loginctl enable-linger``)."""
    name = user or os.environ.get("USER") or os.environ.get("LOGNAME") or ""
    return bool(name) and (linger_dir / name).exists()


def local_zone_name(localtime: Path = Path("/etc/localtime")) -> str:
    """The machine's time zone (the cron daemon's: /etc/localtime, not this shell's $TZ), "UTC"
    when it cannot be told."""
    try:
        target = os.path.realpath(localtime)
    except OSError:
        return "UTC"
    marker = "/zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else "UTC"
