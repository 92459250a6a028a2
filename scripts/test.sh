#!/usr/bin/env bash
# Install what is needed, then run the whole test suite (GUI tests run offscreen).
# PostgreSQL tests use CLAIMDESK_TEST_PG_URL, defaulting to the local server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
export CLAIMDESK_TEST_PG_URL=${CLAIMDESK_TEST_PG_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/postgres}
.venv/bin/ruff check db desktop tests
# db/ is fully typed: the settings are in pyproject.toml ([tool.mypy]).
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
