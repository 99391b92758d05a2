"""Mutation testing of the modules that decide what is sent, counted or reminded (issue 19).

Runs mutmut (``pip install -e '.[mutation]'``; configured in pyproject's ``[tool.mutmut]``) over
the modules below, or a subset, and prints the score of each module and its surviving mutants:

    .venv/bin/python benchmarks/mutation.py                       # all of them (~25 min, 2 cores)
    .venv/bin/python benchmarks/mutation.py --module acks.store   # one module (repeat for more)
    .venv/bin/python benchmarks/mutation.py hours acks.outbox     # a subset
    .venv/bin/python benchmarks/mutation.py --report-only         # the last results again
    .venv/bin/python benchmarks/mutation.py --diff ledger.sync    # survivors with their diffs
    .venv/bin/python benchmarks/mutation.py --survivors hours     # after new tests: survivors only
    .venv/bin/python benchmarks/mutation.py --unrun               # finish an interrupted run
    .venv/bin/python benchmarks/mutation.py --remap acks.store    # map tests to functions afresh

A mutant is killed when a test fails on it (a timeout counts as killed: the mutant broke the
code); it survives when every test that runs its function passes, or when no fast test runs it at
all. The score is killed / all mutants. mutmut runs, for each mutant, only the tests that ran the
mutated function (its first run records which), chosen from the fast tests listed in
``pytest_add_cli_args_test_selection``; no test that starts a Dovecot runs. Those tests run
fastest first (tests/conftest.py orders them by the durations mutmut measured), so a killed mutant
costs its fastest failing test; mutants run in parallel, one child per CPU unless
``--max-children``. mutmut adds the tests that are new since its map to the map by itself;
``--remap`` maps every test again (one run of all the fast tests, minutes here), needed when an
existing test was changed to reach a function it did not reach before.

Not part of the test command (scripts/test.sh): it takes minutes. Work files go to ``mutants/``
(git-ignored); mutmut reuses earlier results there for functions that did not change.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# What is sent (acknowledgments), counted (the ledger's threading and sync) or reminded.
MODULES = (
    "acks.decision", "acks.outbox", "acks.store", "mail.classify", "ledger.threads",
    "ledger.conversations", "ledger.sync", "ledger.check", "hours", "reminders.store",
    "reminders.callbacks", "reminders.promises",
)  # fmt: skip

KILLED = {"killed", "timeout", "caught by type check", "segfault"}
NOT_COUNTED = {"skipped", "not checked"}  # not run (yet): neither killed nor survived
# SQL is written in capitals here (a mail's text never is).
_SQL = re.compile(r"\b(SELECT|UPDATE|INSERT|DELETE|WHERE|FROM|JOIN|IS NULL|IS NOT NULL|AND|ORDER BY)\b")


@dataclass
class Score:
    module: str
    statuses: Counter[str] = field(default_factory=Counter)
    survivors: list[str] = field(default_factory=list)
    equivalent: list[str] = field(default_factory=list)  # survivors that cannot be killed
    unrun: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(n for status, n in self.statuses.items() if status not in NOT_COUNTED)

    @property
    def killed(self) -> int:
        return sum(n for status, n in self.statuses.items() if status in KILLED)

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.total if self.total else 100.0

    @property
    def percent_of_killable(self) -> float:
        killable = self.total - len(self.equivalent)
        return 100.0 * self.killed / killable if killable else 100.0


def _outside_quotes(sql: str) -> str:
    return "'".join(p if i % 2 else p.lower() for i, p in enumerate(sql.split("'")))


def _same_but_case(original: ast.AST, mutant: ast.AST, header_names: set[int]) -> bool:
    """Do two nodes differ at most in letter case that nothing reads: SQL outside its quoted
    literals (SQLite's keywords and names; its values such as 'pending' do count), or the name
    of a mail header set on a message, ``msg["From"]`` (RFC 5322 field names)?"""
    if not (isinstance(original, ast.Constant) and isinstance(mutant, ast.Constant)):
        return False
    a, b = original.value, mutant.value
    if not (isinstance(a, str) and isinstance(b, str)) or a.lower() != b.lower():
        return False
    if id(original) in header_names:
        return True
    return bool(_SQL.search(a)) and _outside_quotes(a) == _outside_quotes(b)


def _functions(module: str) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions of the mutated copy of ``module``: each mutant and the original."""
    path = ROOT / "mutants" / "src" / "vasteaika" / (module.replace(".", "/") + ".py")
    if not path.exists():
        return {}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name: node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }


def _nodes(function: ast.AST) -> list[ast.AST]:
    copy = ast.parse(ast.unparse(function)).body[0]
    copy.name = "f"  # type: ignore[attr-defined]
    return list(ast.walk(copy))


def _without_ensure_ascii(function: ast.AST) -> str:
    """The function's AST without the ``ensure_ascii`` argument of its ``json.dumps`` calls."""
    copy = ast.parse(ast.unparse(function)).body[0]
    copy.name = "f"  # type: ignore[attr-defined]
    for node in ast.walk(copy):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "json.dumps":
            node.keywords = [k for k in node.keywords if k.arg != "ensure_ascii"]
    return ast.dump(copy)


def equivalence(name: str, functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]) -> str | None:
    """Why a surviving mutant cannot be killed, when it can be told from the code alone."""
    function = name.rpartition(".")[2]
    mutant, original = functions.get(function), functions.get(function.split("__mutmut_")[0] + "__mutmut_orig")
    if mutant is None or original is None:
        return None
    if _without_ensure_ascii(original) == _without_ensure_ascii(mutant):
        return ("equivalent: only json.dumps's ensure_ascii changed; the ledger's JSON (reasons) is"
                " read back only with json.loads, which gives the same text either way")  # fmt: skip
    before, after = _nodes(original), _nodes(mutant)
    if len(before) != len(after):
        return None
    headers = {
        id(n.slice) for n in before
        if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == "msg"
    }  # fmt: skip
    differ = [(a, b) for a, b in zip(before, after, strict=True) if ast.dump(a) != ast.dump(b)]
    leaves = [(a, b) for a, b in differ if isinstance(a, ast.Constant)]
    # Only constants differ (every other differing node merely contains one of them).
    if (
        leaves
        and all(_same_but_case(a, b, headers) for a, b in leaves)
        and all(isinstance(a, ast.Constant) or _contains(a, leaves) for a, _ in differ)
    ):
        return "equivalent: only the letter case of SQL or of a header name changed"
    return None


def _contains(node: ast.AST, leaves: list[tuple[ast.AST, ast.AST]]) -> bool:
    inside = {id(n) for n in ast.walk(node)}
    return any(id(a) in inside for a, _ in leaves)


def _meta_path(module: str) -> Path:
    return ROOT / "mutants" / "src" / "vasteaika" / (module.replace(".", "/") + ".py.meta")


def read_scores(modules: list[str]) -> list[Score]:
    """The per-module results mutmut left in ``mutants/…/*.py.meta``."""
    from mutmut.stats import status_by_exit_code

    scores = []
    for module in modules:
        score = Score(module)
        path = _meta_path(module)
        if path.exists():
            functions = _functions(module)
            results = json.loads(path.read_text(encoding="utf-8"))["exit_code_by_key"]
            for name, code in sorted(results.items()):
                status = status_by_exit_code[code]
                score.statuses[status] += 1
                if status == "not checked":
                    score.unrun.append(name)
                if status in KILLED or status in NOT_COUNTED:
                    continue
                why = equivalence(name, functions)
                if why:
                    score.equivalent.append(f"{name}  ({why})")
                else:
                    score.survivors.append(f"{name}  ({status})")
        scores.append(score)
    return scores


def run_mutmut(
    modules: list[str], max_children: int | None, survivors: bool, unrun: bool, remap: bool
) -> int:
    """Every mutant of ``modules`` afresh; or only those that survived last time (``survivors``:
    after new tests, that is all that can change) and/or those an interrupted run left unrun."""
    if survivors or unrun:
        scores = read_scores(modules)
        names = [n.split()[0] for s in scores for n in s.survivors] if survivors else []
        names += [n for s in scores for n in s.unrun] if unrun else []
        if not names:
            return 0
    else:
        names = [f"vasteaika.{module}.*" for module in modules]
    if remap:  # mutmut maps new tests itself, not an old test changed to reach more code
        (ROOT / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    command = [sys.executable, "-m", "mutmut", "run", *names]
    if max_children:
        command += ["--max-children", str(max_children)]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def show(name: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name.split()[0]],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.stdout


def report(scores: list[Score], diff: bool) -> None:
    """Per module: mutants run, killed, survived (of them equivalent), the score (killed of all
    run) and the score of the killable ones (equivalent survivors left out)."""
    print(f"\n{'module':<22}{'mutants':>8}{'killed':>8}{'survived':>9}{'equiv.':>7}"
          f"{'score':>8}{'killable':>10}{'unrun':>7}")  # fmt: skip
    for s in scores:
        unrun = sum(n for status, n in s.statuses.items() if status in NOT_COUNTED)
        print(f"{s.module:<22}{s.total:>8}{s.killed:>8}{s.total - s.killed:>9}"
              f"{len(s.equivalent):>7}{s.percent:>7.1f}%{s.percent_of_killable:>9.1f}%{unrun:>7}")  # fmt: skip
    total = sum(s.total for s in scores)
    killed = sum(s.killed for s in scores)
    equivalent = sum(len(s.equivalent) for s in scores)
    print(f"{'all':<22}{total:>8}{killed:>8}{total - killed:>9}{equivalent:>7}"
          f"{100 * killed / max(total, 1):>7.1f}%{100 * killed / max(total - equivalent, 1):>9.1f}%")  # fmt: skip
    for s in scores:
        if s.survivors:
            print(f"\n== surviving mutants of {s.module} ==")
            for name in s.survivors:
                print(name)
                if diff:
                    print(show(name))
        if s.equivalent:
            print(f"\n== equivalent surviving mutants of {s.module} ==")
            print("\n".join(s.equivalent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"a subset of: {' '.join(MODULES)}")
    parser.add_argument("--module", action="append", default=[], metavar="MODULE",
                        help="a module to mutate (may be repeated); same as naming it")  # fmt: skip
    parser.add_argument("--remap", action="store_true",
                        help="map every fast test to the functions it runs again")  # fmt: skip
    parser.add_argument("--report-only", action="store_true", help="print the last results")
    parser.add_argument("--diff", action="store_true", help="show each surviving mutant's diff")
    parser.add_argument("--unrun", action="store_true",
                        help="run the mutants an interrupted run left unrun")  # fmt: skip
    parser.add_argument("--survivors", action="store_true",
                        help="test again only the mutants that survived the last run")  # fmt: skip
    parser.add_argument("--max-children", type=int, help="parallel mutants (default: CPUs)")
    args = parser.parse_args(argv)
    args.modules += args.module
    unknown = sorted(set(args.modules) - set(MODULES))
    if unknown:
        parser.error(f"not a mutated module: {', '.join(unknown)} (choose from {' '.join(MODULES)})")
    modules = list(args.modules or MODULES)
    try:
        import mutmut  # noqa: F401
    except ImportError:
        print("mutation.py: mutmut is not installed — run: .venv/bin/pip install -e '.[mutation]'")
        return 2
    started = time.monotonic()
    if not args.report_only:
        code = run_mutmut(modules, args.max_children, args.survivors, args.unrun, args.remap)
        if code not in (0, 1):  # mutmut exits 1 when a mutant survived
            print(f"mutation.py: mutmut failed with exit code {code}")
            return code
    report(read_scores(modules), args.diff)
    if not args.report_only:
        print(f"\n{time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
