"""The claims table's opening reads without the ORM: how many claims there are, and
pages of all of them in the article order (article title, then place in the article).

A window opens on exactly this: no filter, the article order.  Reading it through
:mod:`db.claim_pages` first imports the ORM and every model (a fifth of a second
or more), before the first row can be shown; these statements are plain SQL on
SQLite's own connection, and SQLAlchemy Core over table clauses naming only the
columns they read on PostgreSQL, so the first rows are on screen while the rest of
the code loads.  They give the rows, in the order, that
:func:`db.claim_pages.claim_page` gives for the same page
(tests/test_claims_first_rows.py holds the two to it on both databases).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Date,
    Select,
    Uuid,
    column,
    func,
    select,
    table,
)

from db.claim_criteria import ClaimFilter
from db.claim_order import PAGE_SIZE, ClaimOrder, SortKey, page_window
from db.claim_row_values import RELAY_JOIN, ClaimRow, make_row, sid
from db.enums import Relation
from db.workspace import Workspace

_claim = table(
    "claim",
    column("id", Uuid),
    column("status"),
    column("reliability"),
    column("credibility"),
    column("statement"),
    column("quote"),
    column("article_id", Uuid),
    column("source_id", Uuid),
    column("start"),
    column("end"),
    column("event_start", Date),
    column("event_end", Date),
    column("updated_at"),
    column("contested"),
)
_article = table("article", column("id", Uuid), column("title"))
_source = table("source", column("id", Uuid), column("name"))
_comment = table(
    "comment",
    column("id", Uuid),
    column("claim_id", Uuid),
    column("parent_id", Uuid),
    column("resolved", Boolean),
)
_link = table(
    "claim_link",
    column("id", Uuid),
    column("from_claim_id", Uuid),
    column("to_claim_id", Uuid),
    column("relation"),
    column("created_at"),
)
_claim_tag = table("claim_tag", column("claim_id", Uuid), column("tag_id", Uuid))
_tag = table("tag", column("id", Uuid), column("name"))
_relay = table(
    "claim_relay", column("claim_id", Uuid), column("source_id", Uuid), column("position")
)

ARTICLE_ORDERS = frozenset({SortKey.POSITION, SortKey.ARTICLE})


def serves(flt: ClaimFilter, order: ClaimOrder) -> bool:
    """Whether these reads answer for *flt* in *order*: no filter, the article order."""
    return order.key in ARTICLE_ORDERS and flt == ClaimFilter()


def count_all(ws: Workspace) -> int:
    """How many claims the workspace holds."""
    with ws.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(_claim)).scalar_one())


def _order_by(descending: bool) -> list[Any]:
    columns: list[ColumnElement[Any]] = [
        _article.c.title,
        _article.c.id,  # (the claim's article: the same order as by claim.article_id)
        _claim.c.start,
        _claim.c.end,
        _claim.c.id,
    ]
    if descending:
        return [c.desc().nulls_last() for c in columns]
    return [c.asc().nulls_first() for c in columns]


def _ids_query(descending: bool, offset: int, limit: int) -> Select[Any]:
    """The ids of a page: articles in title order, each article's claims by position."""
    return (
        select(_claim.c.id)
        .select_from(_article)
        .join(_claim, _claim.c.article_id == _article.c.id)
        .order_by(*_order_by(descending))
        .offset(offset)
        .limit(limit)
    )


def _open_threads() -> Any:
    return (
        select(func.count())
        .where(
            _comment.c.claim_id == _claim.c.id,
            _comment.c.parent_id.is_(None),
            _comment.c.resolved.is_(False),
        )
        .correlate(_claim)
        .scalar_subquery()
    )


def _superseded_by() -> Any:
    return (
        select(_link.c.from_claim_id)
        .where(_link.c.to_claim_id == _claim.c.id, _link.c.relation == Relation.UPDATES.value)
        .order_by(_link.c.created_at, _link.c.id)
        .limit(1)
        .correlate(_claim)
        .scalar_subquery()
    )


def _rows_of(conn: Connection, ids: list[uuid.UUID]) -> dict[str, ClaimRow]:
    """The rows of *ids*, by id text (the columns of :data:`db.claim_rows.ROW_FIELDS`)."""
    query = (
        select(
            _claim.c.id,
            _claim.c.status,
            _claim.c.reliability,
            _claim.c.credibility,
            func.coalesce(_source.c.name, ""),
            _claim.c.statement,
            _claim.c.quote,
            _article.c.title,
            _claim.c.event_start,
            _claim.c.event_end,
            _claim.c.updated_at,
            _claim.c.article_id,
            _claim.c.source_id,
            _open_threads(),
            _claim.c.contested,
            _superseded_by(),
        )
        .select_from(_claim)
        .join(_article, _article.c.id == _claim.c.article_id)
        .outerjoin(_source, _source.c.id == _claim.c.source_id)
        .where(_claim.c.id.in_(ids))
    )
    result = conn.execute(query).all()
    tag_query = (
        select(_claim_tag.c.claim_id, _tag.c.name)
        .select_from(_claim_tag)
        .join(_tag, _tag.c.id == _claim_tag.c.tag_id)
        .where(_claim_tag.c.claim_id.in_(ids))
        .order_by(_tag.c.name)
    )
    relay_query = (
        select(_relay.c.claim_id, _source.c.name)
        .select_from(_relay)
        .join(_source, _source.c.id == _relay.c.source_id)
        .where(_relay.c.claim_id.in_(ids))
        .order_by(_relay.c.claim_id, _relay.c.position)
    )
    tag_text = _joined_names(conn.execute(tag_query), ", ")
    relay_text = _joined_names(conn.execute(relay_query), RELAY_JOIN)
    rows = (make_row(r, tag_text, relay_text) for r in result)
    return {row[0]: row for row in rows}


# ------------------------------------------------------------ SQLite: plain sqlite3
#
# The same statements written out for SQLite and run on the driver's connection: no
# statement to compile and no value to convert through SQLAlchemy, so a page costs the
# interpreter little beside the GUI thread (the database's own work releases its lock).
# SQLite would rather scan every claim and sort them all for a page (a 1,000,000-claim
# workspace sorted for 200 rows): CROSS JOIN keeps the articles outside, walked on their
# title index, each article's claims read on the position index in order.

_SQLITE_IDS = (
    "SELECT claim.id FROM article CROSS JOIN claim ON claim.article_id = article.id "
    'ORDER BY article.title {0}, article.id {0}, claim.start {0}, claim."end" {0}, '
    "claim.id {0} LIMIT ? OFFSET ?"
)
_SQLITE_WANTED = "({marks})"  # the page's ids, one placeholder each, _CHUNK at most
_CHUNK = 500
_UPDATES = Relation.UPDATES.value
_SQLITE_ROWS = f"""
SELECT claim.id, claim.status, claim.reliability, claim.credibility,
       coalesce(source.name, ''), claim.statement, claim.quote, article.title,
       claim.event_start, claim.event_end, claim.updated_at, claim.article_id,
       claim.source_id,
       (SELECT count(*) FROM comment WHERE comment.claim_id = claim.id
           AND comment.parent_id IS NULL AND comment.resolved IS 0),
       claim.contested,
       (SELECT claim_link.from_claim_id FROM claim_link
           WHERE claim_link.to_claim_id = claim.id AND claim_link.relation = '{_UPDATES}'
           ORDER BY claim_link.created_at, claim_link.id LIMIT 1)
FROM claim JOIN article ON article.id = claim.article_id
LEFT OUTER JOIN source ON source.id = claim.source_id
WHERE claim.id IN {_SQLITE_WANTED}
"""
_SQLITE_TAGS = (
    "SELECT claim_tag.claim_id, tag.name FROM claim_tag JOIN tag ON tag.id = claim_tag.tag_id "
    f"WHERE claim_tag.claim_id IN {_SQLITE_WANTED} ORDER BY tag.name"
)
_SQLITE_RELAYS = (
    "SELECT claim_relay.claim_id, source.name FROM claim_relay "
    "JOIN source ON source.id = claim_relay.source_id "
    f"WHERE claim_relay.claim_id IN {_SQLITE_WANTED} "
    "ORDER BY claim_relay.claim_id, claim_relay.position"
)


def _day(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _sqlite_page(raw: sqlite3.Connection, descending: bool, offset: int, limit: int) -> list[Any]:
    """(ids as stored, rows by id text) of a page, on SQLite."""
    direction = "DESC NULLS LAST" if descending else "ASC NULLS FIRST"
    ids = [r[0] for r in raw.execute(_SQLITE_IDS.format(direction), (limit, offset))]
    if not ids:
        return []
    result, tag_pairs, relay_pairs = [], [], []
    for at in range(0, len(ids), _CHUNK):
        chunk = ids[at : at + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        result += raw.execute(_SQLITE_ROWS.format(marks=marks), chunk).fetchall()
        tag_pairs += raw.execute(_SQLITE_TAGS.format(marks=marks), chunk).fetchall()
        relay_pairs += raw.execute(_SQLITE_RELAYS.format(marks=marks), chunk).fetchall()
    tags = _joined_names(tag_pairs, ", ")  # (a claim's names all come in one chunk)
    relays = _joined_names(relay_pairs, RELAY_JOIN)
    rows = {}
    for r in result:
        values = list(r)
        values[8], values[9] = _day(values[8]), _day(values[9])
        row = make_row(values, tags, relays)
        rows[row[0]] = row
    return [rows[key] for key in map(sid, ids) if key in rows]


def _joined_names(pairs: Iterable[Any], joint: str) -> dict[str, str]:
    """(claim id, name) pairs, in order, as each claim's names joined by *joint*."""
    names: dict[str, list[str]] = defaultdict(list)
    for cid, name in pairs:
        names[sid(cid) or ""].append(name)
    return {cid: joint.join(each) for cid, each in names.items()}


def page(
    ws: Workspace,
    order: ClaimOrder,
    offset: int,
    limit: int = PAGE_SIZE,
    *,
    total: int | None = None,
) -> list[ClaimRow]:
    """Rows *offset* to *offset* + *limit* of all claims in the article *order* (see
    :func:`serves`); given the *total*, a page in the second half is read from the end."""
    if order.key not in ARTICLE_ORDERS:
        raise ValueError(f"not an article order: {order.key}")
    window = page_window(offset, limit, total)
    if window is None:
        return []
    descending = order.descending != window.reverse
    offset, limit = window.offset, window.limit
    with ws.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            wanted = _sqlite_page(raw, descending, offset, limit)
        else:
            ids = list(conn.scalars(_ids_query(descending, offset, limit)))
            rows = _rows_of(conn, ids) if ids else {}
            wanted = [rows[str(i)] for i in ids if str(i) in rows]
    if window.reverse:
        wanted.reverse()
    return wanted
