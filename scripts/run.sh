#!/usr/bin/env bash
# Install what is needed, then open ClaimDesk (the sample workspace on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/claimdesk "$@"
