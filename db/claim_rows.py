"""Fast, flat claim rows for large tables: plain tuples, one query plus tags.

A row is ``(id, status, reliability, credibility, source, statement, quote,
article_title, tags, event_start, event_end, updated_at, article_id, source_id)``
with ids as strings and ``tags`` one comma-separated string.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select

from db.claims import ClaimFilter, _apply_filter
from db.models import Article, Claim, Source, Tag, claim_tag
from db.workspace import Workspace

ROW_FIELDS: tuple[str, ...] = (
    "id",
    "status",
    "reliability",
    "credibility",
    "source",
    "statement",
    "quote",
    "article",
    "tags",
    "event_start",
    "event_end",
    "updated_at",
    "article_id",
    "source_id",
)
(
    R_ID,
    R_STATUS,
    R_RELIABILITY,
    R_CREDIBILITY,
    R_SOURCE,
    R_STATEMENT,
    R_QUOTE,
    R_ARTICLE,
    R_TAGS,
    R_EVENT_START,
    R_EVENT_END,
    R_UPDATED,
    R_ARTICLE_ID,
    R_SOURCE_ID,
) = range(len(ROW_FIELDS))

ClaimRow = tuple[Any, ...]
_CHUNK = 500


def _query(flt: ClaimFilter) -> Any:
    query = (
        select(
            Claim.id,
            Claim.status,
            Claim.reliability,
            Claim.credibility,
            func.coalesce(Source.name, ""),
            Claim.statement,
            Claim.quote,
            Article.title,
            Claim.event_start,
            Claim.event_end,
            Claim.updated_at,
            Claim.article_id,
            Claim.source_id,
        )
        .select_from(Claim)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Source, Source.id == Claim.source_id)
    )
    return _apply_filter(query, flt)


def _tag_map(session: Any, ids: list[uuid.UUID] | None, flt: ClaimFilter) -> dict[Any, str]:
    names: dict[Any, list[str]] = defaultdict(list)
    base = select(claim_tag.c.claim_id, Tag.name).join(Tag, Tag.id == claim_tag.c.tag_id)
    if ids is not None:
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            query = base.where(claim_tag.c.claim_id.in_(chunk)).order_by(Tag.name)
            for cid, name in session.execute(query):
                names[cid].append(name)
    else:
        if flt != ClaimFilter():
            matching = _query(flt).with_only_columns(Claim.id).subquery()
            base = base.where(claim_tag.c.claim_id.in_(select(matching.c.id)))
        for cid, name in session.execute(base.order_by(Tag.name)):
            names[cid].append(name)
    return {cid: ", ".join(v) for cid, v in names.items()}


def _row(r: Any, tags: dict[Any, str]) -> ClaimRow:
    return (
        str(r[0]),
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7],
        tags.get(r[0], ""),
        r[8],
        r[9],
        r[10],
        str(r[11]),
        str(r[12]) if r[12] is not None else None,
    )


def claim_rows(
    ws: Workspace,
    flt: ClaimFilter | None = None,
    ids: Iterable[uuid.UUID | str] | None = None,
) -> list[ClaimRow]:
    """Rows of the claims matching *flt* (and, if given, among *ids*), by article and position."""
    flt = flt or ClaimFilter()
    query = _query(flt).order_by(Article.title, Claim.start, Claim.end)
    with ws.session() as session:
        if ids is None:
            result = session.execute(query).all()
            tags = _tag_map(session, None if len(result) > _CHUNK else [r[0] for r in result], flt)
            return [_row(r, tags) for r in result]
        wanted = [i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in ids]
        result = []
        for i in range(0, len(wanted), _CHUNK):
            result.extend(session.execute(query.where(Claim.id.in_(wanted[i : i + _CHUNK]))).all())
        tags = _tag_map(session, [r[0] for r in result], flt)
        return [_row(r, tags) for r in result]
