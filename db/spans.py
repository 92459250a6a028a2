"""Light claim spans for the reader: (id, start, end, status) tuples, one query.

Opening an article with thousands of claims needs only where each claim lies
and how to colour it; ids come back as strings and no ORM object is built.
Offsets are code points, as stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, select, type_coerce

from db.models import Claim, ClaimLink, Relation, Status
from db.workspace import Workspace

SpanRow = tuple[str, int, int, Status]
"""(claim id, start, end, status) of one claim, offsets in code points."""

_STATUS = {s.value: s for s in Status}
_CHUNK = 500


def _sid(value: Any) -> str:
    """A UUID as its canonical text, from SQLite's 32 hex digits or a driver's UUID."""
    if type(value) is str:
        if len(value) == 32:
            return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
        return value
    return str(value)


def _columns() -> tuple[Any, ...]:
    return (
        type_coerce(Claim.id, String),
        Claim.start,
        Claim.end,
        type_coerce(Claim.status, String),
    )


def article_spans(ws: Workspace, article_id: uuid.UUID | str) -> list[SpanRow]:
    """Every claim placed in an article's text as a span row, in text order (not orphans)."""
    aid = article_id if isinstance(article_id, uuid.UUID) else uuid.UUID(str(article_id))
    query = (
        select(*_columns())
        .where(Claim.article_id == aid, Claim.orphaned.is_(False))
        .order_by(Claim.start, Claim.end.desc(), Claim.id)
    )
    with ws.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [(_sid(r[0]), r[1], r[2], _STATUS[r[3]]) for r in rows]


def spans_of(ws: Workspace, claim_ids: Iterable[uuid.UUID | str]) -> dict[str, tuple[str, SpanRow]]:
    """claim id -> (article id, span row) of the named claims that exist."""
    wanted = [i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in claim_ids]
    out: dict[str, tuple[str, SpanRow]] = {}
    with ws.engine.connect() as conn:
        for i in range(0, len(wanted), _CHUNK):
            query = select(*_columns(), type_coerce(Claim.article_id, String)).where(
                Claim.id.in_(wanted[i : i + _CHUNK]),
                Claim.orphaned.is_(False),  # an orphan has no place in the text to paint
            )
            for r in conn.execute(query):
                cid = _sid(r[0])
                out[cid] = (_sid(r[4]), (cid, r[1], r[2], _STATUS[r[3]]))
    return out


def superseded_in_article(ws: Workspace, article_id: uuid.UUID | str) -> set[str]:
    """Ids of the article's claims that a newer claim updates (an *updates* link to them)."""
    aid = article_id if isinstance(article_id, uuid.UUID) else uuid.UUID(str(article_id))
    query = (
        select(type_coerce(ClaimLink.to_claim_id, String))
        .join(Claim, Claim.id == ClaimLink.to_claim_id)
        .where(Claim.article_id == aid, ClaimLink.relation == Relation.UPDATES)
    )
    with ws.engine.connect() as conn:
        return {_sid(r[0]) for r in conn.execute(query)}


def claims_over_span(
    ws: Workspace, article_id: uuid.UUID | str, start: int, end: int
) -> list[uuid.UUID]:
    """Claims placed over exactly ``text[start:end]`` of the article (code points), oldest first.

    Creating another claim there is usually a mistake: callers ask before doing it.
    """
    aid = article_id if isinstance(article_id, uuid.UUID) else uuid.UUID(str(article_id))
    query = (
        select(Claim.id)
        .where(
            Claim.article_id == aid,
            Claim.start == start,
            Claim.end == end,
            Claim.orphaned.is_(False),
        )
        .order_by(Claim.created_at, Claim.id)
    )
    with ws.engine.connect() as conn:
        return list(conn.scalars(query))
