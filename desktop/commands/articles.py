"""Undoable removal and import of whole articles.

Before articles go, a snapshot of them — claims, tags, links (also to claims in
other articles), evidence, comments, verdicts, sources and history — is written
as an exchange bundle into a temporary folder the command owns; undo brings it
back with the same ids through :func:`db.bundles.restore_bundle`.  The folder
is removed when the command is destroyed, or at the latest when the app exits.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path

from db import articles as article_ops
from db.changes import Change, Changes, Entity, Op
from db.errors import InvalidInput
from desktop.commands.base import DbCommand
from desktop.context import AppContext


class ArticleSnapshot:
    """Some articles with everything that is deleted with them, kept in a temp file."""

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    @property
    def path(self) -> Path | None:
        return Path(self._folder.name) / "snapshot.claimdesk" if self._folder else None

    def take(self, ctx: AppContext, article_ids: Sequence[uuid.UUID]) -> None:
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="claimdesk-undo-")
        assert self.path is not None
        from db.bundles import export_bundle  # the bundle code loads with the first deletion

        try:
            export_bundle(ctx.ws, self.path, article_ids=list(article_ids), outside_links=True)
        except OSError as exc:
            raise InvalidInput(
                f"Could not keep a copy to undo this ({exc.strerror or exc}); nothing was deleted."
            ) from None

    def restore(self, ctx: AppContext) -> None:
        if self.path is None or not self.path.exists():
            raise InvalidInput("The copy kept to undo this is gone; nothing was restored.")
        from db.bundles import restore_bundle

        restore_bundle(ctx.ws, self.path)


def articles_changes(
    article_ids: Sequence[uuid.UUID], claims: Sequence[tuple[uuid.UUID, uuid.UUID]], op: Op
) -> Changes:
    """Articles and their claims (with the article as parent) deleted or brought back."""
    items = [Change(Entity.ARTICLE, str(a), op) for a in article_ids]
    items += [Change(Entity.CLAIM, str(c), op, parent=str(a)) for c, a in claims]
    return Changes(tuple(items))


class DeleteArticleCommand(DbCommand):
    """Delete an article and what hangs off it; undo restores all of it with its ids."""

    def __init__(self, ctx: AppContext, article_id: uuid.UUID, title: str = "") -> None:
        super().__init__(ctx, f'Delete article "{title}"' if title else "Delete article")
        self.article_id = article_id
        self.snapshot = ArticleSnapshot()
        self.claims: list[tuple[uuid.UUID, uuid.UUID]] = []

    def do(self) -> None:
        self.snapshot.take(self.ctx, [self.article_id])
        self.claims = article_ops.claims_of_articles(self.ctx.ws, [self.article_id])
        article_ops.delete_article(self.ctx.ws, self.article_id)
        self.ctx.publish(articles_changes([self.article_id], self.claims, Op.DELETED))

    def undo_edit(self) -> None:
        self.snapshot.restore(self.ctx)
        self.ctx.publish(articles_changes([self.article_id], self.claims, Op.CREATED))


class ImportArticlesCommand(DbCommand):
    """Articles an import added: the first redo does nothing (the import happened);
    undo removes them after a snapshot, redo brings them back with the same ids."""

    def __init__(self, ctx: AppContext, article_ids: Sequence[uuid.UUID]) -> None:
        n = len(article_ids)
        super().__init__(ctx, f"Import {n} article{'s' if n != 1 else ''}")
        self.article_ids = list(article_ids)
        self.snapshot = ArticleSnapshot()
        self._imported = False
        self.claims: list[tuple[uuid.UUID, uuid.UUID]] = []

    def do(self) -> None:
        if not self._imported:
            self._imported = True
            return
        self.snapshot.restore(self.ctx)
        self.ctx.publish(articles_changes(self.article_ids, self.claims, Op.CREATED))

    def undo_edit(self) -> None:
        self.snapshot.take(self.ctx, self.article_ids)
        self.claims = article_ops.claims_of_articles(self.ctx.ws, self.article_ids)
        for article_id in self.article_ids:
            article_ops.delete_article(self.ctx.ws, article_id)
        self.ctx.publish(articles_changes(self.article_ids, self.claims, Op.DELETED))
