"""Full-text search over articles, claims, comments, sources and tags.

* :func:`search` — the newest places a query is found, each a :class:`Hit`
  with the article (and claim), code-point offsets and a marked snippet.
* :func:`claims_matching` — a SQL condition on ``claim`` rows for any claims
  query (the claims table's text filter): quote, statement, notes, source
  name or aliases, and tags, matched through the same indexes.
* :func:`parse_query` — the checks and meaning of a query (see
  :mod:`db.search.query`); :func:`find_phrase` — a literal find in one text.

The indexes and the triggers keeping them current are in :mod:`db.search.schema`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, false

from db.errors import InvalidInput
from db.search import schema
from db.search.match import ClaimsMatching, NamedMatches, documents, literal_claims_matching
from db.search.query import MAX_QUERY_CHARS, Query, find_all, find_phrase, parse_query
from db.search.results import Hit, SearchResult, build_hits

if TYPE_CHECKING:
    from db.workspace import Workspace

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000


def search(ws: Workspace, text: str, *, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """The newest *limit* hits for *text*; InvalidInput for an unusable query."""
    query = parse_query(text)
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"The number of results must be 1–{MAX_LIMIT}, not {limit}.")
    with ws.engine.connect() as conn:  # reads only
        unread: list[int] = []
        docs = documents(conn, query, limit + 1, unread)
        hits = build_hits(conn, query, docs, limit + 1)
        indexing = schema.queued_count(conn)
    return SearchResult(
        query=query.text,
        hits=tuple(hits[:limit]),
        more=len(hits) > limit,
        indexing=indexing,
        unread=sum(unread),
    )


def articles_to_index(ws: Workspace) -> int:
    """How many stored articles still wait for their search index entries."""
    with ws.engine.connect() as conn:
        return schema.queued_count(conn)


def index_some(ws: Workspace, limit: int = 25) -> int:
    """Index up to *limit* waiting articles in one short transaction; how many were
    indexed (0: the index is complete).  A background indexer calls it until 0."""
    with ws.session() as session:
        return schema.index_queued(session.connection(), limit)


def claims_matching(text: str, *, named: NamedMatches | None = None) -> ColumnElement[bool]:
    """A condition true for claims matching *text*, for use in any claims query.

    Words are matched as :func:`search` matches them (every term, any case, in
    the quote, statement, notes, source name or aliases, or a tag).  Text with no
    letters or digits (``%``, ``--``) is looked for literally in the quote,
    statement and notes.  A query too long raises InvalidInput.  *named*: the
    sources and tags matching *text*, read before on the same connection
    (:func:`db.search.match.sqlite_named_matches`).
    """
    try:
        query = parse_query(text)
    except InvalidInput:
        stripped = " ".join(text.split())
        if len(stripped) > MAX_QUERY_CHARS:
            raise
        if "\x00" in stripped or any("\ud800" <= ch <= "\udfff" for ch in stripped):
            return false()  # not text any claim can hold
        return literal_claims_matching(stripped)
    return ClaimsMatching(query, named=named)


__all__ = [
    "DEFAULT_LIMIT",
    "MAX_QUERY_CHARS",
    "Hit",
    "NamedMatches",
    "Query",
    "SearchResult",
    "articles_to_index",
    "claims_matching",
    "find_all",
    "find_phrase",
    "index_some",
    "parse_query",
    "search",
]
