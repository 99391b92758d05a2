"""mutmut's mutants run against tests collected once (issue 19), for benchmarks/mutation.py.

``mutmut run`` forks a child per mutant, and each child starts a whole ``pytest.main``: it reads
the configuration, loads the plugins and conftest, and collects every test file it names anew,
0.3-0.5 s of CPU before the first test runs — most of what a killed mutant costs. This runner
takes mutmut's own steps up to the mutants (the mutants made, the tests mapped to the functions
they run, the clean tests and the forced failure, all mutmut's code), then starts one pytest
session that collects the selected tests once and, instead of running them, forks a child per
mutant from inside that session. The child switches its mutant on (``MUTANT_UNDER_TEST``, as
mutmut's children do) and runs only that mutant's tests with pytest's own per-test protocol
(``runtestprotocol``: fixtures, setup, call and teardown as in any run), in mutmut's order
(fastest first; tests/conftest.py's killers of the same function before them), stopping at the
first failure: exit 1 is killed, 0 survived. mutmut's limits hold: the same CPU limit
(``RLIMIT_CPU``) and wall limit (SIGXCPU), so a hanging mutant is a "timeout" as under mutmut.
Each verdict and duration goes into mutmut's own ``.meta`` files, where mutation.py reads them.

Each child gets its own pytest ``tmp_path`` root, removed when it ends, so that 7,000 mutants
do not leave their test directories behind.

    .venv/bin/python benchmarks/mutation_runner.py 'vasteaika.hours.x_*' --max-children 2

Only for mutation.py (it names the mutants: names or fnmatch patterns, as ``mutmut run``).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import math
import os
import resource
import selectors
import shutil
import signal
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KILLERS = Path("mutmut-killers")  # under mutants/: as tests/conftest.py keeps them


@dataclass
class Job:
    """A mutant to run: its name, its module's mutation data, its tests and their limits."""

    name: str
    data: Any  # mutmut's SourceFileMutationData of its module
    tests: list[str]
    cpu_limit: int
    wall_limit: float


@dataclass
class Running:
    job: Job
    pid: int
    pidfd: int
    started: float
    tmp: Path
    signalled: int = 0  # SIGXCPU sent at the wall limit, then SIGKILL 5 s on

    @property
    def deadline(self) -> float:
        return self.started + self.job.wall_limit + 5 * self.signalled


@dataclass
class Tally:
    done: int = 0
    killed: int = 0
    cpu: float = 0.0  # user + system seconds of the children ended so far
    cpu_by_mutant: dict[str, float] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def line(self, total: int) -> str:
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        return (f"  {self.done}/{total} mutants run, {self.killed} killed ({rate:.1f} a second;"
                f" CPU {self.cpu:.0f} s, {self.cpu / max(self.done, 1):.3f} s a mutant)")  # fmt: skip


def prepare(names: list[str], max_children: int) -> list[Job]:
    """mutmut's steps before its mutants run, with mutmut's own code: the mutants made, the
    tests mapped (or the map loaded), the clean tests passing and the forced failure failing.
    Then the jobs, fastest first, as mutmut orders them."""
    from mutmut.__main__ import (
        _check_test_to_mutant_associations,
        collect_or_load_stats,
        collect_source_file_mutation_data,
        create_mutants,
        estimated_worst_case_time,
        run_forced_fail_test,
        store_lines_covered_by_tests,
        tests_for_mutant_names,
    )
    from mutmut.configuration import config
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.state import state
    from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir, setup_source_paths
    from mutmut.utils.format_utils import mangled_name_from_mutant_name
    from mutmut.workers.isolation import get_mutant_runner

    set_mutant_under_test("mutant_generation")
    Path("mutants").mkdir(exist_ok=True)
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    store_lines_covered_by_tests()
    create_mutants(max_children)
    runner = get_mutant_runner(max_children)
    collect_or_load_stats(runner, mutants_caught_by_type_checker={}, apply_config_invalidation=True)
    mutants, by_path = collect_source_file_mutation_data(mutant_names=names)
    _check_test_to_mutant_associations(by_path)
    set_mutant_under_test("")
    if runner.run_clean_tests(tests=tests_for_mutant_names(names)) != 0:
        raise SystemExit("mutation_runner.py: the tests fail without any mutant")
    run_forced_fail_test(runner)
    cfg = config()
    jobs = []
    for data, key, _ in sorted(mutants, key=lambda m: estimated_worst_case_time(m[1])):
        name = key.replace("__init__.", "")
        tests = state().tests_by_mangled_function_name.get(mangled_name_from_mutant_name(name), set())
        estimate = sum(state().duration_by_test[t] for t in tests)
        data.estimated_time_of_tests_by_mutant[name] = estimate
        cpu_limit = math.ceil((estimate + cfg.timeout_constant) * cfg.timeout_multiplier * 2)
        wall_limit = (estimate + cfg.timeout_constant) * cfg.timeout_multiplier
        jobs.append(Job(name, data, sorted(tests, key=state().duration_by_test.__getitem__),
                        cpu_limit, wall_limit))  # fmt: skip
    return jobs


class MutantLoop:
    """A pytest plugin: after collection, the mutants run in forked children instead of the
    session's tests (``pytest_runtestloop`` returns True: the loop is done)."""

    def __init__(self, jobs: list[Job], max_children: int, tmp_root: Path) -> None:
        self.jobs, self.max_children, self.tmp_root = jobs, max_children, tmp_root
        self.tally = Tally()
        self.failed: str | None = None

    def pytest_runtestloop(self, session: Any) -> bool:
        if session.testsfailed:  # a test file that does not even import
            self.failed = f"{session.testsfailed} errors while collecting the tests"
            return True
        items = {item.nodeid: item for item in session.items}
        lost = {t for job in self.jobs for t in job.tests} - items.keys()
        if lost:  # mapped by mutmut but not collected here: their mutants would run fewer tests
            self.failed = f"{len(lost)} mapped tests not collected, e.g. {sorted(lost)[0]}"
            return True
        running: dict[int, Running] = {}
        pending = list(reversed(self.jobs))
        selector = selectors.DefaultSelector()
        gc.freeze()  # the children inherit a heap they need not walk (as mutmut does)
        try:
            while pending or running:
                while pending and len(running) < self.max_children:
                    self._start(pending.pop(), items, running, selector)
                self._reap(running, selector)
        except KeyboardInterrupt:
            for run in running.values():
                os.kill(run.pid, signal.SIGTERM)
            self.failed = "interrupted"
        finally:
            gc.unfreeze()
            for data in {id(j.data): j.data for j in self.jobs}.values():
                _save(data)
        print(self.tally.line(len(self.jobs)), flush=True)
        Path("runner-cpu.json").write_text(json.dumps(self.tally.cpu_by_mutant, indent=0), "utf-8")
        return True

    def _start(self, job: Job, items: dict[str, Any], running: dict[int, Running],
               selector: selectors.BaseSelector) -> None:  # fmt: skip
        chosen = [items[t] for t in job.tests if t in items]
        if not chosen:  # no fast test runs its function: mutmut's "no tests"
            self._record(job, 33, 0.0)
            return
        tmp = Path(tempfile.mkdtemp(prefix="m", dir=self.tmp_root))
        pid = os.fork()
        if pid == 0:
            _child(job, chosen, tmp)
        pidfd = os.pidfd_open(pid)
        selector.register(pidfd, selectors.EVENT_READ, pid)
        running[pid] = Running(job, pid, pidfd, time.monotonic(), tmp)

    def _reap(self, running: dict[int, Running], selector: selectors.BaseSelector) -> None:
        """Wait for a child to end (or the nearest wall limit: SIGXCPU, as mutmut sends)."""
        now = time.monotonic()
        deadline = min(r.deadline for r in running.values())
        for key, _ in selector.select(timeout=max(0.0, deadline - now)):
            run = running.pop(key.data)
            selector.unregister(run.pidfd)
            os.close(run.pidfd)
            _, status, usage = os.wait4(run.pid, 0)
            self.tally.cpu += usage.ru_utime + usage.ru_stime
            self.tally.cpu_by_mutant[run.job.name] = round(usage.ru_utime + usage.ru_stime, 3)
            self._record(run.job, os.waitstatus_to_exitcode(status), time.monotonic() - run.started)
            shutil.rmtree(run.tmp, ignore_errors=True)
        now = time.monotonic()
        for run in running.values():
            if now >= run.deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(run.pid, signal.SIGKILL if run.signalled else signal.SIGXCPU)
                run.signalled += 1

    def _record(self, job: Job, code: int, seconds: float) -> None:
        job.data.exit_code_by_key[job.name] = code
        job.data.durations_by_key[job.name] = seconds
        self.tally.done += 1
        self.tally.killed += code not in (0, 33)
        if self.tally.done % 250 == 0:
            print(self.tally.line(len(self.jobs)), flush=True)
            _save(job.data)


def _save(data: Any) -> None:
    """mutmut's data saved where mutmut keeps it (its path is relative to the project)."""
    with contextlib.chdir(ROOT):
        data.save()


def _child(job: Job, items: list[Any], tmp: Path) -> None:
    """In the forked child: the mutant on, its tests run in order until one fails. Never
    returns (``os._exit``: the parent's session must not be finished here)."""
    code = 3
    try:
        from _pytest.runner import runtestprotocol
        from mutmut.mutation.trampoline import set_mutant_under_test

        set_mutant_under_test(job.name)
        limit = job.cpu_limit + int(time.process_time())
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 1))
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        items[0].config._tmp_path_factory._basetemp = tmp  # this child's own tmp_path root
        code = 0
        ordered = _killers_first(job.name, items)
        for i, item in enumerate(ordered):
            following = ordered[i + 1] if i + 1 < len(ordered) else None
            reports = runtestprotocol(item, nextitem=following, log=False)
            if any(report.failed for report in reports):
                _note_killer(job.name, item.nodeid)
                code = 1
                break
    finally:
        os._exit(code)


def _function(mutant: str) -> str:
    return mutant.partition("__mutmut_")[0]


def _killers_first(mutant: str, items: list[Any]) -> list[Any]:
    """The tests that killed another mutant of the same function first (tests/conftest.py
    keeps them), the rest in mutmut's order (fastest first)."""
    try:
        killers = set((KILLERS / f"{_function(mutant)}.txt").read_text("utf-8").splitlines())
    except OSError:
        return items
    return sorted(items, key=lambda item: item.nodeid not in killers)  # stable: fastest first


def _note_killer(mutant: str, nodeid: str) -> None:
    path = KILLERS / f"{_function(mutant)}.txt"
    try:
        if nodeid in path.read_text("utf-8").splitlines():
            return
    except OSError:
        pass
    KILLERS.mkdir(exist_ok=True)
    with path.open("a", encoding="utf-8") as killers:
        killers.write(nodeid + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+", help="mutant names or fnmatch patterns")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    jobs = prepare(args.names, args.max_children)
    print(f"mutation_runner.py: {len(jobs)} mutants, tests collected once,"
          f" {args.max_children} children at a time", flush=True)  # fmt: skip
    mutmut = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    import pytest

    tmp_root = Path(tempfile.mkdtemp(prefix="vasteaika-mutants-"))
    loop = MutantLoop(jobs, args.max_children, tmp_root)
    os.chdir(ROOT / "mutants")
    try:
        code = pytest.main(["--rootdir=.", "--tb=no", "-p", "no:randomly", "-p", "no:random-order",
                            *mutmut["pytest_add_cli_args_test_selection"],
                            *mutmut.get("pytest_add_cli_args", [])], plugins=[loop])  # fmt: skip
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)
    if loop.failed or code not in (0, 5):
        print(f"mutation_runner.py: stopped ({loop.failed or f'pytest exit code {int(code)}'})")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
