"""Revised articles in the window: replace a text, earlier versions, the Orphans tab.

File ▸ Replace Article Text… gives the open article a revised file's text
(every claim placed again, in the background); File ▸ Earlier Versions of
Article… shows the texts it had before; Claim ▸ Place Orphan Here (Ctrl+Shift+P)
anchors the orphan chosen in the Orphans tab at the words selected in the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from db.errors import ClaimDeskError
from desktop.actions import ActionId, icon
from desktop.context import AppContext
from desktop.operations import articles as article_ops
from desktop.operations import revisions as revision_ops
from desktop.revisions.orphans_view import OrphansView
from desktop.revisions.versions_dialog import VersionsDialog
from desktop.workers import Job

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from desktop.main_window.window import MainWindow

PLACE_KEYS = "Ctrl+Shift+P"


@dataclass
class RevisionsUi:
    window: MainWindow
    ctx: AppContext
    replace_action: QAction
    versions_action: QAction
    place_action: QAction
    orphans_view: OrphansView
    orphans_dock: QDockWidget
    jobs: list[Job] = field(default_factory=list)
    versions_dialog: VersionsDialog | None = None

    def replace_current(self) -> Job | None:
        """Ask for the revised file of the open article and replace its text with it."""
        aid = self.window.reader.article_id
        if aid is None:
            self.ctx.dialogs.error(revision_ops.TITLE, "Open the article whose text to replace.")
            return None
        title = self.window.reader.article_title or "the article"
        path = self.ctx.dialogs.open_file(
            f"Revised text of “{title}”", revision_ops.article_filters()
        )
        if not path:
            return None
        job = revision_ops.start_replace(self.ctx, aid, Path(path), self.window)
        self.jobs.append(job)
        job.finished.connect(lambda _r: self._forget(job))
        job.failed.connect(lambda _e: self._forget(job))
        return job

    def _forget(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)

    def show_versions(self) -> VersionsDialog | None:
        aid = self.window.reader.article_id
        if aid is None:
            self.ctx.dialogs.error("Earlier versions", "Open the article to see its versions.")
            return None
        try:
            found = revision_ops.revisions(self.ctx, aid)
            title = article_ops.get_article(self.ctx, aid).title
        except ClaimDeskError as exc:
            self.ctx.report_error(exc, "Earlier versions")
            return None
        ctx = self.ctx
        dialog = VersionsDialog(
            title, found, lambda number: revision_ops.revision_text(ctx, aid, number), self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _o=None: setattr(self, "versions_dialog", None))
        self.versions_dialog = dialog
        dialog.open()
        return dialog

    def place_here(self) -> bool:
        """Anchor the orphan chosen in the Orphans tab at the reader's selection."""
        title = "Place orphaned claim"
        orphan = self.orphans_view.chosen
        if orphan is None:
            self.show_orphans()
            self.ctx.dialogs.error(
                title, "Choose the orphaned claim to place in the Orphans tab first."
            )
            return False
        reader = self.window.reader
        if reader.article_id != orphan.article_id:
            self.ctx.dialogs.error(
                title,
                f"This claim belongs to “{orphan.article_title}”: open that article "
                "(Enter in the Orphans tab) and select its words there.",
            )
            return False
        span = reader.selected_span()  # code points, converted from the reader's UTF-16
        if span is None:
            self.ctx.dialogs.error(title, "Select the words where the claim belongs first.")
            return False
        if not reader.textCursor().selectedText().strip():
            self.ctx.dialogs.error(title, "The selection holds only spaces.")
            return False
        return revision_ops.place_orphan(self.ctx, orphan.id, span[0], span[1])

    def show_orphans(self) -> None:
        self.orphans_dock.show()
        self.orphans_dock.raise_()
        self.orphans_view.set_shown(True)  # in front now, whatever the window's state
        self.orphans_view.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_orphan(self, article_id: str, claim_id: str) -> None:
        """Open the orphan's article with the words most like its quote selected."""
        reader = self.window.reader
        if not self.window.open_article(article_id):
            return
        reader.setFocus(Qt.FocusReason.OtherFocusReason)
        try:
            place = revision_ops.likely_place(self.ctx, claim_id)
        except ClaimDeskError as exc:
            self.ctx.report_error(exc, "Place orphaned claim")
            return
        if place is None:
            self.window.statusBar().showMessage(
                f"Nothing like the claim's words is left; select where it belongs "
                f"and press {PLACE_KEYS}.",
                8000,
            )
            return
        reader.select_text(*place)
        self.window.statusBar().showMessage(
            f"The words most like the claim's are selected: press {PLACE_KEYS} to place it "
            "there, or select others.",
            8000,
        )


def _action(window: MainWindow, text: str, name: str, tip: str, keys: str = "") -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if keys:
        action.setShortcut(QKeySequence(keys))
        tip = f"{tip} ({keys})"
    action.setToolTip(tip)
    action.setStatusTip(tip)
    window.addAction(action)
    return action


def install_revisions_ui(window: MainWindow, ctx: AppContext) -> RevisionsUi:
    replace = _action(
        window,
        "Re&place Article Text…",
        "actionReplaceArticleText",
        "Give the open article a revised file's text; its claims are placed again",
    )
    versions = _action(
        window,
        "Earlier &Versions of Article…",
        "actionArticleVersions",
        "Read the texts the open article had before it was replaced",
    )
    place = _action(
        window,
        "Place &Orphan Here",
        "actionPlaceOrphan",
        "Anchor the orphan chosen in the Orphans tab at the selected words",
        PLACE_KEYS,
    )
    place.setIcon(icon("claim"))
    view = OrphansView(ctx)
    dock = window.add_dock(view, "Orphans", Qt.DockWidgetArea.BottomDockWidgetArea)
    window.tabifyDockWidget(window.docks["Claims"], dock)
    window.docks["Claims"].raise_()
    dock.visibilityChanged.connect(view.set_shown)
    ui = RevisionsUi(window, ctx, replace, versions, place, view, dock)
    replace.triggered.connect(ui.replace_current)
    versions.triggered.connect(ui.show_versions)
    place.triggered.connect(ui.place_here)
    view.openRequested.connect(ui.open_orphan)
    file_menu = window.menu("File")
    before = window.action(ActionId.DELETE_ARTICLE)
    file_menu.insertActions(before, [replace, versions])
    file_menu.insertSeparator(before)
    claim_menu = window.menu("Claim")
    claim_menu.addSeparator()
    claim_menu.addAction(place)
    window.reader.addAction(place)
    return ui
