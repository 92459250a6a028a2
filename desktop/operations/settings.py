"""Workspace settings: read them, change them undoably (several at once as one step)."""

from __future__ import annotations

from collections.abc import Mapping

from db import settings as settings_ops
from desktop.commands.settings import SetSettingsCommand
from desktop.context import AppContext

FOUR_EYES = settings_ops.FOUR_EYES
ORGANISATION = settings_ops.ORGANISATION


def all_settings(ctx: AppContext) -> dict[str, str]:
    return settings_ops.all_settings(ctx.ws)


def four_eyes_enabled(ctx: AppContext) -> bool:
    return settings_ops.four_eyes_enabled(ctx.ws)


def organisation_name(ctx: AppContext) -> str:
    return settings_ops.organisation_name(ctx.ws)


def save_settings(ctx: AppContext, values: Mapping[str, str]) -> bool:
    """Store the settings that differ, as one undo step; False when refused (and reported)."""
    current = settings_ops.all_settings(ctx.ws)
    wanted = {k: str(v) for k, v in values.items() if current.get(k) != str(v)}
    if not wanted:
        return True
    command = SetSettingsCommand(ctx, wanted)
    ctx.undo_stack.push(command)
    return not command.failed


def set_four_eyes(ctx: AppContext, enabled: bool) -> bool:
    return save_settings(ctx, {FOUR_EYES: "on" if enabled else "off"})


def set_organisation_name(ctx: AppContext, name: str) -> bool:
    return save_settings(ctx, {ORGANISATION: name})
