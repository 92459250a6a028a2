"""Undoable edits of a claim's relay chain, acting on the database by claim id.

Each edit stores the whole chain before and after (source ids, nearest relay
first): redo writes the new chain, undo puts back the old one exactly, each
refused when the chain stored meanwhile is not the one the edit expects.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from db import relays as relay_ops
from desktop.commands.base import DbCommand
from desktop.context import AppContext


class SetRelaysCommand(DbCommand):
    """Replace a claim's relay chain; with *new_source* (id, name) a relay typed as a new
    name is created in the same transaction, and removed again by undo when unused."""

    def __init__(
        self,
        ctx: AppContext,
        claim_id: uuid.UUID,
        old: Sequence[uuid.UUID],
        new: Sequence[uuid.UUID],
        text: str,
        new_source: tuple[uuid.UUID, str] | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self.claim_id = claim_id
        self.old = list(old)
        self.new = list(new)
        self.new_source = new_source

    def do(self) -> None:
        changes = relay_ops.set_relay_ids(
            self.ctx.ws,
            self.claim_id,
            self.new,
            expected=self.old,
            new_source=self.new_source,
        )
        self.ctx.publish(changes)

    def undo_edit(self) -> None:
        changes = relay_ops.set_relay_ids(
            self.ctx.ws,
            self.claim_id,
            self.old,
            expected=self.new,
            drop_source=self.new_source[0] if self.new_source else None,
        )
        self.ctx.publish(changes)
