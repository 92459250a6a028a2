"""The team: who is here, who I am, and (undoably) roles and details."""

from __future__ import annotations

import uuid
from typing import Any

from db import analysts as analyst_ops
from db.analysts import AnalystInfo
from db.changes import Entity, Op, changed
from db.errors import NotFound
from db.models import Role
from desktop.commands.analysts import AddAnalystCommand, SetRoleCommand, UpdateAnalystCommand
from desktop.context import AppContext

DEFAULT_NAME = analyst_ops.DEFAULT_NAME


def list_analysts(ctx: AppContext) -> list[AnalystInfo]:
    return analyst_ops.list_analysts(ctx.ws)


def get_analyst(ctx: AppContext, given: str | uuid.UUID) -> AnalystInfo:
    return analyst_ops.get_analyst(ctx.ws, given)


def current(ctx: AppContext) -> AnalystInfo | None:
    """The analyst this window acts as, or None when nobody is chosen."""
    try:
        return analyst_ops.get_current(ctx.ws)
    except NotFound:
        return None


def bind(ctx: AppContext, name: str | None = None) -> uuid.UUID:
    """Act as *name* (local workspaces; in one without analysts *name* becomes the
    first) or as the database login's analyst (shared)."""
    analyst_id = analyst_ops.bind_working_analyst(ctx.ws, name)
    if analyst_id is None:
        raise NotFound("This workspace has no analyst yet: say who is working.")
    ctx.publish(changed(Entity.ANALYST, [analyst_id], fields=["current"]))
    return analyst_id


def bind_remembered(ctx: AppContext, remembered: str | None) -> uuid.UUID | None:
    """Act as the analyst last chosen on this machine when the workspace has them (else
    as it opened); None while a local workspace has no analyst at all."""
    before = ctx.ws.analyst_id
    analyst_id = analyst_ops.bind_working_analyst(ctx.ws, None, remembered)
    if analyst_id is not None and analyst_id != before:
        ctx.publish(changed(Entity.ANALYST, [analyst_id], fields=["current"]))
    return analyst_id


def needs_first_analyst(ctx: AppContext) -> bool:
    return analyst_ops.needs_first_analyst(ctx.ws)


def create_first_analyst(
    ctx: AppContext, name: str, initials: str = "", color: str = ""
) -> AnalystInfo:
    """The workspace's first analyst (an admin), who becomes current."""
    info = analyst_ops.create_first_analyst(ctx.ws, name, initials, color)
    ctx.publish(changed(Entity.ANALYST, [info.id], Op.CREATED))
    return info


def add_analyst(
    ctx: AppContext, name: str, initials: str = "", color: str = "", role: Role | str = "analyst"
) -> AnalystInfo | None:
    """Add a colleague through the undo stack; None when refused (and reported).

    Undo removes them again as long as nothing in the workspace refers to them.
    """
    command = AddAnalystCommand(ctx, name, initials, color, role)
    ctx.undo_stack.push(command)
    return None if command.failed else command.info


def set_role(ctx: AppContext, analyst_id: uuid.UUID, role: Role | str) -> bool:
    """Change a role through the undo stack; False when it was refused (and reported)."""
    command = SetRoleCommand(ctx, analyst_id, role)
    ctx.undo_stack.push(command)
    return not command.failed


def update_analyst(ctx: AppContext, analyst_id: uuid.UUID, **details: Any) -> bool:
    """Change name, initials or colour through the undo stack; False when refused."""
    command = UpdateAnalystCommand(ctx, analyst_id, details)
    ctx.undo_stack.push(command)
    return not command.failed
