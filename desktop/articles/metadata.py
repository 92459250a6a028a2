"""Editor for an article's title, outlet, author, URL and publication time.

Each finished edit becomes one undoable :class:`UpdateArticleCommand`.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from db import articles as article_ops
from db.articles import ArticleInfo
from db.errors import ClaimDeskError
from desktop.articles.commands import UpdateArticleCommand
from desktop.context import AppContext

TEXT_FIELDS = ("title", "outlet", "author", "url")


@lru_cache(maxsize=1)
def zone_names() -> list[str]:
    try:
        names = sorted(zoneinfo.available_timezones())
    except Exception:  # no zone database: offer UTC only
        names = []
    return ["UTC", *[n for n in names if n != "UTC"]]


def local_zone_name() -> str:
    local = dt.datetime.now().astimezone().tzinfo
    key = getattr(local, "key", None)
    return key if key in zone_names() else "UTC"


def to_zone(value: dt.datetime, zone: str) -> dt.datetime:
    try:
        return value.astimezone(zoneinfo.ZoneInfo(zone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return value.astimezone(dt.UTC)


class ArticleMetadataEditor(QWidget):
    """Shows the current article's metadata; edits push undoable commands."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("articleMetadata")
        self.article_id: uuid.UUID | None = None
        self.info: ArticleInfo | None = None
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        for name in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"article_{name}")
            edit.editingFinished.connect(lambda n=name: self._text_edited(n))
            self.edits[name] = edit
            form.addRow(name.capitalize() if name != "url" else "URL", edit)
        self.has_date = QCheckBox("Known", self)
        self.has_date.setObjectName("article_has_date")
        self.date = QDateTimeEdit(self)
        self.date.setObjectName("article_published")
        self.date.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.date.setCalendarPopup(True)
        self.date.setMinimumDateTime(QDateTime(QDate(1900, 1, 1), QTime(0, 0)))
        self.date.setSpecialValueText("not known")
        self.zone = QComboBox(self)
        self.zone.setObjectName("article_zone")
        self.zone.addItems(zone_names())
        self.zone.setCurrentText(local_zone_name())
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.setToolTip("Time zone the publication time is given in")
        row = QHBoxLayout()
        row.addWidget(self.has_date)
        row.addWidget(self.date, 1)
        form.addRow("Published", row)
        form.addRow("Time zone", self.zone)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("article_file")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setWordWrap(True)
        form.addRow("File", self.file_label)
        self.has_date.toggled.connect(self._known_toggled)
        self.date.editingFinished.connect(self._date_edited)
        self.zone.activated.connect(lambda _i: self._zone_changed())
        ctx.articlesChanged.connect(self.reload)
        ctx.workspaceChanged.connect(lambda: self.show_article(None))
        self._loading = False
        self.show_article(None)

    # ------------------------------------------------------------ loading

    def show_article(self, article_id: uuid.UUID | str | None) -> None:
        self.article_id = uuid.UUID(str(article_id)) if article_id else None
        self.reload()

    def reload(self) -> None:
        self.info = None
        if self.article_id is not None:
            try:
                self.info = article_ops.get_article(self.ctx.ws, self.article_id)
            except ClaimDeskError:
                self.article_id = None
        self._loading = True
        try:
            info = self.info
            for name, edit in self.edits.items():
                edit.setText(getattr(info, name) if info else "")
                edit.setCursorPosition(0)
                edit.setEnabled(info is not None)
            self.has_date.setEnabled(info is not None)
            self.has_date.setChecked(bool(info and info.published_at))
            self.date.setEnabled(bool(info and info.published_at))
            if info and info.published_at:
                self._show_time(info.published_at)
            else:
                self.date.setDateTime(self.date.minimumDateTime())
            self.file_label.setText(
                f"{info.filename} ({info.format}, {info.encoding})" if info else ""
            )
        finally:
            self._loading = False

    def _show_time(self, value: dt.datetime) -> None:
        local = to_zone(value, self.zone.currentText())
        self.date.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )

    # ------------------------------------------------------------ editing

    def _push(self, new: dict[str, Any]) -> None:
        if self.info is None or self.article_id is None:
            return
        old = {k: getattr(self.info, k) for k in new}
        if old == new:
            return
        self.ctx.undo_stack.push(UpdateArticleCommand(self.ctx, self.article_id, new, old))

    def _text_edited(self, name: str) -> None:
        if self._loading or self.info is None:
            return
        value = self.edits[name].text().strip()
        if value != getattr(self.info, name):
            self._push({name: value})

    def edited_time(self) -> dt.datetime | None:
        """The publication time as entered, aware in the chosen zone."""
        if not self.has_date.isChecked():
            return None
        value = self.date.dateTime()
        date, time = value.date(), value.time()
        naive = dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
        try:
            zone: dt.tzinfo = zoneinfo.ZoneInfo(self.zone.currentText())
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self.ctx.dialogs.error("Article", f"Unknown time zone {self.zone.currentText()!r}.")
            return self.info.published_at if self.info else None
        return naive.replace(tzinfo=zone)

    def _known_toggled(self, known: bool) -> None:
        """Ticking "Known" only opens the date for editing; unticking clears the date."""
        if self._loading or self.info is None:
            return
        self.date.setEnabled(known)
        if known:
            if self.info.published_at is None:
                now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
                self._loading = True
                try:
                    self._show_time(now)
                finally:
                    self._loading = False
            self.date.setFocus()
        elif self.info.published_at is not None:
            self._push({"published_at": None})

    def _date_edited(self) -> None:
        if self._loading or self.info is None or not self.has_date.isChecked():
            return
        value = self.edited_time()
        current = self.info.published_at
        if value != current:
            self._push({"published_at": value})

    def _zone_changed(self) -> None:
        # Changing the zone re-displays the stored instant in that zone.
        if self.info is not None and self.info.published_at is not None:
            self._loading = True
            try:
                self._show_time(self.info.published_at)
            finally:
                self._loading = False
