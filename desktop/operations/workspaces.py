"""Opening and creating workspaces: local files, shared databases and the sample."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from db import workspace as workspace_ops
from db.errors import ClaimDeskError
from db.workspace import Workspace, redact, to_url
from desktop.shared.urls import scrub

if TYPE_CHECKING:
    from desktop.context import AppContext


def check_integrity_later(ctx: AppContext, done: Callable[[ClaimDeskError | None], None]) -> None:
    """Start the integrity check left for later when the workspace was opened, in a
    thread of its own; *done* gets the refusal of a damaged file (every write is
    refused), or None, on that thread.  No check left: *done* (None) at once."""
    gate = ctx.ws.write_gate
    if gate is None:
        done(None)
        return
    gate.when_done(done)
    gate.start()


def refresh_statistics(ctx: AppContext) -> bool:
    """Let the database's query planner know the tables' sizes (see
    :func:`db.workspace.refresh_statistics`); runs on a worker thread."""
    return workspace_ops.refresh_statistics(ctx.ws)


def open_workspace(
    target: str | Path, *, create_folder: bool = False, check_later: bool = False
) -> Workspace:
    """Open (or create) the workspace at *target* and bind its analyst.

    A new local workspace is created when the file does not exist; with
    *create_folder* its missing folder too.  A local workspace without analysts
    stays unbound until the window asks who is working (never a placeholder).
    The workspace is closed again when the analyst cannot be bound.  With
    *check_later* the file's integrity check may be left to ``ws.write_gate``
    (see :func:`db.workspace.open_workspace`; :func:`check_integrity_later` runs it).
    """
    ws = workspace_ops.open_workspace(target, create_folder=create_folder, check_later=check_later)
    try:
        if ws.shared:
            from db.analysts import bind_working_analyst

            bind_working_analyst(ws)
        else:  # the first analyst, read without loading the ORM
            ws.analyst_id = workspace_ops.first_local_analyst(ws)
            # The window's commits never copy the write-ahead log back into the file
            # themselves (a quarter of a second every twenty or so edits on a large one).
            ws.checkpoint_in_background()
    except BaseException:
        ws.close()
        raise
    return ws


def connect_shared(url: str) -> Workspace:
    """Open a shared workspace as the analyst of the database login.

    Connection failures become one ClaimDeskError sentence without the password.
    """
    try:
        return open_workspace(url)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise ClaimDeskError(scrub(f"Could not connect to {redact(url)}: {reason}", url)) from None


def same_workspace(ws: Workspace, target: str | Path) -> bool:
    return ws.url == to_url(target)


def create_sample(path: Path) -> Path:
    """Write the sample workspace (demo articles with marked claims) to *path*."""
    from db.sample import create_sample_workspace

    return create_sample_workspace(path)
