"""mail.senders: "do not reply" in any spelling, and the envelope aligned with From."""

from __future__ import annotations

import pytest

from vasteaika.mail.senders import (
    decoded_envelope,
    envelope_aligned,
    platform_sender,
    robot_display_name,
    robot_local_part,
)


@pytest.mark.parametrize(
    "local",
    [
        "ei-vastausta", "ei_vastausta", "ei.vastausta", "eivastausta", "EI-VASTAUSTA",
        "ala-vastaa", "älä-vastaa", "älä_vastaa", "AlaVastaa", "harja-ala-vastaa",
        "svara-inte", "SvaraInte", "ikke-svar", "ikke.svar", "svar-ikke", "ära-vasta", "ei-vasta",
        "nicht-antworten", "keine_antwort", "noreply", "no-reply.billing", "noreply+abc",
        "do.not.reply", "ilmoitukset", "varsling", "teavitus", "benachrichtigungen",
    ],
)  # fmt: skip
def test_do_not_reply_in_every_spelling(local: str) -> None:
    assert robot_local_part(local) is not None


@pytest.mark.parametrize(
    "local", ["pekka", "posti", "info", "toimisto", "ari.vastamaki", "svante", "eino.vasta-aho"]
)
def test_people_and_role_names_are_not_robots(local: str) -> None:
    assert robot_local_part(local) is None


def test_display_name_phrases() -> None:
    assert robot_display_name("Kela (Älä vastaa)") == "ala vastaa"
    assert robot_display_name("Maija via Google Calendar") == "via google calendar"
    assert robot_display_name("Maija Meikäläinen") is None


@pytest.mark.parametrize(
    ("envelope", "original"),
    [
        ("prvs=0a1b2c3d=pekka@rakennus.fi", "pekka@rakennus.fi"),
        ("PRVS=5331c0ffee=tapio@ranta.fi", "tapio@ranta.fi"),
        ("reijo=prvs=0461d2e9b7@kemppainen.fi", "reijo@kemppainen.fi"),
        ("btv1==0f1e2d==joe@example.com", "joe@example.com"),
        ("SRS0=kL3x=Q7=gmail.com=liisa@forward.example.fi", "liisa@gmail.com"),
        ("SRS1=Yy=fwd.example==SRS0=tT=QA=outlook.com=ilkka@x.example", "ilkka@outlook.com"),
    ],
)
def test_batv_and_srs_are_decoded(envelope: str, original: str) -> None:
    assert decoded_envelope(envelope) == original


def test_alignment() -> None:
    assert envelope_aligned("prvs=1=pekka@rakennus.fi", "pekka@rakennus.fi")
    assert envelope_aligned("bounce+7f.pekka=rakennus.fi@bounces.rakennus.fi", "pekka@rakennus.fi")
    assert envelope_aligned("x@em4821.koivisto.co.uk", "mira@koivisto.co.uk")
    assert not envelope_aligned("x91@mailer-srv.ru", "asiakaspalvelu@nordea.fi")
    assert not envelope_aligned("x@other.co.uk", "mira@koivisto.co.uk")
    # Freemail users share a domain, not an organisation.
    assert not envelope_aligned("someone.else@gmail.com", "liisa@gmail.com")
    assert not envelope_aligned("SRS0=a=b=gmail.com=other@fwd.fi", "liisa@gmail.com")


def test_a_platform_sender_is_its_first_listed_entry() -> None:
    """platform_sender looks entries up instead of walking the list: the answer must still be
    the list's, for every entry and for addresses close to one."""
    from vasteaika.mail import robot_words
    from vasteaika.mail.senders import platform_sender

    def walked(email: str) -> str | None:
        email, domain = email.lower(), email.lower().rpartition("@")[2]
        return next((e for e in robot_words.PLATFORM_SENDERS if e == email or (e[:1] == "@" and (
            domain == e[1:] or domain.endswith("." + e[1:])))), None)  # fmt: skip

    addresses = ["", "@", "x@", "a..b@c..d", "mira@koivisto.co.uk"]
    for entry in robot_words.PLATFORM_SENDERS:
        local, _, domain = entry.partition("@")
        addresses += [entry, entry.upper(), f"x{entry}", f"{local or 'u'}@sub.{domain}",
                      f"u@x{domain}", f"u@{domain}.fi", f"u@.{domain}"]  # fmt: skip
    assert [platform_sender(a) for a in addresses] == [walked(a) for a in addresses]
    assert platform_sender("noreply@SUB.linkedin.com") == "@linkedin.com"


def test_a_mailbox_of_thousands_of_senders_is_read_from_the_cache() -> None:
    """A first sync of years of mail meets 5,000 customers in turn: each sender's words are
    worked out once, not again for every mail (a cache smaller than the senders misses always)."""
    robot_local_part.cache_clear()
    platform_sender.cache_clear()
    for _ in range(2):
        for i in range(5000):
            robot_local_part(f"asiakas{i}")
            platform_sender(f"asiakas{i}@example{i % 37}.fi")
    assert robot_local_part.cache_info().misses == 5000
    assert platform_sender.cache_info().misses == 5000
