"""The report's record: its settings, the WeekReport and the records it holds, and the JSON schema
(``WeekReport.as_json``). Apart from the SQL that fills it (``build``, ``queries``) and the
renderings that draw it (``render*``), so both sides share one definition of every figure and
neither needs the other.

Definitions (all figures are as the database stood at ``now``: a reply, acknowledgment or
reminder stamped later than ``now`` is ignored):

* A contact belongs to the period when its ``first_contact_at`` is in ``[since, until)``.
* Answered: ``first_reply_at`` is set (the owner's reply; the acknowledgment never counts).
* Unanswered: the conversations waiting for the owner at ``now`` (a turn open then: the same
  list as ``check``'s), whose wait began before ``until`` — also when the conversation itself
  began in an earlier period. Waiting time runs from the turn's ``waiting_since``.
* The median is the conventional one: the middle value, or the mean of the two middle values
  for an even count (so it may end in .5 s). p90 is nearest-rank (in SQL, see
  ``queries.percentiles``): the value at 1-based rank ``ceil(90 * n / 100)``; p90 of 1…10 is 9.
* Within promise: answered within the promise in business seconds (key customers their own
  promise). The share is over *decided* contacts: answered, or still waiting past the promise; a
  contact still inside its promise is not counted either way.
* Promises: reminders due in the period, plus promised callback slots (``callback_at``) in the
  period that have no reminder (done when the owner's first reply came). On time: done by
  ``due + PROMISE_GRACE``; late: done after that; missed: not done and ``due + grace < now``;
  open: not done and not yet past the grace.
* New lead: no earlier conversation from the same customer (address, or domain for a
  non-freemail domain). Repeat customer: otherwise.
* Key customers (auto): the top 20 % (rounded up) of customers by conversations in the
  12 months (365 days) before ``until``; ties by latest contact, then name.
* Silent customers (get in touch): the contact queue as of ``now`` (``vasteaika.queue``), so
  the report and ``vasteaika queue`` never disagree: gone quiet (at least 3 conversations on
  different days, the last more than twice their median gap and at least 30 days ago; a
  seasonal customer judged against the same season a year earlier), sounds unhappy, or
  waited too long; dismissed customers left out.
* Trend: the four weeks (7 local days each, DST-aware) before ``since``, oldest first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any, overload
from zoneinfo import ZoneInfo

from vasteaika.hours import BusinessHours

PROMISE_GRACE = timedelta(minutes=15)


@dataclass(frozen=True)
class ReportSettings:
    hours: BusinessHours
    key_customers: tuple[str, ...] = ()  # addresses or domains; empty: the top 20 %
    response_promise: timedelta = timedelta(hours=24)  # business time
    key_response_promise: timedelta = timedelta(hours=4)  # business time
    language: str = "fi"  # "fi" | "en"
    ignore: tuple[str, ...] = ()  # [customers] ignore: off the unanswered list, as everywhere
    companies: tuple[str, ...] = ()  # [customers] companies: a domain's people are one customer


@dataclass(frozen=True)
class Durations:
    """Seconds; None when there is nothing to measure."""

    count: int = 0
    median: float | None = None
    p90: int | None = None
    max: int | None = None


@dataclass(frozen=True)
class Waiting:
    customer_email: str
    customer_name: str
    subject: str
    first_contact_at: datetime
    waiting_seconds: int
    business_waiting_seconds: int
    new_lead: bool
    key_customer: bool
    waiting_since: datetime | None = None  # the earliest unanswered mail of the open turn
    turn: int = 1


class WaitingList(Sequence[Waiting]):
    """The unanswered conversations as the query fetched them (plain rows: customer email,
    name, subject, first contact, waiting seconds, business waiting seconds, new lead, key
    customer, waiting since, turn), each made a ``Waiting`` only when read: the human formats
    show 50, and a ledger where tens of thousands wait must not build them all."""

    def __init__(self, rows: list[tuple[Any, ...]], zone: ZoneInfo) -> None:
        self._rows = rows
        self._zone = zone

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Waiting: ...
    @overload
    def __getitem__(self, index: slice) -> list[Waiting]: ...
    def __getitem__(self, index: int | slice) -> Waiting | list[Waiting]:
        if isinstance(index, slice):
            return [self._record(r) for r in self._rows[index]]
        return self._record(self._rows[index])

    def __iter__(self) -> Iterator[Waiting]:
        return (self._record(r) for r in self._rows)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def _record(self, r: tuple[Any, ...]) -> Waiting:
        zone = self._zone
        return Waiting(
            r[0], r[1], r[2], datetime.fromtimestamp(r[3], zone), r[4], r[5], bool(r[6]),
            bool(r[7]), datetime.fromtimestamp(r[8], zone), r[9],
        )  # fmt: skip


@dataclass(frozen=True)
class Acknowledged:
    count: int
    share: float | None
    median_seconds: float | None


@dataclass(frozen=True)
class Tier:
    promise_seconds: int
    contacts: int
    answered: int
    decided: int
    within: int
    share: float | None
    median_business_seconds: float | None
    median_response_seconds: float | None = None  # wall-clock, beside the business median


@dataclass(frozen=True)
class Segment:
    contacts: int
    answered: int
    answer_rate: float | None
    median_business_seconds: float | None


@dataclass(frozen=True)
class Promises:
    due: int = 0
    on_time: int = 0
    late: int = 0
    missed: int = 0
    open: int = 0
    grace_seconds: int = int(PROMISE_GRACE.total_seconds())


@dataclass(frozen=True)
class KeyCustomer:
    customer: str
    contacts: int
    answered: int
    within_promise: int
    median_business_seconds: float | None
    median_response_seconds: float | None = None  # wall-clock, beside the business median


@dataclass(frozen=True)
class SilentCustomer:
    """A customer of the contact queue, as the report shows them."""

    customer: str
    conversations: int
    usual_interval_seconds: int | None  # the median gap; None under three contact days
    last_contact_at: datetime
    silent_seconds: int
    reasons: tuple[str, ...] = ()  # queue.model QUIET | UNHAPPY | WAITED


@dataclass(frozen=True)
class HourRhythm:
    hour: int
    contacts: int
    replies: int
    median_business_seconds: float | None  # what a contact arriving in this hour waited
    median_response_seconds: float | None = None  # the same on the wall clock


@dataclass(frozen=True)
class WeekdayRhythm:
    weekday: int  # 0 = Monday
    contacts: int
    replies: int


@dataclass(frozen=True)
class Bucket:
    from_seconds: int
    to_seconds: int | None  # None: no upper bound
    count: int


@dataclass(frozen=True)
class TrendWeek:
    since: datetime
    until: datetime
    contacts: int
    answered: int
    median_response_seconds: float | None
    median_business_seconds: float | None
    p90_business_seconds: int | None
    within_promise_share: float | None


@dataclass(frozen=True)
class WeekReport:
    since: datetime
    until: datetime
    now: datetime
    contacts: int
    answered: int
    unanswered: Sequence[Waiting]
    response: Durations
    business_response: Durations
    acknowledged: Acknowledged
    within_promise_share: float | None
    key_tier: Tier
    other_tier: Tier
    promises: Promises
    new_leads: Segment
    repeat_customers: Segment
    key_customers_source: str  # "config" | "top_20_percent"
    key_customers: tuple[KeyCustomer, ...]
    key_customers_total: int
    silent_customers: tuple[SilentCustomer, ...]
    silent_customers_total: int
    by_weekday: tuple[WeekdayRhythm, ...]
    by_hour: tuple[HourRhythm, ...]
    histogram: tuple[Bucket, ...]
    trend: tuple[TrendWeek, ...] = field(default=())
    # the later turns' responses (turn 2 on): waits begun in the period, answered by now
    next_response: Durations = field(default_factory=Durations)
    next_business_response: Durations = field(default_factory=Durations)

    @property
    def is_empty(self) -> bool:
        return self.contacts == 0

    def as_json(self) -> dict[str, Any]:
        """The documented schema: durations in seconds, times ISO 8601 with offset, shares 0…1."""
        return {
            "schema": 1,
            "period": {"since": self.since.isoformat(), "until": self.until.isoformat()},
            "generated_at": self.now.isoformat(),
            "empty": self.is_empty,
            "contacts": self.contacts,
            "answered": self.answered,
            "unanswered_count": len(self.unanswered),
            "unanswered": [_plain(asdict(w)) for w in self.unanswered],
            "response_seconds": _durations(self.response),
            "business_response_seconds": _durations(self.business_response),
            "next_response_seconds": _durations(self.next_response),
            "next_business_response_seconds": _durations(self.next_business_response),
            "acknowledged": asdict(self.acknowledged),
            "within_promise_share": self.within_promise_share,
            "tiers": {"key": asdict(self.key_tier), "other": asdict(self.other_tier)},
            "promises": asdict(self.promises),
            "new_leads": asdict(self.new_leads),
            "repeat_customers": asdict(self.repeat_customers),
            "key_customers_source": self.key_customers_source,
            "key_customers_total": self.key_customers_total,
            "key_customers": [asdict(k) for k in self.key_customers],
            "silent_customers_total": self.silent_customers_total,
            "silent_customers": [_plain(asdict(s)) for s in self.silent_customers],
            "rhythm": {
                "by_weekday": [asdict(d) for d in self.by_weekday],
                "by_hour": [asdict(h) for h in self.by_hour],
            },
            "histogram": [asdict(b) for b in self.histogram],
            "trend": [_plain(asdict(t)) for t in self.trend],
        }


def _durations(d: Durations) -> dict[str, float | None]:
    return {"median": d.median, "p90": d.p90, "max": d.max, "count": d.count}


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in row.items()}
