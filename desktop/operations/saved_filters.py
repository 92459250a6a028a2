"""The claims filter bar's saved filters: list, read, and edits pushed as undoable commands."""

from __future__ import annotations

import uuid

from db import saved_filters as saved_ops
from db.claims import ClaimFilter
from db.saved_filters import SavedFilterInfo
from desktop.commands.base import DbCommand
from desktop.commands.saved_filters import (
    DeleteFilterCommand,
    RenameFilterCommand,
    SaveFilterCommand,
)
from desktop.context import AppContext

__all__ = ["SavedFilterInfo", "delete", "get", "names", "rename", "save"]


def names(ctx: AppContext) -> list[tuple[uuid.UUID, str]]:
    """(id, name) of every saved filter of the workspace, by name."""
    return saved_ops.list_saved(ctx.ws)


def get(ctx: AppContext, filter_id: uuid.UUID) -> SavedFilterInfo:
    return saved_ops.get_saved(ctx.ws, filter_id)


def _push(ctx: AppContext, command: DbCommand) -> bool:
    ctx.undo_stack.push(command)
    return not command.failed


def save(ctx: AppContext, name: str, flt: ClaimFilter) -> uuid.UUID | None:
    """Keep *flt* under *name*; the new filter's id (None: refused, reported)."""
    command = SaveFilterCommand(ctx, name, flt)
    return command.filter_id if _push(ctx, command) else None


def rename(ctx: AppContext, filter_id: uuid.UUID, name: str) -> bool:
    return _push(ctx, RenameFilterCommand(ctx, filter_id, name))


def delete(ctx: AppContext, filter_id: uuid.UUID) -> bool:
    return _push(ctx, DeleteFilterCommand(ctx, filter_id))
