"""Review operations the queue and verdict dialog call: the queue, assignment, verdicts
(given, or kept for a contested claim)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from db import review as review_ops
from db import review_pages
from db.analysts import list_analysts
from db.models import Status
from db.review import QUEUE_STATUSES, QueueFilter, QueueItem, QueueKey, QueueSort, VerdictInfo
from db.review_pages import QueueWindow
from desktop.commands.claims import UpdateClaimCommand, fresh_claim
from desktop.commands.review import ConfirmVerdictCommand, GiveVerdictCommand
from desktop.context import AppContext

__all__ = [
    "QueueFilter",
    "QueueItem",
    "QueueKey",
    "QueueReads",
    "QueueSort",
    "QueueWindow",
    "analyst_choices",
    "assign",
    "confirm_verdict",
    "give_verdict",
    "queue_items",
    "queue_order",
    "verdicts_of",
]


def queue_order(
    ctx: AppContext,
    flt: QueueFilter,
    sort: QueueSort = QueueSort.WAITING,
    *,
    descending: bool = False,
    claim_ids: Collection[str] | None = None,
) -> list[tuple[QueueKey, str]]:
    """The queue's (sort key, claim id) pairs in order; only *claim_ids* when given.

    A claim just written whose stored values are at hand (:func:`fresh_claim`) and
    that waits for no review is left out without a query: a new claim, say.
    """
    if claim_ids is not None:
        claim_ids = [cid for cid in claim_ids if _may_wait(cid)]
        if not claim_ids:
            return []
    return review_ops.queue_order(ctx.ws, flt, sort, descending=descending, claim_ids=claim_ids)


def _may_wait(claim_id: str) -> bool:
    info = fresh_claim(claim_id)
    return info is None or info.status in QUEUE_STATUSES or info.contested


@dataclass(frozen=True)
class QueueReads:
    """The reads of the windowed review queue (:mod:`db.review_pages`), each a short
    read on its own session: the window is read off the GUI thread."""

    ctx: AppContext

    def window(
        self, flt: QueueFilter, sort: QueueSort, descending: bool, claim_ids: Collection[str]
    ) -> QueueWindow:
        """The count, the first page, and the rows *claim_ids* have now."""
        return review_pages.queue_window(self.ctx.ws, flt, sort, descending, claim_ids=claim_ids)

    def page(
        self,
        flt: QueueFilter,
        sort: QueueSort,
        descending: bool,
        offset: int,
        limit: int,
        total: int,
        walk: bool,
    ) -> list[QueueItem]:
        return review_pages.queue_page(
            self.ctx.ws, flt, sort, descending, offset, limit, total=total, walk=walk
        )

    def ranks(
        self,
        flt: QueueFilter,
        sort: QueueSort,
        descending: bool,
        claim_ids: Collection[str],
        walk: bool,
    ) -> dict[str, int | None]:
        return review_pages.queue_ranks(self.ctx.ws, flt, sort, descending, claim_ids, walk=walk)

    def count(self, flt: QueueFilter) -> int:
        return review_pages.queue_count(self.ctx.ws, flt)

    def items(self, claim_ids: Sequence[str]) -> list[QueueItem]:
        return review_ops.queue_items(self.ctx.ws, claim_ids) if claim_ids else []

    def may_wait(self, claim_id: str) -> bool:
        """False when a claim just written is known (without a query) to wait for no review."""
        return _may_wait(claim_id)


def queue_items(ctx: AppContext, claim_ids: Sequence[str]) -> list[QueueItem]:
    """The displayed rows of some queue claims (one page)."""
    return review_ops.queue_items(ctx.ws, claim_ids)


def analyst_choices(ctx: AppContext) -> list[tuple[str, str]]:
    """(name, id) of every analyst, for the assignee filter and "Assign to"."""
    return [(a.name, str(a.id)) for a in list_analysts(ctx.ws)]


def verdicts_of(ctx: AppContext, claim_id: uuid.UUID) -> list[VerdictInfo]:
    return review_ops.verdicts_of(ctx.ws, claim_id)


def assign(
    ctx: AppContext,
    claim_id: uuid.UUID,
    analyst_id: uuid.UUID | None,
    previous: uuid.UUID | None,
    who: str,
) -> bool:
    """Assign a claim to an analyst (None: nobody), undoably; True when done."""
    command = UpdateClaimCommand(
        ctx,
        claim_id,
        {"assignee_id": analyst_id},
        {"assignee_id": previous},
        text=f"Assign claim to {who}",
    )
    ctx.undo_stack.push(command)
    return not command.failed


def give_verdict(
    ctx: AppContext, claim_id: uuid.UUID, status: Status | str, rationale: str, previous: Status
) -> bool:
    """Record a verdict, undoably; a refusal (role, four-eyes, no rationale) is shown."""
    command = GiveVerdictCommand(ctx, claim_id, status, rationale, previous)
    ctx.undo_stack.push(command)
    return not command.failed


def confirm_verdict(ctx: AppContext, claim_id: uuid.UUID) -> bool:
    """Keep a contested claim's verdict (clears the contested mark), undoably; a refusal
    (not a reviewer, four-eyes, not contested) is shown."""
    command = ConfirmVerdictCommand(ctx, claim_id)
    ctx.undo_stack.push(command)
    return not command.failed
