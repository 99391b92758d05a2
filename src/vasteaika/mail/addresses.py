"""Addresses we dare write to: the one rule, for acknowledgments and for SMTP alike."""

from __future__ import annotations

import re

from vasteaika.catalogue import FALLBACK, say

_ATEXT = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")


def address_problem(email: str) -> str | None:
    """Why ``email`` is not a plain ``local@domain`` we would dare send to, or None if it is."""
    key = address_problem_key(email)
    return say(FALLBACK, key) if key else None


def address_problem_key(email: str) -> str | None:
    """The catalogue's key for why ``email`` is not a plain ``local@domain`` we would dare
    send to, or None if it is.

    One @, an ASCII dot-atom local part (no spaces, quotes, commas, control characters), a
    domain of at least two labels (non-ASCII domains must convert to IDNA).
    """
    if not email or len(email) > 254:
        return "address.empty"
    if email.count("@") != 1:
        return "address.one_at"
    local, domain = email.split("@")
    if not local or len(local) > 64 or not _ATEXT.match(local):
        return "address.local"
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return "address.dot"
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return "address.domain"
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return "address.domain"
    return None


def ascii_email(email: str) -> str:
    """The address with its domain in IDNA (punycode) form, as it is sent and recorded."""
    local, _, domain = email.lower().partition("@")
    return f"{local}@{domain.encode('idna').decode('ascii')}"
