"""A body-only out-of-office reply (issue 12): a colleague's "Olen lomalla … asti" with no
Auto-Submitted, no vendor header and no out-of-office subject is no contact and no waiting
customer — the sync reads the body of a reply the headers call a customer's. A customer who
quotes or forwards such a text, or opens a new mail with their own vacation, is still one."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import FakeSource, mail
from live_mailbox import Live, live  # noqa: F401  (live: fixture)
from smtp_fixture import RunningSmtpServer
from test_e2e import OWNER, check_json, env, in_english, write_config  # noqa: F401  (env: fixture)
from test_outbox import Recorder, at, customer, run
from test_outbox import config as config
from vasteaika.cli import run as cli_run
from vasteaika.config import Config
from vasteaika.ledger.check import run_check
from vasteaika.ledger.store import Store, open_database
from vasteaika.mail.body import out_of_office_body

OUT_OF_OFFICE = (
    "Hei,\n\nolen lomalla 7.12. asti enkä lue sähköpostiani. Kiireellisissä asioissa ota "
    "yhteyttä Mattiin, puh. 040 765 4321.\n\nTerveisin\nAntti Korpela\n"
)
SWEDISH_OUT_OF_OFFICE = "Hej,\n\njag är på semester till och med 7.12. och läser inte min e-post.\n"
VACATIONING_CUSTOMER = (
    "Hei,\n\nolen lomalla 7.12. asti, mutta voisitteko tehdä tarjouksen pihan kivetyksestä? "
    "Soitelkaa vaikka heti.\n\nTerveisin Liisa\n"
)
QUOTING_CUSTOMER = (
    "Hei, kollegani on lomalla, joten kirjoitan hänen puolestaan: voisitteko tehdä tarjouksen?\n\n"
    "> olen lomalla 7.12. asti enkä lue sähköpostiani.\n"
)


@pytest.fixture
def store(config: Config) -> Store:
    return open_database(config.database)


def test_a_body_only_out_of_office_is_no_contact(config: Config, store: Store) -> None:
    src, rec, now = FakeSource(), Recorder(), at("2026-11-25 09:10 +0200")
    for i, (who, subject, body) in enumerate([
        ("Antti Korpela <antti@korpela.example>", "Re: Tarjous", OUT_OF_OFFICE),
        ("Anna Berg <anna@berg.example>", "Sv: Offert", SWEDISH_OUT_OF_OFFICE),
        ("Pekka Nieminen <pekka@rakennus.example>", "Tarjouspyyntö", QUOTING_CUSTOMER),
        ("Liisa Koivu <liisa@koivu.example>", "Kivetys", VACATIONING_CUSTOMER),  # new, no reply
    ]):  # fmt: skip
        when = now - timedelta(minutes=10 - i)
        src.add("INBOX", customer(who, subject, f"m{i}@x", when.strftime("%a, %d %b %Y %H:%M:%S %z"),
                                  body=body), when)  # fmt: skip
    assert run(config, store, src, now, rec) == 1
    assert [to for to, _ in rec.sent] == ["pekka@rakennus.example"]
    conversations = store.db.execute("SELECT customer_email, ack_status FROM conversations")
    assert set(conversations.fetchall()) == {("pekka@rakennus.example", "sent"),
                                             ("liisa@koivu.example", "skipped")}  # fmt: skip
    kinds = dict(store.db.execute("SELECT from_email, kind FROM messages").fetchall())
    assert kinds == {"antti@korpela.example": "auto-reply", "anna@berg.example": "auto-reply",
                     "pekka@rakennus.example": "customer", "liisa@koivu.example": "customer"}  # fmt: skip


def test_on_a_real_server_it_is_neither_waiting_nor_exported(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config_path = write_config(tmp_path, env, smtp_server.port)
    when = datetime.now(UTC) - timedelta(minutes=5)
    date = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    for frm, subject, msgid, body in (
        ("Antti Korpela <antti@korpela.example>", "Re: Tarjous", "ooo@x", OUT_OF_OFFICE),
        ("Pekka Nieminen <pekka@rakennus.example>", "Tarjouspyyntö", "p@x", QUOTING_CUSTOMER),
    ):
        envelope = frm.split("<")[1].rstrip(">")
        raw = f"Return-Path: <{envelope}>\n".encode() + mail(frm, OWNER, subject, msgid, date,
                                                              body=body)  # fmt: skip
        env.deliver("INBOX", raw, internal_date=when)

    result = check_json(config_path, capsys)
    assert [w["customer_email"] for w in result["waiting"]] == ["pekka@rakennus.example"]  # type: ignore[index]
    assert [a["recipient"] for a in result["acknowledgments"]] == ["pekka@rakennus.example"]  # type: ignore[index]
    assert cli_run(["--config", str(config_path), "export", "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert [r["customer_email"] for r in exported] == ["pekka@rakennus.example"]
    assert cli_run(["--config", str(in_english(config_path)), "why", "ooo@x"]) == 0
    why = " ".join(capsys.readouterr().out.split())
    assert "(auto-reply)" in why and "the text opens like an out-of-office reply" in why


class _CountingSource(FakeSource):
    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[tuple[str, int]] = []

    def fetch_text(self, folder: str, uid: int) -> bytes | None:
        self.fetched.append((folder, uid))
        return super().fetch_text(folder, uid)


def test_the_sync_reads_only_text_replies_whole(config: Config, store: Store) -> None:
    """The body is read for a text-only reply; a new mail, a reply with photos attached (a
    person's, and large) and the owner's Sent mail are never fetched whole by the sync."""
    src, now = _CountingSource(), at("2026-11-25 09:10 +0200")
    date = "Wed, 25 Nov 2026 09:00:00 +0200"
    reply = src.add("INBOX", customer("Antti <antti@korpela.example>", "Re: Tarjous", "a@x", date,
                                      body=OUT_OF_OFFICE), now)  # fmt: skip
    src.add("INBOX", customer("Liisa <liisa@koivu.example>", "Kivetys", "l@x", date), now)
    photos = customer("Pekka <pekka@rakennus.example>", "Re: Piha", "p@x", date,
                      body="--b\nContent-Type: text/plain\n\nKuvat liitteenä.\n--b--\n")  # fmt: skip
    photos = photos.replace(b"Content-Type: text/plain; charset=utf-8\n",
                            b'Content-Type: multipart/mixed; boundary="b"\n', 1)  # fmt: skip
    src.add("INBOX", photos, now)
    src.add("Sent", mail(f"Ylermi <{OWNER}>", "pekka@rakennus.example", "Re: Piha", "s@x", date),
            now)  # fmt: skip
    run_check(config, src, store, now)
    assert src.fetched == [("INBOX", reply)]


def _html_only(html: str) -> bytes:
    return (
        "From: Antti Korpela <antti@korpela.example>\nTo: ylermi@pihapalvelu.fi\n"
        "Subject: Re: Tarjous\nMessage-ID: <h@x>\nMIME-Version: 1.0\n"
        'Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n' + html
    ).encode()


def test_an_html_only_mail_is_read_as_its_text() -> None:
    from vasteaika.acks.content import content_reasons

    away = _html_only("<html><body><p>Hei,</p><p>olen lomalla 7.12. asti enkä lue "
                      "sähköpostiani.</p></body></html>")  # fmt: skip
    robot = _html_only("<p>Tämä on automaattinen viesti. Älä vastaa tähän viestiin.</p>")
    quoting = _html_only("<p>Voisitteko tehdä tarjouksen?</p><blockquote>olen lomalla 7.12. "
                         "asti enkä lue sähköpostiani.</blockquote>")  # fmt: skip
    assert out_of_office_body(away)
    assert any(r.startswith("robot-sender:") for r in content_reasons(robot))
    assert not out_of_office_body(quoting) and content_reasons(quoting) == []


NORDIC_AWAY = [
    "Hej,\n\nJag har semester till 5 januari och har begränsad tillgång till e-post.\n",
    "Hej!\n\nJag är på semester till och med vecka 2. I brådskande ärenden, ring Per.\n",
    "Hej,\n\nJag är tjänstledig t.o.m. 31.8.2027. Kontakta kontoret@bygg.example.\n",
    "Hei,\n\nJeg har ferie til 3. august og leser ikke e-post.\n",
    "Hei!\n\nJeg er på ferie. Jeg er tilbake mandag 11. august.\n",
    "Hej,\n\nJeg holder ferie til og med uge 32. I hastende sager, ring Mette.\n",
]
NORDIC_PEOPLE = [
    "Hej,\n\njag har semester nästa vecka, kan ni komma efter det?\n",
    "Hej,\n\nJag är ledig på fredag, passar det att ni kommer då?\n",
    "Hej,\n\nJag har semester till 5.1., kan ni komma efter det?\n",
    "Hei,\n\nJeg er tilbake mandag, ring meg da.\n",
    "Hei,\n\njeg har ferie til sommeren, kan dere beskjære frukttrærne da?\n",
]


@pytest.mark.parametrize("body", NORDIC_AWAY)
def test_a_nordic_out_of_office_opening_is_recognised(body: str) -> None:
    assert out_of_office_body(_plain(body))


@pytest.mark.parametrize("body", NORDIC_PEOPLE)
def test_a_nordic_person_writing_of_their_holiday_is_not_an_auto_reply(body: str) -> None:
    assert not out_of_office_body(_plain(body))


def _plain(body: str) -> bytes:
    return mail("Anna Berg <anna@berg.example>", OWNER, "Sv: Offert", "sv@x", body=body)


def test_on_a_real_server_a_nordic_vacation_reply_is_no_contact(
    live: Live,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Swedish and Norwegian vacation replies without any header or subject marker are neither
    waiting nor acknowledged, a Danish one in a new mail is not acknowledged; a Swede who writes
    of next week's holiday in a reply and in a new mail is a customer and gets the ack."""
    reply = "In-Reply-To: <offert-1@pihapalvelu.fi>\n"
    for frm, subject, msgid, extra, body in (
        ("Anna Berg <anna@berg.example>", "Sv: Offert", "sv@x", reply, NORDIC_AWAY[0]),
        ("Ola Nordmann <ola@nordmann.example>", "SV: Hagearbeid", "no@x", "", NORDIC_AWAY[3]),
        ("Mette Jensen <mette@jensen.example>", "Havearbejde", "da@x", "", NORDIC_AWAY[5]),
        ("Lena Holm <lena@holm.example>", "Sv: Offert", "lena@x", reply, NORDIC_PEOPLE[0]),
        ("Erik Lund <erik@lund.example>", "Trädgården", "erik@x", "", NORDIC_PEOPLE[0]),
    ):
        live.deliver(frm, subject, msgid, extra=extra, body=body)

    result = live.check(capsys)
    people = {"lena@holm.example", "erik@lund.example"}
    # A new mail that opens with a vacation stays a contact (it answers nothing), unacknowledged.
    waiting = {w["customer_email"] for w in result["waiting"]}
    assert waiting == people | {"mette@jensen.example"}
    assert {a["recipient"] for a in result["acknowledgments"]} == people
    assert set(live.sent_to()) == people
