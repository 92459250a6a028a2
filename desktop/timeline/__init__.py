"""The timeline of a fact or of the workspace: claims in time, with their figures.

The views load on first use: the main window only adds the menu action at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.timeline.install import install_timeline_ui

if TYPE_CHECKING:
    from desktop.timeline.view import TimelineView, TimelineWindow

__all__ = ["TimelineView", "TimelineWindow", "install_timeline_ui"]


def __getattr__(name: str) -> Any:
    if name in ("TimelineView", "TimelineWindow"):
        from desktop.timeline import view

        return getattr(view, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
