"""The words an acknowledgment is written and read with: day and month names for the callback
phrase, the word lists that tell Finnish, Swedish and English apart (Finland has two official
languages: a Swedish-speaking customer is answered in Swedish), and the words that mark a
display name as a company or a role rather than a person.

Plain data, apart from ``acks.wording`` that reads it, so that a word can be added without
reading the logic (and the logic changed without scrolling past the lists).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The callback phrase: "maanantaina 30.11. klo 9.30" / "on Monday 30 November at 9:30".
FI_WEEKDAYS_ON = (
    "maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina", "lauantaina",
    "sunnuntaina",
)  # fmt: skip
SV_WEEKDAYS_ON = (
    "på måndag", "på tisdag", "på onsdag", "på torsdag", "på fredag", "på lördag", "på söndag",
)  # fmt: skip
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

# Language detection: common words of a customer's first mail (greetings, function words, what
# people ask for), each worth a point for its language.
FI_WORDS = _words("""
hei moi moikka terve päivää kiitos kiitoksia ja tai sekä kun että mutta jos ei en et emme ole olen
olisi oli onko olisiko voisitko voisitteko voitteko voitko haluaisin haluan haluaisimme tarvitsen
tarvitsisin tarvitsemme minä mä meillä minulla meidän teidän sinun kanssa nyt vielä myös kuinka
paljon milloin missä mitä mikä tarjous tarjousta tarjouspyyntö hinta hintaa hinnat kysymys kysyä
asia asiasta koskien soitto soita soittakaa soittaisitko puhelin puh numero yhteydenotto apua
terveisin ystävällisin kiireellinen kiire huomenna tänään viikolla ensi tämä tämän se sitä
""")
# Swedish as Finland-Swedish customers write it (Svenska Yle, fi-sv business mail): no word here
# is Finnish or English too ("ja", "i", "en", "et" are left out for that reason). A word with "å"
# counts for Swedish as well; these are read before the Finnish rules, which count ä and ö.
SV_WORDS = _words("""
hej hejsan tjena god dag tack tacksam och att jag vi ni du mig oss er dig din ditt ert vår
är har hade kan kunde skulle vill ville behöver önskar undrar gärna snälla om med för från till
av som det den detta denna här där när hur vad vilken mycket också redan inte eller men nu
offert offerten pris priset fråga frågan angående gällande beträffande ring ringa ringer
telefon tfn mobil nummer kontakta kontakt hjälp idag imorgon morgon nästa vecka veckan tid
jobb arbete hus huset trädgård trädgården hälsningar hälsning vänliga bästa mvh brådskande
möjligt möjlighet komma kommer titta göra gjort fixa bra alla kolla ställa även förfrågan
förstås följande möte mötet dörr dörren fönster fönstren kök köket färg väldigt lätt svårt
väntar höra hört söka gäller lägenhet lägenheten sälja köpa köpte täcka närmaste snö snön
plogning städning städa tänkte behövs önskas förbi gör görs hjälpa skötsel
""")
# Swedish derivational endings (stenläggning, möjlighet, vänligt): a word of six or more letters
# ending in one counts for Swedish; no Finnish word ends so.
SV_ENDINGS = ("ning", "ningen", "ningar", "het", "heten", "ligt", "liga")
EN_WORDS = _words("""
hi hello dear thanks thank the and or but i you your my we our us is are be been would could can
will like please regards best kind sincerely for with of to in at about this that have has need
want looking quote request price prices question call back today tomorrow week when what how much
if it an a get help interested inquiry enquiry offer urgent appointment available possible
""")
# Finnish case endings (inessive, elative, adessive, ablative, allative, translative, -kin): a
# word of five or more letters ending in one counts for Finnish.
FI_ENDINGS = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "kin")
# Lines a phone or mail app adds ("Sent from my iPhone", "Lähetetty iPhonesta"): not the
# customer's words, so not read. Compared at the line's start, ignoring case.
DEVICE_LINE_STARTS = ("sent from my", "get outlook for", "lähetetty ", "skickat från ")

# First names: a display name with one of these words is a company or a role, not a person
# ("Firma Oy", "Asiakaspalvelu", "Sales Team"); compared lower-cased, dots stripped.
NOT_A_PERSON = _words("""
oy oyj ab ky tmi ry ltd llc inc gmbh plc co team tiimi support service services info admin
asiakaspalvelu myynti sales office toimisto webmaster customer kundtjänst kundservice
försäljning kontor
""")
