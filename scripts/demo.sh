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
# The example mailbox ends on Monday 23.11.2026 at 08:05 (examples/MAILBOX.md): the demo runs at
# that moment (--now). At a pretended time vasteaika reads and shows, but sends nothing.
NOW=2026-11-23T08:05
demo() { .venv-demo/bin/vasteaika --config examples/config.toml --now "$NOW" "$@"; }
echo "== vasteaika check: Monday 23.11.2026 08:05 — who waits, which acknowledgment would go =="
demo check
echo
echo "== vasteaika reminders: the call you promised for this afternoon =="
demo reminders
echo
echo "== vasteaika report: the four weeks before (26.10.–22.11.) =="
demo report --since 2026-10-26 --until 2026-11-22
echo
echo "== vasteaika customer laaksonen: one customer, all in one place =="
demo customer laaksonen
