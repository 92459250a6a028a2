"""Moving a claim's start and end as one undoable edit, acting by id."""

from __future__ import annotations

import uuid

from db.changes import Op
from db.claim_span import set_claim_span
from db.claims import ClaimInfo
from desktop.commands.base import DbCommand
from desktop.commands.claims import claim_changes, publish_claim
from desktop.context import AppContext

SPAN_FIELDS = ("start", "end", "quote", "statement")


class MoveClaimSpanCommand(DbCommand):
    """Put a claim over other words of its article; undo puts it back where it was.

    Consecutive moves of the same claim (Shift+Alt+arrows pressed again) merge
    into one step of the undo stack.
    """

    MERGE_ID = 0x5350  # "SP"

    def __init__(
        self,
        ctx: AppContext,
        claim_id: uuid.UUID,
        new: tuple[int, int],
        old: tuple[int, int],
        text: str = "Move claim edges",
    ) -> None:
        super().__init__(ctx, text)
        self.claim_id = claim_id
        self.new = new
        self.old = old
        self.info: ClaimInfo | None = None

    def do(self) -> None:
        self._apply(self.new)

    def undo_edit(self) -> None:
        self._apply(self.old)

    def _apply(self, span: tuple[int, int]) -> None:
        info = set_claim_span(self.ctx.ws, self.claim_id, *span)
        self.info = info
        changes = claim_changes(Op.UPDATED, self.claim_id, info.article_id, SPAN_FIELDS)
        publish_claim(self.ctx, changes, info)

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: object) -> bool:
        if (
            not isinstance(other, MoveClaimSpanCommand)
            or other.claim_id != self.claim_id
            or other.failed
            or self.failed
        ):
            return False
        self.new = other.new
        self.info = other.info
        return True
