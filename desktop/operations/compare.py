"""Compare operations: a claim beside the claims linked to it about the same fact."""

from __future__ import annotations

import uuid

from db.compare import CompareItem, compare_set
from desktop.context import AppContext

__all__ = ["CompareItem", "linked_set"]


def linked_set(ctx: AppContext, claim_id: uuid.UUID) -> list[CompareItem]:
    """The claim first, then the claims about the same fact, each with its sentence."""
    return compare_set(ctx.ws, claim_id)
