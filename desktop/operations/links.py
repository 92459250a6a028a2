"""Link operations the inspector calls: the links of a claim, link and unlink (undoable)."""

from __future__ import annotations

import uuid

from db import links as link_ops
from db.links import LinkView
from db.models import Relation
from desktop.commands.claims import AddLinkCommand, RemoveLinkCommand
from desktop.context import AppContext


def links_of_claim(ctx: AppContext, claim_id: uuid.UUID) -> list[LinkView]:
    return link_ops.links_of_claim(ctx.ws, claim_id)


def add_link(
    ctx: AppContext, from_id: uuid.UUID, to_id: uuid.UUID, relation: Relation | str
) -> bool:
    """Link two claims as one undoable edit; False when it was refused."""
    command = AddLinkCommand(ctx, from_id, to_id, str(Relation(relation)))
    ctx.undo_stack.push(command)
    return not command.failed


def remove_link(ctx: AppContext, view: LinkView) -> bool:
    command = RemoveLinkCommand(ctx, view.link)
    ctx.undo_stack.push(command)
    return not command.failed
