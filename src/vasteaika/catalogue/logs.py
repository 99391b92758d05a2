"""The words of the lines a long-running job writes to its log: ``vasteaika watch`` (what it
watches, each connection, each cycle's reading, each acknowledgment as it goes). Plain data,
apart from ``words`` so that the table of screens and errors stays short; ``words`` adds it to
the core table. A log line keeps its machine parts (addresses, ISO times) as they are, so a
grep of the log finds them in any language.
"""

LOGS: dict[str, dict[str, str]] = {
    "en": {
        "watch.watching": "watching {folder} (stop with Ctrl-C)",
        "watch.connected": "connected",
        "watch.new_mail": "new mail",
        "watch.stopped": "stopped",
        "watch.retrying": "connection problem: {error}; retrying in {seconds:.0f} s",
        "watch.read": "read {read} {read:message|messages}, {new} new"
        " {new:conversation|conversations}",
        "watch.not_sent": "acknowledgment not sent: {error}",
        "watch.acked": "acknowledged {recipient} (callback {at})",
    },
    "fi": {
        "watch.watching": "seurataan kansiota {folder} (lopeta painamalla Ctrl-C)",
        "watch.connected": "yhteys palvelimeen avattu",
        "watch.new_mail": "uutta postia",
        "watch.stopped": "pysäytetty",
        "watch.retrying": "yhteysongelma: {error}; uusi yritys {seconds:.0f} s kuluttua",
        "watch.read": "luettu {read} {read:viesti|viestiä}, {new}"
        " {new:uusi keskustelu|uutta keskustelua}",
        "watch.not_sent": "kuittausta ei lähetetty: {error}",
        "watch.acked": "kuitattu {recipient} (soitto {at})",
    },
}
