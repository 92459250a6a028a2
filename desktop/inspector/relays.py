"""The inspector's relay-chain section: who passed the claim on from its original source.

The list shows the chain nearest the original source first, the outlet last.
Keyboard: type a name in the field and press Return to add it (a registered
source or alias, or a new source); in the list Delete removes the selected
relay and Alt+Up / Alt+Down move it.  Every edit is one undoable command.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QPushButton, QWidget

from desktop.context import AppContext
from desktop.inspector.sections import ClaimListSection
from desktop.operations import relays as relay_ops

CHAIN_TIP = (
    "The sources that passed the claim on, nearest the original source first and "
    "the outlet last. Delete removes the selected relay; Alt+Up and Alt+Down move it."
)


class RelaysSection(ClaimListSection):
    """The shown claim's relay chain: list, a name field with completion, add/move/remove."""

    def __init__(
        self, ctx: AppContext, names: QAbstractItemModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "relayList", parent)
        self.list.setToolTip(CHAIN_TIP)
        self.list.setAccessibleName("Relay chain, nearest the original source first")
        self.input = QLineEdit(self)
        self.input.setObjectName("relayInput")
        self.input.setAccessibleName("Add a relaying source")
        self.input.setPlaceholderText("Who relayed it? A source's name, or a new one")
        self.input.setToolTip("Return adds the source at the end of the chain (the outlet end)")
        completer = QCompleter(names, self.input)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(completer)
        self.input.returnPressed.connect(self.add_from_input)
        self.add_button = QPushButton("Add relay", self)
        self.add_button.setObjectName("addRelayButton")
        self.add_button.setToolTip("Add the typed source to the end of the chain (Return)")
        self.add_button.clicked.connect(self.add_from_input)
        self.up_button = QPushButton("Up", self)
        self.up_button.setObjectName("relayUpButton")
        self.up_button.setToolTip("Move the selected relay nearer the original source (Alt+Up)")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("Down", self)
        self.down_button.setObjectName("relayDownButton")
        self.down_button.setToolTip("Move the selected relay nearer the outlet (Alt+Down)")
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setObjectName("removeRelayButton")
        self.remove_button.setToolTip("Remove the selected relay from the chain (Delete)")
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.installEventFilter(self)
        self.list.setMaximumHeight(84)
        self.layout().insertWidget(1, self.input)
        self.row.addWidget(self.add_button)
        self.row.addStretch(1)
        self.row.addWidget(self.up_button)
        self.row.addWidget(self.down_button)
        self.row.addWidget(self.remove_button)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt+Up / Alt+Down in the list move the selected relay."""
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & Qt.KeyboardModifier.AltModifier:
                step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
                if step is not None:
                    self.move_selected(step)
                    return True
        return super().eventFilter(watched, event)

    def set_claim(self, claim_id: uuid.UUID | None, *, empty: bool = False) -> None:
        if claim_id != self.claim_id:
            self.input.clear()
        super().set_claim(claim_id, empty=empty)

    def _rows(self, claim_id: uuid.UUID) -> list[tuple[Any, str, str]]:
        chain = relay_ops.relay_chain(self.ctx, claim_id)
        last = len(chain) - 1
        return [
            (
                source_id,
                f"{i + 1}. {name}" + (" (outlet end)" if i == last and last > 0 else ""),
                name,
            )
            for i, (source_id, name) in enumerate(chain)
        ]

    def names(self) -> list[str]:
        """The chain as shown, by source name, nearest the original source first."""
        return [self.list.item(i).toolTip() for i in range(self.list.count())]

    def open_current(self) -> None:
        """Enter on a relay: nothing to open; the name field takes the focus."""
        self.input.setFocus()

    def add_from_input(self) -> None:
        if self.claim_id is None or not self.input.text().strip():
            return
        if relay_ops.add_relay(self.ctx, self.claim_id, self.input.text()):
            self.input.clear()
            self._select(self.list.count() - 1)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if self.claim_id is None or row < 0:
            return
        if relay_ops.remove_relay(self.ctx, self.claim_id, row):
            self._select(min(row, self.list.count() - 1))

    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        if self.claim_id is None or row < 0:
            return
        if relay_ops.move_relay(self.ctx, self.claim_id, row, step):
            self._select(row + step)

    def _select(self, row: int) -> None:
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)
