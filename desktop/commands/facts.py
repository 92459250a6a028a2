"""Undoable edits of facts and proposals (accepting a proposed link is an AddLinkCommand)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from db.changes import Changes, Entity, changed
from db.facts import service as fact_service
from db.facts.service import FactInfo
from desktop.commands.base import DbCommand
from desktop.context import AppContext

if TYPE_CHECKING:  # a proposal exists only once the proposals module has made it
    from db.facts.proposals import LinkProposal


class DismissProposalCommand(DbCommand):
    def __init__(self, ctx: AppContext, proposal: LinkProposal) -> None:
        super().__init__(ctx, f"Dismiss proposed link ({proposal.relation.value})")
        self.proposal = proposal

    def do(self) -> None:
        from db.facts import proposals as proposal_ops

        self.ctx.publish(proposal_ops.dismiss(self.ctx.ws, self.proposal))

    def undo_edit(self) -> None:
        from db.facts import proposals as proposal_ops

        self.ctx.publish(proposal_ops.undismiss(self.ctx.ws, self.proposal))


class CreateFactCommand(DbCommand):
    """Create a fact, optionally putting claims in it at once."""

    def __init__(
        self, ctx: AppContext, name: str, claim_ids: list[uuid.UUID] | None = None
    ) -> None:
        super().__init__(ctx, f"New fact “{name}”")
        self.name = name
        self.claim_ids = list(claim_ids or [])
        self.fact_id: uuid.UUID | None = None
        self.before: dict[uuid.UUID, uuid.UUID | None] = {}

    def do(self) -> None:
        if self.claim_ids and not self.before:
            self.before = fact_service.fact_ids_of(self.ctx.ws, self.claim_ids)
        info, changes = fact_service.create_fact(self.ctx.ws, self.name, fact_id=self.fact_id)
        self.fact_id = info.id
        if self.claim_ids:
            changes = changes.merged(
                fact_service.assign_claims(self.ctx.ws, info.id, self.claim_ids)
            )
        self.ctx.publish(changes)

    def undo_edit(self) -> None:
        assert self.fact_id is not None
        changes = fact_service.delete_fact(self.ctx.ws, self.fact_id)
        for fid, ids in _by_fact(self.before).items():
            changes = changes.merged(fact_service.assign_claims(self.ctx.ws, fid, ids))
        self.ctx.publish(changes)


class AssignClaimsCommand(DbCommand):
    """Put claims in a fact (None: take them out); undo puts each back where it was."""

    def __init__(
        self, ctx: AppContext, fact_id: uuid.UUID | None, claim_ids: list[uuid.UUID]
    ) -> None:
        super().__init__(ctx, "Put claims in a fact" if fact_id else "Take claims out of a fact")
        self.fact_id = fact_id
        self.claim_ids = claim_ids
        self.before: dict[uuid.UUID, uuid.UUID | None] = {}

    def do(self) -> None:
        if not self.before:
            self.before = fact_service.fact_ids_of(self.ctx.ws, self.claim_ids)
        self.ctx.publish(fact_service.assign_claims(self.ctx.ws, self.fact_id, self.claim_ids))

    def undo_edit(self) -> None:
        changes = None
        for fid, ids in _by_fact(self.before).items():
            step = fact_service.assign_claims(self.ctx.ws, fid, ids)
            changes = step if changes is None else changes.merged(step)
        if changes is not None:
            self.ctx.publish(changes)


class RenameFactCommand(DbCommand):
    """Rename a fact; undo gives it its former name."""

    def __init__(self, ctx: AppContext, fact_id: uuid.UUID, name: str) -> None:
        super().__init__(ctx, f"Rename fact to “{name}”")
        self.fact_id = fact_id
        self.name = name
        self.old: str | None = None

    def do(self) -> None:
        if self.old is None:
            self.old = fact_service.get_fact(self.ctx.ws, self.fact_id).name
        self.ctx.publish(fact_service.rename_fact(self.ctx.ws, self.fact_id, self.name))

    def undo_edit(self) -> None:
        assert self.old is not None
        self.ctx.publish(fact_service.rename_fact(self.ctx.ws, self.fact_id, self.old))


class MergeFactsCommand(DbCommand):
    """Merge facts into one; undo brings the others back, under their ids, with their claims."""

    def __init__(self, ctx: AppContext, into: uuid.UUID, others: list[uuid.UUID]) -> None:
        super().__init__(ctx, "Merge facts")
        self.into = into
        self.others = others
        self.gone: list[tuple[FactInfo, list[uuid.UUID]]] = []

    def do(self) -> None:
        ws = self.ctx.ws
        self.gone = [
            (fact_service.get_fact(ws, fid), fact_service.claim_ids_in(ws, fid))
            for fid in self.others
        ]
        self.ctx.publish(fact_service.merge_facts(ws, self.into, self.others))

    def undo_edit(self) -> None:
        ws = self.ctx.ws
        changes = Changes(())
        for info, claims in self.gone:
            _made, created = fact_service.create_fact(ws, info.name, info.notes, fact_id=info.id)
            changes = changes.merged(created)
            if claims:
                changes = changes.merged(fact_service.assign_claims(ws, info.id, claims))
        self.ctx.publish(changes.merged(changed(Entity.FACT, [self.into], fields=["claims"])))


def _by_fact(before: dict[uuid.UUID, uuid.UUID | None]) -> dict[uuid.UUID | None, list[uuid.UUID]]:
    out: dict[uuid.UUID | None, list[uuid.UUID]] = {}
    for cid, fid in before.items():
        out.setdefault(fid, []).append(cid)
    return out
