"""The ORM side of a workspace: its session class and the listeners on it and on the
models' metadata.

Loaded with a workspace's first session, or to create a schema: opening a workspace
(:func:`db.workspace.open_workspace`) needs SQLAlchemy's core only, so the window
can show before the ORM and the models load.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData, event
from sqlalchemy.orm import Session

from db import append_only, audit
from db.models import Article, Base
from db.search import schema as search_schema
from db.workspace import ARTICLE_ADDED


class WorkspaceSession(Session):
    """Session class carrying the audit listener."""


@event.listens_for(WorkspaceSession, "before_flush")
def _note_new_articles(session: Session, _context: Any, _instances: Any) -> None:
    if not session.info.get(ARTICLE_ADDED) and any(isinstance(o, Article) for o in session.new):
        session.info[ARTICLE_ADDED] = True


audit.install(WorkspaceSession)
search_schema.install(Base.metadata)  # create_all also makes the full-text indexes
append_only.install(Base.metadata)  # ... and the triggers keeping history append-only


def metadata() -> MetaData:
    """The models' metadata, with the full-text indexes and triggers ``create_all`` adds."""
    return Base.metadata
