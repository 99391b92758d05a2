"""The words of setting vasteaika up and looking after it: ``init``, ``password set``,
``schedule`` and ``rebuild``. Plain data, apart from ``messages`` because the command screens'
table is long; ``messages`` adds it to ``TEXTS``.
"""

SETUP_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # schedule
        "schedule.wrote": "wrote {path}",
        "schedule.installed": "Scheduled runs installed in your crontab:",
        "schedule.already": "Scheduled runs already in your crontab:",
        "schedule.zone": "this computer's clock is in {local}: the times above are {zone} time"
        " where cron honours CRON_TZ (cronie); Debian's and Ubuntu's cron ignore it — use"
        " 'schedule install --systemd' there",
        "schedule.both": "vasteaika's {kind} are installed too, so each run would happen twice"
        " — run 'vasteaika schedule remove', then install the kind you want",
        "schedule.crontab_lines": "crontab lines",
        "schedule.systemd_timers": "systemd timers",
        "schedule.linger": "To keep them running after you log out: loginctl enable-linger",
        "schedule.start": "To start them, run:",
        "schedule.started": "Started with systemctl --user.",
        "schedule.removed_line": "removed from crontab: {line}",
        "schedule.removed": "removed {path}",
        "schedule.unscheduled": "vasteaika is no longer scheduled.",
        "schedule.stop_failed": "Could not stop them; run this yourself:",
        "schedule.no_crontab": "crontab: not available on this computer",
        "schedule.nothing": "Nothing scheduled. Run: vasteaika schedule install",
        "warning": "vasteaika: warning: {text}",
        # rebuild
        "rebuild.question": "Read the ledger again from the mailbox and move {path} aside?",
        "rebuild.nothing": "Nothing changed.",
        "rebuild.moved": "Moved the old database to {path} (nothing was deleted).",
        "rebuild.done": "Read {read} {read:mail|mails} into a new ledger at {path}; {n}"
        " {n:conversation|conversations} from before the rebuild will get no acknowledgment.",
        "rebuild.next": "Run 'vasteaika check' as usual.",
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
    },
    "fi": {
        "schedule.wrote": "kirjoitettu {path}",
        "schedule.installed": "Ajastetut ajot lisätty crontabiisi:",
        "schedule.already": "Ajastetut ajot ovat jo crontabissasi:",
        "schedule.zone": "tämän koneen kello on aikavyöhykkeellä {local}: yllä olevat ajat ovat"
        " {zone}-aikaa, jos cron tuntee CRON_TZ:n (cronie); Debianin ja Ubuntun cron ei tunne"
        " — käytä siellä 'schedule install --systemd'",
        "schedule.both": "vasteaikan {kind} ovat myös asennettuina, joten jokainen ajo"
        " tapahtuisi kahdesti — aja 'vasteaika schedule remove' ja asenna haluamasi tapa",
        "schedule.crontab_lines": "crontab-rivit",
        "schedule.systemd_timers": "systemd-ajastimet",
        "schedule.linger": "Jotta ne toimivat uloskirjautumisen jälkeenkin: loginctl"
        " enable-linger",
        "schedule.start": "Käynnistä ne näin:",
        "schedule.started": "Käynnistetty: systemctl --user.",
        "schedule.removed_line": "poistettu crontabista: {line}",
        "schedule.removed": "poistettu {path}",
        "schedule.unscheduled": "vasteaikaa ei ole enää ajastettu.",
        "schedule.stop_failed": "Niitä ei voitu pysäyttää; aja itse:",
        "schedule.no_crontab": "crontab: ei käytettävissä tällä koneella",
        "schedule.nothing": "Mitään ei ole ajastettu. Aja: vasteaika schedule install",
        "warning": "vasteaika: varoitus: {text}",
        "rebuild.question": "Luetaanko kirjanpito uudelleen postilaatikosta ja siirretäänkö"
        " {path} syrjään?",
        "rebuild.nothing": "Mitään ei muutettu.",
        "rebuild.moved": "Vanha tietokanta siirrettiin nimelle {path} (mitään ei poistettu).",
        "rebuild.done": "Luettiin {read} {read:viesti|viestiä} uuteen kirjanpitoon {path}; {n}"
        " {n:keskustelu|keskustelua} ajalta ennen uudelleenrakennusta ei saa kuittausta.",
        "rebuild.next": "Aja 'vasteaika check' kuten tavallisesti.",
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
    },
}
