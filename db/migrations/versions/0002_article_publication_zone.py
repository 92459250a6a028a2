"""Article publication zone: the UTC offset (and abbreviation) the article gave.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 15:00:06.602047

Existing articles keep their UTC moment; their zone is unknown (offset NULL).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_offset", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("published_zone", sa.String(length=16), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_column("published_zone")
        batch_op.drop_column("published_offset")
