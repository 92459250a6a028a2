"""The fifth held-out reference (tests/fixtures/assist_blind/) is well formed: every file decodes
in the encoding it is stored in, every mark reads back at its offsets in the stored text, and
every statement names its source.  Its scores are measured with bench/assist_unseen.py only.
"""

from __future__ import annotations

from pathlib import Path

from db.assist.reference import load_reference
from db.importing.text import decode_text, normalise_text

FOLDER = Path(__file__).parent / "fixtures" / "assist_blind"
CLAIM_KEYS = [
    "start", "end", "quote", "kind", "value", "value_max", "unit", "qualifier", "source",
    "relayed_by", "event_date", "hedge", "digits",
]  # fmt: skip
STATEMENT_KEYS = ["start", "end", "quote", "kind", "source", "relayed_by"]


def _stored(name: str) -> tuple[str, str]:
    data = (FOLDER / name).read_bytes()
    text, encoding = decode_text(data, name)
    return normalise_text(text), encoding


def test_five_languages_in_their_encodings() -> None:
    reference = load_reference(FOLDER)
    assert sorted(entry["language"] for entry in reference.values()) == [
        "ar", "da", "en", "ko", "ru",
    ]  # fmt: skip
    for name, entry in reference.items():
        text, encoding = _stored(name)
        assert encoding == entry["detected_encoding"], name
        assert f"\nPublished: {entry['published']}\n" in text, name
        raw, _ = decode_text((FOLDER / name).read_bytes(), name)
        assert ("\r\n" in raw) == (entry["line_ends"] == "CRLF"), name


def test_every_mark_reads_back_at_its_offsets() -> None:
    for name, entry in load_reference(FOLDER).items():
        text, _ = _stored(name)
        for claim in entry["claims"]:
            assert list(claim) == CLAIM_KEYS, (name, claim["quote"])
            assert claim["kind"] in ("figure", "date"), (name, claim["quote"])
            assert text[claim["start"] : claim["end"]] == claim["quote"], name
        for mark in entry["statements"]:
            assert list(mark) == STATEMENT_KEYS, (name, mark["quote"])
            assert mark["kind"] in ("attribution", "quotation"), (name, mark["quote"])
            assert mark["source"], (name, mark["quote"])
            assert text[mark["start"] : mark["end"]] == mark["quote"], name


def test_marked_in_the_numbers_the_readme_gives() -> None:
    reference = load_reference(FOLDER)
    claims = [c for entry in reference.values() for c in entry["claims"]]
    statements = [s for entry in reference.values() for s in entry["statements"]]
    assert len(claims) == 83
    assert sum(c["kind"] == "date" for c in claims) == 26
    assert sum(s["kind"] == "quotation" for s in statements) == 16
    assert sum(s["kind"] == "attribution" for s in statements) == 22
