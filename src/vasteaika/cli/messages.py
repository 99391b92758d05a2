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
        "none_open": "No open reminders.",
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
        "by_command": " ({command})",
        "problem_open": " ({command}, {when}) — not cleared: no contact with the server since",
        "problem_cleared": " ({command}, {when}) — cleared: the server was reached since",
        "ack_to": "{when} to {who}",
        "none_yet": "none yet",
        "last_ack": "last acknowledgment: {what}",
        "calendar_behind": "Calendar behind: {n} change(s) wait for the server ({why}); "
        "tried again on the next run.",
        "calendar_conflict": "Calendar: {n} event(s) edited on the phone were left as they are "
        "there (see 'vasteaika calendar list').",
        "calendar_in_step": "calendar: in step",
        "new_customers": "New customers ({n}):",
        "past_promise_read": "#{id} promised for {when} — already past when read: {who}"
        " ({text!r}); no reminder was made",
        "past_promises_more": "{n} more promise(s) were already past when read (see --json)",
        "acct_sent": "acknowledged: sent to {to}, callback {when}",
        "acct_drafted": "acknowledgment drafted to {to} (in your Drafts), callback {when}",
        "acct_would_send": "would be acknowledged: to {to}, callback {when}",
        "acct_not_sent": "not acknowledged: {why}",
        "acct_in_doubt": "acknowledgment IN DOUBT: handed to the mail server, no answer came;"
        " the customer may have it (see 'vasteaika outbox')",
        "acct_failed": "acknowledgment FAILED: {why}",
        "acct_not_tried": "NOT acknowledged yet: {why}; tried again on the next run",
        "acct_problem": "NOT decided: {why}",
        "acct_off": "not acknowledged: {why}",
        "acct_more": "{n} of them not acknowledged: {why}",
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
        "none_open": "Ei avoimia muistutuksia.",
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
        "by_command": " ({command})",
        "problem_open": " ({command}, {when}) — ei korjautunut: palvelimeen ei ole saatu yhteyttä"
        " sen jälkeen",
        "problem_cleared": " ({command}, {when}) — korjautunut: palvelimeen on saatu yhteys sen"
        " jälkeen",
        "ack_to": "{when}, vastaanottaja {who}",
        "none_yet": "ei vielä yhtään",
        "last_ack": "viimeisin kuittaus: {what}",
        "calendar_behind": "Kalenteri jäljessä: {n} muutosta odottaa palvelinta ({why}); "
        "yritetään uudelleen seuraavalla kerralla.",
        "calendar_conflict": "Kalenteri: {n} puhelimessa muokattua tapahtumaa jätettiin "
        "ennalleen (katso 'vasteaika calendar list').",
        "calendar_in_step": "kalenteri: ajan tasalla",
        "new_customers": "Uudet asiakkaat ({n}):",
        "past_promise_read": "#{id} luvattu {when} — aika oli jo ohi, kun vastaus luettiin: {who}"
        " ({text!r}); muistutusta ei tehty",
        "past_promises_more": "{n} muuta lupausta oli jo ohi, kun ne luettiin (katso --json)",
        "acct_sent": "kuitattu: lähetetty osoitteeseen {to}, soitto {when}",
        "acct_drafted": "kuittaus luonnoksena osoitteeseen {to} (Luonnokset-kansiossa), soitto {when}",
        "acct_would_send": "kuitattaisiin: osoitteeseen {to}, soitto {when}",
        "acct_not_sent": "ei kuitattu: {why}",
        "acct_in_doubt": "kuittaus EPÄVARMA: annettiin palvelimelle, vastausta ei tullut;"
        " asiakas on ehkä saanut sen (katso 'vasteaika outbox')",
        "acct_failed": "kuittaus EPÄONNISTUI: {why}",
        "acct_not_tried": "EI vielä kuitattu: {why}; yritetään uudelleen seuraavalla kerralla",
        "acct_problem": "EI päätetty: {why}",
        "acct_off": "ei kuitattu: {why}",
        "acct_more": "{n} niistä ei kuitattu: {why}",
    },
}

# Why an acknowledgment was not sent, by the decision's reason code (acks/decision.py), in the
# owner's language. English shows the decision's own prose (what 'vasteaika why' says); a code
# missing here is shown as the decision wrote it.
ACK_REASONS: dict[str, dict[str, str]] = {
    "fi": {
        "off": "kuittaukset on kytketty pois (ack.mode = off)",
        "not-customer": "viesti ei ole asiakkaalta",
        "backlog": "viesti on vanhempi kuin ack.max_age; vain uudet viestit kuitataan",
        "backlog or answered": "vanhempi kuin ack.max_age, tai olit jo vastannut",
        "answered": "olet jo vastannut tähän keskusteluun",
        "conversation-acked": "keskustelu on jo kuitattu",
        "rate-limited": "samaan osoitteeseen meni jo kuittaus (enintään yksi ack.once_per_days"
        " päivässä)",
        "auto-submitted": "koneen lähettämä viesti (Auto-Submitted)",
        "precedence": "joukko- tai listaposti (Precedence)",
        "list": "postituslistan viesti",
        "auto-response-suppress": "lähettäjä pyysi, ettei siihen vastata automaattisesti",
        "exchange-rule-loop": "Exchangen postisäännön lähettämä (silmukan vaara)",
        "bounce": "palautusviesti tai postijärjestelmän ilmoitus",
        "robot-sender": "lähettäjä on no-reply- tai järjestelmäosoite",
        "own-ack": "vasteaikan oma kuittaus (silmukka)",
        "own-address": "osoite on oma osoitteesi",
        "not-addressed": "mikään osoitteistasi ei ole vastaanottajana (piilokopio, lista tai"
        " edelleenlähetys)",
        "unverified": "palveluntarjoajasi mukaan lähettäjä voi olla väärennetty (dmarc=fail)",
        "no-return-path": "Return-Path puuttuu, joten todellista lähettäjää ei tiedetä",
        "envelope-mismatch": "Return-Path ei ole lähettäjän osoite eikä sen organisaation",
        "reply-to-elsewhere": "Reply-To osoittaa toiseen osoitteeseen",
        "form-not-allowed": "lomakkeen lähettäjä ei ole omasi eikä form_senders-listalla",
        "form-reply-to": "lomakeviestissä pitää olla täsmälleen yksi Reply-To",
        "customer-mismatch": "asiakas ei ole viestin lähettäjä",
        "bad-address": "asiakkaan osoite on virheellinen tai tuntematon",
        "out-of-office": "poissaoloilmoitus",
        "calendar": "kalenterikutsu tai -vastaus",
        "platform": "palvelualustan ilmoitus",
        "broadcast": "joukkoviesti monelle vastaanottajalle",
        "reply-to-ack": "vastaus kuittaukseen, ei uusi yhteydenotto",
        "owner-auto-replied": "automaattinen vastauksesi (lomavastaus) meni jo asiakkaalle",
        "gone": "ensimmäinen viesti ei ole enää postilaatikossa",
        "stopped": "lähetys keskeytyi",
        "problem": "viestin käsittely epäonnistui (katso 'vasteaika problems')",
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
}
