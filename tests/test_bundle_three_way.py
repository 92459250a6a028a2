"""Three-way bundle merges: the common past decides, never the writers' clocks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.bundles import export_bundle, import_bundle, resolve_conflict
from db.claims import create_claim_by_quote, delete_claim, get_claim, list_claims, update_claim
from db.errors import NotFound
from db.workspace import Workspace, open_workspace
from tests.test_bundles import _history_ids, _row_counts, canonical

BODY = (
    "Seoul's spy agency said 1,500 soldiers left in October. Kyiv said 3,000 troops were "
    "training. A lawmaker put the figure at 10,000. Analysts expect 12,000 by winter."
)


def _desk(path: Path) -> Workspace:
    ws = open_workspace(path)
    bind_analyst(ws)
    return ws


def _pair(tmp_path: Path) -> tuple[Workspace, Workspace, list[str]]:
    """Two desks sharing three claims (the common past)."""
    first = _desk(tmp_path / "first.sqlite")
    art = add_article(first, NewArticle(text=BODY, original=BODY.encode(), filename="a.txt"))
    ids = [
        str(create_claim_by_quote(first, art.id, quote).id)
        for quote in ("1,500 soldiers", "3,000 troops", "10,000")
    ]
    export_bundle(first, tmp_path / "base.claimdesk")
    other = _desk(tmp_path / "other.sqlite")
    import_bundle(other, tmp_path / "base.claimdesk")
    return first, other, ids


def _skew(ws: Workspace, claim_id: str, hours: float) -> None:
    """Move a claim's last-changed stamp, as a writer whose clock is off would have set it."""
    stamp = dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)
    with ws.engine.begin() as conn:
        conn.execute(
            text("UPDATE claim SET updated_at = :t WHERE id = :i"),
            {"t": stamp.replace(tzinfo=None), "i": claim_id.replace("-", "")},
        )


def test_one_sided_edits_win_whatever_the_clocks_say(tmp_path: Path) -> None:
    first, other, (c1, c2, _c3) = _pair(tmp_path)
    # first's clock is five hours slow: its edit looks older than anything here.
    update_claim(first, c1, notes="first: confirmed by a second source")
    _skew(first, c1, -5)
    # other's clock is five hours fast: its edit looks newer than the bundle's.
    update_claim(other, c2, notes="other: the figure is disputed")
    _skew(other, c2, +5)
    export_bundle(first, tmp_path / "next.claimdesk")
    report = import_bundle(other, tmp_path / "next.claimdesk")
    assert report.conflicts == []
    assert get_claim(other, c1).notes == "first: confirmed by a second source"
    assert get_claim(other, c2).notes == "other: the figure is disputed"
    assert report.updated == {"claims": 1}


def test_different_fields_of_one_claim_merge(tmp_path: Path) -> None:
    first, other, (c1, _c2, _c3) = _pair(tmp_path)
    update_claim(first, c1, notes="first's note")
    update_claim(other, c1, statement="About 1,500 soldiers left")
    _skew(other, c1, +3)
    export_bundle(first, tmp_path / "next.claimdesk")
    report = import_bundle(other, tmp_path / "next.claimdesk")
    assert report.conflicts == []
    merged = get_claim(other, c1)
    assert (merged.notes, merged.statement) == ("first's note", "About 1,500 soldiers left")


def test_the_same_field_on_both_sides_is_a_conflict_and_reimport_changes_nothing(
    tmp_path: Path,
) -> None:
    first, other, (c1, _c2, _c3) = _pair(tmp_path)
    update_claim(first, c1, notes="first says A")
    _skew(first, c1, +8)  # newer by the clock: must not matter
    update_claim(other, c1, notes="other says B")
    export_bundle(first, tmp_path / "next.claimdesk")
    report = import_bundle(other, tmp_path / "next.claimdesk")
    (conflict,) = report.conflicts
    assert conflict.fields == ("notes",) and conflict.kind == "changed"
    assert (conflict.local["notes"], conflict.incoming["notes"]) == ("other says B", "first says A")
    assert get_claim(other, c1).notes == "other says B"
    state, history = canonical(other), _history_ids(other)
    again = import_bundle(other, tmp_path / "next.claimdesk")
    assert [c.fields for c in again.conflicts] == [("notes",)]
    assert again.total_added == 0 and again.total_updated == 0
    assert canonical(other) == state and _history_ids(other) == history
    resolve_conflict(other, conflict, take="incoming")
    assert get_claim(other, c1).notes == "first says A"


def test_edits_travel_back_and_forth_without_false_conflicts(tmp_path: Path) -> None:
    first, other, (c1, _c2, _c3) = _pair(tmp_path)
    for round_ in range(3):
        update_claim(first, c1, notes=f"first, round {round_}")
        export_bundle(first, tmp_path / "f.claimdesk")
        assert import_bundle(other, tmp_path / "f.claimdesk").conflicts == []
        update_claim(other, c1, notes=f"other, round {round_}")
        export_bundle(other, tmp_path / "o.claimdesk")
        assert import_bundle(first, tmp_path / "o.claimdesk").conflicts == []
        assert get_claim(first, c1).notes == f"other, round {round_}"
    bookkeeping = {"updated_at", "updated_by_id"}

    def claims(ws: Workspace) -> list[dict[str, object]]:
        return [
            {k: v for k, v in row.items() if k not in bookkeeping}
            for row in canonical(ws)["claims"]
        ]

    assert claims(first) == claims(other)


def test_deleted_here_stays_deleted_unless_changed_there(tmp_path: Path) -> None:
    first, other, (c1, c2, _c3) = _pair(tmp_path)
    delete_claim(other, c1)
    delete_claim(other, c2)
    update_claim(first, c2, notes="first kept working on it")
    export_bundle(first, tmp_path / "next.claimdesk")
    report = import_bundle(other, tmp_path / "next.claimdesk")
    remaining = {str(c.id) for c in list_claims(other)}
    assert c1 not in remaining and c2 not in remaining  # nothing resurrected silently
    (conflict,) = report.conflicts
    assert conflict.kind == "deleted_here" and str(conflict.entity_id) == c2
    resolve_conflict(other, conflict, take="incoming")
    assert get_claim(other, c2).notes == "first kept working on it"


def test_deleted_there_is_deleted_here_unless_changed_here(tmp_path: Path) -> None:
    first, other, (c1, c2, c3) = _pair(tmp_path)
    delete_claim(first, c1)
    delete_claim(first, c2)
    update_claim(other, c2, notes="other still needs this")
    export_bundle(first, tmp_path / "next.claimdesk")
    counts = _row_counts(other)
    report = import_bundle(other, tmp_path / "next.claimdesk")
    remaining = {str(c.id) for c in list_claims(other)}
    assert c1 not in remaining and c2 in remaining and c3 in remaining
    assert report.deleted == {"claims": 1}
    (conflict,) = report.conflicts
    assert conflict.kind == "deleted_there" and str(conflict.entity_id) == c2
    assert _row_counts(other)["claims"] == counts["claims"] - 1
    undo = resolve_conflict(other, conflict, take="incoming")
    try:
        get_claim(other, c2)
        raise AssertionError("the claim should be gone")
    except NotFound:
        pass
    # Settling is undoable: the returned conflict brings the claim back as it was here.
    assert undo is not None and undo.kind == "deleted_here"
    resolve_conflict(other, undo, take="incoming")
    assert get_claim(other, c2).notes == "other still needs this"
