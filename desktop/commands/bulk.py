"""One undoable step for an edit of many claims (see :mod:`db.bulk`)."""

from __future__ import annotations

from db import bulk as bulk_ops
from db.bulk import Before, BulkEdit
from desktop.commands.base import DbCommand
from desktop.context import AppContext


class BulkEditCommand(DbCommand):
    """Apply one :class:`BulkEdit` to claims named by id; undo puts each claim back.

    ``changed`` is how many claims the first run changed (0: all held the values
    already, and the command drops itself from the stack).
    """

    def __init__(self, ctx: AppContext, claim_ids: list[str], edit: BulkEdit, text: str) -> None:
        super().__init__(ctx, text)
        self.claim_ids = claim_ids
        self.edit = edit
        self.before: Before = {}
        self.changed = 0
        self._ran = False

    def do(self) -> None:
        # A redo puts the same decision back: no second verdict is recorded.
        before, changes = bulk_ops.bulk_edit(
            self.ctx.ws, self.claim_ids, self.edit, restoring=self._ran
        )
        self.before = before
        if not self._ran:
            self._ran = True
            self.changed = len(before)
            if not before:
                self.setObsolete(True)
                return
        self.ctx.publish(changes)

    def undo_edit(self) -> None:
        self.ctx.publish(bulk_ops.put_back(self.ctx.ws, self.before))
