"""Undoable inspector edits: claim fields with a version check, evidence add/remove."""

from __future__ import annotations

import uuid
from typing import Any

from db import claims as claim_ops
from db import evidence as evidence_ops
from db.evidence import EvidenceInfo
from db.models import Stance
from desktop.commands.base import DbCommand
from desktop.commands.claims import UpdateClaimCommand
from desktop.context import AppContext


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
    ) -> None:
        super().__init__(ctx, claim_id, new, old, text)
        self.version = version

    def do(self) -> None:
        if self.version is not None:
            version, self.version = self.version, None
            claim_ops.update_claim(self.ctx.ws, self.claim_id, expected_version=version, **self.new)
            self.ctx.claims_changed([self.claim_id])
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
        self.ctx.claims_changed([self.claim_id])

    def undo_edit(self) -> None:
        evidence_ops.remove_evidence(self.ctx.ws, self.evidence_id)
        self.ctx.claims_changed([self.claim_id])


class RemoveEvidenceCommand(DbCommand):
    def __init__(self, ctx: AppContext, info: EvidenceInfo) -> None:
        super().__init__(ctx, "Remove evidence")
        self.info = info

    def do(self) -> None:
        evidence_ops.remove_evidence(self.ctx.ws, self.info.id)
        self.ctx.claims_changed([self.info.claim_id])

    def undo_edit(self) -> None:
        evidence_ops.restore_evidence(self.ctx.ws, self.info)
        self.ctx.claims_changed([self.info.claim_id])
