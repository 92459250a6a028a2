"""The stale-edit dialog: my attempted values beside the values stored now."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.errors import ClaimDeskError, StaleEdit
from desktop.accessibility import hand_focus_on
from desktop.operations.wording import field_words, value_words

REAPPLY = "reapply"
DISCARD = "discard"


def show_value(value: Any, field: str = "") -> str:
    """A stored value as people read it ("In review", local times, "—" for nothing)."""
    if value is None:
        return "—"
    if isinstance(value, enum.Enum):
        value = value.value
    value = value_words(field, value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone().strftime("%Y-%m-%d %H:%M:%S")  # the analyst's local time
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(show_value(v) for v in value)
    return str(value)


def stale_current(exc: StaleEdit) -> tuple[str, Any]:
    """(noun, current value object) carried by a StaleEdit."""
    if not exc.current:
        return "item", None
    noun, value = next(iter(exc.current.items()))
    return noun, value


class StaleEditDialog(QDialog):
    """Shows field, my edit and the stored value; the choice is in :attr:`choice`."""

    def __init__(
        self,
        exc: StaleEdit,
        attempted: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Someone else changed this")
        self.choice = DISCARD
        noun, current = stale_current(exc)
        self.noun = noun
        self.current = current
        changed = getattr(current, "updated_at", None)
        when = f" (stored version changed {show_value(changed)})" if changed else ""
        intro = self.intro = QLabel(
            f"This {noun} was changed by someone else after you opened it{when}. "
            "Compare your edit with what is stored now."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(attempted), 3)
        hand_focus_on(self.table)
        self.table.setAccessibleName("Your edit and the stored values")
        self.table.setHorizontalHeaderLabels(["Field", "My edit", "Stored now"])
        self.table.verticalHeader().setVisible(False)
        for row, (key, mine) in enumerate(sorted(attempted.items())):
            stored = getattr(current, key, None) if current is not None else None
            cells = [field_words(key), show_value(mine, key), show_value(stored, key)]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.reapply_button = QPushButton("Re-apply my edit")
        self.discard_button = QPushButton("Discard my edit")
        self.reapply_button.clicked.connect(self._reapply)
        self.discard_button.clicked.connect(self._discard)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reapply_button)
        buttons.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item else ""

    @property
    def current_version(self) -> int | None:
        return getattr(self.current, "version", None)

    def _reapply(self) -> None:
        self.choice = REAPPLY
        self.accept()

    def _discard(self) -> None:
        self.choice = DISCARD
        self.reject()


def ask_with_dialog(exc: StaleEdit, attempted: dict[str, Any], parent: QWidget | None) -> str:
    dialog = StaleEditDialog(exc, attempted, parent)
    dialog.exec()
    return dialog.choice


def resolve_stale_edit(
    exc: StaleEdit,
    attempted: dict[str, Any],
    resend: Callable[[int], Any],
    *,
    parent: QWidget | None = None,
    ask: Callable[[StaleEdit, dict[str, Any], QWidget | None], str] = ask_with_dialog,
) -> Any | None:
    """Ask the analyst; on "re-apply" call ``resend(current_version)``.

    Returns what *resend* returned, or None when the edit was discarded.  A
    second conflict during the re-send is asked about again.
    """
    while True:
        choice = ask(exc, attempted, parent)
        if choice != REAPPLY:
            return None
        _, current = stale_current(exc)
        version = getattr(current, "version", None)
        if version is None:
            return None
        try:
            return resend(version)
        except StaleEdit as again:
            exc = again


StaleHandler = Callable[[Any, StaleEdit], bool | None]


def make_stale_handler(
    ctx: Any,
    parent: QWidget | None = None,
    ask: Callable[[StaleEdit, dict[str, Any], QWidget | None], str] | None = None,
) -> StaleHandler:
    """A handler for ``ctx.stale_edit_handler`` used by DbCommand on StaleEdit.

    It works with commands that carry ``new`` (the attempted values) and
    ``version`` (sent as expected_version by their ``do``); on "re-apply" the
    command is re-run on the stored version and its ``old`` values become the
    stored ones, so undo returns to what the other analyst saved.  Returns
    True (re-applied), False (discarded) or None (not a case it can handle).
    Without *ask*, a context with recording (non-interactive) dialogs is left
    to report the error as before.
    """

    def handle(command: Any, exc: StaleEdit) -> bool | None:
        chooser = ask
        if chooser is None:
            if not ctx.dialogs.interactive:
                return None  # nobody to ask (tests, scripts): report as an error
            chooser = ask_with_dialog
        attempted = getattr(command, "new", None)
        if not isinstance(attempted, dict) or not hasattr(command, "version"):
            return None
        while True:
            _, current = stale_current(exc)
            version = getattr(current, "version", None)
            if version is None:
                return None
            if chooser(exc, attempted, parent) != REAPPLY:
                return False
            old = getattr(command, "old", None)
            if isinstance(old, dict):
                command.old = {k: getattr(current, k, v) for k, v in old.items()}
            command.version = version
            try:
                command.do()
                return True
            except StaleEdit as again:
                exc = again
            except ClaimDeskError as other:
                ctx.report_error(other)
                return False

    return handle
