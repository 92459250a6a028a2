"""Suggested claims in the reader: the GUI's door to db.assist.

:func:`article_suggestions` only reads, so it runs on a worker thread; accepting,
dismissing and offering a dismissed suggestion again are undoable commands.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.context import AppContext

if TYPE_CHECKING:
    # The readers of figures, dates and sources load in the worker computing the
    # first suggestions, not while the window opens.
    from db.assist.suggest import Suggestion

__all__ = [
    "ArticleSuggestions",
    "SuggestionKey",
    "accept",
    "article_suggestions",
    "dismiss",
    "key_of",
    "restore",
]

SuggestionKey = tuple[str, int, int, str]


def suggest_chars() -> int:
    """How many characters of a long article suggestions read."""
    from db.assist.service import SUGGEST_CHARS

    return SUGGEST_CHARS


def key_of(suggestion: Suggestion) -> SuggestionKey:
    """What a dismissal remembers of a suggestion."""
    return (suggestion.kind, suggestion.start, suggestion.end, suggestion.quote)


@dataclass(frozen=True, slots=True)
class ArticleSuggestions:
    """An article's suggestions in text order; dismissed ones only when asked for."""

    article_id: uuid.UUID
    suggestions: tuple[Suggestion, ...]
    dismissed: dict[SuggestionKey, uuid.UUID]  # key -> dismissal id, for those shown
    seconds: float  # time taken to compute them
    partial: bool = False  # a long article: only its first SUGGEST_CHARS were read


def article_suggestions(
    ctx: AppContext, article_id: uuid.UUID, include_dismissed: bool = False
) -> ArticleSuggestions:
    """The suggestions for an article (reads only: runs on a worker thread)."""
    from db.assist import dismissals as dismissal_ops
    from db.assist import service as assist_ops

    began = time.perf_counter()
    found = assist_ops.suggestions_for_article(
        ctx.ws, article_id, include_dismissed=include_dismissed
    )
    dismissed: dict[SuggestionKey, uuid.UUID] = {}
    if include_dismissed:
        dismissed = {
            (d.kind, d.start, d.end, d.quote): d.id
            for d in dismissal_ops.dismissals(ctx.ws, article_id)
        }
    ordered = tuple(sorted(found, key=lambda s: (s.start, s.end, s.kind)))
    partial = assist_ops.read_in_part(ctx.ws, article_id)
    return ArticleSuggestions(article_id, ordered, dismissed, time.perf_counter() - began, partial)


def accept(ctx: AppContext, article_id: uuid.UUID, suggestion: Suggestion) -> list[uuid.UUID]:
    """Make *suggestion* a claim (one undoable edit); the new claim ids, [] when refused."""
    from desktop.commands.suggestions import AcceptSuggestionCommand

    command = AcceptSuggestionCommand(ctx, article_id, suggestion)
    ctx.undo_stack.push(command)
    return [] if command.failed else list(command.claim_ids)


def dismiss(ctx: AppContext, article_id: uuid.UUID, suggestion: Suggestion) -> bool:
    """Do not offer *suggestion* again to this analyst in this article (undoable)."""
    from desktop.commands.suggestions import DismissSuggestionCommand

    command = DismissSuggestionCommand(ctx, article_id, suggestion)
    ctx.undo_stack.push(command)
    return not command.failed


def restore(
    ctx: AppContext, article_id: uuid.UUID, suggestion: Suggestion, dismissal_id: uuid.UUID
) -> bool:
    """Offer a dismissed suggestion again (undoable)."""
    from desktop.commands.suggestions import RestoreSuggestionCommand

    command = RestoreSuggestionCommand(ctx, article_id, suggestion, dismissal_id)
    ctx.undo_stack.push(command)
    return not command.failed
