"""Facts: the questions claims answer; dismissed link proposals.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 17:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.models.base import UTCDateTime
from db.models.enums import Relation, str_enum

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fact",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["analyst.id"], name=op.f("fk_fact_created_by_id_analyst")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["analyst.id"], name=op.f("fk_fact_updated_by_id_analyst")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact")),
        sa.UniqueConstraint("name", name=op.f("uq_fact_name")),
    )
    op.create_table(
        "dismissed_proposal",
        sa.Column("from_claim_id", sa.Uuid(), nullable=False),
        sa.Column("to_claim_id", sa.Uuid(), nullable=False),
        sa.Column("relation", str_enum(Relation), nullable=False),
        sa.Column("analyst_id", sa.Uuid(), nullable=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["analyst_id"], ["analyst.id"], name=op.f("fk_dismissed_proposal_analyst_id_analyst")
        ),
        sa.ForeignKeyConstraint(
            ["from_claim_id"],
            ["claim.id"],
            name=op.f("fk_dismissed_proposal_from_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_claim_id"],
            ["claim.id"],
            name=op.f("fk_dismissed_proposal_to_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dismissed_proposal")),
        sa.UniqueConstraint(
            "from_claim_id",
            "to_claim_id",
            "relation",
            name=op.f("uq_dismissed_proposal_from_claim_id"),
        ),
    )
    op.create_index(
        op.f("ix_dismissed_proposal_from_claim_id"),
        "dismissed_proposal",
        ["from_claim_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_dismissed_proposal_to_claim_id"),
        "dismissed_proposal",
        ["to_claim_id"],
        unique=False,
    )
    # A plain ADD COLUMN: no table rebuild, the claim table keeps its triggers
    # (and its rows: on SQLite a rebuild's DROP TABLE would cascade to comments).
    op.add_column("claim", sa.Column("fact_id", sa.Uuid(), nullable=True))
    op.create_index(op.f("ix_claim_fact_id"), "claim", ["fact_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_fact_id"), table_name="claim")
    op.drop_column("claim", "fact_id")
    op.drop_index(op.f("ix_dismissed_proposal_to_claim_id"), table_name="dismissed_proposal")
    op.drop_index(op.f("ix_dismissed_proposal_from_claim_id"), table_name="dismissed_proposal")
    op.drop_table("dismissed_proposal")
    op.drop_table("fact")
