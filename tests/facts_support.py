"""Claims in invented articles and the links proposed between them, for the facts tests."""

from __future__ import annotations

import datetime as dt
import uuid

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.facts.proposals import propose_links
from db.models import Relation
from db.workspace import Workspace


def article_claims(
    ws: Workspace, body: str, published: dt.datetime, *quotes: str
) -> list[uuid.UUID]:
    """An article of *body* published at *published*, with a claim over each quote."""
    art = add_article(
        ws,
        NewArticle(text=body, original=body.encode() + uuid.uuid4().bytes, published_at=published),
    )
    return [claim_ops.create_claim_by_quote(ws, art.id, q).id for q in quotes]


def proposed(ws: Workspace, *, figures_only: bool = False) -> dict[frozenset[uuid.UUID], Relation]:
    """The relation proposed for each pair of claims (by their figures alone, or not)."""
    return {
        frozenset((p.from_claim.claim_id, p.to_claim.claim_id)): p.relation
        for p in propose_links(ws)
        if not figures_only or p.kind == "figure"
    }
