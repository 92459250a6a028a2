"""Discussion threads of the selected claim: comment, reply, resolve and reopen."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity, Op
from desktop.accessibility import tab_leaves
from desktop.context import AppContext
from desktop.models.discussion_model import (
    COL_BODY,
    COL_WHEN,
    COL_WHO,
    CommentIdRole,
    DiscussionModel,
    ResolvedRole,
)
from desktop.operations import comments as comment_ops
from desktop.operations.comments import CommentInfo
from desktop.review.common import (
    as_uuid,
    attempt,
    bare_claims,
    follow_changes,
    hidden_in_window,
    when_shown,
)


class DiscussionPanel(QWidget):
    """Threads on the selected claim (objectName ``discussionPanel``).

    Every edit (new thread, reply, resolve, reopen) is an undoable command; a
    change record naming a comment of the shown claim re-reads that claim's
    threads and replaces only the threads that differ.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("discussionPanel")
        self.stale = False  # hidden behind another tab when something changed
        self._bare: set[str] = set()  # claims the last change record created bare
        self.claim_id: uuid.UUID | None = None
        self.title = QLabel("Select a claim to discuss it.", self)
        self.title.setObjectName("discussionTitle")
        self.title.setWordWrap(True)
        self.show_resolved = QCheckBox("Show resolved", self)
        self.show_resolved.setChecked(True)
        self.show_resolved.toggled.connect(self.refresh)
        self.model = DiscussionModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("discussionTree")
        self.tree.setAccessibleName("Discussion threads")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        header = self.tree.header()
        # The comment takes the room the analyst and the time leave (they fit their
        # text); a comment longer than its line is whole in its tooltip.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_BODY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_WHO, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WHEN, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._expand_inserted)
        self.editor = QPlainTextEdit(self)
        tab_leaves(self.editor)
        self.editor.setObjectName("commentEditor")
        self.editor.setAccessibleName("Comment")
        self.editor.setPlaceholderText("Write a comment or a reply…")
        self.editor.setMaximumHeight(90)
        self.editor.textChanged.connect(self._update_buttons)
        self.comment_button = QPushButton("New thread", self)
        self.comment_button.setObjectName("newThread")
        self.reply_button = QPushButton("Reply", self)
        self.reply_button.setObjectName("replyComment")
        self.resolve_button = QPushButton("Resolve", self)
        self.resolve_button.setObjectName("resolveThread")
        self.comment_button.clicked.connect(self.add_thread)
        self.reply_button.clicked.connect(self.reply_selected)
        self.resolve_button.clicked.connect(self.toggle_resolved)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.show_resolved)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.comment_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.editor)
        layout.addLayout(buttons)
        ctx.claimSelected.connect(self.show_claim)
        ctx.openClaimRequested.connect(self.show_claim)
        ctx.workspaceChanged.connect(lambda: self.show_claim(""))
        follow_changes(ctx, self._on_changes, self)
        self._update_buttons()

    def _on_changes(self, changes: Changes) -> None:
        self._bare = bare_claims(changes)
        if self.stale:
            return  # read whole when shown
        if changes.everything:
            if self.claim_id is not None:
                self.refresh()
            return
        if self.claim_id is None:
            return
        mine = str(self.claim_id)
        named = {c.parent for c in changes.of(Entity.COMMENT)}
        if mine in named or (None in named and changes.remote):
            self.refresh()
        elif mine in changes.ids(Entity.CLAIM, Op.DELETED):
            self.refresh()

    def _expand_inserted(self, parent, first: int, last: int) -> None:  # type: ignore[no-untyped-def]
        for row in range(first, last + 1):
            self.tree.expandRecursively(self.model.index(row, 0, parent))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            when_shown(self, self._catch_up)

    def _catch_up(self) -> None:
        if self.stale:
            self.refresh()

    def show_claim(self, claim_id: str | uuid.UUID | None) -> None:
        new = as_uuid(claim_id)
        if new != self.claim_id:
            self.editor.clear()
            self.model.clear()
        self.claim_id = new
        self.refresh()

    def refresh(self) -> None:
        """Read the shown claim's threads; only threads that changed are redrawn."""
        if hidden_in_window(self):
            self.stale = True  # read when shown
            return
        self.stale = False
        if self.claim_id is None:
            self.model.clear()
            self.title.setText("Select a claim to discuss it.")
            self._update_buttons()
            return
        claim_id = self.claim_id
        threads = (
            attempt(
                self.ctx, lambda: comment_ops.threads_of(self.ctx, claim_id), quiet_not_found=True
            )
            if str(claim_id) not in self._bare  # a claim just created has no comments
            else []
        )
        all_threads = threads or []
        open_count = sum(1 for t in all_threads if not t.resolved)
        if all_threads:
            self.title.setText(f"{open_count} open, {len(all_threads) - open_count} resolved")
        else:
            self.title.setText("No comments yet: write one below, then press New thread.")
        shown = [t for t in all_threads if self.show_resolved.isChecked() or not t.resolved]
        self.model.set_threads(shown)
        self._update_buttons()

    @property
    def threads(self) -> list[CommentInfo]:
        return self.model.threads

    def selected_comment_id(self) -> uuid.UUID | None:
        rows = self.tree.selectionModel().selectedRows()
        return as_uuid(rows[0].data(CommentIdRole)) if rows else None

    def select_comment(self, comment_id: uuid.UUID | str) -> bool:
        index = self.model.index_of(str(comment_id))
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _update_buttons(self) -> None:
        has_claim = self.claim_id is not None
        has_text = bool(self.editor.toPlainText().strip())
        rows = self.tree.selectionModel().selectedRows()
        self.editor.setEnabled(has_claim)
        self.comment_button.setEnabled(has_claim and has_text)
        self.reply_button.setEnabled(has_claim and has_text and bool(rows))
        self.resolve_button.setEnabled(bool(rows))
        resolved = bool(rows) and bool(rows[0].data(ResolvedRole))
        self.resolve_button.setText("Reopen" if resolved else "Resolve")

    def add_thread(self) -> None:
        """Start a thread with the editor's text (undoable)."""
        if self.claim_id is None:
            return
        if comment_ops.add_comment(self.ctx, self.claim_id, self.editor.toPlainText()):
            self.editor.clear()

    def reply_selected(self) -> None:
        """Answer the selected comment with the editor's text (undoable)."""
        parent = self.selected_comment_id()
        if parent is None or self.claim_id is None:
            return
        if comment_ops.reply(self.ctx, self.claim_id, parent, self.editor.toPlainText()):
            self.editor.clear()

    def toggle_resolved(self) -> None:
        """Resolve the selected comment's thread, or reopen it (undoable)."""
        rows = self.tree.selectionModel().selectedRows()
        comment_id = self.selected_comment_id()
        if not rows or comment_id is None or self.claim_id is None:
            return
        resolved = bool(rows[0].data(ResolvedRole))
        comment_ops.set_resolved(self.ctx, self.claim_id, comment_id, not resolved)
