"""Article operations the window and panels call: list, read, edit and delete (undoable)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from db import articles as article_ops
from db.articles import ArticleInfo, ArticleText
from db.errors import ClaimDeskError
from db.workspace import Workspace
from desktop.commands.article_fields import UpdateArticleCommand
from desktop.commands.articles import DeleteArticleCommand
from desktop.context import AppContext

# Articles a write has just stored, held while its change record is published (on the
# GUI thread, so nothing changes them meanwhile): the views adding them take these rows
# instead of reading back what the write has in hand.  (workspace, id -> article)
_fresh: list[tuple[Workspace, dict[str, ArticleInfo]]] = []


def list_articles(ctx: AppContext) -> list[ArticleInfo]:
    return article_ops.list_articles(ctx.ws)


def get_article(ctx: AppContext, article_id: uuid.UUID | str) -> ArticleInfo:
    return article_ops.get_article(ctx.ws, article_id)


def article_text(ctx: AppContext, article_id: uuid.UUID | str) -> ArticleText:
    return article_ops.article_text(ctx.ws, article_id)


def text_pieces(ctx: AppContext, article_id: uuid.UUID) -> Iterator[str]:
    """The article's text in pieces of whole lines, read a slice at a time."""
    from db.text_slices import article_text_pieces

    return article_text_pieces(ctx.ws, article_id)


def update_article(
    ctx: AppContext,
    article_id: uuid.UUID,
    new: dict[str, Any],
    old: dict[str, Any] | None = None,
) -> bool:
    """Change some metadata fields through the undo stack; False when refused (and reported)."""
    command = UpdateArticleCommand(ctx, article_id, new, old)
    ctx.undo_stack.push(command)
    return not command.failed


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


def _ids(given: Iterable[uuid.UUID | str]) -> list[uuid.UUID]:
    """The ids that are UUIDs (a record may name something no longer parseable)."""
    out = []
    for value in given:
        try:
            out.append(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))
        except ValueError:
            continue
    return out


@contextmanager
def just_stored(ctx: AppContext, articles: Iterable[ArticleInfo]) -> Iterator[None]:
    """Within the block, :func:`articles_by_ids` gives *articles* (just stored, as
    :func:`db.articles.list_articles` would read them) without reading them again."""
    _fresh.append((ctx.ws, {str(a.id): a for a in articles}))
    try:
        yield
    finally:
        _fresh.pop()


def articles_by_ids(ctx: AppContext, ids: Iterable[uuid.UUID | str]) -> list[ArticleInfo]:
    """The named articles that exist, with their claim counts (one query for those not
    just stored, see :func:`just_stored`)."""
    wanted = _ids(ids)
    held = [rows for ws, rows in _fresh if ws is ctx.ws]
    if not held:
        return article_ops.list_articles(ctx.ws, wanted)
    found: list[ArticleInfo] = []
    rest: list[uuid.UUID] = []
    for article_id in wanted:
        row = next((rows[key] for rows in held if (key := str(article_id)) in rows), None)
        if row is None:
            rest.append(article_id)
        else:
            found.append(row)
    return found + (article_ops.list_articles(ctx.ws, rest) if rest else [])


def claim_counts(ctx: AppContext, ids: Iterable[uuid.UUID | str]) -> dict[uuid.UUID, int]:
    return article_ops.claim_counts(ctx.ws, _ids(ids))
