"""Long article texts are indexed for search in parts (SQLite).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06 00:20:00.000000

Adds the table ``search_part`` and article triggers that keep the entries of an
article indexed in parts current (see ``db.search.schema``): from now on a text
longer than ``db.search.schema.PART_BYTES`` is indexed a part at a time, so
indexing it takes memory of about four times a part instead of four times the
text.  Articles already indexed whole stay as they are.  The downgrade indexes
the articles in parts whole again.  PostgreSQL indexes expressions over the
table itself and needs no change.
"""

from collections.abc import Sequence

from alembic import op

from db.search import schema

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for statement in [
        *schema.sqlite_drop_article_triggers(),
        *schema.sqlite_article_statements(deferred=True, parts=True),
    ]:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    schema.undo_parts(op.get_bind())
