#!/usr/bin/env bash
# The user guide's pictures (docs/pictures): the real window on an Xvfb screen at
# 1366x768 and 1920x1080, and in a dark palette at twice the scale (2732x1536).
#     bash scripts/screenshots.sh [FOLDER] [all]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh >/dev/null
if ! command -v Xvfb >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb >/dev/null
    else
        echo "Please install Xvfb (Debian: apt-get install xvfb)." >&2
        exit 1
    fi
fi
out=${1:-docs/pictures}
all=${2:-}  # "all": every situation on every screen (for looking, not for committing)
mkdir -p "$out"

shoot() {  # name, screen size, extra arguments...
    local name=$1 size=$2
    shift 2
    local display=:$((90 + RANDOM % 100))
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
    local server=$!
    for _ in $(seq 50); do
        [ -e "/tmp/.X11-unix/X${display#:}" ] && break
        sleep 0.1
    done
    DISPLAY=$display QT_QPA_PLATFORM=xcb CLAIMDESK_DATA_DIR=$(mktemp -d) \
        .venv/bin/python scripts/screenshots.py --out "$out" --name "$name" "$@" || status=$?
    kill "$server"
    wait "$server" 2>/dev/null || true
    return "${status:-0}"
}

# Every situation on a laptop screen; the desktop and the dark 2x screen in fewer
# pictures, to keep the folder small (--shots names the ones to take).
if [ "$all" = all ]; then few=(); one=(); else few=(--shots default,focus); one=(--shots default); fi
shoot laptop 1366x768
shoot desktop 1920x1080 "${few[@]}"
QT_SCALE_FACTOR=2 shoot dark-2x 2732x1536 --dark "${one[@]}"
du -ch "$out"/*.png | tail -1
