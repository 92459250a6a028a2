"""Web Annotations find their article by id, URL, then quote; revised texts re-anchor."""

from __future__ import annotations

import json
from pathlib import Path

from db import claims as claim_ops
from db.analysts import bind_analyst
from db.articles import NewArticle, add_article
from db.claims import ClaimFilter
from db.exporting import export
from db.importing.text import read_text_article
from db.importing.w3c import import_annotations
from db.workspace import Workspace, open_workspace

V1 = "Seoul said 1,500 soldiers left in October.\nKyiv said 3,000 troops were training.\n"
V2 = "Seoul said 1,500 soldiers left in October.\nKyiv said 3,000 troops were in training.\n"


def _desk(path: Path) -> Workspace:
    ws = open_workspace(path)
    bind_analyst(ws)
    return ws


def _annotations(ws: Workspace, path: Path) -> Path:
    export(ws, "w3c", ClaimFilter(), path)
    return path


def test_a_claim_ending_at_the_final_line_break_round_trips(tmp_path: Path) -> None:
    first = _desk(tmp_path / "a.sqlite")
    article = add_article(first, read_text_article(V1.encode(), "v1.txt"))
    assert article  # the stored text keeps its final line break
    claim = claim_ops.create_claim(first, article.id, V1.index("Kyiv"), len(V1))
    assert claim.quote.endswith("training.\n")
    target = _annotations(first, tmp_path / "a.jsonld")
    other = _desk(tmp_path / "b.sqlite")
    add_article(other, read_text_article(V1.encode(), "v1.txt"))
    report = import_annotations(other, target)
    assert (report.added, report.problems) == (1, [])
    (copy,) = claim_ops.list_claims(other)
    assert copy.quote == claim.quote


def test_revised_text_reanchors_instead_of_refusing(tmp_path: Path) -> None:
    first = _desk(tmp_path / "a.sqlite")
    art = add_article(first, NewArticle(text=V1, original=V1.encode(), filename="v1.txt"))
    claim_ops.create_claim_by_quote(first, art.id, "1,500 soldiers left in October")
    claim_ops.create_claim_by_quote(first, art.id, "3,000 troops were training")
    target = _annotations(first, tmp_path / "a.jsonld")
    other = _desk(tmp_path / "b.sqlite")
    add_article(other, NewArticle(text=V2, original=V2.encode(), filename="v2.txt"))
    report = import_annotations(other, target)
    assert report.added == 2 and report.problems == []
    quotes = sorted(c.quote for c in claim_ops.list_claims(other))
    assert quotes == ["1,500 soldiers left in October", "3,000 troops were in training"]


def test_a_quote_in_two_articles_is_placed_by_its_context_or_reported(tmp_path: Path) -> None:
    first = _desk(tmp_path / "a.sqlite")
    one = "Officials said 40 ships left port on Friday."
    two = "Rebels claimed 40 ships left port on Sunday."
    a1 = add_article(first, NewArticle(text=one, original=one.encode(), filename="1.txt"))
    add_article(first, NewArticle(text=two, original=two.encode(), filename="2.txt"))
    claim_ops.create_claim_by_quote(first, a1.id, "40 ships left port")
    target = _annotations(first, tmp_path / "a.jsonld")
    doc = json.loads(target.read_text(encoding="utf-8"))
    for item in doc["first"]["items"]:
        item["target"]["source"] = {"type": "Text"}  # no id, no URL: only the quote
    anonymous = tmp_path / "anon.jsonld"
    anonymous.write_text(json.dumps(doc), encoding="utf-8")
    other = _desk(tmp_path / "b.sqlite")
    b1 = add_article(other, NewArticle(text=one, original=one.encode(), filename="1.txt"))
    add_article(other, NewArticle(text=two, original=two.encode(), filename="2.txt"))
    report = import_annotations(other, anonymous)
    assert report.added == 1 and report.problems == []
    (placed,) = claim_ops.list_claims(other)
    assert placed.article_id == b1.id  # its context ("Officials said ...") chose the article
    # Without context to tell them apart, it is reported, not a refusal of the file.
    for item in doc["first"]["items"]:
        for sel in item["target"]["selector"]:
            sel.pop("prefix", None)
            sel.pop("suffix", None)
            if sel["type"] == "TextPositionSelector":
                sel["start"], sel["end"] = 10_000, 10_010
    bare = tmp_path / "bare.jsonld"
    bare.write_text(json.dumps(doc), encoding="utf-8")
    third = _desk(tmp_path / "c.sqlite")
    add_article(third, NewArticle(text=one, original=one.encode(), filename="1.txt"))
    add_article(third, NewArticle(text=two, original=two.encode(), filename="2.txt"))
    report = import_annotations(third, bare)
    assert report.added == 0
    (line,) = report.problems
    assert "in 2 articles" in line
