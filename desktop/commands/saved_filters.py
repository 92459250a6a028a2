"""Undoable edits of the workspace's saved claim filters, by id."""

from __future__ import annotations

import uuid

from db import saved_filters as saved_ops
from db.changes import Entity, Op, changed
from db.claims import ClaimFilter
from db.saved_filters import SavedFilterInfo
from desktop.commands.base import DbCommand
from desktop.context import AppContext


def _publish(ctx: AppContext, filter_id: uuid.UUID, op: Op) -> None:
    ctx.publish(changed(Entity.SAVED_FILTER, [filter_id], op))


class SaveFilterCommand(DbCommand):
    def __init__(self, ctx: AppContext, name: str, flt: ClaimFilter) -> None:
        self.name = " ".join(name.split())
        super().__init__(ctx, f"Save filter “{self.name}”")
        self.flt = flt
        self.filter_id = uuid.uuid4()

    def do(self) -> None:
        info = saved_ops.save_filter(self.ctx.ws, self.name, self.flt, filter_id=self.filter_id)
        self.name = info.name
        _publish(self.ctx, self.filter_id, Op.CREATED)

    def undo_edit(self) -> None:
        saved_ops.delete_filter(self.ctx.ws, self.filter_id)
        _publish(self.ctx, self.filter_id, Op.DELETED)


class RenameFilterCommand(DbCommand):
    def __init__(self, ctx: AppContext, filter_id: uuid.UUID, name: str) -> None:
        self.name = " ".join(name.split())
        super().__init__(ctx, f"Rename saved filter to “{self.name}”")
        self.filter_id = filter_id
        self.old: str | None = None

    def do(self) -> None:
        old = saved_ops.rename_filter(self.ctx.ws, self.filter_id, self.name)
        self.old = self.old or old
        _publish(self.ctx, self.filter_id, Op.UPDATED)

    def undo_edit(self) -> None:
        assert self.old is not None
        saved_ops.rename_filter(self.ctx.ws, self.filter_id, self.old)
        _publish(self.ctx, self.filter_id, Op.UPDATED)


class DeleteFilterCommand(DbCommand):
    def __init__(self, ctx: AppContext, filter_id: uuid.UUID) -> None:
        super().__init__(ctx, "Delete saved filter")
        self.filter_id = filter_id
        self.info: SavedFilterInfo | None = None

    def do(self) -> None:
        self.info = saved_ops.delete_filter(self.ctx.ws, self.filter_id)
        self.setText(f"Delete saved filter “{self.info.name}”")
        _publish(self.ctx, self.filter_id, Op.DELETED)

    def undo_edit(self) -> None:
        assert self.info is not None
        saved_ops.save_filter(
            self.ctx.ws, self.info.name, self.info.claim_filter, filter_id=self.filter_id
        )
        _publish(self.ctx, self.filter_id, Op.CREATED)
