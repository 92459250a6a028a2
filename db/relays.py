"""Relay chains of claims: who passed a claim on from its original source, nearest first.

A claim's ``source_id`` is its original source (the Admiralty grading belongs to it);
the chain lists the sources that relayed it, the one nearest the original first and
the outlet last.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select

from db.changes import Changes, Entity, Op, changed
from db.errors import InvalidInput, NotFound
from db.ids import resolve_id
from db.models import Claim, ClaimRelay, Source
from db.sources import SourceInfo, create_source, find_source
from db.workspace import Workspace

MAX_RELAYS = 20


def relay_names(ws: Workspace, claim_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, tuple[str, ...]]:
    """The relay chain of each claim, as source names, nearest relay first."""
    ids = list(claim_ids)
    if not ids:
        return {}
    out: dict[uuid.UUID, list[str]] = defaultdict(list)
    query = (
        select(ClaimRelay.claim_id, Source.name)
        .join(Source, Source.id == ClaimRelay.source_id)
        .order_by(ClaimRelay.claim_id, ClaimRelay.position)
    )
    with ws.session() as session:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for claim_id, name in session.execute(query.where(ClaimRelay.claim_id.in_(chunk))):
                out[claim_id].append(name)
    return {k: tuple(v) for k, v in out.items()}


def set_relay_ids(
    ws: Workspace, claim_id: uuid.UUID | str, source_ids: Sequence[uuid.UUID]
) -> Changes:
    """Replace a claim's relay chain by *source_ids* (nearest relay first)."""
    if len(source_ids) > MAX_RELAYS:
        raise InvalidInput(f"A claim is relayed by at most {MAX_RELAYS} sources.")
    if len(set(source_ids)) != len(source_ids):
        raise InvalidInput("A source appears twice in the relay chain.")
    with ws.session() as session:
        cid = resolve_id(session, Claim, claim_id, "claim")
        claim = session.get_one(Claim, cid)
        for sid in source_ids:
            if session.get(Source, sid) is None:
                raise NotFound(f"No source with id {sid}.")
            if sid == claim.source_id:
                raise InvalidInput("The original source cannot also relay the claim.")
        session.execute(delete(ClaimRelay).where(ClaimRelay.claim_id == cid))
        for position, sid in enumerate(source_ids):
            session.add(ClaimRelay(claim_id=cid, position=position, source_id=sid))
        session.flush()
        return changed(Entity.CLAIM, [cid], Op.UPDATED, ["relayed_by"], parent=claim.article_id)


def relay_sources(ws: Workspace, names: Sequence[str]) -> tuple[list[SourceInfo], list[SourceInfo]]:
    """``(chain, created)``: the registry source for each name, creating the unknown ones."""
    chain: list[SourceInfo] = []
    created: list[SourceInfo] = []
    for raw in names:
        name = " ".join(raw.split())
        if not name:
            raise InvalidInput("A relay needs a name.")
        found = find_source(ws, name)
        if found is None:
            found = create_source(ws, name)
            created.append(found)
        chain.append(found)
    return chain, created


__all__ = ["MAX_RELAYS", "relay_names", "relay_sources", "set_relay_ids"]
