"""The claims table's opening reads without the ORM: how many claims there are, and
pages of all of them in the article order (article title, then place in the article).

A window opens on exactly this: no filter, the article order.  Reading it through
:mod:`db.claim_pages` first imports the ORM and every model (a fifth of a second
or more), before the first row can be shown; these reads are four statements of
plain SQL, each written once and run as it stands on either database: on SQLite's
own connection (no statement to compile, no value converted through SQLAlchemy, so
a page costs the interpreter little beside the GUI thread; the database's own work
releases its lock), on PostgreSQL through SQLAlchemy's ``text``.  So the first rows
are on screen while the rest of the code loads.  They give the rows, in the order,
that :func:`db.claim_pages.claim_page` gives for the same page (the columns of
:func:`db.claim_rows.select_rows` and its tag and relay reads;
tests/test_claims_first_rows.py holds the two to it on both databases).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, text

from db.claim_criteria import ClaimFilter
from db.claim_order import PAGE_SIZE, ClaimOrder, SortKey, page_window
from db.claim_row_values import RELAY_JOIN, ClaimRow, make_row, sid
from db.enums import Relation
from db.workspace import Workspace

ARTICLE_ORDERS = frozenset({SortKey.POSITION, SortKey.ARTICLE})


def serves(flt: ClaimFilter, order: ClaimOrder) -> bool:
    """Whether these reads answer for *flt* in *order*: no filter, the article order."""
    return order.key in ARTICLE_ORDERS and flt == ClaimFilter()


def count_all(ws: Workspace) -> int:
    """How many claims the workspace holds."""
    with ws.engine.connect() as conn:
        return int(_run(conn, "SELECT count(*) FROM claim", {})[0][0])


# The ids of a page: articles in title order, each article's claims by position.
# SQLite would rather scan every claim and sort them all for a page (a 1,000,000-claim
# workspace sorted for 200 rows): CROSS JOIN keeps the articles outside there, walked
# on their title index, each article's claims read on the position index in order
# (on PostgreSQL a CROSS JOIN with the join's condition in WHERE is a plain join).
# (article.id orders as claim.article_id does: the two are equal.)
_IDS = (
    "SELECT claim.id FROM article CROSS JOIN claim WHERE claim.article_id = article.id "
    'ORDER BY article.title {0}, article.id {0}, claim.start {0}, claim."end" {0}, '
    "claim.id {0} LIMIT :limit OFFSET :offset"
)
_WANTED = "({marks})"  # the page's ids, one parameter each, _CHUNK at most
_CHUNK = 500
_ROWS = f"""
SELECT claim.id, claim.status, claim.reliability, claim.credibility,
       coalesce(source.name, ''), claim.statement, claim.quote, article.title,
       claim.event_start, claim.event_end, claim.updated_at, claim.article_id,
       claim.source_id,
       (SELECT count(*) FROM comment WHERE comment.claim_id = claim.id
           AND comment.parent_id IS NULL AND comment.resolved = FALSE),
       claim.contested,
       (SELECT claim_link.from_claim_id FROM claim_link
           WHERE claim_link.to_claim_id = claim.id
           AND claim_link.relation = '{Relation.UPDATES.value}'
           ORDER BY claim_link.created_at, claim_link.id LIMIT 1)
FROM claim JOIN article ON article.id = claim.article_id
LEFT OUTER JOIN source ON source.id = claim.source_id
WHERE claim.id IN {_WANTED}
"""
_TAGS = (
    "SELECT claim_tag.claim_id, tag.name FROM claim_tag JOIN tag ON tag.id = claim_tag.tag_id "
    f"WHERE claim_tag.claim_id IN {_WANTED} ORDER BY tag.name"
)
_RELAYS = (
    "SELECT claim_relay.claim_id, source.name FROM claim_relay "
    "JOIN source ON source.id = claim_relay.source_id "
    f"WHERE claim_relay.claim_id IN {_WANTED} "
    "ORDER BY claim_relay.claim_id, claim_relay.position"
)


def _run(conn: Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    """The rows of *sql* (parameters by ``:name``) as the driver returns them."""
    if conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        return raw.execute(sql, params).fetchall()
    return list(conn.execute(text(sql), params).all())


def _day(value: Any) -> dt.date | None:
    """A date from SQLite's ISO text or a driver's date."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _page(conn: Connection, descending: bool, offset: int, limit: int) -> list[ClaimRow]:
    """Rows *offset* to *offset* + *limit* of all claims in the article order."""
    direction = "DESC NULLS LAST" if descending else "ASC NULLS FIRST"
    found = _run(conn, _IDS.format(direction), {"limit": limit, "offset": offset})
    ids = [r[0] for r in found]  # as the driver gives them, and takes them back
    if not ids:
        return []
    result, tag_pairs, relay_pairs = [], [], []
    for at in range(0, len(ids), _CHUNK):
        chunk = {f"id{n}": value for n, value in enumerate(ids[at : at + _CHUNK])}
        marks = ", ".join(f":{name}" for name in chunk)
        result += _run(conn, _ROWS.format(marks=marks), chunk)
        tag_pairs += _run(conn, _TAGS.format(marks=marks), chunk)
        relay_pairs += _run(conn, _RELAYS.format(marks=marks), chunk)
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
        wanted = _page(conn, descending, offset, limit)
    if window.reverse:
        wanted.reverse()
    return wanted
