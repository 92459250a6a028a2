"""Sources as a table: name, kind, affiliation, aliases, default reliability, claim count."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.models import CREDIBILITY, RELIABILITY
from db.sources import SourceInfo

COL_NAME, COL_KIND, COL_AFFILIATION, COL_ALIASES, COL_RELIABILITY, COL_CLAIMS = range(6)
TITLES = ("Name", "Kind", "Affiliation", "Aliases", "Default grading", "Claims")


def default_grading_text(letter: str | None, number: int | None) -> str:
    """``B — Usually reliable``, ``B3 — Usually reliable; possibly true``, ``3 — Possibly true``."""
    words = [RELIABILITY[letter]] if letter else []
    if number:
        words.append(CREDIBILITY[number].lower() if words else CREDIBILITY[number])
    grade = f"{letter or ''}{number or ''}"
    return f"{grade} — {'; '.join(words)}" if grade else ""


SourceIdRole = Qt.ItemDataRole.UserRole.value + 1
ModelIndex = QModelIndex | QPersistentModelIndex


class SourcesTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SourceInfo] = []

    def set_sources(self, sources: list[SourceInfo]) -> None:
        self.beginResetModel()
        self._rows = list(sources)
        self.endResetModel()

    def upsert(self, sources: list[SourceInfo]) -> None:
        """Update the rows of these sources in place; add the ones not shown (at the end)."""
        for info in sources:
            row = self.row_of(str(info.id))
            if row is None:
                end = len(self._rows)
                self.beginInsertRows(QModelIndex(), end, end)
                self._rows.append(info)
                self.endInsertRows()
            elif self._rows[row] != info:
                self._rows[row] = info
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(TITLES) - 1))

    def remove_ids(self, source_ids: set[str]) -> None:
        for row in range(len(self._rows) - 1, -1, -1):
            if str(self._rows[row].id) in source_ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def set_counts(self, counts: dict[str, int]) -> None:
        """New claim counts (sources absent from *counts* have none): changed cells only."""
        for row, info in enumerate(self._rows):
            n = counts.get(str(info.id), 0)
            if n != info.claim_count:
                self._rows[row] = replace(info, claim_count=n)
                cell = self.index(row, COL_CLAIMS)
                self.dataChanged.emit(cell, cell)

    def source_at(self, row: int) -> SourceInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, source_id: str) -> int | None:
        for i, info in enumerate(self._rows):
            if str(info.id) == str(source_id):
                return i
        return None

    def sources(self) -> list[SourceInfo]:
        return list(self._rows)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(TITLES)
        ):
            return TITLES[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.source_at(index.row()) if index.isValid() else None
        if info is None or not 0 <= index.column() < len(TITLES):
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return info.name
            if col == COL_KIND:
                return info.kind.value.capitalize()
            if col == COL_AFFILIATION:
                return info.affiliation
            if col == COL_ALIASES:
                return ", ".join(info.aliases)
            if col == COL_RELIABILITY:
                return default_grading_text(info.default_reliability, info.default_credibility)
            return info.claim_count
        if role == SourceIdRole:
            return str(info.id)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_CLAIMS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Affiliations and alias lists are often cut short by their columns.
            if col == COL_AFFILIATION and info.affiliation:
                return info.affiliation
            if col == COL_ALIASES and info.aliases:
                return ", ".join(info.aliases)
            return info.notes or None
        return None
