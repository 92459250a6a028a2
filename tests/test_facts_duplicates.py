"""Facts in the core, on SQLite and PostgreSQL: exact duplicate spans, the fact picker's
query, a claim's fact and corroboration, and near-duplicates proposed as *same*."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import claims as claim_ops
from db.cli import run
from db.facts.corroboration import standing, standing_of
from db.facts.proposals import dismiss, queue, undismiss
from db.facts.service import (
    assign_claims,
    claim_ids_in,
    create_fact,
    find_facts,
    get_fact,
    merge_facts,
)
from db.links import add_link
from db.models import Relation
from db.spans import claims_over_span
from db.workspace import Workspace
from tests.test_facts import STORY, _claims

REFERENCE = Path(__file__).resolve().parent / "fixtures" / "facts_reference" / "reference.json"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    """A fresh workspace in each store (the PostgreSQL one comes from the pg_url fixture)."""
    from db.analysts import bind_analyst
    from db.workspace import migrate, open_workspace

    if request.param == "sqlite":
        target: str | Path = tmp_path / "facts.sqlite"
    else:
        target = request.getfixturevalue("pg_url")
        migrate(str(target))
    ws = open_workspace(target)
    bind_analyst(ws)
    yield ws
    ws.close()


def test_claims_over_exactly_a_span(store: Workspace) -> None:
    seoul, kyiv, *_rest = _claims(store, STORY)
    first = claim_ops.get_claim(store, seoul)
    assert claims_over_span(store, first.article_id, first.start, first.end) == [first.id]
    # Overlapping but not the same span, or the same offsets in another article: none.
    assert claims_over_span(store, first.article_id, first.start, first.end - 1) == []
    assert claims_over_span(store, first.article_id, first.start + 1, first.end) == []
    other = claim_ops.get_claim(store, kyiv)
    assert claims_over_span(store, other.article_id, first.start, first.end) == []
    again = claim_ops.create_claim(store, first.article_id, first.start, first.end)
    assert claims_over_span(store, first.article_id, first.start, first.end) == [
        first.id,
        again.id,
    ]


def test_a_claim_carries_its_fact_and_keeps_it_through_delete_and_restore(
    store: Workspace,
) -> None:
    seoul, kyiv, *_rest = _claims(store, STORY)
    fact, _ = create_fact(store, "How many troops arrived?")
    assign_claims(store, fact.id, [seoul])
    info = claim_ops.get_claim(store, seoul)
    assert info.fact_id == fact.id
    assert claim_ops.get_claim(store, kyiv).fact_id is None
    claim_ops.delete_claim(store, info.id)
    assert claim_ids_in(store, fact.id) == []
    claim_ops.restore_claim(store, info)
    assert claim_ops.get_claim(store, seoul).fact_id == fact.id
    assert get_fact(store, fact.id).claim_count == 1


def test_find_facts_filters_and_pages_in_sql(store: Workspace) -> None:
    names = [f"Question {n:02d} about troops" for n in range(12)]
    made = [create_fact(store, name)[0] for name in names]
    create_fact(store, "Casualties at the bridge", "counted by 100% of the observers")
    seoul, kyiv, *_rest = _claims(store, STORY)
    assign_claims(store, made[3].id, [seoul, kyiv])
    first = find_facts(store, "TROOPS", offset=0, limit=5)
    assert [f.name for f in first] == names[:5]
    second = find_facts(store, "troops", offset=5, limit=5)
    assert [f.name for f in second] == names[5:10]
    assert [f.claim_count for f in first] == [0, 0, 0, 2, 0]
    assert [f.name for f in find_facts(store, "question 07")] == [names[7]]
    # The notes are searched too, and % is a plain character, not a wildcard.
    assert [f.name for f in find_facts(store, "100%")] == ["Casualties at the bridge"]
    assert find_facts(store, "1%0") == []
    assert len(find_facts(store, "")) == 13


def test_standing_of_one_claim_matches_the_whole_workspace(store: Workspace) -> None:
    from db.sources import create_source

    nis = create_source(store, "National Intelligence Service")
    seoul, kyiv, late, other = (uuid.UUID(i) for i in _claims(store, STORY))
    claim_ops.update_claim(store, seoul, source_id=nis.id)
    claim_ops.update_claim(store, kyiv, source_id=nis.id)
    add_link(store, kyiv, seoul, Relation.SAME)
    add_link(store, late, kyiv, Relation.UPDATES)
    add_link(store, late, seoul, Relation.SUPPORTS)
    fact, _ = create_fact(store, "How many troops?")
    assign_claims(store, fact.id, [seoul])
    everything = standing(store)
    for claim in (seoul, kyiv, late, other):
        assert standing_of(store, claim) == everything[claim]
    assert standing_of(store, seoul).corroboration == 2
    assert standing_of(store, seoul).fact == "How many troops?"
    assert standing_of(store, kyiv).superseded_by == (late,)


def test_merge_moves_claims_and_a_merged_fact_can_come_back(store: Workspace) -> None:
    seoul, kyiv, late, _other = _claims(store, STORY)
    keep, _ = create_fact(store, "Troops in Russia")
    gone, _ = create_fact(store, "Troops, second list", "from the morning briefing")
    assign_claims(store, keep.id, [seoul])
    assign_claims(store, gone.id, [kyiv, late])
    moved = sorted(claim_ids_in(store, gone.id), key=str)
    merge_facts(store, keep.id, [gone.id])
    assert get_fact(store, keep.id).claim_count == 3
    # What undo does: the fact again under its id, with its claims.
    create_fact(store, gone.name, gone.notes, fact_id=gone.id)
    assign_claims(store, gone.id, moved)
    back = get_fact(store, gone.id)
    assert (back.name, back.notes, back.claim_count) == (gone.name, gone.notes, 2)
    assert get_fact(store, keep.id).claim_count == 1


def test_cli_refuses_an_exact_duplicate_unless_allowed(ws, ws_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (seoul,) = _claims(ws, STORY[:1])
    info = claim_ops.get_claim(ws, seoul)
    db = ["--db", str(ws_path)]
    add = ["claim", "add", "--article", str(info.article_id), "--quote", info.quote]
    capsys.readouterr()
    assert run([*db, *add, "--source", "Brand New Source"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert (
        "already covers exactly this text" in captured.err and "--allow-duplicate" in captured.err
    )
    assert claims_over_span(ws, info.article_id, info.start, info.end) == [info.id]
    from db.sources import list_sources

    assert list_sources(ws) == []  # refused before anything was written
    assert run([*db, *add, "--allow-duplicate"]) == 0
    made = uuid.UUID(capsys.readouterr().out.strip())
    assert claims_over_span(ws, info.article_id, info.start, info.end) == [info.id, made]


# ---------------------------------------------------------------- near-duplicates on the seeds


def _seed_claims(ws: Workspace, seeds: list[Path]) -> dict[str, uuid.UUID]:
    """The hand-marked reference's claims, placed in the seeds read now."""
    from db.importing import import_file

    ref = json.loads(REFERENCE.read_text(encoding="utf-8"))
    articles = {p.name: import_file(ws, p).id for p in seeds}
    out = {}
    for key, c in ref["claims"].items():
        info = claim_ops.create_claim(ws, articles[c["seed"]], c["start"], c["end"])
        digest = hashlib.sha256(info.quote.encode()).hexdigest()[: len(c["sha256"])]
        assert digest == c["sha256"], f"claim {key}: the seed's text moved"
        out[key] = info.id
    return out


def _same_pairs(ws: Workspace, names: dict[uuid.UUID, str]) -> set[frozenset[str]]:
    return {
        frozenset((names[p.from_claim.claim_id], names[p.to_claim.claim_id]))
        for p in queue(ws)
        if p.relation is Relation.SAME
    }


def test_near_duplicates_across_the_seeds_are_proposed_as_same(
    store: Workspace, seed_paths: list[Path]
) -> None:
    ids = _seed_claims(store, seed_paths)
    names = {v: k for k, v in ids.items()}
    seed_of = {k: claim_ops.get_claim(store, v).article_id for k, v in ids.items()}
    same = _same_pairs(store, names)
    # About 1,500 soldiers in Russia, in two outlets' words: across articles.
    across = {frozenset(("A", "G")), frozenset(("A", "H"))}
    assert across <= same
    assert all(seed_of["A"] != seed_of[other] for other in ("G", "H"))
    # The additional 3,500 repeated within one article.
    assert frozenset(("L", "M")) in same
    # 1,500 sent to replace casualties is another quantity: never a repeat of the 1,500.
    assert not any("K" in pair for pair in same)
    # A repeat that is no repeat can be dismissed: remembered, and undone.
    proposal = next(
        p
        for p in queue(store)
        if p.relation is Relation.SAME
        and frozenset((names[p.from_claim.claim_id], names[p.to_claim.claim_id]))
        == frozenset(("A", "G"))
    )
    dismiss(store, proposal)
    assert frozenset(("A", "G")) not in _same_pairs(store, names)
    undismiss(store, proposal)
    assert frozenset(("A", "G")) in _same_pairs(store, names)
    # Once linked as same, the pair is no longer proposed and backs one another.
    add_link(store, ids["G"], ids["A"], Relation.SAME)
    assert frozenset(("A", "G")) not in _same_pairs(store, names)
    assert standing_of(store, ids["A"]).corroboration == 2
