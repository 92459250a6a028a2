"""Claim rows a page at a time, in an order the database keeps an index for.

The claims table never holds every row: it asks for the number of matching
claims (:func:`count_claims`), for one page of rows at a time
(:func:`claim_page`), and, when one claim changed, for that claim's place in
the order (:func:`claim_rank`).  Every order ends with the claim id, so it is
total and a page boundary is exact; ascending orders put empty values first,
descending ones last, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    SQLColumnExpression,
    and_,
    bindparam,
    func,
    or_,
    select,
)

from db.claim_filter import apply_claim_filter, needs_article
from db.claim_order import PAGE_SIZE as PAGE_SIZE
from db.claim_order import ClaimOrder as ClaimOrder
from db.claim_order import SortKey as SortKey
from db.claim_order import page_window
from db.claim_rows import (
    R_ID,
    ClaimRow,
    claim_rows,
    has_open_thread,
    open_threads,
    rows_with_tags,
    select_rows,
)
from db.claims import ClaimFilter
from db.errors import InvalidInput
from db.models import Article, Claim, ClaimRelay, Source, Tag, claim_tag
from db.search.match import (
    NamedMatches,
    sqlite_claims_matched_at_least,
    sqlite_named_matches,
    sqlite_own_text_count,
    sqlite_walked_match,
)
from db.search.query import Query, parse_query
from db.workspace import Workspace


def _first_tag() -> ColumnElement[Any]:
    return (
        select(func.min(Tag.name))
        .join(claim_tag, claim_tag.c.tag_id == Tag.id)
        .where(claim_tag.c.claim_id == Claim.id)
        .correlate(Claim)
        .scalar_subquery()
    )


def _first_relay() -> ColumnElement[Any]:
    return (
        select(Source.name)
        .join(ClaimRelay, ClaimRelay.source_id == Source.id)
        .where(ClaimRelay.claim_id == Claim.id)
        .order_by(ClaimRelay.position)
        .limit(1)
        .correlate(Claim)
        .scalar_subquery()
    )


def sort_columns(key: SortKey) -> list[SQLColumnExpression[Any]]:
    """The values a key orders by, before the claim id that breaks ties."""
    if key in (SortKey.POSITION, SortKey.ARTICLE):
        return [Article.title, Claim.article_id, Claim.start, Claim.end]
    if key is SortKey.STATUS:
        return [Claim.status]
    if key is SortKey.GRADING:
        return [Claim.reliability, Claim.credibility]
    if key is SortKey.SOURCE:
        return [Source.name, Claim.source_id]
    if key is SortKey.STATEMENT:
        return [func.lower(Claim.statement)]
    if key is SortKey.QUOTE:
        return [func.lower(Claim.quote)]
    if key is SortKey.TAGS:
        return [_first_tag()]
    if key is SortKey.EVENT:
        return [Claim.event_start, Claim.event_end]
    if key is SortKey.UPDATED:
        return [Claim.updated_at]
    if key is SortKey.THREADS:
        return [open_threads()]
    if key is SortKey.RELAYS:
        return [func.lower(_first_relay())]
    return []


def _needs_joins(flt: ClaimFilter, key: SortKey) -> tuple[bool, bool]:
    article = needs_article(flt) or key in (SortKey.POSITION, SortKey.ARTICLE)
    source = key is SortKey.SOURCE
    return article, source


def _joined(query: Select[Any], article: bool, source: bool) -> Select[Any]:
    query = query.select_from(Claim)
    if article:
        query = query.join(Article, Article.id == Claim.article_id)
    if source:
        query = query.outerjoin(Source, Source.id == Claim.source_id)
    return query


def order_clauses(order: ClaimOrder) -> list[SQLColumnExpression[Any]]:
    columns = [*sort_columns(order.key), Claim.id]
    if order.descending:
        return [c.desc().nulls_last() for c in columns]
    return [c.asc().nulls_first() for c in columns]


@dataclass(frozen=True)
class _Text:
    """The text criterion as the SQLite statements of one read check it: the query, and
    the sources and tags holding it (read once, at the start of the read)."""

    query: Query
    named: NamedMatches


def _text_of(conn: Connection, flt: ClaimFilter) -> _Text | None:
    """The text criterion of *flt* read for *conn* (None: no text, or one the statements
    match by themselves: PostgreSQL, punctuation, a term with punctuation)."""
    words = flt.text.strip()
    if not words or conn.dialect.name != "sqlite":
        return None
    try:
        query = parse_query(words)
    except InvalidInput:
        return None  # punctuation alone: matched literally, not on the indexes
    named = sqlite_named_matches(conn, query)
    return None if named is None else _Text(query, named)


def _named(text: _Text | None) -> NamedMatches | None:
    return None if text is None else text.named


def count_claims(ws: Workspace, flt: ClaimFilter | None = None) -> int:
    """How many claims match *flt* (joins only the tables the filter reads).

    A text alone that no source or tag holds is counted on the index: its claims
    are the index's own entries for it (SQLite).
    """
    flt = flt or ClaimFilter()
    with ws.engine.connect() as conn:
        text = _text_of(conn, flt)
        if text is not None and text.named.none and flt == ClaimFilter(text=flt.text):
            return sqlite_own_text_count(conn, text.query)
        query = _joined(select(func.count()), needs_article(flt), False)
        query = apply_claim_filter(query, flt, named=_named(text))
        return int(conn.execute(query).scalar_one())


INDEXED_ORDERS = frozenset(
    {
        SortKey.POSITION,
        SortKey.ARTICLE,
        SortKey.ID,
        SortKey.STATUS,
        SortKey.SOURCE,
        SortKey.TAGS,
        SortKey.THREADS,
        SortKey.GRADING,
        SortKey.EVENT,
        SortKey.UPDATED,
        SortKey.STATEMENT,
        SortKey.QUOTE,
    }
)
BROAD = 20  # criteria keeping one claim in this many or more are "broad"


def _broad(conn: Connection, flt: ClaimFilter, key: SortKey) -> bool:
    """The status and source criteria keep so many claims that walking the order's
    index finds a page sooner than sorting every match (two counts on indexes)."""
    if key not in INDEXED_ORDERS or not (flt.statuses or flt.source_ids):
        return False
    if key is SortKey.STATUS and not flt.source_ids:
        return False  # the status order's index serves the status criterion itself
    narrow = ClaimFilter(statuses=flt.statuses, source_ids=flt.source_ids)
    matched = conn.execute(apply_claim_filter(select(func.count()).select_from(Claim), narrow))
    everything = conn.execute(select(func.count()).select_from(Claim))
    return int(matched.scalar_one()) * BROAD >= int(everything.scalar_one())


WALK_ROWS = 20_000  # claims a page may walk past, checking each against a text


def _common_text(conn: Connection, flt: ClaimFilter, text: _Text | None, rows: int) -> _Text | None:
    """*text* when it is the only criterion and so common that the first *rows* matches
    should lie within :data:`WALK_ROWS` claims of the order: walking the order, checking
    each claim, then finds them sooner than gathering and sorting every match.

    Judged on the word index's count (a lower bound of the matches, read in
    milliseconds); SQLite only.  Other criteria beside the text leave the plan as it
    was: what they keep together is not known this cheaply.  The walk itself stops
    after :data:`WALK_ROWS` claims (:func:`_walked_ids`), should the matches lie
    elsewhere in the order.
    """
    if text is None or flt != ClaimFilter(text=flt.text):
        return None
    at_least = sqlite_claims_matched_at_least(conn, text.query)
    if at_least == 0:
        return None
    everything = conn.execute(select(func.count()).select_from(Claim)).scalar_one()
    return text if rows * int(everything) <= at_least * WALK_ROWS else None


def _walked_ids(
    conn: Connection,
    part: Select[Any],
    order: ClaimOrder,
    offset: int,
    limit: int,
    text: _Text,
) -> list[uuid.UUID] | None:
    """Ids of rows *offset* to *offset* + *limit* of the claims of *part* (selecting the
    claim's id and source id, over the claims a page may show) that hold *text*, found
    by walking the first :data:`WALK_ROWS` claims of *part* in *order* and checking each;
    None when those held fewer (the caller gathers every match instead).

    The walk is a subquery read as the query goes (a co-routine on SQLite): the rows
    come in its order, and the query stops as soon as the page is found.
    """
    walked = part.order_by(*order_clauses(order)).limit(WALK_ROWS).subquery("walked")
    found = (
        select(walked.c.id)
        .where(sqlite_walked_match(text.query, text.named, walked.c.id, walked.c.source_id))
        .offset(offset)
        .limit(limit)
    )
    ids = list(conn.scalars(found))
    if len(ids) == limit:
        return ids
    everything = conn.execute(select(func.count()).select_from(Claim)).scalar_one()
    return ids if int(everything) <= WALK_ROWS else None  # (every claim walked)


SAMPLE = 2000  # claims sampled to judge how many of a part's claims a filter keeps


def _dense(conn: Connection, part: Select[Any], flt: ClaimFilter) -> bool:
    """Whether *flt* keeps one claim in :data:`BROAD` or more of the claims *part* selects.

    Claim ids are random, so the first :data:`SAMPLE` ids of all claims (read on the
    id index) are a fair sample; the part's condition and then the filter are applied
    to those alone.  A part the sample barely meets is taken as sparse: the filter's
    own index then finds its claims.
    """
    sample = select(select(Claim.id).order_by(Claim.id).limit(SAMPLE).subquery().c.id)
    mine = part.where(Claim.id.in_(sample))
    met = conn.execute(select(func.count()).select_from(mine.subquery())).scalar_one()
    if int(met) < BROAD:
        return False
    kept = apply_claim_filter(mine, flt).subquery()
    return int(conn.execute(select(func.count()).select_from(kept)).scalar_one()) * BROAD >= met


SPLIT_ORDERS = frozenset({SortKey.SOURCE, SortKey.TAGS, SortKey.THREADS, SortKey.RELAYS})
# Orders whose pages are read from the row before them (a seek on the order's index)
# rather than by offset: the long texts, where walking an offset's entries costs most.
SEEK_ORDERS = frozenset({SortKey.STATEMENT, SortKey.QUOTE})


def _part_ids(
    conn: Connection,
    part: Select[Any],
    flt: ClaimFilter,
    order: ClaimOrder,
    offset: int,
    limit: int,
    scan: bool,
    text: _Text | None,
    walk: _Text | None,
) -> list[uuid.UUID]:
    """Ids of rows *offset* to *offset* + *limit* of the claims of *part* (selecting the
    claim id) matching *flt* in *order*: walked when *walk* says the text is common
    (:func:`_walked_ids`), else on the order's index with every criterion applied."""
    if walk is not None:
        walked = apply_claim_filter(part.add_columns(Claim.source_id), flt, text=False)
        ids = _walked_ids(conn, walked, order, offset, limit, walk)
        if ids is not None:
            return ids
    query = apply_claim_filter(part, flt, scan_order=scan, named=_named(text))
    return list(conn.scalars(query.order_by(*order_clauses(order)).offset(offset).limit(limit)))


_Part = tuple[Select[Any], ClaimOrder, bool, _Text | None]  # query, order, scan, walk


def _split_ids(
    conn: Connection,
    flt: ClaimFilter,
    order: ClaimOrder,
    offset: int,
    limit: int,
    scan: bool,
    text: _Text | None = None,
    walk: _Text | None = None,
) -> list[uuid.UUID]:
    """Ids of a page in an order most claims have no value in (no source, no tags,
    no open thread), read in two parts so neither sorts every claim.

    The claims without a value (first ascending, last descending) come by id (walked
    for a common text, see :func:`_part_ids`); the others by value: sources in name
    order with each source's claims on the source index, tagged, relayed claims or
    claims under discussion sorted among themselves only.  The result is the order
    :func:`order_clauses` gives.
    """
    base = _joined(select(Claim.id), needs_article(flt), False)
    if order.key is SortKey.SOURCE:
        empty = base.where(Claim.source_id.is_(None))
        valued = base.join(Source, Source.id == Claim.source_id)
    elif order.key is SortKey.TAGS:
        tagged = Claim.id.in_(select(claim_tag.c.claim_id))
        empty, valued = base.where(~tagged), base.where(tagged)
    elif order.key is SortKey.RELAYS:
        relayed = Claim.id.in_(select(ClaimRelay.claim_id))
        empty, valued = base.where(~relayed), base.where(relayed)
    else:
        discussed = has_open_thread()
        empty, valued = base.where(~discussed), base.where(discussed)
    # A criterion that keeps many claims overall may keep few or none of one part
    # (claims in dispute tend to have a source and an open thread): each part walks
    # its order only when a sample of the part says the criterion keeps many there.
    by_id: _Part = (
        empty,
        ClaimOrder(SortKey.ID, order.descending),
        scan and _dense(conn, empty, flt),
        walk,  # (the id order alone is walked: the values' orders sort their part)
    )
    by_value: _Part = (valued, order, scan and _dense(conn, valued, flt), None)
    first, second = (by_value, by_id) if order.descending else (by_id, by_value)

    def ids_of(part: _Part, at: int, many: int) -> list[uuid.UUID]:
        query, part_order, part_scan, part_walk = part
        return _part_ids(conn, query, flt, part_order, at, many, part_scan, text, part_walk)

    ids = ids_of(first, offset, limit)
    if len(ids) == limit:
        return ids
    if ids:
        rest = 0  # the page starts in the first part and goes on into the second
    else:
        kept = apply_claim_filter(first[0], flt, scan_order=first[2], named=_named(text))
        counted = select(func.count()).select_from(kept.subquery())
        rest = max(0, offset - int(conn.execute(counted).scalar_one()))
    return ids + ids_of(second, rest, limit - len(ids))


def claim_page(
    ws: Workspace,
    flt: ClaimFilter | None,
    order: ClaimOrder,
    offset: int,
    limit: int = PAGE_SIZE,
    *,
    total: int | None = None,
    after: str | None = None,
) -> list[ClaimRow]:
    """Rows *offset* to *offset* + *limit* of the claims matching *flt* in *order*.

    Given the *total* number of matching rows, a page in the second half is
    read in the reverse order from the end (:func:`db.claim_order.page_window`).
    Given the claim *after* which the page starts (the last row of the page
    before), the statement and quote orders read the rows that follow it on
    their index instead of walking every entry up to *offset*.
    """
    flt = flt or ClaimFilter()
    if limit <= 0:
        return []
    if after is not None and order.key in SEEK_ORDERS:
        following = _page_after(ws, flt, order, after, limit)
        if following is not None:
            return following
    window = page_window(offset, limit, total)
    if window is None:
        return []
    if window.reverse:
        order = order.reversed()
    # The ids first, on the order's index alone; then the wide rows of those ids only.
    with ws.session() as session:
        conn = session.connection()
        ids = _ids(conn, flt, order, window.offset, window.limit)
        if not ids:
            return []
        result = conn.execute(select_rows(ClaimFilter()).where(Claim.id.in_(ids))).all()
        rows = {row[R_ID]: row for row in rows_with_tags(session, result)}
    wanted = [rows[str(i)] for i in ids if str(i) in rows]
    if window.reverse:
        wanted.reverse()
    return wanted


def claim_ids_at(
    ws: Workspace, flt: ClaimFilter | None, order: ClaimOrder, offset: int, limit: int
) -> list[str]:
    """The ids of rows *offset* to *offset* + *limit* in *order*, without their rows:
    what a selection of many rows the table has not read stands for."""
    flt = flt or ClaimFilter()
    if limit <= 0:
        return []
    with ws.session() as session:
        ids = _ids(session.connection(), flt, order, max(0, offset), limit)
    return [str(i) for i in ids]


def _ids(
    conn: Connection, flt: ClaimFilter, order: ClaimOrder, offset: int, limit: int
) -> list[uuid.UUID]:
    """The ids of rows *offset* to *offset* + *limit* of the claims matching *flt* in
    *order*, on the order's index alone."""
    text = _text_of(conn, flt)
    walk = _common_text(conn, flt, text, offset + limit)
    scan = _broad(conn, flt, order.key)
    if order.key in SPLIT_ORDERS:
        return _split_ids(conn, flt, order, offset, limit, scan, text, walk)
    article, source = _needs_joins(flt, order.key)
    part = _joined(select(Claim.id), article, source)
    return _part_ids(conn, part, flt, order, offset, limit, scan, text, walk)


def _page_after(
    ws: Workspace, flt: ClaimFilter, order: ClaimOrder, after: str, limit: int
) -> list[ClaimRow] | None:
    """Up to *limit* rows following the claim *after* in *order* (None: it is gone)."""
    columns = [*sort_columns(order.key), Claim.id]
    article, source = _needs_joins(flt, order.key)
    probe = _joined(select(*columns), article, source).where(Claim.id == uuid.UUID(after))
    with ws.session() as session:
        conn = session.connection()
        found = conn.execute(probe).first()
        if found is None:
            return None
        # Rows after it in this order are the rows before it in the reverse order.
        later = or_(*_ranges_before(columns, tuple(found), not order.descending))
        named = _named(_text_of(conn, flt))
        query = _joined(select(Claim.id), article, source)
        query = apply_claim_filter(query, flt, named=named).where(later)
        ids = list(conn.scalars(query.order_by(*order_clauses(order)).limit(limit)))
        if not ids:
            return []
        result = conn.execute(select_rows(ClaimFilter()).where(Claim.id.in_(ids))).all()
        rows = {row[R_ID]: row for row in rows_with_tags(session, result)}
    return [rows[str(i)] for i in ids if str(i) in rows]


def rows_by_id(
    ws: Workspace, flt: ClaimFilter | None, ids: Iterable[uuid.UUID | str]
) -> list[ClaimRow]:
    """The rows of those *ids* that exist and match *flt* (in no particular order)."""
    return claim_rows(ws, flt, ids)


_NOT_NULL = (Claim.id, Claim.status, Claim.updated_at, Claim.article_id, Claim.start, Claim.end)


def _never_empty(column: SQLColumnExpression[Any]) -> bool:
    return any(column is c for c in _NOT_NULL) or column is Article.title


def _ranges_before(
    columns: Sequence[SQLColumnExpression[Any]], values: Sequence[Any], descending: bool
) -> list[ColumnElement[bool]]:
    """Disjoint conditions, together the rows before the row whose sort values are *values*.

    Each is an equality on a prefix of the key and a range on the next column,
    so each can be counted on the order's index (an OR of them could not).
    """
    terms: list[ColumnElement[bool]] = []
    equal: list[ColumnElement[bool]] = []
    for column, value in zip(columns, values, strict=True):
        if descending:
            earlier = column.is_not(None) if value is None else column > value
        elif value is None:
            earlier = None
        elif _never_empty(column):  # no "IS NULL OR": the range stays on the index
            earlier = column < value
        else:
            earlier = or_(column.is_(None), column < value)
        if earlier is not None:
            terms.append(and_(*equal, earlier))
        equal.append(column.is_(None) if value is None else column == value)
    return terms


def claim_rank(
    ws: Workspace, flt: ClaimFilter | None, order: ClaimOrder, claim_id: uuid.UUID | str
) -> int | None:
    """The row number of *claim_id* among the claims matching *flt* in *order*, or None."""
    flt = flt or ClaimFilter()
    cid = claim_id if isinstance(claim_id, uuid.UUID) else uuid.UUID(str(claim_id))
    columns = [*sort_columns(order.key), Claim.id]
    article, source = _needs_joins(flt, order.key)
    probe = _joined(select(*columns), article, source).where(Claim.id == cid)
    with ws.engine.connect() as conn:
        named = _named(_text_of(conn, flt))
        found = conn.execute(apply_claim_filter(probe, flt, named=named)).first()
        if found is None:
            return None
        counts = [
            apply_claim_filter(_joined(select(func.count()), article, source), flt, named=named)
            .where(term)
            .scalar_subquery()
            for term in _ranges_before(columns, tuple(found), order.descending)
        ]
        if not counts:
            return 0
        total: Any = counts[0]
        for more in counts[1:]:
            total = total + more
        return int(conn.execute(select(total)).scalar_one())


def _beside_statements(flt: ClaimFilter) -> tuple[Select[Any], Select[Any]]:
    """(probe, between) for :func:`claim_rank_beside`, with bound parameters.

    The probe reads the two claims' article and position (``cid``, ``aid``); *between*
    counts the article's claims before the new claim's key less those before the
    anchor's (``art``, ``new_start``, ``new_end``, ``new_id``, ``anchor_start``…).  The
    statements for no filter are built once: building and compiling them again for
    every new claim cost more than running them.
    """
    plain = flt == ClaimFilter()
    if plain and _PLAIN_BESIDE:
        return _PLAIN_BESIDE[0]
    columns: list[SQLColumnExpression[Any]] = [Claim.start, Claim.end, Claim.id]
    ids = [bindparam("cid", type_=Claim.id.type), bindparam("aid", type_=Claim.id.type)]
    probe = apply_claim_filter(
        select(Claim.id, Claim.article_id, *columns).where(Claim.id.in_(ids)), flt
    )
    article = bindparam("art", type_=Claim.article_id.type)

    def before(prefix: str) -> Any:
        """Claims of the article (matching *flt*) before the key bound as *prefix*."""
        key = (
            bindparam(f"{prefix}_start", type_=Claim.start.type),
            bindparam(f"{prefix}_end", type_=Claim.end.type),
            bindparam(f"{prefix}_id", type_=Claim.id.type),
        )
        counts = [
            apply_claim_filter(select(func.count()).select_from(Claim), flt)
            .where(Claim.article_id == article, term)
            .scalar_subquery()
            for term in _ranges_before(columns, key, False)
        ]
        total: Any = counts[0]
        for more in counts[1:]:
            total = total + more
        return total

    statements = (probe, select(before("new") - before("anchor")))
    if plain:
        _PLAIN_BESIDE.append(statements)
    return statements


_PLAIN_BESIDE: list[tuple[Select[Any], Select[Any]]] = []


def claim_rank_beside(
    ws: Workspace,
    flt: ClaimFilter | None,
    order: ClaimOrder,
    claim_id: uuid.UUID | str,
    anchor_id: uuid.UUID | str,
    anchor_rank: int,
) -> int | None:
    """The row a claim just added takes, from a claim of the same article whose row
    was *anchor_rank* before it was added: in the position order the two are apart by
    the article's claims between them, counted on the position index (instead of every
    claim of the articles before, as :func:`claim_rank` counts).

    None when this cannot tell (another order, another article, either claim gone or
    not matching *flt*): ask :func:`claim_rank` then.
    """
    flt = flt or ClaimFilter()
    if order.key not in (SortKey.POSITION, SortKey.ARTICLE) or order.descending:
        return None
    if needs_article(flt):
        return None
    cid = claim_id if isinstance(claim_id, uuid.UUID) else uuid.UUID(str(claim_id))
    aid = anchor_id if isinstance(anchor_id, uuid.UUID) else uuid.UUID(str(anchor_id))
    if cid == aid:
        return None
    probe, between = _beside_statements(flt)
    with ws.engine.connect() as conn:
        found = {row[0]: row[1:] for row in conn.execute(probe, {"cid": cid, "aid": aid})}
        if cid not in found or aid not in found or found[cid][0] != found[aid][0]:
            return None
        new_key, anchor_key = tuple(found[cid][1:]), tuple(found[aid][1:])
        keys = {"art": found[cid][0]}
        for prefix, key in (("new", new_key), ("anchor", anchor_key)):
            keys |= dict(
                zip((f"{prefix}_start", f"{prefix}_end", f"{prefix}_id"), key, strict=True)
            )
        counted = conn.execute(between, keys).scalar_one()
    # The anchor's row counted the new claim too when it comes first.
    ahead = 1 if (new_key[0], new_key[1], cid) < (anchor_key[0], anchor_key[1], aid) else 0
    return anchor_rank + ahead + int(counted)


# ---------------------------------------------------------------- filter choices

CHOICE_LIMIT = 50_000  # more articles or sources than this are reached by typing


def article_choices(ws: Workspace, limit: int = CHOICE_LIMIT) -> list[tuple[str, str]]:
    """(title or file name, id) of the articles, by title: two light columns, no text."""
    label = func.coalesce(func.nullif(Article.title, ""), Article.filename)
    query = select(label, Article.id).order_by(label, Article.id).limit(limit)
    with ws.engine.connect() as conn:
        return [(str(name), str(aid)) for name, aid in conn.execute(query)]


def source_choices(ws: Workspace, limit: int = CHOICE_LIMIT) -> list[tuple[str, str]]:
    """(name, id) of the sources, by name."""
    query = select(Source.name, Source.id).order_by(Source.name, Source.id).limit(limit)
    with ws.engine.connect() as conn:
        return [(str(name), str(sid)) for name, sid in conn.execute(query)]


def tag_choices(ws: Workspace, limit: int = CHOICE_LIMIT) -> list[str]:
    """Tag names, sorted."""
    query = select(Tag.name).order_by(Tag.name).limit(limit)
    with ws.engine.connect() as conn:
        return [str(name) for name in conn.scalars(query)]
