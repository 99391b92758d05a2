"""Is a host this computer? The one rule for allowing an unencrypted connection. And a
server's address as it may be shown: never with the login it can carry."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_loopback(host: str) -> bool:
    """localhost, or any loopback address (127.0.0.0/8, ::1, with or without brackets)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def shown_url(url: str) -> str:
    """The address without a ``user:password@`` in it (calendar.url may carry the login)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
