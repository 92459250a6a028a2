"""Full-text search: FTS5 word and trigram indexes (SQLite), pg_trgm and tsvector (PostgreSQL).

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-04 16:50:00.000000

Builds the indexes described in ``db.search.schema`` and indexes every row
already stored; from then on the database keeps them current as rows are
written (triggers on SQLite, expression indexes on PostgreSQL).
"""

from collections.abc import Sequence

from alembic import op

from db.search import schema

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    schema.create(op.get_bind())


def downgrade() -> None:
    schema.drop(op.get_bind())
