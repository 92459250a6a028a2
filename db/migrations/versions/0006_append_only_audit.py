"""History and verdicts append-only: triggers refuse UPDATE and DELETE.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 17:00:00.000000

See ``db.append_only``.
"""

from collections.abc import Sequence

from alembic import op

from db import append_only

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    append_only.create(op.get_bind())


def downgrade() -> None:
    append_only.drop(op.get_bind())
