"""The ledger one code version writes against another's, table by table, on the same mail.

Every change to the sync must keep the ledger identical (issue 15). This runs `vasteaika check`
with the code of a git revision (``--rev``, exported with `git archive`) and with the working
tree, each into its own database, then compares every table row by row (the run times, which
differ by construction, left out) and the indexes and triggers. Datasets: the bundled demo (examples/) and each corpus under
/work/shared/corpora (its .eml files as a Maildir INBOX); sync_bench.py --compare uses
``compare_databases`` for the generated IMAP mailbox.

    .venv/bin/python benchmarks/ledger_compare.py --rev main
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
# Columns that say when a run happened, not what it read.
VOLATILE = {"started_at", "finished_at", "synced_at", "seen_at"}
SKIPPED_TABLES = {"runs", "_sqlite_migrations", "sqlite_sequence"}


def compare_databases(a: Path, b: Path) -> list[str]:
    """The differences between two ledgers, one line per differing table; empty if identical."""
    with sqlite3.connect(a) as left, sqlite3.connect(b) as right:
        tables = [
            r[0]
            for r in left.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")
            if r[0] not in SKIPPED_TABLES and not r[0].startswith("sqlite_")
        ]
        found = []
        for table in tables:
            columns = [r[1] for r in left.execute(f"PRAGMA table_info([{table}])")]
            kept = ", ".join(f"[{c}]" for c in columns if c not in VOLATILE)
            query = f"SELECT {kept} FROM [{table}] ORDER BY {kept}"
            try:
                rows_b = right.execute(query).fetchall()
            except sqlite3.Error as exc:
                found.append(f"{table}: {exc}")
                continue
            rows_a = left.execute(query).fetchall()
            if rows_a != rows_b:
                pairs = zip([*rows_a, None], [*rows_b, None], strict=False)
                first = next((x, y) for x, y in pairs if x != y)
                found.append(f"{table}: {len(rows_a)} vs {len(rows_b)} rows; first difference "
                             f"{first[0]!r} vs {first[1]!r}")  # fmt: skip
        schema = ("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                  " AND sql IS NOT NULL")
        left_schema, right_schema = set(left.execute(schema)), set(right.execute(schema))
        if left_schema != right_schema:
            names = sorted(r[1] for r in left_schema ^ right_schema)
            found.append(f"indexes and triggers differ: {', '.join(names)}")
        return found


def export_revision(rev: str, dest: Path) -> Path:
    """The ``src`` tree of ``rev`` under ``dest``, for PYTHONPATH."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], check=True,
                             capture_output=True).stdout  # fmt: skip
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest / "src"


def check(config: Path, code: Path | None, env: dict[str, str]) -> None:
    """`vasteaika check --quiet` with the code under ``code`` (None: the working tree)."""
    run_env = {**env, "PYTHONPATH": str(code)} if code else env
    cmd = [sys.executable, "-m", "vasteaika", "--config", str(config), "check", "--quiet"]
    done = subprocess.run(cmd, env=run_env, capture_output=True, text=True)
    if done.returncode not in (0, 65):  # 65: some mail could not be read (a problem row)
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()}")


def demo_config(tmp: Path, name: str) -> Path:
    """examples/config.toml with its own database, acknowledgments off."""
    text = (ROOT / "examples" / "config.toml").read_text(encoding="utf-8")
    text = text.replace('maildir = "mailbox"', f'maildir = "{ROOT / "examples" / "mailbox"}"')
    text = re.sub(r'(?m)^database = "[^"]*"', f'database = "{tmp / name}.db"', text)
    text = re.sub(r'(?m)^mode = "[a-z]+"', 'mode = "off"', text, count=1)
    text = text.replace('templates = "templates"', f'templates = "{ROOT / "examples/templates"}"')
    path = tmp / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def corpus_config(tmp: Path, corpus: Path, name: str) -> Path:
    """A Maildir holding every .eml of ``corpus`` in INBOX (and an empty Sent)."""
    box = tmp / f"box-{corpus.name}"
    if not box.exists():
        for sub in ("cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp"):
            (box / sub).mkdir(parents=True)
        for i, eml in enumerate(sorted(corpus.rglob("*.eml"))):
            target = box / "cur" / f"{1700000000 + i}.M{i}P1.corpus:2,S"
            shutil.copyfile(eml, target)
            os.utime(target, (1700000000 + i, 1700000000 + i))
    path = tmp / f"{name}.toml"
    path.write_text(
        f'[account]\nmaildir = "{box}"\n[owner]\naddresses = ["owner@vasteaika-test.fi"]\n'
        f'[ack]\nmode = "off"\n[storage]\ndatabase = "{tmp / name}.db"\n',
        encoding="utf-8",
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="main", help="the revision to compare with")
    rev = parser.parse_args().rev
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    failures = 0
    with tempfile.TemporaryDirectory(prefix="vcmp") as d:
        tmp = Path(d)
        old_code = export_revision(rev, tmp / "rev")
        datasets = [("demo", lambda name: demo_config(tmp, name))]
        corpora = sorted(p for p in CORPORA.iterdir() if p.is_dir()) if CORPORA.is_dir() else []
        for corpus in corpora:
            datasets.append((corpus.name, lambda name, c=corpus: corpus_config(tmp, c, name)))
        for label, make in datasets:
            old_cfg, new_cfg = make(f"{label}-old"), make(f"{label}-new")
            check(old_cfg, old_code, env)
            check(new_cfg, None, env)
            diff = compare_databases(tmp / f"{label}-old.db", tmp / f"{label}-new.db")
            failures += bool(diff)
            verdict = "identical" if not diff else "DIFFERENT\n    " + "\n    ".join(diff)
            print(f"{label:>24}: {verdict}", flush=True)
    raise SystemExit(1 if failures else 0)


if __name__ == "__main__":
    main()
