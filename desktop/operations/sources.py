"""Source operations the sources view and the review filters call: reads, and undoable edits."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from db import sources as source_ops
from db.sources import SourceInfo
from desktop.commands.claims import fresh_claim
from desktop.commands.sources import (
    CreateSourceCommand,
    DeleteSourceCommand,
    MergeSourcesCommand,
    UpdateSourceCommand,
    source_values,
)
from desktop.context import AppContext

__all__ = [
    "SourceInfo",
    "claim_counts",
    "create_source",
    "delete_source",
    "find_source",
    "get_source",
    "list_sources",
    "merge_sources",
    "source_values",
    "sources_by_ids",
    "sources_of_claims",
    "update_source",
]


def list_sources(ctx: AppContext, *, counts: bool = True) -> list[SourceInfo]:
    """Every source with its claim count (unless not *counts*: all 0), by name."""
    return source_ops.list_sources(ctx.ws, counts=counts)


def get_source(ctx: AppContext, source_id: uuid.UUID | str) -> SourceInfo:
    return source_ops.get_source(ctx.ws, source_id)


def sources_by_ids(ctx: AppContext, source_ids: Collection[str]) -> list[SourceInfo]:
    """The named sources that still exist (to update their rows)."""
    return source_ops.sources_by_ids(ctx.ws, source_ids)


def claim_counts(ctx: AppContext) -> dict[str, int]:
    """Claims per source id (as text); sources without claims are absent."""
    return {str(k): n for k, n in source_ops.claim_counts(ctx.ws).items()}


def sources_of_claims(ctx: AppContext, claim_ids: Collection[str]) -> set[str]:
    """The sources of some claims; a claim just written is answered from its stored values."""
    found: set[str] = set()
    unknown = []
    for cid in claim_ids:
        info = fresh_claim(cid)
        if info is None:
            unknown.append(cid)
        elif info.source_id is not None:
            found.add(str(info.source_id))
    if unknown:
        found |= {str(s) for s in source_ops.sources_of_claims(ctx.ws, unknown)}
    return found


def _push(ctx: AppContext, command: Any) -> bool:
    ctx.undo_stack.push(command)
    return not command.failed


def create_source(ctx: AppContext, name: str, **fields: Any) -> uuid.UUID | None:
    """Create a source (undoable); its id, or None when refused."""
    command = CreateSourceCommand(ctx, name, **fields)
    return command.source_id if _push(ctx, command) else None


def update_source(
    ctx: AppContext,
    source_id: uuid.UUID,
    new: dict[str, Any],
    old: dict[str, Any],
    version: int | None,
) -> bool:
    """Change fields of a source (undoable; refused when someone else changed it first)."""
    return _push(ctx, UpdateSourceCommand(ctx, source_id, new, old, version))


def delete_source(ctx: AppContext, source_id: uuid.UUID) -> bool:
    """Delete a source (undoable); its claims keep no source."""
    return _push(ctx, DeleteSourceCommand(ctx, source_id))


def merge_sources(ctx: AppContext, drop_id: uuid.UUID, keep_id: uuid.UUID) -> bool:
    """Merge *drop* into *keep* (undoable)."""
    return _push(ctx, MergeSourcesCommand(ctx, drop_id, keep_id))


def find_source(ctx: AppContext, name: str) -> SourceInfo | None:
    """The source whose name or alias is *name* (case-insensitive), if any."""
    return source_ops.find_source(ctx.ws, name)
