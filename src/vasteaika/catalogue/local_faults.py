"""The words of the errors raised where vasteaika meets the computer it runs on: the password
sources (``config/password.py``: a command, the keyring, the environment) and the database file
(``ledger/database.py``). Plain data, apart from ``faults`` (the mail servers) to keep each
table short; ``words`` adds it to the core table, so ``fault`` and ``say`` find them there. A
text in parentheses after a colon is the system's own, and stays as it said it.
"""

LOCAL_FAULTS: dict[str, dict[str, str]] = {
    "en": {
        # The password sources (config/password.py).
        "password.no_keyring": "{section}.keyring: no usable keyring here ({kind})",
        "password.no_keyring_hint": "use password_command or $VASTEAIKA_PASSWORD (cron has no"
        " desktop keyring)",
        "password.not_in_keyring": "no password in the keyring for {user}",
        "password.not_in_keyring_hint": "store it with: vasteaika password set",
        "password.no_way": "no way to get the mail password",
        "password.no_way_hint": "store it with 'vasteaika password set' and set keyring = true in"
        " [account], or set account.password_command or $VASTEAIKA_PASSWORD",
        "password.cannot_store": "no usable keyring here ({reason})",
        "password.cannot_store_hint": "use account.password_command or $VASTEAIKA_PASSWORD"
        " instead",
        "password.no_calendar": "no way to get the calendar password",
        "password.no_calendar_hint": "set calendar.password_command, calendar.keyring = true, or"
        " ${env}",
        "password.not_a_program": "{key}: its first item is not a program name (it has spaces"
        " in it)",
        "password.not_a_program_hint": 'write the command as a list of its words, like ["pass",'
        ' "show", "mail"]',
        "password.not_found": "{key}: its program (the list's first item) was not found",
        "password.not_found_hint": "install it, or give its full path",
        "password.cannot_run": "{key}: cannot run its program, the list's first item ({reason})",
        "password.cannot_run_hint": "check that it is a program you may run",
        "password.slow": "{key} did not finish in {seconds:.0f} s",
        "password.slow_hint": "check that it does not wait for input",
        "password.failed": "{key} failed with exit code {code}",
        "password.failed_hint": "run it by hand to see why",
        "password.nothing": "{key} printed nothing",
        "password.nothing_hint": "check the command",
        # The database file (ledger/database.py).
        "db.read_only": "the database {path} is not writable",
        "db.read_only_hint": "give yourself write permission on it and on its folder (chmod"
        " u+w), or set storage.database to a writable place",
        "db.damaged": "the database {path} is damaged ({reason})",
        "db.damaged_hint": "run 'vasteaika rebuild': it moves the file aside and reads the ledger"
        " again from your mailbox",
        "db.full": "the disk holding {path} is full",
        "db.full_hint": "free some space and run again",
        "db.io": "cannot read or write the database {path} ({reason})",
        "db.io_hint": "check that the file and its folder exist and are writable, or set"
        " storage.database",
        "db.busy": "the database {path} is busy ({reason})",
        "db.busy_hint": "another program holds it: run again later",
        "db.cannot_open": "cannot open the database {path}: {reason}",
        "db.cannot_open_hint": "check that the folder exists and is writable, or set"
        " storage.database",
        "db.not_ours": "cannot open the database {path}: {reason}",
        "db.not_ours_hint": "is it vasteaika's database? Set storage.database to another file,"
        " or run 'vasteaika rebuild': it moves the file aside and reads the ledger again from"
        " your mailbox",
        "db.cannot_read": "cannot read the database {path}: {reason}",
        "db.cannot_read_hint": "check the file and its permissions",
        "db.cannot_rename": "cannot rename {source} to {target}: {reason}",
        "db.cannot_rename_hint": "check that its folder is writable",
        "db.cannot_remove": "cannot remove {path}: {reason}",
        "db.cannot_remove_hint": "check that its folder is writable",
        "db.cannot_lock": "cannot create the lock file {path}: {reason}",
        "db.cannot_lock_hint": "check that the folder is writable",
    },
    "fi": {
        "password.no_keyring": "{section}.keyring: täällä ei ole käyttökelpoista avainnippua"
        " ({kind})",
        "password.no_keyring_hint": "käytä password_command-asetusta tai muuttujaa"
        " $VASTEAIKA_PASSWORD (cronilla ei ole työpöydän avainnippua)",
        "password.not_in_keyring": "avainnipussa ei ole salasanaa käyttäjälle {user}",
        "password.not_in_keyring_hint": "tallenna se komennolla: vasteaika password set",
        "password.no_way": "sähköpostin salasanaa ei saada mistään",
        "password.no_way_hint": "tallenna se komennolla 'vasteaika password set' ja aseta"
        " keyring = true [account]-osioon, tai aseta account.password_command tai"
        " $VASTEAIKA_PASSWORD",
        "password.cannot_store": "täällä ei ole käyttökelpoista avainnippua ({reason})",
        "password.cannot_store_hint": "käytä sen sijaan account.password_command-asetusta tai"
        " muuttujaa $VASTEAIKA_PASSWORD",
        "password.no_calendar": "kalenterin salasanaa ei saada mistään",
        "password.no_calendar_hint": "aseta calendar.password_command, calendar.keyring = true"
        " tai ${env}",
        "password.not_a_program": "{key}: sen ensimmäinen kohta ei ole ohjelman nimi (siinä on"
        " välilyöntejä)",
        "password.not_a_program_hint": 'kirjoita komento sanojensa listana, esimerkiksi'
        ' ["pass", "show", "mail"]',
        "password.not_found": "{key}: sen ohjelmaa (listan ensimmäistä kohtaa) ei löytynyt",
        "password.not_found_hint": "asenna se, tai anna sen koko polku",
        "password.cannot_run": "{key}: sen ohjelmaa, listan ensimmäistä kohtaa, ei voi ajaa"
        " ({reason})",
        "password.cannot_run_hint": "tarkista, että se on ohjelma, jota saat ajaa",
        "password.slow": "{key} ei päättynyt {seconds:.0f} sekunnissa",
        "password.slow_hint": "tarkista, ettei se jää odottamaan syötettä",
        "password.failed": "{key} epäonnistui paluuarvolla {code}",
        "password.failed_hint": "aja se käsin nähdäksesi syyn",
        "password.nothing": "{key} ei tulostanut mitään",
        "password.nothing_hint": "tarkista komento",
        "db.read_only": "tietokantaan {path} ei voi kirjoittaa",
        "db.read_only_hint": "anna itsellesi kirjoitusoikeus siihen ja sen kansioon (chmod u+w),"
        " tai aseta storage.database paikkaan, johon voi kirjoittaa",
        "db.damaged": "tietokanta {path} on vioittunut ({reason})",
        "db.damaged_hint": "aja 'vasteaika rebuild': se siirtää tiedoston sivuun ja lukee"
        " kirjanpidon uudelleen postilaatikostasi",
        "db.full": "levy, jolla {path} on, on täynnä",
        "db.full_hint": "vapauta tilaa ja aja uudelleen",
        "db.io": "tietokantaa {path} ei voi lukea eikä kirjoittaa ({reason})",
        "db.io_hint": "tarkista, että tiedosto ja sen kansio ovat olemassa ja kirjoitettavissa,"
        " tai aseta storage.database",
        "db.busy": "tietokanta {path} on varattu ({reason})",
        "db.busy_hint": "toinen ohjelma pitää sitä: yritä myöhemmin uudelleen",
        "db.cannot_open": "tietokantaa {path} ei voi avata: {reason}",
        "db.cannot_open_hint": "tarkista, että kansio on olemassa ja kirjoitettavissa, tai aseta"
        " storage.database",
        "db.not_ours": "tietokantaa {path} ei voi avata: {reason}",
        "db.not_ours_hint": "onko se vasteaikan tietokanta? Aseta storage.database toiseen"
        " tiedostoon, tai aja 'vasteaika rebuild': se siirtää tiedoston sivuun ja lukee"
        " kirjanpidon uudelleen postilaatikostasi",
        "db.cannot_read": "tietokantaa {path} ei voi lukea: {reason}",
        "db.cannot_read_hint": "tarkista tiedosto ja sen oikeudet",
        "db.cannot_rename": "tiedostoa {source} ei voi nimetä uudelleen nimelle {target}:"
        " {reason}",
        "db.cannot_rename_hint": "tarkista, että sen kansioon voi kirjoittaa",
        "db.cannot_remove": "tiedostoa {path} ei voi poistaa: {reason}",
        "db.cannot_remove_hint": "tarkista, että sen kansioon voi kirjoittaa",
        "db.cannot_lock": "lukkotiedostoa {path} ei voi luoda: {reason}",
        "db.cannot_lock_hint": "tarkista, että kansioon voi kirjoittaa",
    },
}
