"""Run work once a window has been painted for the first time.

Start-up shows the window first and fills it afterwards: what is queued here
runs in the event loop's pass after the window's first paint (or after
``FALLBACK_MS`` if the window is never painted, e.g. opened minimised).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 5000


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._work: Callable[[], None] | None = work
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._work is not None:
            watched.removeEventFilter(self)
            # Once this paint has been delivered, and what it queued has run.
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._run))
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is not None:
            work()
        self.deleteLater()


def after_first_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Call *work* once *widget* has been painted (or after a fallback delay)."""
    _FirstPaint(widget, work)
