"""Placing an orphaned claim again, undoably, by id."""

from __future__ import annotations

import uuid

from db import orphans as orphan_db
from db import revisions as revision_db
from db.changes import Change, Changes, Entity, Op
from db.orphans import AnchorState
from desktop.commands.base import DbCommand
from desktop.context import AppContext

ANCHOR_FIELDS = frozenset({"start", "end", "quote", "prefix", "suffix", "orphaned"})


def anchor_changes(claim_id: uuid.UUID, article_id: uuid.UUID) -> Changes:
    return Changes(
        (Change(Entity.CLAIM, str(claim_id), Op.UPDATED, ANCHOR_FIELDS, str(article_id)),)
    )


class PlaceOrphanCommand(DbCommand):
    """Anchor a claim at a span (code points) of its article; undo puts back the anchor
    it had, orphaned again."""

    def __init__(self, ctx: AppContext, claim_id: uuid.UUID, start: int, end: int) -> None:
        super().__init__(ctx, "Place orphaned claim")
        self.claim_id = claim_id
        self.start = start
        self.end = end
        self.before: AnchorState | None = None

    def do(self) -> None:
        before = orphan_db.anchor_state(self.ctx.ws, self.claim_id)
        if self.before is None:
            self.before = before
        revision_db.place_orphan(self.ctx.ws, self.claim_id, self.start, self.end)
        self.ctx.publish(anchor_changes(self.claim_id, before.article_id))
        self.ctx.claimSelected.emit(str(self.claim_id))

    def undo_edit(self) -> None:
        assert self.before is not None
        orphan_db.restore_anchor(self.ctx.ws, self.claim_id, self.before)
        self.ctx.publish(anchor_changes(self.claim_id, self.before.article_id))
