"""The claims table's reads: row counts, pages, rows by id, a claim's row, filter choices.

The one door from the claims table (and the other paged claim lists) to the
database.  Every function is a short read on its own connection, safe to run
in a background job; the value types it hands back are plain tuples.

Importing this loads neither the ORM nor the models: the count and the pages of all
claims in the article order, what a window opens on, are read without them
(:mod:`db.claim_first_rows`), so the claims table shows its first rows while the rest
of the code loads; every other read imports :mod:`db.claim_pages` (the ORM, the models)
inside the function, when first made.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace

from db import claim_first_rows
from db.claim_criteria import ClaimFilter
from db.claim_order import PAGE_SIZE, ClaimOrder, SortKey
from db.claim_row_values import (
    R_ARTICLE,
    R_ARTICLE_ID,
    R_CONTESTED,
    R_CREDIBILITY,
    R_EVENT_END,
    R_EVENT_START,
    R_ID,
    R_QUOTE,
    R_RELAYS,
    R_RELIABILITY,
    R_SOURCE,
    R_SOURCE_ID,
    R_STATEMENT,
    R_STATUS,
    R_SUPERSEDED_BY,
    R_TAGS,
    R_THREADS,
    R_UPDATED,
    ClaimRow,
    row_of_new_claim,
)
from db.workspace import Workspace

__all__ = [
    "PAGE_SIZE",
    "R_ARTICLE",
    "R_ARTICLE_ID",
    "R_CONTESTED",
    "R_CREDIBILITY",
    "R_EVENT_END",
    "R_EVENT_START",
    "R_ID",
    "R_QUOTE",
    "R_RELAYS",
    "R_RELIABILITY",
    "R_SOURCE",
    "R_SOURCE_ID",
    "R_STATEMENT",
    "R_STATUS",
    "R_SUPERSEDED_BY",
    "R_TAGS",
    "R_THREADS",
    "R_UPDATED",
    "ClaimOrder",
    "ClaimRow",
    "SortKey",
    "article_choices",
    "count",
    "ids_at",
    "new_claim_row",
    "page",
    "rank",
    "rank_beside",
    "rows",
    "source_choices",
    "tag_choices",
]


def count(ws: Workspace, flt: ClaimFilter) -> int:
    """How many claims match *flt*."""
    if flt == ClaimFilter():
        return claim_first_rows.count_all(ws)
    from db import claim_pages

    return claim_pages.count_claims(ws, flt)


def page(
    ws: Workspace,
    flt: ClaimFilter,
    order: ClaimOrder,
    number: int,
    *,
    total: int | None = None,
    size: int = PAGE_SIZE,
    after: str | None = None,
) -> list[ClaimRow]:
    """Page *number* (rows ``number * size`` onwards) of the matching claims in *order*;
    *after* names the claim just before it, when known (see ``claim_page``)."""
    if claim_first_rows.serves(flt, order):
        return claim_first_rows.page(ws, order, number * size, size, total=total)
    from db import claim_pages

    return claim_pages.claim_page(ws, flt, order, number * size, size, total=total, after=after)


def ids_at(
    ws: Workspace, flt: ClaimFilter, order: ClaimOrder, offset: int, limit: int
) -> list[str]:
    """The claim ids of rows *offset* to *offset* + *limit* (a selection not read yet)."""
    from db import claim_pages

    return claim_pages.claim_ids_at(ws, flt, order, offset, limit)


def rows(ws: Workspace, flt: ClaimFilter, ids: Iterable[uuid.UUID | str]) -> list[ClaimRow]:
    """The rows of those *ids* that still exist and match *flt*."""
    from db import claim_pages

    return claim_pages.rows_by_id(ws, flt, ids)


def new_claim_row(claim_id: str) -> ClaimRow | None:
    """The row of a claim this window has just created, made from what it wrote while
    its change record is being published (never reads); None when not at hand."""
    from desktop.commands.claims import fresh_claim

    info = fresh_claim(claim_id)
    return None if info is None else row_of_new_claim(info)


def rank(ws: Workspace, flt: ClaimFilter, order: ClaimOrder, claim_id: str) -> int | None:
    """The row of *claim_id* among the matching claims in *order* (None: not among them)."""
    from db import claim_pages

    return claim_pages.claim_rank(ws, flt, order, claim_id)


def article_rows(
    ws: Workspace, flt: ClaimFilter, order: ClaimOrder, article_id: str
) -> tuple[int, int] | None:
    """(row of the first claim of *article_id* among the matching claims in *order*, how
    many claims of it match); None when none does.  For the position and article orders,
    where an article's claims are consecutive rows."""
    from db import claim_pages

    mine = replace(flt, article_ids=frozenset({uuid.UUID(str(article_id))}))
    first = claim_pages.claim_ids_at(ws, mine, ClaimOrder(SortKey.POSITION), 0, 1)
    if not first:
        return None
    at = claim_pages.claim_rank(ws, flt, order, first[0])
    return None if at is None else (at, claim_pages.count_claims(ws, mine))


def rank_beside(
    ws: Workspace, flt: ClaimFilter, order: ClaimOrder, claim_id: str, anchor: tuple[str, int]
) -> int | None:
    """The row a claim just added takes, from (claim id, row) of a held claim of the same
    article before it was added; None when that cannot tell (see ``claim_rank_beside``)."""
    from db import claim_pages

    return claim_pages.claim_rank_beside(ws, flt, order, claim_id, anchor[0], anchor[1])


def article_choices(ws: Workspace) -> list[tuple[str, str]]:
    from db import claim_pages

    return claim_pages.article_choices(ws)


def source_choices(ws: Workspace) -> list[tuple[str, str]]:
    from db import claim_pages

    return claim_pages.source_choices(ws)


def tag_choices(ws: Workspace) -> list[str]:
    from db import claim_pages

    return claim_pages.tag_choices(ws)
