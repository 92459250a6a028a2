"""ClaimsTableView: the filter bar over a QTableView of the claims, read a page at a time.

The view refreshes from the change record (``ctx.changed``): the model re-reads,
inserts, moves or removes only the rows a write names, and the selected claim
stays selected by its id, wherever a sort, filter or change moves it.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity, Op
from db.claim_criteria import ClaimFilter
from db.enums import Status
from db.errors import ClaimDeskError, InvalidInput
from desktop.accessibility import hand_focus_on
from desktop.claims_table.filter_bar import ClaimFilterBar
from desktop.claims_table.saved_filters import SavedFilters
from desktop.context import AppContext
from desktop.models.claims_model import (
    COL_ARTICLE,
    COL_EVENT_DATE,
    COL_GRADING,
    COL_ID,
    COL_QUOTE,
    COL_RELAYS,
    COL_SOURCE,
    COL_STATEMENT,
    COL_STATUS,
    COL_TAGS,
    COL_THREADS,
    COL_UPDATED,
    ClaimIdRole,
    ClaimsTableModel,
)
from desktop.operations import claims_table as ops
from desktop.palette import status_icon
from desktop.shared.scroll_bars import cache_scroll_bars
from desktop.shared.steady_box import SteadyBox

if TYPE_CHECKING:
    from desktop.claims_table.bulk_dialog import BulkEditDialog
    from desktop.operations.bulk import BulkEdit

# The bulk edits, their dialog and the fact picker are imported when first used: the
# table is built, and shows its first rows, before the ORM and the models are loaded.

log = logging.getLogger(__name__)
ROW_HEIGHT = 24  # at least; more for a larger font
BASE_CHAR_WIDTH = 7  # the widths below suit a font of this average character width
COLUMN_WIDTHS = {
    COL_ID: 80,
    COL_STATUS: 110,
    COL_GRADING: 64,
    COL_SOURCE: 150,
    COL_STATEMENT: 320,
    COL_QUOTE: 260,
    COL_ARTICLE: 150,
    COL_TAGS: 120,
    COL_EVENT_DATE: 150,
    COL_UPDATED: 130,
    COL_THREADS: 64,
    COL_RELAYS: 170,
}


class _Table(QTableView):
    """Enter opens the current claim, like a double-click; a new font resizes the columns."""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and getattr(self._owner, "table", None) is self:
            self._owner.size_to_font()

    def __init__(self, owner: ClaimsTableView) -> None:
        super().__init__(owner)
        self._owner = owner
        hand_focus_on(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._owner.open_index(self.currentIndex())
            return
        super().keyPressEvent(event)


class ClaimsTableView(QWidget):
    """The filterable claims table (objectName ``claimsTablePanel``).

    ``table`` is the QTableView (``claimsTable``), ``filter_edit`` the free-text
    field, ``model`` the :class:`ClaimsTableModel`.
    """

    def size_to_font(self) -> None:
        """Rows and columns for the table's font: the status column fits its longest
        word with a mark ("Unverifiable · contested"), never two statuses cut alike."""
        metrics = self.table.fontMetrics()
        scale = max(1.0, metrics.averageCharWidth() / BASE_CHAR_WIDTH)
        for col, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(col, round(width * scale))
        longest = max(metrics.horizontalAdvance(f"{s.label} · contested") for s in Status)
        icon = self.table.iconSize().width() if self.table.iconSize().width() > 0 else 16
        self.table.setColumnWidth(COL_STATUS, longest + icon + 24)
        row = max(ROW_HEIGHT, metrics.height() + 8)
        vheader = self.table.verticalHeader()
        vheader.setMinimumSectionSize(row)
        vheader.setDefaultSectionSize(row)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, defer: bool = False
    ) -> None:
        """With *defer* (start-up) the first page is read by :meth:`start`, called once
        the panel is in the window, and the saved filters by :meth:`finish`, once the
        first rows are painted; otherwise both at once."""
        super().__init__(parent)
        self.setObjectName("claimsTablePanel")
        self.ctx = ctx
        self.model = ClaimsTableModel(lambda: self.ctx.ws, self)
        if not defer:
            self.start()
        self.filter_bar = ClaimFilterBar(self)
        self.filter_edit = self.filter_bar.filter_edit
        self.saved_filters = SavedFilters(ctx, self.filter_bar, self.filter_bar, load=not defer)
        self.filter_bar.layout().insertWidget(0, self.saved_filters)

        self.table = _Table(self)
        self.table.setObjectName("claimsTable")
        cache_scroll_bars(self.table)  # a row added redraws neither bar (see scroll_bars)
        self.table.setAccessibleName("Claims")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # No sort until a header is clicked: rows come by article, then position.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vheader = self.table.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.hide()
        hheader = self.table.horizontalHeader()
        hheader.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hheader.setStretchLastSection(True)
        hheader.setSortIndicatorShown(True)
        self.size_to_font()
        hheader.moveSection(hheader.visualIndex(COL_THREADS), hheader.visualIndex(COL_STATUS) + 1)
        hheader.moveSection(hheader.visualIndex(COL_RELAYS), hheader.visualIndex(COL_SOURCE) + 1)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("claimsCountLabel")
        self.count_label.setWordWrap(True)  # a long count wraps rather than widen the window
        self.loading_label = QLabel("Loading claims…", self)
        self.loading_label.setObjectName("claimsLoadingLabel")
        self.loading_label.setVisible(False)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(4, 0, 4, 0)
        status_row.addWidget(SteadyBox(self.count_label, self))  # a count changing lays out no more
        status_row.addStretch(1)
        status_row.addWidget(self.loading_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(status_row)

        self.table.doubleClicked.connect(self.open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # The claim of the selected row as last seen: rows inserted, moved or removed
        # around it report the same claim selected again, which chooses nothing.
        self._row_claim: str | None = None
        self.filter_bar.filterChanged.connect(self.set_filter)
        self.model.loadingChanged.connect(self.loading_label.setVisible)
        self.loading_label.setVisible(self.model.loading)
        self.model.loaded.connect(self._loaded)
        self.model.countChanged.connect(lambda _n: self._update_count())
        self.model.refreshed.connect(self._restore_selection)
        self.model.located.connect(self._located)
        self.model.loadFailed.connect(self._load_failed)
        self._current: str | None = None  # the claim the analyst selected last
        self._echo: tuple[list[str], bool] | None = None  # legacy signals after a publish
        ctx.changed.connect(self._changed)
        ctx.claimsChanged.connect(self._claims_changed)
        ctx.reviewChanged.connect(self._review_changed)
        ctx.claimSelected.connect(self._follow_selection)
        ctx.openClaimRequested.connect(self._follow_selection)
        ctx.sourcesChanged.connect(lambda: self.filter_bar.reload_sources(self.ctx.ws))
        ctx.articlesChanged.connect(lambda: self.filter_bar.reload_articles(self.ctx.ws))
        ctx.workspaceChanged.connect(self._workspace_changed)
        self.bulk_dialog: BulkEditDialog | None = None
        self.bulk_actions = self._make_bulk_actions()
        self.filter_bar.reload_choices(ctx.ws)
        if self.filter_bar.current_filter() != self.model.claim_filter:
            self.set_filter(self.filter_bar.current_filter())

    def start(self) -> None:
        """Read the first page (no filter yet), in the background.

        Not while the panel is being built: a read running beside the GUI thread's
        building work takes the interpreter's lock from it at every call into Qt
        (several milliseconds each time), and both end later than one after the other.
        """
        self._guard(lambda: self.model.load_async(ClaimFilter()))

    def finish(self) -> None:
        """Read what :meth:`__init__` left for later (with *defer*): the saved filters."""
        self.saved_filters.reload()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        """Read the filter choices and the first rows again, in the background."""
        self.filter_bar.reload_choices(self.ctx.ws)
        self._guard(lambda: self.model.load_async(self.filter_bar.current_filter()))

    def _workspace_changed(self) -> None:
        # No rows of the old workspace while the new one loads (the change record
        # naming everything, which follows, reads the new one).
        self.model.clear()
        self._current = None
        self.filter_bar.reload_choices(self.ctx.ws)
        self._update_count()

    def set_filter(self, flt: ClaimFilter) -> None:
        """Show only the claims matching *flt*, read in the background (see ``model.loaded``)."""
        self._guard(lambda: self.model.load_async(flt))

    def _loaded(self, _count: int) -> None:
        self._update_count()
        self._restore_selection()

    def _load_failed(self, exc: BaseException) -> None:
        """A background read failed: an expected failure is reported, any other logged.

        The table keeps the rows it shows; the count line says what went wrong
        (a dropped connection to a shared workspace, say) without a modal dialog.
        """
        if isinstance(exc, ClaimDeskError):
            self.ctx.report_error(exc)
            return
        log.error("reading the claims table failed", exc_info=exc)
        self.count_label.setText(f"The claims could not be read: {str(exc).splitlines()[0]}")

    def current_filter(self) -> ClaimFilter:
        return self.model.claim_filter

    def _changed(self, changes: Changes) -> None:
        """The one path for local and remote writes: refresh only the rows named."""
        claim_ids = sorted(changes.ids(Entity.CLAIM))
        review = changes.touches(Entity.COMMENT) or changes.touches(Entity.VERDICT)
        self._echo = ([] if changes.everything else claim_ids, review)
        QTimer.singleShot(0, self._forget_echo)
        if changes.everything:
            self.filter_bar.reload_choices(self.ctx.ws)
        elif any(
            c.op is not Op.DELETED and (not c.fields or "tags" in c.fields)
            for c in changes.of(Entity.CLAIM)
        ):
            self.filter_bar.reload_tags(self.ctx.ws)  # a claim may carry a new tag
        self._guard(lambda: self.model.apply_changes(changes))

    def hold_article(self, article_id: str) -> None:
        """The reader opened *article_id*: have its rows at hand for the claims added to it."""
        self._guard(lambda: self.model.hold_article(article_id))

    def _forget_echo(self) -> None:
        self._echo = None

    def _claims_changed(self, ids: list[str]) -> None:
        """Claims changed without a change record (older callers): re-read those ids."""
        if self._echo is not None and self._echo[0] == ids:
            self._echo = (["-"], self._echo[1])  # the record was handled already
            return
        if not ids:
            self.filter_bar.reload_choices(self.ctx.ws)
            self._guard(lambda: self.model.load_async())
            return
        self.filter_bar.reload_tags(self.ctx.ws)
        self._guard(lambda: self.model.refresh_claims(ids))

    def _review_changed(self) -> None:
        if self._echo is not None and self._echo[1]:
            return  # the change record named the claims
        self._guard(lambda: self.model.refresh_thread_counts())

    def _guard(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if self.model.loading and not n:
            self.count_label.setText("")
        elif n and not self.model.count_known:
            self.count_label.setText(f"{n:,}+ claims (counting…)")
        elif n:
            self.count_label.setText(f"{n:,} claim{'s' if n != 1 else ''}")
        elif self.model.claim_filter != ClaimFilter():
            self.count_label.setText(
                "No claims match these filters: set them back to all, or clear Find."
            )
        else:
            self.count_label.setText(
                "No claims yet: select words in the reader, then press Ctrl+E to make a claim."
            )

    # ------------------------------------------------------------ selection

    def current_claim_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ClaimIdRole) if index.isValid() else None

    def select_claim(self, claim_id: str, *, emit: bool = True) -> bool:
        """Make *claim_id* the current row (if its row is read) and scroll to it.

        A claim whose row is not read yet is found in the background and selected
        (without signals) when found; the return value is then False.
        """
        claim_id = str(claim_id)
        self._current = claim_id
        row = self.model.row_of(claim_id)
        if row is None:
            # The row selected until now must not stay selected meanwhile: rows
            # inserted above it would report it selected again, and the window would
            # go back to that claim.
            selection = self.table.selectionModel()
            selection.blockSignals(True)
            try:
                selection.clear()
            finally:
                selection.blockSignals(False)
            self._row_claim = None
            self.model.locate(claim_id)
            return False
        self._select_row(row, emit=emit)
        return True

    def _select_row(self, row: int, *, emit: bool) -> None:
        index = self.model.index(row, 0)
        if not emit:
            self._row_claim = index.data(ClaimIdRole)
        selection = self.table.selectionModel()
        if not emit:
            selection.blockSignals(True)
        try:
            # Replaces the selection whatever keys are held (Ctrl still down after
            # Ctrl+E would otherwise add the row to it).
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.select(index, flags)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            if not emit:
                selection.blockSignals(False)
        self.table.scrollTo(index)

    def _located(self, claim_id: str, row: int) -> None:
        if claim_id == self._current and row >= 0 and self.current_claim_id() != claim_id:
            self._select_row(row, emit=False)

    def _restore_selection(self) -> None:
        """Rows were read again or moved: keep the analyst's claim selected."""
        if self._current and self.current_claim_id() != self._current:
            row = self.model.row_of(self._current)
            if row is None:
                self.model.locate(self._current)
            else:
                self._select_row(row, emit=False)

    def _follow_selection(self, claim_id: str) -> None:
        """Highlight a claim chosen elsewhere (reader, links, search, queue) without
        echoing the signal; its row alone stays selected."""
        if claim_id and (
            claim_id != self.current_claim_id() or self.selected_claim_ids() != [claim_id]
        ):
            self.select_claim(claim_id, emit=False)

    def open_index(self, index: QModelIndex) -> None:
        claim_id = index.data(ClaimIdRole)
        if claim_id:
            self.ctx.openClaimRequested.emit(claim_id)

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) != 1:
            self._row_claim = None
        else:
            claim_id = rows[0].data(ClaimIdRole)
            if claim_id == self._row_claim:
                return  # the same claim, its row moved: the analyst chose nothing
            self._row_claim = claim_id
            if claim_id:
                self._current = claim_id
                self.ctx.claimSelected.emit(claim_id)

    def selected_rows(self) -> list[tuple[int, int]]:
        """The selected rows as (first, last) runs, in order, without reading any row."""
        runs: list[tuple[int, int]] = []
        for part in sorted((r.top(), r.bottom()) for r in self.table.selectionModel().selection()):
            if runs and part[0] <= runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], max(runs[-1][1], part[1]))
            else:
                runs.append(part)
        return runs

    def selected_claim_ids(self) -> list[str]:
        """The claims of every selected row, rows not read yet included (their ids are
        read by position, in the table's filter and order: no row is read whole)."""
        ids: list[str] = []
        for first, last in self.selected_rows():
            held = [self.model.held_id(row) for row in range(first, last + 1)]
            if all(held):
                ids.extend(i for i in held if i)
            else:
                ids.extend(self._guarded_ids(first, last - first + 1))
        return list(dict.fromkeys(ids))

    def _guarded_ids(self, offset: int, limit: int) -> list[str]:
        try:
            return self.model.ids_at(offset, limit)
        except ClaimDeskError as exc:
            self.ctx.report_error(exc)
            return []

    # ------------------------------------------------------------ actions

    def set_status(self, claim_ids: list[str], status: Status, rationale: str | None = None) -> int:
        """Give every listed claim *status* as one undoable step; how many changed.

        Verified or false needs a rationale: without one the dialog asking for it
        opens (``bulk_dialog``) and nothing changes until it is accepted.
        """
        from db.decisions import needs_rationale
        from desktop.operations.bulk import BulkEdit

        status = Status(status)
        if needs_rationale(None, status) and not (rationale or "").strip():
            self.open_bulk_dialog("status", claim_ids, status=status)
            return 0
        return self._apply(claim_ids, BulkEdit(status=status, rationale=rationale))

    def add_tag(self, claim_ids: list[str], tag: str) -> int:
        """Add *tag* to every listed claim (those without it), as one undoable step."""
        from desktop.operations.bulk import BulkEdit

        return self._apply(claim_ids, BulkEdit(add_tag=tag))

    def set_source(self, claim_ids: list[str], name: str) -> int:
        """Make the source named *name* (or alias) the source of every listed claim."""
        from desktop.operations import sources as source_ops
        from desktop.operations.bulk import BulkEdit, label_of

        found = source_ops.find_source(self.ctx, name)
        if found is None:
            self.ctx.report_error(
                InvalidInput(f"No source is named {name!r}: add it in the Sources panel first.")
            )
            return -1
        edit = BulkEdit(source_id=found.id)
        return self._apply(claim_ids, edit, label_of(edit, len(claim_ids), found.name))

    def set_fact(self, claim_ids: list[str], fact_id: uuid.UUID, name: str = "") -> int:
        """Put every listed claim in the fact, as one undoable step."""
        from desktop.operations.bulk import BulkEdit, label_of

        edit = BulkEdit(fact_id=fact_id)
        return self._apply(claim_ids, edit, label_of(edit, len(claim_ids), fact_name=name))

    def _apply(self, claim_ids: list[str], edit: BulkEdit, text: str = "") -> int:
        if not claim_ids:
            self.ctx.dialogs.info("Claims", "Select claims in the Claims table first.")
            return 0
        from desktop.operations import bulk as bulk_ops

        changed = bulk_ops.edit_many(self.ctx, claim_ids, edit, text)
        if changed == 0:
            self.count_label.setText(
                f"All {len(claim_ids):,} selected claims have that already: nothing changed."
            )
        return changed

    def open_bulk_dialog(
        self, mode: str, claim_ids: list[str] | None = None, *, status: Status | None = None
    ) -> BulkEditDialog | None:
        """Ask for the value to give the selected claims (``bulk_dialog`` while open)."""
        from desktop.claims_table.bulk_dialog import BulkEditDialog

        ids = self.selected_claim_ids() if claim_ids is None else claim_ids
        if not ids:
            self.ctx.dialogs.info("Claims", "Select claims in the Claims table first.")
            return None
        tags = sources = None
        if mode == "tag":
            tags = ops.tag_choices(self.ctx.ws)
        elif mode == "source":
            sources = [name for _id, name in ops.source_choices(self.ctx.ws)]
        dialog = BulkEditDialog(mode, len(ids), self, tags=tags, sources=sources)
        if status is not None:
            dialog.set_status(status)
        self.bulk_dialog = dialog

        def done(result: int) -> None:
            self.bulk_dialog = None
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                return
            if mode == "status":
                self.set_status(ids, dialog.status(), dialog.rationale_text() or None)
            elif mode == "tag":
                self.add_tag(ids, dialog.value_text())
            else:
                self.set_source(ids, dialog.value_text())

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _pick_fact(self) -> None:
        from desktop.facts.ask import pick_fact

        ids = self.selected_claim_ids()
        if not ids:
            self.ctx.dialogs.info("Claims", "Select claims in the Claims table first.")
            return
        fact = pick_fact(self.ctx, self, prompt=f"The question these {len(ids):,} claims answer:")
        if fact is not None:
            self.set_fact(ids, fact)

    def _make_bulk_actions(self) -> dict[str, QAction]:
        """Set Status…, Add Tag…, Set Source…, Put in Fact… for the selected rows; their
        keys work while the table has the focus (see ``install_bulk_menu``)."""
        specs = (
            ("status", "Set &Status of Selected Claims…", "Ctrl+Shift+S"),
            ("tag", "Add &Tag to Selected Claims…", "Ctrl+Shift+T"),
            ("source", "Set S&ource of Selected Claims…", "Ctrl+Shift+O"),
            ("fact", "Put Selected Claims in a &Fact…", "Ctrl+Shift+U"),
        )
        out: dict[str, QAction] = {}
        for mode, text, keys in specs:
            action = QAction(text, self)
            action.setObjectName(f"actionBulk{mode.capitalize()}")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if mode == "fact":
                action.triggered.connect(self._pick_fact)
            else:
                action.triggered.connect(lambda _c=False, m=mode: self.open_bulk_dialog(m))
            self.addAction(action)
            out[mode] = action
        return out

    def _context_menu(self, pos: QPoint) -> None:
        ids = self.selected_claim_ids()
        if not ids:
            return
        menu = QMenu(self)
        open_action = menu.addAction("&Open claim")
        open_action.setEnabled(len(ids) == 1)
        open_action.triggered.connect(lambda: self.ctx.openClaimRequested.emit(ids[0]))
        many = f"{len(ids):,} claim{'s' if len(ids) != 1 else ''}"
        status_menu = menu.addMenu(f"Set &status of {many}")
        for status in Status:
            action = status_menu.addAction(status_icon(status), status.label)
            action.triggered.connect(lambda _c=False, s=status: self.set_status(ids, s))
        tag = menu.addAction(f"Add &tag to {many}…")
        tag.setShortcut(self.bulk_actions["tag"].shortcut())
        tag.triggered.connect(lambda: self.open_bulk_dialog("tag", ids))
        source = menu.addAction(f"Set s&ource of {many}…")
        source.setShortcut(self.bulk_actions["source"].shortcut())
        source.triggered.connect(lambda: self.open_bulk_dialog("source", ids))
        fact = menu.addAction(f"Put {many} in a &fact…")
        fact.setShortcut(self.bulk_actions["fact"].shortcut())
        fact.triggered.connect(self._pick_fact)
        copy = menu.addAction("&Copy id(s)")
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText("\n".join(ids)))
        mine = set(self.bulk_actions.values())
        others = [a for a in self.actions() if a not in mine]
        if others:  # actions other panels gave the table (Assign to Fact…)
            menu.addSeparator()
            menu.addActions(others)
        menu.exec(self.table.viewport().mapToGlobal(pos))
