#!/bin/sh
# Install vasteaika into .venv-demo (apart from the development .venv) and run it on the bundled example mailbox (examples/mailbox).
# Needs only Python 3.11+ (and apt, to add python3-venv where Debian lacks it).
set -eu
cd "$(dirname "$0")/.."
if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
  echo "Installing python3-venv with apt…"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv
fi
[ -x .venv-demo/bin/python ] || python3 -m venv .venv-demo
.venv-demo/bin/python -m pip install -q --disable-pip-version-check .
rm -rf demo-state
echo "== vasteaika check (reads the example mailbox into demo-state/vasteaika.db) =="
.venv-demo/bin/vasteaika --config examples/config.toml check
echo
echo "== vasteaika report (the four weeks of the example mailbox) =="
.venv-demo/bin/vasteaika --config examples/config.toml report --since 2026-10-26 --until 2026-11-22
