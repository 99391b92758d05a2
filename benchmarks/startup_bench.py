"""Start-up cost of the commands that run most often, against the interpreter's own start.

``remind --quiet`` runs every 5 minutes, all day and night, so with nothing due it must be cheap
(goal ≤ 0.2 s wall); ``--version`` and ``--help`` should feel instant (goal ≤ 0.15 s). Each
command is run ``--runs`` times in turn with ``python -c pass`` in the same run (so a busy
machine slows both alike); the median wall time and the ratio to ``python -c pass`` are
printed. ``remind --quiet`` and ``check --quiet`` run on a prepared ledger over a local Maildir
(nothing due, no new mail: the no-change check, goal ≤ 0.3 s). ``--compare REV`` also runs each
command with the code of the git revision REV (``python -m vasteaika`` for both, in the same
run), to show a change's effect on a busy machine.

    .venv/bin/python benchmarks/startup_bench.py [--runs 21] [--compare main]
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from ledger_compare import export_revision  # noqa: E402

GOALS = {"--version": 0.15, "--help": 0.15, "remind --quiet": 0.2, "check --quiet": 0.3}


def vasteaika_command() -> list[str]:
    """The console script beside this Python (as installed), else ``python -m vasteaika``."""
    script = Path(sys.executable).parent / "vasteaika"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vasteaika"]


MAILS = {  # a customer's question and the owner's answer: the ledger has something to hold
    "": "From: Asiakas <asiakas@example.com>\nTo: owner@bench.example\nSubject: Tarjous\n"
    "Date: Mon, 23 Nov 2026 08:05:00 +0200\nMessage-ID: <q1@example.com>\n\nHinta?\n",
    ".Sent": "From: Bench Owner <owner@bench.example>\nTo: asiakas@example.com\n"
    "Subject: Re: Tarjous\nDate: Mon, 23 Nov 2026 09:00:00 +0200\nMessage-ID: <a1@bench.example>\n"
    "In-Reply-To: <q1@example.com>\nReferences: <q1@example.com>\n\n100 euroa.\n",
}


def prepare(workdir: Path) -> Path:
    """A config over a local Maildir (INBOX and Sent, one mail each, no ack is sent); the ledger
    is made by an untimed first check: nothing is due and no mail is new."""
    for folder, mail in MAILS.items():
        for sub in ("cur", "new", "tmp"):
            (workdir / "mail" / folder / sub).mkdir(parents=True, exist_ok=True)
        (workdir / "mail" / folder / "cur" / "1.bench:2,S").write_text(mail, encoding="utf-8")
    config = workdir / "config.toml"
    config.write_text(
        f'[account]\nmaildir = "{workdir / "mail"}"\n'
        '[owner]\nname = "Bench Owner"\naddresses = ["owner@bench.example"]\nlanguage = "en"\n'
        '[ack]\nmode = "off"\n'
        f'[storage]\ndatabase = "{workdir / "v.db"}"\n',
        encoding="utf-8",
    )
    return config


def compiled(code: Path, env: dict[str, str]) -> None:
    """Compile ``code`` to bytecode beforehand, as installing it does."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(code)], env=env, check=True)


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip()
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {message}")
    return elapsed


def commands(exe: list[str], config: Path) -> dict[str, list[str]]:
    return {
        "--version": [*exe, "--version"],
        "--help": [*exe, "--help"],
        "remind --quiet": [*exe, "--config", str(config), "remind", "--quiet"],
        "check --quiet": [*exe, "--config", str(config), "check", "--quiet"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--compare", metavar="REV", help="also time the code of this revision")
    options = parser.parse_args()
    runs, rev = options.runs, options.compare
    with tempfile.TemporaryDirectory(prefix="vasteaika-startup-") as tmp:
        workdir = Path(tmp)
        config = prepare(workdir)
        run_user = workdir / "run-user"  # no desktop session here: the check stays local
        run_user.mkdir()
        env = {**os.environ, "VASTEAIKA_RUN_USER_DIR": str(run_user)}
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        # This checkout's code, whichever checkout the environment installed (a worktree's
        # bench otherwise timed the installed one), run from compiled bytecode as installed.
        env["PYTHONPATH"] = str(ROOT / "src")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        compiled(ROOT / "src", env)
        exe = [sys.executable, "-m", "vasteaika"] if rev else vasteaika_command()
        cases = {"python -c pass": ([sys.executable, "-c", "pass"], env)}
        cases |= {name: (args, env) for name, args in commands(exe, config).items()}
        if rev:
            old_env = {**env, "PYTHONPATH": str(export_revision(rev, workdir / "rev"))}
            compiled(Path(old_env["PYTHONPATH"]), old_env)
            cases |= {f"{rev}: {name}": (args, old_env)
                      for name, args in commands(exe, config).items()}  # fmt: skip
        wall(cases["check --quiet"][0], env)  # creates the ledger; not timed
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, (args, run_env) in cases.items():
                times[name].append(wall(args, run_env))
    base = statistics.median(times["python -c pass"])
    print(f"{runs} runs each, median wall time ({' '.join(exe)}); load {os.getloadavg()[0]:.1f}")
    width = max(len(name) for name in times)
    print(f"{'command':<{width}} {'median s':>9} {'× python':>9} {'goal s':>7}")
    failed = False
    for name, samples in times.items():
        median = statistics.median(samples)
        goal = GOALS.get(name)
        mark = "" if goal is None else ("  ok" if median <= goal else "  SLOW")
        failed |= bool(goal) and median > (goal or 0)
        goal_text = f"{goal:.2f}" if goal else ""
        print(f"{name:<{width}} {median:>9.3f} {median / base:>9.1f} {goal_text:>7}{mark}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
