"""Typed links between claims, read both ways."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlalchemy import or_, select
from sqlalchemy.orm import aliased

from db import rules
from db.errors import InvalidInput, NotFound
from db.ids import resolve_id
from db.models import Article, Claim, ClaimLink, Relation, Status
from db.workspace import Workspace

# Decided claims a contradiction marks contested instead of changing their status.
CONTESTABLE = rules.OUTCOMES

# How a link reads from the other end.
INVERSE_LABEL = {
    Relation.SUPPORTS: "supported by",
    Relation.CONTRADICTS: "contradicts",
    Relation.SAME: "same fact as",
    Relation.UPDATES: "updated by",
    Relation.CITES: "cited by",
}
FORWARD_LABEL = {
    Relation.SUPPORTS: "supports",
    Relation.CONTRADICTS: "contradicts",
    Relation.SAME: "same fact as",
    Relation.UPDATES: "updates",
    Relation.CITES: "cites",
}


@dataclass(frozen=True, slots=True)
class LinkInfo:
    id: uuid.UUID
    from_claim_id: uuid.UUID
    to_claim_id: uuid.UUID
    relation: Relation
    note: str
    # Claims a new contradicts link made disputed, with the status each had before.
    disputed: tuple[tuple[uuid.UUID, Status], ...] = ()
    # Decided claims a new contradicts link marked contested (they were not before).
    contested: tuple[uuid.UUID, ...] = ()

    @property
    def touched_claims(self) -> tuple[uuid.UUID, ...]:
        """Claims whose status or contested flag this link changed."""
        return tuple(dict.fromkeys([*(cid for cid, _ in self.disputed), *self.contested]))


@dataclass(frozen=True, slots=True)
class LinkView:
    """A link seen from one claim: the label reads "this claim <label> other"."""

    link: LinkInfo
    outgoing: bool
    label: str
    other_id: uuid.UUID
    other_quote: str
    other_article_id: uuid.UUID
    other_article_title: str
    other_status: Status = Status.UNVERIFIED  # so a list can name it in words


def _relation(value: str | Relation) -> Relation:
    try:
        return Relation(value)
    except ValueError:
        names = "|".join(r.value for r in Relation)
        raise InvalidInput(f"Unknown relation {value!r}; use {names}.") from None


def _info(link: ClaimLink) -> LinkInfo:
    return LinkInfo(link.id, link.from_claim_id, link.to_claim_id, link.relation, link.note)


def add_link(
    ws: Workspace,
    from_id: uuid.UUID | str,
    to_id: uuid.UUID | str,
    relation: str | Relation,
    *,
    note: str = "",
    link_id: uuid.UUID | None = None,
    dispute: bool = True,
) -> LinkInfo:
    """Link two claims; a contradicts link also disputes them (see below) unless *dispute*
    is False (a link restored or rebuilt as it was, statuses included)."""
    rel = _relation(relation)
    with ws.session() as session:
        a = resolve_id(session, Claim, from_id, "claim")
        b = resolve_id(session, Claim, to_id, "claim")
        if a == b:
            raise InvalidInput("A claim cannot be linked to itself.")
        existing = session.scalar(
            select(ClaimLink).where(
                ClaimLink.from_claim_id == a, ClaimLink.to_claim_id == b, ClaimLink.relation == rel
            )
        )
        if existing is not None:
            raise InvalidInput("These two claims are already linked that way.")
        opposite = {
            Relation.SUPPORTS: Relation.CONTRADICTS,
            Relation.CONTRADICTS: Relation.SUPPORTS,
        }
        other = opposite.get(rel)
        if other is not None:
            clash = session.scalar(
                select(ClaimLink.id).where(
                    ClaimLink.relation == other,
                    ((ClaimLink.from_claim_id == a) & (ClaimLink.to_claim_id == b))
                    | ((ClaimLink.from_claim_id == b) & (ClaimLink.to_claim_id == a)),
                )
            )
            if clash is not None:
                raise InvalidInput(
                    f"These two claims are already linked as {other.value}; a pair cannot "
                    "both support and contradict each other. Remove that link first."
                )
        link = ClaimLink(
            id=link_id or uuid.uuid4(), from_claim_id=a, to_claim_id=b, relation=rel, note=note
        )
        session.add(link)
        disputed: list[tuple[uuid.UUID, Status]] = []
        contested: list[uuid.UUID] = []
        if rel is Relation.CONTRADICTS and dispute:
            # A contradiction puts both claims up for review: an unverified or
            # in-review claim becomes disputed; a decided one keeps its verdict
            # (only a reviewer changes a verdict) but is contested until a
            # reviewer confirms it.
            for cid in (a, b):
                claim = session.get_one(Claim, cid)
                if claim.status in (Status.UNVERIFIED, Status.IN_REVIEW):
                    disputed.append((cid, claim.status))
                    claim.status = Status.DISPUTED
                elif claim.status in CONTESTABLE and not claim.contested:
                    contested.append(cid)
                    claim.contested = True
        session.flush()
        return replace(_info(link), disputed=tuple(disputed), contested=tuple(contested))


def remove_link(ws: Workspace, link_id: uuid.UUID | str) -> LinkInfo:
    with ws.session() as session:
        lid = resolve_id(session, ClaimLink, link_id, "link")
        link = session.get_one(ClaimLink, lid)
        info = _info(link)
        session.delete(link)
        return info


def restore_link(ws: Workspace, info: LinkInfo) -> LinkInfo:
    """Bring a removed link back as it was; the claims' statuses are left as they are."""
    return add_link(
        ws,
        info.from_claim_id,
        info.to_claim_id,
        info.relation,
        note=info.note,
        link_id=info.id,
        dispute=False,
    )


def links_of_claim(ws: Workspace, claim_id: uuid.UUID | str) -> list[LinkView]:
    """Every link touching a claim, outgoing and incoming."""
    other = aliased(Claim)
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        links = session.scalars(
            select(ClaimLink).where(
                or_(ClaimLink.from_claim_id == cid, ClaimLink.to_claim_id == cid)
            )
        ).all()
        out: list[LinkView] = []
        for link in links:
            outgoing = link.from_claim_id == cid
            other_id = link.to_claim_id if outgoing else link.from_claim_id
            row = session.execute(
                select(other.quote, other.article_id, Article.title, other.status)
                .join(Article, Article.id == other.article_id)
                .where(other.id == other_id)
            ).one_or_none()
            if row is None:
                raise NotFound(f"Linked claim {other_id} is missing.")
            label = FORWARD_LABEL[link.relation] if outgoing else INVERSE_LABEL[link.relation]
            out.append(
                LinkView(
                    _info(link), outgoing, label, other_id, row[0], row[1], row[2], Status(row[3])
                )
            )
        return out


def all_links(ws: Workspace) -> list[LinkInfo]:
    with ws.session() as session:
        return [_info(link) for link in session.scalars(select(ClaimLink))]
