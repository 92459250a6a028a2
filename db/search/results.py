"""Hits: where in which article (and claim) a query's terms were found, with a snippet.

Offsets are code points into the field named (``text`` is the article's stored
text; ``quote`` lies at the claim's offsets in it).  ``article_start`` and
``article_end`` are the range to show in the article: the hit itself for the
article text or a claim's quote, the claim's quote for hits in its statement,
notes, comments, source or tags, and nothing for a title.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from db.search.query import Query, find_all, find_first

SNIPPET_BEFORE = 40
SNIPPET_AFTER = 80
MAX_MARKS = 20


@dataclass(frozen=True)
class Hit:
    """One place a query was found."""

    article_id: uuid.UUID
    article_title: str
    claim_id: uuid.UUID | None
    claim_quote: str | None  # the claim's quote, when the hit belongs to a claim
    kind: str  # the document: article, claim, comment, source or tag
    entity_id: uuid.UUID
    field: str  # title, text, quote, statement, notes, comment, source, alias, tag
    start: int
    end: int
    snippet: str
    marks: tuple[tuple[int, int], ...]  # the terms within the snippet
    article_start: int | None
    article_end: int | None

    def marked_snippet(self, before: str = "⟦", after: str = "⟧") -> str:
        """The snippet with every mark wrapped in *before* and *after*."""
        out: list[str] = []
        at = 0
        for start, end in self.marks:
            out += [self.snippet[at:start], before, self.snippet[start:end], after]
            at = end
        out.append(self.snippet[at:])
        return "".join(out)

    def as_dict(self) -> dict[str, Any]:
        return {
            "article_id": str(self.article_id),
            "article_title": self.article_title,
            "claim_id": str(self.claim_id) if self.claim_id else None,
            "claim_quote": self.claim_quote,
            "kind": self.kind,
            "id": str(self.entity_id),
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "article_start": self.article_start,
            "article_end": self.article_end,
            "snippet": self.snippet,
            "marks": [list(m) for m in self.marks],
        }


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    more: bool  # further hits exist beyond the limit
    # Articles stored but not yet in the search index (SQLite, just imported): their
    # hits are found by reading them, and a search box says the index is being built.
    indexing: int = 0
    # Of those, how many this search did not read (it reads a bounded amount of text,
    # newest first): their hits may be missing until they are indexed.
    unread: int = 0


def snippet(
    text: str, span: tuple[int, int], query: Query
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line window of *text* around *span*, and the terms found within it."""
    start = max(0, span[0] - SNIPPET_BEFORE)
    end = min(len(text), span[1] + SNIPPET_AFTER)
    # Widen to whole words where a space is near, so the window does not cut one.
    if start > 0:
        space = text.rfind(" ", max(0, start - 15), start)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.find(" ", end, end + 15)
        end = space if space >= 0 else end
    window = text[start:end]
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    flat = "".join(" " if ch in "\r\n\t\u2028\u2029" else ch for ch in window)
    marks = tuple(
        (s + len(lead), e + len(lead)) for s, e in find_all(window, query, limit=MAX_MARKS)
    )
    return lead + flat + tail, marks


@dataclass
class _Field:
    name: str
    text: str
    offset: int | None  # where the field lies in the article text, if it does


def _first(fields: Iterable[_Field], query: Query) -> tuple[_Field, tuple[int, int]] | None:
    for f in fields:
        span = find_first(f.text, query)
        if span is not None:
            return f, span
    return None


def _hit(
    query: Query,
    fields: list[_Field],
    *,
    article_id: uuid.UUID,
    title: str,
    claim_id: uuid.UUID | None,
    kind: str,
    entity_id: uuid.UUID,
    claim_range: tuple[int, int] | None,
    claim_quote: str | None = None,
) -> Hit:
    found = _first(fields, query)
    if found is None:  # matched by word prefix only (or folded differently): show the start
        field, span = fields[0], (0, 0)
    else:
        field, span = found
    text, marks = snippet(field.text, span, query)
    if field.offset is not None:
        article_range: tuple[int, int] | None = (field.offset + span[0], field.offset + span[1])
    else:
        article_range = claim_range
    return Hit(
        article_id=article_id,
        article_title=title,
        claim_id=claim_id,
        claim_quote=claim_quote,
        kind=kind,
        entity_id=entity_id,
        field=field.name,
        start=span[0],
        end=span[1],
        snippet=text,
        marks=marks,
        article_start=article_range[0] if article_range else None,
        article_end=article_range[1] if article_range else None,
    )


def _aliases(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return str(value)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return ""


class _Loader:
    """The rows behind documents, in plain SQL for both databases (ids as the driver gives them)."""

    CLAIM = (
        'SELECT c.id, c.article_id, a.title, c.quote, c.statement, c.notes, c.start, c."end" '
        "FROM claim AS c JOIN article AS a ON a.id = c.article_id "
    )

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.mark = "?" if conn.dialect.name == "sqlite" else "%s"

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        return list(self.conn.exec_driver_sql(sql.replace("?", self.mark), params))

    def by_ids(self, sql: str, ids: list[Any]) -> dict[str, Any]:
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        return {_key(r[0]): r for r in self._rows(sql.format(ids=marks), tuple(ids))}

    def articles(self, ids: list[Any]) -> dict[str, Any]:
        return self.by_ids("SELECT id, title, text FROM article WHERE id IN ({ids})", ids)

    def claims(self, ids: list[Any]) -> dict[str, Any]:
        return self.by_ids(self.CLAIM + "WHERE c.id IN ({ids})", ids)

    def comments(self, ids: list[Any]) -> dict[str, Any]:
        return self.by_ids("SELECT id, claim_id, body FROM comment WHERE id IN ({ids})", ids)

    def sources(self, ids: list[Any]) -> dict[str, Any]:
        return self.by_ids("SELECT id, name, aliases FROM source WHERE id IN ({ids})", ids)

    def tags(self, ids: list[Any]) -> dict[str, Any]:
        return self.by_ids("SELECT id, name FROM tag WHERE id IN ({ids})", ids)

    def claims_of(self, kind: str, entity: Any, cap: int) -> list[Any]:
        if kind == "source":
            where = "WHERE c.source_id = ? "
        else:
            where = "WHERE c.id IN (SELECT claim_id FROM claim_tag WHERE tag_id = ?) "
        order = "ORDER BY c.created_at DESC, c.id LIMIT ?"
        return self._rows(self.CLAIM + where + order, (entity, cap))


def _key(value: Any) -> str:
    """One spelling of an id whichever way the driver returned it (32 hex digits)."""
    return value.hex if isinstance(value, uuid.UUID) else str(value).replace("-", "")


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def build_hits(
    conn: Connection, query: Query, docs: list[tuple[str, Any]], limit: int
) -> list[Hit]:
    """Hits for *docs* (kind, stored id) in order; a source or tag stands for its claims."""
    load = _Loader(conn)
    ids: dict[str, list[Any]] = {}
    for kind, entity in docs:
        ids.setdefault(kind, []).append(entity)
    articles = load.articles(ids.get("article", []))
    claims = load.claims(ids.get("claim", []))
    comments = load.comments(ids.get("comment", []))
    missing = [m[1] for m in comments.values() if _key(m[1]) not in claims]
    claims.update(load.claims(missing))
    sources = load.sources(ids.get("source", []))
    tags = load.tags(ids.get("tag", []))

    def claim_hit(c: Any, fields: list[_Field], kind: str, entity: Any) -> Hit:
        return _hit(query, fields, article_id=_uuid(c[1]), title=c[2], claim_id=_uuid(c[0]),
                    kind=kind, entity_id=_uuid(entity), claim_range=(c[6], c[7]),
                    claim_quote=c[3])  # fmt: skip

    hits: list[Hit] = []
    for kind, entity in docs:
        if len(hits) >= limit:
            break
        key = _key(entity)
        # A short term with punctuation was found by its word alone: check the rest.
        if query.symbol_terms and not query.holds_symbol_terms(
            _texts(kind, key, articles, claims, comments, sources, tags)
        ):
            continue
        if kind == "article" and key in articles:
            a = articles[key]
            fields = [_Field("title", a[1], None), _Field("text", a[2], 0)]
            hits.append(
                _hit(query, fields, article_id=_uuid(a[0]), title=a[1], claim_id=None,
                     kind=kind, entity_id=_uuid(entity), claim_range=None)
            )  # fmt: skip
        elif kind == "claim" and key in claims:
            c = claims[key]
            fields = [
                _Field("quote", c[3], c[6]),
                _Field("statement", c[4], None),
                _Field("notes", c[5], None),
            ]
            hits.append(claim_hit(c, fields, kind, entity))
        elif kind == "comment" and key in comments:
            m = comments[key]
            c = claims.get(_key(m[1]))
            if c is not None:
                hits.append(claim_hit(c, [_Field("comment", m[2], None)], kind, entity))
        elif kind == "source" and key in sources:
            s = sources[key]
            fields = [_Field("source", s[1], None), _Field("alias", _aliases(s[2]), None)]
            for c in load.claims_of(kind, entity, limit - len(hits)):
                hits.append(claim_hit(c, fields, kind, entity))
        elif kind == "tag" and key in tags:
            fields = [_Field("tag", tags[key][1], None)]
            for c in load.claims_of(kind, entity, limit - len(hits)):
                hits.append(claim_hit(c, fields, kind, entity))
    return hits[:limit]


def _texts(
    kind: str,
    key: str,
    articles: dict[str, Any],
    claims: dict[str, Any],
    comments: dict[str, Any],
    sources: dict[str, Any],
    tags: dict[str, Any],
) -> tuple[str, ...]:
    """The texts the document *key* of *kind* was found in."""
    if kind == "article" and key in articles:
        return (articles[key][1], articles[key][2])
    if kind == "claim" and key in claims:
        return (claims[key][3], claims[key][4], claims[key][5])
    if kind == "comment" and key in comments:
        return (comments[key][2],)
    if kind == "source" and key in sources:
        return (sources[key][1], _aliases(sources[key][2]))
    if kind == "tag" and key in tags:
        return (tags[key][1],)
    return ()
