"""Small editing widgets: text boxes that commit on focus-out, a tag completer."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QPlainTextEdit, QWidget

from desktop.accessibility import tab_leaves


class CommitTextEdit(QPlainTextEdit):
    """Plain text that emits ``committed`` on focus-out or Ctrl+Enter, never while typing.

    ``dirty`` is true between the first keystroke and the commit, so a reload
    from the database can leave a half-typed text alone.  Escape emits
    ``reverted`` so the owner can put the stored text back.
    """

    committed = Signal()
    reverted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
        tab_leaves(self)  # Tab moves on; Ctrl+Tab types a tab
        self.textChanged.connect(self._mark)
        self._loading = False

    def _mark(self) -> None:
        if not self._loading:
            self.dirty = True

    def set_stored_text(self, text: str) -> None:
        """Show the stored value without marking the field as edited."""
        self._loading = True
        try:
            if self.toPlainText() != text:
                self.setPlainText(text)
        finally:
            self._loading = False
        self.dirty = False

    def commit(self) -> None:
        if self.dirty:
            self.dirty = False
            self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.commit()
            return
        if event.key() == Qt.Key.Key_Escape and self.dirty:
            self.dirty = False
            self.reverted.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()


class CommitLineEdit(QLineEdit):
    """A line edit whose edits count only once confirmed (Enter or leaving the field)."""

    committed = Signal()
    reverted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
        self.textEdited.connect(self._mark)
        self.editingFinished.connect(self.commit)

    def _mark(self, _text: str) -> None:
        self.dirty = True

    def set_stored_text(self, text: str) -> None:
        if self.text() != text:
            self.setText(text)
        self.dirty = False

    def commit(self) -> None:
        if self.dirty:
            self.dirty = False
            self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.dirty:
            popup = self.completer().popup() if self.completer() else None
            if popup is None or not popup.isVisible():
                self.dirty = False
                self.reverted.emit()
                return
        super().keyPressEvent(event)


class TagCompleter(QCompleter):
    """Completes the last comma-separated word of a line edit."""

    def __init__(self, parent: QLineEdit) -> None:
        super().__init__(parent)
        self._names = QStringListModel(self)
        self.setModel(self._names)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)

    def set_tags(self, names: list[str]) -> None:
        self._names.setStringList(names)

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index) -> str:  # type: ignore[no-untyped-def]
        editor = self.widget()
        text = editor.text() if isinstance(editor, QLineEdit) else ""
        head = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return head + str(index.data())


def split_tags(text: str) -> list[str]:
    return sorted({t.strip() for t in text.split(",") if t.strip()})
