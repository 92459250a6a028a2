"""Undoable source edits: create, update (old/new values), delete and merge."""

from __future__ import annotations

import uuid
from typing import Any

from db import relays as relay_ops
from db import source_edits
from db import sources as source_ops
from db.changes import Changes, Entity, Op, changed
from db.sources import SourceInfo
from desktop.commands.base import DbCommand
from desktop.context import AppContext


def source_changes(
    source_ids: list[uuid.UUID],
    op: Op = Op.UPDATED,
    claim_ids: list[uuid.UUID] | None = None,
    fields: tuple[str, ...] = (),
) -> Changes:
    """Sources written, and the claims whose source (or its name) changed with them."""
    record = changed(Entity.SOURCE, source_ids, op, fields)
    if claim_ids:
        record = record.merged(changed(Entity.CLAIM, claim_ids, fields=["source_id"]))
    return record


def relay_changes(chains: dict[uuid.UUID, list[uuid.UUID]]) -> Changes:
    """The claims whose relay chain a source edit changed."""
    if not chains:
        return Changes(())
    return changed(Entity.CLAIM, list(chains), Op.UPDATED, ["relayed_by"])


def source_values(info: SourceInfo) -> dict[str, Any]:
    """The editable fields of a source, as accepted by ``update_source``."""
    return {
        "name": info.name,
        "kind": info.kind,
        "affiliation": info.affiliation,
        "aliases": list(info.aliases),
        "default_reliability": info.default_reliability,
        "default_credibility": info.default_credibility,
        "notes": info.notes,
    }


class CreateSourceCommand(DbCommand):
    """Create a source; redo after undo recreates it with the same id."""

    def __init__(self, ctx: AppContext, name: str, **fields: Any) -> None:
        super().__init__(ctx, f"New source {name.strip()}")
        self.name = name
        self.fields = fields
        self.source_id = uuid.uuid4()
        self.info: SourceInfo | None = None

    def do(self) -> None:
        if self.info is None:
            self.info = source_ops.create_source(
                self.ctx.ws, self.name, source_id=self.source_id, **self.fields
            )
        else:
            source_edits.restore_source(self.ctx.ws, self.info)
        self.ctx.publish(source_changes([self.source_id], Op.CREATED))

    def undo_edit(self) -> None:
        self.info = source_ops.get_source(self.ctx.ws, self.source_id)
        claim_ids = source_edits.claim_ids_of_source(self.ctx.ws, self.source_id)
        source_ops.delete_source(self.ctx.ws, self.source_id)
        self.ctx.publish(source_changes([self.source_id], Op.DELETED, claim_ids))


class UpdateSourceCommand(DbCommand):
    """Change some fields of a source; undo writes the old values back."""

    def __init__(
        self,
        ctx: AppContext,
        source_id: uuid.UUID,
        new: dict[str, Any],
        old: dict[str, Any] | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(ctx, "Edit source")
        self.source_id = source_id
        self.new = new
        if old is None:
            current = source_values(source_ops.get_source(ctx.ws, source_id))
            old = {k: current[k] for k in new}
        self.old = old
        self.version = version

    def _apply(self, values: dict[str, Any]) -> None:
        version, self.version = self.version, None
        source_ops.update_source(self.ctx.ws, self.source_id, expected_version=version, **values)
        ids = None
        if "name" in values:  # claims show their source's name
            ids = source_edits.claim_ids_of_source(self.ctx.ws, self.source_id)
        self.ctx.publish(source_changes([self.source_id], Op.UPDATED, ids, tuple(values)))

    def do(self) -> None:
        self._apply(self.new)

    def undo_edit(self) -> None:
        self._apply(self.old)


class DeleteSourceCommand(DbCommand):
    """Delete a source (its claims keep no source); undo restores it and re-attributes them."""

    def __init__(self, ctx: AppContext, source_id: uuid.UUID) -> None:
        super().__init__(ctx, "Delete source")
        self.source_id = source_id
        self.info: SourceInfo | None = None
        self.claim_ids: list[uuid.UUID] = []
        self.chains: dict[uuid.UUID, list[uuid.UUID]] = {}  # of the claims it relays

    def do(self) -> None:
        self.info = source_ops.get_source(self.ctx.ws, self.source_id)
        self.claim_ids = source_edits.claim_ids_of_source(self.ctx.ws, self.source_id)
        self.chains = relay_ops.chains_through(self.ctx.ws, self.source_id)
        source_ops.delete_source(self.ctx.ws, self.source_id)
        record = source_changes([self.source_id], Op.DELETED, self.claim_ids)
        self.ctx.publish(record.merged(relay_changes(self.chains)))

    def undo_edit(self) -> None:
        assert self.info is not None
        source_edits.restore_source(self.ctx.ws, self.info, self.claim_ids)
        record = source_changes([self.source_id], Op.CREATED, self.claim_ids)
        self.ctx.publish(record.merged(relay_ops.restore_chains(self.ctx.ws, self.chains)))


class MergeSourcesCommand(DbCommand):
    """Merge *drop* into *keep*; undo recreates *drop* and gives its claims back."""

    def __init__(self, ctx: AppContext, drop_id: uuid.UUID, keep_id: uuid.UUID) -> None:
        super().__init__(ctx, "Merge sources")
        self.drop_id = drop_id
        self.keep_id = keep_id
        self.keep: SourceInfo | None = None
        self.drop: SourceInfo | None = None
        self.claim_ids: list[uuid.UUID] = []
        self.chains: dict[uuid.UUID, list[uuid.UUID]] = {}  # of the claims drop relays

    def _changed(self, dropped: Op) -> None:
        record = source_changes([self.keep_id], Op.UPDATED, self.claim_ids)
        record = record.merged(relay_changes(self.chains))
        self.ctx.publish(record.merged(changed(Entity.SOURCE, [self.drop_id], dropped)))

    def do(self) -> None:
        self.keep = source_ops.get_source(self.ctx.ws, self.keep_id)
        self.drop = source_ops.get_source(self.ctx.ws, self.drop_id)
        self.claim_ids = source_edits.claim_ids_of_source(self.ctx.ws, self.drop_id)
        self.chains = relay_ops.chains_through(self.ctx.ws, self.drop_id)
        source_ops.merge_sources(self.ctx.ws, self.keep_id, self.drop_id)
        self._changed(Op.DELETED)

    def undo_edit(self) -> None:
        assert self.keep is not None and self.drop is not None
        source_edits.unmerge_sources(self.ctx.ws, self.keep, self.drop, self.claim_ids)
        relay_ops.restore_chains(self.ctx.ws, self.chains)
        self._changed(Op.CREATED)
