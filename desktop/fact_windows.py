"""A View menu action opening a window over the selected fact's claims (every claim
when no fact is selected); the window's code is loaded when the action is first used."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext

# Makes the window for (context, fact or None, parent); imports the view's code itself.
MakeWindow = Callable[[AppContext, Any, Any], QWidget]


def install_fact_window_action(
    main_window: Any,
    ctx: AppContext,
    *,
    text: str,
    name: str,
    make: MakeWindow,
    windows_attribute: str,
    tooltip: str = "",
) -> QAction:
    """Add the action to the View menu; the open windows are listed on *main_window*
    under *windows_attribute* until each is closed."""
    action = QAction(text, main_window)
    action.setObjectName(name)
    if tooltip:
        action.setToolTip(tooltip)
    windows: list[QWidget] = []

    def open_window() -> None:
        facts = getattr(main_window, "facts_view", None)
        fact = facts.current_fact() if facts is not None else None
        window = make(ctx, fact, main_window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        windows.append(window)
        window.destroyed.connect(lambda *_: windows.remove(window) if window in windows else None)
        window.show()

    action.triggered.connect(open_window)
    main_window.menu("View").addAction(action)
    setattr(main_window, windows_attribute, windows)
    return action
