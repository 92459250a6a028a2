"""The main window: docks around the reader, menus, status bar and settings.

``MainWindow`` is loaded on first use, so the start-up can begin checking the
workspace file (and open it) while the window's code loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.main_window.window import MainWindow

__all__ = ["MainWindow"]


def __getattr__(name: str) -> Any:
    if name == "MainWindow":
        from desktop.main_window.window import MainWindow

        return MainWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
