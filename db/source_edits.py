"""Source operations that make undo possible: which claims cite a source, restoring one."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from db.errors import InvalidInput, NotFound
from db.models import Claim, Source
from db.sources import SourceInfo, get_source
from db.workspace import Workspace


def claim_ids_of_source(ws: Workspace, source_id: uuid.UUID | str) -> list[uuid.UUID]:
    """Ids of the claims attributed to a source."""
    sid = source_id if isinstance(source_id, uuid.UUID) else uuid.UUID(str(source_id))
    with ws.session() as session:
        return list(session.scalars(select(Claim.id).where(Claim.source_id == sid)))


def _recreate(
    session: Session, info: SourceInfo, claim_ids: list[uuid.UUID], citing: ColumnElement[bool]
) -> None:
    """Add *info* back with its former id and attribute to it those of *claim_ids*
    whose source matches *citing*."""
    session.add(
        Source(
            id=info.id,
            name=info.name,
            kind=info.kind,
            affiliation=info.affiliation,
            aliases=list(info.aliases),
            default_reliability=info.default_reliability,
            default_credibility=info.default_credibility,
            notes=info.notes,
        )
    )
    session.flush()
    for claim in session.scalars(select(Claim).where(Claim.id.in_(claim_ids), citing)):
        claim.source_id = info.id


def restore_source(
    ws: Workspace, info: SourceInfo, claim_ids: Iterable[uuid.UUID] = ()
) -> SourceInfo:
    """Recreate a deleted source with its former id and fields, and re-attribute
    those of *claim_ids* that still have no source."""
    with ws.session() as session:
        _recreate(session, info, list(claim_ids), Claim.source_id.is_(None))
    return get_source(ws, info.id)


def unmerge_sources(
    ws: Workspace, keep: SourceInfo, drop: SourceInfo, claim_ids: Iterable[uuid.UUID]
) -> None:
    """Undo ``merge_sources``: in one transaction, give *keep* back its fields as
    they were before, recreate *drop* with its id, and move those of *claim_ids*
    that still cite *keep* back to it."""
    with ws.session() as session:
        kept = session.get(Source, keep.id)
        if kept is None:
            raise NotFound(f"The source {keep.name!r} no longer exists.")
        if session.get(Source, drop.id) is not None:
            raise InvalidInput(f"The source {drop.name!r} exists again already.")
        kept.aliases = list(keep.aliases)
        kept.affiliation = keep.affiliation
        kept.default_reliability = keep.default_reliability
        kept.default_credibility = keep.default_credibility
        _recreate(session, drop, list(claim_ids), Claim.source_id == keep.id)


__all__ = ["claim_ids_of_source", "restore_source", "unmerge_sources"]
