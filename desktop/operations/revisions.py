"""Revised articles from the GUI: replace a text, list and place orphans, read earlier texts.

A replacement runs in the background (reading the file and placing every
claim again can take a while) and publishes one change record naming the
article's text and the claims that moved or lost their place.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from db import orphans as orphan_db
from db import revisions as revision_db
from db.articles import ArticleInfo, NewArticle, get_article
from db.importing import read_file, supported_suffixes
from db.revisions import OrphanInfo, ReplaceReport, RevisionInfo
from db.workspace import Workspace
from desktop.commands.revisions import PlaceOrphanCommand, ReplaceTextCommand, replace_changes
from desktop.context import AppContext
from desktop.workers import Job, run_job

TITLE = "Replace Article Text"
# A replacement is undoable when the two files together are at most this big: the
# undo command keeps both in memory.
UNDO_LIMIT = 16 * 1024 * 1024


@dataclass(frozen=True)
class Replaced:
    """A replacement done in the background, with what undoing and redoing it need."""

    report: ReplaceReport
    new: NewArticle
    title: str

    @property
    def undoable(self) -> bool:
        before = self.report.before
        return before is not None and len(before.original) + len(self.new.original) <= UNDO_LIMIT


def replace(ws: Workspace, article_id: uuid.UUID | str, new: NewArticle) -> Replaced:
    """Replace the text (in a worker thread), keeping what an undo needs."""
    report = revision_db.replace_article_text(ws, article_id, new, keep_before=True)
    return Replaced(report, new, get_article(ws, report.article_id).title)


def report_text(report: ReplaceReport, undoable: bool) -> str:
    """The words the analyst reads once the text is replaced."""
    lines = [f"{report.describe()}."]
    if report.summary.orphaned:
        lines.append(
            "Orphaned claims keep their quote, links, history and verdicts. They are "
            "listed in the Orphans tab: select their words in the new text and press "
            "Ctrl+Shift+P (Claim ▸ Place Orphan Here) to place each again."
        )
    where = (
        f"The earlier text is kept as version {report.revision}; "
        "File ▸ Earlier Versions of Article… shows it."
    )
    if undoable:
        lines.append(f"{where} Edit ▸ Undo (Ctrl+Z) brings it back with every claim where it was.")
    else:
        lines.append(
            f"{where} These files are too large to undo the replacement with Ctrl+Z, and "
            "the edits made before it can no longer be undone, as they refer to the earlier text."
        )
    return "\n\n".join(lines)


def record(ctx: AppContext, done: Replaced) -> bool:
    """Publish what a replacement changed and put it on the undo stack; False when it
    is too large to undo (the stack is then cleared: its edits refer to the earlier text)."""
    if done.undoable:
        ctx.undo_stack.push(ReplaceTextCommand(ctx, done.report, done.new, done.title))
    else:
        ctx.undo_stack.clear()
    ctx.publish(replace_changes(done.report))
    return done.undoable


def start_replace(
    ctx: AppContext,
    article_id: uuid.UUID | str,
    source: Path | NewArticle,
    parent: QWidget | None = None,
    on_done: Callable[[Replaced], None] | None = None,
) -> Job:
    """Read *source* (a file, or an article already read) and replace the article's text
    with it in the background; report and refresh when done."""
    ws = ctx.ws

    def work(progress: Callable[[int, int], bool]) -> Replaced | None:
        progress(0, 2)
        new = read_file(source) if isinstance(source, Path) else source
        if not progress(1, 2):
            return None  # cancelled before anything was written
        done = replace(ws, article_id, new)
        progress(2, 2)
        return done

    def finished(done: Replaced | None) -> None:
        if done is None:
            ctx.dialogs.info(TITLE, "Cancelled; the article's text was not changed.")
            return
        undoable = record(ctx, done)
        ctx.dialogs.info(TITLE, report_text(done.report, undoable))
        if on_done is not None:
            on_done(done)

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


def earlier_versions(ws: Workspace) -> revision_db.EarlierVersions:
    """:func:`earlier_version` for the many files of one import (stored articles read once)."""
    return revision_db.EarlierVersions(ws)


def article_filters() -> str:
    patterns = " ".join(f"*{s}" for s in supported_suffixes())
    return f"Articles ({patterns});;All files (*)"


# ------------------------------------------------------------ orphans


def orphan_count(ctx: AppContext) -> int:
    return orphan_db.orphan_count(ctx.ws)


def orphan_page(ctx: AppContext, offset: int, limit: int) -> list[OrphanInfo]:
    return orphan_db.orphan_page(ctx.ws, offset, limit)


def likely_place(ctx: AppContext, claim_id: uuid.UUID | str) -> tuple[int, int] | None:
    return orphan_db.likely_place(ctx.ws, claim_id)


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
