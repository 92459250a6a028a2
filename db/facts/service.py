"""Facts in the database: each write is one transaction and returns what it changed."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select, update
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


def create_fact(ws: Workspace, name: str, notes: str = "") -> tuple[FactInfo, Changes]:
    name = _name(name)
    with ws.session() as session:
        if session.scalar(select(Fact.id).where(Fact.name == name)) is not None:
            raise InvalidInput(f"There is already a fact called “{name}”.")
        fact = Fact(name=name, notes=notes)
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
    for info in list_facts(ws):
        if str(info.id) == str(fact):
            return info
    raise NotFound(f"No fact with id {fact}.")
