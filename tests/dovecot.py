"""A real Dovecot IMAP server for tests, run as a child process in a temporary directory.

Everything lives under one directory: configuration, sockets (base_dir), state, log, a
self-signed certificate and the Maildir. The server listens on 127.0.0.1 only, on free ports.

Running as root (as CI does): Dovecot refuses to run its login processes or to give mail access
as root, so login processes run as ``dovenull`` (or ``nobody``) and the mail user is ``nobody``,
chrooted into the mail directory (``home=<mail>/./<user>``) so that it never has to walk through
pytest's private (mode 0700) temporary directories. Running as an ordinary user, everything runs
as that user and there is no chroot.

Written for Dovecot 2.3 (Debian 12); 2.4 renamed most settings and is refused with a clear
message.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import imapclient
from imapclient.imap_utf7 import encode as encode_utf7

from vasteaika.mail.imap import ImapSettings, Security

DOVECOT = Path("/usr/sbin/dovecot")
USERNAME = "ylermi@pihapalvelu.fi"
PASSWORD = "kesä-Kuusi-42"
HOST = "127.0.0.1"
START_DEADLINE = 15.0
STOP_DEADLINE = 10.0


class DovecotError(RuntimeError):
    """The test server could not be set up; the message carries the tail of its log."""


def dovecot_version() -> str:
    done = subprocess.run(
        [str(DOVECOT), "--version"], capture_output=True, text=True, timeout=10, check=True
    )
    return done.stdout.strip()


def free_port() -> int:
    return free_ports(1)[0]


def free_ports(count: int) -> list[int]:
    """``count`` distinct free ports: the sockets stay bound until all are chosen, so the kernel
    cannot hand out one port twice (two separate free_port() calls sometimes did)."""
    socks = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(count)]
    try:
        for sock in socks:
            sock.bind((HOST, 0))
        return [int(sock.getsockname()[1]) for sock in socks]
    finally:
        for sock in socks:
            sock.close()


def make_certificate(
    directory: Path, names: tuple[str, ...] = ("DNS:localhost", f"IP:{HOST}")
) -> tuple[Path, Path]:
    """(cert.pem, key.pem): a self-signed certificate for ``names``, made with the openssl CLI."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise DovecotError("the openssl command is missing (apt-get install openssl)")
    directory.mkdir(parents=True, exist_ok=True)
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=" + names[0].partition(":")[2],
            "-addext",
            "subjectAltName=" + ",".join(names),
        ],
        capture_output=True,
        timeout=30,
        check=True,
    )
    return cert, key


@dataclass
class DovecotServer:
    """One Dovecot instance. ``start()``/``stop()``/``kill()`` may be called repeatedly."""

    root: Path
    cert: Path | None  # None: a server without TLS (no STARTTLS, no IMAPS port)
    key: Path | None
    special_use: dict[str, str] = field(default_factory=lambda: {"Sent": "\\Sent"})
    host: str = HOST
    username: str = USERNAME
    password: str = PASSWORD
    imap_port: int = 0
    imaps_port: int = 0
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    # --- connection details --------------------------------------------------------------

    @property
    def has_tls(self) -> bool:
        return self.cert is not None

    @property
    def ca_file(self) -> Path:
        """The self-signed certificate, to trust as ``ca_file``."""
        if self.cert is None:
            raise DovecotError("this server was started without TLS")
        return self.cert

    def settings(
        self,
        security: Security = "ssl",
        *,
        ca_file: Path | bool | None = True,
        timeout: float = 10.0,
    ) -> ImapSettings:
        """ImapSettings for this server: ``ssl`` uses the IMAPS port, the others the plain one.
        ``ca_file=True`` trusts the test certificate, ``None`` trusts only the system CAs."""
        port = self.imaps_port if security == "ssl" else self.imap_port
        trusted = (self.ca_file if self.has_tls else None) if ca_file is True else ca_file
        return ImapSettings(
            host=self.host,
            port=port,
            security=security,
            username=self.username,
            ca_file=trusted or None,
            timeout=timeout,
        )

    # --- paths ---------------------------------------------------------------------------

    @property
    def mail_root(self) -> Path:
        return self.root / "mail"

    @property
    def maildir(self) -> Path:
        return self.mail_root / self.username.split("@")[0] / "Maildir"

    @property
    def log_path(self) -> Path:
        return self.root / "dovecot.log"

    def folder_path(self, folder: str) -> Path:
        """Maildir++ layout: INBOX is the root, "A/B" is ``.A.B`` in modified UTF-7."""
        if folder.upper() == "INBOX":
            return self.maildir
        encoded: bytes = encode_utf7(folder)
        return self.maildir / ("." + encoded.decode("ascii").replace("/", "."))

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Write the configuration and start Dovecot; return when its ports accept connections."""
        if self.running:
            return
        attempts = 3 if self.imap_port == 0 else 1
        for attempt in range(attempts):
            if attempts > 1:
                self.imap_port, self.imaps_port = free_ports(2)
            try:
                self._start_once()
                return
            except DovecotError:
                # Another process may have taken a port between free_port() and bind().
                log = self._log_tail()
                taken = "Address already in use" in log or "duplicate listener" in log
                if attempt == attempts - 1 or not taken:
                    raise
        raise AssertionError("unreachable")

    def stop(self) -> None:
        """SIGTERM (Dovecot closes every client), then SIGKILL for the group after a deadline."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_DEADLINE)
        except subprocess.TimeoutExpired:
            self._kill_group(process)
        self._wait_children_gone(process.pid)

    def kill(self) -> None:
        """Simulate a crash: SIGKILL the master and all its children; connections just drop."""
        process, self._process = self._process, None
        if process is None:
            return
        self._kill_group(process)
        self._wait_children_gone(process.pid)

    def restart(self) -> None:
        """kill() and start(): quick, and a Maildir survives a crash by design."""
        self.kill()
        self.start()

    # --- mailbox helpers (a separate test-only IMAP client) ------------------------------

    @contextlib.contextmanager
    def admin(self, folder: str | None = None) -> Iterator[imapclient.IMAPClient]:
        """A plain-text test client, logged in; ``folder`` is opened read-only if given."""
        client = imapclient.IMAPClient(self.host, port=self.imap_port, ssl=False, timeout=10)
        try:
            client.normalise_times = False
            client.plain_login(self.username, self.password)  # LOGIN cannot send "ä"
            if folder is not None:
                client.select_folder(folder, readonly=True)
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.logout()

    def create_folder(self, name: str, special_use: str | None = None) -> None:
        """Create ``name``; with ``special_use`` (e.g. ``"\\\\Sent"``) the server is reconfigured
        and restarted so that LIST shows the flag."""
        if special_use is not None and self.special_use.get(name) != special_use:
            self.special_use[name] = special_use
            if self.running:
                self.restart()
        with self.admin() as client:
            client.create_folder(name)

    def deliver(
        self,
        folder: str,
        raw: bytes,
        *,
        internal_date: datetime | None = None,
        flags: tuple[bytes, ...] = (),
    ) -> int:
        """APPEND ``raw`` to ``folder`` and return its UID."""
        with self.admin() as client:
            response = client.append(folder, raw, flags=flags, msg_time=internal_date)
        match = re.search(rb"APPENDUID \d+ (\d+)", response)
        if match is None:
            raise DovecotError(f"no APPENDUID in {response!r}")
        return int(match.group(1))

    def flags(self, folder: str) -> dict[int, tuple[bytes, ...]]:
        """UID → flags, read through a read-only EXAMINE (so it changes nothing itself)."""
        with self.admin(folder) as client:
            response = client.fetch(client.search(["ALL"]), ["FLAGS"])
        return {int(uid): tuple(item[b"FLAGS"]) for uid, item in response.items()}

    def uidvalidity(self, folder: str) -> int:
        with self.admin() as client:
            return int(client.select_folder(folder, readonly=True)[b"UIDVALIDITY"])

    def reset_uidvalidity(self, folder: str) -> int:
        """Make the server forget the folder's UIDs (as after a server migration): stop,
        delete its uidlist and indexes, start. Returns the new UIDVALIDITY (always larger:
        Dovecot keeps a counter in ``dovecot-uidvalidity``)."""
        before = self.uidvalidity(folder)
        self.kill()
        path = self.folder_path(folder)
        doomed = [path / "dovecot-uidlist", *path.glob("dovecot.index*")]
        doomed += self.maildir.glob("dovecot.list.index*")  # caches UIDVALIDITY too
        for file in doomed:
            file.unlink(missing_ok=True)
        self.start()
        after = self.uidvalidity(folder)
        if after == before:
            raise DovecotError(f"UIDVALIDITY of {folder} stayed {before}")
        return after

    # --- internals -----------------------------------------------------------------------

    def _start_once(self) -> None:
        self._prepare_directories()
        config = self.root / "dovecot.conf"
        config.write_text(self._config(), encoding="utf-8")
        self.log_path.touch()
        self._process = subprocess.Popen(
            [str(DOVECOT), "-F", "-c", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=(self.root / "stdout.txt").open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so kill() reaches every child
        )
        ports = [self.imap_port] + ([self.imaps_port] if self.has_tls else [])
        deadline = time.monotonic() + START_DEADLINE
        for port in ports:
            self._wait_for_port(port, deadline)

    def _wait_for_port(self, port: int, deadline: float) -> None:
        while True:
            if self._process is None or self._process.poll() is not None:
                self._process = None
                raise DovecotError(f"dovecot exited at startup:\n{self._log_tail()}")
            with contextlib.suppress(OSError), socket.create_connection((self.host, port), 0.5):
                return
            if time.monotonic() > deadline:
                self.kill()
                raise DovecotError(
                    f"dovecot did not listen on {port} within {START_DEADLINE} s:\n"
                    f"{self._log_tail()}"
                )
            time.sleep(0.05)

    def _kill_group(self, process: subprocess.Popen[bytes]) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_DEADLINE)

    def _wait_children_gone(self, pgid: int) -> None:
        """Children of a stopped master may linger for a moment; wait (with a deadline)."""
        deadline = time.monotonic() + STOP_DEADLINE
        while _group_alive(pgid):
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pgid, signal.SIGKILL)
                return
            time.sleep(0.02)

    def _log_tail(self, lines: int = 30) -> str:
        texts = []
        for path in (self.log_path, self.root / "stdout.txt"):
            if path.exists():
                texts += path.read_text(errors="replace").splitlines()[-lines:]
        return "\n".join(texts)

    def _prepare_directories(self) -> None:
        for name in ("base", "state"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        home = self.maildir.parent
        home.mkdir(parents=True, exist_ok=True)
        uid, gid = self._mail_ids()
        if os.geteuid() == 0:
            for path in (home, *home.rglob("*")):
                os.chown(path, uid, gid)
        (self.root / "passwd").write_text(f"{self.username}:{{PLAIN}}{self.password}::::::\n")

    def _mail_ids(self) -> tuple[int, int]:
        if os.geteuid() != 0:
            return os.geteuid(), os.getegid()
        nobody = pwd.getpwnam("nobody")
        return nobody.pw_uid, nobody.pw_gid

    def _config(self) -> str:
        version = dovecot_version()
        if not version.startswith("2.3."):
            raise DovecotError(f"tests/dovecot.py is written for Dovecot 2.3, found {version}")
        root = self.root
        uid, gid = self._mail_ids()
        user = pwd.getpwuid(os.geteuid()).pw_name
        if os.geteuid() == 0:
            login_user = "dovenull" if _user_exists("dovenull") else "nobody"
            users = f"default_internal_user = root\ndefault_login_user = {login_user}\n"
            userdb = f"uid={uid} gid={gid} home={self.mail_root}/./%n"
            chroot = f"valid_chroot_dirs = {self.mail_root}\n"
            login_service = ""
        else:
            users = f"default_internal_user = {user}\ndefault_login_user = {user}\n"
            userdb = f"uid={uid} gid={gid} home={self.mail_root}/%n"
            chroot = ""
            login_service = "  chroot =\n"
        if self.cert is not None and self.key is not None:
            tls = f"ssl = yes\nssl_cert = <{self.cert}\nssl_key = <{self.key}\n"
            imaps = f"  inet_listener imaps {{\n    port = {self.imaps_port}\n    ssl = yes\n  }}\n"
        else:
            tls, imaps = "ssl = no\n", "  inet_listener imaps {\n    port = 0\n  }\n"
        mailboxes = "".join(
            f'  mailbox "{name}" {{\n    special_use = {use}\n  }}\n'
            for name, use in self.special_use.items()
        )
        return f"""# written by tests/dovecot.py
base_dir = {root}/base
state_dir = {root}/state
instance_name = vasteaika-test-{self.imap_port}
log_path = {self.log_path}
protocols = imap
listen = {HOST}
{users}{tls}disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/passwd
}}
userdb {{
  driver = static
  args = {userdb}
}}
{chroot}mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
{mailboxes}}}
service imap-login {{
{login_service}  inet_listener imap {{
    port = {self.imap_port}
  }}
{imaps}}}
"""


DovecotFactory = Callable[..., DovecotServer]
"""The ``dovecot_factory`` fixture: ``make(tls=, certificate=, special_use=, start=)``."""


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _group_alive(pgid: int) -> bool:
    """Whether a live process remains in the group. Killed children are reparented to PID 1,
    which may reap them only seconds later, so zombies do not count (read from /proc)."""
    proc = Path("/proc")
    if not (proc / "self" / "stat").exists():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        return True
    for stat in proc.glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            # "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after ")".
            fields = stat.read_text().rpartition(")")[2].split()
            if fields[0] != "Z" and int(fields[2]) == pgid:
                return True
    return False
