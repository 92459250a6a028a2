"""The main window: docks around the reader, menus, status bar and settings."""

from desktop.main_window.window import MainWindow

__all__ = ["MainWindow"]
