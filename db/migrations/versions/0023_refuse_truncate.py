"""History and verdicts refuse TRUNCATE on PostgreSQL.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 09:00:00.000000

The append-only triggers of 0006 fire for each row updated or deleted; a
TRUNCATE deletes no row one by one and passed them by, so the database's
owner could empty the history and the verdicts.  Statement triggers now refuse
it (see ``db.append_only``).  SQLite has no TRUNCATE: nothing changes there.
"""

from collections.abc import Sequence

from alembic import op

from db import append_only

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for statement in append_only.POSTGRES_TRUNCATE_CREATE:
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for statement in append_only.POSTGRES_TRUNCATE_DROP:
            bind.exec_driver_sql(statement)
