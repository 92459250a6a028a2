"""Independent corroboration and supersession, from links and attribution.

Claims joined by *same* or *supports* links (in either direction, through any
number of steps) back one another.  What counts is their **original sources**:
two outlets relaying the same intelligence estimate count once, as that
agency; a claim with no named source is its outlet speaking for itself and
counts as that outlet.  A claim that another *updates* is superseded by it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select

from db.errors import NotFound
from db.models import Article, Claim, ClaimLink, Fact, Relation, Source
from db.workspace import Workspace


@dataclass(frozen=True)
class Standing:
    claim_id: uuid.UUID
    fact: str  # the fact's name, "" when none
    corroboration: int  # independent original sources backing the claim (itself included)
    sources: tuple[str, ...]
    superseded_by: tuple[uuid.UUID, ...]


def standing(
    ws: Workspace, claim_ids: Iterable[uuid.UUID] | None = None
) -> dict[uuid.UUID, Standing]:
    """Corroboration, supersession and fact of the claims named (all when None)."""
    with ws.session() as session:
        rows = session.execute(
            select(Claim.id, Source.name, Article.outlet, Article.title, Fact.name)
            .join(Article, Article.id == Claim.article_id)
            .outerjoin(Source, Source.id == Claim.source_id)
            .outerjoin(Fact, Fact.id == Claim.fact_id)
        ).all()
        links = session.execute(
            select(ClaimLink.from_claim_id, ClaimLink.to_claim_id, ClaimLink.relation)
        ).all()
    origin = {
        cid: (source or f"{outlet or title} (itself)") for cid, source, outlet, title, _f in rows
    }
    fact_of = {cid: fact or "" for cid, _s, _o, _t, fact in rows}
    parent = {cid: cid for cid in origin}

    def root(x: uuid.UUID) -> uuid.UUID:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    superseded: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for a, b, relation in links:
        if a not in parent or b not in parent:
            continue
        if relation in (Relation.SAME, Relation.SUPPORTS):
            parent[root(a)] = root(b)
        elif relation is Relation.UPDATES:
            superseded[b].append(a)
    backers: dict[uuid.UUID, set[str]] = defaultdict(set)
    for cid, name in origin.items():
        backers[root(cid)].add(name)
    wanted = set(origin) if claim_ids is None else set(claim_ids) & set(origin)
    out = {}
    for cid in wanted:
        names = tuple(sorted(backers[root(cid)]))
        out[cid] = Standing(
            cid, fact_of[cid], len(names), names, tuple(sorted(superseded[cid], key=str))
        )
    return out


_CHUNK = 500


def standing_of(ws: Workspace, claim: uuid.UUID) -> Standing:
    """:func:`standing` of one claim, reading only the claims its same/supports links reach."""
    backing = (Relation.SAME, Relation.SUPPORTS)
    with ws.session() as session:
        row = session.execute(
            select(Claim.id, Fact.name)
            .outerjoin(Fact, Fact.id == Claim.fact_id)
            .where(Claim.id == claim)
        ).first()
        if row is None:
            raise NotFound(f"No claim with id {claim}.")
        reached = {claim}
        frontier = [claim]
        while frontier:
            found: set[uuid.UUID] = set()
            for i in range(0, len(frontier), _CHUNK):
                part = frontier[i : i + _CHUNK]
                for a, b in session.execute(
                    select(ClaimLink.from_claim_id, ClaimLink.to_claim_id).where(
                        ClaimLink.relation.in_(backing),
                        or_(ClaimLink.from_claim_id.in_(part), ClaimLink.to_claim_id.in_(part)),
                    )
                ):
                    found.update((a, b))
            frontier = sorted(found - reached, key=str)
            reached.update(frontier)
        names: set[str] = set()
        ids = sorted(reached, key=str)
        for i in range(0, len(ids), _CHUNK):
            for source, outlet, title in session.execute(
                select(Source.name, Article.outlet, Article.title)
                .select_from(Claim)
                .join(Article, Article.id == Claim.article_id)
                .outerjoin(Source, Source.id == Claim.source_id)
                .where(Claim.id.in_(ids[i : i + _CHUNK]))
            ):
                names.add(source or f"{outlet or title} (itself)")
        newer = session.scalars(
            select(ClaimLink.from_claim_id).where(
                ClaimLink.to_claim_id == claim, ClaimLink.relation == Relation.UPDATES
            )
        ).all()
    return Standing(
        claim, row[1] or "", len(names), tuple(sorted(names)), tuple(sorted(newer, key=str))
    )
