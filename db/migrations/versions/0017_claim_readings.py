"""Claim readings: the figure, date and cues read from each quote, kept for proposals.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 18:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Filled as proposals read the claims (db.facts.readings): nothing to copy here.
    op.create_table(
        "claim_reading",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("reading", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["id"], ["claim.id"], name=op.f("fk_claim_reading_id_claim"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_reading")),
    )


def downgrade() -> None:
    op.drop_table("claim_reading")
