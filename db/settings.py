"""Workspace settings: typed access to the key/value ``setting`` table.

Changing a setting is an admin's decision (the four-eyes rule would be
pointless if anyone could switch it off).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import InvalidInput
from db.models import Setting
from db.workspace import Workspace

FOUR_EYES = "four_eyes"
ORGANISATION = "organisation"
DEFAULTS: dict[str, str] = {FOUR_EYES: "on", ORGANISATION: ""}
ON_VALUES = {"on", "true", "yes", "1"}
OFF_VALUES = {"off", "false", "no", "0"}


def read_setting(session: Session, key: str) -> str:
    """A setting's value inside an open session (its default when unset)."""
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return DEFAULTS.get(key, "") if value is None else value


def get_setting(ws: Workspace, key: str) -> str:
    with ws.session() as session:
        return read_setting(session, key)


def all_settings(ws: Workspace) -> dict[str, str]:
    """Every known setting with its value (defaults filled in)."""
    with ws.session() as session:
        stored = dict(session.execute(select(Setting.key, Setting.value)).all())
    return {**DEFAULTS, **stored}


def _normalise(key: str, value: str) -> str:
    if key not in DEFAULTS:
        names = ", ".join(sorted(DEFAULTS))
        raise InvalidInput(f"Unknown setting {key!r}; the settings are {names}.")
    value = str(value).strip()
    if key == FOUR_EYES:
        lowered = value.lower()
        if lowered in ON_VALUES:
            return "on"
        if lowered in OFF_VALUES:
            return "off"
        raise InvalidInput(f"The four-eyes setting is on or off, not {value!r}.")
    if len(value) > 300:
        raise InvalidInput("The organisation name can be at most 300 characters long.")
    return value


def set_setting(ws: Workspace, key: str, value: str) -> str:
    """Store a setting (admins only); returns the stored value."""
    from db.analysts import require_admin

    stored = _normalise(key, value)
    with ws.session() as session:
        require_admin(session, "change workspace settings")
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=stored))
        else:
            row.value = stored
    return stored


def four_eyes_on(session: Session) -> bool:
    return read_setting(session, FOUR_EYES) == "on"


def four_eyes_enabled(ws: Workspace) -> bool:
    with ws.session() as session:
        return four_eyes_on(session)


def set_four_eyes(ws: Workspace, enabled: bool) -> None:
    set_setting(ws, FOUR_EYES, "on" if enabled else "off")


def organisation_name(ws: Workspace) -> str:
    return get_setting(ws, ORGANISATION)


def set_organisation_name(ws: Workspace, name: str) -> None:
    set_setting(ws, ORGANISATION, name)
