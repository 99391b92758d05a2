"""CPU seconds per mutant on a fixed sample, run the way mutmut 3.8.1 runs them (issue 19).

The whole mutation run (benchmarks/mutation.py) takes tens of minutes; to tell whether a change
to the tests makes a mutant cheaper, this runs a fixed sample of mutants instead and prints the
CPU time their forked children took (user + system, which the load of a busy machine does not
change the way it changes wall time). Needs the ``mutants/`` tree and its ``mutmut-stats.json``
of an earlier run (``benchmarks/mutation.py``, even interrupted once its mutants are running):

    .venv/bin/python benchmarks/mutant_cpu.py                    # every 80th mutant of all modules
    .venv/bin/python benchmarks/mutant_cpu.py --every 20 hours    # every 20th of one module
    .venv/bin/python benchmarks/mutant_cpu.py --every 1 --part 0:100 ledger.check  # 100 in a row
    .venv/bin/python benchmarks/mutant_cpu.py --json before.json  # and each mutant's verdict
    .venv/bin/python benchmarks/mutant_cpu.py --profile prof.out  # cProfile of the children

As mutmut does: the tests of the sample run once in this process (so the children inherit the
imported test modules), the garbage collector is frozen, and each mutant runs in a forked child
(``MUTANT_UNDER_TEST``), its tests ordered by the durations mutmut measured, ``-x``. The tests
are copied to ``mutants/tests`` first, as ``mutmut run`` copies them, so that the tests being
measured are the working tree's. Compare two versions of the tests with ``--json`` files: the
verdicts (killed or survived) must be the same, only the CPU seconds may differ.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from mutation import MODULES, PYTEST_ENV, _results  # noqa: E402


def sample(modules: list[str], every: int, part: slice) -> list[str]:
    """Every ``every``-th mutant of ``modules`` in name order, of those in ``part``: the same
    sample each time."""
    names = sorted(name for module in modules for name in _results(module))
    return names[part][::every]


def copy_working_tree() -> None:
    """The working tree's tests, and its modules that mutmut does not mutate, into ``mutants/``
    (as ``mutmut run`` copies them), so that what is measured is the working tree."""
    shutil.copytree(ROOT / "tests", ROOT / "mutants" / "tests", dirs_exist_ok=True)
    for source in (ROOT / "src").rglob("*.py"):
        target = ROOT / "mutants" / source.relative_to(ROOT)
        if not target.with_name(target.name + ".meta").exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def _child(name: str, tests: list[str], profile: Path | None) -> None:
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.runners.harness import PytestRunner
    from mutmut.state import state

    set_mutant_under_test(name)
    ordered = sorted(tests, key=lambda test: state().duration_by_test[test])
    resource.setrlimit(resource.RLIMIT_CPU, (120, 121))
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    if profile is None:
        os._exit(PytestRunner().run_tests(mutant_name=name, tests=ordered))
    import cProfile

    profiler = cProfile.Profile()
    code = profiler.runcall(PytestRunner().run_tests, mutant_name=name, tests=ordered)
    profiler.dump_stats(f"{profile}.{os.getpid()}")
    os._exit(code)


def run(names: list[str], profile: Path | None) -> list[tuple[str, int, float]]:
    """Each mutant in a forked child: (name, exit code, CPU seconds of the child)."""
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.runners.harness import PytestRunner
    from mutmut.state import state
    from mutmut.utils.format_utils import mangled_name_from_mutant_name

    tests_of = {
        name: sorted(state().tests_by_mangled_function_name.get(mangled_name_from_mutant_name(name), ()))
        for name in names
    }
    warm = sorted({test for tests in tests_of.values() for test in tests})
    set_mutant_under_test("")
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    try:
        code = PytestRunner().run_tests(mutant_name=None, tests=warm)
    finally:
        sys.stdout, sys.stderr = stdout, stderr
    if code != 0:
        raise SystemExit(f"mutant_cpu.py: the clean tests failed (exit code {code})")
    gc.freeze()
    results = []
    for name in names:
        if not tests_of[name]:
            continue
        pid = os.fork()
        if pid == 0:
            _child(name, tests_of[name], profile)
        _, status, usage = os.wait4(pid, 0)
        results.append((name, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"a subset of: {' '.join(MODULES)}")
    parser.add_argument("--every", type=int, default=80, help="every n-th mutant (default 80)")
    parser.add_argument("--part", default=":", metavar="FROM:TO",
                        help="only the mutants FROM:TO in name order (a function's mutants are"
                        " neighbours), before --every")  # fmt: skip
    parser.add_argument("--json", type=Path, help="write each mutant's verdict and CPU seconds")
    parser.add_argument("--profile", type=Path, help="cProfile each child to PROFILE.<pid>")
    parser.add_argument("--mutant", action="append", default=[], help="this mutant (repeatable)")
    parser.add_argument("--no-copy", action="store_true", help="leave mutants/tests as it is")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    os.environ.update(PYTEST_ENV)  # as mutation.py runs mutmut
    if not args.no_copy:
        copy_working_tree()
    from mutmut.stats import load_stats
    from mutmut.utils.file_utils import setup_source_paths

    setup_source_paths()
    if not load_stats():
        print("mutant_cpu.py: no mutants/mutmut-stats.json — run benchmarks/mutation.py first")
        return 2
    start, _, stop = args.part.partition(":")
    part = slice(int(start) if start else None, int(stop) if stop else None)
    names = args.mutant or sample(list(args.modules or MODULES), args.every, part)
    # What the tests noted of earlier mutants (tests/conftest.py), so that each run starts alike.
    shutil.rmtree(ROOT / "mutants" / "mutmut-killers", ignore_errors=True)
    started = time.monotonic()
    results = run(names, args.profile)
    wall = time.monotonic() - started
    cpu = sum(seconds for _, _, seconds in results)
    killed = sum(1 for _, code, _ in results if code != 0)
    print(f"{len(results)} mutants: {killed} killed, {len(results) - killed} survived;"
          f" CPU {cpu:.1f} s ({cpu / max(len(results), 1):.3f} s a mutant), wall {wall:.0f} s,"
          f" load {os.getloadavg()[0]:.1f}")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
