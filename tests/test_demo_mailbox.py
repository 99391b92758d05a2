"""The bundled example mailbox against its answer key (examples/MAILBOX.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli import demo_config
from vasteaika.cli import run

# (customer, first contact, first reply or None, business seconds) — copied from MAILBOX.md
KEY = [
    ("matti.virtanen@example.fi", "2026-10-26T08:14:05+02:00", "2026-10-26T08:31:40+02:00", 1055),
    (
        "riitta.laaksonen@koivukuja.example",
        "2026-10-27T10:05:33+02:00",
        "2026-10-28T07:45:10+02:00",
        21267,
    ),
    ("paivi.hamalainen@example.fi", "2026-10-27T21:37:50+02:00", "2026-10-28T06:58:12+02:00", 0),
    ("james.whitfield@example.com", "2026-10-29T14:12:40+02:00", "2026-10-29T16:40:18+02:00", 6440),
    ("sanna.koskinen@example.fi", "2026-10-30T17:26:09+02:00", "2026-11-02T08:12:44+02:00", 764),
    ("eero.makinen@example.fi", "2026-11-04T11:48:26+02:00", None, None),
    ("laura.nieminen@example.fi", "2026-11-05T13:02:37+02:00", "2026-11-05T20:15:48+02:00", 10643),
    (
        "riitta.laaksonen@koivukuja.example",
        "2026-11-09T13:20:18+02:00",
        "2026-11-09T13:52:40+02:00",
        1942,
    ),
    ("sophie.martin@example.com", "2026-11-10T07:55:12+02:00", "2026-11-10T08:03:37+02:00", 217),
    (
        "juha.korhonen@korhonen-consulting.example",
        "2026-11-11T09:40:22+02:00",
        "2026-11-11T10:25:05+02:00",
        2683,
    ),
    ("kalevi.heikkinen@example.fi", "2026-11-12T18:22:51+02:00", "2026-11-13T07:30:14+02:00", 0),
    ("tuomas.jarvinen@example.fi", "2026-11-14T10:12:30+02:00", "2026-11-16T07:50:26+02:00", 0),
    ("oliver.bennett@example.com", "2026-11-16T12:30:07+02:00", "2026-11-17T09:10:33+02:00", 16826),
    ("ville.lehtonen@example.fi", "2026-11-18T16:05:21+02:00", "2026-11-18T16:20:49+02:00", 0),
    (
        "riitta.laaksonen@koivukuja.example",
        "2026-11-20T15:40:02+02:00",
        "2026-11-20T15:47:30+02:00",
        448,
    ),
    # the demo's Monday morning, after the period (MAILBOX.md: "The demo's Monday morning")
    ("aino.salonen@example.fi", "2026-11-23T06:52:14+02:00", "2026-11-23T07:38:40+02:00", 0),
    ("hannu.lindroos@example.fi", "2026-11-23T07:41:05+02:00", None, None),
]
PERIOD_KEY = [k for k in KEY if k[1] < "2026-11-23"]  # Mon 26.10. – Sun 22.11.

NOT_CONTACTS = {
    "list": 2,
    "suspected-auto-reply": 1,
    "robot": 1,
    "ignored": 1,
    "bounce": 1,
    "auto-reply": 1,
}


def test_ledger_matches_the_answer_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = demo_config(tmp_path)
    assert run(["--config", str(config), "check", "--quiet"]) == 0
    assert run(["--config", str(config), "export"]) == 0
    records = json.loads(capsys.readouterr().out)
    got = [
        (
            r["customer_email"],
            r["first_contact_at"],
            r["first_reply_at"],
            r["business_response_seconds"],
        )
        for r in records
    ]
    assert got == KEY


def test_non_customer_mail_is_classified_as_in_the_key(tmp_path: Path) -> None:
    from vasteaika.ledger.store import open_database

    config = demo_config(tmp_path)
    run(["--config", str(config), "check", "--quiet"])
    store = open_database(tmp_path / "v.db")
    rows = store.db.query(
        "SELECT kind, count(*) AS n FROM messages WHERE folder = 'INBOX' AND kind != 'customer' GROUP BY kind"
    )
    assert {r["kind"]: r["n"] for r in rows} == NOT_CONTACTS


def test_arrival_times_come_from_the_headers_not_the_file_names(tmp_path: Path) -> None:
    """Every INBOX mail has a Received header and every Sent mail a Date, as the key says: the
    ledger must not depend on the file names (mbsync names files by download time)."""
    from vasteaika.ledger.store import open_database

    config = demo_config(tmp_path)
    run(["--config", str(config), "check", "--quiet"])
    rows = open_database(tmp_path / "v.db").db.query(
        "SELECT folder, arrival_source, count(*) AS n FROM messages GROUP BY 1, 2"
    )
    assert {(r["folder"], r["arrival_source"]): r["n"] for r in rows} == {
        ("INBOX", "received"): 34,
        ("Sent", "date"): 23,
    }


# Each conversation's turns (waiting since, answered at; None: still waiting), in the order of
# KEY — copied from MAILBOX.md's "Turns". A customer mail after the owner's answer waits again.
TURNS = [
    [("10-26 08:14:05", "10-26 08:31:40"), ("10-26 09:02:12", "10-26 09:10:55")],
    [("10-27 10:05:33", "10-28 07:45:10"), ("10-28 11:20:47", None)],
    [("10-27 21:37:50", "10-28 06:58:12"), ("10-28 07:30:05", None)],
    [("10-29 14:12:40", "10-29 16:40:18"), ("10-29 17:05:31", "10-29 17:21:02")],
    [("10-30 17:26:09", "11-02 08:12:44"), ("11-02 12:05:10", "11-02 12:41:30")],
    [("11-04 11:48:26", None)],
    [("11-05 13:02:37", "11-05 20:15:48"), ("11-06 08:01:19", "11-06 08:20:03")],
    [("11-09 13:20:18", "11-09 13:52:40")],
    [("11-10 07:55:12", "11-10 08:03:37")],
    [("11-11 09:40:22", "11-11 10:25:05"), ("11-16 08:05:44", "11-16 09:02:30")],
    [("11-12 18:22:51", "11-13 07:30:14")],
    [("11-14 10:12:30", "11-16 07:50:26")],
    [("11-16 12:30:07", "11-17 09:10:33"), ("11-17 10:02:11", "11-17 10:15:00")],
    [("11-18 16:05:21", "11-18 16:20:49")],
    [("11-20 15:40:02", "11-20 15:47:30")],
    [("11-23 06:52:14", "11-23 07:38:40")],
    [("11-23 07:41:05", None)],
]
WAITING = ["paivi.hamalainen@example.fi", "riitta.laaksonen@koivukuja.example",
           "eero.makinen@example.fi", "hannu.lindroos@example.fi"]  # fmt: skip


def _short(t: str | None) -> str | None:
    return None if t is None else t[5:10] + " " + t[11:19]


def test_turns_and_every_view_match_the_answer_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = str(demo_config(tmp_path))
    assert run(["--config", config, "check", "--json"]) == 0
    waiting = json.loads(capsys.readouterr().out)["waiting"]
    assert [w["customer_email"] for w in waiting] == WAITING
    assert run(["--config", config, "export"]) == 0
    records = json.loads(capsys.readouterr().out)
    got = [[(_short(t["waiting_since"]), _short(t["answered_at"])) for t in r["turns"]]
           for r in records]  # fmt: skip
    assert got == TURNS
    # K04's follow-up came in the evening: 15 min 31 s on the clock, none of it business time
    k04 = records[3]["turns"][1]
    assert (k04["response_seconds"], k04["business_response_seconds"]) == (931, 0)
    # the report of the last week lists the same three, from the mails they wait on
    assert run(["--config", config, "report", "--week", "2026-W47", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [w["customer_email"] for w in report["unanswered"]] == WAITING[:3]  # K17: after it
    assert [_short(w["waiting_since"]) for w in report["unanswered"]] == [
        "10-28 07:30:05", "10-28 11:20:47", "11-04 11:48:26"
    ]  # fmt: skip


def test_report_over_the_whole_period_agrees_with_the_key_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MAILBOX.md: "fastest 7 min 28 s (K15), slowest 62 h 46 min 35 s (K05), median 4 h 50 min
    24.5 s (17424.5 s)" over the 14 answered — the conventional median of an even count."""
    config = str(demo_config(tmp_path))
    assert run(["--config", config, "check", "--quiet"]) == 0
    period = ["--since", "2026-10-26", "--until", "2026-11-22", "--format", "json"]
    assert run(["--config", config, "report", *period]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["contacts"], report["answered"]) == (15, 14)
    assert report["response_seconds"] == {
        "median": 17424.5, "p90": 164276, "max": 225995, "count": 14
    }  # fmt: skip
    business = sorted(r[3] for r in PERIOD_KEY if r[3] is not None)
    assert report["business_response_seconds"]["median"] == (business[6] + business[7]) / 2
    # MAILBOX.md: one key customer, the configured company; the people at example.fi are not one
    assert [(k["customer"], k["contacts"]) for k in report["key_customers"]] == [
        ("koivukuja.example", 3)
    ]
    assert report["key_customers_total"] == 1
    assert (report["new_leads"]["contacts"], report["repeat_customers"]["contacts"]) == (13, 2)
    # MAILBOX.md "Turns": the six answered later turns are the next responses
    nexts = {"median": 1027.5, "p90": 3406, "max": 3406, "count": 6}
    assert report["next_response_seconds"] == nexts
    assert report["next_business_response_seconds"] == {**nexts, "median": 946.5}


def _demo_now() -> str:
    """The moment scripts/demo.sh runs at, read from the script itself."""
    script = Path(__file__).resolve().parents[1] / "scripts" / "demo.sh"
    [line] = [x for x in script.read_text(encoding="utf-8").splitlines() if x.startswith("NOW=")]
    return line.removeprefix("NOW=")


@pytest.fixture
def no_mail_leaves(monkeypatch: pytest.MonkeyPatch) -> None:
    """At a pretended time nothing may go out: building an SMTP sender fails the test."""
    import vasteaika.cli.context as context

    def refuse(*args: object) -> None:
        raise AssertionError("an SMTP connection was built at a pretended time")

    monkeypatch.setattr(context, "smtp_sender", refuse)
    monkeypatch.setattr(context, "desktop_notifier", refuse)


def test_the_demo_shows_a_waiting_customer_an_ack_that_would_go_and_an_upcoming_reminder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_mail_leaves: None
) -> None:
    """MAILBOX.md, "The demo's Monday morning": at 08:05 K17's acknowledgment would go (a call
    today at 10), K16's promised call at 14:00 is an open reminder, four conversations wait, and
    the report of the four weeks is the key's."""
    now = _demo_now()
    assert now == "2026-11-23T08:05"
    config = str(demo_config(tmp_path))
    demo = ["--config", config, "--now", now]
    assert run([*demo, "check", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dry_run"] is True  # a pretended moment sends nothing
    [ack] = data["acknowledgments"]
    assert (ack["recipient"], ack["language"]) == ("hannu.lindroos@example.fi", "fi")
    assert ack["callback_at"] == "2026-11-23T10:00:00+02:00"
    assert "Soitan sinulle tänään klo 10" in ack["body"] and "puhelinnumerosi" in ack["body"]
    assert [w["customer_email"] for w in data["waiting"]] == WAITING
    assert data["promises_found"] == 1
    assert run([*demo, "reminders", "--json"]) == 0
    [reminder] = json.loads(capsys.readouterr().out)
    assert (reminder["customer_email"], reminder["due_at"], reminder["overdue"]) == (
        "aino.salonen@example.fi", "2026-11-23T14:00:00+02:00", False
    )  # fmt: skip
    assert reminder["phone"] == "050 321 7788"
    period = ["--since", "2026-10-26", "--until", "2026-11-22", "--json"]
    assert run([*demo, "report", *period]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["contacts"], report["answered"], report["unanswered_count"]) == (15, 14, 3)
    # nothing was sent, so a later real run decides K17 again (then too old: never acknowledged)
    assert run(["--config", config, "outbox", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", ["kuitattaisiin: osoitteeseen hannu.lindroos@example.fi, soitto ma 23.11. klo 10.00",
                "Odottaa vastaustasi (4)", "Hannu", "ma 23.11. klo 7.41"]),
        ("en", ["would be acknowledged: to hannu.lindroos@example.fi, callback Mon 23.11. 10:00",
                "Waiting for your answer (4)", "Hannu", "Mon 23.11. 07:41"]),
    ],
)  # fmt: skip
def test_the_demos_first_screen_in_finnish_and_english(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    no_mail_leaves: None,
    lang: str,
    expected: list[str],
) -> None:
    path = demo_config(tmp_path)
    text = path.read_text(encoding="utf-8").replace('language = "fi"', f'language = "{lang}"', 1)
    path.write_text(text, encoding="utf-8")
    assert run(["--config", str(path), "--now", _demo_now(), "check"]) == 0
    out = capsys.readouterr().out
    for line in expected:
        assert line in out, f"{line!r} not in:\n{out}"
    assert run(["--config", str(path), "--now", _demo_now(), "reminders"]) == 0
    assert "Aino Salonen, 050 321 7788" in capsys.readouterr().out
