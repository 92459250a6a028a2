"""Fast, flat claim rows for large tables: plain tuples, one query plus tags.

The row's shape (``ROW_FIELDS``, the ``R_*`` positions) and how one is made from a
query's values live in :mod:`db.claim_row_values`, importable without the ORM; they
are named here too.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, String, func, select, type_coerce

from db.claim_filter import apply_claim_filter
from db.claim_row_values import (
    R_ARTICLE,
    R_ARTICLE_ID,
    R_CONTESTED,
    R_CREDIBILITY,
    R_EVENT_END,
    R_EVENT_START,
    R_ID,
    R_QUOTE,
    R_RELAYS,
    R_RELIABILITY,
    R_SOURCE,
    R_SOURCE_ID,
    R_STATEMENT,
    R_STATUS,
    R_SUPERSEDED_BY,
    R_TAGS,
    R_THREADS,
    R_UPDATED,
    RELAY_JOIN,
    ROW_FIELDS,
    ClaimRow,
    make_row,
    row_of_new_claim,
    sid,
)
from db.claims import ClaimFilter
from db.models import (
    Article,
    Claim,
    ClaimLink,
    ClaimRelay,
    Comment,
    Relation,
    Source,
    Tag,
    claim_tag,
)
from db.workspace import Workspace

__all__ = [
    "RELAY_JOIN",
    "ROW_FIELDS",
    "R_ARTICLE",
    "R_ARTICLE_ID",
    "R_CONTESTED",
    "R_CREDIBILITY",
    "R_EVENT_END",
    "R_EVENT_START",
    "R_ID",
    "R_QUOTE",
    "R_RELAYS",
    "R_RELIABILITY",
    "R_SOURCE",
    "R_SOURCE_ID",
    "R_STATEMENT",
    "R_STATUS",
    "R_SUPERSEDED_BY",
    "R_TAGS",
    "R_THREADS",
    "R_UPDATED",
    "ClaimRow",
    "claim_rows",
    "has_open_thread",
    "open_threads",
    "row_of_new_claim",
    "rows_with_tags",
    "select_rows",
]
_CHUNK = 500


def _raw(column: Any) -> Any:
    """The column without SQLAlchemy's per-value conversion (done faster in :func:`_row`)."""
    return type_coerce(column, String)


def _open_thread_comments() -> tuple[ColumnElement[bool], ...]:
    """The condition on Comment naming the row's claim's unresolved top-level comments."""
    return (
        Comment.claim_id == Claim.id,
        Comment.parent_id.is_(None),
        Comment.resolved.is_(False),
    )


def open_threads() -> ColumnElement[int]:
    """Unresolved top-level comments of the row's claim (a correlated count on an index)."""
    return select(func.count()).where(*_open_thread_comments()).correlate(Claim).scalar_subquery()


def has_open_thread() -> ColumnElement[bool]:
    """Whether the row's claim has an unresolved top-level comment (a correlated EXISTS)."""
    return select(Comment.id).where(*_open_thread_comments()).correlate(Claim).exists()


def _superseded_by() -> Any:
    """A newer claim that updates the row's claim (an index look-up on the link's target)."""
    return (
        select(_raw(ClaimLink.from_claim_id))
        .where(ClaimLink.to_claim_id == Claim.id, ClaimLink.relation == Relation.UPDATES)
        .order_by(ClaimLink.created_at, ClaimLink.id)
        .limit(1)
        .correlate(Claim)
        .scalar_subquery()
    )


def select_rows(flt: ClaimFilter) -> Any:
    """The row columns of the claims matching *flt*, unordered (see :data:`ROW_FIELDS`)."""
    query = (
        select(
            _raw(Claim.id),
            _raw(Claim.status),
            Claim.reliability,
            Claim.credibility,
            func.coalesce(Source.name, ""),
            Claim.statement,
            Claim.quote,
            Article.title,
            Claim.event_start,
            Claim.event_end,
            _raw(Claim.updated_at),
            _raw(Claim.article_id),
            _raw(Claim.source_id),
            open_threads(),
            Claim.contested,
            _superseded_by(),
        )
        .select_from(Claim)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Source, Source.id == Claim.source_id)
    )
    return apply_claim_filter(query, flt)


def _names_map(
    session: Any, base: Any, claim_column: Any, ids: list[uuid.UUID] | None, flt: ClaimFilter
) -> dict[str, list[str]]:
    """Names per claim id from *base* (claim id, name, already ordered): for *ids*
    (in chunks), or for every claim matching *flt*."""
    names: dict[str, list[str]] = defaultdict(list)
    if ids is not None:
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            for cid, name in session.execute(base.where(claim_column.in_(chunk))):
                names[sid(cid) or ""].append(name)
    else:
        if flt != ClaimFilter():
            matching = select_rows(flt).with_only_columns(Claim.id).subquery()
            base = base.where(claim_column.in_(select(matching.c.id)))
        for cid, name in session.execute(base):
            names[sid(cid) or ""].append(name)
    return names


def _tag_map(session: Any, ids: list[uuid.UUID] | None, flt: ClaimFilter) -> dict[str, str]:
    base = (
        select(claim_tag.c.claim_id, Tag.name)
        .join(Tag, Tag.id == claim_tag.c.tag_id)
        .order_by(Tag.name)
    )
    names = _names_map(session, base, claim_tag.c.claim_id, ids, flt)
    return {cid: ", ".join(v) for cid, v in names.items()}


def _relay_map(session: Any, ids: list[uuid.UUID] | None, flt: ClaimFilter) -> dict[str, str]:
    """Each claim's relay chain joined with " → ", nearest the original source first."""
    base = (
        select(ClaimRelay.claim_id, Source.name)
        .join(Source, Source.id == ClaimRelay.source_id)
        .order_by(ClaimRelay.claim_id, ClaimRelay.position)
    )
    names = _names_map(session, base, ClaimRelay.claim_id, ids, flt)
    return {cid: RELAY_JOIN.join(v) for cid, v in names.items()}


def rows_with_tags(session: Any, result: Any) -> list[ClaimRow]:
    """Rows from the result of a :func:`select_rows` query, with their tags and relay
    chains read (by id)."""
    ids = [uuid.UUID(sid(r[0])) for r in result]
    tags = _tag_map(session, ids, ClaimFilter())
    relays = _relay_map(session, ids, ClaimFilter())
    return [make_row(r, tags, relays) for r in result]


def claim_rows(
    ws: Workspace,
    flt: ClaimFilter | None = None,
    ids: Iterable[uuid.UUID | str] | None = None,
    *,
    limit: int | None = None,
) -> list[ClaimRow]:
    """Rows of the claims matching *flt* (and, if given, among *ids*), by article and position.

    *limit* caps the number of rows (pickers show the first matches only).
    """
    flt = flt or ClaimFilter()
    query = select_rows(flt).order_by(Article.title, Claim.start, Claim.end, Claim.id)
    with ws.session() as session:
        conn = session.connection()  # Core execution: no ORM row processing
        if ids is None:
            if limit is not None:
                query = query.limit(limit)
            result = conn.execute(query).all()
            few = None if len(result) > _CHUNK else [uuid.UUID(sid(r[0])) for r in result]
            tags = _tag_map(session, few, flt)
            relays = _relay_map(session, few, flt)
            return [make_row(r, tags, relays) for r in result]
        wanted = [i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in ids]
        result = []
        for i in range(0, len(wanted), _CHUNK):
            result.extend(conn.execute(query.where(Claim.id.in_(wanted[i : i + _CHUNK]))).all())
        found = [uuid.UUID(sid(r[0])) for r in result]
        tags = _tag_map(session, found, flt)
        relays = _relay_map(session, found, flt)
        return [make_row(r, tags, relays) for r in result]
