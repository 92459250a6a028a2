"""Discussion operations: read a claim's threads; comment, reply, resolve and reopen (undoable)."""

from __future__ import annotations

import uuid

from db import comments as comment_ops
from db.comments import CommentInfo
from desktop.commands.review import AddCommentCommand, SetThreadResolvedCommand
from desktop.context import AppContext

__all__ = ["CommentInfo", "add_comment", "reply", "set_resolved", "threads_of"]


def threads_of(ctx: AppContext, claim_id: uuid.UUID) -> list[CommentInfo]:
    """A claim's threads, oldest first, replies nested."""
    return comment_ops.threads_of(ctx.ws, claim_id)


def add_comment(ctx: AppContext, claim_id: uuid.UUID, body: str) -> bool:
    """Start a thread on a claim; True when stored."""
    command = AddCommentCommand(ctx, claim_id, body)
    ctx.undo_stack.push(command)
    return not command.failed


def reply(ctx: AppContext, claim_id: uuid.UUID, parent_id: uuid.UUID, body: str) -> bool:
    """Answer a comment (reopening its thread when it was resolved)."""
    command = AddCommentCommand(ctx, claim_id, body, parent_id)
    ctx.undo_stack.push(command)
    return not command.failed


def set_resolved(
    ctx: AppContext, claim_id: uuid.UUID, comment_id: uuid.UUID, resolved: bool
) -> bool:
    """Resolve (or reopen) the thread holding *comment_id*."""
    command = SetThreadResolvedCommand(ctx, claim_id, comment_id, resolved)
    ctx.undo_stack.push(command)
    return not command.failed
