"""Start-up cost of the commands that run most often, against the interpreter's own start.

``remind --quiet`` runs every 5 minutes, all day and night, so with nothing due it must be cheap
(goal ≤ 0.2 s wall); ``--version`` and ``--help`` should feel instant (goal ≤ 0.15 s). Each
command is run ``--runs`` times in turn with ``python -c pass`` in the same run (so a busy
machine slows both alike); the median wall time and the ratio to ``python -c pass`` are
printed. ``remind --quiet`` runs on a prepared empty ledger (a local Maildir, nothing due).

    .venv/bin/python benchmarks/startup_bench.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOALS = {"--version": 0.15, "--help": 0.15, "remind --quiet": 0.2}


def vasteaika_command() -> list[str]:
    """The console script beside this Python (as installed), else ``python -m vasteaika``."""
    script = Path(sys.executable).parent / "vasteaika"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vasteaika"]


def prepare(workdir: Path) -> Path:
    """A config over an empty local Maildir and a ledger already created (nothing due)."""
    for sub in ("cur", "new", "tmp"):
        (workdir / "mail" / sub).mkdir(parents=True, exist_ok=True)
    config = workdir / "config.toml"
    config.write_text(
        f'[account]\nmaildir = "{workdir / "mail"}"\n'
        '[owner]\nname = "Bench Owner"\naddresses = ["owner@bench.example"]\nlanguage = "en"\n'
        '[ack]\nmode = "off"\n'
        f'[storage]\ndatabase = "{workdir / "v.db"}"\n',
        encoding="utf-8",
    )
    return config


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip()
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {message}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="vasteaika-startup-") as tmp:
        workdir = Path(tmp)
        config = prepare(workdir)
        run_user = workdir / "run-user"  # no desktop session here: the check stays local
        run_user.mkdir()
        env = {**os.environ, "VASTEAIKA_RUN_USER_DIR": str(run_user)}
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        exe = vasteaika_command()
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "--version": [*exe, "--version"],
            "--help": [*exe, "--help"],
            "remind --quiet": [*exe, "--config", str(config), "remind", "--quiet"],
        }
        wall(cases["remind --quiet"], env)  # creates the ledger; not timed
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, args in cases.items():
                times[name].append(wall(args, env))
    base = statistics.median(times["python -c pass"])
    print(f"{runs} runs each, median wall time ({' '.join(exe)})")
    print(f"{'command':<16} {'median s':>9} {'× python':>9} {'goal s':>7}")
    failed = False
    for name, samples in times.items():
        median = statistics.median(samples)
        goal = GOALS.get(name)
        mark = "" if goal is None else ("  ok" if median <= goal else "  SLOW")
        failed |= bool(goal) and median > (goal or 0)
        goal_text = f"{goal:.2f}" if goal else ""
        print(f"{name:<16} {median:>9.3f} {median / base:>9.1f} {goal_text:>7}{mark}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
