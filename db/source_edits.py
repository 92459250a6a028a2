"""Source operations that make undo possible: which claims cite a source, restoring one."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select

from db.models import Claim, Source
from db.sources import SourceInfo, get_source
from db.workspace import Workspace


def claim_ids_of_source(ws: Workspace, source_id: uuid.UUID | str) -> list[uuid.UUID]:
    """Ids of the claims attributed to a source."""
    sid = source_id if isinstance(source_id, uuid.UUID) else uuid.UUID(str(source_id))
    with ws.session() as session:
        return list(session.scalars(select(Claim.id).where(Claim.source_id == sid)))


def restore_source(
    ws: Workspace, info: SourceInfo, claim_ids: Iterable[uuid.UUID] = ()
) -> SourceInfo:
    """Recreate a deleted source with its former id and fields, and re-attribute
    those of *claim_ids* that still have no source."""
    ids = list(claim_ids)
    with ws.session() as session:
        session.add(
            Source(
                id=info.id,
                name=info.name,
                kind=info.kind,
                affiliation=info.affiliation,
                aliases=list(info.aliases),
                default_reliability=info.default_reliability,
                notes=info.notes,
            )
        )
        session.flush()
        for claim in session.scalars(
            select(Claim).where(Claim.id.in_(ids), Claim.source_id.is_(None))
        ):
            claim.source_id = info.id
    return get_source(ws, info.id)


__all__ = ["claim_ids_of_source", "restore_source"]
