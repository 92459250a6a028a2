"""Claim ▸ Assign Claim to Fact…: one action for the menu, the reader and the claims table."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.context import AppContext
from desktop.facts.ask import pick_fact
from desktop.operations import facts as fact_ops


def install_assign_action(main_window: Any, ctx: AppContext, menu: Any) -> None:
    """Claim ▸ Assign Claim to Fact… (Ctrl+Shift+A), also in the context menus of the
    reader and the claims table: the claims selected in the table when it has the focus,
    else the claim selected in the reader (or shown in the inspector)."""
    reader = getattr(main_window, "reader", None)
    inspector = getattr(main_window, "inspector", None)
    table = getattr(main_window, "claims_table", None)

    def chosen_claims() -> list[uuid.UUID]:
        focus = QApplication.focusWidget()
        if table is not None and focus is not None and table.isAncestorOf(focus):
            picked = [uuid.UUID(c) for c in table.selected_claim_ids()]
            if picked:
                return picked
        claim = reader.selected_claim_id if reader is not None else None
        if claim is not None:
            return [uuid.UUID(claim)]
        shown = inspector.claim_id if inspector is not None else None
        return [shown] if shown is not None else []

    def assign() -> None:
        claims = chosen_claims()
        if not claims:
            ctx.dialogs.info(
                "Assign to fact", "Select a claim first (in the article or the Claims table)."
            )
            return
        n = len(claims)
        prompt = (
            "The question this claim answers:"
            if n == 1
            else (f"The question these {n} claims answer:")
        )
        fact = pick_fact(ctx, main_window, prompt=prompt)
        if fact is not None:
            fact_ops.assign(ctx, fact, claims)

    action = QAction("Assign Claim to &Fact…", main_window)
    action.setObjectName("actionAssignToFact")
    action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    action.setToolTip("Put the selected claim in a fact (Ctrl+Shift+A)")
    action.triggered.connect(assign)
    menu.addAction(action)
    main_window.addAction(action)
    for widget in (reader, table):
        if widget is not None:
            widget.addAction(action)
