"""The timeline: its data (db.facts.timeline, `claimdesk timeline`)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

from db import claims as claim_ops
from db.cli import run
from db.facts.service import assign_claims, create_fact
from db.facts.timeline import timeline
from db.links import add_link
from db.models import Relation
from tests.test_facts import DEC, OCT, STORY, _claims

RANGE = (
    "Estimates now put it between 11,000 and 12,000 troops in Russia.",
    "between 11,000 and 12,000 troops in Russia",
    DEC,
)
WORDS = ("The talks were described as cordial.", "talks were described as cordial", OCT)


def _story(ws):  # type: ignore[no-untyped-def]
    ids = _claims(ws, [*STORY, RANGE, WORDS])
    seoul, kyiv, late, _reinf, ranged, words = ids
    claim_ops.update_claim(ws, ranged, event_start="2024-11-01", event_end="2024-11-30")
    claim_ops.update_claim(
        ws,
        seoul,
        event_start="2024-10-01",
        status="verified",
        rationale="Checked against the record.",
    )
    add_link(ws, kyiv, seoul, Relation.CONTRADICTS)
    add_link(ws, late, seoul, Relation.UPDATES)
    add_link(ws, words, seoul, Relation.SUPPORTS)  # not drawn on a timeline
    return ids


def test_timeline_has_one_item_per_claim_with_bounds_and_links(ws) -> None:  # type: ignore[no-untyped-def]
    seoul, kyiv, late, reinf, ranged, words = _story(ws)
    data = timeline(ws)
    items = {str(i.claim_id): i for i in data.items}
    assert set(items) == {seoul, kyiv, late, reinf, ranged, words}
    assert (items[ranged].low, items[ranged].high) == (11_000, 12_000)
    assert items[ranged].event_start == dt.date(2024, 11, 1)
    assert items[ranged].event_end == dt.date(2024, 11, 30)
    assert items[seoul].value == 1_500 and items[seoul].low == items[seoul].high == 1_500
    assert items[seoul].event_start == items[seoul].event_end == dt.date(2024, 10, 1)
    assert items[seoul].status == "verified"
    assert items[seoul].superseded and [str(c) for c in items[seoul].superseded_by] == [late]
    assert not items[late].superseded
    assert items[words].value is None and items[words].low is None
    assert items[kyiv].event_start is None  # no event date: only the publication mark
    assert items[late].published == DEC
    got = {(link.relation, str(link.from_claim_id), str(link.to_claim_id)) for link in data.links}
    assert got == {(Relation.CONTRADICTS, kyiv, seoul), (Relation.UPDATES, late, seoul)}


def test_a_facts_timeline_holds_only_its_claims(ws) -> None:  # type: ignore[no-untyped-def]
    seoul, kyiv, late, _reinf, _ranged, _words = _story(ws)
    fact, _ = create_fact(ws, "How many troops?")
    assign_claims(ws, fact.id, [seoul, late])
    data = timeline(ws, str(fact.id))
    assert {str(i.claim_id) for i in data.items} == {seoul, late}
    assert data.fact_name == "How many troops?"
    assert [(link.relation, str(link.from_claim_id)) for link in data.links] == [
        (Relation.UPDATES, late)
    ]
    assert kyiv not in {str(i.claim_id) for i in data.items}


def test_cli_timeline_json_and_bad_input(ws, ws_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    seoul, kyiv, *_rest = _story(ws)
    out = tmp_path / "t.json"
    assert run(["--db", str(ws_path), "timeline", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["items"]) == 6
    item = next(i for i in data["items"] if i["claim"] == seoul)
    assert item["event"] == {"start": "2024-10-01", "end": "2024-10-01"}
    assert (item["value"], item["low"], item["high"], item["superseded"]) == (
        1500,
        1500,
        1500,
        True,
    )
    assert {"relation": "contradicts", "from": kyiv, "to": seoul} in data["links"]
    capsys.readouterr()
    for argv in (
        ["timeline", str(uuid.uuid4()), "-o", str(tmp_path / "x.json")],
        ["timeline", "-o", str(tmp_path / "x.gif")],
    ):
        assert run(["--db", str(ws_path), *argv]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("claimdesk: ")
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "x.gif").exists()
