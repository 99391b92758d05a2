#!/bin/sh
# Install everything (Dovecot included) and run the whole test suite, ruff and mypy.
# This is what CI runs (.ci/run). Needs root (or sudo) for apt on a fresh Debian machine.
set -eu
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
# Real servers and tools the tests drive: Dovecot (IMAP), dbus-daemon (desktop notifications),
# cron (the crontab installer), Chromium (the HTML report), openssl (test certificates),
# isync (mbsync: a Maildir synced from Dovecot), systemd (systemd-analyze checks the timers),
# xandikos (a second CalDAV server).
PACKAGES="dovecot-imapd openssl dbus cron chromium isync procmail systemd python3-venv xandikos"
missing=""
for p in $PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "== apt-get install$missing =="
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# Debian starts the system Dovecot on install; the tests run their own on free ports.
$SUDO systemctl stop dovecot 2>/dev/null || $SUDO service dovecot stop 2>/dev/null || true
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
echo "== ruff =="
.venv/bin/ruff check src tests benchmarks
echo "== mypy =="
.venv/bin/mypy
echo "== import contracts (lint-imports) =="
.venv/bin/lint-imports --no-cache
echo "== pytest =="
export VASTEAIKA_REQUIRE_PROCMAIL=1 VASTEAIKA_REQUIRE_DOVECOT=1 VASTEAIKA_REQUIRE_DBUS=1 VASTEAIKA_REQUIRE_CRON=1 VASTEAIKA_REQUIRE_CHROMIUM=1 VASTEAIKA_REQUIRE_MBSYNC=1
export VASTEAIKA_REQUIRE_CALDAV=1
.venv/bin/python -m pytest -q -p no:cacheprovider --cov=vasteaika --cov-branch --cov-report= "$@"
# Branch coverage as a figure, not a gate: the modules that decide what is sent, counted or
# reminded (the ones benchmarks/mutation.py mutates), then the whole package.
echo "== coverage with branches (coverage.py: statements and branches run; a figure, not a gate) =="
DECIDING="*/acks/decision.py,*/acks/outbox.py,*/acks/store.py,*/mail/classify.py,*/ledger/threads.py,*/ledger/conversations.py,*/ledger/sync.py,*/ledger/check.py,*/vasteaika/hours.py,*/reminders/store.py,*/reminders/callbacks.py,*/reminders/promises.py,*/reminders/promise_due.py,*/reminders/promise_times.py,*/ledger/joins.py,*/ledger/batch_view.py,*/ledger/batch_reach.py,*/ledger/batches.py,*/ledger/turns.py"
.venv/bin/python -m coverage report --include="$DECIDING"
.venv/bin/python -m coverage report | tail -n 1 | sed 's/^TOTAL/whole package/'
echo "== lowest direct versions: the dependency floors in pyproject.toml hold (unit tests) =="
rm -rf .venv-lowest
.venv/bin/uv venv -q -p python3 .venv-lowest
VIRTUAL_ENV=.venv-lowest .venv/bin/uv pip install -q --resolution lowest-direct -e '.[test]'
.venv-lowest/bin/python -m pytest -q -p no:cacheprovider -m "not dovecot" tests
