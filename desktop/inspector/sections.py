"""The inspector's evidence and links sections."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db import evidence as evidence_ops
from db import links as link_ops
from db.errors import ClaimDeskError
from db.evidence import EvidenceInfo
from db.links import LinkView
from db.models import Relation, Stance
from desktop.commands import AddLinkCommand, RemoveLinkCommand
from desktop.context import AppContext
from desktop.inspector.commands import AddEvidenceCommand, RemoveEvidenceCommand
from desktop.inspector.link_dialog import LinkClaimDialog

DataRole = Qt.ItemDataRole.UserRole + 1
STANCE_MARK = {Stance.SUPPORTS: "✔ supports", Stance.REFUTES: "✘ refutes"}


class _KeyList(QListWidget):
    """A list that reports Enter and Delete presses."""

    def __init__(
        self, parent: QWidget, on_enter: Callable[[], None], on_delete: Callable[[], None]
    ):
        super().__init__(parent)
        self._on_enter = on_enter
        self._on_delete = on_delete
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._on_delete()
            return
        super().keyPressEvent(event)


def _shorten(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class EvidenceSection(QWidget):
    """Evidence of the shown claim: list, a URL-or-note field, stance, add/remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.claim_id: uuid.UUID | None = None
        self.list = _KeyList(self, self.open_current, self.remove_selected)
        self.list.setObjectName("evidenceList")
        self.list.itemDoubleClicked.connect(lambda _item: self.open_current())
        self.list.setMaximumHeight(96)
        self.list.setUniformItemSizes(True)
        self.input = QLineEdit(self)
        self.input.setObjectName("evidenceInput")
        self.input.setPlaceholderText("https://… or a note (a URL may be followed by a note)")
        self.input.returnPressed.connect(self.add_from_input)
        self.stance = QComboBox(self)
        self.stance.setObjectName("evidenceStance")
        for stance in Stance:
            self.stance.addItem(STANCE_MARK[stance], stance.value)
        self.stance.setToolTip("Does this evidence support or refute the claim?")
        self.add_button = QPushButton("&Add", self)
        self.add_button.setObjectName("addEvidenceButton")
        self.add_button.setToolTip("Attach the URL or note as evidence")
        self.add_button.clicked.connect(self.add_from_input)
        self.remove_button = QPushButton("Re&move", self)
        self.remove_button.setObjectName("removeEvidenceButton")
        self.remove_button.setToolTip("Remove the selected evidence (Delete)")
        self.remove_button.clicked.connect(self.remove_selected)

        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.stance)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def set_claim(self, claim_id: uuid.UUID | None) -> None:
        self.claim_id = claim_id
        self.input.clear()
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        if self.claim_id is None:
            return
        try:
            items = evidence_ops.list_evidence(self.ctx.ws, self.claim_id)
        except ClaimDeskError:
            items = []
        for info in items:
            item = QListWidgetItem(f"{STANCE_MARK[info.stance]}: {_shorten(info.label)}")
            item.setData(DataRole, info)
            item.setToolTip(f"{info.url}\n{info.note}".strip())
            self.list.addItem(item)

    def items(self) -> list[EvidenceInfo]:
        return [self.list.item(i).data(DataRole) for i in range(self.list.count())]

    def open_current(self) -> None:
        """Open the selected evidence URL in the web browser."""
        item = self.list.currentItem()
        if item is not None and item.data(DataRole).url:
            QDesktopServices.openUrl(QUrl(item.data(DataRole).url))

    def add_from_input(self) -> None:
        text = self.input.text().strip()
        if self.claim_id is None or not text:
            return
        url, note = "", text
        if text.lower().startswith(("http://", "https://")):
            url, _, note = text.partition(" ")
        if self.add(url, note.strip(), Stance(self.stance.currentData())):
            self.input.clear()

    def add(self, url: str, note: str, stance: Stance) -> bool:
        """Attach evidence to the shown claim (undoable); False when it was refused."""
        if self.claim_id is None:
            return False
        command = AddEvidenceCommand(self.ctx, self.claim_id, url, note, stance)
        self.ctx.undo_stack.push(command)
        return not command.failed

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.ctx.undo_stack.push(RemoveEvidenceCommand(self.ctx, item.data(DataRole)))


class LinksSection(QWidget):
    """Links of the shown claim, read both ways; Enter or double-click opens the other claim."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.claim_id: uuid.UUID | None = None
        self.list = _KeyList(self, self.open_current, self.remove_selected)
        self.list.setObjectName("linksList")
        self.list.setMaximumHeight(96)
        self.list.setUniformItemSizes(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_current())
        self.link_button = QPushButton("Link to…", self)
        self.link_button.setObjectName("linkButton")
        self.link_button.setToolTip("Link this claim to another one (supports, contradicts, …)")
        self.link_button.clicked.connect(self.open_link_dialog)
        self.remove_button = QPushButton("Unl&ink", self)
        self.remove_button.setObjectName("removeLinkButton")
        self.remove_button.setToolTip("Remove the selected link (Delete)")
        self.remove_button.clicked.connect(self.remove_selected)
        # Tests replace this to answer the dialog without showing it.
        self.dialog_factory: Callable[[str | None], LinkClaimDialog] = lambda exclude: (
            LinkClaimDialog(self.ctx.ws, exclude, self)
        )
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.link_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        ctx.linksChanged.connect(self._links_changed)

    def set_claim(self, claim_id: uuid.UUID | None) -> None:
        self.claim_id = claim_id
        self.reload()

    def _links_changed(self, ids: list[str]) -> None:
        if self.claim_id is not None and (not ids or str(self.claim_id) in ids):
            self.reload()

    def reload(self) -> None:
        self.list.clear()
        if self.claim_id is None:
            return
        try:
            views = link_ops.links_of_claim(self.ctx.ws, self.claim_id)
        except ClaimDeskError:
            views = []
        for view in sorted(views, key=lambda v: (v.label, v.other_article_title)):
            text = f"{view.label} · “{_shorten(view.other_quote, 80)}” — {view.other_article_title}"
            item = QListWidgetItem(text)
            item.setData(DataRole, view)
            item.setToolTip(f"This claim {view.label}:\n{view.other_quote}")
            self.list.addItem(item)

    def views(self) -> list[LinkView]:
        return [self.list.item(i).data(DataRole) for i in range(self.list.count())]

    def open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.ctx.openClaimRequested.emit(str(item.data(DataRole).other_id))

    def link_to(self, other_id: uuid.UUID | str, relation: Relation | str) -> bool:
        """Link the shown claim to *other_id* (undoable); False when refused."""
        if self.claim_id is None:
            return False
        other = other_id if isinstance(other_id, uuid.UUID) else uuid.UUID(str(other_id))
        command = AddLinkCommand(self.ctx, self.claim_id, other, str(Relation(relation)))
        self.ctx.undo_stack.push(command)
        return not command.failed

    def open_link_dialog(self) -> None:
        if self.claim_id is None:
            return
        dialog = self.dialog_factory(str(self.claim_id))
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            choice = dialog.choice()
        finally:
            dialog.deleteLater()
        if choice is not None:
            self.link_to(*choice)

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.ctx.undo_stack.push(RemoveLinkCommand(self.ctx, item.data(DataRole).link))
