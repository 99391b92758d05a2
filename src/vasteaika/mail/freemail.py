"""The freemail domains: mail services for individuals, where an address is a person, not a firm.

Plain data, apart from the code that reads it, because three rules read the same list:
classify (an owner at gmail.com does not make every Gmail user a contact form), the ack
decision (which domains are the owner's own form relays) and the ledger (each freemail user is
a customer of their own; a company's domain is one customer). Changing it changes who a
customer is: ``ledger.customers`` bakes the list into migration m005's triggers.
"""

from __future__ import annotations

# Global services, Finnish ISPs and services, and their national variants (hotmail.fi, web.de).
FREEMAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.com", "gmx.net", "gmx.de",
    "proton.me", "protonmail.com", "zoho.com", "mail.com", "yandex.com", "luukku.com",
    "suomi24.fi", "kolumbus.fi", "saunalahti.fi", "elisanet.fi", "welho.com", "netti.fi",
    "hotmail.fi", "live.fi", "outlook.fi", "yahoo.fi", "ymail.com", "pp.inet.fi", "pp.nic.fi",
    "nic.fi", "mbnet.fi", "dnainternet.net", "anvianet.fi", "kotiposti.net", "surffi.net",
    "jippii.fi", "tpnet.fi", "pp.htv.fi", "windowslive.com", "pm.me",
    "web.de", "t-online.de", "icloud.fi", "hotmail.se", "hotmail.co.uk",
})  # fmt: skip
