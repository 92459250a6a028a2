"""W3C Web Annotation export: schema validation, JSON-LD expansion, round trip."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from formats_support import add_seeds, populate
from jsonschema import Draft4Validator, FormatChecker
from pyld import jsonld
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from db.analysts import bind_analyst
from db.claims import ClaimFilter, list_claims
from db.errors import InvalidInput
from db.exporting import export
from db.importing import import_any
from db.importing.w3c import import_annotations
from db.workspace import open_workspace

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "w3c"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
OA = "http://www.w3.org/ns/oa#"


def _format_checker() -> FormatChecker:
    checker = FormatChecker([])

    @checker.checks("uri")
    def _uri(value: object) -> bool:
        return not isinstance(value, str) or bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", value))

    @checker.checks("date-time", raises=ValueError)
    def _date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", value):
            raise ValueError(value)
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True

    return checker


def _validators(test_file: str) -> list[tuple[str, Draft4Validator, bool]]:
    defs = [
        (p.name, Resource.from_contents(json.loads(p.read_text()), default_specification=DRAFT4))
        for p in (FIXTURES / "definitions").glob("*.json")
    ]
    registry = Registry().with_resources(defs)
    out = []
    for rel in json.loads((FIXTURES / test_file).read_text())["assertions"]:
        schema = json.loads((FIXTURES / rel).read_text())
        expect_valid = schema.get("expectedResult", "valid") == "valid"
        validator = Draft4Validator(schema, registry=registry, format_checker=_format_checker())
        out.append((rel, validator, expect_valid))
    return out


ANNOTATION_MUSTS = _validators("annotations/annotationMusts.test")
COLLECTION_MUSTS = _validators("collections/collectionMusts.test")


def failed_assertions(doc: dict, validators) -> list[str]:
    return [
        rel
        for rel, validator, expect_valid in validators
        if (not list(validator.iter_errors(doc))) != expect_valid
    ]


def _local_loader(url: str, options: dict | None = None) -> dict:
    if url.rstrip("/") != ANNO_CONTEXT:
        raise RuntimeError(f"no network: refused to load {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": json.loads((FIXTURES / "anno.jsonld").read_text()),
    }


@pytest.fixture
def exported(ws, seed_paths, tmp_path):
    populate(ws, seed_paths)
    target = tmp_path / "claims.jsonld"
    n = export(ws, "w3c", ClaimFilter(), target)
    return ws, target, n


def test_every_annotation_meets_the_musts(exported):
    ws, target, n = exported
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["@context"][0] == ANNO_CONTEXT and doc["type"] == "AnnotationCollection"
    items = doc["first"]["items"]
    assert n == doc["total"] == len(items) == 10
    assert failed_assertions(doc, COLLECTION_MUSTS) == []
    for item in items:
        anno = {"@context": doc["@context"], **item}
        assert failed_assertions(anno, ANNOTATION_MUSTS) == [], item["id"]
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        assert set(selectors) == {"TextQuoteSelector", "TextPositionSelector"}
        assert item["created"].endswith("Z") and item["creator"]["type"] == "Person"
    claims = {f"urn:uuid:{c.id}": c for c in list_claims(ws)}
    for item in items:
        claim = claims[item["id"]]
        pos = next(s for s in item["target"]["selector"] if s["type"] == "TextPositionSelector")
        assert (pos["start"], pos["end"]) == (claim.start, claim.end)
        bodies = {(b["purpose"], b["value"]) for b in item["body"]}
        assert ("describing", claim.statement) in bodies
        assert ("assessing", claim.status.value) in bodies
        assert {v for p, v in bodies if p == "tagging"} == set(claim.tags)


def test_schema_catches_a_broken_annotation(exported):
    _ws, target, _n = exported
    doc = json.loads(target.read_text(encoding="utf-8"))
    item = doc["first"]["items"][0]
    assert failed_assertions({"@context": doc["@context"], **item}, ANNOTATION_MUSTS) == []
    broken = copy.deepcopy({"@context": doc["@context"], **item})
    del broken["target"]
    assert "annotations/3.1-targetKeyFound.json" in failed_assertions(broken, ANNOTATION_MUSTS)
    broken = {"@context": doc["@context"], **item, "created": "yesterday"}
    assert failed_assertions(broken, ANNOTATION_MUSTS) != []


def test_json_ld_expands_to_oa_terms(exported):
    _ws, target, _n = exported
    doc = json.loads(target.read_text(encoding="utf-8"))
    expanded = jsonld.expand(doc, {"documentLoader": _local_loader})
    text = json.dumps(expanded)
    for term in (
        "Annotation",
        "TextQuoteSelector",
        "TextPositionSelector",
        "hasSelector",
        "hasTarget",
        "hasBody",
        "hasSource",
        "exact",
        "assessing",
        "tagging",
        "describing",
        "hasPurpose",
    ):
        assert f"{OA}{term}" in text, term
    assert "http://www.w3.org/ns/activitystreams#OrderedCollection" in text
    assert "urn:uuid:" in text


def test_round_trip_into_another_workspace(exported, seed_paths, tmp_path):
    ws_a, target, _n = exported
    ws_b = open_workspace(tmp_path / "b.sqlite")
    try:
        bind_analyst(ws_b)
        add_seeds(ws_b, seed_paths)
        outcome = import_any(ws_b, target)
        assert outcome.claims == 10 and outcome.article is None

        def key(c):
            return (c.id, c.start, c.end, c.quote, c.statement, c.status, c.tags)

        a = sorted(key(c) for c in list_claims(ws_a))
        b = sorted(key(c) for c in list_claims(ws_b))
        assert a == b
        titles_a = {c.id: c.article_title for c in list_claims(ws_a)}
        assert {c.id: c.article_title for c in list_claims(ws_b)} == titles_a
        # Importing again adds nothing and breaks nothing.
        again = import_annotations(ws_b, target)
        assert (again.added, again.existing, again.problems) == (0, 10, [])
    finally:
        ws_b.close()


def test_reanchors_by_quote_when_positions_moved(exported, seed_paths, tmp_path):
    _ws, target, _n = exported
    doc = json.loads(target.read_text(encoding="utf-8"))
    for item in doc["first"]["items"]:
        for sel in item["target"]["selector"]:
            if sel["type"] == "TextPositionSelector":
                sel["start"] += 3
                sel["end"] += 3
    moved = tmp_path / "moved.jsonld"
    moved.write_text(json.dumps(doc), encoding="utf-8")
    ws_b = open_workspace(tmp_path / "b2.sqlite")
    try:
        bind_analyst(ws_b)
        add_seeds(ws_b, seed_paths)
        assert import_annotations(ws_b, moved).added == 10
        originals = {c.id: c for c in list_claims(_ws)}
        for claim in list_claims(ws_b):
            assert (claim.start, claim.end, claim.quote) == (
                originals[claim.id].start,
                originals[claim.id].end,
                originals[claim.id].quote,
            )
    finally:
        ws_b.close()


def test_a_broken_file_changes_nothing_and_a_bad_annotation_is_reported(
    exported, seed_paths, tmp_path
):
    _ws, target, _n = exported
    ws_b = open_workspace(tmp_path / "b3.sqlite")
    try:
        bind_analyst(ws_b)
        add_seeds(ws_b, seed_paths)
        broken = tmp_path / "broken.jsonld"
        broken.write_text('{"type": "AnnotationCollection", ', encoding="utf-8")
        with pytest.raises(InvalidInput, match=r"broken\.jsonld"):
            import_annotations(ws_b, broken)
        doc = json.loads(target.read_text(encoding="utf-8"))
        last = doc["first"]["items"][-1]
        for sel in last["target"]["selector"]:
            if sel["type"] == "TextQuoteSelector":
                sel["exact"] = "words that appear in no article at all"
            else:
                sel["start"], sel["end"] = 0, 5
        bad = tmp_path / "bad.jsonld"
        bad.write_text(json.dumps(doc), encoding="utf-8")
        assert list_claims(ws_b) == []
        # What fits is imported; the one annotation that does not is named in one line.
        report = import_annotations(ws_b, bad)
        assert report.added == 9
        (line,) = report.problems
        assert "bad.jsonld" in line and last["id"] in line and "does not occur" in line
        assert "\n" not in line
        assert len(list_claims(ws_b)) == 9
    finally:
        ws_b.close()


def test_cli_export_and_import_annotations(ws, ws_path, seed_paths, tmp_path, capsys):
    import io

    from db.cli import run

    populate(ws, seed_paths)
    out = io.StringIO()
    assert (
        run(
            ["export", "--db", str(ws_path), "--format", "w3c", "--status", "any", "-o", "-"],
            out=out,
        )
        == 0
    )
    doc = json.loads(out.getvalue())
    assert doc["total"] == 10
    target = tmp_path / "cli.jsonld"
    target.write_text(out.getvalue(), encoding="utf-8")
    other = tmp_path / "other.sqlite"
    ws_b = open_workspace(other)
    bind_analyst(ws_b)
    add_seeds(ws_b, seed_paths)
    ws_b.close()
    out = io.StringIO()
    assert run(["import-annotations", "--db", str(other), str(target)], out=out) == 0
    assert out.getvalue().strip() == "10 claims added, 0 annotations left out"
    bad = tmp_path / "bad.jsonld"
    bad.write_text("[1, 2", encoding="utf-8")
    assert run(["import-annotations", "--db", str(other), str(bad)], out=io.StringIO()) == 2
    assert "bad.jsonld" in capsys.readouterr().err


def test_round_trip_into_postgresql(exported, seed_paths, pg_ws, tmp_path):
    ws_a, target, _n = exported
    add_seeds(pg_ws, seed_paths)
    assert import_annotations(pg_ws, target).added == 10

    def key(c):
        return (c.id, c.start, c.end, c.quote, c.statement, c.status, c.tags)

    assert sorted(key(c) for c in list_claims(pg_ws)) == sorted(key(c) for c in list_claims(ws_a))
    # And the PostgreSQL workspace exports the same annotations back.
    again = tmp_path / "again.jsonld"
    assert export(pg_ws, "w3c", ClaimFilter(), again) == 10
    items = json.loads(again.read_text(encoding="utf-8"))["first"]["items"]
    ctx = json.loads(again.read_text(encoding="utf-8"))["@context"]
    for item in items:
        assert failed_assertions({"@context": ctx, **item}, ANNOTATION_MUSTS) == []


def test_size_limit(ws, tmp_path, monkeypatch):
    import db.importing.w3c as w3c_module

    big = tmp_path / "big.jsonld"
    big.write_text(json.dumps({"type": "AnnotationPage", "items": [], "pad": "x" * 5000}))
    monkeypatch.setattr(w3c_module, "MAX_BYTES", 1000)
    with pytest.raises(InvalidInput, match=r"big\.jsonld: the file is larger"):
        import_annotations(ws, big)
    empty = tmp_path / "empty.jsonld"
    empty.write_text(json.dumps({"type": "AnnotationPage", "items": []}))
    with pytest.raises(InvalidInput, match="holds no Web Annotations"):
        import_annotations(ws, empty)


def test_positions_count_code_points_not_utf16(ws, tmp_path):
    from db.articles import NewArticle, add_article
    from db.claims import create_claim_by_quote

    text = "🙂🙂 Emoji first. 𝔘𝔫𝔦 then: قالت الوزارة إن 3,000 جندي عبروا. Done."
    data = text.encode("utf-8")
    article = add_article(
        ws, NewArticle(text=text, original=data, filename="astral.txt", url="https://a.example/x")
    )
    claim = create_claim_by_quote(ws, article.id, "3,000 جندي", statement="Troops")
    target = tmp_path / "astral.jsonld"
    export(ws, "w3c", ClaimFilter(), target)
    item = json.loads(target.read_text(encoding="utf-8"))["first"]["items"][0]
    pos = next(s for s in item["target"]["selector"] if s["type"] == "TextPositionSelector")
    assert (pos["start"], pos["end"]) == (claim.start, claim.end)
    assert text[pos["start"] : pos["end"]] == "3,000 جندي"
    assert len(text[: pos["start"]].encode("utf-16-le")) // 2 != pos["start"]  # astral before
    ws_b = open_workspace(tmp_path / "astral-b.sqlite")
    try:
        bind_analyst(ws_b)
        add_article(ws_b, NewArticle(text=text, original=data, url="https://a.example/x"))
        assert import_annotations(ws_b, target).added == 1
        (copy_claim,) = list_claims(ws_b)
        assert (copy_claim.start, copy_claim.end, copy_claim.quote) == (
            claim.start,
            claim.end,
            claim.quote,
        )
    finally:
        ws_b.close()


def test_import_annotations_names_each_annotation_left_out(tmp_path, capsys):
    import io

    from db.articles import NewArticle, add_article
    from db.claims import create_claim_by_quote
    from db.cli import run

    first = "The council approved 300 new homes on Friday. Builders start in May.\n"
    revised = "The council approved 450 new homes on Friday. Builders start in May.\n"
    source = open_workspace(tmp_path / "a.sqlite")
    bind_analyst(source)
    art = add_article(source, NewArticle(text=first, original=first.encode(), filename="a.txt"))
    create_claim_by_quote(source, art.id, "approved 300 new homes")
    create_claim_by_quote(source, art.id, "Builders start in May")
    annotations = tmp_path / "a.jsonld"
    export(source, "w3c", ClaimFilter(), annotations)
    source.close()
    other = tmp_path / "b.sqlite"
    target = open_workspace(other)
    bind_analyst(target)
    add_article(target, NewArticle(text=revised, original=revised.encode(), filename="a.txt"))
    target.close()
    out = io.StringIO()
    assert run(["import-annotations", "--db", str(other), str(annotations)], out=out) == 1
    assert out.getvalue().strip() == "1 claim added, 1 annotation left out"
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("claimdesk: a.jsonld: annotation urn:uuid:") and "left out" in line
