"""The base of every undoable edit: a QUndoCommand that acts on the database by id.

A command's first ``redo`` (run by ``QUndoStack.push``) performs the edit;
when it fails the error is reported and the command marks itself obsolete so
the stack drops it.  Every redo/undo is one committed transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from db.errors import ClaimDeskError, Refused, StaleEdit
from desktop.commands.layouts import settle_layouts
from desktop.context import AppContext


class DbCommand(QUndoCommand):
    """Runs db/ operations; reports expected failures instead of raising into Qt."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.failed = False

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            if self.ctx.ws.analyst_id is None and not self.ctx.ws.shared:
                raise Refused(
                    "Nobody is named as working in this workspace: click “No analyst” in "
                    "the status bar and say who you are first."
                )
            action()
        except ClaimDeskError as exc:
            # A stale edit may be settled by the conflict dialog (desktop.shared):
            # True = re-applied, False = discarded there, None = not handled.
            handler = self.ctx.stale_edit_handler
            if isinstance(exc, StaleEdit) and handler is not None and action == self.do:
                outcome = handler(self, exc)
                if outcome is True:
                    return
                if outcome is False:
                    self.failed = True
                    self.setObsolete(True)
                    return
            self.failed = True
            self.setObsolete(True)
            self.ctx.report_error(exc)

    def redo(self) -> None:
        self._guard(self.do)
        settle_layouts()  # the edit's views laid out before the window repaints, once

    def undo(self) -> None:
        self._guard(self.undo_edit)
        settle_layouts()

    def do(self) -> None:
        raise NotImplementedError

    def undo_edit(self) -> None:
        raise NotImplementedError
