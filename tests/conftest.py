"""Shared pytest fixtures. Each section belongs to one part of the suite; keep them apart."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

# ======================================================================================
# Dovecot: a real IMAP server on 127.0.0.1 (see tests/dovecot.py)
# ======================================================================================
from dovecot import DOVECOT, DovecotFactory, DovecotServer, make_certificate

REQUIRE_DOVECOT = os.environ.get("VASTEAIKA_REQUIRE_DOVECOT") == "1"


def _require_dovecot() -> None:
    """Skip when Dovecot or openssl is missing, but fail when VASTEAIKA_REQUIRE_DOVECOT=1
    (CI installs them, so a missing one there is a broken setup, not a reason to skip)."""
    missing = [
        name
        for name, present in (
            (str(DOVECOT), DOVECOT.exists()),
            ("openssl", shutil.which("openssl") is not None),
        )
        if not present
    ]
    if not missing:
        return
    reason = f"{', '.join(missing)} missing (apt-get install dovecot-imapd openssl)"
    if REQUIRE_DOVECOT:
        pytest.fail(f"VASTEAIKA_REQUIRE_DOVECOT=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def dovecot_certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(cert.pem, key.pem): one self-signed certificate for localhost/127.0.0.1 per session."""
    _require_dovecot()
    return make_certificate(tmp_path_factory.mktemp("cert"))


@pytest.fixture
def dovecot_factory(
    tmp_path_factory: pytest.TempPathFactory, dovecot_certificate: tuple[Path, Path]
) -> Iterator[DovecotFactory]:
    """``make(tls=True, certificate=None, special_use={"Sent": "\\\\Sent"}, start=True)``
    → a fresh DovecotServer with an empty mailbox; every server made is killed at teardown.
    ``certificate`` is a (cert, key) pair to use instead of the session's one."""
    servers: list[DovecotServer] = []

    def make(
        *,
        tls: bool = True,
        certificate: tuple[Path, Path] | None = None,
        special_use: dict[str, str] | None = None,
        start: bool = True,
    ) -> DovecotServer:
        cert, key = (certificate or dovecot_certificate) if tls else (None, None)
        # A short path: Dovecot's unix sockets live under it and must stay < 108 bytes.
        server = DovecotServer(root=tmp_path_factory.mktemp("dv"), cert=cert, key=key)
        if special_use is not None:
            server.special_use = dict(special_use)
        servers.append(server)
        if start:
            server.start()
        return server

    yield make
    for server in servers:
        # SIGKILL to the server's own process group: instant, and nothing outlives it. A
        # graceful stop() costs ~2.5 s per server (the master waits for its children).
        server.kill()


@pytest.fixture
def dovecot(dovecot_factory: DovecotFactory) -> DovecotServer:
    """A running Dovecot with TLS (STARTTLS on ``imap_port``, IMAPS on ``imaps_port``)."""
    return dovecot_factory()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that starts a Dovecot carries the ``dovecot`` mark, so ``-m "not dovecot"``
    (the mutation run, benchmarks/mutation.py) leaves out all of them, not only the marked."""
    for item in items:
        if "dovecot_factory" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.dovecot)
    _fastest_first_under_mutmut(items)


def _fastest_first_under_mutmut(items: list[pytest.Item]) -> None:
    """When mutmut runs a mutant's tests (benchmarks/mutation.py), those likeliest to fail
    first, since it stops at the first failure: the tests that killed another mutant of the
    same function (mutmut runs a function's mutants one after another, and they mostly die
    by the same test), then the rest fastest first, so that a killed mutant costs one test
    that kills it, not the slowest (a property test takes seconds). Only the order changes:
    a survivor still runs every test. mutmut 3.8's forking runner hands the tests over
    fastest first already; this holds for mutation.py's runs of one mutant alone too."""
    function = _mutated_function()
    if function is None:
        return
    durations = _mutmut_durations()
    killers = set(_killers(function))
    items.sort(key=lambda item: (item.nodeid not in killers, durations.get(item.nodeid, 0.0)))


def _mutated_function() -> str | None:
    """The function whose mutant mutmut runs (``MUTANT_UNDER_TEST``), None outside mutmut."""
    function, mark, _ = os.environ.get("MUTANT_UNDER_TEST", "").partition("__mutmut_")
    return function if mark else None


# Under mutmut (its working directory, mutants/): the tests that killed a function's mutants.
KILLERS = Path("mutmut-killers")


def _killers(function: str) -> list[str]:
    try:
        return (KILLERS / f"{function}.txt").read_text("utf-8").splitlines()
    except OSError:
        return []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Under mutmut, a failing test killed the mutant: noted for its function's next mutants."""
    function = _mutated_function()
    if function is None or not report.failed or report.nodeid in _killers(function):
        return
    KILLERS.mkdir(exist_ok=True)
    with (KILLERS / f"{function}.txt").open("a", encoding="utf-8") as killers:
        killers.write(report.nodeid + "\n")


def _mutmut_durations() -> Mapping[str, float]:
    """The durations mutmut measured: those its process holds (a forked child inherits them),
    else those in mutants/mutmut-stats.json (its working directory). Parsing that file (4 MB)
    in every forked child cost 0.02-0.04 s of CPU a mutant, a tenth of a cheap killed one's."""
    try:
        from mutmut.state import state
    except ImportError:
        pass
    else:
        if state().duration_by_test:
            return state().duration_by_test
    try:
        durations: dict[str, float] = json.loads(
            Path("mutmut-stats.json").read_text("utf-8")
        )["duration_by_test"]
    except (OSError, ValueError, KeyError):
        return {}
    return durations


# ======================================================================================


# ======================================================================================
# CalDAV: real Radicale and Xandikos servers on 127.0.0.1 (see tests/caldav_servers.py)
# ======================================================================================
from caldav_servers import CalDavServer, radicale_available, xandikos_available  # noqa: E402

REQUIRE_CALDAV = os.environ.get("VASTEAIKA_REQUIRE_CALDAV") == "1"


def _require_caldav(kind: str) -> None:
    """Skip when the server is missing, but fail when VASTEAIKA_REQUIRE_CALDAV=1."""
    present = radicale_available() if kind == "radicale" else xandikos_available()
    if present:
        return
    reason = ("radicale missing (pip install -e '.[test]')" if kind == "radicale"
              else "xandikos missing (apt-get install xandikos)")  # fmt: skip
    if REQUIRE_CALDAV:
        pytest.fail(f"VASTEAIKA_REQUIRE_CALDAV=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(params=["radicale", "xandikos"])
def caldav_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CalDavServer]:
    """A running CalDAV server with one empty calendar, killed by its PID at teardown."""
    _require_caldav(request.param)
    server = CalDavServer(request.param, tmp_path_factory.mktemp(request.param[:3]))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def tls_caldav_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CalDavServer]:
    """Radicale over TLS with its own self-signed certificate (``server.certificate[0]``)."""
    from dovecot import make_certificate

    _require_caldav("radicale")
    root = tmp_path_factory.mktemp("rad-tls")
    server = CalDavServer("radicale", root, certificate=make_certificate(root / "tls"))
    server.start()
    yield server
    server.stop()


# ======================================================================================
# Ledger: an owner's config on tmp_path and its SQLite ledger (see tests/ledger_fixture.py)
# ======================================================================================
from ledger_fixture import config, store  # noqa: E402, F401

# ======================================================================================
# SMTP: a real aiosmtpd server on 127.0.0.1 in its own process (see tests/smtp_fixture.py)
# ======================================================================================
from smtp_fixture import smtp_server, smtp_server_factory  # noqa: E402, F401
