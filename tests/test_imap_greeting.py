"""A server that lists its capabilities in its greeting is not asked for them again (one round
trip less on every check); one that does not is asked, and either way the list decides (here:
LOGINDISABLED refuses the login). A scripted server on 127.0.0.1 records the commands."""

from __future__ import annotations

import socket
import threading

import pytest

from vasteaika.errors import ConfigError
from vasteaika.mail.imap import ImapSettings, connect_imap

ANSWERS = {
    b"CAPABILITY": b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK Capability completed.\r\n",
    b"LOGIN": b"{tag} OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n",
    b"LOGOUT": b"* BYE Logging out\r\n{tag} OK Logout completed.\r\n",
}


class ScriptedServer:
    """Greets with ``greeting``, answers CAPABILITY, LOGIN and LOGOUT, records each command."""

    def __init__(self, greeting: bytes) -> None:
        self.greeting = greeting
        self.commands: list[str] = []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        with self.sock:
            conn, _ = self.sock.accept()
        with conn, conn.makefile("rb") as lines:
            conn.sendall(self.greeting + b"\r\n")
            for line in lines:
                tag, command = line.split()[:2]
                self.commands.append(command.decode())
                conn.sendall(ANSWERS[command.upper()].replace(b"{tag}", tag))
                if command.upper() == b"LOGOUT":
                    return


def _settings(port: int) -> ImapSettings:
    return ImapSettings(host="127.0.0.1", port=port, security="none", username="olli", timeout=5)


@pytest.mark.parametrize(
    ("greeting", "commands"),
    [
        (b"* OK [CAPABILITY IMAP4rev1 LITERAL+ AUTH=PLAIN] Dovecot ready.", ["LOGIN", "LOGOUT"]),
        (b"* OK IMAP server ready", ["CAPABILITY", "LOGIN", "LOGOUT"]),
    ],
)
def test_the_capabilities_of_the_greeting_are_not_asked_for_again(
    greeting: bytes, commands: list[str]
) -> None:
    server = ScriptedServer(greeting)
    connect_imap(_settings(server.port), "salainen").close()
    server.thread.join(5)
    assert server.commands == commands


def test_the_greetings_list_decides_as_the_commands_would() -> None:
    server = ScriptedServer(b"* OK [CAPABILITY IMAP4rev1 LOGINDISABLED] [ready] Ready.")
    with pytest.raises(ConfigError):
        connect_imap(_settings(server.port), "salainen")
    server.thread.join(5)
    assert server.commands == []  # neither CAPABILITY nor the LOGIN it refused


def test_after_starttls_the_capabilities_are_asked_again_never_taken_from_before_tls() -> None:
    """A capability list that arrived in plain text (a forged one, say, during STARTTLS) is left
    for imaplib's CAPABILITY command, whose own answer, the last, decides."""
    from vasteaika.mail import imap

    conn = object.__new__(imap._GreetedPlain)
    conn.untagged_responses = {"CAPABILITY": [b"IMAP4rev1 AUTH=PLAIN"]}
    conn._tls_established = True
    conn._encoding = "ascii"
    asked: list[str] = []

    def capability() -> tuple[str, list[bytes]]:
        asked.append("CAPABILITY")
        return "OK", [*conn.untagged_responses.pop("CAPABILITY"), b"IMAP4rev1 LOGINDISABLED"]

    conn.capability = capability  # type: ignore[method-assign]
    conn._get_capabilities()
    assert asked == ["CAPABILITY"]
    assert conn.capabilities == ("IMAP4REV1", "LOGINDISABLED")
