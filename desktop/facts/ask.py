"""The two questions asked before a fact edit: which fact, and what to call a new one."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from desktop.context import AppContext
from desktop.facts.picker import FactPickerDialog


def pick_fact(
    ctx: AppContext,
    parent: QWidget | None,
    *,
    title: str = "Assign to fact",
    prompt: str = "The question this claim answers:",
    ok_text: str = "&Assign",
    exclude: set[uuid.UUID] | None = None,
) -> uuid.UUID | None:
    """The fact the analyst picks in a :class:`FactPickerDialog` (None: cancelled)."""
    dialog = FactPickerDialog(
        ctx, parent, title=title, prompt=prompt, ok_text=ok_text, exclude=exclude
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
    finally:
        dialog.deleteLater()


def ask_fact_name(
    parent: QWidget | None,
    suggestion: str = "How many …?",
    *,
    title: str = "New fact",
    prompt: str = "The question these claims answer:",
) -> str | None:
    """A name typed by the analyst (None: cancelled or left empty)."""
    name, ok = QInputDialog.getText(parent, title, prompt, text=suggestion)
    return name if ok and name.strip() else None
