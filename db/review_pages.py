"""The review queue a page at a time, in an order the database keeps an index for.

A view of the queue never holds the whole queue: it asks for the number of
claims waiting (:func:`queue_count`), for one page of rows at a time
(:func:`queue_page`), and, when a claim changed, for its row in the order
(:func:`queue_ranks`).

Every order is a sequence of *parts*, each read on an index of ``claim``:

- waiting: ``(status_since, id)``;
- status: one part per status, by name, each ``(status_since, id)``;
- article: ``(article title, article id, status_since, id)``;
- source, assignee: the claims without one first (``(status_since, id)``), then
  the others by name (``(name, its id, status_since, id)``);
- grading: ``(reliability, credibility, status_since, id)``, no grading first;
- quote: ``(lower(quote), id)``;
- threads: the claims without an open thread first (``(status_since, id)``),
  then the others by their number of open threads.

Descending reverses the whole order (parts, and every column in each).  Every
order ends with the claim id, so it is total and a page boundary is exact.  No
order column is ever NULL, so SQLite and PostgreSQL order alike.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    FromClause,
    Select,
    SQLColumnExpression,
    and_,
    func,
    literal,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from db.claim_rows import has_open_thread, open_threads
from db.models import Analyst, Article, Claim, Comment, Source, Status
from db.models.base import UTCDateTime
from db.review import (
    QUEUE_STATUSES,
    QueueFilter,
    QueueItem,
    QueueSort,
    _queue_conditions,
    _queue_items,
)
from db.timeutil import utcnow
from db.workspace import Workspace

PAGE_SIZE = 100

Column = SQLColumnExpression[Any]


@dataclass
class Part:
    """Claims of the queue read together in one order (see the module docstring)."""

    where: list[ColumnElement[bool]]
    columns: list[Column]  # the order, ending with the claim id
    joins: list[tuple[FromClause, ColumnElement[bool]]] = field(default_factory=list)
    descending: bool = False

    def select(self, *columns: Any) -> Select[Any]:
        query = select(*columns).select_from(Claim)
        for table, on in self.joins:
            query = query.join(table, on)
        return query.where(*self.where)

    def order(self) -> list[Any]:
        return [c.desc() if self.descending else c.asc() for c in self.columns]

    def count(self, *more: ColumnElement[bool]) -> Select[Any]:
        return self.select(func.count()).where(*more)


def grading_columns() -> list[Column]:
    """The grading order, as written in its index (literal, not bound, defaults)."""
    return [
        func.coalesce(Claim.reliability, literal_column("''")),
        func.coalesce(Claim.credibility, literal_column("0")),
    ]


def queue_parts(
    session: Session,
    flt: QueueFilter,
    sort: QueueSort = QueueSort.WAITING,
    descending: bool = False,
    *,
    walk: bool = False,
    now: dt.datetime | None = None,
) -> list[Part]:
    """The parts the queue is read in, in order, for *flt* sorted by *sort*.

    With *walk* the queue's own condition (status, contested mark) is kept off
    its indexes, so the database walks the index of the order and stops after a
    page instead of gathering and sorting every claim of the queue: right when
    the queue holds a good share of all claims (see :func:`walks`).
    """
    where = _queue_conditions(session, flt)
    if walk:
        # coalesce(x, x) is x, on no index: the same claims, found on the order's index.
        status: Any = func.coalesce(Claim.status, Claim.status)
        contested: Any = func.coalesce(Claim.contested, Claim.contested)
        where[0] = or_(status.in_(QUEUE_STATUSES), contested == true())
    if flt.older_than_days is not None and flt.older_than_days > 0:
        cutoff = (now or utcnow()) - dt.timedelta(days=flt.older_than_days)
        where.append(Claim.status_since <= literal(cutoff, UTCDateTime))
    tail: list[Column] = [Claim.status_since, Claim.id]
    parts: list[Part]
    if sort is QueueSort.STATUS:
        # A part per status: the waiting statuses on the status order's index, the
        # decided ones (contested claims only, a few) on the contested mark's.
        others = where[1:]
        parts = []
        for value in sorted(s.value for s in Status):
            if Status(value) in QUEUE_STATUSES:
                parts.append(Part([*others, Claim.status == value], tail))
            else:
                decided = func.coalesce(Claim.status, Claim.status) == value
                parts.append(Part([*others, decided, Claim.contested == true()], tail))
    elif sort is QueueSort.ARTICLE:
        joins = [(Article.__table__, Article.id == Claim.article_id)]
        parts = [Part(where, [Article.title, Article.id, *tail], joins)]
    elif sort is QueueSort.SOURCE:
        named = [(Source.__table__, Source.id == Claim.source_id)]
        parts = [
            Part([*where, Claim.source_id.is_(None)], tail),
            Part(where, [Source.name, Source.id, *tail], named),
        ]
    elif sort is QueueSort.ASSIGNEE:
        named = [(Analyst.__table__, Analyst.id == Claim.assignee_id)]
        parts = [
            Part([*where, Claim.assignee_id.is_(None)], tail),
            Part(where, [Analyst.name, Analyst.id, *tail], named),
        ]
    elif sort is QueueSort.GRADING:
        parts = [Part(where, [*grading_columns(), *tail])]
    elif sort is QueueSort.QUOTE:
        parts = [Part(where, [func.lower(Claim.quote), Claim.id])]
    elif sort is QueueSort.THREADS:
        # Claims under discussion are found from their comments (a few); the
        # others on the waiting order's index, each checked for an open thread.
        discussed = Claim.id.in_(
            select(Comment.claim_id).where(Comment.parent_id.is_(None), Comment.resolved.is_(False))
        )
        parts = [
            Part([*where, ~has_open_thread()], tail),
            Part([*where, discussed], [open_threads(), *tail]),
        ]
    else:
        parts = [Part(where, tail)]
    if descending:
        parts.reverse()
        for part in parts:
            part.descending = True
    return parts


def _ids(conn: Connection, parts: Sequence[Part], offset: int, limit: int) -> list[uuid.UUID]:
    """Ids of the rows *offset* to *offset* + *limit* over *parts* in order."""
    found: list[uuid.UUID] = []
    for part in parts:
        wanted = limit - len(found)
        if wanted <= 0:
            break
        query = part.select(Claim.id).order_by(*part.order()).offset(offset).limit(wanted)
        got = list(conn.scalars(query))
        if got:
            found.extend(got)
            offset = 0  # the page goes on at the start of the next part
        elif offset > 0:
            offset = max(0, offset - int(conn.execute(part.count()).scalar_one()))
    return found


def _reversed(parts: Sequence[Part]) -> list[Part]:
    return [Part(p.where, p.columns, p.joins, not p.descending) for p in reversed(parts)]


def queue_count(ws: Workspace, flt: QueueFilter | None = None) -> int:
    """How many claims of the queue match *flt*."""
    with ws.session() as session:
        part = queue_parts(session, flt or QueueFilter())[0]
        return int(session.connection().execute(part.count()).scalar_one())


def page_ids(
    session: Session,
    flt: QueueFilter,
    sort: QueueSort,
    descending: bool,
    offset: int,
    limit: int,
    *,
    total: int | None = None,
    walk: bool = False,
) -> list[uuid.UUID]:
    """Ids of rows *offset* to *offset* + *limit* of the queue (*walk*: see
    :func:`queue_parts`).

    Given the *total* number of rows, a page in the second half is read from
    the end in the reverse order, so the database walks past fewer rows.
    """
    offset = max(0, offset)
    if limit <= 0:
        return []
    parts = queue_parts(session, flt, sort, descending, walk=walk)
    conn = session.connection()
    if total is not None and offset > total // 2:
        end = min(total, offset + limit)
        if end <= offset:
            return []
        ids = _ids(conn, _reversed(parts), total - end, end - offset)
        ids.reverse()
        return ids
    return _ids(conn, parts, offset, limit)


def queue_page(
    ws: Workspace,
    flt: QueueFilter,
    sort: QueueSort,
    descending: bool,
    offset: int,
    limit: int = PAGE_SIZE,
    *,
    total: int | None = None,
    walk: bool = False,
) -> list[QueueItem]:
    """Rows *offset* to *offset* + *limit* of the queue, in order (see :func:`page_ids`)."""
    with ws.session() as session:
        ids = page_ids(session, flt, sort, descending, offset, limit, total=total, walk=walk)
        if not ids:
            return []
        rows = {i.claim_id: i for i in _queue_items(session, [Claim.id.in_(ids)])}
    return [rows[i] for i in ids if i in rows]


def _before(part: Part, values: Sequence[Any]) -> list[ColumnElement[bool]]:
    """Disjoint conditions, together the rows of *part* before the row with *values*:
    each an equality on a prefix of the order and a range on the next column, so
    each is counted on the order's index."""
    terms: list[ColumnElement[bool]] = []
    equal: list[ColumnElement[bool]] = []
    for column, value in zip(part.columns, values, strict=True):
        earlier = column > value if part.descending else column < value
        terms.append(and_(*equal, earlier))
        equal.append(column == value)
    return terms


def _rank(conn: Connection, parts: Sequence[Part], claim_id: uuid.UUID) -> int | None:
    ahead = 0
    for part in parts:
        found = conn.execute(part.select(*part.columns).where(Claim.id == claim_id)).first()
        if found is None:
            ahead += int(conn.execute(part.count()).scalar_one())
            continue
        counts = [part.count(term).scalar_subquery() for term in _before(part, tuple(found))]
        total: Any = counts[0]
        for more in counts[1:]:
            total = total + more
        return ahead + int(conn.execute(select(total)).scalar_one())
    return None


def queue_ranks(
    ws: Workspace,
    flt: QueueFilter,
    sort: QueueSort,
    descending: bool,
    claim_ids: Collection[uuid.UUID | str],
    *,
    walk: bool = False,
) -> dict[str, int | None]:
    """The row each of *claim_ids* has in the queue (None: not in it, or not matching)."""
    with ws.session() as session:
        return _ranks(session, flt, sort, descending, claim_ids, walk)


def _ranks(
    session: Session,
    flt: QueueFilter,
    sort: QueueSort,
    descending: bool,
    claim_ids: Collection[uuid.UUID | str],
    walk: bool,
) -> dict[str, int | None]:
    if not claim_ids:
        return {}
    wanted = {str(i): _as_uuid(i) for i in claim_ids}
    conn = session.connection()
    parts = queue_parts(session, flt, sort, descending, walk=walk)
    # Which of them are in the queue at all, in one query on their ids (the age
    # criterion is left to the parts).
    member = Part(_queue_conditions(session, flt), [Claim.id])
    found = conn.scalars(member.select(Claim.id).where(Claim.id.in_(list(wanted.values()))))
    members = {str(i) for i in found}
    ranks: dict[str, int | None] = {}
    for key, cid in wanted.items():
        if key not in members:
            ranks[key] = None
        else:
            ranks[key] = _rank(conn, parts, cid)
    return ranks


@dataclass(frozen=True)
class QueueWindow:
    """What a view of the queue needs first: the count, the first rows, where some
    claims are now (the selection, to keep it)."""

    count: int
    first: list[QueueItem]
    ranks: dict[str, int | None]
    walk: bool  # read the pages walking the order's index (see :func:`queue_parts`)


def queue_window(
    ws: Workspace,
    flt: QueueFilter,
    sort: QueueSort,
    descending: bool,
    limit: int = PAGE_SIZE,
    claim_ids: Collection[str] = (),
) -> QueueWindow:
    """The count, the first *limit* rows and the rows of *claim_ids*, in one session."""
    with ws.session() as session:
        conn = session.connection()
        count = int(conn.execute(queue_parts(session, flt)[0].count()).scalar_one())
        walk = walks(conn, count)
        ids = page_ids(session, flt, sort, descending, 0, limit, total=count, walk=walk)
        rows = {i.claim_id: i for i in _queue_items(session, [Claim.id.in_(ids)])} if ids else {}
        ranks = _ranks(session, flt, sort, descending, claim_ids, walk)
    return QueueWindow(count, [rows[i] for i in ids if i in rows], ranks, walk)


BROAD = 20  # a queue holding one claim in this many or more is walked in order


def walks(conn: Connection, count: int) -> bool:
    """Whether a queue of *count* claims is read walking the order's index: when it
    holds so many of all claims that a page of them is met sooner than all of them
    are gathered and sorted (a count on the smallest index of the claims)."""
    if count == 0:
        return False
    everything = int(conn.execute(select(func.count()).select_from(Claim)).scalar_one())
    return count * BROAD >= everything


def queue_keys(
    ws: Workspace,
    flt: QueueFilter | None = None,
    sort: QueueSort = QueueSort.WAITING,
    *,
    descending: bool = False,
    claim_ids: Collection[uuid.UUID | str] | None = None,
) -> list[tuple[tuple[Any, ...], str]]:
    """Every claim of the queue as ``(sort key, claim id)``, in order (for the command
    line and tests: a view reads pages).  The key is the part's number and its
    order's values.  With *claim_ids*, only those claims."""
    if claim_ids is not None and not claim_ids:
        return []
    out: list[tuple[tuple[Any, ...], str]] = []
    with ws.session() as session:
        conn = session.connection()
        parts = queue_parts(session, flt or QueueFilter(), sort, descending)
        for number, part in enumerate(parts):
            query = part.select(*part.columns)
            if claim_ids is not None:
                query = query.where(Claim.id.in_([_as_uuid(i) for i in claim_ids]))
            for row in conn.execute(query.order_by(*part.order())):
                out.append(((number, *row[:-1]), str(row[-1])))
    return out


def _as_uuid(value: uuid.UUID | str) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
