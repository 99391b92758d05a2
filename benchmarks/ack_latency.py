"""Acknowledgment latency of `vasteaika watch`: from delivery into INBOX to the ack at the SMTP server.

Starts the test Dovecot and a real aiosmtpd on 127.0.0.1 (the same helpers as the tests), runs
`vasteaika watch` as its own process, delivers mails (IMAP APPEND) at random moments and records
when each acknowledgment arrives. Baseline, measured in the same run: the time the same APPEND
takes to be visible to a plain IMAP client that polls (what any reader of the mailbox waits).

Targets: median ≤ 5 s, max ≤ 60 s over at least 50 mails, zero duplicates.

    .venv/bin/python benchmarks/ack_latency.py --mails 50
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from dovecot import DovecotServer, make_certificate  # noqa: E402
from smtp_fixture import _start, _stop  # noqa: E402

OWNER = "ylermi@pihapalvelu.fi"


def customer_mail(i: int) -> bytes:
    now = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    address = f"asiakas{i}@example.fi"
    return (
        f"Return-Path: <{address}>\r\nFrom: Asiakas {i} <{address}>\r\nTo: {OWNER}\r\n"
        f"Subject: Tarjouspyyntö {i}\r\nDate: {now}\r\nMessage-ID: <lat{i}@example.fi>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hei, voisitteko soittaa?\r\n"
    ).encode()


def write_config(tmp: Path, server: DovecotServer, smtp_port: int) -> Path:
    path = tmp / "config.toml"
    path.write_text(
        f'[account]\nimap_host = "127.0.0.1"\nimap_port = {server.imaps_port}\nsecurity = "ssl"\n'
        f'username = "{server.username}"\nca_file = "{server.ca_file}"\n'
        f'[owner]\nname = "Ylermi"\naddresses = ["{OWNER}"]\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\nlogin = false\n'
        f"[ack]\nonce_per_days = 1\n[reminders]\nemail_fallback = false\n"
        f'[storage]\ndatabase = "{tmp / "v.db"}"\n',
        encoding="utf-8",
    )
    return path


def visible_baseline(server: DovecotServer, n: int) -> list[float]:
    """APPEND, then poll with a separate client until the message is listed."""
    times = []
    with server.admin() as reader:
        for i in range(n):
            t0 = time.perf_counter()
            server.deliver("INBOX", customer_mail(100_000 + i))
            while True:
                reader.select_folder("INBOX", readonly=True)
                if reader.search(["HEADER", "Message-ID", f"lat{100_000 + i}@"]):
                    break
            times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=50)
    parser.add_argument("--max-gap", type=float, default=3.0, help="seconds between deliveries")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="vl") as d:
        tmp = Path(d)
        cert, key = make_certificate(tmp / "cert")
        server = DovecotServer(root=tmp / "dv", cert=cert, key=key)
        server.start()
        smtp_proc, smtp = _start(tmp / "smtp")
        env = {
            **os.environ,
            "VASTEAIKA_PASSWORD": server.password,
            "VASTEAIKA_RUN_USER_DIR": str(tmp),
        }
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        config = write_config(tmp, server, smtp.port)
        watch = subprocess.Popen(
            [sys.executable, "-m", "vasteaika", "--config", str(config), "watch"],
            env=env, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while not (tmp / "v.db.watch.json").exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            baseline = visible_baseline(server, 5)
            delivered: dict[str, float] = {}
            arrived: dict[str, float] = {}
            done = threading.Event()

            def watch_smtp() -> None:  # records arrivals while mails are still being delivered
                while not done.is_set():
                    for envelope in smtp.messages():
                        rcpt = envelope.rcpt_tos[0]
                        if rcpt in delivered and rcpt not in arrived:
                            arrived[rcpt] = time.perf_counter()
                    time.sleep(0.05)

            poller = threading.Thread(target=watch_smtp)
            poller.start()
            for i in range(args.mails):
                time.sleep(rng.uniform(0, args.max_gap))
                delivered[f"asiakas{i}@example.fi"] = time.perf_counter()
                server.deliver("INBOX", customer_mail(i))
            deadline = time.monotonic() + 90
            while len(arrived) < args.mails and time.monotonic() < deadline:
                time.sleep(0.1)
            done.set()
            poller.join()
            time.sleep(2)
            counts: dict[str, int] = {}
            for envelope in smtp.messages():
                counts[envelope.rcpt_tos[0]] = counts.get(envelope.rcpt_tos[0], 0) + 1
            duplicates = sum(c - 1 for c in counts.values() if c > 1)
        finally:
            watch.terminate()
            watch.wait(timeout=30)
            _stop(smtp_proc)
            server.kill()
    latencies = sorted(arrived[r] - delivered[r] for r in arrived)
    missing = args.mails - len(latencies)
    print(
        f"baseline (APPEND visible to a polling reader): median {statistics.median(baseline):.3f} s"
    )
    if latencies:
        median, worst = statistics.median(latencies), latencies[-1]
        print(f"ack latency over {len(latencies)} mails: median {median:.2f} s "
              f"(target ≤ 5 s, {median / statistics.median(baseline):.0f}× baseline), "
              f"max {worst:.2f} s (target ≤ 60 s)")  # fmt: skip
    print(f"duplicates: {duplicates} (target 0); never acknowledged: {missing}")


if __name__ == "__main__":
    main()
