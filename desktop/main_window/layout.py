"""The main window's dock layout: the default split, focus mode and Reset Layout.

The default gives the reader most of the height: the panels below it (claims,
sources, review queue, compare, conflicts, ...) share one tabbed area that starts
small, the article list and details sit on the left, the inspector on the right.
Focus mode keeps the reader and the inspector column only; leaving it brings back
what was there.  Reset Layout puts every panel back where a first start has it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QScrollArea,
    QStyle,
    QTabBar,
    QTabWidget,
    QToolBar,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.main_window.window import MainWindow

# Saved dock states of another version are not restored (version 1 gave the bottom
# panels 38 % of the height and left the reader a few lines on a laptop screen).
STATE_VERSION = 2
# The bottom tabs get this share of the window's height, within these bounds; a window
# taller than TALL gives them this share of its extra height too (on a 1080-line screen
# the reader keeps more lines than it needs, and the claims table shows nine rows or
# more rather than four).
BOTTOM_SHARE = 0.18
TALL, TALL_SHARE = 800, 0.6
BOTTOM_MIN = 150
BOTTOM_MAX = 360
# Side columns: a share of the window's width, within bounds.
LEFT_SHARE, LEFT_MIN, LEFT_MAX = 0.24, 370, 460
RIGHT_SHARE, RIGHT_MIN, RIGHT_MAX = 0.25, 360, 500
# The article details' height before their fields are built (what they need at 96 dpi).
DETAILS_HEIGHT = 239
# The inspector column stays in focus mode: the docks in this area.
KEPT_IN_FOCUS = Qt.DockWidgetArea.RightDockWidgetArea


def _docks(window: MainWindow) -> list[QDockWidget]:
    return [d for d in window.findChildren(QDockWidget) if d.parentWidget() is window]


def _toolbars(window: MainWindow) -> list[QToolBar]:
    return [b for b in window.findChildren(QToolBar) if b.parentWidget() is window]


def _scrolled_width(panel: QWidget | None) -> int:
    """The width *panel* needs to show its scrolled form without a horizontal bar."""
    areas = panel.findChildren(QScrollArea) if panel is not None else []
    inner = areas[0].widget() if areas else None
    if inner is None:
        return 0
    bar = panel.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return inner.minimumSizeHint().width() + bar + 12


def _within(value: float, low: int, high: int) -> int:
    return max(low, min(high, int(value)))


def bottom_height(window_height: int) -> int:
    """The first height of the bottom tabs for a window *window_height* high."""
    extra = max(0, window_height - TALL) * TALL_SHARE
    return _within(window_height * BOTTOM_SHARE + extra, BOTTOM_MIN, BOTTOM_MAX)


class DockLayout:
    """Applies and remembers the window's layouts; the window owns one."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._default: QByteArray | None = None
        self._before_focus: QByteArray | None = None

    @property
    def focused(self) -> bool:
        return self._before_focus is not None

    def remember_default(self) -> None:
        """Keep the docks' default places (call once every dock is added)."""
        self._default = self.window.saveState(STATE_VERSION)

    def state_to_save(self) -> QByteArray:
        """The layout to store on closing: the one under focus mode, if it is on."""
        if self._before_focus is not None:
            return self._before_focus
        return self.window.saveState(STATE_VERSION)

    def apply_sizes(self) -> None:
        """Dock sizes of the default layout, for the window's current size."""
        window = self.window
        docks = window.docks
        width = window.width()
        window.resizeDocks(
            [docks["Articles"], docks["Claim"]],
            [
                _within(width * LEFT_SHARE, LEFT_MIN, LEFT_MAX),
                _within(
                    max(width * RIGHT_SHARE, _scrolled_width(window.docks["Claim"].widget())),
                    RIGHT_MIN,
                    RIGHT_MAX,
                ),
            ],
            Qt.Orientation.Horizontal,
        )
        bottom = bottom_height(window.height())
        # The left column above the bottom tabs: the article details get what their
        # fields need, but at most 55 % of it, the article list the rest.
        column = max(0, window.height() - bottom - 110)
        editor = window.metadata_editor if window.built else None  # built after the paint
        wanted = editor.sizeHint().height() + 24 if editor is not None else DETAILS_HEIGHT
        details = min(wanted, int(column * 0.55))
        window.resizeDocks(
            [docks["Claims"], docks["Articles"], docks["Article details"]],
            [bottom, column - details, details],
            Qt.Orientation.Vertical,
        )

    def set_focus_mode(self, on: bool) -> None:
        """Show the reader and the inspector column only (on), or what was there before."""
        window = self.window
        if on == self.focused:
            return
        if on:
            self._before_focus = window.saveState(STATE_VERSION)
            for dock in _docks(window):
                kept = not dock.isFloating() and window.dockWidgetArea(dock) == KEPT_IN_FOCUS
                if not kept:
                    dock.hide()
            for bar in _toolbars(window):
                bar.hide()
            inspector = window.docks["Claim"]
            if window.dockWidgetArea(inspector) != KEPT_IN_FOCUS or inspector.isFloating():
                inspector.setFloating(False)
                window.addDockWidget(KEPT_IN_FOCUS, inspector)
            inspector.show()
        else:
            saved, self._before_focus = self._before_focus, None
            if saved is not None:
                window.restoreState(saved, STATE_VERSION)
        window.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        """Every panel back in its default place and size; focus mode ends."""
        window = self.window
        self._before_focus = None
        if self._default is not None:
            window.restoreState(self._default, STATE_VERSION)
        for dock in _docks(window):
            dock.setFloating(False)
        for bar in _toolbars(window):
            bar.show()
        window.docks["Claims"].raise_()
        window.docks["Claim"].raise_()
        self.apply_sizes()


class BottomTitles:
    """The bottom panels show their tabs (on top) as their titles: a docked bottom
    panel sharing the area with others has no title bar of its own, which gives its
    height to the reader.  A floating panel, one docked elsewhere or one alone in
    the bottom area keeps its title bar (to be moved and closed)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._pending = False
        window.setTabPosition(Qt.DockWidgetArea.BottomDockWidgetArea, QTabWidget.TabPosition.North)

    def watch(self, dock: QDockWidget) -> None:
        dock.dockLocationChanged.connect(self.schedule)
        dock.topLevelChanged.connect(self.schedule)
        dock.visibilityChanged.connect(self.schedule)
        dock.visibilityChanged.connect(lambda shown: self.fit_soon(dock) if shown else None)
        self.schedule()

    def fit_soon(self, dock: QDockWidget) -> None:
        """Fit *dock* (see ``fit``) once the window has laid out what is pending."""
        try:
            QTimer.singleShot(0, dock, lambda: self.fit(dock))
        except RuntimeError:  # the window is being destroyed
            pass

    def fit(self, dock: QDockWidget) -> None:
        """A bottom panel chosen while the area is lower than the panel needs: the
        area grows to what it needs (the area starts small, never cut off a panel)."""
        window = self.window
        holder = dock.widget()
        panel = holder.widget() if isinstance(holder, QScrollArea) else None
        if (
            panel is None
            or not dock.isVisible()
            or dock.isFloating()
            or window.dockWidgetArea(dock) != Qt.DockWidgetArea.BottomDockWidgetArea
        ):
            return
        missing = panel.minimumSizeHint().height() - holder.viewport().height()
        if missing <= 0:
            return
        tabs = [
            bar.height()
            for bar in window.findChildren(QTabBar)
            if bar.isVisible() and abs(bar.geometry().bottom() + 1 - dock.geometry().top()) <= 2
        ]
        wanted = dock.height() + missing + (tabs[0] if tabs else 0)
        window.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)

    def schedule(self, *_args: object) -> None:
        if not self._pending:
            self._pending = True
            try:
                QTimer.singleShot(0, self.window, self.update)  # dropped with the window
            except RuntimeError:  # a dock reporting while the window is destroyed
                pass

    def update(self) -> None:
        self._pending = False
        window = self.window
        for dock in _docks(window):
            tabbed = (
                not dock.isFloating()
                and window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
                and any(not other.isHidden() for other in window.tabifiedDockWidgets(dock))
            )
            has_own = not isinstance(dock.titleBarWidget(), _NoTitle)
            if tabbed and has_own:
                dock.setTitleBarWidget(_NoTitle(dock))
            elif not tabbed and not has_own:
                dock.setTitleBarWidget(None)


class _NoTitle(QWidget):
    """An empty title bar: the panel's tab names it.

    Its size hint (0 x 0) is its empty layout's, answered by Qt itself: the main
    window's layout asks every dock's title bar for it each time it runs (some
    hundred times when a panel's title changes), a Python ``sizeHint`` as often.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        QHBoxLayout(self).setContentsMargins(0, 0, 0, 0)
