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

from sqlalchemy import Connection, select

from db.models import Article, Claim, Comment, Source, Tag, claim_tag
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


def build_hits(
    conn: Connection, query: Query, docs: list[tuple[str, uuid.UUID]], limit: int
) -> list[Hit]:
    """Hits for *docs* in their order; a source or tag stands for its claims."""
    ids: dict[str, list[uuid.UUID]] = {}
    for kind, entity in docs:
        ids.setdefault(kind, []).append(entity)
    claim_cols = (
        Claim.id,
        Claim.article_id,
        Article.title,
        Claim.quote,
        Claim.statement,
        Claim.notes,
        Claim.start,
        Claim.end,
    )

    def claims_where(*conditions: Any, cap: int | None = None) -> list[Any]:
        statement = (
            select(*claim_cols).join(Article, Article.id == Claim.article_id).where(*conditions)
        )
        if cap is not None:
            statement = statement.order_by(Claim.created_at.desc()).limit(cap)
        return list(conn.execute(statement))

    articles = {
        r.id: r
        for r in conn.execute(
            select(Article.id, Article.title, Article.text).where(
                Article.id.in_(ids.get("article", []))
            )
        )
    }
    claims = {r.id: r for r in claims_where(Claim.id.in_(ids.get("claim", [])))}
    comments = {
        r.id: r
        for r in conn.execute(
            select(Comment.id, Comment.claim_id, Comment.body).where(
                Comment.id.in_(ids.get("comment", []))
            )
        )
    }
    missing = {c.claim_id for c in comments.values()} - set(claims)
    if missing:
        claims.update({r.id: r for r in claims_where(Claim.id.in_(missing))})
    sources = {
        r.id: r
        for r in conn.execute(
            select(Source.id, Source.name, Source.aliases).where(
                Source.id.in_(ids.get("source", []))
            )
        )
    }
    tags = {
        r.id: r
        for r in conn.execute(select(Tag.id, Tag.name).where(Tag.id.in_(ids.get("tag", []))))
    }

    def claim_fields(c: Any) -> list[_Field]:
        return [
            _Field("quote", c.quote, c.start),
            _Field("statement", c.statement, None),
            _Field("notes", c.notes, None),
        ]

    hits: list[Hit] = []
    for kind, entity in docs:
        if len(hits) >= limit:
            break
        if kind == "article" and entity in articles:
            a = articles[entity]
            fields = [_Field("title", a.title, None), _Field("text", a.text, 0)]
            hits.append(
                _hit(query, fields, article_id=a.id, title=a.title, claim_id=None,
                     kind=kind, entity_id=entity, claim_range=None)
            )  # fmt: skip
        elif kind == "claim" and entity in claims:
            c = claims[entity]
            hits.append(
                _hit(query, claim_fields(c), article_id=c.article_id, title=c.title,
                     claim_id=c.id, kind=kind, entity_id=entity, claim_range=(c.start, c.end))
            )  # fmt: skip
        elif kind == "comment" and entity in comments:
            m = comments[entity]
            c = claims.get(m.claim_id)
            if c is not None:
                hits.append(
                    _hit(query, [_Field("comment", m.body, None)], article_id=c.article_id,
                         title=c.title, claim_id=c.id, kind=kind, entity_id=entity,
                         claim_range=(c.start, c.end))
                )  # fmt: skip
        elif kind in ("source", "tag"):
            if kind == "source" and entity in sources:
                s = sources[entity]
                fields = [
                    _Field("source", s.name, None),
                    _Field("alias", _aliases(s.aliases), None),
                ]
                owned = claims_where(Claim.source_id == entity, cap=limit - len(hits))
            elif kind == "tag" and entity in tags:
                fields = [_Field("tag", tags[entity].name, None)]
                tagged = select(claim_tag.c.claim_id).where(claim_tag.c.tag_id == entity)
                owned = claims_where(Claim.id.in_(tagged), cap=limit - len(hits))
            else:
                continue
            for c in owned:
                hits.append(
                    _hit(query, fields, article_id=c.article_id, title=c.title, claim_id=c.id,
                         kind=kind, entity_id=entity, claim_range=(c.start, c.end))
                )  # fmt: skip
    return hits[:limit]
