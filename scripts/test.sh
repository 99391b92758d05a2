#!/bin/sh
# Install everything (Dovecot included) and run the whole test suite, ruff and mypy.
# This is what CI runs (.ci/run). Needs root (or sudo) for apt on a fresh Debian machine.
set -eu
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! [ -x /usr/sbin/dovecot ] || ! python3 -c 'import ensurepip' 2>/dev/null; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq dovecot-imapd openssl python3-venv >/dev/null
fi
# Debian starts the system Dovecot on install; the tests run their own on free ports.
$SUDO systemctl stop dovecot 2>/dev/null || $SUDO service dovecot stop 2>/dev/null || true
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
echo "== ruff =="
.venv/bin/ruff check src tests benchmarks
echo "== mypy =="
.venv/bin/mypy
echo "== pytest =="
VASTEAIKA_REQUIRE_DOVECOT=1 .venv/bin/python -m pytest -q "$@"
