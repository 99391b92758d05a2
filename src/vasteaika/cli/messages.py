"""The words of the command screens, in Finnish and English, apart from the code that prints them.

The command line's section of the message catalogue (vasteaika.catalogue, which holds the
lookup, the counted words "{n:one|other}", dates and the words below the command line):
output.text(lang, key) reads TEXTS; a translator (or a new language) changes only these data
modules and the catalogue's. Here are the daily screens (check, remind, reminders, status,
calendar, the contact queue); the explaining screens' words are in ``why_texts``, setting up's
in ``setup_texts`` (both added to TEXTS), ``customer``'s in ``customer_texts`` and the refused
acknowledgments' in ``ack_reason_texts`` (offered here under their old names). Reports have
their own section (report/labels.py).
"""

from vasteaika.catalogue.words import WEEKDAYS as _CORE_WEEKDAYS
from vasteaika.cli.ack_reason_texts import ACK_REASONS as ACK_REASONS
from vasteaika.cli.customer_texts import CUSTOMER_TEXTS as CUSTOMER_TEXTS
from vasteaika.cli.setup_texts import SETUP_TEXTS
from vasteaika.cli.why_texts import WHY_TEXTS

# The daily screen in the owner's language (owner.language), by key.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "read": "Read {read} new {read:message|messages}: {new} new {new:conversation|conversations},"
        " {replies} answered by you",
        "problems": ", {n} mail {n:step|steps} failed (see 'vasteaika problems')",
        "acked": "Acknowledged {n} new {n:customer|customers}:",
        "would_ack": "Would acknowledge {n} new {n:customer|customers}:",
        "callback": "callback",
        "promises": "Found {n} callback {n:promise|promises} in your replies.",
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
        "reading": "Reading {folder}",
        "none_due": "No reminders due.",
        "none_open": "No open reminders.",
        "overdue": "OVERDUE ",
        "shown_by": ", shown by {how}",
        "done": "Reminder {id} done: call to {who}{extra}.",
        "counted": "; counted as your first response to this customer",
        "snoozed": "Reminder {id} snoozed until {when}.",
        "unreadable": "could not read the time in {text!r}",
        "set_it": 'set it: vasteaika remind-at {id} "3.12. at 10"',
        "set_to": "Reminder {id} is due {when}.",
        "closed": "Conversation #{id} with {who} closed: it needs no answer"
        " ({n} {n:reminder|reminders} cancelled). A new mail from them opens it again.",
        "reopened": "Conversation #{id} with {who} waits for your answer again.",
        "wrote_events": "Wrote {n} {n:event|events} to {path}.",
        "never": "never",
        "watch_running": "watch: running (pid {pid})",
        "watch_stopped": "watch: not running",
        "last_seen": "last contact with the server: {when}",
        "last_problem": "last problem: {what}",
        "ack_to": "{when} to {who}",
        "none_yet": "none yet",
        "last_ack": "last acknowledgment: {what}",
        "calendar_behind": "Calendar behind: {n} {n:change waits|changes wait} for the server ({why}); "
        "tried again on the next run.",
        "calendar_conflict": "Calendar: {n} {n:event|events} edited on the phone {n:was|were} left as they are "
        "there (see 'vasteaika calendar list').",
        "calendar_in_step": "calendar: in step",
        "calendar_not_updated": "vasteaika: note: calendar not updated yet: {error}",
        "database_was_empty": "vasteaika: note: the database {path} was empty (0 bytes); a new"
        " ledger is started and the mailbox is read again",
        # calendar
        "calendar.ok": "OK: reminders go to “{name}” ({url})",
        "calendar.pending": "{n} {n:change waits|changes wait} to be written; the next"
        " 'vasteaika check' writes {n:it|them}",
        "calendar.name": "Calendar",
        "calendar.address": "Address",
        "calendar.left_conflict": "Edited on the phone, left as you made them:"
        " {n:reminder|reminders} {ids}",
        "calendar.left_gone": "Deleted on the phone, not put back: {n:reminder|reminders} {ids}",
        "by_command": " ({command})",
        "problem_open": " ({command}, {when}) — not cleared: no contact with the server since",
        "problem_cleared": " ({command}, {when}) — cleared: the server was reached since",
        "authserv_learned": "Learned from your INBOX whose sender checks to trust: {id} "
        "(Authentication-Results). A mail it finds forged (dmarc=fail) is never acknowledged.",
        "calendar_gone": "Calendar: {n} open {n:reminder|reminders} whose event you deleted on the"
        " phone "
        "(not put back; 'vasteaika reminders' still lists them).",
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
        "queue_title": "Contact queue ({n}): call them before they leave",
        "queue_empty": "Nobody in the contact queue: no customer has gone quiet, sounds "
        "unhappy or waited too long.",
        "queue_top": "Contact queue: {n} {n:customer|customers} to call ('vasteaika queue'):",
        "queue_why": "Why",
        "queue_rhythm": "Usually",
        "queue_last": "Last contact",
        "queue_phone": "Phone",
        "queue_company": "company",
        "queue_key": "key customer",
        "queue_every": "every {d} d",
        "queue_quiet": "quiet for {d} d (usually every {every} d)",
        "queue_unhappy": "sounds unhappy: {words}",
        "queue_follow_up": "a follow-up waited {wait} of business time",
        "queue_waited": "answered only after {wait} of business time",
        "queue_unanswered": "unanswered for {wait} of business time",
        "queue_called": "Reminder {id}: call {who} today{phone}. Off the contact queue until {until}.",
        "queue_dismissed": "{who} is off the contact queue until {until}.",
    },
    "fi": {
        "read": "Luettu {read} {read:uusi viesti|uutta viestiä}: {new} {new:uusi keskustelu|uutta keskustelua},"
        " {replies} vastattu",
        "problems": ", {n} viestin käsittely epäonnistui (katso 'vasteaika problems')",
        "acked": "Kuitattu {n} {n:uusi asiakas|uutta asiakasta}:",
        "would_ack": "Kuitattaisiin {n} {n:uusi asiakas|uutta asiakasta}:",
        "callback": "soitto",
        "promises": "Vastauksistasi löytyi {n} {n:soittolupaus|soittolupausta}.",
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
        "reading": "Luetaan kansiota {folder}",
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
        " ({n} {n:muistutus|muistutusta} peruttu). Asiakkaan uusi viesti avaa sen uudelleen.",
        "reopened": "Keskustelu #{id} ({who}) odottaa taas vastaustasi.",
        "wrote_events": "Kirjoitettiin {n} {n:tapahtuma|tapahtumaa} tiedostoon {path}.",
        "never": "ei koskaan",
        "watch_running": "watch: käynnissä (pid {pid})",
        "watch_stopped": "watch: ei käynnissä",
        "last_seen": "viimeksi yhteydessä palvelimeen: {when}",
        "last_problem": "viimeisin ongelma: {what}",
        "ack_to": "{when}, vastaanottaja {who}",
        "none_yet": "ei vielä yhtään",
        "last_ack": "viimeisin kuittaus: {what}",
        "calendar_behind": "Kalenteri jäljessä: {n} {n:muutos|muutosta} odottaa palvelinta ({why}); "
        "yritetään uudelleen seuraavalla kerralla.",
        "calendar_conflict": "Kalenteri: {n} puhelimessa {n:muokattu tapahtuma jätettiin|muokattua tapahtumaa jätettiin} "
        "ennalleen (katso 'vasteaika calendar list').",
        "calendar_in_step": "kalenteri: ajan tasalla",
        "calendar_not_updated": "vasteaika: huomio: kalenteria ei ole vielä päivitetty: {error}",
        "database_was_empty": "vasteaika: huomio: tietokanta {path} oli tyhjä (0 tavua); uusi"
        " kirjanpito aloitetaan ja postilaatikko luetaan uudelleen",
        "calendar.ok": "OK: muistutukset menevät kalenteriin “{name}” ({url})",
        "calendar.pending": "{n} {n:muutos odottaa|muutosta odottaa} kirjoittamista; seuraava"
        " 'vasteaika check' kirjoittaa ne",
        "calendar.name": "Kalenteri",
        "calendar.address": "Osoite",
        "calendar.left_conflict": "Muokattu puhelimessa, jätetty sellaisiksi kuin teit ne:"
        " {n:muistutus|muistutukset} {ids}",
        "calendar.left_gone": "Poistettu puhelimessa, ei palautettu takaisin:"
        " {n:muistutus|muistutukset} {ids}",
        "by_command": " ({command})",
        "problem_open": " ({command}, {when}) — ei korjautunut: palvelimeen ei ole saatu yhteyttä"
        " sen jälkeen",
        "problem_cleared": " ({command}, {when}) — korjautunut: palvelimeen on saatu yhteys sen"
        " jälkeen",
        "authserv_learned": "Saapuneista viesteistä opittu, kenen lähettäjätarkistukseen "
        "luotetaan: {id} (Authentication-Results). Väärennetyksi (dmarc=fail) todettua viestiä "
        "ei koskaan kuitata.",
        "calendar_gone": "Kalenteri: {n} {n:avoin muistutus, jonka|avointa muistutusta, joiden}"
        " tapahtuman poistit "
        "puhelimesta (ei palauteta; 'vasteaika reminders' näyttää ne yhä).",
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
        "queue_title": "Yhteydenottojono ({n}): soita ennen kuin he lähtevät",
        "queue_empty": "Yhteydenottojono on tyhjä: kukaan asiakas ei ole hiljentynyt, ei "
        "kuulosta tyytymättömältä eikä ole odottanut liian kauan.",
        "queue_top": "Yhteydenottojono: {n} {n:asiakas|asiakasta} soitettavana ('vasteaika queue'):",
        "queue_why": "Miksi",
        "queue_rhythm": "Yleensä",
        "queue_last": "Viimeksi",
        "queue_phone": "Puhelin",
        "queue_company": "yritys",
        "queue_key": "avainasiakas",
        "queue_every": "{d} pv välein",
        "queue_quiet": "hiljaa {d} pv (yleensä {every} pv välein)",
        "queue_unhappy": "kuulostaa tyytymättömältä: {words}",
        "queue_follow_up": "jatkokysymys odotti {wait} työaikaa",
        "queue_waited": "vastaus vasta {wait} työaikaa myöhemmin",
        "queue_unanswered": "vastaamatta {wait} työaikaa",
        "queue_called": "Muistutus {id}: soita tänään: {who}{phone}. Pois jonosta {until} asti.",
        "queue_dismissed": "{who} on pois yhteydenottojonosta {until} asti.",
    },
}

for _table in (WHY_TEXTS, SETUP_TEXTS):
    for _lang, _texts in _table.items():
        TEXTS[_lang].update(_texts)

# Short weekday names: the catalogue's (catalogue/words.py), here for the screens' imports.
WEEKDAYS = _CORE_WEEKDAYS
