"""The words of a config file's problems: the line that lists them, each problem, what a key
expects, the problems of the owner's own templates, the example person left in it and invalid
[ack] settings. Said in the language the file asks for (``[owner] language``) once the file reads
as TOML and that value is a language vasteaika speaks; in English before. Plain data, apart
from ``words`` because the table is long; ``words`` adds it to the core table. Keys, values
and file names stay as written.
"""

CONFIG_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "config.problems": "{where}: {n} problem(s): {detail}",
        "config.problems_hint": "fix these keys ('vasteaika init --print' shows every key with"
        " what it means)",
        # Each problem (config/load.py).
        "config.unknown_section": "unknown section [{section}] (known: {known})",
        "config.not_table": "[{section}] must be a table",
        "config.unknown_key": "unknown key {section}.{key} (known: {known})",
        "config.secret_value": "{section}.{key} is {kind} (not shown: it may hold a secret):"
        " expected {expected}",
        "config.bad_value": "{section}.{key} = {value}: expected {expected}",
        "config.missing": "{section}.{key} is missing: it is required",
        "config.maildir_and_mbox": "account.maildir and account.mbox: set one of them, not both",
        "config.mbox_draft": 'ack.mode = "draft" cannot be used with account.mbox (mbox files are'
        ' only read): use "send" or "off"',
        "config.missing_account": "account.{key} is missing (or set account.maildir or"
        " account.mbox for a local mailbox)",
        "config.plain_imap": 'account.security = "none" is only allowed for 127.0.0.1/localhost',
        "config.hours_order": "hours.start must be before hours.end",
        "config.readable_by_others": "{path} can be read by other users; run 'chmod 600 {path}'"
        " if it holds secrets",
        "config.send_needs_smtp": 'ack.mode = "send" needs [smtp] host (or set ack.mode = "draft"'
        ' or "off")',
        "config.plain_smtp": 'smtp.security = "none" is only allowed for 127.0.0.1/localhost',
        "config.vacation_pair": "ack.vacation_from and ack.vacation_until go together: set both"
        " or neither",
        "config.owner_address": "owner.addresses: {address} is not an email address",
        # The owner's acknowledgment templates (config/load.py, template_spec.py).
        "template.no_folder": "ack.templates: {path} is not a folder",
        "template.unreadable": "ack.templates: cannot read {path}: {reason}",
        "template.in_file": "{path}: {problem}",
        "template.alone_missing": "ack.vacation_substitute is empty, so {needed.name} is sent"
        " during the vacation, not your {own}: write {needed} (without $substitute) or set the"
        " substitute",
        "template.empty": "the template is empty",
        "template.lone_dollar": "line {line}: a '$' that starts no placeholder (write $$ for a"
        " dollar sign)",
        "template.unknown": "line {line}: unknown placeholder ${ident}{hint}; known: {known}",
        "template.did_you_mean": " (did you mean ${close}?)",
        "template.no_callback": "the template has no $callback, so it promises no callback time",
        # The example person left in a config that would send (config/example.py).
        "config.example_person": "{where} still has the example person in {leftovers}: nothing"
        " was sent",
        "config.example_person_hint": "put your own name and signature there (or run 'vasteaika"
        " init' on a terminal to write them)",
        "config.the_config": "the config",
        # The acknowledgment settings (acks/decision.py), checked again where they are made.
        "ack.invalid": "invalid acknowledgment settings: {detail}",
        "ack.invalid_hint": "fix the [ack] section",
        "ack.bad_mode": "ack.mode must be send, draft or off, not {mode!r}",
        "ack.bad_owner": "owner address {address!r}: {problem}",
        "ack.bad_max_age": "ack.max_age must be positive",
        "ack.bad_once": "ack.once_per_days must be at least 1 (RFC 5230 forbids 0)",
        "ack.bad_prefix": "ack.subject_prefix must be short text without control characters",
        # What a value is, said without the value (a key that may hold a secret).
        "value_kind.list": "a list with {n} item(s){of}",
        "value_kind.of": " ({kinds})",
        "value_kind.bool": "true/false",
        "value_kind.text": "a text",
        "value_kind.number": "a number",
        "value_kind.table": "a table",
        "value_kind.empty": "an empty text",
        "value_kind.date": "a date or time",
        # What a key expects (config/checks.py).
        "expect.text": "a text in quotes",
        "expect.bool": "true or false",
        "expect.port": "a port number between 1 and 65535",
        "expect.positive": "a positive number (at most 100000)",
        "expect.count": "a whole number from 1 to 1000",
        "expect.country": 'a country code like "FI" (or "" for no public holidays)',
        "expect.texts": 'a list of texts, like ["a", "b"]',
        "expect.domains": 'a list of domains, like ["koivukuja.fi"]',
        "expect.one_of": "one of {choices}",
        "expect.clock": 'a clock time like "08:00"',
        "expect.timezone": 'a time zone name like "Europe/Helsinki"',
        "expect.weekdays": "a non-empty list of {days}",
        "expect.duration": 'a duration like "2h", "60m" or "1d" (at most 3650 days)',
        "expect.clocks": 'a list of clock times like ["10:00", "15:00"]',
        "expect.date_only": "a date like 2026-12-01, without a time",
        "expect.date": "a date like 2026-12-01",
        "expect.calendar_url": 'the calendar\'s address, like "https://dav.example.fi/cal/me/"'
        ' (or "")',
        "expect.database": 'the path of the database file, e.g. "~/vasteaika/vasteaika.db", or'
        ' "auto" (the default)',
    },
    "fi": {
        "config.problems": "{where}: {n} {n:ongelma|ongelmaa}: {detail}",
        "config.problems_hint": "korjaa nämä avaimet ('vasteaika init --print' näyttää jokaisen"
        " avaimen ja sen merkityksen)",
        "config.unknown_section": "tuntematon osio [{section}] (tunnetut: {known})",
        "config.not_table": "[{section}] pitää olla taulukko",
        "config.unknown_key": "tuntematon avain {section}.{key} (tunnetut: {known})",
        "config.secret_value": "{section}.{key} on {kind} (arvoa ei näytetä: se voi sisältää"
        " salaisuuden): odotettiin: {expected}",
        "config.bad_value": "{section}.{key} = {value}: odotettiin: {expected}",
        "config.missing": "{section}.{key} puuttuu: se on pakollinen",
        "config.maildir_and_mbox": "account.maildir ja account.mbox: aseta vain toinen niistä",
        "config.mbox_draft": 'ack.mode = "draft" ei toimi account.mbox-asetuksen kanssa'
        ' (mbox-tiedostoja vain luetaan): käytä "send" tai "off"',
        "config.missing_account": "account.{key} puuttuu (tai aseta account.maildir tai"
        " account.mbox paikallista postilaatikkoa varten)",
        "config.plain_imap": 'account.security = "none" sallitaan vain osoitteille'
        " 127.0.0.1/localhost",
        "config.hours_order": "hours.start pitää olla ennen hours.end-aikaa",
        "config.readable_by_others": "muut käyttäjät voivat lukea tiedoston {path}; aja"
        " 'chmod 600 {path}', jos siinä on salaisuuksia",
        "config.send_needs_smtp": 'ack.mode = "send" tarvitsee [smtp] host -asetuksen (tai aseta'
        ' ack.mode = "draft" tai "off")',
        "config.plain_smtp": 'smtp.security = "none" sallitaan vain osoitteille'
        " 127.0.0.1/localhost",
        "config.vacation_pair": "ack.vacation_from ja ack.vacation_until kuuluvat yhteen: aseta"
        " molemmat tai ei kumpaakaan",
        "config.owner_address": "owner.addresses: {address} ei ole sähköpostiosoite",
        "template.no_folder": "ack.templates: {path} ei ole kansio",
        "template.unreadable": "ack.templates: tiedostoa {path} ei voi lukea: {reason}",
        "template.in_file": "{path}: {problem}",
        "template.alone_missing": "ack.vacation_substitute on tyhjä, joten loman aikana"
        " lähetetään {needed.name} eikä oma {own}: kirjoita {needed} (ilman $substitute) tai"
        " aseta sijainen",
        "template.empty": "pohja on tyhjä",
        "template.lone_dollar": "rivi {line}: '$', josta ei ala mikään paikkamerkki (kirjoita"
        " $$ dollarimerkiksi)",
        "template.unknown": "rivi {line}: tuntematon paikkamerkki ${ident}{hint}; tunnetut:"
        " {known}",
        "template.did_you_mean": " (tarkoititko ${close}?)",
        "template.no_callback": "pohjassa ei ole $callback-kohtaa, joten se ei lupaa"
        " soittoaikaa",
        "config.example_person": "{where} sisältää yhä esimerkkihenkilön kohdissa {leftovers}:"
        " mitään ei lähetetty",
        "config.example_person_hint": "kirjoita niihin oma nimesi ja allekirjoituksesi (tai aja"
        " 'vasteaika init' päätteessä, niin se kysyy ne)",
        "config.the_config": "asetustiedosto",
        "ack.invalid": "virheelliset kuittausasetukset: {detail}",
        "ack.invalid_hint": "korjaa [ack]-osio",
        "ack.bad_mode": "ack.mode pitää olla send, draft tai off, ei {mode!r}",
        "ack.bad_owner": "omistajan osoite {address!r}: {problem}",
        "ack.bad_max_age": "ack.max_age pitää olla positiivinen",
        "ack.bad_once": "ack.once_per_days pitää olla vähintään 1 (RFC 5230 ei salli nollaa)",
        "ack.bad_prefix": "ack.subject_prefix pitää olla lyhyt teksti ilman ohjausmerkkejä",
        "value_kind.list": "lista, jossa on {n} {n:kohta|kohtaa}{of}",
        "value_kind.of": " ({kinds})",
        "value_kind.bool": "true/false",
        "value_kind.text": "teksti",
        "value_kind.number": "luku",
        "value_kind.table": "taulukko",
        "value_kind.empty": "tyhjä teksti",
        "value_kind.date": "päivämäärä tai aika",
        "expect.text": "teksti lainausmerkeissä",
        "expect.bool": "true tai false",
        "expect.port": "porttinumero väliltä 1–65535",
        "expect.positive": "positiivinen luku (enintään 100000)",
        "expect.count": "kokonaisluku väliltä 1–1000",
        "expect.country": 'maakoodi, kuten "FI" ("" jos ei yleisiä vapaapäiviä)',
        "expect.texts": 'lista tekstejä, kuten ["a", "b"]',
        "expect.domains": 'lista verkkotunnuksia, kuten ["koivukuja.fi"]',
        "expect.one_of": "jokin näistä: {choices}",
        "expect.clock": 'kellonaika, kuten "08:00"',
        "expect.timezone": 'aikavyöhykkeen nimi, kuten "Europe/Helsinki"',
        "expect.weekdays": "ei-tyhjä lista päivistä {days}",
        "expect.duration": 'kesto, kuten "2h", "60m" tai "1d" (enintään 3650 päivää)',
        "expect.clocks": 'lista kellonaikoja, kuten ["10:00", "15:00"]',
        "expect.date_only": "päivämäärä, kuten 2026-12-01, ilman kellonaikaa",
        "expect.date": "päivämäärä, kuten 2026-12-01",
        "expect.calendar_url": 'kalenterin osoite, kuten "https://dav.example.fi/cal/me/"'
        ' (tai "")',
        "expect.database": 'tietokantatiedoston polku, esim. "~/vasteaika/vasteaika.db", tai'
        ' "auto" (oletus)',
    },
}
