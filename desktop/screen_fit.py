"""Windows and dialogs never larger than the screen they open on.

A dialog asks for a comfortable size (900 × 600); at 2× scaling on a small
screen that is more than the screen holds and its buttons fall off the bottom.
:func:`resize_within_screen` gives the comfortable size where it fits and the
screen's free area (never below the dialog's minimum) where it does not.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the window manager's title bar and borders.
FRAME_ALLOWANCE = 40


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """``window.resize(width, height)``, bounded by the free area of its screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - FRAME_ALLOWANCE // 2)
        height = min(height, free.height() - FRAME_ALLOWANCE)
    window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
