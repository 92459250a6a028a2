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


def open_handed(window: Any, paths: Sequence[str]) -> None:
    """Import the articles and folders in *paths*; offer to merge each bundle.

    Workspace files are skipped here: the window opened the first one already.
    """
    articles: list[str | Path] = []
    for name in paths:
        path = Path(name)
        suffix = path.suffix.lower()
        if path.is_dir():
            window.import_folder(path)
        elif suffix == BUNDLE_SUFFIX:
            _offer_merge(window, path)
        elif suffix not in WORKSPACE_SUFFIXES:
            articles.append(path)
    if articles:
        window.import_paths(articles)


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
