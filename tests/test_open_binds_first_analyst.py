"""Opening a local workspace binds its first analyst, read without the ORM, as the
session-based binding does; a workspace without analysts stays unbound."""

from __future__ import annotations

from pathlib import Path

from db.analysts import add_analyst, bind_working_analyst, create_first_analyst
from db.workspace import first_local_analyst, open_workspace
from desktop.operations.workspaces import open_workspace as open_for_window


def test_the_first_analyst_is_bound_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "w.claimdesk.sqlite"
    ws = open_workspace(path)
    assert first_local_analyst(ws) is None
    first = create_first_analyst(ws, "Dana Reyes", "DR")
    ws.analyst_id = first.id
    add_analyst(ws, "Ama Owusu", "AO")
    assert first_local_analyst(ws) == first.id
    assert bind_working_analyst(ws) == first.id
    ws.close()
    opened = open_for_window(path)
    try:
        assert opened.analyst_id == first.id
    finally:
        opened.close()


def test_a_workspace_without_analysts_stays_unbound(tmp_path: Path) -> None:
    opened = open_for_window(tmp_path / "new.claimdesk.sqlite")
    try:
        assert opened.analyst_id is None
    finally:
        opened.close()
