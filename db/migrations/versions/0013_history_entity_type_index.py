"""History by entity type: a claim's history looks among link entries only.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 09:00:00.000000

Showing a claim's history finds the links recorded under their other claim by
reading the link entries; without this index every history entry was read, on
the GUI thread, each time a claim was shown (a new claim included).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_history_entity_type", "history", ["entity_type", "entity_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_history_entity_type", table_name="history")
