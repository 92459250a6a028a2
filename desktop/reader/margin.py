"""The reader's left margin: beside each line, the letter of the status of every
claim starting on it (U, R, V, D, F, ?), so status is never told by colour alone.

The letters are painted; the document is never written to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from db.models import Status
from desktop.palette import is_dark, status_letter, underline_color

MAX_LETTERS = 3  # more claims starting on one line: the third letter becomes "+"
# (top, height, statuses in text order) of every line on screen where claims start.
Marks = Iterable[tuple[float, float, list[Status]]]


def letters_of(statuses: list[Status]) -> str:
    letters = [status_letter(s) for s in statuses]
    if len(letters) > MAX_LETTERS:
        letters = [*letters[: MAX_LETTERS - 1], "+"]
    return "".join(letters)


class StatusMargin(QWidget):
    """Painted beside the reader's viewport; *marks* says what to paint where."""

    def __init__(self, parent: QWidget, marks: Callable[..., Marks]) -> None:
        """*marks* (optionally given a (top, bottom) band to keep to) says what to paint."""
        super().__init__(parent)
        self.setObjectName("statusMargin")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._marks = marks
        # (the font it was made from, the letters' font, the width of a letter): made
        # again only when the reader's font changes, not on every paint.
        self._letters: tuple[QFont, QFont, float] | None = None

    def _letter_font_and_advance(self) -> tuple[QFont, float]:
        base = self.parentWidget().font() if self.parentWidget() else self.font()
        held = self._letters
        if held is not None and held[0] == base:
            return held[1], held[2]
        font = QFont(base)
        size = font.pointSizeF() if font.pointSizeF() > 0 else 12.0
        font.setPointSizeF(max(7.0, size * 0.8))
        font.setFamilies(["DejaVu Sans Mono", "Noto Sans Mono", "monospace"])
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setWeight(QFont.Weight.Bold)
        advance = QFontMetricsF(font).horizontalAdvance("M")
        self._letters = (QFont(base), font, advance)
        return font, advance

    def letter_font(self) -> QFont:
        return QFont(self._letter_font_and_advance()[0])

    def wanted_width(self) -> int:
        metrics = QFontMetricsF(self.letter_font())
        return int(metrics.horizontalAdvance("M" * MAX_LETTERS) + 10)

    def painted(self) -> list[tuple[float, str]]:
        """What is painted: (top, letters) per line, for tests and screen readers."""
        return [(top, letters_of(statuses)) for top, _h, statuses in self._marks()]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Base))
        font, advance = self._letter_font_and_advance()
        painter.setFont(font)
        dark = is_dark(palette)
        text = palette.color(QPalette.ColorRole.Text)
        band = event.rect()
        for top, height, statuses in self._marks((band.top(), band.bottom() + 1.0)):
            x = 4.0
            for status, letter in zip(statuses, letters_of(statuses), strict=False):
                box = QRectF(x, top, advance, height)
                # A short bar in the status colour under the letter, the letter in text colour.
                painter.fillRect(
                    QRectF(x, top + height - 2.5, advance, 2.0), underline_color(status, dark=dark)
                )
                painter.setPen(text)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)
                x += advance
        painter.end()
