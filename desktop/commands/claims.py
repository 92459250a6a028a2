"""Undoable claim and link edits, acting on the database by id.

Each edit publishes one :class:`db.changes.Changes` record.  While it is being
published the claims just written are served to the views from memory
(:func:`fresh_claim`), so a new claim reaches the reader and the inspector
without being read back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from db import claims as claim_ops
from db import contested as contest_ops
from db import links as link_ops
from db import relays as relay_ops
from db.changes import Change, Changes, Entity, Op, changed
from db.claims import ClaimInfo
from db.decisions import DECIDED
from db.links import LinkInfo
from desktop.commands.base import DbCommand
from desktop.context import AppContext

_fresh: dict[str, ClaimInfo] = {}


def fresh_claim(claim_id: uuid.UUID | str) -> ClaimInfo | None:
    """The claim as just written, while its change record is being published."""
    return _fresh.get(str(claim_id))


@contextmanager
def serving(infos: Iterable[ClaimInfo]) -> Iterator[None]:
    """Serve *infos* through :func:`fresh_claim` for the duration of a publish."""
    keys = []
    for info in infos:
        keys.append(str(info.id))
        _fresh[keys[-1]] = info
    try:
        yield
    finally:
        for key in keys:
            _fresh.pop(key, None)


def claim_changes(
    op: Op, claim_id: uuid.UUID | str, article_id: uuid.UUID | str, fields: Iterable[str] = ()
) -> Changes:
    """One claim created, updated or deleted; a creation or deletion also changes its
    article's claim count."""
    items = [Change(Entity.CLAIM, str(claim_id), op, frozenset(fields), str(article_id))]
    if op is not Op.UPDATED:
        count = frozenset({"claims"})  # the claim count shown beside it
        items.append(Change(Entity.ARTICLE, str(article_id), Op.UPDATED, count))
    return Changes(tuple(items))


def publish_claim(ctx: AppContext, changes: Changes, info: ClaimInfo | None = None) -> None:
    with serving([info] if info is not None else []):
        ctx.publish(changes)


class CreateClaimCommand(DbCommand):
    def __init__(
        self, ctx: AppContext, article_id: uuid.UUID, start: int, end: int, **fields: Any
    ) -> None:
        super().__init__(ctx, "New claim")
        self.article_id = article_id
        self.start = start
        self.end = end
        self.fields = fields
        self.claim_id = uuid.uuid4()
        self.info: ClaimInfo | None = None

    def do(self) -> None:
        if self.info is None:
            self.info = claim_ops.create_claim(
                self.ctx.ws,
                self.article_id,
                self.start,
                self.end,
                claim_id=self.claim_id,
                **self.fields,
            )
        else:
            self.info = claim_ops.restore_claim(self.ctx.ws, self.info)
        with serving([self.info]):
            self.ctx.publish(claim_changes(Op.CREATED, self.claim_id, self.article_id))
            self.ctx.claimSelected.emit(str(self.claim_id))

    def undo_edit(self) -> None:
        self.info = claim_ops.get_claim(self.ctx.ws, self.claim_id)
        claim_ops.delete_claim(self.ctx.ws, self.claim_id)
        self.ctx.publish(claim_changes(Op.DELETED, self.claim_id, self.article_id))


LinkEnds = tuple[uuid.UUID, uuid.UUID, uuid.UUID]  # (link id, from claim, to claim)


def link_changes(links: Iterable[LinkInfo | LinkEnds], op: Op) -> Changes:
    """Links added or removed, each named once per end (parent = the claim at that end)."""
    items = []
    for link in links:
        if isinstance(link, LinkInfo):
            link = (link.id, link.from_claim_id, link.to_claim_id)
        link_id, one, other = link
        items.append(Change(Entity.LINK, str(link_id), op, parent=str(one)))
        items.append(Change(Entity.LINK, str(link_id), op, parent=str(other)))
    return Changes(tuple(items))


class DeleteClaimCommand(DbCommand):
    def __init__(self, ctx: AppContext, claim_id: uuid.UUID) -> None:
        super().__init__(ctx, "Delete claim")
        self.claim_id = claim_id
        self.info: ClaimInfo | None = None
        self.links: list[LinkInfo] = []
        self.relays: list[uuid.UUID] = []

    def do(self) -> None:
        self.info = claim_ops.get_claim(self.ctx.ws, self.claim_id)
        self.links = [v.link for v in link_ops.links_of_claim(self.ctx.ws, self.claim_id)]
        self.relays = [sid for sid, _ in relay_ops.relay_chain(self.ctx.ws, self.claim_id)]
        claim_ops.delete_claim(self.ctx.ws, self.claim_id)
        changes = claim_changes(Op.DELETED, self.claim_id, self.info.article_id)
        self.ctx.publish(changes.merged(link_changes(self.links, Op.DELETED)))

    def undo_edit(self) -> None:
        assert self.info is not None
        info = claim_ops.restore_claim(self.ctx.ws, self.info)
        changes = claim_changes(Op.CREATED, self.claim_id, info.article_id)
        if self.relays:
            restored = relay_ops.restore_chain(self.ctx.ws, self.claim_id, self.relays)
            changes = changes.merged(restored)
            info = claim_ops.get_claim(self.ctx.ws, self.claim_id)  # its version moved on
        for link in self.links:
            link_ops.restore_link(self.ctx.ws, link)
        with serving([info]):
            self.ctx.publish(changes.merged(link_changes(self.links, Op.CREATED)))
            self.ctx.claimSelected.emit(str(self.claim_id))


class UpdateClaimCommand(DbCommand):
    """Change some fields of a claim; undo puts the old values back."""

    def __init__(
        self,
        ctx: AppContext,
        claim_id: uuid.UUID,
        new: dict[str, Any],
        old: dict[str, Any] | None = None,
        text: str = "Edit claim",
        rationale: str | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self.claim_id = claim_id
        self.new = new
        if old is None:
            current = claim_ops.editable_values(claim_ops.get_claim(ctx.ws, claim_id))
            old = {k: current[k] for k in new}
        self.old = old
        # Why the claim is made verified or false: recorded as a verdict the first
        # time; a redo puts that decision back without recording it again.
        self.rationale = rationale
        self.decided = False

    def do(self) -> None:
        info = claim_ops.update_claim(
            self.ctx.ws,
            self.claim_id,
            rationale=self.rationale,
            restoring=self.decided,
            **self.new,
        )
        self._publish(info, self.new)

    def undo_edit(self) -> None:
        info = claim_ops.update_claim(self.ctx.ws, self.claim_id, restoring=True, **self.old)
        self._publish(info, self.old)

    def _publish(self, info: ClaimInfo, fields: dict[str, Any]) -> None:
        changes = claim_changes(Op.UPDATED, self.claim_id, info.article_id, fields)
        if not self.decided and fields is self.new and self.new.get("status") in DECIDED:
            self.decided = True  # a verdict was recorded with this change
            verdict = Change(Entity.VERDICT, str(self.claim_id), Op.CREATED, parent=str(info.id))
            changes = changes.merged(Changes((verdict,)))
        publish_claim(self.ctx, changes, info)


class AddLinkCommand(DbCommand):
    """Link two claims.  A contradicts link also disputes the undecided claims and marks
    the decided ones contested (:func:`db.links.add_link`); undo puts both back."""

    def __init__(
        self, ctx: AppContext, from_id: uuid.UUID, to_id: uuid.UUID, relation: str
    ) -> None:
        super().__init__(ctx, f"Link claims ({relation})")
        self.from_id = from_id
        self.to_id = to_id
        self.relation = relation
        self.link_id = uuid.uuid4()
        self.disputed: tuple[tuple[uuid.UUID, Any], ...] = ()
        self.contested: tuple[uuid.UUID, ...] = ()

    def _record(self, op: Op, info: LinkInfo) -> Changes:
        record = link_changes([(self.link_id, self.from_id, self.to_id)], op)
        if info.disputed:
            ids = [cid for cid, _ in info.disputed]
            record = record.merged(changed(Entity.CLAIM, ids, fields=["status"]))
        if info.contested:
            record = record.merged(changed(Entity.CLAIM, info.contested, fields=["contested"]))
        return record

    def do(self) -> None:
        info = link_ops.add_link(
            self.ctx.ws, self.from_id, self.to_id, self.relation, link_id=self.link_id
        )
        self.disputed = info.disputed
        self.contested = info.contested
        self.ctx.publish(self._record(Op.CREATED, info))

    def undo_edit(self) -> None:
        info = link_ops.remove_link(self.ctx.ws, self.link_id)
        for cid, status in self.disputed:
            claim_ops.update_claim(self.ctx.ws, cid, status=status)
        contest_ops.set_contested(self.ctx.ws, self.contested, False)
        undone = replace(info, disputed=self.disputed, contested=self.contested)
        self.ctx.publish(self._record(Op.DELETED, undone))


class RemoveLinkCommand(DbCommand):
    def __init__(self, ctx: AppContext, link: LinkInfo) -> None:
        super().__init__(ctx, "Remove link")
        self.link = link

    def do(self) -> None:
        link_ops.remove_link(self.ctx.ws, self.link.id)
        self.ctx.publish(link_changes([self.link], Op.DELETED))

    def undo_edit(self) -> None:
        link_ops.restore_link(self.ctx.ws, self.link)
        self.ctx.publish(link_changes([self.link], Op.CREATED))
