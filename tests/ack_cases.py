"""Labelled acknowledgment fixtures for vasteaika: who may get "Kiitos viestistäsi! Soitan sinulle
tänään klo 15." and who must never get it.

Counts: 251 cases — robot 127, human 104, form_lead 20.

Counts per (label, reason):

- form_lead / form_lead: 20
- human / batv_customer: 6
- human / bounce_subdomain_customer: 4
- human / customer: 65
- human / followup: 4
- human / phone_forward: 7
- human / return_path_equals_from: 4
- human / role_name_customer: 9
- human / srs_customer: 5
- robot / bounce: 10
- robot / broadcast: 6
- robot / calendar: 13
- robot / delivery_notice: 12
- robot / form_no_reply_to: 1
- robot / list_header: 9
- robot / marketplace: 11
- robot / noreply_local: 28
- robot / notification: 4
- robot / ooo_body: 1
- robot / ooo_header: 11
- robot / ooo_subject: 16
- robot / own_ack: 1
- robot / spam: 1
- robot / spoof: 1
- robot / transactional: 2

Label meaning: ``robot`` = machine-generated or platform mail, never acknowledged; ``human`` = a
person wrote it (it may still get no ack: a follow-up, Reply-To elsewhere, no Return-Path, an
old Date, X-Auto-Response-Suppress — ``note`` says so); ``form_lead`` = a website form
notification whose Reply-To is the person to acknowledge (only when the relay is allowed).

The owner is always ``ylermi@pihapalvelu.fi``. Every value here was written for this file: corpus
files in /work/shared/corpora are cited for their *shape* only and none is copied. Headers are
``(name, value)`` pairs in the order a delivered message shows them; ``Return-Path`` is the
envelope sender the delivering MDA wrote (absent when the case says so). ``parts`` lists the
Content-Type of MIME parts that matter (e.g. a text/calendar part) for multipart cases.
Addresses of real organisations are plausible shapes unless ``source`` cites where one was seen
(see robot_senders.py for the evidence per sender).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Label = Literal["robot", "human", "form_lead"]


@dataclass(frozen=True)
class Case:
    """One labelled message shape."""

    id: str
    label: Label
    reason: str
    source: str
    headers: tuple[tuple[str, str], ...]
    body: str
    parts: tuple[str, ...] = ()
    note: str = ""


OWNER: Final = "ylermi@pihapalvelu.fi"
# The owner's aliases, listed in [owner] addresses as README's example does: mail to them is the
# owner's (h-srs-alias-forward, h-srs-gworkspace); another address at the domain is not.
ALIASES: Final = ("info@pihapalvelu.fi", "tarjoukset@pihapalvelu.fi")

CASES: Final[tuple[Case, ...]] = (
    Case(
        id="r-op-noreply",
        label="robot",
        reason="noreply_local",
        source="common pattern (OP domain; see robot_senders ORGANISATION_SENDERS)",
        headers=(
            ("Return-Path", "<bounce-op-7731@mail.op.fi>"),
            ("From", "OP <noreply@op.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Sinulle on uusi viesti OP-mobiilissa"),
            ("Date", "Mon, 04 Aug 2025 07:12:05 +0300"),
            ("Message-ID", "<cf63bbbfdf4b505a.03406a90@op.fi>"),
            (
                "List-Unsubscribe",
                (
                    "<https://op.fi/unsubscribe?u=cf63bbbfdf4b>, "
                    "<mailto:unsubscribe-cf63bbbfdf4b@op.fi>"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, sinulle on saapunut uusi viesti verkkopalveluun. Tähän viestiin ei voi vastata.",
    ),
    Case(
        id="r-nordea-ei-vastausta",
        label="robot",
        reason="noreply_local",
        source="common pattern (Finnish 'ei-vastausta' local part)",
        headers=(
            ("Return-Path", "<ei-vastausta@nordea.fi>"),
            ("From", "Nordea <ei-vastausta@nordea.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Uusi e-lasku on saapunut"),
            ("Date", "Mon, 04 Aug 2025 09:26:05 +0300"),
            ("Message-ID", "<6d07252a6e8ba873.eb052357@nordea.fi>"),
            ("Auto-Submitted", "auto-generated"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hyvä asiakas, verkkopankkiisi on saapunut uusi e-lasku. Älä vastaa tähän viestiin.",
    ),
    Case(
        id="r-spankki-eivastausta",
        label="robot",
        reason="noreply_local",
        source="common pattern (no-separator variant)",
        headers=(
            ("Return-Path", "<eivastausta@s-pankki.fi>"),
            ("From", "S-Pankki <eivastausta@s-pankki.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tiliotteesi on valmis"),
            ("Date", "Mon, 04 Aug 2025 10:47:05 +0300"),
            ("Message-ID", "<4ff15d66f308a216.d130f580@s-pankki.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tämä on automaattinen viesti. Tiliotteesi on luettavissa verkkopankissa.",
    ),
    Case(
        id="r-danske-donotreply",
        label="robot",
        reason="noreply_local",
        source="common pattern",
        headers=(
            ("Return-Path", "<donotreply@danskebank.fi>"),
            ("From", "Danske Bank <donotreply@danskebank.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tärkeä tiedote palveluistamme"),
            ("Date", "Mon, 04 Aug 2025 12:08:05 +0300"),
            ("Message-ID", "<e4d219eea458986a.51001c65@danskebank.fi>"),
            (
                "List-Unsubscribe",
                (
                    "<https://danskebank.fi/unsubscribe?u=e4d219eea458>, "
                    "<mailto:unsubscribe-e4d219eea458@danskebank.fi>"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei! Haluamme kertoa muutoksista palveluehtoihimme.",
    ),
    Case(
        id="r-posti-noreply",
        label="robot",
        reason="delivery_notice",
        source=(
            "code corpus: parcel tracker tests use noreply@posti.fi and 'Lähetyksesi JJFI… on "
            "matkalla'"
        ),
        headers=(
            ("Return-Path", "<noreply@posti.fi>"),
            ("From", "Posti <noreply@posti.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Lähetyksesi JJFI64003321000145678 on matkalla"),
            ("Date", "Mon, 04 Aug 2025 14:22:05 +0300"),
            ("Message-ID", "<704b112ec1bc3c21.a621ffc5@posti.fi>"),
            ("Precedence", "bulk"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei! Lähetyksesi on matkalla ja saapuu arviolta huomenna.",
    ),
    Case(
        id="r-posti-noutoilmoitus",
        label="robot",
        reason="delivery_notice",
        source="common pattern",
        headers=(
            ("Return-Path", "<ilmoitukset@posti.fi>"),
            ("From", "Posti <ilmoitukset@posti.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pakettisi on noudettavissa: Pakettiautomaatti K-Market Kivistö"),
            ("Date", "Mon, 04 Aug 2025 15:43:05 +0300"),
            ("Message-ID", "<8c22e8f5af4a00c8.ce03723d@posti.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Noutokoodisi on 482913. Nouda paketti 7 päivän kuluessa.",
    ),
    Case(
        id="r-kela-ala-vastaa",
        label="robot",
        reason="noreply_local",
        source="common pattern (Finnish 'ala-vastaa' local part; code corpus ala-vastaa@ajava.eu)",
        headers=(
            ("Return-Path", "<ala-vastaa@kela.fi>"),
            ("From", "Kela <ala-vastaa@kela.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Sinulle on uusi viesti OmaKelassa"),
            ("Date", "Mon, 04 Aug 2025 17:04:05 +0300"),
            ("Message-ID", "<c11fdf0072bcd9d7.086ebfa0@kela.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, OmaKelaan on saapunut sinulle uusi viesti. Älä vastaa tähän viestiin.",
    ),
    Case(
        id="r-vero-noreply",
        label="robot",
        reason="noreply_local",
        source=(
            "code corpus: third-party fixture noreply@vero.fi; vero.fi MinSkatt e-mail notices page"
        ),
        headers=(
            ("Return-Path", "<noreply@vero.fi>"),
            ("From", "Verohallinto <noreply@vero.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Uusi viesti OmaVerossa"),
            ("Date", "Mon, 04 Aug 2025 19:18:05 +0300"),
            ("Message-ID", "<bffca638d47ad0f3.4a8867e0@vero.fi>"),
            ("Auto-Submitted", "auto-generated"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="OmaVerossa on sinulle uusi viesti tai päätös. Tämä on automaattinen viesti.",
    ),
    Case(
        id="r-traficom-ala_vastaa",
        label="robot",
        reason="noreply_local",
        source="common pattern (underscore variant)",
        headers=(
            ("Return-Path", "<ala_vastaa@traficom.fi>"),
            ("From", "Traficom <ala_vastaa@traficom.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Ajoneuvoveron eräpäivä lähestyy"),
            ("Date", "Mon, 04 Aug 2025 20:39:05 +0300"),
            ("Message-ID", "<1203b074809820fa.c2a0815a@traficom.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tämä viesti on lähetetty automaattisesti, älä vastaa siihen.",
    ),
    Case(
        id="r-vayla-harja",
        label="robot",
        reason="noreply_local",
        source="code corpus: Väylävirasto HARJA sender harja-ala-vastaa@vayla.fi",
        headers=(
            ("Return-Path", "<harja-ala-vastaa@vayla.fi>"),
            ("From", "HARJA <harja-ala-vastaa@vayla.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Uusi toimenpidepyyntö: Kunnossapito"),
            ("Date", "Mon, 04 Aug 2025 22:00:05 +0300"),
            ("Message-ID", "<5562512364c7fbc5.2e055f12@vayla.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Urakkaan on kirjattu uusi ilmoitus.",
    ),
    Case(
        id="r-suomifi-viestit",
        label="robot",
        reason="notification",
        source=(
            "https://kehittajille.suomi.fi/services/messages/functionalities/sending-el"
            "ectronic-messages/controlling-notifications"
        ),
        headers=(
            ("Return-Path", "<noreply@suomi.fi>"),
            ("From", "Suomi.fi-viestit <noreply@suomi.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Sinulle on uusi viesti Suomi.fi-viesteissä"),
            ("Date", "Tue, 05 Aug 2025 00:14:05 +0300"),
            ("Message-ID", "<9d62ca03cdbac496.3714c3b6@suomi.fi>"),
            ("Auto-Submitted", "auto-generated"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Olet saanut uuden viestin lähettäjältä Pihlajaveden kunta. Lue viesti "
            "Suomi.fi-verkkopalvelussa."
        ),
    ),
    Case(
        id="r-verkkokauppa-order",
        label="robot",
        reason="noreply_local",
        source=(
            "code corpus: third-party receipt fixture 'Verkkokauppa.com <noreply@verkkokauppa.com>'"
        ),
        headers=(
            ("Return-Path", "<noreply@verkkokauppa.com>"),
            ("From", "Verkkokauppa.com <noreply@verkkokauppa.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tilauksesi 88213 on lähetetty"),
            ("Date", "Tue, 05 Aug 2025 01:35:05 +0300"),
            ("Message-ID", "<fa674e804a3c3ee6.1687bd01@verkkokauppa.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tilauksesi on matkalla. Toimitustapa: Posti SmartPOST.",
    ),
    Case(
        id="r-gigantti-no-reply",
        label="robot",
        reason="noreply_local",
        source="common pattern",
        headers=(
            ("Return-Path", "<no-reply@gigantti.fi>"),
            ("From", "Gigantti <no-reply@gigantti.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tilausvahvistus 4017733289"),
            ("Date", "Tue, 05 Aug 2025 02:56:05 +0300"),
            ("Message-ID", "<0918fd8620d18acb.fe503daf@gigantti.fi>"),
            (
                "List-Unsubscribe",
                (
                    "<https://gigantti.fi/unsubscribe?u=0918fd8620d1>, "
                    "<mailto:unsubscribe-0918fd8620d1@gigantti.fi>"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kiitos tilauksestasi!",
    ),
    Case(
        id="r-prisma-s-kanava",
        label="robot",
        reason="broadcast",
        source="common pattern",
        headers=(
            ("Return-Path", "<uutiskirje@s-kanava.fi>"),
            ("From", "Prisma <uutiskirje@s-kanava.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Viikon parhaat tarjoukset puutarhaan 🌱"),
            ("Date", "Tue, 05 Aug 2025 04:17:05 +0300"),
            ("Message-ID", "<9421b281e935f063.887dbc5f@s-kanava.fi>"),
            (
                "List-Unsubscribe",
                (
                    "<https://s-kanava.fi/unsubscribe?u=9421b281e935>, "
                    "<mailto:unsubscribe-9421b281e935@s-kanava.fi>"
                ),
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("Feedback-ID", "prisma:campaign:2025-22:sfmc"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tarjoukset voimassa to–su.",
    ),
    Case(
        id="r-elisa-laskutus",
        label="robot",
        reason="noreply_local",
        source="common pattern",
        headers=(
            ("Return-Path", "<ei-vastausta@elisa.fi>"),
            ("From", "Elisa <ei-vastausta@elisa.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Elisan e-laskusi on saapunut"),
            ("Date", "Tue, 05 Aug 2025 06:31:05 +0300"),
            ("Message-ID", "<92e3f57b9968f444.7703500d@elisa.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Laskusi on nähtävissä OmaElisassa.",
    ),
    Case(
        id="r-telia-noreply",
        label="robot",
        reason="noreply_local",
        source="common pattern",
        headers=(
            ("Return-Path", "<noreply@telia.fi>"),
            ("From", "Telia <noreply@telia.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tilauksesi on vastaanotettu"),
            ("Date", "Tue, 05 Aug 2025 07:52:05 +0300"),
            ("Message-ID", "<cce14e6c043dadc5.390ca6ba@telia.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kiitos tilauksestasi. Käsittelemme sen mahdollisimman pian.",
    ),
    Case(
        id="r-dna-do-not-reply",
        label="robot",
        reason="noreply_local",
        source="common pattern",
        headers=(
            ("Return-Path", "<do-not-reply@dna.fi>"),
            ("From", "DNA <do-not-reply@dna.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Liittymäsi tiedot ovat muuttuneet"),
            ("Date", "Tue, 05 Aug 2025 09:13:05 +0300"),
            ("Message-ID", "<ce77353e730a19fd.3e5a9c96@dna.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, liittymäsi tietoja on muutettu Oma DNA:ssa.",
    ),
    Case(
        id="r-wolt-receipt",
        label="robot",
        reason="noreply_local",
        source="code corpus: third-party mapper test 'no-reply@wolt.com'",
        headers=(
            ("Return-Path", "<no-reply@wolt.com>"),
            ("From", "Wolt <no-reply@wolt.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kuittisi tilauksesta: Pizzeria Napoli"),
            ("Date", "Tue, 05 Aug 2025 11:27:05 +0300"),
            ("Message-ID", "<852c4da8a18d2009.b7e647ce@wolt.com>"),
            ("Feedback-ID", "receipts:wolt"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kiitos tilauksesta!",
    ),
    Case(
        id="r-postnord-svara-inte",
        label="robot",
        reason="delivery_notice",
        source="common pattern (Swedish 'svara-inte')",
        headers=(
            ("Return-Path", "<svara-inte@postnord.se>"),
            ("From", "PostNord <svara-inte@postnord.se>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Ditt paket är på väg"),
            ("Date", "Tue, 05 Aug 2025 12:48:05 +0300"),
            ("Message-ID", "<a850c675a72363c3.53312ca8@postnord.se>"),
            ("Precedence", "bulk"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hej! Ditt paket från Biltema levereras i morgon. Svara inte på detta meddelande.",
    ),
    Case(
        id="r-skatteverket-svarainte",
        label="robot",
        reason="noreply_local",
        source="code corpus: Swedish senders svarainte@…",
        headers=(
            ("Return-Path", "<svarainte@skatteverket.se>"),
            ("From", "Skatteverket <svarainte@skatteverket.se>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Du har fått ett nytt meddelande"),
            ("Date", "Tue, 05 Aug 2025 14:09:05 +0300"),
            ("Message-ID", "<c1a7e1ea89b14ad7.d6654183@skatteverket.se>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Detta är ett automatiskt meddelande och går inte att svara på.",
    ),
    Case(
        id="r-fk-ingetsvar",
        label="robot",
        reason="noreply_local",
        source="common pattern",
        headers=(
            ("Return-Path", "<ingetsvar@forsakringskassan.se>"),
            ("From", "Försäkringskassan <ingetsvar@forsakringskassan.se>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Nytt meddelande på Mina sidor"),
            ("Date", "Tue, 05 Aug 2025 16:23:05 +0300"),
            ("Message-ID", "<5cdc5c3362bcd9d3.49133330@forsakringskassan.se>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Du har fått ett nytt meddelande. Logga in på Mina sidor.",
    ),
    Case(
        id="r-nav-ikke-svar",
        label="robot",
        reason="noreply_local",
        source="code corpus: NAV sendsoknad EmailService FRA_ADRESSE = ikke-svar@nav.no",
        headers=(
            ("Return-Path", "<ikke-svar@nav.no>"),
            ("From", "ikke-svar@nav.no"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Vi har mottatt søknaden din"),
            ("Date", "Tue, 05 Aug 2025 17:44:05 +0300"),
            ("Message-ID", "<c288962f48a3c97b.16014223@nav.no>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Dette er en automatisk generert e-post. Ikke svar på denne e-posten.",
    ),
    Case(
        id="r-bring-ikkesvar",
        label="robot",
        reason="delivery_notice",
        source="common pattern",
        headers=(
            ("Return-Path", "<ikkesvar@bring.com>"),
            ("From", "Bring <ikkesvar@bring.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Sendingen din er klar til henting"),
            ("Date", "Tue, 05 Aug 2025 19:05:05 +0300"),
            ("Message-ID", "<db983bf559b0d041.b6816a69@bring.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hentekode: 5521.",
    ),
    Case(
        id="r-dk-svar-ikke",
        label="robot",
        reason="noreply_local",
        source="common pattern (Danish)",
        headers=(
            ("Return-Path", "<svar-ikke@borger.dk>"),
            ("From", "Digital Post <svar-ikke@borger.dk>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Du har modtaget ny post"),
            ("Date", "Tue, 05 Aug 2025 20:26:05 +0300"),
            ("Message-ID", "<a6bf91f915cd1c38.e2915e86@borger.dk>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Du kan ikke svare på denne e-mail.",
    ),
    Case(
        id="r-ee-ara-vasta",
        label="robot",
        reason="noreply_local",
        source="common pattern (Estonian 'ära vasta', ASCII-folded)",
        headers=(
            ("Return-Path", "<ara-vasta@emta.ee>"),
            ("From", "Maksu- ja Tolliamet <ara-vasta@emta.ee>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Teavitus: uus dokument e-MTAs"),
            ("Date", "Tue, 05 Aug 2025 22:40:05 +0300"),
            ("Message-ID", "<9e61b4207d43ccaa.c9828c1a@emta.ee>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Palun ärge vastake sellele kirjale.",
    ),
    Case(
        id="r-ee-ei-vasta",
        label="robot",
        reason="noreply_local",
        source="common pattern (Estonian 'ei-vasta')",
        headers=(
            ("Return-Path", "<ei-vasta@energia.ee>"),
            ("From", "Eesti Energia <ei-vasta@energia.ee>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Teie arve on valmis"),
            ("Date", "Wed, 06 Aug 2025 00:01:05 +0300"),
            ("Message-ID", "<406dff5a83159bcd.4540fa7d@energia.ee>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tere! Teie uus arve on iseteeninduses.",
    ),
    Case(
        id="r-de-nicht-antworten",
        label="robot",
        reason="noreply_local",
        source="code corpus: CakePHP mailer from('nicht-antworten@…')",
        headers=(
            ("Return-Path", "<nicht-antworten@hornbach.de>"),
            ("From", "Hornbach <nicht-antworten@hornbach.de>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Ihre Bestellung 55120034"),
            ("Date", "Wed, 06 Aug 2025 01:22:05 +0300"),
            ("Message-ID", "<12493536bc9651bb.17cb1af8@hornbach.de>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Bitte antworten Sie nicht auf diese E-Mail.",
    ),
    Case(
        id="r-de-keine-antwort",
        label="robot",
        reason="noreply_local",
        source="common pattern",
        headers=(
            ("Return-Path", "<keine-antwort@dhl.de>"),
            ("From", "DHL Paket <keine-antwort@dhl.de>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Ihre DHL Sendung kommt heute"),
            ("Date", "Wed, 06 Aug 2025 03:36:05 +0300"),
            ("Message-ID", "<a9f2050bafbc4c3d.034cc3fb@dhl.de>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hallo, Ihre Sendung 00340434161234567890 wird heute zugestellt.",
    ),
    Case(
        id="r-sender-header-noreply",
        label="robot",
        reason="noreply_local",
        source="RFC 5322 §3.6.2 Sender; AUTOREPLY_RULES.md B5 (Sender checked)",
        headers=(
            ("Return-Path", "<no-reply@lomakkeet.pihlajavesi.fi>"),
            ("From", "Pihlajaveden kunta <kirjaamo@pihlajavesi.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Sender", "no-reply@lomakkeet.pihlajavesi.fi"),
            ("Subject", "Vastaanottokuittaus: rakennuslupahakemus"),
            ("Date", "Wed, 06 Aug 2025 04:57:05 +0300"),
            ("Message-ID", "<a59eeee832beef60.65c95bcb@pihlajavesi.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hakemuksesi on vastaanotettu. Tämä on automaattinen kuittaus.",
        note="From is a real office, Sender/envelope are no-reply",
    ),
    Case(
        id="r-noreply-plus-tag",
        label="robot",
        reason="noreply_local",
        source="AUTOREPLY_RULES.md §8 (noreply[-+].*)",
        headers=(
            ("Return-Path", "<noreply+asunnot@oikotie.fi>"),
            ("From", "Oikotie <noreply+asunnot@oikotie.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Uusia asuntoja hakuvahtiisi"),
            ("Date", "Wed, 06 Aug 2025 06:18:05 +0300"),
            ("Message-ID", "<8de42c22d77bc2d2.4dbda6b1@oikotie.fi>"),
            (
                "List-Unsubscribe",
                (
                    "<https://oikotie.fi/unsubscribe?u=8de42c22d77b>, "
                    "<mailto:unsubscribe-8de42c22d77b@oikotie.fi>"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hakuvahtisi löysi 3 uutta kohdetta.",
    ),
    Case(
        id="r-oof-fi-outlook",
        label="robot",
        reason="ooo_subject",
        source=(
            "corpus: set-of-emails/maildir/bsd/rfc3834-02.eml (Exchange shape: Return-Path <>, "
            "'Automatic reply:', no Auto-Submitted), localised fi"
        ),
        headers=(
            ("Return-Path", "<>"),
            ("From", "Tuula Rinne <tuula.rinne@kiinteistotrinne.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Automaattinen vastaus: Pihan kunnostus"),
            ("Date", "Wed, 06 Aug 2025 08:32:05 +0300"),
            ("Message-ID", "<54f6401b423d31d5.084b300e@kiinteistotrinne.fi>"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "tuula.rinne@kiinteistotrinne.fi"),
            ("Thread-Topic", "Pihan kunnostus"),
            ("In-Reply-To", "<vasteaika-ack.2f1c@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Olen lomalla 30.6. asti enkä lue sähköpostiani. Kiireellisissä asioissa ota "
            "yhteyttä numeroon 040 123 4567."
        ),
    ),
    Case(
        id="r-oof-fi-noheaders",
        label="robot",
        reason="ooo_subject",
        source=(
            "corpus: alaveteli track-response-messagelabs-oof-1.eml (OOF with NO auto headers, "
            "subject only)"
        ),
        headers=(
            ("Return-Path", "<jari.salo@rakennussalo.fi>"),
            ("From", "Jari Salo <jari.salo@rakennussalo.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Poissa toimistolta"),
            ("Date", "Wed, 06 Aug 2025 09:53:05 +0300"),
            ("Message-ID", "<30890a32a93f5a6a.213c6f57@rakennussalo.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olen poissa toimistolta 14.7.–4.8. Tavoitat minut jälleen 5.8. alkaen.",
    ),
    Case(
        id="r-oof-fi-lomavastaaja",
        label="robot",
        reason="ooo_subject",
        source="common pattern (hand-written Finnish vacation subject)",
        headers=(
            ("Return-Path", "<marja.koskinen@luukku.com>"),
            ("From", "Marja Koskinen <marja.koskinen@luukku.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Lomavastaaja"),
            ("Date", "Wed, 06 Aug 2025 11:14:05 +0300"),
            ("Message-ID", "<7d39b5a037d9a1d4.4b71035d@luukku.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kiitos viestistäsi! Olen lomalla 28.7. asti ja vastaan viestiisi palattuani.",
    ),
    Case(
        id="r-oof-fi-poissaoloilmoitus",
        label="robot",
        reason="ooo_subject",
        source="common pattern",
        headers=(
            ("Return-Path", "<heikki.nurmi@isannointinurmi.fi>"),
            ("From", "Isännöitsijä Heikki Nurmi <heikki.nurmi@isannointinurmi.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Poissaoloilmoitus: Re: Taloyhtiön pihatyöt"),
            ("Date", "Wed, 06 Aug 2025 12:35:05 +0300"),
            ("Message-ID", "<82a50d31bf935dfa.ca4e8367@isannointinurmi.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olen poissa 1.–12.8. Kiireellisissä asioissa ota yhteyttä toimistoomme.",
    ),
    Case(
        id="r-oof-fi-body-only",
        label="robot",
        reason="ooo_body",
        source="common pattern (subject kept, body is the tell)",
        headers=(
            ("Return-Path", "<sanna.vaisanen@gmail.com>"),
            ("From", "Sanna Väisänen <sanna.vaisanen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Re: Tarjous nurmikon kylvöstä"),
            ("Date", "Wed, 06 Aug 2025 14:49:05 +0300"),
            ("Message-ID", "<CAAAF013+26a597cf5f3390e8w@mail.gmail.com>"),
            ("In-Reply-To", "<CAKp1x9dFJ8@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olen lomalla 11.8. asti. Vastaan viestiisi mahdollisimman pian sen jälkeen.",
        note="only the body tells: suspected auto-reply; show to owner",
    ),
    Case(
        id="r-oof-gmail-fi",
        label="robot",
        reason="ooo_header",
        source=(
            "Zammad Gmail vacation test (AUTOREPLY_RULES.md §4: Precedence bulk, X-Autoreply "
            "yes, Auto-Submitted auto-replied)"
        ),
        headers=(
            ("Return-Path", "<petri.laine@gmail.com>"),
            ("From", "Petri Laine <petri.laine@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Lomalla"),
            ("Date", "Wed, 06 Aug 2025 16:10:05 +0300"),
            ("Message-ID", "<CA873CAF+ee06ba45263ecb0fw@mail.gmail.com>"),
            ("Auto-Submitted", "auto-replied"),
            ("Precedence", "bulk"),
            ("X-Autoreply", "yes"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, olen lomalla 18.8. asti. Petri",
    ),
    Case(
        id="r-oof-sv-franvaro",
        label="robot",
        reason="ooo_subject",
        source="Discourse is_auto_generated? subject list (Frånvaro)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "Lena Holm <lena.holm@byggholm.se>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Frånvaromeddelande: Offertförfrågan"),
            ("Date", "Wed, 06 Aug 2025 17:31:05 +0300"),
            ("Message-ID", "<07e2c3e953876477.28efaedd@byggholm.se>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Jag är på semester till och med 9 augusti.",
    ),
    Case(
        id="r-oof-sv-automatiskt-svar",
        label="robot",
        reason="ooo_subject",
        source="Discourse list (Automatiskt svar); Exchange shape",
        headers=(
            ("Return-Path", "<mikael.ek@ekfastigheter.fi>"),
            ("From", "Mikael Ek <mikael.ek@ekfastigheter.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Automatiskt svar: Trädgårdsarbete"),
            ("Date", "Wed, 06 Aug 2025 19:45:05 +0300"),
            ("Message-ID", "<285535163761ed9b.96cff132@ekfastigheter.fi>"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "mikael.ek@ekfastigheter.fi"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Jag är ledig till 4.8.",
    ),
    Case(
        id="r-oof-no-fravaer",
        label="robot",
        reason="ooo_subject",
        source="code corpus: Norwegian filter /fraværsmelding/",
        headers=(
            ("Return-Path", "<ola@nordmannbygg.no>"),
            ("From", "Ola Nordmann <ola@nordmannbygg.no>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Fraværsmelding"),
            ("Date", "Wed, 06 Aug 2025 21:06:05 +0300"),
            ("Message-ID", "<8ab5b60ef8db5883.68bb070c@nordmannbygg.no>"),
            ("Auto-Submitted", "auto-replied"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Jeg er på ferie og er tilbake 11. august.",
    ),
    Case(
        id="r-oof-da-autosvar",
        label="robot",
        reason="ooo_subject",
        source="Discourse list (Autosvar)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "Mette Jensen <mette@jensenhave.dk>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Autosvar: Havearbejde"),
            ("Date", "Wed, 06 Aug 2025 22:27:05 +0300"),
            ("Message-ID", "<301d34083effb249.2aa1da9d@jensenhave.dk>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Jeg er på ferie og er tilbage den 5. august.",
    ),
    Case(
        id="r-oof-et-automaatvastus",
        label="robot",
        reason="ooo_subject",
        source="Microsoft et-EE docs title 'automaatvastus'",
        headers=(
            ("Return-Path", "<>"),
            ("From", "Kadri Tamm <kadri.tamm@haljastus.ee>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Automaatvastus: Pakkumine"),
            ("Date", "Thu, 07 Aug 2025 00:41:05 +0300"),
            ("Message-ID", "<2e96882428510d53.34a752b3@haljastus.ee>"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "kadri.tamm@haljastus.ee"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olen puhkusel kuni 15. augustini.",
    ),
    Case(
        id="r-oof-de-abwesenheit",
        label="robot",
        reason="ooo_subject",
        source="Discourse list (Abwesenheitsnotiz)",
        headers=(
            ("Return-Path", "<k.weber@weber-gartenbau.de>"),
            ("From", "Klaus Weber <k.weber@weber-gartenbau.de>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Abwesenheitsnotiz: Angebot Gartenpflege"),
            ("Date", "Thu, 07 Aug 2025 02:02:05 +0300"),
            ("Message-ID", "<99090ca696c692dc.0762587f@weber-gartenbau.de>"),
            ("Auto-Submitted", "auto-replied"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Vielen Dank für Ihre Nachricht. Ich bin bis 15.08. nicht im Büro.",
    ),
    Case(
        id="r-oof-de-automatische-antwort",
        label="robot",
        reason="ooo_subject",
        source="AUTOREPLY_RULES.md §5",
        headers=(
            ("Return-Path", "<>"),
            ("From", "Sabine Krüger <s.krueger@example-gmbh.de>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Automatische Antwort: Ihre Anfrage"),
            ("Date", "Thu, 07 Aug 2025 03:23:05 +0300"),
            ("Message-ID", "<18d09d8d33b93027.e430c723@example-gmbh.de>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Ich bin derzeit nicht erreichbar.",
    ),
    Case(
        id="r-oof-en-automatic-reply",
        label="robot",
        reason="ooo_subject",
        source="corpus: set-of-emails/maildir/bsd/rfc3834-04.eml (shape)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "John Smith <john.smith@contoso-nordic.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Automatic reply: Garden maintenance quote"),
            ("Date", "Thu, 07 Aug 2025 04:44:05 +0300"),
            ("Message-ID", "<d26f550d39926ac3.866c3ea0@contoso-nordic.com>"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "john.smith@contoso-nordic.com"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="I am out of the office until 18 August with limited access to email.",
    ),
    Case(
        id="r-oof-en-out-of-office-noheader",
        label="robot",
        reason="ooo_subject",
        source=(
            "corpus: alaveteli track-response-exchange-oof-1.eml ('Out of Office AutoReply:', no "
            "headers)"
        ),
        headers=(
            ("Return-Path", "<emma.brown@brownlandscapes.co.uk>"),
            ("From", "Emma Brown <emma.brown@brownlandscapes.co.uk>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Out of Office AutoReply: Lawn care"),
            ("Date", "Thu, 07 Aug 2025 06:58:05 +0300"),
            ("Message-ID", "<8c0636857cbb6bf3.afd26e02@brownlandscapes.co.uk>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="I am currently out of the office.",
    ),
    Case(
        id="r-oof-en-lotus-suffix",
        label="robot",
        reason="ooo_subject",
        source="corpus: alaveteli track-response-lotus-oof-1.eml ('… is out of the office')",
        headers=(
            ("Return-Path", "<pekka.ahonen@teollisuus-ahonen.fi>"),
            ("From", "Pekka Ahonen <pekka.ahonen@teollisuus-ahonen.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pekka Ahonen is out of the office."),
            ("Date", "Thu, 07 Aug 2025 08:19:05 +0300"),
            ("Message-ID", "<55fcda68e2aea256.a2745a8f@teollisuus-ahonen.fi>"),
            ("Auto-Submitted", "auto-generated"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "I will be out of the office starting 07.07.2025 and will not return until 28.07.2025."
        ),
    ),
    Case(
        id="r-oof-icloud",
        label="robot",
        reason="ooo_header",
        source=(
            "corpus: set-of-emails/maildir/bsd/rfc3834-03.eml (X-Apple-Action: vacation, 'Auto "
            "reply:')"
        ),
        headers=(
            ("Return-Path", "<aino.lehto@icloud.com>"),
            ("From", "Aino Lehto <aino.lehto@icloud.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Auto reply: Kysymys pihakivetyksestä"),
            ("Date", "Thu, 07 Aug 2025 09:40:05 +0300"),
            ("Message-ID", "<EEDFB229-6DA9-54FA-9857-29D0000D83BD@icloud.com>"),
            ("X-Apple-Action", "VACATION"),
            ("X-Apple-Criteria", "{kind=VACATION}"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olen matkoilla 20.8. asti.",
    ),
    Case(
        id="r-oof-zimbra",
        label="robot",
        reason="ooo_header",
        source="Zammad test (Auto-Submitted: auto-replied (zimbra; vacation))",
        headers=(
            ("Return-Path", "<teemu.rantanen@yliopisto.fi>"),
            ("From", "Teemu Rantanen <teemu.rantanen@yliopisto.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Poissa"),
            ("Date", "Thu, 07 Aug 2025 11:54:05 +0300"),
            ("Message-ID", "<b9d64c8c76f07222.6d4c6117@yliopisto.fi>"),
            ("Auto-Submitted", "auto-replied (zimbra; vacation)"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olen poissa 1.–15.8.",
    ),
    Case(
        id="r-oof-pigeonhole",
        label="robot",
        reason="ooo_header",
        source="AUTOREPLY_RULES.md §3.2 (Pigeonhole reply headers)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "Riikka Mattila <riikka@mattilan-tila.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Auto: Tarjouspyyntö"),
            ("Date", "Thu, 07 Aug 2025 13:15:05 +0300"),
            ("Message-ID", "<28afb479748ca54b.28ec6a72@mattilan-tila.fi>"),
            ("Auto-Submitted", "auto-replied (vacation)"),
            ("Precedence", "bulk"),
            ("X-Auto-Response-Suppress", "All"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olen lomalla heinäkuun ajan.",
    ),
    Case(
        id="r-oof-cpanel",
        label="robot",
        reason="ooo_header",
        source="mail gem / FreeScout (Precedence: auto_reply, X-Autorespond)",
        headers=(
            ("Return-Path", "<info@rakennuslahtinen.fi>"),
            ("From", "Rakennus Oy Lahtinen <info@rakennuslahtinen.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Automaattinen vastaus: Yhteistyö"),
            ("Date", "Thu, 07 Aug 2025 14:36:05 +0300"),
            ("Message-ID", "<93529a345bfc2197.cb3d589d@rakennuslahtinen.fi>"),
            ("Precedence", "auto_reply"),
            ("X-Autorespond", "Automaattinen vastaus"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kiitos yhteydenotostasi! Vastaamme arkisin 1–2 työpäivän kuluessa.",
    ),
    Case(
        id="r-oof-ack-from-company",
        label="robot",
        reason="ooo_header",
        source=(
            "https://www.op.fi/secure-online-transactions/do-the-following-in-the-case-of-fraud "
            "(mailbox answers with an automatic reply)"
        ),
        headers=(
            ("Return-Path", "<tietoturvailmoitukset@op.fi>"),
            ("From", "OP Tietoturva <tietoturvailmoitukset@op.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Vastaanottokuittaus"),
            ("Date", "Thu, 07 Aug 2025 16:50:05 +0300"),
            ("Message-ID", "<7f12851c10523d06.152f19d2@op.fi>"),
            ("Auto-Submitted", "auto-replied"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Kiitos ilmoituksestasi. Emme vastaa suoraan tähän osoitteeseen lähetettyihin "
            "viesteihin."
        ),
    ),
    Case(
        id="r-oof-mailtraq",
        label="robot",
        reason="ooo_header",
        source="corpus: alaveteli track-response-messageclass-oof.eml (X-POST-MessageClass)",
        headers=(
            ("Return-Path", "<kari@virtapalvelut.fi>"),
            ("From", "Kari Virta <kari@virtapalvelut.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Automatic Response"),
            ("Date", "Thu, 07 Aug 2025 18:11:05 +0300"),
            ("Message-ID", "<f1a8d91eefd3c38e.a0687129@virtapalvelut.fi>"),
            ("X-POST-MessageClass", "9; Autoresponder"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Thank you for your email. I am away until Monday.",
    ),
    Case(
        id="r-oof-helpdesk-ticket",
        label="robot",
        reason="ooo_header",
        source="Zendesk/Freshdesk-style ticket acknowledgements (common pattern)",
        headers=(
            ("Return-Path", "<tuki@kaupunginvuokra.fi>"),
            ("From", "Asiakaspalvelu <tuki@kaupunginvuokra.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "tuki+id48213@kaupunginvuokra.fi"),
            ("Subject", "[#48213] Olemme vastaanottaneet viestisi"),
            ("Date", "Thu, 07 Aug 2025 19:32:05 +0300"),
            ("Message-ID", "<1010e01de145f1ff.eec73c51@kaupunginvuokra.fi>"),
            ("Auto-Submitted", "auto-replied"),
            ("X-Autoreply", "yes"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tämä on automaattinen vastaus. Käsittelemme asiasi mahdollisimman pian.",
    ),
    Case(
        id="r-oof-vastaanottokuittaus-noheader",
        label="robot",
        reason="ooo_subject",
        source="common pattern (company auto-ack without headers)",
        headers=(
            ("Return-Path", "<kirjaamo@pihlajavesi.fi>"),
            ("From", "Kirjaamo <kirjaamo@pihlajavesi.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Vastaanottokuittaus: Tarjous talvikunnossapidosta"),
            ("Date", "Thu, 07 Aug 2025 20:53:05 +0300"),
            ("Message-ID", "<5a746046e68fe0d5.ff12310e@pihlajavesi.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Viestinne on vastaanotettu ja kirjattu. Tämä on automaattinen kuittaus.",
    ),
    Case(
        id="r-oof-fi-vs-loma",
        label="robot",
        reason="ooo_subject",
        source="common pattern (Finnish reply prefix VS: + loma subject)",
        headers=(
            ("Return-Path", "<antti.korpela@kolumbus.fi>"),
            ("From", "Antti Korpela <antti.korpela@kolumbus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "VS: Lomalla 4.8. asti"),
            ("Date", "Thu, 07 Aug 2025 23:07:05 +0300"),
            ("Message-ID", "<5474e7650edc4590.f43bf8a6@kolumbus.fi>"),
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olen lomalla 4.8. asti, enkä pääse lukemaan sähköpostia.",
    ),
    Case(
        id="r-oof-xars-oof-only-exchange-online",
        label="robot",
        reason="ooo_header",
        source="Zammad OutOfOfficeCheck; SIS rfc3834-02",
        headers=(
            ("Return-Path", "<laura.heikkila@kaupunki.fi>"),
            ("From", "Laura Heikkilä <laura.heikkila@kaupunki.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Automaattinen vastaus: Puiden kaato"),
            ("Date", "Fri, 08 Aug 2025 00:28:05 +0300"),
            ("Message-ID", "<9d2636687451cfeb.ac4ddefb@kaupunki.fi>"),
            ("X-Auto-Response-Suppress", "All"),
            ("X-MS-Exchange-Inbox-Rules-Loop", "laura.heikkila@kaupunki.fi"),
            ("X-MS-Exchange-Organization-AutoResponse", "OOF"),
            ("Auto-Submitted", "auto-generated"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olen vuosilomalla 11.8. asti.",
    ),
    Case(
        id="r-gcal-invite",
        label="robot",
        reason="calendar",
        source="code corpus: calendar-notification@google.com in many filters; RFC 6047 iMIP",
        headers=(
            ("Return-Path", "<3eb5851c7ac4d558f82ab79@calendar-server.bounces.google.com>"),
            ("From", "Google Calendar <calendar-notification@google.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Matti Virtanen <matti.virtanen@gmail.com>"),
            ("Sender", "Google Calendar <calendar-notification@google.com>"),
            ("Subject", "Kutsu: Pihasuunnittelu @ ti 12.8.2025 10–11 (ylermi@pihapalvelu.fi)"),
            ("Date", "Fri, 08 Aug 2025 01:49:05 +0300"),
            ("Message-ID", "<eb5851c7ac4d558f.82ab79b7@google.com>"),
            ("Content-Type", 'multipart/mixed; boundary="000000000000a1b2c3"'),
        ),
        body="Sinut on kutsuttu seuraavaan tapahtumaan.",
        parts=('text/calendar; charset="UTF-8"; method=REQUEST',),
    ),
    Case(
        id="r-gcal-from-person-name",
        label="robot",
        reason="calendar",
        source=(
            "RFC 6047 iMIP (Google sends invitations 'From: <organizer name>' via "
            "calendar-notification)"
        ),
        headers=(
            ("Return-Path", "<3b8493e0320db4eeb1bd61d@calendar-server.bounces.google.com>"),
            ("From", "Matti Virtanen <calendar-notification@google.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "matti.virtanen@gmail.com"),
            ("Subject", "Päivitetty kutsu: Pihasuunnittelu"),
            ("Date", "Fri, 08 Aug 2025 04:03:05 +0300"),
            ("Message-ID", "<b8493e0320db4eeb.1bd61d07@google.com>"),
            ("Content-Type", 'multipart/mixed; boundary="00000000000077aa"'),
        ),
        body="Tätä tapahtumaa on muutettu.",
        parts=("text/calendar; method=REQUEST",),
        note="display name is the organiser, address is the robot",
    ),
    Case(
        id="r-outlook-invite",
        label="robot",
        reason="calendar",
        source=(
            "RFC 5546 iTIP / RFC 6047 iMIP (Outlook meeting request, text/calendar method=REQUEST)"
        ),
        headers=(
            ("Return-Path", "<heli.makela@taloyhtio-isannointi.fi>"),
            ("From", "Heli Mäkelä <heli.makela@taloyhtio-isannointi.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Katselmus: As Oy Kivipuisto piha"),
            ("Date", "Fri, 08 Aug 2025 05:24:05 +0300"),
            ("Message-ID", "<8728d21bafdcfffb.e60b9b74@taloyhtio-isannointi.fi>"),
            ("Content-Type", 'text/calendar; charset="utf-8"; method=REQUEST'),
            ("Thread-Topic", "Katselmus: As Oy Kivipuisto piha"),
            ("X-MS-Has-Attach", ""),
            ("X-MS-Exchange-Calendar-Series-Instance-Id", "BAAAAIIA4AB0xbcQEiwpqV8"),
        ),
        body="BEGIN:VCALENDAR\nMETHOD:REQUEST\nPRODID:Microsoft Exchange Server 2010",
        note=(
            "sent by a person's client, but it is an invitation (text/calendar METHOD:REQUEST): "
            "no ack"
        ),
    ),
    Case(
        id="r-outlook-accepted-fi",
        label="robot",
        reason="calendar",
        source="common pattern (Outlook fi meeting response; METHOD:REPLY)",
        headers=(
            ("Return-Path", "<jukka.ojala@ojalarakennus.fi>"),
            ("From", "Jukka Ojala <jukka.ojala@ojalarakennus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Hyväksytty: Työmaakokous"),
            ("Date", "Fri, 08 Aug 2025 06:45:05 +0300"),
            ("Message-ID", "<78db75eff944f33d.5a7be03e@ojalarakennus.fi>"),
            ("Content-Type", 'text/calendar; charset="utf-8"; method=REPLY'),
            ("Thread-Topic", "Työmaakokous"),
        ),
        body="BEGIN:VCALENDAR\nMETHOD:REPLY",
    ),
    Case(
        id="r-outlook-declined-fi",
        label="robot",
        reason="calendar",
        source="common pattern",
        headers=(
            ("Return-Path", "<jukka.ojala@ojalarakennus.fi>"),
            ("From", "Jukka Ojala <jukka.ojala@ojalarakennus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Hylätty: Työmaakokous"),
            ("Date", "Fri, 08 Aug 2025 08:59:05 +0300"),
            ("Message-ID", "<91ff211faa99be30.43832506@ojalarakennus.fi>"),
            ("Content-Type", 'multipart/alternative; boundary="_000_"'),
        ),
        body="",
        parts=("text/calendar; method=REPLY",),
    ),
    Case(
        id="r-outlook-accepted-en",
        label="robot",
        reason="calendar",
        source="common pattern",
        headers=(
            ("Return-Path", "<sarah.lee@nordic-hotels.com>"),
            ("From", "Sarah Lee <sarah.lee@nordic-hotels.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Accepted: Site visit"),
            ("Date", "Fri, 08 Aug 2025 10:20:05 +0300"),
            ("Message-ID", "<8abecc1096af9a4b.29ce0300@nordic-hotels.com>"),
            ("Content-Type", "text/calendar; method=REPLY; charset=utf-8"),
        ),
        body="",
    ),
    Case(
        id="r-outlook-accepterat-sv",
        label="robot",
        reason="calendar",
        source="common pattern",
        headers=(
            ("Return-Path", "<johan.lind@lindbygg.fi>"),
            ("From", "Johan Lind <johan.lind@lindbygg.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Accepterat: Genomgång av trädgården"),
            ("Date", "Fri, 08 Aug 2025 11:41:05 +0300"),
            ("Message-ID", "<c298998caa46b6f0.3a5e0140@lindbygg.fi>"),
            ("Content-Type", "text/calendar; method=REPLY; charset=utf-8"),
        ),
        body="",
    ),
    Case(
        id="r-outlook-tentative-de",
        label="robot",
        reason="calendar",
        source="code corpus: MAPI converter test 'Mit Vorbehalt angenommen: …'",
        headers=(
            ("Return-Path", "<nyu.bauer@example-ag.de>"),
            ("From", "Nyu Bauer <nyu.bauer@example-ag.de>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Mit Vorbehalt angenommen: Umzugsplanung"),
            ("Date", "Fri, 08 Aug 2025 13:55:05 +0300"),
            ("Message-ID", "<3aea46c5739f3504.825bc212@example-ag.de>"),
            ("Content-Type", "text/calendar; method=REPLY; charset=utf-8"),
        ),
        body="",
    ),
    Case(
        id="r-outlook-cancel",
        label="robot",
        reason="calendar",
        source="RFC 5546 METHOD:CANCEL",
        headers=(
            ("Return-Path", "<heli.makela@taloyhtio-isannointi.fi>"),
            ("From", "Heli Mäkelä <heli.makela@taloyhtio-isannointi.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Peruutettu: Katselmus"),
            ("Date", "Fri, 08 Aug 2025 15:16:05 +0300"),
            ("Message-ID", "<015c23a8ba07a3b5.0fb04ed6@taloyhtio-isannointi.fi>"),
            ("Content-Type", "text/calendar; method=CANCEL; charset=utf-8"),
        ),
        body="",
    ),
    Case(
        id="r-calendly-new-event",
        label="robot",
        reason="calendar",
        source="code corpus: notifications@calendly.com in sender lists",
        headers=(
            ("Return-Path", "<notifications@calendly.com>"),
            ("From", "Calendly <notifications@calendly.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "liisa.korhonen@gmail.com"),
            ("Subject", "New Event: Liisa Korhonen - 10:00 Tue, 12 Aug 2025 - Pihakäynti"),
            ("Date", "Fri, 08 Aug 2025 16:37:05 +0300"),
            ("Message-ID", "<f600f05642b3c782.714e6a86@calendly.com>"),
            ("Auto-Submitted", "auto-generated"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Invitee: Liisa Korhonen. Event Type: Pihakäynti 30 min.",
        note="Reply-To is the invitee, yet it is a booking notification",
    ),
    Case(
        id="r-doodle",
        label="robot",
        reason="calendar",
        source="common pattern",
        headers=(
            ("Return-Path", "<mailer@doodle.com>"),
            ("From", "Doodle <mailer@doodle.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kaisa has voted in your poll 'Talkoopäivä'"),
            ("Date", "Fri, 08 Aug 2025 17:58:05 +0300"),
            ("Message-ID", "<9bb9f67d7e88bca1.6da493af@doodle.com>"),
            (
                "List-Unsubscribe",
                (
                    "<https://doodle.com/unsubscribe?u=9bb9f67d7e88>, "
                    "<mailto:unsubscribe-9bb9f67d7e88@doodle.com>"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-teams-invite",
        label="robot",
        reason="calendar",
        source="common pattern",
        headers=(
            ("Return-Path", "<noreply@email.teams.microsoft.com>"),
            ("From", "Microsoft Teams <noreply@email.teams.microsoft.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Sinut on lisätty tiimiin Kivipuiston piha"),
            ("Date", "Fri, 08 Aug 2025 20:12:05 +0300"),
            ("Message-ID", "<b05131dc7fdc2942.3099de5d@email.teams.microsoft.com>"),
            ("Auto-Submitted", "auto-generated"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-zoom-invite",
        label="robot",
        reason="calendar",
        source="common pattern",
        headers=(
            ("Return-Path", "<no-reply@zoom.us>"),
            ("From", "Zoom <no-reply@zoom.us>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Meeting invitation: Pihasuunnitelma"),
            ("Date", "Fri, 08 Aug 2025 21:33:05 +0300"),
            ("Message-ID", "<fe20d47d86ffd967.74a9ce36@zoom.us>"),
            ("Content-Type", 'multipart/mixed; boundary="zoom-b"'),
        ),
        body="",
        parts=("text/calendar; method=REQUEST",),
    ),
    Case(
        id="r-bounce-postfix",
        label="robot",
        reason="bounce",
        source="corpus: set-of-emails/maildir/bsd/lhost-postfix-01.eml (shape)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "MAILER-DAEMON@mail.pihapalvelu.fi (Mail Delivery System)"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Undelivered Mail Returned to Sender"),
            ("Date", "Fri, 08 Aug 2025 22:54:05 +0300"),
            (
                "Message-ID",
                "<ccdea902913e780e.5fee85a5@mail.pihapalvelu.fi (mail delivery system)>",
            ),
            ("Auto-Submitted", "auto-replied"),
            (
                "Content-Type",
                (
                    "multipart/report; report-type=delivery-status; "
                    'boundary="8A1C31E0F1.1723456789/mail.pihapalvelu.fi"'
                ),
            ),
        ),
        body="This is the mail system at host mail.pihapalvelu.fi.",
    ),
    Case(
        id="r-bounce-exim",
        label="robot",
        reason="bounce",
        source="corpus: set-of-emails/maildir/bsd/lhost-exim-01.eml (shape)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "Mail Delivery System <Mailer-Daemon@webhotelli.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Mail delivery failed: returning message to sender"),
            ("Date", "Sat, 09 Aug 2025 01:08:05 +0300"),
            ("Message-ID", "<4960a28c35e502a6.690bf917@webhotelli.fi>"),
            ("Auto-Submitted", "auto-replied"),
            ("X-Failed-Recipients", "tiina.asiakas@elisanet.fi"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="This message was created automatically by mail delivery software.",
    ),
    Case(
        id="r-bounce-gmail",
        label="robot",
        reason="bounce",
        source="corpus: set-of-emails/maildir/bsd/lhost-gmail-01.eml (shape)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "Mail Delivery Subsystem <mailer-daemon@googlemail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Delivery Status Notification (Failure)"),
            ("Date", "Sat, 09 Aug 2025 02:29:05 +0300"),
            ("Message-ID", "<CADAA2DB+cbcd271ca9508068w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Osoitetta ei löytynyt. Viestiäsi ei toimitettu osoitteeseen maija.k@gmial.com.",
    ),
    Case(
        id="r-bounce-o365",
        label="robot",
        reason="bounce",
        source="corpus: set-of-emails/maildir/bsd/lhost-office365-01.eml (shape)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "Microsoft Outlook <postmaster@rakennus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Toimittamaton: Tarjous pihatöistä"),
            ("Date", "Sat, 09 Aug 2025 03:50:05 +0300"),
            ("Message-ID", "<fb40fec71aa4b22a.e6eba26c@rakennus.fi>"),
            ("Auto-Submitted", "auto-replied"),
            ("Content-Type", 'multipart/report; report-type=delivery-status; boundary="_000_"'),
        ),
        body="Viestiä ei voitu toimittaa.",
    ),
    Case(
        id="r-bounce-qmail",
        label="robot",
        reason="bounce",
        source="corpus: set-of-emails/maildir/bsd/lhost-qmail-01.eml (shape)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "MAILER-DAEMON@mx.kotiposti.net"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "failure notice"),
            ("Date", "Sat, 09 Aug 2025 06:04:05 +0300"),
            ("Message-ID", "<58c91b9b5db321ce.30810047@mx.kotiposti.net>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hi. This is the qmail-send program.",
    ),
    Case(
        id="r-bounce-delay",
        label="robot",
        reason="bounce",
        source="AUTOREPLY_RULES.md §6 (delayed DSN; mail gem report_422)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "postmaster@mx.saunalahti.fi"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Delivery Status Notification (Delay)"),
            ("Date", "Sat, 09 Aug 2025 07:25:05 +0300"),
            ("Message-ID", "<ba973d0c63b82b7a.812f9ee3@mx.saunalahti.fi>"),
            ("Content-Type", "multipart/report; report-type=delivery-status"),
        ),
        body="Delivery to the following recipients has been delayed.",
    ),
    Case(
        id="r-bounce-no-rp-header",
        label="robot",
        reason="bounce",
        source="corpus: alaveteli track-response-webshield-bounce.eml (From without address)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "WebShield SMTP V4.5 MR3 Mail Service"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Returned Mail: Error During Delivery"),
            ("Date", "Sat, 09 Aug 2025 08:46:05 +0300"),
            ("Message-ID", "<4e9942b0d4bd6496.6f7c1e95@mail.pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-bounce-ses",
        label="robot",
        reason="bounce",
        source="corpus: set-of-emails/maildir/bsd/lhost-amazonses-01.eml (shape)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "MAILER-DAEMON@email-bounces.amazonses.com"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Delivery Status Notification (Failure)"),
            ("Date", "Sat, 09 Aug 2025 10:07:05 +0300"),
            ("Message-ID", "<b38e22c793497d09.d48ebf85@email-bounces.amazonses.com>"),
            ("Content-Type", "multipart/report; report-type=delivery-status"),
        ),
        body="",
    ),
    Case(
        id="r-mdn-read-receipt",
        label="robot",
        reason="bounce",
        source="RFC 8098 MDN (report-type=disposition-notification)",
        headers=(
            ("Return-Path", "<liisa.korhonen@gmail.com>"),
            ("From", "Liisa Korhonen <liisa.korhonen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Luettu: Tarjous"),
            ("Date", "Sat, 09 Aug 2025 12:21:05 +0300"),
            ("Message-ID", "<CA42A9B5+6ecf67b3520c77e7w@mail.gmail.com>"),
            (
                "Content-Type",
                'multipart/report; report-type=disposition-notification; boundary="b1"',
            ),
        ),
        body="Viestisi vastaanottajalle Liisa Korhonen on luettu.",
    ),
    Case(
        id="r-dmarc-report",
        label="robot",
        reason="notification",
        source="RFC 7489 §7.2 aggregate report",
        headers=(
            ("Return-Path", "<3ffc1a333878c3eba7bd86b@scoutcamp.bounces.google.com>"),
            ("From", "noreply-dmarc-support@google.com"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            (
                "Subject",
                (
                    "Report domain: pihapalvelu.fi Submitter: google.com Report-ID: "
                    "1234567890123456789"
                ),
            ),
            ("Date", "Sat, 09 Aug 2025 13:42:05 +0300"),
            ("Message-ID", "<ffc1a333878c3eba.7bd86b66@google.com>"),
            ("Content-Type", "application/zip"),
        ),
        body="",
    ),
    Case(
        id="r-arf",
        label="robot",
        reason="bounce",
        source="RFC 5965 ARF (corpus: set-of-emails arf-*.eml)",
        headers=(
            ("Return-Path", "<>"),
            ("From", "staff@hotmail.com"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "complaint about message from 192.0.2.10"),
            ("Date", "Sat, 09 Aug 2025 15:03:05 +0300"),
            (
                "Message-ID",
                "<AM0PR01MB364658055A35872677BB92DF@AM0PR01MB3646.eurprd07.prod.outlook.com>",
            ),
            ("Content-Type", "multipart/report; report-type=feedback-report"),
        ),
        body="",
    ),
    Case(
        id="r-list-mailman",
        label="robot",
        reason="list_header",
        source=(
            "corpus: discourse mailinglist.eml (Mailman: Sender -bounces, List-Id, Precedence list)"
        ),
        headers=(
            ("Return-Path", "<puutarhaseura-bounces@lists.puutarhaseura.fi>"),
            ("From", "Seppo Kallio <seppo.kallio@kolumbus.fi>"),
            ("To", "puutarhaseura@lists.puutarhaseura.fi"),
            ("Sender", "puutarhaseura-bounces@lists.puutarhaseura.fi"),
            ("Subject", "[Puutarhaseura] Syysretki"),
            ("Date", "Sat, 09 Aug 2025 17:17:05 +0300"),
            ("Message-ID", "<98a5a11f2d38d5d2.636ee04c@kolumbus.fi>"),
            ("List-Id", "Puutarhaseuran jäsenlista <puutarhaseura.lists.puutarhaseura.fi>"),
            ("List-Post", "<mailto:puutarhaseura@lists.puutarhaseura.fi>"),
            ("Precedence", "list"),
            ("X-BeenThere", "puutarhaseura@lists.puutarhaseura.fi"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei kaikki, syysretki on lauantaina.",
    ),
    Case(
        id="r-list-googlegroups",
        label="robot",
        reason="list_header",
        source="RFC 2919 List-Id (Google Groups adds it)",
        headers=(
            ("Return-Path", "<tiina.saarinen@gmail.com>"),
            ("From", "Tiina Saarinen <tiina.saarinen@gmail.com>"),
            ("To", "yrittajat-kivisto@googlegroups.com"),
            ("Subject", "Yrittäjäaamiainen to 21.8."),
            ("Date", "Sat, 09 Aug 2025 18:38:05 +0300"),
            ("Message-ID", "<CAD9C899+b18b225d53523e59w@mail.gmail.com>"),
            ("List-Id", "<yrittajat-kivisto.googlegroups.com>"),
            ("List-Unsubscribe", "<mailto:googlegroups-manage+1234+unsubscribe@googlegroups.com>"),
            ("Precedence", "list"),
            ("Mailing-list", "list yrittajat-kivisto@googlegroups.com"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tervetuloa aamiaiselle!",
    ),
    Case(
        id="r-newsletter-mailchimp",
        label="robot",
        reason="list_header",
        source="RFC 8058 List-Unsubscribe-Post; AUTOREPLY_RULES.md §7",
        headers=(
            (
                "Return-Path",
                "<bounce-mc.us5_1234.56-ylermi=pihapalvelu.fi@mail123.suw15.mcdlv.net>",
            ),
            ("From", "Suomen Yrittäjät <uutiskirje@yrittajat.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Yrittäjän viikkokirje 33/2025"),
            ("Date", "Sat, 09 Aug 2025 19:59:05 +0300"),
            ("Message-ID", "<f29b7178b1680620.f7b0f720@yrittajat.fi>"),
            ("List-Unsubscribe", "<https://yrittajat.us5.list-manage.com/unsubscribe?u=abc>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("X-Mailer", "MailChimp Mailer"),
            ("Feedback-ID", "12345:us5:mc"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-newsletter-innocent-name",
        label="robot",
        reason="list_header",
        source="RFC 2369 List-Unsubscribe",
        headers=(
            (
                "Return-Path",
                "<bounces+123456-ab12-ylermi=pihapalvelu.fi@em1234.makisen-taimitarha.fi>",
            ),
            ("From", "Kalle Mäkinen <kalle@makisen-taimitarha.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Syksyn taimimyynti alkaa!"),
            ("Date", "Sat, 09 Aug 2025 22:13:05 +0300"),
            ("Message-ID", "<bfd54a65ae6d93a1.16e813bf@makisen-taimitarha.fi>"),
            ("List-Unsubscribe", "<https://u123.ct.sendgrid.net/asm/unsubscribe>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei Ylermi, syksyn istutuskausi on täällä!",
        note="innocent human name; a newsletter",
    ),
    Case(
        id="r-precedence-bulk-only",
        label="robot",
        reason="list_header",
        source="RFC 3834 §2; Pigeonhole Precedence check",
        headers=(
            ("Return-Path", "<tiedotteet@k-rauta.fi>"),
            ("From", "Rautakesko <tiedotteet@k-rauta.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Ammattilaisasiakkaan tiedote"),
            ("Date", "Sat, 09 Aug 2025 23:34:05 +0300"),
            ("Message-ID", "<862e15b00a6483a4.d947bf93@k-rauta.fi>"),
            ("Precedence", "bulk"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-feedback-id-only",
        label="robot",
        reason="list_header",
        source="AUTOREPLY_RULES.md B10 (Feedback-ID)",
        headers=(
            ("Return-Path", "<asiakaspalvelu@tokmanni.fi>"),
            ("From", "Tokmanni <asiakaspalvelu@tokmanni.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kesän viimeiset tarjoukset"),
            ("Date", "Sun, 10 Aug 2025 00:55:05 +0300"),
            ("Message-ID", "<a628d9b3c5a2f79b.4f396e3e@tokmanni.fi>"),
            ("Feedback-ID", "tokmanni:newsletter:2025w33:sfmc"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-list-yhdistys-reply-to-list",
        label="robot",
        reason="list_header",
        source="RFC 2369 List-Post; Reply-To list munging",
        headers=(
            ("Return-Path", "<hallitus@omakotikivisto.fi>"),
            ("From", "Omakotiyhdistys <hallitus@omakotikivisto.fi>"),
            ("To", "jasenet@omakotikivisto.fi"),
            ("Reply-To", "jasenet@omakotikivisto.fi"),
            ("Subject", "Kevätsiivous 17.5."),
            ("Date", "Sun, 10 Aug 2025 02:16:05 +0300"),
            ("Message-ID", "<7b7fa6af45538f38.773b6a89@omakotikivisto.fi>"),
            ("List-Post", "<mailto:jasenet@omakotikivisto.fi>"),
            ("List-Help", "<mailto:sympa@omakotikivisto.fi?subject=help>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tervetuloa talkoisiin!",
    ),
    Case(
        id="r-list-owner-local",
        label="robot",
        reason="noreply_local",
        source="RFC 3834 §2 (owner-*)",
        headers=(
            ("Return-Path", "<owner-puutarha-l@listserv.helsinki.fi>"),
            ("From", "owner-puutarha-l@listserv.helsinki.fi"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tilauksesi vahvistus"),
            ("Date", "Sun, 10 Aug 2025 04:30:05 +0300"),
            ("Message-ID", "<38d8e1edc15b03e8.60add38c@listserv.helsinki.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-list-request-local",
        label="robot",
        reason="noreply_local",
        source="RFC 5230 §4.6 (*-request)",
        headers=(
            ("Return-Path", "<puutarha-l-request@listserv.helsinki.fi>"),
            ("From", "puutarha-l-request@listserv.helsinki.fi"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Welcome to puutarha-l"),
            ("Date", "Sun, 10 Aug 2025 05:51:05 +0300"),
            ("Message-ID", "<8294eb65dc13587b.ecb16047@listserv.helsinki.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-tori-message",
        label="robot",
        reason="marketplace",
        source="common pattern (Tori relays buyer messages; reply goes through Tori)",
        headers=(
            ("Return-Path", "<noreply@tori.fi>"),
            ("From", "Tori <noreply@tori.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "noreply@tori.fi"),
            ("Subject", "Uusi viesti ilmoitukseesi: Ruohonleikkuri Husqvarna"),
            ("Date", "Sun, 10 Aug 2025 07:12:05 +0300"),
            ("Message-ID", "<65af8ce4c72bb247.c80a418c@tori.fi>"),
            ("Auto-Submitted", "auto-generated"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body='Kaisa lähetti sinulle viestin: "Onko vielä myynnissä?" Vastaa viestiin Torissa.',
        note="a real buyer is behind it, but replies must go through Tori",
    ),
    Case(
        id="r-nettiauto-message",
        label="robot",
        reason="marketplace",
        source="common pattern",
        headers=(
            ("Return-Path", "<ilmoitukset@nettiauto.com>"),
            ("From", "Nettiauto <ilmoitukset@nettiauto.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Uusi yhteydenotto ilmoitukseesi: Ford Transit 2015"),
            ("Date", "Sun, 10 Aug 2025 09:26:05 +0300"),
            ("Message-ID", "<0b0b792bf934bdfb.21dddd4b@nettiauto.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Ostaja on jättänyt yhteydenottopyynnön.",
    ),
    Case(
        id="r-huuto-net",
        label="robot",
        reason="marketplace",
        source="common pattern",
        headers=(
            ("Return-Path", "<noreply@huuto.net>"),
            ("From", "Huuto.net <noreply@huuto.net>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kohteeseesi on tehty tarjous"),
            ("Date", "Sun, 10 Aug 2025 10:47:05 +0300"),
            ("Message-ID", "<1a200b0455281931.9afd3d30@huuto.net>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-blocket",
        label="robot",
        reason="marketplace",
        source="common pattern",
        headers=(
            ("Return-Path", "<noreply@blocket.se>"),
            ("From", "Blocket <noreply@blocket.se>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Nytt meddelande om din annons"),
            ("Date", "Sun, 10 Aug 2025 12:08:05 +0300"),
            ("Message-ID", "<9fb31b1b47f76125.1149d63a@blocket.se>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-facebook-messenger",
        label="robot",
        reason="marketplace",
        source="code corpus: @facebookmail.com in sender lists",
        headers=(
            ("Return-Path", "<notification@facebookmail.com>"),
            ("From", "Facebook <notification@facebookmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Matti Virtanen lähetti sinulle viestin"),
            ("Date", "Sun, 10 Aug 2025 14:22:05 +0300"),
            ("Message-ID", "<952f0e535cefd563.2d5fbbb9@facebookmail.com>"),
            (
                "List-Unsubscribe",
                (
                    "<https://facebookmail.com/unsubscribe?u=952f0e535cef>, "
                    "<mailto:unsubscribe-952f0e535cef@facebookmail.com>"
                ),
            ),
            ("X-Facebook-Notify", "msg"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Matti: Hei, teettekö pihakiveyksiä?",
        note="a real person behind it, but the mail is a platform notification",
    ),
    Case(
        id="r-facebook-page-message",
        label="robot",
        reason="marketplace",
        source="common pattern (page inbox notification; reply only in Facebook)",
        headers=(
            ("Return-Path", "<notification@facebookmail.com>"),
            ("From", "Meta for Business <notification@facebookmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihapalvelu Ylermi: 1 uusi viesti"),
            ("Date", "Sun, 10 Aug 2025 15:43:05 +0300"),
            ("Message-ID", "<80176c93f3ca9020.51ec947c@facebookmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Sinulla on 1 lukematon viesti sivullasi.",
    ),
    Case(
        id="r-instagram",
        label="robot",
        reason="marketplace",
        source="common pattern",
        headers=(
            ("Return-Path", "<no-reply@mail.instagram.com>"),
            ("From", "Instagram <no-reply@mail.instagram.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "liisa_k lähetti sinulle viestin"),
            ("Date", "Sun, 10 Aug 2025 17:04:05 +0300"),
            ("Message-ID", "<5547991ebcfa5e79.30d201c2@mail.instagram.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-linkedin-message",
        label="robot",
        reason="marketplace",
        source="common pattern",
        headers=(
            ("Return-Path", "<messages-noreply@linkedin.com>"),
            ("From", "Jussi Laakso via LinkedIn <messages-noreply@linkedin.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Jussi lähetti sinulle viestin"),
            ("Date", "Sun, 10 Aug 2025 18:25:05 +0300"),
            ("Message-ID", "<8f9ff626755162d2.683e7ec6@linkedin.com>"),
            (
                "List-Unsubscribe",
                (
                    "<https://linkedin.com/unsubscribe?u=8f9ff6267551>, "
                    "<mailto:unsubscribe-8f9ff6267551@linkedin.com>"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei Ylermi, olisiko teillä kapasiteettia syksyllä?",
        note="a real person behind it; reply only on LinkedIn",
    ),
    Case(
        id="r-google-business",
        label="robot",
        reason="marketplace",
        source="common pattern",
        headers=(
            ("Return-Path", "<374b32204f4c208ac03446d@scoutcamp.bounces.google.com>"),
            ("From", "Google Business Profile <businessprofile-noreply@google.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Uusi arvostelu yrityksellesi Pihapalvelu Ylermi"),
            ("Date", "Sun, 10 Aug 2025 20:39:05 +0300"),
            ("Message-ID", "<74b32204f4c208ac.03446dfe@google.com>"),
            ("Feedback-ID", "gmb:google"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Asiakas jätti 5 tähden arvostelun.",
    ),
    Case(
        id="r-google-docs-comment",
        label="robot",
        reason="notification",
        source="common pattern (person's name in display, robot address)",
        headers=(
            ("Return-Path", "<3dd7360319cb24be869ba95@scoutcamp.bounces.google.com>"),
            ("From", '"Heli Mäkelä (Google Docs)" <comments-noreply@docs.google.com>'),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Heli Mäkelä <heli.makela@gmail.com>"),
            ("Subject", "Pihasuunnitelma 2025 - @ylermi kommentoi"),
            ("Date", "Sun, 10 Aug 2025 22:00:05 +0300"),
            ("Message-ID", "<dd7360319cb24be8.69ba9586@docs.google.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Heli Mäkelä mainitsi sinut kommentissa.",
    ),
    Case(
        id="r-oikotie-hakuvahti",
        label="robot",
        reason="marketplace",
        source="common pattern",
        headers=(
            ("Return-Path", "<ilmoitukset@oikotie.fi>"),
            ("From", "Oikotie Työpaikat <ilmoitukset@oikotie.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "3 uutta työpaikkaa hakuvahtiisi"),
            ("Date", "Sun, 10 Aug 2025 23:21:05 +0300"),
            ("Message-ID", "<aabedbf827cbdeb6.2d054257@oikotie.fi>"),
            (
                "List-Unsubscribe",
                (
                    "<https://oikotie.fi/unsubscribe?u=aabedbf827cb>, "
                    "<mailto:unsubscribe-aabedbf827cb@oikotie.fi>"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-timma-booking",
        label="robot",
        reason="marketplace",
        source="common pattern (booking platform)",
        headers=(
            ("Return-Path", "<noreply@timma.fi>"),
            ("From", "Timma <noreply@timma.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Uusi varaus: Pihakäynti 14.8. klo 9.00"),
            ("Date", "Mon, 11 Aug 2025 01:35:05 +0300"),
            ("Message-ID", "<129f00247676bf31.509dcd62@timma.fi>"),
            ("Auto-Submitted", "auto-generated"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Asiakas: Liisa Korhonen.",
    ),
    Case(
        id="r-paypal",
        label="robot",
        reason="delivery_notice",
        source="common pattern",
        headers=(
            ("Return-Path", "<service@paypal.fi>"),
            ("From", "PayPal <service@paypal.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Sait rahaa"),
            ("Date", "Mon, 11 Aug 2025 02:56:05 +0300"),
            ("Message-ID", "<efba0a5448c63b64.05244b4c@paypal.fi>"),
            ("Feedback-ID", "pp:service"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olet vastaanottanut 120,00 EUR.",
    ),
    Case(
        id="r-klarna",
        label="robot",
        reason="delivery_notice",
        source="common pattern",
        headers=(
            ("Return-Path", "<noreply@klarna.com>"),
            ("From", "Klarna <noreply@klarna.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Maksumuistutus: Puuilo"),
            ("Date", "Mon, 11 Aug 2025 04:17:05 +0300"),
            ("Message-ID", "<1d5571bc65b8d48c.c6d08537@klarna.com>"),
            (
                "List-Unsubscribe",
                (
                    "<https://klarna.com/unsubscribe?u=1d5571bc65b8>, "
                    "<mailto:unsubscribe-1d5571bc65b8@klarna.com>"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-matkahuolto",
        label="robot",
        reason="delivery_notice",
        source="common pattern",
        headers=(
            ("Return-Path", "<noreply@matkahuolto.fi>"),
            ("From", "Matkahuolto <noreply@matkahuolto.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pakettisi on noudettavissa Lähellä-pisteestä"),
            ("Date", "Mon, 11 Aug 2025 06:31:05 +0300"),
            ("Message-ID", "<4f8953aa0b4b21a6.38193dc0@matkahuolto.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-dhl-en",
        label="robot",
        reason="delivery_notice",
        source="common pattern",
        headers=(
            ("Return-Path", "<noreply@dhl.com>"),
            ("From", "DHL Express <noreply@dhl.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "DHL On Demand Delivery: Your shipment 1234567890 is on its way"),
            ("Date", "Mon, 11 Aug 2025 07:52:05 +0300"),
            ("Message-ID", "<6bd58fe76d9a6376.6fb6fa6b@dhl.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-stripe",
        label="robot",
        reason="delivery_notice",
        source="code corpus: notifications@stripe.com in sender lists",
        headers=(
            ("Return-Path", "<notifications@stripe.com>"),
            ("From", "Stripe <notifications@stripe.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Maksu vastaanotettu: 250,00 €"),
            ("Date", "Mon, 11 Aug 2025 09:13:05 +0300"),
            ("Message-ID", "<2495085ccde9d8bd.44d27eb3@stripe.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-mobilepay",
        label="robot",
        reason="delivery_notice",
        source="common pattern",
        headers=(
            ("Return-Path", "<noreply@mobilepay.fi>"),
            ("From", "MobilePay <noreply@mobilepay.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kuitti maksusta"),
            ("Date", "Mon, 11 Aug 2025 10:34:05 +0300"),
            ("Message-ID", "<48af11b1e6ed4862.c342ffcf@mobilepay.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-holvi-invoice-paid",
        label="robot",
        reason="delivery_notice",
        source="common pattern",
        headers=(
            ("Return-Path", "<noreply@holvi.com>"),
            ("From", "Holvi <noreply@holvi.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Lasku #1042 on maksettu"),
            ("Date", "Mon, 11 Aug 2025 12:48:05 +0300"),
            ("Message-ID", "<668262db123c3bbb.0828e0bd@holvi.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-budbee",
        label="robot",
        reason="delivery_notice",
        source="common pattern",
        headers=(
            ("Return-Path", "<no-reply@budbee.com>"),
            ("From", "Budbee <no-reply@budbee.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Toimitus tänään klo 17–22"),
            ("Date", "Mon, 11 Aug 2025 14:09:05 +0300"),
            ("Message-ID", "<bc2e792743762c00.e5d5e528@budbee.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-broadcast-taloyhtio",
        label="robot",
        reason="broadcast",
        source="RFC 3834 §2 (vacation only when explicitly addressed; many recipients = broadcast)",
        headers=(
            ("Return-Path", "<isannointi@isannointinurmi.fi>"),
            ("From", "Isännöinti Nurmi <isannointi@isannointinurmi.fi>"),
            ("To", "undisclosed-recipients:;"),
            ("Subject", "Tiedote: pihojen syystyöt urakoitsijoille"),
            ("Date", "Mon, 11 Aug 2025 15:30:05 +0300"),
            ("Message-ID", "<6d1194d3b5cf3122.33aad6fe@isannointinurmi.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hyvät urakoitsijat, lähetämme ohessa tarjouspyynnön.",
    ),
    Case(
        id="r-broadcast-many-to",
        label="robot",
        reason="broadcast",
        source="common pattern (30+ recipients visible in To)",
        headers=(
            ("Return-Path", "<hallitus@kivistonyrittajat.fi>"),
            ("From", "Kivistön Yrittäjät <hallitus@kivistonyrittajat.fi>"),
            (
                "To",
                (
                    "jasen1@example.fi, jasen2@example.fi, jasen3@example.fi, jasen4@example.fi, "
                    "jasen5@example.fi, jasen6@example.fi, jasen7@example.fi, jasen8@example.fi, "
                    "jasen9@example.fi, jasen10@example.fi, jasen11@example.fi, "
                    "jasen12@example.fi, jasen13@example.fi, ylermi@pihapalvelu.fi, "
                    "jasen14@example.fi, jasen15@example.fi, jasen16@example.fi, "
                    "jasen17@example.fi, jasen18@example.fi, jasen19@example.fi, "
                    "jasen20@example.fi, jasen21@example.fi, jasen22@example.fi, "
                    "jasen23@example.fi, jasen24@example.fi, jasen25@example.fi, "
                    "jasen26@example.fi, jasen27@example.fi, jasen28@example.fi, "
                    "jasen29@example.fi, jasen30@example.fi"
                ),
            ),
            ("Subject", "Jäsenkokous 28.8."),
            ("Date", "Mon, 11 Aug 2025 17:44:05 +0300"),
            ("Message-ID", "<f6579a7f12ea2d46.9927504a@kivistonyrittajat.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei kaikki jäsenet!",
    ),
    Case(
        id="r-broadcast-many-cc",
        label="robot",
        reason="broadcast",
        source="common pattern (tender sent to many contractors in Cc)",
        headers=(
            ("Return-Path", "<hankinnat@pihlajavesi.fi>"),
            ("From", "Hankinnat <hankinnat@pihlajavesi.fi>"),
            ("To", "hankinnat@pihlajavesi.fi"),
            (
                "Cc",
                (
                    "urakoitsija1@yritys1.fi, urakoitsija2@yritys2.fi, urakoitsija3@yritys3.fi, "
                    "urakoitsija4@yritys4.fi, urakoitsija5@yritys5.fi, urakoitsija6@yritys6.fi, "
                    "urakoitsija7@yritys7.fi, urakoitsija8@yritys8.fi, urakoitsija9@yritys9.fi, "
                    "urakoitsija10@yritys10.fi, urakoitsija11@yritys11.fi, "
                    "urakoitsija12@yritys12.fi, urakoitsija13@yritys13.fi, "
                    "urakoitsija14@yritys14.fi, urakoitsija15@yritys15.fi, "
                    "urakoitsija16@yritys16.fi, urakoitsija17@yritys17.fi, ylermi@pihapalvelu.fi"
                ),
            ),
            ("Subject", "Tarjouspyyntö: puistojen kunnossapito 2026"),
            ("Date", "Mon, 11 Aug 2025 19:05:05 +0300"),
            ("Message-ID", "<d97e94e183761954.fbf58813@pihlajavesi.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tarjoukset pyydetään jättämään 15.9. mennessä.",
    ),
    Case(
        id="r-broadcast-bcc-not-addressed",
        label="robot",
        reason="broadcast",
        source="RFC 3834 §2 / RFC 5230 §4.5 (recipient not in To/Cc)",
        headers=(
            ("Return-Path", "<toimisto@puutarhaliitto.fi>"),
            ("From", "Puutarhaliitto <toimisto@puutarhaliitto.fi>"),
            ("To", "toimisto@puutarhaliitto.fi"),
            ("Subject", "Jäsentiedote elokuu"),
            ("Date", "Mon, 11 Aug 2025 20:26:05 +0300"),
            ("Message-ID", "<cea9d661e8108d9f.52f899ab@puutarhaliitto.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
        note="owner was in Bcc: not explicitly addressed",
    ),
    Case(
        id="r-broadcast-crm-sales",
        label="robot",
        reason="broadcast",
        source="common pattern (cold sales sequence via CRM, innocent human name)",
        headers=(
            ("Return-Path", "<anna.lindqvist=lead-kone.fi@bf02x.hubspotemail.net>"),
            ("From", "Anna Lindqvist <anna.lindqvist@lead-kone.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Lisää asiakkaita pihapalveluille?"),
            ("Date", "Mon, 11 Aug 2025 22:40:05 +0300"),
            ("Message-ID", "<1f1288e83f445433.b039910d@lead-kone.fi>"),
            ("List-Unsubscribe", "<https://hs.lead-kone.fi/unsub>"),
            ("X-HubSpot-Message-Id", "abc123"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei Ylermi, huomasin että Pihapalvelu Ylermi…",
        note="innocent human name; List-Unsubscribe and ESP envelope show a sequence",
    ),
    Case(
        id="r-innocent-asiakaspalvelu-noreply",
        label="robot",
        reason="noreply_local",
        source="common pattern",
        headers=(
            ("Return-Path", "<noreply@puuilo.fi>"),
            ("From", "Maija Asiakaspalvelusta <noreply@puuilo.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kiitos palautteestasi, Ylermi!"),
            ("Date", "Tue, 12 Aug 2025 00:01:05 +0300"),
            ("Message-ID", "<f08d4d1f96459bb5.75940be3@puuilo.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei Ylermi, kiitos kun asioit kanssamme.",
    ),
    Case(
        id="r-innocent-wolt-person",
        label="robot",
        reason="list_header",
        source="common pattern",
        headers=(
            ("Return-Path", "<info@wolt.com>"),
            ("From", "Elina Woltilta <info@wolt.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Ylermi, tässä sinulle 20 % alennus"),
            ("Date", "Tue, 12 Aug 2025 01:22:05 +0300"),
            ("Message-ID", "<3ace3a6fceb5fffc.27bd3dec@wolt.com>"),
            (
                "List-Unsubscribe",
                (
                    "<https://wolt.com/unsubscribe?u=3ace3a6fceb5>, "
                    "<mailto:unsubscribe-3ace3a6fceb5@wolt.com>"
                ),
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-own-ack-loop",
        label="robot",
        reason="own_ack",
        source="AUTOREPLY_RULES.md B14 (X-Vasteaika-Ack, our Message-ID)",
        headers=(
            ("Return-Path", "<ylermi@pihapalvelu.fi>"),
            ("From", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("To", "Liisa Korhonen <liisa.korhonen@gmail.com>"),
            ("Subject", "Re: Tarjouspyyntö"),
            ("Date", "Tue, 12 Aug 2025 03:36:05 +0300"),
            ("Message-ID", "<vasteaika-ack.5d0c7f2a9e1b4c3d8f6a7b2c1d0e9f8a@pihapalvelu.fi>"),
            ("Auto-Submitted", "auto-replied"),
            ("X-Vasteaika-Ack", "1"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kiitos viestistäsi! Soitan sinulle tänään klo 15.",
        note="our own acknowledgment coming back (loop)",
    ),
    Case(
        id="r-ack-bounced-back-auto",
        label="robot",
        reason="ooo_header",
        source="AUTOREPLY_RULES.md B14 (reply to our ack + machine signal)",
        headers=(
            ("Return-Path", "<liisa.korhonen@gmail.com>"),
            ("From", "Liisa Korhonen <liisa.korhonen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Re: Re: Tarjouspyyntö"),
            ("Date", "Tue, 12 Aug 2025 04:57:05 +0300"),
            ("Message-ID", "<CA880764+df0beab7dfa80a77w@mail.gmail.com>"),
            ("Auto-Submitted", "auto-replied"),
            ("In-Reply-To", "<vasteaika-ack.5d0c7f2a9e1b4c3d8f6a7b2c1d0e9f8a@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olen lomalla.",
    ),
    Case(
        id="r-xloop",
        label="robot",
        reason="ooo_header",
        source="Zammad X-Loop check",
        headers=(
            ("Return-Path", "<huolto@kiinteistohuoltopro.fi>"),
            ("From", "Huolto <huolto@kiinteistohuoltopro.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Re: Tarjous"),
            ("Date", "Tue, 12 Aug 2025 06:18:05 +0300"),
            ("Message-ID", "<e431eca5cfc0a7a3.343c2f35@kiinteistohuoltopro.fi>"),
            ("X-Loop", "yes"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-cron-root",
        label="robot",
        reason="noreply_local",
        source="sisimai / AUTOREPLY_RULES.md §8 (root)",
        headers=(
            ("Return-Path", "<root@web1.pihapalvelu.fi>"),
            ("From", "root <root@web1.pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Cron <root@web1> /usr/local/bin/backup.sh"),
            ("Date", "Tue, 12 Aug 2025 07:39:05 +0300"),
            ("Message-ID", "<568cfb18c76b6fe8.af64c150@web1.pihapalvelu.fi>"),
            ("Auto-Submitted", "auto-generated"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-wordpress-admin",
        label="robot",
        reason="notification",
        source="common pattern (WordPress core mail from own domain, no Reply-To lead)",
        headers=(
            ("Return-Path", "<pihapal@cp12.webhotelli.fi>"),
            ("From", "WordPress <wordpress@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "[Pihapalvelu Ylermi] Sivustollesi on asennettu päivityksiä"),
            ("Date", "Tue, 12 Aug 2025 09:53:05 +0300"),
            ("Message-ID", "<bf40ca012329c13f.35f8e713@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei! Sivustosi on päivitetty automaattisesti versioon 6.8.2.",
        note="own-domain WordPress mail without a Reply-To person is not a form lead",
    ),
    Case(
        id="r-form-no-replyto",
        label="robot",
        reason="form_no_reply_to",
        source="Google Forms owner notification carries no answers (robot_senders FORM_SERVICES)",
        headers=(
            ("Return-Path", "<3127ce5532a41df37f8e2bd@scoutcamp.bounces.google.com>"),
            ("From", "Google Forms <forms-receipts-noreply@google.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Uusi vastaus lomakkeeseen Tarjouspyyntö"),
            ("Date", "Tue, 12 Aug 2025 11:14:05 +0300"),
            ("Message-ID", "<127ce5532a41df37.f8e2bd6b@google.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Lomakkeeseesi on tullut uusi vastaus. Näytä vastaus Google Formsissa.",
        note="a form notification with no lead address (Google Forms)",
    ),
    Case(
        id="r-xars-all-newsletter",
        label="robot",
        reason="list_header",
        source="AUTOREPLY_RULES.md §5 (XARS frequent on newsletters) + Precedence bulk",
        headers=(
            ("Return-Path", "<ilmoitukset@hilma.fi>"),
            ("From", "Hankintailmoitukset <ilmoitukset@hilma.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Uusia hankintailmoituksia hakuusi"),
            ("Date", "Tue, 12 Aug 2025 12:35:05 +0300"),
            ("Message-ID", "<67b25acf3fe26b0a.d81452fb@hilma.fi>"),
            ("X-Auto-Response-Suppress", "All"),
            ("Precedence", "bulk"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="",
    ),
    Case(
        id="r-spam-verdict",
        label="robot",
        reason="spam",
        source="AUTOREPLY_RULES.md B13 (owner provider spam verdict)",
        headers=(
            ("Return-Path", "<sales@seo-boost-nordic.biz>"),
            ("From", "Pihapalvelut Nordic <sales@seo-boost-nordic.biz>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Nostetaan yrityksesi Googlen kärkeen"),
            ("Date", "Tue, 12 Aug 2025 14:49:05 +0300"),
            ("Message-ID", "<a699be76310733d5.be7efad3@seo-boost-nordic.biz>"),
            ("X-Spam-Flag", "YES"),
            ("X-Spam-Status", "Yes, score=9.1 required=5.0"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei! Tarjoamme hakukoneoptimointia.",
        note="spam verdict by the owner's provider",
    ),
    Case(
        id="r-dmarc-fail-spoof",
        label="robot",
        reason="spoof",
        source="corpus: discourse dmarc_fail (listed); RFC 8601",
        headers=(
            ("Return-Path", "<x91@mailer-srv.ru>"),
            ("From", "Nordea <asiakaspalvelu@nordea.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tilisi on lukittu"),
            ("Date", "Tue, 12 Aug 2025 16:10:05 +0300"),
            ("Message-ID", "<d03ec851c82d16e8.88959ea6@nordea.fi>"),
            (
                "Authentication-Results",
                (
                    "mx.pihapalvelu.fi; spf=fail smtp.mailfrom=mailer-srv.ru; dkim=none; "
                    "dmarc=fail (p=REJECT) header.from=nordea.fi"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Vahvista tunnuksesi linkistä.",
        note="spoofed bank; never reply",
    ),
    Case(
        id="h-gmail-pihakivetys",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<liisa.korhonen@gmail.com>"),
            ("From", "Liisa Korhonen <liisa.korhonen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjouspyyntö pihakivetyksestä"),
            ("Date", "Tue, 12 Aug 2025 17:31:05 +0300"),
            ("Message-ID", "<CAF40ED8+50f61f2d702d174ew@mail.gmail.com>"),
            (
                "Authentication-Results",
                (
                    "mx.pihapalvelu.fi; dkim=pass header.d=gmail.com; spf=pass "
                    "smtp.mailfrom=gmail.com; dmarc=pass header.from=gmail.com"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Hei! Haluaisin tarjouksen noin 40 m² pihakivetyksestä Kivistöön. Milloin ehtisitte "
            "katsomaan?"
        ),
    ),
    Case(
        id="h-gmail-nurmikko",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<matti.virtanen@gmail.com>"),
            ("From", "Matti Virtanen <matti.virtanen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Nurmikon leikkuu kesäksi"),
            ("Date", "Tue, 12 Aug 2025 19:45:05 +0300"),
            ("Message-ID", "<CAA9AED7+c7511ffdda6eddb1w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Moi, tarvitsisin nurmikon leikkuun joka toinen viikko. Paljonko maksaa?",
    ),
    Case(
        id="h-outlook-pensasaita",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<sari.nieminen@outlook.com>"),
            ("From", "Sari Nieminen <sari.nieminen@outlook.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pensasaidan leikkaus"),
            ("Date", "Tue, 12 Aug 2025 21:06:05 +0300"),
            (
                "Message-ID",
                "<AM0PR05MB1473921B55232DD3C701B3B4@AM0PR05MB1473.eurprd06.prod.outlook.com>",
            ),
            ("Thread-Index", "AdsQm3K1x0c9s7a3QbS2n8w1Zf3P7g=="),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, onko teillä aikaa leikata n. 25 metrin tuija-aita ennen syyskuuta?",
    ),
    Case(
        id="h-hotmail-lumityot",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<jorma.lehtonen@hotmail.com>"),
            ("From", "Jorma Lehtonen <jorma.lehtonen@hotmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Lumityöt talveksi?"),
            ("Date", "Tue, 12 Aug 2025 22:27:05 +0300"),
            (
                "Message-ID",
                "<AM0PR04MB16500A97AD1C847E6F0BA61E@AM0PR04MB1650.eurprd07.prod.outlook.com>",
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Päivää. Tekeekö firmanne lumitöitä omakotitaloille Tuusulassa?",
    ),
    Case(
        id="h-hotmail-fi",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<pirjo.makinen@hotmail.fi>"),
            ("From", "Pirjo Mäkinen <pirjo.makinen@hotmail.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "kysymys"),
            ("Date", "Tue, 12 Aug 2025 23:48:05 +0300"),
            (
                "Message-ID",
                "<AM0PR06MB2083463EBAD1006710D40AB2@AM0PR06MB2083.eurprd05.prod.outlook.com>",
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="hei voisitteko tulla katsomaan omenapuuta se pitäis leikata",
    ),
    Case(
        id="h-suomi24",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<raimo.heikkinen@suomi24.fi>"),
            ("From", "Raimo Heikkinen <raimo.heikkinen@suomi24.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihan siivous"),
            ("Date", "Wed, 13 Aug 2025 02:02:05 +0300"),
            ("Message-ID", "<b442def195024cdc.81d1462b@suomi24.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Hyvä Ylermi. Tarvitsisin syyssiivouksen pihalle, lehtien haravointi ja kuljetus pois."
        ),
    ),
    Case(
        id="h-luukku",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<aila.toivonen@luukku.com>"),
            ("From", "Aila Toivonen <aila.toivonen@luukku.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjous"),
            ("Date", "Wed, 13 Aug 2025 03:23:05 +0300"),
            ("Message-ID", "<0f50b3efa2deaee6.88c1590d@luukku.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, pyydän tarjousta kukkapenkin uusimisesta.",
    ),
    Case(
        id="h-kolumbus",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<esko.jarvinen@kolumbus.fi>"),
            ("From", "Esko Järvinen <esko.jarvinen@kolumbus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Puun kaato"),
            ("Date", "Wed, 13 Aug 2025 04:44:05 +0300"),
            ("Message-ID", "<e10f4364e17cdb69.f536659b@kolumbus.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Pihassa on kuollut koivu, joka pitäisi kaataa. Onnistuuko?",
    ),
    Case(
        id="h-elisanet",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<tiina.salonen@elisanet.fi>"),
            ("From", "Tiina Salonen <tiina.salonen@elisanet.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Aidan rakennus"),
            ("Date", "Wed, 13 Aug 2025 06:58:05 +0300"),
            ("Message-ID", "<79c56cb0aa9ac4c3.eff95800@elisanet.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei! Suunnittelemme puuaitaa tontin rajalle, n. 30 m. Teettekö tällaisia?",
    ),
    Case(
        id="h-saunalahti",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<kari.laitinen@saunalahti.fi>"),
            ("From", "Kari Laitinen <kari.laitinen@saunalahti.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Syyskunnostus"),
            ("Date", "Wed, 13 Aug 2025 08:19:05 +0300"),
            ("Message-ID", "<47a52c574cee52b8.252ce151@saunalahti.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Moikka, onko teillä syyskuussa vapaata?",
    ),
    Case(
        id="h-pp-inet",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<hannu.ketola@pp.inet.fi>"),
            ("From", "Hannu Ketola <hannu.ketola@pp.inet.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Salaojitus"),
            ("Date", "Wed, 13 Aug 2025 09:40:05 +0300"),
            ("Message-ID", "<ad6f4db91e5095fb.3ea7b6f4@pp.inet.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Talon salaojat pitäisi uusia, teettekö maansiirtotöitä?",
    ),
    Case(
        id="h-icloud-fi",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<noora.lindholm@icloud.com>"),
            ("From", "Noora Lindholm <noora.lindholm@icloud.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Istutukset"),
            ("Date", "Wed, 13 Aug 2025 11:54:05 +0300"),
            ("Message-ID", "<0FACB883-778A-8BAE-9109-851499878B51@icloud.com>"),
            ("X-Mailer", "iPhone Mail (22F76)"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei! Haluaisimme istuttaa hedelmäpuita. Voisitteko auttaa?\n\nLähetetty iPhonesta",
    ),
    Case(
        id="h-gmail-lowercase-noname",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS); no display name"
        ),
        headers=(
            ("Return-Path", "<pekka.k1974@gmail.com>"),
            ("From", "pekka.k1974@gmail.com"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "pihatyöt"),
            ("Date", "Wed, 13 Aug 2025 13:15:05 +0300"),
            ("Message-ID", "<CA2C2449+9b91528b9b791e01w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="moi. tarttis apua pihan kanssa. soita 0401234567",
    ),
    Case(
        id="h-gmail-no-subject",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS); empty subject"
        ),
        headers=(
            ("Return-Path", "<jenni.aalto@gmail.com>"),
            ("From", "Jenni Aalto <jenni.aalto@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", ""),
            ("Date", "Wed, 13 Aug 2025 14:36:05 +0300"),
            ("Message-ID", "<CAD3476E+25fb348d5f115f90w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, saisinko hinta-arvion pihan laatoituksesta?",
    ),
    Case(
        id="h-gmail-encoded-subject",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS); RFC 2047 encoded subject"
        ),
        headers=(
            ("Return-Path", "<aija.jarvela@gmail.com>"),
            ("From", "=?UTF-8?Q?J=C3=A4rvel=C3=A4_=C3=84ij=C3=A4?= <aija.jarvela@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "=?UTF-8?Q?Kysymys_py=C3=B6r=C3=B6kivist=C3=A4?="),
            ("Date", "Wed, 13 Aug 2025 15:57:05 +0300"),
            ("Message-ID", "<CAB4BA10+c6a2ae775d327fcdw@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, myyttekö myös pyöreitä pihakiviä?",
    ),
    Case(
        id="h-yahoo",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<marko.rautio@yahoo.com>"),
            ("From", "Marko Rautio <marko.rautio@yahoo.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Quote for garden"),
            ("Date", "Wed, 13 Aug 2025 18:11:05 +0300"),
            ("Message-ID", "<323767796551e95a.d10ad4e6@yahoo.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, kysyisin hintaa puutarhan perustamiselle.",
    ),
    Case(
        id="h-protonmail",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<ville.kangas@proton.me>"),
            ("From", "Ville Kangas <ville.kangas@proton.me>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihasuunnittelu"),
            ("Date", "Wed, 13 Aug 2025 19:32:05 +0300"),
            ("Message-ID", "<9f9ea6d294efd569.7e949827@proton.me>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tarjoatteko myös pihasuunnittelua?",
    ),
    Case(
        id="h-welho",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<leena.harju@welho.com>"),
            ("From", "Leena Harju <leena.harju@welho.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Lehtipuhallus"),
            ("Date", "Wed, 13 Aug 2025 20:53:05 +0300"),
            ("Message-ID", "<f1cad919098b4822.f1ab2155@welho.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, olisiko mahdollista saada lehtien puhallus ja haravointi ensi viikolla?",
    ),
    Case(
        id="h-gmail-retiree-caps",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<erkki.huttunen44@gmail.com>"),
            ("From", "ERKKI HUTTUNEN <erkki.huttunen44@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "TARJOUS PYYNTÖ"),
            ("Date", "Wed, 13 Aug 2025 23:07:05 +0300"),
            ("Message-ID", "<CAE1B951+c3a05ac49d6783a8w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="HEI. HALUAISIN TARJOUKSEN PIHAN TASOITUKSESTA JA NURMIKON KYLVÖSTÄ. ERKKI",
    ),
    Case(
        id="h-gmail-plus-address",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS); +tag subaddress"
        ),
        headers=(
            ("Return-Path", "<anu.pelto+yritykset@gmail.com>"),
            ("From", "Anu Pelto <anu.pelto+yritykset@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihatyöt"),
            ("Date", "Thu, 14 Aug 2025 00:28:05 +0300"),
            ("Message-ID", "<CA35E9D5+534394e53e0853a2w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsisimme apua pihan kanssa.",
    ),
    Case(
        id="h-outlook-fi-domain",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<timo.eskola@outlook.fi>"),
            ("From", "Timo Eskola <timo.eskola@outlook.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kivituhkan levitys"),
            ("Date", "Thu, 14 Aug 2025 01:49:05 +0300"),
            (
                "Message-ID",
                "<AM0PR04MB808388FE8F473C1B3F36D870@AM0PR04MB8083.eurprd06.prod.outlook.com>",
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Paljonko maksaisi kivituhkan levitys 60 m² alueelle?",
    ),
    Case(
        id="h-live-fi",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<satu_rinne@live.fi>"),
            ("From", "Satu Rinne <satu_rinne@live.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihalaatoitus"),
            ("Date", "Thu, 14 Aug 2025 04:03:05 +0300"),
            (
                "Message-ID",
                "<AM0PR09MB73958E152E01F64AFA576B3F@AM0PR09MB7395.eurprd09.prod.outlook.com>",
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Moi, kyselisin laatoitusta terassin ympärille.",
    ),
    Case(
        id="h-anvianet",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<olavi.mattila@anvianet.fi>"),
            ("From", "Olavi Mattila <olavi.mattila@anvianet.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kesämökin piha"),
            ("Date", "Thu, 14 Aug 2025 05:24:05 +0300"),
            ("Message-ID", "<99b32aa6adb1be3b.27e56a99@anvianet.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kesämökin piha pitäisi raivata. Mökki on Nurmijärvellä.",
    ),
    Case(
        id="h-dnainternet",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<heidi.kallio@dnainternet.net>"),
            ("From", "Heidi Kallio <heidi.kallio@dnainternet.net>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "kysely"),
            ("Date", "Thu, 14 Aug 2025 06:45:05 +0300"),
            ("Message-ID", "<9b5603cdc72ce70a.ee9d1800@dnainternet.net>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, voisitteko soittaa minulle huomenna? Asia koskee pihan kiveystä.",
    ),
    Case(
        id="h-gmail-english-expat",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (English-speaking customer)"
        ),
        headers=(
            ("Return-Path", "<david.miller.fi@gmail.com>"),
            ("From", "David Miller <david.miller.fi@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Garden work in Vantaa"),
            ("Date", "Thu, 14 Aug 2025 08:06:05 +0300"),
            ("Message-ID", "<CA1FCF03+ce560bdffbcef512w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hi, I'm looking for someone to tidy up our garden in Vantaa. Do you speak English?",
    ),
    Case(
        id="h-gmail-english-uk",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<oliviaturner@hotmail.co.uk>"),
            ("From", "Olivia Turner <oliviaturner@hotmail.co.uk>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Quote request - hedge trimming"),
            ("Date", "Thu, 14 Aug 2025 10:20:05 +0300"),
            (
                "Message-ID",
                "<AM0PR02MB498836D6673126C43905FA64@AM0PR02MB4988.eurprd03.prod.outlook.com>",
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Hello, we have a summer cottage near Hyvinkää and need the hedges trimmed. Could "
            "you send a quote?"
        ),
    ),
    Case(
        id="h-gmx-de",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<jonas.becker@gmx.de>"),
            ("From", "Jonas Becker <jonas.becker@gmx.de>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Gartenarbeit / pihatyö"),
            ("Date", "Thu, 14 Aug 2025 11:41:05 +0300"),
            ("Message-ID", "<c91dd3b68ebb0414.e63c85bb@gmx.de>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei! Wir haben ein Ferienhaus in Finnland. Können Sie den Rasen mähen?",
    ),
    Case(
        id="h-sv-gmail",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (Swedish-speaking Finn)"
        ),
        headers=(
            ("Return-Path", "<anna.lindstrom@gmail.com>"),
            ("From", "Anna Lindström <anna.lindstrom@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Offertförfrågan trädgårdsarbete"),
            ("Date", "Thu, 14 Aug 2025 13:02:05 +0300"),
            ("Message-ID", "<CAD40137+79b66de0f03c30c7w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hej! Vi skulle behöva hjälp med att klippa häcken och kratta löv. Vad kostar det?",
    ),
    Case(
        id="h-sv-hotmail-se",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<erik.johansson@hotmail.se>"),
            ("From", "Erik Johansson <erik.johansson@hotmail.se>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Stenläggning"),
            ("Date", "Thu, 14 Aug 2025 15:16:05 +0300"),
            (
                "Message-ID",
                "<AM0PR04MB5549EE8843A0F2FF94EAD4BE@AM0PR04MB5549.eurprd06.prod.outlook.com>",
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hej, gör ni stenläggning av uppfarter?",
    ),
    Case(
        id="h-sv-telia-se",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<karin.berg@telia.com>"),
            ("From", "Karin Berg <karin.berg@telia.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Fråga om gräsklippning"),
            ("Date", "Thu, 14 Aug 2025 16:37:05 +0300"),
            ("Message-ID", "<21abf08ed28c705b.55035656@telia.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hej! Har ni tid att klippa gräset varje vecka i sommar?",
    ),
    Case(
        id="h-sv-kolumbus",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<mats.sjoberg@kolumbus.fi>"),
            ("From", "Mats Sjöberg <mats.sjoberg@kolumbus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Trädfällning i Borgå"),
            ("Date", "Thu, 14 Aug 2025 17:58:05 +0300"),
            ("Message-ID", "<f6ec7054a397bcbf.da947448@kolumbus.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hej, vi har två granar som behöver fällas. Skickat från min iPhone",
    ),
    Case(
        id="h-sv-multi-lang",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<birgitta.holmqvist@gmail.com>"),
            ("From", "Birgitta Holmqvist <birgitta.holmqvist@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihatyöt / Trädgårdsarbete"),
            ("Date", "Thu, 14 Aug 2025 20:12:05 +0300"),
            ("Message-ID", "<CA9B8702+cc1074c7690ec97fw@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hej! / Hei! Kan ni hjälpa oss med trädgården?",
    ),
    Case(
        id="h-co-rakennus",
        label="human",
        reason="customer",
        source="company sender via Microsoft 365 / Google Workspace (Return-Path = From)",
        headers=(
            ("Return-Path", "<pekka.salminen@rakennussalminen.fi>"),
            ("From", "Pekka Salminen <pekka.salminen@rakennussalminen.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjouspyyntö: viherrakennus As Oy Lehtola"),
            ("Date", "Thu, 14 Aug 2025 21:33:05 +0300"),
            (
                "Message-ID",
                "<AM0PR07MB707396213DF389A3AF0FA310@AM0PR07MB7073.eurprd06.prod.outlook.com>",
            ),
            ("Thread-Index", "AdsQn9aB4t0kP1eHRi2iKx8uL5cB2A=="),
            ("X-MS-Exchange-Organization-AuthAs", "Anonymous"),
            ("Content-Language", "fi-FI"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, pyydämme tarjousta viherrakennustöistä kohteeseen As Oy Lehtola.",
    ),
    Case(
        id="h-co-isannointi",
        label="human",
        reason="customer",
        source="company sender via Microsoft 365 / Google Workspace (Return-Path = From)",
        headers=(
            ("Return-Path", "<heli.makela@taloyhtio-isannointi.fi>"),
            ("From", "Heli Mäkelä <heli.makela@taloyhtio-isannointi.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Taloyhtiön pihan syyshuolto"),
            ("Date", "Thu, 14 Aug 2025 22:54:05 +0300"),
            (
                "Message-ID",
                "<AM0PR04MB11738224E16729F6D324B8A0@AM0PR04MB1173.eurprd05.prod.outlook.com>",
            ),
            ("Thread-Index", "AdsQo1aB4t0kP1eHRi2iKx8uL5cB2B=="),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsisimme tarjouksen kolmen taloyhtiön syyshuollosta.",
    ),
    Case(
        id="h-co-workspace",
        label="human",
        reason="customer",
        source="company sender via Microsoft 365 / Google Workspace (Return-Path = From)",
        headers=(
            ("Return-Path", "<johanna@virtasisustus.fi>"),
            ("From", "Johanna Virta <johanna@virtasisustus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Yhteistyö"),
            ("Date", "Fri, 15 Aug 2025 00:15:05 +0300"),
            ("Message-ID", "<a2bb00d7c24ab0c0.92e74d83@virtasisustus.fi>"),
            (
                "Authentication-Results",
                (
                    "mx.pihapalvelu.fi; dkim=pass header.d=virtasisustus.fi; spf=pass "
                    "smtp.mailfrom=virtasisustus.fi; dmarc=pass header.from=virtasisustus.fi"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei Ylermi, olisitteko kiinnostuneita alihankinnasta piharemonteissa?",
    ),
    Case(
        id="h-co-city",
        label="human",
        reason="customer",
        source=(
            "company sender via Microsoft 365 / Google Workspace (Return-Path = From) "
            "(municipality employee)"
        ),
        headers=(
            ("Return-Path", "<laura.heikkila@kaupunki.fi>"),
            ("From", "Laura Heikkilä <laura.heikkila@kaupunki.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kysely: puistoalueen niitto"),
            ("Date", "Fri, 15 Aug 2025 02:29:05 +0300"),
            (
                "Message-ID",
                "<AM0PR05MB631922B479FD154A1FD206E5@AM0PR05MB6319.eurprd05.prod.outlook.com>",
            ),
            ("Thread-Index", "AdsQp2aB4t0kP1eHRi2iKx8uL5cB2C=="),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, voisitteko antaa hinta-arvion 2 ha puistoalueen niitosta?",
    ),
    Case(
        id="h-co-xars-human",
        label="human",
        reason="customer",
        source=(
            "corpus: discourse quirks_exchange_xars.eml (human Outlook reply with "
            "X-Auto-Response-Suppress)"
        ),
        headers=(
            ("Return-Path", "<juha.leinonen@leinonenkiinteistot.fi>"),
            ("From", "Juha Leinonen <juha.leinonen@leinonenkiinteistot.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihatyöt kiinteistöillemme"),
            ("Date", "Fri, 15 Aug 2025 03:50:05 +0300"),
            (
                "Message-ID",
                "<AM0PR03MB29233AA9F741A34FF3805656@AM0PR03MB2923.eurprd08.prod.outlook.com>",
            ),
            ("X-Auto-Response-Suppress", "DR, RN, NRN, OOF, AutoReply"),
            ("Thread-Index", "AdsQq3aB4t0kP1eHRi2iKx8uL5cB2D=="),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, meillä on viisi kiinteistöä Vantaalla, joihin haemme kumppania.",
        note="customer; X-Auto-Response-Suppress asks for no auto-replies (C6)",
    ),
    Case(
        id="h-co-xars-all-human",
        label="human",
        reason="customer",
        source="AUTOREPLY_RULES.md C6 (XARS All on a human mail; ack skipped, contact kept)",
        headers=(
            ("Return-Path", "<minna.kivela@kivelarakennus.fi>"),
            ("From", "Minna Kivelä <minna.kivela@kivelarakennus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjous pihan kiveyksestä"),
            ("Date", "Fri, 15 Aug 2025 05:11:05 +0300"),
            ("Message-ID", "<82ff174b31ecb58d.d518364d@kivelarakennus.fi>"),
            ("X-Auto-Response-Suppress", "All"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, voisitteko tehdä tarjouksen kiveyksestä kohteeseemme?",
        note="customer; ack skipped per C6",
    ),
    Case(
        id="h-co-auto-submitted-no",
        label="human",
        reason="customer",
        source="RFC 3834 §5 ('Auto-Submitted: no' = manually sent)",
        headers=(
            ("Return-Path", "<kimmo.aho@ahologistiikka.fi>"),
            ("From", "Kimmo Aho <kimmo.aho@ahologistiikka.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Piha-alueen lumityöt"),
            ("Date", "Fri, 15 Aug 2025 07:25:05 +0300"),
            ("Message-ID", "<8842837d7c34853a.9f887991@ahologistiikka.fi>"),
            ("Auto-Submitted", "no"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsemme lumityöt varastoalueelle talveksi.",
    ),
    Case(
        id="h-batv-rakennus",
        label="human",
        reason="batv_customer",
        source=(
            "BATV draft-levine-smtp-batv (prvs=KDDDSSSSSS=local@domain; Barracuda, Cisco "
            "IronPort, Proofpoint sign envelopes this way)"
        ),
        headers=(
            ("Return-Path", "<prvs=1218b4c3f2=pekka@rakennus.fi>"),
            ("From", "Pekka Nieminen <pekka@rakennus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjouspyyntö: pihatyöt uudiskohteeseen"),
            ("Date", "Fri, 15 Aug 2025 08:46:05 +0300"),
            ("Message-ID", "<9ec8f420361a2066.5a779ecc@rakennus.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsemme viherrakentajan uudiskohteeseen Keravalle.",
        note=(
            "trap: envelope local part is 'prvs=…=pekka'; strip BATV before comparing "
            "Return-Path with From"
        ),
    ),
    Case(
        id="h-batv-insurance",
        label="human",
        reason="batv_customer",
        source=(
            "BATV draft-levine-smtp-batv (prvs=KDDDSSSSSS=local@domain; Barracuda, Cisco "
            "IronPort, Proofpoint sign envelopes this way)"
        ),
        headers=(
            ("Return-Path", "<prvs=0229a1f7c0=sanna.kiiski@vakuutus-esimerkki.fi>"),
            ("From", "Sanna Kiiski <sanna.kiiski@vakuutus-esimerkki.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Vahinkokohteen pihan korjaus"),
            ("Date", "Fri, 15 Aug 2025 10:07:05 +0300"),
            ("Message-ID", "<1a06720f5a9776ee.6049aecb@vakuutus-esimerkki.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, asiakkaamme pihalla on myrskyvahinko. Voitteko tehdä kustannusarvion?",
    ),
    Case(
        id="h-batv-uppercase",
        label="human",
        reason="batv_customer",
        source=(
            "BATV draft-levine-smtp-batv (prvs=KDDDSSSSSS=local@domain; Barracuda, Cisco "
            "IronPort, Proofpoint sign envelopes this way) (PRVS upper case seen from some "
            "gateways)"
        ),
        headers=(
            ("Return-Path", "<PRVS=5331c0ffee=tapio.ranta@rantatekniikka.fi>"),
            ("From", "Tapio Ranta <tapio.ranta@rantatekniikka.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kiinteistön piha-alue"),
            ("Date", "Fri, 15 Aug 2025 12:21:05 +0300"),
            ("Message-ID", "<51255385bff747d4.53962251@rantatekniikka.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Moi, tarvitsisimme piha-alueen kunnostusta.",
        note="trap: BATV prefix in upper case",
    ),
    Case(
        id="h-batv-ironport-msprvs",
        label="human",
        reason="batv_customer",
        source=(
            "BATV draft-levine-smtp-batv (prvs=KDDDSSSSSS=local@domain; Barracuda, Cisco "
            "IronPort, Proofpoint sign envelopes this way) (msprvs1= variant)"
        ),
        headers=(
            ("Return-Path", "<msprvs1=19821kPB5LqcQ=bounces-71121@lainetoimisto.fi>"),
            ("From", "Eeva Laine <eeva.laine@lainetoimisto.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Toimiston sisäpiha"),
            ("Date", "Fri, 15 Aug 2025 13:42:05 +0300"),
            ("Message-ID", "<519f4aacb66afd22.06707960@lainetoimisto.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, toimistomme sisäpiha kaipaisi istutuksia.",
        note="trap: envelope does not contain the person's local part at all; same domain as From",
    ),
    Case(
        id="h-batv-sv",
        label="human",
        reason="batv_customer",
        source=(
            "BATV draft-levine-smtp-batv (prvs=KDDDSSSSSS=local@domain; Barracuda, Cisco "
            "IronPort, Proofpoint sign envelopes this way)"
        ),
        headers=(
            ("Return-Path", "<prvs=0361e2d4a9=lars.nystrom@nystromab.se>"),
            ("From", "Lars Nyström <lars.nystrom@nystromab.se>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Trädgårdsskötsel sommarstuga"),
            ("Date", "Fri, 15 Aug 2025 15:03:05 +0300"),
            ("Message-ID", "<3005bdbbf7fde2fc.cce3f320@nystromab.se>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hej, vi har en sommarstuga i Ekenäs som behöver skötas.",
    ),
    Case(
        id="h-batv-reversed",
        label="human",
        reason="batv_customer",
        source=(
            "BATV draft-levine-smtp-batv (prvs=KDDDSSSSSS=local@domain; Barracuda, Cisco "
            "IronPort, Proofpoint sign envelopes this way) (local first, tag after: some "
            "gateways)"
        ),
        headers=(
            ("Return-Path", "<reijo=prvs=0461d2e9b7@kemppainen-oy.fi>"),
            ("From", "Reijo Kemppainen <reijo@kemppainen-oy.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihan asfaltointi"),
            ("Date", "Fri, 15 Aug 2025 17:17:05 +0300"),
            ("Message-ID", "<98df9338594a3fc8.98ec53f2@kemppainen-oy.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsemme pihan asfaltoinnin hintaa.",
        note="trap: tag after the local part",
    ),
    Case(
        id="h-srs-alias-forward",
        label="human",
        reason="srs_customer",
        source=(
            "SRS (libsrs2/postsrsd): SRS0=HHHH=TT=orig-domain=orig-local@forwarder; owner's "
            "info@ alias forwarded by the registrar"
        ),
        headers=(
            ("Return-Path", "<SRS0=kL3x=Q7=gmail.com=liisa.korhonen@forward.domainhotelli.fi>"),
            ("From", "Liisa Korhonen <liisa.korhonen@gmail.com>"),
            ("To", "info@pihapalvelu.fi"),
            ("Subject", "Tarjous puiden kaatamisesta"),
            ("Date", "Fri, 15 Aug 2025 18:38:05 +0300"),
            ("Message-ID", "<CA7267C7+7a0541bbfa596ed2w@mail.gmail.com>"),
            ("Delivered-To", "ylermi@pihapalvelu.fi"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei! Pihalla on kolme isoa kuusta, jotka pitäisi kaataa.",
        note=(
            "trap: SRS0 envelope at the forwarder; decode SRS (gmail.com / liisa.korhonen) "
            "before comparing; To is an alias"
        ),
    ),
    Case(
        id="h-srs-iki-fi",
        label="human",
        reason="srs_customer",
        source=(
            "SRS (libsrs2/postsrsd): SRS0=HHHH=TT=orig-domain=orig-local@forwarder; iki.fi "
            "permanent forwarding address"
        ),
        headers=(
            ("Return-Path", "<SRS0=Zx9a=Q8=iki.fi=risto.ahola@forward.iki.fi>"),
            ("From", "Risto Ahola <risto.ahola@iki.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihakivetys"),
            ("Date", "Fri, 15 Aug 2025 19:59:05 +0300"),
            ("Message-ID", "<966a5b0a34baed13.0a985a71@iki.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Moi, haluaisin kivetyksen autokatokseen.",
    ),
    Case(
        id="h-srs-gworkspace",
        label="human",
        reason="srs_customer",
        source=(
            "SRS (libsrs2/postsrsd): SRS0=HHHH=TT=orig-domain=orig-local@forwarder; Google "
            "Workspace group forward"
        ),
        headers=(
            ("Return-Path", "<SRS0=AbCd=Q9=elisanet.fi=kaisa.honkanen@pihapalvelu.fi>"),
            ("From", "Kaisa Honkanen <kaisa.honkanen@elisanet.fi>"),
            ("To", "tarjoukset@pihapalvelu.fi"),
            ("Subject", "Nurmikon kunnostus"),
            ("Date", "Fri, 15 Aug 2025 21:20:05 +0300"),
            ("Message-ID", "<9afbfe3008e2bad9.77009b1e@elisanet.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Nurmikko on sammaloitunut, mitä voisi tehdä?",
    ),
    Case(
        id="h-srs1-double",
        label="human",
        reason="srs_customer",
        source=(
            "SRS (libsrs2/postsrsd): SRS0=HHHH=TT=orig-domain=orig-local@forwarder; SRS1 after "
            "two forwards"
        ),
        headers=(
            (
                "Return-Path",
                (
                    "<SRS1=Yy7q=forward.domainhotelli.fi==SRS0=tT2m=QA=outlook.com=ilkk"
                    "a.saari@mx.pihapalvelu.fi>"
                ),
            ),
            ("From", "Ilkka Saari <ilkka.saari@outlook.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kysely kiveyksestä"),
            ("Date", "Fri, 15 Aug 2025 23:34:05 +0300"),
            (
                "Message-ID",
                "<AM0PR06MB4147B0CB83442CDFB013EEA2@AM0PR06MB4147.eurprd04.prod.outlook.com>",
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, mitä maksaa kiveys neliöltä?",
        note="trap: SRS1 double forward",
    ),
    Case(
        id="h-srs-sv",
        label="human",
        reason="srs_customer",
        source="SRS (libsrs2/postsrsd): SRS0=HHHH=TT=orig-domain=orig-local@forwarder",
        headers=(
            ("Return-Path", "<SRS0=Pq1z=QB=gmail.com=sofia.ekman@relay.pihapalvelu.fi>"),
            ("From", "Sofia Ekman <sofia.ekman@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Fråga om häckklippning"),
            ("Date", "Sat, 16 Aug 2025 00:55:05 +0300"),
            ("Message-ID", "<CA9548BF+ff93802ccda887b8w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hej! Klipper ni häckar i Sibbo?",
    ),
    Case(
        id="r-webshop-order-verp",
        label="robot",
        reason="transactional",
        source=(
            "closing review (issue 14): a webshop's order confirmation through SendGrid on its "
            "own em.<domain> bounce subdomain; the envelope names the recipient (VERP)"
        ),
        headers=(
            ("Return-Path", "<bounces+3312877-a41c-ylermi=pihapalvelu.fi@em7702.vihreapuutarha.fi>"),
            ("From", "Vihreä Puutarha <info@vihreapuutarha.fi>"),
            ("To", "ylermi@pihapalvelu.fi"),
            ("Subject", "Tilausvahvistus #100423"),
            ("Date", "Sat, 16 Aug 2025 01:02:05 +0300"),
            ("Message-ID", "<c2f1a9e0d4b7.100423@vihreapuutarha.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kiitos tilauksestasi! Tilauksesi #100423 on vastaanotettu ja käsittelemme sen pian.",
        note="no List-*, no Auto-Submitted: only a shop's role address and a recipient-VERP",
    ),
    Case(
        id="r-shop-receipt-verp-sv",
        label="robot",
        reason="transactional",
        source="common pattern: a Swedish webshop through Mailgun (bounce+<id>-<rcpt>=<domain>@mg.)",
        headers=(
            ("Return-Path", "<bounce+5d1e2f.77aa-ylermi=pihapalvelu.fi@mg.tradgardsbutiken.se>"),
            ("From", "Trädgårdsbutiken <order@tradgardsbutiken.se>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Orderbekräftelse 55120"),
            ("Date", "Sat, 16 Aug 2025 01:40:05 +0300"),
            ("Message-ID", "<55120.8d1f@tradgardsbutiken.se>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tack för din beställning! Vi skickar varorna inom två arbetsdagar.",
    ),
    Case(
        id="h-bounce-subdomain-rakennus",
        label="human",
        reason="bounce_subdomain_customer",
        source=(
            "company envelope on its own bounce subdomain (VERP-style); Return-Path "
            "organisational domain = From domain"
        ),
        headers=(
            ("Return-Path", "<bounce+7f3a9c.pekka=rakennus.fi@bounces.rakennus.fi>"),
            ("From", "Pekka Lahti <pekka@rakennus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjouspyyntö viheralueista"),
            ("Date", "Sat, 16 Aug 2025 02:16:05 +0300"),
            ("Message-ID", "<88ca43336473d785.24e83ff1@rakennus.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, pyydämme tarjouksen viheralueiden hoidosta 2026.",
        note=(
            "trap: local part 'bounce+…' matches today's ROBOT_LOCAL_PART; organisational domain "
            "equals From's"
        ),
    ),
    Case(
        id="h-bounce-subdomain-mail",
        label="human",
        reason="bounce_subdomain_customer",
        source=(
            "company envelope on its own bounce subdomain (VERP-style); Return-Path "
            "organisational domain = From domain"
        ),
        headers=(
            ("Return-Path", "<tuomas.ilola@mail.ilolakoneet.fi>"),
            ("From", "Tuomas Ilola <tuomas.ilola@ilolakoneet.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Työmaan siivous"),
            ("Date", "Sat, 16 Aug 2025 04:30:05 +0300"),
            ("Message-ID", "<7bf213495bae504f.ec0568cc@ilolakoneet.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsisimme työmaan piha-alueen siivouksen.",
    ),
    Case(
        id="h-bounce-subdomain-em",
        label="human",
        reason="bounce_subdomain_customer",
        source=(
            "company envelope on its own bounce subdomain (VERP-style); Return-Path "
            "organisational domain = From domain (CRM 1:1 mail through SendGrid on em.<domain>)"
        ),
        headers=(
            ("Return-Path", "<bounces+2208331-7c1e-ylermi=pihapalvelu.fi@em4821.koivistokodit.fi>"),
            ("From", "Mira Koivisto <mira.koivisto@koivistokodit.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Piha-alueiden hoito uudiskohteessa"),
            ("Date", "Sat, 16 Aug 2025 05:51:05 +0300"),
            ("Message-ID", "<08f1954e1feccdad.2ae1bcc2@koivistokodit.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei Ylermi, voisitko tehdä tarjouksen viherhoidosta?",
        note=(
            "trap: 'bounces+…' envelope on em4821.<from-domain> (SendGrid branded link); still a "
            "person"
        ),
    ),
    Case(
        id="h-bounce-subdomain-bmail",
        label="human",
        reason="bounce_subdomain_customer",
        source=(
            "company envelope on its own bounce subdomain (VERP-style); Return-Path "
            "organisational domain = From domain"
        ),
        headers=(
            ("Return-Path", "<antti=virolainen.fi@b.virolainen.fi>"),
            ("From", "Antti Virolainen <antti@virolainen.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kysely"),
            ("Date", "Sat, 16 Aug 2025 07:12:05 +0300"),
            ("Message-ID", "<8c71e98e7ee7a40c.4863594e@virolainen.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, kyselisin pihan kuivatuksesta.",
    ),
    Case(
        id="h-role-info-local",
        label="human",
        reason="role_name_customer",
        source="real person writing from a role address or with a role word in the display name",
        headers=(
            ("Return-Path", "<info@kukkakaupparuusu.fi>"),
            ("From", "Kukkakauppa Ruusu <info@kukkakaupparuusu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Liikkeen edustan istutukset"),
            ("Date", "Sat, 16 Aug 2025 09:26:05 +0300"),
            ("Message-ID", "<66171da45f772e69.c04dede3@kukkakaupparuusu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei! Haluaisimme tarjouksen liikkeemme edustan kesäistutuksista. T. Marjut",
    ),
    Case(
        id="h-role-asiakaspalvelu-name",
        label="human",
        reason="role_name_customer",
        source="real person writing from a role address or with a role word in the display name",
        headers=(
            ("Return-Path", "<asiakaspalvelu@torikulma.fi>"),
            ("From", "Asiakaspalvelu / Kiinteistö Oy Torikulma <asiakaspalvelu@torikulma.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjouspyyntö: sisäpihan kunnostus"),
            ("Date", "Sat, 16 Aug 2025 10:47:05 +0300"),
            ("Message-ID", "<e4645b690179ad6d.24edd385@torikulma.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Hyvä vastaanottaja, pyydämme tarjousta sisäpihan kunnostuksesta. Ystävällisin "
            "terveisin, Jaana Mikkola"
        ),
    ),
    Case(
        id="h-role-toimisto",
        label="human",
        reason="role_name_customer",
        source="real person writing from a role address or with a role word in the display name",
        headers=(
            ("Return-Path", "<toimisto@tilitoimistohakala.fi>"),
            ("From", "Toimisto <toimisto@tilitoimistohakala.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihan lumityöt"),
            ("Date", "Sat, 16 Aug 2025 12:08:05 +0300"),
            ("Message-ID", "<e29bd4859560d531.f2197a15@tilitoimistohakala.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tilitoimistomme pihan lumityöt pitäisi järjestää. t. Eija",
    ),
    Case(
        id="h-role-myynti",
        label="human",
        reason="role_name_customer",
        source="real person writing from a role address or with a role word in the display name",
        headers=(
            ("Return-Path", "<myynti@kinnusenpuu.fi>"),
            ("From", "Myynti | Puutavara Kinnunen <myynti@kinnusenpuu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Yhteistyötarjous"),
            ("Date", "Sat, 16 Aug 2025 13:29:05 +0300"),
            ("Message-ID", "<1ad2f89dc8fe2988.32d575c3@kinnusenpuu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Moi Ylermi! Olisiko teillä tarvetta terassilaudoille? Soitellaan, Jari",
    ),
    Case(
        id="h-role-noreen",
        label="human",
        reason="role_name_customer",
        source=(
            "real person writing from a role address or with a role word in the display name "
            "(display name looks like a role/robot word)"
        ),
        headers=(
            ("Return-Path", "<hannele.nurmi@gmail.com>"),
            ("From", "Info Hannele Nurmi <hannele.nurmi@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "info"),
            ("Date", "Sat, 16 Aug 2025 15:43:05 +0300"),
            ("Message-ID", "<CA092F62+638c19102ffd9c7cw@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, haluaisin infoa palveluistanne ja hinnoista.",
    ),
    Case(
        id="h-role-notifications-word",
        label="human",
        reason="role_name_customer",
        source=(
            "real person writing from a role address or with a role word in the display name "
            "(subject words like 'ilmoitus' from a person)"
        ),
        headers=(
            ("Return-Path", "<markku.rinne@kolumbus.fi>"),
            ("From", "Markku Rinne <markku.rinne@kolumbus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Ilmoitus: haluan tarjouksen"),
            ("Date", "Sat, 16 Aug 2025 17:04:05 +0300"),
            ("Message-ID", "<43d0796403058415.c6879938@kolumbus.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, ilmoitan kiinnostukseni pihatöihin. Soita 050 765 4321.",
    ),
    Case(
        id="h-role-hallitus",
        label="human",
        reason="role_name_customer",
        source=(
            "real person writing from a role address or with a role word in the display name "
            "(housing board chair, one recipient)"
        ),
        headers=(
            ("Return-Path", "<hallitus@kivipuisto.fi>"),
            ("From", "As Oy Kivipuisto, hallitus <hallitus@kivipuisto.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Ari Pesonen <ari.pesonen@gmail.com>"),
            ("Subject", "Pihan peruskorjaus 2026"),
            ("Date", "Sat, 16 Aug 2025 18:25:05 +0300"),
            ("Message-ID", "<01012d1b9061799c.c981a9da@kivipuisto.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Hei, taloyhtiömme hallitus pyytää tarjousta. Vastaathan puheenjohtajalle Ari "
            "Pesoselle."
        ),
        note="customer; Reply-To is the chair; ack skipped or sent to From only by policy",
    ),
    Case(
        id="h-role-postmaster-lookalike",
        label="human",
        reason="role_name_customer",
        source=(
            "real person writing from a role address or with a role word in the display name "
            "(local part 'posti' = Finnish for mail, not postmaster)"
        ),
        headers=(
            ("Return-Path", "<posti@hakalanmaatila.fi>"),
            ("From", "Riitta Hakala <posti@hakalanmaatila.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihatie"),
            ("Date", "Sat, 16 Aug 2025 20:39:05 +0300"),
            ("Message-ID", "<481fcda4f40ac709.6acc4725@hakalanmaatila.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, maatilan pihatie pitäisi sorastaa.",
        note="'posti' is not 'postmaster'",
    ),
    Case(
        id="h-kiitos-short",
        label="human",
        reason="followup",
        source="human follow-up (In-Reply-To our mail); not a new contact: D1 FOLLOWUP",
        headers=(
            ("Return-Path", "<liisa.korhonen@gmail.com>"),
            ("From", "Liisa Korhonen <liisa.korhonen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Re: Tarjous pihakivetyksestä"),
            ("Date", "Sat, 16 Aug 2025 22:00:05 +0300"),
            ("Message-ID", "<CA74A7EC+946fbbc852241a43w@mail.gmail.com>"),
            ("In-Reply-To", "<CAOwnerReply123@pihapalvelu.fi>"),
            ("References", "<CAKp1x9dFJ8@mail.gmail.com> <CAOwnerReply123@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kiitos!",
        note="human, but a FOLLOWUP (not a first contact): no ack",
    ),
    Case(
        id="h-kiitos-vs",
        label="human",
        reason="followup",
        source=(
            "human follow-up (In-Reply-To our mail); not a new contact: D1 FOLLOWUP (Outlook fi "
            "'VS:')"
        ),
        headers=(
            ("Return-Path", "<pekka.salminen@rakennussalminen.fi>"),
            ("From", "Pekka Salminen <pekka.salminen@rakennussalminen.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "VS: Tarjouspyyntö: viherrakennus As Oy Lehtola"),
            ("Date", "Sat, 16 Aug 2025 23:21:05 +0300"),
            (
                "Message-ID",
                "<AM0PR06MB97245D99AC304E94723E0B6E@AM0PR06MB9724.eurprd03.prod.outlook.com>",
            ),
            ("In-Reply-To", "<vasteaika-ack.0b1c2d3e@pihapalvelu.fi>"),
            ("Thread-Index", "AdsQn9aB4t0kP1eHRi2iKx8uL5cB2AAAbcd="),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kiitos, odotan soittoa.",
        note="human follow-up to our own ack (D3); no new ack",
    ),
    Case(
        id="h-ok-sounds-good",
        label="human",
        reason="followup",
        source="human follow-up (In-Reply-To our mail); not a new contact: D1 FOLLOWUP",
        headers=(
            ("Return-Path", "<david.miller.fi@gmail.com>"),
            ("From", "David Miller <david.miller.fi@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Re: Garden work in Vantaa"),
            ("Date", "Sun, 17 Aug 2025 01:35:05 +0300"),
            ("Message-ID", "<CA6C3FF2+c39581c8e612918dw@mail.gmail.com>"),
            ("In-Reply-To", "<owner.2025081@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Great, thanks!",
        note="human follow-up; no ack",
    ),
    Case(
        id="h-kiitos-new-thread",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (short thanks as a new thread, no In-Reply-To)"
        ),
        headers=(
            ("Return-Path", "<aila.toivonen@luukku.com>"),
            ("From", "Aila Toivonen <aila.toivonen@luukku.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kiitos"),
            ("Date", "Sun, 17 Aug 2025 02:56:05 +0300"),
            ("Message-ID", "<d5b38cc5ff7ec6ff.d0830435@luukku.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Kiitos hyvästä työstä eilen! Piha näyttää upealta.",
    ),
    Case(
        id="h-sv-tack",
        label="human",
        reason="followup",
        source="human follow-up (In-Reply-To our mail); not a new contact: D1 FOLLOWUP",
        headers=(
            ("Return-Path", "<anna.lindstrom@gmail.com>"),
            ("From", "Anna Lindström <anna.lindstrom@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "SV: Offertförfrågan trädgårdsarbete"),
            ("Date", "Sun, 17 Aug 2025 04:17:05 +0300"),
            ("Message-ID", "<CA4F7460+8ad702681b56cc5cw@mail.gmail.com>"),
            ("In-Reply-To", "<owner.2025082@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tack så mycket!",
        note="human follow-up; no ack",
    ),
    Case(
        id="h-auto-word-in-human-subject",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (subject starts with 'Auto' but is about a car: RFC 3834 "
            "§3.1.5 'Auto:' is not proof)"
        ),
        headers=(
            ("Return-Path", "<jarmo.lehto@gmail.com>"),
            ("From", "Jarmo Lehto <jarmo.lehto@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Auto: pihaan tarvittaisiin autokatoksen perustus"),
            ("Date", "Sun, 17 Aug 2025 05:38:05 +0300"),
            ("Message-ID", "<CA453E3C+f65366b3210da2fdw@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsisin autokatokselle perustuksen ja pihan tasauksen.",
        note="trap: today's OUT_OF_OFFICE_PREFIXES contains 'auto' followed by ':'",
    ),
    Case(
        id="h-poissa-word-human",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (the word 'lomalla' in a real request)"
        ),
        headers=(
            ("Return-Path", "<helena.virtanen@gmail.com>"),
            ("From", "Helena Virtanen <helena.virtanen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Olen lomalla heinäkuussa – voisitteko hoitaa pihan silloin?"),
            ("Date", "Sun, 17 Aug 2025 07:52:05 +0300"),
            ("Message-ID", "<CA3DD41F+7b5d75fb1bf1f6c0w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, olemme poissa koko heinäkuun. Voisitteko leikata nurmikon sinä aikana?",
        note="trap: subject starts with 'Olen lomalla' (an OOF phrase) but it is a request",
    ),
    Case(
        id="h-fwd-iphone",
        label="human",
        reason="phone_forward",
        source="human forward/mail from a mobile client (signature line from the client)",
        headers=(
            ("Return-Path", "<noora.lindholm@icloud.com>"),
            ("From", "Noora Lindholm <noora.lindholm@icloud.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "VL: Pihasuunnitelma naapurilta"),
            ("Date", "Sun, 17 Aug 2025 09:13:05 +0300"),
            ("Message-ID", "<31B6D61C-9B42-64DA-F076-E7B244E8ED68@icloud.com>"),
            ("X-Mailer", "iPhone Mail (22F76)"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Katso tätä, voisitteko tehdä samanlaisen?\n\nLähetetty iPhonesta\n\nAlkuperäinen "
            "viesti alkaa:"
        ),
    ),
    Case(
        id="h-fwd-android",
        label="human",
        reason="phone_forward",
        source="human forward/mail from a mobile client (signature line from the client)",
        headers=(
            ("Return-Path", "<timo.eskola@outlook.fi>"),
            ("From", "Timo Eskola <timo.eskola@outlook.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Fwd: Tarjous kilpailijalta"),
            ("Date", "Sun, 17 Aug 2025 10:34:05 +0300"),
            (
                "Message-ID",
                "<AM0PR04MB1844D69D883508D18AC98225@AM0PR04MB1844.eurprd04.prod.outlook.com>",
            ),
            ("X-Mailer", "Outlook for Android"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Pystyttekö parempaan hintaan?\n\nHanki Outlook for Android",
    ),
    Case(
        id="h-fwd-samsung",
        label="human",
        reason="phone_forward",
        source="human forward/mail from a mobile client (signature line from the client)",
        headers=(
            ("Return-Path", "<sami.rauhala@gmail.com>"),
            ("From", "Sami Rauhala <sami.rauhala@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Fwd: Kuvat pihasta"),
            ("Date", "Sun, 17 Aug 2025 12:48:05 +0300"),
            ("Message-ID", "<CA3449C6+4c16689c51d82ccaw@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Tässä kuvat pihasta.\n\nLähetetty Samsung Galaxy -älypuhelimesta.\n\n-------- "
            "Alkuperäinen viesti --------"
        ),
    ),
    Case(
        id="h-fwd-sv-iphone",
        label="human",
        reason="phone_forward",
        source="human forward/mail from a mobile client (signature line from the client)",
        headers=(
            ("Return-Path", "<mats.sjoberg@kolumbus.fi>"),
            ("From", "Mats Sjöberg <mats.sjoberg@kolumbus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "VB: Bilder på trädgården"),
            ("Date", "Sun, 17 Aug 2025 14:09:05 +0300"),
            ("Message-ID", "<9406baa12def4388.131bc4a3@kolumbus.fi>"),
            ("X-Mailer", "iPhone Mail (21G93)"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Här är bilderna.\n\nSkickat från min iPhone",
    ),
    Case(
        id="h-fwd-wife-husband",
        label="human",
        reason="phone_forward",
        source=(
            "human forward/mail from a mobile client (signature line from the client) (forward "
            "of spouse's mail; From is the sender)"
        ),
        headers=(
            ("Return-Path", "<kari.laitinen@saunalahti.fi>"),
            ("From", "Kari Laitinen <kari.laitinen@saunalahti.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "VL: Pihakivetys tarjous"),
            ("Date", "Sun, 17 Aug 2025 15:30:05 +0300"),
            ("Message-ID", "<1876c8f0f757f232.ce7a62f6@saunalahti.fi>"),
            ("X-Mailer", "Microsoft Outlook 16.0"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Vaimo pyysi laittamaan tämän eteenpäin. Soitatteko?\n\nLähettäjä: Maarit Laitinen",
    ),
    Case(
        id="h-gmail-mobile-short",
        label="human",
        reason="phone_forward",
        source="human forward/mail from a mobile client (signature line from the client)",
        headers=(
            ("Return-Path", "<joonas.heino@gmail.com>"),
            ("From", "Joonas Heino <joonas.heino@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihatyöt"),
            ("Date", "Sun, 17 Aug 2025 17:44:05 +0300"),
            ("Message-ID", "<CA4A8AF4+f71cf79e4463686fw@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Moi voitko soittaa\n\nLähetetty Android-laitteesta",
    ),
    Case(
        id="h-rp-equal-gmail",
        label="human",
        reason="return_path_equals_from",
        source="Return-Path equal to From (RFC 3834 §4 safe destination)",
        headers=(
            ("Return-Path", "<outi.niemi@gmail.com>"),
            ("From", "Outi Niemi <outi.niemi@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Syksyn istutukset"),
            ("Date", "Sun, 17 Aug 2025 19:05:05 +0300"),
            ("Message-ID", "<CAA77C5D+f7a8b34b18e9ca1fw@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, haluaisin istuttaa tulppaanin sipuleita.",
    ),
    Case(
        id="h-rp-equal-case-diff",
        label="human",
        reason="return_path_equals_from",
        source="Return-Path equal to From (RFC 3834 §4 safe destination) (differs only in case)",
        headers=(
            ("Return-Path", "<pentti.kallio@kolumbus.fi>"),
            ("From", "Pentti Kallio <Pentti.Kallio@Kolumbus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kysymys"),
            ("Date", "Sun, 17 Aug 2025 20:26:05 +0300"),
            ("Message-ID", "<84f55bda87a3d4b6.86c75015@kolumbus.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Paljonko maksaa nurmikon leikkuu?",
    ),
    Case(
        id="h-rp-equal-company",
        label="human",
        reason="return_path_equals_from",
        source="Return-Path equal to From (RFC 3834 §4 safe destination)",
        headers=(
            ("Return-Path", "<janne.oksanen@oksasenmaalaus.fi>"),
            ("From", "Janne Oksanen <janne.oksanen@oksasenmaalaus.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Alihankinta"),
            ("Date", "Sun, 17 Aug 2025 21:47:05 +0300"),
            ("Message-ID", "<972b93c4f3e80daa.9a340530@oksasenmaalaus.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsemme pihatyöhön alihankkijan kohteeseen Järvenpäässä.",
    ),
    Case(
        id="h-rp-equal-icloud-me",
        label="human",
        reason="return_path_equals_from",
        source="Return-Path equal to From (RFC 3834 §4 safe destination)",
        headers=(
            ("Return-Path", "<tuija.kettunen@me.com>"),
            ("From", "Tuija Kettunen <tuija.kettunen@me.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihan laatoitus"),
            ("Date", "Mon, 18 Aug 2025 00:01:05 +0300"),
            ("Message-ID", "<3290756C-962D-7960-D21B-019AFAACDDC5@icloud.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei! Kysyisin laatoituksesta.",
    ),
    Case(
        id="h-missing-return-path",
        label="human",
        reason="customer",
        source=(
            "RFC 3834 §4 (no Return-Path: classify as contact, don't guess an ack address); test "
            "APPEND shape"
        ),
        headers=(
            ("From", "Sirpa Lahtinen <sirpa.lahtinen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjouspyyntö"),
            ("Date", "Mon, 18 Aug 2025 01:22:05 +0300"),
            ("Message-ID", "<CA2A077B+c75333bac429302dw@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, pyydän tarjousta pihan kunnostuksesta.",
        note="customer, but RFC 3834 §4: no ack address without Return-Path",
    ),
    Case(
        id="h-cc-owner",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (owner only in Cc)"
        ),
        headers=(
            ("Return-Path", "<heikki.laakso@gmail.com>"),
            ("From", "Heikki Laakso <heikki.laakso@gmail.com>"),
            ("To", "Marja Laakso <marja.laakso@gmail.com>"),
            ("Cc", "ylermi@pihapalvelu.fi"),
            ("Subject", "Pihaprojekti"),
            ("Date", "Mon, 18 Aug 2025 02:43:05 +0300"),
            ("Message-ID", "<CAC23AEF+c025d4cc5570e4ebw@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Marja, laitoin Ylermin kopioksi. Ylermi, voisitko soittaa meille?",
        note="customer; owner in Cc counts as addressed",
    ),
    Case(
        id="h-two-recipients",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (asks two contractors at once; not a broadcast)"
        ),
        headers=(
            ("Return-Path", "<olli.kivinen@gmail.com>"),
            ("From", "Olli Kivinen <olli.kivinen@gmail.com>"),
            ("To", "ylermi@pihapalvelu.fi, info@toinenpihafirma.fi"),
            ("Subject", "Tarjouspyyntö: pihan kivetys"),
            ("Date", "Mon, 18 Aug 2025 04:57:05 +0300"),
            ("Message-ID", "<CACA81EB+2b86d39cd9672700w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, pyydän tarjoukset kivetyksestä, n. 50 m².",
        note="customer; two recipients is not a broadcast",
    ),
    Case(
        id="h-reply-to-spouse",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (Reply-To another person: ack skipped by C5, still a "
            "customer)"
        ),
        headers=(
            ("Return-Path", "<matti.saarinen@gmail.com>"),
            ("From", "Matti Saarinen <matti.saarinen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Kirsi Saarinen <kirsi.saarinen@gmail.com>"),
            ("Subject", "Piha"),
            ("Date", "Mon, 18 Aug 2025 06:18:05 +0300"),
            ("Message-ID", "<CA6887BC+817fe8d0167f0899w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Vastatkaa vaimolleni, hän hoitaa asian.",
        note="customer; ack skipped (reply-to-elsewhere)",
    ),
    Case(
        id="h-html-only",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (HTML-only body)"
        ),
        headers=(
            ("Return-Path", "<minna.kulmala@hotmail.com>"),
            ("From", "Minna Kulmala <minna.kulmala@hotmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihasuunnitelma"),
            ("Date", "Mon, 18 Aug 2025 07:39:05 +0300"),
            (
                "Message-ID",
                "<AM0PR03MB11192F94EC1E6CCC47EA9BA8@AM0PR03MB1119.eurprd01.prod.outlook.com>",
            ),
            ("Content-Type", 'text/html; charset="utf-8"'),
        ),
        body="<div>Hei, haluaisin pihasuunnitelman.</div>",
    ),
    Case(
        id="h-attachment-photos",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (photos attached)"
        ),
        headers=(
            ("Return-Path", "<jouni.harju@gmail.com>"),
            ("From", "Jouni Harju <jouni.harju@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kuvia pihasta"),
            ("Date", "Mon, 18 Aug 2025 09:53:05 +0300"),
            ("Message-ID", "<CADEC723+bb3723e1318cf260w@mail.gmail.com>"),
            ("Content-Type", 'multipart/mixed; boundary="000000000000b5e1"'),
        ),
        body="Liitteenä kuvia. Mitä tämä maksaisi?",
    ),
    Case(
        id="h-old-date",
        label="human",
        reason="customer",
        source="corpus: discourse no_date/from_the_future shapes (human mail with odd Date)",
        headers=(
            ("Return-Path", "<arto.maki@gmail.com>"),
            ("From", "Arto Mäki <arto.maki@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjous"),
            ("Date", "Mon, 01 Jan 2024 00:00:00 +0000"),
            ("Message-ID", "<CAF79990+a8257e2aee5fbbaew@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsen tarjouksen.",
        note="customer; old Date means backlog: no ack",
    ),
    Case(
        id="h-no-message-id",
        label="human",
        reason="customer",
        source="corpus: discourse missing_message_id (human mail without Message-ID)",
        headers=(
            ("Return-Path", "<salla.niskanen@elisanet.fi>"),
            ("From", "Salla Niskanen <salla.niskanen@elisanet.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kysely pihatyöstä"),
            ("Date", "Mon, 18 Aug 2025 12:35:05 +0300"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, olisiko teillä aikaa ensi viikolla?",
    ),
    Case(
        id="h-8bit-umlauts",
        label="human",
        reason="customer",
        source="corpus: discourse reply_with_8bit_encoding (8bit umlauts)",
        headers=(
            ("Return-Path", "<vaino.aijala@gmail.com>"),
            ("From", "Väinö Äijälä <vaino.aijala@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pyöröovet ja pihan öljyäminen"),
            ("Date", "Mon, 18 Aug 2025 13:56:05 +0300"),
            ("Message-ID", "<CA0A0B42+a7d7699abc087cc4w@mail.gmail.com>"),
            ("Content-Transfer-Encoding", "8bit"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, öljyättekö myös pihakalusteita?",
    ),
    Case(
        id="h-windows-1252",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (old client, ISO-8859-1)"
        ),
        headers=(
            ("Return-Path", "<eino.makela@mbnet.fi>"),
            ("From", "Eino Mäkelä <eino.makela@mbnet.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihatyöt"),
            ("Date", "Mon, 18 Aug 2025 16:10:05 +0300"),
            ("Message-ID", "<0cc4edc56c23e818.c9b8c2cd@mbnet.fi>"),
            ("Content-Type", 'text/plain; charset="iso-8859-1"'),
            ("X-Mailer", "Microsoft Outlook Express 6.00.2900.5931"),
        ),
        body="Hyvää päivää. Tarvitsisin apua pihan kanssa.",
    ),
    Case(
        id="h-dmarc-pass-co",
        label="human",
        reason="customer",
        source="RFC 8601 Authentication-Results (owner's provider, pass)",
        headers=(
            ("Return-Path", "<hanna.peltola@peltolakodit.fi>"),
            ("From", "Hanna Peltola <hanna.peltola@peltolakodit.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Uudiskohteen piha"),
            ("Date", "Mon, 18 Aug 2025 17:31:05 +0300"),
            ("Message-ID", "<b3a9eaf11df1dce2.943dbf7b@peltolakodit.fi>"),
            (
                "Authentication-Results",
                (
                    "mx.pihapalvelu.fi; dkim=pass header.d=peltolakodit.fi; spf=pass "
                    "smtp.mailfrom=peltolakodit.fi; dmarc=pass header.from=peltolakodit.fi"
                ),
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsemme viherrakennuksen kahteen paritaloon.",
    ),
    Case(
        id="h-mobile-yahoo-fi",
        label="human",
        reason="phone_forward",
        source="human forward/mail from a mobile client (signature line from the client)",
        headers=(
            ("Return-Path", "<tarja.kivi@yahoo.fi>"),
            ("From", "Tarja Kivi <tarja.kivi@yahoo.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kysely"),
            ("Date", "Mon, 18 Aug 2025 18:52:05 +0300"),
            ("Message-ID", "<fe0e817464854500.f9d4ab17@yahoo.fi>"),
            ("X-Mailer", "Yahoo Mail for Android"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Voisitteko tulla kattomaan pihaa\n\nLähetetty Yahoo Mailista Androidille",
    ),
    Case(
        id="h-sv-co",
        label="human",
        reason="customer",
        source=(
            "company sender via Microsoft 365 / Google Workspace (Return-Path = From) "
            "(Swedish-speaking company in Finland)"
        ),
        headers=(
            ("Return-Path", "<henrik.westerlund@westerlundbygg.fi>"),
            ("From", "Henrik Westerlund <henrik.westerlund@westerlundbygg.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Offert: gårdsplan"),
            ("Date", "Mon, 18 Aug 2025 21:06:05 +0300"),
            (
                "Message-ID",
                "<AM0PR01MB86167D82DB58E6D353A5AC42@AM0PR01MB8616.eurprd05.prod.outlook.com>",
            ),
            ("Content-Language", "sv-FI"),
            ("Thread-Index", "AdsQr4aB4t0kP1eHRi2iKx8uL5cB2E=="),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hej, vi behöver en offert på stenläggning av gårdsplan i Kyrkslätt.",
    ),
    Case(
        id="h-en-co",
        label="human",
        reason="customer",
        source="company sender via Microsoft 365 / Google Workspace (Return-Path = From)",
        headers=(
            ("Return-Path", "<mark.evans@nordic-hotels.com>"),
            ("From", "Mark Evans <mark.evans@nordic-hotels.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Landscaping for hotel courtyard"),
            ("Date", "Mon, 18 Aug 2025 22:27:05 +0300"),
            ("Message-ID", "<17bb01ce131bdf4d.7f176427@nordic-hotels.com>"),
            ("Content-Language", "en-GB"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Hello, we are looking for a landscaping contractor for our hotel courtyard in Vantaa."
        ),
    ),
    Case(
        id="h-estonian-worker",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (Estonian-speaking customer)"
        ),
        headers=(
            ("Return-Path", "<kadri.tamm@gmail.com>"),
            ("From", "Kadri Tamm <kadri.tamm@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pakkumine / tarjous"),
            ("Date", "Mon, 18 Aug 2025 23:48:05 +0300"),
            ("Message-ID", "<CAD016E4+027154a866caa951w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tere! Hei! Tarvitsisin pihatöitä Espoossa. Kas räägite inglise keelt?",
    ),
    Case(
        id="h-gmail-sends-twice",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (second mail 5 min later: E1 rate limit, not a robot)"
        ),
        headers=(
            ("Return-Path", "<liisa.korhonen@gmail.com>"),
            ("From", "Liisa Korhonen <liisa.korhonen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjouspyyntö pihakivetyksestä (unohtui kuva)"),
            ("Date", "Tue, 19 Aug 2025 02:02:05 +0300"),
            ("Message-ID", "<CAE2AF89+02e9855af9ec0782w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Tässä vielä kuva pihasta.",
        note="customer; second mail within the rate-limit window",
    ),
    Case(
        id="h-teacher-school",
        label="human",
        reason="customer",
        source=(
            "company sender via Microsoft 365 / Google Workspace (Return-Path = From) (school, "
            "edu domain)"
        ),
        headers=(
            ("Return-Path", "<kirsi.hiltunen@edu.pihlajavesi.fi>"),
            ("From", "Kirsi Hiltunen <kirsi.hiltunen@edu.pihlajavesi.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Koulun pihan istutuspäivä"),
            ("Date", "Tue, 19 Aug 2025 03:23:05 +0300"),
            ("Message-ID", "<bbc28c6bb9542647.c91ef4cb@edu.pihlajavesi.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, voisitteko tulla auttamaan oppilaita istutuspäivänä?",
    ),
    Case(
        id="h-association",
        label="human",
        reason="role_name_customer",
        source=(
            "real person writing from a role address or with a role word in the display name "
            "(association chair from a personal address)"
        ),
        headers=(
            ("Return-Path", "<pentti.aaltonen@pp.nic.fi>"),
            ("From", "Pentti Aaltonen <pentti.aaltonen@pp.nic.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kyläyhdistyksen talkoot"),
            ("Date", "Tue, 19 Aug 2025 04:44:05 +0300"),
            ("Message-ID", "<3ffab29417ed4355.a8ed611a@pp.nic.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, kyläyhdistys tarvitsisi apua kentän kunnostukseen.",
    ),
    Case(
        id="h-from-newsletter-like-but-human",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (subject looks like marketing, person writes)"
        ),
        headers=(
            ("Return-Path", "<jukka.peltonen@gmail.com>"),
            ("From", "Jukka Peltonen <jukka.peltonen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjous! Tarjous! Tarvitsen tarjouksen"),
            ("Date", "Tue, 19 Aug 2025 06:58:05 +0300"),
            ("Message-ID", "<CA440482+381bcd7c9664d8aew@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Heh, siis tarvitsisin tarjouksen pihatöistä.",
    ),
    Case(
        id="h-human-with-xmailer-php-no",
        label="human",
        reason="customer",
        source=(
            "company sender via Microsoft 365 / Google Workspace (Return-Path = From) (company "
            "webmail, Roundcube)"
        ),
        headers=(
            ("Return-Path", "<anneli@koskenkukka.fi>"),
            ("From", "Anneli Koski <anneli@koskenkukka.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Kukkapenkit"),
            ("Date", "Tue, 19 Aug 2025 08:19:05 +0300"),
            ("Message-ID", "<f54cdae4ae80ee9b.f354ebdf@koskenkukka.fi>"),
            ("User-Agent", "Roundcube Webmail/1.6.9"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, kaipaisimme uusia kukkapenkkejä liikkeen eteen.",
    ),
    Case(
        id="h-thunderbird",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS)"
        ),
        headers=(
            ("Return-Path", "<lauri.mustonen@kapsi.fi>"),
            ("From", "Lauri Mustonen <lauri.mustonen@kapsi.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Pihatyöt"),
            ("Date", "Tue, 19 Aug 2025 09:40:05 +0300"),
            ("Message-ID", "<6ac4926a68aab688.c994880e@kapsi.fi>"),
            ("User-Agent", "Mozilla Thunderbird"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, tarvitsen pihatöihin apua.",
    ),
    Case(
        id="h-gmail-signature-company",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (private gmail, company signature)"
        ),
        headers=(
            ("Return-Path", "<petra.lund@gmail.com>"),
            ("From", "Petra Lund <petra.lund@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Tarjouspyyntö"),
            ("Date", "Tue, 19 Aug 2025 11:01:05 +0300"),
            ("Message-ID", "<CAB4403F+ef8b937a9146e8b0w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, pyydän tarjousta.\n\nPetra Lund\nToimitusjohtaja, Lund Design Oy",
    ),
    Case(
        id="h-sv-franvaro-word",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (Swedish word 'semester' in a real request)"
        ),
        headers=(
            ("Return-Path", "<johan.lind@gmail.com>"),
            ("From", "Johan Lind <johan.lind@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Under min semester – kan ni sköta trädgården?"),
            ("Date", "Tue, 19 Aug 2025 13:15:05 +0300"),
            ("Message-ID", "<CAC67B8E+bad62ae0c7fb2a56w@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hej, jag är borta i juli. Kan ni klippa gräset då?",
    ),
    Case(
        id="h-en-outofoffice-word",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (phrase 'out of office' inside a real request, not at "
            "subject start)"
        ),
        headers=(
            ("Return-Path", "<rachel.green@outlook.com>"),
            ("From", "Rachel Green <rachel.green@outlook.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Subject", "Garden care while we're out of the country"),
            ("Date", "Tue, 19 Aug 2025 14:36:05 +0300"),
            (
                "Message-ID",
                "<AM0PR07MB85287693BA2DF4F8B47C8E27@AM0PR07MB8528.eurprd04.prod.outlook.com>",
            ),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hi, we'll be away in August. Could you water the plants?",
    ),
    Case(
        id="h-gmail-reply-to-self",
        label="human",
        reason="customer",
        source=(
            "ordinary private sender (From = Return-Path, Finnish freemail/ISP domain in "
            "classify.FREEMAIL_DOMAINS) (Reply-To equals From)"
        ),
        headers=(
            ("Return-Path", "<tero.kinnunen@gmail.com>"),
            ("From", "Tero Kinnunen <tero.kinnunen@gmail.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "tero.kinnunen@gmail.com"),
            ("Subject", "Pihan kunnostus"),
            ("Date", "Tue, 19 Aug 2025 15:57:05 +0300"),
            ("Message-ID", "<CAF891EA+05e4a3c767ede81ew@mail.gmail.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Hei, pihamme kaipaa kunnostusta.",
    ),
    Case(
        id="f-cf7-own-domain",
        label="form_lead",
        reason="form_lead",
        source=(
            "code corpus: CF7 'Reply-To: [your-name] <[your-email]>'; WordPress default "
            "wordpress@<domain>"
        ),
        headers=(
            ("Return-Path", "<pihapal@cp12.webhotelli.fi>"),
            ("From", "Pihapalvelu Ylermi <wordpress@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Liisa Korhonen <liisa.korhonen@gmail.com>"),
            ("Subject", 'Pihapalvelu Ylermi "Tarjouspyyntö"'),
            ("Date", "Tue, 19 Aug 2025 18:11:05 +0300"),
            ("Message-ID", "<5b100e95ca362e87.b50b22e6@pihapalvelu.fi>"),
            ("X-Mailer", "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Lähettäjä: Liisa Korhonen <liisa.korhonen@gmail.com>\nAihe: Tarjouspyyntö\n\n"
            "Viesti:\nHaluaisin tarjouksen pihakivetyksestä."
        ),
    ),
    Case(
        id="f-cf7-wp-mail-smtp",
        label="form_lead",
        reason="form_lead",
        source="WP Mail SMTP 'Force From Email' (code corpus CF7 notes)",
        headers=(
            ("Return-Path", "<lomake@pihapalvelu.fi>"),
            ("From", "Pihapalvelu Ylermi <lomake@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Matti Virtanen <matti.virtanen@gmail.com>"),
            ("Subject", "Yhteydenotto: Nurmikon leikkuu"),
            ("Date", "Tue, 19 Aug 2025 19:32:05 +0300"),
            ("Message-ID", "<28972157f6ef6778.f1a18ae7@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Nimi: Matti Virtanen\nPuhelin: 040 555 1234\nViesti: Tarvitsen nurmikon leikkuun "
            "kesäksi."
        ),
    ),
    Case(
        id="f-wpforms",
        label="form_lead",
        reason="form_lead",
        source="common pattern (WPForms notification, From {admin_email})",
        headers=(
            ("Return-Path", "<pihapal@cp12.webhotelli.fi>"),
            ("From", "Pihapalvelu Ylermi <ylermi@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Sari Nieminen <sari.nieminen@outlook.com>"),
            ("Subject", "New Entry: Yhteydenottolomake"),
            ("Date", "Tue, 19 Aug 2025 20:53:05 +0300"),
            ("Message-ID", "<7c90ab249ee50736.fd5c7816@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Nimi\nSari Nieminen\n\nSähköposti\nsari.nieminen@outlook.com\n\nViesti\nPensasaidan "
            "leikkaus?"
        ),
    ),
    Case(
        id="f-gravity",
        label="form_lead",
        reason="form_lead",
        source="common pattern",
        headers=(
            ("Return-Path", "<info@pihapalvelu.fi>"),
            ("From", "Pihapalvelu <info@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "jorma.lehtonen@hotmail.com"),
            ("Subject", "Uusi tarjouspyyntö verkkosivuilta"),
            ("Date", "Tue, 19 Aug 2025 23:07:05 +0300"),
            ("Message-ID", "<1b7cb5aab4af4438.4a3a004e@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Nimi: Jorma Lehtonen\nViesti: Lumityöt talveksi?",
    ),
    Case(
        id="f-elementor",
        label="form_lead",
        reason="form_lead",
        source="common pattern (Elementor default From email@<domain>)",
        headers=(
            ("Return-Path", "<email@pihapalvelu.fi>"),
            ("From", "Pihapalvelu Ylermi <email@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "raimo.heikkinen@suomi24.fi"),
            ("Subject", 'Uusi viesti sivustolta "Pihapalvelu Ylermi"'),
            ("Date", "Wed, 20 Aug 2025 00:28:05 +0300"),
            ("Message-ID", "<1e5d6b84cfddf5f7.e3d39a86@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Nimi: Raimo Heikkinen\nSähköposti: raimo.heikkinen@suomi24.fi\nViesti: Syyssiivous "
            "pihalle.\n\n---\nPowered by Elementor"
        ),
    ),
    Case(
        id="f-own-php-script",
        label="form_lead",
        reason="form_lead",
        source=(
            "code corpus: PHP contact scripts setting From to own domain and Reply-To to the "
            "visitor"
        ),
        headers=(
            ("Return-Path", "<www-data@web1.pihapalvelu.fi>"),
            ("From", "Verkkosivut <ei-vastausta@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Esko Järvinen <esko.jarvinen@kolumbus.fi>"),
            ("Subject", "Yhteydenotto verkkosivuilta"),
            ("Date", "Wed, 20 Aug 2025 01:49:05 +0300"),
            ("Message-ID", "<c9dffed4fd8a431d.ddef9324@pihapalvelu.fi>"),
            ("X-Mailer", "PHP/8.2.20"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Nimi: Esko Järvinen\nPuhelin: 050 111 2233\nViesti: Kuollut koivu pitäisi kaataa.",
        note="From local part is 'ei-vastausta' at the owner's own domain; the lead is Reply-To",
    ),
    Case(
        id="f-wix",
        label="form_lead",
        reason="form_lead",
        source="code corpus: Wix lead parsers (no-reply@crm.wix.com with ReplyTo the customer)",
        headers=(
            ("Return-Path", "<no-reply@crm.wix.com>"),
            ("From", "Wix Forms <no-reply@crm.wix.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Tiina Salonen <tiina.salonen@elisanet.fi>"),
            ("Subject", "Got a new message from Tiina Salonen"),
            ("Date", "Wed, 20 Aug 2025 03:10:05 +0300"),
            ("Message-ID", "<74708e38bd9ed0d0.381bdd1f@crm.wix.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Tiina Salonen sent a message via your site Pihapalvelu Ylermi: Puuaita tontin "
            "rajalle, n. 30 m."
        ),
        note="third-party relay: ack only if listed in form_senders",
    ),
    Case(
        id="f-squarespace",
        label="form_lead",
        reason="form_lead",
        source=(
            'code corpus: Squarespace fixtures \'From: "Squarespace" '
            "<form-submission@squarespace.info>' + 'Reply-To: <customer>'"
        ),
        headers=(
            ("Return-Path", "<form-submission@squarespace.info>"),
            ("From", '"Squarespace" <form-submission@squarespace.info>'),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "<kari.laitinen@saunalahti.fi>"),
            ("Subject", "Form Submission - Tarjouspyyntö"),
            ("Date", "Wed, 20 Aug 2025 05:24:05 +0300"),
            ("Message-ID", "<6ab244592ac43795.8f80ac53@squarespace.info>"),
            ("Content-Type", 'text/html; charset="UTF-8"'),
        ),
        body=(
            "<p>Name: Kari Laitinen</p><p>Email: kari.laitinen@saunalahti.fi</p><p>Message: "
            "Syyskunnostus?</p>"
        ),
    ),
    Case(
        id="f-webflow",
        label="form_lead",
        reason="form_lead",
        source="code corpus: Webflow lead parsers ('Webflow forms <no-reply-forms@webflow.com>')",
        headers=(
            ("Return-Path", "<no-reply-forms@webflow.com>"),
            ("From", "Webflow forms <no-reply-forms@webflow.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "hannu.ketola@pp.inet.fi"),
            ("Subject", "New form submission on Webflow for Pihapalvelu Ylermi"),
            ("Date", "Wed, 20 Aug 2025 06:45:05 +0300"),
            ("Message-ID", "<190796f465fe590a.890e4a98@webflow.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Form: Contact\nName: Hannu Ketola\nEmail: hannu.ketola@pp.inet.fi\nMessage: "
            "Salaojien uusiminen"
        ),
    ),
    Case(
        id="f-netlify",
        label="form_lead",
        reason="form_lead",
        source=(
            "https://docs.netlify.com/manage/forms/notifications/ ; code corpus: Reply-To set "
            "when field 'email' filled"
        ),
        headers=(
            ("Return-Path", "<formresponses@netlify.com>"),
            ("From", '"pihapalvelu.fi" <formresponses@netlify.com>'),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "noora.lindholm@icloud.com"),
            ("Subject", "Form submission from tarjous form"),
            ("Date", "Wed, 20 Aug 2025 08:06:05 +0300"),
            ("Message-ID", "<4102e5fbda56fb3d.061f2547@netlify.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "name: Noora Lindholm\nemail: noora.lindholm@icloud.com\nmessage: Hedelmäpuiden istutus"
        ),
    ),
    Case(
        id="f-formspree",
        label="form_lead",
        reason="form_lead",
        source=(
            "code corpus: Formspree READMEs ('From: Formspree <noreply@formspree.io>', "
            "'Reply-To: sender@…')"
        ),
        headers=(
            ("Return-Path", "<noreply@formspree.io>"),
            ("From", "Formspree <noreply@formspree.io>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "timo.eskola@outlook.fi"),
            ("Subject", "New submission from Pihapalvelu yhteydenotto"),
            ("Date", "Wed, 20 Aug 2025 10:20:05 +0300"),
            ("Message-ID", "<ca19773e214bbcbd.def94c24@formspree.io>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="name: Timo Eskola\nemail: timo.eskola@outlook.fi\nmessage: Kivituhkan levitys 60 m²",
    ),
    Case(
        id="f-jotform",
        label="form_lead",
        reason="form_lead",
        source="code corpus: Jotform mail parsers (noreply@jotform.com)",
        headers=(
            ("Return-Path", "<noreply@jotform.com>"),
            ("From", "Tarjouspyyntö <noreply@jotform.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "satu_rinne@live.fi"),
            ("Subject", "Re: Tarjouspyyntö - Satu Rinne"),
            ("Date", "Wed, 20 Aug 2025 11:41:05 +0300"),
            ("Message-ID", "<a5564e0ecc15cb0a.9bb2c7cd@jotform.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Nimi: Satu Rinne\nSähköposti: satu_rinne@live.fi\nKuvaus: Terassin ympäryksen "
            "laatoitus"
        ),
    ),
    Case(
        id="f-typeform",
        label="form_lead",
        reason="form_lead",
        source="code corpus: Typeform pollers (notifications@typeform.com)",
        headers=(
            ("Return-Path", "<notifications@typeform.com>"),
            ("From", "Typeform Notifications <notifications@typeform.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "olavi.mattila@anvianet.fi"),
            ("Subject", 'New submission for "Pihatyöt – tarjous"'),
            ("Date", "Wed, 20 Aug 2025 13:02:05 +0300"),
            ("Message-ID", "<06097fa5b5ce67f1.539c3daa@typeform.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Olavi Mattila\nolavi.mattila@anvianet.fi\nKesämökin pihan raivaus, Nurmijärvi",
    ),
    Case(
        id="f-web3forms",
        label="form_lead",
        reason="form_lead",
        source="https://docs.web3forms.com/getting-started/customizations/custom-reply-to",
        headers=(
            ("Return-Path", "<notify@web3forms.com>"),
            ("From", "Web3Forms <notify@web3forms.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "heidi.kallio@dnainternet.net"),
            ("Subject", "New Submission from Web3Forms"),
            ("Date", "Wed, 20 Aug 2025 15:16:05 +0300"),
            ("Message-ID", "<f8334209a2ca2b51.efb140e4@web3forms.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Name: Heidi Kallio\nEmail: heidi.kallio@dnainternet.net\nMessage: Soittakaa huomenna."
        ),
    ),
    Case(
        id="f-zoho",
        label="form_lead",
        reason="form_lead",
        source="common pattern",
        headers=(
            ("Return-Path", "<notification@zohoforms.eu>"),
            ("From", "Zoho Forms <notification@zohoforms.eu>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "anna.lindstrom@gmail.com"),
            ("Subject", "Offertförfrågan - New Entry"),
            ("Date", "Wed, 20 Aug 2025 16:37:05 +0300"),
            ("Message-ID", "<8e6ff53c424055fb.bbcc3b6e@zohoforms.eu>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Namn: Anna Lindström\nE-post: anna.lindstrom@gmail.com\nMeddelande: Häckklippning "
            "och lövkrattning"
        ),
    ),
    Case(
        id="f-hubspot-with-reply-to",
        label="form_lead",
        reason="form_lead",
        source="code corpus: HubSpot sender filters; Reply-To set to contact (configurable)",
        headers=(
            ("Return-Path", "<noreply@notifications.hubspot.com>"),
            ("From", "HubSpot <noreply@notifications.hubspot.com>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "mark.evans@nordic-hotels.com"),
            ("Subject", "New form submission on pihapalvelu.fi"),
            ("Date", "Wed, 20 Aug 2025 17:58:05 +0300"),
            ("Message-ID", "<c2bba9c2fa5234d3.b8d53d2a@notifications.hubspot.com>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body=(
            "Mark Evans (mark.evans@nordic-hotels.com) submitted Yhteydenotto: hotel courtyard "
            "landscaping."
        ),
        note="HubSpot Reply-To is configurable; without it this would be a robot",
    ),
    Case(
        id="f-cf7-swedish",
        label="form_lead",
        reason="form_lead",
        source="code corpus: CF7 Reply-To header",
        headers=(
            ("Return-Path", "<wordpress@pihapalvelu.fi>"),
            ("From", "Pihapalvelu Ylermi <wordpress@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Erik Johansson <erik.johansson@hotmail.se>"),
            ("Subject", 'Pihapalvelu Ylermi "Offert stenläggning"'),
            ("Date", "Wed, 20 Aug 2025 19:19:05 +0300"),
            ("Message-ID", "<aa509f170bc21fdf.77cc56bb@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Från: Erik Johansson <erik.johansson@hotmail.se>\nÄmne: Offert stenläggning",
    ),
    Case(
        id="f-form-company-lead",
        label="form_lead",
        reason="form_lead",
        source="code corpus: CF7 Reply-To header",
        headers=(
            ("Return-Path", "<wordpress@pihapalvelu.fi>"),
            ("From", "Pihapalvelu Ylermi <wordpress@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Pekka Salminen <pekka.salminen@rakennussalminen.fi>"),
            ("Subject", 'Pihapalvelu Ylermi "Urakkatarjous"'),
            ("Date", "Wed, 20 Aug 2025 21:33:05 +0300"),
            ("Message-ID", "<9b0392a0355677d2.a88e7906@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Yritys: Rakennus Salminen Oy\nViesti: Viherrakennus As Oy Lehtolaan.",
    ),
    Case(
        id="f-form-lead-role-address",
        label="form_lead",
        reason="form_lead",
        source="code corpus: CF7 Reply-To header (lead writes from a role address)",
        headers=(
            ("Return-Path", "<wordpress@pihapalvelu.fi>"),
            ("From", "Pihapalvelu Ylermi <wordpress@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Kukkakauppa Ruusu <info@kukkakaupparuusu.fi>"),
            ("Subject", 'Pihapalvelu Ylermi "Kesäistutukset"'),
            ("Date", "Wed, 20 Aug 2025 22:54:05 +0300"),
            ("Message-ID", "<83e5b4d475122e48.2893e935@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Nimi: Marjut / Kukkakauppa Ruusu\nViesti: Liikkeen edustan istutukset.",
        note="the lead writes from info@ — still a person",
    ),
    Case(
        id="f-own-form-srs-envelope",
        label="form_lead",
        reason="form_lead",
        source="own-domain form, envelope rewritten by the web host (SRS-like bounce address)",
        headers=(
            ("Return-Path", "<SRS0=x1Yz=QC=pihapalvelu.fi=lomake@cp12.webhotelli.fi>"),
            ("From", "Lomake <lomake@pihapalvelu.fi>"),
            ("To", "Ylermi Pihapalvelu <ylermi@pihapalvelu.fi>"),
            ("Reply-To", "Jenni Aalto <jenni.aalto@gmail.com>"),
            ("Subject", "Yhteydenotto: laatoitus"),
            ("Date", "Thu, 21 Aug 2025 00:15:05 +0300"),
            ("Message-ID", "<19a099f742ab8512.03c317ea@pihapalvelu.fi>"),
            ("Content-Type", 'text/plain; charset="utf-8"'),
        ),
        body="Nimi: Jenni Aalto\nViesti: Hinta-arvio laatoituksesta.",
        note="own-domain form; envelope rewritten by the web host",
    ),
)

COUNTS: Final[dict[str, int]] = {
    "robot": 127,
    "human": 104,
    "form_lead": 20,
}

assert len({case.id for case in CASES}) == len(CASES), "duplicate case id"
assert {label: sum(c.label == label for c in CASES) for label in COUNTS} == COUNTS
