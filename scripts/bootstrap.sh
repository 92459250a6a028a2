#!/usr/bin/env bash
# Create .venv (if needed) and install ClaimDesk with its test tools into it.
# Idempotent: a second run only checks that everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
stamp=.venv/.claimdesk-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[test]"
    touch "$stamp"
fi

# System pieces Qt and the PDF report need (Debian); installed only when missing and root.
missing=()
# PDF reports carry Hangul as real text: they need a font with Korean glyphs.
fc-list :lang=ko family 2>/dev/null | grep -q . || missing+=(fonts-nanum)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
for lib in libxkbcommon.so.0 libEGL.so.1 libfontconfig.so.1; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || case "$lib" in
        libxkbcommon.so.0) missing+=(libxkbcommon0) ;;
        libEGL.so.1) missing+=(libegl1) ;;
        libfontconfig.so.1) missing+=(libfontconfig1) ;;
    esac
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing system packages: ${missing[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "Please install these system packages: ${missing[*]}" >&2
    fi
fi
