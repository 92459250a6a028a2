"""The application context handed to every window and panel.

It owns the open workspace, the undo stack and the signals through which
views learn what changed.  Widgets never hold sessions: they call
``desktop/operations`` (or push a command from ``desktop/commands``), and
each write is published once as a :class:`db.changes.Changes` record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from db.changes import EVERYTHING, Changes, Entity
from db.errors import StaleEdit
from db.workspace import Workspace
from desktop.dialogs import DialogService

# Article fields that only count its claims (see desktop.commands.claims.claim_changes).
COUNT_FIELDS = frozenset({"claims", "claim_count"})


class AppContext(QObject):
    # The one application-wide record of what changed (db.changes.Changes):
    # local writes through desktop/operations and other analysts' edits from
    # the change feed alike.  Views refresh only what it names.
    changed = Signal(object)
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
        # Settles a command's StaleEdit (see desktop.shared.conflict.make_stale_handler):
        # True = re-applied, False = discarded there, None = not handled (reported).
        self.stale_edit_handler: Callable[[Any, StaleEdit], bool | None] | None = None

    def set_workspace(self, ws: Workspace) -> None:
        old = self.ws
        self.ws = ws
        self.undo_stack.clear()
        if old is not ws:
            old.close()
        self.workspaceChanged.emit()
        self.changed.emit(EVERYTHING)

    def publish(self, changes: Changes) -> None:
        """Broadcast *changes* to every view (once per write)."""
        if changes.empty:
            return
        self.changed.emit(changes)
        self._emit_legacy(changes)

    def _emit_legacy(self, changes: Changes) -> None:
        # Transitional: coarse signals for views not yet refreshed from `changed`.
        if changes.everything:
            self.articlesChanged.emit()
            self.sourcesChanged.emit()
            self.claimsChanged.emit([])
            self.linksChanged.emit([])
            self.reviewChanged.emit()
            return
        # A claim added or removed changes only its article's count: nothing the
        # coarse listeners (article lists in filter bars) show.
        if any(c.fields - COUNT_FIELDS or not c.fields for c in changes.of(Entity.ARTICLE)):
            self.articlesChanged.emit()
        if changes.touches(Entity.SOURCE):
            self.sourcesChanged.emit()
        if changes.touches(Entity.LINK):
            self.linksChanged.emit(sorted({c.parent or c.id for c in changes.of(Entity.LINK)}))
        # A claim's row also shows its evidence, open threads and verdict.
        claim_ids = changes.ids(Entity.CLAIM) | {
            c.parent
            for kind in (Entity.EVIDENCE, Entity.COMMENT, Entity.VERDICT)
            for c in changes.of(kind)
            if c.parent is not None
        }
        if claim_ids:
            self.claimsChanged.emit(sorted(claim_ids))
        if changes.touches(Entity.COMMENT) or changes.touches(Entity.VERDICT):
            self.reviewChanged.emit()

    def claims_changed(self, ids: Iterable[object] = ()) -> None:
        self.claimsChanged.emit([str(i) for i in ids])

    def report_error(self, exc: BaseException, title: str = "ClaimDesk") -> None:
        """Show an expected failure (ClaimDeskError and the like) as one clear message;
        a Python package found missing is named in one line too."""
        self.dialogs.error(title, error_text(exc))


def error_text(exc: BaseException) -> str:
    """What the analyst reads of a failure: its own words, or for an import failure the
    package missing and how to install it (:func:`db.needs.explain`)."""
    if isinstance(exc, ImportError):
        from db.needs import explain

        return explain(exc)
    return str(exc)
