"""The review queue as a windowed model: the count and rows read from the database a
page at a time, in SQL order, never the whole queue.

The number of claims waiting and the first page are read off the GUI thread
(on a filter or sort change); further pages are read when a view asks for
their rows, and the least recently used pages are dropped, so the model holds
at most :data:`CACHED_PAGES` pages of rows whatever the size of the queue.  A
change record (``db.changes.Changes``) naming claims updates only those rows:
the database says where each now sorts (its rank), and a claim that enters the
queue is inserted there, one that leaves is removed, one that changed is
updated or moved.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection, Iterable
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
from db.review import QueueFilter, QueueItem, QueueSort
from desktop.marks import one_line
from desktop.models import held_rows
from desktop.operations.review import QueueReads, QueueWindow
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
CACHED_PAGES = 8  # pages of rows held at most (the least recently used are dropped)
HELD_LIMIT = (CACHED_PAGES + 1) * PAGE  # rows held at most, pages shifted by edits included
EXACT_LIMIT = 50  # more claims than this in one record: count again, drop the rows held
ModelIndex = QModelIndex | QPersistentModelIndex


class ReviewQueueModel(QAbstractTableModel):
    """Claims in review, disputed or contested, a window of them held at a time."""

    loadingChanged = Signal(bool)
    loadFailed = Signal(object)

    def __init__(self, reads: QueueReads, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = reads
        # What the background read runs (count, first page, ranks of some claims).
        self._load_order = reads.window
        self.filter = QueueFilter()
        self.sort_by = QueueSort.WAITING
        self.descending = False
        self._count = 0
        self._walk = False
        self._rows: dict[int, QueueItem] = {}  # row -> item, for the rows held
        self._pos: dict[str, int] = {}  # claim id -> row, for the rows held
        self._pages: OrderedDict[int, None] = OrderedDict()  # pages read, least recent first
        self._cells: dict[str, tuple[str, ...]] = {}
        self.loaded = False
        self.loading = False
        self._generation = 0
        self._waiting: set[str] = set()
        self._job: Job | None = None
        self._reordering = False  # the window being read is a new sort of the same claims
        self.page_reads = 0  # how many row pages were read (for tests and benchmarks)
        self.resyncs = 0  # how many records were applied by counting again (for tests)

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the window again now (after a filter change, or a workspace switch)."""
        self._generation += 1  # a window being read off the thread is now stale
        window = self._reads.window(self.filter, self.sort_by, self.descending, ())
        was_loading, self.loading, self._waiting = self.loading, False, set()
        self._swap_in(window)
        if was_loading:
            self.loadingChanged.emit(False)

    def reload_async(self, *, reorder: bool = False) -> None:
        """Read the window off the GUI thread; the rows shown stay until it arrives.

        ``loadingChanged`` tells a view when to say so.  Changes published
        meanwhile are applied once the window is in.  With *reorder* (a new sort
        of the same claims) the rows are moved, not reset, so selections and
        other persistent indexes follow their claims.
        """
        if self.loading and not self._reordering:
            reorder = False  # a reset is on its way: the window replacing it resets too
        self._reordering = reorder
        self._generation += 1
        generation = self._generation
        flt, sort, desc = self.filter, self.sort_by, self.descending
        followed = self._followed() if reorder else {}
        count_before = self._count
        alive = [True]  # emptied when the model goes before the window arrives
        self.destroyed.connect(lambda *_: alive.clear())
        self._waiting = set()
        self.loading = True
        self.loadingChanged.emit(True)
        load = self._load_order
        keep = sorted(set(followed.values()))

        def done(window: QueueWindow) -> None:
            if not alive or generation != self._generation:
                return  # gone, or a newer request is on its way
            self.loading = False
            if reorder and window.count == count_before and self.loaded:
                self._reorder(window, followed)
            else:
                self._swap_in(window)
            waiting = self._waiting
            self._waiting = set()
            if waiting:
                # Created or not, the window read may have met them: counted again.
                self.update_claims(waiting)
            self.loadingChanged.emit(False)

        def failed(error: BaseException) -> None:
            if alive and generation == self._generation:
                self.loading = False
                self.loadingChanged.emit(False)
                self.loadFailed.emit(error)

        self._job = run_job(
            "Review queue",
            lambda _progress: load(flt, sort, desc, keep),
            on_done=done,
            on_error=failed,
            show_progress=False,
        )

    def _clear_rows(self) -> None:
        self._rows, self._pos, self._cells = {}, {}, {}
        self._pages.clear()

    def _take_first(self, window: QueueWindow) -> None:
        self._count, self._walk = window.count, window.walk
        self._clear_rows()
        for row, item in enumerate(window.first[: self._count]):
            self._put(row, item)
        if window.first:
            self._pages[0] = None

    def _swap_in(self, window: QueueWindow) -> None:
        self.beginResetModel()
        self._take_first(window)
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
        self.reload_async(reorder=True)

    def _followed(self) -> dict[int, str]:
        """The claims the persistent indexes (selection, current row) stand on, by row."""
        rows = {p.row() for p in self.persistentIndexList() if p.isValid()}
        return {r: cid for r in rows if (cid := self._id_held(r)) is not None}

    def _reorder(self, window: QueueWindow, followed: dict[int, str]) -> None:
        """The same claims in another order: persistent indexes follow their claims."""
        self.layoutAboutToBeChanged.emit()
        self._take_first(window)
        for p in self.persistentIndexList():
            cid = followed.get(p.row())
            rank = window.ranks.get(cid) if cid is not None else None
            if rank is None or rank >= self._count:
                self.changePersistentIndex(p, QModelIndex())
            else:
                self.changePersistentIndex(p, self.index(rank, p.column()))
        self.layoutChanged.emit()

    # ------------------------------------------------------------ pages

    def _id_held(self, row: int) -> str | None:
        item = self._rows.get(row)
        return None if item is None else str(item.claim_id)

    def _put(self, row: int, item: QueueItem) -> None:
        old = self._rows.get(row)
        if old is not None and self._pos.get(str(old.claim_id)) == row:
            del self._pos[str(old.claim_id)]
        cid = str(item.claim_id)
        stale = self._pos.get(cid)
        if stale is not None and stale != row:
            self._rows.pop(stale, None)
        self._rows[row] = item
        self._pos[cid] = row
        self._cells.pop(cid, None)

    def _item(self, row: int) -> QueueItem | None:
        item = self._rows.get(row)
        if item is not None:
            if row // PAGE in self._pages:
                self._pages.move_to_end(row // PAGE)
            return item
        number = row // PAGE
        self.page_reads += 1
        found = self._reads.page(
            self.filter,
            self.sort_by,
            self.descending,
            number * PAGE,
            PAGE,
            self._count,
            self._walk,
        )
        for offset, got in enumerate(found):
            if number * PAGE + offset < self._count:
                self._put(number * PAGE + offset, got)
        self._pages[number] = None
        self._pages.move_to_end(number, last=True)
        self._evict(keep=number)
        return self._rows.get(row)

    def _evict(self, keep: int) -> None:
        # The pages of the selection and current row stay: their claims are followed.
        pinned = {keep} | {p.row() // PAGE for p in self.persistentIndexList() if p.isValid()}
        for number in [n for n in self._pages if n not in pinned]:
            if len(self._pages) <= CACHED_PAGES:
                break
            del self._pages[number]
            for r in range(number * PAGE, (number + 1) * PAGE):
                self._drop(r)
        if len(self._rows) > HELD_LIMIT:  # rows shifted off their pages by edits
            for r in [r for r in self._rows if r // PAGE not in self._pages]:
                self._drop(r)

    def _drop(self, row: int) -> None:
        item = self._rows.pop(row, None)
        if item is not None:
            cid = str(item.claim_id)
            if self._pos.get(cid) == row:
                del self._pos[cid]
            self._cells.pop(cid, None)

    @property
    def held(self) -> int:
        """How many rows the model holds now (bounded by :data:`HELD_LIMIT`)."""
        return len(self._rows)

    # ------------------------------------------------------------ targeted refresh

    def apply(self, changes: Changes) -> None:
        """Bring the rows named by *changes* up to date; reload only on ``everything``."""
        if changes.everything:
            self.reload_async()
            return
        claim_ids = {cid for cid in changes.ids(Entity.CLAIM) if self._concerns(changes, cid)}
        created = changes.ids(Entity.CLAIM, Op.CREATED)
        for entity in (Entity.COMMENT, Entity.VERDICT):
            parents = {c.parent for c in changes.of(entity) if c.parent}
            # A comment moves a row in the threads order only; elsewhere it shows.
            claim_ids |= {
                cid
                for cid in parents
                if cid in self._pos or self.sort_by is QueueSort.THREADS or self.loading
            }
        if claim_ids:
            self.update_claims(claim_ids, created=created)
        # A renamed source, article or analyst: drop held rows, repaint what shows.
        if _renames(changes):
            self._clear_rows()
            if self._count:
                self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, COL_QUOTE))

    def _concerns(self, changes: Changes, claim_id: str) -> bool:
        """False for a claim whose row is not held and whose changed fields (when the
        record names them) neither put it in or out of the queue nor move it."""
        if claim_id in self._pos or self.loading:
            return True
        fields = changes.fields_of(Entity.CLAIM, claim_id)
        return (
            not fields
            or bool(fields & ORDER_FIELDS)
            or any(c.op is not Op.UPDATED for c in changes.of(Entity.CLAIM) if c.id == claim_id)
        )

    def update_claims(self, claim_ids: Collection[str], *, created: Collection[str] = ()) -> None:
        """Insert, remove, update or move the rows of *claim_ids*.

        The database gives each claim's row now (its rank); the row each had is
        known for the rows held.  A claim not held is taken as new to the queue
        when the record says it was *created*, or when counting the queue again
        says so; when not (a claim that left or moved from a row never read), the
        count and window are read again, the persistent indexes following their
        claims.
        """
        ids = {str(i) for i in claim_ids}
        created_ids = {str(i) for i in created} & ids
        if self.loading:
            self._waiting |= ids
            return
        if not self.loaded:
            return
        if len(ids) > EXACT_LIMIT:
            self._resync()
            return
        old = {cid: self._pos[cid] for cid in ids if cid in self._pos}
        asked = [cid for cid in ids if cid in old or self._reads.may_wait(cid)]
        ranks = self._ranks(asked)
        now = {cid: ranks.get(cid) for cid in ids}
        if any(cid not in old and cid not in created_ids for cid in ids):
            # Some may have been in the queue on rows never read: if none was, the
            # queue counts the rows held that stay and the claims that are in now.
            members = sum(1 for rank in now.values() if rank is not None)
            count = self._reads.count(self.filter)
            if count != self._count - len(old) + members:
                self._resync(count)
                return
        self._apply_ranks(old, now)

    def _ranks(self, claim_ids: list[str]) -> dict[str, int | None]:
        if not claim_ids:
            return {}
        return self._reads.ranks(self.filter, self.sort_by, self.descending, claim_ids, self._walk)

    def _apply_ranks(self, old: dict[str, int], now: dict[str, int | None]) -> None:
        """Apply the new ranks of some claims (*old*: the rows of those held)."""
        leaving = sorted((row for cid, row in old.items() if now[cid] is None), reverse=True)
        for row in leaving:
            self._remove(row)
        staying = [cid for cid in old if now[cid] is not None]
        entering = sorted(
            ((r, cid) for cid, r in now.items() if r is not None and cid not in old),
        )
        fresh = {
            str(i.claim_id): i for i in self._reads.items([*staying, *(c for _, c in entering)])
        }
        # Each staying row's place among the rows there now (the entering ones not in yet).
        targets: dict[str, int] = {}
        for cid in staying:
            rank = now[cid]
            assert rank is not None
            targets[cid] = rank - sum(1 for r, _ in entering if r < rank)
        moving = [cid for cid in staying if targets[cid] != self._pos[cid]]
        if len(moving) > 1:  # several rows trading places: read the window again
            self._resync()
            return
        for cid in staying:
            self._move(self._pos[cid], targets[cid], fresh.get(cid))
        for rank, cid in entering:
            self._insert(rank, fresh.get(cid))

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._drop(row)
        self._reindex(held_rows.after_removal(self._rows, row))
        self._count -= 1
        self.endRemoveRows()

    def _insert(self, rank: int, item: QueueItem | None) -> None:
        rank = max(0, min(rank, self._count))
        self.beginInsertRows(QModelIndex(), rank, rank)
        self._reindex(held_rows.after_insertion(self._rows, rank))
        self._count += 1
        if item is not None:
            self._put(rank, item)
        self.endInsertRows()

    def _move(self, src: int, rank: int, item: QueueItem | None) -> None:
        rank = max(0, min(rank, self._count - 1))
        if rank == src:
            if item is None:
                self._drop(src)
            else:
                self._put(src, item)
            self.dataChanged.emit(self.index(src, 0), self.index(src, COL_QUOTE))
            return
        dest = rank + 1 if rank > src else rank  # Qt counts before the move
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dest)
        self._reindex(held_rows.after_move(self._rows, src, rank))
        if item is not None:
            self._put(rank, item)
        self.endMoveRows()

    def _reindex(self, rows: dict[int, QueueItem]) -> None:
        self._rows = rows
        self._pos = {str(item.claim_id): r for r, item in rows.items()}

    def _resync(self, count: int | None = None) -> None:
        """Count again and drop the rows held; persistent indexes follow their claims."""
        self.resyncs += 1
        followed = self._followed()
        if count is None:
            count = self._reads.count(self.filter)
        ranks = self._ranks(sorted(set(followed.values())))
        old = self._count
        if count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self._count = count
            self.endRemoveRows()
        elif count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._count = count
            self.endInsertRows()
        self.layoutAboutToBeChanged.emit()
        self._clear_rows()
        for p in self.persistentIndexList():
            cid = followed.get(p.row())
            rank = ranks.get(cid) if cid is not None else None
            if rank is None or rank >= self._count:
                self.changePersistentIndex(p, QModelIndex())
            else:
                self.changePersistentIndex(p, self.index(rank, p.column()))
        self.layoutChanged.emit()

    # ------------------------------------------------------------ queries for views

    @property
    def claim_ids(self) -> list[str]:
        """Every claim id in display order, read page by page past the rows held (for
        tests and small queues: the window held stays the view's)."""
        ids: list[str] = []
        for start in range(0, self._count, PAGE):
            page = self._reads.page(
                self.filter, self.sort_by, self.descending, start, PAGE, self._count, self._walk
            )
            ids.extend(str(item.claim_id) for item in page)
        return ids[: self._count]

    def row_of(self, claim_id: str) -> int | None:
        """The row of *claim_id* (asks the database when its row is not held)."""
        cid = str(claim_id)
        row = self._pos.get(cid)
        if row is not None or not self.loaded or not self._count:
            return row
        rank = self._ranks([cid]).get(cid)
        return rank if rank is not None and rank < self._count else None

    def claim_id_at(self, row: int) -> str | None:
        item = self.item_at(row)
        return None if item is None else str(item.claim_id)

    def item_at(self, row: int) -> QueueItem | None:
        return self._item(row) if 0 <= row < self._count else None

    def held_ids(self) -> Iterable[str]:
        return self._pos.keys()

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

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
        if not 0 <= row < self._count:
            return None
        item = self._item(row)
        if item is None:
            return None
        if role == ClaimIdRole:
            return str(item.claim_id)
        col = index.column()
        if role == DISPLAY:
            cid = str(item.claim_id)
            cells = self._cells.get(cid)
            if cells is None:
                cells = tuple(_cell(item, c) for c in range(len(TITLES)))
                self._cells[cid] = cells
            return cells[col]
        if role == DECORATION and col != COL_STATUS:
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


# The fields of a claim that put it in or out of the queue, or move it in an order.
ORDER_FIELDS = frozenset(
    {
        "status",
        "contested",
        "assignee_id",
        "source_id",
        "article_id",
        "quote",
        "reliability",
        "credibility",
    }
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
