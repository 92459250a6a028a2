"""History as a windowed tree model: one row per change, its field changes as child rows.

The model knows how many entries there are and reads them a page at a time,
only for the rows a view shows.  History is append-only, so when a change
record names the shown claim the model counts again and inserts the new rows
at the end (:meth:`HistoryModel.grow`); rows already shown never change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.history import FieldChange, HistoryItem
from desktop.marks import one_line
from desktop.operations.wording import field_words, value_words

COL_WHEN, COL_WHO, COL_ACTION, COL_WHAT, COL_CHANGE = range(5)
TITLES = ("When", "Who", "Action", "What", "Change")
EntryIdRole = Qt.ItemDataRole.UserRole.value + 1
ClaimIdRole = Qt.ItemDataRole.UserRole.value + 2
PAGE = 200
CACHE_PAGES = 20
ModelIndex = QModelIndex | QPersistentModelIndex
ACTION_LABELS = {
    "create": "created",
    "update": "changed",
    "delete": "deleted",
    "restore": "restored",
    "verdict": "verdict",
    "take back": "verdict taken back",
}
Counter = Callable[[], int]
Pager = Callable[[int, int], list[HistoryItem]]


def shown_value(value: Any, field: str = "") -> str:
    """A recorded value on one line, in words (a status as "In review")."""
    value = value_words(field, value)
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return one_line(str(value), 120)


def full_value(value: Any, field: str = "") -> str:
    """A value whole, for the tooltip of a row that shows it cut short."""
    value = value_words(field, value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return "—" if value is None or value == "" else str(value)


def summary_words(item: HistoryItem, limit: int = 40) -> str:
    """What an update changed, in words: ``Status: Unverified → In review; Source: — → Reuters``."""
    parts = []
    for change in item.changes:
        old = _short(shown_value(change.old_shown, change.field), limit)
        new = _short(shown_value(change.new_shown, change.field), limit)
        parts.append(f"{field_words(change.field)}: {old} → {new}")
    return "; ".join(parts)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def item_name(item: HistoryItem) -> str:
    """The kind of item and its readable name: ``source “Reuters”``, ``claim “…”``."""
    if not item.label:
        return item.entity_type
    if item.entity_type == "link":
        return f"link {item.label}"
    return f"{item.entity_type} “{item.label}”"


def _local(item: HistoryItem, seconds: bool = False) -> str:
    return item.at.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


class HistoryModel(QAbstractItemModel):
    """Entries in the order the pager gives them; ``show_claim`` adds the claim to "What"."""

    def __init__(self, parent: QObject | None = None, show_claim: bool = False) -> None:
        super().__init__(parent)
        self.show_claim = show_claim
        self._count: Counter = lambda: 0
        self._page: Pager = lambda _offset, _limit: []
        self._rows = 0
        self._pages: dict[int, list[HistoryItem]] = {}
        self.page_reads = 0

    def set_source(self, count: Counter, page: Pager, rows: int | None = None) -> None:
        """Show another history (another claim, other filters): a reset.

        *rows* is the count when the caller has just read it.
        """
        self.beginResetModel()
        self._count, self._page = count, page
        self._pages.clear()
        self._rows = count() if rows is None else rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_source(lambda: 0, lambda _offset, _limit: [])

    def grow(self) -> int:
        """Count again and insert the entries appended since; returns how many."""
        total = self._count()
        if total < self._rows:  # not append-only after all (another workspace?): reload
            self.set_source(self._count, self._page)
            return 0
        added = total - self._rows
        if added:
            self._pages.pop(self._rows // PAGE, None)  # the last page was short
            self.beginInsertRows(QModelIndex(), self._rows, total - 1)
            self._rows = total
            self.endInsertRows()
        return added

    def item_at(self, row: int) -> HistoryItem | None:
        if not 0 <= row < self._rows:
            return None
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            if len(self._pages) >= CACHE_PAGES:
                self._pages.clear()
            self.page_reads += 1
            page = self._page(number * PAGE, PAGE)
            self._pages[number] = page
        offset = row - number * PAGE
        return page[offset] if offset < len(page) else None

    # ------------------------------------------------------------ Qt model API

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(TITLES) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < self._rows else QModelIndex()
        if parent.internalId() != 0 or row >= self.rowCount(parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self._rows
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        item = self.item_at(parent.row())
        return len(item.changes) if item is not None else 0

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        # Asked by a tree view for every row it lays out: answer without reading a
        # page (an entry almost always records some field).
        if not parent.isValid():
            return self._rows > 0
        if parent.internalId() != 0 or parent.column() != 0:
            return False
        page = self._pages.get(parent.row() // PAGE)
        if page is None:
            return True
        offset = parent.row() % PAGE
        return offset < len(page) and bool(page[offset].changes)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(TITLES)

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
        if not index.isValid():
            return None
        top = index.internalId() == 0
        item = self.item_at(index.row() if top else index.internalId() - 1)
        if item is None:
            return None
        if role == EntryIdRole:
            return str(item.id)
        if role == ClaimIdRole:
            return str(item.claim_id) if item.claim_id else ""
        if top:
            return self._entry_data(item, index.column(), role)
        if index.row() >= len(item.changes):
            return None
        return _change_data(item.changes[index.row()], index.column(), role)

    def _entry_data(self, item: HistoryItem, col: int, role: int) -> Any:
        what = item_name(item)
        if self.show_claim and item.claim_id and item.entity_type != "claim":
            what = f"{what} · claim {str(item.claim_id)[:8]}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_WHEN:
                return _local(item, seconds=True)
            if col == COL_WHO:
                return item.analyst_name or None
            if col == COL_ACTION:
                return ACTION_LABELS.get(item.action, item.action)
            if col == COL_WHAT:
                return what
            if col == COL_CHANGE and item.action not in ("create", "delete"):
                return summary_words(item, 400).replace("; ", "\n")
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_WHEN:
            return _local(item)
        if col == COL_WHO:
            return item.analyst_name or "—"
        if col == COL_ACTION:
            return ACTION_LABELS.get(item.action, item.action)
        if col == COL_WHAT:
            return what
        return "" if item.action in ("create", "delete") else summary_words(item)


def _change_data(change: FieldChange, col: int, role: int) -> Any:
    field = change.field
    if role == Qt.ItemDataRole.ToolTipRole and col == COL_CHANGE:
        return f"{full_value(change.old_shown, field)}\n→\n{full_value(change.new_shown, field)}"
    if role == Qt.ItemDataRole.ToolTipRole and col == COL_WHAT:
        return field_words(field)
    if role != Qt.ItemDataRole.DisplayRole:
        return None
    if col == COL_WHAT:
        return field_words(field)
    if col == COL_CHANGE:
        return f"{shown_value(change.old_shown, field)} → {shown_value(change.new_shown, field)}"
    return ""
