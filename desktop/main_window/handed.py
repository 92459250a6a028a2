"""Files the desktop hands to ClaimDesk (``claimdesk %F``): each opened as what it is.

Articles and folders are imported into the workspace that opened (the last one
used); a ``.claimdesk`` bundle is offered for merging; a workspace file is
opened in place of the last workspace (see :func:`workspace_among`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

WORKSPACE_SUFFIXES = (".sqlite", ".db")
BUNDLE_SUFFIX = ".claimdesk"


def workspace_among(paths: Sequence[str]) -> str | None:
    """The first workspace file among *paths*, or None."""
    for name in paths:
        path = Path(name)
        if path.is_file() and path.suffix.lower() in WORKSPACE_SUFFIXES:
            return name
    return None


def open_handed(window: Any, paths: Sequence[str | Path], *, offer_workspace: bool = False) -> None:
    """Import the articles and folders in *paths*; offer to merge each bundle.

    A workspace file is skipped (at start-up the window opened it already), or with
    *offer_workspace* (files dropped on the window) offered for opening.
    """
    articles: list[str | Path] = []
    workspace: Path | None = None
    for name in paths:
        path = Path(name)
        suffix = path.suffix.lower()
        if path.is_dir():
            window.import_folder(path)
        elif suffix == BUNDLE_SUFFIX:
            _offer_merge(window, path)
        elif suffix not in WORKSPACE_SUFFIXES:
            articles.append(path)
        elif workspace is None:
            workspace = path
    if articles:
        window.import_paths(articles)
    if (
        offer_workspace
        and workspace is not None
        and window.ctx.dialogs.confirm(
            "Open workspace", f"Open the workspace {workspace.name} in place of this one?"
        )
    ):
        window.switch_workspace(workspace)


def _offer_merge(window: Any, path: Path) -> None:
    ctx = window.ctx
    if ctx.dialogs.confirm(
        "Merge bundle",
        f"Merge the bundle {path.name} into the workspace {ctx.ws.display_name}? "
        "Claims, sources and verdicts it holds are added or updated; where both were "
        "changed, you choose.",
    ):
        window.shared_ui.bundles.merge(path)


__all__ = ["open_handed", "workspace_among"]
