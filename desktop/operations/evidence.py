"""Evidence operations the inspector calls: list, add and remove (undoable)."""

from __future__ import annotations

import uuid

from db import evidence as evidence_ops
from db.evidence import EvidenceInfo
from db.models import Stance
from desktop.commands.inspector import AddEvidenceCommand, RemoveEvidenceCommand
from desktop.context import AppContext


def list_evidence(ctx: AppContext, claim_id: uuid.UUID) -> list[EvidenceInfo]:
    return evidence_ops.list_evidence(ctx.ws, claim_id)


def add_evidence(
    ctx: AppContext, claim_id: uuid.UUID, url: str, note: str, stance: Stance | str
) -> bool:
    """Attach evidence to a claim as one undoable edit; False when it was refused."""
    command = AddEvidenceCommand(ctx, claim_id, url, note, stance)
    ctx.undo_stack.push(command)
    return not command.failed


def remove_evidence(ctx: AppContext, info: EvidenceInfo) -> bool:
    command = RemoveEvidenceCommand(ctx, info)
    ctx.undo_stack.push(command)
    return not command.failed
