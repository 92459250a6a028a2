"""The Timeline… action of the main window; the view's code loads when it is first used."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.fact_windows import install_fact_window_action


def _make(ctx: AppContext, fact: Any, parent: Any) -> QWidget:
    from desktop.timeline.view import TimelineWindow

    return TimelineWindow(ctx, fact, parent)


def install_timeline_ui(main_window: Any, ctx: AppContext) -> QAction:
    """ "Timeline…" in the View menu: the selected fact's timeline, else every claim's."""
    return install_fact_window_action(
        main_window,
        ctx,
        text="&Timeline…",
        name="actionTimeline",
        make=_make,
        windows_attribute="timeline_windows",
        tooltip="The selected fact's claims in time (all claims when no fact is selected)",
    )
