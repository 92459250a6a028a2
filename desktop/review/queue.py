"""The review queue: claims in review, disputed or contested, with filters, assignment,
verdicts, and confirming the verdict of a contested claim."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity
from db.errors import ClaimDeskError
from db.models import Status
from desktop.accessibility import hand_focus_on
from desktop.context import AppContext
from desktop.marks import one_line
from desktop.models.review_queue_model import (
    COL_ARTICLE,
    COL_QUOTE,
    COL_STATUS,
    COL_WAITING,
    ReviewQueueModel,
)
from desktop.operations import articles as article_ops
from desktop.operations import review as review_ops
from desktop.operations import sources as source_ops
from desktop.operations.review import QueueFilter, QueueItem
from desktop.review.common import attempt, follow_changes, hidden_in_window, when_shown
from desktop.review.verdict_dialog import VerdictDialog

log = logging.getLogger(__name__)
UNASSIGNED = "__unassigned__"
Choices = Callable[[], list[tuple[str, str]]]


class ChoiceBox(QComboBox):
    """A combo box whose choices are read when it opens (or a value is looked up),
    so that nothing re-reads them on every change elsewhere."""

    def __init__(
        self, first: str, load: Choices, parent: QWidget | None = None, *extra: tuple[str, str]
    ) -> None:
        super().__init__(parent)
        self.first = first
        self.load = load
        self.extra = extra
        self.loaded = False
        self.addItem(first, None)

    def reload(self) -> None:
        current = self.currentData()
        with QSignalBlocker(self):
            self.clear()
            self.addItem(self.first, None)
            for label, value in (*self.extra, *self.load()):
                self.addItem(label, value)
            index = self.findData(current) if current is not None else 0
            self.setCurrentIndex(max(index, 0))
        self.loaded = True
        if self.currentData() != current:
            self.currentIndexChanged.emit(self.currentIndex())

    def showPopup(self) -> None:
        self.reload()
        super().showPopup()

    def choose(self, value: str | None) -> bool:
        """Select the entry with *value* (None: the first); False when there is none."""
        if value is None:
            self.setCurrentIndex(0)
            return True
        index = self.findData(value)
        if index < 0:
            self.reload()
            index = self.findData(value)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


class ReviewQueueView(QWidget):
    """Claims waiting for review (objectName ``reviewQueue``).

    Double-clicking a row opens the claim; selecting one broadcasts it so the
    history, discussion and compare panels follow.  The table is a model over
    the database (:class:`ReviewQueueModel`): a change record updates only the
    rows it names.
    """

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, lazy: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reviewQueue")
        # A lazy queue (a dock tabbed away at start-up) reads nothing until shown.
        self.pending = lazy
        self._selected_before: str | None = None
        self.verdict_dialog: VerdictDialog | None = None

        def articles() -> list[tuple[str, str]]:
            return [(a.title or a.filename, str(a.id)) for a in article_ops.list_articles(ctx)]

        def sources() -> list[tuple[str, str]]:
            return [(s.name, str(s.id)) for s in source_ops.list_sources(ctx)]

        def people() -> list[tuple[str, str]]:
            return review_ops.analyst_choices(ctx)

        self.article_filter = ChoiceBox("All articles", articles, self)
        self.article_filter.setObjectName("queueArticleFilter")
        self.article_filter.setAccessibleName("Article filter")
        self.source_filter = ChoiceBox("All sources", sources, self)
        self.source_filter.setObjectName("queueSourceFilter")
        self.source_filter.setAccessibleName("Source filter")
        self.assignee_filter = ChoiceBox("Anyone", people, self, ("Unassigned", UNASSIGNED))
        self.assignee_filter.setObjectName("queueAssigneeFilter")
        self.assignee_filter.setAccessibleName("Assignee filter")
        self.age_filter = QSpinBox(self)
        self.age_filter.setObjectName("queueAgeFilter")
        self.age_filter.setAccessibleName("Minimum days waiting")
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
            box.currentIndexChanged.connect(self._filters_changed)
        self.age_filter.valueChanged.connect(self._filters_changed)

        self.model = ReviewQueueModel(review_ops.QueueReads(ctx), self)
        self.table = QTableView(self)
        hand_focus_on(self.table)
        self.table.setObjectName("reviewQueueTable")
        self.table.setAccessibleName("Review queue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_WAITING, Qt.SortOrder.AscendingOrder)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = self.fontMetrics().averageCharWidth()
        for col, chars in ((COL_WAITING, 8), (COL_ARTICLE, 30)):
            header.resizeSection(col, chars * char + 24)
        # The status column fits "In review · contested" and the icon: no status is cut.
        metrics = self.table.fontMetrics()
        longest = max(metrics.horizontalAdvance(f"{s.label} · contested") for s in Status)
        header.resizeSection(COL_STATUS, longest + 40)
        header.resizeSection(COL_QUOTE, 60 * char)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._open_row)
        self.model.modelReset.connect(self._update_buttons)
        self.model.loadingChanged.connect(self._loading_changed)
        self.model.loadFailed.connect(self._load_failed)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)

        self.assign_to = ChoiceBox("Nobody", people, self)
        self.assign_to.setObjectName("queueAssignTo")
        self.assign_to.setAccessibleName("Assign to")
        self.assign_to.reload()
        self.assign_button = QPushButton("Assign", self)
        self.assign_button.setObjectName("queueAssign")
        self.assign_button.clicked.connect(self.assign_selected)
        self.verdict_button = QPushButton("Give verdict…", self)
        self.verdict_button.setObjectName("queueVerdict")
        self.verdict_button.clicked.connect(self.open_verdict_dialog)
        self.confirm_button = QPushButton("&Keep verdict", self)
        self.confirm_button.setObjectName("queueConfirm")
        self.confirm_button.setToolTip(
            "Confirm the verdict of the selected contested claim: it stands despite the "
            "contradiction, and the claim leaves the queue (Ctrl+Shift+K)"
        )
        self.confirm_button.clicked.connect(self.confirm_selected)
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
        actions.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        follow_changes(ctx, self._on_changes, self)
        if not lazy:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.pending:
            # Not for the moment a window shows its tabbed-away docks at start-up.
            when_shown(self, self._catch_up)

    def _catch_up(self) -> None:
        if self.pending:
            self.pending = False
            self.model.filter = self.current_filter()
            self.model.reload_async()

    # ------------------------------------------------------------ changes

    def _on_changes(self, changes: Changes) -> None:
        if self.pending:
            return  # read whole when shown
        if hidden_in_window(self):
            self.pending = True  # behind another tab: read whole when shown
            return
        if changes.everything:
            for box in (self.article_filter, self.source_filter, self.assignee_filter):
                box.loaded = False
            self.assign_to.reload()
            self._filters_changed()  # read whole, off the GUI thread
            return
        if changes.touches(Entity.ANALYST):
            self.assign_to.reload()
        attempt(self.ctx, lambda: self.model.apply(changes), "Review queue")

    # ------------------------------------------------------------ filters

    def reload_filters(self) -> None:
        """Read the filter choices again, keeping what was chosen."""
        for box in (self.article_filter, self.source_filter, self.assignee_filter, self.assign_to):
            box.reload()

    def current_filter(self) -> QueueFilter:
        assignee = self.assignee_filter.currentData()
        return QueueFilter(
            article_id=self.article_filter.currentData(),
            source_id=self.source_filter.currentData(),
            assignee_id=None if assignee in (None, UNASSIGNED) else assignee,
            unassigned=assignee == UNASSIGNED,
            older_than_days=float(self.age_filter.value()) or None,
        )

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
                box.choose(str(value) if value else None)
        with QSignalBlocker(self.age_filter):
            self.age_filter.setValue(older_than_days)
        self.refresh()

    # ------------------------------------------------------------ table

    def _filters_changed(self) -> None:
        """The analyst chose other filters: read the queue off the GUI thread."""
        if self.pending:
            return
        self._selected_before = self.selected_claim_id()
        self.model.filter = self.current_filter()
        self.model.reload_async()

    def _loading_changed(self, loading: bool) -> None:
        if loading:
            self.count_label.setText("Reading the review queue…")
            return
        if self._selected_before is not None:
            self.select_claim(self._selected_before, announce=False)
            self._selected_before = None
        self._update_buttons()

    def _load_failed(self, error: BaseException) -> None:
        if not isinstance(error, ClaimDeskError):
            log.error("reading the review queue failed", exc_info=error)
        self.ctx.report_error(error, "Review queue")
        self._update_buttons()

    def wait_loaded(self, timeout: float = 30.0) -> bool:
        """Process events until the queue has been read (for tests and scripts)."""
        deadline = time.monotonic() + timeout
        while self.model.loading and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        return not self.model.loading

    def refresh(self) -> None:
        """Read the queue again for the current filters (keeping the selection)."""
        self.pending = False
        selected = self.selected_claim_id()
        flt = self.current_filter()
        attempt(self.ctx, lambda: self.model.set_filter(flt), "Review queue")
        if selected is not None:
            self.select_claim(selected, announce=False)
        self._update_buttons()

    @property
    def items(self) -> list[QueueItem]:
        """Every row of the queue (reads all pages: for tests and small queues)."""
        found = (self.model.item_at(row) for row in range(self.model.rowCount()))
        return [i for i in found if i is not None]

    def selected_claim_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.claim_id_at(rows[0].row()) if rows else None

    def select_claim(self, claim_id: uuid.UUID | str, announce: bool = True) -> bool:
        row = self.model.row_of(str(claim_id))
        if row is None:
            return False
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        if announce:
            self.table.selectionModel().setCurrentIndex(index, flags)
        else:
            with QSignalBlocker(self.table.selectionModel()):
                self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def _selected_item(self) -> QueueItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected_claim_id() is not None
        self.assign_button.setEnabled(has)
        self.verdict_button.setEnabled(has)
        item = self._selected_item() if has else None
        self.confirm_button.setEnabled(item is not None and item.contested)
        n = self.model.rowCount()
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

    def _open_row(self, index: QModelIndex) -> None:
        claim_id = self.model.claim_id_at(index.row())
        if claim_id is not None:
            self.ctx.openClaimRequested.emit(claim_id)

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
        review_ops.assign(self.ctx, item.claim_id, new_id, item.assignee_id, who)

    def confirm_selected(self) -> bool:
        """Keep the verdict of the selected contested claim (undoable); a refusal is shown."""
        item = self._selected_item()
        if item is None or not item.contested:
            return False
        return review_ops.confirm_verdict(self.ctx, item.claim_id)

    def open_verdict_dialog(self) -> VerdictDialog | None:
        """Open the (window-modal) verdict dialog for the selected claim."""
        item = self._selected_item()
        if item is None:
            return None
        dialog = VerdictDialog(one_line(item.quote, 200), self)
        dialog.accepted.connect(
            lambda: self.give_verdict(item.claim_id, dialog.status(), dialog.rationale_text(), item)
        )
        dialog.finished.connect(dialog.deleteLater)
        self.verdict_dialog = dialog
        dialog.open()
        return dialog

    def give_verdict(
        self,
        claim_id: uuid.UUID,
        status: str,
        rationale: str,
        item: QueueItem | None = None,
    ) -> bool:
        """Record a verdict (undoable); a refusal (role, four-eyes, no rationale) is shown."""
        if item is None:
            row = self.model.row_of(str(claim_id))
            item = self.model.item_at(row) if row is not None else None
        if item is None:
            return False
        return review_ops.give_verdict(self.ctx, claim_id, status, rationale, item.status)
