"""Claim operations the reader, inspector and pickers call: reads, and edits pushed as
undoable commands (which publish what they changed)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from db import claims as claim_ops
from db import rules
from db import spans as span_ops
from db.claim_rows import ClaimRow, claim_rows
from db.claims import ClaimFilter, ClaimInfo
from db.models import Status
from db.spans import SpanRow
from desktop.commands.claims import CreateClaimCommand, DeleteClaimCommand, fresh_claim
from desktop.commands.inspector import CheckedUpdateClaimCommand
from desktop.context import AppContext

__all__ = [
    "SpanRow",
    "all_tags",
    "article_spans",
    "delete_claim",
    "editable_values",
    "get_claim",
    "just_written",
    "new_claim",
    "pick_rows",
    "spans_of",
    "status_refusal",
    "superseded_in_article",
    "update_claim",
]


def get_claim(ctx: AppContext, claim_id: uuid.UUID | str) -> ClaimInfo:
    """The claim's full info; one just written is served without reading it back."""
    info = fresh_claim(claim_id)
    if info is not None:
        return info
    return claim_ops.get_claim(ctx.ws, claim_id)


def just_written(claim_id: uuid.UUID | str) -> ClaimInfo | None:
    """The claim as this window just wrote it, while its change record is being
    published; None otherwise (never reads)."""
    return fresh_claim(claim_id)


def article_spans(ctx: AppContext, article_id: uuid.UUID | str) -> list[SpanRow]:
    return span_ops.article_spans(ctx.ws, article_id)


def superseded_in_article(ctx: AppContext, article_id: uuid.UUID | str) -> set[str]:
    """Ids of the article's claims that a newer claim updates."""
    return span_ops.superseded_in_article(ctx.ws, article_id)


def spans_of(
    ctx: AppContext, claim_ids: Iterable[uuid.UUID | str]
) -> dict[str, tuple[str, SpanRow]]:
    """claim id -> (article id, span row) for the named claims still stored."""
    out: dict[str, tuple[str, SpanRow]] = {}
    missing = []
    for claim_id in claim_ids:
        info = fresh_claim(claim_id)
        if info is None:
            try:
                missing.append(uuid.UUID(str(claim_id)))
            except ValueError:  # not an id: names no claim
                continue
        else:
            key = str(info.id)
            out[key] = (str(info.article_id), (key, info.start, info.end, info.status))
    if missing:
        out.update(span_ops.spans_of(ctx.ws, missing))
    return out


def all_tags(ctx: AppContext) -> list[str]:
    return claim_ops.all_tags(ctx.ws)


def editable_values(info: ClaimInfo) -> dict[str, Any]:
    return claim_ops.editable_values(info)


def pick_rows(ctx: AppContext, flt: ClaimFilter, limit: int) -> list[ClaimRow]:
    """The first *limit* flat rows matching *flt* (claim pickers)."""
    return claim_rows(ctx.ws, flt, limit=limit)


def new_claim(ctx: AppContext, article_id: uuid.UUID, start: int, end: int) -> bool:
    """A claim over ``text[start:end]`` (code points), as one undoable edit."""
    command = CreateClaimCommand(ctx, article_id, start, end)
    ctx.undo_stack.push(command)
    return not command.failed


def delete_claim(ctx: AppContext, claim_id: uuid.UUID | str) -> bool:
    command = DeleteClaimCommand(ctx, uuid.UUID(str(claim_id)))
    ctx.undo_stack.push(command)
    return not command.failed


def status_refusal(ctx: AppContext, claim_id: uuid.UUID, status: Status) -> str | None:
    """Why the current analyst may not give the claim *status* (None: they may)."""
    return rules.status_refusal(ctx.ws, claim_id, status)


def update_claim(
    ctx: AppContext,
    claim_id: uuid.UUID,
    new: dict[str, Any],
    old: dict[str, Any],
    version: int | None,
    text: str = "Edit claim",
    rationale: str | None = None,
) -> bool:
    """Change fields as one undoable edit, refused when someone else saved *version* first.

    Making the claim verified or false needs *rationale* (recorded as the verdict)."""
    command = CheckedUpdateClaimCommand(ctx, claim_id, new, old, version, text, rationale)
    ctx.undo_stack.push(command)
    return not command.failed
