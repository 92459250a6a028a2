"""Edits of many claims at once from the claims table: one undoable step, one transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from db import bulk
from db.bulk import BulkEdit
from db.errors import ClaimDeskError
from db.models import Status
from desktop.commands.bulk import BulkEditCommand
from desktop.context import AppContext

__all__ = ["BulkEdit", "edit_many", "label_of"]


def label_of(edit: BulkEdit, n: int, source_name: str = "", fact_name: str = "") -> str:
    """The undo text: ``Set 1,204 claims to Verified``, ``Tag 12 claims “border”``."""
    claims = f"{n:,} claim{'s' if n != 1 else ''}"
    if edit.status is not None:
        return f"Set {claims} to {Status(edit.status).label}"
    if edit.add_tag is not None:
        return f"Tag {claims} “{edit.add_tag}”"
    if edit.source_id is not None:
        return f"Set the source of {claims} to {source_name or 'another source'}"
    return f"Put {claims} in {('“' + fact_name + '”') if fact_name else 'a fact'}"


def edit_many(
    ctx: AppContext,
    claim_ids: Sequence[str | uuid.UUID],
    edit: BulkEdit,
    text: str = "",
) -> int:
    """Apply *edit* to every claim as one undoable step; how many changed (-1: refused,
    with the reason reported once; bad input is reported the same way)."""
    ids = [str(i) for i in claim_ids]
    try:
        if not bulk.pending(ctx.ws, ids, edit):
            return 0  # nothing to do: the redo steps after the last undo stay
    except ClaimDeskError as exc:
        ctx.report_error(exc)
        return -1
    command = BulkEditCommand(ctx, ids, edit, text or label_of(edit, len(ids)))
    ctx.undo_stack.push(command)
    if command.failed:
        return -1
    return command.changed
