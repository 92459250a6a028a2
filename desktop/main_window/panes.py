"""F6 / Shift+F6: the keyboard focus goes from panel to panel.

The panels are the reader and every dock shown (a dock hidden behind another
tab is skipped), taken left column first, then the reader, the right column
and the bottom area, as they appear on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

# Reading order of the dock areas around the reader (which sits between left and right).
AREA_ORDER = {
    Qt.DockWidgetArea.TopDockWidgetArea: 0,
    Qt.DockWidgetArea.LeftDockWidgetArea: 1,
    Qt.DockWidgetArea.RightDockWidgetArea: 3,
    Qt.DockWidgetArea.BottomDockWidgetArea: 4,
}
CENTRE = 2
FLOATING = 5


def hide_when_tabbed_away(dock: QDockWidget) -> None:
    """A dock on a tab behind another is only moved off screen by Qt; hide its panel
    too, so Tab and screen readers pass it by until its tab is chosen."""

    def follow(visible: bool) -> None:
        panel = dock.widget()
        if panel is not None and panel.isVisibleTo(dock) != visible:
            # Hidden, the panel still counts in the dock's size: a tab group with
            # hidden panels is laid out (and resized) as one with shown ones.
            policy = panel.sizePolicy()
            if not policy.retainSizeWhenHidden():
                policy.setRetainSizeWhenHidden(True)
                panel.setSizePolicy(policy)
            panel.setVisible(visible)

    dock.visibilityChanged.connect(follow)


def shown(widget: QWidget) -> bool:
    """Visible on screen: shown and not hidden behind another dock's tab."""
    if not widget.isVisible():
        return False
    if not widget.visibleRegion().isEmpty():
        return True
    # A panel wholly covered by its own opaque children (a bottom panel without a
    # title bar) has no region of its own: it is shown when it lies inside its
    # window, as docks behind another tab are moved out of it.
    top = widget.window()
    return top.rect().intersects(QRect(widget.mapTo(top, QPoint(0, 0)), widget.size()))


def panes(window: QMainWindow) -> list[QWidget]:
    """The central widget and the shown docks, in reading order."""
    found: list[tuple[int, int, int, QWidget]] = []
    central = window.centralWidget()
    held = central.layout() if central is not None else None
    if held is not None and held.count() == 1 and held.itemAt(0).widget() is not None:
        central = held.itemAt(0).widget()  # a holder's one panel (the reader's, say)
    if central is not None and central.isVisible():
        found.append((CENTRE, 0, 0, central))
    for dock in window.findChildren(QDockWidget):
        if dock.parentWidget() is not window or not shown(dock):
            continue
        rank = FLOATING if dock.isFloating() else AREA_ORDER.get(window.dockWidgetArea(dock), 5)
        top_left = dock.mapTo(window, dock.rect().topLeft()) if not dock.isFloating() else None
        y, x = (top_left.y(), top_left.x()) if top_left is not None else (0, 0)
        found.append((rank, y, x, dock))
    found.sort(key=lambda item: item[:3])
    return [item[3] for item in found]


def takes_tab(widget: QWidget) -> bool:
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isEnabled()
        and widget.isVisible()
    )


def first_control(pane: QWidget) -> QWidget | None:
    """The control of *pane* that had the focus last, else its first in Tab order."""
    last = pane.focusWidget()
    if last is not None and last is not pane and pane.isAncestorOf(last) and takes_tab(last):
        return last
    widget = pane.nextInFocusChain()
    seen: set[int] = set()
    while widget is not None and id(widget) not in seen:
        seen.add(id(widget))
        if pane.isAncestorOf(widget) and takes_tab(widget):
            return widget
        widget = widget.nextInFocusChain()
    return pane if takes_tab(pane) else None


def move_focus(window: QMainWindow, step: int) -> QWidget | None:
    """Focus the next (step 1) or previous (-1) pane's control; returns it."""
    order = panes(window)
    if not order:
        return None
    focus = QApplication.focusWidget()
    current = next(
        (i for i, pane in enumerate(order) if focus is not None and pane.isAncestorOf(focus)),
        None,
    )
    start = current if current is not None else (-1 if step > 0 else 0)
    for k in range(1, len(order) + 1):
        pane = order[(start + step * k) % len(order)]
        target = first_control(pane)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return target
    return None
