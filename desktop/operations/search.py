"""Search operations the search box and the reader's find bar call (reads only)."""

from __future__ import annotations

import uuid

from db import articles as article_ops
from db import search as search_ops
from db.search import SearchResult
from desktop.context import AppContext

# The search box shows this many hits at most; the CLI pages with --limit.
GUI_LIMIT = 200
# Articles indexed per transaction by the background indexer: short enough that an
# edit waiting for the database lock hardly notices.
INDEX_BATCH = 50


def search(ctx: AppContext, text: str, limit: int = GUI_LIMIT) -> SearchResult:
    """Hits for *text* in the open workspace; InvalidInput names an unusable query.

    Quick enough for the GUI thread (a few milliseconds even at 100,000 articles).
    """
    return search_ops.search(ctx.ws, text, limit=limit)


def article_text(ctx: AppContext, article_id: uuid.UUID | str) -> str:
    """The stored text of an article: code-point offsets index into it."""
    return article_ops.article_text(ctx.ws, article_id).text


def find_in_text(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every place *phrase* occurs in *text* (any case, as typed), in code points."""
    return search_ops.find_phrase(text, phrase)


def articles_to_index(ctx: AppContext) -> int:
    """How many stored articles still wait for their search index entries."""
    return search_ops.articles_to_index(ctx.ws)


def index_some(ctx: AppContext, limit: int = INDEX_BATCH) -> int:
    """Index up to *limit* waiting articles in one short transaction (run in a worker
    thread); 0 when the index is complete."""
    return search_ops.index_some(ctx.ws, limit)
