"""Article operations the window and panels call: list, delete after confirming."""

from __future__ import annotations

import uuid

from db import articles as article_ops
from db.articles import ArticleInfo
from db.errors import ClaimDeskError
from desktop.context import AppContext


def list_articles(ctx: AppContext) -> list[ArticleInfo]:
    return article_ops.list_articles(ctx.ws)


def delete_article(ctx: AppContext, article_id: uuid.UUID | str) -> bool:
    """Delete an article and its claims after the analyst confirms; True if deleted."""
    try:
        info = article_ops.get_article(ctx.ws, article_id)
    except ClaimDeskError as exc:
        ctx.report_error(exc)
        return False
    claims = f" and its {info.claim_count} claim(s)" if info.claim_count else ""
    if not ctx.dialogs.confirm(
        "Delete article", f'Delete "{info.title}"{claims}? This cannot be undone.'
    ):
        return False
    try:
        article_ops.delete_article(ctx.ws, info.id)
    except ClaimDeskError as exc:
        ctx.report_error(exc)
        return False
    ctx.undo_stack.clear()  # commands may refer to the deleted claims
    ctx.articlesChanged.emit()
    ctx.claims_changed()
    return True
