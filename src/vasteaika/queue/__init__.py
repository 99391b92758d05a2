"""The contact queue (kontaktointijono): the customers to call before they leave, and why.

A capability of its own between the ledger and the report: it reads the ledger's
conversations, turns and the complaint words found in customer mail, and lifts a customer
into the queue when they have gone quiet against their own rhythm (a seasonal customer against
the same season a year earlier), sound unhappy, or waited too long. ``build`` assembles the
queue as of a moment; the weekly report's silent-customer section is its view, so the two never
disagree. Its SQL is its own (``tables``: the working TEMP tables of one build; ``store``: the
dismissals and the complaint marks); ``scan`` reads new customer mail for complaint words in
each run; ``actions`` takes a customer off for a while or makes a callback reminder.
"""


from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vasteaika.queue.build import build_queue, queue_settings, top_of_queue
    from vasteaika.queue.model import QueueEntry, QueueSettings, Reason

__all__ = [
    "QueueEntry", "QueueSettings", "Reason", "build_queue", "queue_settings", "top_of_queue",
]
# Looked up when first asked for: every check keeps the queue's store (``scan``), and only a
# command that shows the queue pays for building it.
_HOME = {"QueueEntry": "model", "QueueSettings": "model", "Reason": "model",
         "build_queue": "build", "queue_settings": "build", "top_of_queue": "build"}  # fmt: skip


def __getattr__(name: str) -> object:
    if name in _HOME:
        return getattr(importlib.import_module(f"vasteaika.queue.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
