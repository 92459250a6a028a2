"""The claims table's filter in SQL, with the free-text match kept in one function.

:func:`text_condition` is the single place the text filter is built: the
full-text indexes of :mod:`db.search` (any script, any case, ``%`` and ``_``
literal), a condition on the claim id alone, so counting and paging need no
extra join for it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.sql.elements import Grouping

from db.claims import ClaimFilter, mark_conditions
from db.models import Article, Claim, Tag, claim_tag
from db.search import NamedMatches, claims_matching


def text_condition(text: str, *, named: NamedMatches | None = None) -> ColumnElement[bool]:
    """Claims whose quote, statement, notes, source or tags hold every word of *text*.

    Grouped: the condition is an OR of its parts, and must stay one term when
    ANDed with the other criteria.  *named*: the sources and tags matching *text*,
    read before on the same connection (see :class:`db.search.NamedMatches`).
    """
    return Grouping(claims_matching(text, named=named))


def needs_article(flt: ClaimFilter) -> bool:
    """The filter reads the article table (the query must join it)."""
    return flt.since is not None or flt.until is not None


def apply_claim_filter(
    query: Select[Any],
    flt: ClaimFilter,
    *,
    scan_order: bool = False,
    text: bool = True,
    named: NamedMatches | None = None,
) -> Select[Any]:
    """*query* (over claims, joined to articles when :func:`needs_article` says) filtered.

    *scan_order* keeps the status and source criteria off their own indexes, so
    the database walks the index of the query's order and stops after one page
    instead of sorting every matching claim: right when the criteria keep many.
    Without *text* the text criterion is left out (the caller checks it itself);
    *named* goes to :func:`text_condition`.
    """
    status: Any = func.coalesce(Claim.status, Claim.status) if scan_order else Claim.status
    source: Any = func.coalesce(Claim.source_id, Claim.source_id) if scan_order else Claim.source_id
    if flt.statuses:
        query = query.where(status.in_(sorted(flt.statuses)))
    if flt.article_ids:
        query = query.where(Claim.article_id.in_(sorted(flt.article_ids)))
    if flt.source_ids:
        query = query.where(source.in_(sorted(flt.source_ids)))
    if flt.tags:
        tagged = (
            select(claim_tag.c.claim_id)
            .join(Tag, Tag.id == claim_tag.c.tag_id)
            .where(Tag.name.in_(sorted(flt.tags)))
        )
        query = query.where(Claim.id.in_(tagged))
    words = flt.text.strip()
    if words and text:
        query = query.where(text_condition(words, named=named))
    if flt.since is not None:
        query = query.where(Article.published_at >= flt.since)
    if flt.until is not None:
        query = query.where(Article.published_at < flt.until)
    for condition in mark_conditions(flt):
        query = query.where(condition)
    return query
