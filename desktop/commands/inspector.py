"""Undoable inspector edits: claim fields with a version check, evidence add/remove."""

from __future__ import annotations

import uuid
from typing import Any

from db import claims as claim_ops
from db import evidence as evidence_ops
from db.changes import Changes, Entity, Op, changed
from db.evidence import EvidenceInfo
from db.models import Stance
from desktop.commands.base import DbCommand
from desktop.commands.claims import UpdateClaimCommand
from desktop.context import AppContext


def evidence_changes(evidence_id: uuid.UUID, claim_id: uuid.UUID, op: Op) -> Changes:
    """One piece of evidence added or removed (its claim as parent)."""
    return changed(Entity.EVIDENCE, [evidence_id], op, parent=claim_id)


class CheckedUpdateClaimCommand(UpdateClaimCommand):
    """An UpdateClaimCommand whose first run refuses a stale edit (someone else saved first)."""

    def __init__(
        self,
        ctx: AppContext,
        claim_id: uuid.UUID,
        new: dict[str, Any],
        old: dict[str, Any],
        version: int | None,
        text: str = "Edit claim",
        rationale: str | None = None,
    ) -> None:
        super().__init__(ctx, claim_id, new, old, text, rationale)
        self.version = version

    def do(self) -> None:
        if self.version is not None:
            version, self.version = self.version, None
            info = claim_ops.update_claim(
                self.ctx.ws,
                self.claim_id,
                expected_version=version,
                rationale=self.rationale,
                **self.new,
            )
            self._publish(info, self.new)
            return
        super().do()


class AddEvidenceCommand(DbCommand):
    def __init__(
        self, ctx: AppContext, claim_id: uuid.UUID, url: str, note: str, stance: Stance | str
    ) -> None:
        super().__init__(ctx, "Add evidence")
        self.claim_id = claim_id
        self.url, self.note, self.stance = url, note, stance
        self.evidence_id = uuid.uuid4()
        self.info: EvidenceInfo | None = None

    def do(self) -> None:
        if self.info is None:
            self.info = evidence_ops.add_evidence(
                self.ctx.ws,
                self.claim_id,
                self.url,
                self.note,
                self.stance,
                evidence_id=self.evidence_id,
            )
        else:
            evidence_ops.restore_evidence(self.ctx.ws, self.info)
        self.ctx.publish(evidence_changes(self.evidence_id, self.claim_id, Op.CREATED))

    def undo_edit(self) -> None:
        evidence_ops.remove_evidence(self.ctx.ws, self.evidence_id)
        self.ctx.publish(evidence_changes(self.evidence_id, self.claim_id, Op.DELETED))


class RemoveEvidenceCommand(DbCommand):
    def __init__(self, ctx: AppContext, info: EvidenceInfo) -> None:
        super().__init__(ctx, "Remove evidence")
        self.info = info

    def do(self) -> None:
        evidence_ops.remove_evidence(self.ctx.ws, self.info.id)
        self.ctx.publish(evidence_changes(self.info.id, self.info.claim_id, Op.DELETED))

    def undo_edit(self) -> None:
        evidence_ops.restore_evidence(self.ctx.ws, self.info)
        self.ctx.publish(evidence_changes(self.info.id, self.info.claim_id, Op.CREATED))
