"""Dismissed suggestions: remembered per article and analyst, shown again on request.

:func:`dismiss` and :func:`restore` are each one short transaction and return the
:class:`~db.changes.Changes` to publish; an undo of a dismissal is :func:`restore`
of the id :func:`dismiss` returned.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from db.assist.suggest import Suggestion
from db.changes import Changes, Entity, Op, changed
from db.errors import NotFound
from db.ids import resolve_id
from db.models import Article, SuggestionDismissal
from db.workspace import Workspace


@dataclass(frozen=True, slots=True)
class Dismissal:
    id: uuid.UUID
    article_id: uuid.UUID
    kind: str
    start: int
    end: int
    quote: str


def dismiss(
    ws: Workspace, article_id: uuid.UUID | str, suggestion: Suggestion
) -> tuple[uuid.UUID, Changes]:
    """Remember that the current analyst dismissed *suggestion*; returns its id and the change."""
    with ws.session() as session:
        aid = resolve_id(session, Article, article_id, "article")
        found = session.scalar(
            select(SuggestionDismissal).where(
                SuggestionDismissal.article_id == aid,
                SuggestionDismissal.analyst_id == ws.analyst_id,
                SuggestionDismissal.kind == suggestion.kind,
                SuggestionDismissal.start == suggestion.start,
                SuggestionDismissal.end == suggestion.end,
            )
        )
        if found is None:
            found = SuggestionDismissal(
                article_id=aid,
                analyst_id=ws.analyst_id,
                kind=suggestion.kind,
                start=suggestion.start,
                end=suggestion.end,
                quote=suggestion.quote,
            )
            session.add(found)
        found.quote = suggestion.quote  # the text may have been revised since
        session.flush()
        return found.id, changed(Entity.SUGGESTION, [found.id], Op.CREATED, parent=aid)


def restore(ws: Workspace, dismissal_id: uuid.UUID | str) -> Changes:
    """Offer a dismissed suggestion again (also the undo of :func:`dismiss`)."""
    with ws.session() as session:
        row = session.get(SuggestionDismissal, uuid.UUID(str(dismissal_id)))
        if row is None:
            raise NotFound(f"No dismissed suggestion with id {dismissal_id}.")
        article_id = row.article_id
        session.delete(row)
        return changed(Entity.SUGGESTION, [dismissal_id], Op.DELETED, parent=article_id)


def dismissals(ws: Workspace, article_id: uuid.UUID | str) -> list[Dismissal]:
    """The current analyst's dismissed suggestions in an article, in text order."""
    with ws.session() as session:
        aid = resolve_id(session, Article, article_id, "article")
        rows = session.scalars(
            select(SuggestionDismissal)
            .where(
                SuggestionDismissal.article_id == aid,
                SuggestionDismissal.analyst_id == ws.analyst_id,
            )
            .order_by(SuggestionDismissal.start, SuggestionDismissal.end)
        )
        return [Dismissal(r.id, r.article_id, r.kind, r.start, r.end, r.quote) for r in rows]


__all__ = ["Dismissal", "dismiss", "dismissals", "restore"]
