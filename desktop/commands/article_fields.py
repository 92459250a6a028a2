"""Undoable article metadata edits."""

from __future__ import annotations

import uuid
from typing import Any

from db import articles as article_ops
from db.changes import Entity, changed
from desktop.commands.base import DbCommand
from desktop.context import AppContext

# Set together with the publication time; the undo text names only the time.
ZONE_KEYS = ("published_offset", "published_zone")


class UpdateArticleCommand(DbCommand):
    """Set some metadata fields of an article; undo restores the old values."""

    def __init__(
        self,
        ctx: AppContext,
        article_id: uuid.UUID,
        new: dict[str, Any],
        old: dict[str, Any] | None = None,
    ) -> None:
        shown = [k for k in new if "published_at" not in new or k not in ZONE_KEYS]
        names = ", ".join(k.replace("_", " ") for k in shown)
        super().__init__(ctx, f"Edit article {names}")
        self.article_id = article_id
        self.new = dict(new)
        if old is None:
            info = article_ops.get_article(ctx.ws, article_id)
            old = {k: getattr(info, k) for k in new}
        self.old = dict(old)

    def do(self) -> None:
        article_ops.update_article(self.ctx.ws, self.article_id, **self.new)
        self.ctx.publish(changed(Entity.ARTICLE, [self.article_id], fields=self.new))

    def undo_edit(self) -> None:
        article_ops.update_article(self.ctx.ws, self.article_id, **self.old)
        self.ctx.publish(changed(Entity.ARTICLE, [self.article_id], fields=self.old))
