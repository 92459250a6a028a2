"""Whole-word selections and moving a claim's edges (the reader's door to db.word_snap
and db.claim_span)."""

from __future__ import annotations

import uuid

from db import word_snap
from desktop.commands.claim_span import MoveClaimSpanCommand
from desktop.context import AppContext

Edge = word_snap.Edge


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] widened to whole words and trimmed of spaces and stray punctuation."""
    return word_snap.snap_to_words(text, start, end)


def moved_edge(text: str, start: int, end: int, edge: Edge, grow: bool) -> tuple[int, int] | None:
    """The span with its start or end moved by one word (None when it cannot move)."""
    return word_snap.move_edge(text, start, end, edge, grow)


def move_claim_span(
    ctx: AppContext, claim_id: uuid.UUID | str, new: tuple[int, int], old: tuple[int, int]
) -> bool:
    """Put the claim over text[new[0]:new[1]] as one undoable edit; False when refused."""
    command = MoveClaimSpanCommand(ctx, uuid.UUID(str(claim_id)), new, old)
    ctx.undo_stack.push(command)
    return not command.failed
