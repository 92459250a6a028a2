"""Export claim sheets in the background and preview their first rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from db import articles as article_ops
from db import sources as source_ops
from db.articles import ArticleInfo
from db.claims import ClaimFilter, all_tags
from db.exporting import ExportCancelled, export
from db.exporting.rows import COLUMNS, count_rows, iter_rows
from db.sources import SourceInfo
from db.workspace import Workspace
from desktop.context import AppContext
from desktop.workers import Job, run_job

PREVIEW_ROWS = 20


def article_choices(ctx: AppContext) -> list[ArticleInfo]:
    """The articles a sheet can be limited to."""
    return article_ops.list_articles(ctx.ws)


def source_choices(ctx: AppContext) -> list[SourceInfo]:
    return source_ops.list_sources(ctx.ws)


def tag_choices(ctx: AppContext) -> list[str]:
    return all_tags(ctx.ws)


def preview(
    ws: Workspace, flt: ClaimFilter, limit: int = PREVIEW_ROWS
) -> list[dict[str, str | int]]:
    """The first *limit* rows of the claim sheet as cells."""
    for batch in iter_rows(ws, flt, batch=limit):
        return [row.cells() for row in batch[:limit]]
    return []


def count(ws: Workspace, flt: ClaimFilter) -> int:
    return count_rows(ws, flt)


def start_export(
    ctx: AppContext,
    fmt: str,
    flt: ClaimFilter,
    path: Path,
    parent: QWidget | None = None,
    on_done: Callable[[int | None], None] | None = None,
    **options: str,
) -> Job:
    """Write the sheet to *path* in a worker; *on_done* gets the count (None if cancelled).

    *options* go to the format's writer (``page`` for the PDF report).
    """
    ws = ctx.ws

    def work(progress: Callable[[int, int], bool]) -> int | None:
        try:
            return export(ws, fmt, flt, Path(path), progress, **options)
        except ExportCancelled:
            return None

    def finished(written: int | None) -> None:
        if on_done is not None:
            on_done(written)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, OSError):
            ctx.dialogs.error("Export", f"{path}: {exc.strerror or exc}")
        else:
            ctx.report_error(exc, "Export")
        if on_done is not None:
            on_done(None)

    return run_job(
        "Export claims",
        work,
        parent=parent,
        on_done=finished,
        on_error=failed,
        label=f"Writing {Path(path).name}…",
    )


__all__ = ["COLUMNS", "PREVIEW_ROWS", "count", "preview", "start_export"]
