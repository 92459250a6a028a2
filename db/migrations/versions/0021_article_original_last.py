"""The article's file bytes (``original``) become the table's last column (SQLite).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 00:30:00.000000

A long article's row is written with placeholders of the right sizes, its text
and file then copied in a slice at a time (``db.long_rows``).  SQLite keeps a
zero-filled blob unexpanded while it builds the row only when no column after it
holds data: with ``original`` last, writing the row of a 50 MiB file no longer
makes a 50 MiB run of zeros in memory beside the row itself.  The column is
renamed, a new last one added and filled, and the old one dropped, all in place
(no table copy, so nothing pointing at articles is touched); the article
triggers, which name the column, are made again.  Needs SQLite 3.35 (DROP
COLUMN); an older SQLite keeps the order it has, which only costs memory.
PostgreSQL stores no placeholders and needs no change.
"""

import sqlite3
from collections.abc import Sequence

from alembic import op

from db.search import schema

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite" or sqlite3.sqlite_version_info < (3, 35):
        return
    columns = [row[1] for row in bind.exec_driver_sql("PRAGMA table_info(article)")]
    if columns[-1] == "original":
        return
    for statement in [
        *schema.sqlite_drop_article_triggers(),
        "ALTER TABLE article RENAME COLUMN original TO original_before",
        "ALTER TABLE article ADD COLUMN original BLOB NOT NULL DEFAULT x''",
        "UPDATE article SET original = original_before",
        "ALTER TABLE article DROP COLUMN original_before",
        *schema.sqlite_article_statements(deferred=True, parts=True),
    ]:
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    pass  # the order of the columns means nothing to earlier revisions
