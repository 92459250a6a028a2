"""Articles: imported texts that claims are anchored in."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, TrackedMixin, UTCDateTime

if TYPE_CHECKING:
    from db.models.claim import Claim


class Article(TrackedMixin, Base):
    __tablename__ = "article"
    # The claims table sorts by article title (then position in the article).
    __table_args__ = (Index("ix_article_title_order", "title", "id"),)

    title: Mapped[str] = mapped_column(String(500), default="")
    outlet: Mapped[str] = mapped_column(String(300), default="")
    author: Mapped[str] = mapped_column(String(300), default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The zone the article gave its publication time in: minutes east of UTC
    # (None when the article named no zone, its time then taken as UTC) and,
    # when the article named one, its abbreviation (e.g. "KST").
    published_offset: Mapped[int | None] = mapped_column(Integer, nullable=True)
    published_zone: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # Text as stored: LF line endings; claim anchors index into it in code points.
    text: Mapped[str] = mapped_column(Text)
    # The last column: a row is written with the file's bytes as a zero-filled blob of
    # their length, which SQLite keeps unexpanded only in the last column (db.long_rows).
    original: Mapped[bytes] = mapped_column(LargeBinary, sort_order=1)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(500), default="")
    encoding: Mapped[str] = mapped_column(String(32), default="utf-8")
    format: Mapped[str] = mapped_column(String(16), default="txt")

    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
