"""Load, off the GUI thread, the code the analyst's first import and first article need.

Start-up loads only what the window shows (see ``tests/test_lazy_start.py``).  A window
that opens with no article to show (an empty workspace, a new one) is most often
about to import files, and then to show the first new article with its suggested
claims: the reading of files and the suggestion readers are loaded here once the
window has been idle for a moment, in the shared pool, so that neither the import
nor the first suggestions wait for their code to load.  Loading is all it does: no
workspace is read and nothing is shown.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from desktop.workers import Progress, run_job

# After the panels are built and filled: the window's own start-up work comes first.
DELAY_MS = 250
MODULES = (
    "db.importing",  # reading a file into an article: text, HTML, metadata
    "db.importing.text",
    "db.importing.streamed",
    "db.assist.service",  # the suggestions of the article opened after the import
)


def _load(progress: Progress) -> list[str]:
    """Import :data:`MODULES` in turn; the window closing stops it between two (an
    import under way runs to its end: the process waits for it before it ends)."""
    loaded: list[str] = []
    for n, name in enumerate(MODULES):
        if not progress(n, len(MODULES)):
            break
        importlib.import_module(name)
        loaded.append(name)
    return loaded


def warm_up_later(owner: QObject, on_done: Callable[[object], None] | None = None) -> None:
    """Load :data:`MODULES` in the background :data:`DELAY_MS` from now (dropped with
    *owner*)."""
    QTimer.singleShot(
        DELAY_MS,
        owner,
        lambda: run_job("Loading", _load, show_progress=False, on_done=on_done),
    )
