"""The weekly report: SQL aggregates over the ledger into one WeekReport record.

Every aggregate runs in SQLite; Python loops only over aggregated rows and over calendar days.
One report run works inside a savepoint that is rolled back at the end, so the TEMP tables it
builds vanish and nothing in the main database changes. Nothing reads all history: what is
known per customer comes from the summary table ``customers`` (migration m005, kept by triggers;
see ``customers.py``), and the conversations are read for the period and four weeks before it.

``temp.report_calendar``  one row per local day of the range (``schedule.business_calendar_rows``
    with the closed days filled in), keyed by the local day number, so that the business
    seconds up to an instant are one join by day (see ``_cum``) and between two instants
    ``cum(b) - cum(a)``.
``offset_changes``        the UTC offset from each instant on (one entry per DST change, from
    zoneinfo), inlined into SQL as a CASE so local days, weekdays and hours are computed in SQL
    and are right on both sides of a DST change.
``temp.report_customer``  (a view) each customer's count, first and last contact as of ``now``:
    ``customers``, with the few customers who have contacts after ``now`` recounted
    (``temp.report_late``; empty unless ``now`` is in the past or a mail is dated ahead).
``temp.report_keys``      key customers: configured addresses/domains, else the top 20 % of
    ``temp.report_window`` (each customer's conversations in the 12-month window, grouped along
    the (customer_id, first_contact_at) index, in its order: no sort). A key's id is its
    customer's id, or negative for a configured address inside a company domain.
``temp.report_new``       the conversations of the range that were their customer's first.
``temp.report_conv``      the period's and the four earlier weeks' conversations with their
    wall, business and acknowledgment seconds, read in one pass along the first-contact index
    (joins by integer key only), and indexed so that each percentile is one
    ``ORDER BY v LIMIT 1 OFFSET k - 1`` walk along an index (no sort, no window buffer) and most
    counts read an index alone; the others are one GROUP BY into at most 140 rows.

Where the time goes (benchmarks/report_bench.py, 1,000,000 conversations): a week ~0.35 s, most
of it the key customers' window (~0.2 s). A year (~360k rows in ``report_conv``) ~2.5 s:
reading and computing the rows ~0.6 s, the indexes ~0.9 s (those of the period lead with the
value: SQLite builds them twice as fast as ones leading with ``week``), the GROUP BY ~0.15 s, the
key customers ~0.15 s, the 27k unanswered as records ~0.2 s; the rest is small.

Definitions (all figures are as the database stood at ``now``: a reply, acknowledgment or
reminder stamped later than ``now`` is ignored):

* A contact belongs to the period when its ``first_contact_at`` is in ``[since, until)``.
* Answered: ``first_reply_at`` is set (the owner's reply; the acknowledgment never counts).
* Percentiles are nearest-rank (in SQL, see ``_percentiles``): the p-th percentile of n sorted
  values is the value at 1-based rank ``ceil(p * n / 100)``. So the median of an even count is
  the lower middle value, and p90 of 1…10 is 9.
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
* Silent customer: at least 3 conversations, the last more than twice their mean interval ago
  and at least 30 days ago. The mean interval is ``(last - first) / (n - 1)``: the mean of the
  gaps between consecutive first contacts, which the summary table keeps.
* Trend: the four weeks (7 local days each, DST-aware) before ``since``, oldest first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, astuple, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from vasteaika.errors import UsageError
from vasteaika.hours import BusinessHours, business_calendar_rows
from vasteaika.ledger.store import Store

PROMISE_GRACE = timedelta(minutes=15)
SILENT_MIN_CONVERSATIONS = 3
SILENT_MIN_DAYS = 30
SILENT_FACTOR = 2
KEY_SHARE_PERCENT = 20
KEY_WINDOW = timedelta(days=365)
TREND_WEEKS = 4
TEMP_CACHE_KIB = 256 * 1024  # at most 256 MiB of page cache for the TEMP tables
LIST_LIMIT = 20  # key customers and silent customers listed (the totals are given too)
# Histogram edges in business seconds: < 15 min, < 1 h, < 2 h, < 4 h, < 8 h, < 24 h, 24 h +
HISTOGRAM_EDGES = (0, 900, 3600, 7200, 14400, 28800, 86400)
_EPOCH_DAY = date(1970, 1, 1)  # local day numbers in report_calendar count from here


def _weekday(local: str) -> str:
    return f"(({local} / 86400 + 3) % 7)"  # 1970-01-01 was a Thursday; 0 = Monday


def _hour(local: str) -> str:
    return f"(({local} % 86400) / 3600)"


# --- settings and the record ------------------------------------------------------------------


@dataclass(frozen=True)
class ReportSettings:
    hours: BusinessHours
    key_customers: tuple[str, ...] = ()  # addresses or domains; empty: the top 20 %
    response_promise: timedelta = timedelta(hours=24)  # business time
    key_response_promise: timedelta = timedelta(hours=4)  # business time
    language: str = "fi"  # "fi" | "en"


@dataclass(frozen=True)
class Durations:
    """Seconds; None when there is nothing to measure."""

    count: int = 0
    median: int | None = None
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


@dataclass(frozen=True)
class Acknowledged:
    count: int
    share: float | None
    median_seconds: int | None


@dataclass(frozen=True)
class Tier:
    promise_seconds: int
    contacts: int
    answered: int
    decided: int
    within: int
    share: float | None
    median_business_seconds: int | None


@dataclass(frozen=True)
class Segment:
    contacts: int
    answered: int
    answer_rate: float | None
    median_business_seconds: int | None


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
    median_business_seconds: int | None


@dataclass(frozen=True)
class SilentCustomer:
    customer: str
    conversations: int
    usual_interval_seconds: int
    last_contact_at: datetime
    silent_seconds: int


@dataclass(frozen=True)
class HourRhythm:
    hour: int
    contacts: int
    replies: int
    median_business_seconds: int | None  # what a contact arriving in this hour waited


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
    median_response_seconds: int | None
    median_business_seconds: int | None
    p90_business_seconds: int | None
    within_promise_share: float | None


@dataclass(frozen=True)
class WeekReport:
    since: datetime
    until: datetime
    now: datetime
    contacts: int
    answered: int
    unanswered: tuple[Waiting, ...]
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


def _durations(d: Durations) -> dict[str, int | None]:
    return {"median": d.median, "p90": d.p90, "max": d.max, "count": d.count}


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in row.items()}


# --- periods ----------------------------------------------------------------------------------


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC).astimezone(zone)


def previous_week(now: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The last full ISO week (Monday 00:00 to the next Monday 00:00, local) before ``now``."""
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    return local_midnight(monday - timedelta(days=7), zone), local_midnight(monday, zone)


def iso_week(text: str, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """``"2026-W47"`` → (Monday 00:00, next Monday 00:00) in ``zone``."""
    try:
        year, _, week = text.strip().upper().partition("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        raise UsageError(
            f"{text!r} is not an ISO week", "write it as YYYY-Www, e.g. 2026-W47"
        ) from None
    return local_midnight(monday, zone), local_midnight(monday + timedelta(days=7), zone)


def day_range(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """``--since``/``--until`` dates, both inclusive, as [first 00:00, day after last 00:00)."""
    if last < first:
        raise UsageError(f"--until {last} is before --since {first}", "swap the dates")
    return local_midnight(first, zone), local_midnight(last + timedelta(days=1), zone)


# --- building ---------------------------------------------------------------------------------


def build_report(
    store: Store, settings: ReportSettings, since: datetime, until: datetime, now: datetime
) -> WeekReport:
    """Everything the report shows for ``[since, until)``, as the database stood at ``now``."""
    for name, moment in (("since", since), ("until", until), ("now", now)):
        if moment.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware")
    if until <= since:
        raise UsageError(f"the period ends ({until}) before it starts ({since})", "swap them")
    zone = settings.hours.timezone
    since, until, now = since.astimezone(zone), until.astimezone(zone), now.astimezone(zone)
    starts = [local_midnight(since.date() - timedelta(days=7 * k), zone) for k in range(1, 5)]
    if since != local_midnight(since.date(), zone):  # a period not starting at midnight
        starts = [since - timedelta(days=7 * k) for k in range(1, 5)]
    bounds = [_epoch(since), *(_epoch(s) for s in starts)]  # week k starts at bounds[k]
    p: dict[str, Any] = {
        "since": _epoch(since),
        "until": _epoch(until),
        "now": _epoch(now),
        "lo": bounds[-1],
        "year_ago": _epoch(until - KEY_WINDOW),
        "grace": int(PROMISE_GRACE.total_seconds()),
        "silent_days": SILENT_MIN_DAYS * 86400,
        "promise": int(settings.response_promise.total_seconds()),
        "key_promise": int(settings.key_response_promise.total_seconds()),
    }
    # The working tables of a year (~350k rows) fit in memory; spilling them to a temp file
    # triples the time. Only the temp schema's cache is changed.
    store.db.conn.execute(f"PRAGMA temp.cache_size = {-TEMP_CACHE_KIB}")
    with _savepoint(store.db.conn) as conn:
        offsets = _load_calendar(conn, settings.hours, starts[-1], max(now, until))
        local_now = _local_case(":now", offsets)
        p["now_cum"] = conn.execute(
            f"SELECT {_cum('b', ':now')} FROM temp.report_calendar b WHERE b.day = {local_now} / 86400",
            p,
        ).fetchone()[0]
        _load_customers(conn, settings, p)
        _load_new_leads(conn, p)
        _load_conversations(conn, bounds, offsets, p)
        return _assemble(conn, settings, since, until, now, starts, offsets, p)


def _epoch(t: datetime) -> int:
    return int(t.timestamp())


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One consistent read; every TEMP table made inside is dropped by the rollback."""
    conn.execute("SAVEPOINT report")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK TO report")
        conn.execute("RELEASE report")


def _load_calendar(
    conn: sqlite3.Connection, hours: BusinessHours, lo: datetime, hi: datetime
) -> list[tuple[int, int]]:
    """Fill temp.report_calendar, one row per local day (``day``: local days since 1970-01-01,
    closed days with ``open_epoch = close_epoch = 0``); return the UTC offset changes."""
    zone = hours.timezone
    first = lo.astimezone(zone).date() - timedelta(days=1)
    last = hi.astimezone(zone).date() + timedelta(days=1)
    conn.execute(
        "CREATE TEMP TABLE report_calendar (day INTEGER PRIMARY KEY, open_epoch INTEGER NOT NULL,"
        " close_epoch INTEGER NOT NULL, cum_before INTEGER NOT NULL)"
    )
    business = {
        datetime.fromtimestamp(opens, zone).date(): (opens, closes)
        for opens, closes, _ in business_calendar_rows(first, last, hours)
    }
    rows, cumulative, day = [], 0, first
    while day <= last:
        opens, closes = business.get(day, (0, 0))
        rows.append(((day - _EPOCH_DAY).days, opens, closes, cumulative))
        cumulative += closes - opens
        day += timedelta(days=1)
    conn.executemany("INSERT INTO temp.report_calendar VALUES (?, ?, ?, ?)", rows)
    return offset_changes(_epoch(local_midnight(first, zone)), _epoch(hi) + 2 * 86400, zone)


def offset_changes(lo: int, hi: int, zone: ZoneInfo) -> list[tuple[int, int]]:
    """``(from_epoch, utc_offset_seconds)``: the offset at ``lo`` (valid from epoch 0) and each
    change up to ``hi``, found day by day and then to the second by bisection."""

    def offset(t: int) -> int:
        delta = datetime.fromtimestamp(t, zone).utcoffset()
        return int(delta.total_seconds()) if delta else 0

    rows = [(0, offset(lo))]
    day = lo
    while day < hi:
        following = day + 86400
        if offset(following) != offset(day):
            a, b = day, following
            while b - a > 1:
                mid = (a + b) // 2
                a, b = (mid, b) if offset(mid) == offset(day) else (a, mid)
            rows.append((b, offset(b)))
        day = following
    return rows


def _local_case(t: str, offsets: list[tuple[int, int]]) -> str:
    """SQL: epoch ``t`` as local wall-clock seconds. The offset changes (two a year in Finland)
    are written out as one CASE: cheaper than a lookup table, no subquery per row."""
    whens = " ".join(f"WHEN {t} >= {start} THEN {off}" for start, off in reversed(offsets))
    return f"({t} + CASE {whens} END)"


def _load_customers(
    conn: sqlite3.Connection, settings: ReportSettings, p: Mapping[str, Any]
) -> None:
    """temp.report_customer: every customer's count, first and last contact as of ``now`` (the
    summary table ``customers``, recounted for the few customers with contacts after ``now``);
    temp.report_keys: the key customers, each with its customer's id when it is one."""
    conn.execute(
        "CREATE TEMP TABLE report_late (id INTEGER PRIMARY KEY, ckey TEXT NOT NULL,"
        " n INTEGER NOT NULL, first_at INTEGER, last_at INTEGER)"
    )
    conn.execute(
        """INSERT INTO temp.report_late
        SELECT s.id, s.customer_key, count(c.id), min(c.first_contact_at), max(c.first_contact_at)
        FROM main.customers s LEFT JOIN conversations c INDEXED BY conversations_customer_id
            ON c.customer_id = s.id AND c.first_contact_at <= :now
        WHERE s.id IN (SELECT customer_id FROM conversations
                       INDEXED BY conversations_first_contact WHERE first_contact_at > :now)
        GROUP BY s.id""",
        p,
    )
    conn.execute(
        """CREATE TEMP VIEW report_customer (id, ckey, n, first_at, last_at) AS
        SELECT id, customer_key, conversations, first_contact_at, last_contact_at
        FROM main.customers WHERE id NOT IN (SELECT id FROM temp.report_late)
        UNION ALL SELECT id, ckey, n, first_at, last_at FROM temp.report_late WHERE n > 0"""
    )
    # A key that is a whole customer has its customer's id; a configured address inside a
    # company domain, which is matched by address, a negative one.
    conn.execute(
        "CREATE TEMP TABLE report_keys (id INTEGER PRIMARY KEY, entry TEXT NOT NULL UNIQUE)"
    )
    if settings.key_customers:
        entries = dict.fromkeys(k.strip().lower().lstrip("@") for k in settings.key_customers)
        conn.executemany(
            "INSERT INTO temp.report_keys VALUES (coalesce("
            "(SELECT id FROM main.customers WHERE customer_key = :entry), -:n), :entry)",
            [{"entry": e, "n": n} for n, e in enumerate(entries, start=1)],
        )
        return
    # Each customer's conversations in the window, counted along the (customer_id,
    # first_contact_at) index (grouped in its order: no sort), then the top 20 %.
    conn.execute(
        "CREATE TEMP TABLE report_window (id INTEGER PRIMARY KEY, ckey TEXT NOT NULL,"
        " last_at INTEGER NOT NULL, n INTEGER NOT NULL)"
    )
    conn.execute(
        """INSERT INTO temp.report_window
        SELECT s.id, s.customer_key, coalesce(l.last_at, s.last_contact_at), w.n
        FROM (SELECT customer_id, count(*) AS n
              FROM conversations INDEXED BY conversations_customer_id
              WHERE first_contact_at >= :year_ago AND first_contact_at < :until
                AND first_contact_at <= :now
              GROUP BY customer_id) w
        JOIN main.customers s ON s.id = w.customer_id
        LEFT JOIN temp.report_late l ON l.id = s.id""",
        p,
    )
    total = conn.execute("SELECT count(*) FROM temp.report_window").fetchone()[0]
    conn.execute(
        """INSERT INTO temp.report_keys (id, entry)
        SELECT id, ckey FROM temp.report_window ORDER BY n DESC, last_at DESC, ckey LIMIT :keys""",
        {"keys": (total * KEY_SHARE_PERCENT + 99) // 100},
    )


def _load_new_leads(conn: sqlite3.Connection, p: Mapping[str, Any]) -> None:
    """temp.report_new: the conversations from ``lo`` on that were their customer's first (the
    first contact of each customer who first wrote then, found along conversations_customer_id)."""
    conn.execute("CREATE TEMP TABLE report_new (id INTEGER PRIMARY KEY)")
    conn.execute(
        """INSERT OR IGNORE INTO temp.report_new
        SELECT c.id FROM main.customers s
        JOIN conversations c INDEXED BY conversations_customer_id
            ON c.customer_id = s.id AND c.first_contact_at = s.first_contact_at
        WHERE s.first_contact_at >= :lo AND s.first_contact_at < :until
          AND s.first_contact_at <= :now""",
        p,
    )


# Indexes on temp.report_conv: each percentile is one ORDER BY … LIMIT 1 OFFSET k walk along one
# of them, and most counts read an index alone. Medians of a subset of the period (key customers or
# not, new leads or not) walk report_conv_business, skipping the rows outside the subset. The
# period's own indexes lead with the value: SQLite builds a single-column index of 350k rows twice
# as fast as one that leads with a column of few values (week); the trend weeks are small.
_CONV_INDEXES = {
    "report_conv_business": "(business_s, is_key, is_new)"
    " WHERE week = 0 AND business_s IS NOT NULL",
    "report_conv_wall": "(response_s) WHERE week = 0 AND response_s IS NOT NULL",
    "report_conv_ack": "(ack_s) WHERE week = 0 AND ack_s IS NOT NULL",
    "report_conv_hour": "(hour, business_s) WHERE week = 0",
    "report_conv_key": "(key_id, business_s) WHERE week = 0 AND key_id IS NOT NULL",
    "report_conv_trend_business": "(week, business_s) WHERE week > 0 AND business_s IS NOT NULL",
    "report_conv_trend_wall": "(week, response_s) WHERE week > 0 AND response_s IS NOT NULL",
}


def _cum(b: str, t: str) -> str:
    """SQL: cumulative business seconds up to epoch ``t``, given ``b``, the report_calendar row
    of ``t``'s local day: the days before it, plus the part of ``t``'s day that was open."""
    return f"{b}.cum_before + max(0, min({t} - {b}.open_epoch, {b}.close_epoch - {b}.open_epoch))"


def _load_conversations(
    conn: sqlite3.Connection,
    bounds: list[int],
    offsets: list[tuple[int, int]],
    p: Mapping[str, Any],
) -> None:
    """Fill temp.report_conv in one pass along the first-contact index, then index it."""
    week = "CASE " + " ".join(
        f"WHEN c.first_contact_at >= {b} THEN {k}" for k, b in enumerate(bounds)
    )
    conn.execute(
        """CREATE TEMP TABLE report_conv (
            id INTEGER PRIMARY KEY, week INTEGER NOT NULL, contact_at INTEGER NOT NULL,
            reply_at INTEGER, response_s INTEGER, business_s INTEGER, business_wait_s INTEGER,
            ack_s INTEGER, key_id INTEGER, is_key INTEGER NOT NULL, is_new INTEGER NOT NULL,
            weekday INTEGER NOT NULL, hour INTEGER NOT NULL)"""
    )
    contact_local = _local_case("c.first_contact_at", offsets)
    reply_local = _local_case("c.first_reply_at", offsets)
    key_id = "k.id"
    by_address = ""
    if conn.execute("SELECT 1 FROM temp.report_keys WHERE id < 0").fetchone():
        # a configured address inside a company domain is a key customer on its own
        key_id = "coalesce(a.id, k.id)"
        by_address = "LEFT JOIN temp.report_keys a ON a.entry = c.customer_email"
    conn.execute(
        f"""INSERT INTO temp.report_conv
        SELECT id, week, contact_at, reply_at, reply_at - contact_at,
               reply_cum - contact_cum, CASE WHEN reply_at IS NULL THEN :now_cum - contact_cum END,
               ack_at - contact_at, key_id, key_id IS NOT NULL, 0,
               {_weekday("contact_local")}, {_hour("contact_local")}
        FROM (SELECT c.id, {week} END AS week, c.first_contact_at AS contact_at,
                     CASE WHEN c.first_reply_at <= :now THEN c.first_reply_at END AS reply_at,
                     CASE WHEN c.ack_status = 'sent' AND c.ack_at <= :now THEN c.ack_at END
                         AS ack_at,
                     {key_id} AS key_id,
                     {contact_local} AS contact_local,
                     {_cum("bc", "c.first_contact_at")} AS contact_cum,
                     {_cum("br", "c.first_reply_at")} AS reply_cum
              FROM conversations c INDEXED BY conversations_first_contact
              JOIN temp.report_calendar bc ON bc.day = {contact_local} / 86400
              LEFT JOIN temp.report_calendar br
                  ON c.first_reply_at <= :now AND br.day = {reply_local} / 86400
              LEFT JOIN temp.report_keys k ON k.id = c.customer_id
              {by_address}
              WHERE c.first_contact_at >= :lo AND c.first_contact_at < :until
                AND c.first_contact_at <= :now)""",
        p,
    )
    # The few new leads are marked afterwards: cheaper than a lookup for every row.
    conn.execute("UPDATE temp.report_conv SET is_new = 1 WHERE id IN temp.report_new")
    for name, spec in _CONV_INDEXES.items():
        conn.execute(f"CREATE INDEX temp.{name} ON report_conv {spec}")


# --- reading the aggregates -------------------------------------------------------------------

_PROMISED = "CASE WHEN is_key THEN :key_promise ELSE :promise END"
_WITHIN = f"(business_s <= {_PROMISED})"
_DECIDED = f"(reply_at IS NOT NULL OR business_wait_s > {_PROMISED})"


def _percentiles(
    conn: sqlite3.Connection,
    index: str,
    column: str,
    where: str,
    p: Mapping[str, Any],
    p90: bool = True,
    count: int | None = None,
) -> Durations:
    """Nearest-rank median and p90, and the max, of ``column`` over the rows of report_conv
    matching ``where``: the value at rank k is ``ORDER BY column LIMIT 1 OFFSET k - 1``, walked
    along ``index`` (whose leading columns ``where`` fixes; any other column it tests is in the
    index too), so nothing is sorted. With ``count`` (the rows with a value, known already)
    only the median is read."""
    cond = f"FROM temp.report_conv INDEXED BY {index} WHERE {where} AND {column} IS NOT NULL"
    if count is None:
        n, top = conn.execute(f"SELECT count(*), max({column}) {cond}", p).fetchone()
    else:
        n, top, p90 = count, None, False
    if not n:
        return Durations()

    def rank(percent: int) -> int:
        k = (n * percent + 99) // 100  # ceil(n * percent / 100), 1-based
        sql = f"SELECT {column} {cond} ORDER BY {column} LIMIT 1 OFFSET :offset"
        return int(conn.execute(sql, {**p, "offset": k - 1}).fetchone()[0])

    return Durations(n, rank(50), rank(90) if p90 else None, top)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass(frozen=True)
class _Counts:
    """Counts of report_conv rows: contacts, answered, acknowledged, decided, within promise."""

    contacts: int = 0
    answered: int = 0
    acked: int = 0
    decided: int = 0
    within: int = 0

    def __add__(self, other: _Counts) -> _Counts:
        return _Counts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


def _groups(conn: sqlite3.Connection, p: Mapping[str, Any]) -> dict[tuple[int, ...], _Counts]:
    """The counts per (week, is_key, is_new, weekday): one pass; every count of contacts in the
    report is a sum of a few of these aggregated rows. The four are grouped as one integer,
    which sorts twice as fast as four columns."""
    rows = conn.execute(
        f"""SELECT week * 100 + is_key * 20 + is_new * 10 + weekday AS g, count(*),
                   count(reply_at), count(ack_s), sum({_DECIDED}), sum({_WITHIN})
            FROM temp.report_conv NOT INDEXED GROUP BY g""",
        p,
    )
    return {
        (r[0] // 100, r[0] % 100 // 20, r[0] % 20 // 10, r[0] % 10): _Counts(
            *(v or 0 for v in r[1:])
        )
        for r in rows
    }


def _total(groups: Mapping[tuple[int, ...], _Counts], **match: int) -> _Counts:
    fields = ("week", "is_key", "is_new", "weekday")
    wanted = [(fields.index(name), value) for name, value in match.items()]
    return sum((c for g, c in groups.items() if all(g[i] == v for i, v in wanted)), start=_Counts())


def _assemble(
    conn: sqlite3.Connection,
    settings: ReportSettings,
    since: datetime,
    until: datetime,
    now: datetime,
    starts: list[datetime],
    offsets: list[tuple[int, int]],
    p: Mapping[str, Any],
) -> WeekReport:
    zone = settings.hours.timezone
    groups = _groups(conn, p)
    wall = [_percentiles(conn, "report_conv_wall", "response_s", "week = 0", p)]
    business = [_percentiles(conn, "report_conv_business", "business_s", "week = 0", p)]
    for k in range(1, TREND_WEEKS + 1):
        where = f"week > 0 AND week = {k}"
        wall.append(_percentiles(conn, "report_conv_trend_wall", "response_s", where, p))
        business.append(_percentiles(conn, "report_conv_trend_business", "business_s", where, p))
    ack = _percentiles(conn, "report_conv_ack", "ack_s", "week = 0", p, p90=False)
    period = _total(groups, week=0)
    replies = _replies(conn, offsets, p)

    trend = []
    for k in range(TREND_WEEKS, 0, -1):
        counts = _total(groups, week=k)
        trend.append(
            TrendWeek(
                since=starts[k - 1],
                until=starts[k - 2] if k > 1 else since,
                contacts=counts.contacts,
                answered=counts.answered,
                median_response_seconds=wall[k].median,
                median_business_seconds=business[k].median,
                p90_business_seconds=business[k].p90,
                within_promise_share=_share(counts.within, counts.decided),
            )
        )

    return WeekReport(
        since=since,
        until=until,
        now=now,
        contacts=period.contacts,
        answered=period.answered,
        unanswered=_unanswered(conn, zone, p),
        response=wall[0],
        business_response=business[0],
        acknowledged=Acknowledged(period.acked, _share(period.acked, period.contacts), ack.median),
        within_promise_share=_share(period.within, period.decided),
        key_tier=_tier(conn, groups, True, p),
        other_tier=_tier(conn, groups, False, p),
        promises=_promises(conn, p),
        new_leads=_segment(conn, groups, True, p),
        repeat_customers=_segment(conn, groups, False, p),
        key_customers_source="config" if settings.key_customers else "top_20_percent",
        key_customers=_key_customers(conn, p),
        key_customers_total=conn.execute("SELECT count(*) FROM temp.report_keys").fetchone()[0],
        silent_customers=_silent(conn, zone, p),
        silent_customers_total=conn.execute(
            f"SELECT count(*) FROM temp.report_customer WHERE {_SILENT}", p
        ).fetchone()[0],
        by_weekday=tuple(
            WeekdayRhythm(
                d,
                _total(groups, week=0, weekday=d).contacts,
                sum(n for (weekday, _), n in replies.items() if weekday == d),
            )
            for d in range(7)
        ),
        by_hour=_by_hour(conn, replies, p),
        histogram=_histogram(conn),
        trend=tuple(trend),
    )


def _unanswered(
    conn: sqlite3.Connection, zone: ZoneInfo, p: Mapping[str, Any]
) -> tuple[Waiting, ...]:
    rows = conn.execute(
        """SELECT c.customer_email, c.customer_name, c.subject, r.contact_at,
                  :now - r.contact_at, r.business_wait_s, r.is_new, r.is_key
           FROM temp.report_conv r NOT INDEXED JOIN conversations c ON c.id = r.id
           WHERE r.week = 0 AND r.reply_at IS NULL ORDER BY r.contact_at, r.id""",
        p,
    )
    return tuple(
        Waiting(r[0], r[1], r[2], _at(r[3], zone), r[4], r[5], bool(r[6]), bool(r[7])) for r in rows
    )


def _at(epoch: int, zone: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(epoch, zone)


def _tier(
    conn: sqlite3.Connection,
    groups: Mapping[tuple[int, ...], _Counts],
    key: bool,
    p: Mapping[str, Any],
) -> Tier:
    counts = _total(groups, week=0, is_key=int(key))
    where = f"week = 0 AND is_key = {int(key)}"
    index = "report_conv_business"
    median = _percentiles(conn, index, "business_s", where, p, count=counts.answered).median
    promise = p["key_promise"] if key else p["promise"]
    share = _share(counts.within, counts.decided)
    return Tier(
        promise, counts.contacts, counts.answered, counts.decided, counts.within, share, median
    )


def _segment(
    conn: sqlite3.Connection,
    groups: Mapping[tuple[int, ...], _Counts],
    new: bool,
    p: Mapping[str, Any],
) -> Segment:
    counts = _total(groups, week=0, is_new=int(new))
    where = f"week = 0 AND is_new = {int(new)}"
    index = "report_conv_business"
    median = _percentiles(conn, index, "business_s", where, p, count=counts.answered).median
    return Segment(
        counts.contacts, counts.answered, _share(counts.answered, counts.contacts), median
    )


def _promises(conn: sqlite3.Connection, p: Mapping[str, Any]) -> Promises:
    row = conn.execute(
        """SELECT count(*),
                  sum(done_at IS NOT NULL AND done_at <= due_at + :grace),
                  sum(done_at IS NOT NULL AND done_at > due_at + :grace),
                  sum(done_at IS NULL AND due_at + :grace < :now),
                  sum(done_at IS NULL AND due_at + :grace >= :now)
           FROM (SELECT due_at, CASE WHEN done_at <= :now THEN done_at END AS done_at
                 FROM reminders INDEXED BY reminders_due_at
                 WHERE due_at >= :since AND due_at < :until
                 UNION ALL
                 SELECT callback_at, CASE WHEN first_reply_at <= :now THEN first_reply_at END
                 FROM conversations c INDEXED BY conversations_callback
                 WHERE callback_at >= :since AND callback_at < :until
                   AND first_contact_at <= :now
                   AND NOT EXISTS (SELECT 1 FROM reminders r
                                   WHERE r.conversation_id = c.id AND r.due_at = c.callback_at))""",
        p,
    ).fetchone()
    return Promises(*(v or 0 for v in row))


def _key_customers(conn: sqlite3.Connection, p: Mapping[str, Any]) -> tuple[KeyCustomer, ...]:
    """Read from report_conv_key alone: a key customer's row is answered when it has
    business_s, and within promise when business_s is within the key customers' promise."""
    rows = conn.execute(
        f"""SELECT k.id, k.entry, g.n, g.answered, g.within
            FROM (SELECT key_id, count(*) AS n, count(business_s) AS answered,
                         sum(business_s <= :key_promise) AS within
                  FROM temp.report_conv INDEXED BY report_conv_key
                  WHERE week = 0 AND key_id IS NOT NULL GROUP BY key_id) g
            JOIN temp.report_keys k ON k.id = g.key_id
            ORDER BY g.n DESC, k.entry LIMIT {LIST_LIMIT}""",
        p,
    ).fetchall()
    where = "week = 0 AND key_id = :key"
    return tuple(
        KeyCustomer(
            entry,
            n,
            answered,
            within or 0,
            _percentiles(
                conn, "report_conv_key", "business_s", where, {**p, "key": key}, p90=False
            ).median,
        )
        for key, entry, n, answered, within in rows
    )


_SILENT = (
    f"n >= {SILENT_MIN_CONVERSATIONS} AND :now - last_at >= :silent_days"
    f" AND :now - last_at > {SILENT_FACTOR} * (last_at - first_at) / (n - 1)"
)


def _silent(
    conn: sqlite3.Connection, zone: ZoneInfo, p: Mapping[str, Any]
) -> tuple[SilentCustomer, ...]:
    rows = conn.execute(
        f"""SELECT ckey, n, (last_at - first_at) / (n - 1), last_at, :now - last_at
            FROM temp.report_customer WHERE {_SILENT}
            ORDER BY n DESC, last_at DESC, ckey LIMIT {LIST_LIMIT}""",
        p,
    )
    return tuple(SilentCustomer(r[0], r[1], r[2], _at(r[3], zone), r[4]) for r in rows)


def _replies(
    conn: sqlite3.Connection, offsets: list[tuple[int, int]], p: Mapping[str, Any]
) -> dict[tuple[int, int], int]:
    """Owner first replies sent in the period (to any conversation), by local weekday and hour
    (grouped as the hour of the week, 0 = Monday 00–01)."""
    local = _local_case("first_reply_at", offsets)
    rows = conn.execute(
        f"""SELECT ({local} / 3600 + 72) % 168 AS hour_of_week, count(*)
            FROM conversations INDEXED BY conversations_waiting
            WHERE first_reply_at >= :since AND first_reply_at < :until AND first_reply_at <= :now
            GROUP BY hour_of_week""",
        p,
    )
    return {divmod(r[0], 24): r[1] for r in rows}


def _by_hour(
    conn: sqlite3.Connection, replies: Mapping[tuple[int, int], int], p: Mapping[str, Any]
) -> tuple[HourRhythm, ...]:
    contacts = dict(
        conn.execute(
            "SELECT hour, count(*) FROM temp.report_conv INDEXED BY report_conv_hour"
            " WHERE week = 0 GROUP BY 1"
        )
    )
    where = "week = 0 AND hour = :hour"
    return tuple(
        HourRhythm(
            h,
            contacts.get(h, 0),
            sum(n for (_, hour), n in replies.items() if hour == h),
            _percentiles(
                conn, "report_conv_hour", "business_s", where, {**p, "hour": h}, p90=False
            ).median
            if contacts.get(h)
            else None,
        )
        for h in range(24)
    )


def _histogram(conn: sqlite3.Connection) -> tuple[Bucket, ...]:
    """Counted along report_conv_business: one index range per bucket."""
    uppers: list[int | None] = [*HISTOGRAM_EDGES[1:], None]
    counts = []
    for lo, hi in zip(HISTOGRAM_EDGES, uppers, strict=True):
        below = "" if hi is None else f" AND business_s < {hi}"
        sql = (
            "SELECT count(*) FROM temp.report_conv INDEXED BY report_conv_business"
            f" WHERE week = 0 AND business_s >= {lo}{below}"
        )
        counts.append(conn.execute(sql).fetchone()[0])
    return tuple(Bucket(*b) for b in zip(HISTOGRAM_EDGES, uppers, counts, strict=True))
