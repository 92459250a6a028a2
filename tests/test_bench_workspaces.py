"""The benchmark workspaces hold what the app itself would store, so they travel whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench.build_workspaces import Size, build
from db.analysts import bind_analyst, create_first_analyst
from db.bundles import export_bundle, import_bundle
from db.check import check_workspace
from db.workspace import open_workspace

# Three articles of twelve claims: every status of the cycle appears three times.
TINY = Size("T", 3, 12, 3_000)
DECIDED = ("verified", "false")


def test_a_built_workspace_passes_the_check_and_its_bundle_imports_whole(tmp_path: Path) -> None:
    path = build(tmp_path / "T.claimdesk.sqlite", TINY, log=False)
    with sqlite3.connect(path) as conn:
        decided = conn.execute(
            "SELECT count(*) FROM claim WHERE status IN (?, ?)", DECIDED
        ).fetchone()[0]
        # Every verified or false claim has the verdict that gave it its status.
        undecided = conn.execute(
            "SELECT count(*) FROM claim c WHERE c.status IN (?, ?) AND NOT EXISTS "
            "(SELECT 1 FROM verdict v WHERE v.claim_id = c.id AND v.status = c.status)",
            DECIDED,
        ).fetchone()[0]
    assert decided == 9 and undecided == 0

    ws = open_workspace(path)
    bind_analyst(ws)
    assert check_workspace(ws).ok
    bundle = tmp_path / "T.claimdesk"
    export_bundle(ws, bundle)
    ws.close()

    target = open_workspace(tmp_path / "target.sqlite")
    create_first_analyst(target, "Ina Field", "IF")
    report = import_bundle(target, bundle)
    assert report.added["claims"] == TINY.claims and report.added["verdicts"] == decided
    assert not report.conflicts
    assert import_bundle(target, bundle).total_added == 0
    target.close()
