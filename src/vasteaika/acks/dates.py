"""When a mail arrived, as far as the acknowledgment trusts it: the arrival time (IMAP
INTERNALDATE, or the local source's own reading) and two witnesses of it — the Date header the
sender wrote and the Received header the owner's provider put on top when it delivered the mail.

Apart from the decision because these are the rules of AUTOREPLY_RULES.md A3/A5 (never
acknowledge a backlog; Date is the sender's word, INTERNALDATE the server's) and each needs its
own words for ``why``. A mail is acknowledged only when every time it carries says it is new:
an old Received or Date means old mail whose arrival time was reset (a provider migration
re-stamps INTERNALDATE, mbsync names files by sync time), and a time far in the future is a
broken clock or a forgery that could hide such a backlog. Pure: ``now`` is passed in.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from vasteaika.mail.parse import received_time
from vasteaika.models import Message

CLOCK_SLACK = timedelta(hours=1)  # clocks of servers and this computer differ this much
FAR_AHEAD = timedelta(days=1)  # a Date this far after the arrival is no clock's honest error


def age_reasons(msg: Message, now: datetime, max_age: timedelta) -> list[str]:
    """``backlog`` and ``untrusted-date`` refusals (``"<code>: <prose>"``) for ``msg`` at ``now``."""
    age = now - msg.received_at
    young = f"only mail younger than {describe_duration(max_age)} is acknowledged"
    if age > max_age:
        return [f"backlog: arrived {describe_duration(age)} ago; {young}"]
    if -age > CLOCK_SLACK:
        return [
            f"untrusted-date: its arrival time lies {describe_duration(-age)} in the future "
            "(a broken clock or a forged date), so its age is unknown"
        ]
    reasons = []
    delivered = received_time(msg.header("received"))
    if delivered is not None and max_age < now - delivered:
        reasons.append(
            f"backlog: delivered {describe_duration(now - delivered)} ago (the topmost Received "
            f"header), though the mailbox dates it now; {young}"
        )
    if msg.date is not None and max_age < now - msg.date:
        reasons.append(
            f"backlog: written {describe_duration(now - msg.date)} ago (Date header), though it "
            "arrived just now; only new mail is acknowledged"
        )
    elif msg.date is not None and msg.date - msg.received_at > FAR_AHEAD:
        reasons.append(
            f"untrusted-date: the Date header lies {describe_duration(msg.date - msg.received_at)}"
            " after its arrival (a broken clock or a forged date, which can hide old mail)"
        )
    return reasons


def describe_duration(delta: timedelta) -> str:
    """ "5 min", "3 h 20 min", "12 days"."""
    minutes = int(delta.total_seconds() // 60)
    if minutes >= 2 * 24 * 60:
        return f"{minutes // (24 * 60)} days"
    if minutes >= 60:
        return f"{minutes // 60} h {minutes % 60} min" if minutes % 60 else f"{minutes // 60} h"
    return f"{minutes} min"
