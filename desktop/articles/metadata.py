"""Editor for an article's title, outlet, author, URL and publication time.

The publication time is shown, by default, in the zone the article gave it in
("As published"); entering a time in another zone sets the article's zone to
that one.  Each finished edit becomes one undoable :class:`UpdateArticleCommand`.
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

from db.articles import ArticleInfo, in_offset, utc_offset_text, zone_text
from db.changes import Changes, Entity
from db.errors import ClaimDeskError
from db.invisible import has_hidden, marked
from desktop.articles.list_panel import COUNT_FIELDS, format_article_time
from desktop.commands.article_fields import UpdateArticleCommand
from desktop.context import AppContext
from desktop.operations import articles as article_ops

TEXT_FIELDS = ("title", "outlet", "author", "url")
ZONE_FIELDS = ("published_at", "published_offset", "published_zone")
AS_PUBLISHED = "As published"


@lru_cache(maxsize=1)
def zone_names() -> list[str]:
    try:
        names = sorted(zoneinfo.available_timezones())
    except Exception:  # no zone database: offer UTC only
        names = []
    return ["UTC", *[n for n in names if n != "UTC"]]


def as_published_text(info: ArticleInfo | None) -> str:
    """The first zone choice: the zone the article itself gave, named."""
    if info is None or info.published_at is None:
        return AS_PUBLISHED
    if info.published_offset is None:
        return f"{AS_PUBLISHED} (no zone given: UTC)"
    name = zone_text(info.published_offset, info.published_zone)
    if info.published_zone:
        name = f"{name}, {utc_offset_text(info.published_offset)}"
    return f"{AS_PUBLISHED} ({name})"


def zone_fields(value: dt.datetime) -> tuple[int | None, str]:
    """(minutes east of UTC, abbreviation or "") of an aware *value*'s zone."""
    delta = value.utcoffset()
    if delta is None:
        return None, ""
    name = value.tzname() or ""
    label = name if name.isalpha() and name.isupper() and len(name) <= 16 else ""
    return int(delta.total_seconds() // 60), label


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
        self.date.setAccessibleName("Published")
        self.date.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.date.setCalendarPopup(True)
        self.date.setMinimumDateTime(QDateTime(QDate(1900, 1, 1), QTime(0, 0)))
        self.date.setSpecialValueText("not known")
        self.zone = QComboBox(self)
        self.zone.setObjectName("article_zone")
        self.zone.addItem(AS_PUBLISHED)
        self.zone.addItems(zone_names())
        self.zone.setCurrentIndex(0)
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.setToolTip(
            "Time zone the publication time is shown and entered in. "
            '"As published" is the zone the article gave; entering a time '
            "in another zone makes that the article's zone."
        )
        self.published_as = QLabel(self)
        self.published_as.setObjectName("article_published_as")
        self.published_as.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.has_date)
        row.addWidget(self.date, 1)
        form.addRow("Published", row)
        form.addRow("Time zone", self.zone)
        form.addRow("", self.published_as)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("article_file")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("File", self.file_label)
        self.has_date.toggled.connect(self._known_toggled)
        self.date.editingFinished.connect(self._date_edited)
        self.zone.activated.connect(lambda _i: self._zone_changed())
        ctx.changed.connect(self._on_changed)
        ctx.workspaceChanged.connect(lambda: self.show_article(None))
        self._loading = False
        self.show_article(None)

    # ------------------------------------------------------------ loading

    def show_article(
        self, article_id: uuid.UUID | str | None, known: ArticleInfo | None = None
    ) -> None:
        """Show the article's metadata (*known*: that article's, just read)."""
        self.article_id = uuid.UUID(str(article_id)) if article_id else None
        self.zone.setCurrentIndex(0)  # each article opens in its own zone
        self.reload(known)

    def _on_changed(self, changes: Changes) -> None:
        """Re-read the shown article when a record names its metadata."""
        if self.article_id is None:
            return
        if changes.everything:
            self.reload()
            return
        fields = changes.fields_of(Entity.ARTICLE, str(self.article_id))
        if fields is not None and not (fields and fields <= COUNT_FIELDS):
            self.reload()

    def as_published_chosen(self) -> bool:
        return self.zone.currentText() == self.zone.itemText(0)

    def reload(self, known: ArticleInfo | None = None) -> None:
        self.info = None
        if known is not None and known.id == self.article_id:
            self.info = known
        elif self.article_id is not None:
            try:
                self.info = article_ops.get_article(self.ctx, self.article_id)
            except ClaimDeskError:
                self.article_id = None
        self._loading = True
        try:
            info = self.info
            for name, edit in self.edits.items():
                edit.setText(getattr(info, name) if info else "")
                edit.setCursorPosition(0)
                edit.setEnabled(info is not None)
            chosen = self.as_published_chosen()
            self.zone.setItemText(0, as_published_text(info))
            if chosen:
                self.zone.setCurrentIndex(0)
                self.zone.setEditText(self.zone.itemText(0))
            self.published_as.setText(
                format_article_time(info) if info and info.published_at else ""
            )
            self.has_date.setEnabled(info is not None)
            self.has_date.setChecked(bool(info and info.published_at))
            self.date.setEnabled(bool(info and info.published_at))
            if info and info.published_at:
                self._show_time(info.published_at)
            else:
                self.date.setDateTime(self.date.minimumDateTime())
            self.file_label.setText(self._file_text(info))
        finally:
            self._loading = False

    def _file_text(self, info: ArticleInfo | None) -> str:
        """The file the article came from; below it, the fields whose text holds
        invisible or direction characters, marked (the edits show the stored text)."""
        if info is None:
            return ""
        lines = [f"{marked(info.filename)} ({info.format}, {info.encoding})"]
        for name in self.edits:
            value = str(getattr(info, name) or "")
            if has_hidden(value):
                lines.append(
                    f"{name.capitalize()} holds invisible or direction characters: "
                    f"“{marked(value)}”"
                )
        return "\n".join(lines)

    def _show_time(self, value: dt.datetime) -> None:
        if self.as_published_chosen():
            info = self.info
            offset = info.published_offset if info else None
            local = in_offset(value, offset, info.published_zone if info else "")
        else:
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
        if self.as_published_chosen():
            offset = self.info.published_offset if self.info else None
            if offset is None:
                return naive.replace(tzinfo=dt.UTC)
            return naive.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset)))
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
            self._push({"published_at": None, "published_offset": None, "published_zone": ""})

    def edited_fields(self) -> dict[str, Any] | None:
        """Publication time and zone as entered; None when nothing is entered."""
        if self.info is None or not self.has_date.isChecked():
            return None
        if not self.as_published_chosen():
            try:
                zoneinfo.ZoneInfo(self.zone.currentText())
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                self.edited_time()  # tells the analyst the zone is unknown
                return None
        value = self.edited_time()
        if value is None:
            return None
        if self.as_published_chosen():
            # The article's zone stays as it was; only the time changes.
            offset, label = self.info.published_offset, self.info.published_zone
        else:
            offset, label = zone_fields(value)
        return {"published_at": value, "published_offset": offset, "published_zone": label}

    def _date_edited(self) -> None:
        if self._loading or self.info is None or not self.has_date.isChecked():
            return
        new = self.edited_fields()
        if new is None:
            return
        current = {k: getattr(self.info, k) for k in ZONE_FIELDS}
        if new != current:
            self._push(new)

    def _zone_changed(self) -> None:
        # Changing the zone re-displays the stored instant in that zone.
        if self.info is not None and self.info.published_at is not None:
            self._loading = True
            try:
                self._show_time(self.info.published_at)
            finally:
                self._loading = False
