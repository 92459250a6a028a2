"""Matching documents in SQL: FTS5 on SQLite, pg_trgm and tsvector on PostgreSQL.

:func:`documents` finds the newest documents holding every term;
:func:`claims_matching` is a condition on ``claim`` rows that any claims query
(the claims table's text filter among them) can use, compiled for the
workspace's database when the statement runs.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Select,
    String,
    and_,
    bindparam,
    cast,
    collate,
    column,
    false,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.exc import CompileError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from db.models import Claim, Source, Tag, claim_tag
from db.search import schema
from db.search.query import TRIGRAM, Query, fts5_expression, like_pattern, tsquery_prefix
from db.search.schema import CLAIM, KINDS, SOURCE, TAG, Kind

_key = table(schema.KEY, column("id"), column("entity_id"), column("kind"))
_word = table(schema.WORD, column("rowid"), column(schema.WORD))
_trigram = table(schema.TRIGRAM, column("rowid"), column(schema.TRIGRAM))

Document = tuple[str, Any]  # (kind name, entity id as the driver returns it)


# ---------------------------------------------------------------- SQLite


def _fts_rowids(query: Query, columns: tuple[str, ...]) -> Select[Any]:
    """Rowids of the documents whose *columns* hold every term."""
    conditions: list[ColumnElement[bool]] = []
    if query.long_terms:
        expression = fts5_expression(query.long_terms, columns, prefix=False)
        conditions.append(_trigram.c[schema.TRIGRAM].op("MATCH")(bindparam(None, expression)))
        rowids = select(_trigram.c.rowid)
        if query.short_terms:
            words = fts5_expression(query.short_terms, columns, prefix=True)
            conditions.append(
                _trigram.c.rowid.in_(
                    select(_word.c.rowid).where(
                        _word.c[schema.WORD].op("MATCH")(bindparam(None, words))
                    )
                )
            )
        return rowids.where(*conditions)
    words = fts5_expression(query.short_terms, columns, prefix=True)
    return select(_word.c.rowid).where(_word.c[schema.WORD].op("MATCH")(bindparam(None, words)))


def _sqlite_entity_ids(query: Query, kind: Kind) -> Select[Any]:
    return select(_key.c.entity_id).where(_key.c.id.in_(_fts_rowids(query, kind.fts_columns)))


def _sqlite_documents(
    conn: Connection, query: Query, limit: int, unread: list[int] | None = None
) -> list[Document]:
    # Plain SQL: this runs on every keystroke of the search box, and FTS5 hands
    # back the newest rowids first without looking at the rest.
    # Articles an import stored are indexed in the background: until then they are
    # read here, newest first, so a search never misses them.  They are read before
    # the indexes: an article indexed meanwhile is then in the indexes, never in
    # neither (each statement sees the latest commit; an article only leaves the queue).
    queued: list[tuple[int, str, Any]] = []
    if schema.queued_count(conn):
        queued, left = _queued_documents(conn, query, limit)
        if unread is not None:
            unread.append(left)
    params: list[Any] = []
    if query.long_terms:
        fts = schema.TRIGRAM
        params.append(fts5_expression(query.long_terms, schema.FTS_COLUMNS, prefix=False))
        also = ""
        if query.short_terms:
            also = f" AND rowid IN (SELECT rowid FROM {schema.WORD} WHERE {schema.WORD} MATCH ?)"
            params.append(fts5_expression(query.short_terms, schema.FTS_COLUMNS, prefix=True))
    else:
        fts, also = schema.WORD, ""
        params.append(fts5_expression(query.short_terms, schema.FTS_COLUMNS, prefix=True))
    sql = (
        f"SELECT m.r, k.kind, k.entity_id FROM (SELECT rowid AS r FROM {fts} WHERE {fts} MATCH ?"
        f"{also} ORDER BY rowid DESC LIMIT ?) AS m JOIN {schema.KEY} AS k ON k.id = m.r "
        "ORDER BY m.r DESC"
    )
    found = [
        (key, kind, entity) for key, kind, entity in conn.exec_driver_sql(sql, (*params, limit))
    ]
    parted = _parted_documents(conn, query, limit)
    if parted:
        found = sorted(found + parted, key=lambda f: f[0], reverse=True)[:limit]
    if queued:
        seen = {(kind, entity) for _key, kind, entity in found}
        found += [q for q in queued if (q[1], q[2]) not in seen]
        found.sort(key=lambda f: f[0], reverse=True)
    return [(kind, entity) for _key, kind, entity in found[:limit]]


def _parted_documents(conn: Connection, query: Query, limit: int) -> list[tuple[int, str, Any]]:
    """The newest *limit* articles indexed in parts holding every term, each term in
    any of their parts (a part's rowid is minus its id; see :mod:`db.search.schema`)."""
    if conn.exec_driver_sql(f"SELECT 1 FROM {schema.PART} LIMIT 1").first() is None:
        return []
    keys: set[int] | None = None
    for term in query.terms:
        long = len(term) >= TRIGRAM
        fts = schema.TRIGRAM if long else schema.WORD
        expression = fts5_expression((term,), schema.FTS_COLUMNS, prefix=not long)
        sql = (
            f"SELECT DISTINCT p.key_id FROM {fts} JOIN {schema.PART} AS p ON p.id = -{fts}.rowid "
            f"WHERE {fts} MATCH ? AND {fts}.rowid < 0"
        )
        found = {key for (key,) in conn.exec_driver_sql(sql, (expression,))}
        keys = found if keys is None else keys & found
        if not keys:
            return []
    newest = sorted(keys or (), reverse=True)[:limit]
    marks = ", ".join("?" * len(newest))
    sql = f"SELECT id, entity_id FROM {schema.KEY} WHERE id IN ({marks}) AND kind = ?"
    rows = conn.exec_driver_sql(sql, (*newest, schema.PARTED))
    return [(key, schema.ARTICLE.name, entity) for key, entity in rows]


def _queued_documents(
    conn: Connection, query: Query, limit: int
) -> tuple[list[tuple[int, str, Any]], int]:
    """The newest *limit* queued articles (not indexed yet) holding every term, found as
    the indexes find them: a term of three or more characters anywhere, a shorter one
    at the start of a word, in any case; and how many were left unread, once
    :data:`QUEUED_READ_CHARS` of text were read (a search stays quick)."""
    patterns = [
        re.compile(re.escape(term) if len(term) >= TRIGRAM else WORD_START + re.escape(term),
                   re.IGNORECASE)
        for term in query.terms
    ]  # fmt: skip
    rows = conn.exec_driver_sql(
        f"SELECT k.id, k.entity_id, a.title, a.text FROM {schema.KEY} AS k "
        f"JOIN {schema.ARTICLE.table} AS a ON a.id = k.entity_id "
        f"WHERE k.kind = '{schema.QUEUED}' ORDER BY k.id DESC"
    )
    found: list[tuple[int, str, Any]] = []
    read = chars = 0
    for key, entity, title, text in rows:
        if chars > QUEUED_READ_CHARS:
            break
        read += 1
        chars += len(text)
        if all(p.search(title) or p.search(text) for p in patterns):
            found.append((key, schema.ARTICLE.name, entity))
            if len(found) >= limit:
                break
    rows.close()
    unread = 0 if len(found) >= limit else schema.queued_count(conn) - read
    return found, max(unread, 0)


# Text a search reads of the articles not indexed yet, newest first, before it stops.
QUEUED_READ_CHARS = 20_000_000


# Where a word starts, as the word index splits words (letters and digits make words).
WORD_START = r"(?<![^\W_])"


# ---------------------------------------------------------------- PostgreSQL


def _pg_condition(query: Query, kind: Kind) -> ColumnElement[bool]:
    folded: ColumnElement[str] = literal_column(kind.pg_folded(qualify=True))
    conditions: list[ColumnElement[bool]] = [
        folded.like(
            func.lower(collate(bindparam(None, like_pattern(term)), "und-x-icu")), escape="\\"
        )
        for term in query.long_terms
    ]
    if query.short_terms:
        words: ColumnElement[Any] = literal_column(kind.pg_words(qualify=True))
        for term in query.short_terms:
            tsquery = func.to_tsquery(literal_column("'simple'::regconfig"), tsquery_prefix(term))
            conditions.append(words.op("@@")(tsquery))
    return and_(*conditions)


def _pg_documents(conn: Connection, query: Query, limit: int) -> list[Document]:
    found: list[tuple[float, str, Any]] = []
    for kind in KINDS:
        model = _table_of(kind)
        statement = (
            select(model.c.id, literal_column("NULL") if kind is TAG else model.c.created_at)
            .where(_pg_condition(query, kind))
            .limit(limit)
        )
        # Substring terms: no ORDER BY, which would recheck every match of the
        # (lossy) trigram index; the first *limit* found are sorted below.  Word
        # prefixes: the order keeps the planner on the (exact) word index rather
        # than a scan that computes every row's words.
        if query.short_terms:
            statement = statement.order_by(
                model.c.name if kind is TAG else model.c.created_at.desc()
            )
        for entity, created in conn.execute(statement):
            moment = created.timestamp() if created is not None else float("-inf")
            found.append((moment, kind.name, entity))
    # Newest first across kinds, as on SQLite; tags (no creation time) last.
    found.sort(key=lambda f: f[0], reverse=True)
    return [(name, entity) for _, name, entity in found[:limit]]


def _table_of(kind: Kind) -> Any:
    from db.models import Base

    return Base.metadata.tables[kind.table]


# ---------------------------------------------------------------- public


def documents(
    conn: Connection, query: Query, limit: int, unread: list[int] | None = None
) -> list[Document]:
    """The newest *limit* documents holding every term of *query*: (kind, id) pairs.

    *unread* gets how many articles waiting for the index were not read (SQLite).
    """
    if conn.dialect.name == "sqlite":
        return _sqlite_documents(conn, query, limit, unread)
    if conn.dialect.name == "postgresql":
        return _pg_documents(conn, query, limit)
    raise CompileError(f"Full-text search does not support {conn.dialect.name} databases.")


@dataclass(frozen=True)
class NamedMatches:
    """The sources and the tags whose own documents hold every term of a query, read
    before the claims statements that use them (SQLite): a statement then names them
    instead of matching the index once more for each.  Read in the same transaction
    as those statements, they are what those statements would have found."""

    source_ids: tuple[uuid.UUID, ...]
    tag_ids: tuple[uuid.UUID, ...]

    @property
    def none(self) -> bool:
        return not self.source_ids and not self.tag_ids


def sqlite_named_matches(conn: Connection, query: Query) -> NamedMatches | None:
    """The sources and tags holding every term of *query*, by one match on the index
    (None: not SQLite, or a term with punctuation, checked as typed on each side)."""
    if conn.dialect.name != "sqlite" or query.symbol_terms or not query.terms:
        return None
    rowids = _fts_rowids(query, (*SOURCE.fts_columns, *TAG.fts_columns))
    found = conn.execute(select(_key.c.kind, _key.c.entity_id).where(_key.c.id.in_(rowids)))
    sources: list[uuid.UUID] = []
    tags: list[uuid.UUID] = []
    for kind, entity in found:
        if kind == SOURCE.name:
            sources.append(uuid.UUID(str(entity)))
        elif kind == TAG.name:
            tags.append(uuid.UUID(str(entity)))
    return NamedMatches(tuple(sorted(sources)), tuple(sorted(tags)))


def sqlite_own_text_count(conn: Connection, query: Query) -> int:
    """How many claims hold every term of *query* in their own quote, statement or notes
    (SQLite): the index entries of those columns, counted without reading a claim.

    Only claims fill those columns of the index, one entry each, kept by the triggers
    that write the claim; so the entries are the claims.
    """
    rowids = _fts_rowids(query, CLAIM.fts_columns).subquery()
    return int(conn.execute(select(func.count()).select_from(rowids)).scalar_one())


def sqlite_walked_match(
    query: Query, named: NamedMatches, claim_id: Any, source_id: Any
) -> ColumnElement[bool]:
    """The text criterion on the claim whose id and source are the columns *claim_id* and
    *source_id* of a query walking claims in some order (SQLite, *named* read before).

    Each claim walked looks its own index entry up (one search on the unique entity
    id) and asks whether the matches hold it: the matches are read once as entry
    numbers, never turned into claim ids one by one, and nothing here can lead the
    query away from the order it walks.
    """
    own_entry = (
        select(_key.c.id).where(_key.c.entity_id == claim_id).correlate_except(_key)
    ).scalar_subquery()
    return _with_named(
        own_entry.in_(_fts_rowids(query, CLAIM.fts_columns)), named, claim_id, source_id
    )


def _with_named(
    own_text: ColumnElement[bool], named: NamedMatches, claim_id: Any, source_id: Any
) -> ColumnElement[bool]:
    """A claim's own text matching, or its source or one of its tags among *named*."""
    sides = [own_text]
    if named.source_ids:
        sides.append(source_id.in_(named.source_ids))
    if named.tag_ids:
        tagged = select(claim_tag.c.claim_id).where(claim_tag.c.tag_id.in_(named.tag_ids))
        sides.append(claim_id.in_(tagged))
    return or_(*sides)


class ClaimsMatching(ColumnElement[bool]):
    """True for claims whose quote, statement, notes, source or tags hold every term.

    With *named* (SQLite) the sources and tags are those read beforehand.
    """

    inherit_cache = False
    type = Boolean()

    def __init__(self, query: Query, *, named: NamedMatches | None = None) -> None:
        self.query = query
        self.named = named


def _claim_condition(
    query: Query, own_text: ColumnElement[bool], source_side: Any, tag_side: Any
) -> ColumnElement[bool]:
    claims = own_text
    sources: ColumnElement[bool] = Claim.source_id.in_(source_side)
    tagged = select(claim_tag.c.claim_id).where(claim_tag.c.tag_id.in_(tag_side))
    # A short term with punctuation ("5%") was found by its word alone: each side
    # must also hold it as typed.
    for term in query.symbol_terms:
        pattern = like_pattern(term)

        def holds(*columns: Any, pattern: str = pattern) -> ColumnElement[bool]:
            return or_(*(c.ilike(pattern, escape="\\") for c in columns))

        claims = and_(claims, holds(Claim.quote, Claim.statement, Claim.notes))
        sources = and_(
            sources,
            Claim.source_id.in_(
                select(Source.id).where(holds(Source.name, cast(Source.aliases, String)))
            ),
        )
        tagged = tagged.where(claim_tag.c.tag_id.in_(select(Tag.id).where(holds(Tag.name))))
    return or_(claims, sources, Claim.id.in_(tagged))


@compiles(ClaimsMatching, "sqlite")
def _claims_matching_sqlite(element: ClaimsMatching, compiler: SQLCompiler, **kw: Any) -> str:
    q = element.query
    own_text = Claim.id.in_(_sqlite_entity_ids(q, CLAIM))
    named = element.named
    if named is not None and not q.symbol_terms:
        condition = _with_named(own_text, named, Claim.id, Claim.source_id)
    else:
        condition = _claim_condition(
            q, own_text, _sqlite_entity_ids(q, SOURCE), _sqlite_entity_ids(q, TAG)
        )
    # Parenthesised: the condition is an OR, and it is ANDed with other filters.
    return f"({compiler.process(condition, **kw)})"


def sqlite_claims_matched_at_least(conn: Connection, query: Query) -> int:
    """A quick lower bound of the claims whose own text holds every term (SQLite).

    A term found at the start of a word is found anywhere, so the word index's
    count (a few milliseconds even for tens of thousands of claims) never exceeds
    what the substring match finds; it tells whether a match is common.  0 when
    that cannot be told so cheaply.
    """
    if conn.dialect.name != "sqlite" or not query.terms:
        return 0
    if not all(term.isalnum() for term in query.terms):
        return 0  # a term of several words ("file_name") is a phrase the word index lacks
    expression = fts5_expression(query.terms, CLAIM.fts_columns, prefix=True)
    sql = f"SELECT count(*) FROM {schema.WORD} WHERE {schema.WORD} MATCH ?"
    return int(conn.exec_driver_sql(sql, (expression,)).scalar_one())


@compiles(ClaimsMatching, "postgresql")
def _claims_matching_pg(element: ClaimsMatching, compiler: SQLCompiler, **kw: Any) -> str:
    q = element.query
    claims = _table_of(CLAIM)
    sources = _table_of(SOURCE)
    tags = _table_of(TAG)
    condition = _claim_condition(
        q,
        Claim.id.in_(select(claims.c.id).where(_pg_condition(q, CLAIM))),
        select(sources.c.id).where(_pg_condition(q, SOURCE)),
        select(tags.c.id).where(_pg_condition(q, TAG)),
    )
    # Parenthesised: the condition is an OR, and it is ANDed with other filters.
    return f"({compiler.process(condition, **kw)})"


@compiles(ClaimsMatching)
def _claims_matching_other(element: ClaimsMatching, compiler: SQLCompiler, **kw: Any) -> str:
    raise CompileError("Full-text search needs SQLite or PostgreSQL.")


def literal_claims_matching(text: str) -> ColumnElement[bool]:
    """Claims whose quote, statement or notes contain *text* exactly (punctuation)."""
    if not text:
        return false()
    pattern = like_pattern(text)
    return or_(
        Claim.quote.like(pattern, escape="\\"),
        Claim.statement.like(pattern, escape="\\"),
        Claim.notes.like(pattern, escape="\\"),
    )
