"""New messages per folder from a MailSource: watermark and UIDVALIDITY rules.

Incremental by UID: the highest UID seen and the folder's UIDVALIDITY are stored. A run with
nothing new costs one SELECT (EXAMINE) per folder. When UIDVALIDITY changes the folder is read
again from the start and messages are matched by Message-ID plus a fingerprint of a few
headers (Store.insert_message), so nothing is duplicated or lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from vasteaika.mail.source import MailSource
from vasteaika.models import FolderStatus, RawMessage

BATCH = 500


@dataclass(frozen=True)
class FolderPlan:
    """What a run will read from one folder."""

    status: FolderStatus
    after_uid: int
    reset: bool  # UIDVALIDITY changed (or first sync): re-read and match by content


@dataclass
class FolderResult:
    folder: str
    seen: int = 0
    new_uids: list[int] = field(default_factory=list)


def plan_folder(source: MailSource, folder: str, stored: tuple[int, int] | None) -> FolderPlan:
    """``stored`` is (uidvalidity, highest_uid) from the last run, or None on a first sync."""
    status = source.select(folder)
    if stored is None or stored[0] != status.uidvalidity:
        return FolderPlan(status, 0, reset=True)
    return FolderPlan(status, stored[1], reset=False)


def has_new(plan: FolderPlan) -> bool:
    if plan.status.exists == 0:
        return False
    if plan.status.uidnext <= 0:  # server did not say: ask
        return True
    return plan.status.uidnext - 1 > plan.after_uid


def new_messages(
    source: MailSource,
    plan: FolderPlan,
    on_count: Callable[[int], None] | None = None,
) -> Iterator[RawMessage]:
    """Yield the folder's messages after the watermark in UID order, fetched in batches."""
    if not has_new(plan):
        return
    folder = plan.status.name
    uids = source.uids_after(folder, plan.after_uid)
    if on_count:
        on_count(len(uids))
    for i in range(0, len(uids), BATCH):
        yield from source.fetch_headers(folder, uids[i : i + BATCH])
