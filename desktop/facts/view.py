"""Facts: a list of the questions with their current answers, and claims put in them.

Put the claims selected in the claims table into the selected fact (or a new
one), take them out, or let ClaimDesk propose groups of claims that count the
same thing in similar words.  Every change is undoable.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Entity
from db.facts.service import BestAnswer, FactInfo
from desktop.background import DockRefresher
from desktop.commands.facts import AssignClaimsCommand, CreateFactCommand
from desktop.context import AppContext
from desktop.operations import facts as fact_ops
from desktop.workers import run_job

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Fact", "Claims", "Current answer")


class FactsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[FactInfo, BestAnswer | None]] = []

    def set_rows(self, rows: list[tuple[FactInfo, BestAnswer | None]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        fact, answer = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return fact.name
            if index.column() == 1:
                return str(fact.claim_count)
            return answer.describe() if answer else "no claims yet"
        return None


class FactsView(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        selected_claims: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("factsView")
        self.ctx = ctx
        self.selected_claims = selected_claims
        self.ask_name: Callable[[str], str | None] = self._ask_name
        self.model = FactsModel()
        self.table = QTableView(self)
        self.table.setObjectName("factsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(1, 60)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.new_button = QPushButton("&New Fact from Selected Claims…", self)
        self.put_button = QPushButton("&Put Selected Claims in Fact", self)
        self.out_button = QPushButton("&Take Out of Fact", self)
        self.propose_button = QPushButton("Pr&opose Facts", self)
        self.new_button.clicked.connect(self.new_fact)
        self.put_button.clicked.connect(self.put_selected)
        self.out_button.clicked.connect(self.take_out)
        self.propose_button.clicked.connect(self.propose)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.put_button, self.out_button, self.propose_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresher = DockRefresher(
            self,
            ctx,
            title="Facts",
            entities=(Entity.FACT, Entity.CLAIM, Entity.LINK),
            compute=fact_ops.facts_with_answers,
            on_result=self._show,
            on_error=lambda exc: self.hint.setText(f"Could not read the facts: {exc}"),
            interval_ms=400,
        )

    # ------------------------------------------------------------ refresh

    def refresh(self) -> None:
        self.refresher.refresh()

    def _show(self, rows: object) -> None:
        assert isinstance(rows, list)
        keep = self.current_fact()
        self.model.set_rows(rows)
        n = len(rows)
        self.hint.setText(
            f"{n} fact{'s' if n != 1 else ''}: the questions your claims answer, each with "
            "its latest verified figure (or latest figure)."
            if n
            else "No facts yet. Select claims in the Claims table and make a fact of them, "
            "or let ClaimDesk propose facts."
        )
        for row, (fact, _answer) in enumerate(rows):
            if keep is not None and fact.id == keep:
                self.table.selectRow(row)

    # ------------------------------------------------------------ edits

    def current_fact(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()][0].id if rows else None

    def _claims(self) -> list[uuid.UUID]:
        return [uuid.UUID(c) for c in self.selected_claims()]

    def _ask_name(self, suggestion: str) -> str | None:
        name, ok = QInputDialog.getText(self, "New fact", "The question these claims answer:",
                                        text=suggestion)  # fmt: skip
        return name if ok and name.strip() else None

    def new_fact(self) -> None:
        name = self.ask_name("How many …?")
        if name:
            self.ctx.undo_stack.push(CreateFactCommand(self.ctx, name, self._claims()))

    def put_selected(self) -> None:
        fact, claims = self.current_fact(), self._claims()
        if fact is None or not claims:
            self.ctx.dialogs.info(
                "Put in fact", "Select a fact here and one or more claims in the Claims table."
            )
            return
        self.ctx.undo_stack.push(AssignClaimsCommand(self.ctx, fact, claims))

    def take_out(self) -> None:
        claims = self._claims()
        if claims:
            self.ctx.undo_stack.push(AssignClaimsCommand(self.ctx, None, claims))

    def propose(self) -> None:
        ctx = self.ctx
        run_job(
            "Propose facts",
            lambda _p: fact_ops.propose_groups(ctx),
            parent=self,
            on_done=self._proposed,
            on_error=lambda exc: ctx.report_error(exc, "Propose facts"),
        )

    def _proposed(self, groups: object) -> None:
        assert isinstance(groups, list)
        if not groups:
            self.ctx.dialogs.info("Propose facts", "No claims to group: none count the same "
                                  "thing in similar words outside a fact.")  # fmt: skip
            return
        made = 0
        for n, group in enumerate(groups, 1):
            quotes = "\n".join(f"• {p.quote[:90]}" for p in group[:8])
            if not self.ctx.dialogs.confirm(
                "Propose facts", f"Make a fact of these {len(group)} claims?\n\n{quotes}"
            ):
                continue
            name = self.ask_name(f"How many {group[0].unit}? ({n})")
            if name:
                self.ctx.undo_stack.push(
                    CreateFactCommand(self.ctx, name, [p.claim_id for p in group])
                )
                made += 1
        if made:
            self.refresh()


def install_facts_ui(main_window: Any, ctx: AppContext) -> FactsView:
    """The Facts dock beside the conflicts, and "Put in Fact" in the Claim menu."""
    table = getattr(main_window, "claims_table", None)
    view = FactsView(ctx, lambda: list(table.selected_claim_ids()) if table is not None else [])
    dock = main_window.add_dock(view, "Facts", Qt.DockWidgetArea.BottomDockWidgetArea)
    dock.visibilityChanged.connect(view.refresher.set_shown)
    docks = getattr(main_window, "docks", {})
    anchor = docks.get("Conflicts") or docks.get("Claims")
    tabify = getattr(main_window, "tabifyDockWidget", None)
    if anchor is not None and tabify is not None:
        tabify(anchor, dock)
        if docks.get("Claims") is not None:
            docks["Claims"].raise_()
    menu = main_window.menu("Claim")
    menu.addSeparator()
    for text, name, slot in (
        ("New Fact from Selected Claims…", "actionNewFact", view.new_fact),
        ("Put Selected Claims in Fact", "actionPutInFact", view.put_selected),
        ("Take Selected Claims out of Fact", "actionTakeOutOfFact", view.take_out),
    ):
        action = QAction(text, main_window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
    return view
