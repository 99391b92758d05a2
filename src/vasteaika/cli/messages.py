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
        "init_intro": "A few questions and vasteaika is ready (Enter takes the [default]).",
        "init_name": "Your name (signs the acknowledgments)",
        "init_addresses": "Your email address(es), separated by commas",
        "init_imap_host": "Your mail server (IMAP)",
        "init_username": "Your username on it",
        "init_password": "How does vasteaika get your mail password? keyring = stored in this"
        " computer's keyring now, command = a program prints it (e.g. pass), env ="
        " $VASTEAIKA_PASSWORD",
        "init_password_command": "The command that prints the password",
        "init_secret": "Mail password (not shown, stored only in the keyring)",
        "init_keyring_failed": "The keyring could not store it: {reason}. Choose another way.",
        "init_signature": "A line under your name in acknowledgments (company, phone); empty"
        " for none",
        "init_ack_mode": "Acknowledgments to new customers: send = sent at once, draft = put in"
        " Drafts for you to send",
        "init_smtp_host": "Your outgoing mail server (SMTP)",
        "init_wrote": "Wrote {path}. Try it: vasteaika check --dry-run",
        "init_wrote_starter": "Wrote {path}. Edit it, then run: vasteaika check",
        "password_stored": "Stored the password of {user} in the keyring ({backend}).",
        "password_enable": "Set keyring = true in [account] of {path} so that vasteaika uses it.",
        "calendar_gone": "Calendar: {n} open reminder(s) whose event you deleted on the phone "
        "(not put back; 'vasteaika reminders' still lists them).",
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
        "init_intro": "Muutama kysymys, ja vasteaika on valmis (Enter valitsee [oletuksen]).",
        "init_name": "Nimesi (kuittausten allekirjoitus)",
        "init_addresses": "Sähköpostiosoitteesi pilkuin erotettuina",
        "init_imap_host": "Postipalvelimesi (IMAP)",
        "init_username": "Käyttäjätunnuksesi siellä",
        "init_password": "Mistä vasteaika saa sähköpostisi salasanan? keyring = tallennetaan"
        " nyt tämän koneen avainnippuun, command = ohjelma tulostaa sen (esim. pass), env ="
        " $VASTEAIKA_PASSWORD",
        "init_password_command": "Komento, joka tulostaa salasanan",
        "init_secret": "Sähköpostin salasana (ei näy, tallennetaan vain avainnippuun)",
        "init_keyring_failed": "Avainnippu ei voinut tallentaa sitä: {reason}. Valitse toinen"
        " tapa.",
        "init_signature": "Rivi nimesi alle kuittauksiin (yritys, puhelin); tyhjä: ei riviä",
        "init_ack_mode": "Kuittaukset uusille asiakkaille: send = lähetetään heti, draft ="
        " luonnoksiin, lähetät itse",
        "init_smtp_host": "Lähtevän postin palvelimesi (SMTP)",
        "init_wrote": "Kirjoitettiin {path}. Kokeile: vasteaika check --dry-run",
        "init_wrote_starter": "Kirjoitettiin {path}. Muokkaa sitä ja aja sitten: vasteaika check",
        "password_stored": "Käyttäjän {user} salasana tallennettiin avainnippuun ({backend}).",
        "password_enable": "Aseta keyring = true tiedoston {path} [account]-osioon, niin"
        " vasteaika käyttää sitä.",
        "calendar_gone": "Kalenteri: {n} avointa muistutusta, joiden tapahtuman poistit "
        "puhelimesta (ei palauteta; 'vasteaika reminders' näyttää ne yhä).",
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

# `vasteaika customer`: one customer's history (cli/customer.py), by key.
CUSTOMER_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "company": "Company {domain}: {people}",
        "count": "{n} conversations, the first {first}, the latest {latest}",
        "count_one": "1 conversation, {first}",
        "rhythm": "Rhythm: a new conversation every {gap} (median of {n} gap(s)); "
        "last wrote {last}, {silent} ago",
        "quiet": " — longer than usual: gone quiet",
        "usual": " — within their rhythm",
        "no_rhythm": "Rhythm: one conversation only, none yet; last wrote {last}, {silent} ago",
        "waiting": "waiting for you",
        "answered": "answered",
        "closed": "closed",
        "from": "from {who}",
        "turn_answered": "{n}. wrote {since} → you answered {at}: {wall} (business time {work})",
        "turn_closed": "{n}. wrote {since} → closed {at}",
        "turn_waiting": "{n}. wrote {since} → waiting {wall}",
        "call": " by phone",
        "ack_sent": "Acknowledgment: sent {at} to {who}",
        "ack_draft": "Acknowledgment: put in Drafts {at} for {who}",
        "ack_pending": "Acknowledgment: handed to the mail server {at}, not confirmed "
        "(see 'vasteaika outbox')",
        "ack_failed": "Acknowledgment: failed",
        "ack_skipped": "Acknowledgment: not sent — {why}",
        "ack_none": "Acknowledgment: none",
        "ack_callback": ", promising a call {at}",
        "kind_call": "call",
        "kind_visit": "visit",
        "kind_message": "message",
        "reminder": "Reminder #{id}: {kind} {due}",
        "r_done": " — done {at}",
        "r_cancelled": " — cancelled {at}",
        "r_open": " — open",
        "r_overdue": " — OPEN, past due",
        "r_unreadable": " — the time could not be read: vasteaika remind-at {id} \"3.12. klo 10\"",
        "r_ack": "promised in the acknowledgment",
        "r_reply": "you wrote: {text}",
        "several": "{n} customers match {query!r}:",
        "choose": "Run again with one of the addresses (or a company's domain).",
    },
    "fi": {
        "company": "Yritys {domain}: {people}",
        "count": "{n} keskustelua, ensimmäinen {first}, viimeisin {latest}",
        "count_one": "1 keskustelu, {first}",
        "rhythm": "Rytmi: uusi keskustelu {gap} välein (mediaani {n} välistä); "
        "kirjoitti viimeksi {last}, {silent} sitten",
        "quiet": " — tavallista pidempään: hiljentynyt",
        "usual": " — tavallisen rytmin sisällä",
        "no_rhythm": "Rytmi: vasta yksi keskustelu; kirjoitti viimeksi {last}, {silent} sitten",
        "waiting": "odottaa vastaustasi",
        "answered": "vastattu",
        "closed": "suljettu",
        "from": "lähettäjä {who}",
        "turn_answered": "{n}. kirjoitti {since} → vastasit {at}: {wall} (työaikaa {work})",
        "turn_closed": "{n}. kirjoitti {since} → suljettu {at}",
        "turn_waiting": "{n}. kirjoitti {since} → odottaa {wall}",
        "call": " puhelimitse",
        "ack_sent": "Kuittaus: lähetetty {at} osoitteeseen {who}",
        "ack_draft": "Kuittaus: luonnoksissa {at} vastaanottajalle {who}",
        "ack_pending": "Kuittaus: annettu postipalvelimelle {at}, ei vahvistettu "
        "(katso 'vasteaika outbox')",
        "ack_failed": "Kuittaus: epäonnistui",
        "ack_skipped": "Kuittaus: ei lähetetty — {why}",
        "ack_none": "Kuittaus: ei kuittausta",
        "ack_callback": ", soitto luvattu {at}",
        "kind_call": "soitto",
        "kind_visit": "käynti",
        "kind_message": "viesti",
        "reminder": "Muistutus #{id}: {kind} {due}",
        "r_done": " — tehty {at}",
        "r_cancelled": " — peruttu {at}",
        "r_open": " — avoin",
        "r_overdue": " — AVOIN, myöhässä",
        "r_unreadable": " — aikaa ei voitu lukea: vasteaika remind-at {id} \"3.12. klo 10\"",
        "r_ack": "luvattu kuittauksessa",
        "r_reply": "kirjoitit: {text}",
        "several": "{n} asiakasta vastaa hakua {query!r}:",
        "choose": "Aja uudelleen jollakin näistä osoitteista (tai yrityksen verkkotunnuksella).",
    },
}
