"""Analysts of a workspace and who the current one is."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from db.models import Analyst, Role
from db.workspace import Workspace

DEFAULT_NAME = "Analyst"


def bind_analyst(ws: Workspace, name: str | None = None) -> uuid.UUID:
    """Make *name* (or the workspace's first analyst, created if none) the current analyst."""
    with ws.session() as session:
        if name:
            analyst = session.scalar(select(Analyst).where(Analyst.name == name))
            if analyst is None:
                from db.errors import NotFound

                raise NotFound(f"No analyst named {name!r} in this workspace.")
        else:
            analyst = session.scalar(select(Analyst).order_by(Analyst.created_at).limit(1))
            if analyst is None:
                analyst = Analyst(name=DEFAULT_NAME, initials="AN", role=Role.ADMIN)
                session.add(analyst)
                session.flush()
        ws.analyst_id = analyst.id
        return analyst.id
