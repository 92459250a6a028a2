#!/usr/bin/env bash
# Refresh requirements.lock: install ClaimDesk with its test tools into a fresh
# virtual environment, newest versions allowed by pyproject.toml, then record
# what was installed.  Run the whole test suite afterwards before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PY" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --upgrade pip
"$tmp/venv/bin/python" -m pip install --quiet ".[test]"
{
    echo "# Tested versions of every package ClaimDesk and its tests install (Python 3.11)."
    echo "# scripts/bootstrap.sh installs with these as constraints; refresh with: bash scripts/lock.sh"
    "$tmp/venv/bin/python" -m pip freeze --exclude-editable | grep -v -i '^claimdesk'
} > requirements.lock
echo "requirements.lock written; run bash scripts/test.sh before committing it."
