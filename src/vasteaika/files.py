"""The program's own small state files (the watcher's state, the health record, the mbox
state): written whole or not at all, and private (0600) from the first byte, because they name
customers and servers. Apart from the ledger so that the mail adapters below it can use it too.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_private(path: Path, text: str, *, sync: bool = False) -> None:
    """Replace ``path`` with ``text`` atomically, readable by its owner only; ``sync``: also
    flush it and its folder to disk (state that must survive a power cut). Raises OSError."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # a leftover .tmp of an older version may have been 0644
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            fd = -1
            f.write(text)
            if sync:
                f.flush()
                os.fsync(f.fileno())
    finally:
        if fd >= 0:
            os.close(fd)
    os.replace(tmp, path)
    if sync:
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
