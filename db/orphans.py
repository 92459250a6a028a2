"""Orphaned claims read a page at a time, and a claim's anchor kept and put back.

An orphan is a claim a revised text left without a place (see
:mod:`db.revisions`).  The Orphans view lists them page by page, sorted in SQL;
placing one again is undone by putting back the anchor it had before
(:class:`AnchorState`), orphaned flag included.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, func, select

from db.errors import InvalidInput
from db.ids import resolve_id
from db.models import Article, Claim
from db.revisions import AnchorState, OrphanInfo, state_of
from db.workspace import Workspace


def _orphans(article_id: uuid.UUID | None) -> Select[Any]:
    query = select(func.count()).select_from(Claim).where(Claim.orphaned.is_(True))
    if article_id is not None:
        query = query.where(Claim.article_id == article_id)
    return query


def orphan_count(ws: Workspace, article_id: uuid.UUID | None = None) -> int:
    """How many claims wait to be placed again (in one article, or anywhere)."""
    with ws.session() as session:
        return int(session.scalar(_orphans(article_id)) or 0)


def orphan_page(
    ws: Workspace, offset: int, limit: int, article_id: uuid.UUID | None = None
) -> list[OrphanInfo]:
    """One page of orphans by article title, then place in the earlier text, then id."""
    query = (
        select(Claim.id, Claim.article_id, Article.title, Claim.quote, Claim.statement)
        .join(Article, Article.id == Claim.article_id)
        .where(Claim.orphaned.is_(True))
        .order_by(Article.title, Claim.article_id, Claim.start, Claim.id)
        .offset(max(0, offset))
        .limit(max(0, limit))
    )
    if article_id is not None:
        query = query.where(Claim.article_id == article_id)
    with ws.session() as session:
        rows = list(session.execute(query))
        ids = {row.article_id for row in rows}
        found = session.execute(select(Article.id, Article.text).where(Article.id.in_(ids)))
        texts = {aid: text for aid, text in found}
    from db.reanchor import why_orphaned  # fuzzy matching: loaded when orphans are listed

    return [OrphanInfo(*row, reason=why_orphaned(texts.get(row[1], ""), row[3])) for row in rows]


def anchor_state(ws: Workspace, claim_id: uuid.UUID | str) -> AnchorState:
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        return state_of(session.get_one(Claim, cid))


def restore_anchor(ws: Workspace, claim_id: uuid.UUID | str, state: AnchorState) -> None:
    """Put back an anchor read by :func:`anchor_state` (the claim's history records it)."""
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        if not state.orphaned:
            text = session.scalar(select(Article.text).where(Article.id == claim.article_id))
            if (text or "")[state.start : state.end] != state.quote:
                raise InvalidInput(
                    "The article's text changed since; the claim was not moved back."
                )
        claim.start, claim.end, claim.quote = state.start, state.end, state.quote
        claim.prefix, claim.suffix = state.prefix, state.suffix
        claim.orphaned = state.orphaned


def likely_place(ws: Workspace, claim_id: uuid.UUID | str) -> tuple[int, int] | None:
    """Where in its article's text an orphan's quote most likely went (code points)."""
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        row = session.execute(
            select(Claim.quote, Article.text)
            .join(Article, Article.id == Claim.article_id)
            .where(Claim.id == cid)
        ).one()
    from db import reanchor

    return reanchor.likely_place(row.text, row.quote)
