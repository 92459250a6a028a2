"""Revised articles from the GUI: replace a text, list and place orphans, read earlier texts.

A replacement runs in the background (reading the file and placing every
claim again can take a while) and publishes one change record naming the
article's text and the claims that moved or lost their place.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from db import orphans as orphan_db
from db import revisions as revision_db
from db.articles import ArticleInfo, NewArticle
from db.changes import Change, Changes, Entity, Op
from db.importing import read_file, supported_suffixes
from db.revisions import OrphanInfo, ReplaceReport, RevisionInfo
from db.workspace import Workspace
from desktop.commands.revisions import ANCHOR_FIELDS, PlaceOrphanCommand
from desktop.context import AppContext
from desktop.workers import Job, run_job

TITLE = "Replace Article Text"
TEXT_FIELDS = frozenset({"text", "original", "sha256", "filename", "encoding", "format"})


def replace_changes(report: ReplaceReport) -> Changes:
    """The article's text, and every claim the replacement moved, orphaned or placed."""
    aid = str(report.article_id)
    items = [Change(Entity.ARTICLE, aid, Op.UPDATED, TEXT_FIELDS)]
    items += [
        Change(Entity.CLAIM, p.claim_id, Op.UPDATED, ANCHOR_FIELDS, aid)
        for p in report.changed_claims()
    ]
    return Changes(tuple(items))


def report_text(report: ReplaceReport) -> str:
    """The words the analyst reads once the text is replaced."""
    lines = [f"{report.describe()}."]
    if report.summary.orphaned:
        lines.append(
            "Orphaned claims keep their quote, links, history and verdicts. They are "
            "listed in the Orphans tab: select their words in the new text and press "
            "Ctrl+Shift+P (Claim ▸ Place Orphan Here) to place each again."
        )
    lines.append(
        f"The earlier text is kept as version {report.revision}; "
        "File ▸ Earlier Versions of Article… shows it. "
        "A replacement is not undone with Ctrl+Z, and the edits made before it "
        "can no longer be undone, as they refer to the earlier text."
    )
    return "\n\n".join(lines)


def replace_done(ctx: AppContext, report: ReplaceReport) -> None:
    """Publish what the replacement changed and show the report."""
    ctx.undo_stack.clear()  # its commands hold offsets into the earlier text
    ctx.publish(replace_changes(report))
    ctx.dialogs.info(TITLE, report_text(report))


def start_replace(
    ctx: AppContext,
    article_id: uuid.UUID | str,
    source: Path | NewArticle,
    parent: QWidget | None = None,
    on_done: Callable[[ReplaceReport], None] | None = None,
) -> Job:
    """Read *source* (a file, or an article already read) and replace the article's text
    with it in the background; report and refresh when done."""
    ws = ctx.ws

    def work(progress: Callable[[int, int], bool]) -> ReplaceReport:
        progress(0, 2)
        new = read_file(source) if isinstance(source, Path) else source
        progress(1, 2)
        report = revision_db.replace_article_text(ws, article_id, new)
        progress(2, 2)
        return report

    def finished(report: ReplaceReport) -> None:
        replace_done(ctx, report)
        if on_done is not None:
            on_done(report)

    name = source.name if isinstance(source, Path) else (source.filename or "the new text")
    return run_job(
        TITLE,
        work,
        parent=parent,
        on_done=finished,
        on_error=lambda exc: ctx.report_error(exc, TITLE),
        label=f"Placing the claims again in {name}…",
    )


def earlier_version(ws: Workspace, new: NewArticle) -> ArticleInfo | None:
    """The stored article a file being imported looks like a new text of (run in the
    import's worker, hence the workspace rather than the context)."""
    return revision_db.find_earlier_version(ws, new)


def article_filters() -> str:
    patterns = " ".join(f"*{s}" for s in supported_suffixes())
    return f"Articles ({patterns});;All files (*)"


# ------------------------------------------------------------ orphans


def orphan_count(ctx: AppContext) -> int:
    return orphan_db.orphan_count(ctx.ws)


def orphan_page(ctx: AppContext, offset: int, limit: int) -> list[OrphanInfo]:
    return orphan_db.orphan_page(ctx.ws, offset, limit)


def place_orphan(ctx: AppContext, claim_id: uuid.UUID | str, start: int, end: int) -> bool:
    """Anchor the claim at *start*–*end* (code points) of its article's text, undoably."""
    command = PlaceOrphanCommand(ctx, uuid.UUID(str(claim_id)), start, end)
    ctx.undo_stack.push(command)  # reports its own failure and drops off the stack
    return not command.failed


# ------------------------------------------------------------ earlier texts


def revisions(ctx: AppContext, article_id: uuid.UUID | str) -> list[RevisionInfo]:
    return revision_db.revisions(ctx.ws, article_id)


def revision_text(ctx: AppContext, article_id: uuid.UUID | str, number: int) -> str:
    return revision_db.revision_text(ctx.ws, article_id, number)
