"""The Conflicts queue: links the claims' figures call for, to accept or dismiss."""

from desktop.conflicts.view import ConflictsView, install_conflicts_ui

__all__ = ["ConflictsView", "install_conflicts_ui"]
