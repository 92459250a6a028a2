"""Filter bar above the claims table: status, source, tag, article and free text."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from db.articles import list_articles
from db.claims import ClaimFilter, all_tags
from db.models import Status
from db.sources import list_sources
from db.workspace import Workspace
from desktop.palette import status_icon

TEXT_DELAY_MS = 200  # typing pauses this long before the table is queried


class ClaimFilterBar(QWidget):
    """Emits ``filterChanged(ClaimFilter)`` whenever the analyst changes a criterion."""

    filterChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimFilterBar")
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
        self.status_button.setMenu(menu)

        self.source_combo = self._combo("sourceFilter", "All sources")
        self.tag_combo = self._combo("tagFilter", "All tags")
        self.article_combo = self._combo("articleFilter", "All articles")
        self.article_combo.setMaximumWidth(260)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("claimFilterEdit")
        self.filter_edit.setPlaceholderText("Search quote, statement, notes, source…")
        self.filter_edit.setClearButtonEnabled(True)
        search_label = QLabel("Find (Ctrl+F):", self)
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

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(lambda _i: self._emit())
        return combo

    # ------------------------------------------------------------ choices

    def reload_choices(self, ws: Workspace) -> None:
        """Refill the source, tag and article lists, keeping the current choices."""
        self.reload_sources(ws)
        self.reload_tags(ws)
        self.reload_articles(ws)

    def reload_sources(self, ws: Workspace) -> None:
        self._fill(self.source_combo, [(s.name, str(s.id)) for s in list_sources(ws)])

    def reload_tags(self, ws: Workspace) -> None:
        self._fill(self.tag_combo, [(t, t) for t in all_tags(ws)])

    def reload_articles(self, ws: Workspace) -> None:
        self._fill(
            self.article_combo, [(a.title or a.filename, str(a.id)) for a in list_articles(ws)]
        )

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        with QSignalBlocker(combo):
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            pos = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(pos, 0))

    def _status_toggled(self, _checked: bool) -> None:
        chosen = [s.label for s, a in self.status_actions.items() if a.isChecked()]
        self.status_button.setText("Status: " + (", ".join(chosen) if chosen else "all"))
        self._emit()

    # ------------------------------------------------------------ the filter

    def set_statuses(self, statuses: set[Status]) -> None:
        for status, action in self.status_actions.items():
            with QSignalBlocker(action):
                action.setChecked(status in statuses)
        self._status_toggled(True)

    def select_data(self, combo: QComboBox, data: str | None) -> None:
        pos = combo.findData(data) if data is not None else 0
        combo.setCurrentIndex(max(pos, 0))

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
        )

    def _emit(self) -> None:
        self.filterChanged.emit(self.current_filter())

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.filter_edit.text():
            self.filter_edit.clear()
            self.apply_now()
            return
        super().keyPressEvent(event)
