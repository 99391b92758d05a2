"""What machines write: the sender names, subjects and header values that mark mail no person
is waiting to have answered.

Plain data, apart from the rules that read it: ``mail.classify`` (what a message is) and
``acks.decision`` (whether an acknowledgment may go out) match against these tables, and the
regexes built from them stay with those rules. Local parts and header values are regex
fragments matched in full; subjects and names are literal text, compared case-insensitively.
Section numbers (§, B…) are those of /work/shared/AUTOREPLY_RULES.md.
"""

from __future__ import annotations

# --- sender addresses (the local part, before the last "@") ------------------------------------

# §8, B5 (classify): local parts of senders that are never a person who wants an answer.
ROBOT_LOCAL_PARTS = (
    r"mailer[-_]?daemon", r"postmaster", r"listserv", r"majordomo", r"owner-.+", r".+-request",
    r".+-bounces?", r"bounces?(?:\+.*)?", r"no[-_.]?reply", r"do[-_.]?not[-_.]?reply",
    r"donotreply", r"auto[-_]?reply", r"autoresponder", r"noreply[-+].*", r"notifications?",
    r"root", r"nobody",
)  # fmt: skip
# The ack refusal (acks.decision) reads the same list and also refuses tagged no-reply
# addresses with a separator ("no-reply.billing@", "no_reply+x@"), which classify leaves be.
ACK_ROBOT_LOCAL_PARTS = (*ROBOT_LOCAL_PARTS, r"no[-_.]?reply[-+.].*")

# §6 (classify): the mail system's own senders; mail from them is a bounce.
BOUNCE_LOCAL_PARTS = (r"mailer[-_]?daemon", r"post[-_.]?master")
# The same for the ack refusal, which reads postmaster only as written together.
ACK_BOUNCE_LOCAL_PARTS = (r"mailer[-_]?daemon", r"postmaster")

# §6: display names of bounce senders ("Mail Delivery Subsystem" <MAILER-DAEMON@…>).
BOUNCE_SENDER_NAMES = ("mail delivery system", "mail delivery subsystem")

# --- subjects (B12, a heuristic: no header says so) --------------------------------------------

# Out-of-office subjects: a prefix counts when the subject is exactly it or it is followed by a
# colon. English, Swedish, Norwegian/Danish, German, Dutch, Italian, Spanish, French, Finnish.
OUT_OF_OFFICE_PREFIXES = (
    "automatic reply", "auto reply", "autoreply", "auto response", "automatic response",
    "out of office", "out of office autoreply", "out of office reply", "out of office alert",
    "autosvar", "automatiskt svar", "automatisk svar", "frånvaro", "frånvarande", "fraværende",
    "abwesenheitsnotiz", "automatische antwort", "automatisch antwoord",
    "risposta non al computer", "fuori sede", "respuesta automática", "réponse automatique",
    "automaattinen vastaus", "poissa toimistolta", "poissaoloviesti", "poissa",
    # Issue 12 (research: notes/data/robot_senders.py OOF_SUBJECT_PREFIXES): hand-written Nordic
    # subjects ("Lomavastaaja: Re: Tarjous") and Outlook's localised ones. "common pattern" rows
    # are conventions no vendor page confirms.
    "lomavastaaja", "lomaviesti", "poissaoloilmoitus",  # fi, common pattern
    "vastaanottokuittaus", "automaattinen kuittaus",  # fi: receipt auto-acks, common pattern
    "olen lomalla",  # fi, common pattern (only as the whole subject or before a colon)
    "frånvaromeddelande",  # sv, code corpus filters
    "fraværsmelding",  # no, code corpus: Norwegian mail filters
    "fravær", "automatisk besked",  # no/da, common pattern
    "automaatvastus",  # et, Microsoft et-EE docs title
    "automaatne vastus", "olen puhkusel",  # et, common pattern
    "abwesend",  # de, common pattern
    "out of the office",  # sisimai rfc3834/lib.go
    "on vacation",  # common pattern
)  # fmt: skip
# Out-of-office subjects that end in a phrase ("Maija Meikäläinen is out of the office.").
OUT_OF_OFFICE_ENDINGS = ("is out of the office", "vacation response")  # Lotus Notes; Gmail
# Bounce subjects (Exchange, Postfix, qmail, Gmail, sendmail): the subject starts with one.
BOUNCE_SUBJECT_PREFIXES = (
    "undeliverable:", "undelivered mail returned to sender", "mail delivery failed",
    "failure notice", "delivery status notification", "returned mail:",
)  # fmt: skip

# --- header values ------------------------------------------------------------------------------

# B7, RFC 3834 §2: Precedence / X-Precedence values of list and bulk mail, and cPanel's
# auto-reply value.
PRECEDENCE_BULK = ("bulk", "junk", "list")
PRECEDENCE_AUTO_REPLY = ("auto_reply",)

# B9: X-Auto-Response-Suppress tokens. Outlook puts "All" on human mail too, so classify reads it
# only together with X-MS-Exchange-Inbox-Rules-Loop; the ack refuses any of these outright.
SUPPRESS_ALL = "all"
SUPPRESS_REFUSED = frozenset({"all", "oof", "autoreply"})

# B7, B8 (classify): headers that mark an auto-reply, as (header, value pattern, source). The
# pattern is matched in full against the trimmed value, case-insensitively.
AUTO_REPLY_HEADERS = (
    ("Precedence", "|".join(PRECEDENCE_AUTO_REPLY), "cPanel auto-reply, B7"),
    ("X-Precedence", "|".join(PRECEDENCE_AUTO_REPLY), "cPanel auto-reply, B7"),
    ("X-Autoreply", ".*", "vendor auto-reply marker, B8"),
    ("X-Autorespond", ".*", "vendor auto-reply marker, B8"),
    ("X-AutoReply-From", ".*", "vendor auto-reply marker, B8"),
    ("X-Mail-Autoreply", ".*", "vendor auto-reply marker, B8"),
    ("X-Autogenerated", ".*", "CommuniGate auto-generated, B8"),
    ("X-FC-MachineGenerated", "true", "FirstClass, B8"),
    ("X-POST-MessageClass", r".*\bautoresponder\b.*", "Mailtraq, B8"),
    ("Delivered-To", "autoresponder", "qmail auto-reply, B8"),
    ("X-Apple-Action", "vacation.*", "iCloud vacation reply, B8"),
    ("X-Loop", "yes|true", "loop marker, Zammad, B11"),
)
# B13 (classify): a spam verdict written by a filter; the mail is nobody's contact.
SPAM_HEADERS = (
    ("X-Spam-Flag", "yes", "spam verdict, B13"),
    ("X-Spam-Status", r"yes\b.*", "spam verdict, B13"),
    ("X-SES-Spam-Verdict", "fail", "Amazon SES spam verdict, B13"),
)
# B7, B10 (classify): headers that mark list or bulk mail, in the same form.
LIST_HEADERS = (
    ("Precedence", "|".join(PRECEDENCE_BULK), "RFC 3834 §2, B7"),
    ("X-Precedence", "|".join(PRECEDENCE_BULK), "RFC 3834 §2, B7"),
    ("Feedback-ID", ".*", "bulk sender, B10"),
)
# B6: every header of a mailing list starts with this (RFC 2369, 2919, 8058).
LIST_HEADER_PREFIX = "list-"

# --- content types (B3) ---------------------------------------------------------------------------

# RFC 3464 delivery status notifications, alone or as the report-type of a multipart/report
# (a multipart/report without a report-type is read as one too).
DELIVERY_STATUS_TYPES = ("delivery-status", "global-delivery-status")
# Feedback reports (ARF, RFC 5965) and read receipts (MDN, RFC 8098): reports, not bounces.
REPORT_CONTENT_TYPES = ("message/feedback-report", "message/disposition-notification")

# --- issue 12: the Nordic mail world ---------------------------------------------------------
# Researched for issue 12 (the research file lists a source per row). "common pattern" means the
# convention is widespread but no page for that exact sender was found: a guess to confirm
# against real mail, never a verified address.

# "Do not reply" local parts, written as stems: casefolded, ä/ö/å/ø/æ/õ/ü folded to ASCII and
# the separators "-", "_", "." removed, so that ala-vastaa, älä_vastaa, AlaVastaa and
# harja-ala-vastaa (a prefix before a separator) all match "alavastaa". A stem matches the whole
# local part (a "+tag" dropped) or any run of its separator-delimited words.
ROBOT_LOCAL_STEMS = (
    # en: AUTOREPLY_RULES.md §8 (Pigeonhole, Alaveteli, Discourse, RT, FreeScout); RFC 5230 §4.6
    "noreply", "donotreply", "dontreply", "noresponse", "mailerdaemon", "listserv", "majordomo",
    "autoreply", "autoresponder",
    # fi: ala-vastaa@ajava.eu and harja-ala-vastaa@vayla.fi (code corpus); the rest common pattern
    "eivastausta", "alavastaa", "eivastata", "eivastaa", "eivastauksia",
    # sv: svarainte@fsektionen.se, SvaraInte@verath.se (code corpus); the rest common pattern
    "svarainte", "ingetsvar", "ejsvar",
    # no/da: ikke-svar@nav.no (NAV sendsoknad), ikke-svar@bilfunn.no (code corpus); rest common
    "ikkesvar", "ikkebesvar", "svarikke", "ingensvar",
    # et: common pattern ("ära vasta", "ei vasta")
    "aravasta", "eivasta",
    # de: nicht-antworten@ (CakePHP mailer, code corpus); the rest common pattern
    "nichtantworten", "bittenichtantworten", "keineantwort",
)  # fmt: skip

# Role local parts that are machines only as the whole local part (folded as above): "alerts@"
# is a robot, "mikko.alerts@" may be a person. Common pattern unless noted.
ROBOT_LOCAL_WORDS = (
    "notify", "alerts", "daemon", "automailer", "autoconfirm",  # en; auto-confirm@amazon.*
    "calendarnotification",  # Google Calendar, code corpus: mail filters
    "invitations",  # LinkedIn invitations@linkedin.com
    "automaattiviesti", "automaattinen", "ilmoitukset", "ilmoitus", "tiedotteet",  # fi
    "uutiskirje", "viestipalvelu",  # fi: newsletter, message service
    "aviseringar", "utskick",  # sv: notifications, mailing
    "varsling", "varsel", "notifikation",  # no/da: Altinn/NAV style
    "teavitus", "teavitused",  # et: notification(s)
    "benachrichtigung", "benachrichtigungen",  # de
)  # fmt: skip

# Phrases in a sender's display name (folded as above but keeping spaces): "Kela (älä vastaa)".
ROBOT_DISPLAY_PHRASES = (
    "ala vastaa", "ei vastausta", "automaattinen ilmoitus",  # fi, common pattern
    "svara inte",  # sv, code corpus (SvaraInte@verath.se display)
    "ikke svar", "do not reply", "no reply", "noreply", "nicht antworten",  # no, en, de
    "via google calendar", "via linkedin", "(google docs)",  # platform "on behalf of" names
)  # fmt: skip

# Opening lines of out-of-office bodies (lower-case; "…" stands for a date or a name and
# matches up to 60 characters). Read by the ack decision, which has the whole mail.
OUT_OF_OFFICE_BODY_OPENINGS = (
    "olen lomalla … enkä lue sähköpostiani",  # code corpus: Finnish auto-reply fixture
    "olen lomalla … asti", "olen vuosilomalla", "olen poissa toimistolta",  # fi, common pattern
    "olen poissa … välisenä aikana", "kiitos viestistäsi. olen lomalla",
    "olen puhkusel",  # et, common pattern
    "ich bin bis … nicht im büro", "vielen dank für ihre nachricht. ich bin",  # de, common
    "i am out of the office",  # alaveteli OOF fixtures
    "i am currently out of the office", "thank you for your email. i am away",  # en, common
)  # fmt: skip
# Swedish, Norwegian and Danish out-of-office openings (common pattern), read in their shape
# (``mail.body``): "I am away" followed by "until <date>", "and do not read my mail" or an
# "in urgent matters" sentence, or "I am back" followed by a day. A person saying the same ("jag
# har semester nästa vecka, kan ni komma efter det?", "jag är ledig på fredag") gives no date
# after an "until" word.
NORDIC_AWAY_OPENINGS = (
    "jag har semester", "jag är på semester", "jag är ledig", "jag är tjänstledig",
    "jag är föräldraledig",  # sv
    "jeg har ferie", "jeg er på ferie", "jeg har permisjon", "jeg er i permisjon",
    "jeg er ute av kontoret",  # no
    "jeg holder ferie", "jeg har orlov", "jeg er på orlov",  # da
)  # fmt: skip
# The words between an away opening and its date: "till och med 7.12.", "til 3. august".
NORDIC_UNTIL_WORDS = (
    "till", "till och med", "t.o.m.", "tom", "fram till",  # sv
    "til", "til og med", "t.o.m.", "frem til", "indtil",  # no/da
)  # fmt: skip
# "I am back" (then a day with a number or a month): "og er tilbake 11. august".
NORDIC_BACK_PHRASES = (
    "jag är tillbaka", "och är tillbaka", "jag är åter", "och är åter",  # sv
    "jeg er tilbake", "og er tilbake", "jeg er tilbage", "og er tilbage",  # no/da
)  # fmt: skip
# Words that may stand between "I am back" and its day.
NORDIC_BACK_PLACES = ("på kontoret", "i tjänst", "på jobbet", "igen", "igjen", "på arbejde")
NORDIC_AWAY_TAILS = (
    "och läser inte", "och har inte tillgång", "… begränsad tillgång", "och kan inte svara",
    "… brådskande ärenden",  # sv
    "og leser ikke", "og har ikke tilgang", "… begrenset tilgang", "og kan ikke svare",
    "… hastesaker",  # no
    "og læser ikke", "og har ikke adgang", "… begrænset adgang", "… hastende sager",  # da
)  # fmt: skip
# A date as these openings write it: a weekday, a day with a month, a day.month, a week number.
NORDIC_WEEKDAYS = (
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",  # sv
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",  # no/da
)  # fmt: skip
NORDIC_MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",  # sv
    "januar", "februar", "marts", "mai", "august", "desember",  # no/da, the rest as sv
)  # fmt: skip
NORDIC_WEEK_WORDS = ("vecka", "v.", "uke", "uge")

# Body sentences that say nobody reads replies ("Älä vastaa tähän viestiin").
DO_NOT_REPLY_BODY_PHRASES = (
    "älä vastaa tähän viestiin", "ala vastaa tahan viestiin",  # Opintopolku key (code corpus)
    "tähän viestiin ei voi vastata", "viesti on lähetetty automaattisesti",  # fi
    "tämä on automaattinen viesti", "tämä on automaattinen vastaus",  # fi, common pattern
    "tämä on automaattinen kuittaus",
    "svara inte på detta meddelande", "meddelandet går inte att svara på",  # sv, common
    "ikke svar på denne e-posten", "denne e-posten kan ikke besvares",  # no, common
    "du kan ikke svare på denne e-mail", "denne e-mail kan ikke besvares",  # da, common
    "palun ärge vastake sellele kirjale",  # et, common
    "bitte antworten sie nicht auf diese e-mail",  # de, common
    "do not reply to this email", "this mailbox is not monitored",  # en, common
    "replies to this message are not monitored",
)  # fmt: skip

# Outlook/Exchange meeting responses: "<prefix> <meeting subject>", written by the client when
# the attendee clicks a button. Common pattern unless noted (verify on a localised Outlook).
MEETING_RESPONSE_PREFIXES = (
    "accepted:", "declined:", "tentative:", "new time proposed:", "canceled:", "cancelled:",
    "hyväksytty:", "hylätty:", "alustava:", "peruutettu:",  # fi-FI
    "accepterat:", "avböjt:", "preliminärt:",  # sv-SE
    "godtatt:", "avslått:", "accepteret:", "afvist:",  # nb-NO, da-DK
    "nõustutud:",  # et-EE
    "angenommen:", "abgelehnt:",
    "mit vorbehalt angenommen:",  # de-DE; code corpus: MAPI→iCalendar converter test
)  # fmt: skip
# Google Calendar invitations: "<prefix> <title> @ <when> (<calendar>)"; read only with the " @ ".
CALENDAR_INVITATION_PREFIXES = (
    "invitation:", "updated invitation:",  # code corpus: Gmail demo fixtures
    "kutsu:", "päivitetty kutsu:", "inbjudan:",  # fi/sv Google Calendar, common pattern
)  # fmt: skip
# iCalendar METHODs of a text/calendar part (RFC 5546) that are scheduling messages.
CALENDAR_METHODS = ("request", "reply", "cancel", "counter", "declinecounter", "refresh", "add")

# Platform notification senders: a full address, or "@domain" when every mail from that domain
# is a notification (social networks' mail domains, marketplaces that relay buyers, booking and
# meeting tools). Companies whose staff also write mail (banks, DHL, Posti…) are left out: their
# robots are caught by local part and headers instead.
PLATFORM_SENDERS = (
    "calendar-notification@google.com", "calendar-notification@googlemail.com",  # code corpus
    "comments-noreply@docs.google.com", "drive-shares-dm-noreply@google.com",
    "businessprofile-noreply@google.com",  # Google Business Profile, common pattern
    "@facebookmail.com",  # code corpus: security@facebookmail.com in sender lists
    "@mail.instagram.com", "@linkedin.com",  # common pattern
    "@tori.fi", "@nettiauto.com", "@huuto.net", "@blocket.se", "@finn.no", "@dba.dk",  # common
    "@email.teams.microsoft.com", "@zoom.us",  # common pattern
    "notifications@calendly.com", "no-reply@calendly.com",  # code corpus: sender lists
    "mailer@doodle.com", "@timma.fi", "@vello.fi",  # common pattern
    "service@paypal.com", "service@intl.paypal.com", "notifications@stripe.com",  # payments
)  # fmt: skip

# Role local parts a shop or a service sends its own mail from (folded, separators removed, as
# ROBOT_LOCAL_WORDS). Not a robot alone (a person answers info@); read with an envelope that
# names the recipient (VERP: a sending platform's per-recipient bounce address), as a webshop's
# order confirmation or a small firm's newsletter sent through SendGrid or Mailgun is. A person
# writing through the same platform writes from their own address (mira.koivisto@). Common
# pattern.
SHOP_ROLE_LOCAL_WORDS = (
    "info", "tilaukset", "tilaus", "verkkokauppa", "kauppa", "myynti", "asiakaspalvelu",
    "laskutus", "kuitit", "uutiset",  # fi
    "order", "orders", "shop", "store", "webshop", "sales", "billing", "receipts", "hello",
    "customerservice", "service", "support", "news", "team",  # en
    "kundservice", "kundtjanst", "butik", "bestallning", "ordrer", "bestilling", "butikk",
    "kundeservice", "salg", "forsaljning",  # sv/no/da, folded
)  # fmt: skip

# The field labels of a website form's notification, by field ("Nimi: Sari", or the label alone
# on its line and the value below, as WPForms writes). A contact form that mails From the owner's
# own address is told from the owner's own mail by them: a message field and another one.
# Common pattern (Contact Form 7, WPForms, Gravity Forms, Elementor defaults and their
# translations).
FORM_FIELD_LABELS = {
    "message": ("viesti", "viestisi", "kysymys", "lisätiedot", "kommentti", "message",
                "your message", "comments", "meddelande", "ärende", "melding", "besked",
                "nachricht"),
    "name": ("nimi", "etunimi", "sukunimi", "lähettäjä", "name", "your name", "namn", "navn"),
    "email": ("sähköposti", "sähköpostiosoite", "email", "e-mail", "your email",
              "email address", "e-post", "epost", "e-mailadresse"),
    "phone": ("puhelin", "puhelinnumero", "puh", "phone", "telefon", "telefonnummer",
              "mobiili"),
    "company": ("yritys", "company", "företag", "firma"),
    "subject": ("aihe", "subject", "ämne", "emne", "betreff"),
}  # fmt: skip

# Website form services: the notification's From. Its Reply-To person is the lead (a contact
# whatever the settings); acknowledging still needs `form_senders` (research FORM_SERVICES).
FORM_SERVICE_SENDERS = (
    "no-reply@crm.wix.com",  # code corpus: Wix lead parsers
    "form-submission@squarespace.info",  # code corpus: Squarespace lead parsers
    "no-reply-forms@webflow.com",  # code corpus: Webflow lead parsers
    "formresponses@netlify.com",  # https://docs.netlify.com/manage/forms/notifications/
    "noreply@formspree.io",  # code corpus: Formspree READMEs
    "notify@web3forms.com",  # https://docs.web3forms.com/.../custom-reply-to
    "noreply@jotform.com",  # code corpus: Jotform API examples
    "notifications@typeform.com",  # code corpus: Typeform pollers
    "notification@zohoforms.com", "notification@zohoforms.eu",  # common pattern
    "noreply@formstack.com",  # code corpus: formProviders list
    "noreply@notifications.hubspot.com",  # code corpus: HubSpot sender filters
)  # fmt: skip

# A mail whose To and Cc hold more than this many addresses besides the owner's is a broadcast:
# a contact at most, never acknowledged.
BROADCAST_RECIPIENTS = 5
