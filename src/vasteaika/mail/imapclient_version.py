"""imapclient's version, known before imapclient is imported, so that importing it is cheaper.

``imapclient/version.py`` asks ``importlib.metadata`` for the package's own version, and that
import (with the email parser, zipfile and csv it brings) is about 35 ms of CPU, a tenth of
cron's no-change ``check --quiet``; nothing of vasteaika uses the version. Imported just before
imapclient (``imap.py``), this module reads the same value from the installed package's
``METADATA`` (its ``Version:`` line, which ``importlib.metadata.version`` returns) and puts
``imapclient.version`` in place with it, so that imapclient's own module is not run. When the
metadata is not where an installed wheel keeps it, nothing is done and imapclient imports as
usual. ``tests/test_imap_unit.py`` checks the value against ``importlib.metadata``.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path


def installed_version() -> str | None:
    """The ``Version:`` of the one imapclient dist-info beside the imapclient package, or None."""
    spec = importlib.util.find_spec("imapclient")
    if spec is None or spec.origin is None:
        return None
    found = list(Path(spec.origin).parent.parent.glob("[Ii][Mm][Aa][Pp][Cc]lient-*.dist-info"))
    if len(found) != 1:
        return None
    try:
        with (found[0] / "METADATA").open(encoding="utf-8") as metadata:
            for line in metadata:
                if line.startswith("Version: "):
                    return line.removeprefix("Version: ").strip()
                if not line.strip():  # the headers end: no version among them
                    return None
    except OSError:
        return None
    return None


def _version_module(version: str) -> types.ModuleType | None:
    """What imapclient/version.py defines, for a plain "major.minor.micro" version."""
    parts = version.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    module = types.ModuleType("imapclient.version")
    module.version = version  # type: ignore[attr-defined]
    module.version_info = (int(parts[0]), int(parts[1]), int(parts[2]), "final")  # type: ignore[attr-defined]
    return module


def _preload() -> None:
    if "imapclient" in sys.modules or "imapclient.version" in sys.modules:
        return
    version = installed_version()
    module = _version_module(version) if version else None
    if module is not None:
        sys.modules["imapclient.version"] = module


_preload()
