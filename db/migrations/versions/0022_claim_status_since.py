"""Review queue: when each claim entered its status is stored, and every order of the
queue has an index.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 03:10:00.000000

The queue is ordered by how long a claim has waited in its status, and breaks
ties of its other orders the same way.  That moment was worked out for every
claim from its history on each read (a lookup and a text match per claim), so
the queue could only be read whole: seconds at a third of a million claims.
It is now a column, ``status_since``, filled here from the history once and
kept by every write since; with an index for each order (ending in
``status_since`` and the claim id) the queue reads one page at a time.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES: dict[str, list[str | sa.TextClause]] = {
    "ix_claim_queue_waiting": ["status_since", "id", "status", "contested"],
    "ix_claim_queue_status": ["status", "status_since", "id"],
    "ix_claim_queue_article": ["article_id", "status_since", "id", "status", "contested"],
    "ix_claim_queue_source": ["source_id", "status_since", "id", "status", "contested"],
    "ix_claim_queue_assignee": ["assignee_id", "status_since", "id", "status", "contested"],
    "ix_claim_queue_grading": [
        sa.text("coalesce(reliability, '')"),
        sa.text("coalesce(credibility, 0)"),
        "status_since",
        "id",
        "status",
        "contested",
    ],
}

# The last recorded change of the claim's status or contested mark, else its creation.
FILL = sa.text(
    "UPDATE claim SET status_since = coalesce("
    " (SELECT max(h.at) FROM history AS h"
    "  WHERE h.entity_type = 'claim' AND h.entity_id = claim.id"
    "   AND (CAST(h.changes AS TEXT) LIKE :status OR CAST(h.changes AS TEXT) LIKE :contested)),"
    " created_at)"
).bindparams(status='%"status": [%', contested='%"contested": [%')


def upgrade() -> None:
    op.add_column("claim", sa.Column("status_since", sa.DateTime(timezone=True), nullable=True))
    op.execute(FILL)
    for name, columns in INDEXES.items():
        op.create_index(name, "claim", columns, unique=False)


def downgrade() -> None:
    for name in reversed(INDEXES):
        op.drop_index(name, table_name="claim")
    op.drop_column("claim", "status_since")
