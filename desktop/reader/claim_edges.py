"""The Claim menu's whole-word actions: an exact-selection claim and moving a claim's edges.

Ctrl+E widens a selection to whole words; Ctrl+Alt+E (or a selection dragged
with Alt held) keeps it exactly.  Shift+Alt+Right / Shift+Alt+Left grow and
shrink the selected claim at its end; Ctrl+Shift+Alt+Left / Ctrl+Shift+Alt+Right
(also Shift+Alt+Up / Shift+Alt+Down) grow and shrink it at its start.  Each
move is one undoable edit of the same claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.actions import ActionId

if TYPE_CHECKING:
    from desktop.main_window.window import MainWindow

EDGE_ACTIONS = {
    ActionId.GROW_CLAIM_END: ("end", True),
    ActionId.SHRINK_CLAIM_END: ("end", False),
    ActionId.GROW_CLAIM_START: ("start", True),
    ActionId.SHRINK_CLAIM_START: ("start", False),
}


def install_claim_edges(window: MainWindow) -> None:
    """Connect the actions and put them in the Claim menu after New Claim."""
    reader = window.reader
    exact = window.action(ActionId.NEW_EXACT_CLAIM)
    exact.triggered.connect(reader.new_exact_claim_from_selection)
    reader.addAction(exact)
    menu = window.menu("Claim")
    before = window.action(ActionId.DELETE_CLAIM)
    menu.insertAction(before, exact)
    edges = menu.addMenu("Claim &Edges")
    edges.setObjectName("menuClaimEdges")
    for action_id, (edge, grow) in EDGE_ACTIONS.items():
        action = window.action(action_id)
        action.triggered.connect(
            lambda _checked=False, e=edge, g=grow: reader.move_selected_claim_edge(e, g)
        )
        edges.addAction(action)
