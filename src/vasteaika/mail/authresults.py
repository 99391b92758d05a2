"""Authentication-Results (RFC 8601) as far as the acknowledgment trusts them: the authserv-id
of a header, and the DMARC verdict with the From domain it was given for.

Apart from ``mail.parse`` because only one question is asked of these headers, twice: the ledger
records which id stamps each INBOX mail (so that the owner's provider can be learned from the
mailbox itself), and the ack decision reads the verdict of that id. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_RESULT = re.compile(r"\s*dmarc\s*=\s*([a-z]+)", re.IGNORECASE)
_HEADER_FROM = re.compile(r"\bheader\.from\s*=\s*\"?([^\s;\"]+)", re.IGNORECASE)
_ID = re.compile(r"^[A-Za-z0-9._-]{1,253}$")
_COMMENT = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Dmarc:
    """``result``: pass, fail, none, … ; ``header_from``: the domain it was given for ("" when
    the header does not say)."""

    result: str
    header_from: str


def strip_comments(value: str) -> str:
    """``value`` without RFC 5322 comments (nested parentheses included)."""
    previous = None
    while previous != value and "(" in value:  # no "(": no comment
        previous, value = value, _COMMENT.sub(" ", value)
    return value


def authserv_id(value: str) -> str | None:
    """The authserv-id that wrote this Authentication-Results value, lower-cased; None when it
    is not a host-like token."""
    head = value.partition(";")[0]
    if "(" in head:  # else no comment starts before the first ";": nothing to strip there
        head = strip_comments(value).partition(";")[0]
    words = head.split()
    if not words or not _ID.match(words[0]):
        return None
    return words[0].lower()


def topmost_authserv_id(values: Sequence[str]) -> str:
    """The id of the first (topmost) Authentication-Results header: the one the receiving
    provider wrote last; "" when the mail has none."""
    return (authserv_id(values[0]) or "") if values else ""


def dmarc_of(values: Sequence[str], trusted: str) -> Dmarc | None:
    """The DMARC verdict of the first header written by ``trusted``: a receiver adds its own on
    top of whatever the sender wrote (RFC 8601 §5), so a lower one proves nothing."""
    for value in values:
        if authserv_id(value) != trusted.lower():
            continue
        for result in strip_comments(value).partition(";")[2].split(";"):
            if found := _RESULT.match(result):
                domain = _HEADER_FROM.search(result)
                return Dmarc(found[1].lower(), domain[1].lower() if domain else "")
        return None
    return None


def dmarc_passed(values: Sequence[str], trusted: str | None, from_email: str) -> bool:
    """The ``trusted`` provider says DMARC passed for ``from_email``'s own domain: From is
    authenticated, so a Return-Path of another domain (a mailing service's bounce address) is
    the sender's own envelope."""
    if not trusted:
        return False
    verdict = dmarc_of(values, trusted)
    domain = from_email.rpartition("@")[2].lower()
    return verdict is not None and verdict.result == "pass" and verdict.header_from in ("", domain)
