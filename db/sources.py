"""The source registry: who asserts claims, with a default reliability."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from db.errors import InvalidInput, NotFound, enum_member
from db.ids import resolve_id
from db.models import CREDIBILITY, RELIABILITY, Claim, Source, SourceKind
from db.workspace import Workspace

SOURCE_FIELDS = (
    "name",
    "kind",
    "affiliation",
    "aliases",
    "default_reliability",
    "default_credibility",
    "notes",
)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: uuid.UUID
    name: str
    kind: SourceKind
    affiliation: str
    aliases: tuple[str, ...]
    default_reliability: str | None
    notes: str
    claim_count: int
    version: int
    default_credibility: int | None = None

    @property
    def default_grading(self) -> str:
        return f"{self.default_reliability or ''}{self.default_credibility or ''}"


def _info(source: Source, claim_count: int = 0) -> SourceInfo:
    return SourceInfo(
        id=source.id,
        name=source.name,
        kind=source.kind,
        affiliation=source.affiliation,
        aliases=tuple(source.aliases or ()),
        default_reliability=source.default_reliability,
        notes=source.notes,
        claim_count=claim_count,
        version=source.version,
        default_credibility=source.default_credibility,
    )


def normalise_source_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Checked, cleaned values of source fields (InvalidInput names the first bad one)."""
    unknown = set(fields) - set(SOURCE_FIELDS)
    if unknown:
        raise InvalidInput(f"Sources have no field(s) {', '.join(sorted(unknown))}.")
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "name":
            value = (value or "").strip()
            if not value:
                raise InvalidInput("A source needs a name.")
        elif key == "kind":
            value = enum_member(SourceKind, value, "source kind")
        elif key == "default_reliability":
            value = (value or "").strip().upper() or None
            if value is not None and value not in RELIABILITY:
                raise InvalidInput(f"Source reliability must be a letter A–F, not {value!r}.")
        elif key == "default_credibility":
            if value in (None, ""):
                value = None
            else:
                try:
                    value = int(value)
                except (TypeError, ValueError):
                    value = 0
                if value not in CREDIBILITY:
                    raise InvalidInput(
                        f"Information credibility must be a number 1–6, not {fields[key]!r}."
                    )
        elif key == "aliases":
            value = sorted({a.strip() for a in value if a and a.strip()})
        else:
            value = "" if value is None else str(value)
        out[key] = value
    return out


def _counts(session: Any, source_ids: list[uuid.UUID] | None = None) -> dict[uuid.UUID, int]:
    query = select(Claim.source_id, func.count()).group_by(Claim.source_id)
    if source_ids is not None:
        query = query.where(Claim.source_id.in_(source_ids))
    return {sid: n for sid, n in session.execute(query) if sid is not None}


def list_sources(ws: Workspace, *, counts: bool = True) -> list[SourceInfo]:
    """Every source by name; without *counts* their claim counts are not read (all 0)."""
    with ws.session() as session:
        numbers = _counts(session) if counts else {}
        sources = session.scalars(select(Source).order_by(func.lower(Source.name)))
        return [_info(s, numbers.get(s.id, 0)) for s in sources]


def sources_by_ids(ws: Workspace, source_ids: Collection[uuid.UUID | str]) -> list[SourceInfo]:
    """The sources with these ids that still exist, with their claim counts (any order)."""
    wanted = [i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in source_ids]
    if not wanted:
        return []
    with ws.session() as session:
        counts = _counts(session, wanted)
        sources = session.scalars(select(Source).where(Source.id.in_(wanted)))
        return [_info(s, counts.get(s.id, 0)) for s in sources]


def claim_counts(ws: Workspace) -> dict[uuid.UUID, int]:
    """How many claims each source has (sources without claims are absent)."""
    with ws.session() as session:
        return _counts(session)


def sources_of_claims(ws: Workspace, claim_ids: Collection[uuid.UUID | str]) -> set[uuid.UUID]:
    """The sources the given claims are attributed to now."""
    wanted = [i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in claim_ids]
    if not wanted:
        return set()
    with ws.session() as session:
        rows = session.scalars(
            select(Claim.source_id).where(Claim.id.in_(wanted), Claim.source_id.is_not(None))
        )
        return {sid for sid in rows if sid is not None}


def get_source(ws: Workspace, source_id: uuid.UUID | str) -> SourceInfo:
    with ws.session() as session:
        sid = resolve_id(session, Source, source_id, "source")
        n = session.scalar(select(func.count()).where(Claim.source_id == sid)) or 0
        return _info(session.get_one(Source, sid), n)


def find_source(ws: Workspace, name: str) -> SourceInfo | None:
    """The source whose name or alias equals *name* (case-insensitive)."""
    wanted = name.strip().lower()
    with ws.session() as session:
        found = session.scalar(select(Source).where(func.lower(Source.name) == wanted))
        if found is None:
            for source in session.scalars(select(Source)):
                if any(a.lower() == wanted for a in source.aliases or ()):
                    found = source
                    break
        return _info(found) if found else None


def create_source(
    ws: Workspace, name: str, *, source_id: uuid.UUID | None = None, **fields: Any
) -> SourceInfo:
    values = normalise_source_fields({"name": name, **fields})
    with ws.session() as session:
        source = Source(id=source_id or uuid.uuid4(), **values)
        session.add(source)
        session.flush()
        return _info(source)


def find_or_create_source(ws: Workspace, name: str, **fields: Any) -> SourceInfo:
    return find_source(ws, name) or create_source(ws, name, **fields)


def update_source(
    ws: Workspace,
    source_id: uuid.UUID | str,
    *,
    expected_version: int | None = None,
    **fields: Any,
) -> SourceInfo:
    """Change a source; with *expected_version* a stale edit raises StaleEdit."""
    from db.concurrency import check_version

    values = normalise_source_fields(fields)
    with ws.session() as session:
        sid = resolve_id(session, Source, source_id, "source")
        source = session.get_one(Source, sid)
        check_version("source", sid, source.version, expected_version, lambda: _info(source))
        for key, value in values.items():
            setattr(source, key, value)
        session.flush()
        return _info(source)


def delete_source(ws: Workspace, source_id: uuid.UUID | str) -> None:
    with ws.session() as session:
        sid = resolve_id(session, Source, source_id, "source")
        for claim in session.scalars(select(Claim).where(Claim.source_id == sid)):
            claim.source_id = None
        _replace_relay(session, sid, None)  # recorded in each relayed claim's history
        session.delete(session.get_one(Source, sid))


def merge_sources(ws: Workspace, keep_id: uuid.UUID | str, drop_id: uuid.UUID | str) -> SourceInfo:
    """Move every claim of *drop* to *keep*, add drop's name to keep's aliases, delete drop."""
    with ws.session() as session:
        keep_uuid = resolve_id(session, Source, keep_id, "source")
        drop_uuid = resolve_id(session, Source, drop_id, "source")
        if keep_uuid == drop_uuid:
            raise InvalidInput("A source cannot be merged with itself.")
        keep = session.get_one(Source, keep_uuid)
        drop = session.get_one(Source, drop_uuid)
        for claim in session.scalars(select(Claim).where(Claim.source_id == drop_uuid)):
            claim.source_id = keep_uuid
        session.flush()
        _replace_relay(session, drop_uuid, keep_uuid)  # its relays are keep's now
        keep.aliases = sorted({*(keep.aliases or ()), drop.name, *(drop.aliases or ())})
        if not keep.affiliation:
            keep.affiliation = drop.affiliation
        if keep.default_reliability is None:
            keep.default_reliability = drop.default_reliability
        if keep.default_credibility is None:
            keep.default_credibility = drop.default_credibility
        session.flush()
        session.delete(drop)
        session.flush()
        n = session.scalar(select(func.count()).where(Claim.source_id == keep_uuid)) or 0
        return _info(keep, n)


def _replace_relay(session: Any, old: uuid.UUID, new: uuid.UUID | None) -> None:
    from db.relays import replace_relay  # db.relays builds on this module

    replace_relay(session, old, new)


def require_source(ws: Workspace, name: str) -> SourceInfo:
    found = find_source(ws, name)
    if found is None:
        raise NotFound(f"No source named {name!r}.")
    return found


__all__ = [
    "SourceInfo",
    "create_source",
    "delete_source",
    "find_or_create_source",
    "find_source",
    "get_source",
    "list_sources",
    "merge_sources",
    "require_source",
    "update_source",
]
