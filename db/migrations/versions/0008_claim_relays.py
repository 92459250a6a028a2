"""Relay chains: the sources that relayed a claim from its original source, in order.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 17:10:00.000000

Existing claims keep their single source as the original source and get an empty chain.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claim_relay",
        sa.Column("claim_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name=op.f("fk_claim_relay_claim_id_claim"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_claim_relay_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_relay")),
        sa.UniqueConstraint("claim_id", "position", name=op.f("uq_claim_relay_claim_id")),
    )  # fmt: skip
    with op.batch_alter_table("claim_relay", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_relay_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_relay_source_id"), ["source_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claim_relay", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_relay_source_id"))
        batch_op.drop_index(batch_op.f("ix_claim_relay_claim_id"))
    op.drop_table("claim_relay")
