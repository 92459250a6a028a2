"""Helpers for the colour tests: a dark palette as a desktop would give, and the
contrast of what a widget really paints."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDockWidget, QWidget

from desktop.colour_checks import contrast

DARK = {
    QPalette.ColorRole.Window: "#2d2d2d",
    QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#2a2a2a",
    QPalette.ColorRole.Text: "#e8e8e8",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e8e8e8",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3d6ea8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Light: "#505050",
    QPalette.ColorRole.Midlight: "#404040",
    QPalette.ColorRole.Mid: "#3a3a3a",
    QPalette.ColorRole.Dark: "#202020",
    QPalette.ColorRole.Shadow: "#101010",
    QPalette.ColorRole.ToolTipBase: "#2d2d2d",
    QPalette.ColorRole.ToolTipText: "#e8e8e8",
    # As some desktops ship it: too dim for hints (about 2.6:1 on the base).
    QPalette.ColorRole.PlaceholderText: "#6e6e6e",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


def painted_contrast(widget: QWidget, area: QRect | None = None) -> float:
    """Within *area* of what a widget paints: the contrast between its most common
    colour (the background) and the colour that stands out most from it (the text)."""
    image = widget.grab().toImage()
    box = (area or image.rect()).intersected(image.rect())
    counts: Counter[int] = Counter(
        image.pixel(x, y)
        for y in range(box.top(), box.bottom() + 1)
        for x in range(box.left(), box.right() + 1)
        if image.pixelColor(x, y).alpha() == 255  # not a rounded corner left unpainted
    )
    background = QColor.fromRgb(counts.most_common(1)[0][0]).name()
    return max(contrast(QColor.fromRgb(p).name(), background) for p in counts)


def chip_text_area(label: QWidget, within: QWidget) -> QRect:
    """A legend chip without its coloured edge, in *within*'s coordinates (the chip's
    translucent background is seen over what lies under it)."""
    corner = label.mapTo(within, QPoint(3, 2))
    return QRect(corner, QSize(max(1, label.width() - 6), max(1, label.height() - 6)))


def dock_title_area(dock: QDockWidget) -> QRect:
    """The dock's title text (not its float and close buttons)."""
    inner = dock.widget()
    height = inner.y() if inner is not None else 24
    width = dock.fontMetrics().horizontalAdvance(dock.windowTitle()) + 24
    return QRect(0, 0, width, height)
