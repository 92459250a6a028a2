"""Undoable workspace settings (four-eyes rule, organisation name)."""

from __future__ import annotations

from collections.abc import Mapping

from db import settings as settings_ops
from db.changes import Entity, changed
from desktop.commands.base import DbCommand
from desktop.context import AppContext

LABELS = {settings_ops.FOUR_EYES: "four-eyes rule", settings_ops.ORGANISATION: "organisation"}


class SetSettingsCommand(DbCommand):
    """Store some workspace settings (admins only); undo stores the old values.

    Each setting is one short transaction; when one is refused, the ones stored
    before it are put back, so the edit is all or nothing.
    """

    def __init__(self, ctx: AppContext, values: Mapping[str, str]) -> None:
        names = ", ".join(LABELS.get(k, k) for k in values)
        super().__init__(ctx, f"Change {names}")
        self.new = dict(values)
        current = settings_ops.all_settings(ctx.ws)
        self.old = {k: current.get(k, "") for k in values}

    def _set(self, values: dict[str, str], previous: dict[str, str]) -> None:
        done: list[str] = []
        try:
            for key, value in values.items():
                settings_ops.set_setting(self.ctx.ws, key, value)
                done.append(key)
        finally:
            if len(done) < len(values):
                for key in done:
                    settings_ops.set_setting(self.ctx.ws, key, previous[key])
            if done:
                self.ctx.publish(changed(Entity.SETTING, done, fields=["value"]))

    def do(self) -> None:
        self._set(self.new, self.old)

    def undo_edit(self) -> None:
        self._set(self.old, self.new)
