"""Undoable changes to a shared workspace's logins: adding and removing a member."""

from __future__ import annotations

from db import team as team_ops
from db.changes import Entity, Op, changed
from db.models import Role
from desktop.commands.base import DbCommand
from desktop.context import AppContext


class AddMemberCommand(DbCommand):
    """Give a login a role; undo takes it away again (the analyst row stays)."""

    def __init__(self, ctx: AppContext, login: str, role: str, password: str | None) -> None:
        super().__init__(ctx, f"Add {login.strip()} to the team")
        self.login = login.strip()
        self.role = role
        self.password = password  # used by the first run only, then forgotten

    def do(self) -> None:
        info = team_ops.add_member(self.ctx.ws, self.login, self.role, password=self.password)
        self.password = None  # redo finds the login created
        self.ctx.publish(changed(Entity.ANALYST, [info.id], Op.CREATED))

    def undo_edit(self) -> None:
        info = team_ops.remove_member(self.ctx.ws, self.login)
        self.ctx.publish(changed(Entity.ANALYST, [info.id], fields=["role"]))


class RemoveMemberCommand(DbCommand):
    """Take a login's role away; undo gives the same role back."""

    def __init__(self, ctx: AppContext, login: str) -> None:
        super().__init__(ctx, f"Remove {login.strip()} from the team")
        self.login = login.strip()
        self.role: Role | None = None

    def do(self) -> None:
        current = {m.analyst.login: m.database_role for m in team_ops.list_members(self.ctx.ws)}
        self.role = current.get(self.login) or self.role
        info = team_ops.remove_member(self.ctx.ws, self.login)
        self.ctx.publish(changed(Entity.ANALYST, [info.id], fields=["role"]))

    def undo_edit(self) -> None:
        info = team_ops.add_member(self.ctx.ws, self.login, self.role or Role.ANALYST)
        self.ctx.publish(changed(Entity.ANALYST, [info.id], fields=["role"]))
