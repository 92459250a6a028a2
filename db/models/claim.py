"""Claims anchored in article text, their tags and evidence."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    Uuid,
    false,
    text,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, TrackedMixin, UTCDateTime, UUIDMixin
from db.models.enums import ClaimKind, Stance, Status, str_enum
from db.timeutil import utcnow

if TYPE_CHECKING:
    from db.models.article import Article
    from db.models.source import Source

claim_tag = Table(
    "claim_tag",
    Base.metadata,
    Column("claim_id", Uuid, ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", Uuid, ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
)


def _entered_default(context: DefaultExecutionContext) -> dt.datetime:
    """A new claim entered its status when it was created (a plain INSERT included)."""
    parameters: dict[str, Any] = context.get_current_parameters()  # type: ignore[no-untyped-call]
    created = parameters.get("created_at")
    return created if isinstance(created, dt.datetime) else utcnow()


class Tag(UUIDMixin, Base):
    __tablename__ = "tag"

    name: Mapped[str] = mapped_column(String(100), unique=True)


class Claim(TrackedMixin, Base):
    """A claim: a span of an article's text plus the analyst's judgement of it.

    ``start``/``end`` are offsets in Unicode code points into ``Article.text``
    (W3C TextPositionSelector semantics); ``quote`` is ``text[start:end]``.
    """

    __tablename__ = "claim"
    # Orders the claims table pages by (each ends with the id, so a page boundary is exact).
    __table_args__ = (
        Index("ix_claim_position", "article_id", "start", "end", "id"),
        Index("ix_claim_status_order", "status", "id"),
        Index("ix_claim_updated_order", "updated_at", "id"),
        Index("ix_claim_event_order", "event_start", "event_end", "id"),
        Index("ix_claim_grading_order", "reliability", "credibility", "id"),
        Index("ix_claim_source_order", "source_id", "id"),
        Index("ix_claim_statement_order", text("lower(statement)"), "id"),
        Index("ix_claim_quote_order", text("lower(quote)"), "id"),
        # The review queue's orders: each ends with (status_since, id), so the
        # queue pages on an index whatever it is sorted by (see db.review_pages).
        Index("ix_claim_queue_waiting", "status_since", "id", "status", "contested"),
        Index("ix_claim_queue_status", "status", "status_since", "id"),
        # (status and contested too, so a walk checks a claim's place in the
        # queue on the index alone)
        *(
            Index(f"ix_claim_queue_{name}", column, "status_since", "id", "status", "contested")
            for name, column in (
                ("article", "article_id"),
                ("source", "source_id"),
                ("assignee", "assignee_id"),
            )
        ),
        Index(
            "ix_claim_queue_grading",
            text("coalesce(reliability, '')"),
            text("coalesce(credibility, 0)"),
            "status_since",
            "id",
            "status",
            "contested",
        ),
    )

    article_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("article.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    statement: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[ClaimKind] = mapped_column(str_enum(ClaimKind), default=ClaimKind.FIGURE)
    source_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("source.id", ondelete="SET NULL"), nullable=True, index=True
    )
    reliability: Mapped[str | None] = mapped_column(String(1), nullable=True)
    credibility: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[Status] = mapped_column(str_enum(Status), default=Status.UNVERIFIED, index=True)
    event_start: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    event_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # True when a revised article text has no confident place for the quote: the
    # claim keeps its quote, links, history and verdicts, and start/end still
    # name where it was in the earlier text, until someone places it again.
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # True when an accepted contradicts link put this decided claim (verified,
    # false or unverifiable) back in the review queue: the verdict stands until
    # a reviewer confirms it (which clears the flag) or gives another.
    contested: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), index=True
    )
    # The fact (question) this claim answers, if any; a claim answers at most one.
    # (No database foreign key: SQLite cannot add one to the existing claim table
    # without rebuilding it; db.facts clears it when a fact goes, in the same
    # transaction, and the workspace check looks for strays.)
    fact_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("analyst.id"), nullable=True
    )
    # When the claim entered its current status (or was contested or confirmed):
    # its creation until then.  Kept by db.audit on every change of ``status`` or
    # ``contested``; the review queue orders by it ("waiting").
    status_since: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=_entered_default, nullable=True
    )

    article: Mapped[Article] = relationship(back_populates="claims")
    source: Mapped[Source | None] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=claim_tag, order_by=Tag.name)
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def grading(self) -> str:
        return f"{self.reliability or ''}{self.credibility or ''}"


class Evidence(TrackedMixin, Base):
    __tablename__ = "evidence"

    claim_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(2000), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    stance: Mapped[Stance] = mapped_column(str_enum(Stance), default=Stance.SUPPORTS)

    claim: Mapped[Claim] = relationship(back_populates="evidence")
