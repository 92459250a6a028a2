"""The review queue as a model: a light ordered index of claim ids, rows fetched by page.

The order (sort key and id of every claim in the queue, filtered and sorted
in SQL) is read once per filter or sort change; the displayed rows are read
a page at a time, only for the rows a view asks for.  A change record
(``db.changes.Changes``) naming claims updates only those rows: a claim that
enters the queue is inserted at its place, one that leaves is removed, one
that changed is updated or moved.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from db.changes import Changes, Entity, Op
from db.review import QueueFilter, QueueItem, QueueKey, QueueSort
from desktop.marks import one_line
from desktop.palette import status_icon, status_tip
from desktop.workers import Job, run_job

COL_STATUS, COL_WAITING, COL_ASSIGNEE, COL_THREADS, COL_ARTICLE, COL_SOURCE = range(6)
COL_GRADING, COL_QUOTE = 6, 7
TITLES = ("Status", "Waiting", "Assignee", "Threads", "Article", "Source", "Grading", "Quote")
SORTS = (
    QueueSort.STATUS,
    QueueSort.WAITING,
    QueueSort.ASSIGNEE,
    QueueSort.THREADS,
    QueueSort.ARTICLE,
    QueueSort.SOURCE,
    QueueSort.GRADING,
    QueueSort.QUOTE,
)
ClaimIdRole = Qt.ItemDataRole.UserRole.value + 1
ItemRole = Qt.ItemDataRole.UserRole.value + 2
PAGE = 100
CACHE_LIMIT = 2000
ModelIndex = QModelIndex | QPersistentModelIndex

# (filter, sort, descending, only these ids or None) -> [(key, id)] in order
OrderLoader = Callable[
    [QueueFilter, QueueSort, bool, Collection[str] | None], list[tuple[QueueKey, str]]
]
RowLoader = Callable[[Sequence[str]], list[QueueItem]]


class ReviewQueueModel(QAbstractTableModel):
    """Claims in review, disputed or contested; ``claim_ids`` in display order."""

    loadingChanged = Signal(bool)
    loadFailed = Signal(object)

    def __init__(
        self, load_order: OrderLoader, load_rows: RowLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._load_order = load_order
        self._load_rows = load_rows
        self.filter = QueueFilter()
        self.sort_by = QueueSort.WAITING
        self.descending = False
        self._ids: list[str] = []
        self._keys: list[QueueKey] = []
        self._members: set[str] = set()
        self._rows: dict[str, QueueItem] = {}
        self._cells: dict[str, tuple[str, ...]] = {}
        self.loaded = False
        self.loading = False
        self._generation = 0
        self._waiting: set[str] = set()
        self._job: Job | None = None
        self._reordering = False  # the order being read is a new sort of the same claims
        self.page_reads = 0  # how many row pages were read (for tests and benchmarks)

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the order again (after a filter or sort change, or a workspace switch)."""
        self._generation += 1  # an order being read off the thread is now stale
        order = self._load_order(self.filter, self.sort_by, self.descending, None)
        was_loading, self.loading, self._waiting = self.loading, False, set()
        self._swap_in(order)
        if was_loading:
            self.loadingChanged.emit(False)

    def reload_async(self, *, reorder: bool = False) -> None:
        """Read the order off the GUI thread; the rows shown stay until it arrives.

        ``loadingChanged`` tells a view when to say so.  Changes published
        meanwhile are applied once the new order is in.  With *reorder* (a new
        sort of the same claims) the rows are moved, not reset, so selections
        and other persistent indexes follow their claims.
        """
        if self.loading and not self._reordering:
            reorder = False  # a reset is on its way: the order replacing it resets too
        self._reordering = reorder
        self._generation += 1
        generation = self._generation
        flt, sort, desc = self.filter, self.sort_by, self.descending
        alive = [True]  # emptied when the model goes before the order arrives
        self.destroyed.connect(lambda *_: alive.clear())
        self._waiting = set()
        self.loading = True
        self.loadingChanged.emit(True)

        def done(order: list[tuple[QueueKey, str]]) -> None:
            if not alive or generation != self._generation:
                return  # gone, or a newer request is on its way
            self.loading = False
            if reorder and {cid for _, cid in order} == self._members:
                self._reorder(order)
            else:
                self._swap_in(order)
            waiting, self._waiting = self._waiting, set()
            if waiting:
                self.update_claims(waiting)
            self.loadingChanged.emit(False)

        def failed(error: BaseException) -> None:
            if alive and generation == self._generation:
                self.loading = False
                self.loadingChanged.emit(False)
                self.loadFailed.emit(error)

        self._job = run_job(
            "Review queue",
            lambda _progress: self._load_order(flt, sort, desc, None),
            on_done=done,
            on_error=failed,
            show_progress=False,
        )

    def _swap_in(self, order: list[tuple[QueueKey, str]]) -> None:
        self.beginResetModel()
        self._keys = [k for k, _ in order]
        self._ids = [i for _, i in order]
        self._members = set(self._ids)
        self._rows.clear()
        self._cells.clear()
        self.loaded = True
        self.endResetModel()

    def set_filter(self, flt: QueueFilter) -> None:
        self.filter = flt
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORTS):
            return
        self.sort_by = SORTS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if not self.loaded:
            return  # the first reload reads in this order
        # Off the GUI thread: the order of a large queue takes seconds to read.
        self.reload_async(reorder=True)

    def _reorder(self, order_rows: list[tuple[QueueKey, str]]) -> None:
        """The same claims in another order: rows move, persistent indexes follow."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(p, self._ids[p.row()] if p.row() < len(self._ids) else "") for p in persistent]
        self._keys = [k for k, _ in order_rows]
        self._ids = [i for _, i in order_rows]
        self._members = set(self._ids)
        where = {cid: row for row, cid in enumerate(self._ids)}
        for p, cid in before:
            row = where.get(cid)
            if row is None:
                self.changePersistentIndex(p, QModelIndex())
            else:
                self.changePersistentIndex(p, self.index(row, p.column()))
        self.layoutChanged.emit()

    def _item(self, row: int) -> QueueItem | None:
        cid = self._ids[row]
        item = self._rows.get(cid)
        if item is None:
            if len(self._rows) > CACHE_LIMIT:
                self._rows.clear()
                self._cells.clear()
            start = max(0, row - PAGE // 4)
            wanted = [c for c in self._ids[start : start + PAGE] if c not in self._rows]
            self.page_reads += 1
            for found in self._load_rows(wanted):
                self._rows[str(found.claim_id)] = found
            item = self._rows.get(cid)
        return item

    # ------------------------------------------------------------ targeted refresh

    def apply(self, changes: Changes) -> None:
        """Bring the rows named by *changes* up to date; reload only on ``everything``."""
        if changes.everything:
            self.reload_async()
            return
        claim_ids = changes.ids(Entity.CLAIM)
        for entity in (Entity.COMMENT, Entity.VERDICT):
            claim_ids |= {c.parent for c in changes.of(entity) if c.parent}
        if claim_ids:
            self.update_claims(claim_ids)
        # A renamed source, article or analyst: drop cached rows, repaint what shows.
        if _renames(changes):
            self._rows.clear()
            self._cells.clear()
            if self._ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, COL_QUOTE))

    def update_claims(self, claim_ids: Collection[str]) -> None:
        """Insert, remove, update or move the rows of *claim_ids* (one query for all)."""
        ids = {str(i) for i in claim_ids}
        if self.loading:
            self._waiting |= ids
            return
        found = dict(
            (cid, key)
            for key, cid in self._load_order(self.filter, self.sort_by, self.descending, ids)
        )
        for cid in sorted(ids):
            self._rows.pop(cid, None)
            self._cells.pop(cid, None)
            key = found.get(cid)
            if cid in self._members:
                row = self._ids.index(cid)
                if key is None:
                    self._remove(row)
                elif key == self._keys[row]:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, COL_QUOTE))
                else:
                    self._move(row, key)
            elif key is not None:
                self._insert(key, cid)

    def _position(self, key: QueueKey, cid: str) -> int:
        """Where (key, cid) belongs in the current order (binary search)."""
        lo, hi = 0, len(self._ids)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._before(self._keys[mid], self._ids[mid], key, cid):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _before(self, ka: QueueKey, ia: str, kb: QueueKey, ib: str) -> bool:
        """True when row (ka, ia) sorts before (kb, ib), as SQL ordered them."""
        try:
            if ka[0] != kb[0]:
                return (ka[0] > kb[0]) if self.descending else (ka[0] < kb[0])
            if len(ka) > 1 and ka[1] != kb[1]:
                return bool(ka[1] < kb[1])
        except TypeError:
            return False
        return ia < ib

    def _insert(self, key: QueueKey, cid: str) -> None:
        row = self._position(key, cid)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, cid)
        self._keys.insert(row, key)
        self._members.add(cid)
        self.endInsertRows()

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        cid = self._ids.pop(row)
        self._keys.pop(row)
        self._members.discard(cid)
        self.endRemoveRows()

    def _move(self, row: int, key: QueueKey) -> None:
        cid = self._ids[row]
        del self._ids[row], self._keys[row]
        target = self._position(key, cid)
        self._ids.insert(row, cid)
        self._keys.insert(row, key)
        if target == row:
            self._keys[row] = key
            self.dataChanged.emit(self.index(row, 0), self.index(row, COL_QUOTE))
            return
        # Qt wants the destination in the coordinates before the move.
        dest = target + 1 if target > row else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), dest)
        del self._ids[row], self._keys[row]
        self._ids.insert(target, cid)
        self._keys.insert(target, key)
        self.endMoveRows()

    # ------------------------------------------------------------ queries for views

    @property
    def claim_ids(self) -> list[str]:
        return list(self._ids)

    def row_of(self, claim_id: str) -> int | None:
        cid = str(claim_id)
        return self._ids.index(cid) if cid in self._members else None

    def claim_id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def item_at(self, row: int) -> QueueItem | None:
        return self._item(row) if 0 <= row < len(self._ids) else None

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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
        # A view asks for a dozen roles per cell on every paint: refuse the
        # unused ones first, and keep each row's texts once made.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        if role == ClaimIdRole:
            return self._ids[row]
        col = index.column()
        if role == DISPLAY:
            cells = self._cells.get(self._ids[row])
            if cells is None:
                item = self._item(row)
                if item is None:
                    return None
                cells = tuple(_cell(item, c) for c in range(len(TITLES)))
                self._cells[self._ids[row]] = cells
            return cells[col]
        if role == DECORATION and col != COL_STATUS:
            return None
        item = self._item(row)
        if item is None:
            return None
        if role == ItemRole:
            return item
        if role == DECORATION:
            return status_icon(item.status)
        if col == COL_STATUS:  # the whole status, should a narrow column cut it
            return status_tip(item.contested, None) or item.status.label
        if col == COL_WAITING:
            if item.contested:
                return f"Contested since {item.since.astimezone():%Y-%m-%d %H:%M}"
            return f"In this status since {item.since.astimezone():%Y-%m-%d %H:%M}"
        if col == COL_ARTICLE:
            return item.article_title
        if col == COL_QUOTE:
            return item.quote
        return None


DISPLAY = Qt.ItemDataRole.DisplayRole
DECORATION = Qt.ItemDataRole.DecorationRole
_ROLES = frozenset(
    {int(DISPLAY), int(DECORATION), int(Qt.ItemDataRole.ToolTipRole), ClaimIdRole, ItemRole}
)


# The fields of other entities that a queue row shows.
SHOWN_FIELDS = {
    Entity.ARTICLE: frozenset({"title", "filename"}),
    Entity.SOURCE: frozenset({"name"}),
    Entity.ANALYST: frozenset({"name"}),
}


def _renames(changes: Changes) -> bool:
    """True when a record may change an article title, source or analyst name shown."""
    return any(
        not c.fields or c.op is not Op.UPDATED or bool(c.fields & SHOWN_FIELDS[c.entity])
        for entity in SHOWN_FIELDS
        for c in changes.of(entity)
    )


def _cell(item: QueueItem, col: int) -> str:
    if col == COL_STATUS:
        return f"{item.status.label} · contested" if item.contested else item.status.label
    if col == COL_WAITING:
        return f"{item.age_days:.0f} d" if item.age_days >= 1 else "today"
    if col == COL_ASSIGNEE:
        return item.assignee_name or "—"
    if col == COL_THREADS:
        return str(item.open_threads or "")
    if col == COL_ARTICLE:
        return one_line(item.article_title, 40)
    if col == COL_SOURCE:
        return item.source_name or "—"
    if col == COL_GRADING:
        return item.grading
    return one_line(item.quote, 120)
