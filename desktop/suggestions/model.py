"""A table model over the open article's suggested claims (replaced whole when recomputed)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.operations.suggestions import SuggestionKey, key_of
from desktop.palette import hint_color

if TYPE_CHECKING:
    from desktop.operations.suggestions import Suggestion

COL_KIND, COL_QUOTE, COL_VALUE, COL_DATE, COL_SOURCE = range(5)
HEADERS = ("Kind", "Quote", "Value", "Date", "Source")
KIND_LABELS = {
    "figure": "Figure",
    "date": "Event",
    "quotation": "Quotation",
    "attribution": "Statement",
}
Index = QModelIndex | QPersistentModelIndex


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.4g}"


def value_text(s: Suggestion) -> str:
    """The figure as the analyst reads it: qualifier, value or range, counted thing."""
    if s.value is None:
        return ""
    value = _number(s.value)
    if s.value_max is not None and s.value_max != s.value:
        value += f"–{_number(s.value_max)}"
    return " ".join(p for p in (s.qualifier, value, s.unit) if p)


def source_text(s: Suggestion) -> str:
    if not s.source:
        return f"({s.hedge})" if s.hedge else ""
    text = s.source if s.source_id is not None else f"{s.source} (new)"
    if s.relayed_by:
        text += " via " + ", ".join(s.relayed_by)
    return text


class SuggestionsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Suggestion] = []
        self.dismissed: dict[SuggestionKey, uuid.UUID] = {}

    def set_rows(
        self, rows: list[Suggestion], dismissed: dict[SuggestionKey, uuid.UUID] | None = None
    ) -> None:
        self.beginResetModel()
        self.rows = rows
        self.dismissed = dict(dismissed or {})
        self.endResetModel()

    def remove(self, suggestion: Suggestion) -> int:
        """Drop one row; returns where it was (-1 when absent)."""
        for n, row in enumerate(self.rows):
            if row == suggestion:
                self.beginRemoveRows(QModelIndex(), n, n)
                del self.rows[n]
                self.endRemoveRows()
                return n
        return -1

    def is_dismissed(self, suggestion: Suggestion) -> bool:
        return key_of(suggestion) in self.dismissed

    @property
    def offered(self) -> list[Suggestion]:
        """The rows not dismissed (the ones underlined in the reader)."""
        return [s for s in self.rows if key_of(s) not in self.dismissed]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(s)
        if role == Qt.ItemDataRole.ForegroundRole and self.is_dismissed(s):
            return hint_color()
        if role == Qt.ItemDataRole.FontRole and self.is_dismissed(s):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, s: Suggestion, col: int) -> str:
        if col == COL_KIND:
            label = KIND_LABELS.get(s.kind, s.kind)
            return f"{label} (dismissed)" if self.is_dismissed(s) else label
        if col == COL_QUOTE:
            return s.quote.replace("\n", " ")
        if col == COL_VALUE:
            return value_text(s)
        if col == COL_DATE:
            return (s.event_date or "").replace("/", " – ")
        return source_text(s)

    def _tooltip(self, s: Suggestion) -> str:
        lines = [s.quote]
        for label, col in (("Value", COL_VALUE), ("Date", COL_DATE), ("Source", COL_SOURCE)):
            text = self._text(s, col)
            if text:
                lines.append(f"{label}: {text}")
        if s.cue:
            lines.append(f"Cue: {s.cue}")
        if self.is_dismissed(s):
            lines.append("Dismissed: the dismiss key offers it again")
        return "\n".join(lines)
