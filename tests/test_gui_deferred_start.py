"""Start-up paints the window's frame first and builds its panels right after: the
docks stand where the saved layout (or the first start's split) puts them from the
first paint on, the panels move in without moving them, and a key pressed before the
panels are built reaches them."""

from __future__ import annotations

from pathlib import Path

from gui_shell_support import add_text_article, make_window
from PySide6.QtCore import QEvent, QObject, QRect, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs


def _deferred(ws, settings: QSettings, qtbot):  # type: ignore[no-untyped-def]
    from desktop.main_window import MainWindow

    window = MainWindow(AppContext(ws, RecordingDialogs()), settings, fill_after_paint=True)
    qtbot.addWidget(window)
    return window


def _places(window) -> dict[str, tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """Where each dock stands: area, floating, closed, in front of its tabs, geometry."""
    found: dict[str, tuple[object, ...]] = {}
    for title, dock in window.docks.items():
        inside = window.rect().intersects(
            QRect(dock.mapTo(window, dock.rect().topLeft()), dock.size())
        )
        found[title] = (
            window.dockWidgetArea(dock),
            dock.isFloating(),
            dock.isHidden(),
            inside,
            dock.geometry() if inside and not dock.isHidden() else None,
        )
    return found


# Some pixels of give: the bottom tabs grow to what the claims panel needs and the
# status bar's button settles once built; a dock restored in the wrong place is far
# beyond this.
SLACK = 20


def _same_places(got: dict[str, tuple[object, ...]], want: dict[str, tuple[object, ...]]) -> None:
    assert got.keys() == want.keys()
    for title, place in want.items():
        assert got[title][:4] == place[:4], title
        a, b = got[title][4], place[4]
        assert (a is None) == (b is None), title
        if isinstance(a, QRect) and isinstance(b, QRect):
            for x, y in zip(a.getRect(), b.getRect(), strict=True):
                assert abs(x - y) <= SLACK, (title, a, b)


class _AtFirstPaint(QObject):
    """Records the docks' places when the window's first paint is delivered."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.window = window
        self.places: dict[str, tuple[object, ...]] | None = None
        self.built_then: bool | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.places is None:
            self.built_then = self.window.built
            self.places = _places(self.window)
        return False


def _saved_layout(ws, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    """Settings holding a layout far from the default one: the right column closed, the
    review queue moved to the left column in front of its tabs, the conflicts tab in
    front at the bottom, a wider left column (a window that fits the small test screen)."""
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    docks = window.docks
    for title in ("Claim", "Discussion", "History"):
        docks[title].close()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, docks["Review queue"])
    window.tabifyDockWidget(docks["Article details"], docks["Review queue"])
    docks["Review queue"].raise_()
    docks["Conflicts"].raise_()
    window.resize(760, 700)
    qtbot.wait(50)
    window.resizeDocks([docks["Articles"]], [330], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    window.save_settings()
    window.close()
    return window.settings


def test_a_saved_layout_stands_from_the_first_paint_and_stays_once_built(  # type: ignore[no-untyped-def]
    ws, tmp_path, qtbot
) -> None:
    from desktop.main_window import MainWindow

    add_text_article(ws, "Layout kept while the panels move in.", title="Kept")
    settings = _saved_layout(ws, tmp_path, qtbot)
    # The same layout restored by a window built whole before it shows (the reference).
    whole = MainWindow(AppContext(ws, RecordingDialogs()), settings)
    qtbot.addWidget(whole)
    whole.show()
    qtbot.waitExposed(whole)
    qtbot.wait(50)
    expected = _places(whole)
    whole.close()

    window = _deferred(ws, settings, qtbot)
    assert not window.built
    watch = _AtFirstPaint(window)
    window.show()
    qtbot.waitUntil(lambda: window.built)
    qtbot.wait(50)
    assert watch.built_then is False  # the frame was painted before the panels were built
    assert watch.places is not None
    # No dock moved once the panels were built.
    _same_places(_places(window), watch.places)
    # Each dock in the area, state and tab the saved layout gives it; the left column
    # (out of reach of the small test screen's squeeze on the width) at its size.
    left = {t for t, place in expected.items() if place[0] == Qt.DockWidgetArea.LeftDockWidgetArea}
    assert left == {"Articles", "Article details", "Review queue"}
    for title, place in expected.items():
        assert watch.places[title][:4] == place[:4], title
    _same_places({t: watch.places[t] for t in left}, {t: expected[t] for t in left})
    assert window.docks["Review queue"].widget().widget() is window.review_ui.queue
    assert (
        window.dockWidgetArea(window.docks["Review queue"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    )
    assert window.docks["Claim"].isHidden()


def test_a_first_start_split_stands_from_the_first_paint(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    window = _deferred(ws, settings, qtbot)
    window.resize(1400, 900)  # room for every panel (the test screen is small)
    watch = _AtFirstPaint(window)
    window.show()
    qtbot.waitUntil(lambda: window.built)
    qtbot.wait(100)
    assert watch.built_then is False
    assert watch.places is not None
    after = _places(window)
    # The side columns and the bottom tabs keep the places they were painted in.
    _same_places(after, watch.places)
    assert window.docks["Claims"].widget().widget() is window.claims_table


def test_a_shortcut_pressed_before_the_panels_are_built_reaches_them(  # type: ignore[no-untyped-def]
    ws, tmp_path, qtbot
) -> None:
    settings = QSettings(str(tmp_path / "keys.ini"), QSettings.Format.IniFormat)
    window = _deferred(ws, settings, qtbot)
    window.show()
    window.activateWindow()
    QApplication.setActiveWindow(window)
    assert not window.built  # no event delivered yet: nothing painted, nothing built
    # Ctrl+Shift+R is the review queue's own shortcut, made with its panel.
    QTest.keyClick(
        window,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.built
    qtbot.waitUntil(lambda: window.review_ui.queue.isVisible())
    assert not window.claims_table.isVisible()  # the review queue's tab is in front


def test_a_click_before_the_panels_are_built_builds_them_first(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "click.ini"), QSettings.Format.IniFormat)
    window = _deferred(ws, settings, qtbot)
    window.show()
    assert not window.built
    target = window.docks["Claim"].widget()
    assert isinstance(target, QWidget) and target.objectName() == "panelPlaceholder"
    QTest.mouseClick(window.menuBar(), Qt.MouseButton.LeftButton)
    assert window.built
    assert window.docks["Claim"].widget() is window.inspector


class _RowsPainted(QObject):
    """Notes, when the claims table first paints with rows, whether the claim
    inspector (built with the other panels) still waits in its dock."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.window = window
        self.inspector_then: str | None = None
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.inspector_then is None:
            table = watched.parent()
            if (
                isinstance(table, QTableView)
                and table.objectName() == "claimsTable"
                and watched is table.viewport()
                and table.model().rowCount() > 0
            ):
                self.inspector_then = self.window.docks["Claim"].widget().objectName()
        return False

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)


def test_the_claims_tables_first_page_is_painted_before_the_other_panels_are_built(  # type: ignore[no-untyped-def]
    ws, tmp_path, qtbot, monkeypatch
) -> None:
    from db.claims import create_claim
    from desktop.main_window import window as window_module

    # However slow the machine, the other panels wait for the rows (not a timeout).
    monkeypatch.setattr(window_module, "FIRST_ROWS_WAIT_MS", 600_000, raising=False)
    article = add_text_article(ws, "The mayor said the new bridge opens in May.", title="Bridge")
    create_claim(ws, article.id, 4, 43, statement="The new bridge opens in May")
    settings = QSettings(str(tmp_path / "rows.ini"), QSettings.Format.IniFormat)
    window = _deferred(ws, settings, qtbot)
    window.resize(1400, 900)
    rows = _RowsPainted(window)
    at_build: list[tuple[int, bool]] = []
    window.panelsBuilt.connect(
        lambda: at_build.append(
            (window.claims_table.model.rowCount(), window.claims_table.model.loading)
        )
    )
    window.show()
    qtbot.waitUntil(lambda: window.built)
    rows.stop()
    # The first page was read and shown while the other panels were still to come
    # (built in the same pass as the table, the rows waited for all of them).
    assert at_build == [(1, False)]
    assert rows.inspector_then == "panelPlaceholder"
    assert window.docks["Claim"].widget() is window.inspector


def test_until_painted_only_the_window_and_its_bars_pass_the_input_guard(  # type: ignore[no-untyped-def]
    ws, tmp_path, qtbot, monkeypatch
) -> None:
    """Before the first paint the guard sees the window's own events, not those of
    every object of the application (each costs the start-up a trip into Python);
    once painted it sees them all until the panels are built."""
    from desktop.main_window import window as window_module

    seen: list[str] = []
    guard_filter = window_module._InputFirst.eventFilter

    def counting(self, watched, event):  # type: ignore[no-untyped-def]
        seen.append(watched.objectName())
        return guard_filter(self, watched, event)

    monkeypatch.setattr(window_module._InputFirst, "eventFilter", counting)
    settings = QSettings(str(tmp_path / "guard.ini"), QSettings.Format.IniFormat)
    window = _deferred(ws, settings, qtbot)
    other = QObject()
    other.setObjectName("elsewhere")
    QApplication.sendEvent(other, QEvent(QEvent.Type.User))
    assert "elsewhere" not in seen
    window.show()
    qtbot.waitUntil(lambda: window.built)
    assert "mainWindow" in seen
    # From the first paint until the panels were built, every object's events passed.
    assert any(name not in {"mainWindow", "mainToolBar", ""} for name in seen)
