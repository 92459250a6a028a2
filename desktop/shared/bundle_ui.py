"""Exporting and importing exchange bundles from the desktop, with the merge report."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

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

from db.bundles import Conflict, MergeReport, export_bundle, import_bundle, resolve_conflict
from db.errors import ClaimDeskError
from desktop.context import AppContext
from desktop.shared.conflict import show_value
from desktop.workers import Job, run_job

FILTER = "ClaimDesk bundles (*.claimdesk)"


def _counts(bucket: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in bucket.items() if n) or "nothing"


def report_text(report: MergeReport) -> str:
    return (
        f"Added: {_counts(report.added)}.\nUpdated: {_counts(report.updated)}.\n"
        f"Unchanged: {report.total_unchanged}.\nConflicts: {len(report.conflicts)}."
    )


def broadcast_all(ctx: AppContext) -> None:
    """Tell every view that anything may have changed."""
    ctx.articlesChanged.emit()
    ctx.sourcesChanged.emit()
    ctx.linksChanged.emit([])
    ctx.claims_changed([])


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
            "Conflicting rows changed here more recently than in the bundle; "
            "they were kept as they are. Choose for each one."
        )
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 4)
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
                name.replace("_", " "),
                show_value(conflict.local.get(name)),
                show_value(conflict.incoming.get(name)),
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
        try:
            resolve_conflict(self.ctx.ws, conflict, take=take)  # type: ignore[arg-type]
        except ClaimDeskError as exc:
            self.ctx.report_error(exc, "Resolve conflict")
            return False
        self.pending.remove(conflict)
        if take == "incoming":
            self._announce(conflict)
        self._fill()
        return True

    def _announce(self, conflict: Conflict) -> None:
        if conflict.section == "claims":
            self.ctx.claims_changed([conflict.entity_id])
        elif conflict.section == "sources":
            self.ctx.sourcesChanged.emit()
        elif conflict.section == "articles":
            self.ctx.articlesChanged.emit()
        else:
            broadcast_all(self.ctx)


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
        ws = self.ctx.ws
        ids = list(article_ids) if article_ids is not None else None
        self.job = run_job(
            "Export bundle",
            lambda _progress: export_bundle(ws, path, ids),
            parent=self.parent,
            on_done=lambda s: self.ctx.dialogs.info("Bundle written", s.describe()),
            on_error=lambda e: self.ctx.report_error(e, "Export bundle"),
        )
        return self.job

    def import_(self) -> Job | None:
        source = self.ctx.dialogs.open_file("Import bundle", FILTER)
        if not source:
            return None
        ws = self.ctx.ws
        self.job = run_job(
            "Import bundle",
            lambda _progress: import_bundle(ws, Path(source)),
            parent=self.parent,
            on_done=self._imported,
            on_error=lambda e: self.ctx.report_error(e, "Import bundle"),
        )
        return self.job

    def _imported(self, report: MergeReport) -> None:
        broadcast_all(self.ctx)
        if report.conflicts:
            self.report_dialog = MergeReportDialog(self.ctx, report, self.parent)
            self.report_dialog.show()
        else:
            self.ctx.dialogs.info("Bundle merged", report_text(report))
