"""The review queue: claims in review or disputed, with filters, assignment and verdicts."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db import review as review_ops
from db.analysts import list_analysts
from db.articles import list_articles
from db.review import QueueItem
from db.sources import list_sources
from desktop.commands.claims import UpdateClaimCommand
from desktop.context import AppContext
from desktop.palette import status_icon
from desktop.review.common import attempt, local_time, one_line
from desktop.review.verdict_dialog import VerdictDialog

COLUMNS = ("Status", "Waiting", "Assignee", "Threads", "Article", "Source", "Grading", "Quote")
UNASSIGNED = "__unassigned__"
IdRole = Qt.ItemDataRole.UserRole


class ReviewQueueView(QWidget):
    """Claims waiting for review (objectName ``reviewQueue``).

    Double-clicking a row opens the claim; selecting one broadcasts it so the
    history, discussion and compare panels follow.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reviewQueue")
        self.items: list[QueueItem] = []
        self.verdict_dialog: VerdictDialog | None = None

        self.article_filter = QComboBox(self)
        self.article_filter.setObjectName("queueArticleFilter")
        self.source_filter = QComboBox(self)
        self.source_filter.setObjectName("queueSourceFilter")
        self.assignee_filter = QComboBox(self)
        self.assignee_filter.setObjectName("queueAssigneeFilter")
        self.age_filter = QSpinBox(self)
        self.age_filter.setObjectName("queueAgeFilter")
        self.age_filter.setRange(0, 3650)
        self.age_filter.setPrefix("waiting ≥ ")
        self.age_filter.setSuffix(" days")
        self.age_filter.setSpecialValueText("any age")
        self.age_filter.setToolTip("Show only claims waiting at least this many days")
        for box in (self.article_filter, self.source_filter, self.assignee_filter):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
            box.currentIndexChanged.connect(self.refresh)
        self.age_filter.valueChanged.connect(self.refresh)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("reviewQueueTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(self._open_row)

        self.assign_to = QComboBox(self)
        self.assign_to.setObjectName("queueAssignTo")
        self.assign_button = QPushButton("Assign", self)
        self.assign_button.setObjectName("queueAssign")
        self.assign_button.clicked.connect(self.assign_selected)
        self.verdict_button = QPushButton("Give verdict…", self)
        self.verdict_button.setObjectName("queueVerdict")
        self.verdict_button.clicked.connect(self.open_verdict_dialog)
        self.count_label = QLabel(self)

        filters = QHBoxLayout()
        for w in (self.article_filter, self.source_filter, self.assignee_filter, self.age_filter):
            filters.addWidget(w)
        filters.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        actions.addWidget(QLabel("Assign to", self))
        actions.addWidget(self.assign_to)
        actions.addWidget(self.assign_button)
        actions.addWidget(self.verdict_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        ctx.claimsChanged.connect(lambda _ids: self.refresh())
        ctx.reviewChanged.connect(self.refresh)
        ctx.articlesChanged.connect(self.reload_filters)
        ctx.sourcesChanged.connect(self.reload_filters)
        ctx.workspaceChanged.connect(self.reload_filters)
        self.reload_filters()

    # ------------------------------------------------------------ filters

    def reload_filters(self) -> None:
        """Refill the filter choices from the workspace, keeping what was chosen."""
        ws = self.ctx.ws
        articles = [(a.title or a.filename, str(a.id)) for a in list_articles(ws)]
        sources = [(s.name, str(s.id)) for s in list_sources(ws)]
        people = [(a.name, str(a.id)) for a in list_analysts(ws)]
        self._fill(self.article_filter, "All articles", articles)
        self._fill(self.source_filter, "All sources", sources)
        self._fill(self.assignee_filter, "Anyone", [("Unassigned", UNASSIGNED), *people])
        self._fill(self.assign_to, "Nobody", people)
        self.refresh()

    @staticmethod
    def _fill(box: QComboBox, first: str, entries: list[tuple[str, str]]) -> None:
        current = box.currentData()
        with QSignalBlocker(box):
            box.clear()
            box.addItem(first, None)
            for label, value in entries:
                box.addItem(label, value)
            index = box.findData(current) if current is not None else 0
            box.setCurrentIndex(max(index, 0))

    def set_filters(
        self,
        article_id: uuid.UUID | str | None = None,
        source_id: uuid.UUID | str | None = None,
        assignee: uuid.UUID | str | None = None,
        older_than_days: int = 0,
    ) -> None:
        """Choose filters programmatically (assignee: analyst id or ``"unassigned"``)."""
        pairs = (
            (self.article_filter, article_id),
            (self.source_filter, source_id),
            (self.assignee_filter, UNASSIGNED if assignee == "unassigned" else assignee),
        )
        for box, value in pairs:
            with QSignalBlocker(box):
                box.setCurrentIndex(max(box.findData(str(value)) if value else 0, 0))
        with QSignalBlocker(self.age_filter):
            self.age_filter.setValue(older_than_days)
        self.refresh()

    # ------------------------------------------------------------ table

    def refresh(self) -> None:
        assignee = self.assignee_filter.currentData()
        age = self.age_filter.value()
        items = attempt(
            self.ctx,
            lambda: review_ops.review_queue(
                self.ctx.ws,
                article_id=self.article_filter.currentData(),
                source_id=self.source_filter.currentData(),
                assignee_id=None if assignee in (None, UNASSIGNED) else assignee,
                older_than_days=age or None,
                unassigned=assignee == UNASSIGNED,
            ),
            "Review queue",
        )
        selected = self.selected_claim_id()
        self.items = items or []
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(self.items))
            for row, item in enumerate(self.items):
                cells = (
                    item.status.label,
                    f"{item.age_days:.0f} d" if item.age_days >= 1 else "today",
                    item.assignee_name or "—",
                    str(item.open_threads or ""),
                    one_line(item.article_title, 40),
                    item.source_name or "—",
                    item.grading,
                    one_line(item.quote, 120),
                )
                for col, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    cell.setData(IdRole, str(item.claim_id))
                    if col == 0:
                        cell.setIcon(status_icon(item.status))
                    if col == 1:
                        cell.setToolTip(f"In this status since {local_time(item.since)}")
                    if col == 4:
                        cell.setToolTip(item.article_title)
                    if col == 7:
                        cell.setToolTip(item.quote)
                    self.table.setItem(row, col, cell)
                if selected == str(item.claim_id):
                    self.table.selectRow(row)
        self._update_buttons()

    def selected_claim_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        cell = self.table.item(rows[0].row(), 0)
        return cell.data(IdRole) if cell else None

    def select_claim(self, claim_id: uuid.UUID | str) -> bool:
        for row, item in enumerate(self.items):
            if str(item.claim_id) == str(claim_id):
                self.table.selectRow(row)
                return True
        return False

    def _selected_item(self) -> QueueItem | None:
        claim_id = self.selected_claim_id()
        return next((i for i in self.items if str(i.claim_id) == claim_id), None)

    def _update_buttons(self) -> None:
        has = self.selected_claim_id() is not None
        self.assign_button.setEnabled(has)
        self.verdict_button.setEnabled(has)
        n = len(self.items)
        if n == 0:
            self.count_label.setText("No claims waiting for review with these filters.")
        else:
            waiting = f"{n} claim{'s' if n != 1 else ''} waiting"
            hint = "" if has else ": select one to assign it or give a verdict"
            self.count_label.setText(waiting + hint + ".")

    def _selection_changed(self) -> None:
        self._update_buttons()
        claim_id = self.selected_claim_id()
        if claim_id:
            self.ctx.claimSelected.emit(claim_id)

    def _open_row(self, row: int, _col: int) -> None:
        cell = self.table.item(row, 0)
        if cell is not None:
            self.ctx.openClaimRequested.emit(cell.data(IdRole))

    # ------------------------------------------------------------ actions

    def assign_selected(self) -> None:
        """Assign the selected claim to the analyst chosen in "Assign to" (undoable)."""
        item = self._selected_item()
        if item is None:
            return
        target = self.assign_to.currentData()
        new_id = uuid.UUID(target) if target else None
        if new_id == item.assignee_id:
            return
        who = self.assign_to.currentText() if target else "nobody"
        self.ctx.undo_stack.push(
            UpdateClaimCommand(
                self.ctx,
                item.claim_id,
                {"assignee_id": new_id},
                {"assignee_id": item.assignee_id},
                text=f"Assign claim to {who}",
            )
        )

    def open_verdict_dialog(self) -> VerdictDialog | None:
        """Open the (window-modal) verdict dialog for the selected claim."""
        item = self._selected_item()
        if item is None:
            return None
        dialog = VerdictDialog(one_line(item.quote, 200), self)
        dialog.accepted.connect(
            lambda: self.give_verdict(item.claim_id, dialog.status(), dialog.rationale_text())
        )
        dialog.finished.connect(dialog.deleteLater)
        self.verdict_dialog = dialog
        dialog.open()
        return dialog

    def give_verdict(self, claim_id: uuid.UUID, status: str, rationale: str) -> bool:
        """Record a verdict; a refusal (role, four-eyes, no rationale) is shown, not raised."""
        result = attempt(
            self.ctx,
            lambda: review_ops.give_verdict(self.ctx.ws, claim_id, status, rationale),
            "Give verdict",
        )
        if result is None:
            return False
        self.ctx.claims_changed([claim_id])
        self.ctx.reviewChanged.emit()
        return True
