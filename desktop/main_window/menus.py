"""Menus and the toolbar of the main window, filled from the action table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from desktop.actions import MENU_ORDER, ActionId

if TYPE_CHECKING:
    from desktop.main_window.window import MainWindow

TOOLBAR_ICON = 18


def build_menus(window: MainWindow) -> None:
    """File, Edit, Claim, View, Review, Tools and Help menus with every action."""
    a = window.action
    for name in MENU_ORDER:
        window.menu(name)
    # "T", "o" and "s" move to fields of the claim panel (Event da&te, S&ource,
    # &Statement), so Tools takes the "l", which the Links field gives up for its "i".
    window.menu("Tools").setTitle("Too&ls")
    file_menu = window.menu("File")
    file_menu.addActions([a(ActionId.NEW_WORKSPACE), a(ActionId.OPEN_WORKSPACE)])
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.recent_menu.setObjectName("menuRecent")
    window.recent_menu.aboutToShow.connect(window._fill_recent)
    file_menu.addSeparator()
    file_menu.addActions([a(ActionId.IMPORT), a(ActionId.IMPORT_FOLDER), a(ActionId.EXPORT)])
    file_menu.addSeparator()
    file_menu.addAction(a(ActionId.DELETE_ARTICLE))
    file_menu.addSeparator()
    file_menu.addAction(a(ActionId.QUIT))
    edit = window.menu("Edit")
    edit.addActions([window.undo_action, window.redo_action])
    edit.addSeparator()
    edit.addAction(a(ActionId.FIND))
    claim = window.menu("Claim")
    claim.addActions([a(ActionId.NEW_CLAIM), a(ActionId.DELETE_CLAIM)])
    claim.addSeparator()
    claim.addActions([a(ActionId.NEXT_CLAIM), a(ActionId.PREV_CLAIM)])
    view = window.menu("View")
    view.addActions(
        [
            a(ActionId.FOCUS_ARTICLES),
            a(ActionId.FOCUS_READER),
            a(ActionId.FOCUS_INSPECTOR),
            a(ActionId.FOCUS_CLAIMS),
            a(ActionId.FOCUS_SOURCES),
            a(ActionId.NEXT_PANE),
            a(ActionId.PREV_PANE),
        ]
    )
    view.addSeparator()
    view.addActions([a(ActionId.FOCUS_MODE), a(ActionId.RESET_LAYOUT)])
    view.addSeparator()
    window.menu("Help").addActions([a(ActionId.SHORTCUTS), a(ActionId.ABOUT)])


def build_toolbar(window: MainWindow) -> None:
    """The main toolbar: import/export, claim actions, undo/redo."""
    bar = QToolBar("Main", window)
    bar.setObjectName("mainToolBar")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setIconSize(QSize(TOOLBAR_ICON, TOOLBAR_ICON))  # a low bar: the height is the reader's
    a = window.action
    bar.addActions([a(ActionId.IMPORT), a(ActionId.EXPORT)])
    bar.addSeparator()
    bar.addActions([a(ActionId.NEW_CLAIM), a(ActionId.PREV_CLAIM), a(ActionId.NEXT_CLAIM)])
    bar.addSeparator()
    # Undo and redo name the edit in their text ("Undo New claim"); on the toolbar
    # they keep a short fixed text, so no button moves, and name it in the tooltip.
    window.undo_button_action = fixed_text_proxy(window.undo_action, "Undo", bar)
    window.redo_button_action = fixed_text_proxy(window.redo_action, "Redo", bar)
    bar.addActions([window.undo_button_action, window.redo_button_action])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.menu("View").addAction(bar.toggleViewAction())


def fixed_text_proxy(source: QAction, text: str, parent: QObject) -> QAction:
    """A toolbar twin of *source* with a fixed *text*: it triggers *source*, follows its
    enabled state and shows its changing text as the tooltip."""
    proxy = QAction(source.icon(), text, parent)
    proxy.setObjectName(f"{source.objectName()}Button")
    proxy.triggered.connect(source.trigger)
    keys = source.shortcut().toString()

    def follow() -> None:
        try:
            enabled, tip = source.isEnabled(), source.text().replace("&", "") or text
        except RuntimeError:  # the source is being destroyed with the window
            return
        proxy.setEnabled(enabled)
        proxy.setToolTip(f"{tip} ({keys})" if keys else tip)
        proxy.setStatusTip(proxy.toolTip())

    source.changed.connect(follow)
    follow()
    return proxy
