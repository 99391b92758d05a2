"""The words of a reminder as it reaches its owner: the desktop notification, the mail to the
owner, the calendar event, how ``remind`` reports the delivery, what a scheduled run will lack,
and the reminder list's short words. Plain data, apart from ``words`` because the table is long;
``words`` adds it to the core table.
"""

REMINDER_WORDS: dict[str, dict[str, str]] = {
    "en": {
        # The reminder: desktop notification, mail to the owner, calendar event.
        "mail.call": "Call",
        "mail.visit": "Visit",
        "mail.message": "Send to",
        "mail.phone": "Phone",
        "mail.promised": "Promised",
        "mail.reminder": "Reminder",
        "mail.promise": "Promise",
        "mail.in_doubt": "The acknowledgment may have been sent: the customer may have been"
        " promised a call",
        "mail.attached": "The event with its alarm is attached for your calendar.",
        "mail.why_mail": "(No desktop was reachable, so this reminder came by email.)",
        "mail.file": "callback-{id}.ics",
        "event.call": "Call",
        "event.visit": "Visit",
        "event.message": "Send to",
        "event.phone": "Phone",
        "event.email": "Email",
        "event.subject": "Subject",
        "event.source": "Source",
        "event.promise": "Promise",
        "event.why": "Why",
        "event.calendar": "vasteaika: callbacks",
        "source.ack": "callback promised in the acknowledgment",
        "source.reply": "promised in your own reply",
        "source.ack_in_doubt": "callback maybe promised in an acknowledgment (it may have been"
        " sent)",
        # Delivery of a reminder, as 'remind' reports it.
        "delivery.emailed": "emailed to {owner} ({reason})",
        "delivery.fallback_off": "{reason}; reminders.email_fallback is off",
        "delivery.no_smtp": "{reason}; no [smtp] server for the email",
        "delivery.mail_failed": "{reason}; email failed: {error}",
        "desktop.no_bus": "no session bus",
        # What a scheduled run will lack (reminders/launcher.py).
        "schedule.keyring_locked": "the password is in the desktop keyring, which stays locked"
        " without your login session: scheduled runs may not get it — set [account]"
        " password_command (e.g. cat of a file only you can read) for unattended runs",
        "schedule.env_password": "the password comes from $VASTEAIKA_PASSWORD, which cron and"
        " systemd timers do not have: scheduled runs will fail — set [account] password_command"
        " instead",
        # The reminder list: where a reminder came from and how it was shown.
        "source_short.ack": "ack",
        "source_short.reply": "reply",
        "source_short.ack_in_doubt": "ack_in_doubt",
        "delivered.desktop": "desktop",
        "delivered.email": "email",
    },
    "fi": {
        "mail.call": "Soita",
        "mail.visit": "Käy",
        "mail.message": "Lähetä",
        "mail.phone": "Puh.",
        "mail.promised": "Luvattu",
        "mail.reminder": "Muistutus",
        "mail.promise": "Lupaus",
        "mail.in_doubt": "Kuittaus on ehkä lähetetty: asiakkaalle on ehkä luvattu soitto",
        "mail.attached": "Tapahtuma hälytyksineen on liitteenä kalenteria varten.",
        "mail.why_mail": "(Työpöytäilmoitusta ei voitu näyttää, joten muistutus tuli"
        " sähköpostina.)",
        "mail.file": "soitto-{id}.ics",
        "event.call": "Soita",
        "event.visit": "Käynti",
        "event.message": "Lähetä",
        "event.phone": "Puhelin",
        "event.email": "Sähköposti",
        "event.subject": "Aihe",
        "event.source": "Lähde",
        "event.promise": "Lupaus",
        "event.why": "Miksi",
        "event.calendar": "vasteaika: soitot",
        "source.ack": "kuittauksessa luvattu soitto",
        "source.reply": "luvattu omassa vastauksessa",
        "source.ack_in_doubt": "kuittauksessa ehkä luvattu soitto (kuittaus on ehkä lähetetty)",
        "delivery.emailed": "lähetetty sähköpostina osoitteeseen {owner} ({reason})",
        "delivery.fallback_off": "{reason}; reminders.email_fallback on pois päältä",
        "delivery.no_smtp": "{reason}; sähköpostille ei ole [smtp]-palvelinta",
        "delivery.mail_failed": "{reason}; sähköposti epäonnistui: {error}",
        "desktop.no_bus": "istuntoväylää ei löydy",
        "schedule.keyring_locked": "salasana on työpöydän avainnipussa, joka pysyy lukittuna"
        " ilman kirjautumistasi: ajastetut ajot eivät ehkä saa sitä — aseta [account]"
        " password_command (esim. cat tiedostosta, jonka vain sinä voit lukea) valvomattomia"
        " ajoja varten",
        "schedule.env_password": "salasana tulee muuttujasta $VASTEAIKA_PASSWORD, jota cronilla"
        " ja systemd-ajastimilla ei ole: ajastetut ajot epäonnistuvat — aseta [account]"
        " password_command sen sijaan",
        "source_short.ack": "kuittaus",
        "source_short.reply": "vastaus",
        "source_short.ack_in_doubt": "kuittaus?",
        "delivered.desktop": "työpöydällä",
        "delivered.email": "sähköpostilla",
    },
    "sv": {
        "mail.call": "Ring",
        "mail.visit": "Besök",
        "mail.message": "Skicka till",
        "mail.phone": "Tfn",
        "mail.promised": "Utlovat",
        "mail.reminder": "Påminnelse",
        "mail.promise": "Löfte",
        "mail.file": "samtal-{id}.ics",
        "event.call": "Ring",
        "event.visit": "Besök",
        "event.message": "Skicka till",
        "event.phone": "Telefon",
        "event.email": "E-post",
        "event.subject": "Ämne",
        "event.source": "Källa",
        "event.promise": "Löfte",
        "event.why": "Varför",
        "event.calendar": "vasteaika: samtal",
    },
}
