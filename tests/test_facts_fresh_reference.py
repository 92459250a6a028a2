"""The facts references (tests/fixtures/facts_fresh, facts_blind to facts_blind11, some held
out and some development sets, as each README says), the development sets facts_dev_dates and
facts_blind12 to facts_blind24 (facts_blind17 to facts_blind19 held out for two runs and
facts_blind20 to facts_blind24 for one, facts_blind25 and facts_blind26 for two, each a
development set since its listing was read), facts_blind27 and facts_blind28 (held out for
one run, development sets since their listings were read), facts_blind29 and facts_blind30
(the same), facts_blind31 and facts_blind32 (held out for two runs, development sets since
their listings were read), and the sets written and marked but not yet run (UNRUN, none now)
match their articles.

bench/facts_quality.py creates the marked claims at their offsets and scores the
proposals against the marked pairs; these tests make sure the marks still say what
they were written to say, so a figure printed for this set is about the set."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from db.importing import read_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FOLDERS = [
    FIXTURES / "facts_fresh",
    FIXTURES / "facts_blind",
    FIXTURES / "facts_blind2",
    FIXTURES / "facts_blind3",
    FIXTURES / "facts_blind4",
    FIXTURES / "facts_blind5",
    FIXTURES / "facts_blind6",
    FIXTURES / "facts_blind7",
    FIXTURES / "facts_blind8",
    FIXTURES / "facts_blind9",
    FIXTURES / "facts_blind10",
    FIXTURES / "facts_blind11",
    FIXTURES / "facts_dev_dates",
    FIXTURES / "facts_blind12",
    FIXTURES / "facts_blind13",
    FIXTURES / "facts_blind14",
    FIXTURES / "facts_blind15",
    FIXTURES / "facts_blind16",
    FIXTURES / "facts_blind17",
    FIXTURES / "facts_blind18",
    FIXTURES / "facts_blind19",
    FIXTURES / "facts_blind20",
    FIXTURES / "facts_blind21",
    FIXTURES / "facts_blind22",
    FIXTURES / "facts_blind23",
    FIXTURES / "facts_blind24",
    FIXTURES / "facts_blind25",
    FIXTURES / "facts_blind26",
    FIXTURES / "facts_blind27",
    FIXTURES / "facts_blind28",
    FIXTURES / "facts_blind29",
    FIXTURES / "facts_blind30",
    FIXTURES / "facts_blind31",
    FIXTURES / "facts_blind32",
]
# Sets written and marked but not yet run: their marks are read back here, but the
# benchmark is not run on them until the one measuring run is made.
UNRUN: list[Path] = []
RELATIONS = {"same", "supports", "updates", "contradicts"}
PAIR_LISTS = ("not_linked", "date_conflicts", "date_agree", "different_events")


def load(folder: Path) -> dict[str, object]:
    data = json.loads((folder / "reference.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def quality_module() -> ModuleType:
    path = FIXTURES.parent.parent / "bench" / "facts_quality.py"
    spec = importlib.util.spec_from_file_location("facts_quality_fresh", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folder", FOLDERS + UNRUN, ids=lambda f: f.name)
def test_every_marked_claim_is_in_its_article_at_its_offsets(folder: Path) -> None:
    claims = load(folder)["claims"]
    assert isinstance(claims, dict) and claims
    texts = {p.name: read_file(p).text for p in sorted(folder.glob("*.txt"))}
    for key, c in claims.items():
        assert c["article"] in texts, f"claim {key}: no article {c['article']}"
        text = texts[c["article"]]
        assert 0 <= c["start"] < c["end"] <= len(text), f"claim {key}: offsets out of range"
        quote = text[c["start"] : c["end"]]
        assert quote == c["quote"], f"claim {key}: {quote!r} at its offsets"
        digest = hashlib.sha256(quote.encode()).hexdigest()[: len(c["sha256"])]
        assert digest == c["sha256"], f"claim {key}: fingerprint differs"


@pytest.mark.parametrize("folder", FOLDERS + UNRUN, ids=lambda f: f.name)
def test_every_pair_names_marked_claims_once(folder: Path) -> None:
    ref = load(folder)
    claims = ref["claims"]
    assert isinstance(claims, dict)
    relations = ref["relations"]
    assert isinstance(relations, list)
    seen: set[frozenset[str]] = set()
    for r in relations:
        assert r["relation"] in RELATIONS, r
        assert r["from"] in claims and r["to"] in claims and r["from"] != r["to"], r
        pair = frozenset((r["from"], r["to"]))
        assert pair not in seen, f"pair {sorted(pair)} marked twice"
        seen.add(pair)
    for name in PAIR_LISTS:
        pairs = ref[name]
        assert isinstance(pairs, list)
        for pair in pairs:
            assert len(pair) == 2 and pair[0] != pair[1], (name, pair)
            assert all(k in claims for k in pair), (name, pair)
            # A pair that must not be linked, or that dates different events, is never
            # also marked as related by its figures.
            if name in ("not_linked", "different_events"):
                assert frozenset(pair) not in seen, (name, pair)
    misdated = ref["misdated"]
    assert isinstance(misdated, list) and misdated
    assert all(m in claims for m in misdated)
    conflicts = ref["date_conflicts"]
    assert isinstance(conflicts, list)
    assert all(any(m in pair for pair in conflicts) for m in misdated)


@pytest.mark.parametrize("folder", FOLDERS + UNRUN, ids=lambda f: f.name)
def test_the_set_covers_each_kind_of_pair_the_targets_speak_of(folder: Path) -> None:
    ref = load(folder)
    relations = ref["relations"]
    assert isinstance(relations, list)
    kinds = {r["relation"] for r in relations}
    assert kinds == RELATIONS
    assert ref["not_linked"] and ref["date_agree"] and ref["different_events"]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_the_benchmark_scores_this_folder(folder: Path, tmp_path: Path) -> None:
    quality = quality_module()
    assert quality.articles_for(folder) == folder
    result = quality.evaluate(folder, folder / "reference.json")
    relations = load(folder)["relations"]
    assert isinstance(relations, list)
    wanted = sum(r["relation"] in ("contradicts", "updates") for r in relations)
    assert result["contradicts_updates"] == wanted
    assert 0.0 <= result["recall_exact"] <= result["recall_any"] <= 1.0
    # A reference whose quote no longer matches its article is refused, not scored.
    moved = load(folder)
    claims = moved["claims"]
    assert isinstance(claims, dict)
    first = next(iter(claims.values()))
    first["start"] += 1
    first["end"] += 1
    (tmp_path / "reference.json").write_text(json.dumps(moved), encoding="utf-8")
    with pytest.raises(SystemExit, match="moved"):
        quality.evaluate(folder, tmp_path / "reference.json")
