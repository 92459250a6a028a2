"""Exporting and importing exchange bundles from the desktop, with the merge report."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.accessibility import hand_focus_on
from desktop.context import AppContext
from desktop.operations import bundles as bundle_ops
from desktop.operations.wording import field_words
from desktop.shared.conflict import show_value
from desktop.workers import Job

if TYPE_CHECKING:
    from db.bundles import Conflict, MergeReport

FILTER = "ClaimDesk bundles (*.claimdesk)"


def _counts(bucket: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in bucket.items() if n) or "nothing"


def report_text(report: MergeReport) -> str:
    return (
        f"Added: {_counts(report.added)}.\nUpdated: {_counts(report.updated)}.\n"
        f"Unchanged: {report.total_unchanged}.\nConflicts: {len(report.conflicts)}."
    )


class MergeReportDialog(QDialog):
    """The merge counts and each conflict: here vs. in the bundle, resolved one by one."""

    def __init__(self, ctx: AppContext, report: MergeReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.report = report
        self.pending: list[Conflict] = list(report.conflicts)
        self.setWindowTitle("Bundle merged")
        summary = QLabel(report_text(report))
        hint = QLabel(
            "These were changed both here and in the bundle since the two workspaces last "
            "exchanged them (or deleted on one side and changed on the other); they were "
            "kept as they are here. Choose for each one."
        )
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        hand_focus_on(self.table)
        self.table.setAccessibleName("Conflicts: here and in the bundle")
        self.table.setHorizontalHeaderLabels(["Item", "Field", "Here", "In the bundle"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.take_button = QPushButton("Take the bundle's values")
        self.keep_button = QPushButton("Keep mine")
        self.close_button = QPushButton("Close")
        self.take_button.clicked.connect(lambda: self.resolve_selected("incoming"))
        self.keep_button.clicked.connect(lambda: self.resolve_selected("local"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._fill()

    def _fill(self) -> None:
        rows = [(i, c, f) for i, c in enumerate(self.pending) for f in c.fields]
        self.table.setRowCount(len(rows))
        self._row_conflict: list[int] = []
        for row, (index, conflict, name) in enumerate(rows):
            cells = [
                f"{conflict.noun} {str(conflict.entity_id)[:8]}",
                field_words(name),
                show_value(conflict.local.get(name), name),
                show_value(conflict.incoming.get(name), name),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
            self._row_conflict.append(index)
        if rows:
            self.table.selectRow(0)
        has = bool(rows)
        self.take_button.setEnabled(has)
        self.keep_button.setEnabled(has)

    def resolve_selected(self, take: str) -> bool:
        row = self.table.currentRow()
        if row < 0 or row >= len(self._row_conflict):
            return False
        conflict = self.pending[self._row_conflict[row]]
        # Keeping the local row writes nothing; taking the bundle's is an undoable edit.
        if take == "incoming" and not bundle_ops.take_incoming(self.ctx, conflict):
            return False
        self.pending.remove(conflict)
        self._fill()
        return True


class BundleActions:
    """Runs bundle export/import as background jobs and shows what happened."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.ctx = ctx
        self.parent = parent
        self.job: Job | None = None
        self.report_dialog: MergeReportDialog | None = None

    def export(self, article_ids: Sequence[uuid.UUID] | None = None) -> Job | None:
        target = self.ctx.dialogs.save_file("Export bundle", FILTER, "workspace.claimdesk")
        if not target:
            return None
        path = Path(target)
        if not path.suffix:
            path = path.with_suffix(".claimdesk")
        self.job = bundle_ops.start_export(
            self.ctx,
            path,
            article_ids,
            parent=self.parent,
            on_done=lambda s: self.ctx.dialogs.info("Bundle written", s.describe()),
        )
        return self.job

    def import_(self) -> Job | None:
        source = self.ctx.dialogs.open_file("Import bundle", FILTER)
        if not source:
            return None
        return self.merge(Path(source))

    def merge(self, source: Path) -> Job:
        """Merge the bundle *source* into the workspace in the background."""
        self.job = bundle_ops.start_import(
            self.ctx, source, parent=self.parent, on_done=self._imported
        )
        return self.job

    def _imported(self, report: MergeReport) -> None:
        if report.conflicts:
            self.report_dialog = MergeReportDialog(self.ctx, report, self.parent)
            self.report_dialog.show()
        else:
            self.ctx.dialogs.info("Bundle merged", report_text(report))
