"""Start-up leaves no module sources behind in linecache.

PySide6 reads the source of every module imported after it through linecache, which
keeps each line; the window drops them once its modules are loaded and after each
start-up pass (desktop.source_lines).  The window is started through its entry point
in a fresh process, as in test_lazy_start.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.test_lazy_start import ROOT, _workspace, run_probe

PROBE = r"""
import json, linecache, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
seen = {{}}

def ours(path):
    return path.startswith({root!r}) and "/tests/" not in path

def after_shown():
    from desktop.main_window.window import MainWindow

    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    window.wait_for_panels()
    files = {{getattr(m, "__file__", None) or "" for m in list(sys.modules.values())}}
    seen["loaded"] = sum(os.path.getsize(f) for f in files if ours(f) and f.endswith(".py"))
    seen["cached"] = sum(
        sum(map(len, entry[2])) for name, entry in list(linecache.cache.items())
        if len(entry) == 4 and ours(name)
    )
    window.close()
    app.quit()

QTimer.singleShot(0, after_shown)
from desktop.launcher import main
main(["--db", {db!r}])
print(json.dumps(seen))
"""


def test_the_built_window_keeps_no_module_sources(tmp_path: Path) -> None:
    db = _workspace(tmp_path / "w.claimdesk.sqlite")
    seen = run_probe(PROBE.format(root=str(ROOT) + os.sep, db=str(db)), tmp_path)
    loaded, cached = seen["loaded"], seen["cached"]
    assert isinstance(loaded, int) and isinstance(cached, int)
    # Hundreds of the project's modules are loaded; at most a few stray lines are cached
    # (without the clearing, every module imported after PySide6 is: most of them).
    assert loaded > 1_000_000
    assert cached < loaded // 20
