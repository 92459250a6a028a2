"""The Timeline… action of the main window; the view's code loads when it is first used."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from desktop.context import AppContext

if TYPE_CHECKING:
    from desktop.timeline.view import TimelineWindow


def install_timeline_ui(main_window: Any, ctx: AppContext) -> QAction:
    """ "Timeline…" in the View menu: the selected fact's timeline, else every claim's."""
    action = QAction("&Timeline…", main_window)
    action.setObjectName("actionTimeline")
    action.setToolTip("The selected fact's claims in time (all claims when no fact is selected)")
    windows: list[TimelineWindow] = []

    def open_timeline() -> None:
        facts = getattr(main_window, "facts_view", None)
        fact = facts.current_fact() if facts is not None else None
        from desktop.timeline.view import TimelineWindow

        window = TimelineWindow(ctx, fact, main_window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        windows.append(window)
        window.destroyed.connect(lambda *_: windows.remove(window) if window in windows else None)
        window.show()

    action.triggered.connect(open_timeline)
    main_window.menu("View").addAction(action)
    main_window.timeline_windows = windows
    return action
