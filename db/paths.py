"""Where ClaimDesk keeps per-user data and where its bundled resources live."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "ClaimDesk"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
# A packaged build renders a PDF report by running itself with this first argument.
RENDER_PDF_FLAG = "--render-pdf"
# ... and a timeline or link graph picture (PNG, SVG) with this one.
RENDER_VIEW_FLAG = "--render-view"


def data_dir() -> Path:
    """The per-user data folder (``CLAIMDESK_DATA_DIR`` overrides it, e.g. in tests)."""
    override = os.environ.get("CLAIMDESK_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_workspace() -> Path:
    return data_dir() / "workspace.claimdesk.sqlite"


def log_file() -> Path:
    return data_dir() / "claimdesk.log"
