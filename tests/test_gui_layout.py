"""The article first: the reader's height at laptop and desktop sizes, focus mode,
Reset Layout, saved layouts of an older version, a fixed toolbar, the window title."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_shell_support import action, add_text_article, make_window
from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QFontMetricsF, QUndoCommand
from PySide6.QtWidgets import QDockWidget, QPlainTextEdit, QToolBar, QToolButton, QWidget

from db.importing import import_file
from db.paths import APP_NAME
from desktop.actions import ActionId
from desktop.context import AppContext
from desktop.dialogs import RecordingDialogs
from desktop.main_window.layout import STATE_VERSION
from desktop.reader.view import MEASURE, TEXT_MARGIN


def visible_text_lines(reader: QPlainTextEdit) -> int:
    """Lines holding article text that are wholly inside the reader's viewport."""
    viewport = reader.viewport().rect()
    offset = reader.contentOffset()
    block = reader.firstVisibleBlock()
    count = 0
    while block.isValid():
        top = reader.blockBoundingGeometry(block).translated(offset).top()
        if top > viewport.bottom():
            break
        layout = block.layout()
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            words = block.text()[line.textStart() : line.textStart() + line.textLength()]
            first, last = top + line.y(), top + line.y() + line.height()
            if words.strip() and first >= viewport.top() and last <= viewport.bottom() + 1:
                count += 1
        block = block.next()
    return count


def settled_height(widget, qtbot) -> int:  # type: ignore[no-untyped-def]
    """*widget*'s height once the window's pending layout passes have run: the
    same over five looks in a row (a loaded machine runs them late)."""
    seen: list[int] = []

    def steady() -> bool:
        seen.append(widget.height())
        return len(seen) >= 5 and len(set(seen[-5:])) == 1

    qtbot.waitUntil(steady, timeout=5000)
    return seen[-1]


def at_size(window, qtbot, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """The shown window set to *size* in its default layout for that size.

    The test screen is smaller than the sizes measured: the window first fits
    itself to it once shown (as on a real screen), then takes *size* here, and
    View → Reset Layout gives the docks their default shares of it."""
    qtbot.wait(50)  # the window's own fit to the screen, after it is shown
    window.setGeometry(QRect(0, 0, *size))
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    window.action(ActionId.RESET_LAYOUT).trigger()
    qtbot.wait(20)
    assert (window.width(), window.height()) == size


def real_window(ws, tmp_path: Path, qtbot, size: tuple[int, int]):  # type: ignore[no-untyped-def]
    """The main window as the program builds it (style sheet included), at *size*."""
    from desktop.app import make_application
    from desktop.main_window import MainWindow

    make_application([])  # the running application, styled as the program styles it
    settings = QSettings(str(tmp_path / f"{size[0]}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(ws, RecordingDialogs()), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    at_size(window, qtbot, size)
    return window


@pytest.mark.parametrize(("size", "least"), [((1366, 768), 20), ((1920, 1080), 32)])
def test_the_reader_shows_enough_lines_of_a_seed_article(  # type: ignore[no-untyped-def]
    ws, seed_paths, tmp_path, qtbot, size, least
) -> None:
    article = import_file(ws, seed_paths[0])
    window = real_window(ws, tmp_path, qtbot, size)
    assert window.open_article(article.id)
    reader = window.reader
    qtbot.waitUntil(lambda: reader.document().blockCount() > 5)
    assert reader.verticalScrollBar().value() == 0  # the article's first lines
    qtbot.waitUntil(lambda: visible_text_lines(reader) >= least)
    # The bottom tabs start small but keep the claims table in view; a tall window
    # gives them part of its extra height: nine rows of claims or more, not four.
    claims = window.docks["Claims"]
    assert 100 <= claims.height() <= (0.22 if size[1] < 1000 else 0.34) * window.height()
    if size[1] >= 1000:
        table = window.claims_table.table
        qtbot.waitUntil(lambda: table.viewport().height() > 0)
        rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
        assert rows >= 9
    assert claims.isVisible() and window.docks["Articles"].height() >= 150
    assert window.docks["Claim"].width() >= 300
    # A line holds at most about MEASURE characters: long lines are hard to follow.
    measure = QFontMetricsF(reader.font()).averageCharWidth() * MEASURE
    assert reader.viewport().width() - 2 * TEXT_MARGIN <= measure + 2
    if size[0] == 1920:  # room to spare there: the column stops at the measure
        qtbot.waitUntil(lambda: reader.viewport().width() - 2 * TEXT_MARGIN >= measure - 2)


def test_bottom_panels_share_one_tabbed_area(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    claims = window.docks["Claims"]
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    names = ("Sources", "Review queue", "Compare", "Conflicts")
    tabbed = set(window.tabifiedDockWidgets(claims))
    for name in names:
        assert window.dockWidgetArea(window.docks[name]) == bottom
        assert window.docks[name] in tabbed, name
    # The tabs name the panels: a docked, tabbed bottom panel has no title bar of
    # its own; floating it brings the title bar back.
    qtbot.waitUntil(lambda: claims.titleBarWidget() is not None)
    bar = claims.titleBarWidget()
    assert bar.height() == 0 and bar.sizeHint().height() == 0
    # Qt answers its size hint: the window's layout asks every title bar for it each
    # time it runs (a panel's title naming a count changes with a claim made), and a
    # method of Python's would be called some hundred times for each.
    assert "sizeHint" not in vars(type(bar)) and type(bar).sizeHint is QWidget.sizeHint
    compare = window.docks["Compare"]
    compare.setFloating(True)
    qtbot.waitUntil(lambda: compare.titleBarWidget() is None)


def test_focus_mode_shows_reader_and_inspector_and_comes_back(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    article = add_text_article(ws, "One line.\nAnother line.")
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.open_article(article.id)
    docks = [d for d in window.findChildren(QDockWidget) if d.parentWidget() is window]
    before = {d.objectName() for d in docks if d.isVisible()}
    focus = action(window, "actionFocusMode")
    assert focus.shortcut().toString() == "F11" and focus.isCheckable()
    assert focus in window.menu("View").actions()
    reader_height = window.reader_pane.height()
    focus.trigger()
    shown = {d.objectName() for d in docks if d.isVisible()}
    assert "dockClaim" in shown
    assert shown <= {"dockClaim", "dockDiscussion", "dockHistory"}
    assert not window.findChild(QToolBar, "mainToolBar").isVisible()
    assert window.reader.isVisible()
    qtbot.waitUntil(lambda: window.reader_pane.height() > reader_height + 100)
    # Closing in focus mode stores the layout from before it.
    window.save_settings()
    focus.trigger()
    assert {d.objectName() for d in docks if d.isVisible()} == before
    assert window.findChild(QToolBar, "mainToolBar").isVisible()
    from desktop.main_window import MainWindow

    again = MainWindow(window.ctx, window.settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.docks["Claims"].isVisible() and again.docks["Articles"].isVisible()
    assert not again.action(ActionId.FOCUS_MODE).isChecked()


def test_reset_layout_brings_every_panel_back(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    default_bottom = settled_height(window.docks["Claims"], qtbot)
    window.docks["Articles"].hide()
    window.docks["Compare"].setFloating(True)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.docks["Sources"])
    window.resizeDocks([window.docks["Claims"]], [default_bottom + 200], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: window.docks["Claims"].height() > default_bottom + 100)
    action(window, "actionFocusMode").trigger()
    reset = action(window, "actionResetLayout")
    assert reset in window.menu("View").actions()
    reset.trigger()
    assert not action(window, "actionFocusMode").isChecked()
    assert window.docks["Articles"].isVisible()
    assert not window.docks["Compare"].isFloating()
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.dockWidgetArea(window.docks["Sources"]) == bottom
    assert window.docks["Sources"] in window.tabifiedDockWidgets(window.docks["Claims"])
    assert window.findChild(QToolBar, "mainToolBar").isVisible()
    qtbot.waitUntil(lambda: abs(window.docks["Claims"].height() - default_bottom) <= 4)


def test_an_older_saved_layout_is_not_restored(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    default_bottom = window.docks["Claims"].height()
    # A cramped layout saved by the previous version: the bottom panels take most.
    window.resizeDocks([window.docks["Claims"]], [default_bottom + 200], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: window.docks["Claims"].height() > default_bottom + 100)
    old = window.saveState(STATE_VERSION - 1)
    assert isinstance(old, QByteArray)
    settings = window.settings
    settings.setValue("window/state", old)
    from desktop.main_window import MainWindow

    again = MainWindow(window.ctx, settings)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: abs(again.docks["Claims"].height() - default_bottom) <= 4)


class _Named(QUndoCommand):
    def redo(self) -> None:
        pass

    def undo(self) -> None:
        pass


def test_toolbar_buttons_keep_their_width_whatever_the_undo_text(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    bar = window.findChild(QToolBar, "mainToolBar")
    buttons = [b for b in bar.findChildren(QToolButton) if b.defaultAction() is not None]

    def geometry() -> list[tuple[str, int, int]]:
        return [(b.defaultAction().text(), b.x(), b.width()) for b in buttons]

    before = geometry()
    long = "Set the status of 48 claims to Unverifiable and their grading to F6"
    window.ctx.undo_stack.push(_Named(long))
    qtbot.wait(50)
    assert geometry() == before
    undo_button = bar.widgetForAction(window.undo_button_action)
    assert undo_button.isEnabled()
    assert long in undo_button.toolTip()
    window.undo_button_action.trigger()  # the toolbar's Undo undoes
    assert window.ctx.undo_stack.index() == 0
    assert geometry() == before


def test_window_title_names_the_workspace_once(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    # The platform adds the application's display name, which the entry point sets to
    # APP_NAME (desktop.app.make_application), to the title: " — ClaimDesk".
    shown = f"{window.windowTitle()} — {APP_NAME}"
    assert window.windowTitle() == ws.path.name
    assert shown.count(ws.path.name) == 1
    assert shown.lower().count("claimdesk") == ws.path.name.lower().count("claimdesk") + 1


def test_the_window_fits_a_laptop_screen_at_double_scale(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    # At 2x scaling a 2732x1536 screen offers 1366x768 (less the panel).
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert minimum.width() <= 1300 and minimum.height() <= 700, minimum


def test_every_dialog_fits_a_laptop_screen_at_double_scale(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from test_gui_accessibility import _dialog_factories

    too_big = {}
    for name, make in _dialog_factories(ws, tmp_path).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        opens = dialog.sizeHint()
        if least.width() > 1366 or least.height() > 740 or opens.height() > 740:
            too_big[name] = (least.width(), least.height(), opens.width(), opens.height())
        dialog.close()
    assert too_big == {}


def test_a_taller_bottom_panel_chosen_gets_the_height_it_needs(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    at_size(window, qtbot, (1366, 768))
    start = window.docks["Claims"].height()
    tallest = max(
        ("Review queue", "Facts", "Conflicts"),
        key=lambda n: window.docks[n].widget().widget().minimumSizeHint().height(),
    )
    dock = window.docks[tallest]
    needed = dock.widget().widget().minimumSizeHint().height()
    dock.raise_()
    qtbot.waitUntil(lambda: dock.widget().viewport().height() >= needed)
    assert dock.height() >= start


def test_the_title_takes_one_line_and_the_colours_sit_beside_the_byline_when_wide(  # type: ignore[no-untyped-def]
    ws, tmp_path, qtbot
) -> None:
    title = (
        "Officials say the river crossing at the northern ferry will stay shut for a week "
        "while engineers inspect the pontoons, the embankment and the approach roads"
    )
    article = add_text_article(ws, "Body line.\nSecond line.", title=title)
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    at_size(window, qtbot, (1366, 768))
    window.open_article(article.id)
    pane = window.reader_pane
    heading = pane.heading
    qtbot.waitUntil(lambda: heading.text().endswith("…"))
    line = heading.fontMetrics().lineSpacing()
    margins = heading.contentsMargins()
    qtbot.waitUntil(lambda: heading.height() - margins.top() - margins.bottom() < 2 * line)
    assert heading.toolTip() == title and heading.full_text() == title
    legend, byline = pane.legend, pane.byline

    def beside() -> bool:
        return (
            abs(
                legend.mapTo(pane, legend.rect().center()).y()
                - byline.mapTo(pane, byline.rect().center()).y()
            )
            < 6
        )

    # 1366 wide: the reader column is too narrow for both on one row.
    assert not beside() and legend.geometry().top() >= 0
    window.setGeometry(QRect(0, 0, 1920, 1080))
    qtbot.waitUntil(lambda: window.width() == 1920)
    qtbot.waitUntil(beside)


def test_reset_layout_also_undoes_a_restored_layout(ws, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(ws, tmp_path, qtbot)
    window.show()
    qtbot.waitExposed(window)
    default_bottom = settled_height(window.docks["Claims"], qtbot)
    window.docks["Articles"].hide()
    window.resizeDocks([window.docks["Claims"]], [default_bottom + 200], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: window.docks["Claims"].height() > default_bottom + 100)
    window.save_settings()
    from desktop.main_window import MainWindow

    again = MainWindow(window.ctx, window.settings)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    qtbot.waitExposed(again)
    qtbot.waitUntil(lambda: again.docks["Claims"].height() > default_bottom + 100)
    assert not again.docks["Articles"].isVisible()  # the saved layout was restored
    again.action(ActionId.RESET_LAYOUT).trigger()
    assert again.docks["Articles"].isVisible()
    qtbot.waitUntil(lambda: abs(again.docks["Claims"].height() - default_bottom) <= 4)
