"""Run by test_gui_scaled.py in a fresh process at 2× scale: prints, as JSON, the free
screen area and the frame of the main window and of every dialog once shown."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]


def rect(r) -> list[int]:  # type: ignore[no-untyped-def]
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from desktop.app import make_application

    app = make_application([])
    assert isinstance(app, QApplication)
    from gui_shell_support import MULTILINGUAL, add_text_article
    from test_gui_accessibility import _dialog_factories

    from db.analysts import bind_analyst
    from db.workspace import open_workspace
    from desktop.context import AppContext
    from desktop.dialogs import RecordingDialogs
    from desktop.main_window import MainWindow

    folder = Path(tempfile.mkdtemp())
    ws = open_workspace(folder / "window.sqlite")
    bind_analyst(ws)
    add_text_article(ws, MULTILINGUAL, "Scaled")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(ws, RecordingDialogs()), settings)
    window.show()
    for _ in range(5):
        app.processEvents()
    screen = app.primaryScreen()
    out: dict[str, object] = {
        "scale": screen.devicePixelRatio(),
        "free": rect(screen.availableGeometry()),
        "window": rect(window.frameGeometry()),
        "dialogs": {},
    }
    other = open_workspace(folder / "dialogs.sqlite")
    bind_analyst(other)
    (folder / "d").mkdir()
    dialogs: dict[str, object] = {}
    for name, make in _dialog_factories(other, folder / "d").items():
        dialog = make()
        dialog.show()
        app.processEvents()
        buttons = [b.geometry().bottom() for b in dialog.findChildren(QDialogButtonBox)]
        dialogs[name] = {
            "frame": rect(dialog.frameGeometry()),
            "inner": [dialog.width(), dialog.height()],
            "buttons_bottom": max(buttons, default=0),
        }
        dialog.close()
    out["dialogs"] = dialogs
    print(json.dumps(out))


if __name__ == "__main__":
    main()
