"""Facts in the database: each write is one transaction and returns what it changed."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ScalarSelect, func, or_, select, update
from sqlalchemy.orm import Session

from db.changes import Changes, Entity, Op, changed
from db.errors import InvalidInput, NotFound
from db.ids import resolve_id
from db.models import Claim, Fact
from db.workspace import Workspace

MAX_NAME = 200


@dataclass(frozen=True)
class FactInfo:
    id: uuid.UUID
    name: str
    notes: str
    claim_count: int


def _name(value: str) -> str:
    name = " ".join(str(value).split())
    if not name:
        raise InvalidInput("A fact needs a name, e.g. “How many troops are in Russia?”.")
    if len(name) > MAX_NAME:
        raise InvalidInput(f"A fact's name can be at most {MAX_NAME} characters long.")
    return name


def _fact_id(session: Session, fact: uuid.UUID | str) -> uuid.UUID:
    return resolve_id(session, Fact, fact, "fact")


def create_fact(
    ws: Workspace, name: str, notes: str = "", *, fact_id: uuid.UUID | None = None
) -> tuple[FactInfo, Changes]:
    """Create a fact (*fact_id* brings one back under its earlier id, for undo)."""
    name = _name(name)
    with ws.session() as session:
        if session.scalar(select(Fact.id).where(Fact.name == name)) is not None:
            raise InvalidInput(f"There is already a fact called “{name}”.")
        fact = Fact(name=name, notes=notes)
        if fact_id is not None:
            fact.id = fact_id
        session.add(fact)
        session.flush()
        info = FactInfo(fact.id, fact.name, fact.notes, 0)
    return info, changed(Entity.FACT, [info.id], Op.CREATED)


def rename_fact(ws: Workspace, fact: uuid.UUID | str, name: str) -> Changes:
    name = _name(name)
    with ws.session() as session:
        fid = _fact_id(session, fact)
        clash = session.scalar(select(Fact.id).where(Fact.name == name, Fact.id != fid))
        if clash is not None:
            raise InvalidInput(f"There is already a fact called “{name}”.")
        session.get_one(Fact, fid).name = name
    return changed(Entity.FACT, [fid], fields=["name"])


def delete_fact(ws: Workspace, fact: uuid.UUID | str) -> Changes:
    """Delete a fact; its claims stay, answering no fact."""
    with ws.session() as session:
        fid = _fact_id(session, fact)
        claims = list(session.scalars(select(Claim.id).where(Claim.fact_id == fid)))
        session.execute(update(Claim).where(Claim.fact_id == fid).values(fact_id=None))
        session.delete(session.get_one(Fact, fid))
    return changed(Entity.FACT, [fid], Op.DELETED).merged(
        changed(Entity.CLAIM, claims, fields=["fact_id"])
    )


def assign_claims(
    ws: Workspace, fact: uuid.UUID | str | None, claim_ids: Iterable[uuid.UUID | str]
) -> Changes:
    """Put claims in *fact* (None: take them out of any fact)."""
    with ws.session() as session:
        fid = None if fact is None else _fact_id(session, fact)
        ids = [resolve_id(session, Claim, c, "claim") for c in claim_ids]
        if not ids:
            raise InvalidInput("Choose at least one claim.")
        for cid in ids:
            # Through the ORM, so each claim's history records the change.
            session.get_one(Claim, cid).fact_id = fid
    out = changed(Entity.CLAIM, ids, fields=["fact_id"])
    return out.merged(changed(Entity.FACT, [fid], fields=["claims"])) if fid else out


def merge_facts(ws: Workspace, into: uuid.UUID | str, others: Iterable[uuid.UUID | str]) -> Changes:
    """Move the claims of *others* into *into* and delete the others."""
    with ws.session() as session:
        target = _fact_id(session, into)
        gone = [_fact_id(session, f) for f in others]
        if target in gone:
            raise InvalidInput("A fact cannot be merged into itself.")
        moved = list(session.scalars(select(Claim).where(Claim.fact_id.in_(gone))))
        for claim in moved:
            claim.fact_id = target
        for fid in gone:
            session.delete(session.get_one(Fact, fid))
    return (
        changed(Entity.FACT, gone, Op.DELETED)
        .merged(changed(Entity.FACT, [target], fields=["claims"]))
        .merged(changed(Entity.CLAIM, [c.id for c in moved], fields=["fact_id"]))
    )


def fact_ids_of(
    ws: Workspace, claim_ids: Iterable[uuid.UUID | str]
) -> dict[uuid.UUID, uuid.UUID | None]:
    """The fact each claim answers now (None: none), to put them back on undo."""
    with ws.session() as session:
        ids = [resolve_id(session, Claim, c, "claim") for c in claim_ids]
        rows = session.execute(select(Claim.id, Claim.fact_id).where(Claim.id.in_(ids))).all()
    return {cid: fid for cid, fid in rows}


def list_facts(ws: Workspace) -> list[FactInfo]:
    with ws.session() as session:
        counts = dict(
            session.execute(
                select(Claim.fact_id, func.count())
                .where(Claim.fact_id.is_not(None))
                .group_by(Claim.fact_id)
            ).all()
        )
        return [
            FactInfo(f.id, f.name, f.notes, int(counts.get(f.id, 0)))
            for f in session.scalars(select(Fact).order_by(Fact.name))
        ]


def get_fact(ws: Workspace, fact: uuid.UUID | str) -> FactInfo:
    """One fact with its claim count (a UUID or an id prefix of at least 4 hex digits)."""
    with ws.session() as session:
        try:
            fid = _fact_id(session, fact)
        except NotFound:
            raise NotFound(f"No fact with id {fact}.") from None
        row = session.execute(
            select(Fact.id, Fact.name, Fact.notes, _claim_count()).where(Fact.id == fid)
        ).one()
    return FactInfo(row[0], row[1], row[2], int(row[3]))


def _claim_count() -> ScalarSelect[int]:
    return (
        select(func.count(Claim.id))
        .where(Claim.fact_id == Fact.id)
        .correlate(Fact)
        .scalar_subquery()
    )


def find_facts(
    ws: Workspace, text: str = "", *, offset: int = 0, limit: int = 200
) -> list[FactInfo]:
    """One page of facts whose name or notes contain *text* (any case), by name.

    Filtered, ordered and paged in SQL, with each fact's claim count, so a picker
    over thousands of facts reads only what it shows.
    """
    query = select(Fact.id, Fact.name, Fact.notes, _claim_count())
    words = " ".join(str(text).split())
    if words:
        query = query.where(
            or_(
                Fact.name.icontains(words, autoescape=True),
                Fact.notes.icontains(words, autoescape=True),
            )
        )
    query = query.order_by(Fact.name, Fact.id).offset(max(0, offset)).limit(max(0, limit))
    with ws.session() as session:
        rows = session.execute(query).all()
    return [FactInfo(r[0], r[1], r[2], int(r[3])) for r in rows]


def claim_ids_in(ws: Workspace, fact: uuid.UUID | str) -> list[uuid.UUID]:
    """The claims answering *fact*."""
    with ws.session() as session:
        fid = _fact_id(session, fact)
        return list(
            session.scalars(select(Claim.id).where(Claim.fact_id == fid).order_by(Claim.id))
        )


@dataclass(frozen=True)
class BestAnswer:
    """A fact's current answer: the latest verified figure, else the latest figure."""

    claim_id: uuid.UUID | None
    quote: str
    verified: bool
    superseded: tuple[uuid.UUID, ...]  # claims this answer's claim updates
    disputed_by: tuple[uuid.UUID, ...]  # claims contradicting it

    def describe(self) -> str:
        if self.claim_id is None:
            return "no claim with a figure yet"
        state = "verified" if self.verified else "not verified yet"
        more = []
        if self.superseded:
            more.append(f"supersedes {len(self.superseded)}")
        if self.disputed_by:
            more.append(f"disputed by {len(self.disputed_by)}")
        tail = f" ({', '.join(more)})" if more else ""
        return f"{self.quote} — {state}{tail}"


def best_answers(ws: Workspace) -> dict[uuid.UUID, BestAnswer]:
    """Each fact's current best answer (see :class:`BestAnswer`)."""
    from db.facts.proposals import profiles
    from db.models import Article, ClaimLink, Relation, Status

    with ws.session() as session:
        rows = session.execute(
            select(Claim.id, Claim.fact_id, Claim.status, Article.published_at)
            .join(Article, Article.id == Claim.article_id)
            .where(Claim.fact_id.is_not(None))
        ).all()
        links = session.execute(
            select(ClaimLink.from_claim_id, ClaimLink.to_claim_id, ClaimLink.relation).where(
                ClaimLink.relation.in_([Relation.UPDATES, Relation.CONTRADICTS])
            )
        ).all()
    if not rows:
        return {}
    by_claim = {p.claim_id: p for p in profiles(ws, {r[0] for r in rows})}
    members: dict[uuid.UUID, list[tuple[uuid.UUID, Status]]] = {}
    for cid, fid, status, _published in rows:
        if fid is not None:
            members.setdefault(fid, []).append((cid, status))
    superseded_by: dict[uuid.UUID, set[uuid.UUID]] = {}
    updates: dict[uuid.UUID, set[uuid.UUID]] = {}
    contradicted: dict[uuid.UUID, set[uuid.UUID]] = {}
    for a, b, relation in links:
        if relation is Relation.UPDATES:
            superseded_by.setdefault(b, set()).add(a)
            updates.setdefault(a, set()).add(b)
        else:
            contradicted.setdefault(a, set()).add(b)
            contradicted.setdefault(b, set()).add(a)
    out: dict[uuid.UUID, BestAnswer] = {}
    for fid, claims in members.items():
        candidates = [
            (cid, status)
            for cid, status in claims
            if cid in by_claim and by_claim[cid].has_figure and cid not in superseded_by
        ]
        if not candidates:
            out[fid] = BestAnswer(None, "", False, (), ())
            continue

        def rank(item: tuple[uuid.UUID, Status]) -> tuple[bool, object, str]:
            p = by_claim[item[0]]
            return (item[1] is Status.VERIFIED, p.when or dt.date.min, str(item[0]))

        cid, status = max(candidates, key=rank)
        out[fid] = BestAnswer(
            cid,
            by_claim[cid].quote,
            status is Status.VERIFIED,
            tuple(sorted(updates.get(cid, set()), key=str)),
            tuple(sorted(contradicted.get(cid, set()), key=str)),
        )
    return out
