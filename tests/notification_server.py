"""A minimal org.freedesktop.Notifications server for tests, run as its own process.

    python notification_server.py BUS_ADDRESS OUTFILE

Connects to the given D-Bus bus (jeepney, pure Python), takes the well-known name
org.freedesktop.Notifications, then prints "ready" on stdout so the parent knows the name is
owned. Every Notify call is appended to OUTFILE as one JSON line
({"app_name", "replaces_id", "app_icon", "summary", "body", "actions", "hints", "timeout"})
and flushed *before* the reply goes out, so a client that got its reply can read its record.
GetCapabilities and GetServerInformation are answered as a plain server would; any other method
gets org.freedesktop.DBus.Error.UnknownMethod. Stop it with SIGTERM.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from jeepney import MessageType, new_error, new_method_return  # type: ignore[import-untyped]
from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

NAME = "org.freedesktop.Notifications"
DO_NOT_QUEUE = 4
PRIMARY_OWNER = 1


def _plain(value: Any) -> Any:
    """Variants arrive as (signature, value) tuples; JSON wants lists and plain values."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return value


def serve(address: str, outfile: str) -> None:
    conn = open_dbus_connection(bus=address)
    reply = conn.send_and_get_reply(message_bus.RequestName(NAME, DO_NOT_QUEUE), timeout=5)
    if reply.body != (PRIMARY_OWNER,):
        raise SystemExit(f"could not own {NAME}: {reply.body}")
    print("ready", flush=True)
    next_id = 0
    with open(outfile, "a", encoding="utf-8") as out:
        while True:
            msg = conn.receive()
            if msg.header.message_type != MessageType.method_call:
                continue
            member = msg.header.fields.get(3)  # HeaderFields.member
            if member == "Notify":
                next_id += 1
                keys = (
                    "app_name",
                    "replaces_id",
                    "app_icon",
                    "summary",
                    "body",
                    "actions",
                    "hints",
                    "timeout",
                )
                out.write(json.dumps(dict(zip(keys, _plain(msg.body), strict=True))) + "\n")
                out.flush()
                conn.send(new_method_return(msg, "u", (next_id,)))
            elif member == "GetCapabilities":
                conn.send(new_method_return(msg, "as", (["body"],)))
            elif member == "GetServerInformation":
                conn.send(
                    new_method_return(msg, "ssss", ("vasteaika-test", "vasteaika", "1", "1.2"))
                )
            else:
                conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2])
