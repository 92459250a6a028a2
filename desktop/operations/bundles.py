"""Exchange bundles: export and import in the background, settle merge conflicts undoably."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from db.changes import EVERYTHING
from desktop.context import AppContext
from desktop.workers import Job, run_job

if TYPE_CHECKING:  # the bundle code loads when a bundle is first written or read
    from db.bundles import BundleSummary, Conflict, MergeReport


def start_export(
    ctx: AppContext,
    path: Path,
    article_ids: Sequence[uuid.UUID] | None = None,
    parent: QWidget | None = None,
    on_done: Callable[[BundleSummary], None] | None = None,
) -> Job:
    """Write a bundle of *article_ids* (all when None) to *path* in a worker."""
    from db.bundles import export_bundle

    ws = ctx.ws
    ids = list(article_ids) if article_ids is not None else None
    return run_job(
        "Export bundle",
        lambda _progress: export_bundle(ws, path, ids),
        parent=parent,
        on_done=on_done or (lambda _summary: None),
        on_error=lambda e: ctx.report_error(e, "Export bundle"),
    )


def start_import(
    ctx: AppContext,
    path: Path,
    parent: QWidget | None = None,
    on_done: Callable[[MergeReport], None] | None = None,
) -> Job:
    """Merge the bundle at *path* in a worker; every view reloads when it is in."""
    from db.bundles import import_bundle

    ws = ctx.ws

    def merged(report: MergeReport) -> None:
        # A merge can touch any row of any table: the views reload.
        ctx.publish(EVERYTHING)
        if on_done is not None:
            on_done(report)

    return run_job(
        "Import bundle",
        lambda _progress: import_bundle(ws, Path(path)),
        parent=parent,
        on_done=merged,
        on_error=lambda e: ctx.report_error(e, "Import bundle"),
    )


def take_incoming(ctx: AppContext, conflict: Conflict) -> bool:
    """Apply the bundle's values to a conflicting row (undoable); False when refused."""
    from desktop.commands.bundles import TakeIncomingCommand

    command = TakeIncomingCommand(ctx, conflict)
    ctx.undo_stack.push(command)
    return not command.failed
