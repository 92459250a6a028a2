"""Team review in the desktop app: queue, verdicts, history, discussion, compare, analysts.

:func:`install_review_ui` adds the panels as docks and the actions to the
"Review" menu of a main window offering ``add_dock(widget, title, area)`` and
``menu(name)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.commands.review import RestoreStateCommand
from desktop.context import AppContext
from desktop.review.analyst_dialogs import (
    FirstAnalystDialog,
    SwitchAnalystDialog,
    TeamDialog,
    act_as,
    ensure_first_analyst,
)
from desktop.review.compare_view import CompareView
from desktop.review.discussion import DiscussionPanel
from desktop.review.history_panel import HistoryPanel, WorkspaceHistoryDialog
from desktop.review.queue import ReviewQueueView
from desktop.review.verdict_dialog import VerdictDialog

__all__ = [
    "CompareView",
    "DiscussionPanel",
    "FirstAnalystDialog",
    "HistoryPanel",
    "RestoreStateCommand",
    "ReviewQueueView",
    "ReviewUi",
    "SwitchAnalystDialog",
    "TeamDialog",
    "VerdictDialog",
    "WorkspaceHistoryDialog",
    "act_as",
    "ensure_first_analyst",
    "install_review_ui",
]

Area = Qt.DockWidgetArea


@dataclass
class ReviewUi:
    """What :func:`install_review_ui` created, for tests and later wiring."""

    queue: ReviewQueueView
    history: HistoryPanel
    discussion: DiscussionPanel
    compare: CompareView
    docks: dict[str, Any] = field(default_factory=dict)
    actions: dict[str, QAction] = field(default_factory=dict)


def _raise_dock(dock: Any) -> None:
    if dock is not None:
        dock.show()
        dock.raise_()


def install_review_ui(main_window: Any, ctx: AppContext) -> ReviewUi:
    """Add the review panels as docks and their actions to the "Review" menu."""
    ui = ReviewUi(
        queue=ReviewQueueView(ctx, lazy=True),
        history=HistoryPanel(ctx),
        discussion=DiscussionPanel(ctx),
        compare=CompareView(ctx),
    )
    ui.docks["Review queue"] = main_window.add_dock(
        ui.queue, "Review queue", Area.BottomDockWidgetArea
    )
    ui.docks["Compare"] = main_window.add_dock(ui.compare, "Compare", Area.BottomDockWidgetArea)
    ui.docks["Discussion"] = main_window.add_dock(
        ui.discussion, "Discussion", Area.RightDockWidgetArea
    )
    ui.docks["History"] = main_window.add_dock(ui.history, "History", Area.RightDockWidgetArea)
    existing = getattr(main_window, "docks", {})
    tabify = getattr(main_window, "tabifyDockWidget", None)
    if tabify is not None:
        bottom = existing.get("Claims")
        right = existing.get("Claim")
        for anchor, names in (
            (bottom, ("Review queue", "Compare")),
            (right, ("Discussion", "History")),
        ):
            for name in names:
                if anchor is not None and ui.docks[name] is not None:
                    tabify(anchor, ui.docks[name])
        if bottom is not None:
            bottom.raise_()
        if right is not None:
            right.raise_()

    menu = main_window.menu("Review")

    def action(key: str, text: str, slot: Any, shortcut: str | None = None) -> QAction:
        act = QAction(text, main_window)
        act.setObjectName(f"action{key}")
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        menu.addAction(act)
        ui.actions[key] = act
        return act

    def give_verdict() -> None:
        _raise_dock(ui.docks["Review queue"])
        if ui.queue.selected_claim_id() is None and ui.history.claim_id is not None:
            ui.queue.select_claim(ui.history.claim_id)
        if ui.queue.open_verdict_dialog() is None:
            ctx.dialogs.info("Give verdict", "Select a claim in the review queue first.")

    def confirm_verdict() -> None:
        _raise_dock(ui.docks["Review queue"])
        if ui.queue.selected_claim_id() is None and ui.history.claim_id is not None:
            ui.queue.select_claim(ui.history.claim_id)
        if not ui.queue.confirm_button.isEnabled():
            ctx.dialogs.info("Keep verdict", "Select a contested claim in the review queue first.")
            return
        ui.queue.confirm_selected()

    def switch_analyst() -> None:
        if ctx.ws.shared:
            ctx.dialogs.info(
                "Switch analyst", "In a shared workspace you work as your database login."
            )
            return
        dialog = SwitchAnalystDialog(ctx, main_window)
        chosen = dialog.apply() if dialog.exec() else None
        if chosen is not None:
            from desktop.review.who_is_working import remember

            remember(getattr(main_window, "settings", None), chosen)
            refresh_labels = getattr(main_window, "update_workspace_labels", None)
            if callable(refresh_labels):
                refresh_labels()

    action(
        "ReviewQueue",
        "Review &queue",
        lambda: _raise_dock(ui.docks["Review queue"]),
        "Ctrl+Shift+R",
    )
    action("GiveVerdict", "Give &verdict…", give_verdict)
    action("ConfirmVerdict", "&Keep verdict of contested claim", confirm_verdict, "Ctrl+Shift+K")
    action("Compare", "&Compare linked claims", lambda: _raise_dock(ui.docks["Compare"]))
    action("Discussion", "&Discussion", lambda: _raise_dock(ui.docks["Discussion"]))
    action("History", "Claim &history", lambda: _raise_dock(ui.docks["History"]))
    menu.addSeparator()
    action(
        "WorkspaceHistory",
        "&Workspace history…",
        lambda: WorkspaceHistoryDialog(ctx, main_window).exec(),
    )
    menu.addSeparator()
    action("SwitchAnalyst", "&Switch analyst…", switch_analyst)
    action("Team", "&Team and review rules…", lambda: TeamDialog(ctx, main_window).exec())
    return ui
