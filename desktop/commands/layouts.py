"""Settle the layouts an edit changed before the window repaints.

A view that shows an edit often changes a label's text (a count, a claim's header),
and a label whose text changes asks its layout to be redone.  Qt redoes it in a
later pass of the event loop, one level of widgets per pass: the label's panel,
then the scroll area holding the panel, then the dock, then the window.  The
window is repainted after the first of these passes, and a later pass that
measures a rich-text label again (a scroll area asking its panel's height for its
width does) marks the label for painting again, so one edit is painted twice.
:func:`settle_layouts` delivers those requests at once, each level's in turn: the
window is then painted once, with every layout in place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

# Levels of widgets settled at most (label, panel, scroll area, dock, window, ...).
ROUNDS = 6


def settle_layouts(rounds: int = ROUNDS) -> None:
    """Deliver the pending layout requests now, and those that they post in turn."""
    if QCoreApplication.instance() is None:
        return
    for _ in range(rounds):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
