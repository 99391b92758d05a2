"""Mutation testing of the modules that decide what is sent, counted or reminded (issue 19).

Runs mutmut (``pip install -e '.[mutation]'``; configured in pyproject's ``[tool.mutmut]``) over
the modules below, or a subset, and prints the score of each module and its surviving mutants:

    .venv/bin/python benchmarks/mutation.py                       # the whole run: every module
    .venv/bin/python benchmarks/mutation.py --module acks.store   # one module (repeat for more)
    .venv/bin/python benchmarks/mutation.py hours acks.outbox     # a subset
    .venv/bin/python benchmarks/mutation.py --report-only         # the last results again
    .venv/bin/python benchmarks/mutation.py --diff ledger.sync    # survivors with their diffs
    .venv/bin/python benchmarks/mutation.py --survivors hours     # after new tests: survivors only
    .venv/bin/python benchmarks/mutation.py --unrun               # finish an interrupted run
    .venv/bin/python benchmarks/mutation.py --remap acks.store    # map tests to functions afresh

A run of whole modules leaves out the mutants known to be equivalent before they run: those judged in
benchmarks/mutation_equivalent.py (while they still change the judged line) and those that
change only what nothing reads (the letter case of SQL or of a header name, ``ensure_ascii``).
An equivalent mutant survives every test, and a survivor runs every test of its function, so
in a run of 2 December the 268 of them it reached took a third of its
mutants' time; they are counted as equivalent survivors ("not
run") with their reasons (``--survivors`` and ``--unrun`` do not run them either).

A mutant is killed when a test fails on it; it survives when every test that runs its function
passes, or when no fast test runs it at all. A mutant mutmut stopped for taking too long (its
limit is three times its tests' measured time, which a loaded machine overruns) proves nothing
yet: each is run again alone, after mutmut, with a generous limit (``RERUN_FACTOR`` times its
tests' time, at least ``RERUN_MIN_SECONDS``); there it is killed, survives, or times out again —
a genuine hang, such as a loop that no longer ends, which counts as killed and is shown apart in
the "timeout" column and by name. A function the module calls while it is imported (a factory
that builds the handlers of a table, ``promise_times._days_after``) runs before mutmut switches a
mutant on, in the process every mutant is forked from: its mutants survive there whatever the
tests say. Each such survivor is run again alone in a fresh process, where the mutant is on
while the module is imported, against the tests of every function of its module; there it is
killed or survives. The score is killed (hangs included) / all mutants run; a
timeout not yet run again counts in neither (``--unrun`` runs it). mutmut runs, for each mutant, only the tests that ran the
mutated function (its first run records which), chosen from the fast tests listed in
``pytest_add_cli_args_test_selection``; no test that starts a Dovecot runs. tests/conftest.py
orders them: first those that killed another mutant of the same function (noted in
``mutants/mutmut-killers/``), then the rest fastest first by the durations mutmut measured, so a
killed mutant mostly costs one test that kills it; mutants run in parallel, one child per CPU
unless ``--max-children``. ``benchmarks/mutant_cpu.py`` measures the CPU of a fixed sample of
mutants, to compare two versions of the tests without the whole run. mutmut adds the tests that are new since its map to the map by itself;
``--remap`` maps every test again (one run of all the fast tests, minutes here), needed when an
existing test was changed to reach a function it did not reach before.

mutmut makes the mutants, maps the tests and judges nothing itself here: its mutants run with
``benchmarks/mutation_runner.py``, which collects the selected tests once and forks each mutant's
child from inside that pytest session (mutmut's own runner starts a whole pytest in every child:
0.3-0.5 s of CPU before the first test; ``--mutmut-runner`` uses it still, to compare). The
verdicts and durations go into mutmut's ``.meta`` files either way.

The whole run (no module named) is the one command to measure: after the table it prints its
wall time, the load, and the CPU time of everything it ran with the mutants per CPU second of one
core, which the load does not change (README's development section has the figures).

Not part of the test command (scripts/test.sh): it takes minutes. Work files go to ``mutants/``
(git-ignored); mutmut reuses earlier results there for functions that did not change.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import fnmatch
import json
import os
import re
import resource
import subprocess
import sys
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from mutation_equivalent import JUDGED  # noqa: E402

# What is sent (acknowledgments), counted (the ledger's threading, turns and sync) or reminded.
MODULES = (
    "acks.decision", "acks.outbox", "acks.store", "mail.classify", "ledger.threads",
    "ledger.conversations", "ledger.sync", "ledger.check", "hours", "reminders.store",
    "reminders.callbacks", "reminders.promises", "ledger.joins", "ledger.batch_view",
    "ledger.batch_reach", "ledger.batches", "ledger.turns",
    "reminders.promise_due", "reminders.promise_times",
)  # fmt: skip

KILLED = {"killed", "timeout", "caught by type check", "segfault"}
# Not run (yet), neither killed nor survived; "timeout?" is a timeout of mutmut not yet re-run.
NOT_COUNTED = {"skipped", "not checked", "timeout?"}
# The plugins installed packages add to pytest (pytest-cov, pytest-timeout, hypothesis…) are
# neither used by the mutation run's tests nor free: loading them in each forked child's pytest
# cost about a tenth of a cheap mutant's CPU. mutmut and the runs alone go without them.
PYTEST_ENV = {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
RERUN_FACTOR = 20  # a re-run timed-out mutant may take this many times its tests' measured time
RERUN_MIN_SECONDS = 120.0
# SQL is written in capitals here (a mail's text never is).
_SQL = re.compile(r"\b(SELECT|UPDATE|INSERT|DELETE|WHERE|FROM|JOIN|IS NULL|IS NOT NULL|AND|ORDER BY|GROUP BY)\b")


@dataclass
class Score:
    module: str
    statuses: Counter[str] = field(default_factory=Counter)
    survivors: list[str] = field(default_factory=list)
    equivalent: list[str] = field(default_factory=list)  # survivors that cannot be killed
    unrun: list[str] = field(default_factory=list)
    seconds: float = 0.0  # the wall time of its mutants' runs, summed (children run in parallel)

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

    @property
    def timeouts(self) -> int:
        """Mutants that time out even alone with a generous limit (counted as killed)."""
        return self.statuses["timeout"]


def _outside_quotes(sql: str) -> str:
    return "'".join(p if i % 2 else p.lower() for i, p in enumerate(sql.split("'")))


def _same_but_case(original: ast.AST, mutant: ast.AST, header_names: set[int]) -> bool:
    """Do two nodes differ at most in letter case that nothing reads: SQL outside its quoted
    literals (SQLite's keywords and names; its values such as 'pending' do count), or the name
    of a mail header set on a message, ``msg["From"]`` (RFC 5322 field names), or looked up
    with ``Message.header``, which lower-cases it?"""
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


def changed_lines(original: ast.AST, mutant: ast.AST) -> str:
    """The mutant's lines that differ from the original's, as ``ast.unparse`` writes them."""
    before, after = (ast.unparse(_renamed(f)).splitlines() for f in (original, mutant))
    added = [line[2:].strip() for line in difflib.ndiff(before, after) if line.startswith("+ ")]
    return " / ".join(added)


def _renamed(function: ast.AST) -> ast.AST:
    copy = ast.parse(ast.unparse(function)).body[0]
    copy.name = "f"  # type: ignore[attr-defined]
    return copy


def equivalence(name: str, functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef]) -> str | None:
    """Why a surviving mutant cannot be killed: told from the code alone, or judged by reading
    it (``mutation_equivalent.JUDGED``, which holds while the mutant changes the same line)."""
    function = name.rpartition(".")[2]
    mutant, original = functions.get(function), functions.get(function.split("__mutmut_")[0] + "__mutmut_orig")
    if mutant is None or original is None:
        return None
    judged = JUDGED.get(name)
    if judged is not None and judged[0] == changed_lines(original, mutant):
        return f"equivalent (judged): {judged[1]}"
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
    headers |= {  # Message.header(name) looks its name up in lower case
        id(n.args[0]) for n in before
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "header"
        and n.args and isinstance(n.args[0], ast.Constant)
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


def _rerun_path() -> Path:
    return ROOT / "mutants" / "timeout-reruns.json"


def _reruns() -> dict[str, dict[str, object]]:
    """The verdicts of the timed-out mutants run again alone: name → status, seconds, and the
    exit code mutmut had recorded (a verdict holds only while mutmut's result is that one)."""
    try:
        data: dict[str, dict[str, object]] = json.loads(_rerun_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data


def _meta(module: str) -> dict[str, dict[str, object]]:
    path = _meta_path(module)
    if not path.exists():
        return {}
    meta: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return meta


def _results(module: str) -> dict[str, int | None]:
    return dict(_meta(module).get("exit_code_by_key", {}))  # type: ignore[arg-type]


def _seconds(module: str) -> float:
    """The wall time mutmut measured for each mutant of ``module``, summed."""
    durations = _meta(module).get("durations_by_key", {})
    return sum(float(d) for d in durations.values())  # type: ignore[arg-type]


def _status(name: str, code: int | None, reruns: dict[str, dict[str, object]]) -> str:
    """mutmut's verdict, except that its timeout is replaced by the verdict of the run alone
    ("timeout?" until there is one)."""
    from mutmut.stats import status_by_exit_code

    status = status_by_exit_code[code]
    rerun = reruns.get(name)
    if status == "survived" and rerun is not None and rerun.get("fresh") and rerun.get("code") == code:
        return str(rerun["status"])  # a function called on import: its verdict in a fresh process
    if status != "timeout":
        return status
    if rerun is None or rerun.get("code") != code:
        return "timeout?"
    return str(rerun["status"])


def read_scores(modules: list[str]) -> list[Score]:
    """The per-module results mutmut left in ``mutants/…/*.py.meta``, with its timeouts
    replaced by the verdicts of their runs alone."""
    reruns, skipped = _reruns(), _skipped()
    scores = []
    for module in modules:
        score = Score(module, seconds=_seconds(module))
        results = _results(module)
        if results:
            functions = _functions(module)
            for name, code in sorted(results.items()):
                status = _status(name, code, reruns)
                if status == "not checked" and name in skipped:  # left out by to_run: equivalent
                    score.statuses["survived"] += 1
                    score.equivalent.append(f"{name}  ({skipped[name]}; not run)")
                    continue
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


def rerun_timeouts(modules: list[str]) -> None:
    """Run each mutant mutmut stopped for taking too long again, alone, with a generous limit,
    as mutmut runs it (its tests, in ``mutants/``, the mutant chosen by ``MUTANT_UNDER_TEST``)."""
    reruns = _reruns()
    pending = [
        (name, code) for module in modules for name, code in sorted(_results(module).items())
        if _status(name, code, reruns) == "timeout?"
    ]  # fmt: skip
    if not pending:
        return
    stats = json.loads((ROOT / "mutants" / "mutmut-stats.json").read_text(encoding="utf-8"))
    tests_by_function, durations = stats["tests_by_mangled_function_name"], stats["duration_by_test"]
    print(f"\nmutation.py: {len(pending)} timed-out mutants, each run again alone")
    for name, code in pending:
        tests = sorted(tests_by_function.get(name.partition("__mutmut_")[0], []))
        limit = max(RERUN_MIN_SECONDS, RERUN_FACTOR * sum(durations.get(t, 0.0) for t in tests))
        status, seconds = _run_alone(name, tests, timeout=limit)
        print(f"  {status:<9} {seconds:>7.1f} s (limit {limit:.0f} s)  {name}")
        reruns[name] = {"status": status, "seconds": seconds, "limit": round(limit), "code": code}
        _rerun_path().write_text(json.dumps(reruns, indent=1, sort_keys=True), encoding="utf-8")


def import_time_functions(module: str) -> set[str]:
    """The module's own functions that its top-level statements call: they run on import."""
    path = ROOT / "src" / "vasteaika" / (module.replace(".", "/") + ".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    called = {
        node.func.id
        for statement in tree.body if not isinstance(statement, ast.FunctionDef | ast.ClassDef)
        for node in ast.walk(statement)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }  # fmt: skip
    return defined & called


def rerun_import_time(modules: list[str]) -> None:
    """Run each survivor of a function called on import again alone, in a fresh process (the
    mutant on while its module is imported), against the tests of every function of its module."""
    reruns = _reruns()
    stats = json.loads((ROOT / "mutants" / "mutmut-stats.json").read_text(encoding="utf-8"))
    tests_by_function = stats["tests_by_mangled_function_name"]
    for module in modules:
        prefixes = tuple(f"vasteaika.{module}.x_{f}__mutmut_" for f in import_time_functions(module))
        pending = [(n, c) for n, c in sorted(_results(module).items())
                   if c == 0 and n.startswith(prefixes) and n not in reruns]  # fmt: skip
        if not pending:
            continue
        tests = sorted({t for f, ts in tests_by_function.items() if f.startswith(f"vasteaika.{module}.")
                        for t in ts})  # fmt: skip
        print(f"\nmutation.py: {len(pending)} survivors of functions {module} calls on import,"
              " each run again alone in a fresh process")  # fmt: skip
        for name, code in pending:
            status, seconds = _run_alone(name, tests, timeout=None)
            print(f"  {status:<9} {seconds:>7.1f} s  {name}")
            reruns[name] = {"status": status, "seconds": seconds, "code": code, "fresh": True}
            _rerun_path().write_text(json.dumps(reruns, indent=1, sort_keys=True), encoding="utf-8")


def _run_alone(name: str, tests: list[str], timeout: float | None) -> tuple[str, float]:
    """One mutant against ``tests`` in a fresh process, as mutmut runs it (in ``mutants/``, the
    mutant chosen by ``MUTANT_UNDER_TEST``): its status and the seconds it took."""
    from mutmut.stats import status_by_exit_code

    mutmut = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    sources = os.pathsep.join(str(ROOT / "mutants" / p) for p in ("src", "."))
    command = [sys.executable, "-m", "pytest", "--rootdir=.", "--tb=no", "-x", "-q",
               "-p", "no:randomly", "-p", "no:random-order", *tests,
               *mutmut.get("pytest_add_cli_args", [])]  # fmt: skip
    env = {**os.environ, **PYTEST_ENV, "MUTANT_UNDER_TEST": name, "PYTHONPATH": sources}
    started = time.monotonic()
    try:
        done = subprocess.run(command, cwd=ROOT / "mutants", env=env, capture_output=True,
                              timeout=timeout, check=False)  # fmt: skip
        status = {0: "survived", 1: "killed"}.get(done.returncode, status_by_exit_code[done.returncode])
    except subprocess.TimeoutExpired:
        status = "timeout"
    return status, round(time.monotonic() - started, 1)


def run_mutmut(
    modules: list[str], max_children: int | None, survivors: bool, unrun: bool, remap: bool,
    mutmut_runner: bool = False,
) -> int:
    """Every mutant of ``modules`` afresh; or only those that survived last time (``survivors``:
    after new tests, that is all that can change) and/or those an interrupted run left unrun.
    Then the mutants that timed out are run again alone."""
    if survivors or unrun:
        scores = read_scores(modules)
        names = [n.split()[0] for s in scores for n in s.survivors] if survivors else []
        names += [n for s in scores for n in s.unrun] if unrun else []
        if not names:
            rerun_timeouts(modules)
            rerun_import_time(modules)
            return 0
    else:
        names = to_run(modules)
    if remap:  # mutmut maps new tests itself, not an old test changed to reach more code
        (ROOT / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    command = [sys.executable, "-m", "mutmut", "run", *names] if mutmut_runner else [
        sys.executable, str(ROOT / "benchmarks" / "mutation_runner.py"), *names]
    if max_children:
        command += ["--max-children", str(max_children)]
    _forget_reruns(names)
    code = subprocess.run(command, cwd=ROOT, env={**os.environ, **PYTEST_ENV}, check=False).returncode
    if code in (0, 1):
        rerun_timeouts(modules)
        rerun_import_time(modules)
    return code


# mutmut's first steps (as `mutmut run` takes them): the sources and tests copied to mutants/
# and every module's mutants written there, with their names in each module's .meta file.
_GENERATE = """
import os
from mutmut.__main__ import create_mutants
from mutmut.mutation.trampoline import set_mutant_under_test
from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir, setup_source_paths
set_mutant_under_test("mutant_generation")
os.makedirs("mutants", exist_ok=True)
copy_src_dir()
copy_also_copy_files()
setup_source_paths()
create_mutants(os.cpu_count() or 1)
"""


def to_run(modules: list[str]) -> list[str]:
    """What mutmut is asked to run in a whole run: every mutant of ``modules`` but those known
    to be equivalent before they run (``known_equivalent``). A survivor runs every test of its
    function, a few seconds each; an equivalent one always survives, so running it again
    tells nothing. The mutants are made first (mutmut then finds them made), so that their
    names are known; a function none of whose mutants is left out is named by a pattern."""
    subprocess.run([sys.executable, "-c", _GENERATE], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    skipped = known_equivalent(modules)
    # Those of the other modules stay: a run of some modules leaves the others' results as they were.
    prefixes = tuple(f"vasteaika.{module}." for module in modules)
    kept = {name: why for name, why in _skipped().items() if not name.startswith(prefixes)}
    _skipped_path().write_text(json.dumps(kept | skipped, indent=1, sort_keys=True), encoding="utf-8")
    patterns: list[str] = []  # first: mutmut tries a name against each pattern in turn
    names: list[str] = []
    for module in modules:
        by_function: dict[str, list[str]] = {}
        for name in _results(module):
            by_function.setdefault(name.partition("__mutmut_")[0], []).append(name)
        for function, mutants in sorted(by_function.items()):
            kept = [n for n in mutants if n not in skipped]
            if len(kept) == len(mutants):
                patterns.append(f"{function}__mutmut_*")
            else:
                names += kept
    print(f"mutation.py: {len(skipped)} mutants known to be equivalent are not run"
          f" (judged, or equivalent from the code alone; listed with their reasons below)")  # fmt: skip
    return patterns + names


def known_equivalent(modules: list[str]) -> dict[str, str]:
    """The mutants of ``modules`` that ``equivalence`` tells equivalent from their code: judged
    ones (while they change the judged line) and those that change only what nothing reads.
    Only the likely ones are looked at closely: a judged name, or a mutant that differs from
    its original in letter case alone or where ``ensure_ascii`` is."""
    found: dict[str, str] = {}
    for module in modules:
        functions = _functions(module)
        dumps: dict[str, str] = {}
        for name in _results(module):
            function = name.rpartition(".")[2]
            original = function.split("__mutmut_")[0] + "__mutmut_orig"
            if function not in functions or original not in functions:
                continue
            before = _lower_dump(functions, original, dumps)
            likely = (name in JUDGED or "ensure_ascii" in before
                      or _lower_dump(functions, function, dumps) == before)  # fmt: skip
            why = equivalence(name, functions) if likely else None
            if why:
                found[name] = why
    return found


def _lower_dump(functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef], name: str,
                dumps: dict[str, str]) -> str:  # fmt: skip
    """The function's body as ``ast.dump`` writes it, in lower case (kept in ``dumps``)."""
    if name not in dumps:
        dumps[name] = ast.dump(ast.Module(body=functions[name].body, type_ignores=[])).lower()
    return dumps[name]


def _skipped_path() -> Path:
    return ROOT / "mutants" / "known-equivalent.json"


def _skipped() -> dict[str, str]:
    """The mutants the last whole run left out as equivalent: name → why."""
    try:
        data: dict[str, str] = json.loads(_skipped_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data


def _forget_reruns(names: list[str]) -> None:
    """The verdicts of runs alone of the mutants mutmut is about to run again are void."""
    reruns = _reruns()
    kept = {k: v for k, v in reruns.items() if not any(fnmatch.fnmatchcase(k, n) for n in names)}
    if len(kept) != len(reruns):
        _rerun_path().write_text(json.dumps(kept, indent=1, sort_keys=True), encoding="utf-8")


def show(name: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name.split()[0]],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.stdout


def report(scores: list[Score], diff: bool) -> None:
    """Per module: mutants run, killed (of them "timeout": hung even alone with a generous
    limit), survived (of them equivalent), the score (killed of all run), the score of the
    killable ones (equivalent survivors left out), and those not run yet."""
    print(f"\n{'module':<22}{'mutants':>8}{'killed':>8}{'timeout':>8}{'survived':>9}{'equiv.':>7}"
          f"{'score':>8}{'killable':>10}{'unrun':>7}{'mutant s':>10}")  # fmt: skip
    for s in scores:
        unrun = sum(n for status, n in s.statuses.items() if status in NOT_COUNTED)
        print(f"{s.module:<22}{s.total:>8}{s.killed:>8}{s.timeouts:>8}{s.total - s.killed:>9}"
              f"{len(s.equivalent):>7}{s.percent:>7.1f}%{s.percent_of_killable:>9.1f}%{unrun:>7}"
              f"{s.seconds:>10.0f}")  # fmt: skip
    total = sum(s.total for s in scores)
    killed = sum(s.killed for s in scores)
    timeouts = sum(s.timeouts for s in scores)
    equivalent = sum(len(s.equivalent) for s in scores)
    print(f"{'all':<22}{total:>8}{killed:>8}{timeouts:>8}{total - killed:>9}{equivalent:>7}"
          f"{100 * killed / max(total, 1):>7.1f}%{100 * killed / max(total - equivalent, 1):>9.1f}%"
          f"{'':>7}{sum(s.seconds for s in scores):>10.0f}")  # fmt: skip
    print(f"({timeouts} of the {killed} killed are timeouts: mutants that hung even when run again"
          " alone with a generous limit; \"mutant s\": the wall time of a module's mutants, each"
          " as mutmut measured it, summed — they run in parallel)")  # fmt: skip
    reruns = _reruns()
    for s in scores:
        hung = [n for n, r in reruns.items() if r["status"] == "timeout" and n.startswith(f"vasteaika.{s.module}.")]
        if hung:
            print(f"\n== mutants of {s.module} that hang (counted as killed) ==")
            print("\n".join(sorted(hung)))
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
    parser.add_argument("--mutmut-runner", action="store_true",
                        help="run the mutants with `mutmut run` itself (each child a whole pytest"
                        " start) instead of mutation_runner.py (tests collected once)")  # fmt: skip
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
    clock = Clock.start()
    if not args.report_only:
        code = run_mutmut(modules, args.max_children, args.survivors, args.unrun, args.remap,
                          args.mutmut_runner)
        if code not in (0, 1):  # mutmut exits 1 when a mutant survived
            print(f"mutation.py: mutmut failed with exit code {code}")
            return code
    scores = read_scores(modules)
    report(scores, args.diff)
    if not args.report_only:
        print(clock.summary(sum(s.total for s in scores)))
    return 0


@dataclass
class Clock:
    """The whole command's wall time and the CPU time of everything it ran (mutmut, its
    children, the re-runs), so that a run on a busy machine still tells what a quiet one
    would take: CPU seconds do not grow with the load, wall seconds do."""

    wall: float
    cpu: float
    load: float

    @staticmethod
    def start() -> Clock:
        return Clock(time.monotonic(), _children_cpu(), os.getloadavg()[0])

    def summary(self, mutants: int) -> str:
        wall, cpu = time.monotonic() - self.wall, _children_cpu() - self.cpu
        cores = os.cpu_count() or 1
        rate = mutants / cpu if cpu else 0.0
        return (f"\nwall time {wall:.0f} s ({wall / 60:.1f} min) for {mutants} mutants, load"
                f" {self.load:.1f} at the start and {os.getloadavg()[0]:.1f} at the end"
                f" (uptime's 1-minute average, {cores} cores)\n"
                f"CPU time {cpu:.0f} s (mutmut, its tests and re-runs): {rate:.2f} mutants per"
                f" CPU second, one core; on {cores} idle cores about {cpu / cores / 60:.1f} min")  # fmt: skip


def _children_cpu() -> float:
    """User and system CPU seconds of the child processes ended so far, their children too."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sys.exit(main())
