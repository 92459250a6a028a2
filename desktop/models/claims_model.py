"""The claims table model: flat tuples from :func:`db.claim_rows.claim_rows`.

Rows are loaded in one query; sorting happens in Python on the loaded rows;
changed claims are re-read by id and patched in place.  ``load`` reads on the
calling thread; ``load_async`` reads (and sorts) in the thread pool and swaps
the rows in on the GUI thread, ignoring results of superseded requests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont

from db.claim_rows import (
    R_ARTICLE,
    R_CREDIBILITY,
    R_EVENT_END,
    R_EVENT_START,
    R_ID,
    R_QUOTE,
    R_RELIABILITY,
    R_SOURCE,
    R_STATEMENT,
    R_STATUS,
    R_TAGS,
    R_THREADS,
    R_UPDATED,
    ClaimRow,
    claim_rows,
)
from db.claims import ClaimFilter
from db.comments import open_thread_counts
from db.models import CREDIBILITY, RELIABILITY, Status
from db.workspace import Workspace
from desktop.palette import status_icon
from desktop.workers import run_job

(
    COL_ID,
    COL_STATUS,
    COL_GRADING,
    COL_SOURCE,
    COL_STATEMENT,
    COL_QUOTE,
    COL_ARTICLE,
    COL_TAGS,
    COL_EVENT_DATE,
    COL_UPDATED,
    COL_THREADS,
) = range(11)
COLUMN_TITLES = (
    "ID",
    "Status",
    "Grading",
    "Source",
    "Statement",
    "Quote",
    "Article",
    "Tags",
    "Event date",
    "Updated",
    "Threads",
)
ClaimIdRole = Qt.ItemDataRole.UserRole.value + 1
StatusRole = Qt.ItemDataRole.UserRole.value + 2
SortRole = Qt.ItemDataRole.UserRole.value + 3

ModelIndex = QModelIndex | QPersistentModelIndex
_DISPLAY_LIMIT = 300  # long statements are cut for display; the tooltip has them whole
_SORTED_INSERT_MAX = 50  # more new rows than this are appended at the end


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _DISPLAY_LIMIT else text[: _DISPLAY_LIMIT - 1] + "…"


def _grading(row: ClaimRow) -> str:
    return f"{row[R_RELIABILITY] or ''}{row[R_CREDIBILITY] or ''}"


def event_date_text(start: dt.date | None, end: dt.date | None) -> str:
    if start is None:
        return ""
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()}/{end.isoformat()}"


def _status(row: ClaimRow) -> Status:
    try:
        return Status(row[R_STATUS])
    except ValueError:
        return Status.UNVERIFIED


_STATUS_ORDER = {s: i for i, s in enumerate(Status)}
_MIN_DATE = dt.date.min
_MIN_TIME = dt.datetime.min.replace(tzinfo=dt.UTC)

SORT_KEYS: dict[int, Callable[[ClaimRow], Any]] = {
    COL_ID: lambda r: r[R_ID],
    COL_STATUS: lambda r: _STATUS_ORDER.get(_status(r), 99),
    COL_GRADING: lambda r: (r[R_RELIABILITY] or "Z", r[R_CREDIBILITY] or 9),
    COL_SOURCE: lambda r: r[R_SOURCE].casefold(),
    COL_STATEMENT: lambda r: r[R_STATEMENT].casefold(),
    COL_QUOTE: lambda r: r[R_QUOTE].casefold(),
    COL_ARTICLE: lambda r: r[R_ARTICLE].casefold(),
    COL_TAGS: lambda r: r[R_TAGS].casefold(),
    COL_EVENT_DATE: lambda r: r[R_EVENT_START] or _MIN_DATE,
    COL_UPDATED: lambda r: r[R_UPDATED] or _MIN_TIME,
    COL_THREADS: lambda r: r[R_THREADS],
}


_NCOLS = len(COLUMN_TITLES)
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_CENTER = Qt.AlignmentFlag.AlignCenter
_DESCENDING = Qt.SortOrder.DescendingOrder
_HANDLED = frozenset(
    {
        _DISPLAY,
        _DECORATION,
        _FOREGROUND,
        _FONT,
        _TOOLTIP,
        _ALIGN,
        ClaimIdRole,
        StatusRole,
        SortRole,
    }
)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ClaimsTableModel(QAbstractTableModel):
    """Claims as rows; ``load(flt)``/``load_async(flt)`` re-read them, ``refresh_ids`` patches some.

    ``loaded(int)`` follows every completed full load with the row count;
    ``loadingChanged(bool)`` tells whether a background load is running and
    ``loadFailed(object)`` carries the exception of one that failed.
    """

    loaded = Signal(int)
    loadingChanged = Signal(bool)
    loadFailed = Signal(object)

    def __init__(self, ws_getter: Callable[[], Workspace], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = ws_getter
        self._rows: list[ClaimRow] = []
        self._index: dict[str, int] = {}
        self._cells: dict[str, tuple[str, ...]] = {}  # display texts, made on first paint
        self._filter = ClaimFilter()
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._sorted = False  # rows are in self._sort order (no edits since)
        self._request = 0  # number of the latest full load; older results are dropped
        self._pending: int | None = None  # the background load being waited for
        self._touched: set[str] = set()  # ids patched while a background load ran
        self._mono = QFont("monospace")
        self._mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self._grey = QColor("#6b7280")

    # ------------------------------------------------------------ loading

    @property
    def claim_filter(self) -> ClaimFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        """A background load was started and its rows are not shown yet."""
        return self._pending is not None

    def load(self, flt: ClaimFilter | None = None) -> int:
        """Replace every row with the claims matching *flt* (or the current filter), now."""
        if flt is not None:
            self._filter = flt
        rows = claim_rows(self._ws(), self._filter)
        self._request += 1  # results of background loads started earlier are dropped
        self._touched = set()
        self._set_pending(None)
        self._swap(rows, None, None)
        self.loaded.emit(len(rows))
        return len(rows)

    def load_async(self, flt: ClaimFilter | None = None) -> int:
        """Start re-reading the rows in the background; returns the request number.

        The rows are swapped in (and ``loaded`` emitted) on the GUI thread once
        read, unless a newer ``load``/``load_async`` was asked for meanwhile.
        """
        if flt is not None:
            self._filter = flt
        self._request += 1
        request = self._request
        ws = self._ws()
        wanted = self._filter
        sort = self._sort

        def work(_progress: Any) -> tuple[int, Any, Any, Any]:
            if request != self._request:  # superseded while queued: skip the query
                return request, None, None, []
            try:
                rows = claim_rows(ws, wanted)
                if sort is not None:
                    rows.sort(key=SORT_KEYS[sort[0]], reverse=sort[1] == _DESCENDING)
                index = {row[R_ID]: i for i, row in enumerate(rows)}
            except Exception as exc:  # handed to the GUI thread with its request number
                return request, None, None, exc
            return request, sort, index, rows

        self._set_pending(request)
        run_job("Loading claims", work, show_progress=False, on_done=self._load_done)
        return request

    @Slot(object)
    def _load_done(self, result: tuple[int, Any, Any, Any]) -> None:
        request, sort, index, rows = result
        if request != self._request:
            return  # superseded by a newer request
        self._set_pending(None)
        if isinstance(rows, BaseException):
            self.loadFailed.emit(rows)
            return
        touched, self._touched = self._touched, set()
        self._swap(rows, sort, index)
        if touched:  # changed while the rows were being read: read those again
            self.refresh_ids(touched)
        self.loaded.emit(len(self._rows))

    def _set_pending(self, request: int | None) -> None:
        was = self._pending is not None
        self._pending = request
        if was != (request is not None):
            self.loadingChanged.emit(request is not None)

    def _swap(
        self,
        rows: list[ClaimRow],
        sorted_by: tuple[int, Qt.SortOrder] | None,
        index: dict[str, int] | None,
    ) -> None:
        self.beginResetModel()
        self._rows = rows
        self._cells = {}
        if self._sort is not None and (sorted_by != self._sort or index is None):
            self._sort_rows(*self._sort)
            self._reindex()
        else:
            self._sorted = self._sort is not None
            if index is None:
                self._reindex()
            else:
                self._index = index
        self.endResetModel()

    def clear(self) -> None:
        self._request += 1
        self._set_pending(None)
        self.beginResetModel()
        self._rows = []
        self._index = {}
        self._cells = {}
        self.endResetModel()

    def _reindex(self) -> None:
        self._index = {row[R_ID]: i for i, row in enumerate(self._rows)}

    def refresh_ids(self, ids: Iterable[str]) -> None:
        """Re-read the given claims: update rows in place, drop vanished ones, add new ones."""
        wanted = {str(i) for i in ids}
        if not wanted:
            self.load()
            return
        if self._pending is not None:
            self._touched |= wanted
        fresh = {row[R_ID]: row for row in claim_rows(self._ws(), self._filter, wanted)}
        self._sorted = False
        for cid in wanted:
            self._cells.pop(cid, None)
        gone = sorted(
            (self._index[i] for i in wanted if i in self._index and i not in fresh), reverse=True
        )
        for pos in gone:
            self.beginRemoveRows(QModelIndex(), pos, pos)
            del self._rows[pos]
            self.endRemoveRows()
        if gone:
            self._reindex()
        last = self.columnCount() - 1
        roles = [
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            StatusRole,
            SortRole,
        ]
        for cid, row in fresh.items():
            pos = self._index.get(cid)
            if pos is not None:
                self._rows[pos] = row
                self.dataChanged.emit(self.index(pos, 0), self.index(pos, last), roles)
        added = [row for cid, row in fresh.items() if cid not in self._index]
        if added and self._sort is not None and len(added) <= _SORTED_INSERT_MAX:
            for row in added:  # keep a sorted table sorted
                pos = self._insert_position(row)
                self.beginInsertRows(QModelIndex(), pos, pos)
                self._rows.insert(pos, row)
                self.endInsertRows()
            self._reindex()
        elif added:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self._rows.extend(added)
            for offset, row in enumerate(added):
                self._index[row[R_ID]] = start + offset
            self.endInsertRows()

    def refresh_thread_counts(self) -> int:
        """Re-read the open-thread counts of every claim; returns how many rows changed."""
        counts = {str(cid): n for cid, n in open_thread_counts(self._ws()).items()}
        check = {row[R_ID] for row in self._rows if row[R_THREADS]} | set(counts)
        if self._pending is not None:
            self._touched |= check
        changed = 0
        for cid in check:
            pos = self._index.get(cid)
            if pos is None:
                continue
            row = self._rows[pos]
            n = counts.get(cid, 0)
            if row[R_THREADS] == n:
                continue
            self._rows[pos] = (*row[:R_THREADS], n, *row[R_THREADS + 1 :])
            self._cells.pop(cid, None)
            cell = self.index(pos, COL_THREADS)
            self.dataChanged.emit(
                cell, cell, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole]
            )
            changed += 1
        if changed and self._sort is not None and self._sort[0] == COL_THREADS:
            self._sorted = False
        return changed

    def _insert_position(self, row: ClaimRow) -> int:
        """Where *row* belongs in the current sort order (binary search)."""
        assert self._sort is not None
        column, order = self._sort
        key = SORT_KEYS[column]
        wanted = key(row)
        descending = order == Qt.SortOrder.DescendingOrder
        lo, hi = 0, len(self._rows)
        while lo < hi:
            mid = (lo + hi) // 2
            here = key(self._rows[mid])
            if (here > wanted) if descending else not (wanted < here):
                lo = mid + 1
            else:
                hi = mid
        return lo

    # ------------------------------------------------------------ access

    def row_of(self, claim_id: str) -> int | None:
        return self._index.get(str(claim_id))

    def claim_id_at(self, row: int) -> str | None:
        return self._rows[row][R_ID] if 0 <= row < len(self._rows) else None

    def raw_row(self, row: int) -> ClaimRow:
        return self._rows[row]

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMN_TITLES):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMN_TITLES[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == COL_GRADING:
                return "Source reliability (A–F) and information credibility (1–6)"
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        # Called for every visible cell and role: keep the common path short.
        if role not in _HANDLED:
            return None
        r = index.row()
        col = index.column()
        if not 0 <= r < len(self._rows) or not 0 <= col < _NCOLS:
            return None
        row = self._rows[r]
        if role == _DISPLAY:
            cells = self._cells.get(row[R_ID])
            if cells is None:
                cells = tuple(self._display(row, c) for c in range(_NCOLS))
                self._cells[row[R_ID]] = cells
            return cells[col]
        if role == _DECORATION:
            return status_icon(_status(row)) if col == COL_STATUS else None
        if role == _FOREGROUND:
            return self._grey if col in (COL_ID, COL_UPDATED) else None
        if role == _FONT:
            return self._mono if col in (COL_ID, COL_GRADING) else None
        if role == _ALIGN:
            return _CENTER if col == COL_THREADS else None
        if role == ClaimIdRole:
            return row[R_ID]
        if role == StatusRole:
            return str(row[R_STATUS])
        if role == SortRole:
            return SORT_KEYS[col](row)
        return self._tooltip(row, col)

    def _display(self, row: ClaimRow, col: int) -> str:
        if col == COL_ID:
            return row[R_ID].replace("-", "")[:8]
        if col == COL_STATUS:
            return _status(row).label
        if col == COL_GRADING:
            return _grading(row)
        if col == COL_SOURCE:
            return row[R_SOURCE]
        if col == COL_STATEMENT:
            return _one_line(row[R_STATEMENT])
        if col == COL_QUOTE:
            return _one_line(row[R_QUOTE])
        if col == COL_ARTICLE:
            return row[R_ARTICLE]
        if col == COL_TAGS:
            return row[R_TAGS]
        if col == COL_EVENT_DATE:
            return event_date_text(row[R_EVENT_START], row[R_EVENT_END])
        if col == COL_THREADS:
            return str(row[R_THREADS]) if row[R_THREADS] else ""
        updated = row[R_UPDATED]
        return updated.astimezone().strftime("%Y-%m-%d %H:%M") if updated else ""

    def _tooltip(self, row: ClaimRow, col: int) -> str | None:
        if col == COL_GRADING:
            parts = []
            if row[R_RELIABILITY]:
                parts.append(f"{row[R_RELIABILITY]}: {RELIABILITY.get(row[R_RELIABILITY], '')}")
            if row[R_CREDIBILITY]:
                parts.append(f"{row[R_CREDIBILITY]}: {CREDIBILITY.get(row[R_CREDIBILITY], '')}")
            return "\n".join(parts) or "Not graded"
        if col == COL_STATEMENT:
            return row[R_STATEMENT]
        if col == COL_QUOTE:
            return row[R_QUOTE]
        if col == COL_ID:
            return row[R_ID]
        if col == COL_THREADS and row[R_THREADS]:
            n = row[R_THREADS]
            return f"{n} open discussion thread{'s' if n != 1 else ''}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        if self._sorted and self._sort == (column, order):
            return  # the view may ask twice for the same order
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        persistent = self.persistentIndexList()
        self._sort_rows(column, order)
        self._reindex()
        new_from = [
            QModelIndex()
            if not p.isValid()
            else self.index(self._index[old[p.row()][R_ID]], p.column())
            for p in persistent
        ]
        self.changePersistentIndexList(persistent, new_from)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._sort = (column, order)
        self._rows.sort(key=SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self._sorted = True
