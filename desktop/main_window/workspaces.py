"""Opening workspaces from the GUI and remembering recent ones in QSettings."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings
from sqlalchemy.engine import make_url

from db.errors import ClaimDeskError
from db.workspace import Workspace, to_url
from desktop.dialogs import DialogService
from desktop.operations.workspaces import open_workspace
from desktop.shared.urls import without_password

log = logging.getLogger(__name__)

RECENT_KEY = "recent/list"
LAST_KEY = "recent/last"
MAX_RECENT = 8
FILTERS = "ClaimDesk workspaces (*.sqlite *.claimdesk.sqlite *.db);;All files (*)"


def remembered(target: str | Path) -> str:
    """What to store for a workspace: a path, or a URL without its password."""
    text = str(target)
    if "://" not in text:
        return str(Path(text).expanduser().resolve())
    url = make_url(text)
    if url.get_backend_name() == "sqlite" and url.database:
        return str(Path(url.database).resolve())
    return without_password(text)  # URL.set(password=None) would keep the password


def recent(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def remember(settings: QSettings, target: str | Path) -> None:
    item = remembered(target)
    items = [item, *[r for r in recent(settings) if r != item]][:MAX_RECENT]
    settings.setValue(RECENT_KEY, items)
    settings.setValue(LAST_KEY, item)


def forget(settings: QSettings, target: str) -> None:
    settings.setValue(RECENT_KEY, [r for r in recent(settings) if r != target])


def _create_folder(target: str | Path, dialogs: DialogService) -> bool:
    """For a new local workspace in a folder that does not exist: ask to create the folder."""
    if "://" in str(target):
        return False
    folder = Path(target).expanduser().parent
    if folder.exists():
        return False
    return dialogs.confirm(
        "Open workspace",
        f"The folder {folder} does not exist. Create it and a new workspace in it?",
    )


def try_open(
    target: str | Path, dialogs: DialogService, *, check_later: bool = False
) -> Workspace | None:
    """Open a workspace and bind the analyst; shows the reason and returns None on failure.

    *check_later*: see :func:`desktop.operations.workspaces.open_workspace`.
    """
    try:
        ws = open_workspace(
            target, create_folder=_create_folder(target, dialogs), check_later=check_later
        )
    except ClaimDeskError as exc:
        dialogs.error("Open workspace", str(exc))
        return None
    except Exception as exc:  # unreadable file, refused connection, ...
        log.exception("could not open %s", target)
        dialogs.error("Open workspace", f"{target} could not be opened: {exc}")
        return None
    if ws.backup_path is not None:
        dialogs.info(
            "Workspace upgraded",
            f"The workspace was upgraded to this version; a copy of the old file is at "
            f"{ws.backup_path}.",
        )
    return ws


def same_workspace(ws: Workspace, target: str | Path) -> bool:
    return ws.url == to_url(target)
