"""A sending platform's envelope that names the recipient (VERP) with a shop's role address in
From is the shop's machine mail, such as an order confirmation (issue 14); a person writing
through the same platform from their own address is still a customer (h-bounce-subdomain-em)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dovecot import DovecotServer
from fakes import mail
from smtp_fixture import RunningSmtpServer
from test_e2e import OWNER, check_json, env, write_config  # noqa: F401  (env: fixture)
from vasteaika.mail.senders import recipient_in_envelope, shop_role_local_part


@pytest.mark.parametrize(
    ("return_path", "named"),
    [
        ("bounces+3312877-a41c-ylermi=pihapalvelu.fi@em7702.shop.fi", "ylermi@pihapalvelu.fi"),
        ("bounce+5d1e2f.77aa-ylermi=pihapalvelu.fi@mg.shop.se", "ylermi@pihapalvelu.fi"),
        (
            "<bounce-mc.us5_1234.56-Ylermi=Pihapalvelu.fi@mail123.mcdlv.net>",
            "ylermi@pihapalvelu.fi",
        ),
        ("bounce+7f3a9c.pekka=rakennus.fi@bounces.rakennus.fi", None),  # the sender's own VERP
        ("antti=virolainen.fi@b.virolainen.fi", None),
        ("xylermi=pihapalvelu.fi@em1.shop.fi", None),  # another address that ends the same
        ("info@shop.fi", None),
    ],
)
def test_the_recipient_a_verp_envelope_names(return_path: str, named: str | None) -> None:
    assert recipient_in_envelope(return_path, [OWNER, "kalle@koski.example"]) == named


def test_a_shops_role_address() -> None:
    assert all(map(shop_role_local_part, ["info@shop.fi", "Tilaukset@shop.fi", "order@x.se"]))
    assert not any(map(shop_role_local_part, ["mira.koivisto@k.fi", "information.desk@x.fi"]))


def test_on_a_real_server_a_shops_order_confirmation_gets_no_ack(
    env: DovecotServer,  # noqa: F811
    smtp_server: RunningSmtpServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config_path = write_config(tmp_path, env, smtp_server.port)
    when = datetime.now(UTC) - timedelta(minutes=5)
    date = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    verp = "bounces+2208331-7c1e-ylermi=pihapalvelu.fi@em4821.{}"
    for frm, subject, msgid, body in (
        ("Vihreä Puutarha <info@vihreapuutarha.fi>", "Tilausvahvistus #100423", "o@x",
         "Kiitos tilauksestasi! Tilauksesi #100423 on vastaanotettu.\n"),
        ("Mira Koivisto <mira.koivisto@koivistokodit.fi>", "Piha-alueiden hoito", "h@x",
         "Hei Ylermi, voisitko tehdä tarjouksen viherhoidosta?\n"),
    ):  # fmt: skip
        domain = frm.rpartition("@")[2].rstrip(">")
        raw = f"Return-Path: <{verp.format(domain)}>\n".encode() + mail(
            frm, OWNER, subject, msgid, date, body=body
        )
        env.deliver("INBOX", raw, internal_date=when)

    result = check_json(config_path, capsys)
    person = ["mira.koivisto@koivistokodit.fi"]
    assert [a["recipient"] for a in result["acknowledgments"]] == person  # type: ignore[index]
    assert [w["customer_email"] for w in result["waiting"]] == person  # type: ignore[index]
    assert [r for m in smtp_server.messages() for r in m.rcpt_tos] == person
