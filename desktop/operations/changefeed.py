"""Reading the shared change feed (for the poller): the newest mark, and what changed since."""

from __future__ import annotations

from db import changefeed
from db.changefeed import ChangeMark, ChangeSet, TeamState
from db.changes import Changes
from db.workspace import Workspace


def latest(ws: Workspace) -> ChangeMark:
    """The position of the newest change; poll from here to see later ones."""
    return changefeed.latest_change(ws)


def since(ws: Workspace, mark: ChangeMark, *, skip_own: bool = True) -> ChangeSet:
    """Others' changes after *mark*; ``.record`` is the Changes record (remote=True) to publish."""
    return changefeed.changes_since(ws, mark, skip_own=skip_own)


def team(ws: Workspace) -> TeamState:
    """The analysts and settings as they are now (they keep no history to poll)."""
    return changefeed.team_state(ws)


def team_changes(before: TeamState, after: TeamState) -> Changes:
    """The remote record of what differs between two snapshots of the team."""
    return changefeed.team_changes(before, after)
