"""Earlier texts of an article, kept when its text is replaced by a revised one."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, UTCDateTime, UUIDMixin
from db.timeutil import utcnow


class ArticleRevision(UUIDMixin, Base):
    """One earlier text of an article: *number* 1 is the first text it had."""

    __tablename__ = "article_revision"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    article_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(500), default="")
    # When this text stopped being the article's text, and who replaced it.
    replaced_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    replaced_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("analyst.id"), nullable=True
    )
