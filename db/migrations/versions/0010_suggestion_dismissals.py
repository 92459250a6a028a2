"""Dismissed suggestions, remembered per article and analyst.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 17:35:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.models.base import UTCDateTime

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "suggestion_dismissal",
        sa.Column("article_id", sa.Uuid(), nullable=False),
        sa.Column("analyst_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["analyst_id"], ["analyst.id"],
            name=op.f("fk_suggestion_dismissal_analyst_id_analyst"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"],
            name=op.f("fk_suggestion_dismissal_article_id_article"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_dismissal")),
        sa.UniqueConstraint(
            "article_id", "analyst_id", "kind", "start", "end",
            name=op.f("uq_suggestion_dismissal_article_id"),
        ),
    )  # fmt: skip
    with op.batch_alter_table("suggestion_dismissal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_suggestion_dismissal_article_id"), ["article_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("suggestion_dismissal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suggestion_dismissal_article_id"))
    op.drop_table("suggestion_dismissal")
