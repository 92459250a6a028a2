"""Proposals kept between calls in a process: asked again with nothing changed they are
the same, and after an edit, a link, a dismissal or a new claim they are those a fresh
process would make."""

from __future__ import annotations

import datetime as dt
import json

from db import claims as claim_ops
from db.facts.proposals import conflicts, dismiss, forget, propose_links, queue
from db.links import add_link
from db.models import Relation
from db.workspace import Workspace
from tests.test_facts import DEC, OCT, STORY, _claims


def _listed(ws: Workspace, ask: str = "all") -> list[str]:
    found = {"all": propose_links, "conflicts": conflicts, "queue": queue}[ask](ws)
    return [json.dumps(p.as_json(), sort_keys=True) for p in found]


def _fresh(ws: Workspace, ask: str = "all") -> list[str]:
    """The proposals as the first call of a process makes them (nothing kept)."""
    forget()
    return _listed(ws, ask)


def _relation(ws: Workspace, a: str, b: str) -> Relation | None:
    for p in propose_links(ws):
        if {str(p.from_claim.claim_id), str(p.to_claim.claim_id)} == {a, b}:
            return p.relation
    return None


def test_asked_again_with_nothing_changed_the_same(ws: Workspace) -> None:
    _claims(ws, STORY)
    for ask in ("all", "conflicts", "queue"):
        first = _fresh(ws, ask)
        assert first
        assert _listed(ws, ask) == first
        assert _listed(ws, ask) == _fresh(ws, ask)


def test_after_an_edit_as_a_fresh_process_makes_them(ws: Workspace) -> None:
    seoul, kyiv, *_rest = _claims(ws, STORY)
    _fresh(ws)
    assert _relation(ws, seoul, kyiv) is Relation.CONTRADICTS  # the same day, 1,500 and 3,000
    claim_ops.update_claim(ws, kyiv, event_start=DEC.date())
    kept = _listed(ws)
    assert kept == _fresh(ws)
    assert _relation(ws, seoul, kyiv) is Relation.UPDATES  # 3,000 is now of a later day
    claim_ops.update_claim(ws, kyiv, event_start=OCT.date())
    assert _relation(ws, seoul, kyiv) is Relation.CONTRADICTS
    assert _listed(ws, "queue") == _fresh(ws, "queue")


def test_after_a_link_a_dismissal_and_a_new_claim(ws: Workspace) -> None:
    seoul, kyiv, late, _reinforcements = _claims(ws, STORY)
    before = _fresh(ws, "conflicts")
    add_link(ws, seoul, kyiv, Relation.CONTRADICTS)
    after_link = _listed(ws, "conflicts")
    assert len(after_link) == len(before) - 1
    assert after_link == _fresh(ws, "conflicts")
    proposal = next(p for p in conflicts(ws) if str(p.from_claim.claim_id) == late)
    dismiss(ws, proposal)
    after_dismissal = _listed(ws, "conflicts")
    assert len(after_dismissal) == len(after_link) - 1
    assert after_dismissal == _fresh(ws, "conflicts")
    (newcomer,) = _claims(
        ws, [("Others said 7,000 troops arrived in Russia.", "7,000 troops arrived in Russia",
              dt.datetime(2024, 10, 18, tzinfo=dt.UTC))]
    )  # fmt: skip
    with_newcomer = _listed(ws, "conflicts")
    assert any(newcomer in row for row in with_newcomer)
    assert with_newcomer == _fresh(ws, "conflicts")
