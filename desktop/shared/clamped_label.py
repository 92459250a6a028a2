"""A word-wrapped label shown in at most a few lines, the last one elided.

Long article titles otherwise push the reader's text below the fold on a
1366×768 screen.  The whole text stays in the tooltip and in ``full_text``.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget


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
        self._fit()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 120), hint.height())

    def _fit(self) -> None:
        """Lay the full text out at the label's width; keep *max_lines* lines."""
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        shown = self._full
        if width > 40 and self._full:
            shown = clamp(self._full, self.font(), width, self.max_lines)
        if shown != super().text():
            super().setText(shown)


def clamp(text: str, font: QFont, width: int, max_lines: int) -> str:
    """*text* cut to the lines that fit *max_lines* at *width*, the last one elided."""
    metrics = QFontMetrics(font)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    starts: list[int] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) <= max_lines:
        return text
    # The text layout counts UTF-16 units; Python strings count code points.
    units = text.encode("utf-16-le")
    head = units[: 2 * starts[max_lines - 1]].decode("utf-16-le")
    rest = text[len(head) :]
    last = metrics.elidedText(rest.strip(), Qt.TextElideMode.ElideRight, width)
    return head + last
