"""Desktop notifications: one adapter, one honest answer — shown or not, and why.

The caller asks ``notifier.notify(title, body)`` and gets a :class:`NotifyResult`. ``shown`` is
True only when a notification server confirmed the notification; otherwise ``reason`` says what
was missing ("no session bus", "no notification service") so the caller can tell the owner and
send the reminder by mail instead. It never raises for an unreachable desktop.

Linux: the D-Bus call, not plyer
--------------------------------
plyer 2.1.0 picks its Linux backend at import time: the Flatpak portal through ``gdbus`` when a
directory ``/app`` exists (common in containers; the GVariant argument is built by string
concatenation, so a quote breaks it), else the ``dbus`` module (dbus-python, a C extension that is
not among our dependencies), else ``notify-send`` (from libnotify-bin) without ``--`` and with its
exit status ignored, else nothing at all — silently. Checked against a real session bus:
with notify-send installed plyer does deliver, but it can never tell us whether it did, and it
reads the bus address only from the process environment. So on Linux this module makes the
``org.freedesktop.Notifications.Notify`` call itself with jeepney, a pure-Python D-Bus library
(already installed with keyring on Linux): arguments are typed and marshalled, never parsed as
options or GVariant text, and the server's reply (a notification id) is the proof of delivery.
The same connection answers whether the notification service has an owner first. Other platforms
(macOS, Windows) still go through plyer, whose result there cannot be confirmed (said in
``reason``).

Cron has no ``DBUS_SESSION_BUS_ADDRESS``: the bus is taken from that variable, else
``$XDG_RUNTIME_DIR/bus``, else ``/run/user/<uid>/bus`` (the user's systemd session bus), so a
cron run still reaches the desktop of the logged-in user.

All text is passed through :func:`sanitize_notification_text` first (control characters, leading
dashes, markup, quotes, length): customer names and subjects are attacker-controlled.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from vasteaika.catalogue import Said

TITLE_LIMIT = 120
BODY_LIMIT = 1000
APP_NAME = "vasteaika"

_NOTIFICATIONS = "org.freedesktop.Notifications"
_NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
_URGENCY_NORMAL = 1

# Characters that change meaning downstream, and what they become. Quotes and backslashes break
# GVariant text (plyer's portal backend); <, > and & are markup to servers with body-markup.
# Quotes become their typographic forms so that a name like O'Brien stays readable.
_REPLACE = str.maketrans({"'": "’", '"': "”", "`": "’", "\\": "", "<": "", ">": "", "&": "+"})
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_LEADING = re.compile(r"^[\s\-]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class NotifyResult:
    """``shown``: a notification server accepted it. ``reason``: one line for output and JSON,
    in English; ``words``: the same as the catalogue's words, to say it in the owner's
    language (:meth:`said`)."""

    shown: bool
    reason: str
    words: Said | None = field(default=None, compare=False)

    def said(self, lang: str) -> str:
        return self.words.said(lang) if self.words is not None else self.reason


def _result(shown: bool, key: str, /, **values: object) -> NotifyResult:
    words = Said(key, values)
    return NotifyResult(shown, str(words), words)


class Notifier(Protocol):
    def notify(self, title: str, body: str) -> NotifyResult: ...


def sanitize_notification_text(text: str, limit: int) -> str:
    """Text safe to show in a notification: one line, no control or format characters, no
    leading dashes, no markup (tags dropped, then any < > left; & becomes +), ASCII quotes as
    typographic ones, no backslashes, at most ``limit`` characters (cut with "…").
    Applying it twice changes nothing."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    kept: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        category = unicodedata.category(ch)
        if category in ("Cc", "Zl", "Zp"):  # CR, LF, tab, NUL, ESC, line separators
            kept.append(" ")
        elif category in ("Cf", "Cs", "Co", "Cn"):  # bidi overrides, zero-width, surrogates
            continue
        else:
            kept.append(ch)
    cleaned = _SPACES.sub(" ", _TAG.sub("", "".join(kept)).translate(_REPLACE))
    cleaned = _LEADING.sub("", cleaned).rstrip()
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "…"
    return cleaned


def find_session_bus(
    environ: Mapping[str, str], uid: int, run_user: Path = Path("/run/user")
) -> list[str]:
    """Candidate session-bus addresses, best first: $DBUS_SESSION_BUS_ADDRESS, then the bus
    socket in $XDG_RUNTIME_DIR, then /run/user/<uid>/bus (what cron needs). Sockets that do
    not exist are left out; an empty list means there is no session bus to try."""
    candidates: list[str] = []
    address = environ.get("DBUS_SESSION_BUS_ADDRESS", "").strip()
    if address:
        candidates.append(address)
    dirs = [Path(environ["XDG_RUNTIME_DIR"])] if environ.get("XDG_RUNTIME_DIR") else []
    dirs.append(run_user / str(uid))
    for directory in dirs:
        path = directory / "bus"
        try:
            is_socket = stat.S_ISSOCK(path.stat().st_mode)
        except OSError:
            is_socket = False
        if is_socket and f"unix:path={path}" not in candidates:
            candidates.append(f"unix:path={path}")
    return candidates


class DesktopNotifier:
    """The real notifier. ``environ``, ``uid`` and ``run_user`` are injectable for tests;
    ``expire_ms`` 0 keeps the notification until the owner dismisses it."""

    def __init__(
        self,
        *,
        environ: Mapping[str, str] | None = None,
        uid: int | None = None,
        run_user: Path = Path("/run/user"),
        timeout_seconds: float = 10.0,
        expire_ms: int = 0,
        platform: str = sys.platform,
    ) -> None:
        self.environ = os.environ if environ is None else environ
        if uid is None:
            uid = os.getuid() if hasattr(os, "getuid") else 0
        self.uid = uid
        self.run_user = run_user
        self.timeout_seconds = timeout_seconds
        self.expire_ms = expire_ms
        self.platform = platform

    def notify(self, title: str, body: str) -> NotifyResult:
        title = sanitize_notification_text(title, TITLE_LIMIT) or APP_NAME
        body = sanitize_notification_text(body, BODY_LIMIT)
        if self.platform.startswith("linux"):
            return self._notify_dbus(title, body)
        return _notify_plyer(title, body, self.platform)

    def _notify_dbus(self, title: str, body: str) -> NotifyResult:
        addresses = find_session_bus(self.environ, self.uid, self.run_user)
        if not addresses:
            bus = self.run_user / str(self.uid) / "bus"
            return _result(False, "notify.unreachable", detail=Said("notify.no_bus", {"path": bus}))
        failures: list[Said] = []
        for address in addresses:
            result = _notify_on_bus(
                address, title, body, timeout=self.timeout_seconds, expire_ms=self.expire_ms
            )
            if result.shown:
                return result
            failures.append(result.words or Said("notify.other", {"reason": result.reason}))
        return _result(False, "notify.unreachable", detail=tuple(failures))


def _notify_on_bus(
    address: str, title: str, body: str, *, timeout: float, expire_ms: int
) -> NotifyResult:
    # jeepney ships no type information; Any is its honest type here.
    from jeepney import (  # type: ignore[import-untyped]
        DBusAddress,
        DBusErrorResponse,
        new_method_call,
    )
    from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
    from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]
    from jeepney.wrappers import unwrap_msg  # type: ignore[import-untyped]

    try:
        conn: Any = open_dbus_connection(bus=address, auth_timeout=timeout)
    except (OSError, RuntimeError, ValueError, KeyError) as exc:
        return _result(False, "notify.bus_unreachable", address=address, error=str(exc))
    try:
        with conn:
            has_owner = conn.send_and_get_reply(
                message_bus.NameHasOwner(_NOTIFICATIONS), timeout=timeout
            ).body[0]
            if not has_owner:
                activatable = conn.send_and_get_reply(
                    message_bus.ListActivatableNames(), timeout=timeout
                ).body[0]
                if _NOTIFICATIONS not in activatable:
                    return _result(False, "notify.no_service", address=address)
            target = DBusAddress(
                _NOTIFICATIONS_PATH, bus_name=_NOTIFICATIONS, interface=_NOTIFICATIONS
            )
            call = new_method_call(
                target,
                "Notify",
                "susssasa{sv}i",
                (APP_NAME, 0, "", title, body, [], {"urgency": ("y", _URGENCY_NORMAL)}, expire_ms),
            )
            reply = conn.send_and_get_reply(call, timeout=timeout)
            try:
                (notification_id,) = unwrap_msg(reply)
            except DBusErrorResponse as exc:
                return _result(False, "notify.refused", name=exc.name)
            return _result(True, "notify.shown", id=notification_id)
    except (OSError, TimeoutError) as exc:
        return _result(False, "notify.stopped", address=address, error=str(exc))


def _notify_plyer(title: str, body: str, platform: str) -> NotifyResult:
    try:
        from plyer import notification

        notification.notify(title=title, message=body, app_name=APP_NAME, timeout=30)
    except Exception as exc:  # plyer raises whatever its platform backend raises
        detail = Said("notify.no_backend", {"platform": platform, "error": repr(exc)})
        return _result(False, "notify.unreachable", detail=detail)
    return _result(True, "notify.handed", platform=platform)
