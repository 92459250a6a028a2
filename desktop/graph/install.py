"""The Link Graph… action of the main window; the view's code loads when it is first used."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from desktop.context import AppContext

if TYPE_CHECKING:
    from desktop.graph.view import GraphWindow


def install_graph_ui(main_window: Any, ctx: AppContext) -> QAction:
    """ "Link Graph…" in the View menu: the selected fact's claims, else every claim."""
    action = QAction("&Link Graph…", main_window)
    action.setObjectName("actionLinkGraph")
    windows: list[GraphWindow] = []

    def open_graph() -> None:
        facts = getattr(main_window, "facts_view", None)
        fact = facts.current_fact() if facts is not None else None
        from desktop.graph.view import GraphWindow

        window = GraphWindow(ctx, fact, main_window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        windows.append(window)
        window.destroyed.connect(lambda *_: windows.remove(window) if window in windows else None)
        window.show()

    action.triggered.connect(open_graph)
    main_window.menu("View").addAction(action)
    main_window.graph_windows = windows
    return action
