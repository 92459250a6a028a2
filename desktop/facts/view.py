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
from db.facts.service import BestAnswer, FactInfo
from desktop.accessibility import hand_focus_on
from desktop.background import DockRefresher
from desktop.context import AppContext
from desktop.facts.ask import ask_fact_name, pick_fact
from desktop.facts.assign_action import install_assign_action
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
        # Which other fact to merge into the selected one (tests answer without a dialog).
        self.pick_other: Callable[[uuid.UUID], uuid.UUID | None] = lambda current: pick_fact(
            ctx,
            self,
            title="Merge facts",
            prompt="The fact whose claims move into the selected one (it is then deleted):",
            ok_text="&Merge",
            exclude={current},
        )
        self.model = FactsModel()
        self.table = QTableView(self)
        hand_focus_on(self.table)
        self.table.setObjectName("factsTable")
        self.table.setAccessibleName("Facts")
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
        self.rename_button = QPushButton("Rena&me…", self)
        self.rename_button.setToolTip("Rename the selected fact (F2)")
        self.merge_button = QPushButton("Mer&ge Another into It…", self)
        self.merge_button.setToolTip(
            "Pick another fact: its claims move into the selected fact and it goes"
        )
        self.split_button = QPushButton("&Split Selected Claims Off…", self)
        self.split_button.setToolTip(
            "Move the claims selected in the Claims table out of the selected fact into a new fact"
        )
        for button, name in (
            (self.new_button, "newFactButton"),
            (self.put_button, "putInFactButton"),
            (self.out_button, "takeOutOfFactButton"),
            (self.propose_button, "proposeFactsButton"),
            (self.rename_button, "renameFactButton"),
            (self.merge_button, "mergeFactsButton"),
            (self.split_button, "splitFactButton"),
        ):
            button.setObjectName(name)
        self.rename_button.clicked.connect(self.rename)
        self.merge_button.clicked.connect(self.merge)
        self.split_button.clicked.connect(self.split)
        self.new_button.clicked.connect(self.new_fact)
        self.put_button.clicked.connect(self.put_selected)
        self.out_button.clicked.connect(self.take_out)
        self.propose_button.clicked.connect(self.propose)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.put_button, self.out_button, self.propose_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        edits = QHBoxLayout()
        for b in (self.rename_button, self.merge_button, self.split_button):
            edits.addWidget(b)
        edits.addStretch(1)
        rename = QAction(self)
        rename.setShortcut(QKeySequence("F2"))
        rename.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        rename.triggered.connect(self.rename)
        self.addAction(rename)
        self.table.doubleClicked.connect(lambda _i: self.rename())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addLayout(edits)
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
        return ask_fact_name(self, suggestion)

    def _current_info(self) -> FactInfo | None:
        fact = self.current_fact()
        return next((f for f, _a in self.model.rows if f.id == fact), None)

    def rename(self) -> None:
        info = self._current_info()
        if info is None:
            self.ctx.dialogs.info("Rename fact", "Select the fact to rename first.")
            return
        name = self.ask_name(info.name)
        if name and " ".join(name.split()) != info.name:
            fact_ops.rename(self.ctx, info.id, name)

    def merge(self) -> None:
        info = self._current_info()
        if info is None:
            self.ctx.dialogs.info("Merge facts", "Select the fact to keep first.")
            return
        other = self.pick_other(info.id)
        if other is not None and other != info.id:
            fact_ops.merge(self.ctx, info.id, [other])

    def split(self) -> None:
        """The claims selected in the Claims table leave the selected fact for a new one."""
        info = self._current_info()
        claims = self._claims()
        if info is None or not claims:
            self.ctx.dialogs.info(
                "Split fact",
                "Select a fact here and, in the Claims table, the claims of it that "
                "answer a different question.",
            )
            return
        members = set(fact_ops.claim_ids_in(self.ctx, info.id))
        outside = [c for c in claims if c not in members]
        if outside:
            self.ctx.dialogs.error(
                "Split fact",
                f"{len(outside)} of the selected claims are not in “{info.name}”: select "
                "only claims of this fact.",
            )
            return
        if len(claims) == len(members):
            self.ctx.dialogs.error(
                "Split fact",
                "Every claim of this fact is selected: rename it instead, or leave some "
                "claims in it.",
            )
            return
        name = self.ask_name(f"{info.name} (part)")
        if name:
            fact_ops.new_fact(self.ctx, name, claims)

    def new_fact(self) -> None:
        name = self.ask_name("How many …?")
        if name:
            fact_ops.new_fact(self.ctx, name, self._claims())

    def put_selected(self) -> None:
        fact, claims = self.current_fact(), self._claims()
        if fact is None or not claims:
            self.ctx.dialogs.info(
                "Put in fact", "Select a fact here and one or more claims in the Claims table."
            )
            return
        fact_ops.assign(self.ctx, fact, claims)

    def take_out(self) -> None:
        claims = self._claims()
        if claims:
            fact_ops.assign(self.ctx, None, claims)

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
        names = fact_ops.proposed_names(groups)
        for suggested, group in zip(names, groups, strict=True):
            quotes = "\n".join(f"• {p.quote[:90]}" for p in group[:8])
            if not self.ctx.dialogs.confirm(
                "Propose facts", f"Make a fact of these {len(group)} claims?\n\n{quotes}"
            ):
                continue
            name = self.ask_name(suggested)
            if name:
                if fact_ops.new_fact(self.ctx, name, [p.claim_id for p in group]):
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
    install_assign_action(main_window, ctx, menu)
    return view
