"""The change history: completeness, per-claim and workspace views, restoring a state."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_support import add_seed, claim_at
from sqlalchemy import func, select

from db import analysts, claims, comments, history, links
from db.errors import InvalidInput, NotFound, Refused
from db.models import HistoryEntry, Status
from db.workspace import Workspace


def _claim_changes(items: list[history.HistoryItem], claim_id) -> list[tuple[str, dict]]:
    return [
        (i.action, {c.field: (c.old, c.new) for c in i.changes})
        for i in items
        if i.entity_type == "claim" and i.entity_id == claim_id
    ]


def test_edits_and_undo_appear_in_full(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[0])
    c = claim_at(ws, aid, text)
    claims.update_claim(ws, c.id, notes="first note")
    claims.update_claim(ws, c.id, status="in_review", reliability="C")
    claims.update_claim(ws, c.id, tags=["casualties", "army"])
    # Undo of the tag edit = update back to the old values.
    claims.update_claim(ws, c.id, tags=[])
    claims.update_claim(ws, c.id, status="verified", rationale="Checked against the record.")
    got = _claim_changes(history.claim_history(ws, c.id), c.id)
    assert [a for a, _ in got] == ["create", "update", "update", "update", "update", "update"]
    assert got[0][1]["status"] == (None, "unverified")
    assert got[1][1] == {"notes": ("", "first note")}
    assert got[2][1] == {"status": ("unverified", "in_review"), "reliability": (None, "C")}
    assert got[3][1] == {"tags": ([], ["army", "casualties"])}
    assert got[4][1] == {"tags": (["army", "casualties"], [])}
    assert got[5][1] == {"status": ("in_review", "verified")}
    items = history.claim_history(ws, c.id)
    assert all(i.analyst_name == "Analyst" for i in items)
    assert all(i.at.tzinfo is not None for i in items)
    assert "in_review → verified" in items[-1].summary()


def test_history_includes_evidence_comments_and_incoming_links(
    ws: Workspace, seed_paths: list[Path]
) -> None:
    aid, text = add_seed(ws, seed_paths[1])
    a = claim_at(ws, aid, text, 0)
    b = claim_at(ws, aid, text, 1)
    link = links.add_link(ws, a.id, b.id, "contradicts")
    comments.add_comment(ws, b.id, "Check the date")
    links.remove_link(ws, link.id)
    kinds = [(i.entity_type, i.action) for i in history.claim_history(ws, b.id)]
    # The contradicts link disputed the claim: its status change is in the history too.
    assert sorted(kinds[1:3]) == [("claim", "update"), ("link", "create")]
    assert kinds[0] == ("claim", "create") and kinds[3:] == [
        ("comment", "create"),
        ("link", "delete"),
    ]
    # The link shows in its from-claim's history too; the comment does not.
    kinds_a = [(i.entity_type, i.action) for i in history.claim_history(ws, a.id)]
    assert ("link", "create") in kinds_a and ("comment", "create") not in kinds_a


def test_restore_state_is_a_new_change(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[2])
    c = claim_at(ws, aid, text, statement="Original", credibility=3)
    claims.update_claim(ws, c.id, statement="Second", tags=["x"])
    claims.update_claim(ws, c.id, statement="Third", credibility=5, status="in_review")
    items = history.claim_history(ws, c.id)
    with ws.session() as s:
        before = s.scalar(select(func.count()).select_from(HistoryEntry))
    restored = history.restore_claim_state(ws, c.id, items[1].id)
    assert (restored.statement, restored.credibility, restored.tags, restored.status) == (
        "Second",
        3,
        ("x",),
        Status.UNVERIFIED,
    )
    after = history.claim_history(ws, c.id)
    assert len(after) == len(items) + 1
    last = after[-1]
    assert last.action == "restore"
    assert {ch.field: (ch.old, ch.new) for ch in last.changes} == {
        "statement": ("Third", "Second"),
        "credibility": (5, 3),
        "status": ("in_review", "unverified"),
    }
    # Earlier entries are untouched (append-only).
    assert [(i.id, i.changes) for i in after[:-1]] == [(i.id, i.changes) for i in items]
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(HistoryEntry)) == before + 1
    # Restoring to the creation state brings back the original statement and no tags.
    first = history.restore_claim_state(ws, c.id, items[0].id)
    assert (first.statement, first.tags) == ("Original", ())
    # Restoring the state we are already in records nothing.
    history.restore_claim_state(ws, c.id, items[0].id)
    assert len(history.claim_history(ws, c.id)) == len(after) + 1


def test_restore_obeys_review_rules(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[3])
    c = claim_at(ws, aid, text)
    claims.update_claim(ws, c.id, status="verified", rationale="Checked against the record.")
    verified_entry = history.claim_history(ws, c.id)[-1]
    claims.update_claim(ws, c.id, status="in_review")
    analysts.add_analyst(ws, "Ana Lyst")
    analysts.bind_analyst(ws, "Ana Lyst")
    with pytest.raises(Refused, match="Only reviewers"):
        history.restore_claim_state(ws, c.id, verified_entry.id)
    assert claims.get_claim(ws, c.id).status == Status.IN_REVIEW


def test_restore_rejects_foreign_entry(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[4])
    a = claim_at(ws, aid, text, 0)
    b = claim_at(ws, aid, text, 1)
    foreign = history.claim_history(ws, b.id)[0]
    with pytest.raises(InvalidInput, match="not part of this claim"):
        history.restore_claim_state(ws, a.id, foreign.id)


def test_deleted_claim_history_still_readable(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[4])
    c = claim_at(ws, aid, text)
    claims.delete_claim(ws, c.id)
    actions = [i.action for i in history.claim_history(ws, c.id)]
    assert actions == ["create", "delete"]
    with pytest.raises(NotFound):
        history.claim_history(ws, "ffffffff-ffff-ffff-ffff-ffffffffffff")


def test_workspace_history_pages_and_filters(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[0])
    analysts.add_analyst(ws, "Ana Lyst")
    c = claim_at(ws, aid, text)
    analysts.bind_analyst(ws, "Ana Lyst")
    claims.update_claim(ws, c.id, notes="n1")
    claims.update_claim(ws, c.id, notes="n2")
    everything = history.workspace_history(ws, limit=100)
    assert everything[0].changes[0].new == "n2"  # newest first
    assert [i.entity_type for i in everything][-1] == "article"
    page = history.workspace_history(ws, limit=2, offset=1)
    assert [i.id for i in page] == [i.id for i in everything[1:3]]
    only_claims = history.workspace_history(ws, entity_type="claim")
    assert {i.entity_type for i in only_claims} == {"claim"}
    by_ana = history.workspace_history(ws, analyst="Ana Lyst")
    assert len(by_ana) == 2 and {i.analyst_name for i in by_ana} == {"Ana Lyst"}
    with pytest.raises(InvalidInput):
        history.workspace_history(ws, entity_type="planet")


def test_no_history_writer_exists() -> None:
    """History is append-only: the history module offers no way to change entries."""
    public = [n for n in dir(history) if not n.startswith("_")]
    assert not [n for n in public if n.startswith(("delete", "edit", "update", "purge"))]


def test_assignee_and_source_changes_show_names(ws: Workspace, seed_paths: list[Path]) -> None:
    from db.review import assign
    from db.sources import create_source

    aid, text = add_seed(ws, seed_paths[0])
    c = claim_at(ws, aid, text)
    rita = analysts.add_analyst(ws, "Rita Reviewer")
    agency = create_source(ws, "News agency")
    assign(ws, c.id, rita.id)
    claims.update_claim(ws, c.id, source_id=agency.id)
    items = [i for i in history.claim_history(ws, c.id) if i.action == "update"]
    assigned, sourced = items[-2].changes[0], items[-1].changes[0]
    assert (assigned.field, assigned.old, assigned.new) == ("assignee_id", None, str(rita.id))
    assert assigned.new_shown == "Rita Reviewer" and assigned.old_shown is None
    assert sourced.field == "source_id" and sourced.new_shown == "News agency"
    assert "assignee_id: — → Rita Reviewer" in items[-2].summary()


def test_every_entry_names_its_item(ws: Workspace, seed_paths: list[Path]) -> None:
    """Creates, updates and deletes each carry a readable name, even for deleted items."""
    from db.articles import get_article
    from db.sources import create_source, delete_source, update_source

    aid, text = add_seed(ws, seed_paths[1])
    a = claim_at(ws, aid, text, 0)
    b = claim_at(ws, aid, text, 1)
    agency = create_source(ws, "Wire Agency")
    update_source(ws, agency.id, notes="checked")
    delete_source(ws, agency.id)
    link = links.add_link(ws, a.id, b.id, "contradicts")
    comments.add_comment(ws, b.id, "Check the date")
    claims.update_claim(ws, a.id, notes="n1")
    links.remove_link(ws, link.id)
    items = history.workspace_history(ws, limit=100)
    by_kind = {(i.entity_type, i.action): i.label for i in items}
    assert by_kind[("article", "create")] == history._flat(get_article(ws, aid).title)
    assert by_kind[("source", "create")] == "Wire Agency"
    assert by_kind[("source", "update")] == "Wire Agency"  # not in the update's own values
    assert by_kind[("source", "delete")] == "Wire Agency"
    assert by_kind[("claim", "update")] == history._flat(a.quote)
    assert by_kind[("comment", "create")] == "Check the date"
    for action in ("create", "delete"):
        label = by_kind[("link", action)]
        assert "contradicts" in label and a.quote[:10] in label and b.quote[:10] in label
    assert all(i.label for i in items)
    assert "created source Wire Agency" in [i.summary() for i in items]


def test_history_follows_write_order_not_the_writers_clock(
    ws: Workspace, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teammate whose clock runs an hour behind still writes the later change."""
    import datetime as dt

    from db import timeutil

    aid, text = add_seed(ws, seed_paths[1])
    c = claim_at(ws, aid, text, statement="First")
    claims.update_claim(ws, c.id, statement="Second")
    real = timeutil.utcnow
    monkeypatch.setattr(timeutil, "utcnow", lambda: real() - dt.timedelta(hours=1))
    claims.update_claim(ws, c.id, statement="Third")
    monkeypatch.setattr(timeutil, "utcnow", real)

    items = history.claim_history(ws, c.id)
    statements = [ch.new for i in items for ch in i.changes if ch.field == "statement"]
    assert statements[-2:] == ["Second", "Third"]
    # Restoring the state after "Second" replays the entries in write order.
    restored = history.restore_claim_state(ws, c.id, items[-2].id)
    assert restored.statement == "Second"
    newest = history.workspace_history(ws, limit=1)[0]
    assert newest.action == "restore"
