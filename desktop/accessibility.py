"""What assistive technology sees: which widgets take part, and their names.

A screen reader announces a control by its accessible name; Qt derives one
from a button's text or a form row's label, and every other control is named
where it is built.  :func:`unnamed` lists the interactive widgets under a
window that would be announced without a name (the tests require none).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)


def _inner_part(widget: QWidget) -> bool:
    """Qt's own pieces of a compound control: announced through their owner."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QLineEdit, QHeaderView)):
            return True  # also a combo box's popup list, a window of its own
        parent = parent.parentWidget()
    return False


def is_interactive(widget: QWidget) -> bool:
    """A control the analyst operates (not a label, scroll bar or one of Qt's inner parts)."""
    if isinstance(widget, (QLabel, QScrollBar, QHeaderView)) or widget.isWindow():
        return False
    if _inner_part(widget):
        return False
    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)
    return isinstance(widget, kinds) or bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def label_of(widget: QWidget) -> str:
    """The text of the label that names *widget* (a buddy label or form row; "" if none)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    for other, relation in interface.relations(QAccessible.RelationFlag.Label):
        if relation & QAccessible.RelationFlag.Label and other is not None:
            text = other.text(QAccessible.Text.Name).replace("&", "").strip()
            if text:
                return text
    return ""


def purpose(widget: QWidget) -> str:
    """What a control is for, said apart from its value: its accessible name or label."""
    return widget.accessibleName().strip() or label_of(widget)


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology announces for *widget* ("" when it has none).

    A combo box or spin box shows a value; some platforms announce that value
    as its name, so such a control counts as named only by its purpose.
    """
    if isinstance(widget, (QComboBox, QAbstractSpinBox)):
        return purpose(widget)
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    return interface.text(QAccessible.Text.Name).strip()


def interactive_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if is_interactive(w)]


def unnamed(root: QWidget) -> list[QWidget]:
    """The interactive widgets under *root* that would be announced without a name."""
    return [w for w in interactive_widgets(root) if not accessible_name(w)]


def name(widget: QWidget, text: str, description: str = "") -> None:
    """Give *widget* the name a screen reader announces (and a longer description)."""
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)


def hand_focus_on(view: QAbstractItemView) -> None:
    """Tab leaves a table for the next control (arrow keys move between its cells)."""
    view.setTabKeyNavigation(False)


class _CtrlTabInserts(QObject):
    """Ctrl+Tab types a tab character into a text box whose Tab moves the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, (QPlainTextEdit, QTextEdit))
            and not watched.isReadOnly()
        ):
            watched.insertPlainText("\t")
            return True
        return False


def tab_leaves(edit: QPlainTextEdit | QTextEdit) -> None:
    """Tab and Shift+Tab move on from a multi-line box; Ctrl+Tab types a tab."""
    edit.setTabChangesFocus(True)
    edit.installEventFilter(_CtrlTabInserts(edit))


def announce(widget: QWidget, text: str) -> None:
    """Say *text* about *widget* now, and keep it as its description until the next."""
    widget.setAccessibleDescription(text)
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
