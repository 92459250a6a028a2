"""Undoable decisions on suggested claims: accept one (claims and sources made) or dismiss it.

Both act by id: accepting remembers the claims and sources it created, and its undo
deletes exactly those; dismissing remembers the dismissal's id, and its undo forgets it.
"""

from __future__ import annotations

import uuid

from db import claims as claim_ops
from db import sources as source_ops
from db.assist import dismissals as dismissal_ops
from db.assist.service import accept_suggestions
from db.assist.suggest import Suggestion
from db.changes import Changes, Entity, Op, changed
from desktop.commands.base import DbCommand
from desktop.commands.claims import claim_changes, serving
from desktop.context import AppContext


def _label(suggestion: Suggestion) -> str:
    quote = suggestion.quote if len(suggestion.quote) <= 40 else suggestion.quote[:39] + "…"
    return f"“{quote}”"


class AcceptSuggestionCommand(DbCommand):
    """Make a suggestion a claim (with its source and relays); undo deletes what it made."""

    def __init__(self, ctx: AppContext, article_id: uuid.UUID, suggestion: Suggestion) -> None:
        super().__init__(ctx, f"Accept suggestion {_label(suggestion)}")
        self.article_id = article_id
        self.suggestion = suggestion
        self.claim_ids: list[uuid.UUID] = []
        self.source_ids: list[uuid.UUID] = []

    def do(self) -> None:
        accepted = accept_suggestions(self.ctx.ws, self.article_id, [self.suggestion])
        self.claim_ids = [c.id for c in accepted.claims]
        self.source_ids = [s.id for s in accepted.sources]
        changes = accepted.changes
        if self.claim_ids:  # the article's claim count changes too
            count = changed(Entity.ARTICLE, [self.article_id], Op.UPDATED, {"claims"})
            changes = changes.merged(count)
        with serving(accepted.claims):
            self.ctx.publish(changes)
            if self.claim_ids:
                self.ctx.claimSelected.emit(str(self.claim_ids[0]))

    def undo_edit(self) -> None:
        changes = Changes(())
        for claim_id in self.claim_ids:
            claim_ops.delete_claim(self.ctx.ws, claim_id)
            changes = changes.merged(claim_changes(Op.DELETED, claim_id, self.article_id))
        for source_id in self.source_ids:
            source_ops.delete_source(self.ctx.ws, source_id)
        if self.source_ids:
            changes = changes.merged(changed(Entity.SOURCE, self.source_ids, Op.DELETED))
        self.claim_ids, self.source_ids = [], []
        self.ctx.publish(changes)


class DismissSuggestionCommand(DbCommand):
    """Remember that the analyst dismissed a suggestion in an article; undo forgets it."""

    def __init__(self, ctx: AppContext, article_id: uuid.UUID, suggestion: Suggestion) -> None:
        super().__init__(ctx, f"Dismiss suggestion {_label(suggestion)}")
        self.article_id = article_id
        self.suggestion = suggestion
        self.dismissal_id: uuid.UUID | None = None

    def do(self) -> None:
        self.dismissal_id, changes = dismissal_ops.dismiss(
            self.ctx.ws, self.article_id, self.suggestion
        )
        self.ctx.publish(changes)

    def undo_edit(self) -> None:
        if self.dismissal_id is not None:
            self.ctx.publish(dismissal_ops.restore(self.ctx.ws, self.dismissal_id))
            self.dismissal_id = None


class RestoreSuggestionCommand(DbCommand):
    """Offer a dismissed suggestion again; undo dismisses it again."""

    def __init__(
        self,
        ctx: AppContext,
        article_id: uuid.UUID,
        suggestion: Suggestion,
        dismissal_id: uuid.UUID,
    ) -> None:
        super().__init__(ctx, f"Offer suggestion {_label(suggestion)} again")
        self.article_id = article_id
        self.suggestion = suggestion
        self.dismissal_id: uuid.UUID | None = dismissal_id

    def do(self) -> None:
        if self.dismissal_id is not None:
            self.ctx.publish(dismissal_ops.restore(self.ctx.ws, self.dismissal_id))
            self.dismissal_id = None

    def undo_edit(self) -> None:
        self.dismissal_id, changes = dismissal_ops.dismiss(
            self.ctx.ws, self.article_id, self.suggestion
        )
        self.ctx.publish(changes)
