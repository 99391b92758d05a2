"""A generated two-year history for the contact queue, with its answer key.

Mail of regular, seasonal, one-off and fading customers, a company's two people, complaint mails
in Finnish, Swedish and English, and long waits, from 1.12.2024 to ``NOW`` (Tue 1.12.2026
10:00 Helsinki), written as the mailbox holds them: each customer mail in INBOX, each of the
owner's answers in Sent (In-Reply-To the mail it answers). Contacts fall on weekdays at
09:00–14:00, a prompt answer two hours later, so business and wall-clock waits are plain.
A seeded jitter of a few days keeps the rhythms human without moving any customer across a
threshold (each is at least ten days clear of it).

``ANSWER_KEY``: exactly the customers the queue must hold as of ``NOW`` with
``[customers] companies = ["koivukuja.fi"]``, each with its reasons; ``WORDS``: complaint words
each unhappy customer's reason must name. Everyone else must not be in the queue: in particular
the garden and summer-cottage customers, out of season now and silent for the same months a
year ago too, and the snow customer, in season and writing.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

HEL = ZoneInfo("Europe/Helsinki")
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=HEL)
START = date(2024, 12, 1)
OWNER = "ylermi@pihapalvelu.fi"
COMPANIES = ("koivukuja.fi",)

ANSWER_KEY: dict[str, set[str]] = {
    "hiipuva@gmail.com": {"quiet"},  # monthly until mid-June 2026, then nothing
    "harveneva@firma-oy.fi": {"quiet"},  # every two weeks until September 2026
    "koivukuja.fi": {"quiet"},  # a company: Anna and Pekka by turns, monthly until June
    "valittaja@gmail.com": {"unhappy"},  # Finnish complaint (subject and body)
    "bengt@telia.se": {"unhappy"},  # Swedish complaint, in the body only
    "uma.unhappy@gmail.com": {"unhappy"},  # English complaint
    "jatko@gmail.com": {"unhappy"},  # a follow-up that waited four business days
    "odottaja@gmail.com": {"waited"},  # answered after ten business days
    "vastaamaton@gmail.com": {"waited"},  # never answered
}
WORDS: dict[str, set[str]] = {
    "valittaja@gmail.com": {"reklamaatio", "ei toimi", "vieläkään"},
    "bengt@telia.se": {"besviken", "fortfarande inte"},
    "uma.unhappy@gmail.com": {"still not", "refund"},
}
SEASONAL = ("lumi.aura@gmail.com", "puutarha@gmail.com", "mokki.marja@gmail.com")


@dataclass
class Contact:
    at: datetime
    subject: str = "Tarjouspyyntö"
    body: str = "Hei,\n\nvoisitteko tehdä tarjouksen?\n"
    answer_after: timedelta | None = timedelta(hours=2)  # None: never answered
    follow_up_after: timedelta | None = None  # the customer writes again after the answer
    follow_up_answer_after: timedelta = timedelta(hours=2)


@dataclass
class Customer:
    address: str
    name: str
    contacts: list[Contact] = field(default_factory=list)


def workday(d: date, hour: int = 10) -> datetime:
    """``d`` at ``hour`` Helsinki time, moved to the next Monday when it is a weekend."""
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return datetime.combine(d, time(hour), HEL)


def every(first: date, last: date, days: int, rnd: random.Random) -> Iterator[datetime]:
    d = first
    while d <= last:
        yield workday(d + timedelta(days=rnd.randint(-2, 2)), rnd.choice((9, 10, 11, 13)))
        d += timedelta(days=days)


def seasons(years: range, start: tuple[int, int], end: tuple[int, int], days: int,
            rnd: random.Random) -> Iterator[datetime]:  # fmt: skip
    """Every ``days`` from (month, day) ``start`` to ``end`` each year; a season that starts
    in the autumn runs into the next spring."""
    for year in years:
        first = date(year, *start)
        last = date(year + (start > end), *end)
        yield from every(first, last, days, rnd)


def history(seed: int = 18) -> list[Customer]:
    rnd = random.Random(seed)
    now = NOW.date()
    c: list[Customer] = []

    def add(address: str, name: str, times: Iterator[datetime] | list[datetime]) -> Customer:
        # a subject of its own each time: a new request, never a thread continued
        contacts = [Contact(t, f"Tilaus {t:%d.%m.%Y}") for t in times if t < NOW]
        customer = Customer(address, name, contacts)
        c.append(customer)
        return customer

    # regular: monthly and fortnightly, writing lately
    add("reeta@gmail.com", "Reeta Säännöllinen", every(START, date(2026, 11, 20), 30, rnd))
    add("saara@gmail.com", "Saara Tiheä", every(START, date(2026, 11, 24), 14, rnd))
    # seasonal: snow every winter (in season now, wrote in November); the garden from April to
    # September and the summer cottage from May to August (out of season now)
    snow = [*seasons(range(2024, 2026), (11, 15), (3, 20), 20, rnd),
            workday(date(2026, 11, 12)), workday(date(2026, 11, 25))]  # fmt: skip
    add("lumi.aura@gmail.com", "Lumi Aura Oy", [t for t in snow if t.date() >= START])
    add("puutarha@gmail.com", "Pirjo Puutarha",
        seasons(range(2025, 2027), (4, 15), (9, 15), 21, rnd))  # fmt: skip
    add("mokki.marja@gmail.com", "Marja Mökki",
        seasons(range(2025, 2027), (5, 20), (8, 20), 14, rnd))  # fmt: skip
    # one-off and two-off customers, answered promptly
    add("kerta@gmail.com", "Kerta Kaalinen", [workday(date(2025, 3, 12))])
    add("kerta2@outlook.com", "Toinen Kerta", [workday(date(2026, 10, 5))])
    add("kaksi@gmail.com", "Kaksi Kertaa", [workday(date(2025, 6, 2)), workday(date(2025, 8, 4))])
    # fading: a monthly customer who stopped in June, a fortnightly one in September
    add("hiipuva@gmail.com", "Hilkka Hiipuva", every(START, date(2026, 6, 15), 30, rnd))
    add("harveneva@firma-oy.fi", "Harri Harveneva",
        every(date(2025, 9, 1), date(2026, 9, 1), 14, rnd))  # fmt: skip
    # a company's two people by turns (two conversations each: neither alone has a rhythm)
    for k, d in enumerate((date(2026, 3, 2), date(2026, 4, 1), date(2026, 5, 4), date(2026, 6, 1))):
        who = ("anna@koivukuja.fi", "Anna Koivu") if k % 2 == 0 else ("pekka@koivukuja.fi", "Pekka Koivu")
        add(*who, [workday(d)])
    # complaints: in Finnish (subject and body), Swedish (body only), English
    fi = add("valittaja@gmail.com", "Valtteri Valittaja",
             [workday(date(2026, 7, 1)), workday(date(2026, 9, 1)), workday(date(2026, 11, 16))])  # fmt: skip
    fi.contacts[-1].subject = "Reklamaatio: lasku 1234"
    fi.contacts[-1].body = "Hei,\n\nasentamanne laite ei toimi vieläkään. Missä vika?\n"
    sv = add("bengt@telia.se", "Bengt Besviken", [workday(date(2026, 11, 10))])
    sv.contacts[0].subject = "Fönstren"
    sv.contacts[0].body = "Hej,\n\njag är besviken: fönstren är fortfarande inte tvättade.\n"
    en = add("uma.unhappy@gmail.com", "Uma Unhappy", [workday(date(2026, 11, 20))])
    en.contacts[0].subject = "Order 778"
    en.contacts[0].body = "Hello,\n\nthe pump is still not working. I would like a refund.\n"
    # a customer quoting the owner's words: their own words are happy
    q = add("lainaaja@gmail.com", "Lasse Lainaaja", [workday(date(2026, 11, 18))])
    q.contacts[0].subject = "Kiitos"
    q.contacts[0].body = (
        "Kiitos, hyvin toimii nyt!\n\n> Jos laite ei toimi vieläkään, soittakaa.\n"
    )
    # an old complaint, long before the signal window, and a customer happy since
    old = add("vanha@gmail.com", "Veli Vanha", [workday(date(2026, 3, 2)), workday(date(2026, 11, 2))])
    old.contacts[0].subject = "Reklamaatio"
    # long waits: answered after ten business days; never answered; an old wait, long ago
    add("odottaja@gmail.com", "Olli Odottaja", [workday(date(2026, 11, 2))]).contacts[
        0
    ].answer_after = timedelta(days=14)
    unanswered = add("vastaamaton@gmail.com", "Ville Vastaamaton", [workday(date(2026, 11, 17))])
    unanswered.contacts[0].answer_after = None
    unanswered.contacts[0].body = "Hei,\n\nvoisitteko soittaa?\n\nVille\npuh. 040 765 4321\n"
    add("vanha.odotus@gmail.com", "Vieno Odotus", [workday(date(2026, 3, 2))]).contacts[
        0
    ].answer_after = timedelta(days=18)
    # a follow-up after a prompt answer, itself answered after four business days
    j = add("jatko@gmail.com", "Jaana Jatko", [workday(date(2026, 11, 3))])
    j.contacts[0].follow_up_after = timedelta(days=2)
    j.contacts[0].follow_up_answer_after = timedelta(days=6)
    assert now == NOW.date()
    return c


@dataclass(frozen=True)
class Mail:
    folder: str
    at: datetime
    raw: bytes


def _mail(frm: str, to: str, subject: str, msgid: str, at: datetime, body: str,
          reply_to: str | None = None) -> bytes:  # fmt: skip
    head = (f"Return-Path: <{frm.split('<')[-1].rstrip('>')}>\nFrom: {frm}\nTo: {to}\n"
            f"Subject: {subject}\nDate: {at.strftime('%a, %d %b %Y %H:%M:%S %z')}\n"
            f"Message-ID: <{msgid}>\n")  # fmt: skip
    if reply_to:
        head += f"In-Reply-To: <{reply_to}>\nReferences: <{reply_to}>\n"
    head += "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
    return (head + "\n" + body).encode("utf-8")


def mails(customers: list[Customer]) -> list[Mail]:
    """Every mail of the history that has arrived by NOW, in time order."""
    out: list[Mail] = []
    for ci, cust in enumerate(customers):
        sender = f"{cust.name} <{cust.address}>"
        for k, con in enumerate(cust.contacts):
            mid, rid = f"c{ci}-{k}@asiakas", f"r{ci}-{k}@pihapalvelu.fi"
            out.append(Mail("INBOX", con.at, _mail(sender, OWNER, con.subject, mid, con.at, con.body)))
            if con.answer_after is None:
                continue
            answered = con.at + con.answer_after
            out.append(Mail("Sent", answered, _mail(OWNER, sender, "Re: " + con.subject, rid,
                                                    answered, "Hei,\n\nkiitos viestistä.\n", mid)))  # fmt: skip
            if con.follow_up_after is None:
                continue
            fid, fr = f"f{ci}-{k}@asiakas", f"fr{ci}-{k}@pihapalvelu.fi"
            again = answered + con.follow_up_after
            out.append(Mail("INBOX", again, _mail(sender, OWNER, "Re: " + con.subject, fid, again,
                                                  "Milloin pääsette aloittamaan?\n", rid)))  # fmt: skip
            later = again + con.follow_up_answer_after
            out.append(Mail("Sent", later, _mail(OWNER, sender, "Re: " + con.subject, fr, later,
                                                 "Ensi viikolla.\n", fid)))  # fmt: skip
    return sorted((m for m in out if m.at <= NOW), key=lambda m: m.at)
