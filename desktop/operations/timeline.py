"""The timeline: the GUI's door to db.facts.timeline (reads only, any thread)."""

from __future__ import annotations

import uuid

from db.facts import timeline as timeline_data
from db.facts.timeline import Timeline, TimelineItem, TimelineLink
from desktop.context import AppContext

__all__ = ["Timeline", "TimelineItem", "TimelineLink", "load_timeline"]


def load_timeline(ctx: AppContext, fact_id: uuid.UUID | str | None) -> Timeline:
    """The timeline of a fact (None: the whole workspace); runs on a worker thread."""
    return timeline_data.timeline(ctx.ws, fact_id)
