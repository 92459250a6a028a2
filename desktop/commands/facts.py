"""Undoable decisions on proposed links: dismiss one (accepting is an AddLinkCommand)."""

from __future__ import annotations

from db.facts import proposals as proposal_ops
from db.facts.proposals import LinkProposal
from desktop.commands.base import DbCommand
from desktop.context import AppContext


class DismissProposalCommand(DbCommand):
    def __init__(self, ctx: AppContext, proposal: LinkProposal) -> None:
        super().__init__(ctx, f"Dismiss proposed link ({proposal.relation.value})")
        self.proposal = proposal

    def do(self) -> None:
        self.ctx.publish(proposal_ops.dismiss(self.ctx.ws, self.proposal))

    def undo_edit(self) -> None:
        self.ctx.publish(proposal_ops.undismiss(self.ctx.ws, self.proposal))
