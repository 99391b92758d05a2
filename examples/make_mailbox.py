#!/usr/bin/env python3
r"""Write the bundled demo mailbox ``examples/mailbox/`` (run from anywhere; stdlib only).

    python3 examples/make_mailbox.py            # (re)writes examples/mailbox/
    python3 examples/make_mailbox.py --out DIR  # writes the same mailbox into DIR instead

The mailbox belongs to Ylermi Yrittäjä, a one-person garden-services business "Pihapalvelu
Yrittäjä" (owner addresses ylermi@pihapalvelu.fi and info@pihapalvelu.fi; the website's contact
form mails From wordpress@pihapalvelu.fi with Reply-To the customer). It holds four weeks of
customer mail, Mon 2026-10-26 ... Sun 2026-11-22, in Helsinki time, and the Monday morning after
them up to DEMO_NOW (08:05), the moment the demo runs at. Summer time ended on
Sun 2026-10-25, so every Date in the mailbox carries the offset +0200 (EET).

Layout: Maildir++ as Dovecot and mbsync write it.

    mailbox/{cur,new,tmp}/          INBOX
    mailbox/.Sent/{cur,new,tmp}/    the Sent folder (plus the empty ``maildirfolder`` marker)

File names are ``<delivery epoch>.M<n>P100.demo:2,<flags>`` (``<n>`` counts the folder's
messages in delivery order). Both ``new/`` directories hold one message without the ``:2,``
suffix (INBOX: the last, still unread newsletter; Sent: a phone reply that the phone saved
without the \Seen flag), so no ``cur/`` or ``new/`` is ever empty: only the two ``tmp/``
directories get a ``.gitkeep`` to survive git. (Python 3.11's ``mailbox.Maildir`` would read a
dotfile in ``cur/`` or ``new/`` as a message; Dovecot ignores dotfiles.) Each file's
mtime is set to its delivery time, but git does not keep mtimes: the Date header is the truth,
and it always equals the delivery time to the second (and the time in the Received header, when
there is one; mail in Sent has no Received header).

The output is deterministic: Message-IDs, queue ids and file names derive from fixed seeds, so
running the script twice gives byte-identical files. ``examples/MAILBOX.md`` is the answer key:
every conversation and what vasteaika should conclude about it, and every non-customer mail and
why it must not count. Change the data here and update the answer key with it.

All people, addresses and domains are fictional (example.fi, example.com, *.example), except
the real sender noreply@posti.fi, which stands in for a typical Finnish notification robot.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import quopri
import shutil
import textwrap
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

# Helsinki after the DST change of 2026-10-25: EET, UTC+2 (no tz database needed).
HEL = timezone(timedelta(hours=2), "EET")
WINDOW = (datetime(2026, 10, 26, tzinfo=HEL), datetime(2026, 11, 23, tzinfo=HEL))
# The demo's moment (scripts/demo.sh runs vasteaika --now at it): the Monday after the four weeks.
DEMO_NOW = datetime(2026, 11, 23, 8, 5, tzinfo=HEL)

OWNER = "ylermi@pihapalvelu.fi"
INFO = "info@pihapalvelu.fi"
MX = "mail.pihapalvelu.fi"


def at(day: int, month: int, clock: str) -> datetime:
    """A Helsinki time in 2026: at(26, 10, "08:14:05")."""
    h, m, s = (int(x) for x in clock.split(":"))
    return datetime(2026, month, day, h, m, s, tzinfo=HEL)


# --------------------------------------------------------------------------- encoding helpers

_Q_SAFE = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*+-/")


def encode_word(text: str, charset: str = "utf-8", lower_hex: bool = False) -> str:
    """RFC 2047 Q-encoding, split into encoded words of at most 75 characters, folded."""
    prefix, suffix = f"=?{charset}?q?", "?="
    words: list[str] = []
    cur = ""
    for ch in text:
        piece = ""
        for byte in ch.encode(charset):
            if byte == 0x20:
                piece += "_"
            elif byte in _Q_SAFE:
                piece += chr(byte)
            else:
                piece += f"={byte:02x}" if lower_hex else f"={byte:02X}"
        if len(prefix) + len(cur) + len(piece) + len(suffix) > 75:
            words.append(prefix + cur + suffix)
            cur = ""
        cur += piece
    words.append(prefix + cur + suffix)
    return "\n ".join(words)


def header_text(text: str, charset: str = "utf-8", lower_hex: bool = False) -> str:
    """Plain ASCII as is, anything else as encoded words."""
    return text if text.isascii() else encode_word(text, charset, lower_hex)


def addr(name: str, email: str, charset: str = "utf-8", lower_hex: bool = False) -> str:
    if not name:
        return email
    if name.isascii():
        shown = f'"{name}"' if any(c in name for c in ',.;:()<>@"') else name
        return f"{shown} <{email}>"
    return f"{encode_word(name, charset, lower_hex)} <{email}>"


def wrap(body: str) -> str:
    """Wrap over-long lines at 72 columns (quoted lines keep their '> ' prefix)."""
    out: list[str] = []
    for line in body.strip("\n").split("\n"):
        if len(line) <= 76:
            out.append(line.rstrip())
            continue
        lead = ""
        while line.startswith(">"):
            lead += "> "
            line = line[1:].lstrip(" ")
        out.extend(
            textwrap.wrap(
                line,
                width=72,
                initial_indent=lead,
                subsequent_indent=lead,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out) + "\n"


def quote(attribution: str, body: str) -> str:
    lines = wrap(body).rstrip("\n").split("\n")
    return attribution + "\n" + "\n".join("> " + ln if ln else ">" for ln in lines) + "\n"


def seed_hex(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def queue_id(*parts: str) -> str:
    alphabet = "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz"
    n = int(seed_hex("queue", *parts)[:20], 16)
    out = "4d"
    for _ in range(10):
        n, r = divmod(n, len(alphabet))
        out += alphabet[r]
    return out


def fmt_date(when: datetime) -> str:
    return format_datetime(when)


# --------------------------------------------------------------------------- the message model


@dataclass
class Mail:
    folder: str  # "" = INBOX, "Sent"
    when: datetime
    key: str  # stable label, used as the seed of ids
    headers: list[tuple[str, str]]
    body: bytes
    flags: str = "S"
    unread: bool = False  # lives in new/ without an info suffix
    mid: str | None = None  # "<...>" or None when the mail has no Message-ID
    refs: list[str] = field(default_factory=list)

    def render(self) -> bytes:
        head = "".join(f"{k}: {v}\n" for k, v in self.headers)
        return head.encode("ascii") + b"\n" + self.body


def make_body(text: str, cte: str) -> bytes:
    raw = wrap(text).encode("utf-8")
    if cte == "8bit":
        return raw
    if cte == "quoted-printable":
        return quopri.encodestring(raw)
    raise ValueError(cte)


def mid_for(kind: str, key: str, domain: str) -> str:
    h = seed_hex("mid", key)
    if kind == "thunderbird":
        return f"<{uuid.UUID(hex=h[:32], version=4)}@{domain}>"
    if kind == "iphone":
        return f"<{str(uuid.UUID(hex=h[:32], version=4)).upper()}@{domain}>"
    if kind == "outlook":
        return f"<{h[:8].upper()}{h[8:40].upper()}@{domain}>"
    return f"<{h[:12]}.{h[12:20]}@{domain}>"


def received(when: datetime, helo: str, ip: str, rcpt: str, key: str) -> str:
    return (
        f"from {helo} ({helo} [{ip}])\n"
        f"\tby {MX} (Postfix) with ESMTPS id {queue_id(key)}\n"
        f"\tfor <{rcpt}>; {fmt_date(when)} (EET)"
    )


# Sending hosts of the customers' domains (documentation IP ranges only).
HOSTS = {
    "example.fi": ("smtp.example.fi", "192.0.2.25"),
    "example.com": ("mail.example.com", "198.51.100.14"),
    "koivukuja.example": ("mx.koivukuja.example", "192.0.2.77"),
    "korhonen-consulting.example": ("mail.korhonen-consulting.example", "203.0.113.90"),
    "kantojyrsinta.example": ("smtp.kantojyrsinta.example", "198.51.100.61"),
    "viherala.example": ("out3.viherala.example", "203.0.113.15"),
    "supplier.example": ("mail.supplier.example", "192.0.2.140"),
    "posti.fi": ("mailout.posti.fi", "203.0.113.201"),
}


def inbox(
    key: str,
    when: datetime,
    from_: str,
    sender_email: str,
    to: str,
    subject: str,
    text: str,
    *,
    rcpt: str = INFO,
    cc: str | None = None,
    reply_to: str | None = None,
    parent: Mail | None = None,
    with_mid: bool = True,
    mid_kind: str = "plain",
    cte: str = "8bit",
    ctype: str = "text/plain; charset=utf-8",
    extra: list[tuple[str, str]] | None = None,
    return_path: str | None = None,
    flags: str = "S",
    unread: bool = False,
) -> Mail:
    """A mail delivered into INBOX by the owner's Postfix + Dovecot."""
    domain = sender_email.rpartition("@")[2]
    helo, ip = HOSTS.get(domain, ("localhost", "127.0.0.1"))
    if domain == "pihapalvelu.fi":  # the website's contact form, same server family
        helo, ip = "web.pihapalvelu.fi", "192.0.2.10"
    mid = mid_for(mid_kind, key, domain) if with_mid else None
    refs = [*parent.refs, parent.mid] if parent is not None and parent.mid else []
    h: list[tuple[str, str]] = [
        ("Return-Path", f"<{sender_email if return_path is None else return_path}>"),
        ("Delivered-To", OWNER),
        ("Received", received(when, helo, ip, rcpt, key)),
    ]
    if mid:
        h.append(("Message-ID", mid))
    h.append(("Date", fmt_date(when)))
    h.append(("From", from_))
    if reply_to:
        h.append(("Reply-To", reply_to))
    h.append(("To", to))
    if cc:
        h.append(("Cc", cc))
    h.append(("Subject", header_text(subject)))
    if parent is not None and parent.mid:
        h.append(("In-Reply-To", parent.mid))
        h.append(("References", "\n ".join(refs)))
    h.extend((k, header_text(v)) for k, v in extra or [])
    h.append(("MIME-Version", "1.0"))
    h.append(("Content-Type", ctype))
    h.append(("Content-Transfer-Encoding", cte))
    return Mail("", when, key, h, make_body(text, cte), flags, unread, mid, refs)


OWNER_FROM = addr("Ylermi Yrittäjä", OWNER, lower_hex=True)  # Thunderbird writes =c3=a4
INFO_FROM = addr("Pihapalvelu Yrittäjä", INFO, lower_hex=True)
SIGNATURE = """
Ystävällisin terveisin
Ylermi Yrittäjä
Pihapalvelu Yrittäjä
p. 040 123 4567
https://www.pihapalvelu.fi
"""
SIGNATURE_EN = """
Best regards,
Ylermi Yrittäjä
Pihapalvelu Yrittäjä
tel. +358 40 123 4567
https://www.pihapalvelu.fi
"""


def sent(
    key: str,
    when: datetime,
    to: str,
    subject: str,
    text: str,
    *,
    parent: Mail | None = None,
    client: str = "thunderbird",
    from_: str = OWNER_FROM,
    cc: str | None = None,
    cte: str = "8bit",
) -> Mail:
    """A mail the owner sent, as his client saved it into Sent.

    client: "thunderbird" (desktop: threads properly), "iphone" or "outlook-android" (phone apps
    that, in this mailbox, send without In-Reply-To/References).
    """
    threaded = client == "thunderbird" and parent is not None and parent.mid is not None
    mid = mid_for("iphone" if client != "thunderbird" else "thunderbird", key, "pihapalvelu.fi")
    refs = [*parent.refs, parent.mid] if threaded and parent and parent.mid else []
    h: list[tuple[str, str]] = [("Message-ID", mid), ("Date", fmt_date(when))]
    h.append(("MIME-Version", "1.0"))
    if client == "thunderbird":
        h.append(("User-Agent", "Mozilla Thunderbird"))
        h.append(("Content-Language", "fi"))
    elif client == "iphone":
        h.append(("X-Mailer", "iPhone Mail (22B91)"))
    h.append(("From", from_))
    h.append(("To", to))
    if cc:
        h.append(("Cc", cc))
    h.append(("Subject", header_text(subject, lower_hex=True)))
    if threaded and parent is not None and parent.mid:
        h.append(("In-Reply-To", parent.mid))
        h.append(("References", "\n ".join(refs)))
    h.append(
        (
            "Content-Type",
            "text/plain; charset=UTF-8" if client == "thunderbird" else "text/plain; charset=utf-8",
        )
    )
    h.append(("Content-Transfer-Encoding", cte))
    return Mail("Sent", when, key, h, make_body(text, cte), "S", False, mid, refs)


def tb_attr(name: str, when: datetime) -> str:
    """Thunderbird's Finnish reply attribution line."""
    return (
        f"{name} kirjoitti {when.day}.{when.month}.{when.year} klo {when.hour}.{when.minute:02d}:"
    )


# --------------------------------------------------------------------------- the mailbox


def build() -> list[Mail]:
    m: list[Mail] = []

    # ---- C01 Matti Virtanen: leaf clearing, answered within minutes -----------------------
    matti = addr("Matti Virtanen", "matti.virtanen@example.fi")
    c01_text = """
Hei,

tarvitsisimme apua lehtien haravointiin omakotitalon pihalla. Tontti on noin 1200 m², ja pihalla on kolme isoa vaahteraa, joten lehtiä on paljon. Ehtisittekö tulla vielä tällä viikolla? Lehdet voi viedä pois tai kompostoida meidän kompostiin.

Terveisin
Matti Virtanen
Kuusitie 7, Espoo
"""
    c01a = inbox(
        "c01a",
        at(26, 10, "08:14:05"),
        matti,
        "matti.virtanen@example.fi",
        INFO_FROM,
        "Lehtien haravointi",
        c01_text,
        flags="RS",
    )
    m.append(c01a)
    c01_reply = f"""
Hei Matti,

kiitos yhteydenotosta! Ehdin tulla torstaina 29.10. aamupäivällä. Noin 1200 m² pihan haravointi ja lehtien poisvienti maksaa arviolta 180–240 € (sis. alv 25,5 %) lehtimäärästä riippuen. Jos kompostoitte lehdet itse, hinta on noin 160 €.

Sopiiko torstai?
{SIGNATURE}
{quote(tb_attr("Matti Virtanen", c01a.when), c01_text)}"""
    c01b = sent(
        "c01b", at(26, 10, "08:31:40"), matti, "Re: Lehtien haravointi", c01_reply, parent=c01a
    )
    m.append(c01b)
    c01c = inbox(
        "c01c",
        at(26, 10, "09:02:12"),
        matti,
        "matti.virtanen@example.fi",
        OWNER_FROM,
        "Re: Lehtien haravointi",
        f"""
Torstai sopii hyvin. Portti on auki, voitte aloittaa vaikka heti aamusta. Lehdet saa viedä pois.

-Matti

{quote(tb_attr("Ylermi Yrittäjä", c01b.when), c01_reply)}""",
        rcpt=OWNER,
        parent=c01b,
        flags="RS",
    )
    m.append(c01c)
    m.append(
        sent(
            "c01d",
            at(26, 10, "09:10:55"),
            matti,
            "Re: Lehtien haravointi",
            f"""
Selvä, tulen torstaina kahdeksan jälkeen. Lasku tulee sähköpostilla työn jälkeen.

Ylermi

{quote(tb_attr("Matti Virtanen", c01c.when), "Torstai sopii hyvin. Portti on auki, voitte aloittaa vaikka heti aamusta. Lehdet saa viedä pois.")}""",
            parent=c01c,
        )
    )

    # ---- C02 As Oy Koivukuja (1/3): snow-clearing contract, answered next morning ---------
    riitta = addr("Riitta Laaksonen", "riitta.laaksonen@koivukuja.example")
    hallitus = addr("As Oy Koivukuja hallitus", "hallitus@koivukuja.example")
    riitta_sig = """
Ystävällisin terveisin

Riitta Laaksonen
isännöitsijä, As Oy Koivukuja
Isännöinti Laaksonen
+358 40 234 5678
"""
    c02_text = f"""
Hei,

As Oy Koivukuja (Koivukuja 3, kolme rivitaloa, 18 asuntoa) kilpailuttaa lumityöt talvikaudelle 1.11.2026–30.4.2027, koska nykyinen sopimus päättyy lokakuun lopussa.

Pyydämme tarjousta seuraavista:
- pihatien ja pysäköintialueen (24 autopaikkaa) auraus, aurauskynnys 5 cm
- hiekoitus tarvittaessa
- lumen poisvienti tarvittaessa, erikseen hinnoiteltuna

Arkisin auraus pitää olla tehty klo 7 mennessä. Tarjoukset pyydetään 4.11. mennessä, hallitus päättää asiasta kokouksessaan 5.11.
{riitta_sig}"""
    c02a = inbox(
        "c02a",
        at(27, 10, "10:05:33"),
        riitta,
        "riitta.laaksonen@koivukuja.example",
        OWNER_FROM,
        header_text("As Oy Koivukuja: lumityösopimus talvikaudelle 2026–2027"),
        c02_text,
        rcpt=OWNER,
        cc=hallitus,
        mid_kind="outlook",
        flags="RS",
    )
    m.append(c02a)
    c02_reply = f"""
Hei Riitta,

kiitos tarjouspyynnöstä. Tarjoukseni talvikaudelle 1.11.2026–30.4.2027:

- auraus ja hiekoitus kiinteään kuukausihintaan 390 €/kk + alv
- lumen poisvienti 95 €/h + alv, vain erikseen tilattaessa
- auraus arkisin klo 7 mennessä, viikonloppuisin klo 9 mennessä

Hinta sisältää kaikki aurauskerrat. Olen hoitanut lähialueella kolmen taloyhtiön lumityöt jo viisi talvea, joten reitti on tuttu.
{SIGNATURE}
{quote(tb_attr("Riitta Laaksonen", c02a.when), c02_text)}"""
    c02b = sent(
        "c02b",
        at(28, 10, "07:45:10"),
        riitta,
        header_text("Re: As Oy Koivukuja: lumityösopimus talvikaudelle 2026–2027", lower_hex=True),
        c02_reply,
        parent=c02a,
        cc=hallitus,
    )
    m.append(c02b)
    m.append(
        inbox(
            "c02c",
            at(28, 10, "11:20:47"),
            riitta,
            "riitta.laaksonen@koivukuja.example",
            OWNER_FROM,
            header_text("VS: As Oy Koivukuja: lumityösopimus talvikaudelle 2026–2027"),
            f"""
Kiitos tarjouksesta! Viemme sen hallituksen kokoukseen 5.11. ja palaan asiaan kokouksen jälkeen.

Riitta
{riitta_sig}""",
            rcpt=OWNER,
            cc=hallitus,
            parent=c02b,
            mid_kind="outlook",
        )
    )

    # ---- C03 Päivi Hämäläinen: hedge, answered from a phone without threading headers -----
    paivi = addr("Päivi Hämäläinen", "paivi.hamalainen@example.fi")
    c03_text = """
Hei!

Meillä on noin 40 metriä pitkä ja parimetrinen kuusiaita, joka on päässyt kasvamaan liian leveäksi. Paljonko maksaisi leikkaus ja oksien poisvienti? Ehtisikö sen tehdä vielä ennen lumia?

Päivi Hämäläinen
Vanhakartanontie 15, Vantaa
"""
    c03a = inbox(
        "c03a",
        at(27, 10, "21:37:50"),
        paivi,
        "paivi.hamalainen@example.fi",
        "info@pihapalvelu.fi",
        encode_word("Tarjouspyyntö pensasaidan leikkuusta", "iso-8859-1"),
        c03_text,
        cte="quoted-printable",
        flags="RS",
    )
    m.append(c03a)
    c03b = sent(
        "c03b",
        at(28, 10, "06:58:12"),
        paivi,
        encode_word("VS: Tarjouspyyntö pensasaidan leikkuusta"),
        """
Hei Päivi,

kiitos viestistä. 40 metrin kuusiaidan leikkaus ja oksien poisvienti on noin 350–420 € (sis. alv) ja sen ehtii hyvin ennen lumia. Soitan sinulle huomenna klo 10, niin sovitaan tarkempi ajankohta.

Ylermi

Lähetetty Outlook for Androidista
""",
        parent=c03a,
        client="outlook-android",
    )
    m.append(c03b)
    m.append(
        inbox(
            "c03c",
            at(28, 10, "07:30:05"),
            paivi,
            "paivi.hamalainen@example.fi",
            OWNER_FROM,
            encode_word("Re: VS: Tarjouspyyntö pensasaidan leikkuusta"),
            """
Kiitos nopeasta vastauksesta! Huomenna klo 10 sopii hyvin.

Päivi
""",
            rcpt=OWNER,
            parent=c03b,
            cte="quoted-printable",
        )
    )

    # ---- C04 James Whitfield (English): snow ploughing, callback promise on Monday -------
    james = addr("James Whitfield", "james.whitfield@example.com")
    c04_text = """
Hi,

We moved to Espoo from Manchester this summer and our neighbours tell us we'll need someone to plough our driveway this winter. The driveway is about 25 metres long, plus a small parking area in front of the garage.

Do you offer seasonal contracts, and roughly what would it cost? Sorry for writing in English!

Best regards,
James Whitfield
"""
    c04a = inbox(
        "c04a",
        at(29, 10, "14:12:40"),
        james,
        "james.whitfield@example.com",
        INFO,
        "Snow ploughing for our driveway this winter",
        c04_text,
        flags="RS",
    )
    m.append(c04a)
    c04_reply = f"""
Hi James,

Thanks for your message, and English is no problem at all. Yes, I offer seasonal contracts for the whole winter (1 November to 30 April). For a 25-metre driveway and a small parking area the price would be €65 per month + VAT, including all ploughing and gritting.

I'll call you on Monday at 2pm to agree on the details. If that time doesn't suit you, just let me know.
{SIGNATURE_EN}
{quote(tb_attr("James Whitfield", c04a.when), c04_text)}"""
    c04b = sent(
        "c04b",
        at(29, 10, "16:40:18"),
        james,
        "Re: Snow ploughing for our driveway this winter",
        c04_reply,
        parent=c04a,
    )
    m.append(c04b)
    c04c_text = """
Monday at 2pm is perfect. My number is +44 7700 900123 (still a UK number, sorry).

James
"""
    c04c = inbox(
        "c04c",
        at(29, 10, "17:05:31"),
        james,
        "james.whitfield@example.com",
        OWNER_FROM,
        "Re: Snow ploughing for our driveway this winter",
        c04c_text,
        rcpt=OWNER,
        parent=c04b,
        flags="RS",
    )
    m.append(c04c)
    m.append(
        sent(
            "c04d",
            at(29, 10, "17:21:02"),
            james,
            "Re: Snow ploughing for our driveway this winter",
            f"""
Great, talk to you on Monday!

Ylermi

{quote(tb_attr("James Whitfield", c04c.when), c04c_text)}""",
            parent=c04c,
        )
    )

    # ---- C05 Sanna Koskinen via the website form: answered after the weekend ---------------
    sanna = addr("Sanna Koskinen", "sanna.koskinen@example.fi")
    c05_text = """
Nimi: Sanna Koskinen
Sähköposti: sanna.koskinen@example.fi
Puhelin: 040 987 6543
Palvelu: Puunkaato

Viesti:
Pihallamme on kaksi isoa kuusta aivan talon vieressä (n. 20 m korkeita). Haluaisimme kaadattaa ne ennen talvea. Tarvitaanko siihen kaatolupa, ja voitteko hoitaa myös kannot?

--
Tämä viesti lähetettiin yhteydenottolomakkeelta sivustolla Pihapalvelu Yrittäjä (https://www.pihapalvelu.fi)
"""
    c05_subject_plain = "[Pihapalvelu Yrittäjä] Uusi yhteydenotto: Puunkaato"
    c05a = inbox(
        "c05a",
        at(30, 10, "17:26:09"),
        addr("Pihapalvelu Yrittäjä", "wordpress@pihapalvelu.fi"),
        "wordpress@pihapalvelu.fi",
        INFO,
        header_text(c05_subject_plain).replace("=?utf-8?q?", "=?UTF-8?Q?"),
        c05_text,
        reply_to=sanna,
        extra=[("X-Mailer", "PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)")],
        flags="RS",
    )
    m.append(c05a)
    c05_reply = f"""
Hei Sanna,

kiitos yhteydenotosta ja pahoittelut, että vastaus venyi viikonlopun yli.

Kahden noin 20-metrisen kuusen kaato talon vierestä köysiä käyttäen ja rungon ja oksien pois vienti maksaa yhteensä noin 780 € (sis. alv). Asemakaava-alueella kaatoon voi tarvita maisematyöluvan; Espoossa pihapuun kaatamiseen riittää yleensä ilmoitus, jos puu on vaaraksi talolle. Autan tarvittaessa ilmoituksen kanssa.

Kantojen jyrsinnän tilaan alihankkijalta: pyydän siitä hinnan ja kerron sen erikseen.
{SIGNATURE}
{quote(tb_attr("Pihapalvelu Yrittäjä", c05a.when), c05_text)}"""
    c05b = sent(
        "c05b",
        at(2, 11, "08:12:44"),
        sanna,
        header_text("Re: " + c05_subject_plain, lower_hex=True),
        c05_reply,
        parent=c05a,
        from_=INFO_FROM,
    )
    m.append(c05b)
    # The owner asks a subcontractor for a price; an out-of-office without any auto headers.
    kalle = addr("Kalle Kantonen", "kalle@kantojyrsinta.example")
    s_kalle = sent(
        "s_kalle",
        at(2, 11, "08:30:15"),
        kalle,
        "Tarjouspyyntö",
        f"""
Hei Kalle,

tarvitsisin hinnan kahden kuusikannon jyrsinnälle Espoon Karakalliossa, kantojen läpimitta noin 60 cm. Työ olisi ensi viikolla puunkaadon jälkeen.
{SIGNATURE}""",
    )
    m.append(s_kalle)
    m.append(
        inbox(
            "n_kalle_ooo",
            at(2, 11, "08:30:41"),
            kalle,
            "kalle@kantojyrsinta.example",
            OWNER_FROM,
            header_text("Poissa toimistolta: Tarjouspyyntö"),
            """
Hei,

olen poissa toimistolta 2.–6.11.2026 enkä lue sähköpostia tänä aikana. Vastaan viestiisi palattuani maanantaina 9.11.

Kiireellisissä asioissa soita numeroon 040 555 0188.

Kalle Kantonen
Kantojyrsintä Kantonen
""",
            rcpt=OWNER,
        )
    )
    c05c_text = """
Kiitos! Hinta sopii meille. Kannot olisi kiva saada pois samalla kertaa, jos se onnistuu.

Sanna
"""
    c05c = inbox(
        "c05c",
        at(2, 11, "12:05:10"),
        sanna,
        "sanna.koskinen@example.fi",
        INFO_FROM,
        header_text("Re: " + c05_subject_plain),
        c05c_text + "\n" + quote(tb_attr("Pihapalvelu Yrittäjä", c05b.when), c05_reply),
        parent=c05b,
        cte="quoted-printable",
        flags="RS",
    )
    m.append(c05c)
    m.append(
        sent(
            "c05d",
            at(2, 11, "12:41:30"),
            sanna,
            header_text("Re: " + c05_subject_plain, lower_hex=True),
            f"""
Hienoa! Kaato onnistuu tiistaina 10.11. Kantojyrsijä on tällä viikolla lomalla, joten kannot jyrsitään todennäköisesti seuraavalla viikolla. Kerron tarkan päivän heti kun tiedän.
{SIGNATURE}
{quote(tb_attr("Sanna Koskinen", c05c.when), c05c_text)}""",
            parent=c05c,
            from_=INFO_FROM,
        )
    )

    # ---- Non-customer mail: newsletter, Posti, supplier invoice ------------------------------
    viherala = addr("Viherala", "uutiskirje@viherala.example")
    list_headers = [
        ("List-Id", "Viherala-uutiskirje <uutiskirje.viherala.example>"),
        (
            "List-Unsubscribe",
            "<https://viherala.example/uutiskirje/peru?u=7f3a91c2>,\n"
            " <mailto:peru@viherala.example?subject=unsubscribe-7f3a91c2>",
        ),
        ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ("Precedence", "bulk"),
        ("X-Mailer", "Viherala Uutiskirjepalvelu 3.2"),
    ]
    m.append(
        inbox(
            "n_news44",
            at(29, 10, "06:00:00"),
            viherala,
            "uutiskirje@viherala.example",
            OWNER,
            header_text("Viherala-uutiskirje 44/2026: Syystyöt ja talvisuojaus"),
            """
Hei viherammattilainen!

Tässä numerossa:

* Talvisuojaus: näin suojaat ikivihreät pensasaidat pakkaselta ja kevätauringolta
* Syyslannoitus vielä marraskuussa? Asiantuntija vastaa
* Viikon tarjous: ammattilaisten haravat ja lehtipuhaltimet -20 %

Lue koko uutiskirje verkossa: https://viherala.example/uutiskirje/44-2026

Et halua enää uutiskirjettä? Peru tilaus: https://viherala.example/uutiskirje/peru?u=7f3a91c2
""",
            rcpt=OWNER,
            return_path="bounce-44-7f3a91c2@viherala.example",
            extra=list_headers,
            cte="quoted-printable",
        )
    )
    m.append(
        inbox(
            "n_posti",
            at(3, 11, "12:44:18"),
            addr("Posti", "noreply@posti.fi"),
            "noreply@posti.fi",
            OWNER,
            header_text("Lähetyksesi on noudettavissa"),
            """
Hei,

lähetyksesi JJFI65432100000012345 on noudettavissa.

Noutopiste: Pakettiautomaatti, K-Market Karakallio
Noudettava viimeistään: 10.11.2026

Tähän viestiin ei voi vastata.

Ystävällisin terveisin
Posti
""",
            rcpt=OWNER,
        )
    )
    m.append(
        inbox(
            "n_invoice",
            at(4, 11, "07:02:45"),
            addr("Viherpiste Oy Laskutus", "laskutus@supplier.example"),
            "laskutus@supplier.example",
            OWNER,
            header_text("Lasku 2026-1187 / Pihapalvelu Yrittäjä"),
            """
Hyvä asiakas,

ohessa laskunne tiedot:

Laskun numero: 2026-1187
Laskun päiväys: 4.11.2026
Tuotteet: pensasleikkurin terät 2 kpl, lehtipuhaltimen suodatin, haravat 3 kpl
Summa: 412,30 € (sis. alv 25,5 %)
Eräpäivä: 18.11.2026
Viitenumero: 12344 56786
Tilinumero: FI49 5000 9420 0287 30

Kiitos tilauksestanne!

Viherpiste Oy
Laskutus
""",
            rcpt=OWNER,
        )
    )

    # ---- C06 Eero Mäkinen: tree felling, never answered (even after a reminder) ------------
    eero = addr("Eero Mäkinen", "eero.makinen@example.fi")
    c06_text = """
Hei,

tontin rajalla on kolme isoa koivua, jotka kallistuvat naapurin puolelle. Naapuri on pyytänyt, että ne kaadettaisiin ennen talvimyrskyjä. Teettekö tällaisia töitä ja mitä se suunnilleen maksaisi? Puut ovat noin 15-metrisiä.

Eero Mäkinen
Lintuvaarantie 40, Espoo
"""
    c06a = inbox(
        "c06a",
        at(4, 11, "11:48:26"),
        eero,
        "eero.makinen@example.fi",
        OWNER_FROM,
        "Puunkaato: kolme koivua tontin rajalla",
        c06_text,
        rcpt=OWNER,
        flags="FS",
    )
    m.append(c06a)
    m.append(
        inbox(
            "c06b",
            at(10, 11, "09:15:03"),
            eero,
            "eero.makinen@example.fi",
            OWNER_FROM,
            "Re: Puunkaato: kolme koivua tontin rajalla",
            f"""
Hei,

lähetin viime viikolla alla olevan viestin. Ehditkö katsoa sitä? Jos ette ota näin pieniä keikkoja, kertokaa, niin etsin tekijän muualta.

Eero

{quote(tb_attr("Eero Mäkinen", c06a.when), c06_text)}""",
            rcpt=OWNER,
            parent=c06a,
        )
    )

    # ---- C07 Laura Nieminen: garden design, answered the same evening ---------------------
    laura = addr("Laura Nieminen", "laura.nieminen@example.fi")
    c07_text = """
Hei,

ostimme keväällä vanhan omakotitalon Tapiolasta, ja piha on päässyt aika villiintymään. Haluaisimme pihasuunnitelman ensi kevääksi: terassin paikka, perennapenkit, marjapensaat ja ehkä pieni kasvimaa. Teettekö pihasuunnittelua, ja mitä se maksaa?

Laura Nieminen
"""
    c07a = inbox(
        "c07a",
        at(5, 11, "13:02:37"),
        laura,
        "laura.nieminen@example.fi",
        INFO,
        "Pihasuunnittelu ensi kevääksi",
        c07_text,
        cte="quoted-printable",
        flags="RS",
    )
    m.append(c07a)
    c07_reply = f"""
Hei Laura,

kiitos viestistä, kuulostaa mukavalta projektilta! Teen pihasuunnitelmia: suunnitelma piirroksineen ja kasviluetteloineen maksaa pihan koosta riippuen 450–650 € (sis. alv). Ensin käyn katsomassa pihan, käynti kuuluu hintaan.

Sopisiko tiistai 10.11. klo 15?
{SIGNATURE}
{quote(tb_attr("Laura Nieminen", c07a.when), c07_text)}"""
    c07b = sent(
        "c07b",
        at(5, 11, "20:15:48"),
        laura,
        "Re: Pihasuunnittelu ensi kevääksi",
        c07_reply,
        parent=c07a,
    )
    m.append(c07b)
    c07c = inbox(
        "c07c",
        at(6, 11, "08:01:19"),
        laura,
        "laura.nieminen@example.fi",
        OWNER_FROM,
        "Re: Pihasuunnittelu ensi kevääksi",
        """
Tiistai klo 15 sopii hyvin. Osoite on Kaskenkaatajantie 9.

Laura
""",
        rcpt=OWNER,
        parent=c07b,
        cte="quoted-printable",
        flags="RS",
    )
    m.append(c07c)
    m.append(
        sent(
            "c07d",
            at(6, 11, "08:20:03"),
            laura,
            "Re: Pihasuunnittelu ensi kevääksi",
            """
Hyvä, nähdään tiistaina klo 15!

Ylermi
""",
            parent=c07c,
        )
    )

    # ---- Owner-initiated offer to a former customer; it bounces -----------------------------
    rauno = addr("Rauno Aaltonen", "rauno.aaltonen@vanhaposti.example")
    rauno_subject = header_text("Lumityöt talvikaudelle 2026–2027", lower_hex=True)
    c_rauno = sent(
        "s_rauno",
        at(6, 11, "14:02:00"),
        rauno,
        rauno_subject,
        f"""
Hei Rauno,

hoidin viime talvena pihanne lumityöt. Jatketaanko tänäkin talvena samalla sopimuksella? Hinta pysyy ennallaan, 60 €/kk + alv.
{SIGNATURE}""",
    )
    m.append(c_rauno)
    m.append(bounce(c_rauno, at(6, 11, "14:02:03")))

    # ---- C08 As Oy Koivukuja (2/3): autumn pruning, phone reply without threading headers --
    c08_text = f"""
Hei Ylermi,

hallitus hyväksyi kokouksessaan 5.11. tarjouksenne lumitöistä, sopimus tulee allekirjoitettavaksi postissa.

Lisäksi toivoisimme vielä ennen lumia:
- pensasaitojen leikkauksen (noin 60 m, A- ja C-talon välissä)
- lehtien poiston nurmikoilta ja leikkipaikalta

Ehditkö tällä tai ensi viikolla? Laita samalla hinta-arvio.
{riitta_sig}"""
    c08a = inbox(
        "c08a",
        at(9, 11, "13:20:18"),
        riitta,
        "riitta.laaksonen@koivukuja.example",
        OWNER_FROM,
        "As Oy Koivukuja: syysleikkaukset ja lehtien poisto",
        c08_text,
        rcpt=OWNER,
        cc=hallitus,
        mid_kind="outlook",
        flags="RS",
    )
    m.append(c08a)
    c08b = sent(
        "c08b",
        at(9, 11, "13:52:40"),
        riitta,
        "Re: As Oy Koivukuja: syysleikkaukset ja lehtien poisto",
        """
Hei Riitta,

kiitos, hienoa kuulla! Ehdin torstaina 12.11. Pensasaitojen leikkaus ja lehtien poisto yhteensä noin 520 € + alv, jätteiden poisvienti mukana.

Ylermi

Lähetetty iPhonesta
""",
        parent=c08a,
        client="iphone",
        cc=hallitus,
    )
    c08b.unread = True  # the phone APPENDed it without \Seen: mbsync/Dovecot keep it in new/
    m.append(c08b)

    # ---- C09 Sophie Martin (English): lawn mowing, answered in minutes ---------------------
    sophie = addr("Sophie Martin", "sophie.martin@example.com")
    c09_text = """
Hi,

We are looking for someone to mow our lawn (about 600 m²) every week or every other week next summer, from May to September. Do you take bookings this early?

Kind regards,
Sophie Martin
"""
    c09a = inbox(
        "c09a",
        at(10, 11, "07:55:12"),
        sophie,
        "sophie.martin@example.com",
        INFO,
        "Lawn mowing next summer",
        c09_text,
        flags="RS",
    )
    m.append(c09a)
    m.append(
        sent(
            "c09b",
            at(10, 11, "08:03:37"),
            sophie,
            "Re: Lawn mowing next summer",
            f"""
Hi Sophie,

Yes, I do! Weekly mowing of a 600 m² lawn costs €45 per visit including VAT, every other week €52 per visit (the grass is longer). I'll put you on the list for May; I'll confirm the start date in April.
{SIGNATURE_EN}
{quote(tb_attr("Sophie Martin", c09a.when), c09_text)}""",
            parent=c09a,
            from_=INFO_FROM,
        )
    )

    # ---- C10 Juha Korhonen: office snow clearing; Outlook out-of-office after the reply ----
    juha = addr("Juha Korhonen", "juha.korhonen@korhonen-consulting.example")
    outlook = [
        ("Thread-Topic", "Toimiston pihan lumityöt"),
        ("Thread-Index", "AdtT3kQ2y0m7bq1+Ry2f0pSgW9k2Qw=="),
        ("Content-Language", "fi-FI"),
        ("X-MS-Has-Attach", ""),
        ("X-MS-TNEF-Correlator", ""),
    ]
    c10_text = """
Hei,

yrityksellämme on pieni toimistokiinteistö Leppävaarassa, piha-alue noin 400 m² ja 8 autopaikkaa. Pyytäisin tarjousta lumitöistä kaudelle 2026–2027 (auraus ja hiekoitus).

Olen lomalla 11.–15.11., mutta palaan asiaan heti sen jälkeen.

Ystävällisin terveisin
Juha Korhonen
toimitusjohtaja, Korhonen Consulting Oy
"""
    c10a = inbox(
        "c10a",
        at(11, 11, "09:40:22"),
        juha,
        "juha.korhonen@korhonen-consulting.example",
        INFO,
        "Toimiston pihan lumityöt",
        c10_text,
        mid_kind="outlook",
        ctype='text/plain; charset="utf-8"',
        cte="quoted-printable",
        extra=outlook,
        flags="RS",
    )
    m.append(c10a)
    c10_reply = f"""
Hei Juha,

kiitos tarjouspyynnöstä. Tarjoukseni Leppävaaran toimistokiinteistön lumitöistä kaudelle 1.11.2026–30.4.2027: auraus ja hiekoitus 210 €/kk + alv. Auraus arkisin klo 7 mennessä.
{SIGNATURE}
{quote(tb_attr("Juha Korhonen", c10a.when), c10_text)}"""
    c10b = sent(
        "c10b", at(11, 11, "10:25:05"), juha, "Re: Toimiston pihan lumityöt", c10_reply, parent=c10a
    )
    m.append(c10b)
    m.append(
        inbox(
            "n_juha_ooo",
            at(11, 11, "10:25:09"),
            juha,
            "juha.korhonen@korhonen-consulting.example",
            OWNER_FROM,
            "Automaattinen vastaus: Re: Toimiston pihan lumityöt",
            """
Olen lomalla 11.–15.11.2026 ja luen sähköpostini palattuani maanantaina 16.11.

Kiireellisissä asioissa voit olla yhteydessä toimistoomme, puh. 09 555 0140.

Juha Korhonen
Korhonen Consulting Oy
""",
            rcpt=OWNER,
            parent=c10b,
            mid_kind="outlook",
            ctype='text/plain; charset="utf-8"',
            cte="quoted-printable",
            extra=[
                ("Thread-Topic", "Toimiston pihan lumityöt"),
                ("Thread-Index", "AQHbU95EBgq1eVmF9kGzM0X0rcr6fLRxzt0b"),
                ("Auto-Submitted", "auto-replied"),
                ("X-MS-Exchange-Inbox-Rules-Loop", "juha.korhonen@korhonen-consulting.example"),
                ("X-Auto-Response-Suppress", "All"),
                ("Content-Language", "fi-FI"),
            ],
        )
    )
    c10c_text = """
Hei,

kiitos tarjouksesta, hyväksymme sen. Voiko sopimus alkaa heti tällä viikolla? Ensimmäiset lumet ovat jo tulossa.

Juha Korhonen
"""
    c10c = inbox(
        "c10c",
        at(16, 11, "08:05:44"),
        juha,
        "juha.korhonen@korhonen-consulting.example",
        OWNER_FROM,
        "VS: Toimiston pihan lumityöt",
        c10c_text + "\n" + quote(tb_attr("Ylermi Yrittäjä", c10b.when), c10_reply),
        rcpt=OWNER,
        parent=c10b,
        mid_kind="outlook",
        ctype='text/plain; charset="utf-8"',
        cte="quoted-printable",
        extra=outlook,
        flags="RS",
    )
    m.append(c10c)
    m.append(
        sent(
            "c10d",
            at(16, 11, "09:02:30"),
            juha,
            "Re: VS: Toimiston pihan lumityöt",
            f"""
Hei Juha,

kiitos! Sopimus voi alkaa heti, lisään kiinteistönne aurausreitille tästä päivästä alkaen. Lähetän sopimuksen allekirjoitettavaksi huomenna.
{SIGNATURE}
{quote(tb_attr("Juha Korhonen", c10c.when), c10c_text)}""",
            parent=c10c,
        )
    )

    # ---- C11 Kalevi Heikkinen: no Message-ID; reply next morning ---------------------------
    kalevi = addr("Kalevi Heikkinen", "kalevi.heikkinen@example.fi")
    c11_text = """
hei

tarvitsisimme ensi kesäksi nurmikon leikkuun kerran viikossa kesä-elokuussa. nurmikkoa on noin 800 neliötä. paljonko maksaa?

kalevi heikkinen
puh 050 555 0177
"""
    c11a = inbox(
        "c11a",
        at(12, 11, "18:22:51"),
        kalevi,
        "kalevi.heikkinen@example.fi",
        INFO,
        header_text("nurmikon leikkuu ensi kesänä"),
        c11_text,
        with_mid=False,
        flags="RS",
    )
    m.append(c11a)
    m.append(
        sent(
            "c11b",
            at(13, 11, "07:30:14"),
            kalevi,
            header_text("Re: nurmikon leikkuu ensi kesänä", lower_hex=True),
            f"""
Hei Kalevi,

kiitos kyselystä. 800 m² nurmikon leikkuu kerran viikossa maksaa 55 € kerralta (sis. alv), kesä–elokuussa yhteensä noin 13 kertaa. Merkitsen teidät alustavasti ensi kesän listalle, vahvistan aloituspäivän toukokuussa.
{SIGNATURE}
{quote(tb_attr("Kalevi Heikkinen", c11a.when), c11_text)}""",
            parent=c11a,
        )
    )

    # ---- C12 Tuomas Järvinen: wrote Saturday and Sunday, answered Monday ------------------
    tuomas = addr("Tuomas Järvinen", "tuomas.jarvinen@example.fi", charset="iso-8859-1")
    c12_text = """
Hei,

tarvitsisimme omakotitalollemme lumityöt tälle talvelle: pihatie (noin 30 metriä) ja kahden auton pysäköintipaikka. Onko teillä vielä tilaa aurausreitillä, ja mitä kausisopimus maksaa?

--
Tuomas Järvinen
Rinnetie 12, 02770 Espoo
+358 40 765 4321
"""
    c12a = inbox(
        "c12a",
        at(14, 11, "10:12:30"),
        tuomas,
        "tuomas.jarvinen@example.fi",
        OWNER_FROM,
        encode_word("Lumityöt omakotitalolle"),
        c12_text,
        rcpt=OWNER,
    )
    m.append(c12a)
    c12b_text = """
Unohdin mainita, että meillä on jyrkkä ramppi autotalliin, joka pitää hiekoittaa aina aurauksen jälkeen.

--
Tuomas Järvinen
Rinnetie 12, 02770 Espoo
+358 40 765 4321
"""
    c12b = inbox(
        "c12b",
        at(15, 11, "19:44:02"),
        tuomas,
        "tuomas.jarvinen@example.fi",
        OWNER_FROM,
        encode_word("Re: Lumityöt omakotitalolle"),
        c12b_text + "\n" + quote(tb_attr("Tuomas Järvinen", c12a.when), c12_text),
        rcpt=OWNER,
        parent=c12a,
        flags="RS",
    )
    m.append(c12b)
    m.append(
        sent(
            "c12c",
            at(16, 11, "07:50:26"),
            tuomas,
            header_text("Re: Lumityöt omakotitalolle", lower_hex=True),
            f"""
Hei Tuomas,

kiitos viesteistä, ja pahoittelut että vastaus tuli vasta viikonlopun jälkeen. Aurausreitillä on vielä tilaa. Kausisopimus 1.11.–30.4. pihatielle, pysäköintipaikalle ja rampin hiekoitukselle on 75 €/kk + alv.

Jos tämä sopii, aloitan heti ensimmäisten lumien tultua.
{SIGNATURE}
{quote(tb_attr("Tuomas Järvinen", c12b.when), c12b_text)}""",
            parent=c12b,
        )
    )

    # ---- C13 Oliver Bennett (English): garden design, answered the next day ---------------
    oliver = addr("Oliver Bennett", "oliver.bennett@example.com")
    c13_text = """
Hello,

We'd like to redesign our back garden next spring: a vegetable patch, some native Finnish plants and a small terrace. Would it be possible to book a consultation with you?

Many thanks,
Oliver Bennett
Olarinluoma 21, Espoo
"""
    c13a = inbox(
        "c13a",
        at(16, 11, "12:30:07"),
        oliver,
        "oliver.bennett@example.com",
        INFO,
        "Garden design consultation",
        c13_text,
        flags="RS",
    )
    m.append(c13a)
    c13_reply = f"""
Hi Oliver,

Sorry for the slow reply, yesterday was a long day out in the field. I'd be glad to help. A garden plan with drawings and a plant list costs €450–650 depending on the size of the garden, and the first visit is included.

Could I come and have a look on Thursday 19 November at 3pm?
{SIGNATURE_EN}
{quote(tb_attr("Oliver Bennett", c13a.when), c13_text)}"""
    c13b = sent(
        "c13b",
        at(17, 11, "09:10:33"),
        oliver,
        "Re: Garden design consultation",
        c13_reply,
        parent=c13a,
        cte="quoted-printable",
    )
    m.append(c13b)
    c13c_text = """
Thursday at 3pm works for us. See you then!

Oliver
"""
    c13c = inbox(
        "c13c",
        at(17, 11, "10:02:11"),
        oliver,
        "oliver.bennett@example.com",
        OWNER_FROM,
        "Re: Garden design consultation",
        c13c_text,
        rcpt=OWNER,
        parent=c13b,
        flags="RS",
    )
    m.append(c13c)
    m.append(
        sent(
            "c13d",
            at(17, 11, "10:15:00"),
            oliver,
            "Re: Garden design consultation",
            f"""
Great, see you on Thursday!

Ylermi

{quote(tb_attr("Oliver Bennett", c13c.when), c13c_text)}""",
            parent=c13c,
        )
    )

    # ---- C14 Ville Lehtonen: hedge and leaves, answered in 15 minutes ----------------------
    ville = addr("Ville Lehtonen", "ville.lehtonen@example.fi")
    c14_text = """
Moi,

ehtisitkö vielä tänä syksynä leikata pensasaidan (tuijaa noin 25 m) ja haravoida lehdet? Piha on Mankkaalla, rivitalon pääty.

Ville Lehtonen
"""
    c14a = inbox(
        "c14a",
        at(18, 11, "16:05:21"),
        ville,
        "ville.lehtonen@example.fi",
        INFO,
        "Pensasaidan leikkaus ja lehtien haravointi",
        c14_text,
        flags="RS",
    )
    m.append(c14a)
    m.append(
        sent(
            "c14b",
            at(18, 11, "16:20:49"),
            ville,
            "Re: Pensasaidan leikkaus ja lehtien haravointi",
            f"""
Moi Ville,

ehdin vielä ensi viikolla. Tuijan leikkaus ja haravointi yhteensä noin 260 € (sis. alv). Soitan sinulle torstaina klo 8.30, niin sovitaan päivä.
{SIGNATURE}
{quote(tb_attr("Ville Lehtonen", c14a.when), c14_text)}""",
            parent=c14a,
            cte="quoted-printable",
        )
    )

    # ---- C15 As Oy Koivukuja (3/3): urgent fallen tree, answered in minutes ----------------
    c15_text = f"""
Hei Ylermi,

eilisen myrskyn jäljiltä iso koivu on kaatunut B-talon edessä pihatien poikki, eikä jäteauto pääse pihaan. Puu nojaa myös osittain aitaan. Voitko tulla katsomaan mahdollisimman pian?
{riitta_sig}"""
    c15a = inbox(
        "c15a",
        at(20, 11, "15:40:02"),
        riitta,
        "riitta.laaksonen@koivukuja.example",
        OWNER_FROM,
        header_text("KIIREELLINEN: kaatunut koivu B-talon edessä"),
        c15_text,
        rcpt=OWNER,
        cc=hallitus,
        mid_kind="outlook",
        extra=[("X-Priority", "1"), ("Importance", "high")],
        flags="RS",
    )
    m.append(c15a)
    m.append(
        sent(
            "c15b",
            at(20, 11, "15:47:30"),
            riitta,
            header_text("Re: KIIREELLINEN: kaatunut koivu B-talon edessä", lower_hex=True),
            f"""
Hei Riitta,

tulen huomenna lauantaina aamulla moottorisahan ja peräkärryn kanssa ja raivaan pihatien ensin. Soitan sinulle huomenna klo 8 ennen kuin lähden liikkeelle.
{SIGNATURE}
{quote(tb_attr("Riitta Laaksonen", c15a.when), c15_text)}""",
            parent=c15a,
            cc=hallitus,
        )
    )

    # ---- Newsletter, the last delivery of the period, still unread (new/) ------------------
    m.append(
        inbox(
            "n_news47",
            at(22, 11, "06:00:00"),
            viherala,
            "uutiskirje@viherala.example",
            OWNER,
            header_text("Viherala-uutiskirje 47/2026: Lumityökoneiden huolto"),
            """
Hei viherammattilainen!

Tässä numerossa:

* Lumilinko kuntoon ennen ensilunta: tarkistuslista
* Kausisopimukset: miten hinnoittelet aurauksen, kun talvi on arvaamaton?
* Viikon tarjous: hiekoitussepelit ja lumilapiot -15 %

Lue koko uutiskirje verkossa: https://viherala.example/uutiskirje/47-2026

Et halua enää uutiskirjettä? Peru tilaus: https://viherala.example/uutiskirje/peru?u=7f3a91c2
""",
            rcpt=OWNER,
            return_path="bounce-47-7f3a91c2@viherala.example",
            extra=list_headers,
            cte="quoted-printable",
            flags="",
            unread=True,
        )
    )

    # ---- The demo's Monday morning, after the four weeks (scripts/demo.sh runs at DEMO_NOW) --
    # C16 Aino Salonen: answered at once with a promised call this afternoon (an upcoming
    # reminder at DEMO_NOW); C17 Hannu Lindroos: wrote 24 minutes before DEMO_NOW, unanswered
    # (the acknowledgment that would go).
    aino = addr("Aino Salonen", "aino.salonen@example.fi")
    c16_text = """
Hei,

muutimme juuri Tapiolaan rivitalon päätyasuntoon. Ehtisittekö hoitaa pihamme lumityöt ja hiekoituksen tänä talvena? Pihaa on noin 80 m².

Aino Salonen
050 321 7788
"""
    c16a = inbox(
        "c16a",
        at(23, 11, "06:52:14"),
        aino,
        "aino.salonen@example.fi",
        INFO,
        "Lumityöt ja hiekoitus talveksi",
        c16_text,
        flags="RS",
    )
    m.append(c16a)
    m.append(
        sent(
            "c16b",
            at(23, 11, "07:38:40"),
            aino,
            "Re: Lumityöt ja hiekoitus talveksi",
            f"""
Hei Aino,

kiitos viestistä, Tapiolaan ehdin hyvin. Soitan sinulle tänään klo 14, niin sovitaan sopimuksen sisältö.
{SIGNATURE}
{quote(tb_attr("Aino Salonen", c16a.when), c16_text)}""",
            parent=c16a,
        )
    )
    m.append(
        inbox(
            "c17a",
            DEMO_NOW - timedelta(minutes=23, seconds=55),
            addr("Hannu Lindroos", "hannu.lindroos@example.fi"),
            "hannu.lindroos@example.fi",
            INFO,
            "Tarjouspyyntö: pihakivetys ensi keväänä",
            """
Hei,

haluaisimme kivetyksen omakotitalon pihaan ensi keväänä, noin 60 m² pihatietä ja terassin edusta. Voisitteko tulla katsomaan ja tehdä tarjouksen?

Hannu Lindroos
Kalliotie 4, Espoo
""",
        )
    )

    return m


def bounce(original: Mail, when: datetime) -> Mail:
    """Postfix's non-delivery report for ``original`` (multipart/report; delivery-status)."""
    qid = queue_id(original.key, "bounce")
    boundary = f"{qid}.{int(when.timestamp())}/{MX}"
    rcpt = "rauno.aaltonen@vanhaposti.example"
    orig_headers = "".join(f"{k}: {v}\n" for k, v in original.headers)
    arrival = fmt_date(original.when)
    body = f"""This is a MIME-encapsulated message.

--{boundary}
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host {MX}.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<{rcpt}>: host mx.vanhaposti.example[198.51.100.20] said:
    550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown
    in virtual mailbox table (in reply to RCPT TO command)

--{boundary}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; {MX}
X-Postfix-Queue-ID: {queue_id(original.key)}
X-Postfix-Sender: rfc822; {OWNER}
Arrival-Date: {arrival} (EET)

Final-Recipient: rfc822; {rcpt}
Original-Recipient: rfc822;{rcpt}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.vanhaposti.example
Diagnostic-Code: smtp; 550 5.1.1 <{rcpt}>: Recipient address rejected:
    User unknown in virtual mailbox table

--{boundary}
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

{orig_headers}
--{boundary}--
"""
    utc = when.astimezone(UTC).strftime("%Y%m%d%H%M%S")
    mid = f"<{utc}.{qid}@{MX}>"
    h = [
        ("Return-Path", "<>"),
        ("X-Original-To", OWNER),
        ("Delivered-To", OWNER),
        ("Received", f"by {MX} (Postfix)\n\tid {qid}; {fmt_date(when)} (EET)"),
        ("Date", fmt_date(when)),
        ("From", f"MAILER-DAEMON@{MX} (Mail Delivery System)"),
        ("Subject", "Undelivered Mail Returned to Sender"),
        ("To", OWNER),
        ("Auto-Submitted", "auto-replied"),
        ("MIME-Version", "1.0"),
        (
            "Content-Type",
            f'multipart/report; report-type=delivery-status;\n\tboundary="{boundary}"',
        ),
        ("Content-Transfer-Encoding", "8bit"),
        ("Message-Id", mid),
    ]
    return Mail("", when, "n_bounce", h, body.encode("ascii"), "S", False, mid, [])


# --------------------------------------------------------------------------- writing


def write(mails: list[Mail], out: Path) -> None:
    for mail in mails:
        assert WINDOW[0] <= mail.when < max(WINDOW[1], DEMO_NOW), (mail.key, mail.when)
    keys = [mail.key for mail in mails]
    assert len(set(keys)) == len(keys), "duplicate keys"

    if out.exists():
        unexpected = {p.name for p in out.iterdir()} - {"cur", "new", "tmp", ".Sent"}
        if unexpected:
            raise SystemExit(f"refusing to replace {out}: unexpected entries {sorted(unexpected)}")
        shutil.rmtree(out)
    for folder in ("", ".Sent"):
        for sub in ("cur", "new", "tmp"):
            (out / folder / sub).mkdir(parents=True, exist_ok=True)
    (out / ".Sent" / "maildirfolder").write_bytes(b"")

    for folder, dirname in (("", ""), ("Sent", ".Sent")):
        own = sorted((mm for mm in mails if mm.folder == folder), key=lambda mm: mm.when)
        for n, mail in enumerate(own, start=1):
            ts = int(mail.when.timestamp())
            base = f"{ts}.M{n}P100.demo"
            path = (
                out / dirname / "new" / base
                if mail.unread
                else out / dirname / "cur" / f"{base}:2,{mail.flags}"
            )
            path.write_bytes(mail.render())
            os.utime(path, (ts, ts))

    for folder in ("", ".Sent"):
        for sub in ("cur", "new"):
            assert any((out / folder / sub).iterdir()), f"{folder}/{sub} must not be empty"
        (out / folder / "tmp" / ".gitkeep").write_bytes(b"")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent / "mailbox",
        help="target Maildir (default: examples/mailbox next to this script)",
    )
    args = parser.parse_args()
    mails = build()
    write(mails, args.out)
    n_in = sum(1 for mm in mails if mm.folder == "")
    print(f"wrote {args.out}: INBOX {n_in} messages, Sent {len(mails) - n_in} messages")


if __name__ == "__main__":
    main()
