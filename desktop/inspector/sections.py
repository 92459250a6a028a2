"""The inspector's evidence and links sections."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
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

from db.errors import ClaimDeskError
from db.evidence import EvidenceInfo
from db.links import LinkView
from db.models import Relation, Stance
from desktop.context import AppContext
from desktop.inspector.link_dialog import LinkClaimDialog
from desktop.operations import evidence as evidence_ops
from desktop.operations import links as link_ops

DataRole = Qt.ItemDataRole.UserRole + 1
STANCE_MARK = {Stance.SUPPORTS: "✔ supports", Stance.REFUTES: "✘ refutes"}


class _KeyList(QListWidget):
    """A short list that reports Enter (and double-click) and Delete presses."""

    def __init__(
        self, parent: QWidget, on_enter: Callable[[], None], on_delete: Callable[[], None]
    ):
        super().__init__(parent)
        self._on_enter = on_enter
        self._on_delete = on_delete
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        self.setMaximumHeight(96)
        self.setUniformItemSizes(True)
        self.itemDoubleClicked.connect(lambda _item: on_enter())

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


class ClaimListSection(QWidget):
    """A list of what the shown claim has, with a row (:attr:`row`) for buttons below it;
    subclasses give the rows (:meth:`_rows`) and ``open_current``/``remove_selected``."""

    reloaded = Signal()  # the rows were read again

    def __init__(
        self, ctx: AppContext, list_name: str, parent: QWidget | None, spoken: str = ""
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.claim_id: uuid.UUID | None = None
        self.list = _KeyList(self, self.open_current, self.remove_selected)
        self.list.setObjectName(list_name)
        self.list.setAccessibleName(spoken or list_name)
        self.row = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(self.row)

    def set_claim(self, claim_id: uuid.UUID | None, *, empty: bool = False) -> None:
        """Show the rows of *claim_id*; *empty* when it is known to have none (nothing is read)."""
        self.claim_id = claim_id
        if empty:
            self._clear()
            self.reloaded.emit()
        else:
            self.reload()

    def _clear(self) -> None:
        """Empty the list; one already empty is left alone (clearing resets its model,
        and the view lays out and repaints again in a later pass of the event loop)."""
        if self.list.count():
            self.list.clear()

    def reload(self) -> None:
        if self.claim_id is None:
            self._clear()
            return
        try:
            rows = self._rows(self.claim_id)
        except ClaimDeskError:
            rows = []
        self._clear()
        for data, text, tip in rows:
            item = QListWidgetItem(text)
            item.setData(DataRole, data)
            item.setToolTip(tip)
            self.list.addItem(item)
        self.reloaded.emit()

    def _rows(self, claim_id: uuid.UUID) -> list[tuple[Any, str, str]]:
        """(data, text, tooltip) of each row, in order."""
        raise NotImplementedError

    def _data(self) -> list[Any]:
        return [self.list.item(i).data(DataRole) for i in range(self.list.count())]

    def _current(self) -> Any:
        item = self.list.currentItem()
        return None if item is None else item.data(DataRole)


class EvidenceSection(ClaimListSection):
    """Evidence of the shown claim: list, a URL-or-note field, stance, add/remove."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "evidenceList", parent, "Evidence")
        self.input = QLineEdit(self)
        self.input.setObjectName("evidenceInput")
        self.input.setAccessibleName("New evidence: link or note")
        self.input.setPlaceholderText("https://… or a note")
        self.input.setToolTip(
            "A URL, a note, or a URL followed by a note; Return or Add attaches it"
        )
        self.input.returnPressed.connect(self.add_from_input)
        self.stance = QComboBox(self)
        self.stance.setObjectName("evidenceStance")
        self.stance.setAccessibleName("Stance of the new evidence")
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
        # The URL gets a line of its own: beside the buttons it was too narrow to read.
        self.layout().insertWidget(1, self.input)
        self.row.addWidget(self.stance, 1)
        self.row.addWidget(self.add_button)
        self.row.addWidget(self.remove_button)

    def set_claim(self, claim_id: uuid.UUID | None, *, empty: bool = False) -> None:
        self.input.clear()
        super().set_claim(claim_id, empty=empty)

    def _rows(self, claim_id: uuid.UUID) -> list[tuple[Any, str, str]]:
        return [
            (
                info,
                f"{STANCE_MARK[info.stance]}: {_shorten(info.label)}",
                f"{info.url}\n{info.note}".strip(),
            )
            for info in evidence_ops.list_evidence(self.ctx, claim_id)
        ]

    def items(self) -> list[EvidenceInfo]:
        return self._data()

    def open_current(self) -> None:
        """Open the selected evidence URL in the web browser."""
        info = self._current()
        if info is not None and info.url:
            QDesktopServices.openUrl(QUrl(info.url))

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
        return evidence_ops.add_evidence(self.ctx, self.claim_id, url, note, stance)

    def remove_selected(self) -> None:
        info = self._current()
        if info is not None:
            evidence_ops.remove_evidence(self.ctx, info)


class LinksSection(ClaimListSection):
    """Links of the shown claim, read both ways; Enter or double-click opens the other claim."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "linksList", parent, "Links to other claims")
        self.link_button = QPushButton("Link to…", self)
        self.link_button.setObjectName("linkButton")
        self.link_button.setToolTip("Link this claim to another one (supports, contradicts, …)")
        self.link_button.clicked.connect(self.open_link_dialog)
        # No mnemonic: the Links label has the "i"; Delete in the list unlinks too.
        self.remove_button = QPushButton("Unlink", self)
        self.remove_button.setObjectName("removeLinkButton")
        self.remove_button.setToolTip("Remove the selected link (Delete)")
        self.remove_button.clicked.connect(self.remove_selected)
        # Tests replace this to answer the dialog without showing it.
        self.dialog_factory: Callable[[str | None], LinkClaimDialog] = lambda exclude: (
            LinkClaimDialog(self.ctx, exclude, self)
        )
        self.row.addStretch(1)
        self.row.addWidget(self.link_button)
        self.row.addWidget(self.remove_button)

    def _rows(self, claim_id: uuid.UUID) -> list[tuple[Any, str, str]]:
        views = link_ops.links_of_claim(self.ctx, claim_id)
        return [
            (
                view,
                f"{view.label} · {view.other_status.label} · “{_shorten(view.other_quote, 80)}”"
                f" — {view.other_article_title}",
                f"This claim {view.label} a claim that is {view.other_status.label.lower()}:\n"
                f"{view.other_quote}",
            )
            for view in sorted(views, key=lambda v: (v.label, v.other_article_title))
        ]

    def views(self) -> list[LinkView]:
        return self._data()

    def superseded_by(self) -> list[LinkView]:
        """The links by which newer claims update the shown one."""
        return [v for v in self.views() if v.link.relation is Relation.UPDATES and not v.outgoing]

    def open_current(self) -> None:
        view = self._current()
        if view is not None:
            self.ctx.openClaimRequested.emit(str(view.other_id))

    def link_to(self, other_id: uuid.UUID | str, relation: Relation | str) -> bool:
        """Link the shown claim to *other_id* (undoable); False when refused."""
        if self.claim_id is None:
            return False
        other = other_id if isinstance(other_id, uuid.UUID) else uuid.UUID(str(other_id))
        return link_ops.add_link(self.ctx, self.claim_id, other, relation)

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
        view = self._current()
        if view is not None:
            link_ops.remove_link(self.ctx, view)
