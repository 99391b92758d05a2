"""Why an acknowledgment was not sent, in the owner's language, by the decision's reason code:
the words ``check`` and ``outbox`` show. Plain data, apart from ``messages`` because the
command screens' table is long; ``messages`` offers it under its old name.
"""

# Why an acknowledgment was not sent, by the decision's reason code (acks/decision.py), in the
# owner's language. English shows the decision's own prose (what 'vasteaika why' says); a code
# missing here is shown as the decision wrote it.
ACK_REASONS: dict[str, dict[str, str]] = {
    "fi": {
        "off": "kuittaukset on kytketty pois (ack.mode = off)",
        "not-customer": "viesti ei ole asiakkaalta",
        "backlog": "viesti on vanhempi kuin ack.max_age; vain uudet viestit kuitataan",
        "untrusted-date": "viestin ajat eivät täsmää (saapumisaika tulevaisuudessa tai Date-otsake"
        " selvästi saapumisen jälkeen), joten sen ikää ei tiedetä",
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
