"""Undoable settling of a bundle merge conflict."""

from __future__ import annotations

from db.bundles import Conflict, resolve_conflict
from db.changes import Change, Changes, Entity, Op
from desktop.commands.base import DbCommand
from desktop.context import AppContext

ENTITY_OF_SECTION = {
    "analysts": Entity.ANALYST,
    "sources": Entity.SOURCE,
    "articles": Entity.ARTICLE,
    "claims": Entity.CLAIM,
    "links": Entity.LINK,
    "evidence": Entity.EVIDENCE,
    "comments": Entity.COMMENT,
    "verdicts": Entity.VERDICT,
}


def conflict_changes(conflict: Conflict) -> Changes:
    """The record naming the row a conflict's resolution wrote, with its fields."""
    entity = ENTITY_OF_SECTION.get(conflict.section)
    if entity is None:
        return Changes(everything=True)
    parent = None
    if conflict.section == "claims":
        parent = str(conflict.values.get("article_id") or "") or None
    elif conflict.section in ("evidence", "comments"):
        parent = str(conflict.values.get("claim_id") or "") or None
    change = Change(entity, str(conflict.entity_id), Op.UPDATED, frozenset(conflict.fields), parent)
    return Changes((change,))


class TakeIncomingCommand(DbCommand):
    """Apply a bundle's values to a conflicting row; undo puts the local values back.

    Both directions are refused (StaleEdit) when the row changed again meanwhile.
    """

    def __init__(self, ctx: AppContext, conflict: Conflict) -> None:
        super().__init__(ctx, f"Take the bundle's {conflict.noun}")
        self.forward = conflict
        self.backward: Conflict | None = None

    def do(self) -> None:
        self.backward = resolve_conflict(self.ctx.ws, self.forward, take="incoming")
        self.ctx.publish(conflict_changes(self.forward))

    def undo_edit(self) -> None:
        assert self.backward is not None
        forward = resolve_conflict(self.ctx.ws, self.backward, take="incoming")
        assert forward is not None
        self.forward = forward
        self.ctx.publish(conflict_changes(self.backward))
