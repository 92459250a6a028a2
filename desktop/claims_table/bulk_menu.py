"""Claim ▸ Selected Claims: the claims table's edits of many claims, in the menu bar."""

from __future__ import annotations

from typing import Any


def install_bulk_menu(window: Any) -> Any:
    """Put the table's Set Status… / Add Tag… / Set Source… / Put in a Fact… actions in
    a Claim ▸ Selected Claims submenu (their keys work while the table has the focus)."""
    table = window.claims_table
    menu = window.menu("Claim").addMenu("Selected &Claims in the Table")
    menu.setObjectName("menuSelectedClaims")
    menu.addActions(list(table.bulk_actions.values()))
    return menu
