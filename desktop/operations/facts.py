"""Facts and conflict proposals: the GUI's door to db.facts."""

from __future__ import annotations

from db.facts import proposals as proposal_ops
from db.facts.proposals import LinkProposal
from desktop.context import AppContext


def conflicts(ctx: AppContext) -> list[LinkProposal]:
    """Proposed contradicts/updates links (runs on a worker thread: reads only)."""
    return proposal_ops.conflicts(ctx.ws)
