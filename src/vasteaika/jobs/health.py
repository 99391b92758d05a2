"""How the mailbox's jobs have been doing, as `status` tells it: the last successful contact
with the mail server by any command (check, watch, remind), and the last problem a command
stopped on, with whether a contact came after it (the problem has cleared).

A private JSON file beside the database (``<db>.health.json``) rather than a table: it is
written where the database may be the thing that failed, by commands that hold no lock, and a
lost update costs only a stale line in `status`. Notes are ordered by a counter, not by time, so
"cleared" is right even when two notes share a second.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from vasteaika.files import write_private


@dataclass
class Health:
    last_contact_at: str | None = None
    last_contact_by: str | None = None
    last_problem: str | None = None
    last_problem_at: str | None = None
    last_problem_by: str | None = None
    contact_seq: int = 0
    problem_seq: int = 0

    @property
    def problem_cleared(self) -> bool:
        """A successful contact came after the last problem."""
        return self.last_problem is not None and self.contact_seq > self.problem_seq


def health_path(database: Path) -> Path:
    return database.with_name(database.name + ".health.json")


def read_health(database: Path) -> Health:
    try:
        data = json.loads(health_path(database).read_text(encoding="utf-8"))
        return Health(**data)
    except (OSError, ValueError, TypeError):
        return Health()


def note_contact(database: Path, at: datetime, by: str) -> None:
    """``by`` (a command) reached the mail server and did its work."""
    health = read_health(database)
    health.last_contact_at, health.last_contact_by = at.isoformat(), by
    health.contact_seq = max(health.contact_seq, health.problem_seq) + 1
    _write(database, health)


def note_problem(database: Path, at: datetime, by: str, line: str) -> None:
    """``by`` stopped on a problem (its one line, as the owner saw it)."""
    health = read_health(database)
    health.last_problem, health.last_problem_at, health.last_problem_by = line, at.isoformat(), by
    health.problem_seq = max(health.contact_seq, health.problem_seq) + 1
    _write(database, health)


def _write(database: Path, health: Health) -> None:
    with contextlib.suppress(OSError):  # status is a convenience: never fail a run for it
        write_private(health_path(database), json.dumps(asdict(health)))
