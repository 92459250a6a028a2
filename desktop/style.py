"""Icons search path and the application stylesheet."""

from __future__ import annotations

import logging

from PySide6.QtCore import QDir
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from db.paths import RESOURCES

log = logging.getLogger(__name__)


def register_icons() -> None:
    QDir.addSearchPath("icons", str(RESOURCES / "icons"))


def stylesheet() -> str:
    path = RESOURCES / "style.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("stylesheet %s not found", path)
        return ""


def reader_font() -> QFont:
    """A comfortable reading font for article text."""
    font = QFont()
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setFamilies(["Source Serif 4", "Noto Serif", "Georgia", "DejaVu Serif", "serif"])
    font.setPointSizeF(12.5)
    return font


def apply_style(app: QApplication) -> None:
    register_icons()
    app.setStyleSheet(stylesheet())
