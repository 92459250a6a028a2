"""The timeline of a fact or of the workspace: claims in time, with their figures."""

from desktop.timeline.view import TimelineView, TimelineWindow, install_timeline_ui

__all__ = ["TimelineView", "TimelineWindow", "install_timeline_ui"]
