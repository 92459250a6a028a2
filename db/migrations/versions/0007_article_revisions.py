"""Revised articles: earlier texts kept, claims that lost their place marked orphaned.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 17:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.models.base import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_revision",
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=500), nullable=False),
        sa.Column("replaced_at", UTCDateTime(), nullable=False),
        sa.Column("replaced_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_revision_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["replaced_by_id"],
            ["analyst.id"],
            name=op.f("fk_article_revision_replaced_by_id_analyst"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_revision")),
        sa.UniqueConstraint("article_id", "number", name=op.f("uq_article_revision_article_id")),
    )
    op.create_index(
        op.f("ix_article_revision_article_id"), "article_revision", ["article_id"], unique=False
    )
    # A plain ADD COLUMN: rebuilding the table (batch mode) would drop its triggers.
    op.add_column(
        "claim", sa.Column("orphaned", sa.Boolean(), server_default=sa.false(), nullable=False)
    )


def downgrade() -> None:
    # Never a table rebuild (batch mode): on SQLite dropping the old claim table
    # would cascade to comments, verdicts and evidence.  SQLite 3.35+ drops a
    # column in place.
    op.drop_column("claim", "orphaned")
    op.drop_index(op.f("ix_article_revision_article_id"), table_name="article_revision")
    op.drop_table("article_revision")
