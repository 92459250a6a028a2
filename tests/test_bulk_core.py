"""db.bulk on SQLite and PostgreSQL: one transaction, each claim's history, undo by id."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_support import add_seed, claim_at
from sqlalchemy import func, select

from db import bulk
from db import claims as claim_ops
from db.bulk import BulkEdit
from db.changes import Entity
from db.errors import InvalidInput, NotFound
from db.history import claim_history
from db.models import HistoryEntry, Status
from db.review import verdicts_of
from db.workspace import Workspace


def _history_rows(ws: Workspace) -> int:
    with ws.session() as session:
        return session.scalar(select(func.count()).select_from(HistoryEntry)) or 0


def test_edit_and_put_back_many(store: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(store, seed_paths[3])
    made = [claim_at(store, aid, text, n) for n in range(8)]
    claim_ops.update_claim(store, made[0].id, tags=["kept"])
    ids = [c.id for c in made]
    history = _history_rows(store)
    edit = BulkEdit(status=Status.FALSE, rationale="All eight misread the table.")
    assert bulk.pending(store, ids, edit) == 8
    before, record = bulk.bulk_edit(store, ids, edit)
    assert len(before) == 8 and _history_rows(store) == history + 8
    assert record.ids(Entity.CLAIM) == {str(i) for i in ids}
    assert all(claim_ops.get_claim(store, i).status is Status.FALSE for i in ids)
    (verdict,) = verdicts_of(store, ids[3])
    assert verdict.rationale == "All eight misread the table." and verdict.reviewer_name
    entry = claim_history(store, ids[3])[-1]
    assert [(c.field, c.old, c.new) for c in entry.changes] == [("status", "unverified", "false")]
    version = claim_ops.get_claim(store, ids[3]).version
    assert version > made[3].version  # others editing it see it changed

    tagged, _r = bulk.bulk_edit(store, ids, BulkEdit(add_tag="Ports "))
    assert len(tagged) == 8
    assert claim_ops.get_claim(store, ids[0]).tags == ("Ports", "kept")
    bulk.put_back(store, tagged)
    assert claim_ops.get_claim(store, ids[0]).tags == ("kept",)
    assert claim_ops.get_claim(store, ids[1]).tags == ()
    bulk.put_back(store, before)
    assert all(claim_ops.get_claim(store, i).status is Status.UNVERIFIED for i in ids)
    assert bulk.pending(store, ids, BulkEdit(status=Status.UNVERIFIED)) == 0


def test_bad_requests_change_nothing(ws: Workspace, seed_paths: list[Path]) -> None:
    aid, text = add_seed(ws, seed_paths[3])
    made = [claim_at(ws, aid, text, n) for n in range(3)]
    ids = [c.id for c in made]
    history = _history_rows(ws)
    with pytest.raises(InvalidInput, match="needs a rationale"):
        bulk.bulk_edit(ws, ids, BulkEdit(status=Status.VERIFIED))
    with pytest.raises(InvalidInput, match="Choose what to change"):
        bulk.bulk_edit(ws, ids, BulkEdit())
    with pytest.raises(InvalidInput, match="Select at least one claim"):
        bulk.bulk_edit(ws, [], BulkEdit(add_tag="x"))
    with pytest.raises(InvalidInput, match="control or text-direction"):
        bulk.bulk_edit(ws, ids, BulkEdit(add_tag="a\u202eb"))
    claim_ops.delete_claim(ws, ids[1])
    with pytest.raises(NotFound, match="1 of the 3 claims no longer exist"):
        bulk.bulk_edit(ws, ids, BulkEdit(add_tag="ports"))
    assert _history_rows(ws) == history + 1  # the deletion only
    assert claim_ops.get_claim(ws, ids[0]).tags == ()
