"""The logins of a shared workspace (admins): add, change role, remove — all undoable."""

from __future__ import annotations

from db import team as team_ops
from db.team import Member
from desktop.commands.team import AddMemberCommand, RemoveMemberCommand
from desktop.context import AppContext


def shared(ctx: AppContext) -> bool:
    return ctx.ws.shared


def list_members(ctx: AppContext) -> list[Member]:
    return team_ops.list_members(ctx.ws)


def add_member(ctx: AppContext, login: str, role: str, password: str | None = None) -> bool:
    """Give a login a role (creating it when a password is given); False when refused."""
    command = AddMemberCommand(ctx, login, role, password)
    ctx.undo_stack.push(command)
    return not command.failed


def remove_member(ctx: AppContext, login: str) -> bool:
    """Take a login's role away (its work stays attributed); False when refused."""
    command = RemoveMemberCommand(ctx, login)
    ctx.undo_stack.push(command)
    return not command.failed
