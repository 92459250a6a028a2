"""Discussion threads of the selected claim: comment, reply, resolve and reopen."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import comments as comment_ops
from db.comments import CommentInfo
from desktop.context import AppContext
from desktop.review.common import as_uuid, attempt, local_time

IdRole = Qt.ItemDataRole.UserRole
ResolvedRole = Qt.ItemDataRole.UserRole + 1


class DiscussionPanel(QWidget):
    """Threads on the selected claim (objectName ``discussionPanel``).

    Comments are a record of the discussion, so they are not undone; a thread
    is resolved or reopened instead.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("discussionPanel")
        self.claim_id: uuid.UUID | None = None
        self.threads: list[CommentInfo] = []
        self.title = QLabel("Select a claim to discuss it.", self)
        self.title.setObjectName("discussionTitle")
        self.title.setWordWrap(True)
        self.show_resolved = QCheckBox("Show resolved", self)
        self.show_resolved.setChecked(True)
        self.show_resolved.toggled.connect(self.refresh)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("discussionTree")
        self.tree.setHeaderLabels(["Comment", "Who", "When"])
        self.tree.setWordWrap(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("commentEditor")
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
        ctx.reviewChanged.connect(self.refresh)
        ctx.workspaceChanged.connect(lambda: self.show_claim(""))
        self._update_buttons()

    def show_claim(self, claim_id: str | uuid.UUID | None) -> None:
        new = as_uuid(claim_id)
        if new != self.claim_id:
            self.editor.clear()
        self.claim_id = new
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        if self.claim_id is None:
            self.threads = []
            self.title.setText("Select a claim to discuss it.")
            self._update_buttons()
            return
        claim_id = self.claim_id
        threads = attempt(
            self.ctx, lambda: comment_ops.threads_of(self.ctx.ws, claim_id), quiet_not_found=True
        )
        self.threads = threads or []
        open_count = sum(1 for t in self.threads if not t.resolved)
        if self.threads:
            self.title.setText(f"{open_count} open, {len(self.threads) - open_count} resolved")
        else:
            self.title.setText("No comments yet: write one below, then press New thread.")
        grey = QBrush(QColor("#6b7280"))
        for thread in self.threads:
            if thread.resolved and not self.show_resolved.isChecked():
                continue
            item = self._item(thread, thread.resolved)
            if thread.resolved:
                for col in range(3):
                    item.setForeground(col, grey)
                item.setText(0, "✓ " + item.text(0))
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self._update_buttons()

    def _item(self, c: CommentInfo, resolved: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem([c.body, c.author_name or "—", local_time(c.created_at)])
        item.setToolTip(0, c.body)
        item.setData(0, IdRole, str(c.id))
        item.setData(0, ResolvedRole, resolved)
        for reply in c.replies:
            item.addChild(self._item(reply, resolved))
        return item

    def selected_comment_id(self) -> uuid.UUID | None:
        items = self.tree.selectedItems()
        return as_uuid(items[0].data(0, IdRole)) if items else None

    def select_comment(self, comment_id: uuid.UUID | str) -> bool:
        found = self.tree.findItems("", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)
        for item in found:
            if item.data(0, IdRole) == str(comment_id):
                self.tree.setCurrentItem(item)
                return True
        return False

    def _update_buttons(self) -> None:
        has_claim = self.claim_id is not None
        has_text = bool(self.editor.toPlainText().strip())
        selected = self.tree.selectedItems()
        self.editor.setEnabled(has_claim)
        self.comment_button.setEnabled(has_claim and has_text)
        self.reply_button.setEnabled(has_claim and has_text and bool(selected))
        self.resolve_button.setEnabled(bool(selected))
        resolved = bool(selected) and bool(selected[0].data(0, ResolvedRole))
        self.resolve_button.setText("Reopen" if resolved else "Resolve")

    def _changed(self) -> None:
        self.editor.clear()
        self.ctx.reviewChanged.emit()

    def add_thread(self) -> None:
        text = self.editor.toPlainText()
        if self.claim_id is None:
            return
        claim_id = self.claim_id
        if attempt(self.ctx, lambda: comment_ops.add_comment(self.ctx.ws, claim_id, text)):
            self._changed()

    def reply_selected(self) -> None:
        parent = self.selected_comment_id()
        text = self.editor.toPlainText()
        if parent is None:
            return
        if attempt(self.ctx, lambda: comment_ops.reply(self.ctx.ws, parent, text)):
            self._changed()

    def toggle_resolved(self) -> None:
        items = self.tree.selectedItems()
        if not items:
            return
        comment_id = items[0].data(0, IdRole)
        op = (
            comment_ops.reopen_thread
            if items[0].data(0, ResolvedRole)
            else comment_ops.resolve_thread
        )
        if attempt(self.ctx, lambda: op(self.ctx.ws, comment_id)):
            self.ctx.reviewChanged.emit()
