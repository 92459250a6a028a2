"""Facts and conflict proposals: the GUI's door to db.facts."""

from __future__ import annotations

from db.facts import proposals as proposal_ops
from db.facts import service as fact_service
from db.facts.profile import Profile
from db.facts.proposals import LinkProposal
from db.facts.service import BestAnswer, FactInfo
from desktop.context import AppContext


def conflicts(ctx: AppContext) -> list[LinkProposal]:
    """Proposed contradicts/updates links (runs on a worker thread: reads only)."""
    return proposal_ops.conflicts(ctx.ws)


def facts_with_answers(ctx: AppContext) -> list[tuple[FactInfo, BestAnswer | None]]:
    """Every fact with its current best answer (runs on any thread: reads only)."""
    answers = fact_service.best_answers(ctx.ws)
    return [(f, answers.get(f.id)) for f in fact_service.list_facts(ctx.ws)]


def propose_groups(ctx: AppContext) -> list[list[Profile]]:
    return proposal_ops.propose_groups(ctx.ws)
