"""find_promise: a table of literal replies, the quote and signature cutter, and invariants."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vasteaika.catalogue.reasons import promise_reason
from vasteaika.reminders.promises import (
    DayParts,
    Promise,
    find_promise,
    read_promise,
    strip_quoted,
)

HKI = ZoneInfo("Europe/Helsinki")
BASE = datetime(2026, 11, 25, 9, 12, tzinfo=HKI)  # a Wednesday
EVENING = datetime(2026, 11, 25, 19, 30, tzinfo=HKI)
SUNDAY = datetime(2026, 11, 29, 12, 0, tzinfo=HKI)


def at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=HKI)


MAIJA_REPLY = (
    "Hei Maija,\n\nkiitos viestistä. Soitan sinulle huomenna klo 10 ja sovitaan tarkemmin."
    "\n\nTerveisin\nYlermi\n\n> vanha lainaus klo 8"
)
SIGNATURE_ONLY_TIME = (
    "Hei,\n\nkiitos tilauksesta, palaan asiaan.\n\n-- \nYlermi Yrittäjä\nPuh. 040 123 4567\n"
    "Avoinna ma-pe klo 8-16"
)
SIGNATURE_WITHOUT_SEPARATOR = (
    "Hei,\n\nsoitan perjantaina.\n\nYstävällisin terveisin\nYlermi\np. 040 123 4567\n"
    "Soitan takaisin arkisin klo 8-16"
)
GMAIL_QUOTE = (
    "Thanks Maija,\n\nI'll call you on Friday at 10.\n\n"
    "On Wed, 25 Nov 2026 at 08:00, Maija <maija@example.fi>\nwrote:\n"
    "> Could you call me today at 10? I'll be in all day.\n"
)
FINNISH_CLIENT_QUOTE = (
    "Kiitos!\n\nPalaan asiaan ylihuomenna.\n\n"
    "ke 25.11.2026 klo 8.00 Maija Meikäläinen (maija@example.fi) kirjoitti:\n"
    "Soitan teille tänään klo 10, jos ehdin.\n"
)
OUTLOOK_QUOTE = (
    "Hei,\n\nsoitan ensi viikolla.\n\n"
    "Lähettäjä: Maija Meikäläinen <maija@example.fi>\n"
    "Lähetetty: keskiviikko 25. marraskuuta 2026 8.00\n"
    "Vastaanottaja: Ylermi <ylermi@example.fi>\n"
    "Aihe: Tarjous\n\nSoitan teille tänään klo 11.\n"
)
ORIGINAL_MESSAGE = (
    "I'll get back to you by Friday.\n\n-----Original Message-----\n"
    "From: Maija\nI'll call you back today at 4pm.\n"
)
ONLY_QUOTED_PROMISE = "Kiitos tiedosta!\n\n> Soitan huomenna klo 10.\n> Maija"
ORDER_CONFIRMATION = (
    "Hei,\n\nTilauksenne on vastaanotettu 25.11. ja se toimitetaan 2-3 arkipäivässä.\n\n"
    "Kiitos tilauksesta!\n\nTerveisin\nYlermi"
)

# (text, base, expected due_at or None, expected has_time)
CASES: list[tuple[str, datetime, datetime | None, bool]] = [
    # --- Finnish clock times and days
    ("Soitan tänään klo 15.", BASE, at(25, 15), True),
    ("Soitan huomenna kello 10.", BASE, at(26, 10), True),
    ("Soitan klo 15.", BASE, at(25, 15), True),
    ("Soitan 25.11. klo 12.", BASE, at(25, 12), True),
    ("Soitan maanantaina klo 14.", BASE, at(30, 14), True),
    ("Soitan klo 15-16.", BASE, at(25, 15), True),
    ("Soitan klo 15–16 välillä.", BASE, at(25, 15), True),
    ("Soitan kello 14.30.", BASE, at(25, 14, 30), True),
    ("Soitan klo 14:45.", BASE, at(25, 14, 45), True),
    ("Soitan huomenna 14.30.", BASE, at(26, 14, 30), True),
    ("Soitan klo 3 iltapäivällä.", BASE, at(25, 15), True),
    ("Soitan ma klo 14.", BASE, at(30, 14), True),
    ("Soitan ke klo 14.", BASE, at(25, 14), True),  # said on a Wednesday, still ahead
    ("Soitan keskiviikkona klo 15.", BASE, at(25, 15), True),
    ("Soitan tiistaina.", BASE, at(1, 8, month=12), False),
    ("Palaan asiaan torstaina.", BASE, at(26, 8), False),
    ("Lähetän tarjouksen perjantaihin mennessä.", BASE, at(27, 8), False),
    ("Soitan lauantaina klo 10.", BASE, at(28, 10), True),
    ("Soitan sunnuntaina illalla.", BASE, at(29, 17), False),
    ("Soitan perjantaina 27.11. klo 10.", BASE, at(27, 10), True),
    ("Soitan pe 27.11. klo 9.", BASE, at(27, 9), True),
    ("Soitan huomenna.", BASE, at(26, 8), False),
    ("Palaan asiaan ylihuomenna klo 9.", BASE, at(27, 9), True),
    ("Lähetän tarjouksen viimeistään huomenna.", BASE, at(26, 8), False),
    ("Saat tarjouksen huomiseen mennessä.", BASE, at(26, 8), False),
    ("Palaan asiaan ensi viikolla.", BASE, at(30, 8), False),
    ("Olen sinuun yhteydessä ensi viikon alussa.", BASE, at(30, 8), False),
    ("Soitan ensi viikon tiistaina.", BASE, at(1, 8, month=12), False),
    ("Soitan tiistaina ensi viikolla klo 10.", BASE, at(1, 10, month=12), True),
    ("Soitan 1.12.", BASE, at(1, 8, month=12), False),
    ("Soitan 5.1.2027 klo 10.", BASE, at(5, 10, month=1, year=2027), True),
    ("Ilmoitan 24.11. mennessä.", BASE, None, False),  # passed yesterday: unreadable
    ("Lähetän sopimuksen 30. marraskuuta.", BASE, at(30, 8), False),
    ("Palaan asiaan tunnin sisällä.", BASE, at(25, 10, 12), True),
    ("Soitan 30 minuutin päästä.", BASE, at(25, 9, 42), True),
    ("Soitan parin tunnin päästä.", BASE, at(25, 11, 12), True),
    ("Soitan puolen tunnin sisällä.", BASE, at(25, 9, 42), True),
    ("Vastaan kahden päivän kuluessa.", BASE, at(27, 8), False),
    ("Soitan huomenna aamulla.", BASE, at(26, 8), False),
    ("Soitan huomenna aamupäivällä.", BASE, at(26, 8), False),
    ("Soitan iltapäivällä.", BASE, at(25, 12), False),
    ("Soitan tänä iltana.", BASE, at(25, 17), False),
    ("Soitan aamulla.", EVENING, at(26, 8), False),
    ("Soitan huomisaamuna.", BASE, at(26, 8), False),
    ("Otan sinuun yhteyttä torstaina.", BASE, at(26, 8), False),
    ("Katson asian ja palaan huomenna klo 13.", BASE, at(26, 13), True),
    ("Soitan huomenna tai perjantaina klo 14.", BASE, at(26, 8), False),
    ("Soitan klo 10 ja lähetän tarjouksen perjantaina.", BASE, at(25, 10), True),
    ("Sopiiko, että soitan torstaina klo 12?", BASE, at(26, 12), True),
    ("Hinta on 15.50 €, palaan asiaan huomenna klo 14.00.", BASE, at(26, 14), True),
    # --- English
    ("I'll call you today at 3pm.", BASE, at(25, 15), True),
    ("I'll call you tomorrow at 10.", BASE, at(26, 10), True),
    ("I'll call you at 15:00.", BASE, at(25, 15), True),
    ("I'll call you at 3.", BASE, at(25, 15), True),
    ("I will call you on Monday at 2pm.", BASE, at(30, 14), True),
    ("I'll get back to you by Friday.", BASE, at(27, 8), False),
    ("I'll get back to you within an hour.", BASE, at(25, 10, 12), True),
    ("I'll call you in 30 minutes.", BASE, at(25, 9, 42), True),
    ("I'll reply within a couple of hours.", BASE, at(25, 11, 12), True),
    ("I'll call you tomorrow morning.", BASE, at(26, 8), False),
    ("I'll be in touch next week.", BASE, at(30, 8), False),
    ("I'll send it on 30 November.", BASE, at(30, 8), False),
    ("I'll call you November 30 at 10am.", BASE, at(30, 10), True),
    ("I'll call you back this afternoon.", BASE, at(25, 12), False),
    ("I'll call you at 3 p.m. tomorrow.", BASE, at(26, 15), True),
    ("I'll call between 2 and 3pm.", BASE, at(25, 14), True),
    ("Expect my call around 2:30 pm.", BASE, at(25, 14, 30), True),
    ("You'll hear from me in the morning.", BASE, BASE, False),
    ("I'll be in touch on Dec 3rd.", BASE, at(3, 8, month=12), False),
    ("I'll call you on Tuesday next week.", BASE, at(1, 8, month=12), False),
    ("I'll call tomorrow, have a nice evening!", BASE, at(26, 8), False),
    ("Good morning Maija, I'll call you tomorrow at 11.", BASE, at(26, 11), True),
    ("I'll send the report on 2026-12-01.", BASE, at(1, 8, month=12), False),
    ("I'll call you at 10 o'clock tomorrow.", BASE, at(26, 10), True),
    ("We will call you in two weeks.", BASE, at(9, 8, month=12), False),
    # --- whole replies: quotes and signatures
    (MAIJA_REPLY, BASE, at(26, 10), True),
    (GMAIL_QUOTE, BASE, at(27, 10), True),
    (FINNISH_CLIENT_QUOTE, BASE, at(27, 8), False),
    (OUTLOOK_QUOTE, BASE, at(30, 8), False),
    (ORIGINAL_MESSAGE, BASE, at(27, 8), False),
    (SIGNATURE_WITHOUT_SEPARATOR, BASE, at(27, 8), False),
    # --- no promise at all
    (SIGNATURE_ONLY_TIME, BASE, None, False),
    (ONLY_QUOTED_PROMISE, BASE, None, False),
    (ORDER_CONFIRMATION, BASE, None, False),
    ("Tilauksenne on vastaanotettu 25.11.", BASE, None, False),
    ("Tilaus on otettu vastaan 24.11.", BASE, None, False),
    ("Tarjous liitteenä, voimassa 31.12. asti.", BASE, None, False),
    ("Lähetän tarjouksen, joka on voimassa 31.12. asti.", BASE, None, False),
    ("Kiitos tilauksesta!", BASE, None, False),
    ("Soitin eilen klo 14.", BASE, None, False),
    ("Palaan asiaan, kuten lupasin eilen klo 14.", BASE, None, False),
    ("The meeting was on Monday.", BASE, None, False),
    ("Voitko soittaa minulle huomenna klo 10?", BASE, None, False),
    ("Soitan sinulle. Sopiiko huomenna klo 10?", BASE, None, False),
    ("Soitan klo 8.", BASE, at(26, 8), True),  # passed at 09:12: the next working day's
    ("Palaan asiaan tänään.", BASE, BASE, False),  # today, no time: due at once
    ("I will not call you tomorrow.", BASE, None, False),
    ("I'll get back to you soon.", BASE, None, False),
    ("I'll get back to you to confirm the details.", BASE, None, False),
    ("Hinta on 15.50 euroa, palaan asiaan.", BASE, None, False),
    ("We are open until 16:00 on Friday. I'll call you.", BASE, None, False),
    ("Olen lomalla 1.12. asti, palaan asiaan sen jälkeen.", BASE, None, False),
    ("Have a nice evening!", BASE, None, False),
    ("", BASE, None, False),
]


@pytest.mark.parametrize(("text", "base", "due_at", "has_time"), CASES)
def test_find_promise(text: str, base: datetime, due_at: datetime | None, has_time: bool) -> None:
    found = find_promise(text, base)
    if due_at is None:
        assert found is None
        return
    assert found is not None
    assert (found.due_at, found.has_time) == (due_at, has_time)
    assert found.due_at.tzinfo is HKI
    assert found.text in " ".join(text.split())


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 60
    assert sum(due is None for _, _, due, _ in CASES) >= 15


def test_matched_phrase_is_the_time_expression() -> None:
    assert find_promise("Soitan sinulle huomenna klo 10 ja sovitaan.", BASE) == Promise(
        at(26, 10), True, "huomenna klo 10"
    )


def test_earliest_promise_wins_across_sentences() -> None:
    text = "Lähetän tarjouksen perjantaina. Soitan kuitenkin jo huomenna klo 12."
    assert find_promise(text, BASE) == Promise(at(26, 12), True, "huomenna klo 12")


def test_weekday_on_that_same_weekday_is_today_while_its_time_is_ahead() -> None:
    # The earlier reading: a reminder a week early costs a glance, a week late the customer.
    found = find_promise("Soitan keskiviikkona klo 23.", BASE)
    assert found is not None and found.due_at == at(25, 23)
    found = find_promise("Soitan keskiviikkona.", BASE)
    assert found is not None and found.due_at == at(2, 8, month=12)


def test_day_start_is_used_for_a_day_without_clock_time() -> None:
    found = find_promise("Soitan perjantaina.", BASE, day_start=time(7, 30))
    assert found == Promise(at(27, 7, 30), False, "perjantaina")


def test_day_parts_are_configurable() -> None:
    parts = DayParts(morning=time(8), forenoon=time(11), afternoon=time(14), evening=time(18))
    texts = {"huomenna aamulla": 8, "huomenna aamupäivällä": 11, "tomorrow afternoon": 14}
    for phrase, hour in texts.items():
        found = find_promise(f"Soitan {phrase}. I'll call {phrase}.", BASE, parts=parts)
        assert found is not None and found.due_at == at(26, hour), phrase
    found = find_promise("I'll call you this evening.", BASE, parts=parts)
    assert found is not None and found.due_at == at(25, 18)


def test_next_week_skips_days_that_are_not_business_days() -> None:
    def is_business_day(day: date) -> bool:
        return day.weekday() < 5 and day != date(2026, 11, 30)

    found = find_promise("Palaan asiaan ensi viikolla.", BASE, is_business_day=is_business_day)
    assert found is not None and found.due_at == at(1, 8, month=12)


def test_next_week_from_a_sunday_is_tomorrow() -> None:
    found = find_promise("I'll be in touch next week.", SUNDAY)
    assert found is not None and found.due_at == at(30, 8)


def test_results_are_in_the_base_timezone() -> None:
    utc_base = BASE.astimezone(ZoneInfo("UTC"))
    found = find_promise("Soitan huomenna klo 10.", utc_base)
    # The clock time is read in base's own zone: 10:00 UTC here.
    assert found is not None and found.due_at == datetime(2026, 11, 26, 10, tzinfo=ZoneInfo("UTC"))


def test_strip_quoted_keeps_own_words_only() -> None:
    assert strip_quoted(MAIJA_REPLY) == (
        "Hei Maija,\n\nkiitos viestistä. Soitan sinulle huomenna klo 10 ja sovitaan tarkemmin."
    )
    assert strip_quoted(GMAIL_QUOTE) == "Thanks Maija,\n\nI'll call you on Friday at 10."
    assert strip_quoted(OUTLOOK_QUOTE) == "Hei,\n\nsoitan ensi viikolla."
    assert strip_quoted("Yes.\r\n> no\r\nOK\r\n-- \r\nSig") == "Yes.\nOK"


def test_strip_quoted_keeps_a_from_line_that_is_not_a_header_block() -> None:
    assert strip_quoted("From: the warehouse\nSoitan huomenna.") == (
        "From: the warehouse\nSoitan huomenna."
    )


FRAGMENTS = st.sampled_from(
    [
        "Soitan", "I'll call", "palaan", "klo", "kello", "at", "15", "25.11.", "31.2.", "29.2.",
        "huomenna", "tomorrow", "maanantaina", "ma", "ensi viikolla", "next week", "pm", "10:30",
        "tunnin sisällä", "in 999 days", "within", "an hour", "November 30", "30. marraskuuta",
        "aamulla", "this afternoon", "eilen", "asti", ".", "\n", "\n\n", "> ", "-- ", "wrote:",
        "2026-02-30", "24/7", "1.1.1900", "99.99.99", "12:75", "at 0", "klo 24",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=12).map(" ".join),
)
BASES = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 1), timezones=st.just(HKI)
)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, base=BASES)
def test_find_promise_never_raises_and_is_never_before_base(text: str, base: datetime) -> None:
    found = find_promise(text, base)
    if found is not None:
        assert found.due_at >= base
        assert found.due_at.tzinfo is base.tzinfo


@pytest.mark.parametrize(
    ("text", "due", "has_time"),
    [
        # Said on a Friday: the day after tomorrow is a Sunday, and Sunday it stays: moving it to
        # Monday would remind after the promised day.
        ("Palaan asiaan ylihuomenna.", datetime(2026, 11, 29, 8, 0, tzinfo=HKI), False),
        # With a clock time the owner named the moment: kept as said.
        ("Soitan ylihuomenna klo 10.", datetime(2026, 11, 29, 10, 0, tzinfo=HKI), True),
    ],
)
def test_a_named_day_is_kept_on_a_day_off(
    text: str, due: datetime, has_time: bool
) -> None:
    friday = datetime(2026, 11, 27, 9, 0, tzinfo=HKI)
    found = find_promise(text, friday)
    assert found is not None and (found.due_at, found.has_time) == (due, has_time)


@pytest.mark.parametrize(("text", "phrase"), [("I will call you in December", "in December"),
                                              ("Soitan sinulle joulukuussa.", "joulukuussa")])  # fmt: skip
def test_a_date_only_dateparser_reads_is_still_a_promise(text: str, phrase: str) -> None:
    """None of our own expressions occur: dateparser's reading is the promise (a day, no time).
    Which day of December it picks is dateparser's; that it is a promise in December is ours."""
    base = datetime(2026, 11, 25, 9, 0, tzinfo=HKI)
    found = find_promise(text, base)
    assert found is not None and found.text == phrase and found.has_time is False
    assert (found.due_at.year, found.due_at.month, found.due_at.time()) == (2026, 12, time(8))
    assert found.due_at.tzinfo is HKI


@pytest.mark.parametrize(
    "text",
    ["Soitan ensi maanantaina klo 9.", "I will call you next Monday at 2pm.",
     "Jag ringer nästa måndag kl 10."],
)  # fmt: skip
def test_next_weekday_said_on_that_weekday_is_not_guessed(text: str) -> None:
    """On a Monday, "next Monday" may be today or in a week: the owner sets it, nothing guessed;
    on any other day it is the coming Monday, and "Monday" alone on a Monday is today."""
    zone = ZoneInfo("Europe/Helsinki")
    monday, tuesday = datetime(2026, 11, 30, 9, tzinfo=zone), datetime(2026, 12, 1, 9, tzinfo=zone)
    on_monday = read_promise(text, monday)
    assert on_monday is not None and on_monday.promise is None and on_monday.unreadable
    on_tuesday = read_promise(text, tuesday)
    assert on_tuesday is not None and on_tuesday.promise is not None
    assert on_tuesday.promise.due_at.date() == date(2026, 12, 7)
    today = read_promise("Soitan maanantaina klo 14.", monday)
    assert today is not None and today.promise is not None
    assert today.promise.due_at == datetime(2026, 11, 30, 14, tzinfo=zone)
    reading = read_promise("Soitan ensi maanantaina klo 9.", monday, lang="fi")
    assert reading is not None and reading.reason is not None
    assert promise_reason("fi", reading.reason) == "ensi maanantaina: tänään vai viikon päästä?"
