"""Colours shared by every view: one per claim status, legible on light backgrounds."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap

from db.models import Status

STATUS_COLORS: dict[Status, QColor] = {
    Status.UNVERIFIED: QColor("#9ca3af"),  # grey: nobody has looked yet
    Status.IN_REVIEW: QColor("#f59e0b"),  # amber: being checked
    Status.VERIFIED: QColor("#16a34a"),  # green
    Status.DISPUTED: QColor("#ea580c"),  # orange
    Status.FALSE: QColor("#dc2626"),  # red
    Status.UNVERIFIABLE: QColor("#7c3aed"),  # violet
}


def status_color(status: Status | str) -> QColor:
    """The colour of a status (grey for anything unknown)."""
    try:
        return QColor(STATUS_COLORS[Status(status)])
    except ValueError:
        return QColor("#9ca3af")


_ICONS: dict[str, QIcon] = {}


def status_icon(status: Status | str, size: int = 12) -> QIcon:
    """A small filled square in the status colour, cached per status and size."""
    key = f"{status}:{size}"
    icon = _ICONS.get(key)
    if icon is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(status_color(status))
        icon = QIcon(pixmap)
        _ICONS[key] = icon
    return icon
