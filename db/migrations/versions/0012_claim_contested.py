"""Contested claims: a decided claim that an accepted contradicts link put back in review.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 08:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN: the claim table is never rebuilt on SQLite.
    op.add_column(
        "claim", sa.Column("contested", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    # The review queue asks for contested claims beside its statuses.
    op.create_index(op.f("ix_claim_contested"), "claim", ["contested"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_contested"), table_name="claim")
    op.drop_column("claim", "contested")
