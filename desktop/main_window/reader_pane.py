"""The central pane: article heading and byline, the status legend and the reader.

The byline's claim count is the reader's own; the article is re-read only when
a change record names its metadata.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.articles import ArticleInfo
from db.changes import Changes, Entity
from db.errors import ClaimDeskError
from db.invisible import marked
from desktop.articles.list_panel import COUNT_FIELDS, format_article_time
from desktop.context import AppContext
from desktop.main_window.legend import StatusLegend
from desktop.operations import articles as article_ops
from desktop.reader import ReaderView
from desktop.shared.clamped_label import ClampedLabel


class ReaderPane(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("readerPane")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Two lines at most, so the text stays in view on a small screen.
        self.heading = ClampedLabel("No article open", 2, self)
        self.heading.setObjectName("articleHeading")
        self.byline = QLabel("Import an article with Ctrl+I, or pick one on the left.", self)
        self.byline.setObjectName("articleByline")
        self.byline.setWordWrap(True)
        self.legend = StatusLegend(self)
        self.reader = ReaderView(ctx, self)
        legend_row = QHBoxLayout()
        legend_row.setContentsMargins(18, 2, 18, 4)
        legend_row.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.heading)
        layout.addWidget(self.byline)
        layout.addLayout(legend_row)
        layout.addWidget(self.reader, 1)
        self.info: ArticleInfo | None = None
        self.reader.articleOpened.connect(lambda _id: self.update_heading())
        self.reader.spansChanged.connect(self._show_byline)
        ctx.changed.connect(self._on_changed)
        ctx.workspaceChanged.connect(self.update_heading)

    def _on_changed(self, changes: Changes) -> None:
        aid = self.reader.article_id
        if aid is None or changes.everything:
            self.update_heading()
            return
        fields = changes.fields_of(Entity.ARTICLE, str(aid))
        if fields is not None and not (fields and fields <= COUNT_FIELDS):
            self.update_heading()

    def update_heading(self) -> None:
        """Read the open article's metadata again and show it."""
        aid = self.reader.article_id
        self.info = None
        if aid is None:
            self.heading.setText("No article open")
            self.byline.setText("Import an article with Ctrl+I, or pick one on the left.")
            return
        try:
            self.info = article_ops.get_article(self.ctx, aid)
        except ClaimDeskError:
            return
        self.heading.setText(marked(self.info.title or self.info.filename or "(untitled)"))
        self._show_byline()

    def _show_byline(self) -> None:
        info = self.info
        if info is None or self.reader.article_id != info.id:
            return
        parts = [info.outlet, info.author]
        if info.published_at:
            parts.append(format_article_time(info))
        count = self.reader.claim_count
        if count:
            parts.append(f"{count} claim{'s' if count != 1 else ''}")
        else:
            parts.append("no claims yet: select words and press Ctrl+E")
        self.byline.setText(marked(" · ".join(p for p in parts if p)))
