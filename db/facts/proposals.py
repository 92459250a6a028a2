"""Proposals over a workspace: links between claims, and claims to group into facts.

Claims are compared within buckets of the same counted thing, each with its
nearest neighbours in time (so proposals for 10,000 claims take a fraction of
a second), and never across a link already made or a proposal dismissed.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from db.changes import Changes, Entity, Op, changed
from db.facts.profile import Profile, profile
from db.facts.relate import Relating, relate, same_question
from db.models import Article, Claim, ClaimLink, DismissedProposal, Relation
from db.workspace import Workspace

NEIGHBOURS = 40  # each claim is compared with this many others of its bucket


@dataclass(frozen=True)
class LinkProposal:
    relation: Relation
    from_claim: Profile
    to_claim: Profile
    why: str

    def as_json(self) -> dict[str, object]:
        def side(p: Profile) -> dict[str, object]:
            return {
                "claim": str(p.claim_id),
                "article": str(p.article_id),
                "start": p.start,
                "end": p.end,
                "quote": p.quote,
                "value": p.value,
                "date": p.when.isoformat() if p.when else None,
            }

        return {
            "relation": self.relation.value,
            "from": side(self.from_claim),
            "to": side(self.to_claim),
            "why": self.why,
        }


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) around text[start:end]."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right + 1]


def profiles(ws: Workspace, claim_ids: set[uuid.UUID] | None = None) -> list[Profile]:
    """Profiles of the placed claims (all, or those named)."""
    query = (
        select(
            Claim.id,
            Claim.article_id,
            Claim.quote,
            Claim.start,
            Claim.end,
            Claim.event_start,
            Article.published_at,
        )
        .join(Article, Article.id == Claim.article_id)
        .where(Claim.orphaned.is_(False))
    )
    with ws.session() as session:
        rows = [r for r in session.execute(query).all() if claim_ids is None or r[0] in claim_ids]
        found = [profile(*row) for row in rows]
        # A figure whose quote does not name what it counts: look at its sentence.
        bare = {p.article_id for p in found if p.has_figure and not p.unit}
        texts = dict(
            session.execute(select(Article.id, Article.text).where(Article.id.in_(bare))).all()
        )
    out = []
    for row, p in zip(rows, found, strict=True):
        if p.has_figure and not p.unit and p.article_id in texts:
            p = profile(*row, around=_sentence(texts[p.article_id], p.start, p.end))
        out.append(p)
    return out


def _pairs(items: list[Profile]) -> list[tuple[Profile, Profile]]:
    buckets: dict[str, list[Profile]] = defaultdict(list)
    for p in items:
        if p.has_figure and p.unit:
            buckets[p.unit].append(p)
    out = []
    for bucket in buckets.values():
        bucket.sort(key=lambda p: (p.when is None, p.when, str(p.claim_id)))
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 : i + 1 + NEIGHBOURS]:
                out.append((a, b))
    return out


def _known(ws: Workspace) -> set[frozenset[uuid.UUID]]:
    """Pairs already linked (any relation) or with a dismissed proposal."""
    with ws.session() as session:
        linked = session.execute(select(ClaimLink.from_claim_id, ClaimLink.to_claim_id)).all()
        dismissed = session.execute(
            select(DismissedProposal.from_claim_id, DismissedProposal.to_claim_id)
        ).all()
    return {frozenset(pair) for pair in [*linked, *dismissed]}


def propose_links(ws: Workspace, relations: set[Relation] | None = None) -> list[LinkProposal]:
    """Links the figures call for between claims not yet linked, most telling first."""
    known = _known(ws)
    found: list[LinkProposal] = []
    for a, b in _pairs(profiles(ws)):
        if frozenset((a.claim_id, b.claim_id)) in known:
            continue
        relating: Relating | None = relate(a, b)
        if relating is None or (relations and relating.relation not in relations):
            continue
        found.append(LinkProposal(relating.relation, relating.newer, relating.older, relating.why))
    order = {Relation.CONTRADICTS: 0, Relation.UPDATES: 1, Relation.SAME: 2, Relation.SUPPORTS: 3}
    found.sort(key=lambda p: (order.get(p.relation, 9), str(p.from_claim.claim_id)))
    return found


def conflicts(ws: Workspace) -> list[LinkProposal]:
    """The proposals the Conflicts queue shows: contradicts and updates."""
    return propose_links(ws, {Relation.CONTRADICTS, Relation.UPDATES})


def dismiss(ws: Workspace, proposal: LinkProposal) -> Changes:
    """Remember that the analysts turned this proposal down."""
    with ws.session() as session:
        session.add(
            DismissedProposal(
                from_claim_id=proposal.from_claim.claim_id,
                to_claim_id=proposal.to_claim.claim_id,
                relation=proposal.relation,
                analyst_id=ws.analyst_id,
            )
        )
    return changed(Entity.SUGGESTION, [proposal.from_claim.claim_id], Op.DELETED)


def undismiss(ws: Workspace, proposal: LinkProposal) -> Changes:
    """Forget a dismissal (its undo): the proposal comes back."""
    with ws.session() as session:
        row = session.scalar(
            select(DismissedProposal).where(
                DismissedProposal.from_claim_id == proposal.from_claim.claim_id,
                DismissedProposal.to_claim_id == proposal.to_claim.claim_id,
                DismissedProposal.relation == proposal.relation,
            )
        )
        if row is not None:
            session.delete(row)
    return changed(Entity.SUGGESTION, [proposal.from_claim.claim_id], Op.CREATED)


def accept(ws: Workspace, proposal: LinkProposal) -> Changes:
    """Make the proposed link."""
    from db.links import add_link

    link = add_link(
        ws, proposal.from_claim.claim_id, proposal.to_claim.claim_id, proposal.relation,
        note=proposal.why[:500],
    )  # fmt: skip
    return changed(Entity.LINK, [link.id], Op.CREATED, parent=proposal.from_claim.claim_id)


def propose_groups(ws: Workspace) -> list[list[Profile]]:
    """Groups of claims not in a fact that answer one question (two claims or more)."""
    with ws.session() as session:
        free = set(session.scalars(select(Claim.id).where(Claim.fact_id.is_(None))))
    items = [p for p in profiles(ws) if p.claim_id in free]
    parent: dict[uuid.UUID, uuid.UUID] = {p.claim_id: p.claim_id for p in items}

    def root(x: uuid.UUID) -> uuid.UUID:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in _pairs(items):
        if same_question(a, b) is not None:
            parent[root(a.claim_id)] = root(b.claim_id)
    groups: dict[uuid.UUID, list[Profile]] = defaultdict(list)
    for p in items:
        groups[root(p.claim_id)].append(p)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g[0].unit))
