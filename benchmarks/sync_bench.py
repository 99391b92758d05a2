"""Sync speed: vasteaika's first sync against floors measured in the same run, on a real Dovecot.

For each size N (half in INBOX, half in Sent, realistic headers, replies threaded to customer
mail) a Dovecot is filled (once: ``--keep DIR`` reuses the mailbox of an earlier run) and measured
in separate processes, ``--repeat`` times each (medians; the machine may be shared):

  (i)   raw    — imaplib: EXAMINE, ``UID FETCH 1:* (UID INTERNALDATE BODY.PEEK[HEADER])`` into
                 memory. Nothing else: what reading the mail costs at all.
  (ii)  naive  — (i) + the standard library's compat32 header parse of every block (From, To, Cc,
                 Subject, Message-ID, In-Reply-To, References, Date) + executemany into SQLite:
                 the naive correct pipeline.
  (a)   floor  — the earlier floor: (i) with the raw header block inserted by executemany.
  (b)   first  — `vasteaika check --quiet`, first sync (a fresh database each repeat).
  (c)   again  — `vasteaika check --quiet` with nothing new: wall time and IMAP commands sent
                 (counted by a proxy between the client and Dovecot).

Every ratio of (b) to (i), (ii) and (a) is printed, with each process's peak RSS. Targets (issue
15): (b) ≤ 1.5 × (ii) at 100k, peak RSS ≤ 150 MB and flat from 100k to 300k; (c) ≤ 0.3 s and a
constant number of commands. ``--compare REV`` also runs the first sync with the code of REV and
compares the two ledgers table by table (benchmarks/ledger_compare.py). Needs Dovecot (Debian
dovecot-imapd) and openssl; run as root or a normal user:

    .venv/bin/python benchmarks/sync_bench.py --sizes 10000,100000 --keep /tmp/vbench
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

sys.path.insert(0, str(ROOT / "benchmarks"))

from ledger_compare import compare_databases, export_revision  # noqa: E402

from dovecot import DovecotServer, make_certificate  # noqa: E402

OWNER = "ylermi@pihapalvelu.fi"
SUBJECTS = ["Tarjouspyyntö: nurmikon leikkuu", "Lumityöt talvella", "Pensasaidan leikkuu",
            "Puunkaato", "Quote for garden design", "Snow ploughing", "Lehtien haravointi"]  # fmt: skip

FLOOR = textwrap.dedent(
    """
    import imaplib, sqlite3, ssl, sys
    from email.parser import BytesHeaderParser
    from email.policy import compat32
    mode, host, port, user, password, ca, db = sys.argv[1:8]
    ctx = ssl.create_default_context(cafile=ca)
    imap = imaplib.IMAP4_SSL(host, int(port), ssl_context=ctx)
    imap.login(user, password) if password.isascii() else imap.authenticate(
        "PLAIN", lambda _: ("\\0" + user + "\\0" + password).encode())
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE m (folder TEXT, uid INT, internaldate TEXT, header BLOB)")
    con.execute("CREATE TABLE p (folder TEXT, prefix TEXT, sender TEXT, recipients TEXT, cc TEXT,"
                " subject TEXT, message_id TEXT, in_reply_to TEXT, refs TEXT, date TEXT)")
    parser = BytesHeaderParser(policy=compat32)
    kept = []
    for folder in ("INBOX", "Sent"):
        imap.select(folder, readonly=True)
        typ, data = imap.uid("FETCH", "1:*", "(UID INTERNALDATE BODY.PEEK[HEADER])")
        parts = [part for part in data if isinstance(part, tuple)]
        if mode == "raw":
            kept.append(parts)
        elif mode == "naive":
            rows = []
            for prefix, header in parts:
                h = parser.parsebytes(header)
                rows.append((folder, prefix.decode(), str(h.get("From", "")), str(h.get("To", "")),
                             str(h.get("Cc", "")), str(h.get("Subject", "")),
                             str(h.get("Message-ID", "")), str(h.get("In-Reply-To", "")),
                             str(h.get("References", "")), str(h.get("Date", ""))))
            con.executemany("INSERT INTO p VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
            con.commit()
        else:
            rows = [(folder, 0, prefix.decode(), header) for prefix, header in parts]
            con.executemany("INSERT INTO m VALUES (?,?,?,?)", rows)
            con.commit()
    imap.logout()
    """
)
FLOORS = {"raw": "(i)", "naive": "(ii)", "floor": "(a)"}


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


_TAGGED = re.compile(rb"[A-Za-z0-9]+ [A-Za-z]")


class CountingProxy:
    """Forwards TCP to Dovecot and counts the commands (tagged lines: a tag, a space, a
    command) the client sends; a continuation (AUTHENTICATE's base64 answer) is none."""

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
                    self.commands += sum(1 for line in data.split(b"\r\n") if _TAGGED.match(line))
                dst.sendall(data)
        except OSError:
            pass  # the other direction closed first
        dst.close()


# Starts a command in a process forked from this small one and writes its own peak RSS (KiB)
# and CPU seconds: Linux keeps the peak RSS of the process a child was started from across
# exec, and Python starts children with vfork, so measured directly every child "peaked" at the
# bench's own peak (its Dovecot setup lists every file of the mailbox: 187 MB at 300k).
LAUNCH = textwrap.dedent(
    """
    import os, sys
    pid = os.fork()
    if pid == 0:
        os.execvpe(sys.argv[2], sys.argv[2:], os.environ)
    _, status, usage = os.wait4(pid, 0)
    with open(sys.argv[1], "w") as out:
        out.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
    sys.exit(os.waitstatus_to_exitcode(status))
    """
)


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds (user + system) of one child process: on a
    shared machine the CPU time says what the wall time, waiting for a core, cannot."""
    with tempfile.NamedTemporaryFile("r", suffix=".usage") as usage:
        t0 = time.perf_counter()
        status = subprocess.call([sys.executable, "-c", LAUNCH, usage.name, *cmd], env=env)
        wall = time.perf_counter() - t0
        if status != 0:
            raise SystemExit(f"{cmd[:3]}… failed with status {status}")
        peak, cpu = usage.read().split()
    return wall, int(peak) / 1024, float(cpu)


def compiled(code: Path, env: dict[str, str]) -> None:
    """Compile ``code`` to bytecode beforehand, as installing it does."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(code)], env=env, check=True)


def config(tmp: Path, server: DovecotServer, port: int, security: str, name: str) -> Path:
    path = tmp / f"{name}.toml"
    path.write_text(
        f'[account]\nimap_host = "127.0.0.1"\nimap_port = {port}\nsecurity = "{security}"\n'
        f'username = "{server.username}"\nca_file = "{server.ca_file}"\n'
        f'[owner]\naddresses = ["{OWNER}"]\n[ack]\nmode = "off"\n'
        f'[storage]\ndatabase = "{tmp / f"{name}.db"}"\n',
        encoding="utf-8",
    )
    return path


@dataclass
class Measured:
    """The runs of one measure: wall seconds, peak RSS (MB) and CPU seconds of each."""

    walls: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)

    def add(self, measured: tuple[float, float, float]) -> None:
        self.walls.append(measured[0])
        self.rss.append(measured[1])
        self.cpus.append(measured[2])

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def peak(self) -> float:
        return max(self.rss)


def server_for(n: int, keep: Path | None, tmp: Path) -> DovecotServer:
    """A Dovecot holding the generated mailbox of size ``n``: under ``keep`` (filled once and
    reused by later runs) or in ``tmp``."""
    base = (keep / f"n{n}") if keep else tmp
    base.mkdir(parents=True, exist_ok=True)
    cert_dir = base / "cert"
    if (cert_dir / "cert.pem").exists():
        cert, key = cert_dir / "cert.pem", cert_dir / "key.pem"
    else:
        cert, key = make_certificate(cert_dir)
    server = DovecotServer(root=base / "dv", cert=cert, key=key)
    marker = base / "filled"
    if not marker.exists():
        fill(server, n)
        marker.write_text(str(n))
    return server


def bench(n: int, repeat: int, keep: Path | None, compare: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="vb") as d:
        tmp = Path(d)
        server = server_for(n, keep, tmp)
        server.start()
        try:
            env = {**os.environ, "VASTEAIKA_PASSWORD": server.password}
            # This checkout's code, whichever checkout the environment installed.
            env["PYTHONPATH"] = str(ROOT / "src")
            # An installed vasteaika runs from compiled bytecode; with PYTHONDONTWRITEBYTECODE
            # set every measured process compiled the whole package again (about 0.3 s of CPU,
            # more than the rest of a no-change check).
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            compiled(ROOT / "src", env)
            login = ["127.0.0.1", str(server.imaps_port), server.username, server.password,
                     str(server.ca_file)]  # fmt: skip
            timed([sys.executable, "-c", FLOOR, "raw", *login, str(tmp / "warm.db")], env)
            floors = {mode: Measured() for mode in FLOORS}
            first = Measured()
            vasteaika = [sys.executable, "-m", "vasteaika", "--config"]
            for r in range(repeat):
                for mode, measured in floors.items():
                    db = tmp / f"{mode}{r}.db"
                    measured.add(timed([sys.executable, "-c", FLOOR, mode, *login, str(db)], env))
                cfg = config(tmp, server, server.imaps_port, "ssl", f"first{r}")
                first.add(timed([*vasteaika, str(cfg), "check", "--quiet"], env))
            proxy = CountingProxy(server.imap_port)
            again_cfg = config(tmp, server, proxy.port, "none", "again")
            shutil.copyfile(tmp / "first0.db", tmp / "again.db")  # the first sync, done
            again, commands = Measured(), []
            for _ in range(max(repeat, 3)):
                proxy.commands = 0
                again.add(timed([*vasteaika, str(again_cfg), "check", "--quiet"], env))
                commands.append(proxy.commands)
            verdict = ""
            if compare:
                old_code = export_revision(compare, tmp / "rev")
                old_env = {**env, "PYTHONPATH": str(old_code)}
                compiled(old_code, old_env)
                old_cfg = config(tmp, server, server.imaps_port, "ssl", "old")
                old_wall, old_rss, old_cpu = timed([*vasteaika, str(old_cfg), "check", "--quiet"],
                                                   old_env)  # fmt: skip
                diff = compare_databases(tmp / "old.db", tmp / "first0.db")
                old_again_cfg = config(tmp, server, proxy.port, "none", "old_again")
                shutil.copyfile(tmp / "old.db", tmp / "old_again.db")
                old_again = Measured()
                for _ in range(max(repeat, 3)):
                    old_again.add(timed([*vasteaika, str(old_again_cfg), "check", "--quiet"],
                                        old_env))  # fmt: skip
                verdict = (f"\n  {compare}'s first sync {old_wall:6.2f} s (CPU {old_cpu:.2f} s),"
                           f" {old_rss:4.0f} MB; no change {old_again.wall:5.2f} s"
                           f" (CPU {old_again.cpu:.2f} s); ledger "
                           + ("identical" if not diff else "DIFFERENT: " + "; ".join(diff)))  # fmt: skip
        finally:
            server.kill()
    line = " | ".join(f"{FLOORS[m]} {f.wall:6.2f} s (CPU {f.cpu:5.2f} s) {f.peak:4.0f} MB"
                      for m, f in floors.items())  # fmt: skip
    ratios = ", ".join(f"{first.wall / f.wall:5.2f}× {FLOORS[m]}" for m, f in floors.items())
    cpu_ratios = ", ".join(f"{first.cpu / f.cpu:5.2f}× {FLOORS[m]}" for m, f in floors.items())
    print(f"N={n:>7} (median of {repeat}): {line}\n"
          f"  first sync (b) {first.wall:6.2f} s = {ratios}; peak RSS {first.peak:4.0f} MB"
          f" (runs: {', '.join(f'{w:.2f}' for w in first.walls)})\n"
          f"  first sync CPU {first.cpu:6.2f} s = {cpu_ratios}\n"
          f"  no change (c) {again.wall:5.2f} s (CPU {again.cpu:.2f} s; median of"
          f" {len(again.walls)}), IMAP commands "
          f"{commands}{verdict}", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure (median)")
    parser.add_argument("--keep", type=Path, help="generate the mailboxes here once and reuse")
    parser.add_argument("--compare", metavar="REV", help="compare the ledger with REV's")
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        bench(n, args.repeat, args.keep, args.compare)


if __name__ == "__main__":
    main()
