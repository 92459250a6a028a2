"""The Link Graph… action of the main window; the view's code loads when it is first used."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.fact_windows import install_fact_window_action


def _make(ctx: AppContext, fact: Any, parent: Any) -> QWidget:
    from desktop.graph.view import GraphWindow

    return GraphWindow(ctx, fact, parent)


def install_graph_ui(main_window: Any, ctx: AppContext) -> QAction:
    """ "Link Graph…" in the View menu: the selected fact's claims, else every claim."""
    return install_fact_window_action(
        main_window,
        ctx,
        text="&Link Graph…",
        name="actionLinkGraph",
        make=_make,
        windows_attribute="graph_windows",
    )
