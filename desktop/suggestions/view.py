"""The Suggestions panel: the open article's suggested claims beside the reader.

Computed off the GUI thread when an article opens and again when a change record
names its claims, its metadata, the source registry or its dismissals; an answer
for an article no longer open, or overtaken by a newer request, is dropped.
Keys in the list: Enter or A accepts, Delete or D dismisses (or offers a dismissed
suggestion again); the window-wide keys are in the Claim ▸ Suggestions menu.
"""

from __future__ import annotations

import time
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.changes import Changes, Entity, Op
from desktop.accessibility import hand_focus_on
from desktop.articles.list_panel import COUNT_FIELDS
from desktop.context import AppContext
from desktop.operations import claims as claim_ops
from desktop.operations import suggestions as suggestion_ops
from desktop.operations.suggestions import ArticleSuggestions, key_of
from desktop.reader import ReaderView
from desktop.suggestions.model import COL_DATE, COL_KIND, COL_QUOTE, COL_VALUE, SuggestionsModel
from desktop.workers import run_job

if TYPE_CHECKING:
    from desktop.operations.suggestions import Suggestion

REFRESH_MS = 150


class SuggestionsView(QWidget):
    # The number of suggestions offered changed (for the dock title).
    countChanged = Signal(int)

    def __init__(self, ctx: AppContext, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsView")
        self.ctx = ctx
        self.reader = reader
        self.model = SuggestionsModel()
        self.article_id: uuid.UUID | None = None
        self.generation = 0
        self.pending = False
        self.partial = False  # the open article is read in part for suggestions
        self.show_dismissed = False
        # Figures of the last answer: computing it, and from the request to the list shown.
        self.last_seconds = 0.0
        self.last_latency = 0.0
        self._asked_at = 0.0
        self.summary = QLabel("Open an article to see suggested claims.", self)
        self.summary.setObjectName("suggestionsSummary")
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        hand_focus_on(self.table)
        self.table.setObjectName("suggestionsTable")
        self.table.setAccessibleName("Suggested claims")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(COL_KIND, 90)
        self.table.setColumnWidth(COL_QUOTE, 520)
        self.table.setColumnWidth(COL_VALUE, 170)
        self.table.setColumnWidth(COL_DATE, 170)
        self.table.activated.connect(lambda _index: self.accept_current())
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.accept_button = QPushButton("&Accept", self)
        self.accept_button.setObjectName("acceptSuggestionButton")
        self.accept_button.setToolTip("Make the suggestion a claim (Enter or A); Ctrl+Z undoes it")
        self.accept_button.clicked.connect(self.accept_current)
        self.dismiss_button = QPushButton("D&ismiss", self)
        self.dismiss_button.setObjectName("dismissSuggestionButton")
        self.dismiss_button.setToolTip(
            "Do not suggest it again here (Delete or D); Ctrl+Z undoes it"
        )
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.dismissed_box = QCheckBox("Show dismissed", self)
        self.dismissed_box.setObjectName("showDismissedSuggestions")
        self.dismissed_box.toggled.connect(self.set_show_dismissed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.dismissed_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        for keys, slot in (
            (("Return", "Enter", "A"), self.accept_current),
            (("Delete", "D"), self.dismiss_current),
        ):
            act = QAction(self.table)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(slot)
            self.table.addAction(act)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._moving_reader = True
        reader.articleOpened.connect(self._article_opened)
        ctx.changed.connect(self._changed)
        ctx.workspaceChanged.connect(self._workspace_changed)
        self._update_buttons()

    # ------------------------------------------------------------ refresh

    def _article_opened(self, article_id: str) -> None:
        self.article_id = uuid.UUID(article_id)
        self.model.set_rows([])
        self.reader.set_suggestion_marks([])
        self.refresh()

    def _workspace_changed(self) -> None:
        self.generation += 1
        self.article_id = None
        self.model.set_rows([])
        self._summarise()

    def _changed(self, changes: Changes) -> None:
        if self.article_id is None:
            return
        aid = str(self.article_id)
        if changes.everything or changes.touches(Entity.SOURCE):
            self.timer.start()
            return
        fields = changes.fields_of(Entity.ARTICLE, aid)
        mine = (fields is not None and not (fields and fields <= COUNT_FIELDS)) or any(
            c.parent == aid for kind in (Entity.CLAIM, Entity.SUGGESTION) for c in changes.of(kind)
        )
        if mine and not self._drop_covered(changes, aid):
            self.timer.start()

    def _drop_covered(self, changes: Changes, aid: str) -> bool:
        """Claims just created here take away the suggestions they overlap, as the next
        computation would (it leaves out what overlaps a claim): done in place, no read.

        False when the record says more than that or a new claim's span is not at hand
        (another analyst's), or an answer is on its way: then the panel computes again.
        """
        if self.pending or self.timer.isActive():
            return False
        spans = []
        for change in changes.items:
            if change.entity is Entity.ARTICLE and change.id == aid:
                if not change.fields or not change.fields <= COUNT_FIELDS:
                    return False
            elif change.entity is Entity.SUGGESTION and change.parent == aid:
                return False
            elif change.entity is Entity.CLAIM and change.parent == aid:
                info = claim_ops.just_written(change.id)
                if change.op is not Op.CREATED or info is None:
                    return False
                spans.append((info.start, info.end))
        kept = [s for s in self.model.rows if not any(a < s.end and s.start < b for a, b in spans)]
        if len(kept) == len(self.model.rows):
            return True
        current = self.current()
        row = self.table.currentIndex().row()
        self.model.set_rows(kept, self.model.dismissed)
        self.reader.set_suggestion_marks([(s.start, s.end) for s in self.model.offered])
        if current is not None:  # keep the analyst's place without moving the reader
            row = kept.index(current) if current in kept else min(row, len(kept) - 1)
            self._select_row(row, move_reader=False)
        self._summarise()
        return True

    def refresh(self) -> None:
        """Compute the open article's suggestions in the background; the newest answer wins."""
        self.timer.stop()
        self.generation += 1
        if self.reader.article_id != self.article_id:
            self.article_id = self.reader.article_id
        if self.article_id is None:
            self.model.set_rows([])
            self._summarise()
            return
        generation, article_id, ctx = self.generation, self.article_id, self.ctx
        include = self.show_dismissed
        self.pending = True
        self._asked_at = time.perf_counter()
        if not self.model.rows:
            self.summary.setText("Reading the article for figures, dates and sources…")
        run_job(
            "Suggest claims",
            lambda _progress: (
                generation,
                suggestion_ops.article_suggestions(ctx, article_id, include),
            ),
            show_progress=False,
            # Bound methods: Qt drops the connection when this panel is destroyed.
            on_done=self._show,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        if self.pending:
            self.pending = False
            self.summary.setText(f"Could not read the article for suggestions: {exc}")

    def _show(self, answer: object) -> None:
        assert isinstance(answer, tuple)
        generation, found = answer
        if generation != self.generation:
            return
        assert isinstance(found, ArticleSuggestions)
        if found.article_id != self.article_id:
            return
        self.pending = False
        self.partial = found.partial
        self.last_seconds = found.seconds
        self.last_latency = time.perf_counter() - self._asked_at
        current = self.current()
        row = self.table.currentIndex().row()
        self.model.set_rows(list(found.suggestions), found.dismissed)
        self.reader.set_suggestion_marks([(s.start, s.end) for s in self.model.offered])
        if current is not None:  # keep the analyst's place without moving the reader
            keys = [key_of(s) for s in self.model.rows]
            key = key_of(current)
            row = keys.index(key) if key in keys else min(row, len(keys) - 1)
            self._select_row(row, move_reader=False)
        self._summarise()

    def _summarise(self) -> None:
        offered = len(self.model.offered)
        hidden = len(self.model.rows) - offered
        if self.article_id is None:
            text = "Open an article to see suggested claims."
        elif offered:
            text = (
                f"{offered} suggested claim{'s' if offered != 1 else ''}"
                + (f" ({hidden} dismissed shown)" if hidden else "")
                + ". F9 / Shift+F9 next / previous, Alt+Enter accepts, Alt+Del dismisses."
            )
        elif hidden:
            text = f"No suggestions left; {hidden} dismissed shown."
        else:
            text = "No suggestions: nothing unclaimed looks like a figure, date or quotation."
        if self.article_id is not None and self.partial:
            limit = suggestion_ops.suggest_chars()
            text += f" Only the first {limit:,} characters of this long article are read."
        self.summary.setText(text)
        self._update_buttons()
        self.countChanged.emit(offered)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.accept_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)

    def set_show_dismissed(self, shown: bool) -> None:
        """Show the dismissed suggestions again (greyed), or hide them."""
        if self.dismissed_box.isChecked() != shown:
            self.dismissed_box.setChecked(shown)  # re-enters through toggled
            return
        if shown != self.show_dismissed:
            self.show_dismissed = shown
            self.refresh()

    # ------------------------------------------------------------ moving

    def current(self) -> Suggestion | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _select_row(self, row: int, *, move_reader: bool = True) -> None:
        if not 0 <= row < self.model.rowCount():
            self.table.selectionModel().clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self._update_buttons()
            return
        self._moving_reader = move_reader
        try:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(self.model.index(row, COL_QUOTE), flags)
        finally:
            self._moving_reader = True
        self.table.scrollTo(self.model.index(row, COL_QUOTE))
        self._update_buttons()

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        if self._moving_reader and current.isValid():
            s = self.model.rows[current.row()]
            self.reader.select_text(s.start, s.end)

    def step(self, forward: bool) -> Suggestion | None:
        """Select the next (previous) suggestion and select its words in the reader."""
        rows = self.model.rows
        if not rows:
            return None
        row = self.table.currentIndex().row()
        start, end = self.reader.cursor_span()
        if 0 <= row < len(rows) and (rows[row].start, rows[row].end) == (start, end):
            target: int | None = row + 1 if forward else row - 1
        elif forward:  # from the reader's cursor: the first suggestion after it
            target = next((n for n, s in enumerate(rows) if s.start >= end), None)
        else:
            target = next((n for n in range(len(rows) - 1, -1, -1) if rows[n].start < start), None)
        if target is None or not 0 <= target < len(rows):
            return None
        self._select_row(target, move_reader=False)
        self.reader.select_text(rows[target].start, rows[target].end)
        return rows[target]

    def next_suggestion(self) -> Suggestion | None:
        return self.step(True)

    def previous_suggestion(self) -> Suggestion | None:
        return self.step(False)

    # ------------------------------------------------------------ decisions

    def _current_or_at_cursor(self) -> Suggestion | None:
        """The selected row, else the suggestion under the reader's cursor (then selected)."""
        found = self.current()
        if found is not None:
            return found
        start, end = self.reader.cursor_span()
        for n, s in enumerate(self.model.rows):
            if s.start <= start and end <= s.end:
                self._select_row(n, move_reader=False)
                return s
        return None

    def accept_current(self) -> list[uuid.UUID]:
        """Make the current suggestion a claim; it is selected in the inspector."""
        s = self._current_or_at_cursor()
        if s is None or self.article_id is None:
            return []
        row = self.table.currentIndex().row()
        made = suggestion_ops.accept(self.ctx, self.article_id, s)
        if made:
            self._drop(s, row)
        return made

    def dismiss_current(self) -> bool:
        """Dismiss the current suggestion, or offer a dismissed one again."""
        s = self._current_or_at_cursor()
        if s is None or self.article_id is None:
            return False
        row = self.table.currentIndex().row()
        dismissal = self.model.dismissed.get(key_of(s))
        if dismissal is not None:
            done = suggestion_ops.restore(self.ctx, self.article_id, s, dismissal)
            if done:
                self.model.dismissed.pop(key_of(s), None)
                self.model.dataChanged.emit(
                    self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1)
                )
                self._summarise()
            return done
        done = suggestion_ops.dismiss(self.ctx, self.article_id, s)
        if done:
            if self.show_dismissed:
                self.refresh()
            else:
                self._drop(s, row)
        return done

    def _drop(self, s: Suggestion, row: int) -> None:
        self.model.remove(s)
        self.reader.set_suggestion_marks([(x.start, x.end) for x in self.model.offered])
        self._select_row(min(row, self.model.rowCount() - 1), move_reader=False)
        self._summarise()


__all__ = ["SuggestionsView"]
