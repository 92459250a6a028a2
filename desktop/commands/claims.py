"""Undoable claim and link edits, acting on the database by id."""

from __future__ import annotations

import uuid
from typing import Any

from db import claims as claim_ops
from db import links as link_ops
from db.claims import ClaimInfo
from db.links import LinkInfo
from desktop.commands.base import DbCommand
from desktop.context import AppContext


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
        self.ctx.claims_changed([self.claim_id])
        self.ctx.articlesChanged.emit()
        self.ctx.claimSelected.emit(str(self.claim_id))

    def undo_edit(self) -> None:
        self.info = claim_ops.get_claim(self.ctx.ws, self.claim_id)
        claim_ops.delete_claim(self.ctx.ws, self.claim_id)
        self.ctx.claims_changed([self.claim_id])
        self.ctx.articlesChanged.emit()


class DeleteClaimCommand(DbCommand):
    def __init__(self, ctx: AppContext, claim_id: uuid.UUID) -> None:
        super().__init__(ctx, "Delete claim")
        self.claim_id = claim_id
        self.info: ClaimInfo | None = None
        self.links: list[LinkInfo] = []

    def do(self) -> None:
        self.info = claim_ops.get_claim(self.ctx.ws, self.claim_id)
        self.links = [v.link for v in link_ops.links_of_claim(self.ctx.ws, self.claim_id)]
        claim_ops.delete_claim(self.ctx.ws, self.claim_id)
        self.ctx.claims_changed([self.claim_id])
        self.ctx.articlesChanged.emit()

    def undo_edit(self) -> None:
        assert self.info is not None
        claim_ops.restore_claim(self.ctx.ws, self.info)
        for link in self.links:
            link_ops.restore_link(self.ctx.ws, link)
        self.ctx.claims_changed([self.claim_id])
        self.ctx.articlesChanged.emit()
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
    ) -> None:
        super().__init__(ctx, text)
        self.claim_id = claim_id
        self.new = new
        if old is None:
            current = claim_ops.editable_values(claim_ops.get_claim(ctx.ws, claim_id))
            old = {k: current[k] for k in new}
        self.old = old

    def do(self) -> None:
        claim_ops.update_claim(self.ctx.ws, self.claim_id, **self.new)
        self.ctx.claims_changed([self.claim_id])

    def undo_edit(self) -> None:
        claim_ops.update_claim(self.ctx.ws, self.claim_id, **self.old)
        self.ctx.claims_changed([self.claim_id])


class AddLinkCommand(DbCommand):
    def __init__(
        self, ctx: AppContext, from_id: uuid.UUID, to_id: uuid.UUID, relation: str
    ) -> None:
        super().__init__(ctx, f"Link claims ({relation})")
        self.from_id = from_id
        self.to_id = to_id
        self.relation = relation
        self.link_id = uuid.uuid4()

    def do(self) -> None:
        link_ops.add_link(
            self.ctx.ws, self.from_id, self.to_id, self.relation, link_id=self.link_id
        )
        self.ctx.linksChanged.emit([str(self.from_id), str(self.to_id)])

    def undo_edit(self) -> None:
        link_ops.remove_link(self.ctx.ws, self.link_id)
        self.ctx.linksChanged.emit([str(self.from_id), str(self.to_id)])


class RemoveLinkCommand(DbCommand):
    def __init__(self, ctx: AppContext, link: LinkInfo) -> None:
        super().__init__(ctx, "Remove link")
        self.link = link

    def do(self) -> None:
        link_ops.remove_link(self.ctx.ws, self.link.id)
        self.ctx.linksChanged.emit([str(self.link.from_claim_id), str(self.link.to_claim_id)])

    def undo_edit(self) -> None:
        link_ops.restore_link(self.ctx.ws, self.link)
        self.ctx.linksChanged.emit([str(self.link.from_claim_id), str(self.link.to_claim_id)])
