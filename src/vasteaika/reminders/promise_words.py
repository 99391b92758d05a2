"""The words a promised callback is written in, Finnish and English, as plain data.

Apart from ``reminders.promises``, which builds its regexes from these tables at import and holds
the reading rules, so that a word can be added (a new promise verb, a weekday's case form)
without reading the reader. Words are lower-case literal text, matched case-insensitively as
whole words; a space in a phrase stands for any run of white space unless a table says other.
The order of a table is kept where it is an alternation: an earlier word is tried first.
"""

from __future__ import annotations

from datetime import timedelta

# --- quoted text and signatures: the reply's own words end where one of these starts ----------

# Banners between dashes that open a quoted or forwarded original ("-----Original Message-----");
# the spaces here are single spaces.
QUOTE_BANNERS = (
    "original message", "alkuperäinen viesti", "forwarded message", "välitetty viesti",
    "ursprungligt meddelande", "vidarebefordrat meddelande",  # sv (Outlook, Gmail)
)  # fmt: skip
# A line with this word and a colon introduces a quote ("Maija kirjoitti 25.11. klo 9:"), as does
# an English "On …" line ending in "wrote:" (on that line or the next).
FI_QUOTE_INTRO = "kirjoitti"
SV_QUOTE_INTRO = "skrev"  # "ons 25 nov. 2026 kl. 08:00 skrev Maija <maija@example.fi>:"
EN_QUOTE_INTRO = "wrote"
# Closings: "terveisin"/"regards", after one of their adjectives or alone, start the signature.
FI_REGARDS = "terveisin"
FI_REGARDS_ADJECTIVES = ("ystävällisin", "parhain", "hyvin", "lämpimin", "aurinkoisin")
# Swedish: "Med vänliga hälsningar", "Bästa hälsningar", "Hälsningar", "Mvh" (a sign-off below).
SV_REGARDS = ("hälsningar", "hälsning")
SV_REGARDS_ADJECTIVES = ("med vänliga", "vänliga", "bästa", "varma", "många", "med vänlig")
EN_REGARDS = "regards"
EN_REGARDS_ADJECTIVES = ("best", "kind", "warm", "many")
# Sign-offs that make up a whole line ("Best,", "BR", "t."); "yst. terv." is read apart.
SIGN_OFFS = ("best", "cheers", "br", "t.", "mvh")
# A mail app's signature line: the English one as whole words ("Sent from my iPhone"), the Finnish
# ones as prefixes with single spaces ("Lähetetty iPhonesta", "Lähetetty Androidista").
EN_DEVICE_SIGNATURE = "sent from my"
FI_DEVICE_SIGNATURES = (
    "lähetetty iphonesta", "lähetetty android", "skickat från min",  # the last: Swedish
)  # fmt: skip
# A quoted header block (Outlook): a From line, then one of the other fields within four lines.
QUOTE_FROM_FIELDS = ("from", "lähettäjä", "från")
QUOTE_OTHER_FIELDS = (
    "sent", "date", "to", "cc", "subject", "lähetetty", "päivämäärä", "vastaanottaja", "aihe",
    "kopio", "skickat", "datum", "till", "kopia", "ämne",
)  # fmt: skip

# --- promise sentences: only a sentence with one of these promises contact --------------------

FI_PROMISE_VERBS = (
    "soitan", "soittelen", "soitamme", "soitellaan", "soitellaa", "soitetaan", "pirautan",
    "pirauttelen", "palaan", "palailen", "palaamme", "lähetän", "laitan", "toimitan", "tulen", "tuun",
    "käyn", "ilmoitan", "ilmoitamme", "katson", "saat", "saatte", "vastaamme",
)  # fmt: skip
# "vastaan" (I answer) promises, but not after these words ("otin vastaan": I received).
FI_ANSWER_VERB = "vastaan"
FI_NOT_ANSWER_AFTER = ("otettu", "ottanut", "otin")
# Contact phrases; one word may stand between their two words ("otan teihin yhteyttä").
FI_CONTACT_PHRASES = (
    "otan yhteyttä", "otamme yhteyttä", "otetaan yhteyttä", "olen yhteydessä",
    "olemme yhteydessä",
)  # fmt: skip
# English: a subject with a future ("I'll", "we are going to"), at most three words, a verb.
EN_PROMISE_SUBJECTS = (
    "i'll", "i’ll", "i will", "i shall", "we'll", "we’ll", "we will", "we shall",
    "i'm going to", "i’m going to", "i am going to", "we're going to", "we’re going to",
    "we are going to",
)  # fmt: skip
# Words between the subject and the verb that take the promise back ("I'll not call").
EN_NEGATIONS = ("not", "never")
EN_PROMISE_VERBS = (
    "call", "ring", "phone", "get back", "send", "be in touch", "get in touch", "contact",
    "reply", "respond", "e-mail", "email", "write", "follow up", "let you know", "update you",
    "come", "check", "text", "swing by", "pop round", "pop by", "drop by", "be over", "stop by",
)  # fmt: skip
# Whole phrases that promise by themselves.
EN_PROMISE_PHRASES = (
    "expect", "you'll hear from me", "you’ll hear from me", "you will hear from me",
    "you'll hear from us", "you’ll hear from us", "you will hear from us", "will call",
    "talk to you", "speak to you", "speak soon",
)  # fmt: skip
# Swedish: the promise is a present-tense verb with its subject ("jag ringer", "vi hörs").
SV_PROMISE_PHRASES = (
    "jag ringer", "ringer dig", "ringer upp", "vi ringer", "jag kommer förbi", "jag kommer och",
    "jag tittar förbi", "jag skickar", "vi skickar", "jag mejlar", "jag hör av mig",
    "vi hör av oss", "jag återkommer", "vi återkommer", "slår en signal", "vi hörs",
)  # fmt: skip

# --- kinds of promise: the first of these in the sentence says what is promised -------------
# (Anything else that promises contact is a call: "palaan asiaan", "I'll get back to you".)
VISIT_WORDS = (
    "tulen", "tuun", "käyn", "tulemme", "käymme", "come by", "come over", "come round",
    "come and", "swing by", "pop round", "pop by", "drop by", "be over", "stop by",
    "kommer förbi", "kommer och", "tittar förbi",
)  # fmt: skip
MESSAGE_WORDS = (
    "lähetän", "lähetämme", "laitan", "toimitan", "saat", "saatte", "send", "e-mail", "email",
    "text", "write", "skickar", "mejlar", "sms", "offert", "offerten",
)  # fmt: skip

# --- days -----------------------------------------------------------------------------------

# Weekday stems, Monday first; Finnish case endings (-na, -hin, -n) are added by the reader.
SV_WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
FI_WEEKDAYS = (
    "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai",
)  # fmt: skip
EN_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Finnish abbreviations ("ma", "to"), read only before a clock time or a date: "to" is also the
# English word.
FI_WEEKDAY_ABBREVIATIONS = ("ma", "ti", "ke", "to", "pe", "la", "su")
# Month names by month number (index + 1) in the forms a date is written with: Finnish genitive
# ("joulukuun 3. päivä") and partitive ("3. joulukuuta"), English and Swedish names and
# abbreviations. The essive ("joulukuussa", "in December") names the month as a window.
FI_MONTH_STEMS = (
    "tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu",
    "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu",
)  # fmt: skip
EN_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
SV_MONTH_NAMES = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip
TODAY_WORDS = ("tänään", "today", "idag", "i dag")
# "tänä" (this) before one of these day-part stems means today ("tänä iltapäivänä").
THIS_WORD = "tänä"
THIS_PART_STEMS = ("aamu", "iltapäivä", "ilta")
TOMORROW_WORDS = ("huomenna", "huomiseen", "tomorrow", "tmrw", "tmr", "imorgon", "i morgon")
DAY_AFTER_WORDS = (
    "ylihuomenna", "the day after tomorrow", "day after tomorrow", "i övermorgon", "iövermorgon",
)  # fmt: skip
# The past: a promise about it is no promise ("soitin eilen"); also "last Friday", "viime
# perjantaina", read with the weekday names.
PAST_WORDS = ("eilen", "toissapäivänä", "yesterday", "viime viikolla", "last week")
# The first business day of next week.
NEXT_WEEK_PHRASES = (
    "ensi viikolla", "ens viikolla", "ensiviikolla", "nästa vecka", "ensi viikon alussa", "ensi viikon aikana", "ensi viikkoon mennessä",
    "early next week", "by next week", "next week",
)  # fmt: skip
# Day and part of the day in one word, as (days from today, DayParts field).
COMPOUNDS = {
    "huomisaamuna": (1, "morning"), "huomisaamulla": (1, "morning"),
    "huomenaamulla": (1, "morning"), "huomisiltapäivänä": (1, "afternoon"),
    "huomisiltana": (1, "evening"), "tonight": (0, "evening"), "i kväll": (0, "evening"),
    "ikväll": (0, "evening"), "i eftermiddag": (0, "afternoon"), "i förmiddag": (0, "forenoon"),
    "i morse": (0, "morning"), "i morgon bitti": (1, "morning"), "imorgon bitti": (1, "morning"),
    "tänä iltana": (0, "evening"), "tänä iltapäivänä": (0, "afternoon"),
    "tänä aamuna": (0, "morning"),
}  # fmt: skip

# --- clock times ------------------------------------------------------------------------------

# Parts of the day, as the DayParts field that holds their clock time. A bare English part
# counts only next to a day ("tomorrow morning"), a Finnish one alone.
FI_DAY_PARTS = {
    "aamulla": "morning", "aamuna": "morning",
    "aamupäivällä": "forenoon", "aamupäivänä": "forenoon", "aamupäivän aikana": "forenoon",
    "iltapäivällä": "afternoon", "iltapäivänä": "afternoon", "iltapäivän aikana": "afternoon",
    "illalla": "evening", "iltana": "evening", "illan aikana": "evening",
}  # fmt: skip
EN_DAY_PARTS = {"morning": "morning", "afternoon": "afternoon", "evening": "evening"}
# Parts of the day said in other words, read like a Finnish part (alone, no day needed).
OTHER_DAY_PARTS = {
    "lounaan jälkeen": "afternoon", "after lunch": "afternoon", "efter lunch": "afternoon",
    "first thing": "morning", "förmiddag": "forenoon", "eftermiddag": "afternoon",
    "på eftermiddagen": "afternoon", "på förmiddagen": "forenoon", "på morgonen": "morning",
    "kväll": "evening",
}  # fmt: skip
NOON_WORDS = ("noon", "midday", "puoliltapäivin", "puolilta päivin", "lunchtime")
# The end of the working day: a deadline at the end of business hours.
DAY_END_WORDS = (
    "by end of day", "by the end of the day", "end of day", "by eod", "eod", "by cob", "cob",
    "close of business", "työpäivän päätteeksi", "päivän päätteeksi", "työpäivän aikana",
)  # fmt: skip
# After a number these make it money or a share, not a clock time ("at 15 €", "klo 9.50 e"):
# prefixes, and whole words.
MONEY_PREFIXES = ("€", "$", "%", "eur", "euro", "snt", "percent", "prosent")
MONEY_WORDS = ("e",)

# --- durations ("tunnin sisällä", "within 2 days") --------------------------------------------

FI_NUMBERS = {
    "puolentoista": 1.5, "puolen": 0.5, "parin": 2, "yhden": 1, "kahden": 2, "kolmen": 3,
    "neljän": 4, "viiden": 5, "kuuden": 6, "kymmenen": 10,
}  # fmt: skip
SV_NUMBERS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "ett par": 2}
EN_NUMBERS = {
    "an": 1, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10,
    "a couple of": 2, "couple of": 2, "half an": 0.5,
}  # fmt: skip
# A unit by the first three letters of its word ("tunnin", "hours", "hrs"; "vartin" is a quarter).
UNITS = {
    "min": timedelta(minutes=1), "tun": timedelta(hours=1), "hou": timedelta(hours=1),
    "hrs": timedelta(hours=1), "hr": timedelta(hours=1), "päi": timedelta(days=1),
    "day": timedelta(days=1), "vii": timedelta(weeks=1), "wee": timedelta(weeks=1),
    "var": timedelta(minutes=15), "tim": timedelta(hours=1), "dag": timedelta(days=1),
    "vec": timedelta(weeks=1), "hal": timedelta(minutes=30),
}  # fmt: skip

# --- limits and gaps --------------------------------------------------------------------------

# A time right after one of these is a validity limit, not a promise ("voimassa 31.12.", "until
# Friday"); so is one right before one of UNTIL_AFTER ("31.12. asti").
UNTIL_BEFORE = ("until", "till", "voimassa", "valid", "expires", "expire", "expiring")
UNTIL_AFTER = ("asti", "saakka")
# Two time expressions with one of these between them say two things ("huomenna tai perjantaina").
GAP_STOP_WORDS = frozenset({"ja", "sekä", "tai", "vai", "mutta", "kun", "and", "or", "but", "when",
                            "then", "och", "eller", "men", "när"})  # fmt: skip
# Of those, the ones that offer alternatives: the earlier reading is the promise.
GAP_ALTERNATIVE_WORDS = frozenset({"tai", "vai", "or", "eller"})

# --- words around the numbers -----------------------------------------------------------------

# "klo 10", "kello 9.30": a Finnish clock time (24-hour).
FI_CLOCK_WORDS = ("klo", "kello", "klockan", "kl")
# "at 3", "around 10:30": an English clock time; 1 … 6 without am/pm is afternoon.
EN_CLOCK_LEADS = ("at", "around", "about", "by")
# Words that may lead a weekday name ("on Friday", "this coming Friday", "tulevana perjantaina").
WEEKDAY_LEADS = ("on", "by", "this", "coming", "this coming", "ensi", "tulevana", "next", "nästa")
# Said on that same weekday, "ensi maanantaina" / "next Monday" may be today or a week from
# today: such a promise is not read (the owner sets it), never guessed.
NEXT_LEADS = ("ensi", "next", "nästa")
# Finnish duration units in the genitive ("tunnin sisällä", "viikon päästä") and what follows.
FI_UNIT_WORDS = ("tunnin", "minuutin", "min", "päivän", "viikon", "vartin")
FI_DURATION_ENDS = ("sisällä", "kuluessa", "kuluttua", "päästä", "aikana")
# English duration units after "in" or "within".
SV_UNIT_WORDS = ("timmar", "timme", "minuter", "minut", "dagar", "dag", "veckor", "vecka")
EN_UNIT_WORDS = (
    "hours", "hour", "hrs", "hr", "minutes", "minute", "mins", "min", "days", "day", "weeks",
    "week",
)  # fmt: skip

# --- clock times as spoken ("puoli kolmelta", "varttia vaille kolme", "half past two") --------

# Finnish hour words 1 … 12 in their case forms, as (hour, case): "nom" (kolme: after klo, puoli,
# yli/vaille), "abl" (kolmelta: alone), "gen" (kolmen: before jälkeen/maissa …), "par" (kolmea:
# after ennen). Spoken short forms (kaks, ysi, kasi) are included.
FI_HOUR_FORMS: dict[str, tuple[int, tuple[str, ...]]] = {
    "yksi": (1, ("nom",)), "yks": (1, ("nom",)), "yhdeltä": (1, ("abl",)), "yhden": (1, ("gen",)),
    "yhtä": (1, ("par",)), "kaksi": (2, ("nom",)), "kaks": (2, ("nom",)),
    "kahdelta": (2, ("abl",)), "kahden": (2, ("gen",)), "kahta": (2, ("par",)),
    "kolme": (3, ("nom",)), "kolmelta": (3, ("abl",)), "kolmen": (3, ("gen",)),
    "kolmea": (3, ("par",)), "neljä": (4, ("nom",)), "neljältä": (4, ("abl",)),
    "neljän": (4, ("gen",)), "neljää": (4, ("par",)), "viisi": (5, ("nom",)), "viis": (5, ("nom",)),
    "viideltä": (5, ("abl",)), "viiden": (5, ("gen",)), "viittä": (5, ("par",)),
    "kuusi": (6, ("nom",)), "kuudelta": (6, ("abl",)), "kuuden": (6, ("gen",)),
    "kuutta": (6, ("par",)), "seitsemän": (7, ("nom", "gen")), "seittemän": (7, ("nom", "gen")),
    "seitsemältä": (7, ("abl",)), "seitsemää": (7, ("par",)),
    "kahdeksan": (8, ("nom", "gen")), "kasi": (8, ("nom",)), "kahdeksalta": (8, ("abl",)),
    "kasilta": (8, ("abl",)), "kahdeksaa": (8, ("par",)), "yhdeksän": (9, ("nom", "gen")),
    "ysi": (9, ("nom",)), "yhdeksältä": (9, ("abl",)), "ysiltä": (9, ("abl",)),
    "yhdeksää": (9, ("par",)), "kymmenen": (10, ("nom", "gen")), "kymppi": (10, ("nom",)),
    "kymmeneltä": (10, ("abl",)), "kympiltä": (10, ("abl",)), "kymmentä": (10, ("par",)),
    "yksitoista": (11, ("nom",)), "yhdeltätoista": (11, ("abl",)),
    "yhdentoista": (11, ("gen",)), "yhtätoista": (11, ("par",)),
    "kaksitoista": (12, ("nom",)), "kahdeltatoista": (12, ("abl",)),
    "kahdentoista": (12, ("gen",)), "kahtatoista": (12, ("par",)),
}  # fmt: skip
# Minutes before yli/vaille ("varttia yli", "viittä vaille").
FI_MINUTE_WORDS = {
    "vartin": 15, "varttia": 15, "vartti": 15, "viittä": 5, "viisi": 5, "kymmentä": 10,
    "kymmenen": 10, "kahtakymmentä": 20, "kaksikymmentä": 20,
}  # fmt: skip
# After a genitive hour: "kolmen jälkeen" (from then on), "kolmen maissa" (around then).
FI_AFTER_WORDS = ("jälkeen",)
FI_AROUND_WORDS = ("maissa", "paikkeilla", "aikaan", "tienoilla", "korvilla", "pintaan")
FI_BEFORE_WORD = "ennen"
EN_HOUR_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
EN_MINUTE_WORDS = {"quarter": 15, "a quarter": 15, "half": 30, "five": 5, "ten": 10, "twenty": 20}
SV_HOUR_WORDS = {
    "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
    "tio": 10, "elva": 11, "tolv": 12,
}  # fmt: skip
SV_MINUTE_WORDS = {"kvart": 15, "fem": 5, "tio": 10, "tjugo": 20}
