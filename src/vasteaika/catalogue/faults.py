"""The words of the errors raised where vasteaika meets the mail servers (IMAP and SMTP), and
of what the SMTP sender refuses to send. Plain data, apart from ``words`` only because these
tables are long (the password sources' and the database's are in ``local_faults``); ``words`` adds them to the core table, so ``fault`` and
``say`` find them there. The English texts are the ones the errors have always said (tests
and users' notes quote them); a text in parentheses after a colon is the server's or the
system's own, and stays as it said it.
"""

FAULTS: dict[str, dict[str, str]] = {
    "en": {
        # The IMAP server (mail/imap.py).
        "imap.security_none": '[account] security = "none" would send the password to {host}'
        " unencrypted",
        "imap.security_none_hint": 'set [account] security = "ssl" (port 993) or "starttls"'
        ' (port 143); "none" is allowed only for localhost',
        "imap.no_starttls": "{where} does not offer STARTTLS, so the password cannot be sent"
        " safely",
        "imap.no_starttls_hint": 'set [account] security = "ssl" and imap_port = 993, or ask the'
        " mail provider which secure port to use",
        "imap.login_disabled": "{where} refuses logins over an unencrypted connection",
        "imap.login_disabled_hint": 'set [account] security = "ssl" (port 993) or "starttls"'
        " (port 143)",
        "imap.ca_file": "the certificate file {ca_file} cannot be used ({reason})",
        "imap.ca_file_hint": "check ca_file in the config: it must be a PEM file with the"
        " server's certificate",
        "imap.refused": "IMAP login to {host} as {user} was refused",
        "imap.refused_hint": "check the username and password (Gmail/Fastmail need an app"
        " password)",
        "imap.not_ascii": "{host} cannot take a username or password with letters outside ASCII"
        " (such as ä or ö)",
        "imap.not_ascii_hint": "use an app password, or change the password to plain ASCII",
        "imap.certificate": "the TLS certificate of {host} could not be verified ({reason})",
        "imap.certificate_hint": "if the server uses its own certificate, set [account] ca_file"
        " to that certificate's PEM file; otherwise check imap_host",
        "imap.tls": "the TLS handshake with {where} failed ({reason})",
        "imap.tls_hint": 'check [account] security and imap_port: "ssl" is usually 993,'
        ' "starttls" 143',
        "imap.timeout": "{where} did not answer within {seconds:g} seconds",
        "imap.timeout_hint": "check the internet connection and imap_port; run again later",
        "imap.lookup": "cannot look up the mail server {host} ({reason})",
        "imap.lookup_hint": "check the internet connection and imap_host",
        "imap.unknown_host": "unknown host {host}",
        "imap.unknown_host_hint": "check imap_host in the config for a typo",
        "imap.refused_connection": "{where} refused the connection",
        "imap.refused_connection_hint": 'check imap_host and imap_port (993 for "ssl", 143 for'
        ' "starttls")',
        "imap.lost": "the connection to {host} was lost",
        "imap.lost_hint": "run again; nothing was lost",
        "imap.no_route": "cannot reach {where} ({reason})",
        "imap.no_route_hint": "check the internet connection and imap_host",
        "imap.unreachable": "cannot reach {where} ({reason})",
        "imap.unreachable_hint": "check imap_host and imap_port; run again later",
        "imap.not_imap": "{where} did not answer like an IMAP server ({said})",
        "imap.not_imap_hint": 'check [account] security and imap_port ("ssl" on 993,'
        ' "starttls" on 143)',
        # In the IMAP session, once logged in (mail/imap_source.py).
        "imap.no_folder": 'cannot open the folder "{folder}" on {host}',
        "imap.no_folder_hint": "check the folder name in the config (names are case-sensitive)",
        "imap.no_uidvalidity": '{host} did not report a UIDVALIDITY for "{folder}"',
        "imap.no_uidvalidity_hint": "this server cannot be read safely; please report it",
        "imap.no_sent": "no Sent folder found on {host}",
        "imap.no_sent_hint": "create one, or set ack.mode/ack.save_to_sent so none is needed",
        "imap.no_drafts": "no Drafts folder found on {host}",
        "imap.no_drafts_hint": "create one, or set ack.mode/ack.save_to_sent so none is needed",
        "imap.slow": "{host} did not answer within {seconds:g} seconds",
        "imap.slow_hint": "run again later; nothing was lost",
        "imap.read_refused": "{host} refused a read request: {said}",
        "imap.read_refused_hint": "run again later; if it keeps happening, report it",
        # The SMTP server (mail/smtp.py).
        "smtp.ca_file": "cannot use smtp.ca_file {ca_file}: {reason}",
        "smtp.ca_file_hint": "point it at a readable PEM certificate file",
        "smtp.no_starttls": "the SMTP server {server} does not offer STARTTLS",
        "smtp.no_starttls_hint": 'set smtp.security = "ssl" (usually port 465) or check'
        " smtp.port",
        "smtp.no_password": "no password for SMTP user {user}",
        "smtp.no_password_hint": "set smtp.password_command or store it in the keyring",
        "smtp.no_auth": "the SMTP server {server} does not offer login (AUTH)",
        "smtp.no_auth_hint": "check smtp.port and smtp.security; for a relay that takes mail"
        " without a login, set login = false in [smtp]",
        "smtp.uncertain": "the connection to {server} failed after the acknowledgment was"
        " handed over ({reason}); it may have been sent",
        "smtp.uncertain_hint": "it will not be sent again automatically; look in the Sent folder",
        "smtp.refused_login": "the SMTP server {server} refused the login of {user}",
        "smtp.refused_login_hint": "check smtp.username and the password (Gmail and Microsoft"
        " 365 need an app password)",
        "smtp.timeout": "the SMTP server {server} did not answer in {seconds:g} s",
        "smtp.timeout_hint": "try again later",
        "smtp.closed": "the SMTP server {server} closed the connection",
        "smtp.closed_hint": "try again later",
        "smtp.certificate": "the TLS certificate of {server} could not be verified: {reason}",
        "smtp.certificate_hint": "check smtp.host, or set smtp.ca_file for a private certificate"
        " authority",
        "smtp.tls": "TLS with {server} failed: {reason}",
        "smtp.tls_hint": "check smtp.port and smtp.security (ssl or starttls)",
        "smtp.unknown_host": "the SMTP server name {host!r} cannot be resolved",
        "smtp.unknown_host_hint": "check smtp.host and the network connection",
        "smtp.refused_connection": "the SMTP server {server} refused the connection",
        "smtp.refused_connection_hint": "check smtp.host and smtp.port",
        "smtp.unreachable": "cannot talk to the SMTP server {server}: {reason}",
        "smtp.unreachable_hint": "check smtp.host, smtp.port and the network connection",
        "smtp.wants_login": "the SMTP server {server} wants a login: {said}",
        "smtp.wants_login_hint": "set login = true and a username in [smtp] (or [account]), and"
        " its password",
        "smtp.wants_password": "the SMTP server {server} wants a login: {said}",
        "smtp.wants_password_hint": "check smtp.username and the password",
        "smtp.said": "the SMTP server {server} said: {said}",
        "smtp.said_hint": "try again later",
        "smtp.envelope": "the SMTP server {server} refused the envelope sender <{sender}>: {said}",
        "smtp.envelope_hint": "set smtp.envelope_from to your own address (many providers refuse"
        " the empty sender)",
        "smtp.recipient": "the SMTP server {server} refused the recipient {recipient}: {said}",
        "smtp.recipient_hint": "the acknowledgment cannot be delivered to this address",
        "smtp.session": "the SMTP server {server} refused the session: {said}",
        "smtp.session_hint": "check smtp.host and smtp.port",
        "smtp.refused_ack": "the SMTP server {server} refused the acknowledgment: {said}",
        "smtp.refused_ack_hint": "see the server's reply",
        # What the SMTP sender refuses to send, and its settings (mail/smtp.py).
        "smtp.refuse_address": "refusing to send to {recipient!r}: {problem}",
        "smtp.refuse_address_hint": "",
        "smtp.refuse_count": "refusing to send: an acknowledgment must have exactly one recipient",
        "smtp.refuse_count_hint": "",
        "smtp.refuse_to": "refusing to send: To {to} is not the recipient {recipient}",
        "smtp.refuse_to_hint": "",
        "smtp.settings": "invalid SMTP settings: {detail}",
        "smtp.settings_hint": "fix the [smtp] section",
        "smtp.bad_security": "smtp.security must be ssl, starttls or none, not {value!r}",
        "smtp.plain_remote": "smtp.security = none (no encryption) is allowed only for a server"
        " on this computer (localhost, 127.0.0.1, ::1)",
        "smtp.bad_port": "smtp.port {port} is not a port number",
        "smtp.bad_timeout": "smtp.timeout must be positive",
        "smtp.bad_envelope": "smtp.envelope_from {value!r} is not a plain address",
        # What the acknowledgment refuses to be written to (acks/compose.py).
        "compose.refuse_address": "refusing to acknowledge to {recipient!r}: {problem}",
        "compose.refuse_address_hint": "",
        "compose.own_address": "refusing to acknowledge to your own address {recipient}",
        "compose.own_address_hint": "",
        # Why an address is not one we dare write to (mail/addresses.py).
        "address.empty": "empty or too long",
        "address.one_at": "must contain exactly one @",
        "address.local": "the part before @ has characters that are not allowed (space, comma,"
        " quote …)",
        "address.dot": "misplaced dot before @",
        "address.domain": "the domain is not a valid host name",
        "address.not_ascii": "not ASCII",
    },
    "fi": {
        "imap.security_none": '[account] security = "none" lähettäisi salasanan palvelimelle'
        " {host} salaamattomana",
        "imap.security_none_hint": 'aseta [account] security = "ssl" (portti 993) tai'
        ' "starttls" (portti 143); "none" sallitaan vain localhostille',
        "imap.no_starttls": "{where} ei tarjoa STARTTLS:ää, joten salasanaa ei voi lähettää"
        " turvallisesti",
        "imap.no_starttls_hint": 'aseta [account] security = "ssl" ja imap_port = 993, tai kysy'
        " sähköpostipalvelustasi, mitä suojattua porttia käytetään",
        "imap.login_disabled": "{where} ei hyväksy kirjautumista salaamattoman yhteyden yli",
        "imap.login_disabled_hint": 'aseta [account] security = "ssl" (portti 993) tai'
        ' "starttls" (portti 143)',
        "imap.ca_file": "varmennetiedostoa {ca_file} ei voi käyttää ({reason})",
        "imap.ca_file_hint": "tarkista asetus ca_file: sen pitää olla PEM-tiedosto, jossa on"
        " palvelimen varmenne",
        "imap.refused": "IMAP-palvelin {host} torjui kirjautumisen käyttäjänä {user}",
        "imap.refused_hint": "tarkista käyttäjätunnus ja salasana (Gmail ja Fastmail vaativat"
        " sovellussalasanan)",
        "imap.not_ascii": "{host} ei hyväksy käyttäjätunnusta tai salasanaa, jossa on ASCII:n"
        " ulkopuolisia kirjaimia (kuten ä tai ö)",
        "imap.not_ascii_hint": "käytä sovellussalasanaa, tai vaihda salasanaan pelkkiä"
        " ASCII-merkkejä",
        "imap.certificate": "palvelimen {host} TLS-varmennetta ei voitu varmistaa ({reason})",
        "imap.certificate_hint": "jos palvelimella on oma varmenteensa, aseta [account] ca_file"
        " sen PEM-tiedostoon; muuten tarkista imap_host",
        "imap.tls": "TLS-kättely palvelimen {where} kanssa epäonnistui ({reason})",
        "imap.tls_hint": 'tarkista [account] security ja imap_port: "ssl" on yleensä 993,'
        ' "starttls" 143',
        "imap.timeout": "{where} ei vastannut {seconds:g} sekunnissa",
        "imap.timeout_hint": "tarkista verkkoyhteys ja imap_port; yritä myöhemmin uudelleen",
        "imap.lookup": "sähköpostipalvelinta {host} ei löydetty nimipalvelusta ({reason})",
        "imap.lookup_hint": "tarkista verkkoyhteys ja imap_host",
        "imap.unknown_host": "tuntematon palvelin {host}",
        "imap.unknown_host_hint": "tarkista, onko asetuksen imap_host nimessä kirjoitusvirhe",
        "imap.refused_connection": "{where} torjui yhteyden",
        "imap.refused_connection_hint": 'tarkista imap_host ja imap_port (993, kun "ssl", 143,'
        ' kun "starttls")',
        "imap.lost": "yhteys palvelimeen {host} katkesi",
        "imap.lost_hint": "aja uudelleen; mitään ei menetetty",
        "imap.no_route": "palvelimeen {where} ei saada yhteyttä ({reason})",
        "imap.no_route_hint": "tarkista verkkoyhteys ja imap_host",
        "imap.unreachable": "palvelimeen {where} ei saada yhteyttä ({reason})",
        "imap.unreachable_hint": "tarkista imap_host ja imap_port; yritä myöhemmin uudelleen",
        "imap.not_imap": "{where} ei vastannut kuin IMAP-palvelin ({said})",
        "imap.not_imap_hint": 'tarkista [account] security ja imap_port ("ssl" portissa 993,'
        ' "starttls" portissa 143)',
        "imap.no_folder": 'kansiota "{folder}" ei voi avata palvelimella {host}',
        "imap.no_folder_hint": "tarkista kansion nimi asetuksista (isot ja pienet kirjaimet"
        " erotetaan)",
        "imap.no_uidvalidity": '{host} ei ilmoittanut kansion "{folder}" UIDVALIDITY-arvoa',
        "imap.no_uidvalidity_hint": "tätä palvelinta ei voi lukea turvallisesti; ilmoita"
        " asiasta",
        "imap.no_sent": "palvelimelta {host} ei löytynyt Lähetetyt-kansiota (Sent)",
        "imap.no_sent_hint": "luo sellainen, tai aseta ack.mode/ack.save_to_sent niin, ettei"
        " sitä tarvita",
        "imap.no_drafts": "palvelimelta {host} ei löytynyt Luonnokset-kansiota (Drafts)",
        "imap.no_drafts_hint": "luo sellainen, tai aseta ack.mode/ack.save_to_sent niin, ettei"
        " sitä tarvita",
        "imap.slow": "{host} ei vastannut {seconds:g} sekunnissa",
        "imap.slow_hint": "yritä myöhemmin uudelleen; mitään ei menetetty",
        "imap.read_refused": "{host} torjui lukupyynnön: {said}",
        "imap.read_refused_hint": "yritä myöhemmin uudelleen; jos tämä toistuu, ilmoita siitä",
        "smtp.ca_file": "asetuksen smtp.ca_file tiedostoa {ca_file} ei voi käyttää: {reason}",
        "smtp.ca_file_hint": "osoita se luettavaan PEM-varmennetiedostoon",
        "smtp.no_starttls": "SMTP-palvelin {server} ei tarjoa STARTTLS:ää",
        "smtp.no_starttls_hint": 'aseta smtp.security = "ssl" (yleensä portti 465) tai tarkista'
        " smtp.port",
        "smtp.no_password": "SMTP-käyttäjälle {user} ei ole salasanaa",
        "smtp.no_password_hint": "aseta smtp.password_command tai tallenna salasana"
        " avainnippuun",
        "smtp.no_auth": "SMTP-palvelin {server} ei tarjoa kirjautumista (AUTH)",
        "smtp.no_auth_hint": "tarkista smtp.port ja smtp.security; välityspalvelimelle, joka"
        " ottaa postia ilman kirjautumista, aseta login = false [smtp]-osioon",
        "smtp.uncertain": "yhteys palvelimeen {server} katkesi, kun kuittaus oli jo luovutettu"
        " ({reason}); se on ehkä lähetetty",
        "smtp.uncertain_hint": "sitä ei lähetetä uudelleen automaattisesti; katso"
        " Lähetetyt-kansiosta",
        "smtp.refused_login": "SMTP-palvelin {server} torjui käyttäjän {user} kirjautumisen",
        "smtp.refused_login_hint": "tarkista smtp.username ja salasana (Gmail ja Microsoft 365"
        " vaativat sovellussalasanan)",
        "smtp.timeout": "SMTP-palvelin {server} ei vastannut {seconds:g} sekunnissa",
        "smtp.timeout_hint": "yritä myöhemmin uudelleen",
        "smtp.closed": "SMTP-palvelin {server} katkaisi yhteyden",
        "smtp.closed_hint": "yritä myöhemmin uudelleen",
        "smtp.certificate": "palvelimen {server} TLS-varmennetta ei voitu varmistaa: {reason}",
        "smtp.certificate_hint": "tarkista smtp.host, tai aseta smtp.ca_file yksityiselle"
        " varmentajalle",
        "smtp.tls": "TLS palvelimen {server} kanssa epäonnistui: {reason}",
        "smtp.tls_hint": "tarkista smtp.port ja smtp.security (ssl tai starttls)",
        "smtp.unknown_host": "SMTP-palvelimen nimeä {host!r} ei löydy nimipalvelusta",
        "smtp.unknown_host_hint": "tarkista smtp.host ja verkkoyhteys",
        "smtp.refused_connection": "SMTP-palvelin {server} torjui yhteyden",
        "smtp.refused_connection_hint": "tarkista smtp.host ja smtp.port",
        "smtp.unreachable": "SMTP-palvelimeen {server} ei saada yhteyttä: {reason}",
        "smtp.unreachable_hint": "tarkista smtp.host, smtp.port ja verkkoyhteys",
        "smtp.wants_login": "SMTP-palvelin {server} vaatii kirjautumisen: {said}",
        "smtp.wants_login_hint": "aseta login = true ja käyttäjätunnus [smtp]-osioon (tai"
        " [account]-osioon) sekä sen salasana",
        "smtp.wants_password": "SMTP-palvelin {server} vaatii kirjautumisen: {said}",
        "smtp.wants_password_hint": "tarkista smtp.username ja salasana",
        "smtp.said": "SMTP-palvelin {server} vastasi: {said}",
        "smtp.said_hint": "yritä myöhemmin uudelleen",
        "smtp.envelope": "SMTP-palvelin {server} torjui kuoren lähettäjän <{sender}>: {said}",
        "smtp.envelope_hint": "aseta smtp.envelope_from omaan osoitteeseesi (moni palvelu"
        " torjuu tyhjän lähettäjän)",
        "smtp.recipient": "SMTP-palvelin {server} torjui vastaanottajan {recipient}: {said}",
        "smtp.recipient_hint": "kuittausta ei voi toimittaa tähän osoitteeseen",
        "smtp.session": "SMTP-palvelin {server} torjui istunnon: {said}",
        "smtp.session_hint": "tarkista smtp.host ja smtp.port",
        "smtp.refused_ack": "SMTP-palvelin {server} torjui kuittauksen: {said}",
        "smtp.refused_ack_hint": "katso palvelimen vastaus",
        "smtp.refuse_address": "lähetys estetty osoitteeseen {recipient!r}: {problem}",
        "smtp.refuse_address_hint": "",
        "smtp.refuse_count": "lähetys estetty: kuittauksella pitää olla täsmälleen yksi"
        " vastaanottaja",
        "smtp.refuse_count_hint": "",
        "smtp.refuse_to": "lähetys estetty: To-osoite {to} ei ole vastaanottaja {recipient}",
        "smtp.refuse_to_hint": "",
        "smtp.settings": "virheelliset SMTP-asetukset: {detail}",
        "smtp.settings_hint": "korjaa [smtp]-osio",
        "smtp.bad_security": "smtp.security pitää olla ssl, starttls tai none, ei {value!r}",
        "smtp.plain_remote": "smtp.security = none (ei salausta) sallitaan vain tämän"
        " tietokoneen palvelimelle (localhost, 127.0.0.1, ::1)",
        "smtp.bad_port": "smtp.port {port} ei ole porttinumero",
        "smtp.bad_timeout": "smtp.timeout pitää olla suurempi kuin nolla",
        "smtp.bad_envelope": "smtp.envelope_from {value!r} ei ole pelkkä osoite",
        "compose.refuse_address": "kuittaus estetty osoitteeseen {recipient!r}: {problem}",
        "compose.refuse_address_hint": "",
        "compose.own_address": "kuittaus estetty omaan osoitteeseesi {recipient}",
        "compose.own_address_hint": "",
        "address.empty": "osoite on tyhjä tai liian pitkä",
        "address.one_at": "osoitteessa pitää olla täsmälleen yksi @",
        "address.local": "@:n edeltävässä osassa on merkkejä, joita ei sallita (välilyönti,"
        " pilkku, lainausmerkki …)",
        "address.dot": "väärin sijoitettu piste ennen @:ta",
        "address.domain": "verkkotunnus ei ole kelvollinen palvelimen nimi",
        "address.not_ascii": "osoitteessa on muita kuin ASCII-merkkejä",
    },
}
