"""History operations: a claim's or the workspace's history by page; restoring a state."""

from __future__ import annotations

import uuid

from db import history as history_ops
from db.history import ENTITY_TYPES, HistoryItem
from desktop.commands.review import RestoreStateCommand
from desktop.context import AppContext

__all__ = [
    "ENTITY_TYPES",
    "HistoryItem",
    "claim_history_count",
    "claim_history_page",
    "restore_state",
    "workspace_history_count",
    "workspace_history_page",
]


def claim_history_count(ctx: AppContext, claim_id: uuid.UUID) -> int:
    return history_ops.claim_history_count(ctx.ws, claim_id)


def claim_history_page(
    ctx: AppContext, claim_id: uuid.UUID, offset: int, limit: int
) -> list[HistoryItem]:
    """A page of a claim's history, oldest first."""
    return history_ops.claim_history_page(ctx.ws, claim_id, offset, limit)


def workspace_history_count(
    ctx: AppContext, entity_type: str | None = None, analyst: str | None = None
) -> int:
    return history_ops.workspace_history_count(ctx.ws, entity_type, analyst)


def workspace_history_page(
    ctx: AppContext,
    offset: int,
    limit: int,
    entity_type: str | None = None,
    analyst: str | None = None,
) -> list[HistoryItem]:
    """A page of the workspace's history, newest first."""
    return history_ops.workspace_history(
        ctx.ws, limit=limit, offset=offset, entity_type=entity_type, analyst=analyst
    )


def restore_state(ctx: AppContext, claim_id: uuid.UUID, entry_id: uuid.UUID) -> bool:
    """Set a claim back to how it was after a history entry (undoable)."""
    command = RestoreStateCommand(ctx, claim_id, entry_id)
    ctx.undo_stack.push(command)
    return not command.failed
