"""Article operations the window and panels call: list, delete (undoable) after confirming."""

from __future__ import annotations

import uuid

from db import articles as article_ops
from db.articles import ArticleInfo
from db.errors import ClaimDeskError
from desktop.commands.articles import DeleteArticleCommand
from desktop.context import AppContext


def list_articles(ctx: AppContext) -> list[ArticleInfo]:
    return article_ops.list_articles(ctx.ws)


def delete_article(ctx: AppContext, article_id: uuid.UUID | str) -> bool:
    """Delete an article and its claims after the analyst confirms; True if deleted.

    The deletion is an undoable command: undo brings the article back with its
    claims, links, evidence, comments and verdicts, under the same ids.
    """
    try:
        info = article_ops.get_article(ctx.ws, article_id)
    except ClaimDeskError as exc:
        ctx.report_error(exc)
        return False
    claims = f" and its {info.claim_count} claim(s)" if info.claim_count else ""
    if not ctx.dialogs.confirm(
        "Delete article", f'Delete "{info.title}"{claims}? Edit ▸ Undo brings it back.'
    ):
        return False
    command = DeleteArticleCommand(ctx, info.id, info.title)
    ctx.undo_stack.push(command)  # reports its own failure and drops off the stack
    return not command.failed
