"""Issue 17: the owner is told what became of every new customer's acknowledgment — sent,
drafted, planned (dry run), or not sent and why — in Finnish and English and in --json; under
--quiet only what needs them. Library accounting on fakes, the CLI against real Dovecot."""

from __future__ import annotations

import contextlib
import json
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import FakeNotifier, FakeSource, mail
from smtp_fixture import RunningSmtpServer
from test_e2e import customer_mail, write_config
from test_e2e import env as env  # the shared fixture
from vasteaika.acks.accounting import AckAccount
from vasteaika.acks.outbox import draft_or_send
from vasteaika.cli import run
from vasteaika.cli.accounts import account_line, reason_text, watch_lines
from vasteaika.config import Config, config_from_dict
from vasteaika.errors import TemporaryError, UnreachableError
from vasteaika.jobs.cycle import run_cycle
from vasteaika.ledger.store import Store, open_database
from vasteaika.mail.smtp import UncertainDeliveryError

OWNER = "ylermi@pihapalvelu.fi"
NOW = datetime.fromisoformat("2026-11-25 09:10+02:00")  # a Wednesday


class Recorder:
    def __init__(self, fail: Exception | None = None, fail_from: int = 0) -> None:
        self.sent: list[str] = []
        self.fail, self.fail_from = fail, fail_from

    def send(self, msg: EmailMessage, recipient: str) -> None:
        if self.fail is not None and len(self.sent) >= self.fail_from:
            raise self.fail
        self.sent.append(recipient)


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return config_from_dict(
        {
            "account": {"maildir": str(tmp_path)},
            "owner": {"name": "Ylermi", "addresses": [OWNER]},
            "smtp": {"host": "127.0.0.1", "security": "none"},
            "storage": {"database": str(tmp_path / "v.db")},
        },
        None,
    )


@pytest.fixture
def store(config: Config) -> Store:
    return open_database(config.database)


def customer(address: str, msgid: str, minutes_ago: int, *, return_path: bool = True) -> bytes:
    when = (NOW - timedelta(minutes=minutes_ago)).strftime("%a, %d %b %Y %H:%M:%S %z")
    extra = f"Return-Path: <{address}>\n" if return_path else ""
    return mail(f"Asiakas <{address}>", OWNER, f"Kysymys {msgid}", msgid, when, extra=extra)


def inbox(*mails: tuple[bytes, int]) -> FakeSource:
    src = FakeSource()
    for raw, minutes_ago in mails:
        src.add("INBOX", raw, NOW - timedelta(minutes=minutes_ago))
    return src


def outcomes(accounts: list[AckAccount]) -> dict[str, tuple[str, tuple[str, ...]]]:
    codes = {a.customer_email: (a.outcome, tuple(r.partition(": ")[0] for r in a.reasons))
             for a in accounts}  # fmt: skip
    return codes


def test_every_new_conversation_is_accounted_for(config: Config, store: Store) -> None:
    src = inbox(
        (customer("anna@example.fi", "a@x", 10), 10),
        (customer("bert@example.fi", "b@x", 8, return_path=False), 8),
        (customer("old@example.fi", "o@x", 60 * 24 * 3), 60 * 24 * 3),
    )
    rec = Recorder()
    cycle = run_cycle(config, store, src, NOW, draft_or_send(rec, None, "send", False))
    assert outcomes(cycle.accounts) == {
        "old@example.fi": ("not_sent", ("backlog or answered",)),
        "anna@example.fi": ("sent", ()),
        "bert@example.fi": ("not_sent", ("no-return-path",)),
    }
    [sent] = [a for a in cycle.accounts if a.outcome == "sent"]
    assert sent.recipient == "anna@example.fi" and sent.callback_at is not None
    assert not any(a.needs_owner for a in cycle.accounts)
    # a second run opens nothing and decides nothing: nothing to account for
    assert run_cycle(config, store, src, NOW + timedelta(minutes=1),
                     draft_or_send(rec, None, "send", False)).accounts == []  # fmt: skip


def test_a_dry_run_accounts_for_what_it_would_do(config: Config, store: Store) -> None:
    src = inbox((customer("anna@example.fi", "a@x", 10), 10),
                (customer("bert@example.fi", "b@x", 8, return_path=False), 8))  # fmt: skip
    copy = store.in_memory_copy()
    cycle = run_cycle(config, copy, src, NOW, None)
    assert outcomes(cycle.accounts) == {
        "anna@example.fi": ("would_send", ()),
        "bert@example.fi": ("not_sent", ("no-return-path",)),
    }
    assert store.count("SELECT count(*) FROM conversations") == 0


def test_a_stopped_delivery_leaves_the_rest_untried_and_says_so(
    config: Config, store: Store
) -> None:
    src = inbox((customer("anna@example.fi", "a@x", 10), 10),
                (customer("bert@example.fi", "b@x", 8), 8))  # fmt: skip
    rec = Recorder(UnreachableError("cannot connect to 127.0.0.1:25", "check [smtp]"))
    cycle = run_cycle(config, store, src, NOW, draft_or_send(rec, None, "send", False))
    assert outcomes(cycle.accounts) == {
        "anna@example.fi": ("not_tried", ("stopped",)),
        "bert@example.fi": ("not_tried", ("stopped",)),
    }
    assert all(a.needs_owner for a in cycle.accounts)
    assert "cannot connect to 127.0.0.1:25" in cycle.accounts[1].reasons[0]


def test_an_uncertain_delivery_is_in_doubt(config: Config, store: Store) -> None:
    src = inbox((customer("anna@example.fi", "a@x", 10), 10))
    rec = Recorder(UncertainDeliveryError("the connection broke after DATA", "check Sent"))
    cycle = run_cycle(config, store, src, NOW, draft_or_send(rec, None, "send", False))
    [account] = cycle.accounts
    assert account.outcome == "in_doubt" and account.needs_owner
    assert account.recipient == "anna@example.fi"


def test_mode_off_is_accounted_for(tmp_path: Path) -> None:
    cfg = config_from_dict({"account": {"maildir": str(tmp_path)}, "owner": {"addresses": [OWNER]},
                            "ack": {"mode": "off"}, "storage": {"database": str(tmp_path / "v.db")}},
                           None)  # fmt: skip
    src = inbox((customer("anna@example.fi", "a@x", 10), 10))
    [account] = run_cycle(cfg, open_database(cfg.database), src, NOW, None).accounts
    assert account.outcome == "off" and not account.needs_owner
    assert reason_text(account.reasons[0], "fi") == "kuittaukset on kytketty pois (ack.mode = off)"


@pytest.mark.parametrize(
    ("account", "lang", "expected"),
    [
        (AckAccount(3, "bert@example.fi", "Bert", "Kysymys", "not_sent",
                    reasons=("no-return-path: no Return-Path, so the real sender is unknown "
                             "(RFC 3834 §4: don't guess)",)),
         "fi", "#3 Bert <bert@example.fi> — ei kuitattu: Return-Path puuttuu, joten todellista "
               "lähettäjää ei tiedetä"),
        (AckAccount(3, "bert@example.fi", "Bert", "Kysymys", "not_sent",
                    reasons=("no-return-path: no Return-Path, so the real sender is unknown "
                             "(RFC 3834 §4: don't guess)",)),
         "en", "#3 Bert <bert@example.fi> — not acknowledged: no Return-Path, so the real sender "
               "is unknown (RFC 3834 §4: don't guess)"),
        (AckAccount(4, "anna@example.fi", "", "Lumi", "sent", "anna@example.fi",
                    datetime.fromisoformat("2026-11-25 15:00+02:00")),
         "fi", "#4 anna@example.fi — kuitattu: lähetetty osoitteeseen anna@example.fi, soitto ke "
               "25.11. klo 15.00"),
        (AckAccount(4, "anna@example.fi", "", "Lumi", "sent", "anna@example.fi",
                    datetime.fromisoformat("2026-11-25 15:00+02:00")),
         "en", "#4 anna@example.fi — acknowledged: sent to anna@example.fi, callback Wed "
               "25.11. 15:00"),
        (AckAccount(5, "c@example.fi", "", "x", "not_tried",
                    reasons=("stopped: vasteaika: cannot connect — check [smtp]",)),
         "fi", "#5 c@example.fi — EI vielä kuitattu: lähetys keskeytyi (vasteaika: cannot "
               "connect — check [smtp]); yritetään uudelleen seuraavalla kerralla"),
        (AckAccount(6, "d@example.fi", "", "x", "in_doubt", "d@example.fi"),
         "en", "#6 d@example.fi — acknowledgment IN DOUBT: handed to the mail server, no answer "
               "came; the customer may have it (see 'vasteaika outbox')"),
    ],
)  # fmt: skip
def test_the_owner_is_told_in_their_language(account: AckAccount, lang: str, expected: str) -> None:
    from zoneinfo import ZoneInfo

    assert account_line(account, ZoneInfo("Europe/Helsinki"), lang) == expected


def test_every_reason_code_of_the_decision_has_finnish_words() -> None:
    import vasteaika.acks.decision as decision
    from vasteaika.cli.messages import ACK_REASONS

    doc = decision.__doc__ or ""
    listed = doc.split("Codes:")[1].split("The envelope sender")[0]
    codes = {c.strip(" .\n") for c in listed.split(",")}
    assert codes and codes <= set(ACK_REASONS["fi"])


def test_the_watch_log_keeps_acks_sent_in_a_cycle_that_failed_later(
    config: Config, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review finding: 11 of 30 acks that went out were logged, because the log was written
    after the cycle, and the cycle failed after sending."""
    from vasteaika.jobs import cycle as cycle_module
    from vasteaika.jobs.watch import Watcher

    src = inbox(*[(customer(f"c{i}@example.fi", f"q{i}@x", 10 - i), 10 - i) for i in range(3)],
                (customer("bert@example.fi", "b@x", 5, return_path=False), 5))  # fmt: skip
    rec, lines = Recorder(), []

    def fire_fails(*_: object) -> None:
        raise TemporaryError("the connection was lost", "retrying")

    monkeypatch.setattr(cycle_module, "fire_due", fire_fails)
    watcher = Watcher(config, store, lambda: src, lambda s: draft_or_send(rec, None, "send", False),
                      contextlib.nullcontext, lambda: NOW, lines.append,
                      notifier=FakeNotifier())  # fmt: skip
    with pytest.raises(TemporaryError):
        watcher._cycle(src)
    assert rec.sent == ["c0@example.fi", "c1@example.fi", "c2@example.fi"]
    acked = [line for line in lines if line.startswith("kuitattu ")]  # the owner's language
    assert [line.split()[1] for line in acked] == rec.sent
    assert watcher.state.last_ack_to == "c2@example.fi"


def test_the_watch_log_tells_of_each_new_customer_not_acknowledged(
    config: Config, store: Store
) -> None:
    from zoneinfo import ZoneInfo

    from vasteaika.jobs.watch import Watcher

    src = inbox((customer("anna@example.fi", "a@x", 10), 10),
                (customer("bert@example.fi", "b@x", 5, return_path=False), 5))  # fmt: skip
    rec, lines = Recorder(), []
    watcher = Watcher(config, store, lambda: src, lambda s: draft_or_send(rec, None, "send", False),
                      contextlib.nullcontext, lambda: NOW, lines.append,
                      tell=lambda r: watch_lines(r, ZoneInfo("Europe/Helsinki"), "fi"))  # fmt: skip
    watcher._cycle(src)
    assert any(line.startswith("kuitattu anna@example.fi (soitto ") for line in lines)
    assert any("bert@example.fi> — ei kuitattu: Return-Path puuttuu" in line for line in lines)


# --- the real command against real Dovecot --------------------------------------------------


def _config(tmp_path: Path, server: DovecotServer, smtp_port: int, lang: str) -> Path:
    path = write_config(tmp_path, server, smtp_port)
    text = path.read_text(encoding="utf-8").replace("[owner]\n", f'[owner]\nlanguage = "{lang}"\n')
    path.write_text(text, encoding="utf-8")
    return path


def _deliver_two_refused_and_one_good(env: DovecotServer) -> None:
    for i in range(2):  # appended as they are: no delivering MDA wrote a Return-Path on top
        when = datetime.now().astimezone() - timedelta(minutes=5)
        raw = mail(f"Kysyjä {i} <kysyja{i}@example.fi>", OWNER, f"Tarjouspyyntö {i}", f"k{i}@x",
                   when.strftime("%a, %d %b %Y %H:%M:%S %z"))  # fmt: skip
        env.deliver("INBOX", raw, internal_date=when)
    raw, when = customer_mail("Maija <maija@example.fi>", "Nurmikko", "m@x", 3)
    env.deliver("INBOX", raw, internal_date=when)


@pytest.mark.parametrize(
    ("lang", "refused", "would", "sent"),
    [
        ("fi", "ei kuitattu: Return-Path puuttuu, joten todellista lähettäjää ei tiedetä",
         "kuitattaisiin: osoitteeseen maija@example.fi", "kuitattu: lähetetty osoitteeseen "
         "maija@example.fi"),
        ("en", "not acknowledged: no Return-Path, so the real sender is unknown",
         "would be acknowledged: to maija@example.fi", "acknowledged: sent to maija@example.fi"),
    ],
)  # fmt: skip
def test_refused_customers_appear_in_dry_run_and_real_check(
    env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], lang: str, refused: str, would: str, sent: str,
) -> None:  # fmt: skip
    config = _config(tmp_path, env, smtp_server.port, lang)
    _deliver_two_refused_and_one_good(env)

    assert run(["--config", str(config), "check", "--dry-run"]) == 0
    out = capsys.readouterr().out
    for i in range(2):
        assert f"kysyja{i}@example.fi> — {refused}" in out
    assert would in out and smtp_server.messages() == []

    assert run(["--config", str(config), "check", "--dry-run", "--json"]) == 0
    told = json.loads(capsys.readouterr().out)["new_customers"]
    assert [(c["customer_email"], c["outcome"], [r["code"] for r in c["reasons"]]) for c in told] == [
        ("kysyja0@example.fi", "not_sent", ["no-return-path"]),
        ("kysyja1@example.fi", "not_sent", ["no-return-path"]),
        ("maija@example.fi", "would_send", []),
    ]
    assert refused.partition(": ")[2] in told[0]["reasons"][0]["text"]

    assert run(["--config", str(config), "check"]) == 0
    out = capsys.readouterr().out
    for i in range(2):
        assert f"kysyja{i}@example.fi> — {refused}" in out
    assert sent in out and len(smtp_server.messages()) == 1


def test_quiet_prints_only_what_needs_the_owner(
    env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _deliver_two_refused_and_one_good(env)
    good = _config(tmp_path, env, smtp_server.port, "en")
    assert run(["--config", str(good), "check", "--quiet"]) == 0
    assert capsys.readouterr().out == ""  # refusals and a sent ack need nobody

    raw, when = customer_mail("Ville <ville@example.fi>", "Piha", "v@x", 1)
    env.deliver("INBOX", raw, internal_date=when)
    with contextlib.closing(__import__("socket").socket()) as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]  # nothing listens there once closed
    down = _config(tmp_path, env, closed_port, "fi")
    assert run(["--config", str(down), "check", "--quiet"]) == 69
    out = capsys.readouterr().out
    # The stopping error in the owner's language too (issue 14), the server's port as it is.
    assert (f"ville@example.fi> — EI vielä kuitattu: lähetys keskeytyi (SMTP-palvelin"
            f" 127.0.0.1:{closed_port} torjui yhteyden — tarkista smtp.host ja smtp.port)") in out


# --- status tells the truth -----------------------------------------------------------------


def _status(config: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert run(["--config", str(config), "status", *extra]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("lang", "reached", "open_", "cleared"),
    [("fi", "viimeksi yhteydessä palvelimeen: ", "ei korjautunut", "korjautunut: palvelimeen on"),
     ("en", "last contact with the server: ", "not cleared", "cleared: the server was reached")],
)  # fmt: skip
def test_status_knows_the_last_contact_of_any_command_and_whether_a_problem_cleared(
    env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], lang: str, reached: str, open_: str, cleared: str,
) -> None:  # fmt: skip
    """Review finding: 'never' right after several successful checks; an old "refused" shown
    as the last problem after the watcher had reconnected."""
    config = _config(tmp_path, env, smtp_server.port, lang)
    assert run(["--config", str(config), "check", "--quiet"]) == 0
    capsys.readouterr()
    out = _status(config, capsys)
    assert reached in out and f"{reached}{'ei koskaan' if lang == 'fi' else 'never'}" not in out
    assert "(check)" in out
    first = json.loads(_status(config, capsys, "--json"))
    assert first["last_seen_by"] == "check" and first["last_error"] is None

    env.kill()
    assert run(["--config", str(config), "check", "--quiet"]) == 69
    capsys.readouterr()
    down = json.loads(_status(config, capsys, "--json"))
    assert down["last_error_by"] == "check" and down["last_error_cleared"] is False
    assert "127.0.0.1" in down["last_error"] and down["last_seen_server_at"] == first["last_seen_server_at"]
    assert open_ in _status(config, capsys)

    env.start()
    assert run(["--config", str(config), "check", "--quiet"]) == 0
    capsys.readouterr()
    up = json.loads(_status(config, capsys, "--json"))
    assert up["last_error_cleared"] is True and up["last_error"] == down["last_error"]
    assert cleared in _status(config, capsys)


def test_a_dry_run_leaves_no_health_record(
    env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path
) -> None:
    config = _config(tmp_path, env, smtp_server.port, "en")
    assert run(["--config", str(config), "check", "--dry-run"]) == 0
    env.kill()
    assert run(["--config", str(config), "check", "--dry-run"]) == 69
    assert not (tmp_path / "v.db.health.json").exists()  # a dry run writes nothing


def test_the_watcher_reconnecting_clears_its_problem(config: Config, store: Store) -> None:
    from vasteaika.jobs.health import read_health
    from vasteaika.jobs.watch import Watcher, read_state

    clock = iter([NOW + timedelta(seconds=s) for s in range(10)])
    watcher = Watcher(config, store, FakeSource, lambda s: draft_or_send(Recorder(), None, "send", False),
                      contextlib.nullcontext, lambda: next(clock), lambda line: None)  # fmt: skip
    watcher._note_error("the server 127.0.0.1:993 refused the connection — is it running?")
    assert read_health(config.database).problem_cleared is False
    assert read_state(config.database)[0].last_error is not None  # type: ignore[union-attr]
    watcher._seen_server()
    health = read_health(config.database)
    assert health.problem_cleared is True and health.last_contact_by == "watch"
    assert read_state(config.database)[0].last_error is None  # type: ignore[union-attr]


def test_every_state_file_is_private(config: Config, store: Store, tmp_path: Path) -> None:
    """Review finding: watch.json was 0644 while every other file is private."""
    import os

    from vasteaika.jobs.health import health_path, note_contact
    from vasteaika.jobs.watch import Watcher, state_path
    from vasteaika.mail.mbox_state import FileState, save_states

    stale = state_path(config.database)
    stale.write_text("{}", encoding="utf-8")
    stale.chmod(0o644)  # written by an older version
    watcher = Watcher(config, store, FakeSource, lambda s: draft_or_send(Recorder(), None, "send", False),
                      contextlib.nullcontext, lambda: NOW, lambda line: None)  # fmt: skip
    watcher._write_state()
    note_contact(config.database, NOW, "check")
    mbox_state = tmp_path / "v.db.mbox-state.json"
    save_states(mbox_state, {"a": FileState(1, 2, 3, 4, 5, True, "d", 1)})
    for path in (state_path(config.database), health_path(config.database), mbox_state):
        assert os.stat(path).st_mode & 0o777 == 0o600, path


# --- promises accounted for -----------------------------------------------------------------


def _deliver_a_long_past_promise(env: DovecotServer) -> datetime:
    """A customer wrote a week ago; the owner's reply six days ago promised "tomorrow at 10"."""
    asked, _ = customer_mail("Maija Meikäläinen <maija@example.fi>", "Nurmikko", "m@x", 60 * 24 * 7)
    env.deliver("INBOX", asked, internal_date=datetime.now().astimezone() - timedelta(days=7))
    replied = datetime.now().astimezone() - timedelta(days=6)
    reply = mail(OWNER, "Maija Meikäläinen <maija@example.fi>", "Re: Nurmikko", "r@p",
                 replied.strftime("%a, %d %b %Y %H:%M:%S %z"), extra="In-Reply-To: <m@x>\n",
                 body="Hei Maija,\n\nSoitan huomenna klo 10.\n\nYlermi\n")  # fmt: skip
    env.deliver("Sent", reply, internal_date=replied)
    return replied


@pytest.mark.parametrize(
    ("lang", "said", "no_reminders"),
    [("fi", "— aika oli jo ohi, kun vastaus luettiin: Maija Meikäläinen <maija@example.fi>",
      "Ei avoimia muistutuksia."),
     ("en", "— already past when read: Maija Meikäläinen <maija@example.fi>",
      "No open reminders.")],
)  # fmt: skip
def test_a_promise_already_past_when_read_is_shown_once(
    env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], lang: str, said: str, no_reminders: str,
) -> None:  # fmt: skip
    """Review finding: such a promise was silently dropped, and `reminders` then said every
    promised call was made."""
    from vasteaika.cli.accounts import promised_when

    config = _config(tmp_path, env, smtp_server.port, lang)
    _deliver_a_long_past_promise(env)
    assert run(["--config", str(config), "check", "--json"]) == 0
    [past] = json.loads(capsys.readouterr().out)["past_promises"]
    assert past["customer_email"] == "maija@example.fi" and past["text"] == "huomenna klo 10"
    due = datetime.fromisoformat(past["due_at"])
    assert due < datetime.now().astimezone() - timedelta(days=1) and past["has_time"] is True
    assert run(["--config", str(config), "reminders"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == no_reminders  # no claim that the call was made

    # shown in the text of the run that reads it, and only then
    (tmp_path / "v.db").unlink()
    assert run(["--config", str(config), "check"]) == 0
    out = capsys.readouterr().out
    tz = due.tzinfo
    when = promised_when(due.astimezone(tz), True, lang)
    assert f"{when} {said} ('huomenna klo 10')" in out, out
    assert run(["--config", str(config), "check"]) == 0
    assert said not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("at", "has_time", "lang", "expected"),
    [("2026-12-03 10:00+02:00", True, "fi", "3.12. klo 10"),
     ("2026-12-03 10:30+02:00", True, "fi", "3.12. klo 10.30"),
     ("2026-12-03 10:00+02:00", True, "en", "3.12. 10:00"),
     ("2026-12-03 00:00+02:00", False, "fi", "3.12.")],
)  # fmt: skip
def test_a_promised_time_is_said_as_promised(at: str, has_time: bool, lang: str, expected: str) -> None:
    from vasteaika.cli.accounts import promised_when

    assert promised_when(datetime.fromisoformat(at), has_time, lang) == expected


def test_a_first_sync_groups_the_backlog_in_one_line(
    config: Config, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Seven old conversations are one counted line (each is in --json), a young one its own."""
    from zoneinfo import ZoneInfo

    from vasteaika.cli.accounts import show_accounts

    old = [(customer(f"old{i}@example.fi", f"o{i}@x", 60 * 24 * 5 + i), 60 * 24 * 5 + i)
           for i in range(7)]  # fmt: skip
    src = inbox(*old, (customer("bert@example.fi", "b@x", 5, return_path=False), 5))
    cycle = run_cycle(config, store.in_memory_copy(), src, NOW, None)
    assert len(cycle.accounts) == 8
    show_accounts(cycle.accounts, cycle.acks.planned, ZoneInfo("Europe/Helsinki"), "fi")
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Uudet asiakkaat (8):",
        "  #8 Asiakas <bert@example.fi> — ei kuitattu: Return-Path puuttuu, joten todellista "
        "lähettäjää ei tiedetä",
        "  7 niistä ei kuitattu: vanhempi kuin ack.max_age, tai olit jo vastannut",
    ]


def test_the_running_watcher_logs_each_new_customer_in_the_owners_words(
    env: DovecotServer, smtp_server: RunningSmtpServer, tmp_path: Path
) -> None:
    import signal

    from test_e2e import cli_process
    from test_watch import wait_until

    config = _config(tmp_path, env, smtp_server.port, "fi")
    proc = cli_process(config, "watch", "--poll", "2")
    try:
        wait_until(lambda: (tmp_path / "v.db.watch.json").exists(), 30)
        _deliver_two_refused_and_one_good(env)
        wait_until(lambda: len(smtp_server.messages()) == 1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    log = proc.communicate(timeout=10)[1]
    assert "vasteaika watch: kuitattu maija@example.fi (soitto " in log
    for i in range(2):
        assert f"kysyja{i}@example.fi> — ei kuitattu: Return-Path puuttuu" in log, log


def test_a_drafted_acknowledgment_is_accounted_for(tmp_path: Path) -> None:
    cfg = config_from_dict({"account": {"maildir": str(tmp_path)}, "owner": {"addresses": [OWNER]},
                            "ack": {"mode": "draft"}, "storage": {"database": str(tmp_path / "v.db")}},
                           None)  # fmt: skip
    drafts: list[bytes] = []
    src = inbox((customer("anna@example.fi", "a@x", 10), 10))
    deliver = draft_or_send(None, lambda folder, data: drafts.append(data), "draft", False)
    [account] = run_cycle(cfg, open_database(cfg.database), src, NOW, deliver).accounts
    assert (account.outcome, account.recipient, len(drafts)) == ("drafted", "anna@example.fi", 1)
    from zoneinfo import ZoneInfo

    line = account_line(account, ZoneInfo("Europe/Helsinki"), "fi")
    assert "kuittaus luonnoksena osoitteeseen anna@example.fi (Luonnokset-kansiossa), soitto" in line
