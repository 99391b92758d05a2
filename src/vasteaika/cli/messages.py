"""The words of the daily screens, in Finnish and English, apart from the code that prints them.

output.text(lang, key) reads TEXTS; a translator (or a new language) changes only this file.
Reports have their own texts (report/render.py). ARRIVAL_SOURCES is what 'vasteaika why' says.
"""

# The daily screen in the owner's language (owner.language), by key.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "read": "Read {read} new message(s): {new} new conversation(s), {replies} answered by you",
        "problems": ", {n} mail steps failed (see 'vasteaika problems')",
        "acked": "Acknowledged {n} new customer(s):",
        "would_ack": "Would acknowledge {n} new customer(s):",
        "callback": "callback",
        "promises": "Found {n} callback promise(s) in your replies.",
        "reminder": "Reminder #{id}: call {who} — {channel} ({detail})",
        "waiting": "Waiting for your answer ({n})",
        "nobody": "Nobody is waiting for your answer.",
        "customer": "Customer",
        "subject": "Subject",
        "since": "Since",
        "waited": "Waiting",
        "past_promise": "! past its promise (a promised call, or [report] response_promise)",
        "no_subject": "(no subject)",
        "shown": "shown on the desktop",
        "not_delivered": "NOT DELIVERED",
        "no_desktop": "No desktop reachable ({reason}).",
        "none_due": "No reminders due.",
        "none_open": "No open reminders: every promised call is done.",
        "overdue": "OVERDUE ",
        "shown_by": ", shown by {how}",
        "done": "Reminder {id} done: call to {who}{extra}.",
        "counted": "; counted as your first response to this customer",
        "snoozed": "Reminder {id} snoozed until {when}.",
        "unreadable": "could not read the time in {text!r}",
        "set_it": 'set it: vasteaika remind-at {id} "3.12. klo 10"',
        "set_to": "Reminder {id} is due {when}.",
        "closed": "Conversation #{id} with {who} closed: it needs no answer"
        " ({n} reminder(s) cancelled). A new mail from them opens it again.",
        "reopened": "Conversation #{id} with {who} waits for your answer again.",
        "wrote_events": "Wrote {n} event(s) to {path}.",
        "never": "never",
        "watch_running": "watch: running (pid {pid})",
        "watch_stopped": "watch: not running",
        "last_seen": "last contact with the server: {when}",
        "last_problem": "last problem: {what}",
        "ack_to": "{when} to {who}",
        "none_yet": "none yet",
        "last_ack": "last acknowledgment: {what}",
        "calendar_behind": "Calendar behind: {n} change(s) wait for the server ({why}); "
        "tried again on the next run.",
        "calendar_conflict": "Calendar: {n} event(s) edited on the phone were left as they are "
        "there (see 'vasteaika calendar list').",
        "calendar_in_step": "calendar: in step",
        "authserv_learned": "Learned from your INBOX whose sender checks to trust: {id} "
        "(Authentication-Results). A mail it finds forged (dmarc=fail) is never acknowledged.",
    },
    "fi": {
        "read": "Luettu {read} uutta viestiä: {new} uutta keskustelua, {replies} vastattu",
        "problems": ", {n} viestin käsittely epäonnistui (katso 'vasteaika problems')",
        "acked": "Kuitattu {n} uutta asiakasta:",
        "would_ack": "Kuitattaisiin {n} uutta asiakasta:",
        "callback": "soitto",
        "promises": "Vastauksistasi löytyi {n} soittolupausta.",
        "reminder": "Muistutus #{id}: soita {who} — {channel} ({detail})",
        "waiting": "Odottaa vastaustasi ({n})",
        "nobody": "Kukaan ei odota vastaustasi.",
        "customer": "Asiakas",
        "subject": "Aihe",
        "since": "Alkaen",
        "waited": "Odottanut",
        "past_promise": "! luvattu aika ylitetty (luvattu soitto tai [report] response_promise)",
        "no_subject": "(ei aihetta)",
        "shown": "näytetty työpöydällä",
        "not_delivered": "EI TOIMITETTU",
        "no_desktop": "Työpöytää ei tavoitettu ({reason}).",
        "none_due": "Ei erääntyneitä muistutuksia.",
        "none_open": "Ei avoimia muistutuksia: jokainen luvattu soitto on tehty.",
        "overdue": "MYÖHÄSSÄ ",
        "shown_by": ", näytetty: {how}",
        "done": "Muistutus {id} tehty: soitto asiakkaalle {who}{extra}.",
        "counted": "; lasketaan ensimmäiseksi vastaukseksesi",
        "snoozed": "Muistutus {id} siirretty: {when}.",
        "unreadable": "lupauksen aikaa ei voitu lukea: {text!r}",
        "set_it": 'aseta se: vasteaika remind-at {id} "3.12. klo 10"',
        "set_to": "Muistutus {id}: {when}.",
        "closed": "Keskustelu #{id} ({who}) suljettu: se ei kaipaa vastausta"
        " ({n} muistutusta peruttu). Asiakkaan uusi viesti avaa sen uudelleen.",
        "reopened": "Keskustelu #{id} ({who}) odottaa taas vastaustasi.",
        "wrote_events": "Kirjoitettiin {n} tapahtumaa tiedostoon {path}.",
        "never": "ei koskaan",
        "watch_running": "watch: käynnissä (pid {pid})",
        "watch_stopped": "watch: ei käynnissä",
        "last_seen": "viimeksi yhteydessä palvelimeen: {when}",
        "last_problem": "viimeisin ongelma: {what}",
        "ack_to": "{when}, vastaanottaja {who}",
        "none_yet": "ei vielä yhtään",
        "last_ack": "viimeisin kuittaus: {what}",
        "calendar_behind": "Kalenteri jäljessä: {n} muutosta odottaa palvelinta ({why}); "
        "yritetään uudelleen seuraavalla kerralla.",
        "calendar_conflict": "Kalenteri: {n} puhelimessa muokattua tapahtumaa jätettiin "
        "ennalleen (katso 'vasteaika calendar list').",
        "calendar_in_step": "kalenteri: ajan tasalla",
        "authserv_learned": "Saapuneista viesteistä opittu, kenen lähettäjätarkistukseen "
        "luotetaan: {id} (Authentication-Results). Väärennetyksi (dmarc=fail) todettua viestiä "
        "ei koskaan kuitata.",
    },
}

# Short weekday names in times on screen (output.local), Monday first.
WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
}

# Where a message's arrival time came from, as 'vasteaika why' tells it (English only).
ARRIVAL_SOURCES = {
    "internaldate": "the server's arrival time (IMAP INTERNALDATE)",
    "received": "the topmost Received header (when your mail server delivered it)",
    "date": "the Date header (no usable Received header or arrival time)",
    "file": "the mail file's time (no usable Received or Date header)",
    "future": "the time vasteaika read it: the arrival time the mail gave lay in the future "
    "(a broken clock or a forged Date), so it was not trusted",
}
