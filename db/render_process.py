"""How the core starts a Qt renderer of its own (a PDF report, a timeline or graph picture).

The core never imports Qt; it runs ``python -m <module>`` with the project on the path,
or, in a packaged build, the build's own executable with the flag its launcher dispatches.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def renderer_command(env: dict[str, str], module: str, flag: str) -> list[str]:
    """The command that runs *module* (setting PYTHONPATH in *env* to find it)."""
    if getattr(sys, "frozen", False):  # a packaged build: the launcher dispatches
        return [sys.executable, flag]
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return [sys.executable, "-m", module]
