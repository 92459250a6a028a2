"""Wire the Suggestions dock into a main window: the dock, the Claim ▸ Suggestions menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.context import AppContext
from desktop.suggestions.view import SuggestionsView


def install_suggestions_ui(window: Any, ctx: AppContext) -> SuggestionsView:
    """The Suggestions dock: a tab beside the claims table below the reader (wide enough
    for every column at 1366×768), brought forward by the next/previous keys.

    *window* offers ``reader``, ``add_dock``, ``docks``, ``action(ActionId)`` and
    ``menu(name)``.
    """
    from desktop.actions import ActionId

    view = SuggestionsView(ctx, window.reader)
    dock = window.add_dock(view, "Suggestions", Qt.DockWidgetArea.BottomDockWidgetArea)
    claims = window.docks.get("Claims")
    if claims is not None:
        window.tabifyDockWidget(claims, dock)
        claims.raise_()

    def bring_forward() -> None:
        dock.show()
        dock.raise_()

    view.countChanged.connect(
        lambda n: dock.setWindowTitle(f"Suggestions ({n})" if n else "Suggestions")
    )

    a = window.action
    a(ActionId.NEXT_SUGGESTION).triggered.connect(bring_forward)
    a(ActionId.NEXT_SUGGESTION).triggered.connect(view.next_suggestion)
    a(ActionId.PREV_SUGGESTION).triggered.connect(bring_forward)
    a(ActionId.PREV_SUGGESTION).triggered.connect(view.previous_suggestion)
    a(ActionId.ACCEPT_SUGGESTION).triggered.connect(view.accept_current)
    a(ActionId.DISMISS_SUGGESTION).triggered.connect(view.dismiss_current)
    toggle = a(ActionId.SHOW_DISMISSED)
    toggle.setCheckable(True)
    toggle.toggled.connect(view.set_show_dismissed)
    view.dismissed_box.toggled.connect(toggle.setChecked)
    menu = window.menu("Claim").addMenu("S&uggestions")
    menu.setObjectName("menuSuggestions")
    menu.addActions(
        [
            a(ActionId.NEXT_SUGGESTION),
            a(ActionId.PREV_SUGGESTION),
            a(ActionId.ACCEPT_SUGGESTION),
            a(ActionId.DISMISS_SUGGESTION),
        ]
    )
    menu.addSeparator()
    menu.addAction(toggle)
    return view
