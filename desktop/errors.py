"""Logging to the per-user log file and a last-resort exception hook.

An unexpected exception is written to the log with its traceback and shown in
an error dialog, so a failure is never silent.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

log = logging.getLogger("claimdesk")

ShowError = Callable[[str, str], None]


def setup_logging(path: Path, level: int = logging.INFO) -> None:
    """Log to *path* (rotated at 2 MB) and to stderr for warnings."""
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)


def describe(exc: BaseException) -> str:
    """The user-facing text for an unexpected exception."""
    return (
        f"Something went wrong: {type(exc).__name__}: {exc}\n\n"
        "Your saved work is safe; the last action may not have completed. "
        "The details were written to the log file."
    )


def _qt_dialog(title: str, message: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        QMessageBox.critical(QApplication.activeWindow(), title, message)


def _on_gui_thread(show: ShowError) -> ShowError:
    """*show*, called in the GUI thread: an error raised in a worker thread (say, one
    that escaped a thread pool's job) is shown there once the event loop runs, never
    from the worker itself (a widget made off the GUI thread crashed the process), and
    not at all once the application is closing down (it is in the log)."""

    def shown_later(title: str, message: str) -> None:
        if threading.current_thread() is threading.main_thread():  # the GUI thread
            show(title, message)
            return
        from PySide6.QtCore import QCoreApplication, QTimer

        app = QCoreApplication.instance()
        if app is not None and not QCoreApplication.closingDown():
            QTimer.singleShot(0, app, lambda: show(title, message))

    return shown_later


def make_excepthook(show: ShowError | None = None) -> Callable[..., None]:
    show = _on_gui_thread(show or _qt_dialog)
    showing = False

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if showing:  # an error inside the dialog itself: logged only
            return
        showing = True
        try:
            from db.errors import ClaimDeskError
            from db.needs import explain

            if isinstance(exc, ClaimDeskError):
                text = str(exc)
            elif isinstance(exc, ImportError):  # a package missing: named in one line
                text = explain(exc)
            else:
                text = describe(exc)
            show("ClaimDesk", text)
        except Exception:
            log.exception("could not show the error dialog")
        finally:
            showing = False

    return hook


def install_excepthook(show: ShowError | None = None) -> None:
    sys.excepthook = make_excepthook(show)
