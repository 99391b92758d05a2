"""The contact queue (issue 18): on a generated two-year history read by the real cycle (an
in-memory mailbox, the real ledger), it holds exactly the customers of the answer key with the
right reasons; the seasonal rule, companies, dismissal, the report's view and the commands."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from dovecot import DovecotServer
from fakes import FakeNotifier, FakeSource
from queue_history import ANSWER_KEY, COMPANIES, NOW, OWNER, SEASONAL, WORDS, history, mails
from vasteaika.cli import context as cli_context
from vasteaika.cli import run
from vasteaika.config import Config, config_from_dict
from vasteaika.jobs.cycle import run_cycle
from vasteaika.ledger.store import Store, open_database
from vasteaika.queue import QueueEntry, build_queue, queue_settings, scan, top_of_queue
from vasteaika.queue.complaints import find_complaints
from vasteaika.report import ReportSettings, build_report, previous_week


def config_of(tmp_path: Path, companies: tuple[str, ...] = COMPANIES) -> Config:
    return config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi", "addresses": [OWNER]},
            "ack": {"mode": "off"},
            "customers": {"companies": list(companies)},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )


def read_history(config: Config) -> tuple[Store, FakeSource]:
    source = FakeSource()
    for m in mails(history()):
        source.add(m.folder, m.raw, m.at)
    store = open_database(config.database)
    run_cycle(config, store, source, NOW, None)
    return store, source


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Config, Store]:
    config = config_of(tmp_path_factory.mktemp("queue"))
    store, _ = read_history(config)
    return config, store


def reasons(queue: tuple[QueueEntry, ...]) -> dict[str, set[str]]:
    return {e.customer: set(e.kinds) for e in queue}


def test_the_queue_holds_exactly_the_answer_key(ledger: tuple[Config, Store]) -> None:
    config, store = ledger
    queue = build_queue(store, queue_settings(config), NOW)
    assert reasons(queue) == ANSWER_KEY
    assert not set(SEASONAL) & {e.customer for e in queue}  # no one out of season
    for e in queue:
        for r in e.reasons:
            if e.customer in WORDS and r.kind == "unhappy":
                assert WORDS[e.customer] <= set(r.words), e.customer


def test_what_each_entry_says(ledger: tuple[Config, Store]) -> None:
    config, store = ledger
    by = {e.customer: e for e in build_queue(store, queue_settings(config), NOW)}
    fading = by["hiipuva@gmail.com"]
    assert fading.name == "Hilkka Hiipuva" and not fading.is_company
    assert fading.usual_interval_seconds is not None
    assert 28 <= fading.usual_interval_seconds / 86400 <= 32  # monthly
    [quiet] = fading.reasons
    assert quiet.since == fading.last_contact_at and quiet.seconds > 150 * 86400
    company = by["koivukuja.fi"]
    assert company.is_company and company.conversations == 4 and company.name == ""
    assert company.last_subject == "Tilaus 01.06.2026"
    assert by["vastaamaton@gmail.com"].phone == "040 765 4321"  # from the mail's signature
    [waited] = by["vastaamaton@gmail.com"].reasons
    assert not waited.answered and waited.seconds > 6 * 8 * 3600  # over twice 24 business hours
    [late] = by["odottaja@gmail.com"].reasons
    assert late.answered and late.seconds == 10 * 8 * 3600  # ten business days, 8 h each
    [follow_up] = by["jatko@gmail.com"].reasons
    assert follow_up.seconds == 4 * 8 * 3600 and follow_up.words == ()
    assert by["bengt@telia.se"].last_subject == "Fönstren"  # the words were in the body only
    # the most frequent customers of the last 12 months first
    years = [e.conversations_year for e in by.values()]
    queue = build_queue(store, queue_settings(config), NOW)
    assert [e.conversations_year for e in queue] == sorted(years, reverse=True)


def test_the_kept_rhythm_and_the_rhythm_read_on_the_fly_agree(
    tmp_path: Path,
) -> None:
    """After a run every person's rhythm is kept (customer_rhythm); marked stale, it is read
    from the conversations instead: the queue is the same, entry for entry."""
    config = config_of(tmp_path)
    store, _ = read_history(config)
    conn = store.db.conn
    assert conn.execute("SELECT count(*) FROM rhythm_stale").fetchone()[0] == 0
    people = {c.address for c in history()}
    assert conn.execute("SELECT count(*) FROM customer_rhythm").fetchone()[0] == len(people)
    kept = build_queue(store, queue_settings(config), NOW)
    with store.db.atomic():
        conn.execute("INSERT INTO rhythm_stale SELECT customer_key FROM customers")
    assert build_queue(store, queue_settings(config), NOW) == kept
    top, total = top_of_queue(store, queue_settings(config), NOW, 3)
    assert top == kept[:3] and total == len(kept)


def test_without_companies_the_company_people_are_persons_without_a_rhythm(
    tmp_path: Path,
) -> None:
    config = config_of(tmp_path, companies=())
    store, _ = read_history(config)
    expected = {k: v for k, v in ANSWER_KEY.items() if k != "koivukuja.fi"}
    assert reasons(build_queue(store, queue_settings(config), NOW)) == expected


def test_a_seasonal_customer_who_does_not_come_back_is_called(ledger: tuple[Config, Store]) -> None:
    """The garden customer is quiet every winter; as of next May (their season well begun,
    nothing since September) the same silence is no longer the season's."""
    config, store = ledger
    may = NOW + timedelta(days=165)
    queue = build_queue(store, queue_settings(config), may)
    assert "puutarha@gmail.com" in reasons(queue)
    assert reasons(queue)["puutarha@gmail.com"] == {"quiet"}
    # in December the summer-cottage customer was out of season; in May still (from 20 May on)
    assert "mokki.marja@gmail.com" not in reasons(queue)


def test_the_weekly_report_shows_the_queue(ledger: tuple[Config, Store]) -> None:
    config, store = ledger
    settings = ReportSettings(hours=queue_settings(config).hours, companies=COMPANIES)
    since, until = previous_week(NOW, NOW.tzinfo)  # type: ignore[arg-type]
    report = build_report(store, settings, since, until, NOW)
    queue = build_queue(store, queue_settings(config), NOW)
    assert [(s.customer, s.reasons) for s in report.silent_customers] == [
        (e.customer, e.kinds) for e in queue
    ]
    assert report.silent_customers_total == len(queue)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Reklamaatio: lasku", ("reklamaatio",)),
        ("Haluan tehdä reklamaation.", ("reklamaation",)),
        ("Toivon hyvitystä, laite ei  toimi", ("hyvitystä", "ei toimi")),
        ("Olen pettynyt. Missä viipyy tilaus?", ("pettynyt", "missä viipyy")),
        ("jag vill göra en reklamation", ("reklamation",)),
        ("Vi är besvikna", ("besvikna",)),
        ("I want a REFUND, it still not works", ("refund", "still not")),
        ("Valitsimme teidät, kiitos!", ()),  # "valit-" is also chosen: never a complaint
        ("Valitettavasti en pääse", ()),
        ("Kiitos, hyvin toimii", ()),
        ("Disappointed?? No, delighted", ("disappointed",)),
    ],
)
def test_complaint_words(text: str, words: tuple[str, ...]) -> None:
    assert find_complaints(text) == words


Read = tuple[str, int]


class _ReadCounting(FakeSource):
    """Counts whole-mail reads (folder, UID): ``batches`` each batch read, ``alone`` each mail
    read alone. ``together`` False: a source that leaves every mail out of a batch (its byte
    cap). ``lost``: mails the server does not return; ``broken``: mails whose read fails (a batch
    with one fails whole)."""

    def __init__(self, *, together: bool = True, lost: Sequence[Read] = (),
                 broken: Sequence[Read] = ()) -> None:  # fmt: skip
        super().__init__()
        self.together, self.lost, self.broken = together, set(lost), set(broken)
        self.batches: list[list[Read]] = []
        self.alone: list[Read] = []

    def fetch_texts(self, folder: str, uids: Sequence[int]) -> dict[int, bytes | None]:
        self.batches.append([(folder, uid) for uid in uids])
        if self.broken & set(self.batches[-1]):
            raise ValueError("unreadable answer")
        return {uid: self._read(folder, uid) for uid in uids} if self.together else {}

    def fetch_text(self, folder: str, uid: int) -> bytes | None:
        self.alone.append((folder, uid))
        if (folder, uid) in self.broken:
            raise ValueError("unreadable answer")
        return self._read(folder, uid)

    def _read(self, folder: str, uid: int) -> bytes | None:
        return None if (folder, uid) in self.lost else super().fetch_text(folder, uid)


def scanned_with(tmp_path: Path, source: _ReadCounting) -> tuple[list[tuple[Any, ...]], Store]:
    """The complaint words and phone kept for each mail after a first run over the history."""
    for m in mails(history()):
        source.add(m.folder, m.raw, m.at)
    config = config_of(tmp_path)
    store = open_database(config.database)
    run_cycle(config, store, source, NOW, None)
    rows = store.db.execute(
        "SELECT folder, uid, subject, complaint, phone FROM messages"
        " WHERE complaint_scanned = 1 ORDER BY folder, uid"
    ).fetchall()
    return rows, store


def test_complaints_read_in_batches_are_those_read_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "TEXT_BATCH", 7)
    batched = _ReadCounting()
    together, _ = scanned_with(tmp_path / "together", batched)
    alone = _ReadCounting(together=False)
    one_by_one, _ = scanned_with(tmp_path / "alone", alone)
    assert together == one_by_one
    assert any(row[3] for row in together) and any(row[4] for row in together)
    read = [mail for batch in batched.batches for mail in batch]
    assert read == [row[:2] for row in together]
    assert Counter(alone.alone) - Counter(batched.alone) == Counter(read)  # read alone elsewhere
    assert len(batched.batches) == -(-len(read) // 7)


def test_a_mail_lost_or_unreadable_in_a_batch_costs_only_its_own_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scan, "TEXT_BATCH", 7)
    whole = _ReadCounting()
    clean, _ = scanned_with(tmp_path / "clean", whole)
    worded = [row for row in clean if row[3] and not find_complaints(row[2])]
    assert len(worded) >= 2  # complaint words only in the body
    lost, broken = worded[0][:2], worded[-1][:2]
    source = _ReadCounting(lost=[lost], broken=[broken])
    rows, store = scanned_with(tmp_path / "faulty", source)
    expected = [(*row[:3], None, None) if row[:2] in (lost, broken) else row for row in clean]
    assert rows == expected
    problems = [(p["folder"], p["uid"], p["step"]) for p in store.problems()]
    assert problems == [(*broken, "complaint")]
    failed = next(batch for batch in source.batches if broken in batch)
    assert Counter(source.alone) - Counter(whole.alone) == Counter(failed)


def write_config(tmp_path: Path, lang: str = "fi") -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[account]\nmaildir = "{tmp_path}"\n'
        f'[owner]\nname = "Ylermi"\naddresses = ["{OWNER}"]\nlanguage = "{lang}"\n'
        f'[ack]\nmode = "off"\n[customers]\ncompanies = ["koivukuja.fi"]\n'
        f'[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    return path


def test_queue_call_and_dismiss_are_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    read_history(config_of(tmp_path))
    path = write_config(tmp_path)
    clock = [NOW]
    monkeypatch.setattr(cli_context, "system_clock", lambda: clock[0])

    def cli(*args: str) -> str:
        code = run(["--config", str(path), *args])
        out = capsys.readouterr()
        assert code == 0, out.err
        return out.out

    def queued() -> list[dict[str, object]]:
        return json.loads(cli("queue", "--json"))  # type: ignore[no-any-return]

    listed = queued()
    assert {e["customer"] for e in listed} == set(ANSWER_KEY)
    assert [e["number"] for e in listed] == list(range(1, len(listed) + 1))
    first = listed[0]
    called = json.loads(cli("queue", "call", "1", "--json"))
    assert (called["customer_email"], called["source"]) == (first["customer"], "queue")
    assert called["conversation_id"] == first["last_conversation_id"]
    assert called["overdue"] is True and called["has_time"] is False  # a day's reminder: today
    cli("queue", "dismiss", "vastaamaton@gmail.com", "--until", "2027-01-15")
    assert {e["customer"] for e in queued()} == set(ANSWER_KEY) - {
        first["customer"], "vastaamaton@gmail.com"
    }
    clock[0] = NOW + timedelta(days=46)  # 16.1.2027: the dismissal is over, the call's too
    back = {e["customer"] for e in queued()}
    assert {"vastaamaton@gmail.com", first["customer"]} <= back
    code = run(["--config", str(path), "queue", "call", "99"])
    assert code == 2 and "no number 99" in capsys.readouterr().err
    code = run(["--config", str(path), "queue", "dismiss", "1", "--until", "1.1.2020"])
    assert code == 2 and "not in the future" in capsys.readouterr().err


def test_queue_screens_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    read_history(config_of(tmp_path))
    monkeypatch.setattr(cli_context, "system_clock", lambda: NOW)
    monkeypatch.setenv("COLUMNS", "200")
    for lang, words in (
        ("fi", ("Yhteydenottojono (9)", "hiljaa 190 pv (yleensä 29 pv välein)",
                "vastaus vasta 80 h työaikaa myöhemmin", "koivukuja.fi (yritys)")),
        ("en", ("Contact queue (9)", "quiet for 190 d (usually every 29 d)",
                "answered only after 80 h of business time", "koivukuja.fi (company)")),
    ):  # fmt: skip
        path = write_config(tmp_path, lang)
        assert run(["--config", str(path), "queue"]) == 0
        out = capsys.readouterr().out
        for w in words:
            assert w in out, (lang, w)


# --- real Dovecot: a call from the queue is one reminder that fires once ------------------------


def test_queue_call_makes_one_reminder_that_fires_once_with_real_dovecot(
    dovecot: DovecotServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The history's fading customer and the Swedish complaint (its words in the body only,
    fetched with BODY.PEEK from the server) are delivered to a real Dovecot and read by
    `check`; `queue call` makes one reminder for today, the next `check` fires it once (on the
    desktop), the one after fires nothing, and the customer is off the queue."""
    monkeypatch.setenv("VASTEAIKA_PASSWORD", dovecot.password)
    with dovecot.admin() as client:
        client.create_folder("Sent")
    wanted = ("hiipuva@gmail.com", "bengt@telia.se")
    for m in mails([c for c in history() if c.address in wanted]):
        dovecot.deliver(m.folder, m.raw, internal_date=m.at)
    path = tmp_path / "config.toml"
    path.write_text(
        f'[account]\nimap_host = "127.0.0.1"\nimap_port = {dovecot.imaps_port}\n'
        f'security = "ssl"\nusername = "{dovecot.username}"\nca_file = "{dovecot.ca_file}"\n'
        f'timeout = 10\n[owner]\nname = "Ylermi"\naddresses = ["{OWNER}"]\nlanguage = "en"\n'
        f'[ack]\nmode = "off"\n[storage]\ndatabase = "{tmp_path / "v.db"}"\n',
        encoding="utf-8",
    )
    notifier = FakeNotifier()
    monkeypatch.setattr(cli_context, "system_clock", lambda: NOW)
    monkeypatch.setattr(cli_context, "reminder_channels", lambda config: (notifier, None))

    def cli(*args: str) -> dict[str, Any]:
        code = run(["--config", str(path), *args, "--json"])
        out = capsys.readouterr()
        assert code == 0, out.err
        return json.loads(out.out)  # type: ignore[no-any-return]

    first = cli("check")
    top = first["contact_queue"]["top"]
    assert {e["customer"]: [r["kind"] for r in e["reasons"]] for e in top} == {
        "hiipuva@gmail.com": ["quiet"], "bengt@telia.se": ["unhappy"]
    }
    [unhappy] = [e for e in top if e["customer"] == "bengt@telia.se"]
    assert unhappy["reasons"][0]["words"] == ["besviken", "fortfarande inte"]
    number = next(e["number"] for e in top if e["customer"] == "hiipuva@gmail.com")
    reminder = cli("queue", "call", str(number))
    assert reminder["customer_email"] == "hiipuva@gmail.com"
    fired = cli("check")["reminders_fired"]
    assert [(f["id"], f["delivered"]) for f in fired] == [(reminder["id"], "desktop")]
    assert cli("check")["reminders_fired"] == []
    assert len(notifier.calls) == 1 and "Hilkka Hiipuva" in notifier.calls[0][0]
    assert [e["customer"] for e in cli("queue")] == ["bengt@telia.se"]
