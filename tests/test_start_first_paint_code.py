"""The window's first paint waits for no code it does not paint.

ClaimDesk is started through its entry point in a fresh process (offscreen, as in
test_lazy_start); what is loaded is looked at when the main window's first paint is
delivered, then again once the code's first user has run.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_lazy_start import _workspace, run_probe

PROBE = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
seen = {{}}

def loaded():
    return sorted(m for m in ("html", "html.entities") if m in sys.modules)

# On the main window alone (the probe's own filter on the whole application would
# cost the start-up more than the window's).
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if "painted" not in seen and event.type() == QEvent.Type.Paint:
            seen["painted"] = loaded()
            QTimer.singleShot(0, lambda: used(obj))
        return False

spy = FirstPaint()

def watched(window_init):
    def init(window, *args, **kwargs):
        window_init(window, *args, **kwargs)
        window.installEventFilter(spy)
    return init

def used(window):
    window.wait_for_panels()
    from desktop.dialogs import RecordingDialogs

    window.ctx.dialogs = RecordingDialogs()
    window.show_shortcuts()  # Help > Keyboard shortcuts: the table escapes its text
    seen["used"] = loaded()
    window.close()
    app.quit()

from desktop.main_window.window import MainWindow

MainWindow.__init__ = watched(MainWindow.__init__)
from desktop.launcher import main
main(["--db", {db!r}])
print(json.dumps(seen))
"""


def test_html_loads_with_the_shortcuts_table_not_before_the_first_paint(tmp_path: Path) -> None:
    """``html`` (its entity table) only escapes Help > Keyboard shortcuts' text."""
    db = _workspace(tmp_path / "w.claimdesk.sqlite")
    seen = run_probe(PROBE.format(db=str(db)), tmp_path)
    assert seen["painted"] == []
    assert seen["used"] == ["html", "html.entities"]
