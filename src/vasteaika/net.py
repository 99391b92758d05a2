"""Is a host this computer? The one rule for allowing an unencrypted connection."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str) -> bool:
    """localhost, or any loopback address (127.0.0.0/8, ::1, with or without brackets)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
