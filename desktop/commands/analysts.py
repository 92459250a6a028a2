"""Undoable changes to the team: an analyst's role and details."""

from __future__ import annotations

import uuid
from typing import Any

from db import analysts as analyst_ops
from db.changes import Entity, Op, changed
from db.models import Role
from desktop.commands.base import DbCommand
from desktop.context import AppContext

DETAILS = ("name", "initials", "color")


class AddAnalystCommand(DbCommand):
    """Add a colleague; undo removes them again while nothing refers to them yet."""

    def __init__(
        self, ctx: AppContext, name: str, initials: str, color: str, role: Role | str
    ) -> None:
        super().__init__(ctx, f"Add analyst {name.strip()}")
        self.values = {"name": name, "initials": initials, "color": color, "role": role}
        self.analyst_id = uuid.uuid4()
        self.info: analyst_ops.AnalystInfo | None = None

    def do(self) -> None:
        self.info = analyst_ops.add_analyst(self.ctx.ws, analyst_id=self.analyst_id, **self.values)
        self.values["color"] = self.info.color  # redo brings back the same colour
        self.ctx.publish(changed(Entity.ANALYST, [self.analyst_id], Op.CREATED))

    def undo_edit(self) -> None:
        analyst_ops.remove_analyst(self.ctx.ws, self.analyst_id)
        self.ctx.publish(changed(Entity.ANALYST, [self.analyst_id], Op.DELETED))


class SetRoleCommand(DbCommand):
    """Give an analyst another role (admins only); undo gives the old one back."""

    def __init__(self, ctx: AppContext, analyst_id: uuid.UUID, role: Role | str) -> None:
        info = analyst_ops.get_analyst(ctx.ws, analyst_id)
        self.new = Role(str(role))
        super().__init__(ctx, f"Make {info.name} {self.new.value}")
        self.analyst_id = info.id
        self.old = info.role

    def _set(self, role: Role) -> None:
        analyst_ops.set_role(self.ctx.ws, self.analyst_id, role)
        self.ctx.publish(changed(Entity.ANALYST, [self.analyst_id], fields=["role"]))

    def do(self) -> None:
        self._set(self.new)

    def undo_edit(self) -> None:
        self._set(self.old)


class UpdateAnalystCommand(DbCommand):
    """Change an analyst's name, initials or colour; undo restores the old values."""

    def __init__(self, ctx: AppContext, analyst_id: uuid.UUID, new: dict[str, Any]) -> None:
        unknown = set(new) - set(DETAILS)
        if unknown:
            raise ValueError(f"not analyst details: {sorted(unknown)}")
        info = analyst_ops.get_analyst(ctx.ws, analyst_id)
        super().__init__(ctx, f"Edit analyst {info.name}")
        self.analyst_id = info.id
        self.new = dict(new)
        self.old = {k: getattr(info, k) for k in new}

    def _set(self, values: dict[str, Any]) -> None:
        analyst_ops.update_analyst(self.ctx.ws, self.analyst_id, **values)
        self.ctx.publish(changed(Entity.ANALYST, [self.analyst_id], fields=values))

    def do(self) -> None:
        self._set(self.new)

    def undo_edit(self) -> None:
        self._set(self.old)
