"""Start-up shows the window first: the article list and the last article are read once
it has been painted, and a workspace file checked after that is refused if damaged."""

from __future__ import annotations

from pathlib import Path

from gui_shell_support import add_text_article
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from workspace_files import damaged_workspace, padded_workspace

from db.workspace import open_workspace
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs


def test_the_window_fills_after_its_first_paint(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow

    add_text_article(ws, "An older article.", title="Older")
    last = add_text_article(ws, "The article read last time.", title="Last")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/lastArticle", str(last.id))
    window = MainWindow(AppContext(ws, RecordingDialogs()), settings, fill_after_paint=True)
    qtbot.addWidget(window)
    # The frame only: its docks wait for their panels, nothing is read yet.
    assert not window.built
    assert window.findChild(QWidget, "articleList") is None
    assert window.docks["Articles"].widget().objectName() == "panelPlaceholder"
    painted: list[bool] = []
    window.panelsBuilt.connect(lambda: painted.append(window.built))
    window.show()
    qtbot.waitUntil(lambda: window.built)
    assert painted == [True]
    panel = window.article_panel
    assert window.docks["Articles"].widget() is panel
    qtbot.waitUntil(lambda: window.reader.article_id is not None)
    assert sorted(panel.titles()) == ["Last", "Older"]
    assert str(window.reader.article_id) == str(last.id)
    assert panel.selected_id() == str(last.id)
    assert "No articles yet" in panel.empty.text() and not panel.empty.isVisible()


def test_a_damaged_file_checked_after_the_paint_is_refused(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.app import check_integrity_soon
    from desktop.main_window import MainWindow

    path = damaged_workspace(tmp_path / "w.claimdesk.sqlite")
    ws = open_workspace(path, check_later=True)
    dialogs = RecordingDialogs()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(ws, dialogs), settings, fill_after_paint=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    check_integrity_soon(window.ctx, window)
    qtbot.waitUntil(lambda: bool(dialogs.errors) and not window.isVisible())
    assert dialogs.errors[0][0] == "Open workspace"
    assert "damaged" in dialogs.errors[0][1]
    ws.close()


def test_the_statistics_are_gathered_once_the_check_has_passed(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from desktop.app import refresh_statistics_once_checked
    from desktop.main_window import MainWindow

    path = padded_workspace(tmp_path / "w.claimdesk.sqlite")
    ws = open_workspace(path, check_later=True)
    assert ws.write_gate is not None
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(ws, RecordingDialogs()), settings, fill_after_paint=True)
    qtbot.addWidget(window)

    def analysed() -> bool:
        with sqlite3.connect(path) as conn:
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
            return found.fetchone() is not None

    assert not analysed()
    refresh_statistics_once_checked(window.ctx, window)
    qtbot.waitUntil(analysed)
    assert ws.write_gate.passed
    ws.close()
