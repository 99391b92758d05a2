"""The weekly report: SQL aggregates over the ledger into one WeekReport record.

Every aggregate runs in SQLite; Python loops only over aggregated rows and over calendar days.
One report run works inside a savepoint that is rolled back at the end, so the TEMP tables it
builds vanish and nothing in the main database changes (apart from the indexes that
``ensure_report_indexes`` creates once, before the savepoint):

``temp.report_calendar``  business days of the range (``schedule.business_calendar_rows``): the
    business seconds between two instants are ``cum(b) - cum(a)`` (see ``_cum``).
``offset_changes``        the UTC offset from each instant on (one entry per DST change, from
    zoneinfo), inlined into SQL as a CASE so local weekday and hour are computed in SQL and are
    right on both sides of a DST change.
``temp.report_customer``  one row per customer (address, or domain for a non-freemail domain),
    from one pass over the (customer_email, first_contact_at) index.
``temp.report_keys``      key customers: configured addresses/domains, else the top 20 %.
``temp.report_conv``      the period's and the four earlier weeks' conversations with their
    wall, business and acknowledgment seconds, indexed so that each percentile is one
    ``ORDER BY v LIMIT 1 OFFSET k - 1`` walk along an index (no sort, no window buffer).

Definitions (all figures are as the database stood at ``now``: a reply, acknowledgment or
reminder stamped later than ``now`` is ignored):

* A contact belongs to the period when its ``first_contact_at`` is in ``[since, until)``.
* Answered: ``first_reply_at`` is set (the owner's reply; the acknowledgment never counts).
* Percentiles are nearest-rank (in SQL, see ``_percentiles``): the p-th percentile of n sorted values is the value at 1-based
  rank ``ceil(p * n / 100)``. So the median of an even count is the lower middle value, and p90 of
  1…10 is 9.
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
  gaps between consecutive first contacts, which one GROUP BY can compute from an index.
* Trend: the four weeks (7 local days each, DST-aware) before ``since``, oldest first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .errors import UsageError
from .schedule import BusinessHours, business_calendar_rows
from .store import Store

FREEMAIL = (
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "yahoo.com",
    "icloud.com",
    "luukku.com",
    "suomi24.fi",
    "kolumbus.fi",
    "elisanet.fi",
    "live.com",
)
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

INDEXES = (
    "CREATE INDEX IF NOT EXISTS report_conversations_customer_contact"
    " ON conversations(customer_email, first_contact_at)",
    "CREATE INDEX IF NOT EXISTS report_conversations_callback"
    " ON conversations(callback_at) WHERE callback_at IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS report_reminders_due_at ON reminders(due_at)",
)

_FREEMAIL_SQL = ", ".join(f"'{d}'" for d in FREEMAIL)


def _domain(col: str) -> str:
    return f"substr({col}, instr({col}, '@') + 1)"


def _customer_key(col: str) -> str:
    """SQL: the customer an address belongs to (itself for freemail, else its domain)."""
    return f"CASE WHEN {_domain(col)} IN ({_FREEMAIL_SQL}) THEN {col} ELSE {_domain(col)} END"


def _cum(t: str) -> str:
    """SQL: cumulative business seconds up to epoch ``t`` (schedule.business_calendar_rows)."""
    return (
        f"coalesce((SELECT b.cum_before + min({t} - b.open_epoch, b.close_epoch - b.open_epoch)"
        f" FROM temp.report_calendar b WHERE b.open_epoch <= {t}"
        " ORDER BY b.open_epoch DESC LIMIT 1), 0)"
    )


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


def ensure_report_indexes(store: Store) -> None:
    """The indexes the report's queries need (cheap no-ops once they exist)."""
    for sql in INDEXES:
        store.db.execute(sql)


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
    ensure_report_indexes(store)
    # The working tables of a year (~350k rows) fit in memory; spilling them to a temp file
    # triples the time. Only the temp schema's cache is changed.
    store.db.conn.execute(f"PRAGMA temp.cache_size = {-TEMP_CACHE_KIB}")
    with _savepoint(store.db.conn) as conn:
        offsets = _load_calendar(conn, settings.hours, starts[-1], max(now, until))
        p["now_cum"] = conn.execute(f"SELECT {_cum(':now')}", p).fetchone()[0]
        _load_customers(conn, settings, p)
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
    """Fill temp.report_calendar; return the UTC offset changes of the range."""
    zone = hours.timezone
    first = lo.astimezone(zone).date() - timedelta(days=1)
    last = hi.astimezone(zone).date() + timedelta(days=1)
    conn.execute(
        "CREATE TEMP TABLE report_calendar (open_epoch INTEGER PRIMARY KEY,"
        " close_epoch INTEGER NOT NULL, cum_before INTEGER NOT NULL)"
    )
    conn.executemany(
        "INSERT INTO temp.report_calendar VALUES (?, ?, ?)",
        business_calendar_rows(first, last, hours),
    )
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
    """One pass over the (customer_email, first_contact_at) index: every customer's count,
    first and last contact, and conversations in the key-customer window; then the keys."""
    conn.execute(
        "CREATE TEMP TABLE report_customer (ckey TEXT PRIMARY KEY, n INTEGER NOT NULL,"
        " first_at INTEGER NOT NULL, last_at INTEGER NOT NULL, n_year INTEGER NOT NULL,"
        " key_entry TEXT) WITHOUT ROWID"
    )
    conn.execute(
        f"""INSERT INTO temp.report_customer
        SELECT {_customer_key("customer_email")} AS ckey, sum(n), min(first_at), max(last_at),
               sum(n_year), NULL
        FROM (SELECT customer_email, count(*) AS n, min(first_contact_at) AS first_at,
                     max(first_contact_at) AS last_at,
                     sum(first_contact_at >= :year_ago AND first_contact_at < :until) AS n_year
              FROM conversations INDEXED BY report_conversations_customer_contact
              WHERE first_contact_at <= :now GROUP BY customer_email)
        GROUP BY ckey""",
        p,
    )
    conn.execute("CREATE TEMP TABLE report_keys (entry TEXT PRIMARY KEY) WITHOUT ROWID")
    if settings.key_customers:
        conn.executemany(
            "INSERT OR IGNORE INTO temp.report_keys VALUES (?)",
            [(k.strip().lower().lstrip("@"),) for k in settings.key_customers],
        )
    else:
        conn.execute(
            f"""INSERT INTO temp.report_keys
            SELECT ckey FROM (
                SELECT ckey, row_number() OVER (ORDER BY n_year DESC, last_at DESC, ckey) AS rn,
                       count(*) OVER () AS total
                FROM temp.report_customer WHERE n_year > 0)
            WHERE rn <= (total * {KEY_SHARE_PERCENT} + 99) / 100"""
        )
    # Keys that are whole customers (a domain, a freemail address) are marked here; an address
    # inside a company domain is matched per conversation (_key_entry).
    conn.execute(
        "UPDATE temp.report_customer SET key_entry = ckey"
        " WHERE ckey IN (SELECT entry FROM temp.report_keys)"
    )


_ADDRESS_KEYS = """SELECT entry FROM temp.report_keys
    WHERE instr(entry, '@') AND entry NOT IN (SELECT ckey FROM temp.report_customer)"""

# Indexes on temp.report_conv: each percentile is one ORDER BY … LIMIT 1 OFFSET k on one of them.
_CONV_INDEXES = {
    "report_conv_wall": "(week, response_s)",
    "report_conv_business": "(week, business_s)",
    "report_conv_ack": "(week, ack_s)",
    "report_conv_tier": "(is_key, business_s) WHERE week = 0",
    "report_conv_new": "(is_new, business_s) WHERE week = 0",
    "report_conv_hour": "(hour, business_s) WHERE week = 0",
    "report_conv_key": "(key_entry, business_s) WHERE week = 0",
}


def _load_conversations(
    conn: sqlite3.Connection,
    bounds: list[int],
    offsets: list[tuple[int, int]],
    p: Mapping[str, Any],
) -> None:
    week = "CASE " + " ".join(
        f"WHEN c.first_contact_at >= {b} THEN {k}" for k, b in enumerate(bounds)
    )
    conn.execute(
        """CREATE TEMP TABLE report_conv (
            id INTEGER PRIMARY KEY, week INTEGER NOT NULL, customer_email TEXT NOT NULL,
            customer_name TEXT NOT NULL, subject TEXT NOT NULL, contact_at INTEGER NOT NULL,
            reply_at INTEGER, response_s INTEGER, business_s INTEGER, business_wait_s INTEGER,
            ack_s INTEGER, key_entry TEXT, is_key INTEGER NOT NULL, is_new INTEGER NOT NULL,
            weekday INTEGER NOT NULL, hour INTEGER NOT NULL)"""
    )
    email = "c.customer_email"
    local = _local_case("contact_at", offsets)
    addresses = [r[0] for r in conn.execute(_ADDRESS_KEYS)]
    key_entry = "k.key_entry"
    if addresses:  # configured addresses inside company domains
        key_entry = (
            f"coalesce((SELECT entry FROM temp.report_keys WHERE entry = {email}), k.key_entry)"
        )
    # The CTE is materialized so that each correlated subquery runs once per row.
    conn.execute(
        f"""WITH base AS MATERIALIZED (
            SELECT c.id, {week} END AS week, c.customer_email, c.customer_name, c.subject,
                   c.first_contact_at AS contact_at,
                   CASE WHEN c.first_reply_at <= :now THEN c.first_reply_at END AS reply_at,
                   CASE WHEN c.ack_status = 'sent' AND c.ack_at <= :now THEN c.ack_at END AS ack_at,
                   {key_entry} AS key_entry, c.first_contact_at <= k.first_at AS is_new,
                   {_cum("c.first_contact_at")} AS contact_cum
            FROM conversations c JOIN temp.report_customer k ON k.ckey = {_customer_key(email)}
            WHERE c.first_contact_at >= :lo AND c.first_contact_at < :until
              AND c.first_contact_at <= :now)
        INSERT INTO temp.report_conv
        SELECT id, week, customer_email, customer_name, subject, contact_at, reply_at,
               reply_at - contact_at,
               CASE WHEN reply_at IS NOT NULL THEN {_cum("reply_at")} - contact_cum END,
               CASE WHEN reply_at IS NULL THEN :now_cum - contact_cum END,
               ack_at - contact_at, key_entry, key_entry IS NOT NULL, is_new,
               {_weekday(local)}, {_hour(local)}
        FROM base""",
        p,
    )
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
) -> Durations:
    """Nearest-rank median and p90, and the max, of ``column`` over the rows of report_conv
    matching ``where``: the value at rank k is ``ORDER BY column LIMIT 1 OFFSET k - 1``, walked
    along ``index`` (whose leading columns ``where`` fixes), so nothing is sorted."""
    cond = f"FROM temp.report_conv INDEXED BY {index} WHERE {where} AND {column} IS NOT NULL"
    n, top = conn.execute(f"SELECT count(*), max({column}) {cond}", p).fetchone()
    if not n:
        return Durations()

    def rank(percent: int) -> int:
        k = (n * percent + 99) // 100  # ceil(n * percent / 100), 1-based
        sql = f"SELECT {column} {cond} ORDER BY {column} LIMIT 1 OFFSET :offset"
        return int(conn.execute(sql, {**p, "offset": k - 1}).fetchone()[0])

    return Durations(n, rank(50), rank(90), top)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


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
    weeks = {
        r[0]: r[1:]
        for r in conn.execute(
            f"""SELECT week, count(*), count(reply_at), count(ack_s), sum({_DECIDED}),
                       sum({_WITHIN})
                FROM temp.report_conv GROUP BY week""",
            p,
        )
    }
    wall = [
        _percentiles(conn, "report_conv_wall", "response_s", f"week = {k}", p) for k in range(5)
    ]
    business = [
        _percentiles(conn, "report_conv_business", "business_s", f"week = {k}", p) for k in range(5)
    ]
    ack = _percentiles(conn, "report_conv_ack", "ack_s", "week = 0", p)
    contacts, answered, acked, decided, within = weeks.get(0, (0, 0, 0, 0, 0))

    trend = []
    for k in range(TREND_WEEKS, 0, -1):
        n, a, _, d, w = weeks.get(k, (0, 0, 0, 0, 0))
        trend.append(
            TrendWeek(
                since=starts[k - 1],
                until=starts[k - 2] if k > 1 else since,
                contacts=n,
                answered=a,
                median_response_seconds=wall[k].median,
                median_business_seconds=business[k].median,
                p90_business_seconds=business[k].p90,
                within_promise_share=_share(w or 0, d or 0),
            )
        )

    return WeekReport(
        since=since,
        until=until,
        now=now,
        contacts=contacts,
        answered=answered,
        unanswered=_unanswered(conn, zone, p),
        response=wall[0],
        business_response=business[0],
        acknowledged=Acknowledged(acked, _share(acked, contacts), ack.median),
        within_promise_share=_share(within or 0, decided or 0),
        key_tier=_tier(conn, True, p),
        other_tier=_tier(conn, False, p),
        promises=_promises(conn, p),
        new_leads=_segment(conn, True, p),
        repeat_customers=_segment(conn, False, p),
        key_customers_source="config" if settings.key_customers else "top_20_percent",
        key_customers=_key_customers(conn, p),
        key_customers_total=conn.execute("SELECT count(*) FROM temp.report_keys").fetchone()[0],
        silent_customers=_silent(conn, zone, p),
        silent_customers_total=conn.execute(
            f"SELECT count(*) FROM temp.report_customer WHERE {_SILENT}", p
        ).fetchone()[0],
        by_weekday=_by_weekday(conn, offsets, p),
        by_hour=_by_hour(conn, offsets, p),
        histogram=_histogram(conn),
        trend=tuple(trend),
    )


def _unanswered(
    conn: sqlite3.Connection, zone: ZoneInfo, p: Mapping[str, Any]
) -> tuple[Waiting, ...]:
    rows = conn.execute(
        """SELECT customer_email, customer_name, subject, contact_at, :now - contact_at,
                  business_wait_s, is_new, is_key
           FROM temp.report_conv WHERE week = 0 AND reply_at IS NULL ORDER BY contact_at, id""",
        p,
    )
    return tuple(
        Waiting(r[0], r[1], r[2], _at(r[3], zone), r[4], r[5], bool(r[6]), bool(r[7])) for r in rows
    )


def _at(epoch: int, zone: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(epoch, zone)


def _tier(conn: sqlite3.Connection, key: bool, p: Mapping[str, Any]) -> Tier:
    where = f"week = 0 AND is_key = {int(key)}"
    n, a, d, w = conn.execute(
        f"SELECT count(*), count(reply_at), sum({_DECIDED}), sum({_WITHIN})"
        f" FROM temp.report_conv WHERE {where}",
        p,
    ).fetchone()
    median = _percentiles(conn, "report_conv_tier", "business_s", where, p).median
    promise = p["key_promise"] if key else p["promise"]
    return Tier(promise, n, a, d or 0, w or 0, _share(w or 0, d or 0), median)


def _segment(conn: sqlite3.Connection, new: bool, p: Mapping[str, Any]) -> Segment:
    where = f"week = 0 AND is_new = {int(new)}"
    n, a = conn.execute(
        f"SELECT count(*), count(reply_at) FROM temp.report_conv WHERE {where}"
    ).fetchone()
    median = _percentiles(conn, "report_conv_new", "business_s", where, p).median
    return Segment(n, a, _share(a, n), median)


def _promises(conn: sqlite3.Connection, p: Mapping[str, Any]) -> Promises:
    row = conn.execute(
        """SELECT count(*),
                  sum(done_at IS NOT NULL AND done_at <= due_at + :grace),
                  sum(done_at IS NOT NULL AND done_at > due_at + :grace),
                  sum(done_at IS NULL AND due_at + :grace < :now),
                  sum(done_at IS NULL AND due_at + :grace >= :now)
           FROM (SELECT due_at, CASE WHEN done_at <= :now THEN done_at END AS done_at
                 FROM reminders WHERE due_at >= :since AND due_at < :until
                 UNION ALL
                 SELECT callback_at, CASE WHEN first_reply_at <= :now THEN first_reply_at END
                 FROM conversations c
                 WHERE callback_at >= :since AND callback_at < :until
                   AND first_contact_at <= :now
                   AND NOT EXISTS (SELECT 1 FROM reminders r
                                   WHERE r.conversation_id = c.id AND r.due_at = c.callback_at))""",
        p,
    ).fetchone()
    return Promises(*(v or 0 for v in row))


def _key_customers(conn: sqlite3.Connection, p: Mapping[str, Any]) -> tuple[KeyCustomer, ...]:
    rows = conn.execute(
        f"""SELECT key_entry, count(*), count(reply_at), sum({_WITHIN})
            FROM temp.report_conv WHERE week = 0 AND is_key
            GROUP BY key_entry ORDER BY count(*) DESC, key_entry LIMIT {LIST_LIMIT}""",
        p,
    ).fetchall()
    where = "week = 0 AND key_entry = :entry"
    return tuple(
        KeyCustomer(
            r[0],
            r[1],
            r[2],
            r[3] or 0,
            _percentiles(conn, "report_conv_key", "business_s", where, {**p, "entry": r[0]}).median,
        )
        for r in rows
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


def _replies_by(
    conn: sqlite3.Connection, part: str, offsets: list[tuple[int, int]], p: Mapping[str, Any]
) -> dict[int, int]:
    """Owner first replies sent in the period (to any conversation), by local weekday or hour."""
    local = _local_case("first_reply_at", offsets)
    expr = _weekday(local) if part == "weekday" else _hour(local)
    rows = conn.execute(
        f"""SELECT {expr} AS part, count(*) FROM conversations
            WHERE first_reply_at >= :since AND first_reply_at < :until AND first_reply_at <= :now
            GROUP BY part""",
        p,
    )
    return {r[0]: r[1] for r in rows}


def _by_weekday(
    conn: sqlite3.Connection, offsets: list[tuple[int, int]], p: Mapping[str, Any]
) -> tuple[WeekdayRhythm, ...]:
    contacts = dict(
        conn.execute("SELECT weekday, count(*) FROM temp.report_conv WHERE week = 0 GROUP BY 1")
    )
    replies = _replies_by(conn, "weekday", offsets, p)
    return tuple(WeekdayRhythm(d, contacts.get(d, 0), replies.get(d, 0)) for d in range(7))


def _by_hour(
    conn: sqlite3.Connection, offsets: list[tuple[int, int]], p: Mapping[str, Any]
) -> tuple[HourRhythm, ...]:
    contacts = dict(
        conn.execute("SELECT hour, count(*) FROM temp.report_conv WHERE week = 0 GROUP BY 1")
    )
    replies = _replies_by(conn, "hour", offsets, p)
    where = "week = 0 AND hour = :hour"
    return tuple(
        HourRhythm(
            h,
            contacts.get(h, 0),
            replies.get(h, 0),
            _percentiles(conn, "report_conv_hour", "business_s", where, {**p, "hour": h}).median
            if contacts.get(h)
            else None,
        )
        for h in range(24)
    )


def _histogram(conn: sqlite3.Connection) -> tuple[Bucket, ...]:
    edges = HISTOGRAM_EDGES
    case = " ".join(f"WHEN business_s < {e} THEN {i - 1}" for i, e in enumerate(edges) if i)
    counts = dict(
        conn.execute(
            f"""SELECT CASE {case} ELSE {len(edges) - 1} END AS bucket, count(*)
                FROM temp.report_conv WHERE week = 0 AND business_s IS NOT NULL GROUP BY bucket"""
        )
    )
    uppers: list[int | None] = [*edges[1:], None]
    return tuple(Bucket(edges[i], uppers[i], counts.get(i, 0)) for i in range(len(edges)))
