"""Claim readings keep what db.facts.happenings read of each quote as well.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 15:00:00.000000

Date conflicts read, for each dated claim, the happenings it names and the words
before its first date; that reading was made again in every new window.  It is now
stored beside the claim's figure reading (db.facts.told), filled as proposals read
the claims: nothing to copy here, and dropping the column loses nothing.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("claim_reading", sa.Column("happenings", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("claim_reading", "happenings")
