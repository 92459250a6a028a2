"""The application context handed to every window and panel.

It owns the open workspace, the undo stack and the signals through which
views learn what changed.  Widgets never hold sessions; they call db/
operations and broadcast the ids that changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from db.workspace import Workspace
from desktop.dialogs import DialogService


class AppContext(QObject):
    # Lists of claim ids as strings; an empty list means "anything may have changed".
    claimsChanged = Signal(list)
    articlesChanged = Signal()
    sourcesChanged = Signal()
    linksChanged = Signal(list)
    reviewChanged = Signal()
    # Selection and navigation requests (claim id as string).
    claimSelected = Signal(str)
    openClaimRequested = Signal(str)
    workspaceChanged = Signal()

    def __init__(
        self,
        ws: Workspace,
        dialogs: DialogService | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.dialogs = dialogs or DialogService()
        self.undo_stack = QUndoStack(self)

    def set_workspace(self, ws: Workspace) -> None:
        old = self.ws
        self.ws = ws
        self.undo_stack.clear()
        if old is not ws:
            old.close()
        self.workspaceChanged.emit()

    def claims_changed(self, ids: Iterable[object] = ()) -> None:
        self.claimsChanged.emit([str(i) for i in ids])

    def report_error(self, exc: BaseException, title: str = "ClaimDesk") -> None:
        """Show an expected failure (ClaimDeskError and the like) as one clear message."""
        self.dialogs.error(title, str(exc))
