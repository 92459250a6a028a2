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


CONTESTED_COLOR = QColor("#c2410c")  # dark orange: a verdict questioned by a contradiction
SUPERSEDED_COLOR = QColor("#6b7280")  # grey: a newer claim replaces this one

CONTESTED_TIP = (
    "Contested: an accepted contradiction questions this claim's verdict. The verdict "
    "stands until a reviewer keeps it (Review ▸ Keep verdict, Ctrl+Shift+K) or gives another."
)


def status_tip(contested: bool, superseded_by: str | None) -> str | None:
    """The tooltip of a status cell that carries a mark (None when it has none)."""
    parts = [CONTESTED_TIP] if contested else []
    if superseded_by:
        parts.append(f"Superseded: claim {superseded_by[:8]} updates this one.")
    return "\n".join(parts) or None


def badge_html(text: str, color: QColor) -> str:
    """A small coloured label for rich text (the inspector's status marks)."""
    return (
        f"<span style='background-color:{color.name()}; color:#ffffff; "
        f"font-weight:600'>&nbsp;{text}&nbsp;</span>"
    )
