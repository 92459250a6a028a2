"""The claims table model: a window of rows read from the database a page at a time.

The model never holds every claim.  It knows how many claims match the filter
(a COUNT read in the background, shown as it arrives), keeps the pages the
view asked for (a few hundred rows each, the least recently used dropped), and
asks for a missing page in the background when the view paints a row it does
not hold.  Sorting and filtering happen in SQL (see db/claim_pages.py): a new
order or filter reads the first page first and swaps it in when it arrives.

A write's change record (``apply_changes``) refreshes only the rows it names:
held rows are re-read in place, a new claim is inserted where it sorts, a moved
one is moved, a deleted one removed; a change the model cannot place (a claim
it never read deleted, say) reads the count and the held pages again.  No
change ever re-lists the table.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from db.changes import Changes
from db.claim_criteria import ClaimFilter
from db.enums import CREDIBILITY, RELIABILITY, Status
from db.invisible import marked
from db.workspace import Workspace
from desktop.models import claims_refresh, held_rows
from desktop.models.claims_refresh import Item, Plan, Snapshot
from desktop.operations import claims_table as ops
from desktop.operations.claims_table import (
    R_ARTICLE,
    R_ARTICLE_ID,
    R_CONTESTED,
    R_CREDIBILITY,
    R_EVENT_END,
    R_EVENT_START,
    R_ID,
    R_QUOTE,
    R_RELAYS,
    R_RELIABILITY,
    R_SOURCE,
    R_STATEMENT,
    R_STATUS,
    R_SUPERSEDED_BY,
    R_TAGS,
    R_THREADS,
    R_UPDATED,
    ClaimOrder,
    ClaimRow,
    SortKey,
)
from desktop.palette import contested_color, status_icon, status_tip, superseded_color
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
    COL_RELAYS,
) = range(12)
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
    "Relayed by",
)
ClaimIdRole = Qt.ItemDataRole.UserRole.value + 1
StatusRole = Qt.ItemDataRole.UserRole.value + 2
SortRole = Qt.ItemDataRole.UserRole.value + 3

ModelIndex = QModelIndex | QPersistentModelIndex
_DISPLAY_LIMIT = 300  # long statements are cut for display; the tooltip has them whole


def _one_line(text: str) -> str:
    # Marked first: invisible and direction characters show as <U+XXXX> (a
    # separator among them would otherwise vanish as white space).
    text = " ".join(marked(text).split())
    return text if len(text) <= _DISPLAY_LIMIT else text[: _DISPLAY_LIMIT - 1] + "…"


def _grading(row: ClaimRow) -> str:
    return f"{row[R_RELIABILITY] or ''}{row[R_CREDIBILITY] or ''}"


def event_date_text(start: dt.date | None, end: dt.date | None) -> str:
    if start is None:
        return ""
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()}/{end.isoformat()}"


def status_text(row: ClaimRow) -> str:
    """The status cell: ``Verified · contested``, ``Unverified · superseded``."""
    text = _status(row).label
    if row[R_CONTESTED]:
        text += " · contested"
    if row[R_SUPERSEDED_BY]:
        text += " · superseded"
    return text


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
    COL_RELAYS: lambda r: r[R_RELAYS].casefold(),
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
# What a re-read row may change (a row read for the first time changes every role).
_ROW_ROLES = [_DISPLAY, _DECORATION, _TOOLTIP, StatusRole, SortRole]
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def alive_flag(obj: QObject) -> list[bool]:
    """A flag cleared when *obj* is destroyed: late background results then go nowhere."""
    flag = [True]
    obj.destroyed.connect(lambda *_args: flag.__setitem__(0, False))
    return flag


SORT_COLUMNS: dict[int, SortKey] = {
    COL_ID: SortKey.ID,
    COL_STATUS: SortKey.STATUS,
    COL_GRADING: SortKey.GRADING,
    COL_SOURCE: SortKey.SOURCE,
    COL_STATEMENT: SortKey.STATEMENT,
    COL_QUOTE: SortKey.QUOTE,
    COL_ARTICLE: SortKey.ARTICLE,
    COL_TAGS: SortKey.TAGS,
    COL_EVENT_DATE: SortKey.EVENT,
    COL_UPDATED: SortKey.UPDATED,
    COL_THREADS: SortKey.THREADS,
    COL_RELAYS: SortKey.RELAYS,
}

log = logging.getLogger(__name__)

CACHED_PAGES = 8  # pages held at most (the least recently used are dropped)
HOLD_PAGES = 2  # pages read at most for the claims of the article being read


class ClaimsTableModel(QAbstractTableModel):
    """Claims as rows, read a page at a time (see the module docstring).

    ``load(flt)`` reads the count and the first page now; ``load_async(flt)``
    and ``sort`` read them in the background.  ``loaded(int)`` follows the
    first page of every load with the row count known then; ``countChanged``
    every change of the row count; ``loadingChanged(bool)`` tells whether a
    first page is awaited; ``loadFailed(object)`` carries a read's exception;
    ``refreshed()`` follows every applied change; ``located(str, int)``
    answers ``locate`` with the claim's row (-1: not shown).
    """

    loaded = Signal(int)
    countChanged = Signal(int)
    loadingChanged = Signal(bool)
    loadFailed = Signal(object)
    refreshed = Signal()
    located = Signal(str, int)

    def __init__(
        self,
        ws_getter: Callable[[], Workspace],
        parent: QObject | None = None,
        *,
        page_size: int = ops.PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._ws = ws_getter
        self.page_size = page_size
        self._filter = ClaimFilter()
        self._order = ClaimOrder()
        self._shown = (self._filter, self._order)  # what the rows held were read for
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._count = 0
        self._count_known = True
        self._rows: dict[int, ClaimRow] = {}
        self._pos: dict[str, int] = {}
        self._cells: dict[str, tuple[str, ...]] = {}  # display texts, made on first paint
        self._gen = 0  # bumped by every (re)load: results of older reads are dropped
        self._layout = 0  # bumped when rows may have moved: older page reads are dropped
        self._first_pending = False
        self._early_count: int | None = None  # a count that arrived before the first page
        self._count_after_first = False  # the count is read once the first page is shown
        self._requested: set[int] = set()
        self._deferred: set[int] = set()  # pages wanted while a refresh is being read
        self._recent_page = 0
        self._queue: dict[str, Item] = {}
        self._queue_resync = False
        self._refreshing = False
        self._in_flight: set[str] = set()  # claims the refresh being read places
        self._known: dict[str, ClaimRow] = {}  # rows of queued new claims, made as written
        self._locate_after: set[str] = set()  # claims to locate once that refresh is in
        self._hold_after: str | None = None  # an article to hold once the first page is in
        self._mono = QFont("monospace")
        self._mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self._alive = alive_flag(self)

    # ------------------------------------------------------------ state

    @property
    def claim_filter(self) -> ClaimFilter:
        return self._filter

    @property
    def order(self) -> ClaimOrder:
        return self._order

    @property
    def loading(self) -> bool:
        """A new filter or order was asked for and its first rows are not shown yet."""
        return self._first_pending

    @property
    def count_known(self) -> bool:
        """``rowCount`` is the number of matching claims (not just the rows read so far)."""
        return self._count_known and not self._first_pending

    @property
    def busy(self) -> bool:
        """Some read for the rows shown is still running (first page, count, refresh)."""
        return self._first_pending or not self._count_known or self._refreshing

    def is_loaded(self, row: int) -> bool:
        return row in self._rows

    def _set_loading(self, loading: bool) -> None:
        if loading != self._first_pending:
            self._first_pending = loading
            self.loadingChanged.emit(loading)

    def _fail(self, gen: int, exc: BaseException) -> None:
        if gen != self._gen:
            return
        if self._first_pending:  # keep the rows shown, under the filter and order they had
            self._filter, self._order = self._shown
        self._gen += 1  # the other reads of that request are dropped
        self._set_loading(False)
        self._count_known = True
        self._refreshing = False
        self.loadFailed.emit(exc)

    def _job(
        self,
        title: str,
        work: Callable[[Any], Any],
        *,
        show_progress: bool,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run *work* in the background; its outcome is dropped once the model is gone."""

        alive = self._alive

        def done(result: Any) -> None:
            if alive[0]:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if alive[0]:
                on_error(exc)

        run_job(title, work, show_progress=show_progress, on_done=done, on_error=failed)

    # ------------------------------------------------------------ loading

    def load(self, flt: ClaimFilter | None = None) -> int:
        """Show the claims matching *flt* (or the current filter), read now; returns the count."""
        if flt is not None:
            self._filter = flt
        self._new_generation()
        ws = self._ws()
        count = ops.count(ws, self._filter)
        rows = ops.page(ws, self._filter, self._order, 0, total=count, size=self.page_size)
        self._show_first(rows, count)
        return count

    def load_async(self, flt: ClaimFilter | None = None) -> int:
        """Read the first page, then the count, in the background; returns the request number."""
        if flt is not None:
            self._filter = flt
        self._start_async(count_too=True)
        return self._gen

    def _new_generation(self) -> None:
        self._gen += 1
        self._layout += 1
        self._requested = set()
        self._deferred = set()
        self._queue = {}
        self._queue_resync = False
        self._refreshing = False
        self._in_flight = set()
        self._locate_after = set()
        self._known = {}
        self._early_count = None
        self._count_after_first = False
        self._set_loading(False)

    def _start_async(self, *, count_too: bool) -> None:
        known = None if count_too else self._count
        self._new_generation()
        self._early_count = known  # a new order keeps the count
        gen = self._gen
        ws, flt, order, size = self._ws(), self._filter, self._order, self.page_size
        self._set_loading(True)
        if count_too:
            self._count_known = False
        self._job(
            "Reading claims",
            lambda _p: ops.page(ws, flt, order, 0, size=size),
            show_progress=False,
            on_done=lambda rows: self._first_done(gen, rows),
            on_error=lambda exc: self._fail(gen, exc),
        )
        # A text's count matches the same index as its first page, at about the same
        # cost: read beside the page, on a busy machine it would hold the first rows
        # back, so it is read once they are shown (the row count, the scroll bar and
        # the count line follow).  Other counts are quick and come with the page.
        if count_too and flt.text.strip():
            self._count_after_first = True
        elif count_too:
            self._start_count()

    def _start_count(self) -> None:
        gen, layout = self._gen, self._layout
        ws, flt = self._ws(), self._filter
        self._job(
            "Counting claims",
            lambda _p: ops.count(ws, flt),
            show_progress=False,
            on_done=lambda n: self._count_done(gen, layout, n),
            on_error=lambda exc: self._fail(gen, exc),
        )

    def _first_done(self, gen: int, rows: list[ClaimRow]) -> None:
        if gen != self._gen:
            return
        count = self._early_count
        if count is None and len(rows) < self.page_size:
            count = len(rows)  # the only page: the count is known
        self._show_first(rows, count)
        if self._count_after_first and gen == self._gen:
            self._count_after_first = False
            if not self._count_known:
                self._start_count()

    def _show_first(self, rows: list[ClaimRow], count: int | None) -> None:
        self._shown = (self._filter, self._order)
        self.beginResetModel()
        self._rows = dict(enumerate(rows))
        self._pos = {row[R_ID]: i for i, row in enumerate(rows)}
        self._cells = {}
        self._requested = set()
        if count is None:
            self._count = len(rows)  # for now; the count follows
        else:
            self._count = count
            self._count_known = True
        self.endResetModel()
        self._set_loading(False)
        self.loaded.emit(self._count)
        self.countChanged.emit(self._count)
        self._start_refresh()  # changes named while the first page was read
        if self._hold_after is not None:
            self.hold_article(self._hold_after)

    def _count_done(self, gen: int, layout: int, count: int) -> None:
        if gen != self._gen:
            return
        if layout != self._layout or self._refreshing:
            self._start_count()  # rows moved meanwhile: count again
            return
        if self._first_pending:
            self._early_count = count
            return
        self._count_known = True
        self._set_count(count)

    def _set_count(self, count: int) -> None:
        old = self._count
        if count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self._count = count
            for row in [r for r in self._rows if r >= count]:
                self._pos.pop(self._rows.pop(row)[R_ID], None)
            self.endRemoveRows()
        self.countChanged.emit(self._count)

    def clear(self) -> None:
        self._new_generation()
        self.beginResetModel()
        self._rows, self._pos, self._cells = {}, {}, {}
        self._count = 0
        self._count_known = True
        self.endResetModel()
        self.countChanged.emit(0)

    # ------------------------------------------------------------ pages

    def _want(self, row: int) -> None:
        number = row // self.page_size
        self._recent_page = number
        if number in self._requested:
            return
        self._requested.add(number)
        if self._refreshing:
            self._deferred.add(number)
        else:
            self._fetch(number)

    def _fetch(self, number: int) -> None:
        gen, layout = self._gen, self._layout
        ws, flt, order, size = self._ws(), self._filter, self._order, self.page_size
        total = self._count if self._count_known else None
        before = self._rows.get(number * size - 1)
        after = None if before is None else str(before[R_ID])

        def read(_progress: Any) -> list[ClaimRow] | None:
            # Waiting in the pool, the page may have scrolled far out of view, or the
            # rows been asked for again: then skip the read (the view asks again).
            if gen != self._gen or abs(number - self._recent_page) > CACHED_PAGES:
                return None
            return ops.page(ws, flt, order, number, total=total, size=size, after=after)

        self._job(
            "Reading claims",
            read,
            show_progress=False,
            on_done=lambda rows: self._page_done(gen, layout, number, rows),
            on_error=lambda exc: self._page_failed(gen, number, exc),
        )

    def _page_failed(self, gen: int, number: int, exc: BaseException) -> None:
        if gen == self._gen:
            self._requested.discard(number)
            self.loadFailed.emit(exc)

    def _page_done(self, gen: int, layout: int, number: int, rows: list[ClaimRow] | None) -> None:
        if gen != self._gen:
            return
        if rows is None:  # skipped as out of view
            self._requested.discard(number)
            return
        start = number * self.page_size
        last = min(self._count, start + self.page_size) - 1
        if layout != self._layout or self._refreshing:
            self._requested.discard(number)  # read again when the view asks again
            if last >= start:
                self._emit_changed(start, last)
            return
        for offset, row in enumerate(rows):
            r = start + offset
            if r >= self._count:
                break
            self._put(r, row)
        self._evict()
        if len(rows) < last - start + 1:  # fewer rows than counted: count again
            self._requested.discard(number)
            self._queue_resync = True
            self._start_refresh()
        if rows and last >= start:
            self._emit_changed(start, min(last, start + len(rows) - 1))

    def _put(self, r: int, row: ClaimRow) -> None:
        old = self._rows.get(r)
        if old is not None and self._pos.get(old[R_ID]) == r:
            del self._pos[old[R_ID]]
        self._rows[r] = row
        self._pos[row[R_ID]] = r
        self._cells.pop(row[R_ID], None)

    def _evict(self) -> None:
        pages = {r // self.page_size for r in self._rows}
        if len(pages) <= CACHED_PAGES:
            return
        keep = set(sorted(pages, key=lambda p: abs(p - self._recent_page))[:CACHED_PAGES])
        for r in [r for r in self._rows if r // self.page_size not in keep]:
            row = self._rows.pop(r)
            if self._pos.get(row[R_ID]) == r:
                del self._pos[row[R_ID]]
            self._cells.pop(row[R_ID], None)
        self._requested &= keep

    def _emit_changed(self, first: int, last: int, roles: list[int] | None = None) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, _NCOLS - 1), roles or [])

    # ------------------------------------------------------------ targeted refresh

    def apply_changes(self, changes: Changes) -> None:
        """Refresh the rows *changes* names, in the background; ``everything`` reloads."""
        if changes.everything:
            self.load_async()
            return
        items, resync = claims_refresh.items_of(changes, self._rows.values())
        if not items and not resync:
            return
        known = claims_refresh.new_rows(changes, self._filter)
        for claim_id, item in items.items():
            if claim_id in known and claim_id not in self._queue:
                self._known[claim_id] = known[claim_id]
            else:  # changed again since: read it
                self._known.pop(claim_id, None)
            claims_refresh.merge(self._queue, claim_id, item)
        self._queue_resync |= resync
        self._layout += 1  # pages read from now on may already show the change
        self._start_refresh()

    def refresh_claims(self, ids: Iterable[object]) -> None:
        """Like ``apply_changes`` for claims named without saying how they changed."""
        for claim_id in ids:
            claims_refresh.merge(self._queue, str(claim_id), Item(None))
        self._layout += 1
        self._start_refresh()

    def refresh_ids(self, ids: Iterable[object]) -> None:
        """Re-read the given claims now (how each changed is not known); none: everything."""
        wanted = [str(i) for i in ids]
        if not wanted:
            self.load()
            return
        items = {claim_id: Item(None) for claim_id in wanted}
        plan = claims_refresh.plan_refresh(self._ws(), self._snapshot(), items, False)
        self._apply_plan(plan)
        self.refreshed.emit()

    def _snapshot(self) -> Snapshot:
        pages = sorted({r // self.page_size for r in self._rows})
        return Snapshot(
            self._filter,
            self._order,
            self._count,
            dict(self._pos),
            pages,
            self._count_known and len(self._rows) >= self._count,
            self.page_size,
        )

    def _start_refresh(self) -> None:
        if self._refreshing or self._first_pending or not (self._queue or self._queue_resync):
            return
        items, resync = self._queue, self._queue_resync
        self._queue, self._queue_resync = {}, False
        self._refreshing = True
        self._in_flight = set(items)
        gen, layout = self._gen, self._layout
        ws, snap = self._ws(), self._snapshot()
        snap.known = {i: self._known.pop(i) for i in items if i in self._known}
        if len(items) == 1:
            snap.anchors = self._anchors(snap.known)
            plan = self._quick_plan(ws, snap, items) if not resync else None
            if plan is not None:
                self._refresh_done(gen, layout, items, resync, plan)
                return
        self._job(
            "Refreshing claims",
            lambda _p: claims_refresh.plan_refresh(ws, snap, items, resync),
            show_progress=False,
            on_done=lambda plan: self._refresh_done(gen, layout, items, resync, plan),
            on_error=lambda exc: self._fail(gen, exc),
        )

    @staticmethod
    def _quick_plan(ws: Workspace, snap: Snapshot, items: dict[str, Item]) -> Plan | None:
        """A claim just created beside held rows of its article is placed at once: two
        counts over that article's claims, no page read and no wait for a worker before
        the window repaints.  None: planned in the background."""
        try:
            return claims_refresh.quick_plan(ws, snap, items)
        except Exception as exc:  # the background plan reads again and reports
            log.debug("placing a new claim's row: %s", exc)
            return None

    def _anchors(self, rows: dict[str, ClaimRow]) -> dict[str, tuple[str, int]]:
        """A held claim of the article of each new row (see ``claims_refresh.Snapshot``)."""
        wanted = {row[R_ARTICLE_ID] for row in rows.values()}
        out: dict[str, tuple[str, int]] = {}
        if wanted and self._order.key in (SortKey.POSITION, SortKey.ARTICLE):
            for pos, row in self._rows.items():
                if row[R_ARTICLE_ID] in wanted and row[R_ARTICLE_ID] not in out:
                    out[row[R_ARTICLE_ID]] = (row[R_ID], pos)
        return out

    def _refresh_done(
        self, gen: int, layout: int, items: dict[str, Item], resync: bool, plan: Plan
    ) -> None:
        if gen != self._gen:
            return
        self._refreshing = False
        self._in_flight = set()
        if layout != self._layout:  # rows moved meanwhile: plan again
            for claim_id, item in items.items():
                claims_refresh.merge(self._queue, claim_id, item)
            self._queue_resync |= resync
        else:
            self._apply_plan(plan)
            self.refreshed.emit()
        if self._queue or self._queue_resync:
            self._start_refresh()
        if not self._refreshing:
            deferred, self._deferred = self._deferred, set()
            for number in sorted(deferred):
                self._fetch(number)
            waiting, self._locate_after = self._locate_after, set()
            for claim_id in sorted(waiting):
                self.locate(claim_id)

    def _apply_plan(self, plan: Plan) -> None:
        self._layout += 1
        if plan.count is not None:
            self._resync(plan.count, plan.pages)
            return
        for claim_id in plan.removed:
            pos = self._pos.get(claim_id)
            if pos is not None:
                self._remove_at(pos)
        placed = set(plan.ranks)
        for claim_id, row in plan.rows.items():
            pos = self._pos.get(claim_id)
            if pos is not None and claim_id not in placed:
                self._put(pos, row)
                self._emit_changed(pos, pos, _ROW_ROLES)
        moving = [i for i in plan.ranks if i in self._pos]
        if len(moving) == 1 and len(plan.ranks) == 1:
            claim_id = moving[0]
            self._move(self._pos[claim_id], plan.ranks[claim_id], plan.rows[claim_id])
            return
        for claim_id in moving:
            self._remove_at(self._pos[claim_id])
        for claim_id, rank in sorted(plan.ranks.items(), key=lambda kv: kv[1]):
            self._insert_at(rank, plan.rows[claim_id])

    def _reindex(self, rows: dict[int, ClaimRow]) -> None:
        self._rows = rows
        self._pos = {row[R_ID]: r for r, row in rows.items()}

    def _remove_at(self, pos: int) -> None:
        self.beginRemoveRows(QModelIndex(), pos, pos)
        row = self._rows.get(pos)
        if row is not None:
            self._cells.pop(row[R_ID], None)
        self._reindex(held_rows.after_removal(self._rows, pos))
        self._count -= 1
        self.endRemoveRows()
        self.countChanged.emit(self._count)

    def _insert_at(self, rank: int, row: ClaimRow) -> None:
        rank = max(0, min(rank, self._count))
        self.beginInsertRows(QModelIndex(), rank, rank)
        shifted = held_rows.after_insertion(self._rows, rank)
        shifted[rank] = row
        self._cells.pop(row[R_ID], None)
        self._reindex(shifted)
        self._count += 1
        self.endInsertRows()
        self.countChanged.emit(self._count)

    def _move(self, src: int, rank: int, row: ClaimRow) -> None:
        rank = max(0, min(rank, self._count - 1))
        self._cells.pop(row[R_ID], None)
        if rank == src:
            self._put(src, row)
            self._emit_changed(src, src, _ROW_ROLES)
            return
        dest = rank + 1 if rank > src else rank
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dest)
        rows = held_rows.after_move(self._rows, src, rank)
        rows[rank] = row
        self._reindex(rows)
        self.endMoveRows()
        self._emit_changed(rank, rank, _ROW_ROLES)

    def _resync(self, count: int, pages: dict[int, ClaimRow]) -> None:
        old = self._count
        self._cells = {}
        self._reindex({})
        self._requested = set()
        self._set_count(count)
        self._reindex(dict(pages))
        self._count_known = True
        if min(old, count):
            self._emit_changed(0, min(old, count) - 1)

    def refresh_thread_counts(self) -> int:
        """Re-read the open-thread counts of the held rows; returns how many changed."""
        if not self._rows:
            return 0
        fresh = {r[R_ID]: r for r in ops.rows(self._ws(), self._filter, list(self._pos))}
        changed = 0
        for claim_id, pos in list(self._pos.items()):
            row = fresh.get(claim_id)
            if row is None or row[R_THREADS] == self._rows[pos][R_THREADS]:
                continue
            self._put(pos, row)
            cell = self.index(pos, COL_THREADS)
            self.dataChanged.emit(
                cell, cell, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole]
            )
            changed += 1
        return changed

    # ------------------------------------------------------------ access

    def row_of(self, claim_id: str) -> int | None:
        """The row of *claim_id* if it is held (see ``locate`` for any row)."""
        return self._pos.get(str(claim_id))

    def hold_article(self, article_id: str) -> None:
        """Read the rows of *article_id*'s claims in the background, unless some are held.

        For the orders that keep an article's claims together: a claim then added to
        the article is placed beside them (a count over that article alone) and its
        row shown without a page read.
        """
        article_id = str(article_id)
        if self._order.key not in (SortKey.POSITION, SortKey.ARTICLE) or self._order.descending:
            return
        if self._first_pending:
            self._hold_after = article_id
            return
        self._hold_after = None
        if any(row[R_ARTICLE_ID] == article_id for row in self._rows.values()):
            return
        gen, layout = self._gen, self._layout
        ws, flt, order, size = self._ws(), self._filter, self._order, self.page_size
        total = self._count if self._count_known else None

        def read(_progress: Any) -> list[tuple[int, list[ClaimRow]]]:
            found = ops.article_rows(ws, flt, order, article_id)
            if found is None:
                return []
            first, many = found
            last = min(first + many, first + HOLD_PAGES * size - 1)
            return [
                (number, ops.page(ws, flt, order, number, total=total, size=size))
                for number in range(first // size, last // size + 1)
            ]

        self._job(
            "Reading claims",
            read,
            show_progress=False,
            on_done=lambda pages: self._held(gen, layout, pages),
            on_error=lambda exc: log.debug("reading an article's claims: %s", exc),
        )

    def _held(self, gen: int, layout: int, pages: list[tuple[int, list[ClaimRow]]]) -> None:
        if gen != self._gen or layout != self._layout or self._refreshing:
            return  # rows moved meanwhile: the next new claim is counted in full
        for number, rows in pages:
            if number in self._requested:
                continue
            start = number * self.page_size
            for offset, row in enumerate(rows):
                if start + offset >= self._count:
                    break
                self._put(start + offset, row)
            self._requested.add(number)
            if rows:
                self._emit_changed(start, min(self._count, start + len(rows)) - 1)

    def locate(self, claim_id: str) -> None:
        """Find the row of *claim_id* in the background; ``located`` answers."""
        claim_id = str(claim_id)
        held = self._pos.get(claim_id)
        if held is not None:
            self.located.emit(claim_id, held)
            return
        if claim_id in self._queue or claim_id in self._in_flight:
            # A refresh places it (a claim just created): its row is known then.
            self._locate_after.add(claim_id)
            return
        gen, layout = self._gen, self._layout
        ws, flt, order = self._ws(), self._filter, self._order

        def done(rank: int | None) -> None:
            if gen == self._gen and layout == self._layout:
                self.located.emit(claim_id, -1 if rank is None else rank)
            elif gen == self._gen:
                self.locate(claim_id)

        self._job(
            "Finding claim",
            lambda _p: ops.rank(ws, flt, order, claim_id),
            show_progress=False,
            on_done=done,
            on_error=lambda exc: self._fail(gen, exc),
        )

    def _row_now(self, row: int) -> ClaimRow | None:
        """Row *row*, read now (with its page) if it is not held."""
        if not 0 <= row < self._count:
            return None
        if row not in self._rows:
            number = row // self.page_size
            rows = ops.page(
                self._ws(),
                self._filter,
                self._order,
                number,
                total=self._count if self._count_known else None,
                size=self.page_size,
            )
            for offset, value in enumerate(rows):
                if number * self.page_size + offset < self._count:
                    self._put(number * self.page_size + offset, value)
            self._recent_page = number
            self._evict()
        return self._rows.get(row)

    def claim_id_at(self, row: int) -> str | None:
        value = self._row_now(row)
        return None if value is None else value[R_ID]

    def raw_row(self, row: int) -> ClaimRow:
        value = self._row_now(row)
        if value is None:
            raise IndexError(row)
        return value

    def held_id(self, row: int) -> str | None:
        """The claim id of *row* if its row is held (nothing is read)."""
        value = self._rows.get(row)
        return None if value is None else value[R_ID]

    def ids_at(self, offset: int, limit: int) -> list[str]:
        """The claim ids of rows *offset* to *offset* + *limit*, read by position (ids only)."""
        return ops.ids_at(self._ws(), self._filter, self._order, offset, limit)

    def held_rows(self) -> dict[int, ClaimRow]:
        return dict(self._rows)

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _NCOLS

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
        row = self._rows.get(r)
        if row is None:
            if 0 <= r < self._count:
                self._want(r)
            return None
        self._recent_page = r // self.page_size
        if not 0 <= col < _NCOLS:
            return None
        if role == _DISPLAY:
            cells = self._cells.get(row[R_ID])
            if cells is None:
                cells = tuple(self._display(row, c) for c in range(_NCOLS))
                self._cells[row[R_ID]] = cells
            return cells[col]
        if role == _DECORATION:
            return status_icon(_status(row)) if col == COL_STATUS else None
        if role == _FOREGROUND:
            if col in (COL_ID, COL_UPDATED) or (row[R_SUPERSEDED_BY] and col != COL_STATUS):
                return superseded_color()  # a superseded claim is dimmed
            return contested_color() if col == COL_STATUS and row[R_CONTESTED] else None
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
            return str(row[R_ID]).replace("-", "")[:8]
        if col == COL_STATUS:
            return status_text(row)
        if col == COL_GRADING:
            return _grading(row)
        if col == COL_SOURCE:
            return marked(str(row[R_SOURCE]))
        if col == COL_STATEMENT:
            return _one_line(row[R_STATEMENT])
        if col == COL_QUOTE:
            return _one_line(row[R_QUOTE])
        if col == COL_ARTICLE:
            return marked(str(row[R_ARTICLE]))
        if col == COL_TAGS:
            return marked(str(row[R_TAGS]))
        if col == COL_EVENT_DATE:
            return event_date_text(row[R_EVENT_START], row[R_EVENT_END])
        if col == COL_THREADS:
            return str(row[R_THREADS]) if row[R_THREADS] else ""
        if col == COL_RELAYS:
            return str(row[R_RELAYS])
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
            return marked(str(row[R_STATEMENT]))
        if col == COL_QUOTE:
            return marked(str(row[R_QUOTE]))
        if col == COL_ID:
            return str(row[R_ID])
        if col == COL_STATUS:  # the whole status, should a narrow column cut it
            tip = status_tip(row[R_CONTESTED], row[R_SUPERSEDED_BY])
            return f"{status_text(row)}\n{tip}" if tip else status_text(row)
        if col == COL_THREADS and row[R_THREADS]:
            n = row[R_THREADS]
            return f"{n} open discussion thread{'s' if n != 1 else ''}"
        if col == COL_RELAYS and row[R_RELAYS]:
            return f"Relayed from the original source by {row[R_RELAYS]} (the outlet last)"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by *column* (-1: by article and position), read in the background."""
        key = SORT_COLUMNS.get(column, SortKey.POSITION)
        wanted = ClaimOrder(key, order == _DESCENDING and column in SORT_COLUMNS)
        self._sort = (column, order) if column in SORT_COLUMNS else None
        if wanted == self._order:
            return  # the view may ask twice for the same order
        self._order = wanted
        self._start_async(count_too=not self._count_known)
