"""A holder that keeps a label's text changes from laying out the whole window.

A label whose text changes asks its parent's layout to be redone, that layout asks
its parent's, and so on up to the main window: one count changing in the byline lays
out every dock of the window again (the main window's layout measures every panel),
though nothing moves.  :class:`SteadyBox` holds one widget without a layout of its
own, so the request stops there: the box measures the widget again and passes the
request on only when what its parent's layout reads of it (its size hints, its
height for the box's width, its size policy) has changed.  Otherwise the widget
keeps its place and only repaints.

With ``full_width=True`` the box sits in a row of its own whose width its parent
sets (a form's spanning row in a resizable scroll area): the width the child would
like then moves nothing, and a change of it alone is not passed on.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

# What the parent's layout read of the child: size hint, minimum size hint, size
# policy, and the width the box had with the child's height for it.
Measure = tuple[QSize, QSize, QSizePolicy, int, int]


class SteadyBox(QWidget):
    """Holds *child* (reparented into the box) at the box's whole size."""

    def __init__(
        self, child: QWidget, parent: QWidget | None = None, *, full_width: bool = False
    ) -> None:
        super().__init__(parent)
        self.child = child
        self.full_width = full_width
        child.setParent(self)
        self.setSizePolicy(child.sizePolicy())
        self._seen: Measure = self._measure()

    def _measure(self) -> Measure:
        child = self.child
        width = self.width()
        height = child.heightForWidth(width) if child.hasHeightForWidth() else -1
        hint = child.sizeHint()
        if self.full_width:
            hint = QSize(0, hint.height())
        return (hint, child.minimumSizeHint(), child.sizePolicy(), width, height)

    def _recheck(self) -> None:
        """Pass the request on unless the parent's layout would read the same.  After
        the box was resized the height for the new width is not known to have been
        read with the child as it is now: passed on then too."""
        seen = self._measure()
        if seen != self._seen:
            self._seen = seen
            self.setSizePolicy(seen[2])
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return self.child.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.child.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return self.child.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.child.heightForWidth(width)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._recheck()  # the child's text (or anything it is measured by) changed
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.child.setGeometry(self.rect())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._recheck()  # changes made while hidden posted no request to the box
