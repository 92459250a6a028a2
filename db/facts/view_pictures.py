"""A timeline or link graph as a PNG or SVG picture, drawn by Qt in another process.

The core never imports Qt: the view's JSON goes to ``python -m desktop.view_render``
on its standard input, and that process draws it with the app's own timeline and
graph views, so the picture is the one View ▸ Timeline… or View ▸ Link Graph…
exports.  The file appears whole or not at all.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from db.errors import InvalidInput
from db.exporting import atomic_path
from db.paths import RENDER_VIEW_FLAG
from db.render_process import renderer_command

PICTURE_SUFFIXES = (".png", ".svg")
KINDS = ("timeline", "graph")
RENDER_TIMEOUT = 300  # seconds


def _command(env: dict[str, str]) -> list[str]:
    return renderer_command(env, "desktop.view_render", RENDER_VIEW_FLAG)


def write_picture(kind: str, data: dict[str, object], target: Path) -> None:
    """Draw *data* (a timeline's or a graph's JSON) into *target* (.png or .svg)."""
    if kind not in KINDS:
        raise InvalidInput(f"Unknown view {kind!r}; choose from {', '.join(KINDS)}.")
    suffix = target.suffix.lower()
    if suffix not in PICTURE_SUFFIXES:
        raise InvalidInput(f"Give a .png or .svg file for the picture, not {str(target)!r}.")
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name.")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"  # drawing needs no window system
    payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
    with atomic_path(target) as tmp:
        cmd = [*_command(env), kind, suffix[1:], str(tmp)]
        try:
            done = subprocess.run(
                cmd, input=payload, capture_output=True, env=env, timeout=RENDER_TIMEOUT
            )
        except subprocess.TimeoutExpired:
            raise InvalidInput(f"Drawing the {kind} took too long and was stopped.") from None
        if done.returncode != 0:
            lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise InvalidInput(
                f"The {kind} could not be drawn ({lines[-1] if lines else done.returncode})."
            )
