"""Revised articles, undoably: a text replacement, and an orphan placed again, by id."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from db import orphans as orphan_db
from db import revisions as revision_db
from db.articles import NewArticle
from db.changes import Change, Changes, Entity, Op
from db.revision_undo import revert_replacement
from db.revisions import AnchorState, ReplaceReport
from desktop.commands.base import DbCommand
from desktop.context import AppContext

ANCHOR_FIELDS = frozenset({"start", "end", "quote", "prefix", "suffix", "orphaned"})
TEXT_FIELDS = frozenset({"text", "original", "sha256", "filename", "encoding", "format"})


def anchor_changes(claim_id: uuid.UUID, article_id: uuid.UUID) -> Changes:
    change = Change(Entity.CLAIM, str(claim_id), Op.UPDATED, ANCHOR_FIELDS, str(article_id))
    return Changes((change,))


def text_changes(article_id: uuid.UUID | str, claim_ids: Iterable[str]) -> Changes:
    """An article's text, and the claims whose anchors moved with it."""
    aid = str(article_id)
    items = [Change(Entity.ARTICLE, aid, Op.UPDATED, TEXT_FIELDS)]
    items += [Change(Entity.CLAIM, cid, Op.UPDATED, ANCHOR_FIELDS, aid) for cid in claim_ids]
    return Changes(tuple(items))


def replace_changes(report: ReplaceReport) -> Changes:
    """The article's text, and every claim the replacement moved, orphaned or placed."""
    return text_changes(report.article_id, [p.claim_id for p in report.changed_claims()])


class ReplaceTextCommand(DbCommand):
    """A replacement done in the background: the first redo does nothing; undo brings
    the earlier text back with every claim where it was; redo replaces it again."""

    def __init__(self, ctx: AppContext, report: ReplaceReport, new: NewArticle, title: str) -> None:
        super().__init__(ctx, f"Replace the text of “{title}”")
        self.report = report
        self.new = new
        self._stored = True

    def do(self) -> None:
        if self._stored:
            return
        self.report = revision_db.replace_article_text(
            self.ctx.ws, self.report.article_id, self.new, keep_before=True
        )
        self._stored = True
        self.ctx.publish(replace_changes(self.report))

    def undo_edit(self) -> None:
        report = self.report
        assert report.before is not None
        ids = revert_replacement(
            self.ctx.ws, report.article_id, report.revision, report.sha256, report.before
        )
        self._stored = False
        self.ctx.publish(text_changes(report.article_id, ids))


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
