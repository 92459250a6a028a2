"""Filter bar above the claims table: status, source, tag, article and free text.

The source, tag and article choices are list models read in the background
(two light columns each, never an article's text); a workspace with 10,000
articles costs the GUI thread one model swap, and the source and article boxes
complete what is typed from anywhere in the name.  The lists are read again
only when sources, articles or tags change, never on an ordinary claim edit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from db.claim_criteria import ClaimFilter
from db.enums import Status
from db.workspace import Workspace
from desktop.models.claims_model import alive_flag
from desktop.operations import claims_table as ops
from desktop.palette import status_icon
from desktop.workers import run_job

TEXT_DELAY_MS = 200  # typing pauses this long before the table is queried
Choices = list[tuple[str, str]]


class ChoiceModel(QAbstractListModel):
    """``everything`` first (data None), then (label, data) pairs."""

    def __init__(self, everything: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.everything = everything
        self.items: Choices = []

    def set_items(self, items: Choices) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items) + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        row = index.row()
        if not 0 <= row <= len(self.items):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.everything if row == 0 else self.items[row - 1][0]
        if role == Qt.ItemDataRole.UserRole:
            return None if row == 0 else self.items[row - 1][1]
        if role == Qt.ItemDataRole.ToolTipRole and row:
            return self.items[row - 1][0]
        return None

    def find(self, data: str | None) -> int:
        if data is None:
            return 0
        for row, (_label, value) in enumerate(self.items, start=1):
            if value == data:
                return row
        return -1


class ChoiceCombo(QComboBox):
    """A combo box over a :class:`ChoiceModel` filled by *reader* in the background."""

    def __init__(
        self,
        name: str,
        everything: str,
        reader: Callable[[Workspace], Choices],
        parent: QWidget | None = None,
        *,
        searchable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.reader = reader
        self.choices = ChoiceModel(everything, self)
        self.setModel(self.choices)
        # Sized by a typical name, never by measuring every item.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)  # narrow enough for a small screen at 2×
        self.setMaxVisibleItems(20)
        self.loaded = False  # some choices were read
        self.fresh = False  # the choices read (or being read) are current
        self.used = False  # the analyst opened the box: keep its choices current
        self.ws: Workspace | None = None
        self._reading = 0
        self._alive = alive_flag(self)
        if searchable:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = QCompleter(self.choices, self)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.setCompleter(completer)
            line = self.lineEdit()
            line.setPlaceholderText(everything)
            line.editingFinished.connect(self._typed)

    def _typed(self) -> None:
        """Text that names no choice goes back to the current choice."""
        text = self.currentText()
        if text != self.itemText(self.currentIndex()):
            pos = self.findText(text, Qt.MatchFlag.MatchFixedString)
            if pos >= 0:
                self.setCurrentIndex(pos)
            else:
                self.setEditText(self.itemText(self.currentIndex()))

    def reload(self, ws: Workspace) -> None:
        """The choices may have changed: read them again if they were ever shown.

        Choices nobody opened yet are read when the box is first opened or
        focused (``ensure_loaded``), never at start-up.
        """
        if ws is not self.ws:  # another workspace: its choices, not the old ones
            self.ws = ws
            self._reading += 1
            with QSignalBlocker(self):
                self.choices.set_items([])
                self.setCurrentIndex(0)
            self.loaded = False
        self.fresh = False
        if self.used:
            self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """Read the choices in the background unless they are current."""
        self.used = True
        if self.fresh or self.ws is None:
            return
        self.fresh = True
        self._reading += 1
        number = self._reading
        ws = self.ws
        run_job(
            "Reading filter choices",
            lambda _p: self.reader(ws),
            show_progress=False,
            on_done=lambda items: self._read(number, items) if self._alive[0] else None,
        )

    def showPopup(self) -> None:
        self.ensure_loaded()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ensure_loaded()
        super().focusInEvent(event)

    def reload_now(self, ws: Workspace) -> None:
        self.ws = ws
        self.fresh = True
        self._reading += 1
        self._read(self._reading, self.reader(ws))

    def _read(self, number: int, items: Choices) -> None:
        if number != self._reading:
            return  # a newer read is on its way
        current = self.currentData()
        with QSignalBlocker(self):
            self.choices.set_items(items)
            pos = self.choices.find(current)
            self.setCurrentIndex(max(pos, 0))
        self.loaded = True
        if pos < 0:  # the chosen source or article is gone: show everything
            self.currentIndexChanged.emit(0)

    def select(self, data: str | None, ws: Workspace | None = None) -> bool:
        pos = self.choices.find(data)
        if pos < 0 and ws is not None:
            self.reload_now(ws)
            pos = self.choices.find(data)
        self.setCurrentIndex(max(pos, 0))
        return pos >= 0


def _tags(ws: Workspace) -> Choices:
    return [(t, t) for t in ops.tag_choices(ws)]


class ClaimFilterBar(QWidget):
    """Emits ``filterChanged(ClaimFilter)`` whenever the analyst changes a criterion."""

    filterChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimFilterBar")
        self.ws: Workspace | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

        # A push button leaves room for its menu arrow; a tool button drew it over the text.
        self.status_button = QPushButton("Status: all", self)
        self.status_button.setObjectName("statusFilterButton")
        self.status_button.setToolTip("Show only claims with the ticked statuses")
        menu = QMenu(self.status_button)
        self.status_actions: dict[Status, QAction] = {}
        for status in Status:
            action = QAction(status_icon(status), status.label, menu)
            action.setCheckable(True)
            action.toggled.connect(self._status_toggled)
            menu.addAction(action)
            self.status_actions[status] = action
        menu.addSeparator()
        self.contested_action = QAction("Contested only", menu)
        self.contested_action.setObjectName("contestedOnlyFilter")
        self.contested_action.setToolTip("Only decided claims a contradiction put back in review")
        self.hide_superseded_action = QAction("Hide superseded", menu)
        self.hide_superseded_action.setObjectName("hideSupersededFilter")
        self.hide_superseded_action.setToolTip("Leave out claims that a newer claim updates")
        for action in (self.contested_action, self.hide_superseded_action):
            action.setCheckable(True)
            action.toggled.connect(self._status_toggled)
            menu.addAction(action)
        self.status_button.setMenu(menu)

        self.source_combo = self._combo(
            "sourceFilter", "All sources", ops.source_choices, searchable=True
        )
        self.tag_combo = self._combo("tagFilter", "All tags", _tags)
        self.article_combo = self._combo(
            "articleFilter", "All articles", ops.article_choices, searchable=True
        )
        self.article_combo.setMaximumWidth(260)
        # Announced by purpose, not only by the value shown.
        self.source_combo.setAccessibleName("Source filter")
        self.tag_combo.setAccessibleName("Tag filter")
        self.article_combo.setAccessibleName("Article filter")
        self.source_combo.setToolTip("Show only the claims of one source (type to find it)")
        self.article_combo.setToolTip("Show only the claims of one article (type to find it)")

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("claimFilterEdit")
        self.filter_edit.setPlaceholderText("Search quote, statement, notes, source…")
        self.filter_edit.setClearButtonEnabled(True)
        search_label = QLabel("Filter:", self)
        search_label.setToolTip("Filter the claims by their words (Ctrl+Shift+L)")
        search_label.setBuddy(self.filter_edit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.filter_edit.textChanged.connect(lambda _t: self._timer.start())
        self.filter_edit.returnPressed.connect(self.apply_now)

        for widget in (self.status_button, self.source_combo, self.tag_combo, self.article_combo):
            layout.addWidget(widget)
        layout.addWidget(search_label)
        layout.addWidget(self.filter_edit, 1)

    def _combo(
        self,
        name: str,
        everything: str,
        reader: Callable[[Workspace], Choices],
        *,
        searchable: bool = False,
    ) -> ChoiceCombo:
        combo = ChoiceCombo(name, everything, reader, self, searchable=searchable)
        combo.currentIndexChanged.connect(lambda _i: self._emit())
        return combo

    # ------------------------------------------------------------ choices

    def reload_choices(self, ws: Workspace) -> None:
        """The source, tag and article lists may have changed (read when next shown)."""
        self.ws = ws
        for combo in (self.source_combo, self.tag_combo, self.article_combo):
            combo.reload(ws)

    def reload_sources(self, ws: Workspace) -> None:
        self.ws = ws
        self.source_combo.reload(ws)

    def reload_tags(self, ws: Workspace) -> None:
        self.ws = ws
        self.tag_combo.reload(ws)

    def reload_articles(self, ws: Workspace) -> None:
        self.ws = ws
        self.article_combo.reload(ws)

    @property
    def choices_loaded(self) -> bool:
        return all(c.loaded for c in (self.source_combo, self.tag_combo, self.article_combo))

    def _status_toggled(self, _checked: bool) -> None:
        chosen = [s.label for s, a in self.status_actions.items() if a.isChecked()]
        if self.contested_action.isChecked():
            chosen.append("contested")
        if self.hide_superseded_action.isChecked():
            chosen.append("not superseded")
        self.status_button.setText("Status: " + (", ".join(chosen) if chosen else "all"))
        self._emit()

    # ------------------------------------------------------------ the filter

    def set_statuses(self, statuses: set[Status]) -> None:
        for status, action in self.status_actions.items():
            with QSignalBlocker(action):
                action.setChecked(status in statuses)
        self._status_toggled(True)

    def select_data(self, combo: QComboBox, data: str | None) -> None:
        if isinstance(combo, ChoiceCombo):
            combo.select(data, self.ws)
            return
        pos = combo.findData(data) if data is not None else 0
        combo.setCurrentIndex(max(pos, 0))

    def apply_filter(self, flt: ClaimFilter) -> list[str]:
        """Show *flt* in the bar and apply it once; what it names that is gone is listed
        (the bar then shows everything for that criterion)."""
        missing: list[str] = []
        self._timer.stop()
        widgets = [
            *self.status_actions.values(),
            self.contested_action,
            self.hide_superseded_action,
            self.source_combo,
            self.tag_combo,
            self.article_combo,
            self.filter_edit,
        ]
        blockers = [QSignalBlocker(w) for w in widgets]
        try:
            for status, action in self.status_actions.items():
                action.setChecked(status in flt.statuses)
            self.contested_action.setChecked(flt.contested_only)
            self.hide_superseded_action.setChecked(flt.hide_superseded)
            picks = (
                (self.source_combo, flt.source_ids, "source"),
                (self.tag_combo, flt.tags, "tag"),
                (self.article_combo, flt.article_ids, "article"),
            )
            for combo, values, noun in picks:
                wanted = str(sorted(values, key=str)[0]) if values else None
                if wanted is not None and self.ws is not None:
                    combo.reload_now(self.ws)  # the choices as they are now
                if not combo.select(wanted, self.ws) and wanted is not None:
                    missing.append(f"the {noun} it names no longer exists")
            self.filter_edit.setText(flt.text)
        finally:
            for blocker in blockers:
                blocker.unblock()
        self._status_toggled(True)  # updates the status button's text and applies it
        return missing

    def apply_now(self) -> None:
        self._timer.stop()
        self._emit()

    def current_filter(self) -> ClaimFilter:
        statuses = frozenset(s for s, a in self.status_actions.items() if a.isChecked())
        source = self.source_combo.currentData()
        tag = self.tag_combo.currentData()
        article = self.article_combo.currentData()
        return ClaimFilter(
            statuses=statuses,
            source_ids=frozenset({uuid.UUID(source)}) if source else frozenset(),
            tags=frozenset({tag}) if tag else frozenset(),
            article_ids=frozenset({uuid.UUID(article)}) if article else frozenset(),
            text=self.filter_edit.text().strip(),
            contested_only=self.contested_action.isChecked(),
            hide_superseded=self.hide_superseded_action.isChecked(),
        )

    def _emit(self) -> None:
        self.filterChanged.emit(self.current_filter())

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.filter_edit.text():
            self.filter_edit.clear()
            self.apply_now()
            return
        super().keyPressEvent(event)
