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
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ requirements.lock -nt "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    # The versions in requirements.lock are the tested ones (scripts/lock.sh refreshes it).
    .venv/bin/python -m pip install --quiet -c requirements.lock -e ".[test]"
    touch "$stamp"
fi

# System pieces Qt and the PDF report need (Debian); installed only when missing and root.
missing=()
# PDF reports carry Hangul as real text: they need a font with Korean glyphs.
# (Outputs are captured first: with pipefail, grep -q ending a pipe early would fail it.)
fonts_ko=$(fc-list :lang=ko family 2>/dev/null || true)
fonts_all=$(fc-list 2>/dev/null || true)
libs=$(ldconfig -p 2>/dev/null || true)
[ -n "$fonts_ko" ] || missing+=(fonts-nanum)
grep -qi dejavu <<<"$fonts_all" || missing+=(fonts-dejavu-core)
# Library → Debian package; the libxcb ones are what Qt's xcb plugin loads to open a window.
for pair in libxkbcommon.so.0:libxkbcommon0 libEGL.so.1:libegl1 \
    libfontconfig.so.1:libfontconfig1 libGL.so.1:libgl1 libX11-xcb.so.1:libx11-xcb1 \
    libxcb-cursor.so.0:libxcb-cursor0 libxkbcommon-x11.so.0:libxkbcommon-x11-0 \
    libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
    libxcb-image.so.0:libxcb-image0 libxcb-render-util.so.0:libxcb-render-util0 \
    libxcb-randr.so.0:libxcb-randr0 libxcb-shape.so.0:libxcb-shape0 \
    libxcb-xkb.so.1:libxcb-xkb1; do
    grep -qF "${pair%%:*}" <<<"$libs" || missing+=("${pair#*:}")
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
