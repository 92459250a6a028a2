"""At 2× scaling on a 1920 × 1080 screen (960 × 540 to lay out), the window and every
dialog fit the screen, their buttons included.  Qt's scale is fixed when the
application starts, so this runs in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _inside(frame: list[int], free: list[int]) -> bool:
    x, y, w, h = frame
    fx, fy, fw, fh = free
    return fx <= x and fy <= y and x + w <= fx + fw and y + h <= fy + fh


def test_window_and_dialogs_fit_a_small_screen_at_2x(tmp_path: Path) -> None:
    screen = {
        "synchronousWindowSystemEvents": False,
        "windowFrameMargins": False,
        "screens": [{"name": "fullhd", "x": 0, "y": 0, "width": 1920, "height": 1080,
                     "logicalDpi": 96, "logicalBpp": 32, "dpr": 1}],
    }  # fmt: skip
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screen), encoding="utf-8")
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR="2",
        CLAIMDESK_DATA_DIR=str(tmp_path / "data"),
        HOME=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, str(HERE / "scaled_probe.py")],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["scale"] == 2 and figures["free"] == [0, 0, 960, 540]
    free = figures["free"]
    assert _inside(figures["window"], free), figures["window"]
    too_big = {
        name: shown["frame"]
        for name, shown in figures["dialogs"].items()
        if not _inside(shown["frame"], free)
    }
    assert too_big == {}
    cut = {
        name: shown
        for name, shown in figures["dialogs"].items()
        if shown["buttons_bottom"] >= shown["inner"][1]
    }
    assert cut == {}
    assert "ExportDialog" in figures["dialogs"]
