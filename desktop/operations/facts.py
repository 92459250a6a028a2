"""Facts and conflict proposals: the GUI's door to db.facts.

Reads return plain values; edits push one undoable command each and return
False when it was refused (the reason has been reported).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from db.facts import corroboration
from db.facts import service as fact_service
from db.facts.corroboration import Standing
from db.facts.service import BestAnswer, FactInfo
from desktop.commands.base import DbCommand
from desktop.commands.facts import (
    AssignClaimsCommand,
    CreateFactCommand,
    MergeFactsCommand,
    RenameFactCommand,
)
from desktop.context import AppContext

if TYPE_CHECKING:
    # The proposals (dates, figures, fuzzy matching) load when first asked for: the
    # window opens without them.
    from db.facts.profile import Profile
    from db.facts.proposals import LinkProposal

__all__ = [
    "Standing",
    "assign",
    "claim_ids_in",
    "conflicts",
    "facts_with_answers",
    "find_facts",
    "get_fact",
    "merge",
    "new_fact",
    "propose_groups",
    "proposed_names",
    "queue",
    "rename",
    "standing_of",
]


def conflicts(ctx: AppContext) -> list[LinkProposal]:
    """Proposed contradicts/updates links (runs on a worker thread: reads only)."""
    from db.facts import proposals as proposal_ops

    return proposal_ops.conflicts(ctx.ws)


def queue(ctx: AppContext) -> list[LinkProposal]:
    """The Conflicts queue: contradicts, updates, then near-duplicates as same (reads only)."""
    from db.facts import proposals as proposal_ops

    return proposal_ops.queue(ctx.ws)


def facts_with_answers(ctx: AppContext) -> list[tuple[FactInfo, BestAnswer | None]]:
    """Every fact with its current best answer (runs on any thread: reads only)."""
    answers = fact_service.best_answers(ctx.ws)
    return [(f, answers.get(f.id)) for f in fact_service.list_facts(ctx.ws)]


def propose_groups(ctx: AppContext) -> list[list[Profile]]:
    from db.facts import proposals as proposal_ops

    return proposal_ops.propose_groups(ctx.ws)


def proposed_names(groups: list[list[Profile]]) -> list[str]:
    """A name to offer for each proposed group: its question and the words it shares."""
    from db.facts.naming import fact_names

    return fact_names((g[0].unit, [p.quote for p in g]) for g in groups)


def find_facts(ctx: AppContext, text: str, offset: int, limit: int) -> list[FactInfo]:
    """One page of facts whose name or notes contain *text*, by name (pickers)."""
    return fact_service.find_facts(ctx.ws, text, offset=offset, limit=limit)


def get_fact(ctx: AppContext, fact_id: uuid.UUID) -> FactInfo:
    return fact_service.get_fact(ctx.ws, fact_id)


def claim_ids_in(ctx: AppContext, fact_id: uuid.UUID) -> list[uuid.UUID]:
    return fact_service.claim_ids_in(ctx.ws, fact_id)


def standing_of(ctx: AppContext, claim_id: uuid.UUID) -> Standing:
    """How many independent original sources back the claim, and which."""
    return corroboration.standing_of(ctx.ws, claim_id)


def _push(ctx: AppContext, command: DbCommand) -> bool:
    ctx.undo_stack.push(command)
    return not command.failed


def assign(ctx: AppContext, fact_id: uuid.UUID | None, claim_ids: Sequence[uuid.UUID]) -> bool:
    """Put the claims in *fact_id* (None: take them out of their fact), undoably."""
    return _push(ctx, AssignClaimsCommand(ctx, fact_id, list(claim_ids)))


def new_fact(ctx: AppContext, name: str, claim_ids: Sequence[uuid.UUID] = ()) -> bool:
    """A new fact holding the claims (taken out of any other fact), undoably."""
    return _push(ctx, CreateFactCommand(ctx, name, list(claim_ids)))


def rename(ctx: AppContext, fact_id: uuid.UUID, name: str) -> bool:
    return _push(ctx, RenameFactCommand(ctx, fact_id, name))


def merge(ctx: AppContext, into: uuid.UUID, others: Sequence[uuid.UUID]) -> bool:
    """Move the claims of *others* into *into* and delete the others, undoably."""
    return _push(ctx, MergeFactsCommand(ctx, into, list(others)))
