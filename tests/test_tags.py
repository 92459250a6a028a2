"""Tags: NFC, one space, no control or direction characters, a length limit, never empty."""

from __future__ import annotations

import unicodedata

import pytest

from db import claims as claim_ops
from db.articles import NewArticle, add_article
from db.cli import run
from db.errors import InvalidInput
from db.tags import MAX_TAG_LENGTH, normalise_tag


def test_nfc_and_nfd_are_one_tag(ws) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry said 300 trucks crossed."
    art = add_article(ws, NewArticle(text=text, original=text.encode(), filename="t.txt"))
    claim = claim_ops.create_claim_by_quote(ws, art.id, "300 trucks")
    nfd = unicodedata.normalize("NFD", "Café")
    assert nfd != "Café"
    info = claim_ops.update_claim(ws, claim.id, tags=["Café", nfd, "  two   words "])
    assert list(info.tags) == ["Café", "two words"]
    assert claim_ops.all_tags(ws) == ["Café", "two words"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("x" * (MAX_TAG_LENGTH + 1), "at most"),
        ("evil\u202etxt.exe", "direction"),
        ("bell\x07", "control"),
    ],
)
def test_bad_tags_are_refused_and_nothing_changes(ws, name, reason) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said 40 ships left."
    art = add_article(ws, NewArticle(text=text, original=text.encode(), filename="s.txt"))
    claim = claim_ops.create_claim_by_quote(ws, art.id, "40 ships", tags=["kept"])
    with pytest.raises(InvalidInput, match=reason):
        claim_ops.update_claim(ws, claim.id, tags=["fine", name])
    assert list(claim_ops.get_claim(ws, claim.id).tags) == ["kept"]


def test_message_shows_invisible_characters_marked() -> None:
    with pytest.raises(InvalidInput) as info:
        normalise_tag("a\u202eb")
    assert "<U+202E>" in str(info.value) and "\u202e" not in str(info.value)


def test_cli_refuses_an_empty_tag(ws_path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said 40 ships left."
    path = ws_path.with_name("cli.txt")
    path.write_text(text)
    assert run(["--db", str(ws_path), "import", str(path)]) == 0
    article = capsys.readouterr().out.split()[0]
    args = ["claim", "add", "--article", article, "--quote", "40 ships", "--tag", " "]
    code = run(["--db", str(ws_path), *args])
    assert code == 2
    assert "empty" in capsys.readouterr().err
