"""End to end on the five real seed articles: import, claims, links, verification, export.

Quotes are picked from the seed files at test time with regular expressions;
no article text is written into this file.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import pytest
from cli_support import cli

from db.articles import article_text, list_articles
from db.claims import get_claim, list_claims
from db.errors import DuplicateArticle
from db.importing import import_file
from db.importing.text import decode_text, normalise_text
from db.links import all_links
from db.workspace import open_workspace

SENTENCE_WITH_TROOPS = re.compile(r"[A-Z][^.!?\n]{10,300}?\btroops\b[^.!?\n]*[.!?]")
BIG_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
ANY_NUMBER = re.compile(r"\b\d+\b")


def seed_text(path: Path) -> str:
    return normalise_text(decode_text(path.read_bytes(), path.name)[0])


def number_quote(text: str) -> str:
    found = BIG_NUMBER.search(text) or ANY_NUMBER.search(text)
    assert found, "every seed article mentions a number"
    return found.group(0)


def unneutral(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:2] in "=+-@\t\r" else value


def test_seeds_import_through_the_core(ws, seed_paths: list[Path]) -> None:
    infos = [import_file(ws, path) for path in seed_paths]
    assert len({i.id for i in infos}) == 5
    for info, path in zip(infos, seed_paths, strict=True):
        data = path.read_bytes()
        assert info.sha256 == hashlib.sha256(data).hexdigest()
        assert info.title.strip() and len(info.title) < 200
        assert info.filename == path.name
        assert info.encoding == "utf-8"
        stored = article_text(ws, info.id).text
        assert stored == seed_text(path)
        assert "\r" not in stored and stored == stored.rstrip()
    for path in seed_paths:
        with pytest.raises(DuplicateArticle, match="imported before"):
            import_file(ws, path)
    assert len(list_articles(ws)) == 5


def test_seed_with_a_dateline_gets_its_date(ws, seed_paths: list[Path]) -> None:
    dated = [import_file(ws, p) for p in seed_paths]
    with_dates = [i for i in dated if i.published_at is not None]
    assert with_dates, "at least one seed carries a dateline in its header"
    for info in with_dates:
        assert info.published_at.tzinfo is not None
        assert 2000 <= info.published_at.year <= 2100


def test_seed_workflow_through_the_cli(
    ws_path: Path, seed_paths: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", str(ws_path))
    rc, out = cli(*db, "import", *map(str, seed_paths))
    assert rc == 0
    lines = [line.split("\t", 1) for line in out.strip().splitlines()]
    assert len(lines) == 5 and all(title.strip() for _, title in lines)
    article_ids = [aid for aid, _ in lines]

    # Re-import: every file is reported as a duplicate and nothing is added.
    capsys.readouterr()
    rc, out = cli(*db, "import", *map(str, seed_paths))
    err = capsys.readouterr().err
    assert rc == 0 and out == ""
    assert err.count("imported before") == 5

    # One claim per seed on a figure, plus one on a sentence about troops where there is one.
    claim_ids: list[str] = []
    troop_claims: list[str] = []
    for i, (aid, path) in enumerate(zip(article_ids, seed_paths, strict=True)):
        text = seed_text(path)
        status = "verified" if i % 2 == 0 else "unverified"
        rc, out = cli(
            *db,
            "claim",
            "add",
            "--article",
            aid[:8],
            "--quote",
            number_quote(text),
            "--status",
            status,
            "--rationale",
            "The figure matches the agency's release.",
            "--source",
            "Seed source",
            "--reliability",
            "C",
            "--credibility",
            "3",
            "--tag",
            "figure",
            "--event-date",
            "October 2024",
        )
        assert rc == 0, capsys.readouterr().err
        claim_ids.append(out.strip())
        sentence = SENTENCE_WITH_TROOPS.search(text)
        if sentence:
            rc, out = cli(
                *db,
                "claim",
                "add",
                "--article",
                aid,
                "--quote",
                sentence.group(0),
                "--kind",
                "event",
                "--tag",
                "troops",
                "--status",
                "verified",
                "--rationale",
                "Two wire services report the same deployment.",
            )
            assert rc == 0
            troop_claims.append(out.strip())
    assert len(troop_claims) >= 3

    # Link across articles: one figure updates another, two troop sentences contradict.
    rc, updates = cli(*db, "link", "add", claim_ids[1], claim_ids[4], "--relation", "updates")
    assert rc == 0
    rc, contra = cli(
        *db, "link", "add", troop_claims[0], troop_claims[1], "--relation", "contradicts"
    )
    assert rc == 0

    ws = open_workspace(ws_path)
    try:
        claims = {str(c.id): c for c in list_claims(ws)}
        texts = {str(a): article_text(ws, a).text for a in article_ids}
        assert {str(link.id) for link in all_links(ws)} == {updates.strip(), contra.strip()}
        for cid in claim_ids + troop_claims:
            info = get_claim(ws, cid)
            assert texts[str(info.article_id)][info.start : info.end] == info.quote
    finally:
        ws.close()
    assert len(claims) == 5 + len(troop_claims)
    verified = {cid for cid, c in claims.items() if c.status.value == "verified"}

    # CSV of every claim, then JSON of the verified ones (the default).
    csv_path = tmp_path / "all.csv"
    assert cli(*db, "export", "--status", "any", "--format", "csv", "-o", str(csv_path))[0] == 0
    with open(csv_path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["id"] for r in rows} == set(claims)
    for row in rows:
        info = claims[row["id"]]
        text = texts[str(info.article_id)]
        start, end = int(row["start"]), int(row["end"])
        assert unneutral(row["quote"]) == text[start:end] == info.quote
        assert unneutral(row["statement"]) == info.statement
        assert row["status"] == info.status.value
        assert row["source"] == info.source_name
        assert row["grading"] == info.grading
        graded = ("C", "3") if row["id"] in claim_ids else ("", "")
        assert (row["reliability"], row["credibility"]) == graded
        if info.status.value == "verified":
            assert row["rationale"] == (
                "The figure matches the agency's release."
                if row["id"] in claim_ids
                else "Two wire services report the same deployment."
            )
            assert row["verifier"]
            assert row["verdict_at"].endswith("+00:00")
        else:
            assert row["verifier"] == row["verdict_at"] == row["rationale"] == ""
        assert row["tags"] == "; ".join(info.tags)
    by_id = {r["id"]: r for r in rows}
    assert f"updates {claim_ids[4]}" in by_id[claim_ids[1]]["links"]
    assert f"← updates {claim_ids[1]}" in by_id[claim_ids[4]]["links"]
    assert f"contradicts {troop_claims[1]}" in by_id[troop_claims[0]]["links"]
    assert by_id[claim_ids[0]]["event_date"] == "2024-10-01/2024-10-31"

    json_path = tmp_path / "verified.json"
    assert cli(*db, "export", "--format", "json", "-o", str(json_path))[0] == 0
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["count"] == len(data["claims"]) == len(verified)
    assert {c["id"] for c in data["claims"]} == verified
    for item in data["claims"]:
        info = claims[item["id"]]
        assert texts[str(info.article_id)][item["start"] : item["end"]] == item["quote"]
        assert item["tags"] == list(info.tags)
    contradicting = next(c for c in data["claims"] if c["id"] == troop_claims[0])
    assert {"relation": "contradicts", "claim_id": troop_claims[1], "direction": "outgoing"} in (
        contradicting["links"]
    )

    # The listing shows every seed with its claim count.
    rc, out = cli(*db, "articles")
    counts = {line.split("\t")[0]: int(line.split("\t")[2]) for line in out.strip().splitlines()}
    assert sum(counts.values()) == len(claims)
    assert set(counts) == set(article_ids)
