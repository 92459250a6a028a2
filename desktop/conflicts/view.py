"""The Conflicts dock: proposals recomputed in the background when claims change.

Contradicts and updates come first, then near-duplicates: claims repeating the
same figure of the same counted thing in similar words (often across articles),
proposed as *same*.

Keys: Enter or A accepts the selected proposal (the link is made, undoable),
Delete or D dismisses it (remembered, undoable); double-click opens the claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Entity
from db.models import Relation
from desktop.accessibility import hand_focus_on
from desktop.background import DockRefresher
from desktop.commands.claims import AddLinkCommand
from desktop.commands.facts import DismissProposalCommand
from desktop.conflicts.model import COL_NEWER, COL_OLDER, COL_RELATION, ConflictsModel
from desktop.context import AppContext
from desktop.operations import facts as fact_ops

if TYPE_CHECKING:
    from db.facts.proposals import LinkProposal

REFRESH_MS = 600


class ConflictsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsView")
        self.ctx = ctx
        self.model = ConflictsModel()
        self.summary = QLabel("Looking for figures that disagree…", self)
        self.summary.setObjectName("conflictsSummary")
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        hand_focus_on(self.table)
        self.table.setObjectName("conflictsTable")
        self.table.setAccessibleName("Proposed contradictions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(COL_RELATION, 170)
        self.table.setColumnWidth(COL_NEWER, 300)
        self.table.setColumnWidth(COL_OLDER, 300)
        self.table.doubleClicked.connect(self._open)
        self.accept_button = QPushButton("&Accept link", self)
        self.accept_button.setToolTip("Make the proposed link (Enter or A); Ctrl+Z undoes it")
        self.dismiss_button = QPushButton("D&ismiss", self)
        self.dismiss_button.setToolTip("Do not propose this again (Delete or D); Ctrl+Z undoes it")
        self.accept_button.clicked.connect(self.accept_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        for keys, slot in (
            (("Return", "Enter", "A"), self.accept_selected),
            (("Delete", "D"), self.dismiss_selected),
        ):
            act = QAction(self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
        self.refresher = DockRefresher(
            self,
            ctx,
            title="Find conflicts",
            entities=(Entity.CLAIM, Entity.LINK),
            compute=fact_ops.queue,
            on_result=self._show,
            on_error=lambda exc: self.summary.setText(f"Could not look for conflicts: {exc}"),
            interval_ms=REFRESH_MS,
        )

    # ------------------------------------------------------------ refresh

    def refresh(self) -> None:
        """Recompute the proposals in the background; the newest answer wins."""
        self.refresher.refresh()

    def _show(self, rows: object) -> None:
        assert isinstance(rows, list)
        self.model.set_rows(rows)
        self._summarise()
        if rows:
            self.table.selectRow(0)

    def _summarise(self) -> None:
        n = self.model.rowCount()
        repeats = sum(p.relation is Relation.SAME for p in self.model.rows)
        tail = (
            f" ({repeats} repeat{'s' if repeats != 1 else ''} of the same figure)"
            if repeats
            else ""
        )
        self.summary.setText(
            f"{n} proposed link{'s' if n != 1 else ''} between claims whose figures or dates "
            f"disagree, whose figures replace one another, or that repeat a figure{tail}. "
            "Enter accepts, Delete dismisses."
            if n
            else "No conflicts: no two claims' figures or dates disagree, no figure "
            "replaces another, and none repeats another."
        )
        self.accept_button.setEnabled(bool(n))
        self.dismiss_button.setEnabled(bool(n))

    # ------------------------------------------------------------ decisions

    def selected(self) -> LinkProposal | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def accept_selected(self) -> None:
        proposal = self.selected()
        if proposal is None:
            return
        command = AddLinkCommand(
            self.ctx,
            proposal.from_claim.claim_id,
            proposal.to_claim.claim_id,
            proposal.relation.value,
        )
        self.ctx.undo_stack.push(command)
        if not command.failed:
            self._drop(proposal)

    def dismiss_selected(self) -> None:
        proposal = self.selected()
        if proposal is None:
            return
        command = DismissProposalCommand(self.ctx, proposal)
        self.ctx.undo_stack.push(command)
        if not command.failed:
            self._drop(proposal)

    def _drop(self, proposal: LinkProposal) -> None:
        row = self.model.rows.index(proposal)
        self.model.remove(proposal)
        self._summarise()
        if self.model.rows:
            self.table.selectRow(min(row, len(self.model.rows) - 1))

    def _open(self, index: Any) -> None:
        proposal = self.model.rows[index.row()]
        side = proposal.to_claim if index.column() == COL_OLDER else proposal.from_claim
        self.ctx.openClaimRequested.emit(str(side.claim_id))


def install_conflicts_ui(main_window: Any, ctx: AppContext) -> ConflictsView:
    """The Conflicts dock beside the review queue."""
    view = ConflictsView(ctx)
    dock = main_window.add_dock(view, "Conflicts", Qt.DockWidgetArea.BottomDockWidgetArea)
    dock.visibilityChanged.connect(view.refresher.set_shown)
    anchor = getattr(main_window, "docks", {}).get("Review queue") or getattr(
        main_window, "docks", {}
    ).get("Claims")
    tabify = getattr(main_window, "tabifyDockWidget", None)
    if anchor is not None and tabify is not None:
        tabify(anchor, dock)
        claims = main_window.docks.get("Claims")
        if claims is not None:
            claims.raise_()
    return view
