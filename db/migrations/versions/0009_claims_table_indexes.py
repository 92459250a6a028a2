"""Claims table indexes: every order the paged claims table sorts by ends in the claim id.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 16:55:00.000000

The table reads one page at a time in a fixed order; each order has an index
so the first page (and the row count) never needs the whole table sorted.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLAIM_INDEXES = {
    "ix_claim_position": ["article_id", "start", "end", "id"],
    "ix_claim_status_order": ["status", "id"],
    "ix_claim_updated_order": ["updated_at", "id"],
    "ix_claim_event_order": ["event_start", "event_end", "id"],
    "ix_claim_grading_order": ["reliability", "credibility", "id"],
    "ix_claim_source_order": ["source_id", "id"],
}


def upgrade() -> None:
    for name, columns in CLAIM_INDEXES.items():
        op.create_index(name, "claim", columns, unique=False)
    op.create_index("ix_article_title_order", "article", ["title", "id"], unique=False)
    op.create_index("ix_source_name_order", "source", ["name", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_source_name_order", table_name="source")
    op.drop_index("ix_article_title_order", table_name="article")
    for name in reversed(CLAIM_INDEXES):
        op.drop_index(name, table_name="claim")
