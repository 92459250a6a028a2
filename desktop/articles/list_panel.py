"""The article list: title, outlet, publication date and claim count.

One query fills it; afterwards the change records (``ctx.changed``) add,
remove or re-read only the articles they name, and a new or deleted claim
re-counts only its article.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.articles import ArticleInfo, in_offset, published_text
from db.changes import Changes, Entity, Op
from db.invisible import marked
from desktop.context import AppContext
from desktop.operations import articles as article_ops

COLUMNS = ("Title", "Outlet", "Published", "Claims")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


def format_date(value: dt.datetime | None) -> str:
    """Local date and time, naming the zone (the article may give another)."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M %Z").rstrip() if value else "—"


def format_published(value: dt.datetime | None, offset: int | None, zone: str = "") -> str:
    """The publication time as the article gave it, with the UTC time beside it.

    ``2024-10-30 14:10 KST (05:10 UTC)``; the UTC date is added when it differs.
    An article that named no zone is shown in local time, as :func:`format_date`.
    """
    if value is None:
        return "—"
    if offset is None:
        return format_date(value)
    own = in_offset(value, offset, zone)
    text = published_text(value, offset, zone)
    if offset == 0:
        return text if zone in ("", "UTC") else f"{text} (UTC)"
    utc = value.astimezone(dt.UTC)
    same_day = utc.date() == own.date()
    return f"{text} ({utc:%H:%M} UTC)" if same_day else f"{text} ({utc:%Y-%m-%d %H:%M} UTC)"


def format_article_time(info: ArticleInfo) -> str:
    return format_published(info.published_at, info.published_offset, info.published_zone)


def format_day(value: dt.datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d") if value else "—"


def format_article_day(info: ArticleInfo) -> str:
    """The publication day in the article's own zone (local when it gave none)."""
    if info.published_at is None or info.published_offset is None:
        return format_day(info.published_at)
    return f"{in_offset(info.published_at, info.published_offset):%Y-%m-%d}"


# Article fields shown only as the claim count: a change naming nothing else re-counts.
COUNT_FIELDS = frozenset({"claims", "claim_count"})


class ArticleListModel(QAbstractTableModel):
    """Every article's metadata, sorted and filtered here (keys computed once per article).

    ``articles`` holds them all; the rows shown are ``order`` (indices into it),
    so sorting or filtering 10,000 articles is one Python sort, not a comparison
    per ``data()`` call.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.articles: list[ArticleInfo] = []
        self.order: list[int] = []
        self._rows: dict[str, int] = {}  # article id -> shown row
        self._keys: list[tuple[Any, ...]] = []
        self._text: list[str] = []  # casefolded title, outlet, day: what the filter matches
        self._filter = ""
        self._sort_column = 2
        self._descending = True

    def set_articles(self, articles: list[ArticleInfo]) -> None:
        self.beginResetModel()
        self.articles = list(articles)
        self._keys = [self._key(a) for a in self.articles]
        self._text = [self._haystack(a) for a in self.articles]
        self._arrange()
        self.endResetModel()

    @staticmethod
    def _key(article: ArticleInfo) -> tuple[Any, ...]:
        title = (article.title or article.filename or "(untitled)").casefold()
        published = article.published_at.timestamp() if article.published_at else 0.0
        return (title, article.outlet.casefold(), published, article.claim_count)

    @staticmethod
    def _haystack(article: ArticleInfo) -> str:
        parts = (article.title or article.filename, article.outlet, format_article_day(article))
        return "\n".join(parts).casefold()

    def _arrange(self) -> None:
        """Recompute the shown rows (filter, then sort) and the row index."""
        wanted = self._filter
        rows = [n for n, text in enumerate(self._text) if wanted in text]
        column, keys = self._sort_column, self._keys
        rows.sort(key=lambda n: (keys[n][column], keys[n][0]), reverse=self._descending)
        self.order = rows
        self._rows = {str(self.articles[n].id): row for row, n in enumerate(rows)}

    def _rearrange(self) -> None:
        """Sort again, keeping the selection on the same articles."""
        self.layoutAboutToBeChanged.emit()
        before = list(self.order)
        old = self.persistentIndexList()
        self._arrange()
        after = {n: row for row, n in enumerate(self.order)}
        new = []
        for index in old:
            row = after.get(before[index.row()], -1) if 0 <= index.row() < len(before) else -1
            new.append(self.index(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._rearrange()

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text.casefold()
        self._arrange()
        self.endResetModel()

    def add(self, articles: list[ArticleInfo]) -> None:
        """Insert new articles in their sorted place and show new values of listed ones."""
        self.beginResetModel()
        known = {str(a.id): n for n, a in enumerate(self.articles)}
        for article in articles:
            n = known.get(str(article.id))
            if n is None:
                known[str(article.id)] = len(self.articles)
                self.articles.append(article)
                self._keys.append(self._key(article))
                self._text.append(self._haystack(article))
            else:
                self.articles[n] = article
                self._keys[n] = self._key(article)
                self._text[n] = self._haystack(article)
        self._arrange()
        self.endResetModel()

    def set_counts(self, counts: dict[str, int]) -> None:
        for article_id, count in counts.items():
            row = self._rows.get(article_id, -1)
            if row < 0:
                continue
            n = self.order[row]
            if self.articles[n].claim_count != count:
                self.articles[n] = replace(self.articles[n], claim_count=count)
                self._keys[n] = self._key(self.articles[n])
                index = self.index(row, 3)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def remove(self, article_ids: set[str]) -> None:
        self.beginResetModel()
        keep = [n for n, a in enumerate(self.articles) if str(a.id) not in article_ids]
        self.articles = [self.articles[n] for n in keep]
        self._keys = [self._keys[n] for n in keep]
        self._text = [self._text[n] for n in keep]
        self._arrange()
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: Index = ROOT) -> int:
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        article = self.articles[self.order[index.row()]]
        column = index.column()
        if role == ID_ROLE:
            return str(article.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                marked(article.title or article.filename or "(untitled)"),
                marked(article.outlet),
                format_article_day(article),
                article.claim_count,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                article.title,
                article.outlet,
                article.author,
                format_article_time(article) if article.published_at else "",
                article.url,
                article.filename,
            ]
            return marked("\n".join(line for line in lines if line))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, article_id: str) -> int:
        return self._rows.get(article_id, -1)

    def count_of(self, article_id: str) -> int | None:
        """The claim count shown for the article (None: not shown)."""
        row = self._rows.get(article_id, -1)
        return None if row < 0 else self.articles[self.order[row]].claim_count

    def info(self, article_id: str) -> ArticleInfo | None:
        """The listed article (shown or filtered out)."""
        for article in self.articles:
            if str(article.id) == article_id:
                return article
        return None


def _count_deltas(changes: Changes) -> dict[str, int]:
    """How this window's own write changed each article's claim count, when the record
    says it all: claims created (+1) and deleted (-1) under their article, none moved.
    Empty when it cannot say (another analyst's edits, a claim updated): counted again."""
    if changes.remote or changes.everything:
        return {}
    created: dict[str, set[str]] = {}
    deleted: dict[str, set[str]] = {}
    for change in changes.of(Entity.CLAIM):
        if change.op is Op.UPDATED or change.parent is None:
            return {}
        side = created if change.op is Op.CREATED else deleted
        side.setdefault(change.parent, set()).add(change.id)
    return {
        article: len(created.get(article, ())) - len(deleted.get(article, ()))
        for article in created.keys() | deleted.keys()
    }


EMPTY_HINT = "No articles yet.\nImport one with Ctrl+I or drop files here."


class ArticleListPanel(QWidget):
    """Filter box over the article list; choosing a row emits ``articleChosen(id)``."""

    articleChosen = Signal(str)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, load: bool = True
    ) -> None:
        """Without *load* the list stays empty (showing that it is loading) until
        :meth:`refresh`."""
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("articlePanel")
        self.model = ArticleListModel(self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("articleListFilter")
        self.filter.setAccessibleName("Filter articles")
        self.filter.setPlaceholderText("Filter articles")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.view = QTreeView(self)
        self.view.setObjectName("articleList")
        self.view.setAccessibleName("Articles")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 104)
        header.resizeSection(2, 84)
        header.resizeSection(3, 48)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty = QLabel(EMPTY_HINT if load else "Loading articles…", self)
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self._quiet = False
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        ctx.changed.connect(self._on_changed)
        if load:
            self.refresh()
        else:
            self.view.setVisible(False)

    def _filter_changed(self, text: str) -> None:
        current = self.current_id()
        self._quiet = True
        try:
            self.model.set_filter(text)
        finally:
            self._quiet = False
        if current:
            self.select(current, emit=False)

    def refresh(self) -> None:
        """Read the whole list again (one query)."""
        current = self.current_id()
        self.model.set_articles(article_ops.list_articles(self.ctx))
        self._show_empty_hint()
        if current:
            self.select(current, emit=False)

    def _show_empty_hint(self) -> None:
        self.empty.setText(EMPTY_HINT)
        has_rows = bool(self.model.articles)
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)

    def _on_changed(self, changes: Changes) -> None:
        """Add, drop or re-read only the articles the record names."""
        if changes.everything:
            self.refresh()
            return
        items = changes.of(Entity.ARTICLE)
        if not items:
            return
        gone = {c.id for c in items if c.op is Op.DELETED}
        new = {c.id for c in items if c.op is Op.CREATED} - gone
        updated = {c.id for c in items if c.op is Op.UPDATED} - gone - new
        counts = {
            i for i in updated if (changes.fields_of(Entity.ARTICLE, i) or {""}) <= COUNT_FIELDS
        }
        reread = new | (updated - counts)
        current = self.current_id()
        # Rows moving under the cursor are not the analyst choosing another article.
        self._quiet = True
        try:
            if gone:
                self.model.remove(gone)
            if reread:
                self.model.add(article_ops.articles_by_ids(self.ctx, reread))
            if counts := {i for i in counts if self.model.row_of(i) >= 0}:
                deltas = _count_deltas(changes)
                known = {
                    i: (self.model.count_of(i) or 0) + deltas[i] for i in counts if i in deltas
                }
                self.model.set_counts(known)
                if rest := counts - known.keys():
                    found = article_ops.claim_counts(self.ctx, rest)
                    self.model.set_counts({str(k): v for k, v in found.items()})
        finally:
            self._quiet = False
        self._show_empty_hint()
        if current and current not in gone and self.current_id() != current:
            self.select(current, emit=False)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select(self, article_id: str | uuid.UUID, *, emit: bool = True) -> bool:
        """Make the article the current, selected and visible row; without *emit* the
        article is not opened again.  False when the list does not show it."""
        row = self.model.row_of(str(article_id))
        if row < 0:
            return False
        index = self.model.index(row, 0)
        if not index.isValid():
            return False
        # The view's own slots must see the change (signals blocked, it would go on
        # painting the old row as selected): only the choosing is kept quiet.
        quiet, self._quiet = self._quiet, self._quiet or not emit
        try:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.view.selectionModel().setCurrentIndex(index, flags)
        finally:
            self._quiet = quiet
        self.view.scrollTo(index)
        return True

    def clear_selection(self) -> None:
        """No article selected (the one open is not in the list, e.g. filtered out)."""
        quiet, self._quiet = self._quiet, True
        try:
            self.view.selectionModel().clear()
        finally:
            self._quiet = quiet

    def selected_id(self) -> str | None:
        """The article selected in the list, as the analyst sees it (None when none is)."""
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if len(rows) == 1 else None

    def titles(self) -> list[str]:
        """Displayed titles in view order (for tests and keyboard users)."""
        return [self.model.index(r, 0).data() for r in range(self.model.rowCount())]

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.articleChosen.emit(current.data(ID_ROLE))
