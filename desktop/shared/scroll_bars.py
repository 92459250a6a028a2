"""Scroll bars drawn once per look, for the large tables.

A row inserted into a table changes its vertical scroll bar's range, and Qt's
scroll area then repaints both of its bars.  At 100,000 rows the slider does not
move by a pixel, and the horizontal bar has not changed at all, yet drawing a
bar the width of the window takes the style a couple of milliseconds: as long as
the rest of the repaint after a new claim.  :class:`CachedScrollBar` keeps the
last picture of itself and paints that again while everything it shows (size,
slider rectangle, state, palette) is the same.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QStyle, QStyleOptionSlider, QWidget

LookKey = tuple[object, ...]


class CachedScrollBar(QScrollBar):
    """A QScrollBar that paints its last picture again while it would look the same.

    Only an idle bar is drawn from the picture: under the mouse, pressed or while
    a button is held it is drawn by the style as Qt does (hover and pressed looks
    depend on state Qt keeps to itself).  ``drawn`` counts the style's drawings.
    """

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._picture: QPixmap | None = None
        self._key: LookKey | None = None
        self.drawn = 0

    def _look(self) -> tuple[QStyleOptionSlider, LookKey]:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        option.subControls = QStyle.SubControl.SC_All
        slider = self.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, self
        )
        key = (
            option.rect.getRect(),
            slider.getRect(),
            int(option.state.value),
            int(option.orientation.value),
            option.palette.cacheKey(),
            option.direction.value,
            self.devicePixelRatioF(),
            id(self.style()),
            self.minimum() < self.maximum(),
        )
        return option, key

    def paintEvent(self, event: QPaintEvent) -> None:
        idle = (
            not self.underMouse()
            and not self.isSliderDown()
            and QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton
        )
        if not idle:
            self._picture = self._key = None
            super().paintEvent(event)
            return
        option, key = self._look()
        if self._picture is None or key != self._key:
            ratio = self.devicePixelRatioF()
            picture = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            self.style().drawComplexControl(
                QStyle.ComplexControl.CC_ScrollBar, option, painter, self
            )
            painter.end()
            self._picture, self._key = picture, key
            self.drawn += 1
        painter = QPainter(self)
        painter.drawPixmap(QRect(0, 0, self.width(), self.height()), self._picture)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._picture = self._key = None
        super().changeEvent(event)


def cache_scroll_bars(area: QAbstractScrollArea) -> None:
    """Give *area* scroll bars drawn once per look (see :class:`CachedScrollBar`)."""
    area.setHorizontalScrollBar(CachedScrollBar(Qt.Orientation.Horizontal, area))
    area.setVerticalScrollBar(CachedScrollBar(Qt.Orientation.Vertical, area))
