"""An imported file that looks like a new text of a stored article: ask, then act.

The import keeps such files aside (same URL, or same stated title, as an
article in the workspace).  For each, the analyst chooses: replace the stored
article's text (its claims are placed again), import it as a new article, or
leave it.  What was chosen is then done in one background job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from db.articles import ArticleInfo, NewArticle, add_article
from db.changes import Entity, Op, changed
from db.errors import ClaimDeskError
from db.workspace import Workspace
from desktop.commands.articles import ImportArticlesCommand
from desktop.context import AppContext
from desktop.operations import revisions as revision_ops
from desktop.operations.revisions import TITLE, Replaced, record
from desktop.workers import Job, Progress, run_job

REPLACE = "Replace the text of the existing article (keeps its claims)"
AS_NEW = "Import as a new article"
Revised = tuple[str, NewArticle, ArticleInfo]  # (file name, what it holds, stored article)


@dataclass
class Settled:
    replaced: list[Replaced] = field(default_factory=list)
    added: list[ArticleInfo] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    too_large: list[str] = field(default_factory=list)  # replaced, but not undoable

    def summary(self) -> str:
        lines = []
        for done in self.replaced:
            lines.append(
                f"“{done.title}”: text replaced; {done.report.describe()}. "
                f"The earlier text is kept as version {done.report.revision}."
            )
        if self.added:
            n = len(self.added)
            lines.append(f"Imported {n} new article{'s' if n != 1 else ''}.")
        if any(done.report.summary.orphaned for done in self.replaced):
            lines.append("Orphaned claims wait in the Orphans tab to be placed again.")
        if self.replaced:
            lines.append(
                "Earlier versions stay viewable (File ▸ Earlier Versions of Article…); "
                "Edit ▸ Undo takes a replacement back (unless told otherwise below)."
            )
        if self.too_large:
            names = ", ".join(f"“{t}”" for t in self.too_large)
            lines.append(
                f"Too large to undo with Ctrl+Z: {names}; the edits made before "
                "can no longer be undone either."
            )
        if self.failures:
            lines.append("Not done:")
            lines += [f"  • {name}: {reason}" for name, reason in self.failures]
        return "\n".join(lines)


def question(name: str, new: NewArticle, existing: ArticleInfo) -> str:
    same = (
        "the web address"
        if new.url.strip() and new.url.strip() == existing.url.strip()
        else "the title"
    )
    count = existing.claim_count
    return (
        f"{name} has {same} of the article “{existing.title}” already in the workspace "
        f"({count} claim{'s' if count != 1 else ''}). Is it a revised text of that article?"
    )


def settle(
    ws: Workspace, replace: Sequence[Revised], add: Sequence[Revised], progress: Progress
) -> Settled:
    out = Settled()
    total = len(replace) + len(add)
    for done, (name, new, existing) in enumerate([*replace, *add]):
        if not progress(done, total):
            break
        try:
            if done < len(replace):
                out.replaced.append(revision_ops.replace(ws, existing.id, new))
            else:
                out.added.append(add_article(ws, new))
        except ClaimDeskError as exc:
            out.failures.append((name, str(exc)))
    progress(total, total)
    return out


def settled(ctx: AppContext, result: Settled) -> None:
    for done in result.replaced:
        if not record(ctx, done):
            result.too_large.append(done.title)
    if result.added:
        ctx.undo_stack.push(ImportArticlesCommand(ctx, [a.id for a in result.added]))
        ctx.publish(changed(Entity.ARTICLE, [a.id for a in result.added], Op.CREATED))
    text = result.summary()
    if not text:
        return
    if result.failures:
        ctx.dialogs.error("Import", text)
    else:
        ctx.dialogs.info("Import", text)


def settle_revised(
    ctx: AppContext, revised: Sequence[Revised], parent: QWidget | None = None
) -> Job | None:
    """Ask about each revised-looking file, then replace or import as chosen."""
    ws = ctx.ws
    replace: list[Revised] = []
    add: list[Revised] = []
    for item in revised:
        answer = ctx.dialogs.choose("Import", question(*item), [REPLACE, AS_NEW], default=1)
        if answer == 0:
            replace.append(item)
        elif answer == 1:
            add.append(item)
    if not replace and not add:
        return None
    return run_job(
        TITLE if replace else "Import articles",
        lambda progress: settle(ws, replace, add, progress),
        parent=parent,
        on_done=lambda result: settled(ctx, result),
        on_error=lambda exc: ctx.report_error(exc, "Import"),
        label="Placing the claims again in the revised text…" if replace else "Importing…",
    )
