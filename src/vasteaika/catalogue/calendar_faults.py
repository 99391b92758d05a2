"""The words of the errors raised where the reminders meet the world: the CalDAV server the
events are written to (``reminders/caldav_client.py``), and the desktop a notification is shown
on (``reminders/notify.py``). Plain data, apart from ``faults`` (the mail servers, the
passwords, the database) to keep each table short; ``words`` adds it to the core table. A text
in parentheses is the library's or the system's own name for what failed, and stays as it is.
"""

CALENDAR_FAULTS: dict[str, dict[str, str]] = {
    "en": {
        "caldav.ca_file": "the certificate file {ca_file} cannot be read",
        "caldav.ca_file_hint": "check calendar.ca_file: the PEM file of the server's certificate",
        "caldav.none_found": "no calendar found at {url}",
        "caldav.none_found_hint": "give calendar.url the address of a calendar (see 'vasteaika"
        " calendar list')",
        "caldav.answered": "the calendar server answered {status} for {path}",
        "caldav.answered_hint": "the write is kept and tried again on the next run",
        "caldav.refused": "the calendar server {host} did not accept the username and password",
        "caldav.refused_hint": "check calendar.username and the password (an app password where"
        " one is offered)",
        "caldav.not_found": "nothing found at {url}",
        "caldav.not_found_hint": "check calendar.url ('vasteaika calendar list')",
        "caldav.failed": "the calendar server {host} failed ({kind})",
        "caldav.failed_hint": "the write is kept and tried again on the next run",
        "caldav.certificate": "the TLS certificate of the calendar server {host} could not be"
        " verified",
        "caldav.certificate_hint": "if the server uses its own certificate, set calendar.ca_file"
        " to that certificate's PEM file; otherwise check calendar.url",
        "caldav.unreachable": "cannot reach the calendar server {host} ({kind})",
        "caldav.unreachable_hint": "check calendar.url and the network; the write is kept for the"
        " next run",
        # Whether the desktop showed a notification (reminders/notify.py): for the owner.
        "notify.unreachable": "no desktop reachable: {detail}",
        "notify.no_bus": "no session bus (DBUS_SESSION_BUS_ADDRESS unset and no {path})",
        "notify.bus_unreachable": "session bus {address} unreachable ({error})",
        "notify.no_service": "no notification service on the session bus {address}",
        "notify.refused": "the notification service refused: {name}",
        "notify.stopped": "session bus {address} stopped answering ({error})",
        "notify.no_backend": "no notification backend on {platform} ({error})",
        "notify.other": "{reason}",
        "notify.shown": "shown on the desktop (notification {id})",
        "notify.handed": "handed to the {platform} notification center (not confirmed)",
    },
    "fi": {
        "caldav.ca_file": "varmennetiedostoa {ca_file} ei voi lukea",
        "caldav.ca_file_hint": "tarkista calendar.ca_file: palvelimen varmenteen PEM-tiedosto",
        "caldav.none_found": "osoitteesta {url} ei löytynyt kalenteria",
        "caldav.none_found_hint": "anna calendar.url-asetukseksi kalenterin osoite (katso"
        " 'vasteaika calendar list')",
        "caldav.answered": "kalenteripalvelin vastasi {status} kohteelle {path}",
        "caldav.answered_hint": "muutos säilyy ja yritetään uudelleen seuraavalla ajolla",
        "caldav.refused": "kalenteripalvelin {host} ei hyväksynyt käyttäjätunnusta ja salasanaa",
        "caldav.refused_hint": "tarkista calendar.username ja salasana (sovellussalasana, jos"
        " palvelu tarjoaa sellaisen)",
        "caldav.not_found": "osoitteesta {url} ei löytynyt mitään",
        "caldav.not_found_hint": "tarkista calendar.url ('vasteaika calendar list')",
        "caldav.failed": "kalenteripalvelin {host} epäonnistui ({kind})",
        "caldav.failed_hint": "muutos säilyy ja yritetään uudelleen seuraavalla ajolla",
        "caldav.certificate": "kalenteripalvelimen {host} TLS-varmennetta ei voitu varmistaa",
        "caldav.certificate_hint": "jos palvelimella on oma varmenteensa, aseta calendar.ca_file"
        " sen PEM-tiedostoon; muuten tarkista calendar.url",
        "caldav.unreachable": "kalenteripalvelimeen {host} ei saada yhteyttä ({kind})",
        "caldav.unreachable_hint": "tarkista calendar.url ja verkkoyhteys; muutos säilyy"
        " seuraavaan ajoon",
        "notify.unreachable": "työpöytää ei tavoitettu: {detail}",
        "notify.no_bus": "istuntoväylää ei löydy (DBUS_SESSION_BUS_ADDRESS puuttuu eikä ole"
        " tiedostoa {path})",
        "notify.bus_unreachable": "istuntoväylään {address} ei saada yhteyttä ({error})",
        "notify.no_service": "istuntoväylällä {address} ei ole ilmoituspalvelua",
        "notify.refused": "ilmoituspalvelu kieltäytyi: {name}",
        "notify.stopped": "istuntoväylä {address} lakkasi vastaamasta ({error})",
        "notify.no_backend": "alustalla {platform} ei ole ilmoitusten näyttäjää ({error})",
        "notify.other": "{reason}",
        "notify.shown": "näytetty työpöydällä (ilmoitus {id})",
        "notify.handed": "annettu alustan {platform} ilmoituskeskukselle (ei vahvistettu)",
    },
}
