"""A local workspace gets query-planner statistics, and the claims table's first page
then walks the indexes instead of sorting every claim."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from db.workspace import open_workspace, refresh_statistics

ROOT = Path(__file__).resolve().parent.parent
FIRST_PAGE = (
    "SELECT claim.id FROM claim JOIN article ON article.id = claim.article_id "
    'ORDER BY article.title, claim.article_id, claim.start, claim."end", claim.id LIMIT 50'
)


def _plan(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + FIRST_PAGE)]


def _rows(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        tables = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in tables
            if not t.startswith("sqlite_")
        }


def test_statistics_make_the_first_page_walk_the_indexes(tmp_path: Path) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bench.build_workspaces import Size, build

    path = build(tmp_path / "w.claimdesk.sqlite", Size("T", 40, 50, 2_000), log=False)
    assert "USE TEMP B-TREE FOR ORDER BY" in _plan(path)  # every claim sorted
    before = _rows(path)
    ws = open_workspace(path)
    try:
        assert refresh_statistics(ws) is True
        assert refresh_statistics(ws) is False  # known now: only kept fresh
    finally:
        ws.close()
    plan = _plan(path)
    assert plan[0].startswith("SCAN article USING COVERING INDEX")
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan
    assert _rows(path) == before  # no row written, no history entry


def test_shared_workspaces_keep_their_own(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "w.sqlite")
    try:
        ws.url = "postgresql+psycopg://nobody@127.0.0.1:1/none"  # taken as shared
        assert refresh_statistics(ws) is False
    finally:
        ws.url = f"sqlite:///{tmp_path / 'w.sqlite'}"
        ws.close()
