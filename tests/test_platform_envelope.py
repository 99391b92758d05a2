"""A sending platform's envelope that names the recipient (VERP) with a shop's role address in
From is the shop's machine mail, such as an order confirmation (issue 14); a person writing
through the same platform from their own address is still a customer (h-bounce-subdomain-em)."""

from __future__ import annotations

import pytest

from live_mailbox import OWNER, Live, env, live  # noqa: F401  (env, live: fixtures)
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
    live: Live,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    verp = "bounces+2208331-7c1e-ylermi=pihapalvelu.fi@em4821.{}"
    live.deliver("Vihreä Puutarha <info@vihreapuutarha.fi>", "Tilausvahvistus #100423", "o@x",
                 envelope=verp.format("vihreapuutarha.fi"),
                 body="Kiitos tilauksestasi! Tilauksesi #100423 on vastaanotettu.\n")  # fmt: skip
    live.deliver("Mira Koivisto <mira.koivisto@koivistokodit.fi>", "Piha-alueiden hoito", "h@x",
                 envelope=verp.format("koivistokodit.fi"),
                 body="Hei Ylermi, voisitko tehdä tarjouksen viherhoidosta?\n")  # fmt: skip

    result = live.check(capsys)
    person = ["mira.koivisto@koivistokodit.fi"]
    assert [a["recipient"] for a in result["acknowledgments"]] == person
    assert [w["customer_email"] for w in result["waiting"]] == person
    assert live.sent_to() == person
