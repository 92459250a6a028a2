"""Search operations the search box and the reader's find bar call (reads only)."""

from __future__ import annotations

import uuid

from db import articles as article_ops
from db import search as search_ops
from db.search import SearchResult
from desktop.context import AppContext

# The search box shows this many hits at most; the CLI pages with --limit.
GUI_LIMIT = 200


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
