"""A word-wrapped label shown in at most a few lines, the last one elided.

Long article titles otherwise push the reader's text below the fold on a
1366×768 screen.  The whole text stays in the tooltip and in ``full_text``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

ELLIPSIS = "…"


class ClampedLabel(QLabel):
    def __init__(self, text: str = "", max_lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self._full = ""
        self.setWordWrap(True)
        self.setText(text)

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # with the style sheet's font, applied by now

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 120), hint.height())

    def _fits(self, text: str, width: int, limit: int) -> bool:
        super().setText(text)
        return self.heightForWidth(width) <= limit

    def _fit(self) -> None:
        """The longest beginning of the text (whole code points) that the label itself
        lays out in *max_lines* lines at its width, with an ellipsis when cut."""
        full, width = self._full, self.width()
        margins = self.contentsMargins()
        super().setText("\n".join("X" * self.max_lines))  # the height of max_lines lines
        limit = self.heightForWidth(width)
        if width <= margins.left() + margins.right() + 40 or self._fits(full, width, limit):
            super().setText(full)
            return
        low, high = 0, len(full)
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(full[:middle].rstrip() + ELLIPSIS, width, limit):
                low = middle
            else:
                high = middle - 1
        super().setText(full[:low].rstrip() + ELLIPSIS)
