"""The revised-article core on SQLite and PostgreSQL: replace, list orphans a page at a
time, place one, put its anchor back, find the article a file is a new text of."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import claims as claim_db
from db.articles import NewArticle, add_article, article_text, get_article, sha256_of
from db.check import check_workspace
from db.cli import run
from db.errors import InvalidInput
from db.orphans import (
    anchor_state,
    likely_place,
    orphan_count,
    orphan_page,
    restore_anchor,
)
from db.revision_undo import revert_replacement
from db.revisions import find_earlier_version, place_orphan, replace_article_text, revisions
from db.workspace import Workspace

# Written for these tests: emoji and Hangul before the claims, so code points and
# UTF-16 units differ.
BODY = (
    "Seoul 😀 원산 said 1,500 soldiers left the port in October.\n\n"
    "Kyiv said 3,000 troops were training near the border.\n\n"
    "Analysts expect 12,000 by winter, the ministry added."
)


def _article(text: str, name: str, title: str = "", url: str = "") -> NewArticle:
    return NewArticle(text=text, original=text.encode(), filename=name, title=title, url=url)


def test_replace_orphan_place_and_put_back(store: Workspace) -> None:
    art = add_article(store, _article(BODY, "v1.txt", "Troops", "https://example.org/t"))
    soldiers = claim_db.create_claim_by_quote(store, art.id, "1,500 soldiers left the port")
    troops = claim_db.create_claim_by_quote(store, art.id, "3,000 troops were training")
    winter = claim_db.create_claim_by_quote(store, art.id, "12,000 by winter")
    revised = "Update 🎉.\n\n" + BODY.replace("3,000", "3,500")

    found = find_earlier_version(store, _article(revised, "v2.txt", url="https://example.org/t"))
    assert found is not None and found.id == art.id
    assert find_earlier_version(store, _article(revised, "v2.txt", "Troops")) is not None
    assert find_earlier_version(store, _article(revised, "v2.txt", "Other")) is None
    assert find_earlier_version(store, _article(BODY, "v1.txt", "Troops")) is None  # same file

    report = replace_article_text(store, art.id, _article(revised, "v2.txt"))
    assert (report.summary.kept, report.summary.moved, report.summary.orphaned) == (0, 2, 1)
    assert {p.claim_id for p in report.changed_claims()} == {
        str(soldiers.id),
        str(troops.id),
        str(winter.id),
    }
    assert [(r.number, r.length) for r in revisions(store, art.id)] == [(1, len(BODY))]
    assert orphan_count(store) == 1 and orphan_count(store, art.id) == 1
    (orphan,) = orphan_page(store, 0, 10)
    assert orphan.id == troops.id and orphan.reason == "a figure in it changed"
    assert orphan_page(store, 1, 10) == []

    before = anchor_state(store, troops.id)
    assert before.orphaned and before.quote == "3,000 troops were training"
    at = revised.index("3,500 troops")
    assert likely_place(store, troops.id) == (at, at + len("3,500 troops were training"))
    place_orphan(store, troops.id, at, at + len("3,500 troops were training"))
    assert orphan_count(store) == 0
    placed = claim_db.get_claim(store, troops.id)
    assert article_text(store, art.id).text[placed.start : placed.end] == placed.quote
    assert check_workspace(store).ok

    restore_anchor(store, troops.id, before)
    assert anchor_state(store, troops.id) == before
    assert orphan_count(store) == 1


def test_undo_a_replacement_puts_everything_back(store: Workspace) -> None:
    art = add_article(store, _article(BODY, "v1.txt", "Troops"))
    troops = claim_db.create_claim_by_quote(store, art.id, "3,000 troops were training")
    winter = claim_db.create_claim_by_quote(store, art.id, "12,000 by winter")
    before = {c.id: anchor_state(store, c.id) for c in (troops, winter)}
    revised = "Update 🎉.\n\n" + BODY.replace("3,000", "3,500")
    new = _article(revised, "v2.txt")
    report = replace_article_text(store, art.id, new, keep_before=True)
    assert report.before is not None
    # A claim made on the new text is carried back too.
    later = claim_db.create_claim_by_quote(store, art.id, "near the border")

    changed = revert_replacement(store, art.id, report.revision, report.sha256, report.before)
    assert set(changed) == {str(troops.id), str(winter.id), str(later.id)}
    assert article_text(store, art.id).text == BODY
    info = get_article(store, art.id)
    assert (info.filename, info.sha256) == ("v1.txt", sha256_of(BODY.encode()))
    assert revisions(store, art.id) == []
    assert {cid: anchor_state(store, cid) for cid in before} == before
    moved_back = claim_db.get_claim(store, later.id)
    assert BODY[moved_back.start : moved_back.end] == "near the border"
    assert check_workspace(store).ok

    # Redo, then a second replacement: the first can no longer be undone.
    again = replace_article_text(store, art.id, new, keep_before=True)
    replace_article_text(store, art.id, _article(revised + " More.", "v3.txt"))
    assert again.before is not None
    with pytest.raises(InvalidInput, match="changed again since"):
        revert_replacement(store, art.id, again.revision, again.sha256, again.before)
    assert [r.number for r in revisions(store, art.id)] == [1, 2]


def test_cli_lists_orphans_with_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.sqlite")
    v1, v2 = tmp_path / "v1.txt", tmp_path / "v2.txt"
    v1.write_text(BODY + "\n", encoding="utf-8")
    v2.write_text(BODY.replace("3,000", "3,500") + "\n", encoding="utf-8")
    assert run(["--db", db, "import", str(v1)]) == 0
    article = capsys.readouterr().out.split()[0]
    quote = ["--quote", "3,000 troops were training"]
    assert run(["--db", db, "claim", "add", "--article", article, *quote]) == 0
    assert run(["--db", db, "article", "replace", article, str(v2)]) == 0
    capsys.readouterr()
    assert run(["--db", db, "orphans"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.split("\t")[2:] == ["3,000 troops were training", "a figure in it changed"]


def test_cli_import_leaves_out_a_revised_text_and_names_the_way_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.sqlite")
    page = (
        '<html><head><title>Harbour fire</title><link rel="canonical" '
        'href="https://port.example/fire"></head><body><article><p>Crews said {n} boats '
        "burned overnight in the old harbour.</p></article></body></html>"
    )
    first, later = tmp_path / "fire.html", tmp_path / "fire later.html"
    first.write_text(page.format(n=12), encoding="utf-8")
    later.write_text(page.format(n=14), encoding="utf-8")
    assert run(["--db", db, "import", str(first)]) == 0
    article = capsys.readouterr().out.split()[0]
    assert run(["--db", db, "claim", "add", "--article", article, "--quote", "burned"]) == 0
    capsys.readouterr()
    # The same URL: left out, and the two ways in are named (exit 1, nothing stored).
    assert run(["--db", db, "import", str(later)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert f"has the URL of article {article[:8]} (Harbour fire)" in line
    assert f"claimdesk article replace {article[:8]} '{later}'" in line
    assert f"claimdesk import --new '{later}'" in line
    assert run(["--db", db, "articles"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    # The first way keeps the claim on the new text; the second stores a new article.
    assert run(["--db", db, "article", "replace", article[:8], str(later)]) == 0
    assert run(["--db", db, "import", "--new", str(first)]) == 0
    capsys.readouterr()
    assert run(["--db", db, "articles"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
