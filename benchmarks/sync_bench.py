"""Sync speed: vasteaika's first sync against a floor measured in the same run, on a real Dovecot.

For each size N (half in INBOX, half in Sent, realistic headers, replies threaded to customer
mail) a fresh Dovecot is filled and measured three ways, each in its own process:

  (a) floor  — a minimal imaplib script: EXAMINE, UID FETCH of UID, INTERNALDATE and the same
               header block, inserted into SQLite with executemany. Nothing else.
  (b) first  — `vasteaika check --quiet`, first sync.
  (c) again  — `vasteaika check --quiet` with nothing new: wall time and IMAP commands sent
               (counted by a proxy between the client and Dovecot).

Targets: (b) ≤ 1.5 × (a) at 100k; (c) ≤ 1 s and a constant number of commands; peak RSS of (b)
≤ 200 MB at 100k. Needs Dovecot (Debian dovecot-imapd) and openssl; run as root or a normal user:

    .venv/bin/python benchmarks/sync_bench.py --sizes 1000,10000,100000
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from dovecot import DovecotServer, make_certificate  # noqa: E402

OWNER = "ylermi@pihapalvelu.fi"
SUBJECTS = ["Tarjouspyyntö: nurmikon leikkuu", "Lumityöt talvella", "Pensasaidan leikkuu",
            "Puunkaato", "Quote for garden design", "Snow ploughing", "Lehtien haravointi"]  # fmt: skip

FLOOR = textwrap.dedent(
    """
    import imaplib, sqlite3, ssl, sys
    host, port, user, password, ca, db = sys.argv[1:7]
    ctx = ssl.create_default_context(cafile=ca)
    imap = imaplib.IMAP4_SSL(host, int(port), ssl_context=ctx)
    imap.login(user, password) if password.isascii() else imap.authenticate(
        "PLAIN", lambda _: ("\\0" + user + "\\0" + password).encode())
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE m (folder TEXT, uid INT, internaldate TEXT, header BLOB)")
    for folder in ("INBOX", "Sent"):
        imap.select(folder, readonly=True)
        typ, data = imap.uid("FETCH", "1:*", "(UID INTERNALDATE BODY.PEEK[HEADER])")
        rows = [(folder, 0, part[0].decode(), part[1]) for part in data if isinstance(part, tuple)]
        con.executemany("INSERT INTO m VALUES (?,?,?,?)", rows)
        con.commit()
    imap.logout()
    """
)


def message(i: int, when: datetime, rng: random.Random) -> tuple[bytes, bytes]:
    """A customer mail and the owner's reply to it."""
    customer = f"asiakas{i % 5000}@example{i % 37}.fi"
    subject = rng.choice(SUBJECTS)
    date = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    reply_at = (when + timedelta(minutes=rng.randint(5, 3000))).strftime(
        "%a, %d %b %Y %H:%M:%S +0000"
    )
    common = "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
    received = f"Received: from mx.example{i % 37}.fi by mx.pihapalvelu.fi; {date}\r\n"
    inbox = (
        f"Return-Path: <{customer}>\r\n{received}From: Asiakas {i} <{customer}>\r\nTo: {OWNER}\r\n"
        f"Subject: {subject}\r\nDate: {date}\r\nMessage-ID: <c{i}@example.fi>\r\n{common}\r\n"
        "Hei, voisitteko tehdä tarjouksen?\r\n"
    )
    sent = (
        f"From: Ylermi <{OWNER}>\r\nTo: <{customer}>\r\nSubject: Re: {subject}\r\nDate: {reply_at}\r\n"
        f"Message-ID: <r{i}@pihapalvelu.fi>\r\nIn-Reply-To: <c{i}@example.fi>\r\n"
        f"References: <c{i}@example.fi>\r\n{common}\r\nKiitos, soitan huomenna klo 10.\r\n"
    )
    return inbox.encode(), sent.encode()


def fill(server: DovecotServer, n: int) -> None:
    rng = random.Random(n)
    start = datetime(2026, 11, 1, tzinfo=UTC) - timedelta(minutes=37 * n // 2)  # ends in the past
    inbox, sent = server.maildir / "cur", server.folder_path("Sent") / "cur"
    for d in (inbox, sent, server.maildir / "new", server.maildir / "tmp"):
        d.mkdir(parents=True, exist_ok=True)
    for sub in ("new", "tmp"):
        (server.folder_path("Sent") / sub).mkdir(parents=True, exist_ok=True)
    for i in range(n // 2):
        when = start + timedelta(minutes=37 * i)
        a, b = message(i, when, rng)
        stamp = int(when.timestamp())
        (inbox / f"{stamp}.M{i}P1.bench:2,").write_bytes(a)
        (sent / f"{stamp + 60}.M{i}P2.bench:2,S").write_bytes(b)
        os.utime(inbox / f"{stamp}.M{i}P1.bench:2,", (stamp, stamp))  # Dovecot's INTERNALDATE
        os.utime(sent / f"{stamp + 60}.M{i}P2.bench:2,S", (stamp + 3600, stamp + 3600))


class CountingProxy:
    """Forwards TCP to Dovecot and counts the commands (tagged lines) the client sends."""

    def __init__(self, target_port: int) -> None:
        self.target = target_port
        self.commands = 0
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            client, _ = self.sock.accept()
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, count: bool) -> None:
        try:
            while data := src.recv(65536):
                if count:
                    self.commands += sum(1 for line in data.split(b"\r\n") if line[:1].isalnum())
                dst.sendall(data)
        except OSError:
            pass  # the other direction closed first
        dst.close()


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"{cmd[:3]}… failed with status {status}")
    return wall, usage.ru_maxrss / 1024


def config(tmp: Path, server: DovecotServer, port: int, security: str) -> Path:
    path = tmp / f"config-{port}.toml"
    path.write_text(
        f'[account]\nimap_host = "127.0.0.1"\nimap_port = {port}\nsecurity = "{security}"\n'
        f'username = "{server.username}"\nca_file = "{server.ca_file}"\n'
        f'[owner]\naddresses = ["{OWNER}"]\n[ack]\nmode = "off"\n'
        f'[storage]\ndatabase = "{tmp / f"v-{port}.db"}"\n',
        encoding="utf-8",
    )
    return path


def bench(n: int) -> None:
    with tempfile.TemporaryDirectory(prefix="vb") as d:
        tmp = Path(d)
        cert, key = make_certificate(tmp / "cert")
        server = DovecotServer(root=tmp / "dv", cert=cert, key=key)
        fill(server, n)
        server.start()
        try:
            env = {**os.environ, "VASTEAIKA_PASSWORD": server.password}
            floor_cmd = [sys.executable, "-c", FLOOR, "127.0.0.1", str(server.imaps_port),
                         server.username, server.password, str(server.ca_file)]  # fmt: skip
            timed([*floor_cmd, str(tmp / "warm.db")], env)  # Dovecot builds its indexes once
            floor, floor_rss = timed([*floor_cmd, str(tmp / "floor.db")], env)
            vasteaika = [sys.executable, "-m", "vasteaika", "--config"]
            first, rss = timed([*vasteaika, str(config(tmp, server, server.imaps_port, "ssl")),
                                "check", "--quiet"], env)  # fmt: skip
            proxy = CountingProxy(server.imap_port)
            again_cfg = config(tmp, server, proxy.port, "none")  # plain, so the proxy can read it
            timed([*vasteaika, str(again_cfg), "check", "--quiet"], env)  # first sync via proxy
            proxy.commands = 0
            again, _ = timed([*vasteaika, str(again_cfg), "check", "--quiet"], env)
            commands = proxy.commands
        finally:
            server.kill()
    print(f"N={n:>7}: floor (a) {floor:7.2f} s ({floor_rss:5.0f} MB) | first sync (b) {first:7.2f} s "
          f"= {first / floor:4.2f}× floor, peak RSS {rss:5.0f} MB | again (c) {again:5.2f} s, "
          f"{commands} IMAP commands", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    for n in (int(s) for s in parser.parse_args().sizes.split(",")):
        bench(n)


if __name__ == "__main__":
    main()
