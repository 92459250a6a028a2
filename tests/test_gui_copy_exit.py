"""Copying from the reader, then quitting: the process ends cleanly.

The clipboard keeps what was copied until the very end of the process, after the
interpreter has gone; the reader must hand it an object Qt can delete on its own
(a Python-made one crashed every run that copied, with exit status 139).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(sys.argv[1]) / "tests"))
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from db.analysts import bind_analyst
from db.workspace import open_workspace
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.main_window import MainWindow
from gui_shell_support import add_text_article, select_codepoints

text = "Before the \u200bfigure: 1,500 troops\u202e arrived. After."
app = QApplication([])
ws = open_workspace(Path(sys.argv[2]) / "w.sqlite")
bind_analyst(ws)
info = add_text_article(ws, text)
settings = QSettings(str(Path(sys.argv[2]) / "s.ini"), QSettings.Format.IniFormat)
window = MainWindow(AppContext(ws, RecordingDialogs()), settings)
window.show()
assert window.article_panel.select(str(info.id))
start, end = text.index("the"), text.index(" After")
select_codepoints(window.reader, text, start, end)
window.reader.copy()
copied = QApplication.clipboard().text()
window.close()
ws.close()
print("COPIED", ascii(copied), copied == text[start:end])
"""


def test_copy_then_quit_exits_cleanly(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert "COPIED" in result.stdout and result.stdout.strip().endswith("True"), (
        result.stdout + result.stderr
    )
    assert result.returncode == 0, f"exit status {result.returncode}\n{result.stderr[-2000:]}"
