"""The weekly report: hand-computed figures on small databases built with plain SQL.

Business hours are Mon–Fri 08–16 Europe/Helsinki with Finnish holidays. Week 2026-W47 is
Mon 16.11.2026 – Sun 22.11.2026.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from vasteaika.errors import UsageError
from vasteaika.hours import BusinessHours
from vasteaika.ledger.store import Store, open_database
from vasteaika.report import (
    ReportSettings,
    WeekReport,
    build_report,
    iso_week,
    offset_changes,
    previous_week,
)
from vasteaika.report.model import Durations
from vasteaika.report.render import render_report
from vasteaika.report.values import duration, number, percent

HEL = ZoneInfo("Europe/Helsinki")
HOURS = BusinessHours(timezone=HEL, workdays=frozenset(range(5)), start=time(8), end=time(16))
SETTINGS = ReportSettings(hours=HOURS)
MIN, HOUR, DAY = 60, 3600, 86400


def at(text: str) -> datetime:
    """Helsinki wall-clock time, e.g. at("2026-11-13 16:55")."""
    return datetime.fromisoformat(text).replace(tzinfo=HEL)


def ep(text: str) -> int:
    return int(at(text).timestamp())


class Ledger:
    """Conversations and reminders inserted directly with SQL."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.db.conn
        self.conn.execute(
            "INSERT INTO messages (id, folder, uid, uidvalidity, message_id, kind, reasons,"
            " from_email, from_name, subject, base_subject, received_at)"
            " VALUES (1, 'INBOX', 1, 1, 'dummy@x', 'customer', '[]', 'x@x', '', '', '', 0)"
        )

    def conv(
        self,
        email: str,
        contact: str,
        reply: str | None = None,
        *,
        subject: str = "Tarjouspyyntö",
        name: str = "",
        ack: str | None = None,
        callback: str | None = None,
    ) -> int:
        cur = self.conn.execute(
            "INSERT INTO conversations (customer_email, customer_name, subject, base_subject,"
            " first_contact_id, first_contact_at, last_customer_at, first_reply_at,"
            " ack_status, ack_at, callback_at)"
            " VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
            (
                email,
                name,
                subject,
                subject,
                ep(contact),
                ep(contact),
                ep(reply) if reply else None,
                "sent" if ack else None,
                ep(ack) if ack else None,
                ep(callback) if callback else None,
            ),
        )
        self.store.derive_turns(int(cur.lastrowid or 0))  # as every write of the ledger does
        return int(cur.lastrowid or 0)

    def reminder(self, due: str, done: str | None = None, conversation: int | None = None) -> None:
        self.conn.execute(
            "INSERT INTO reminders (conversation_id, customer_email, customer_name, subject,"
            " due_at, source, created_at, done_at) VALUES (?, 'a@b.fi', '', 's', ?, 'ack', 0, ?)",
            (conversation, ep(due), ep(done) if done else None),
        )


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    store = open_database(tmp_path / "x.db")
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    return Ledger(store)


def week(
    ledger: Ledger, iso: str = "2026-W47", now: str = "2026-11-23 08:00", **kw: object
) -> WeekReport:
    since, until = iso_week(iso, HEL)
    settings = ReportSettings(hours=HOURS, **kw) if kw else SETTINGS  # type: ignore[arg-type]
    return build_report(ledger.store, settings, since, until, at(now))


# --- periods ----------------------------------------------------------------------------------


def test_previous_week_is_the_last_full_iso_week_in_helsinki() -> None:
    # Monday 23.11. 00:30 Helsinki is still Sunday 22:30 UTC: the last full week is W47.
    since, until = previous_week(datetime(2026, 11, 22, 22, 30, tzinfo=ZoneInfo("UTC")), HEL)
    assert (since, until) == (at("2026-11-16 00:00"), at("2026-11-23 00:00"))
    assert iso_week("2026-W47", HEL) == (since, until)


def test_a_week_that_contains_the_dst_change_is_169_hours() -> None:
    since, until = iso_week("2026-W43", HEL)  # Mon 19.10. – Sun 25.10., clocks back on 25.10.
    assert until.timestamp() - since.timestamp() == 169 * HOUR  # same tzinfo: subtract instants


@pytest.mark.parametrize("text", ["2026-47", "2026-W54", "week 47", ""])
def test_a_bad_iso_week_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError):
        iso_week(text, HEL)


def test_offset_changes_finds_the_dst_change_to_the_second() -> None:
    rows = offset_changes(ep("2026-10-20 00:00"), ep("2026-10-30 00:00"), HEL)
    # 25.10.2026 04:00 EEST (+3) = 01:00 UTC: from then on +2.
    assert rows == [(0, 3 * HOUR), (ep("2026-10-25 03:00") + HOUR, 2 * HOUR)]
    assert rows[1][0] == int(datetime(2026, 10, 25, 1, 0, tzinfo=ZoneInfo("UTC")).timestamp())


# --- response times ---------------------------------------------------------------------------


def test_friday_1655_answered_monday_0810(ledger: Ledger) -> None:
    ledger.conv("anna@firma.fi", "2026-11-20 16:55", "2026-11-23 08:10")  # Fri → Mon
    r = week(ledger, now="2026-11-23 12:00")
    assert r.response.median == 63 * HOUR + 15 * MIN
    assert r.business_response.median == 10 * MIN
    assert (r.contacts, r.answered, r.unanswered) == (1, 1, ())


def test_a_contact_across_the_dst_change(ledger: Ledger) -> None:
    # Fri 23.10. 15:00 EEST → Mon 26.10. 09:00 EET: 66 h of wall clock plus the repeated hour;
    # business time 1 h on Friday and 1 h on Monday.
    ledger.conv("anna@firma.fi", "2026-10-23 15:00", "2026-10-26 09:00")
    r = week(ledger, "2026-W43", now="2026-10-27 12:00")
    assert r.response.max == 67 * HOUR
    assert r.business_response.max == 2 * HOUR


def test_local_hours_are_right_on_both_sides_of_the_dst_change(ledger: Ledger) -> None:
    ledger.conv("a@firma.fi", "2026-10-25 02:30")  # Sunday, still EEST (+3)
    ledger.conv("b@firma.fi", "2026-10-25 10:00")  # Sunday, EET (+2)
    r = week(ledger, "2026-W43", now="2026-10-26 08:00")
    contacts_by_hour = {h.hour: h.contacts for h in r.by_hour if h.contacts}
    assert contacts_by_hour == {2: 1, 10: 1}
    assert r.by_weekday[6].contacts == 2


def test_a_holiday_is_not_business_time(ledger: Ledger) -> None:
    # Mon 5.1.2026 15:00 → Wed 7.1. 09:00; Tuesday 6.1. is Epiphany (loppiainen).
    ledger.conv("anna@firma.fi", "2026-01-05 15:00", "2026-01-07 09:00")
    r = week(ledger, "2026-W02", now="2026-01-12 08:00")
    assert r.response.max == 42 * HOUR
    assert r.business_response.max == 2 * HOUR


def test_week_boundaries_at_sunday_2359_and_monday_0000(ledger: Ledger) -> None:
    ledger.conv("a@firma.fi", "2026-11-15 23:59")  # Sun of W46
    ledger.conv("b@firma.fi", "2026-11-16 00:00")  # Mon of W47
    ledger.conv("c@firma.fi", "2026-11-22 23:59")  # Sun of W47
    ledger.conv("d@firma.fi", "2026-11-23 00:00")  # Mon of W48
    r = week(ledger, now="2026-11-23 08:00")
    assert r.contacts == 2
    # unanswered: waiting now and since before the week's end, as check lists them (issue 11):
    # a of the week before waits still; d came after the week
    assert [w.customer_email for w in r.unanswered] == ["a@firma.fi", "b@firma.fi", "c@firma.fi"]
    assert [w.contacts for w in r.trend] == [0, 0, 0, 1]
    assert r.trend[-1].until == r.since
    assert r.trend[-1].since == at("2026-11-09 00:00")


def test_median_is_conventional_and_p90_nearest_rank(ledger: Ledger) -> None:
    # Twenty answers after 1…20 minutes (inserted shuffled): median = the mean of ranks 10 and
    # 11 (issue 11: the conventional median), p90 = rank 18.
    for k in (7, 3, 20, 1, 15, 9, 12, 18, 5, 2, 11, 19, 4, 16, 6, 13, 10, 8, 17, 14):
        ledger.conv(f"c{k}@firma{k}.fi", "2026-11-17 09:00", f"2026-11-17 09:{k:02d}")
    r = week(ledger)
    assert r.business_response == r.response
    assert (r.response.count, r.response.median, r.response.p90, r.response.max) == (
        20,
        10 * MIN + 30,
        18 * MIN,
        20 * MIN,
    )


def test_p90_of_one_to_ten(ledger: Ledger) -> None:
    for k in range(1, 11):
        ledger.conv(f"c{k}@gmail.com", "2026-11-17 09:00", f"2026-11-17 09:{k:02d}")
    r = week(ledger)
    assert (r.response.median, r.response.p90) == (5 * MIN + 30, 9 * MIN)


# --- acknowledgments, promises ----------------------------------------------------------------


def test_the_acknowledgment_is_never_counted_as_the_reply(ledger: Ledger) -> None:
    ledger.conv("a@firma.fi", "2026-11-17 09:00", ack="2026-11-17 09:01")
    ledger.conv("b@firma.fi", "2026-11-17 09:00", "2026-11-17 11:00", ack="2026-11-17 09:02")
    r = week(ledger, now="2026-11-23 08:00")
    assert (r.contacts, r.answered) == (2, 1)
    assert [w.customer_email for w in r.unanswered] == ["a@firma.fi"]
    assert r.response.median == r.response.max == 2 * HOUR
    assert r.acknowledged.count == 2
    assert r.acknowledged.share == 1.0
    assert r.acknowledged.median_seconds == 90  # the mean of (1 min, 2 min)


def test_unanswered_is_who_waits_now_also_from_an_earlier_week(ledger: Ledger) -> None:
    """Issue 11: the report said "Vastaamatta 0" for a week in which a customer had waited
    since 4.11. (a follow-up after an answer in an older conversation)."""
    conv = ledger.conv("eero@firma.fi", "2026-11-02 10:00", "2026-11-02 11:00")
    ledger.conn.execute(
        "INSERT INTO messages (folder, uid, uidvalidity, message_id, kind, reasons, from_email,"
        " from_name, subject, base_subject, received_at, conversation_id) VALUES"
        " ('INBOX', 2, 1, 'e2@x', 'customer', '[]', 'eero@firma.fi', '', 'Re', 're', ?, ?)",
        [ep("2026-11-04 11:48"), conv],
    )
    ledger.store.derive_turns(conv)
    ledger.conv("old@firma.fi", "2026-10-01 09:00", "2026-10-01 10:00")  # answered: not listed
    ledger.conv("robot@kauppa.fi", "2026-11-17 09:00")  # on the ignore list
    r = week(ledger, now="2026-11-23 08:00", ignore=("kauppa.fi",))
    [w] = r.unanswered
    assert (w.customer_email, w.turn, w.waiting_since) == (
        "eero@firma.fi",
        2,
        at("2026-11-04 11:48"),
    )
    assert w.first_contact_at == at("2026-11-02 10:00")
    assert w.waiting_seconds == int(
        (at("2026-11-23 08:00") - at("2026-11-04 11:48")).total_seconds()
    )
    assert w.business_waiting_seconds == 4 * HOUR + 12 * MIN + 12 * 8 * HOUR  # to Fri 20.11.
    answered_since = week(ledger, now="2026-11-04 12:00", ignore=("kauppa.fi",))
    assert [x.customer_email for x in answered_since.unanswered] == ["eero@firma.fi"]
    before = week(ledger, now="2026-11-04 11:00", ignore=("kauppa.fi",))
    assert before.unanswered == ()  # answered then; the follow-up had not come


def test_unanswered_waiting_and_the_promise_share(ledger: Ledger) -> None:
    # Promise 24 business hours = three 8-hour days. Waiting since Mon 16.11. 08:00: by
    # Mon 23.11. 08:00 that is 5 business days = 40 h: past the promise (decided, not within).
    ledger.conv("a@firma.fi", "2026-11-16 08:00")
    # Fri 20.11. 15:00, still waiting: 1 business hour so far, undecided.
    ledger.conv("b@firma.fi", "2026-11-20 15:00")
    ledger.conv("c@firma.fi", "2026-11-17 08:00", "2026-11-17 10:00")  # within
    r = week(ledger, now="2026-11-23 08:00", key_customers=("vip.fi",))
    waiting = {w.customer_email: w for w in r.unanswered}
    assert waiting["a@firma.fi"].waiting_seconds == 7 * DAY
    assert waiting["a@firma.fi"].business_waiting_seconds == 40 * HOUR
    assert waiting["b@firma.fi"].business_waiting_seconds == 1 * HOUR
    assert r.other_tier.decided == 2
    assert r.other_tier.within == 1
    assert r.within_promise_share == 0.5


def test_key_customers_have_their_own_promise(ledger: Ledger) -> None:
    ledger.conv("boss@iso.fi", "2026-11-17 08:00", "2026-11-17 13:00")  # 5 h > 4 h
    ledger.conv("x@gmail.com", "2026-11-17 08:00", "2026-11-17 13:00")  # 5 h < 24 h
    r = week(ledger, key_customers=("iso.fi",))
    assert r.key_customers_source == "config"
    assert (r.key_tier.contacts, r.key_tier.within) == (1, 0)
    assert (r.other_tier.contacts, r.other_tier.within) == (1, 1)
    assert [(k.customer, k.contacts, k.within_promise) for k in r.key_customers] == [
        ("iso.fi", 1, 0)
    ]


def test_key_customers_default_to_the_top_20_percent(ledger: Ledger) -> None:
    # Ten customers over the last 12 months; iso.fi (a company: its people together) has the most.
    for month in range(1, 7):
        ledger.conv(f"p{month}@iso.fi", f"2026-{month:02d}-10 10:00", f"2026-{month:02d}-10 11:00")
    for month in range(1, 4):
        ledger.conv("kalle@gmail.com", f"2026-{month:02d}-12 10:00")
    for k in range(8):
        ledger.conv(f"one{k}@pieni{k}.fi", "2026-05-05 10:00")
    ledger.conv("p9@iso.fi", "2026-11-17 09:00", "2026-11-17 10:00")
    ledger.conv("kalle@gmail.com", "2026-11-17 09:00", "2026-11-17 10:00")
    r = week(ledger, companies=("iso.fi",))
    # ten customers → the top two: iso.fi (7) and kalle@gmail.com (4)
    assert r.key_customers_source == "top_20_percent"
    assert r.key_customers_total == 2
    assert {k.customer for k in r.key_customers} == {"iso.fi", "kalle@gmail.com"}
    assert {k.customer: k.contacts for k in r.key_customers}["iso.fi"] == 1  # p9, this week
    # without [customers] companies each of iso.fi's people is a customer of their own
    r = week(ledger)
    assert [k.customer for k in r.key_customers] == ["kalle@gmail.com"]


def test_people_at_one_domain_are_not_one_customer_unless_it_is_a_company(
    ledger: Ledger,
) -> None:
    """A shared domain (a village's mail service) never lumps private people together: eight
    people at example.fi with a mail each are eight customers, none of them a key customer."""
    for k in range(8):
        ledger.conv(f"person{k}@example.fi", f"2026-11-{16 + k % 5} {9 + k:02d}:00", "2026-11-20 17:00")
    ledger.conv("kalle@gmail.com", "2026-10-12 10:00", "2026-10-12 11:00")
    ledger.conv("kalle@gmail.com", "2026-11-17 10:00", "2026-11-17 11:00")
    r = week(ledger)
    assert [k.customer for k in r.key_customers] == ["kalle@gmail.com"]
    assert (r.new_leads.contacts, r.repeat_customers.contacts) == (8, 1)
    r = week(ledger, companies=("example.fi",))
    assert [(k.customer, k.contacts) for k in r.key_customers] == [("example.fi", 8)]
    assert (r.new_leads.contacts, r.repeat_customers.contacts) == (1, 8)


def test_one_mail_customers_are_never_key_customers_by_a_tie_break(ledger: Ledger) -> None:
    """Ten customers, one with two mails: the top 20 % would be two, but the second would be
    one of nine customers with a single mail each, picked by tie-break — so it is none."""
    for k in range(9):
        ledger.conv(f"one{k}@gmail.com", "2026-11-17 10:00", "2026-11-17 11:00")
    ledger.conv("two@gmail.com", "2026-09-01 10:00", "2026-09-01 11:00")
    ledger.conv("two@gmail.com", "2026-11-18 10:00", "2026-11-18 11:00")
    r = week(ledger)
    assert [k.customer for k in r.key_customers] == ["two@gmail.com"]
    assert r.key_customers_total == 1
    for k in range(9):  # only one-mail customers: no key customers at all
        ledger.conv(f"more{k}@gmail.com", "2026-11-19 10:00")
    assert week(ledger, iso="2026-W47", now="2026-11-23 08:00").key_customers_total == 1


def test_promises_on_time_late_missed_open(ledger: Ledger) -> None:
    c = ledger.conv(
        "a@firma.fi", "2026-11-16 09:00", "2026-11-16 12:00", callback="2026-11-16 12:00"
    )
    ledger.reminder("2026-11-17 10:00", "2026-11-17 10:15")  # on time (15 min grace)
    ledger.reminder("2026-11-17 11:00", "2026-11-17 11:16")  # late
    ledger.reminder("2026-11-18 10:00")  # missed
    ledger.reminder("2026-11-22 23:50")  # open: not yet past due + grace at 23.11. 00:00
    ledger.reminder("2026-11-23 10:00")  # next week: not counted
    ledger.reminder("2026-11-16 12:00", "2026-11-16 12:00", conversation=c)  # the callback's own
    ledger.conv("b@firma.fi", "2026-11-16 09:00", callback="2026-11-19 10:00")  # no reminder
    r = week(ledger, now="2026-11-23 00:00")
    p = r.promises
    assert (p.due, p.on_time, p.late, p.missed, p.open) == (6, 2, 1, 2, 1)


# --- customers --------------------------------------------------------------------------------


def test_new_leads_by_address_or_configured_company(ledger: Ledger) -> None:
    ledger.conv("old@firma.fi", "2025-03-01 10:00", "2025-03-01 11:00")
    ledger.conv("new@firma.fi", "2026-11-17 09:00", "2026-11-17 10:00")  # repeat: same company
    ledger.conv("old@gmail.com", "2025-03-01 10:00", "2025-03-01 11:00")
    ledger.conv("new@gmail.com", "2026-11-17 09:00")  # new: freemail is per address
    ledger.conv("old@gmail.com", "2026-11-18 09:00", "2026-11-18 09:30")  # repeat
    r = week(ledger, companies=("firma.fi",))
    assert (r.new_leads.contacts, r.new_leads.answered) == (1, 0)
    assert (r.repeat_customers.contacts, r.repeat_customers.answered) == (2, 2)
    assert r.new_leads.answer_rate == 0.0
    assert [(w.customer_email, w.new_lead) for w in r.unanswered] == [("new@gmail.com", True)]


def test_silent_customers(ledger: Ledger) -> None:
    """The quiet rule of the contact queue (each conversation answered within the hour, so only
    the rhythm speaks; the queue's other signals are tests/test_queue.py's)."""
    now = "2026-11-23 08:00"
    last = at(now) - timedelta(days=100)

    def conv(email: str, contact: datetime) -> None:
        ledger.conv(email, contact.isoformat()[:16], (contact + timedelta(hours=1)).isoformat()[:16])

    # Every 30 days, last one 100 days ago: 100 > 2 × 30 and ≥ 30 → silent.
    for k in range(4):
        conv("tasainen@gmail.com", last - timedelta(days=30 * k))
    # Every 60 days, last one 100 days ago: 100 < 2 × 60 → not silent.
    for k in range(3):
        conv("harva@gmail.com", last - timedelta(days=60 * k))
    # Every 5 days, last one 20 days ago: 20 > 2 × 5 but under 30 days → not silent.
    for k in range(5):
        conv("tiheä@gmail.com", at(now) - timedelta(days=20 + 5 * k))
    # Only two conversations → never silent.
    for k in range(2):
        conv("kaksi@gmail.com", last - timedelta(days=30 * k))
    r = week(ledger, now=now)
    assert [s.customer for s in r.silent_customers] == ["tasainen@gmail.com"]
    s = r.silent_customers[0]
    assert (s.conversations, s.usual_interval_seconds) == (4, 30 * DAY)
    assert s.last_contact_at == last
    assert s.reasons == ("quiet",)
    assert r.silent_customers_total == 1


# --- empty weeks and formats ------------------------------------------------------------------


def test_an_empty_week_says_so_plainly(ledger: Ledger) -> None:
    r = week(ledger)
    assert r.is_empty
    assert r.as_json()["empty"] is True
    assert "ei tullut yhtään yhteydenottoa" in render_report(r, "table", "fi")
    assert "No customer contacts in this period." in render_report(r, "markdown", "en")
    assert "No customer contacts" in render_report(r, "html", "en")


def _sample(ledger: Ledger) -> WeekReport:
    ledger.conv("anna@firma.fi", "2026-11-20 16:55", "2026-11-23 08:10", name="Anna A")
    ledger.conv("bo@gmail.com", "2026-11-17 09:00", "2026-11-17 10:30", ack="2026-11-17 09:00")
    ledger.conv("cia@gmail.com", "2026-11-18 10:00", subject="Tarjous | <b>kiire</b>")
    ledger.conv("old@gmail.com", "2026-11-02 10:00", "2026-11-02 12:00")
    ledger.reminder("2026-11-18 10:00", "2026-11-18 10:05")
    return week(ledger, now="2026-11-23 12:00")


def test_every_format_agrees(ledger: Ledger) -> None:
    r = _sample(ledger)
    data = json.loads(render_report(r, "json"))
    for key in (
        "period",
        "contacts",
        "answered",
        "unanswered",
        "response_seconds",
        "business_response_seconds",
        "acknowledged",
        "within_promise_share",
        "promises",
        "new_leads",
        "repeat_customers",
        "key_customers",
        "silent_customers",
        "trend",
    ):
        assert key in data
    assert data["period"] == {
        "since": "2026-11-16T00:00:00+02:00",
        "until": "2026-11-23T00:00:00+02:00",
    }
    assert (data["contacts"], data["answered"]) == (3, 2)
    assert data["response_seconds"] == {
        "median": (90 * MIN + 227700) / 2,
        "p90": 227700,
        "max": 227700,
        "count": 2,
    }
    assert data["business_response_seconds"]["max"] == 90 * MIN
    assert data["business_response_seconds"]["median"] == 50 * MIN  # the mean of 10 and 90
    assert data["unanswered"][0]["customer_email"] == "cia@gmail.com"
    assert data["unanswered"][0]["first_contact_at"] == "2026-11-18T10:00:00+02:00"
    assert data["unanswered"][0]["waiting_seconds"] == 5 * DAY + 2 * HOUR
    assert data["promises"]["on_time"] == 1
    assert len(data["trend"]) == 4
    assert data["trend"][2]["contacts"] == 1

    # the CSV summary: the headline figures as one header row and one row of values
    [summary] = list(csv.DictReader(io.StringIO(render_report(r, "csv"))))
    assert summary["since"] == "2026-11-16T00:00:00+02:00"
    assert (summary["contacts"], summary["answered"], summary["unanswered"]) == ("3", "2", "1")
    assert summary["p90_response_seconds"] == "227700"
    assert summary["median_business_seconds"] == str(50 * MIN)
    assert summary["within_promise_share"] == str(data["within_promise_share"])
    assert summary["promises_on_time"] == "1"

    for lang in ("fi", "en"):
        for fmt in ("table", "markdown", "html"):
            text = render_report(r, fmt, lang)
            assert "63 h 15 min" in text  # the wall-clock max
            assert "1 h 30 min" in text  # the wall-clock median, the business max
            assert "10 min" in text  # the business median
            assert percent(data["within_promise_share"], lang) in text
            assert "cia@gmail.com" in text


def test_localised_numbers_and_times(ledger: Ledger) -> None:
    assert number(1234.5, "fi", 1) == "1 234,5"
    assert number(1234.5, "en", 1) == "1,234.5"
    assert percent(0.875, "fi") == "87,5 %"
    assert percent(0.875, "en") == "87.5%"
    assert duration(227700, "fi") == "63 h 15 min"
    assert duration(600, "en") == "10 min"
    r = _sample(ledger)
    fi = render_report(r, "markdown", "fi")
    en = render_report(r, "markdown", "en")
    # Dates as every other screen writes them (the catalogue's), issue 14.
    assert "ke 18.11. klo 10.00" in fi
    assert "Wed 18.11. 10:00" in en
    assert "ma 16.11.2026 – su 22.11.2026" in fi
    assert "Mon 16.11.2026 – Sun 22.11.2026" in en


def test_the_terminal_table_fits_80_columns(ledger: Ledger) -> None:
    ledger.conv(
        "hyvin.pitka.osoite.joka.ei.mahdu@erittain-pitka-verkkotunnus.example.fi",
        "2026-11-19 11:00",
        subject="Hyvin pitkä aihe joka ei millään mahdu kahdeksaankymmeneen sarakkeeseen " * 2,
    )
    r = _sample(ledger)
    for lang in ("fi", "en"):
        text = render_report(r, "table", lang)
        assert max(len(line) for line in text.splitlines()) <= 80
        assert "█" in text  # the histogram


def test_markdown_escapes_pipes_and_html_escapes_markup(ledger: Ledger) -> None:
    r = _sample(ledger)
    assert "Tarjous \\| \\<b\\>kiire\\</b\\>" in render_report(r, "markdown", "fi")
    page = render_report(r, "html", "fi")
    assert "Tarjous | &lt;b&gt;kiire&lt;/b&gt;" in page
    assert "<b>kiire" not in page


def test_unknown_format_is_a_usage_error(ledger: Ledger) -> None:
    with pytest.raises(UsageError):
        render_report(_sample(ledger), "pdf")


def test_the_report_leaves_no_temp_tables_and_can_run_twice(ledger: Ledger) -> None:
    first = _sample(ledger)
    assert week(ledger, now="2026-11-23 12:00") == first
    temp = ledger.conn.execute("SELECT name FROM temp.sqlite_master WHERE type = 'table'")
    assert temp.fetchall() == []
    assert not ledger.conn.in_transaction


def test_replies_after_now_are_not_seen(ledger: Ledger) -> None:
    ledger.conv("a@firma.fi", "2026-11-17 09:00", "2026-11-24 09:00", ack="2026-11-24 09:00")
    r = week(ledger, now="2026-11-23 08:00")
    assert (r.answered, len(r.unanswered), r.acknowledged.count) == (0, 1, 0)


def test_the_report_reads_the_indexes_of_the_migrations(ledger: Ledger) -> None:
    _sample(ledger)
    names = {
        r[0] for r in ledger.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    assert {
        "conversations_customer_id",
        "conversations_first_contact",
        "conversations_callback",
        "reminders_due_at",
    } <= names
    assert not {n for n in names if n.startswith("report_")}  # the old run-time copies


def test_contacts_after_now_are_not_counted_for_customers(ledger: Ledger) -> None:
    now = "2026-11-23 08:00"
    last = at(now) - timedelta(days=100)
    for k in range(4):  # silent as of now: every 30 days, the last 100 days ago …
        ledger.conv("tasainen@gmail.com", (last - timedelta(days=30 * k)).isoformat()[:16])
    ledger.conv("tasainen@gmail.com", "2026-11-24 09:00")  # … whatever comes after now
    ledger.conv("myohemmin@gmail.com", "2026-11-25 09:00")  # not a customer yet
    for k in range(3):
        ledger.conv(f"a{k}@iso.fi", f"2026-0{k + 1}-10 10:00")
    ledger.conv("b@iso.fi", "2026-11-18 10:00", "2026-11-18 11:00")
    for k in range(8):  # after now, they would outnumber iso.fi
        ledger.conv("kiireinen@gmail.com", f"2026-11-23 {9 + k:02d}:00")
    r = week(ledger, now=now, companies=("iso.fi",))
    assert [(s.customer, s.conversations) for s in r.silent_customers] == [
        ("tasainen@gmail.com", 4)
    ]
    assert r.silent_customers[0].last_contact_at == last
    assert [k.customer for k in r.key_customers] == ["iso.fi"]  # top 20 % of 2 customers
    assert (r.new_leads.contacts, r.repeat_customers.contacts) == (0, 1)


# --- wall clock beside business time; next responses ------------------------------------------


def _mail(ledger: Ledger, conv: int, kind: str, when: str, uid: int) -> None:
    folder = "INBOX" if kind == "customer" else "Sent"
    ledger.conn.execute(
        "INSERT INTO messages (folder, uid, uidvalidity, message_id, kind, reasons, from_email,"
        " from_name, subject, base_subject, received_at, conversation_id) VALUES"
        " (?, ?, 1, ?, ?, '[]', 'x@x', '', 'Re', 're', ?, ?)",
        [folder, uid, f"m{uid}@x", kind, ep(when), conv],
    )
    ledger.store.derive_turns(conv)


def test_an_evening_mail_answered_at_7_30_is_not_only_0_min(ledger: Ledger) -> None:
    """Issue 11: wall-clock and business medians side by side in the tiers, the key customers
    and the hour rhythm, in every format."""
    ledger.conv("ilta@gmail.com", "2026-11-17 18:00", "2026-11-18 07:30")
    ledger.conv("iso@firma.fi", "2026-11-18 09:00", "2026-11-18 10:00")
    r = week(ledger, key_customers=("firma.fi",))
    evening = 13 * HOUR + 30 * MIN
    assert (r.other_tier.median_response_seconds, r.other_tier.median_business_seconds) == (
        evening,
        0,
    )
    assert (r.key_tier.median_response_seconds, r.key_tier.median_business_seconds) == (
        HOUR,
        HOUR,
    )
    [key] = r.key_customers
    assert (key.median_response_seconds, key.median_business_seconds) == (HOUR, HOUR)
    hour = r.by_hour[18]
    assert (hour.median_response_seconds, hour.median_business_seconds) == (evening, 0)
    data = r.as_json()
    assert data["tiers"]["other"]["median_response_seconds"] == evening
    assert data["rhythm"]["by_hour"][18]["median_response_seconds"] == evening
    markdown = render_report(r, "markdown", "en")
    html = render_report(r, "html", "en")
    for text in (markdown, html):
        assert "Median (wall clock)" in text and "Median (business)" in text
        assert "Median response (wall clock)" in text
    assert "| Others | 24 h | 1 | 1 | 1 | 100.0% | 13 h 30 min | 0 min |" in markdown
    wide = render_report(r, "table", "en", width=160)  # a narrow terminal leaves wall clock out
    narrow = render_report(r, "table", "en")
    assert "Median (wall clock)" in wide and "Median (wall clock)" not in narrow
    assert "13 h 30 min" in narrow  # the first response and the hours still show it


def test_next_response_times_are_the_later_turns(ledger: Ledger) -> None:
    """A follow-up after the owner's answer waits again: its answer is a next response (turn 2),
    reported beside the first response, wall clock and business time."""
    conv = ledger.conv("eero@firma.fi", "2026-11-16 10:00", "2026-11-16 11:00")
    _mail(ledger, conv, "owner", "2026-11-16 11:00", 10)
    _mail(ledger, conv, "customer", "2026-11-17 18:00", 11)  # "Milloin pääsette aloittamaan?"
    _mail(ledger, conv, "owner", "2026-11-18 07:30", 12)
    _mail(ledger, conv, "customer", "2026-11-18 09:00", 13)
    _mail(ledger, conv, "owner", "2026-11-18 10:00", 14)
    _mail(ledger, conv, "customer", "2026-11-23 09:00", 15)  # after now: not counted
    r = week(ledger, now="2026-11-23 08:00")
    assert (r.response.count, r.response.median) == (1, HOUR)
    evening = 13 * HOUR + 30 * MIN
    assert r.next_response == Durations(2, (evening + HOUR) / 2, evening, evening)
    assert r.next_business_response == Durations(2, HOUR / 2, HOUR, HOUR)
    data = r.as_json()
    assert data["next_response_seconds"] == {
        "median": (evening + HOUR) / 2, "p90": evening, "max": evening, "count": 2
    }  # fmt: skip
    assert data["next_business_response_seconds"]["median"] == HOUR / 2
    text = render_report(r, "markdown", "en")
    assert "Next responses (turn 2+) | 2, median 7 h 15 min (30 min in business time)" in text
    # a week with no later turns says nothing about them
    assert "Next responses" not in render_report(week(ledger, iso="2026-W46"), "markdown", "en")
